package pdf

import (
	"strconv"
	"strings"

	"baocao/internal/docmodel"
)

// a laid-out body block.
type laid struct {
	lines  []unit // paragraph or heading lines
	keep   bool   // heading: keep with what follows
	isTab  bool
	tab    tableUnits
	before float64
	turn   *geom // a section break: the pages from here on have this geometry
}

// outline turns heading kinds into outline levels that never skip a
// level, so a report without a Phần still nests its khoản under its mục.
type outline struct {
	base  int
	kinds []docmodel.HeadingKind
}

func (o *outline) level(k docmodel.HeadingKind) int {
	for len(o.kinds) > 0 && o.kinds[len(o.kinds)-1] >= k {
		o.kinds = o.kinds[:len(o.kinds)-1]
	}
	l := o.base + len(o.kinds)
	o.kinds = append(o.kinds, k)
	return l
}

func (w *writer) layBlocks(blocks []docmodel.Block, g geom, ol *outline) ([]laid, error) {
	out := make([]laid, 0, len(blocks))
	for _, b := range blocks {
		switch v := b.(type) {
		case *docmodel.Heading:
			if v == nil {
				continue
			}
			ls := w.heading(v, g.left, g.textW())
			ls[0].before = w.before
			if v.Kind == docmodel.KindPart && ls[0].before < blockGap {
				ls[0].before = blockGap
			}
			ls[len(ls)-1].after = w.after
			ls[0].ops = append(ls[0].ops, op{kind: opMark, s: bookmarkText(v), level: int32(ol.level(v.Kind))})
			w.blocks++
			for i := range ls {
				ls[i].kind, ls[i].grp = kindHeading, w.blocks
			}
			out = append(out, laid{lines: ls, keep: true})
		case *docmodel.Paragraph:
			if v == nil {
				continue
			}
			ls := w.paragraph(v, g.left, g.textW(), w.sz.Body, w.ls, true)
			ls[0].before = w.before
			ls[len(ls)-1].after = w.after
			w.blocks++
			for i := range ls {
				ls[i].grp = w.blocks
			}
			// A one-line paragraph that ends in a colon ("- Nguyên nhân
			// khách quan:") introduces what follows as a heading does.
			intro := len(ls) == 1 && strings.HasSuffix(strings.TrimSpace(docmodel.PlainText(v.Content)), ":")
			out = append(out, laid{lines: ls, keep: intro})
		case *docmodel.SectionBreak:
			if v == nil {
				continue
			}
			// What follows is laid out on the turned page's width.
			if v.Landscape {
				g = w.landscape()
			} else {
				g = w.portrait()
			}
			turned := g
			out = append(out, laid{turn: &turned})
		case *docmodel.Table:
			if v == nil {
				continue
			}
			tu, err := w.table(v, g)
			if err != nil {
				return nil, err
			}
			w.blocks++
			for i := range tu.header {
				tu.header[i].kind, tu.header[i].grp = kindTableHead, w.blocks
			}
			for i := range tu.body {
				tu.body[i].kind, tu.body[i].grp = kindTableRow, w.blocks
			}
			first := &tu.caption
			if len(*first) == 0 {
				first = &tu.header
			}
			if len(*first) == 0 {
				first = &tu.body
			}
			if len(*first) > 0 {
				(*first)[0].before = w.after
			}
			if n := len(tu.body); n > 0 {
				tu.body[n-1].after = w.after
			}
			out = append(out, laid{isTab: true, tab: tu})
		}
	}
	return out, nil
}

// lead is what must stay on the page with a heading that precedes ls[0]:
// the first two lines of a paragraph, a following heading and its own
// lead, or a table's caption, header and first row group.
func lead(ls []laid, depth int) []unit {
	if len(ls) == 0 || depth > 3 {
		return nil
	}
	b := ls[0]
	switch {
	case b.turn != nil:
		return nil // a heading cannot go over to a turned page
	case b.isTab:
		return b.tab.lead()
	case b.keep:
		return append(append([]unit(nil), b.lines...), lead(ls[1:], depth+1)...)
	}
	return b.lines[:minInt(2, len(b.lines))]
}

