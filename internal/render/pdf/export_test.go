package pdf

import (
	"math"
	"sort"
	"strings"

	"baocao/internal/docmodel"
	"baocao/internal/fonts"
)

// LaidLine is one line of a laid-out page, for the layout tests of
// package pdf_test (which may import the sample builder; package pdf may
// not).
type LaidLine struct {
	Kind string // "text", "heading", "thead", "row", "note"
	Grp  int    // heading or table number, footnote number
	Text string
	// Top and Bottom are the unit's place on its page, in points from
	// the top edge.
	Top, Bottom float64
	// Row and Rows are the table rows of a "thead" or "row" unit (0-based
	// indexes into the model's Rows); Total marks the unit that holds the
	// table's total row.
	Row, Rows int
	Total     bool
	// Gap is the widest space between two words of a one-line text unit,
	// in ems of its text: about a quarter at natural spacing, more where
	// justification stretched it.
	Gap float64
}

// LaidPage is the body units and footnote lines of one page, top to
// bottom.
type LaidPage struct {
	Section string
	Body    []LaidLine
	Notes   []LaidLine
	// Width and Height are the page size in points; Foot is where the
	// body must end: the bottom margin, or the footnotes above it.
	Width, Height, Foot float64
}

var kindNames = map[unitKind]string{kindText: "text", kindHeading: "heading", kindTableHead: "thead", kindTableRow: "row", kindNote: "note"}

// opsText is the text of ops read in order, a space where a gap is.
func opsText(ops []op) string {
	var ts []op
	for _, o := range ops {
		if o.kind == opText {
			ts = append(ts, o)
		}
	}
	sort.SliceStable(ts, func(i, j int) bool {
		if math.Abs(ts[i].y-ts[j].y) > 2 {
			return ts[i].y < ts[j].y
		}
		return ts[i].x < ts[j].x
	})
	var b strings.Builder
	end := 0.0
	for i, o := range ts {
		if i > 0 && (o.x > end+0.5 || o.x < end-1) {
			b.WriteByte(' ')
		}
		b.WriteString(o.s)
		end = o.x + fonts.Width(o.face, o.size, o.s)
	}
	return b.String()
}

// widestGap is the widest space between consecutive text operations on
// one baseline, in ems; 0 when the unit has more than one line.
func widestGap(ops []op) float64 {
	var ts []op
	for _, o := range ops {
		if o.kind == opText {
			if len(ts) > 0 && math.Abs(o.y-ts[0].y) > 2 {
				return 0
			}
			ts = append(ts, o)
		}
	}
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].x < ts[j].x })
	widest := 0.0
	for i := 1; i < len(ts); i++ {
		p := ts[i-1]
		gap := ts[i].x - (p.x + fonts.Width(p.face, p.size, p.s))
		widest = math.Max(widest, gap/p.size)
	}
	return widest
}

// LayoutPages lays d out and describes its pages.
func LayoutPages(d *docmodel.Document) ([]LaidPage, error) {
	if err := validate(d); err != nil {
		return nil, err
	}
	w := newWriter(d)
	pages, err := w.layout()
	if err != nil {
		return nil, err
	}
	out := make([]LaidPage, len(pages))
	for i, pg := range pages {
		out[i].Section = pg.section
		out[i].Width, out[i].Height = pg.g.w, pg.g.h
		out[i].Foot = pg.g.h - pg.g.bottom
		if len(pg.notes) > 0 {
			out[i].Foot -= noteSepH + pg.notesH
		}
		for _, dr := range pg.parts {
			l := LaidLine{Kind: kindNames[dr.kind], Grp: dr.grp, Text: opsText(dr.ops), Top: dr.dy, Bottom: dr.dy + dr.h}
			if dr.kind == kindText {
				l.Gap = widestGap(dr.ops)
			}
			if dr.rows != nil {
				l.Row, l.Rows, l.Total = dr.rows.first, dr.rows.n, dr.rows.total
			}
			out[i].Body = append(out[i].Body, l)
		}
		for _, u := range pg.notes {
			out[i].Notes = append(out[i].Notes, LaidLine{Kind: kindNames[u.kind], Grp: u.grp, Text: opsText(u.ops)})
		}
	}
	return out, nil
}

// CentredLines is how the title block breaks s, in bold at size on the
// text width of d's page.
func CentredLines(d *docmodel.Document, s string, size float64) []string {
	w := newWriter(d)
	g := w.portrait()
	var out []string
	for _, u := range w.lines([]string{s}, style{face: fonts.Bold, size: size}, g.left, g.textW(), alignCenter) {
		out = append(out, opsText(u.ops))
	}
	return out
}
