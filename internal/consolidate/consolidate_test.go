package consolidate

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/internal/check"
	"baocao/internal/dataset"
	"baocao/internal/xlsxdata"
)

func num(x float64) dataset.Value { return dataset.Value{Kind: dataset.NumberKind, Num: x} }

// unit is a ward's data: its name, a chỉ tiêu and its quarters
// (carried in, new, pending).
func unit(name string, rate float64, q [][3]float64) *dataset.Dataset {
	facts := dataset.NewFacts("Thông tin")
	facts.Add("ten_don_vi", dataset.Value{Kind: dataset.TextKind, Text: name}, dataset.Loc{})
	t := dataset.NewTable("Hồ sơ", "Quý", [][]string{{"Từ kỳ trước"}, {"Mới"}, {"Tổng số"}, {"Đang giải quyết"}}, make([]dataset.Loc, 4))
	t.Columns[0].Agg = dataset.First
	t.Columns[2].Agg, t.Columns[2].Of = dataset.SumOf, []string{"Từ kỳ trước", "Mới"}
	t.Columns[3].Agg = dataset.Last
	recv := 0.0
	for i, r := range q {
		t.AddRow(fmt.Sprintf("Quý %d", i+1), dataset.Loc{}, []dataset.Value{num(r[0]), num(r[1]), num(r[0] + r[1]), num(r[2])})
		recv += r[1]
	}
	return &dataset.Dataset{Source: name + ".xlsx", Facts: facts, Tables: map[string]*dataset.Table{"Hồ sơ": t},
		Derived: map[string]dataset.Derived{"ty_le": {Name: "ty_le", Value: rate}, "moi": {Name: "moi", Value: recv}}}
}

func inputs(ds ...*dataset.Dataset) []Input {
	var out []Input
	for _, d := range ds {
		d := d
		out = append(out, Input{File: d.Source, Read: func() (*dataset.Dataset, error) { return d, nil }})
	}
	return out
}

var spec = Spec{
	NameFact: "ten_don_vi",
	Columns:  []Column{{Name: "Hồ sơ mới", From: "moi", Agg: dataset.Flow}, {Name: "Tỷ lệ đúng hạn", From: "ty_le", Agg: dataset.NoTotal}},
	Tables:   []string{"Hồ sơ"},
}

func TestRun(t *testing.T) {
	a := unit("Phường B", 99.5, [][3]float64{{10, 100, 5}, {5, 120, 7}})
	b := unit("Phường A", 98, [][3]float64{{2, 50, 1}, {1, 60, 3}})
	c := unit("Xã C", 99.5, [][3]float64{{0, 30, 0}, {0, 20, 2}})
	bad := unit("Xã D", 90, [][3]float64{{0, 1, 0}, {0, 1, 0}})
	s := spec
	s.Check = func(ds *dataset.Dataset) []check.Finding {
		if v, _ := ds.Fact("ten_don_vi"); v.Text == "Xã D" {
			return []check.Finding{{Severity: check.Error, File: "Xã D.xlsx", Message: "the score is more than its maximum"}}
		}
		return nil
	}
	res, err := Run(nil, inputs(a, b, c, bad), s)
	if err != nil {
		t.Fatal(err)
	}
	ut := res.Data.Tables[UnitsSheet]
	var keys []string
	for _, r := range ut.Rows {
		keys = append(keys, r.Key)
	}
	if strings.Join(keys, ",") != "Phường A,Phường B,Xã C" {
		t.Errorf("units %v", keys)
	}
	if v, _, _ := ut.Total(ut.Rows, "Hồ sơ mới"); v != 380 {
		t.Errorf("new files across units %v, want 380", v)
	}
	// Across units every count adds up; over the quarters the kinds hold:
	// carried in = the first quarter's (12), received = 12 + 380,
	// pending = the last quarter's (12).
	ht := res.Data.Tables["Hồ sơ"]
	for col, want := range map[string]float64{"Từ kỳ trước": 12, "Mới": 380, "Tổng số": 392, "Đang giải quyết": 12} {
		if v, ok, err := ht.Total(ht.Rows, col); err != nil || !ok || v != want {
			t.Errorf("%s = %v (%v, %v), want %v", col, v, ok, err, want)
		}
	}
	if len(res.Missing) != 1 || res.Missing[0].Name != "Xã D" || !strings.Contains(res.Missing[0].Err.Error(), "fails 1 check(s), the first:") {
		t.Errorf("missing %+v", res.Missing)
	}
	if mt := res.Data.Tables[MissingSheet]; len(mt.Rows) != 1 || mt.Rows[0].Key != "Xã D.xlsx" {
		t.Errorf("the left-out unit is not listed: %+v", mt.Rows)
	} else if why := mt.Rows[0].Cells[1].Text; !strings.Contains(why, "phép kiểm tra") || strings.Contains(why, " check") {
		// The reason is printed in the report: Vietnamese, whatever the run's language.
		t.Errorf("the reason is not in Vietnamese: %q", why)
	}
	ranks, err := Rank(ut, "Tỷ lệ đúng hạn", false)
	if err != nil {
		t.Fatal(err)
	}
	if ranks["Phường B"] != 1 || ranks["Xã C"] != 1 || ranks["Phường A"] != 3 {
		t.Errorf("ranks %v: ties share a rank (đồng hạng), the next skips", ranks)
	}

	s.StopOnError = true
	if _, err := Run(nil, inputs(a, bad), s); err == nil || !strings.Contains(err.Error(), "unit Xã D (Xã D.xlsx): fails 1 check(s)") {
		t.Errorf("stop on error: %v", err)
	}
}

