package docx

import "strings"

// Namespaces of the parts this package writes.
const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
)

// pProps is the direct paragraph formatting this package uses. Fields are
// written in the order CT_PPrBase requires; zero values are omitted, so
// a paragraph carries only what its style does not already say.
type pProps struct {
	style     string
	keepNext  bool
	keepLines bool
	tabs      []int // left tab stops, twips from the text margin
	spacing   *spacing
	ind       *indent
	jc        string // "left", "center", "right", "both"
	markSize  float64
	sect      *sectProps // ends a section: this paragraph is its last
}

type spacing struct{ before, after int }

type indent struct{ left, right, firstLine, hanging int }

func (b *buf) pPr(p pProps) {
	if p.style == "" && !p.keepNext && !p.keepLines && len(p.tabs) == 0 && p.spacing == nil &&
		p.ind == nil && p.jc == "" && p.markSize == 0 && p.sect == nil {
		return
	}
	b.open("w:pPr")
	if p.style != "" {
		b.empty("w:pStyle", "w:val", p.style)
	}
	if p.keepNext {
		b.empty("w:keepNext")
	}
	if p.keepLines {
		b.empty("w:keepLines")
	}
	if len(p.tabs) > 0 {
		b.open("w:tabs")
		for _, t := range p.tabs {
			b.empty("w:tab", "w:val", "left", "w:pos", itoa(t))
		}
		b.close("w:tabs")
	}
	if s := p.spacing; s != nil {
		b.empty("w:spacing", "w:before", itoa(s.before), "w:after", itoa(s.after))
	}
	if in := p.ind; in != nil {
		a := []string{"w:left", itoa(in.left), "w:right", itoa(in.right)}
		switch {
		case in.hanging > 0:
			a = append(a, "w:hanging", itoa(in.hanging))
		case in.firstLine > 0:
			a = append(a, "w:firstLine", itoa(in.firstLine))
		default:
			a = append(a, "w:firstLine", "0")
		}
		b.empty("w:ind", a...)
	}
	if p.jc != "" {
		b.empty("w:jc", "w:val", p.jc)
	}
	if p.markSize > 0 {
		b.open("w:rPr")
		b.empty("w:sz", "w:val", halfPoints(p.markSize))
		b.empty("w:szCs", "w:val", halfPoints(p.markSize))
		b.close("w:rPr")
	}
	if p.sect != nil {
		b.sectPr(*p.sect)
	}
	b.close("w:pPr")
}

// rProps is direct run formatting. Bold and italic are only ever switched
// on: a run that is not bold inherits its style's weight, as the model's
// Text.Bold means "emphasised here", not "force upright".
type rProps struct {
	style  string
	bold   bool
	italic bool
	super  bool
}

func (b *buf) rPr(r rProps) {
	if r == (rProps{}) {
		return
	}
	b.open("w:rPr")
	if r.style != "" {
		b.empty("w:rStyle", "w:val", r.style)
	}
	if r.bold {
		b.empty("w:b")
		b.empty("w:bCs")
	}
	if r.italic {
		b.empty("w:i")
		b.empty("w:iCs")
	}
	if r.super {
		b.empty("w:vertAlign", "w:val", "superscript")
	}
	b.close("w:rPr")
}

// run writes s as one or more runs with the same formatting. A tab or a
// newline in s becomes w:tab or w:br beside the w:t, never inside it:
// consumers drop or mangle control characters inside w:t.
func (b *buf) run(r rProps, s string) {
	if s == "" {
		return
	}
	b.open("w:r")
	b.rPr(r)
	for s != "" {
		i := breakIndex(s)
		seg := s
		if i >= 0 {
			seg = s[:i]
		}
		if seg != "" {
			b.t(seg)
		}
		if i < 0 {
			break
		}
		switch s[i] {
		case '\t':
			b.empty("w:tab")
		case '\n':
			b.empty("w:br")
		default:
			b.empty("w:noBreakHyphen")
		}
		s = s[i+1:]
	}
	b.close("w:r")
}

// breakIndex finds the next tab, newline or hyphen joining two non-space
// characters. Such a hyphen is part of a document symbol ("04/QĐ-UBND-HC",
// "BC-UBND") or a compound ("KT-XH"); Word and LibreOffice would break the
// line after it and split a citation in two, so it is written as a
// non-breaking hyphen. A spaced hyphen (" - ", as in the Tiêu ngữ) stays
// an ordinary character.
func breakIndex(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '\n':
			return i
		case '-':
			if i > 0 && i+1 < len(s) && s[i-1] != ' ' && s[i+1] != ' ' {
				return i
			}
		}
	}
	return -1
}

// t writes a w:t, preserving spaces only where they would otherwise be
// collapsed, so the output stays close to what Word itself writes.
func (b *buf) t(s string) {
	s = strings.ReplaceAll(s, "\r", "")
	if strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") || strings.Contains(s, "  ") {
		b.open("w:t", "xml:space", "preserve")
	} else {
		b.open("w:t")
	}
	b.text(s)
	b.close("w:t")
}

// brRun is a line break inside a paragraph.
func (b *buf) brRun() {
	b.open("w:r")
	b.empty("w:br")
	b.close("w:r")
}

// simpleParagraph writes a paragraph of plain runs.
func (b *buf) simpleParagraph(p pProps, r rProps, text string) {
	b.open("w:p")
	b.pPr(p)
	b.run(r, text)
	b.close("w:p")
}

// lines writes one paragraph holding several lines separated by w:br, so
// a multi-line element (an agency name over two lines, a trích yếu) stays
// one unit for the user who restyles or edits it.
func (b *buf) lines(p pProps, r rProps, lines []string) {
	b.open("w:p")
	b.pPr(p)
	for i, l := range lines {
		if i > 0 {
			b.brRun()
		}
		b.run(r, l)
	}
	b.close("w:p")
}
