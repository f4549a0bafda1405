package tmpl

import (
	"strings"
	"testing"
	"time"

	"baocao/internal/dataset"
	"baocao/internal/docmodel"
	"baocao/internal/markdown"
)

// sourceData: a fact, a table whose cells have their cells, and a chỉ tiêu.
func sourceData() *dataset.Dataset {
	at := func(sheet, cell string) dataset.Loc { return dataset.Loc{File: "d.xlsx", Sheet: sheet, Cell: cell} }
	num := func(x float64, l dataset.Loc) dataset.Value {
		return dataset.Value{Kind: dataset.NumberKind, Num: x, Loc: l}
	}
	facts := dataset.NewFacts("Thông tin")
	facts.Add("ten", dataset.Value{Kind: dataset.TextKind, Text: "huyện Thạch An", Loc: at("Thông tin", "B2")}, at("Thông tin", "A2"))
	facts.Add("so_xa", num(14, at("Thông tin", "B3")), at("Thông tin", "A3"))
	facts.Add("so", num(270, at("Thông tin", "B4")), at("Thông tin", "A4"))
	facts.Add("ngay", dataset.Value{Kind: dataset.DateKind, Time: time.Date(2025, 5, 23, 0, 0, 0, 0, time.UTC), Loc: at("Thông tin", "B5")}, at("Thông tin", "A5"))
	tab := dataset.NewTable("TTHC", "Năm", [][]string{{"Tiếp nhận", "Tổng số"}, {"Tiếp nhận", "Trực tuyến"}},
		[]dataset.Loc{at("TTHC", "B1"), at("TTHC", "C1")})
	tab.AddRow("2023", at("TTHC", "A3"), []dataset.Value{num(15488, at("TTHC", "B3")), num(15400, at("TTHC", "C3"))})
	tab.AddRow("2024", at("TTHC", "A4"), []dataset.Value{num(12000, at("TTHC", "B4")), num(11990, at("TTHC", "C4"))})
	return &dataset.Dataset{Source: "d.xlsx", Facts: facts, Tables: map[string]*dataset.Table{"TTHC": tab},
		Derived: map[string]dataset.Derived{"tiep_nhan": {Name: "tiep_nhan", Description: "Hồ sơ tiếp nhận", Formula: `tong("TTHC", "Tiếp nhận / Tổng số")`, Value: 27488}}}
}

