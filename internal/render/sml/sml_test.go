package sml

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/a1"
	"baocao/internal/render/zcache"
	"baocao/internal/testtool"
	"baocao/internal/xlsxfile"
)

func TestAppendText(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		xstring  bool
		want     string
	}{
		{"Vietnamese NFC", "Ủy ban nhân dân huyện Thạch An", true, "Ủy ban nhân dân huyện Thạch An"},
		{"Vietnamese NFD stays as given", "Thạch An", true, "Thạch An"},
		{"markup", `a < b & c > "d"`, true, `a &lt; b &amp; c &gt; "d"`},
		{"tab and line feed kept", "a\tb\nc", true, "a\tb\nc"},
		{"carriage return kept by a reference", "a\r\nb", true, "a&#xD;\nb"},
		{"control as an escape", "a\x01b\x1fc", true, "a_x0001_b_x001F_c"},
		{"control elsewhere", "a\x01b", false, "a\uFFFDb"},
		{"noncharacters", "a\uFFFEb\uFFFF", true, "a_xFFFE_b_xFFFF_"},
		{"bad UTF-8", "a\xffb", true, "a\uFFFDb"},
		{"literal escape keeps its underscore", "ma_x0041_b", true, "ma_x005F_x0041_b"},
		{"not an escape", "_x00G1_ _xa_ _x1234", true, "_x00G1_ _xa_ _x1234"},
		{"literal escape outside a cell", "ma_x0041_b", false, "ma_x0041_b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(appendText(nil, tc.in, tc.xstring))
			if got != tc.want {
				t.Fatalf("appendText(%q) = %q, want %q", tc.in, got, tc.want)
			}
			var v struct {
				T string `xml:",chardata"`
			}
			if err := xml.Unmarshal([]byte("<t>"+got+"</t>"), &v); err != nil {
				t.Fatalf("%q is not XML: %v", got, err)
			}
			if tc.xstring {
				if back := xlsxfile.DecodeEscapes(v.T); !strings.Contains(tc.in, "\xff") && back != tc.in {
					t.Errorf("read back %q, wrote %q", back, tc.in)
				}
			}
		})
	}
}

func TestAppendAttr(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`Sheet "Thông tin"`, `Sheet &quot;Thông tin&quot;`},
		{"a\tb\nc\rd", "a&#x9;b&#xA;c&#xD;d"},
		{"x\x02y", "x\uFFFDy"},
		{"<&>", "&lt;&amp;&gt;"},
	} {
		got := string(appendAttr(nil, tc.in))
		if got != tc.want {
			t.Errorf("appendAttr(%q) = %q, want %q", tc.in, got, tc.want)
		}
		var v struct {
			A string `xml:"a,attr"`
		}
		if err := xml.Unmarshal([]byte(`<t a="`+got+`"/>`), &v); err != nil {
			t.Errorf("%q is not an attribute: %v", got, err)
		}
	}
}

