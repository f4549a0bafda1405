package xlsx

import (
	"bytes"
	"encoding/csv"
	"errors"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/appendix"
	"baocao/internal/dataset"
	"baocao/internal/docmodel"
	"baocao/internal/fonts"
	"baocao/internal/testtool"
)

const defs = `- so: I
  tieu_de: Kết quả giải quyết thủ tục hành chính
  bang: TTHC
  ngang: true
  don_vi: "Đơn vị tính: hồ sơ"
  stt: true
  cot:
    - {nhan: Năm, khoa: true}
    - nhom: Số hồ sơ nhận giải quyết
      cot:
        - {nhan: Tổng số, du_lieu: "Tiếp nhận / Tổng số"}
        - {nhan: Trực tuyến, du_lieu: "Tiếp nhận / Trực tuyến"}
    - {nhan: Tỷ lệ trực tuyến, ty_le: ["Tiếp nhận / Trực tuyến", "Tiếp nhận / Tổng số"], chu_so: 2}
  dong_tong: Tổng cộng
  ghi_chu: Số liệu đến 31/3/2025.
- so: II
  tieu_de: Biên chế được giao
  bang: TTHC
  cot:
    - {nhan: Năm, khoa: true}
    - {nhan: Tiếp nhận, du_lieu: "Tiếp nhận / Tổng số"}
`

func document(t testing.TB) *docmodel.Document {
	t.Helper()
	cols := [][]string{{"Tiếp nhận", "Tổng số"}, {"Tiếp nhận", "Trực tuyến"}}
	tab := dataset.NewTable("TTHC", "Năm", cols, make([]dataset.Loc, len(cols)))
	n := func(x float64) dataset.Value { return dataset.Value{Kind: dataset.NumberKind, Num: x} }
	tab.AddRow("2021", dataset.Loc{}, []dataset.Value{n(23870), n(0)})
	tab.AddRow("2022", dataset.Loc{}, []dataset.Value{n(15788), n(1214)})
	tab.AddRow("2023", dataset.Loc{}, []dataset.Value{n(8778), n(6791)})
	ds := &dataset.Dataset{Source: "d.xlsx", Tables: map[string]*dataset.Table{"TTHC": tab}}
	d := &docmodel.Document{Page: docmodel.DefaultPage(), Header: docmodel.Header{Number: "Số: 270/BC-UBND"}, Title: docmodel.Title{Kind: "BÁO CÁO"},
		Meta: docmodel.Meta{Title: "Tổng kết CCHC", Author: "Ủy ban nhân dân huyện Thạch An", Subject: "Báo cáo số 270/BC-UBND",
			Date: time.Date(2025, 5, 23, 0, 0, 0, 0, time.UTC), Language: "vi-VN"}}
	ds2, err := appendix.Parse("phu-luc.yaml", []byte(defs))
	if err != nil {
		t.Fatal(err)
	}
	if d.Appendices, err = appendix.Build(ds2, ds, d); err != nil {
		t.Fatal(err)
	}
	return d
}

