package build

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/internal/check"
	"baocao/internal/contract"
	"baocao/internal/dataset"
	"baocao/internal/render/docx"
	"baocao/internal/workbook"
)

// TestBlankWorkbookRoundTrip: the blank workbook of each built-in template,
// filled with its sample's values cell by cell as an officer would (facts
// in Giá trị, indicator rows, table rows under the headers), builds the
// sample's report: the same DOCX, byte for byte. So the blank workbook has
// every sheet, header and key the template reads.
func TestBlankWorkbookRoundTrip(t *testing.T) {
	eachSample(t, func(t *testing.T, s Sample, j *Job) {
		var blank bytes.Buffer
		if err := workbook.Write(&blank, j.Contract, s.Template); err != nil {
			t.Fatal(err)
		}
		filled := fill(t, blank.Bytes(), j.Contract, j.Data)
		want, err := j.Document()
		if err != nil {
			t.Fatal(err)
		}
		fj := sampleJobWith(t, s, "filled.xlsx", filled)
		if fs := fj.Validate(); check.HasErrors(fs) {
			t.Fatalf("the filled workbook fails its checks: %v", fs)
		}
		got, err := fj.Document()
		if err != nil {
			t.Fatal(err)
		}
		var a, b bytes.Buffer
		if err := docx.Write(&a, want); err != nil {
			t.Fatal(err)
		}
		if err := docx.Write(&b, got); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			wt, gt := modelText(want), modelText(got)
			i := 0
			for i < len(wt) && i < len(gt) && wt[i] == gt[i] {
				i++
			}
			t.Errorf("the report from the filled blank workbook differs from the sample's, first at:\n sample: %.200q\n filled: %.200q", wt[i:], gt[i:])
		}
	})
}

// fill writes the sample's values into a blank workbook.
func fill(t *testing.T, blank []byte, c *contract.Contract, ds *dataset.Dataset) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(blank))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	put := func(sheet string, col, row int, v dataset.Value) {
		ref, _ := excelize.CoordinatesToCellName(col, row)
		var err error
		switch v.Kind {
		case dataset.Empty:
			return
		case dataset.NumberKind:
			err = f.SetCellValue(sheet, ref, v.Num)
		case dataset.DateKind:
			err = f.SetCellValue(sheet, ref, v.Time)
		default:
			err = f.SetCellValue(sheet, ref, v.Text)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	rows, err := f.GetRows(workbook.FactSheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if i == 0 || len(r) == 0 {
			continue
		}
		if v, ok := ds.Facts.Get(r[0]); ok && !c.IsHeading(r[0]) {
			put(workbook.FactSheet, 2, i+1, v)
		}
	}
	for _, decl := range c.Trees {
		tr, err := ds.Tree(decl.Sheet)
		if err != nil {
			t.Fatal(err)
		}
		row := 2
		for _, n := range tr.Nodes() {
			code := n.Code
			if code == "" {
				if !n.Get(dataset.Max).Given && !n.Get(dataset.Score).Given {
					continue
				}
				code = "Tổng"
			}
			put(decl.Sheet, 1, row, dataset.Value{Kind: dataset.TextKind, Text: code})
			put(decl.Sheet, 2, row, dataset.Value{Kind: dataset.TextKind, Text: n.Name})
			for k, m := range []dataset.Measure{dataset.Max, dataset.Survey, dataset.Score, dataset.SurveyScore} {
				if q := n.Get(m); q.Given {
					put(decl.Sheet, 3+k, row, dataset.Value{Kind: dataset.NumberKind, Num: q.V})
				}
			}
			put(decl.Sheet, 7, row, dataset.Value{Kind: dataset.TextKind, Text: n.Note})
			row++
		}
	}
	for _, decl := range c.Tables {
		if c.Consolidation != nil {
			break // a consolidating template's tables come from its units
		}
		tab, err := ds.Table(decl.Sheet)
		if err != nil {
			t.Fatal(err)
		}
		first := 2
		if cells, _ := f.GetMergeCells(decl.Sheet); len(cells) > 0 {
			first = 3
		}
		for i, r := range tab.Rows {
			key := dataset.Value{Kind: dataset.TextKind, Text: r.Key}
			if x, ok := numberKey(r.Key); ok {
				key = dataset.Value{Kind: dataset.NumberKind, Num: x}
			}
			put(decl.Sheet, 1, first+i, key)
			for k, col := range decl.Columns {
				v, err := r.Get(col.Name)
				if err != nil {
					t.Fatalf("sheet %s: %v", decl.Sheet, err)
				}
				// Derived columns keep the blank workbook's formula
				// when the sample's figure is what it computes.
				if col.Kind == contract.Sum || col.Kind == contract.Rate {
					ref, _ := excelize.CoordinatesToCellName(k+2, first+i)
					if fx, _ := f.GetCellFormula(decl.Sheet, ref); fx != "" && v.Kind != dataset.TextKind && matches(t, tab, r, col) {
						continue
					}
				}
				if col.Kind == contract.Rate && v.Kind == dataset.NumberKind {
					// The blank workbook shows rates as percents: typing
					// 91,8 there is Excel's 0,918 shown as 91,8%.
					v.Num /= 100
				}
				put(decl.Sheet, k+2, first+i, v)
			}
		}
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func numberKey(k string) (float64, bool) {
	if len(k) == 4 && strings.Trim(k, "0123456789") == "" {
		var x float64
		for _, c := range k {
			x = x*10 + float64(c-'0')
		}
		return x, true
	}
	return 0, false
}

// matches reports whether the row's figure in a tong column equals the
// sum of its parts (a rate column is always refilled with its figure).
func matches(t *testing.T, tab *dataset.Table, r *dataset.Row, col contract.Column) bool {
	if col.Kind != contract.Sum {
		return false
	}
	v, _ := r.Get(col.Name)
	s := 0.0
	for _, p := range col.Parts {
		x, err := r.NumOrZero(p)
		if err != nil {
			return false
		}
		s += x
	}
	return v.Kind == dataset.NumberKind && dataset.Near(v.Num, s)
}