func (p *paginator) flow(ls []laid) {
	for i := range ls {
		b := &ls[i]
		switch {
		case b.turn != nil:
			p.turn(*b.turn)
		case b.isTab:
			p.placeTable(&b.tab)
		case b.keep:
			p.keepTogether(append(append([]unit(nil), b.lines...), lead(ls[i+1:], 0)...))
			p.placeLines(b.lines)
		default:
			p.placeLines(b.lines)
		}
	}
}

// turn goes on with the section on pages of geometry g: a new page, with
// the page numbers running on, unless the current page has nothing on it
// yet, which then turns itself.
func (p *paginator) turn(g geom) {
	p.g = g
	p.noteOf = p.w.noteLines(g)
	if p.st.empty && len(p.pg.parts) == 0 && len(p.pg.notes) == 0 {
		p.pg.g = g
		p.st.y = g.top
		return
	}
	p.newPage(0)
}

// smallTable is the most body row groups a table may have to be kept on
// one page whole: a short table cut in two reads as two tables.
const smallTable = 6

// lead is what of a table must open on one page: the caption, the header
// and the first row group, or the whole of a small table.
func (t *tableUnits) lead() []unit {
	out := append(append([]unit(nil), t.caption...), t.header...)
	if len(t.body) <= smallTable {
		return append(out, t.body...)
	}
	return append(out, t.body[0])
}

// tableTail is how many of a table's last body row groups go to a page
// together: two, or three when the last is a total row.
func tableTail(t *tableUnits) int {
	if t.total {
		return 3
	}
	return 2
}

// placeTable sets a table row group by row group, repeating the header
// rows at the top of each new page.
func (p *paginator) placeTable(t *tableUnits) {
	p.keepTogether(t.lead())
	for i := range t.caption {
		p.place(&t.caption[i])
	}
	for i := range t.header {
		p.place(&t.header[i])
	}
	tail := tableTail(t)
	for i := range t.body {
		g := &t.body[i]
		// The tail of a table does not start on a page that cannot hold
		// all of it: a last row group never opens a page alone, and a
		// total row keeps the two groups before it, or a page would read
		// as a total of one row.
		tailStart := !p.st.empty && i == len(t.body)-tail && i > 0 && p.fitsAll(t.body[i:i+1]) && !p.fitsAll(t.body[i:])
		if tailStart || !p.st.empty && !p.fitsAll(t.body[i:i+1]) {
			p.newPage(0)
			for j := range t.header {
				h := t.header[j]
				h.before = 0
				p.place(&h)
			}
			// A group taller than what the header leaves is set anyway
			// under the header rather than alone on a further page.
			p.st.empty = true
		}
		p.place(g)
	}
}

func (w *writer) portrait() geom {
	pg := w.d.Page
	g := geom{
		w: pg.Width.Pt(), h: pg.Height.Pt(),
		top: pg.MarginTop.Pt(), bottom: pg.MarginBottom.Pt(),
		left: pg.MarginLeft.Pt(), right: pg.MarginRight.Pt(),
	}
	// The model rounds A4 to whole twips (595.3 × 841.9 pt); snap to the
	// exact A4 box so viewers and printers recognise the paper size.
	if abs(g.w-a4W) < 1.5 && abs(g.h-a4H) < 1.5 {
		g.w, g.h = a4W, a4H
	}
	if g.w > g.h {
		g.w, g.h = g.h, g.w
	}
	return g
}

// landscape turns the page and keeps each margin on its edge.
func (w *writer) landscape() geom {
	g := w.portrait()
	g.w, g.h = g.h, g.w
	g.landscape = true
	return g
}

