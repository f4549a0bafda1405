package pdf

import (
	"math"

	"baocao/internal/fonts"
)

type opKind uint8

const (
	opText  opKind = iota
	opLine         // x,y to x2,y2
	opRect         // x,y, width x2, height y2
	opMark         // outline entry s at y, level
	opImage        // image number level (docImages) with top-left x,y, width x2, height y2
)

// op is one drawing operation. Inside a unit y is relative to the unit's
// top; once placed on a page it is absolute (points from the page top).
type op struct {
	kind   opKind
	face   fonts.Face
	level  int32 // with kind and face in one word: 80 bytes an op, not 96
	size   float64
	rise   float64
	x, y   float64
	x2, y2 float64
	lw     float64
	s      string
}

// unit is the smallest thing the paginator places: one line of text, a
// table row group, the header block. It is never split.
type unit struct {
	h      float64
	before float64 // space above, dropped at the top of a page
	after  float64 // space below, may fall past the bottom margin
	ops    []op
	refs   []int // footnotes referenced in the unit
	kind   unitKind
	grp    int // the block (heading, table) or the footnote number the unit belongs to
	rows   *rowSpan
}

// rowSpan is the table rows a table unit holds, for the layout tests.
type rowSpan struct {
	first, n int  // rows first..first+n-1 of the model's table
	total    bool // the last of them is the table's total row
}

// unitKind says what a unit is part of, for the rules that keep units
// together and for the tests that check them.
type unitKind uint8

const (
	kindText unitKind = iota
	kindHeading
	kindTableHead
	kindTableRow
	kindNote
)

// geom is the geometry of a page in points.
type geom struct {
	w, h                     float64
	top, bottom, left, right float64
	landscape                bool
}

func (g geom) textW() float64 { return g.w - g.left - g.right }

// page is a laid-out page.
type page struct {
	g          geom
	number     int    // within its section (body or one appendix)
	section    string // "" for the body, the appendix label otherwise
	showNumber bool
	parts      []drawn // the body, in drawing order
	notes      []unit  // footnote lines, top to bottom
	notesH     float64
}

// Footnote area: a gap, the separator rule, a gap, then the notes.
const (
	noteGapAbove = 6.0
	noteGapBelow = 3.0
	noteSepH     = noteGapAbove + noteGapBelow
	ruleWidth    = 0.5
)

// pstate is the part of the paginator's state that look-ahead simulates.
type pstate struct {
	y      float64
	notesH float64
	notes  int
	empty  bool // no body unit on the page yet
	full   bool // a note was split here: nothing more may follow
	added  []int
}

// drawn is a unit's operations placed at dy from the top of the page.
type drawn struct {
	ops  []op
	dy   float64
	kind unitKind
	grp  int
	h    float64
	rows *rowSpan
}

// allOps is the page's body operations in page coordinates.
func (pg *page) allOps() []op {
	var out []op
	for _, d := range pg.parts {
		for _, o := range d.ops {
			o.y += d.dy
			if o.kind == opLine {
				o.y2 += d.dy
			}
			out = append(out, o)
		}
	}
	return out
}

// paginator places units on pages and keeps footnotes with their
// references.
type paginator struct {
	w      *writer
	g      geom
	pages  []*page
	pg     *page
	st     pstate
	placed []bool // footnote already set (index = number-1)
	carry  []unit // footnote lines waiting for the next page
	noteOf func(n int) []unit
	label  string // section of the pages to come
}

// section starts a new page with fresh numbering, as an appendix does.
func (p *paginator) section(g geom) {
	p.g = g
	p.newPage(1)
}

// newPage finishes the current page. num is the number of the new page
// within its section; 0 continues the count.
func (p *paginator) newPage(num int) {
	if num == 0 {
		num = 1
		if p.pg != nil {
			num = p.pg.number + 1
		}
	}
	p.pg = &page{g: p.g, number: num, section: p.label, showNumber: num > 1}
	p.pages = append(p.pages, p.pg)
	p.st = pstate{y: p.g.top, empty: true}
	p.flushCarry()
}

// flushCarry sets the continued notes at the foot of the new page. They
// may fill it but for a few lines of body text, so that a very long note
// still moves the text along; what remains goes on to the next page.
func (p *paginator) flushCarry() {
	if len(p.carry) == 0 {
		return
	}
	limit := p.g.h - p.g.top - p.g.bottom - noteSepH - 3*lineHeight(p.w.sz.Body, p.w.ls)
	n := 0
	h := 0.0
	for n < len(p.carry) && (h+p.carry[n].h <= limit || n == 0) {
		h += p.carry[n].h
		n++
	}
	p.pg.notes = append(p.pg.notes, p.carry[:n]...)
	p.pg.notesH += h
	p.st.notesH += h
	p.st.notes += n
	p.carry = p.carry[n:]
}

func (p *paginator) limit(s *pstate) float64 {
	l := p.g.h - p.g.bottom
	if s.notes > 0 {
		l -= noteSepH + s.notesH
	}
	return l
}

// newNotes lists the footnotes that u would set for the first time.
func (p *paginator) newNotes(s *pstate, u *unit) []int {
	var out []int
	for _, n := range u.refs {
		if n < 1 || n > len(p.placed) || p.placed[n-1] {
			continue
		}
		dup := false
		for _, m := range s.added {
			if m == n {
				dup = true
				break
			}
		}
		for _, m := range out {
			if m == n {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, n)
		}
	}
	return out
}

