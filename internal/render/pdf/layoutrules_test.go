package pdf_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"baocao/internal/docmodel"
	"baocao/internal/fonts"
	"baocao/internal/render/layout"
	"baocao/internal/render/pdf"
)

// breakFaults lists the line breaks of lines (one title or heading, line
// by line) that end a line inside a word pair, before a number or after a
// label, or leave one word alone on the last line.
func breakFaults(lines []string) []string {
	var out []string
	for i := 0; i+1 < len(lines); i++ {
		a, b := strings.Fields(lines[i]), strings.Fields(lines[i+1])
		if len(a) == 0 || len(b) == 0 {
			continue
		}
		if layout.Tied(a[len(a)-1], b[0]) {
			out = append(out, lines[i]+" / "+lines[i+1])
		}
	}
	if n := len(lines); n > 1 && len(strings.Fields(lines[n-1])) == 1 {
		out = append(out, "one word alone: "+strings.Join(lines, " / "))
	}
	return out
}

// TestSampleLayoutRules lays out every built-in sample and fails on what a
// typist would not sign: a centred title or a heading broken inside a
// word pair (HÀNH / CHÍNH, nhân / dân, NĂM / 2026), a heading as the last
// line of a page or a one-line introduction ("- Nguyên nhân khách
// quan:") there, a small table (at most six body rows) across pages, a
// table row across pages (set twice, or run past the foot of its page),
// a table continued on a page without its header row, a page that holds a
// table's total row with fewer than two rows before it or its last row
// alone, and a footnote that continues, or is continued, with a single
// line.
// maxGap is the widest space, in ems, a justified body line of a sample
// may have (before the breaker relieved loose lines, Thạch An p. 14 had
// 1.28).
const maxGap = 1.0

func TestSampleLayoutRules(t *testing.T) {
	docs := sampleDocs(t)
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		d := docs[name]
		t.Run(name, func(t *testing.T) {
			titles := append([]string(nil), d.Title.Summary...)
			for _, a := range d.Appendices {
				titles = append(titles, a.Title...)
			}
			for _, s := range titles {
				for _, f := range breakFaults(pdf.CentredLines(d, s, d.Page.Sizes.Summary)) {
					t.Errorf("title breaks badly: %s", f)
				}
			}
			pages, err := pdf.LayoutPages(d)
			if err != nil {
				t.Fatal(err)
			}
			type span struct{ first, last, rows, next int }
			tables := map[int]*span{}
			// perPage[table][page] counts the table's body row groups on
			// a page; totalOn[table] is the page of its total row.
			perPage := map[int]map[int]int{}
			totalOn := map[int]int{}
			notes := map[int][]int{} // footnote → the page of each of its lines
			var heading []string
			headingGrp := 0
			for pi, pg := range pages {
				for _, l := range pg.Body {
					// A justified line whose spaces are a word wide reads as a
					// gap; first fit leaves one before a code it cannot take,
					// and the breaker fills it from the line above.
					if l.Gap > maxGap {
						t.Errorf("page %d: a line with spaces %.2f em wide: %q", pi+1, l.Gap, l.Text)
					}
				}
				for li, l := range pg.Body {
					if l.Kind == "heading" {
						if l.Grp != headingGrp {
							heading, headingGrp = nil, l.Grp
						}
						heading = append(heading, l.Text)
						if li == len(pg.Body)-1 {
							t.Errorf("page %d ends with the heading %q", pi+1, l.Text)
						}
						if li+1 == len(pg.Body) || pg.Body[li+1].Grp != l.Grp {
							for _, f := range breakFaults(heading) {
								t.Errorf("heading breaks badly: %s", f)
							}
						}
					}
					if l.Kind == "text" && li == len(pg.Body)-1 && strings.HasSuffix(l.Text, ":") && (li == 0 || pg.Body[li-1].Grp != l.Grp) && pi+1 < len(pages) && pages[pi+1].Section == pg.Section {
						t.Errorf("page %d ends with the one-line introduction %q", pi+1, l.Text)
					}
					if (l.Kind == "row" || l.Kind == "thead") && l.Bottom > pg.Foot+0.01 {
						t.Errorf("page %d: table %d, rows %d–%d run %.1f pt past the foot of the page: a row split by the page edge", pi+1, l.Grp, l.Row+1, l.Row+l.Rows, l.Bottom-pg.Foot)
					}
					if l.Kind == "row" && tables[l.Grp] != nil && tables[l.Grp].last != pi && (li == 0 || pg.Body[li-1].Kind != "thead" || pg.Body[li-1].Grp != l.Grp) {
						t.Errorf("page %d: table %d goes on without its header row", pi+1, l.Grp)
					}
					if l.Kind == "row" {
						s := tables[l.Grp]
						if s == nil {
							s = &span{first: pi, next: l.Row}
							tables[l.Grp] = s
							perPage[l.Grp] = map[int]int{}
						}
						// Each row is set once, whole, in order: a row
						// split across pages would be set twice or skipped.
						if l.Row != s.next || l.Rows < 1 {
							t.Errorf("page %d: table %d sets rows %d–%d after row %d", pi+1, l.Grp, l.Row+1, l.Row+l.Rows, s.next)
						}
						s.next = l.Row + l.Rows
						s.last = pi
						s.rows++
						perPage[l.Grp][pi]++
						if l.Total {
							totalOn[l.Grp] = pi
						}
					}
				}
				for _, l := range pg.Notes {
					notes[l.Grp] = append(notes[l.Grp], pi)
				}
			}
			for g, s := range tables {
				if s.rows <= 6 && s.first != s.last {
					t.Errorf("table %d of %d rows spans pages %d–%d", g, s.rows, s.first+1, s.last+1)
				}
				if p, ok := totalOn[g]; ok && p != s.first && perPage[g][p] < 3 {
					t.Errorf("page %d holds the total row of table %d with only %d row(s) before it", p+1, g, perPage[g][p]-1)
				}
				if n := perPage[g][s.last]; s.first != s.last && n < 2 {
					t.Errorf("page %d holds the last row of table %d alone", s.last+1, g)
				}
			}
			for n, ps := range notes {
				per := map[int]int{}
				for _, p := range ps {
					per[p]++
				}
				if len(per) > 1 {
					for p, c := range per {
						if c < 2 {
							t.Errorf("footnote %d has a single line on page %d (%v)", n, p+1, per)
						}
					}
				}
			}
		})
	}
}

