package tmpl

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"baocao/internal/dataset"
	"baocao/internal/docmodel"
	"baocao/internal/markdown"
)

func testData() *dataset.Dataset {
	loc := dataset.Loc{File: "d.xlsx", Sheet: "Thông tin", Cell: "B2"}
	facts := dataset.NewFacts("Thông tin")
	facts.Add("ten", dataset.Value{Kind: dataset.TextKind, Text: "phường Sa Đéc", Loc: loc}, loc)
	facts.Add("so", dataset.Value{Kind: dataset.NumberKind, Num: 5, Text: "5", Loc: loc}, loc)
	facts.Add("diem", dataset.Value{Kind: dataset.NumberKind, Num: 13.8, Text: "13.8", Loc: loc}, loc)
	facts.Add("ngay", dataset.Value{Kind: dataset.DateKind, Time: time.Date(2025, 2, 5, 0, 0, 0, 0, time.UTC), Loc: loc}, loc)
	tree := dataset.NewTree("Chỉ số", "d.xlsx")
	n1 := &dataset.Node{Code: "1", Name: "Chỉ đạo", Row: dataset.Loc{File: "d.xlsx", Sheet: "Chỉ số", Cell: "A3"}}
	tree.Add(n1)
	n1.Set(dataset.Max, 16.5, n1.Row)
	n1.Set(dataset.Score, 13.8, n1.Row)
	tree.Compute()
	tab := dataset.NewTable("TTHC", "Năm", [][]string{{"Tiếp nhận", "Tổng số"}, {"Tiếp nhận", "Trực tuyến"}}, []dataset.Loc{{}, {}})
	num := func(x float64) dataset.Value { return dataset.Value{Kind: dataset.NumberKind, Num: x} }
	tab.AddRow("2023", dataset.Loc{}, []dataset.Value{num(15488), num(15400)})
	tab.AddRow("2024", dataset.Loc{}, []dataset.Value{num(12000), num(11990)})
	return &dataset.Dataset{Source: "d.xlsx", Facts: facts, Trees: map[string]*dataset.Tree{"Chỉ số": tree},
		Tables: map[string]*dataset.Table{"TTHC": tab}}
}

const front = "---\nco_quan: [Ủy ban nhân dân, '{{ fact \"ten\" }}']\nso: '{{ fact \"so\" }}'\nky_hieu: BC-UBND\ndia_danh: Sa Đéc\nngay: '{{ shortdate (fact \"ngay\") }}'\nten_loai: Báo cáo\n---\n"

func TestExecute(t *testing.T) {
	body := "Điểm {{ with node \"1\" }}{{ pad .Score }}/{{ fixed 2 .Max }}{{ end }}; {{ date (fact \"ngay\") }}; {{ upper (fact \"ten\") }}; {{ pct 3797 4771 }}; {{ pad (fact \"so\") }}; {{ num (add 0.1 0.2) }}\n"
	tp, err := Parse("r/report.md", []byte(front+body))
	if err != nil {
		t.Fatal(err)
	}
	res, err := tp.Execute(testData())
	if err != nil {
		t.Fatal(err)
	}
	want := "Điểm 13,8/16,50; ngày 05 tháng 02 năm 2025; PHƯỜNG SA ĐÉC; 79,58%; 05; 0,3\n"
	if got := markdown.Resolve(string(res.Markdown)); got != want {
		t.Errorf("body\n got %q\nwant %q", got, want)
	}
	if res.BodyLine != 9 {
		t.Errorf("BodyLine = %d, want 9", res.BodyLine)
	}
	f := res.Front
	if f.CoQuan[1] != "phường Sa Đéc" || f.So != "5" || f.Ngay != "05/02/2025" || f.KyHieu != "BC-UBND" {
		t.Errorf("front matter: %+v", f)
	}
}

