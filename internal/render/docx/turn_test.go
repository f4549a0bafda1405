package docx

import (
	"regexp"
	"strings"
	"testing"

	"baocao/internal/docmodel"
)

// TestLandscapeSection: a SectionBreak ends the section and starts one of
// the other orientation (w:pgSz w:orient="landscape", width and height
// swapped); the turned sections and the one after them run the page
// numbers on (no w:pgNumType) and print the number on their first page
// (no w:titlePg), while the report's first section and each appendix keep
// an unnumbered first page; a body table in the turned section takes the
// landscape text width; a body that ends turned comes back to portrait
// for the closing.
func TestLandscapeSection(t *testing.T) {
	p := func(s string) *docmodel.Paragraph {
		return &docmodel.Paragraph{Content: []docmodel.Inline{docmodel.Text{Text: s}}}
	}
	tab := &docmodel.Table{Borders: true, HeaderRows: 1, Columns: make([]docmodel.Column, 2), Rows: []docmodel.Row{
		{Cells: []docmodel.Cell{{Content: []*docmodel.Paragraph{p("Đơn vị")}}, {Content: []*docmodel.Paragraph{p("Số")}}}},
		{Cells: []docmodel.Cell{{Content: []*docmodel.Paragraph{p("xã A")}}, {Content: []*docmodel.Paragraph{p("1")}}}},
	}}
	closing := docmodel.Closing{Recipients: []string{"- Lưu: VT."}, Signature: docmodel.Signature{Lines: []string{"CHỦ TỊCH"}, Name: "Nguyễn Văn A"}}
	appendix := []docmodel.Appendix{{Label: "Phụ lục", Title: []string{"BẢNG"}, Body: []docmodel.Block{p("x")}}}
	sectRE := regexp.MustCompile(`<w:sectPr>.*?</w:sectPr>`)
	for _, c := range []struct {
		name string
		body []docmodel.Block
		want []string // per section: L or P, then "1" when its first page is unnumbered, "r" when it restarts
	}{
		{"turned table", []docmodel.Block{p("a"), &docmodel.SectionBreak{Landscape: true}, tab, &docmodel.SectionBreak{}, p("b")},
			[]string{"P1", "L", "P", "P1r"}},
		{"body ends turned", []docmodel.Block{p("a"), &docmodel.SectionBreak{Landscape: true}, tab},
			[]string{"P1", "L", "P", "P1r"}},
		{"a break to what the page is does nothing", []docmodel.Block{p("a"), &docmodel.SectionBreak{}, p("b")},
			[]string{"P1", "P1r"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := &docmodel.Document{Page: docmodel.DefaultPage(), Body: c.body, Closing: closing, Appendices: appendix}
			_, parts := unzip(t, writeDoc(t, d))
			doc := string(parts["word/document.xml"])
			var got []string
			for _, s := range sectRE.FindAllString(doc, -1) {
				g := "P"
				if strings.Contains(s, `w:orient="landscape"`) {
					g = "L"
					if !strings.Contains(s, `<w:pgSz w:w="16838" w:h="11906"`) {
						t.Errorf("landscape section of the wrong size: %s", s)
					}
				}
				if strings.Contains(s, "<w:titlePg/>") {
					g += "1"
					if !strings.Contains(s, `w:type="first"`) {
						t.Errorf("unnumbered first page without its header: %s", s)
					}
				}
				if strings.Contains(s, "<w:pgNumType") {
					g += "r"
				}
				got = append(got, g)
			}
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("sections %v, want %v", got, c.want)
			}
			if strings.Contains(c.name, "table") {
				land := docmodel.DefaultPage()
				want := int(land.Height - land.MarginLeft - land.MarginRight)
				if !strings.Contains(doc, `<w:tblW w:w="`+itoa(want)+`" w:type="dxa"/>`) {
					t.Errorf("the turned table is not %d twips wide", want)
				}
			}
		})
	}
}
