package pdf

import (
	"fmt"
	"math"
	"strings"

	"baocao/internal/docmodel"
	"baocao/internal/fonts"
	"baocao/internal/msg"
	"baocao/internal/render/layout"
)

// writer holds what the layout of one document needs.
type writer struct {
	d      *docmodel.Document
	sz     docmodel.Sizes
	ls     float64 // body line spacing, 1 = single
	indent float64
	before float64
	after  float64
	g      glyphs
	// notes caches the laid-out footnotes per text width (portrait and
	// landscape pages set notes at different widths).
	notes map[float64][][]unit
	// blocks numbers the headings and tables laid out so far.
	blocks int
	// words and arena are the arrays of the last paragraph's wordBuilder,
	// for the next paragraph: its lines are set by then, and they hold
	// copies of the strings, so the words are no longer read. Growing
	// them anew for each paragraph was the largest allocation of a write.
	words []word
	arena []piece
	// ops holds the operations of the lines of paragraphs, table cells
	// and footnotes.
	ops opArena
	// units holds the lines of paragraphs and table cells, and br is the
	// breaker that sets them, one paragraph at a time: a breaker and its
	// arrays made anew per paragraph were a fifth of a write's
	// allocations.
	units unitArena
	br    breaker
}

// breaker readies w's breaker for a paragraph of spec sp; the lines it
// sets are taken from w's arenas. The paragraph must be finished
// (finishLines) before the next one starts.
func (w *writer) breaker(sp parSpec) *breaker {
	br := &w.br
	*br = breaker{sp: sp, base: baselineIn(sp.lineH, sp.size), first: true,
		spans: br.spans[:0], ops: &w.ops, arena: &w.units, units: w.units.start()}
	return br
}

// Fixed spacing of the ND30 blocks, in points. ND30 fixes what each block
// holds and where, not the gaps between them; these follow the Word
// templates of Phụ lục III, where a blank line separates the blocks.
const (
	headerColGap = 6.0  // under a header rule, before Số / địa danh
	titleGap     = 18.0 // header block to tên loại
	blockGap     = 12.0 // trích yếu rule to Kính gửi or body; body to closing
	ruleGap      = 4.0  // line bottom to the rule under it: clears descenders
	cellPadX     = layout.CellPadding
	cellPadY     = 2.0
	ruleMinLen   = 40.0
)

func validate(d *docmodel.Document) error {
	p := d.Page
	if p.Width <= 0 || p.Height <= 0 {
		return msg.Errorf("page size %d × %d twips is not positive", p.Width, p.Height)
	}
	if p.MarginLeft < 0 || p.MarginRight < 0 || p.MarginTop < 0 || p.MarginBottom < 0 || p.HeaderDistance < 0 {
		return msg.Errorf("page margins must not be negative")
	}
	// The smaller side bounds both orientations (appendices may turn the page).
	short := math.Min(p.Width.Pt(), p.Height.Pt())
	if short-p.MarginLeft.Pt()-p.MarginRight.Pt() < 72 || short-p.MarginTop.Pt()-p.MarginBottom.Pt() < 144 {
		return msg.Errorf("page margins leave too little room for text")
	}
	s := p.Sizes
	for _, f := range []struct {
		name string
		v    float64
	}{
		{"QuocHieu", s.QuocHieu}, {"TieuNgu", s.TieuNgu}, {"ParentAgency", s.ParentAgency}, {"Agency", s.Agency},
		{"Number", s.Number}, {"PlaceDate", s.PlaceDate}, {"Kind", s.Kind}, {"Summary", s.Summary},
		{"Body", s.Body}, {"Signature", s.Signature}, {"NoiNhanLabel", s.NoiNhanLabel},
		{"NoiNhanList", s.NoiNhanList}, {"PageNumber", s.PageNumber}, {"Footnote", s.Footnote}, {"Table", s.Table},
	} {
		if !(f.v > 0 && f.v < 200) {
			return msg.Errorf("font size Sizes.%s = %v is not a usable size", f.name, f.v)
		}
	}
	if math.IsNaN(p.LineSpacing) || p.LineSpacing > 5 {
		return msg.Errorf("line spacing %v is not usable", p.LineSpacing)
	}
	if p.FirstLineIndent < 0 || p.SpaceBefore < 0 || p.SpaceAfter < 0 {
		return msg.Errorf("indent and paragraph spacing must not be negative")
	}
	for i, b := range d.Body {
		if err := validateBlock(d, b); err != nil {
			return msg.Errorf("body block %d: %w", i+1, err)
		}
	}
	for i, a := range d.Appendices {
		for j, b := range a.Body {
			if err := validateBlock(d, b); err != nil {
				return msg.Errorf("appendix %d, block %d: %w", i+1, j+1, err)
			}
		}
	}
	for i, f := range d.Footnotes {
		for _, par := range f.Content {
			if par == nil {
				continue
			}
			if err := validateInlines(d, par.Content); err != nil {
				return msg.Errorf("footnote %d: %w", i+1, err)
			}
		}
	}
	return nil
}

