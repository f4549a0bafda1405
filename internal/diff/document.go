package diff

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"baocao/internal/docmodel"
	"baocao/internal/msg"
)

// Place is a part of the report whose text differs: a sentence of the
// body, a footnote, an appendix cell, a line of the header or closing.
type Place struct {
	Where string `json:"where"` // "I. › 2. › 2.1. ¶3", "chú thích 19", "Phụ lục I › 2023 › Tổng số"
	Kind  string `json:"kind"`  // body, footnote, appendix, header
	Old   string `json:"old"`
	New   string `json:"new"`
	// where and text are Where and New as they can be told in another
	// language, for the place that says a change breaks the build; nil
	// for a place of the report, whose names and texts are the report's.
	where, text msg.Localizer
}

// theReport is the place of a change that breaks the build: the whole
// report.
var theReport = msg.Word("(the report)")

// In is the place told in lang.
func (p Place) In(lang language.Tag) Place {
	if p.where != nil {
		p.Where = p.where.Localize(lang)
	}
	if p.text != nil {
		p.New = p.text.Localize(lang)
	}
	return p
}

type place struct {
	key, kind, text string
}

// places flattens a document into keyed texts, in reading order. Keys
// depend on the structure only (heading labels, paragraph counts, note
// numbers, appendix row keys and column headers), not on the figures, so
// two builds from two workbooks line up.
func places(d *docmodel.Document) []place {
	var out []place
	add := func(key, kind, text string) { out = append(out, place{key, kind, text}) }
	h := d.Header
	add("số, ký hiệu", "header", h.Number)
	add("địa danh, ngày", "header", h.PlaceDate)
	add("trích yếu", "header", strings.Join(d.Title.Summary, " "))
	var path []string // heading labels by level
	n := 0
	for _, b := range d.Body {
		switch v := b.(type) {
		case *docmodel.Heading:
			for len(path) < v.Level {
				path = append(path, "")
			}
			path = path[:v.Level]
			label := v.Label
			if label == "" {
				label = docmodel.PlainText(v.Content)
			}
			path[v.Level-1] = label
			n = 0
			add(strings.Join(nonEmpty(path), " › ")+" (tiêu đề)", "body", docmodel.PlainText(v.Content))
		case *docmodel.Paragraph:
			n++
			text := docmodel.PlainText(withMarks(v.Content))
			if v.Marker != "" {
				text = v.Marker + " " + text
			}
			add(fmt.Sprintf("%s ¶%d", strings.Join(nonEmpty(path), " › "), n), "body", text)
		case *docmodel.Table:
			n++
			for r, row := range v.Rows {
				for c, cell := range row.Cells {
					add(fmt.Sprintf("%s ¶%d bảng %d,%d", strings.Join(nonEmpty(path), " › "), n, r+1, c+1), "body", cellText(cell))
				}
			}
		}
	}
	for _, fn := range d.Footnotes {
		var parts []string
		for _, p := range fn.Content {
			t := docmodel.PlainText(p.Content)
			if p.Marker != "" {
				t = p.Marker + " " + t
			}
			parts = append(parts, t)
		}
		add(fmt.Sprintf("chú thích %d", fn.Number), "footnote", strings.Join(parts, " "))
	}
	for _, a := range d.Appendices {
		for i, b := range a.Body {
			t, ok := b.(*docmodel.Table)
			if !ok {
				if p, ok := b.(*docmodel.Paragraph); ok {
					add(fmt.Sprintf("%s ¶%d", a.Label, i+1), "appendix", docmodel.PlainText(p.Content))
				}
				continue
			}
			grid, err := t.Grid()
			if err != nil {
				continue
			}
			// Column names from the header rows; row names from the first
			// text column (the key).
			cols := make([]string, len(t.Columns))
			for r := 0; r < t.HeaderRows; r++ {
				for c := range t.Columns {
					if s := cellText(*grid[r][c].Cell); s != "" && !strings.HasSuffix(cols[c], s) {
						cols[c] = strings.TrimPrefix(cols[c]+" / "+s, " / ")
					}
				}
			}
			for r := t.HeaderRows; r < len(t.Rows); r++ {
				rowName := fmt.Sprint(r - t.HeaderRows + 1)
				for c := range t.Columns {
					if cell := grid[r][c].Cell; cell.Number == nil && cellText(*cell) != "" && c < 2 {
						rowName = cellText(*cell)
					}
				}
				for c := range t.Columns {
					if !grid[r][c].Origin(r, c) {
						continue
					}
					add(fmt.Sprintf("%s › %s › %s", a.Label, rowName, cols[c]), "appendix", cellText(*grid[r][c].Cell))
				}
			}
		}
	}
	return out
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// withMarks shows footnote references as "[n]" so that a sentence and its
// note number do not run together ("Thành phố1").
func withMarks(in []docmodel.Inline) []docmodel.Inline {
	out := make([]docmodel.Inline, len(in))
	for i, x := range in {
		if r, ok := x.(docmodel.FootnoteRef); ok {
			out[i] = docmodel.Text{Text: fmt.Sprintf("[%d]", r.Number)}
			continue
		}
		out[i] = x
	}
	return out
}

func cellText(c docmodel.Cell) string {
	var parts []string
	for _, p := range c.Content {
		parts = append(parts, docmodel.PlainText(p.Content))
	}
	return strings.Join(parts, " ")
}

// Document lists the places whose text differs between two documents
// built from the same template. For prose only the sentences that differ
// are kept, so a long paragraph shows as the one sentence that changed.
func Document(old, cur *docmodel.Document) []Place {
	op, np := places(old), places(cur)
	oldBy := map[string]place{}
	for _, p := range op {
		oldBy[p.key] = p
	}
	var out []Place
	seen := map[string]bool{}
	for _, p := range np {
		seen[p.key] = true
		o, ok := oldBy[p.key]
		switch {
		case !ok:
			out = append(out, Place{Where: p.key, Kind: p.kind, Old: "", New: p.text})
		case o.text != p.text:
			for _, s := range sentences(o.text, p.text) {
				out = append(out, Place{Where: p.key, Kind: p.kind, Old: s[0], New: s[1]})
			}
		}
	}
	for _, p := range op {
		if !seen[p.key] {
			out = append(out, Place{Where: p.key, Kind: p.kind, Old: p.text, New: ""})
		}
	}
	return out
}

// sentences pairs the sentences of two versions of a text and keeps the
// pairs that differ; when the texts do not split alike, the whole texts.
func sentences(a, b string) [][2]string {
	sa, sb := split(a), split(b)
	if len(sa) != len(sb) {
		return [][2]string{{a, b}}
	}
	var out [][2]string
	for i := range sa {
		if sa[i] != sb[i] {
			out = append(out, [2]string{sa[i], sb[i]})
		}
	}
	return out
}

// split cuts prose after ". " and "; " (a figure such as 61,89 or 57.286
// has no space after its separator, so it is never cut).
func split(s string) []string {
	var out []string
	start := 0
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '.' || s[i] == ';') && s[i+1] == ' ' {
			out = append(out, strings.TrimSpace(s[start:i+1]))
			start = i + 2
		}
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}
