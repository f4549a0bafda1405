package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"baocao/internal/docmodel"
	"baocao/internal/fonts"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func writeDoc(t testing.TB, d *docmodel.Document) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := Write(&out, d); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return out.Bytes()
}

// unzip returns the parts in archive order and by name.
func unzip(t testing.TB, data []byte) ([]string, map[string][]byte) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	var names []string
	parts := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		names = append(names, f.Name)
		parts[f.Name] = b
	}
	return names, parts
}

func TestGolden(t *testing.T) {
	_, parts := unzip(t, writeDoc(t, sampleDocument()))
	for _, tc := range []struct{ part, golden string }{
		{"word/document.xml", "document.xml"},
		{"word/footnotes.xml", "footnotes.xml"},
		{"word/styles.xml", "styles.xml"},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			got, ok := parts[tc.part]
			if !ok {
				t.Fatalf("no part %s", tc.part)
			}
			path := filepath.Join("testdata", tc.golden)
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (run with -update after checking the change)\n%s",
					tc.part, path, firstDiff(got, want))
			}
		})
	}
}

func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return "got:  …" + string(got[from:min(len(got), i+80)]) + "\nwant: …" + string(want[from:min(len(want), i+80)])
}

func TestDeterministic(t *testing.T) {
	a := writeDoc(t, sampleDocument())
	b := writeDoc(t, sampleDocument())
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of the same document differ")
	}
}

func TestPackage(t *testing.T) {
	names, parts := unzip(t, writeDoc(t, sampleDocument()))
	want := []string{
		"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
		"word/document.xml", "word/styles.xml", "word/settings.xml", "word/fontTable.xml",
		"word/footnotes.xml", "word/header1.xml", "word/header2.xml", "word/_rels/document.xml.rels",
	}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("parts\n got %v\nwant %v", names, want)
	}
	for name, data := range parts {
		if err := wellFormed(data); err != nil {
			t.Errorf("%s is not well-formed: %v", name, err)
		}
	}

	contains := []struct{ part, want string }{
		{"docProps/core.xml", "<dc:title>Kết quả cải thiện Chỉ số cải cách hành chính thành phố Sa Đéc 09 tháng đầu năm 2024</dc:title>"},
		{"docProps/core.xml", "<dc:creator>Ủy ban nhân dân thành phố Sa Đéc</dc:creator>"},
		{"docProps/core.xml", "<dc:subject>Báo cáo 371/BC-UBND</dc:subject>"},
		{"docProps/core.xml", "<dc:language>vi-VN</dc:language>"},
		{"docProps/core.xml", `<dcterms:created xsi:type="dcterms:W3CDTF">2024-10-09T00:00:00Z</dcterms:created>`},
		{"docProps/core.xml", `<dcterms:modified xsi:type="dcterms:W3CDTF">2024-10-09T00:00:00Z</dcterms:modified>`},
		{"word/settings.xml", `<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>`},
		{"word/header1.xml", `<w:instrText xml:space="preserve"> PAGE </w:instrText>`},
		{"word/document.xml", `<w:titlePg/>`},
		{"word/document.xml", `<w:pgSz w:w="11906" w:h="16838"/>`},
		{"word/document.xml", `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/><w:pgNumType w:start="1"/>`},
		{"word/document.xml", `<w:gridSpan w:val="2"/>`},
		{"word/document.xml", `<w:vMerge w:val="restart"/>`},
		{"word/document.xml", `<w:vMerge/>`},
		{"word/document.xml", `<w:tblHeader/>`},
		{"word/document.xml", `<w:footnoteReference w:id="1"/>`},
		{"word/document.xml", `<w:footnoteReference w:id="2"/>`},
		{"word/document.xml", `<w:t xml:space="preserve">Dòng sau ngắt dòng  giữ hai dấu cách.</w:t>`},
		{"word/footnotes.xml", `<w:footnote w:type="separator" w:id="-1">`},
		{"word/footnotes.xml", `<w:footnote w:type="continuationSeparator" w:id="0">`},
		{"word/footnotes.xml", `<w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/>`},
	}
	for _, c := range contains {
		if !bytes.Contains(parts[c.part], []byte(c.want)) {
			t.Errorf("%s lacks %s", c.part, c.want)
		}
	}
	// The section of the report (portrait, page 1 unnumbered, numbering
	// not restarted) ends in the paragraph before the appendix.
	doc := string(parts["word/document.xml"])
	if n := strings.Count(doc, "<w:sectPr>"); n != 2 {
		t.Errorf("%d sections, want 2 (report + appendix)", n)
	}
	if n := strings.Count(doc, `<w:pgNumType w:start="1"/>`); n != 1 {
		t.Errorf("%d sections restart numbering, want 1 (the appendix)", n)
	}
	// w:br must stand beside w:t, never inside it.
	if regexp.MustCompile(`<w:t[ >][^<]*<w:br`).MatchString(doc) {
		t.Error("a w:br sits inside a w:t")
	}
	// The second reference to footnote 1 is a printed mark, not a second
	// footnoteReference Word could not resolve.
	if n := strings.Count(doc, `<w:footnoteReference w:id="1"/>`); n != 1 {
		t.Errorf("footnote 1 referenced %d times by footnoteReference, want 1", n)
	}
}