func validateInlines(d *docmodel.Document, in []docmodel.Inline) error {
	for _, x := range in {
		if r, ok := x.(docmodel.FootnoteRef); ok && (r.Number < 1 || r.Number > len(d.Footnotes)) {
			return msg.Errorf("footnote reference %d, but the document has %d footnotes", r.Number, len(d.Footnotes))
		}
	}
	return nil
}

func validateBlock(d *docmodel.Document, b docmodel.Block) error {
	switch v := b.(type) {
	case *docmodel.Heading:
		if v == nil {
			return nil
		}
		return validateInlines(d, v.Content)
	case *docmodel.Paragraph:
		if v == nil {
			return nil
		}
		return validateInlines(d, v.Content)
	case *docmodel.Table:
		if v == nil {
			return nil
		}
		if _, err := v.Grid(); err != nil {
			return msg.Errorf("table: %w", err)
		}
		for i, c := range v.Columns {
			// Zero: sized from the content.
			if c.Width < 0 || math.IsNaN(c.Width) || math.IsInf(c.Width, 0) {
				return msg.Errorf("table column %d has width %v", i+1, c.Width)
			}
		}
		for _, r := range v.Rows {
			for _, c := range r.Cells {
				for _, par := range c.Content {
					if par == nil {
						continue
					}
					if err := validateInlines(d, par.Content); err != nil {
						return msg.Errorf("table: %w", err)
					}
				}
			}
		}
	}
	return nil
}

// text builds words from plain strings (header, closing) in one style.
func (w *writer) plainWords(s string, st style) []word {
	b := wordBuilder{g: &w.g, keepSpaces: true}
	b.text(s, st)
	return b.finish()
}

func (w *writer) textWidth(s string, st style) float64 {
	return width(st, w.g.clean(st.face, s))
}

// lines lays out plain lines, each as its own paragraph (they are lines in
// the model: agency names, the trích yếu), wrapping only when one is wider
// than the box.
func (w *writer) lines(ss []string, st style, x, wd float64, al align) []unit {
	var out []unit
	lh := lineHeight(st.size, 1)
	for _, s := range ss {
		sp := parSpec{x: x, width: wd, align: al, size: st.size, lineH: lh}
		if al == alignCenter {
			out = append(out, balancedLayout(w.plainWords(s, st), sp, true)...)
			continue
		}
		out = append(out, layoutWords(w.plainWords(s, st), sp)...)
	}
	return out
}

// stack joins units into one, top to bottom, from y0.
func stack(dst *unit, us []unit, y0 float64) float64 {
	y := y0
	for _, u := range us {
		for _, o := range u.ops {
			o.y += y
			if o.kind == opLine {
				o.y2 += y
			}
			dst.ops = append(dst.ops, o)
		}
		dst.refs = append(dst.refs, u.refs...)
		y += u.h
	}
	return y
}

func hrule(x, y, l float64) op {
	return op{kind: opLine, x: x, y: y, x2: x + l, y2: y, lw: ruleWidth}
}

func (w *writer) maxWidth(ss []string, st style) float64 {
	m := 0.0
	for _, s := range ss {
		m = math.Max(m, w.textWidth(s, st))
	}
	return m
}

