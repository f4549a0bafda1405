package msg

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

func init() {
	errorEntries = append(errorEntries, []struct{ en, vi string }{
		{"test: sheet %q has no column %q", "test: trang %q không có cột %q"},
		{"test: the %s of %s", "test: %s của %s"},
		{"test: score", "test: điểm"},
		{"test: reading %s: %w", "test: đọc %s: %w"},
		{"test: %[1]s then %[2]s", "test: %[2]s trước %[1]s"},
	})
}

type located struct{ cell string }

func (l located) Localize(lang language.Tag) string {
	if lang == Vietnamese {
		return "ô " + l.cell
	}
	return "cell " + l.cell
}

func TestLocalize(t *testing.T) {
	inner := Errorf("test: sheet %q has no column %q", "Biểu 1", "Tỷ lệ")
	outer := Errorf("test: reading %s: %w", "a.xlsx", inner)
	foreign := fmt.Errorf("unconverted %s: %w", "x", inner)
	path := &fs.PathError{Op: "open", Path: "Số liệu.xlsx", Err: fs.ErrNotExist}
	tests := []struct {
		name   string
		v      any
		vi, en string
	}{
		{"plain", inner, `test: trang "Biểu 1" không có cột "Tỷ lệ"`, `test: sheet "Biểu 1" has no column "Tỷ lệ"`},
		{"wrapped", outer, `test: đọc a.xlsx: test: trang "Biểu 1" không có cột "Tỷ lệ"`, `test: reading a.xlsx: test: sheet "Biểu 1" has no column "Tỷ lệ"`},
		{"word and localizer arguments", Sprintf("test: the %s of %s", Word("test: score"), located{"B2"}), "test: test: điểm của ô B2", "test: the test: score of cell B2"},
		{"argument order", Sprintf("test: %[1]s then %[2]s", "a", "b"), "test: b trước a", "test: a then b"},
		{"another package wraps ours", foreign, `unconverted x: test: trang "Biểu 1" không có cột "Tỷ lệ"`, `unconverted x: test: sheet "Biểu 1" has no column "Tỷ lệ"`},
		{"file system", path, "không mở được Số liệu.xlsx: không có tệp hay thư mục này", "open Số liệu.xlsx: file does not exist"},
		{"a key without a text", Errorf("test: not in the catalogue %d", 3), "test: not in the catalogue 3", "test: not in the catalogue 3"},
		{"nil", nil, "", ""},
	}
	for _, tt := range tests {
		if got := Local(Vietnamese, tt.v); got != tt.vi {
			t.Errorf("%s: Vietnamese %q, want %q", tt.name, got, tt.vi)
		}
		if got := Local(English, tt.v); got != tt.en {
			t.Errorf("%s: English %q, want %q", tt.name, got, tt.en)
		}
		if tt.v == nil {
			continue
		}
		// The printers tell it in their language through %v; fmt in English.
		if got := New(Vietnamese).Sprintf("%v", tt.v); got != tt.vi {
			t.Errorf("%s: Vietnamese printer %q, want %q", tt.name, got, tt.vi)
		}
		if got := fmt.Sprintf("%v", tt.v); got != tt.en {
			t.Errorf("%s: fmt %q, want %q", tt.name, got, tt.en)
		}
	}
	// The framing text of the command line around a Vietnamese error.
	if got, want := New(Vietnamese).Sprintf("baocao: %v\n", outer), "baocao: lỗi: test: đọc a.xlsx: test: trang \"Biểu 1\" không có cột \"Tỷ lệ\"\n"; got != want {
		t.Errorf("framed: %q, want %q", got, want)
	}
	if got, want := New(Vietnamese).Sprintf("%q", Word("test: score")), strconv.Quote("test: điểm"); got != want {
		t.Errorf("%%q: %s, want %s", got, want)
	}
}