func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// TestRules checks the lengths ND30 gives the rules: the line under the
// Tiêu ngữ as long as its text, the one under the agency 1/3 to 1/2 of
// the agency line, and the one under the trích yếu 1/3 to 1/2 of the
// longest summary line.
func TestRules(t *testing.T) {
	d := sampleDocument()
	_, parts := unzip(t, writeDoc(t, d))
	doc := string(parts["word/document.xml"])
	grid := regexp.MustCompile(`<w:gridCol w:w="(\d+)"/>`).FindAllStringSubmatch(doc, -1)
	rules := regexp.MustCompile(`<w:pStyle w:val="DuongKe"/>(?:<w:spacing[^>]*/>)?<w:ind w:left="(\d+)" w:right="(\d+)"`).FindAllStringSubmatch(doc, -1)
	if len(grid) < 2 || len(rules) < 3 {
		t.Fatalf("found %d grid columns and %d rules", len(grid), len(rules))
	}
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	width := func(room int, m []string) int { return room - atoi(m[1]) - atoi(m[2]) }
	left, right := atoi(grid[0][1]), atoi(grid[1][1])
	tw := int(d.Page.TextWidth())
	sz := d.Page.Sizes

	qh := textTwips(fonts.Bold, sz.QuocHieu, d.Header.QuocHieu)
	if right < qh {
		t.Errorf("right header column %d twips is narrower than the Quốc hiệu (%d)", right, qh)
	}
	if got, want := width(right, rules[1]), textTwips(fonts.Bold, sz.TieuNgu, d.Header.TieuNgu); abs(got-want) > 1 {
		t.Errorf("Tiêu ngữ rule %d twips, text %d", got, want)
	}
	for _, c := range []struct {
		name string
		room int
		rule []string
		text int
	}{
		{"agency", left, rules[0], maxTwips(fonts.Bold, sz.Agency, d.Header.Agency)},
		{"trích yếu", tw, rules[2], maxTwips(fonts.Bold, sz.Summary, d.Title.Summary)},
	} {
		got := width(c.room, c.rule)
		if 3*got < c.text || 2*got > c.text {
			t.Errorf("%s rule %d twips for a %d twip line: not between 1/3 and 1/2", c.name, got, c.text)
		}
	}
}