// headerBlock is ô 1 to ô 4 of page 1 as one unit.
//
// The right column is as wide as its widest line (the Quốc hiệu) so that
// line never wraps; the left column takes the rest, which matches the
// 43 % / 46 % split of the ND30 position diagram for the usual strings.
func (w *writer) headerBlock(g geom) unit {
	h := w.d.Header
	s := w.sz
	qh := style{face: fonts.Bold, size: s.QuocHieu}
	tn := style{face: fonts.Bold, size: s.TieuNgu}
	pd := style{face: fonts.Italic, size: s.PlaceDate}
	pa := style{face: fonts.Regular, size: s.ParentAgency}
	ag := style{face: fonts.Bold, size: s.Agency}
	nu := style{face: fonts.Regular, size: s.Number}

	// The column split is shared with the DOCX writer (package layout).
	cols := layout.Header(h, s, g.textW(), w.d.Page.MarginLeft.Pt())
	lw, rw := cols.Left, cols.Right
	lx := g.left - cols.Outdent
	rx := lx + lw

	var u unit
	// Left: cơ quan chủ quản (upright), cơ quan ban hành (bold), rule.
	ly := stack(&u, w.lines(h.ParentAgency, pa, lx, lw, alignCenter), 0)
	ly = stack(&u, w.lines(h.Agency, ag, lx, lw, alignCenter), ly)
	if len(h.Agency) > 0 || len(h.ParentAgency) > 0 {
		// ND30: a solid line 1/3 to 1/2 as long as the agency line.
		l := math.Max(ruleMinLen, math.Min(w.maxWidth(h.Agency, ag), lw)*0.4)
		u.ops = append(u.ops, hrule(lx+(lw-l)/2, ly+ruleGap, l))
		ly += ruleGap
	}
	// Right: Quốc hiệu, Tiêu ngữ (bold), rule as long as the Tiêu ngữ.
	ry := 0.0
	if h.QuocHieu != "" {
		ry = stack(&u, w.lines([]string{h.QuocHieu}, qh, rx, rw, alignCenter), ry)
	}
	if h.TieuNgu != "" {
		ry = stack(&u, w.lines([]string{h.TieuNgu}, tn, rx, rw, alignCenter), ry)
		l := math.Min(w.textWidth(h.TieuNgu, tn), rw)
		u.ops = append(u.ops, hrule(rx+(rw-l)/2, ry+ruleGap, l))
		ry += ruleGap
	}
	// Số and địa danh, ngày on one baseline below the lower rule.
	top := math.Max(ly, ry) + headerColGap
	rowSize := math.Max(s.Number, s.PlaceDate)
	rowH := lineHeight(rowSize, 1)
	base := top + baselineIn(rowH, rowSize)
	bottom := top
	if h.Number != "" {
		nl := w.lines([]string{h.Number}, nu, lx, lw, alignCenter)
		shift := base - baselineIn(lineHeight(nu.size, 1), nu.size)
		bottom = math.Max(bottom, stack(&u, nl, shift))
	}
	if h.PlaceDate != "" {
		pl := w.lines([]string{h.PlaceDate}, pd, rx, rw, alignCenter)
		shift := base - baselineIn(lineHeight(pd.size, 1), pd.size)
		bottom = math.Max(bottom, stack(&u, pl, shift))
	}
	u.h = math.Max(bottom, math.Max(ly, ry))
	return u
}

// titleBlock is ô 5a: tên loại and trích yếu, centred bold, with a short
// rule under the last line.
func (w *writer) titleBlock(g geom) unit {
	t := w.d.Title
	u := unit{before: titleGap}
	ks := style{face: fonts.Bold, size: w.sz.Kind}
	ss := style{face: fonts.Bold, size: w.sz.Summary}
	y := 0.0
	if strings.TrimSpace(t.Kind) != "" {
		y = stack(&u, w.lines([]string{t.Kind}, ks, g.left, g.textW(), alignCenter), y)
	}
	y = stack(&u, w.lines(t.Summary, ss, g.left, g.textW(), alignCenter), y)
	if y > 0 {
		ref := w.maxWidth(t.Summary, ss)
		if ref == 0 {
			ref = w.textWidth(t.Kind, ks)
		}
		l := math.Max(ruleMinLen, math.Min(ref, g.textW())*0.4)
		u.ops = append(u.ops, hrule(g.left+(g.textW()-l)/2, y+ruleGap, l))
		y += ruleGap
	}
	u.h = y
	return u
}

// kinhGui is ô 9a: "Kính gửi:" and one recipient on its line, or several
// recipients one per line aligned after the label, the whole group
// centred.
func (w *writer) kinhGui(g geom) unit {
	st := style{face: fonts.Regular, size: w.sz.Body}
	label := "Kính gửi:"
	lw := w.textWidth(label, st) + spaceWidth(st)
	maxR := math.Min(w.maxWidth(w.d.KinhGui, st), g.textW()-lw)
	x := g.left + math.Max(0, (g.textW()-lw-maxR)/2)
	u := unit{before: blockGap}
	lh := lineHeight(st.size, 1)
	u.ops = append(u.ops, op{kind: opText, x: x, y: baselineIn(lh, st.size), s: label, face: st.face, size: st.size})
	y := stack(&u, w.lines(w.d.KinhGui, st, x+lw, g.left+g.textW()-x-lw, alignLeft), 0)
	u.h = math.Max(y, lh)
	return u
}

