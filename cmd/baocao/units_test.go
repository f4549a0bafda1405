package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