func abs(n int) int { return max(n, -n) }

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(d *docmodel.Document)
		want   string
	}{
		{"nil document", nil, "nil document"},
		{"reference out of range", func(d *docmodel.Document) {
			d.Body = append(d.Body, &docmodel.Paragraph{Content: []docmodel.Inline{docmodel.FootnoteRef{Number: 9}}})
		}, "footnote reference 9"},
		{"references out of order", func(d *docmodel.Document) {
			d.Footnotes[0], d.Footnotes[1] = d.Footnotes[1], d.Footnotes[0]
			d.Footnotes[0].Number, d.Footnotes[1].Number = 1, 2
			d.Body = append([]docmodel.Block{&docmodel.Paragraph{Content: []docmodel.Inline{docmodel.FootnoteRef{Number: 2}}}}, d.Body...)
		}, "footnote 2 is referenced before footnote 1"},
		{"unreferenced footnote", func(d *docmodel.Document) {
			d.Footnotes = append(d.Footnotes, docmodel.Footnote{Number: 3})
		}, "footnote 3 is never referenced"},
		{"reference in a footnote", func(d *docmodel.Document) {
			d.Footnotes[1].Content[0].Content = append(d.Footnotes[1].Content[0].Content, docmodel.FootnoteRef{Number: 1})
		}, "inside a footnote"},
		{"unknown heading kind", func(d *docmodel.Document) {
			d.Body = append(d.Body, &docmodel.Heading{Kind: 0, Label: "?"})
		}, "unknown heading kind"},
		{"ragged table", func(d *docmodel.Document) {
			d.Body = append(d.Body, &docmodel.Table{Columns: []docmodel.Column{{Width: 1}, {Width: 1}},
				Rows: []docmodel.Row{{Cells: []docmodel.Cell{{}}}}})
		}, "no cell at column 2"},
		{"negative column width", func(d *docmodel.Document) {
			d.Body = append(d.Body, &docmodel.Table{Columns: []docmodel.Column{{Width: 1}, {Width: -1}},
				Rows: []docmodel.Row{{Cells: []docmodel.Cell{{}, {}}}}})
		}, "column 2 has width -1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var d *docmodel.Document
			if tc.change != nil {
				d = sampleDocument()
				tc.change(d)
			}
			err := Write(io.Discard, d)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Write error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// TestMinimal writes near-empty documents: the writer must fill the page
// from the defaults and still produce a package Word opens.
func TestMinimal(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  *docmodel.Document
	}{
		{"empty", &docmodel.Document{}},
		{"only a table", &docmodel.Document{Body: []docmodel.Block{&docmodel.Table{
			Columns: []docmodel.Column{{}, {}}, Rows: []docmodel.Row{{Cells: []docmodel.Cell{{}, {}}}}}}}},
		{"escaping", &docmodel.Document{Meta: docmodel.Meta{Title: `<a & "b">`},
			Body: []docmodel.Block{&docmodel.Paragraph{Content: []docmodel.Inline{
				docmodel.Text{Text: "x < y & z > \"w\"\x00\x01\ttab"}}}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, parts := unzip(t, writeDoc(t, tc.doc))
			for name, data := range parts {
				if err := wellFormed(data); err != nil {
					t.Errorf("%s: %v", name, err)
				}
			}
			doc := string(parts["word/document.xml"])
			if !strings.Contains(doc, `<w:pgSz w:w="11906" w:h="16838"/>`) {
				t.Error("no A4 page size from the defaults")
			}
			// Word appends a paragraph after a final table and then calls
			// the file modified; the writer must have written it already.
			if strings.Contains(doc, "<w:tbl>") && !strings.HasSuffix(doc[:strings.LastIndex(doc, "<w:sectPr>")], "</w:p>") {
				t.Error("the body ends with a table")
			}
		})
	}
}

func BenchmarkWrite(b *testing.B) {
	d := sampleDocument()
	var out bytes.Buffer
	for b.Loop() {
		out.Reset()
		if err := Write(&out, d); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(out.Len()))
}

// TestHeaderColumns checks how the header block shares the width: the
// right column always holds the Quốc hiệu, and a long agency name borrows
// at most half the left margin before it wraps.
func TestHeaderColumns(t *testing.T) {
	for _, tc := range []struct {
		name    string
		parent  []string
		profile docmodel.Sizes
		borrow  bool
	}{
		{"short agency, 13/14/14", nil, docmodel.Profile13, false},
		{"short agency, 12/13/13", nil, docmodel.Profile12, false},
		{"long parent agency", []string{"SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN TỈNH ĐỒNG THÁP"}, docmodel.Profile13, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := sampleDocument()
			d.Header.ParentAgency = tc.parent
			d.Page.Sizes = tc.profile
			_, parts := unzip(t, writeDoc(t, d))
			doc := string(parts["word/document.xml"])
			m := regexp.MustCompile(`<w:tblInd w:w="(-?\d+)" w:type="dxa"/>.*?<w:gridCol w:w="(\d+)"/><w:gridCol w:w="(\d+)"/>`).FindStringSubmatch(doc)
			if m == nil {
				t.Fatal("no header table")
			}
			ind, _ := strconv.Atoi(m[1])
			left, _ := strconv.Atoi(m[2])
			right, _ := strconv.Atoi(m[3])
			if qh := textTwips(fonts.Bold, tc.profile.QuocHieu, d.Header.QuocHieu); right < qh {
				t.Errorf("right column %d < Quốc hiệu %d", right, qh)
			}
			if left+right+ind != int(d.Page.TextWidth()) {
				t.Errorf("columns %d + %d with indent %d do not end at the right margin (%d)", left, right, ind, d.Page.TextWidth())
			}
			if tc.borrow != (ind < 0) || ind < -int(d.Page.MarginLeft)/2 {
				t.Errorf("indent %d (borrow expected: %v; at most half the %d left margin)", ind, tc.borrow, d.Page.MarginLeft)
			}
		})
	}
}

// TestTableKeep checks that every row is cantSplit and which rows are
// kept with the next: every row but the last of a small table (so it stays
// on one page in Word and LibreOffice); in a long table the header rows,
// the rows a merged cell ties to the next, and the tail: the last but one
// row, or the two rows before a total row (a bold last row), so a page
// never opens with the last row alone or holds a total and one row.
func TestTableKeep(t *testing.T) {
	table := func(header, body int, total bool, merged int) *docmodel.Table {
		tb := &docmodel.Table{Columns: []docmodel.Column{{Width: 1}, {Width: 1}}, HeaderRows: header}
		for r := 0; r < header+body; r++ {
			cells := []docmodel.Cell{{Content: []*docmodel.Paragraph{{Content: []docmodel.Inline{docmodel.Text{Text: "ô " + strconv.Itoa(r)}}}}}}
			switch {
			case r == merged:
				cells = append(cells, docmodel.Cell{RowSpan: 2})
			case r != merged+1 || merged < 0:
				cells = append(cells, docmodel.Cell{})
			}
			tb.Rows = append(tb.Rows, docmodel.Row{Cells: cells, Bold: total && r == header+body-1})
		}
		return tb
	}
	rowRE := regexp.MustCompile(`<w:tr>.*?</w:tr>`)
	for _, c := range []struct {
		name         string
		header, body int
		total        bool
		merged       int   // the row whose second cell spans two rows; -1: none
		kept         []int // rows whose paragraphs carry keepNext, 0-based
	}{
		{"small", 1, 4, false, -1, []int{0, 1, 2, 3}},
		{"six rows", 1, 6, false, -1, []int{0, 1, 2, 3, 4, 5}},
		{"long", 1, 8, false, -1, []int{0, 7}},
		{"long, two header rows", 2, 9, false, -1, []int{0, 1, 9}},
		{"long with a total", 1, 8, true, -1, []int{0, 6, 7}},
		{"long with a merged cell", 1, 8, false, 3, []int{0, 3, 7}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, parts := unzip(t, writeDoc(t, &docmodel.Document{Body: []docmodel.Block{table(c.header, c.body, c.total, c.merged)}}))
			rows := rowRE.FindAllString(string(parts["word/document.xml"]), -1)
			if len(rows) != c.header+c.body {
				t.Fatalf("%d rows, want %d", len(rows), c.header+c.body)
			}
			var kept []int
			for i, r := range rows {
				if !strings.Contains(r, "<w:cantSplit/>") {
					t.Errorf("row %d may split", i+1)
				}
				if head := strings.Contains(r, "<w:tblHeader/>"); head != (i < c.header) {
					t.Errorf("row %d: repeated as a header row %v, want %v", i+1, head, i < c.header)
				}
				n := strings.Count(r, "<w:keepNext/>")
				if n != 0 && n != 2 {
					t.Errorf("row %d: %d of 2 paragraphs kept with the next", i+1, n)
				}
				if n > 0 {
					kept = append(kept, i)
				}
			}
			if !reflect.DeepEqual(kept, c.kept) {
				t.Errorf("rows kept with the next %v, want %v", kept, c.kept)
			}
		})
	}
}