const (
	a4W = 595.28
	a4H = 841.89
)

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func (w *writer) layout() ([]*page, error) {
	d := w.d
	g := w.portrait()
	p := &paginator{w: w, g: g, placed: make([]bool, len(d.Footnotes)), noteOf: w.noteLines(g)}
	p.newPage(1)

	h := d.Header
	if len(h.ParentAgency)+len(h.Agency) > 0 || h.Number != "" || h.QuocHieu != "" || h.TieuNgu != "" || h.PlaceDate != "" {
		u := w.headerBlock(g)
		p.place(&u)
	}
	if d.Title.Kind != "" || len(d.Title.Summary) > 0 {
		u := w.titleBlock(g)
		p.place(&u)
	}
	if len(d.KinhGui) > 0 {
		u := w.kinhGui(g)
		p.place(&u)
	}
	body, err := w.layBlocks(d.Body, g, &outline{})
	if err != nil {
		return nil, err
	}
	if len(body) > 0 {
		first := &body[0]
		if len(first.lines) > 0 && first.lines[0].before < blockGap && p.pg == p.pages[0] && !p.st.empty {
			first.lines[0].before = blockGap
		}
	}
	c := d.Closing
	if len(c.Recipients) > 0 || len(c.Signature.Lines) > 0 || c.Signature.Name != "" {
		u := w.closing(g)
		// A body that ends turned comes back to portrait for the closing.
		if n := len(body); n > 0 && body[n-1].turn == nil {
			for i := n - 1; i >= 0; i-- {
				if t := body[i].turn; t != nil {
					if t.landscape {
						body = append(body, laid{turn: &g})
					}
					break
				}
			}
		}
		n := len(body)
		if n > 0 && !body[n-1].isTab && !body[n-1].keep && body[n-1].turn == nil {
			p.flow(body[:n-1])
			p.closeWith(body[n-1].lines, u)
		} else {
			p.flow(body)
		}
		p.keepTogether([]unit{u})
		p.place(&u)
	} else {
		p.flow(body)
	}
	p.finish()

	for i := range d.Appendices {
		a := &d.Appendices[i]
		ag := g
		if a.Landscape {
			ag = w.landscape()
		}
		p.noteOf = w.noteLines(ag)
		p.label = a.Label
		if p.label == "" {
			p.label = "Phụ lục " + strconv.Itoa(i+1)
		}
		p.section(ag)
		t := w.appendixTitle(a, ag)
		mark := a.Label
		if len(a.Title) > 0 {
			mark += " " + a.Title[0]
		}
		if mark == "" {
			mark = "Phụ lục"
		}
		t.ops = append(t.ops, op{kind: opMark, s: mark, level: 0})
		p.place(&t)
		ls, err := w.layBlocks(a.Body, ag, &outline{base: 1})
		if err != nil {
			return nil, err
		}
		p.flow(ls)
		p.finish()
	}
	// Notes nothing references still belong to the report: set them at
	// its end rather than drop them.
	for i, done := range p.placed {
		if !done {
			u := unit{refs: []int{i + 1}}
			p.place(&u)
		}
	}
	p.finish()
	return p.pages, nil
}

// closeWith sets the last paragraph of the body so that the closing block
// after it does not open a page alone: a signature with no text above it
// could be attached to any document. When the paragraph fits but the
// closing does not, the paragraph's last two lines (or all of a short
// paragraph) go over with the closing.
func (p *paginator) closeWith(lines []unit, closing unit) {
	all := append(append([]unit(nil), lines...), closing)
	if p.st.empty || p.fitsAll(all) || !p.fitsAll(lines) {
		p.placeLines(lines)
		return
	}
	if n := len(lines); n >= 4 {
		for i := 0; i < n-2; i++ {
			p.place(&lines[i])
		}
		lines = lines[n-2:]
	}
	p.newPage(0)
	p.placeLines(lines)
}
