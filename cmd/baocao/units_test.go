package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestBuildUnits: a consolidating template built from a folder of unit
// workbooks; a workbook that fails the unit template's checks is left out,
// named in the console and in the report.
func TestBuildUnits(t *testing.T) {
	units := filepath.Join(t.TempDir(), "Đơn vị")
	os.MkdirAll(units, 0o755)
	for _, f := range []string{"ward-01.xlsx", "ward-02.xlsx", "ward-03.xlsx"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "data", "tong-hop-tinh", f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(units, f), data, 0o644)
	}
	sd, _ := os.ReadFile("../../data/sa-dec-2024.xlsx")
	os.WriteFile(filepath.Join(units, "sai-mau.xlsx"), sd, 0o644)
	os.WriteFile(filepath.Join(units, "~$ward-01.xlsx"), []byte("lock"), 0o644) // Excel's lock file: not a unit
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	code := run([]string{"build", "--template", "tong-hop-cchc-tinh", "--data", "../../data/tinh-nam-son-2026.xlsx", "--units", units, "--out", out}, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, &stdout, &stderr)
	}
	if !strings.Contains(stderr.String(), "đã tổng hợp 3 đơn vị; bỏ ra 1: sai-mau.xlsx") {
		t.Errorf("stderr:\n%s", &stderr)
	}
	for _, ext := range []string{".docx", ".pdf", ".xlsx"} {
		if _, err := os.Stat(filepath.Join(out, "tinh-nam-son-2026"+ext)); err != nil {
			t.Error(err)
		}
	}
	stderr.Reset()
	if code := run([]string{"build", "--template", "tong-hop-cchc-tinh", "--units", units}, &stdout, &stderr); code != exitUsage {
		t.Errorf("--units without --data: exit %d\n%s", code, &stderr)
	}
	if code := run([]string{"build", "--template", "cchc-nam-xa-phuong", "--data", "../../data/phuong-tan-my-2026.xlsx", "--units", units, "--out", out}, &stdout, &stderr); code != exitData ||
		!strings.Contains(stderr.String(), "không phải mẫu tổng hợp") {
		t.Errorf("a unit template with --units: exit %d\n%s", code, &stderr)
	}
}

// TestDiffUnits: diff over two folders of unit workbooks says which unit
// changed, which figures, and what it changed in the province report.
func TestDiffUnits(t *testing.T) {
	dir := t.TempDir()
	old, cur := filepath.Join(dir, "cũ"), filepath.Join(dir, "mới")
	for _, d := range []string{old, cur} {
		os.MkdirAll(d, 0o755)
		for _, f := range []string{"ward-01.xlsx", "ward-02.xlsx", "ward-03.xlsx"} {
			data, _ := os.ReadFile(filepath.Join("..", "..", "data", "tong-hop-tinh", f))
			os.WriteFile(filepath.Join(d, f), data, 0o644)
		}
	}
	// ward-02 resolves 100 more files on time in Quý I, received online.
	f, err := excelize.OpenFile(filepath.Join(cur, "ward-02.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"C4", "F4"} {
		v, _ := f.GetCellValue("Hồ sơ TTHC", c)
		n, _ := strconv.Atoi(strings.ReplaceAll(v, ",", ""))
		f.SetCellValue("Hồ sơ TTHC", c, n+100)
	}
	f.Save()
	f.Close()
	var stdout, stderr bytes.Buffer
	code := run([]string{"diff", "--template", "tong-hop-cchc-tinh", "--data", "../../data/tinh-nam-son-2026.xlsx", old, cur}, &stdout, &stderr)
	if code != 1 {
		t.Fatalf("exit %d\n%s%s", code, &stdout, &stderr)
	}
	for _, want := range []string{`Đơn vị  phường Bình Minh / Hồ sơ tiếp nhận: 1897 → 1997`, "Phụ lục › phường Bình Minh › Hồ sơ tiếp nhận: 1.897 → 1.997", "Phụ lục › Toàn tỉnh › Hồ sơ tiếp nhận"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("diff lacks %q:\n%s", want, &stdout)
		}
	}
	if strings.Contains(stdout.String(), "phường An Bình /") {
		t.Errorf("an unchanged unit is listed:\n%s", &stdout)
	}
	if code := run([]string{"diff", "--template", "tong-hop-cchc-tinh", old, cur}, &stdout, &stderr); code != exitUsage {
		t.Errorf("without --data: exit %d", code)
	}
}
