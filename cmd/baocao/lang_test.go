package main

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"baocao/internal/msg"
)

// TestMain runs the tests in the default language, Vietnamese, whatever
// the machine's locale: the environment's language is read through
// getenv, which here sees no locale variable.
func TestMain(m *testing.M) {
	getenv = noLocale
	os.Exit(m.Run())
}

func noLocale(k string) string {
	switch k {
	case "LC_ALL", "LC_MESSAGES", "LANG":
		return ""
	}
	return os.Getenv(k)
}

// TestEnglish runs each command once in English (--lang en before or
// after the command, or the environment's language).
func TestEnglish(t *testing.T) {
	out := t.TempDir()
	sd := "../../data/sa-dec-2024.xlsx"
	tests := []struct {
		name  string
		env   string // LANG
		args  []string
		code  int
		inOut string
		inErr string
	}{
		{"help", "", []string{"--lang", "en", "help"}, exitOK, "Usage:\n  baocao build [flags]", ""},
		{"help build", "", []string{"help", "build", "--lang=en"}, exitOK, "--template DIR --data FILE.xlsx", ""},
		{"help build lists the flags", "", []string{"help", "build", "--lang=en"}, exitOK, "  -out string\n    \toutput folder (default \"output\")\n", ""},
		{"bad value", "", []string{"build", "--jobs", "x", "--lang", "en"}, exitUsage, "", `baocao: invalid value "x" for flag -jobs: parse error`},
		{"no command", "", []string{"--lang", "en"}, exitUsage, "", "Usage:"},
		{"unknown command", "", []string{"-lang", "en", "bake"}, exitUsage, "", `baocao: unknown command "bake"`},
		{"bad flag", "", []string{"build", "--colour", "--lang", "en"}, exitUsage, "", "baocao: flag provided but not defined: -colour\n\nRun \"baocao help build\" for usage.\n"},
		{"build -h", "", []string{"--lang", "en", "build", "-h"}, exitOK, "", "template folder (holding report.md)"},
		{"build", "", []string{"build", "--lang", "en", "--template", "chi-so-cchc-9-thang", "--data", sd, "--out", out}, exitOK,
			"wrote " + filepath.Join(out, "sa-dec-2024.pdf"), "warning: " + sd},
		{"build again", "", []string{"build", "--lang", "en", "--template", "chi-so-cchc-9-thang", "--data", sd, "--out", out}, exitOK,
			"skipped sa-dec-2024: template and data unchanged since the last build (--force rebuilds)", ""},
		{"validate", "", []string{"--lang", "en", "validate"}, exitOK, "\n0 error(s), 19 warning(s)\n", ""},
		{"validate, English locale", "en_US.UTF-8", []string{"validate"}, exitOK, "\n0 error(s), 19 warning(s)\n", ""},
		{"--lang over the locale", "en_US.UTF-8", []string{"validate", "--lang", "vi"}, exitOK, "\n0 lỗi, 19 cảnh báo\n", ""},
		{"diff", "", []string{"diff", "--lang", "en", "--template", "chi-so-cchc-9-thang", sd, sd}, exitOK, sd + " and " + sd + " give the same report.", ""},
		{"workbook", "", []string{"workbook", "--lang", "en", "--template", "chi-so-cchc-9-thang", "--out", filepath.Join(out, "trong.xlsx")}, exitOK,
			"wrote " + filepath.Join(out, "trong.xlsx"), ""},
		{"serve", "", []string{"serve", "--lang", "en", "--addr", "127.0.0.1:99999", "--data-dir", t.TempDir()}, exitData, "",
			"baocao: could not listen on 127.0.0.1:99999 (baocao may be running already): "},
		{"version", "", []string{"--version", "--lang", "en"}, exitOK, "baocao version ", ""},
		{"bad --lang", "", []string{"--lang", "fr", "build"}, exitUsage, "", "baocao: lỗi: --lang \"fr\": cần vi hoặc en"},
		{"--lang without a value", "", []string{"build", "--lang"}, exitUsage, "", "baocao: lỗi: tùy chọn -lang cần một giá trị"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv = func(k string) string {
				if k == "LANG" {
					return tt.env
				}
				return noLocale(k)
			}
			defer func() { getenv = noLocale }()
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, &stdout, &stderr)
			}
			if !strings.Contains(stdout.String(), tt.inOut) {
				t.Errorf("stdout lacks %q:\n%s", tt.inOut, &stdout)
			}
			if !strings.Contains(stderr.String(), tt.inErr) {
				t.Errorf("stderr lacks %q:\n%s", tt.inErr, &stderr)
			}
		})
	}
}

