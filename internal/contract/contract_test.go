package contract

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"baocao/internal/appendix"
	"baocao/internal/check"
	"baocao/internal/dataset"
)

const good = `thong_tin:
  - {khoa: ten_don_vi, kieu: van-ban, bat_buoc: true, mo_ta: Tên đơn vị}
  - {khoa: so_van_ban, kieu: so-nguyen, bat_buoc: true}
  - {khoa: ngay_ban_hanh, kieu: ngay}
  - {khoa: muc, kieu: van-ban, gia_tri: [Tốt, Khá]}
bang:
  - ten: Hồ sơ
    khoa: Tháng
    cot:
      - {ten: Tổng số, loai: tong, thanh_phan: [Mới, Từ kỳ trước]}
      - {ten: Mới, loai: luong}
      - {ten: Từ kỳ trước, loai: dau-ky}
      - {ten: Đang giải quyết, loai: cuoi-ky}
      - {ten: Tỷ lệ mới, loai: ty-le, tu: Mới, mau: Tổng số}
      - {ten: Ghi chú, loai: van-ban}
`

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"good", good, ""},
		{"unknown key", "thong_tin:\n  - {khoa: a, kieu: van-ban, bat_buot: true}\n", `d.yaml:2: unknown key "bat_buot"`},
		{"wrong type", "thong_tin:\n  - {khoa: a, kieu: chu}\n", `d.yaml:2: fact a: kieu "chu": expected one of van-ban`},
		{"duplicate fact", "thong_tin:\n  - {khoa: a, kieu: so}\n  - {khoa: A, kieu: so}\n", `d.yaml:3: fact A is declared twice (first at line 2)`},
		{"wrong kind", "bang:\n  - ten: T\n    khoa: Năm\n    cot:\n      - {ten: A, loai: cong}\n", `d.yaml:5: column "A": loai "cong": expected one of luong`},
		{"misspelt part", "bang:\n  - ten: T\n    khoa: Năm\n    cot:\n      - {ten: A, loai: luong}\n      - {ten: B, loai: tong, thanh_phan: [Ả, C]}\n", `d.yaml:6: column "B": thanh_phan "C" is not a column of table "T"`},
		{"rate without parts", "bang:\n  - ten: T\n    khoa: Năm\n    cot:\n      - {ten: A, loai: ty-le, tu: A}\n", `d.yaml:5: column "A" (ty-le) needs mau`},
		{"cycle", "bang:\n  - ten: T\n    khoa: Năm\n    cot:\n      - {ten: A, loai: tong, thanh_phan: [B]}\n      - {ten: B, loai: tong, thanh_phan: [A]}\n", `depends on itself`},
		{"not a mapping", "- a\n", `d.yaml:1: expected the keys thong_tin (facts), bang (tables), chi_so (indicator sheets) and chi_tieu`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("d.yaml", []byte(tc.src))
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func num(x float64) dataset.Value { return dataset.Value{Kind: dataset.NumberKind, Num: x} }

func months() *dataset.Table {
	tab := dataset.NewTable("Hồ sơ", "Tháng", [][]string{{"Tổng số"}, {"Mới"}, {"Từ kỳ trước"}, {"Đang giải quyết"}, {"Tỷ lệ mới"}, {"Ghi chú"}},
		make([]dataset.Loc, 6))
	tab.AddRow("7", dataset.Loc{}, []dataset.Value{num(120), num(100), num(20), num(30), num(83.33), {Kind: dataset.TextKind, Text: "x"}})
	tab.AddRow("8", dataset.Loc{}, []dataset.Value{num(140), num(110), num(30), num(25), num(78.57), {}})
	tab.AddRow("9", dataset.Loc{}, []dataset.Value{num(115), num(90), num(25), num(16), num(78.26), {}})
	return tab
}

// TestTotalKinds: each kind totals its own way over the quarter.
func TestTotalKinds(t *testing.T) {
	c, err := Parse("d.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	tab := months()
	c.Apply(&dataset.Dataset{Tables: map[string]*dataset.Table{"Hồ sơ": tab}})
	for _, tc := range []struct {
		col  string
		want float64
		ok   bool
	}{
		{"Mới", 300, true},            // a flow: 100 + 110 + 90
		{"Từ kỳ trước", 20, true},     // opening stock: the first month's
		{"Đang giải quyết", 16, true}, // closing stock: the last month's
		{"Tổng số", 320, true},        // new files plus the files carried in: 300 + 20, not 375
		{"Tỷ lệ mới", 93.75, true},    // recomputed 300 / 320, not the months' rates summed or averaged
		{"Ghi chú", 0, false},         // text: no total
	} {
		got, ok, err := tab.Total(tab.Rows, tc.col)
		if err != nil || ok != tc.ok || ok && !dataset.Near(got, tc.want) {
			t.Errorf("Total(%s) = %v, %v, %v; want %v, %v", tc.col, got, ok, err, tc.want, tc.ok)
		}
	}
	if _, _, err := tab.Total(tab.Rows, "Không có"); err == nil {
		t.Error("a column that does not exist has a total")
	}
}

func TestCheck(t *testing.T) {
	c, err := Parse("d.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	loc := func(cell string) dataset.Loc { return dataset.Loc{File: "w.xlsx", Sheet: "Thông tin", Cell: cell} }
	facts := dataset.NewFacts("Thông tin")
	facts.Add("ten_don_vi", dataset.Value{Loc: loc("B2")}, loc("A2"))
	facts.Add("so_van_ban", dataset.Value{Kind: dataset.NumberKind, Num: 3.5, Loc: loc("B3")}, loc("A3"))
	facts.Add("muc", dataset.Value{Kind: dataset.TextKind, Text: "Rất tốt", Loc: loc("B4")}, loc("A4"))
	tab := months()
	v := dataset.Value{Kind: dataset.TextKind, Text: "mười", Loc: dataset.Loc{File: "w.xlsx", Sheet: "Hồ sơ", Cell: "C3"}}
	tab.Rows[0].Set("Mới", v)
	ds := &dataset.Dataset{Source: "w.xlsx", Facts: facts, Tables: map[string]*dataset.Table{"Hồ sơ": tab}}
	var got []string
	for _, f := range c.Check(ds) {
		if f.Severity != check.Error {
			t.Errorf("finding %v is not an error", f)
		}
		got = append(got, f.String())
	}
	want := []string{
		`w.xlsx, sheet "Thông tin", cell B2: ten_don_vi (Tên đơn vị) is required; type it (expected a text, found an empty cell)`,
		`w.xlsx, sheet "Thông tin", cell B3: so_van_ban (a whole number): expected a whole number, without decimals (expected a whole number, found 3,5)`,
		`w.xlsx, sheet "Thông tin": the fact sheet has no row for ngay_ban_hanh (a date (dd/mm/yyyy)); add a row with the key ngay_ban_hanh`,
		`w.xlsx, sheet "Thông tin", cell B4: muc (a text) must be one of the listed values (expected Tốt, Khá, found Rất tốt)`,
		`w.xlsx, sheet "Hồ sơ", cell C3: 7, Mới: expected a number (expected a number, found "mười")`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCheckTemplate(t *testing.T) {
	c, err := Parse("t/du-lieu.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	src := "---\nso: '{{ fact \"so_van_ban\" }}'\n---\nĐơn vị {{ fact \"TEN_DON_VI\" }}.\n\nKiểm tra {{ fact \"kt_xa\" }} xã.\n"
	err = c.CheckTemplate("t/report.md", []byte(src))
	if err == nil || err.Error() != `t/report.md:6: fact "kt_xa" is not declared in t/du-lieu.yaml; declare it there (khoa, kieu, mo_ta) or correct the key` {
		t.Errorf("error %v", err)
	}
	if err := c.CheckTemplate("t/report.md", []byte(src[:strings.Index(src, "Kiểm tra")])); err != nil {
		t.Errorf("declared facts (any case): %v", err)
	}
	if err := (&Contract{}).CheckTemplate("t/report.md", []byte(src)); err != nil {
		t.Errorf("a contract without facts checks nothing: %v", err)
	}
}

func TestCheckAppendices(t *testing.T) {
	c, err := Parse("t/du-lieu.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, src, want string }{
		{"declared", "- so: I\n  tieu_de: A\n  bang: Hồ sơ\n  cot:\n    - {nhan: Tháng, khoa: true}\n    - {nhan: Mới, du_lieu: Mới}\n  dong_tong: Cộng\n", ""},
		{"no total row", "- so: I\n  tieu_de: A\n  bang: Khác\n  cot:\n    - {nhan: Năm, khoa: true}\n    - {nhan: X, du_lieu: X}\n", ""},
		{"undeclared table", "- so: I\n  tieu_de: A\n  bang: Khác\n  cot:\n    - {nhan: Năm, khoa: true}\n    - {nhan: X, du_lieu: X}\n  dong_tong: Cộng\n",
			`t/phu-luc.yaml:1: phụ lục I has a total row (dong_tong) over table "Khác", which t/du-lieu.yaml does not declare`},
		{"undeclared column", "- so: II\n  tieu_de: A\n  bang: Hồ sơ\n  cot:\n    - {nhan: Tháng, khoa: true}\n    - {nhan: X, ty_le: [Mới, Cũ]}\n  dong_tong: Cộng\n",
			`t/phu-luc.yaml:1: phụ lục II: column "Cũ" of table "Hồ sơ" is not declared in t/du-lieu.yaml`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defs, err := appendix.Parse("t/phu-luc.yaml", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			err = c.CheckAppendices(defs)
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

const derived = good + `chi_tieu:
  - {ten: tiep_nhan, mo_ta: Hồ sơ cả kỳ, cong_thuc: 'tong("Hồ sơ", "Tổng số")'}
  - {ten: ty_le_moi, cong_thuc: 'lam_tron(phan_tram(tong("Hồ sơ", "Mới"); tiep_nhan); 2)'}
  - {ten: so_cong, cong_thuc: 'so_van_ban + 1'}
`

func TestDerived(t *testing.T) {
	for _, tc := range []struct{ name, add, want string }{
		{"reads a figure below", "  - {ten: a, cong_thuc: b + 1}\n  - {ten: b, cong_thuc: '1'}\n", `chỉ tiêu a reads b, which is defined below it`},
		{"undeclared name", "  - {ten: a, cong_thuc: khong_co * 2}\n", `chỉ tiêu a reads khong_co, which is neither a declared fact nor a chỉ tiêu above it`},
		{"itself", "  - {ten: a, cong_thuc: a + 1}\n", `chỉ tiêu a reads itself`},
		{"undeclared column", "  - {ten: a, cong_thuc: 'tong(\"Hồ sơ\", \"Cũ\")'}\n", `chỉ tiêu a reads column "Cũ" of table "Hồ sơ", which is not declared`},
		{"syntax", "  - {ten: a, cong_thuc: '1 +'}\n", `d.yaml:20: chỉ tiêu a: "1 +", at character 4: the expression ends too early`},
		{"a fact's name", "  - {ten: so_van_ban, cong_thuc: '1'}\n", `has the name of a fact`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("d.yaml", []byte(derived+tc.add))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
	c, err := Parse("d.yaml", []byte(derived))
	if err != nil {
		t.Fatal(err)
	}
	facts := dataset.NewFacts("Thông tin")
	facts.Add("so_van_ban", dataset.Value{Kind: dataset.NumberKind, Num: 7}, dataset.Loc{})
	ds := &dataset.Dataset{Source: "w.xlsx", Facts: facts, Tables: map[string]*dataset.Table{"Hồ sơ": months()}}
	if errs := c.Apply(ds); len(errs) > 0 {
		t.Fatal(errs)
	}
	for name, want := range map[string]float64{"tiep_nhan": 320, "ty_le_moi": 93.75, "so_cong": 8} {
		if d := ds.Derived[name]; d.Err != nil || !dataset.Near(d.Value, want) {
			t.Errorf("%s = %v, %v; want %v", name, d.Value, d.Err, want)
		}
	}
	// A figure the workbook cannot give is an error naming the chỉ tiêu.
	ds.Facts = dataset.NewFacts("Thông tin")
	errs := c.Apply(ds)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), `d.yaml:19: chỉ tiêu so_cong cannot be computed from this workbook: so_van_ban + 1: w.xlsx, sheet "Thông tin": no fact with key "so_van_ban"`) {
		t.Errorf("errors %v", errs)
	}
}

func TestConsolidation(t *testing.T) {
	src := `tong_hop:
  mau_don_vi: cchc-nam-xa-phuong
  ten_don_vi: ten_don_vi
  khi_loi: bo-qua
  cot:
    - {ten: Hồ sơ tiếp nhận, tu: tiep_nhan}
    - {ten: Đúng hạn, tu: dung_han}
    - {ten: Đã giải quyết, tu: da_giai_quyet}
    - {ten: Tỷ lệ đúng hạn, loai: ty-le, tu_so: Đúng hạn, mau_so: Đã giải quyết}
  bang: [Hồ sơ TTHC]
`
	c, err := Parse("t.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	s := c.Spec(nil)
	if s == nil || s.NameFact != "ten_don_vi" || s.StopOnError || len(s.Columns) != 4 || s.Columns[3].Agg != dataset.Ratio || len(s.Tables) != 1 {
		t.Errorf("spec %+v", s)
	}
	for _, tc := range [][3]string{
		{"khi_loi: bo-qua", "khi_loi: thoi", `tong_hop.khi_loi "thoi"`},
		{"mau_so: Đã giải quyết", "mau_so: Khác", "tu_so and mau_so must be columns of the table"},
		{"tu: tiep_nhan}", "tu_ne: tiep_nhan}", `unknown key "tu_ne"`},
	} {
		if _, err := Parse("t.yaml", []byte(strings.Replace(src, tc[0], tc[1], 1))); err == nil || !strings.Contains(err.Error(), tc[2]) {
			t.Errorf("%s: %v, want %q", tc[1], err, tc[2])
		}
	}
}

// TestFactCalls: the hand scan finds what the regexp it replaces finds,
// on template text and on random text made of its pieces.
func TestFactCalls(t *testing.T) {
	re := regexp.MustCompile(`\bfact\s+"([^"]+)"`)
	pieces := []string{"fact", "fact ", "fact\t", "fact\n", " ", "\"", "\"k\"", "x", "_", "{{", "}}", "ư", "\xff", "facts", "afact", "\f", "\r", "\v", "kt_xa", ".", "("}
	rng := rand.New(rand.NewPCG(5, 6))
	cases := []string{"", "fact", `{{ fact "kt_xa" }}`, `xfact "a fact "b"`, `fact ""`, `fact "a`, `(fact "a")fact "b"`, "ưfact \"ư\""}
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		var want [][3]int
		for _, m := range re.FindAllSubmatchIndex([]byte(s), -1) {
			want = append(want, [3]int{m[0], m[2], m[3]})
		}
		if got := factCalls([]byte(s)); !slices.Equal(got, want) {
			t.Errorf("%q: factCalls %v, regexp %v", s, got, want)
		}
	}
}