func TestErrorfWraps(t *testing.T) {
	base := errors.New("base")
	e := Errorf("test: reading %s: %w", "a.xlsx", base)
	if !errors.Is(e, base) {
		t.Error("errors.Is through Errorf")
	}
	if e.Error() != fmt.Errorf("test: reading %s: %w", "a.xlsx", base).Error() {
		t.Errorf("Error() = %q", e.Error())
	}
	var pe *fs.PathError
	if !errors.As(Errorf("x: %w", &fs.PathError{Op: "open", Path: "p", Err: fs.ErrNotExist}), &pe) || !errors.Is(pe, fs.ErrNotExist) {
		t.Error("errors.As through Errorf")
	}
	two := Errorf("%w and %w", base, fs.ErrClosed)
	if !errors.Is(two, base) || !errors.Is(two, fs.ErrClosed) {
		t.Error("two %w")
	}
}

// TestEveryTextTranslated: every text of the internal packages' catalogue
// is in NFC, once, with the verbs of its key.
func TestEveryTextTranslated(t *testing.T) {
	seen := map[string]bool{}
	for _, es := range errorEntries {
		for _, e := range es {
			if seen[e.en] {
				t.Errorf("key %q twice", e.en)
			}
			seen[e.en] = true
			if e.vi == "" || !norm.NFC.IsNormalString(e.vi) {
				t.Errorf("%q: Vietnamese text empty or not in NFC: %q", e.en, e.vi)
			}
			a, b := verb.FindAllString(e.en, -1), verb.FindAllString(e.vi, -1)
			if strings.Contains(e.vi, "%[") {
				// Explicit indexes: the same verbs in any order.
				a, b = indexedVerbs(e.en), indexedVerbs(e.vi)
			}
			if !slices.Equal(a, b) {
				t.Errorf("%q: verbs %v, Vietnamese %q has %v", e.en, a, e.vi, b)
			}
		}
	}
}

var indexed = regexp.MustCompile(`%(\[[0-9]+\])?[-+# 0-9.]*[a-zA-Z%]`)

// indexedVerbs lists a format's verbs as "n:verb", sorted, numbering
// them in order where the format gives no index.
func indexedVerbs(f string) []string {
	var out []string
	n := 0
	for _, m := range indexed.FindAllStringSubmatch(f, -1) {
		if strings.HasSuffix(m[0], "%") {
			continue
		}
		if m[1] != "" {
			n, _ = strconv.Atoi(strings.Trim(m[1], "[]"))
		} else {
			n++
		}
		v := strings.TrimPrefix(m[0], "%"+m[1])
		out = append(out, strconv.Itoa(n)+":"+v)
	}
	slices.Sort(out)
	return out
}

// messageFuncs are the functions whose argument at the index is a
// catalogue key: a literal there must have a Vietnamese text. A package
// that adds a helper taking a format (a check's finding, a template's
// error) lists it here.
var messageFuncs = map[string]int{
	"msg.Errorf":     0,
	"msg.Sprintf":    0,
	"msg.Word":       0,
	"dataset.Errorf": 1,
	// internal/report: Assemble's front-matter errors.
	"report.errorf":    0,
	"report.cellError": 1,
	// internal/appendix and internal/markdown: an error at a line.
	"d.errorf": 0,
	"r.errorf": 1,
	// The reading side (i18n-read).
	"s.fail":        0, // xlsxfile's scanner
	"formula.errAt": 2,
	"c.errf":        1, // formula's evaluator
	"c.unsup":       0,
	"l.errf":        1, // formula's lexer
	"p.errorf":      0, // figures' parser
	"c.errorf":      0, // check's
	"c.finding":     4,
	"c.errorAt":     1, // contract's
	"contract.add":  3,
}

// pending are the packages whose messages are still fmt.Errorf and
// errors.New: the next step converts them, and takes each off this list.
var pending = map[string]bool{}

