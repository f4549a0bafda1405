package pdf

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"baocao/internal/docmodel"
	"baocao/internal/fonts"
	"baocao/internal/render/layout"
)

// Vertical metrics of Liberation Serif (hhea, in ems). Word sets a "single"
// line of Times New Roman at about 1.15 em; using the same figure keeps the
// PDF close to the DOCX the same model produces.
const (
	emAscent   = 0.891
	emDescent  = 0.216
	singleLine = 1.15
	// baseline of a single line below its top: the ascent plus half of
	// the leading that single spacing adds to ascent+descent.
	emBaseline = emAscent + (singleLine-emAscent-emDescent)/2

	// Superscript as Word draws it: two thirds of the size, raised by a
	// third of the base size.
	supScale = 0.65
	supRise  = 0.35

	eps = 1e-6
)

// style is how a piece of text is drawn.
type style struct {
	face fonts.Face
	size float64
	rise float64 // baseline shift upward, for superscripts
}

// piece is text in one style, part of a word.
type piece struct {
	s  string
	st style
	w  float64
}

// word is a box the line breaker never splits (unless it is wider than a
// line): text between two breaking spaces, possibly in several styles, as
// in "năm²," where the footnote mark sits between two regular pieces.
type word struct {
	pieces []piece
	w      float64
	glue   float64 // natural width of the breaking space after the word
	brk    bool    // a forced line break follows
	refs   []int   // footnote numbers referenced inside the word
}

type align int

const (
	alignLeft align = iota
	alignCenter
	alignRight
	alignJustify
)

// lineHeight is the advance of one line of text set at size with the
// given line spacing (1 = single).
func lineHeight(size, spacing float64) float64 { return singleLine * size * spacing }

// baselineIn is the baseline offset inside a line of height h for text of
// the given size; extra leading from line spacing goes above the text, as
// in Word.
func baselineIn(h, size float64) float64 {
	return h - singleLine*size + emBaseline*size
}

// glyphs decides, per face, whether the embedded font can draw a rune. A
// rune the font lacks would print as .notdef at best, so it is replaced
// before measuring; that keeps measuring and drawing in step.
type glyphs struct {
	has [4]map[rune]bool
	// known caches has for the runes of fonts.DenseIndex (nearly every rune
	// drawn): 0 not yet asked, 1 drawable, 2 not.
	known [4][fonts.DenseRunes]uint8
}

func (g *glyphs) ok(f fonts.Face, r rune) bool {
	k := fonts.DenseIndex(r)
	if k >= 0 {
		if v := g.known[f&3][k]; v != 0 {
			return v == 1
		}
	}
	m := g.has[f&3]
	if m == nil {
		m = make(map[rune]bool, 64)
		g.has[f&3] = m
	}
	v, seen := m[r]
	if !seen {
		v = fonts.Has(f, r)
		m[r] = v
	}
	if k >= 0 {
		g.known[f&3][k] = 2
		if v {
			g.known[f&3][k] = 1
		}
	}
	return v
}