func TestBreakFaults(t *testing.T) {
	for _, c := range []struct {
		lines []string
		bad   bool
	}{
		{[]string{"II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH", "CHÍNH"}, true},
		{[]string{"Kết quả công tác của Ủy ban nhân", "dân tỉnh"}, true},
		{[]string{"BÁO CÁO TỔNG KẾT NĂM", "2026 CỦA XÃ"}, true},
		{[]string{"II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", "CẢI CÁCH HÀNH CHÍNH"}, false},
		{[]string{"CÁC XÃ, THỊ TRẤN,", "GIAI ĐOẠN 2021 - 2025"}, false},
	} {
		if got := len(breakFaults(c.lines)) > 0; got != c.bad {
			t.Errorf("breakFaults(%q) = %v, want %v", c.lines, got, c.bad)
		}
	}
}

// TestSampleTableWords: no column of a sample's tables (body and
// appendices, on the width of their pages) is narrower than the widest
// word of its cells, bold where the row or the header is, so no line of a
// table breaks inside a syllable, and no figure wraps.
func TestSampleTableWords(t *testing.T) {
	docs := sampleDocs(t)
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		d := docs[name]
		p := d.Page
		portrait, landscape := (p.Width - p.MarginLeft - p.MarginRight).Pt(), (p.Height - p.MarginLeft - p.MarginRight).Pt()
		check := func(where string, tb *docmodel.Table, room float64) {
			grid, err := tb.Grid()
			if err != nil {
				t.Fatal(err)
			}
			w := layout.TableColumns(tb, grid, room, p.Sizes.Table, layout.CellPadding)
			for r, row := range grid {
				for c, sl := range row {
					if !sl.Origin(r, c) || max(sl.Cell.ColSpan, 1) > 1 {
						continue
					}
					face := fonts.FaceOf(r < tb.HeaderRows || tb.Rows[r].Bold || sl.Cell.Bold, false)
					for _, par := range sl.Cell.Content {
						text := docmodel.PlainText(par.Content)
						words := strings.Fields(text)
						if sl.Cell.Number != nil {
							words = []string{text}
						}
						for _, word := range words {
							if need := fonts.Width(face, p.Sizes.Table, word) + 2*layout.CellPadding; need > w[c]+1e-6 {
								t.Errorf("%s %s: row %d, column %d is %.1f pt, %q needs %.1f", name, where, r+1, c+1, w[c], word, need)
							}
						}
					}
				}
			}
		}
		room := portrait
		for i, b := range d.Body {
			switch v := b.(type) {
			case *docmodel.SectionBreak:
				room = portrait
				if v.Landscape {
					room = landscape
				}
			case *docmodel.Table:
				check(fmt.Sprintf("body block %d", i+1), v, room)
			}
		}
		for _, a := range d.Appendices {
			room := portrait
			if a.Landscape {
				room = landscape
			}
			for _, b := range a.Body {
				if v, ok := b.(*docmodel.Table); ok {
					check(a.Label, v, room)
				}
			}
		}
	}
}
