package check

import (
	"strings"
	"testing"

	"baocao/internal/dataset"
)

func val(x any, cell string) dataset.Value {
	loc := dataset.Loc{File: "d.xlsx", Sheet: "TTHC", Cell: cell}
	switch v := x.(type) {
	case nil:
		return dataset.Value{Loc: loc}
	case string:
		return dataset.Value{Kind: dataset.TextKind, Text: v, Loc: loc}
	case int:
		return dataset.Value{Kind: dataset.NumberKind, Num: float64(v), Loc: loc}
	case float64:
		return dataset.Value{Kind: dataset.NumberKind, Num: v, Loc: loc}
	}
	panic("val")
}

// data is a table of TTHC records with the mistakes of the Thạch An seed:
// 2022 resolved ≠ early + on time + late; the online rate of 2023 is off;
// what was pending at the end of 2022 is not what 2023 carried over.
func data() *dataset.Dataset {
	cols := [][]string{{"Tiếp nhận"}, {"Trực tuyến"}, {"Từ kỳ trước"}, {"Đã giải quyết"}, {"Trước hạn"}, {"Đúng hạn"}, {"Quá hạn"}, {"Đang giải quyết"}, {"Tỷ lệ trực tuyến"}}
	t := dataset.NewTable("TTHC", "Năm", cols, make([]dataset.Loc, len(cols)))
	rows := []struct {
		key   string
		cells []any
	}{
		{"2021", []any{100, 40, 0, 90, 50, 40, nil, 10, 40.0}},
		{"2022", []any{200, 100, 10, 199, 100, 95, 3, 11, 50.0}},
		{"2023", []any{300, 150, 12, 300, 200, 100, 0, 12, 49.0}},
	}
	for i, r := range rows {
		var vs []dataset.Value
		for j, c := range r.cells {
			vs = append(vs, val(c, string(rune('B'+j))+string(rune('2'+i))))
		}
		t.AddRow(r.key, dataset.Loc{File: "d.xlsx", Sheet: "TTHC", Cell: "A" + string(rune('2'+i))}, vs)
	}
	tree := dataset.NewTree("Chỉ số", "d.xlsx")
	n := &dataset.Node{Code: "1", Name: "A", Row: dataset.Loc{File: "d.xlsx", Sheet: "Chỉ số", Cell: "A2"}}
	tree.Add(n)
	n.Set(dataset.Max, 2, dataset.Loc{File: "d.xlsx", Sheet: "Chỉ số", Cell: "C2"})
	n.Set(dataset.Score, 2.5, dataset.Loc{File: "d.xlsx", Sheet: "Chỉ số", Cell: "E2"})
	tree.Compute()
	return &dataset.Dataset{Source: "d.xlsx", Tables: map[string]*dataset.Table{"TTHC": t}, Trees: map[string]*dataset.Tree{"Chỉ số": tree}}
}

