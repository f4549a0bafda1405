package figures

import (
	"fmt"
	"strings"
	"testing"

	"baocao/internal/dataset"
)

type env struct {
	names  map[string]float64
	tables map[string]*dataset.Table
}

func (e env) Name(n string) (float64, error) {
	if v, ok := e.names[n]; ok {
		return v, nil
	}
	return 0, fmt.Errorf("no fact or figure %q", n)
}

func (e env) Table(n string) (*dataset.Table, error) {
	if t, ok := e.tables[n]; ok {
		return t, nil
	}
	return nil, fmt.Errorf("no table %q", n)
}

func testEnv() env {
	num := func(x float64) dataset.Value { return dataset.Value{Kind: dataset.NumberKind, Num: x} }
	t := dataset.NewTable("TTHC", "Năm", [][]string{{"Tiếp nhận"}, {"Từ kỳ trước"}, {"Quá hạn"}, {"Đang giải quyết"}}, make([]dataset.Loc, 4))
	t.AddRow("2022", dataset.Loc{}, []dataset.Value{num(100), num(10), num(2), num(5)})
	t.AddRow("2023", dataset.Loc{}, []dataset.Value{num(120), num(5), num(3), num(7)})
	t.AddRow("2024", dataset.Loc{}, []dataset.Value{num(90), num(7), {}, num(4)})
	t.Columns[1].Agg, t.Columns[3].Agg = dataset.First, dataset.Last
	u := dataset.NewTable("Đơn vị", "Đơn vị", [][]string{{"Xếp loại"}, {"Điểm"}}, make([]dataset.Loc, 2))
	for i, c := range []string{"Tốt", "Khá", "tốt", "Trung bình"} {
		u.AddRow(fmt.Sprintf("Xã %d", i+1), dataset.Loc{}, []dataset.Value{{Kind: dataset.TextKind, Text: c}, {Kind: dataset.NumberKind, Num: float64(90 - 5*i)}})
	}
	return env{names: map[string]float64{"ke_hoach": 24, "dat": 23, "zero": 0}, tables: map[string]*dataset.Table{"TTHC": t, "Đơn vị": u}}
}

func TestEval(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want float64
		err  string
	}{
		{src: "1 + 2 * 3", want: 7},
		{src: "(1 + 2) * 3", want: 9},
		{src: "-dat + ke_hoach", want: 1},
		{src: "0,5 + 0.25", want: 0.75},
		{src: "phan_tram(dat; ke_hoach)", want: 95.83333333333333},
		{src: "lam_tron(phan_tram(dat, ke_hoach), 2)", want: 95.83},
		{src: "round(2,675, 2)", want: 2.68},
		{src: "lam_tron(-2,5; 0)", want: -3},
		{src: `tong("TTHC", "Tiếp nhận")`, want: 310},
		{src: `tong("TTHC", "Từ kỳ trước")`, want: 10},    // opening stock: the first year's
		{src: `tong("TTHC", "Đang giải quyết")`, want: 4}, // closing stock: the last year's
		{src: `cong("TTHC", "Từ kỳ trước")`, want: 22},
		{src: `sum("TTHC", "Quá hạn", [Năm] >= 2023)`, want: 3},
		{src: `dem("TTHC", [Tiếp nhận] > 95)`, want: 2},
		{src: `dau("TTHC", "Tiếp nhận") + cuoi("TTHC", "Tiếp nhận")`, want: 190},
		{src: `max("TTHC", "Tiếp nhận") - nho_nhat("TTHC", "Tiếp nhận")`, want: 30},
		{src: `dat <= ke_hoach`, want: 1},
		{src: `dem("Đơn vị", [Xếp loại] = "Tốt")`, want: 2}, // classes compare as names: "tốt" is "Tốt"
		{src: `dem("Đơn vị", [Xếp loại] <> "Tốt")`, want: 2},
		{src: `cong("Đơn vị", "Điểm", [Xếp loại] = "khá")`, want: 85},
		{src: `dem("Đơn vị", [Xếp loại] < "Tốt")`, err: "texts compare with = or <> only"},
		{src: `ty_le(1, zero)`, err: "the denominator is 0"},
		{src: `dat / zero`, err: "division by 0"},
		{src: `khong_co + 1`, err: `no fact or figure "khong_co"`},
		{src: `tong("TTHC", "Không có")`, err: `no column "Không có"`},
		{src: `tong(TTHC, "Tiếp nhận")`, err: `the table is named in quotes`},
		{src: `[Năm] + 1`, err: "only meaningful in a condition"},
		{src: `chia(1, 2)`, err: "unknown function chia"},
	} {
		t.Run(tc.src, func(t *testing.T) {
			e, err := Parse(tc.src)
			if err != nil {
				t.Fatal(err)
			}
			got, err := e.Eval(testEnv())
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || !dataset.Near(got, tc.want) {
				t.Errorf("= %v, %v; want %v", got, err, tc.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, err string }{
		{"1 +", "ends too early"},
		{"(1 + 2", `expected ")"`},
		{`tong("TTHC`, "is not closed"},
		{"1.234,5", "is not a number"},
		{"2 $ 3", `unexpected "$"`},
		{strings.Repeat("(", 100) + "1" + strings.Repeat(")", 100), "nested too deep"},
	} {
		if _, err := Parse(tc.src); err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("Parse(%.30q): %v, want %q", tc.src, err, tc.err)
		}
	}
}

func TestNamesAndColumns(t *testing.T) {
	e, err := Parse(`phan_tram(tong("TTHC", "Quá hạn"), tiep_nhan) + dem("TTHC") * he_so`)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(e.Names(), ","); got != "tiep_nhan,he_so" {
		t.Errorf("names %s", got)
	}
	if got := fmt.Sprint(e.Columns()); got != "[[TTHC Quá hạn] [TTHC ]]" {
		t.Errorf("columns %s", got)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"1 + 2", `tong("A", "B", [k] >= 2)`, "lam_tron(x; 2)", "((", "0,5", "-(-1)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := Parse(s)
		if err == nil {
			e.Eval(testEnv())
		}
	})
}
