package workbook

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/internal/contract"
	"baocao/internal/testtool"
	"baocao/internal/xlsxfile"
)

const src = `thong_tin:
  - nhom: Văn bản
  - {khoa: ten_don_vi, kieu: van-ban, bat_buoc: true, mo_ta: Tên đơn vị, vi_du: phường Tân Mỹ}
  - {khoa: so_van_ban, kieu: so-nguyen, mo_ta: Số văn bản}
  - {khoa: ngay_ban_hanh, kieu: ngay}
  - {khoa: muc, kieu: van-ban, gia_tri: [Tốt, Khá]}
bang:
  - ten: Hồ sơ
    khoa: Quý
    cot:
      - {ten: Từ kỳ trước, loai: dau-ky}
      - {ten: Mới / Trực tuyến, loai: luong}
      - {ten: Mới / Trực tiếp, loai: luong}
      - {ten: Tổng số, loai: tong, thanh_phan: [Từ kỳ trước, Mới / Trực tuyến, Mới / Trực tiếp]}
      - {ten: Tỷ lệ trực tuyến, loai: ty-le, tu: Mới / Trực tuyến, mau: Tổng số}
`

func blank(t *testing.T) []byte {
	t.Helper()
	c, err := contract.Parse("du-lieu.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, c, "thử"); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestLayout(t *testing.T) {
	data := blank(t)
	if again := blank(t); !bytes.Equal(data, again) {
		t.Error("the same contract gives different bytes")
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), "|"); got != "Hướng dẫn|Thông tin|Hồ sơ" {
		t.Errorf("sheets %s", got)
	}
	for _, c := range []struct{ sheet, cell, want string }{
		{"Thông tin", "A1", "Khóa"}, {"Thông tin", "A2", "Văn bản"}, {"Thông tin", "A3", "ten_don_vi"},
		{"Thông tin", "C3", "Tên đơn vị; bắt buộc; ví dụ: phường Tân Mỹ"},
		{"Thông tin", "C6", "chọn một trong: Tốt, Khá"},
		{"Hồ sơ", "A1", "Quý"}, {"Hồ sơ", "C1", "Mới"}, {"Hồ sơ", "C2", "Trực tuyến"}, {"Hồ sơ", "D2", "Trực tiếp"}, {"Hồ sơ", "E1", "Tổng số"},
	} {
		if got, _ := f.GetCellValue(c.sheet, c.cell); got != c.want {
			t.Errorf("%s!%s = %q, want %q", c.sheet, c.cell, got, c.want)
		}
	}
	if fx, _ := f.GetCellFormula("Hồ sơ", "E3"); fx != `IF($A3="","",B3+C3+D3)` {
		t.Errorf("tong formula %q", fx)
	}
	if fx, _ := f.GetCellFormula("Hồ sơ", "F3"); fx != `IF(OR($A3="",E3=0),"",C3/E3)` {
		t.Errorf("rate formula %q", fx)
	}
	dvs, err := f.GetDataValidations("Thông tin")
	if err != nil || len(dvs) != 3 {
		t.Errorf("%d validations on the fact sheet (%v), want 3 (number, date, list)", len(dvs), err)
	}
	merges, _ := f.GetMergeCells("Hồ sơ")
	if len(merges) < 3 {
		t.Errorf("merges %v: want the group over its parts and the single columns down both rows", merges)
	}
}

// TestOpens: the blank workbook is valid OOXML and LibreOffice opens it.
func TestOpens(t *testing.T) {
	script := testtool.OOXMLValidator(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "blank.xlsx")
	if err := os.WriteFile(path, blank(t), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("bash", script, path).CombinedOutput(); err != nil {
		t.Fatalf("validator: %v\n%s", err, out)
	}
	testtool.Need(t, "soffice")
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2", "--outdir", dir, path)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "blank-Thông tin.csv"))
	if err != nil {
		entries, _ := os.ReadDir(dir)
		t.Fatalf("%v (folder: %v)", err, entries)
	}
	if !strings.Contains(string(raw), "ten_don_vi") {
		t.Errorf("LibreOffice's fact sheet:\n%s", raw)
	}
}

// TestOwnReader: our own reader, which reads the workbook once the user
// has filled it, reads the blank one as it is: its sheets, the headers
// and keys as text, the formulas of the derived columns.
func TestOwnReader(t *testing.T) {
	b, err := xlsxfile.Parse(blank(t), xlsxfile.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(b.Sheets, "|"); got != "Hướng dẫn|Thông tin|Hồ sơ" {
		t.Fatalf("sheets %s", got)
	}
	for _, c := range []struct {
		sheet, ref string
		col, row   int
		typ        xlsxfile.Type
		value      string
		formula    string
	}{
		{"Hướng dẫn", "A1", 1, 1, xlsxfile.String, "HƯỚNG DẪN ĐIỀN BẢNG TÍNH", ""},
		{"Thông tin", "A3", 1, 3, xlsxfile.String, "ten_don_vi", ""},
		{"Thông tin", "B3", 2, 3, xlsxfile.Blank, "", ""},
		{"Thông tin", "C6", 3, 6, xlsxfile.String, "chọn một trong: Tốt, Khá", ""},
		{"Hồ sơ", "C2", 3, 2, xlsxfile.String, "Trực tuyến", ""},
		{"Hồ sơ", "E3", 5, 3, xlsxfile.Blank, "", `IF($A3="","",B3+C3+D3)`},
		{"Hồ sơ", "F42", 6, 42, xlsxfile.Blank, "", `IF(OR($A42="",E42=0),"",C42/E42)`},
	} {
		s, ok, err := b.SheetByName(c.sheet)
		if err != nil || !ok {
			t.Fatalf("sheet %s: %v", c.sheet, err)
		}
		got := s.Cell(c.col, c.row)
		if got.Type != c.typ || got.Value != c.value || got.Formula != c.formula {
			t.Errorf("%s!%s: %v %q %q, want %v %q %q", c.sheet, c.ref, got.Type, got.Value, got.Formula, c.typ, c.value, c.formula)
		}
	}
	s, _, _ := b.SheetByName("Hồ sơ")
	if len(s.Merges) != 5 {
		t.Errorf("merges %v: want the key and the three single columns down both rows, the group over its parts", s.Merges)
	}
}