// TestTiedTitles: titles and headings carry no-break spaces inside the
// word pairs, numbers and labels layout.Tied lists, body text does not.
func TestTiedTitles(t *testing.T) {
	d := &docmodel.Document{
		Title: docmodel.Title{Kind: "BÁO CÁO", Summary: []string{"Kết quả cải cách hành chính năm 2026"}},
		Body: []docmodel.Block{
			&docmodel.Heading{Kind: docmodel.KindSection, Label: "II.", Content: []docmodel.Inline{docmodel.Text{Text: "KẾT QUẢ THỰC HIỆN CẢI CÁCH HÀNH CHÍNH"}}},
			&docmodel.Paragraph{Content: []docmodel.Inline{docmodel.Text{Text: "Cải cách hành chính năm 2026 của Ủy ban nhân dân."}}},
		},
	}
	_, parts := unzip(t, writeDoc(t, d))
	doc := string(parts["word/document.xml"])
	for _, want := range []string{
		"Kết\u00a0quả cải\u00a0cách\u00a0hành\u00a0chính năm\u00a02026",
		"II.\u00a0",
		"KẾT\u00a0QUẢ THỰC\u00a0HIỆN CẢI\u00a0CÁCH\u00a0HÀNH\u00a0CHÍNH",
		"Cải cách hành chính năm 2026 của Ủy ban nhân dân.",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %q", want)
		}
	}
}