func write(t testing.TB, d *docmodel.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWorkbook(t *testing.T) {
	data := write(t, document(t))
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, ",") != "Phụ lục I,Phụ lục II" {
		t.Fatalf("sheets %q", got)
	}
	s := "Phụ lục I"
	get := func(cell string) string { v, _ := f.GetCellValue(s, cell); return v }
	if get("A1") != "Phụ lục I" || get("A2") != "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH" || !strings.HasPrefix(get("A3"), "(Kèm theo Báo cáo số 270/BC-UBND ngày 23 tháng 5 năm 2025") {
		t.Errorf("title rows: %q %q %q", get("A1"), get("A2"), get("A3"))
	}
	// Rows: 1-3 titles, 4 blank, 5 unit, 6-7 header, 8-10 data, 11 total.
	if get("C6") != "Số hồ sơ nhận giải quyết" || get("C7") != "Tổng số" || get("B8") != "2021" || get("B11") != "Tổng cộng" {
		t.Errorf("table: C6 %q C7 %q B8 %q B11 %q", get("C6"), get("C7"), get("B8"), get("B11"))
	}
	if fm, _ := f.GetCellFormula(s, "C11"); fm != "SUM(C8:C10)" {
		t.Errorf("total formula %q", fm)
	}
	if fm, _ := f.GetCellFormula(s, "E9"); fm != `IF(C9=0,"",D9/C9)` {
		t.Errorf("rate formula %q", fm)
	}
	merged, _ := f.GetMergeCells(s)
	var ms []string
	for _, m := range merged {
		ms = append(ms, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	for _, want := range []string{"A6:A7", "B6:B7", "C6:D6", "E6:E7", "A1:E1"} {
		if !strings.Contains(strings.Join(ms, " "), want) {
			t.Errorf("merge %s missing in %v", want, ms)
		}
	}
	panes, _ := f.GetPanes(s)
	if !panes.Freeze || panes.YSplit != 7 {
		t.Errorf("panes %+v", panes)
	}
	layout, _ := f.GetPageLayout(s)
	if layout.Orientation == nil || *layout.Orientation != "landscape" || layout.Size == nil || *layout.Size != 9 {
		t.Errorf("page layout %+v", layout)
	}
	found := false
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == s && dn.RefersTo == "'Phụ lục I'!$6:$7" {
			found = true
		}
	}
	if !found {
		t.Errorf("no Print_Titles for rows 6:7: %+v", f.GetDefinedName())
	}
	// Every used cell inside <dimension>, which openpyxl's read-only mode
	// trusts.
	if dim, _ := f.GetSheetDimension(s); dim != "A1:E13" {
		t.Errorf("dimension %q", dim)
	}
	if font, _ := f.GetDefaultFont(); font != "Times New Roman" {
		t.Errorf("default font %q", font)
	}
	// STT and years are numbers, an empty STT is an empty cell.
	// (excelize reports a number, a cell without t=, as CellTypeUnset.)
	for ref, want := range map[string]string{"A8": "1", "B8": "2021", "A11": ""} {
		typ, _ := f.GetCellType(s, ref)
		v, _ := f.GetCellValue(s, ref)
		if typ != excelize.CellTypeUnset || v != want {
			t.Errorf("%s = %q of type %v, want %q as a number or nothing", ref, v, typ, want)
		}
	}
	// Page numbers: from 1 in each appendix, none on its first page, in a
	// header 8 mm from the edge.
	hf, _ := f.GetHeaderFooter(s)
	if !hf.DifferentFirst || hf.FirstHeader != "" || hf.OddHeader != "&C&P" {
		t.Errorf("header/footer %+v", hf)
	}
	if layout.FirstPageNumber == nil || *layout.FirstPageNumber != 1 {
		t.Errorf("first page number %v", layout.FirstPageNumber)
	}
	if m, _ := f.GetPageMargins(s); m.Header == nil || math.Abs(*m.Header*25.4-8) > 0.1 {
		t.Errorf("header margin %+v", m.Header)
	}
	props, _ := f.GetDocProps()
	if props.Creator != "Ủy ban nhân dân huyện Thạch An" || props.Created != "2025-05-23T00:00:00Z" {
		t.Errorf("doc props %+v", props)
	}
	// Several times: a difference that depends on a map's order (the
	// excelize writer kept streamed sheets in one) shows only on some
	// runs.
	for range 10 {
		if !bytes.Equal(data, write(t, document(t))) {
			t.Fatal("two writes differ")
		}
	}
}

func TestNoAppendix(t *testing.T) {
	if err := Write(&bytes.Buffer{}, &docmodel.Document{}); !errors.Is(err, ErrNoAppendix) {
		t.Errorf("err = %v", err)
	}
}

// TestLibreOfficeShowsTotals: LibreOffice opens the workbook and shows
// our totals and rates (TestCachedValuesMatchLibreOffice checks that it
// computes the same ones).
func TestLibreOfficeShowsTotals(t *testing.T) {
	testtool.Need(t, "soffice")
	dir := t.TempDir()
	path := filepath.Join(dir, "phu-luc.xlsx")
	if err := os.WriteFile(path, write(t, document(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", dir, path)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "phu-luc.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var total []string
	for _, r := range rows {
		if len(r) > 1 && r[1] == "Tổng cộng" {
			total = r
		}
	}
	// 23.870 + 15.788 + 8.778 = 48.436; 0 + 1.214 + 6.791 = 8.005;
	// 8.005 / 48.436 = 16,53%. LibreOffice prints in its en-US locale here.
	if len(total) < 5 || strings.ReplaceAll(total[2], ",", "") != "48436" || strings.ReplaceAll(total[3], ",", "") != "8005" || total[4] != "16.53%" {
		t.Errorf("total row recalculated by LibreOffice: %q", total)
	}
}

func TestOOXMLValid(t *testing.T) {
	script := testtool.OOXMLValidator(t)
	path := filepath.Join(t.TempDir(), "p.xlsx")
	os.WriteFile(path, write(t, document(t)), 0o644)
	if out, err := exec.Command("bash", script, path).CombinedOutput(); err != nil {
		t.Errorf("ooxml-validate: %v\n%s", err, out)
	}
}

// TestRowHeights: a wrapped cell's row gets the height of its lines at
// the column width (Calc and Excel do not grow a row when they open or
// print a file), a merge over rows adds what it lacks to its last row, and
// a row whose text fits keeps the default.
func TestRowHeights(t *testing.T) {
	line := 12 * lineFactor
	for _, tc := range []struct {
		name      string
		text      string
		width     float64 // characters
		rs        int
		row       int // the row that grows
		minLines  int
		wantGrown bool
	}{
		{"fits", "Tổng số", 9, 1, 1, 0, false},
		{"wraps in a narrow column", "Trực tiếp, dịch vụ bưu chính", 9, 1, 1, 3, true},
		{"a long word breaks inside", "Trựctiếpdịchvụbưuchínhquáhạn", 6, 1, 1, 3, true},
		{"merge over two rows grows the second", "Tỷ lệ giải quyết quá hạn trong kỳ báo cáo", 9, 2, 2, 4, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newSheet()
			s.widths = []float64{tc.width}
			s.set(1, 1, &sheetCell{value: tc.text, rs: tc.rs, wrap: true, text: tc.text, face: fonts.Bold, size: 12})
			h := s.heights()
			got, grown := h[tc.row]
			if grown != tc.wantGrown {
				t.Fatalf("heights %v: row %d grown %v, want %v", h, tc.row, grown, tc.wantGrown)
			}
			total := got
			if tc.rs > 1 {
				total += max(h[1], line+rowPadding)
			}
			if grown && total < float64(tc.minLines)*line {
				t.Errorf("rows hold %.2f pt, want at least %d lines (%.2f pt)", total, tc.minLines, float64(tc.minLines)*line)
			}
		})
	}
}

// TestInteger checks the text cells written as numbers against the
// regular expression the check was before.
func TestInteger(t *testing.T) {
	re := regexp.MustCompile(`^(0|[1-9][0-9]{0,14})$`)
	for _, s := range []string{"", "0", "00", "01", "1", "9", "10", "2024", "123456789012345", "1234567890123456",
		"999999999999999", "-1", "1.5", "1,5", " 1", "1 ", "١", "x", "0x1", "1e3", "10%"} {
		if got, want := integer(s), re.MatchString(s); got != want {
			t.Errorf("integer(%q) = %v, want %v", s, got, want)
		}
	}
}