func sumH(us []unit) float64 {
	h := 0.0
	for i := range us {
		h += us[i].h
	}
	return h
}

// step tries to place u in state s. It returns false when u belongs on the
// next page. When commit is set it draws u and its notes.
//
// A unit fits when it and all the notes it references for the first time
// fit above the bottom margin. Failing that it may still stay when it and
// at least the first two lines of its last note fit: the rest of that note
// then continues on the next page, as Word does. On an empty page the unit
// is always taken, so pagination always advances.
func (p *paginator) step(s *pstate, u *unit, commit bool) bool {
	if s.full && !s.empty {
		return false
	}
	before := u.before
	if s.empty {
		before = 0
	}
	body := before + u.h
	notes := p.newNotes(s, u)
	if len(notes) == 0 {
		if s.y+body > p.limit(s)+eps && !s.empty {
			return false
		}
		if commit {
			p.draw(u, s.y+before)
		}
		s.y += body + u.after
		s.empty = false
		return true
	}
	lines := make([][]unit, len(notes))
	full := 0.0
	for i, n := range notes {
		lines[i] = p.noteOf(n)
		full += sumH(lines[i])
	}
	sep := 0.0
	if s.notes == 0 {
		sep = noteSepH
	}
	room := p.limit(s) - s.y - body - sep
	pending := len(p.carry) > 0 // continued notes must keep their order
	whole := !pending && full <= room+eps
	if !whole && !s.empty {
		if pending {
			return false
		}
		last := lines[len(lines)-1]
		min := full - sumH(last) + sumH(last[:minInt(2, len(last))])
		if min > room+eps || len(last) < 4 {
			return false // a note is split only with two lines on each side
		}
	}
	// The last note, when split, leaves at least two lines for the next
	// page: cap what this page takes of it.
	capLast := -1
	if !whole {
		last := lines[len(lines)-1]
		used, k := full-sumH(last), 0
		for k < len(last) && used+last[k].h <= room+eps {
			used += last[k].h
			k++
		}
		if k < len(last) && len(last)-k < 2 {
			capLast = len(last) - 2
		}
	}
	if commit {
		p.draw(u, s.y+before)
	}
	s.y += body + u.after
	s.empty = false
	s.added = append(s.added, notes...)
	// Set note lines in order while they fit; the first line that does
	// not fit sends it and everything after it to the next page.
	used := 0.0
	for li, ls := range lines {
		for i := range ls {
			capped := li == len(lines)-1 && capLast >= 0 && i >= capLast
			if !pending && !capped && used+ls[i].h <= room+eps {
				used += ls[i].h
				if commit {
					p.pg.notes = append(p.pg.notes, ls[i])
					p.pg.notesH += ls[i].h
				}
				s.notes++
				s.notesH += ls[i].h
				continue
			}
			pending = true
			if commit {
				p.carry = append(p.carry, ls[i])
			}
		}
	}
	if pending {
		s.full = true
	}
	if commit {
		for _, n := range notes {
			p.placed[n-1] = true
		}
	}
	return true
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

// draw sets u's operations on the page at top. The page refers to them
// rather than copying: a unit is not changed once placed, and the copies
// were a fifth of the bytes a write allocated.
func (p *paginator) draw(u *unit, top float64) {
	if len(u.ops) > 0 {
		p.pg.parts = append(p.pg.parts, drawn{u.ops, top, u.kind, u.grp, u.h, u.rows})
	}
}

// place sets u on the current page or, failing that, on a new one.
func (p *paginator) place(u *unit) {
	if !p.step(&p.st, u, true) {
		p.newPage(0)
		p.step(&p.st, u, true)
	}
	p.st.added = p.st.added[:0]
}

// countFit is how many of us, in order, the current page takes.
func (p *paginator) countFit(us []unit) int {
	s := p.st
	s.added = nil
	for i := range us {
		if !p.step(&s, &us[i], false) {
			return i
		}
		if s.full {
			return i + 1
		}
	}
	return len(us)
}

// fitsAll reports whether all of us go on the current page.
func (p *paginator) fitsAll(us []unit) bool { return p.countFit(us) == len(us) }

// placeLines sets the lines of one paragraph, moving lines to the next
// page so that neither a single first line (orphan) stays at the foot of a
// page nor a single last line (widow) starts one, when another break
// exists.
func (p *paginator) placeLines(lines []unit) {
	for i := 0; i < len(lines); {
		rem := lines[i:]
		k := p.countFit(rem)
		if k >= len(rem) {
			for j := range rem {
				p.place(&rem[j])
			}
			return
		}
		b := k
		if len(rem)-b == 1 && b > 0 {
			b-- // widow
		}
		if i == 0 && b == 1 {
			b = 0 // orphan
		}
		if b == 0 && p.st.empty {
			b = int(math.Max(float64(k), 1))
		}
		for j := 0; j < b; j++ {
			p.place(&rem[j])
		}
		i += b
		p.newPage(0)
	}
}

// keepTogether starts a new page unless all of us fit on this one; used
// for a heading with the first lines after it.
func (p *paginator) keepTogether(us []unit) {
	if !p.st.empty && !p.fitsAll(us) {
		p.newPage(0)
	}
}

// finish sets the notes still waiting, on extra pages if need be.
func (p *paginator) finish() {
	for len(p.carry) > 0 {
		p.newPage(0)
	}
}
