package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestRun(t *testing.T) {
	out := t.TempDir()
	input, _ := os.ReadFile("../../data/sa-dec-2024.xlsx")
	defer func() {
		if after, _ := os.ReadFile("../../data/sa-dec-2024.xlsx"); !bytes.Equal(input, after) {
			t.Error("a build modified its input workbook")
		}
	}()
	tests := []struct {
		name  string
		args  []string
		code  int
		inOut string // expected in stdout
		inErr string // expected in stderr
	}{
		{"no command", nil, exitUsage, "", "Cách dùng:"},
		{"unknown command", []string{"bake"}, exitUsage, "", `baocao: lỗi: không có lệnh "bake"`},
		{"help", []string{"help"}, exitOK, "baocao build", ""},
		{"help build", []string{"help", "build"}, exitOK, "--template THƯ-MỤC", ""},
		{"build -h", []string{"build", "-h"}, exitOK, "", "thư mục mẫu báo cáo (chứa report.md)"},
		{"bad flag", []string{"build", "--colour"}, exitUsage, "", "baocao: lỗi: không có tùy chọn -colour\n\nXem cách dùng: \"baocao help build\"."},
		{"bad value", []string{"build", "--jobs", "x"}, exitUsage, "", `baocao: lỗi: giá trị "x" của tùy chọn -jobs không hợp lệ: không đọc được`},
		{"help build lists the flags", []string{"help", "build"}, exitOK, "  -out string\n    \tthư mục lưu kết quả (mặc định: \"output\")\n", ""},
		{"template without data", []string{"build", "--template", "x"}, exitUsage, "", "--template và --data phải đi cùng nhau"},
		{"stray argument", []string{"build", "x"}, exitUsage, "", `thừa đối số "x"`},
		{"missing template", []string{"build", "--template", filepath.Join(out, "none"), "--data", "x.xlsx"}, exitData, "", "report.md"},
		{"validate samples", []string{"validate"}, exitOK, "\n0 lỗi, 19 cảnh báo\n", ""},
		{"validate json", []string{"validate", "--format", "json"}, exitOK, `"cell": "E36"`, ""},
		{"validate bad format", []string{"validate", "--format", "xml"}, exitUsage, "", `--format "xml": cần text hoặc json`},
		{"help validate", []string{"help", "validate"}, exitOK, "kiem-tra.yaml", ""},
		{"samples", []string{"build", "--out", out}, exitOK, "đã ghi " + filepath.Join(out, "sa-dec-9-thang-2024.docx"), "cảnh báo: data/sa-dec-2024.xlsx"},
		{"own template and data", []string{"build", "--template", "../../templates/chi-so-cchc-9-thang", "--data", "../../data/sa-dec-2024.xlsx", "--out", out, "--name", "ban-sao"},
			exitOK, "ban-sao.pdf", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
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
	for _, f := range []string{"sa-dec-9-thang-2024.docx", "sa-dec-9-thang-2024.pdf", "ban-sao.docx"} {
		if st, err := os.Stat(filepath.Join(out, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s not written: %v", f, err)
		}
	}
}

// TestDataErrorNamesCell: a wrong figure in the workbook stops the build
// with exit 1 and a message naming the sheet and cell; nothing is written.
func TestDataErrorNamesCell(t *testing.T) {
	dir := t.TempDir()
	tpl := filepath.Join(dir, "t")
	os.MkdirAll(tpl, 0o755)
	os.WriteFile(filepath.Join(tpl, "report.md"), []byte("---\nco_quan: [UBND]\nso: 1\nky_hieu: BC-UBND\ndia_danh: X\nngay: 01/01/2026\nten_loai: Báo cáo\n---\n{{ pad (fact \"so_xa\") }} xã\n"), 0o644)
	var stdout, stderr bytes.Buffer
	code := run([]string{"build", "--template", tpl, "--data", "../../data/sa-dec-2024.xlsx", "--out", filepath.Join(dir, "out")}, &stdout, &stderr)
	if code != exitData || !strings.Contains(stderr.String(), `baocao: lỗi: `+tpl+`/report.md:9:8: tại <fact "so_xa">: ../../data/sa-dec-2024.xlsx, trang "Thông tin": không có dữ kiện nào có khóa "so_xa"`) {
		t.Errorf("exit %d, stderr %s", code, &stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("output folder created for a failed build")
	}
}

// TestFailedCheckStopsBuild: a check of error severity stops the build
// with exit 1, prints the finding, and writes nothing; validate says the
// same and exits 1.
func TestFailedCheckStopsBuild(t *testing.T) {
	dir := t.TempDir()
	tpl := filepath.Join(dir, "t")
	os.MkdirAll(tpl, 0o755)
	os.WriteFile(filepath.Join(tpl, "report.md"), []byte("---\nco_quan: [UBND]\nso: 1\nky_hieu: BC-UBND\ndia_danh: X\nngay: 01/01/2026\nten_loai: Báo cáo\n---\nA\n"), 0o644)
	// Field 6 of the sample scores 3 of a maximum 4 less 3 survey points:
	// a warning by default, an error when the template says so.
	os.WriteFile(filepath.Join(tpl, "kiem-tra.yaml"), []byte("- loai: diem\n  muc: loi\n"), 0o644)
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	code := run([]string{"build", "--template", tpl, "--data", "../../data/sa-dec-2024.xlsx", "--out", out}, &stdout, &stderr)
	if code != exitData || !strings.Contains(stderr.String(), `trang "Chỉ số CCHC", ô E36: `) || !strings.Contains(stderr.String(), "baocao: lỗi: số liệu không đạt 1 phép kiểm tra; chưa ghi tệp nào:\n  ") {
		t.Errorf("build: exit %d, stderr %s", code, &stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("output folder created for a build that failed its checks")
	}
	stdout.Reset()
	code = run([]string{"validate", "--template", tpl, "--data", "../../data/sa-dec-2024.xlsx"}, &stdout, &stderr)
	if code != exitData || !strings.Contains(stdout.String(), "lỗi: ../../data/sa-dec-2024.xlsx") || !strings.Contains(stdout.String(), "1 lỗi, ") {
		t.Errorf("validate: exit %d, stdout %s", code, &stdout)
	}
}

// editedCopy writes a copy of a sample workbook with one cell changed.
func editedCopy(t *testing.T, src, sheet, cell string, v any) string {
	t.Helper()
	f, err := excelize.OpenFile(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellValue(sheet, cell, v); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "moi.xlsx")
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDiff(t *testing.T) {
	sd := "../../data/sa-dec-2024.xlsx"
	changed := editedCopy(t, sd, "Chỉ số CCHC", "E36", 3.5)
	// A score over its maximum: build refuses it, and diff says so.
	failing := editedCopy(t, sd, "Chỉ số CCHC", "E36", 5)
	before, _ := os.ReadFile(sd)
	tests := []struct {
		name  string
		args  []string
		code  int
		inOut string
	}{
		{"same workbook", []string{"diff", "--template", "chi-so-cchc-9-thang", sd, sd}, 0, sd + " và " + sd + " cho cùng một báo cáo."},
		{"one score", []string{"diff", "--template", "../../templates/chi-so-cchc-9-thang", sd, changed}, 1,
			"1 số liệu đã đổi từ " + sd + " sang " + changed + ":\n\nChỉ số CCHC!E36  chỉ số 6 (Cải cách tài chính công): điểm đạt: 3 → 3,5"},
		{"json", []string{"diff", "--format", "json", "--template", "chi-so-cchc-9-thang", sd, changed}, 1, ""},
		{"new fails its checks", []string{"diff", "--template", "chi-so-cchc-9-thang", sd, failing}, 1,
			"moi.xlsx không đạt 1 phép kiểm tra; lệnh build sẽ từ chối cho tới khi sửa xong:\n  moi.xlsx, trang \"Chỉ số CCHC\", ô E36: "},
		{"one file", []string{"diff", "--template", "chi-so-cchc-9-thang", sd}, 2, ""},
		{"no template", []string{"diff", sd, sd}, 2, ""},
		{"missing workbook", []string{"diff", "--template", "chi-so-cchc-9-thang", sd, "khong-co.xlsx"}, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.code, &stdout, &stderr)
			}
			if tt.name == "json" {
				if !strings.Contains(stdout.String(), `"changes"`) || !strings.Contains(stdout.String(), `"reach"`) {
					t.Errorf("json output:\n%s", &stdout)
				}
				return
			}
			if !strings.Contains(stdout.String(), tt.inOut) {
				t.Errorf("stdout lacks %q:\n%s", tt.inOut, &stdout)
			}
		})
	}
	if after, _ := os.ReadFile(sd); !bytes.Equal(before, after) {
		t.Error("diff modified its input")
	}
}

// TestInputNeverOverwritten runs the commands of issue 16 that wrote the
// appendix workbook over the input: each is refused with exit 1 before
// anything is written, and says what to do.
func TestInputNeverOverwritten(t *testing.T) {
	input, err := os.ReadFile("../../data/thach-an-2021-2025.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("ta.xlsx", input, 0o644)
	os.Mkdir("out", 0o755)
	os.Symlink(filepath.Join(dir, "ta.xlsx"), filepath.Join("out", "bao-cao.xlsx"))
	os.Link("ta.xlsx", filepath.Join("out", "cung.xlsx"))
	tpl := []string{"build", "--template", "tong-ket-cchc-2021-2025", "--data", "ta.xlsx"}
	for _, args := range [][]string{
		{"--out", "."},
		{"--out", ".", "--name", "ta"},
		{"--out", dir, "--name", "ta"},
		{"--out", "out", "--name", "bao-cao"}, // a symbolic link to the workbook
		{"--out", "out", "--name", "cung"},    // a hard link to it
	} {
		var stdout, stderr bytes.Buffer
		code := run(append(tpl, args...), &stdout, &stderr)
		if code != exitData || !strings.Contains(stderr.String(), "tệp mà baocao chỉ đọc; hãy chọn thư mục --out khác hoặc tên --name khác") {
			t.Errorf("%v: exit %d, stderr %s", args, code, &stderr)
		}
		if stdout.Len() > 0 {
			t.Errorf("%v: %s", args, &stdout)
		}
	}
	if got, _ := os.ReadFile("ta.xlsx"); !bytes.Equal(got, input) {
		t.Error("the workbook was changed")
	}
	for _, d := range []string{".", "out"} {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if n := e.Name(); n != "ta.xlsx" && n != "out" && n != "bao-cao.xlsx" && n != "cung.xlsx" {
				t.Errorf("%s written", filepath.Join(d, n))
			}
		}
	}
}

// TestNameMadeSafe: --name is a file name: a path is refused (nothing is
// written outside --out), and a name that some file system refuses is made
// safe like the names of a batch.
func TestNameMadeSafe(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "a", "b", "out")
	build := []string{"build", "--template", "../../templates/chi-so-cchc-9-thang", "--data", "../../data/sa-dec-2024.xlsx", "--out", out}
	var stdout, stderr bytes.Buffer
	if code := run(append(build, "--name", "../../x"), &stdout, &stderr); code != exitUsage || !strings.Contains(stderr.String(), "chọn thư mục bằng --out") {
		t.Errorf("--name ../../x: exit %d, stderr %s", code, &stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("written: %v", entries)
	}
	stdout.Reset()
	if code := run(append(build, "--name", "CON"), &stdout, &stderr); code != exitOK || !strings.Contains(stdout.String(), "đã ghi "+filepath.Join(out, "CON_.docx")) {
		t.Errorf("--name CON: exit %d, stdout %s, stderr %s", code, &stdout, &stderr)
	}
}