// paragraph lays out a body paragraph at the given width.
func (w *writer) paragraph(p *docmodel.Paragraph, x, wd, size, ls float64, indent bool) []unit {
	sp := parSpec{x: x, width: wd, size: size, lineH: lineHeight(size, ls), align: alignJustify}
	switch p.Style {
	case docmodel.BodyText:
		if indent {
			sp.indent = w.indent
		}
	case docmodel.Centered:
		sp.align = alignCenter
	case docmodel.RightText:
		sp.align = alignRight
	}
	b := wordBuilder{g: &w.g, br: w.breaker(sp), words: w.words[:0], arena: w.arena[:0]}
	if p.Marker != "" {
		b.text(p.Marker+" ", style{face: fonts.Regular, size: size})
	}
	b.inlines(p.Content, size, false, false)
	units := b.finishLines()
	w.words, w.arena = b.words[:0], b.arena[:0]
	return units
}

// headingStyle is the ND30 look of each rung.
func headingStyle(k docmodel.HeadingKind) (bold, italic bool) {
	switch k {
	case docmodel.KindPart, docmodel.KindSection, docmodel.KindClause:
		return true, false
	case docmodel.KindSubClause:
		return true, true
	}
	// Điểm "a)" is "in thường, đứng" (ND30 Phụ lục I, Mục V, row 6b).
	return false, false
}

// heading lays out a heading; Phần puts its label on a line of its own
// above the title, both centred.
func (w *writer) heading(h *docmodel.Heading, x, wd float64) []unit {
	size := w.sz.Body
	bold, italic := headingStyle(h.Kind)
	st := style{face: fonts.FaceOf(bold, italic), size: size}
	sp := parSpec{x: x, width: wd, size: size, lineH: lineHeight(size, w.ls), align: alignJustify, indent: w.indent}
	b := wordBuilder{g: &w.g}
	var units []unit
	if h.Kind == docmodel.KindPart {
		sp.align, sp.indent = alignCenter, 0
		if h.Label != "" {
			b.text(h.Label, st)
			units = balancedLayout(b.finish(), sp, true)
		}
	} else if h.Label != "" {
		b.text(h.Label+" ", st)
	}
	b.inlines(h.Content, size, bold, italic)
	if ws := b.finish(); len(ws) > 0 || len(units) == 0 {
		// A heading that wraps is set ragged right: a break kept out of a
		// word pair would otherwise stretch its first line's spaces.
		if sp.align == alignJustify {
			sp.align = alignLeft
		}
		units = append(units, balancedLayout(ws, sp, sp.align == alignCenter)...)
	}
	return units
}

func bookmarkText(h *docmodel.Heading) string {
	t := strings.TrimSpace(docmodel.PlainText(h.Content))
	if h.Label == "" {
		return t
	}
	if t == "" {
		return h.Label
	}
	return h.Label + " " + t
}

// note lays out footnote n at width wd: single spacing, no paragraph
// spacing, justified, the superscript number first, as in the one footnote
// of ND30's own Phụ lục I. The size is Sizes.Footnote (11 pt in both
// profiles): ND30 has no rule for notes, its own .docx sets that footnote
// at about 11 pt, and 11 pt is the smallest size ND30 prints (the Nơi nhận
// list), so notes read as subordinate to the 13–14 pt body yet stay
// legible on paper.
func (w *writer) note(n int, x, wd float64) []unit {
	size := w.sz.Footnote
	sp := parSpec{x: x, width: wd, size: size, lineH: lineHeight(size, 1), align: alignJustify}
	var out []unit
	f := w.d.Footnotes[n-1]
	first := true
	for _, par := range f.Content {
		if par == nil {
			continue
		}
		b := wordBuilder{g: &w.g, words: w.words[:0], arena: w.arena[:0]}
		if first {
			b.add(fmt.Sprint(n), style{face: fonts.Regular, size: size * supScale, rise: size * supRise})
			b.space(style{face: fonts.Regular, size: size})
			first = false
		}
		if par.Marker != "" {
			b.text(par.Marker+" ", style{face: fonts.Regular, size: size})
		}
		b.inlines(par.Content, size, false, false)
		ps := sp
		switch par.Style {
		case docmodel.Centered:
			ps.align = alignCenter
		case docmodel.RightText:
			ps.align = alignRight
		}
		ws := b.finish()
		ls := layoutWordsIn(ws, ps, &w.ops)
		// The lines hold copies of the strings: the words are free for
		// the next paragraph.
		w.words, w.arena = ws[:0], b.arena[:0]
		for i := range ls {
			ls[i].refs = nil // a reference inside a note is not a body reference
			ls[i].kind, ls[i].grp = kindNote, n
		}
		out = append(out, ls...)
	}
	if first { // a note without text still shows its number
		b := wordBuilder{g: &w.g}
		b.add(fmt.Sprint(n), style{face: fonts.Regular, size: size * supScale, rise: size * supRise})
		out = layoutWords(b.finish(), sp)
	}
	return out
}