// clean makes s safe to draw in face f: white space becomes a plain space
// (so it can break a line), other control characters are dropped, invalid
// UTF-8 and runes the face lacks become '?'.
func (g *glyphs) clean(f fonts.Face, s string) string {
	// Nearly every text is kept as it is: find the first rune that is
	// not, and copy only from there.
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if c < 0x80 || r == utf8.RuneError && n <= 1 || r < 0xa0 || r == 0xfeff || r == 0x200b || r == 0x2028 || r == 0x2029 || !g.ok(f, r) {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n <= 1:
			b.WriteByte('?')
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x2028 || r == 0x2029:
			b.WriteByte(' ')
		case r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0xfeff || r == 0x200b:
			// invisible: drop
		case r < 0x7f:
			b.WriteRune(r)
		case g.ok(f, r):
			b.WriteRune(r)
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

func width(st style, s string) float64 { return fonts.Width(st.face, st.size, s) }

func spaceWidth(st style) float64 { return fonts.Width(st.face, st.size, " ") }

// wordBuilder turns styled runs into words.
type wordBuilder struct {
	g     *glyphs
	words []word
	cur   word
	open  bool
	// br, when set, takes finished lines as the words come, so that the
	// words of a long paragraph are never all held at once.
	br    *breaker
	arena []piece
	// keepSpaces widens the gap after a word by each further space
	// instead of collapsing them: a blank to be filled in ("Số:      /",
	// "ngày    tháng") must keep its width.
	keepSpaces bool
}

// chunk is how many words the builder holds before it hands finished
// lines to its breaker.
const chunk = 2048

func (b *wordBuilder) add(s string, st style) {
	if s == "" {
		return
	}
	w := width(st, s)
	if !b.open {
		b.cur = word{}
		b.open = true
	}
	switch n := len(b.cur.pieces); {
	case n > 0 && b.cur.pieces[n-1].st == st:
		b.cur.pieces[n-1].s += s
		b.cur.pieces[n-1].w += w
	case n == 0:
		// Most words are one piece: take it from a block shared by many
		// words instead of allocating a slice per word. The slice is
		// capped at one, so a second piece moves the word out.
		if len(b.arena) == cap(b.arena) {
			b.arena = make([]piece, 0, min(512, max(8, 2*cap(b.arena))))
		}
		b.arena = append(b.arena, piece{s: s, st: st, w: w})
		k := len(b.arena)
		b.cur.pieces = b.arena[k-1 : k : k]
	default:
		b.cur.pieces = append(b.cur.pieces, piece{s: s, st: st, w: w})
	}
	b.cur.w += w
}

// space ends the open word; repeated spaces collapse into one, and a space
// with no word before it is dropped, as a word processor's justification
// would make it invisible anyway.
func (b *wordBuilder) space(st style) {
	if !b.open {
		if n := len(b.words); b.keepSpaces && n > 0 && !b.words[n-1].brk {
			b.words[n-1].glue += spaceWidth(st)
		}
		return
	}
	b.cur.glue = spaceWidth(st)
	b.words = append(b.words, b.cur)
	b.open = false
	if b.br != nil && len(b.words) >= chunk {
		rest := b.br.lines(b.words, false)
		b.words = b.words[:copy(b.words, rest)]
	}
}

// text adds s (not yet cleaned) in style st.
func (b *wordBuilder) text(s string, st style) {
	s = b.g.clean(st.face, s)
	for len(s) > 0 {
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			b.add(s, st)
			return
		}
		b.add(s[:i], st)
		b.space(st)
		s = s[i+1:]
	}
}

// ref adds a superscript footnote mark to the open word, so the mark stays
// on the line of the word it qualifies.
func (b *wordBuilder) ref(n int, base float64) {
	st := style{face: fonts.Regular, size: base * supScale, rise: base * supRise}
	b.add(strconv.Itoa(n), st)
	b.cur.refs = append(b.cur.refs, n)
}

func (b *wordBuilder) lineBreak() {
	switch {
	case b.open:
		b.cur.brk = true
		b.cur.glue = 0
		b.words = append(b.words, b.cur)
		b.open = false
	case len(b.words) > 0 && !b.words[len(b.words)-1].brk:
		b.words[len(b.words)-1].brk = true
		b.words[len(b.words)-1].glue = 0
	default:
		b.words = append(b.words, word{brk: true}) // an empty line
	}
}

func (b *wordBuilder) finish() []word {
	if b.open {
		b.words = append(b.words, b.cur)
		b.open = false
	}
	if n := len(b.words); n > 0 {
		b.words[n-1].glue = 0
	}
	w := b.words
	b.words = nil
	return w
}

// inlines adds model inline content in a base style; force adds bold or
// italic on top of each run's own style (headings).
func (b *wordBuilder) inlines(in []docmodel.Inline, size float64, forceBold, forceItalic bool) {
	for _, x := range in {
		switch v := x.(type) {
		case docmodel.Text:
			st := style{face: fonts.FaceOf(v.Bold || forceBold, v.Italic || forceItalic), size: size}
			if v.Superscript {
				st.size, st.rise = size*supScale, size*supRise
			}
			b.text(v.Text, st)
		case docmodel.FootnoteRef:
			b.ref(v.Number, size)
		case docmodel.LineBreak:
			b.lineBreak()
		}
	}
}

// parSpec is the geometry of one paragraph.
type parSpec struct {
	x      float64 // left edge of the text block
	width  float64
	indent float64 // first line, from x
	hang   float64 // following lines, from x
	align  align
	size   float64 // base size, sets the line height
	lineH  float64
}

// splitLong cuts words wider than max into pieces that fit, so that a long
// URL or a code in a narrow table column cannot run out of its box.
func splitLong(words []word, max float64) []word {
	long := false
	for i := range words {
		if words[i].w > max+eps {
			long = true
			break
		}
	}
	if !long || max <= 0 {
		return words
	}
	out := make([]word, 0, len(words)+4)
	for _, wd := range words {
		if wd.w <= max+eps {
			out = append(out, wd)
			continue
		}
		var cur word
		for _, p := range wd.pieces {
			start := 0
			pw := 0.0
			for i, r := range p.s {
				rw := width(p.st, string(r))
				if cur.w+pw+rw > max+eps && (cur.w+pw > 0) {
					if i > start {
						cur.pieces = append(cur.pieces, piece{s: p.s[start:i], st: p.st, w: pw})
						cur.w += pw
					}
					out = append(out, cur)
					cur = word{}
					start, pw = i, 0
				}
				pw += rw
			}
			if start < len(p.s) {
				cur.pieces = append(cur.pieces, piece{s: p.s[start:], st: p.st, w: pw})
				cur.w += pw
			}
		}
		cur.glue, cur.brk, cur.refs = wd.glue, wd.brk, wd.refs
		out = append(out, cur)
	}
	return out
}

// layoutWords breaks words into lines (greedy first fit: Vietnamese is
// written in short syllables and never hyphenated, so first fit already
// gives even lines) and returns one unit per line. The last line of a
// justified paragraph, and a line ended by a forced break, are set left.
func layoutWords(words []word, sp parSpec) []unit {
	return layoutWordsIn(words, sp, nil)
}

// layoutWordsIn is layoutWords with the lines' operations taken from a.
func layoutWordsIn(words []word, sp parSpec, a *opArena) []unit {
	if len(words) == 0 {
		return []unit{{h: sp.lineH}}
	}
	br := newBreaker(sp)
	br.ops = a
	br.lines(words, true)
	return br.units
}

// breaker is the line breaker's state across the chunks of one
// paragraph. First fit decides a line from its own words alone, so the
// words of finished lines can be dropped as the paragraph is read: a
// paragraph of any length needs words for one chunk at a time, not for
// the whole text (a 10 MB cell once took 900 MB).
type breaker struct {
	sp    parSpec
	base  float64
	first bool
	units []unit
	spans []lineSpan // the lines of the chunk lines is breaking
	// ops, when set, holds the lines' operations in blocks shared by
	// many lines instead of one slice per line.
	ops *opArena
	// arena, when set, is where units was started: finishLines keeps
	// the paragraph's lines there.
	arena *unitArena
}

// unitArena hands out the lines of many paragraphs from shared blocks. A
// paragraph's lines are appended at the free end of the block, which
// keeps them when the paragraph ends; a paragraph that outgrows the
// block moves out on its own, as any append does. Each paragraph's slice
// is capped at its length, so appending to it moves it out instead of
// writing over the next paragraph.
type unitArena struct {
	block []unit
}

// unitBlock is how many lines one block holds.
const unitBlock = 256

// start returns an empty slice at the block's free end.
func (a *unitArena) start() []unit {
	if cap(a.block)-len(a.block) < 16 {
		a.block = make([]unit, 0, unitBlock)
	}
	n := len(a.block)
	return a.block[n:n]
}

// keep ends the lines us begun by start: when they are still in the
// block, the block keeps them.
func (a *unitArena) keep(us []unit) []unit {
	n := len(a.block)
	if len(us) > 0 && cap(a.block)-n >= len(us) && &a.block[:n+1][n] == &us[0] {
		a.block = a.block[:n+len(us)]
	}
	return us[:len(us):len(us)]
}

// opArena hands out the operations of many lines from shared blocks: a
// line is set in scratch, then copied to the block at its exact length.
// Each line's slice is capped at its length, so appending to it (a
// heading's bookmark) moves it out instead of writing over the next line.
type opArena struct {
	scratch []op
	block   []op
}

// opBlock is how many operations one block holds.
const opBlock = 512

func (a *opArena) keep(ops []op) []op {
	n := len(ops)
	if n == 0 {
		return nil
	}
	if cap(a.block)-len(a.block) < n {
		a.block = make([]op, 0, max(opBlock, n))
	}
	a.block = append(a.block, ops...)
	k := len(a.block)
	return a.block[k-n : k : k]
}

// finishLines ends the paragraph b has been building with its breaker
// and returns all of its lines.
func (b *wordBuilder) finishLines() []unit {
	words := b.finish()
	if len(words) == 0 && len(b.br.units) == 0 {
		return []unit{{h: b.br.sp.lineH}}
	}
	b.br.lines(words, true)
	b.words = words[:0] // for the caller to reuse
	if b.br.arena != nil {
		return b.br.arena.keep(b.br.units)
	}
	return b.br.units
}

func newBreaker(sp parSpec) *breaker {
	return &breaker{sp: sp, base: baselineIn(sp.lineH, sp.size), first: true}
}

// lines sets the lines of words. Unless final, the words of a last line
// that more words could still fill are not set but returned, to be
// passed again at the front of the next chunk; so are those of the full
// line before it, which the line after may still take words from (see
// relieve).
func (br *breaker) lines(words []word, final bool) (rest []word) {
	sp := br.sp
	words = splitLong(words, sp.width-math.Max(sp.indent, sp.hang))
	br.spans = br.spans[:0]
	first := br.first
	for i := 0; i < len(words); first = false {
		lead := sp.hang
		if first {
			lead = sp.indent
		}
		avail := sp.width - lead
		j, natural := i, 0.0
		for j < len(words) {
			add := words[j].w
			if j > i {
				add += words[j-1].glue
			}
			if j > i && natural+add > avail+eps {
				break
			}
			natural += add
			j++
			if words[j-1].brk {
				break
			}
		}
		if !final && j == len(words) && !words[j-1].brk {
			// Hold back this line, and the full one before it unless a
			// forced break ends that one.
			if n := len(br.spans); n > 0 && !words[br.spans[n-1].j-1].brk {
				br.spans = br.spans[:n-1]
				i = br.spans0(n - 1)
			}
			br.relieve(words)
			br.emitSpans(words)
			return words[i:]
		}
		br.spans = append(br.spans, lineSpan{i: i, j: j, lead: lead, avail: avail, natural: natural, last: j == len(words) || words[j-1].brk})
		i = j
	}
	br.relieve(words)
	br.emitSpans(words)
	return nil
}

// lineSpan is one line of a chunk before it is set: words[i:j].
type lineSpan struct {
	i, j        int
	lead, avail float64
	natural     float64
	last        bool // set ragged: the paragraph's last line, or one a forced break ends
}

// spans0 is where span k starts (the start of the chunk's words when k is 0).
func (br *breaker) spans0(k int) int {
	if k == 0 {
		return 0
	}
	return br.spans[k-1].j
}

// tooLoose is the widening of each space, in ems, past which a justified
// line is worth fuller lines above it: first fit leaves a line that
// cannot take the long code after it (a document number, a date) with
// spaces a word wide.
const tooLoose = 0.5

// looseness is the widening of each space of a justified line, in ems;
// zero for a line set ragged or with one word.
func (br *breaker) looseness(words []word, s lineSpan) float64 {
	if s.last || s.j-s.i < 2 {
		return 0
	}
	return (s.avail - s.natural) / float64(s.j-s.i-1) / br.sp.size
}

// relieve moves words down from a line into a justified line below it
// that first fit left too loose, one at a time while the looser of the
// two gets less loose: a little more space in the line above for much
// less in the loose one, as a typist would set them. A line keeps at
// least one word, and a forced break is never moved across.
func (br *breaker) relieve(words []word) {
	if br.sp.align != alignJustify {
		return
	}
	for k := 1; k < len(br.spans); k++ {
		a, b := &br.spans[k-1], &br.spans[k]
		for br.looseness(words, *b) > tooLoose && a.j-a.i >= 2 && !a.last {
			// The words to move: the last of a, with those a word pair
			// ties to it ("Nghị định"), so that the new break is not
			// inside one.
			g := a.j - 1
			for g > a.i+1 && layout.Tied(words[g-1].text(), words[g].text()) {
				g--
			}
			if g == a.i {
				break
			}
			na, nb := *a, *b
			na.j, nb.i = g, g
			// a loses the moved words and the spaces before each; b gains
			// them and the spaces after each.
			moved := 0.0
			for m := g; m < a.j; m++ {
				moved += words[m].w
			}
			na.natural -= moved + words[g-1].glue
			for m := g; m < a.j-1; m++ {
				na.natural -= words[m].glue
			}
			for m := g; m < a.j; m++ {
				nb.natural += words[m].w + words[m].glue
			}
			if nb.natural > b.avail+eps {
				break
			}
			if max(br.looseness(words, na), br.looseness(words, nb)) >= max(br.looseness(words, *a), br.looseness(words, *b)) {
				break
			}
			*a, *b = na, nb
		}
	}
}

// emitSpans sets the lines of the chunk.
func (br *breaker) emitSpans(words []word) {
	for _, s := range br.spans {
		br.emit(words[s.i:s.j], s.lead, s.avail, s.natural, s.last)
		br.first = false
	}
	br.spans = br.spans[:0]
}

// emit sets one line of words, lead points in from the block's left edge.
func (br *breaker) emit(words []word, lead, avail, natural float64, last bool) {
	u := unit{h: br.sp.lineH}
	n := 0
	for k := range words {
		n += len(words[k].pieces)
	}
	if a := br.ops; a != nil {
		a.scratch = placeLine(a.scratch[:0], words, br.sp.x+lead, avail, natural, br.base, br.sp.align, last)
		u.ops = a.keep(a.scratch)
		clear(a.scratch) // drop its strings
	} else {
		u.ops = placeLine(make([]op, 0, n), words, br.sp.x+lead, avail, natural, br.base, br.sp.align, last)
	}
	for k := range words {
		u.refs = append(u.refs, words[k].refs...)
	}
	br.units = append(br.units, u)
}

func (wd *word) text() string {
	if len(wd.pieces) == 1 {
		return wd.pieces[0].s
	}
	var b strings.Builder
	for _, p := range wd.pieces {
		b.WriteString(p.s)
	}
	return b.String()
}

// Costs of the balanced breaker, in units of a squared share of the line
// left empty: a full line costs 0, a line empty to its half 0.25.
const (
	costLine     = 1.0   // each line: fewer lines win over evener ones
	costTied     = 100.0 // a break inside a listed word pair, a number or a label
	costLoneWord = 10.0  // one word alone on the last line of several
	bonusPhrase  = 0.1   // a break after a comma, a semicolon or a colon
)

// balancedLayout breaks a title or a heading into lines the way a typist
// would set it, not first fit: it never breaks inside a word pair
// [layout.Tied] lists, a number or a code where another break exists,
// prefers breaks between phrases, and never leaves one word alone on the
// last line. With even set (centred text) it also evens out the lines'
// lengths, the last line included; otherwise only the lines before the
// last are asked to be full, as justification needs. A title has a few
// dozen words, so the minimum over all breaks (Knuth and Plass's dynamic
// programme, without hyphenation or stretch classes) costs nothing; a
// library for it (the Go ports of the TeX breaker) would bring
// hyphenation patterns Vietnamese does not use.
func balancedLayout(words []word, sp parSpec, even bool) []unit {
	if len(words) == 0 {
		return []unit{{h: sp.lineH}}
	}
	br := newBreaker(sp)
	words = splitLong(words, sp.width-math.Max(sp.indent, sp.hang))
	texts := make([]string, len(words))
	for i := range words {
		texts[i] = words[i].text()
	}
	for start := 0; start < len(words); {
		end := start
		for end < len(words)-1 && !words[end].brk {
			end++
		}
		end++ // words[start:end] is one run between forced breaks
		br.balanceRun(words[start:end], texts[start:end], even)
		start = end
	}
	return br.units
}

// blankAfter reports whether the gap after wd is a blank to be filled in
// ("ngày    tháng"), which a line break would hide.
func blankAfter(wd *word) bool {
	n := len(wd.pieces)
	return n > 0 && wd.glue > 1.5*spaceWidth(wd.pieces[n-1].st)
}

func (br *breaker) balanceRun(words []word, texts []string, even bool) {
	sp := br.sp
	n := len(words)
	best := make([]float64, n+1)
	next := make([]int, n+1)
	// Whether a break before word j is tied or between phrases depends on
	// j alone: it is asked once here, not once for every line that could
	// end there.
	tied := make([]bool, n)
	phrase := make([]bool, n)
	for j := 1; j < n; j++ {
		tied[j] = layout.Tied(texts[j-1], texts[j]) || blankAfter(&words[j-1])
		phrase[j] = layout.PhraseBreak(texts[j-1], texts[j])
	}
	for i := n - 1; i >= 0; i-- {
		best[i] = math.Inf(1)
		lead := sp.hang
		if i == 0 && br.first {
			lead = sp.indent
		}
		avail := sp.width - lead
		natural := 0.0
		for j := i + 1; j <= n; j++ {
			natural += words[j-1].w
			if j-1 > i {
				natural += words[j-2].glue
			}
			if natural > avail+eps && j > i+1 {
				break
			}
			last := j == n
			c := costLine
			r := math.Max(0, avail-natural) / avail
			if !last || even {
				c += r * r
			}
			if last && j-i == 1 && n > 1 {
				c += costLoneWord
			}
			if !last {
				if tied[j] {
					c += costTied
				}
				if phrase[j] {
					c -= bonusPhrase
				}
			}
			if c+best[j] < best[i] {
				best[i], next[i] = c+best[j], j
			}
		}
	}
	for i := 0; i < n; {
		j := next[i]
		lead := sp.hang
		if br.first {
			lead = sp.indent
		}
		natural := 0.0
		for k := i; k < j; k++ {
			natural += words[k].w
			if k < j-1 {
				natural += words[k].glue
			}
		}
		br.emit(words[i:j], lead, sp.width-lead, natural, j == n)
		br.first = false
		i = j
	}
}

// placeLine emits the text operations of one line. Justification widens
// only the breaking spaces; runs in one style that stay at their natural
// spacing are merged into one operation to keep the file small.
func placeLine(ops []op, words []word, x, avail, natural, base float64, al align, last bool) []op {
	free := avail - natural
	stretch := 0.0
	switch al {
	case alignCenter:
		x += free / 2
	case alignRight:
		x += free
	case alignJustify:
		if !last && free > 0 {
			n := 0
			for k := 0; k < len(words)-1; k++ {
				if words[k].glue > 0 {
					n++
				}
			}
			if n > 0 {
				stretch = free / float64(n)
			}
		}
	}
	start := len(ops)
	pend := -1 // index of the op that may still grow
	pendEnd := 0.0
	// The text of a merged op is gathered here and made a string once
	// the op is complete: concatenating piece by piece allocated a string
	// per piece, a fifth of the allocations of a write.
	var arr [256]byte
	merged, joined := arr[:0], false
	closePend := func() {
		if joined {
			ops[pend].s = string(merged)
			merged, joined = merged[:0], false
		}
	}
	for k, wd := range words {
		for pi, p := range wd.pieces {
			gapIsSpace := pi == 0 && k > 0 && words[k-1].glue > 0
			if pend >= start {
				o := &ops[pend]
				same := o.face == p.st.face && o.size == p.st.size && o.rise == p.st.rise
				switch {
				case same && !gapIsSpace && math.Abs(x-pendEnd) < eps:
					if !joined {
						merged, joined = append(merged, o.s...), true
					}
					merged = append(merged, p.s...)
					pendEnd = x + p.w
					x += p.w
					continue
				case same && gapIsSpace && stretch == 0 && math.Abs(x-pendEnd-spaceWidth(p.st)) < 1e-3:
					if !joined {
						merged, joined = append(merged, o.s...), true
					}
					merged = append(append(merged, ' '), p.s...)
					pendEnd = x + p.w
					x += p.w
					continue
				}
				closePend()
			}
			ops = append(ops, op{kind: opText, x: x, y: base - p.st.rise, s: p.s, face: p.st.face, size: p.st.size, rise: p.st.rise})
			pend = len(ops) - 1
			pendEnd = x + p.w
			x += p.w
		}
		if wd.glue > 0 {
			x += wd.glue + stretch
		}
	}
	if pend >= start {
		closePend()
	}
	return ops
}
