package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"baocao/internal/testtool"

	"github.com/xuri/excelize/v2"
)

// unitsBook adds a sheet "Đơn vị" of n units to the Sa Đéc sample: each
// row names a ward, its document number, its place and signer. Unit 7 has
// a document number that is not a number, so its report fails.
func unitsBook(tb testing.TB, n int) string {
	tb.Helper()
	f, err := excelize.OpenFile("../../data/sa-dec-2024.xlsx")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sh := "Đơn vị"
	if _, err := f.NewSheet(sh); err != nil {
		tb.Fatal(err)
	}
	f.SetSheetRow(sh, "A1", &[]any{"Đơn vị", "ten_don_vi", "dia_danh", "so_van_ban", "nguoi_ky"})
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("Phường %d", i+1)
		switch i {
		case 3:
			name = "../../etc/passwd"
		case 4:
			name = "CON"
		case 5:
			name = "Phường " + strings.Repeat("Nguyễn Thị Minh Khai ", 15)
		}
		so := any(100 + i)
		if i == 6 {
			so = "một trăm"
		}
		row := []any{name, strings.ToLower(fmt.Sprintf("phường %d", i+1)), fmt.Sprintf("Phường %d", i+1), so, "Trần Văn An"}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		f.SetSheetRow(sh, cell, &row)
	}
	path := filepath.Join(tb.TempDir(), "don-vi.xlsx")
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
	return path
}

func TestBatch(t *testing.T) {
	data := unitsBook(t, 100)
	out := filepath.Join(t.TempDir(), "out")
	args := []string{"build", "--template", "../../templates/chi-so-cchc-9-thang", "--data", data, "--each", "Đơn vị", "--out", out, "--jobs", "3"}
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	if code != exitData {
		t.Errorf("exit %d, want 1 (one unit fails)\n%s%s", code, &stdout, &stderr)
	}
	if !strings.Contains(stdout.String(), "100 báo cáo: đã lập 99, bỏ qua 0 (không đổi), lỗi 1") ||
		!strings.Contains(stdout.String(), `  lỗi Phường-7: `) || !strings.Contains(stdout.String(), `"một trăm"`) {
		t.Errorf("summary:\n%s", &stdout)
	}
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
		if len(e.Name()) > 255 || !utf8.ValidString(e.Name()) {
			t.Errorf("bad file name %q", e.Name())
		}
	}
	all := strings.Join(names, "\n")
	for _, want := range []string{"Phường-1.docx", "Phường-100.pdf", "CON_.docx", "etc-passwd.docx"} {
		if !strings.Contains(all, want) {
			t.Errorf("no %s among:\n%s", want, all)
		}
	}
	if strings.Contains(all, "Phường-7.docx") {
		t.Error("the failed unit left a report")
	}
	// Nothing escaped the output folder.
	if _, err := os.Stat(filepath.Join(filepath.Dir(out), "etc")); err == nil {
		t.Error("a unit name escaped the output folder")
	}
	// The unit's facts reached its report: its number, place and name.
	testtool.Need(t, "pdftotext")
	text, err := exec.Command("pdftotext", filepath.Join(out, "Phường-2.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Số: 101/BC-UBND", "Phường 2, ngày 09 tháng 10 năm 2024", "PHƯỜNG 2", "Trần Văn An"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("Phường-2.pdf lacks %q", want)
		}
	}
	// Run again: the built units are unchanged and skipped.
	var buf bytes.Buffer
	if code := run([]string{"build", "--template", "../../templates/chi-so-cchc-9-thang", "--data", data, "--each", "Đơn vị", "--out", out}, &buf, &buf); code != exitData ||
		!strings.Contains(buf.String(), "bỏ qua 99 (không đổi)") {
		t.Errorf("second run: exit %d\n%s", code, &buf)
	}
}

// BenchmarkBatch100 builds 100 full Sa Đéc reports (DOCX and PDF), one per
// unit, on all cores.
func BenchmarkBatch100(b *testing.B) {
	data := unitsBook(b, 100)
	for b.Loop() {
		out := b.TempDir()
		args := []string{"build", "--template", "../../templates/chi-so-cchc-9-thang", "--data", data, "--each", "Đơn vị", "--out", out, "--force"}
		run(args, io.Discard, io.Discard)
	}
}