func (w *writer) noteLines(g geom) func(int) []unit {
	key := g.textW()
	cache := w.notes[key]
	if cache == nil {
		cache = make([][]unit, len(w.d.Footnotes))
		w.notes[key] = cache
	}
	return func(n int) []unit {
		if cache[n-1] == nil {
			cache[n-1] = w.note(n, g.left, g.textW())
		}
		return cache[n-1]
	}
}

// closing is Nơi nhận on the left and the signature block on the right,
// both from the same top, as one unit so that it is never split.
func (w *writer) closing(g geom) unit {
	c := w.d.Closing
	cols := layout.Closing(c, w.sz, g.textW())
	lw, rw := cols.Left, cols.Right
	lx, rx := g.left, g.left+lw
	u := unit{before: blockGap}

	y := 0.0
	if len(c.Recipients) > 0 {
		ls := style{face: fonts.BoldItalic, size: w.sz.NoiNhanLabel}
		y = stack(&u, w.lines([]string{"Nơi nhận:"}, ls, lx, lw, alignLeft), 0)
		st := style{face: fonts.Regular, size: w.sz.NoiNhanList}
		hang := w.textWidth("- ", st)
		for _, r := range c.Recipients {
			// A wrapped recipient continues under its text, not under the dash.
			sp := parSpec{x: lx, width: lw - cellPadX, hang: hang, align: alignLeft, size: st.size, lineH: lineHeight(st.size, 1)}
			y = stack(&u, layoutWords(w.plainWords(r, st), sp), y)
		}
	}
	ss := style{face: fonts.Bold, size: w.sz.Signature}
	ry := stack(&u, w.lines(c.Signature.Lines, ss, rx, rw, alignCenter), 0)
	if sig := c.Signature; sig.Name != "" || sig.Image != nil || sig.Seal != nil {
		sg := layout.Signature(sig, rw)
		top := ry
		ry = stack(&u, w.lines([]string{sig.Name}, ss, rx, rw, alignCenter), ry+sg.Gap)
		// After the text, so the seal lies over what it touches, as a
		// stamp does; the signature first, the seal over it.
		for i, b := range []layout.Box{sg.Image, sg.Seal} {
			if b.W > 0 {
				u.ops = append(u.ops, op{kind: opImage, level: int32(i), x: rx + b.X, y: top + b.Y, x2: b.W, y2: b.H})
			}
		}
	}
	u.h = math.Max(y, ry)
	return u
}

// appendixTitle is Phụ lục, its title, the italic "(Kèm theo …)" line and
// a short rule.
func (w *writer) appendixTitle(a *docmodel.Appendix, g geom) unit {
	size := w.sz.Body
	bs := style{face: fonts.Bold, size: size}
	is := style{face: fonts.Italic, size: size}
	var u unit
	y := 0.0
	if a.Label != "" {
		y = stack(&u, w.lines([]string{a.Label}, bs, g.left, g.textW(), alignCenter), y)
	}
	y = stack(&u, w.lines(a.Title, bs, g.left, g.textW(), alignCenter), y)
	if a.Subtitle != "" {
		y = stack(&u, w.lines([]string{a.Subtitle}, is, g.left, g.textW(), alignCenter), y)
	}
	if y > 0 {
		ref := math.Max(w.maxWidth(a.Title, bs), w.textWidth(a.Subtitle, is))
		l := math.Max(ruleMinLen, math.Min(ref, g.textW())*0.3)
		u.ops = append(u.ops, hrule(g.left+(g.textW()-l)/2, y+ruleGap, l))
		y += ruleGap
	}
	u.h = y + blockGap
	return u
}