func TestAppendNumber(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{0, "0"}, {2021, "2021"}, {-3.5, "-3.5"}, {48436, "48436"},
		{0.07685003481673736, "0.07685003481673736"},
		{1e15, "1000000000000000"}, {1e21, "1E+21"}, {1e-7, "1E-07"},
	} {
		if got := string(appendNumber(nil, tc.in)); got != tc.want {
			t.Errorf("appendNumber(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestStyleDedup: equal styles are one cell format, and fonts, fills,
// borders and number formats are each kept once.
func TestStyleDedup(t *testing.T) {
	wb := New(io.Discard, Options{DefaultFont: Font{Name: "Times New Roman", Size: 11}})
	bold := Font{Name: "Times New Roman", Size: 12, Bold: true}
	a := wb.Style(Style{Font: bold, Border: "000000", NumFmt: "#,##0"})
	for _, tc := range []struct {
		name  string
		style Style
		same  int // the index it must get, -1 for a new one
	}{
		{"zero style", Style{}, 0},
		{"default font alone", Style{Font: Font{Name: "Times New Roman", Size: 11}}, 0},
		{"equal value", Style{Font: bold, Border: "000000", NumFmt: "#,##0"}, a},
		{"another format", Style{Font: bold, Border: "000000", NumFmt: "0.00%"}, -1},
		{"another alignment", Style{Font: bold, Border: "000000", NumFmt: "#,##0", Align: Align{Wrap: true}}, -1},
		{"unlocked", Style{Font: bold, Border: "000000", NumFmt: "#,##0", Unlocked: true}, -1},
	} {
		got := wb.Style(tc.style)
		if tc.same >= 0 && got != tc.same {
			t.Errorf("%s: style %d, want %d", tc.name, got, tc.same)
		}
		if tc.same < 0 && (got == a || got == 0) {
			t.Errorf("%s: style %d, want a new one", tc.name, got)
		}
	}
	st := &wb.styles
	if len(st.fonts) != 2 || len(st.borders) != 2 || len(st.fmts) != 2 || len(st.fills) != 2 || len(st.xfs) != 5 {
		t.Errorf("fonts %d, borders %d, formats %d, fills %d, cell formats %d; want 2, 2, 2, 2, 5",
			len(st.fonts), len(st.borders), len(st.fmts), len(st.fills), len(st.xfs))
	}
}

// sample writes a small workbook that uses every feature.
func sample(t testing.TB, cache *zcache.Cache) []byte {
	t.Helper()
	var buf bytes.Buffer
	date := time.Date(2025, 5, 23, 0, 0, 0, 0, time.UTC)
	wb := New(&buf, Options{Cache: cache, DefaultFont: Font{Name: "Times New Roman", Size: 11}, Active: 1, FullCalcOnLoad: true,
		Core: CoreProps{Title: "Biểu phụ lục: Tổng kết", Creator: "Ủy ban nhân dân huyện Thạch An", Language: "vi-VN", Created: date, Modified: date},
		App:  AppProps{Application: "baocao", Company: "Ủy ban nhân dân huyện Thạch An"}})
	head := wb.Style(Style{Font: Font{Name: "Times New Roman", Size: 12, Bold: true}, Fill: "F2F2F2", Border: "000000",
		Align: Align{Horizontal: "center", Vertical: "center", Wrap: true}})
	num := wb.Style(Style{Font: Font{Name: "Times New Roman", Size: 12}, Border: "000000", NumFmt: "#,##0"})
	pct := wb.Style(Style{Font: Font{Name: "Times New Roman", Size: 12}, Border: "000000", NumFmt: "0.00%"})
	input := wb.Style(Style{Border: "999999", Unlocked: true})
	s := wb.NewSheet("Hướng dẫn", SheetOptions{Cols: 1, Rows: 2, Widths: []float64{78}})
	s.Row(1, 0, Cell{Col: 1, Kind: Text, Text: "HƯỚNG DẪN ĐIỀN BẢNG TÍNH"})
	s.Row(2, 36, Cell{Col: 1, Kind: Text, Text: " lề trái"})
	s = wb.NewSheet("Phụ lục I", SheetOptions{Cols: 4, Rows: 5, Widths: []float64{5.77, 14, 14, 10},
		Freeze: Pane{XSplit: 1, YSplit: 2}, PrintTitles: [2]int{1, 2},
		Page: &Page{PaperSize: 9, Landscape: true, Fit: true, FitToWidth: 1, FirstPageNumber: 1,
			Margins: &Margins{Left: 0.59, Right: 0.59, Top: 0.59, Bottom: 0.59, Header: 0.31, Footer: 0.31}, Header: "&C&P", DifferentFirst: true}})
	s.Row(1, 33.5, Cell{Col: 1, Style: head, Kind: Text, Text: "STT"}, Cell{Col: 2, Style: head, Kind: Text, Text: "Số hồ sơ"}, Cell{Col: 3, Style: head}, Cell{Col: 4, Style: head, Kind: Text, Text: "Tỷ lệ"})
	s.Row(2, 0, Cell{Col: 1, Style: head}, Cell{Col: 2, Style: head, Kind: Text, Text: "Tổng số"}, Cell{Col: 3, Style: head, Kind: Text, Text: "Trực tuyến"}, Cell{Col: 4, Style: head})
	s.Row(3, 0, Cell{Col: 1, Kind: Number, Num: 1}, Cell{Col: 2, Style: num, Kind: Number, Num: 15788}, Cell{Col: 3, Style: num, Kind: Number, Num: 1214},
		Cell{Col: 4, Style: pct, Kind: Number, Num: 1214.0 / 15788, Formula: `IF(B3=0,"",C3/B3)`})
	s.Row(4, 0, Cell{Col: 1, Kind: Number, Num: 2}, Cell{Col: 2, Style: num, Kind: Blank}, Cell{Col: 3, Style: num, Kind: Number, Num: 0},
		Cell{Col: 4, Style: pct, Kind: Text, Formula: `IF(B4=0,"",C4/B4)`})
	s.Row(5, 0, Cell{Col: 2, Style: num, Kind: Number, Num: 15788, Formula: "SUM(B3:B4)"}, Cell{Col: 3, Style: input})
	s.Merge("A1:A2")
	s.Merge("B1:C1")
	s.Merge("D1:D2")
	s.Validate(Validation{Sqref: "C3:C4", Type: "decimal", Min: "-1000000000000", Max: "1000000000000", ErrorTitle: "Cần một số", Error: "gõ một số"})
	s.Validate(Validation{Sqref: "A5", Type: "list", List: []string{"Tốt", "Khá", `"Trung bình"`}, ErrorTitle: "Giá trị không hợp lệ", Error: "Chọn một trong: Tốt, Khá"})
	s.Protect(Protection{SelectLockedCells: true, SelectUnlockedCells: true, FormatCells: true, InsertRows: true, Sort: true})
	if err := wb.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDeterministic: the same calls give the same bytes, with a cache
// that holds the parts (a batch) and without one.
func TestDeterministic(t *testing.T) {
	first := sample(t, nil)
	cache := zcache.New(1 << 20)
	for i := range 4 {
		if got := sample(t, cache); !bytes.Equal(got, first) {
			t.Fatalf("write %d with a cache differs from the first", i+1)
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(time.Date(2025, 5, 23, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s stamped %v, want the document's date", f.Name, f.Modified)
		}
	}
	want := "xl/worksheets/sheet1.xml xl/worksheets/sheet2.xml xl/workbook.xml xl/_rels/workbook.xml.rels xl/styles.xml docProps/core.xml docProps/app.xml _rels/.rels [Content_Types].xml"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("parts %s\nwant %s", got, want)
	}
}

// TestReadBack: our own reader and excelize read what was written.
func TestReadBack(t *testing.T) {
	data := sample(t, nil)
	b, err := xlsxfile.Parse(data, xlsxfile.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(b.Sheets, "|") != "Hướng dẫn|Phụ lục I" || !b.FullCalcOnLoad {
		t.Fatalf("sheets %q, fullCalcOnLoad %v", b.Sheets, b.FullCalcOnLoad)
	}
	s, err := b.Sheet(1)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		col, row int
		typ      xlsxfile.Type
		value    string
		formula  string
	}{
		{1, 1, xlsxfile.String, "STT", ""},
		{2, 2, xlsxfile.String, "Tổng số", ""},
		{2, 3, xlsxfile.Number, "15788", ""},
		{4, 3, xlsxfile.Number, "0.07689384342538637", `IF(B3=0,"",C3/B3)`},
		{4, 4, xlsxfile.Blank, "", `IF(B4=0,"",C4/B4)`},
		{2, 5, xlsxfile.Number, "15788", "SUM(B3:B4)"},
	} {
		c := s.Cell(tc.col, tc.row)
		if c.Type != tc.typ || c.Value != tc.value || c.Formula != tc.formula {
			t.Errorf("%s: %v %q %q, want %v %q %q", a1.Cell(tc.col, tc.row), c.Type, c.Value, c.Formula, tc.typ, tc.value, tc.formula)
		}
	}
	if len(s.Merges) != 3 {
		t.Errorf("merges %v", s.Merges)
	}
	if st := b.Style(s.Cell(2, 3).Style); st.Format != "#,##0" || st.Font != "Times New Roman" {
		t.Errorf("style of B3: %+v", st)
	}
	if s0, _ := b.Sheet(0); s0.Cell(1, 2).Value != " lề trái" {
		t.Errorf("leading space lost: %q", s0.Cell(1, 2).Value)
	}

	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if f.GetActiveSheetIndex() != 1 {
		t.Errorf("active sheet %d", f.GetActiveSheetIndex())
	}
	dvs, _ := f.GetDataValidations("Phụ lục I")
	if len(dvs) != 2 || dvs[0].Type != "decimal" || dvs[0].Formula2 != "1000000000000" || dvs[1].Type != "list" {
		for _, dv := range dvs {
			t.Errorf("validation %+v", *dv)
		}
	}
	// A quote in a listed value is doubled, as in a formula's string.
	if sheet := part(t, data, "xl/worksheets/sheet2.xml"); !strings.Contains(sheet, `<formula1>"Tốt,Khá,""Trung bình"""</formula1>`) {
		t.Errorf("list validation: %s", sheet)
	}
	panes, _ := f.GetPanes("Phụ lục I")
	if !panes.Freeze || panes.XSplit != 1 || panes.YSplit != 2 || panes.TopLeftCell != "B3" || panes.ActivePane != "bottomRight" {
		t.Errorf("panes %+v", panes)
	}
	if w, _ := f.GetColWidth("Phụ lục I", "C"); w != 14 {
		t.Errorf("width of C %v", w)
	}
	if h, _ := f.GetRowHeight("Phụ lục I", 1); h != 33.5 {
		t.Errorf("height of row 1 %v", h)
	}
	st, _ := f.GetCellStyle("Phụ lục I", "C5")
	if style, _ := f.GetStyle(st); style.Protection == nil || style.Protection.Locked {
		t.Errorf("C5 should be unlocked: %+v", style.Protection)
	}
	props, _ := f.GetDocProps()
	if props.Creator != "Ủy ban nhân dân huyện Thạch An" || props.Created != "2025-05-23T00:00:00Z" {
		t.Errorf("doc props %+v", props)
	}
	names := f.GetDefinedName()
	if len(names) != 1 || names[0].RefersTo != "'Phụ lục I'!$1:$2" || names[0].Scope != "Phụ lục I" {
		t.Errorf("defined names %+v", names)
	}
}

func part(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestValid: the sample passes the OOXML schemas.
func TestValid(t *testing.T) {
	script := testtool.OOXMLValidator(t)
	path := filepath.Join(t.TempDir(), "sample.xlsx")
	if err := os.WriteFile(path, sample(t, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("bash", script, path).CombinedOutput(); err != nil {
		t.Errorf("ooxml-validate: %v\n%s", err, out)
	}
}

// TestErrors: the writer refuses what would make a damaged or misread
// file, and keeps the first error.
func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		write func(wb *Workbook)
		want  string
	}{
		{"no sheet", func(wb *Workbook) {}, "at least one sheet"},
		{"long name", func(wb *Workbook) { wb.NewSheet(strings.Repeat("ư", 32), SheetOptions{}) }, "at most 31"},
		{"bad character", func(wb *Workbook) { wb.NewSheet("Kỳ 1/2", SheetOptions{}) }, "does not allow"},
		{"apostrophe", func(wb *Workbook) { wb.NewSheet("'Số liệu", SheetOptions{}) }, "apostrophe"},
		{"same name twice", func(wb *Workbook) {
			wb.NewSheet("Hồ sơ", SheetOptions{})
			wb.NewSheet("hồ sơ", SheetOptions{})
		}, "two sheets"},
		{"rows out of order", func(wb *Workbook) {
			s := wb.NewSheet("A", SheetOptions{Cols: 1, Rows: 3})
			s.Row(2, 0)
			s.Row(1, 0)
		}, "ascending"},
		{"row outside the used area", func(wb *Workbook) { wb.NewSheet("A", SheetOptions{Cols: 1, Rows: 3}).Row(4, 0) }, "below"},
		{"column outside the used area", func(wb *Workbook) {
			wb.NewSheet("A", SheetOptions{Cols: 1, Rows: 3}).Row(1, 0, Cell{Col: 2, Kind: Number})
		}, "outside"},
		{"columns out of order", func(wb *Workbook) {
			wb.NewSheet("A", SheetOptions{Cols: 3, Rows: 3}).Row(1, 0, Cell{Col: 2}, Cell{Col: 1})
		}, "out of order"},
		{"a written sheet", func(wb *Workbook) {
			s := wb.NewSheet("A", SheetOptions{Cols: 1, Rows: 1})
			wb.NewSheet("B", SheetOptions{Cols: 1, Rows: 1})
			s.Merge("A1:A2")
		}, "already written"},
		{"a long list", func(wb *Workbook) {
			wb.NewSheet("A", SheetOptions{Cols: 1, Rows: 1}).Validate(Validation{Sqref: "A1", Type: "list", List: []string{strings.Repeat("x", 256)}})
		}, "at most 255"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wb := New(io.Discard, Options{})
			tc.write(wb)
			err := wb.Close()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one saying %q", err, tc.want)
			}
			if again := wb.Close(); !errors.Is(again, err) && again.Error() != err.Error() {
				t.Errorf("a second Close says %v", again)
			}
		})
	}
}