func TestVersion(t *testing.T) {
	bi := &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "baocao", Version: "v1.2.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "2ebb58d0c1"}, {Key: "vcs.time", Value: "2026-12-01T10:00:00Z"}, {Key: "vcs.modified", Value: "true"},
	}}
	tests := []struct {
		lang string
		bi   *debug.BuildInfo
		want string
	}{
		{"vi", bi, "baocao phiên bản v1.2.0\n  bản sửa đổi: 2ebb58d0c1 (có thay đổi chưa commit)\n  thời điểm commit: 2026-12-01T10:00:00Z\n  Go: go1.26.0\n"},
		{"en", bi, "baocao version v1.2.0\n  revision: 2ebb58d0c1 (with uncommitted changes)\n  commit time: 2026-12-01T10:00:00Z\n  Go: go1.26.0\n"},
		{"vi", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}},
			"baocao phiên bản (bản đang phát triển)\n  bản sửa đổi: không rõ (bản dựng không ghi lại)\n  Go: go1.26.0\n"},
	}
	for _, tt := range tests {
		lang, _ := msg.Parse(tt.lang)
		tr = msg.New(lang)
		var b bytes.Buffer
		writeVersion(&b, tt.bi)
		if b.String() != tt.want {
			t.Errorf("%s:\n%s\nwant\n%s", tt.lang, &b, tt.want)
		}
	}
	// This test binary's own build info.
	for _, args := range [][]string{{"version"}, {"--version"}, {"-version"}} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != exitOK || !strings.HasPrefix(stdout.String(), "baocao phiên bản ") || !strings.Contains(stdout.String(), "  Go: "+runtime.Version()+"\n") {
			t.Errorf("%v: exit %d\n%s%s", args, code, &stdout, &stderr)
		}
	}
}

// TestEveryTextInCatalogue reads this command's source: every text it
// prints goes through the catalogue (a call of tr with a key that has a
// Vietnamese translation); a literal with words in a call of fmt, errors
// or usageError is a text that would stay English.
func TestEveryTextInCatalogue(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	keys := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				pkg, _ := sel.X.(*ast.Ident)
				if pkg == nil {
					return true
				}
				for _, a := range n.Args {
					lit, ok := a.(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						continue
					}
					s, _ := strconv.Unquote(lit.Value)
					switch pkg.Name {
					case "tr":
						keys++
						if !msg.Has(s) {
							t.Errorf("%s: %q has no Vietnamese translation in internal/msg", fset.Position(lit.Pos()), s)
						}
					case "fmt", "errors":
						if hasWords(s) && !neverPrinted[s] {
							t.Errorf("%s: %s.%s(%q) prints a text outside the catalogue", fset.Position(lit.Pos()), pkg.Name, sel.Sel.Name, s)
						}
					}
					// The key is the first text; the others are arguments.
					break
				}
			case *ast.CompositeLit:
				if id, ok := n.Type.(*ast.Ident); ok && id.Name == "usageError" {
					for _, a := range n.Elts {
						if lit, ok := a.(*ast.BasicLit); ok {
							t.Errorf("%s: usageError{%s} outside the catalogue", fset.Position(lit.Pos()), lit.Value)
						}
					}
				}
			}
			return true
		})
	}
	if keys < 50 {
		t.Errorf("only %d texts through the catalogue: the scan misses calls", keys)
	}
	for _, u := range []string{msg.UsageMain, msg.UsageBuild, msg.UsageValidate, msg.UsageDiff, msg.UsageWorkbook, msg.UsageServe, msg.UsageVersion} {
		if !msg.Has(u) {
			t.Errorf("usage without Vietnamese:\n%s", u)
		}
	}
}