func TestDuplicateAndShape(t *testing.T) {
	a := unit("Phường A", 1, [][3]float64{{0, 1, 0}})
	a2 := unit("PHƯỜNG A", 1, [][3]float64{{0, 1, 0}})
	a2.Source = "phuong-a-ban-2.xlsx"
	if _, err := Run(nil, inputs(a, a2), spec); err == nil || !strings.Contains(err.Error(), "Phường A.xlsx and phuong-a-ban-2.xlsx are both the workbook of") {
		t.Errorf("duplicate: %v", err)
	}
	b := unit("Phường B", 1, [][3]float64{{0, 1, 0}, {0, 2, 0}})
	if _, err := Run(nil, inputs(a, b), spec); err == nil || !strings.Contains(err.Error(), "every unit reports the same periods") {
		t.Errorf("periods differ: %v", err)
	}
	noName := unit("", 1, [][3]float64{{0, 1, 0}})
	noName.Source = "x.xlsx"
	res, err := Run(nil, inputs(a, noName), spec)
	if err != nil || len(res.Missing) != 1 || !strings.Contains(res.Missing[0].Err.Error(), "ten_don_vi (the unit's name) is missing or blank") {
		t.Errorf("a unit without its name: %v, %+v", err, res)
	}
}

// BenchmarkConsolidate150 reads 150 ward workbooks (the built-in phường
// sample, each with its own name) and consolidates them.
func BenchmarkConsolidate150(b *testing.B) {
	raw, err := os.ReadFile("../../data/phuong-tan-my-2026.xlsx")
	if err != nil {
		b.Fatal(err)
	}
	var books [][]byte
	for i := 0; i < 150; i++ {
		f, err := excelize.OpenReader(bytes.NewReader(raw))
		if err != nil {
			b.Fatal(err)
		}
		rows, _ := f.GetRows("Thông tin")
		for r, row := range rows {
			if len(row) > 0 && row[0] == "ten_don_vi" {
				f.SetCellValue("Thông tin", fmt.Sprintf("B%d", r+1), fmt.Sprintf("phường %d", i+1))
			}
		}
		var buf bytes.Buffer
		f.Write(&buf)
		f.Close()
		books = append(books, buf.Bytes())
	}
	s := Spec{NameFact: "ten_don_vi", Tables: []string{"Hồ sơ TTHC", "Phản ánh, kiến nghị"}}
	b.ReportAllocs()
	for b.Loop() {
		var in []Input
		for i, data := range books {
			name := fmt.Sprintf("phuong-%d.xlsx", i+1)
			in = append(in, Input{File: name, Read: func() (*dataset.Dataset, error) { return xlsxdata.ReadBytes(name, data) }})
		}
		res, err := Run(nil, in, s)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Data.Tables[UnitsSheet].Rows) != 150 {
			b.Fatal("units lost")
		}
	}
}