func TestRun(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string // "severity cell expected found"
	}{
		{"sum per row", "- loai: tong\n  bang: tthc\n  cot: Đã giải quyết\n  thanh_phan: [Trước hạn, Đúng hạn, Quá hạn]\n",
			[]string{"error E3 198 199"}},
		{"rate", "- loai: ty-le\n  bang: TTHC\n  cot: Tỷ lệ trực tuyến\n  tu: Trực tuyến\n  mau: Tiếp nhận\n",
			[]string{"error J4 50,00 49"}},
		{"continuity", "- loai: lien-ky\n  bang: TTHC\n  cuoi_ky: Đang giải quyết\n  dau_ky: Từ kỳ trước\n",
			[]string{"warning D3 10 10", "warning D4 11 12"}[1:]},
		{"continuity as error", "- loai: lien-ky\n  muc: loi\n  bang: TTHC\n  cuoi_ky: Đang giải quyết\n  dau_ky: Từ kỳ trước\n",
			[]string{"error D4 11 12"}},
		{"score over maximum", "- loai: diem\n", []string{"error E2 ≤ 2 2,5"}},
		{"missing table", "- loai: tong\n  bang: Khác\n  cot: A\n  thanh_phan: [B]\n", []string{"error  "}},
		{"missing column", "- loai: tong\n  bang: TTHC\n  cot: Không có\n  thanh_phan: [B]\n", []string{"error  "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := Parse("kiem-tra.yaml", []byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range Run(cs, data()) {
				got = append(got, strings.TrimSpace(f.Severity.String()+" "+f.Cell+" "+f.Expected+" "+f.Found))
			}
			want := make([]string, len(tt.want))
			for i, w := range tt.want {
				want[i] = strings.TrimSpace(w)
			}
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

func TestFindingText(t *testing.T) {
	cs, _ := Parse("k.yaml", []byte("- loai: tong\n  bang: TTHC\n  cot: Đã giải quyết\n  thanh_phan: [Trước hạn, Đúng hạn, Quá hạn]\n"))
	f := Run(cs, data())[0]
	want := `d.xlsx, sheet "TTHC", cell E3: Đã giải quyết of 2022 is not the sum of Trước hạn + Đúng hạn + Quá hạn (expected 198, found 199)`
	if f.String() != want {
		t.Errorf("got  %s\nwant %s", f, want)
	}
	cs, _ = Parse("k.yaml", []byte("- loai: tong\n  bang: TTHC\n  cot: Không có\n  thanh_phan: [B]\n"))
	if f := Run(cs, data())[0]; !strings.Contains(f.Message, `cannot run: sheet "TTHC" has no column "Không có"`) {
		t.Errorf("broken check: %s", f.Message)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"loai: tong\n", "k.yaml:1: expected a list of checks"},
		{"- loai: tog\n", "k.yaml:1: check tog: unknown kind"},
		{"- loai: diem\n- loai: tong\n  bang: T\n", "k.yaml:2: check tong: needs thanh_phan"},
		{"- loai: ty-le\n  bang: T\n  cot: A\n  tu: B\n", "k.yaml:1: check ty-le: needs mau"},
		{"- loai: diem\n  muc: nang\n", "muc \"nang\""},
		{"- loai: diem\n  bang: [\n", "k.yaml: line 2: "},
	}
	for _, tt := range tests {
		if _, err := Parse("k.yaml", []byte(tt.src)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error %v, want %q", tt.src, err, tt.want)
		}
	}
}

func TestDefaults(t *testing.T) {
	cs, err := Load(t.TempDir())
	if err != nil || len(cs) != 2 {
		t.Fatalf("defaults: %v, %v", cs, err)
	}
	if !HasErrors(Run(cs, data())) {
		t.Error("the default checks miss a score over its maximum")
	}
}

// TestCompare: so-sanh compares any two figures, across sheets: a fact
// with a table's sum, a plan with what was done.
func TestCompare(t *testing.T) {
	ds := data()
	facts := dataset.NewFacts("Thông tin")
	facts.Add("ke_hoach", val(20, "B2"), dataset.Loc{})
	facts.Add("thuc_hien", val(21, "B3"), dataset.Loc{})
	ds.Facts = facts
	src := `- {loai: so-sanh, trai: thuc_hien, phep: "<=", phai: ke_hoach, ten: Thực hiện không vượt kế hoạch}
- {loai: so-sanh, trai: 'sum("TTHC", "Quá hạn")', phep: "=", phai: 'sum("TTHC", "Quá hạn", [Năm] <= 2023)', muc: canh-bao}
- {loai: so-sanh, trai: ke_hoach, phep: ">=", phai: '20'}
`
	checks, err := Parse("k.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range Run(checks, ds) {
		got = append(got, f.Severity.String()+": "+f.Message+" ("+f.Expected+" | "+f.Found+")")
	}
	want := []string{"error: thuc_hien (21) is not <= ke_hoach (20) (<= 20 | 21)"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, bad := range []string{"- {loai: so-sanh, trai: a, phep: '=>', phai: b}\n", "- {loai: so-sanh, trai: 'a +', phep: '=', phai: b}\n", "- {loai: so-sanh, trai: a}\n"} {
		if _, err := Parse("k.yaml", []byte(bad)); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}
