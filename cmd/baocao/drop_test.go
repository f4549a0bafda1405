package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestDroppedWorkbooks(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "Báo cáo quý.XLSX")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "thư mục.xlsx")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want bool
	}{
		{"nothing", nil, false},
		{"a command", []string{"build"}, false},
		{"a workbook, any case of extension", []string{file}, true},
		{"two workbooks", []string{file, file}, true},
		{"a missing file", []string{filepath.Join(dir, "không có.xlsx")}, false},
		{"a folder named like a workbook", []string{folder}, false},
		{"a workbook and a flag", []string{file, "--out"}, false},
		{"an old .xls", []string{filepath.Join(dir, "cũ.xls")}, false},
	}
	for _, tt := range tests {
		if got := droppedWorkbooks(tt.args); got != tt.want {
			t.Errorf("%s: droppedWorkbooks(%q) = %v, want %v", tt.name, tt.args, got, tt.want)
		}
	}
}

// Dropping the samples' workbooks on the program builds each with the
// template it was made for, into "Báo cáo" next to it: the same bytes as
// baocao build --template gives, and the workbooks untouched.
func TestDropBuildsWithTheRecognisedTemplate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Văn phòng UBND")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ data, template string }{
		{"../../data/sa-dec-2024.xlsx", "chi-so-cchc-9-thang"},
		{"../../data/thach-an-2021-2025.xlsx", "tong-ket-cchc-2021-2025"},
		{"../../data/phuong-tan-my-2026.xlsx", "cchc-nam-xa-phuong"},
		{"../../data/tong-hop-tinh/ward-01.xlsx", "cchc-nam-xa-phuong"},
	}
	var args []string
	inputs := map[string][]byte{}
	for _, c := range cases {
		p := filepath.Join(dir, filepath.Base(c.data))
		copyFile(t, c.data, p)
		inputs[p], _ = os.ReadFile(p)
		args = append(args, p)
	}
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, &stdout, &stderr)
	}
	for _, c := range cases {
		p := filepath.Join(dir, filepath.Base(c.data))
		if !strings.Contains(stdout.String(), p+": mẫu báo cáo "+c.template+"\n") {
			t.Errorf("stdout does not say %s was read with %s:\n%s", p, c.template, &stdout)
		}
		if after, _ := os.ReadFile(p); !bytes.Equal(after, inputs[p]) {
			t.Errorf("%s was modified", p)
		}
		ref := t.TempDir()
		var o, e bytes.Buffer
		if code := run([]string{"build", "--template", c.template, "--data", p, "--out", ref}, &o, &e); code != exitOK {
			t.Fatalf("build %s: exit %d: %s", c.template, code, &e)
		}
		name := strings.TrimSuffix(filepath.Base(p), ".xlsx")
		for _, ext := range []string{".docx", ".pdf"} {
			got, err := os.ReadFile(filepath.Join(dir, dropFolder, name+ext))
			if err != nil {
				t.Fatal(err)
			}
			want, _ := os.ReadFile(filepath.Join(ref, name+ext))
			if !bytes.Equal(got, want) {
				t.Errorf("%s%s differs from baocao build --template %s", name, ext, c.template)
			}
		}
	}
}

func TestDropRefusesWhatItCannotRecognise(t *testing.T) {
	dir := t.TempDir()
	province := filepath.Join(dir, "tinh.xlsx")
	copyFile(t, "../../data/tinh-nam-son-2026.xlsx", province)

	// A workbook of the ward's report that lost its sheet of files and a
	// fact row: the closest template is named, with what it lacks.
	damaged := filepath.Join(dir, "phường.xlsx")
	f, err := excelize.OpenFile("../../data/phuong-tan-my-2026.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.DeleteSheet("Hồ sơ TTHC"); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(damaged); err != nil {
		t.Fatal(err)
	}
	f.Close()

	other := filepath.Join(dir, "khác.xlsx")
	g := excelize.NewFile()
	g.SetSheetName("Sheet1", "Thông tin")
	g.SetSheetRow("Thông tin", "A1", &[]any{"Khóa", "Giá trị"})
	g.SetSheetRow("Thông tin", "A2", &[]any{"ghi_chu", "không thuộc mẫu nào"})
	if err := g.SaveAs(other); err != nil {
		t.Fatal(err)
	}
	g.Close()

	tests := []struct {
		name, file, inErr string
	}{
		{"the province's own workbook", province, "đây là bảng tính của mẫu báo cáo tổng hợp tong-hop-cchc-tinh, mẫu này cần cả bảng tính của các đơn vị"},
		{"a sheet missing", damaged, `gần nhất là mẫu cchc-nam-xa-phuong, còn thiếu trang "Hồ sơ TTHC"`},
		{"an unrelated workbook", other, "bảng tính không khớp với mẫu báo cáo sẵn có nào"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(tt.file)
			var stdout, stderr bytes.Buffer
			if code := run([]string{tt.file}, &stdout, &stderr); code != exitData {
				t.Errorf("exit %d, want %d", code, exitData)
			}
			if !strings.Contains(stderr.String(), "baocao: lỗi: "+tt.file+": ") || !strings.Contains(stderr.String(), tt.inErr) {
				t.Errorf("stderr lacks %q:\n%s", tt.inErr, &stderr)
			}
			if after, _ := os.ReadFile(tt.file); !bytes.Equal(before, after) {
				t.Error("the workbook was modified")
			}
			if _, err := os.Stat(filepath.Join(dir, dropFolder)); !os.IsNotExist(err) {
				t.Errorf("%s was made for a workbook that was refused", dropFolder)
			}
		})
	}
	// A blank workbook is recognised (its shape is the contract's) and
	// then stopped by its empty required facts, which are listed by cell.
	blank := filepath.Join(dir, "mẫu trống.xlsx")
	var o, e bytes.Buffer
	if code := run([]string{"workbook", "--template", "cchc-nam-xa-phuong", "--out", blank}, &o, &e); code != exitOK {
		t.Fatalf("workbook: exit %d: %s", code, &e)
	}
	o.Reset()
	e.Reset()
	if code := run([]string{blank}, &o, &e); code != exitData {
		t.Errorf("blank workbook: exit %d, want %d", code, exitData)
	}
	if !strings.Contains(o.String(), blank+": mẫu báo cáo cchc-nam-xa-phuong") || !strings.Contains(e.String(), `trang "Thông tin", ô B3: ten_don_vi`) {
		t.Errorf("blank workbook not recognised, or its empty facts not listed:\n%s%s", &o, &e)
	}
	if _, err := os.Stat(filepath.Join(dir, dropFolder)); !os.IsNotExist(err) {
		t.Errorf("%s was made for a blank workbook", dropFolder)
	}

	// One refused workbook does not stop the others.
	good := filepath.Join(dir, "sa-dec.xlsx")
	copyFile(t, "../../data/sa-dec-2024.xlsx", good)
	var stdout, stderr bytes.Buffer
	if code := run([]string{other, good}, &stdout, &stderr); code != exitData {
		t.Errorf("exit %d, want %d", code, exitData)
	}
	if _, err := os.Stat(filepath.Join(dir, dropFolder, "sa-dec.pdf")); err != nil {
		t.Errorf("the good workbook was not built after a refused one: %v\n%s", err, &stderr)
	}
}