// TestMessagesInCatalogue scans the module's Go files (tests excepted):
// every literal key of a message function has a Vietnamese text, and no
// package outside pending makes a worded error with fmt.Errorf or
// errors.New, which could not be told in Vietnamese.
func TestMessagesInCatalogue(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	worded := regexp.MustCompile(`[A-Za-z]{3,}`)
	for _, top := range []string{"cmd", "internal"} {
		err := filepath.WalkDir(filepath.Join(root, top), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || strings.Contains(path, "testdata") {
				return err
			}
			rel, _ := filepath.Rel(root, filepath.Dir(path))
			rel = filepath.ToSlash(rel)
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			f, err := parser.ParseFile(fset, path, src, 0)
			if err != nil {
				return err
			}
			pkg := f.Name.Name
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				name := callName(call.Fun, pkg)
				if i, ok := messageFuncs[name]; ok && i < len(call.Args) && !pending[rel] {
					if key, ok := literal(call.Args[i]); ok && worded.MatchString(verb.ReplaceAllString(key, "")) && !HasText(key) {
						t.Errorf("%s: %s(%q) has no Vietnamese text in internal/msg/catalogue_*.go", fset.Position(call.Pos()), name, key)
					}
				}
				if (name == "fmt.Errorf" || name == "errors.New") && len(call.Args) > 0 && !pending[rel] {
					if s, ok := literal(call.Args[0]); ok && worded.MatchString(verb.ReplaceAllString(s, "")) {
						t.Errorf("%s: %s(%q): a message a user reads is made with msg.Errorf, so that it can be told in Vietnamese", fset.Position(call.Pos()), name, s)
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// callName is "pkg.Func" for a call of a package's function, and for a
// call inside package pkg of its own function.
func callName(fun ast.Expr, pkg string) string {
	switch f := fun.(type) {
	case *ast.SelectorExpr:
		if x, ok := f.X.(*ast.Ident); ok {
			return x.Name + "." + f.Sel.Name
		}
	case *ast.Ident:
		return pkg + "." + f.Name
	}
	return ""
}

// literal is the value of a string literal, or of a concatenation of
// literals.
func literal(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind == token.STRING {
			s, err := strconv.Unquote(x.Value)
			return s, err == nil
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			a, ok1 := literal(x.X)
			b, ok2 := literal(x.Y)
			return a + b, ok1 && ok2
		}
	}
	return "", false
}

// TestNoUnusedEntries: every key of both catalogues is a literal
// somewhere in the module's code, so a message reworded at its call does
// not leave its old translation behind.
func TestNoUnusedEntries(t *testing.T) {
	root := filepath.Join("..", "..")
	used := map[string]bool{}
	fset := token.NewFileSet()
	for _, top := range []string{"cmd", "internal"} {
		err := filepath.WalkDir(filepath.Join(root, top), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") ||
				strings.HasPrefix(filepath.Base(path), "catalogue") {
				return err
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if e, ok := n.(ast.Expr); ok {
					if s, ok := literal(e); ok {
						used[s] = true
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	all := append([][]struct{ en, vi string }{entries}, errorEntries...)
	for _, es := range all {
		for _, e := range es {
			if !used[e.en] && !strings.HasPrefix(e.en, "test: ") {
				t.Errorf("entry %q is not used by any code", e.en)
			}
		}
	}
}

func TestList(t *testing.T) {
	l := List{Sep: "; ", Items: []any{Word("a text"), "C5", 3, nil}}
	tests := []struct {
		lang language.Tag
		want string
	}{
		{English, "a text; C5; 3; "},
		{Vietnamese, Local(Vietnamese, Word("a text")) + "; C5; 3; "},
	}
	for _, tt := range tests {
		if got := l.Localize(tt.lang); got != tt.want {
			t.Errorf("%v: %q, want %q", tt.lang, got, tt.want)
		}
	}
	if got := fmt.Sprintf("%q", l); got != `"a text; C5; 3; "` {
		t.Errorf("%%q under fmt: %s", got)
	}
	if got := New(Vietnamese).Sprintf("%v", List{Sep: ", ", Items: []any{Word("a text")}}); got != Local(Vietnamese, Word("a text")) {
		t.Errorf("a Vietnamese printer says %q", got)
	}
	if Local(Vietnamese, Word("a text")) == "a text" {
		t.Error(`"a text" has no Vietnamese text: the test cannot tell the languages apart`)
	}
}