func TestTables(t *testing.T) {
	body := `{{ num (sum "tthc" "Tổng số") }}; {{ num (cell "TTHC" "2023" "Trực tuyến") }}; {{ pct (sum "TTHC" "Trực tuyến") (sum "TTHC" "Tổng số") }}; {{ range (table "TTHC").Rows }}{{ .Key }}: {{ num (.Num "Tiếp nhận / Tổng số") }} {{ end }}
`
	tp, err := Parse("r/report.md", []byte(front+body))
	if err != nil {
		t.Fatal(err)
	}
	res, err := tp.Execute(testData())
	if err != nil {
		t.Fatal(err)
	}
	want := "27.488; 15.400; 99,64%; 2023: 15.488 2024: 12.000 \n"
	if got := markdown.Resolve(string(res.Markdown)); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	tp, _ = Parse("r/report.md", []byte(front+`{{ cell "TTHC" "2030" "Tổng số" }}`+"\n"))
	if _, err := tp.Execute(testData()); err == nil || !strings.Contains(err.Error(), `no row "2030"`) {
		t.Errorf("missing row: %v", err)
	}
}

// TestEscape: data text prints as typed in the body and in the front
// matter, whatever Markdown it holds.
func TestEscape(t *testing.T) {
	d := testData()
	loc := dataset.Loc{File: "d.xlsx", Sheet: "Thông tin", Cell: "B9"}
	payload := "# Không phải đề mục *mà* là [chữ] <b> R&D_1 | x\n- Gạch đầu dòng\n---"
	d.Facts.Add("nhan_dinh", dataset.Value{Kind: dataset.TextKind, Text: payload, Loc: loc}, loc)
	tp, err := Parse("r/report.md", []byte(strings.Replace(front, "ten_loai: Báo cáo", "ten_loai: Báo cáo\ntrich_yeu: ['{{ fact \"nhan_dinh\" }}']", 1)+"{{ fact \"nhan_dinh\" }}\n\n{{ num (fact \"diem\") }} {{ (fact \"nhan_dinh\").Text }}\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := tp.Execute(d)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := markdown.Read(res.Markdown, markdown.Options{})
	if err != nil {
		t.Fatal(err)
	}
	typed := "# Không phải đề mục *mà* là [chữ] <b> R&D_1 | x - Gạch đầu dòng ---"
	var got []string
	for _, b := range doc.Blocks {
		p, ok := b.(*docmodel.Paragraph)
		if !ok {
			t.Fatalf("block %T, want only paragraphs", b)
		}
		got = append(got, docmodel.PlainText(p.Content))
	}
	if want := []string{typed, "13,8 " + typed}; !reflect.DeepEqual(got, want) {
		t.Errorf("paragraphs\n got %q\nwant %q", got, want)
	}
	if len(res.Front.TrichYeu) != 1 || res.Front.TrichYeu[0] != typed {
		t.Errorf("front matter %q, want %q", res.Front.TrichYeu, typed)
	}
}

func TestParagraphs(t *testing.T) {
	tp, err := Parse("r/report.md", []byte(front+"{{ paragraphs \"Dòng một.\\r\\n\\n  Dòng hai.\\nDòng ba.\" }}\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := tp.Execute(testData())
	if err != nil {
		t.Fatal(err)
	}
	if want := "Dòng một.\n\nDòng hai.\n\nDòng ba.\n"; markdown.Resolve(string(res.Markdown)) != want {
		t.Errorf("got %q, want %q", res.Markdown, want)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"no front matter", "# Tiêu đề\n", "r/report.md:1: expected the front matter"},
		{"unclosed front matter", "---\nso: 1\n", "no closing line"},
		{"bad yaml", "---\nso: [1\n---\nx\n", "r/report.md: front matter: line 2: did not find expected"},
		{"unknown key", strings.Replace(front, "ky_hieu:", "kyhieu:", 1) + "x\n", "r/report.md:4: unknown front-matter key \"kyhieu\""},
		{"missing so", strings.Replace(front, "so: '{{ fact \"so\" }}'\n", "", 1) + "x\n", "front matter needs so"},
		{"bad size profile", strings.Replace(front, "---\nco_quan", "---\nco_chu: 14/15/15\nco_quan", 1) + "x\n", "r/report.md:2: co_chu \"14/15/15\""},
		{"syntax error in body", front + "\n\n{{ if }}\n", "r/report.md:11: missing value for if"},
		{"missing fact in body", front + "a\nb {{ fact \"khong_co\" }}\n", "r/report.md:10:5: in <fact \"khong_co\">: d.xlsx, sheet \"Thông tin\": no fact with key \"khong_co\""},
		{"missing fact in front matter", strings.Replace(front, "fact \"ten\"", "fact \"x\"", 1) + "a\n", "r/report.md:2:"},
		{"text as number", front + "{{ num (fact \"ten\") }}\n", "expected a number, found \"phường Sa Đéc\""},
		{"unknown node", front + "{{ node \"9\" }}\n", "has no indicator with code \"9\""},
		{"division by zero", front + "{{ div 1 0 }}\n", "division by zero"},
		{"bad issuance", strings.Replace(front, "---\nco_quan", "---\nphat_hanh: email\nco_quan", 1) + "x\n", "r/report.md:2: phat_hanh \"email\": expected giay (paper) or dien-tu"},
		{"bad numbering", strings.Replace(front, "---\nco_quan", "---\ndanh_so: [roman]\nco_quan", 1) + "x\n", "danh_so \"roman\": expected one of"},
		{"misspelt ky key", strings.Replace(front, "---\nco_quan", "---\nky:\n  ho_ten: A\n  anh_dua: dau.png\nco_quan", 1) + "x\n", "r/report.md:4: unknown key ky.anh_dua; the ky block takes"},
		{"seal in cm", strings.Replace(front, "---\nco_quan", "---\nky:\n  ho_ten: A\n  anh_dau: dau.png\n  duong_kinh_dau: 3.6\nco_quan", 1) + "x\n", "r/report.md:5: ky.duong_kinh_dau 3.6 mm: expected 20 to 60 mm"},
		{"signature too wide", strings.Replace(front, "---\nco_quan", "---\nky:\n  ho_ten: A\n  rong_chu_ky: 120\nco_quan", 1) + "x\n", "r/report.md:4: ky.rong_chu_ky 120 mm: expected 15 to 80 mm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tp, err := Parse("r/report.md", []byte(tt.src))
			if err == nil {
				_, err = tp.Execute(testData())
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

func TestFloat(t *testing.T) {
	for _, x := range []any{1, int64(1), 1.0, float32(1), dataset.Value{Kind: dataset.NumberKind, Num: 1}, Value{v: dataset.Value{Kind: dataset.NumberKind, Num: 1}}, Figure{v: 1}, dataset.Quantity{V: 1, Known: true}} {
		if v, err := Float(x); err != nil || v != 1 {
			t.Errorf("Float(%#v) = %v, %v", x, v, err)
		}
	}
	for _, x := range []any{"1", Text("1"), nil, dataset.Value{}, Value{}, dataset.Quantity{}} {
		if _, err := Float(x); err == nil {
			t.Errorf("Float(%#v) gave no error", x)
		}
	}
	if _, err := Int(2.5); err == nil {
		t.Error("Int(2.5) gave no error")
	}
}

// TestBlankHeaderFact: a fact of the header block left blank in the
// workbook is an error naming the fact and its cell, not a header without
// the unit's name.
func TestBlankHeaderFact(t *testing.T) {
	for _, tc := range []struct {
		name, front, want string
	}{
		{"agency", front, `r/report.md:2: co_quan (the issuing agency) is blank: the workbook leaves fact "ten" (d.xlsx, sheet "Thông tin", cell B9) empty`},
		{"agency given", strings.Replace(front, `'{{ fact "ten" }}'`, "phường 1", 1), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds := testData()
			blank := dataset.Loc{File: "d.xlsx", Sheet: "Thông tin", Cell: "B9"}
			ds.Facts.Set("ten", dataset.Value{Loc: blank})
			tp, err := Parse("r/report.md", []byte(tc.front+"Nội dung.\n"))
			if err != nil {
				t.Fatal(err)
			}
			_, err = tp.Execute(ds)
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v\nwant %q", err, tc.want)
			}
		})
	}
	// The signer alone blank.
	ds := testData()
	ds.Facts.Set("ky", dataset.Value{Loc: dataset.Loc{File: "d.xlsx", Sheet: "Thông tin", Cell: "B7"}})
	src := strings.Replace(front, "ten_loai: Báo cáo\n", "ten_loai: Báo cáo\nky:\n  ho_ten: '{{ fact \"ky\" }}'\n", 1)
	tp, err := Parse("r/report.md", []byte(src+"Nội dung.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tp.Execute(ds); err == nil || !strings.Contains(err.Error(), `r/report.md:9: ky.ho_ten (the signer's name) is blank: the workbook leaves fact "ky" (d.xlsx, sheet "Thông tin", cell B7) empty`) {
		t.Errorf("blank signer: %v", err)
	}
}

// TestNumericComparisons: conditions compare numbers as numbers, whatever
// their Go types, a cell with a literal, a sum with an int; texts as texts;
// and name quarters and months.
func TestNumericComparisons(t *testing.T) {
	body := `{{ if gt (fact "so") 4 }}a{{ end }}{{ if eq (fact "diem") 13.8 }}b{{ end }}{{ if lt (sum "TTHC" "Tổng số") 30000 }}c{{ end }}` +
		`{{ if eq (add 0.1 0.2) 0.3 }}d{{ end }}{{ if ge (len (table "TTHC").Rows) 2 }}e{{ end }}{{ if eq (fact "ten") "phường Sa Đéc" }}f{{ end }}` +
		`{{ if ne (fact "so") 5 }}X{{ end }}{{ if eq (fact "so") 1 2 5 }}g{{ end }} {{ quy 3 }}, {{ thang 1 }}, {{ thang 7 }}` + "\n"
	tp, err := Parse("r/report.md", []byte(front+body))
	if err != nil {
		t.Fatal(err)
	}
	res, err := tp.Execute(testData())
	if err != nil {
		t.Fatal(err)
	}
	if got := markdown.Resolve(string(res.Markdown)); got != "abcdefg quý III, tháng 01, tháng 7\n" {
		t.Errorf("got %q", got)
	}
	tp, _ = Parse("r/report.md", []byte(front+`{{ if gt (fact "ten") 3 }}x{{ end }}`+"\n"))
	if _, err := tp.Execute(testData()); err == nil || !strings.Contains(err.Error(), `gt: cannot compare the text of d.xlsx, sheet "Thông tin", cell B2 with the number 3`) {
		t.Errorf("text with a number: %v", err)
	}
}

// TestElectronicNeedsNoNumber: a draft for the electronic document system
// takes its number from that system, so so may be left out.
func TestElectronicNeedsNoNumber(t *testing.T) {
	src := strings.Replace(strings.Replace(front, "so: '{{ fact \"so\" }}'\n", "", 1), "---\nco_quan", "---\nphat_hanh: dien-tu\nco_quan", 1) + "x\n"
	tp, err := Parse("r/report.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	res, err := tp.Execute(testData())
	if err != nil {
		t.Fatal(err)
	}
	if !res.Front.Electronic() || res.Front.So != "" {
		t.Errorf("front %+v: want an electronic draft without so", res.Front)
	}
}

// TestPercentDecimals: pct prints two decimals unless told, and takes the
// number of decimals as an optional third argument; tyle is the same with
// the decimals first.
func TestPercentDecimals(t *testing.T) {
	for _, c := range []struct{ expr, want, err string }{
		{`pct 3797 4771`, "79,58%", ""},
		{`pct 23 23`, "100,00%", ""},
		{`pct 23 23 0`, "100%", ""},
		{`pct 199 200 1`, "99,5%", ""},
		{`pct 3797 4771 3`, "79,585%", ""},
		{`pct (fact "so") 8 1`, "62,5%", ""},
		{`tyle 1 199 200`, "99,5%", ""},
		{`pct 1 3 7`, "", "pct: 7 decimals"},
		{`pct 1 3 1 2`, "", "expected at most one"},
		{`pct 1 0 1`, "", "zero"},
	} {
		t.Run(c.expr, func(t *testing.T) {
			tp, err := Parse("r/report.md", []byte(front+"{{ "+c.expr+" }}\n"))
			if err != nil {
				t.Fatal(err)
			}
			res, err := tp.Execute(testData())
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err = %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(markdown.Resolve(string(res.Markdown))); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