// TestFigureSources: a figure printed through num, pad, fixed or tyle
// comes out of markdown.Read with its source, in a paragraph, a table cell
// and a footnote, while the text of the document is what it is without
// provenance (the runs are not split).
func TestFigureSources(t *testing.T) {
	body := "1. Xã {{ pad (fact \"so_xa\") }}; năm 2024 tiếp nhận {{ num (cell \"TTHC\" \"2024\" \"Tiếp nhận / Tổng số\") }} hồ sơ, trực tuyến {{ tyle 2 (cell \"TTHC\" \"2024\" \"Trực tuyến\") (cell \"TTHC\" \"2024\" \"Tổng số\") }}; cả giai đoạn {{ num (chitieu \"tiep_nhan\") }}; {{ fact \"ten\" }} {{ num 7 }}.\n\n" +
		"| A | B |\n|---|---|\n| {{ range lietke \"TTHC\" }}{{ .Sep }}{{ num (.Get \"Trực tuyến\") }}{{ end }} | {{ fixed 1 (sum \"TTHC\" \"Tổng số\") }} |\n\nCâu[^a].\n\n[^a]: Tổng {{ num (tong \"TTHC\" \"Tổng số\") }}.\n"
	tp, err := Parse("r/report.md", []byte(front+body))
	if err != nil {
		t.Fatal(err)
	}
	res, err := tp.Execute(sourceData())
	if err != nil {
		t.Fatal(err)
	}
	doc, err := markdown.Read(res.Markdown, markdown.Options{Sources: res.Sources})
	if err != nil {
		t.Fatal(err)
	}
	plain, err := markdown.Read([]byte(markdown.Resolve(string(res.Markdown))), markdown.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != len(plain.Blocks) {
		t.Fatalf("%d blocks with provenance, %d without", len(doc.Blocks), len(plain.Blocks))
	}
	p := doc.Blocks[0].(*docmodel.Paragraph)
	if p.Marker != "1." || len(p.Content) != 1 {
		t.Fatalf("the first paragraph is %q with %d runs; want an ordered item of one run, as without provenance", p.Marker, len(p.Content))
	}
	type want struct {
		text, sheet, cell, label, formula string
		parts                             int
	}
	check := func(place string, in []docmodel.Inline, wants []want) {
		t.Helper()
		var got []want
		for _, x := range in {
			tx, ok := x.(docmodel.Text)
			if !ok || tx.Figures == nil {
				continue
			}
			for _, f := range *tx.Figures {
				s := f.Source
				got = append(got, want{tx.Text[f.Start:f.End], s.Sheet, s.Cell, s.Label, s.Formula, len(s.Parts)})
			}
		}
		if len(got) != len(wants) {
			t.Fatalf("%s: figures %+v, want %+v", place, got, wants)
		}
		for i := range wants {
			if got[i] != wants[i] {
				t.Errorf("%s: figure %d is %+v, want %+v", place, i, got[i], wants[i])
			}
		}
	}
	check("paragraph", p.Content, []want{
		{"14", "Thông tin", "B3", "so_xa", "", 0},
		{"12.000", "TTHC", "B4", "Tiếp nhận / Tổng số (2024)", "", 0},
		{"99,92%", "", "", "Tỷ lệ", "Trực tuyến (2024) / Tổng số (2024)", 2},
		{"27.488", "", "", "Hồ sơ tiếp nhận", `tiep_nhan = tong("TTHC", "Tiếp nhận / Tổng số")`, 0},
	})
	if got, want := docmodel.PlainText(p.Content), "Xã 14; năm 2024 tiếp nhận 12.000 hồ sơ, trực tuyến 99,92%; cả giai đoạn 27.488; huyện Thạch An 7."; got != want {
		t.Errorf("paragraph %q, want %q", got, want)
	}
	tab := doc.Blocks[1].(*docmodel.Table)
	check("table cell", tab.Rows[1].Cells[0].Content[0].Content, []want{
		{"15.400", "TTHC", "C3", "Trực tuyến (2023)", "", 0},
		{"11.990", "TTHC", "C4", "Trực tuyến (2024)", "", 0},
	})
	check("table sum", tab.Rows[1].Cells[1].Content[0].Content, []want{
		{"27.488,0", "TTHC", "B3:B4", "Tổng cột Tổng số (2 dòng)", "", 0},
	})
	check("footnote", doc.Footnotes[0].Content[0].Content, []want{
		{"27.488", "TTHC", "B3:B4", "Tổng theo loại trong du-lieu.yaml của cột Tổng số (2 dòng)", "", 0},
	})
	// The front matter is plain text: its figures print without marks.
	if res.Front.CoQuan[1] != "huyện Thạch An" {
		t.Errorf("front matter %q", res.Front.CoQuan[1])
	}
	if strings.ContainsAny(markdown.Resolve(string(res.Markdown)), "\uE102\uE103\uE104") {
		t.Errorf("Resolve leaves source marks")
	}
}

// TestForgedMarks: marks written in data text print as typed and carry no
// source; a mark cut short drops without losing text.
func TestForgedMarks(t *testing.T) {
	for src, want := range map[string]string{
		"Có " + markdown.Literal("\uE1020\uE103x\uE104") + " hồ sơ.\n": "Có \uE1020\uE103x\uE104 hồ sơ.",
		"Có \uE1020\uE103x hồ sơ.\n":                                   "Có x hồ sơ.",
		"Có \uE10299\uE103x\uE104 hồ sơ.\n":                            "Có x hồ sơ.",
		"Có \uE102x\uE104 hồ sơ.\n":                                    "Có x hồ sơ.",
	} {
		doc, err := markdown.Read([]byte(src), markdown.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range doc.Blocks[0].(*docmodel.Paragraph).Content {
			if tx, ok := x.(docmodel.Text); ok && tx.Figures != nil {
				t.Errorf("%q: a figure %+v without a source table", src, *tx.Figures)
			}
		}
		if got := docmodel.PlainText(doc.Blocks[0].(*docmodel.Paragraph).Content); got != want {
			t.Errorf("%q reads as %q, want %q", src, got, want)
		}
	}
}

// TestNodeFigureSources: an indicator's points name the indicator and the
// cell, and a computed one its formula.
func TestNodeFigureSources(t *testing.T) {
	tp, err := Parse("r/report.md", []byte(front+"Đạt {{ with node \"1\" }}{{ pad .Score }}/{{ fixed 2 .Max }}, bị trừ {{ num .Lost }}{{ end }}.\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := tp.Execute(testData())
	if err != nil {
		t.Fatal(err)
	}
	doc, err := markdown.Read(res.Markdown, markdown.Options{Sources: res.Sources})
	if err != nil {
		t.Fatal(err)
	}
	tx := doc.Blocks[0].(*docmodel.Paragraph).Content[0].(docmodel.Text)
	if tx.Figures == nil || len(*tx.Figures) != 3 {
		t.Fatalf("figures of %q: %+v", tx.Text, tx.Figures)
	}
	for i, want := range []docmodel.Source{
		{File: "d.xlsx", Sheet: "Chỉ số", Cell: "A3", Label: "điểm đạt, chỉ số 1 (Chỉ đạo)"},
		{File: "d.xlsx", Sheet: "Chỉ số", Cell: "A3", Label: "điểm tối đa, chỉ số 1 (Chỉ đạo)"},
		{File: "d.xlsx", Sheet: "Chỉ số", Cell: "A3", Label: "điểm bị trừ, chỉ số 1 (Chỉ đạo)", Formula: "điểm tự đánh giá tối đa − điểm đạt"},
	} {
		f := (*tx.Figures)[i]
		if got := *f.Source; got.File != want.File || got.Sheet != want.Sheet || got.Cell != want.Cell || got.Label != want.Label || got.Formula != want.Formula {
			t.Errorf("figure %q: source %+v, want %+v", tx.Text[f.Start:f.End], got, want)
		}
	}
	if tx.Text != "Đạt 13,8/16,50, bị trừ 2,7." {
		t.Errorf("text %q", tx.Text)
	}
}
