package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestVietnamesePaths: a secretariat's folders and files have Vietnamese
// names with spaces (on Windows as anywhere): a template folder "Mẫu báo
// cáo", a workbook "Số liệu quý 3.xlsx", an output folder "Kết quả".
// Every command takes them, relative and absolute, and the reports are
// named after the workbook, made safe the way every output name is
// (internal/safename: a space becomes "-", the letters stay).
func TestVietnamesePaths(t *testing.T) {
	dir := t.TempDir()
	tpl := filepath.Join(dir, "Mẫu báo cáo")
	if err := os.MkdirAll(tpl, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"report.md", "kiem-tra.yaml", "du-lieu.yaml"} {
		copyFile(t, filepath.Join("../../templates/chi-so-cchc-9-thang", f), filepath.Join(tpl, f))
	}
	data := filepath.Join(dir, "Số liệu quý 3.xlsx")
	copyFile(t, "../../data/sa-dec-2024.xlsx", data)
	out := filepath.Join(dir, "Kết quả")

	step := func(args []string, code int, inOut string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if got := run(args, &stdout, &stderr); got != code || !strings.Contains(stdout.String(), inOut) {
			t.Errorf("%q: exit %d, want %d; stdout lacks %q?\nstdout: %s\nstderr: %s", args, got, code, inOut, &stdout, &stderr)
		}
		return stdout.String()
	}
	step([]string{"build", "--template", tpl, "--data", data, "--out", out}, exitOK, "đã ghi "+filepath.Join(out, "Số-liệu-quý-3.docx"))
	for _, f := range []string{"Số-liệu-quý-3.docx", "Số-liệu-quý-3.pdf"} {
		st, err := os.Stat(filepath.Join(out, f))
		if err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if !norm.NFC.IsNormalString(e.Name()) {
			t.Errorf("%q not in NFC", e.Name())
		}
	}
	// Unchanged: skipped, which needs the manifest to name the same paths.
	step([]string{"build", "--template", tpl, "--data", data, "--out", out}, exitOK, "bỏ qua Số-liệu-quý-3: mẫu và số liệu không đổi")
	// Relative paths, from the folder that holds them, and an output name
	// of its own.
	t.Chdir(dir)
	step([]string{"build", "--template", "Mẫu báo cáo", "--data", "Số liệu quý 3.xlsx", "--out", "Kết quả", "--name", "Báo cáo quý 3"}, exitOK,
		"đã ghi "+filepath.Join("Kết quả", "Báo-cáo-quý-3.pdf"))
	step([]string{"validate", "--template", "Mẫu báo cáo", "--data", "Số liệu quý 3.xlsx"}, exitOK, "cảnh báo: Số liệu quý 3.xlsx")
	step([]string{"diff", "--template", "Mẫu báo cáo", "Số liệu quý 3.xlsx", data}, exitOK, "Số liệu quý 3.xlsx và "+data+" cho cùng một báo cáo.")
	step([]string{"workbook", "--template", "Mẫu báo cáo", "--out", filepath.Join("Kết quả", "Bảng trống.xlsx")}, exitOK, "đã ghi "+filepath.Join("Kết quả", "Bảng trống.xlsx"))
	if _, err := os.Stat(filepath.Join(out, "Bảng trống.xlsx")); err != nil {
		t.Error(err)
	}
}