// neverPrinted: texts of errors that run recognises and does not print.
var neverPrinted = map[string]bool{
	"checks failed": true, // errFindings: the findings were printed already
}

// hasWords reports whether a format has words besides its verbs and the
// program's name: "%s%s: %s → %s\n" has none.
func hasWords(s string) bool {
	s = strings.ReplaceAll(s, "baocao", "")
	s = verbRE.ReplaceAllString(s, "")
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

var verbRE = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// TestJSONInLanguage: validate --format json and diff --format json write
// their messages in the run's language, as the text output does.
func TestJSONInLanguage(t *testing.T) {
	sd := "../../data/sa-dec-2024.xlsx"
	changed := editedCopy(t, sd, "Chỉ số CCHC", "E36", 3.5)
	failing := editedCopy(t, sd, "Chỉ số CCHC", "E36", 5)
	for _, lang := range []string{"vi", "en"} {
		tag, _ := msg.Parse(lang)
		// validate: each message is the finding's own In(lang).
		var stdout, stderr bytes.Buffer
		if code := run([]string{"validate", "--lang", lang, "--format", "json", "--template", "chi-so-cchc-9-thang", "--data", sd}, &stdout, &stderr); code != exitOK {
			t.Fatalf("validate %s: exit %d\n%s", lang, code, &stderr)
		}
		var got []struct{ Message string }
		if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		jobs, err := makeJobs("chi-so-cchc-9-thang", sd, "", "")
		if err != nil {
			t.Fatal(err)
		}
		want := jobs[0].Validate()
		if len(got) != len(want) || len(got) == 0 {
			t.Fatalf("validate %s: %d findings, want %d", lang, len(got), len(want))
		}
		for i := range got {
			if w := want[i].In(tag).Message; got[i].Message != w {
				t.Errorf("validate %s: finding %d %q, want %q", lang, i, got[i].Message, w)
			}
		}
	}
	// diff: the labels.
	for _, tt := range []struct{ lang, label string }{
		{"vi", `"label": "chỉ số 6 (Cải cách tài chính công): điểm đạt"`},
		{"en", `"label": "indicator 6 (Cải cách tài chính công): score (điểm đạt)"`},
	} {
		var stdout, stderr bytes.Buffer
		run([]string{"diff", "--lang", tt.lang, "--format", "json", "--template", "chi-so-cchc-9-thang", sd, changed}, &stdout, &stderr)
		if !strings.Contains(stdout.String(), tt.label) {
			t.Errorf("diff %s: no %s in\n%s%s", tt.lang, tt.label, &stdout, &stderr)
		}
	}
	// The findings of a workbook build would refuse, in the text output.
	for _, tt := range []struct{ lang, where string }{
		{"vi", `moi.xlsx, trang "Chỉ số CCHC", ô E36: `},
		{"en", `moi.xlsx, sheet "Chỉ số CCHC", cell E36: `},
	} {
		var stdout, stderr bytes.Buffer
		run([]string{"diff", "--lang", tt.lang, "--template", "chi-so-cchc-9-thang", sd, failing}, &stdout, &stderr)
		if !strings.Contains(stdout.String(), tt.where) {
			t.Errorf("diff %s: no %s in\n%s%s", tt.lang, tt.where, &stdout, &stderr)
		}
	}
}

// TestErrorsInLanguage: the command's own errors, told by the printer in
// the run's language with nothing English left, and in English with
// --lang en.
func TestErrorsInLanguage(t *testing.T) {
	dir := t.TempDir()
	// A template without its data contract.
	noContract := filepath.Join(dir, "mau")
	os.MkdirAll(noContract, 0o755)
	src, _ := filepath.Glob("../../templates/chi-so-cchc-9-thang/*")
	for _, f := range src {
		if b, err := os.ReadFile(f); err == nil && filepath.Base(f) != "du-lieu.yaml" {
			os.WriteFile(filepath.Join(noContract, filepath.Base(f)), b, 0o644)
		}
	}
	text := filepath.Join(dir, "số liệu.xlsx")
	os.WriteFile(text, []byte("STT;Tên\n1;a\n"), 0o644)
	tests := []struct {
		name   string
		args   []string
		vi, en string
	}{
		{"not a workbook", []string{"build", "--template", "chi-so-cchc-9-thang", "--data", text, "--out", filepath.Join(dir, "out")},
			"baocao: lỗi: " + text + ": không mở được bảng tính .xlsx", "baocao: " + text + ": "},
		{"no such template folder", []string{"build", "--template", filepath.Join(dir, "khong-co"), "--data", "../../data/sa-dec-2024.xlsx"},
			"baocao: lỗi: thư mục mẫu " + filepath.Join(dir, "khong-co") + ": không xem được", "baocao: the template folder " + filepath.Join(dir, "khong-co") + ": "},
		{"no contract", []string{"workbook", "--template", noContract, "--out", filepath.Join(dir, "a.xlsx")},
			"baocao: lỗi: mẫu " + noContract + " không có du-lieu.yaml nên baocao không biết", "baocao: template " + noContract + " has no du-lieu.yaml, so"},
		{"not consolidating", []string{"build", "--template", "chi-so-cchc-9-thang", "--data", "../../data/sa-dec-2024.xlsx", "--units", dir},
			"baocao: lỗi: chi-so-cchc-9-thang: mẫu này không phải mẫu tổng hợp", "baocao: chi-so-cchc-9-thang: the template does not consolidate"},
	}
	for _, tt := range tests {
		for _, lang := range []string{"vi", "en"} {
			var stdout, stderr bytes.Buffer
			run(append([]string{"--lang", lang}, tt.args...), &stdout, &stderr)
			want := tt.vi
			if lang == "en" {
				want = tt.en
			}
			if !strings.HasPrefix(stderr.String(), want) {
				t.Errorf("%s, %s: %q, want %q", tt.name, lang, stderr.String(), want)
			}
			if lang == "vi" {
				for _, w := range englishWords {
					if strings.Contains(" "+stderr.String()+" ", w) {
						t.Errorf("%s: English %q left in %q", tt.name, w, stderr.String())
					}
				}
			}
		}
	}
}

// englishWords betray a message left in English inside a Vietnamese run.
var englishWords = []string{" the ", " template ", " folder ", " file ", " no such ", " sheet ", " cell ", " expected ", " found ", " is required", " row ", " column "}

// TestFindingsInLanguage: the findings of a blank workbook (every
// required fact empty, a chỉ tiêu that divides by zero) are wholly
// Vietnamese, their locations included, and wholly English with --lang en.
func TestFindingsInLanguage(t *testing.T) {
	blank := filepath.Join(t.TempDir(), "mẫu trống.xlsx")
	var o, e bytes.Buffer
	if code := run([]string{"workbook", "--template", "cchc-nam-xa-phuong", "--out", blank}, &o, &e); code != exitOK {
		t.Fatalf("workbook: exit %d: %s", code, &e)
	}
	for _, lang := range []string{"vi", "en"} {
		var stdout, stderr bytes.Buffer
		code := run([]string{"--lang", lang, "validate", "--template", "cchc-nam-xa-phuong", "--data", blank}, &stdout, &stderr)
		out := stdout.String() + stderr.String()
		if code != exitData {
			t.Errorf("%s: exit %d, want %d: %s", lang, code, exitData, out)
		}
		want := `trang "Thông tin", ô B3: ten_don_vi`
		if lang == "en" {
			want = `sheet "Thông tin", cell B3: ten_don_vi`
		}
		if !strings.Contains(out, want) {
			t.Errorf("%s: %q not in\n%s", lang, want, out)
		}
		if lang == "en" {
			for _, w := range []string{"trang \"", " ô ", "bắt buộc", "cần "} {
				if strings.Contains(out, w) {
					t.Errorf("en: Vietnamese %q left in\n%s", w, out)
				}
			}
			continue
		}
		for _, line := range strings.Split(out, "\n") {
			for _, w := range englishWords {
				if strings.Contains(" "+line+" ", w) {
					t.Errorf("vi: English %q left in %q", w, line)
				}
			}
		}
	}
}
