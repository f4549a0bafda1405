package xlsxdata

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/internal/dataset"
)

// Test workbooks are built here with excelize, written out and opened
// again, so that the reader sees what it would see in a file.

// fx is a formula written without a cached value, as a program writes it.
type fx string

// styled is a value with a number format: a built-in format id or a
// custom format code.
type styled struct {
	v      any
	numFmt int
	custom string
}

// rawCell replaces the cell's XML in the written file, for what excelize
// cannot write: an error value, a formula with a cached value, an ISO
// date cell. %s is the cell reference.
type rawCell string

type sheetSpec struct {
	name   string
	rows   [][]any     // from row 1; nil cells are left blank
	merges [][2]string // merged ranges, first and last cell
}

type bookOpt func(*excelize.File) error

func date1904(f *excelize.File) error {
	yes := true
	return f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes})
}

func fullCalc(f *excelize.File) error {
	yes := true
	return f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &yes})
}

// makeBook writes the sheets and returns the file's bytes.
func makeBook(tb testing.TB, sheets []sheetSpec, opts ...bookOpt) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for _, o := range opts {
		if err := o(f); err != nil {
			tb.Fatal(err)
		}
	}
	type patch struct {
		sheet int
		cell  string
		xml   string
	}
	var patches []patch
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				tb.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			tb.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				var err error
				switch v := v.(type) {
				case fx:
					err = f.SetCellFormula(s.name, cell, string(v))
				case styled:
					if fv, ok := v.v.(fx); ok {
						err = f.SetCellFormula(s.name, cell, string(fv))
					} else {
						err = f.SetCellValue(s.name, cell, v.v)
					}
					if err != nil {
						break
					}
					st := &excelize.Style{NumFmt: v.numFmt}
					if v.custom != "" {
						st.CustomNumFmt = &v.custom
					}
					var id int
					if id, err = f.NewStyle(st); err == nil {
						err = f.SetCellStyle(s.name, cell, cell, id)
					}
				case rawCell:
					err = f.SetCellInt(s.name, cell, 0)
					patches = append(patches, patch{i + 1, cell, fmt.Sprintf(string(v), cell)})
				default:
					err = f.SetCellValue(s.name, cell, v)
				}
				if err != nil {
					tb.Fatalf("sheet %q, cell %s: %v", s.name, cell, err)
				}
			}
		}
	}
	for _, s := range sheets {
		for _, m := range s.merges {
			if err := f.MergeCell(s.name, m[0], m[1]); err != nil {
				tb.Fatal(err)
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		tb.Fatal(err)
	}
	out := buf.Bytes()
	for _, p := range patches {
		out = patchZip(tb, out, fmt.Sprintf("xl/worksheets/sheet%d.xml", p.sheet), p.cell, p.xml)
	}
	return out
}

// patchZip replaces the element of one cell in a sheet's XML.
func patchZip(tb testing.TB, data []byte, name, cell, xml string) []byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	re := regexp.MustCompile(`<c r="` + cell + `"[^>]*?(/>|>.*?</c>)`)
	found := false
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			tb.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatal(err)
		}
		if zf.Name == name {
			if !re.Match(b) {
				tb.Fatalf("%s: no cell %s in %s", name, cell, b)
			}
			b = re.ReplaceAll(b, []byte(xml))
			found = true
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	if !found {
		tb.Fatalf("no %s in the workbook", name)
	}
	return out.Bytes()
}

// readBook builds the workbook and reads it as "file.xlsx".
func readBook(tb testing.TB, sheets []sheetSpec, opts ...bookOpt) (*dataset.Dataset, error) {
	tb.Helper()
	return ReadBytes("file.xlsx", makeBook(tb, sheets, opts...))
}

// factSheet is a fact sheet with the usual header and the given rows.
func factSheet(rows ...[]any) sheetSpec {
	return sheetSpec{name: "Thông tin", rows: append([][]any{{"Khóa", "Giá trị", "Ghi chú"}}, rows...)}
}

var treeHeader = []any{"Mã", "Nội dung", "Điểm tối đa", "Điểm ĐTXHH", "Điểm đạt", "Điểm ĐTXHH đạt", "Ghi chú"}

// treeSheet is an indicator sheet named X with the usual header: columns
// A code, B name, C max, D survey, E score, F survey score, G note.
func treeSheet(rows ...[]any) sheetSpec {
	return sheetSpec{name: "X", rows: append([][]any{treeHeader}, rows...)}
}

func row(cells ...any) []any { return cells }
