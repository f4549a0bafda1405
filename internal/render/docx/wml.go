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
// consumers drop or mangle control characters inside w:t. A hyphen inside a
// số, ký hiệu is followed by a word joiner (joinHyphens).
func (b *buf) run(r rProps, s string) { b.runText(r, joinHyphens(s)) }

// runText is run without joinHyphens, for a line known to fit its width.
func (b *buf) runText(r rProps, s string) {
	if s == "" {
		return
	}
	b.open("w:r")
	b.rPr(r)
	for s != "" {
		i := strings.IndexAny(s, "\t\n")
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
		if s[i] == '\t' {
			b.empty("w:tab")
		} else {
			b.empty("w:br")
		}
		s = s[i+1:]
	}
	b.close("w:r")
}

// wordJoiner (U+2060) forbids a line break on either side of it and has
// no width.
const wordJoiner = "\u2060"

// joinHyphens puts a word joiner after every hyphen that joins two
// non-space characters: such a hyphen is part of a số, ký hiệu
// ("371/BC-UBND", "04/QĐ-UBND-HC") or a compound ("KT-XH"), and Word and
// LibreOffice would otherwise end a line after it and split a citation in
// two. A spaced hyphen (" - ", as in the Tiêu ngữ) stays as it is. (No
// line may break before a hyphen, so one joiner after it is enough.)
//
// The hyphen itself stays ASCII. What was measured (LibreOffice 7.4 text
// export and print, pandoc 2.17 plain text, python-docx 0.8.11; a test
// document placing the code at the line end in 60 lines, and the two
// sample reports):
//   - ASCII hyphen alone: extracts exactly everywhere, but LibreOffice
//     ended a line after it in 6 of the 88 codes of the samples
//     ("04/QĐ-" / "UBND-HC"), and pdftotext then joins the lines without
//     the hyphen ("04/QĐUBND-HC");
//   - w:noBreakHyphen (what the writer did): no break; LibreOffice and
//     pandoc give U+2011, python-docx drops it ("371/BCUBND");
//   - U+2011 in w:t: no break; U+2011 in every extraction;
//   - mc:AlternateContent, w:noBreakHyphen as the w14 choice and "-" as
//     the fallback: LibreOffice takes the choice (U+2011), pandoc and
//     python-docx drop the whole code;
//   - a run property: WordprocessingML has none that forbids a break;
//   - ASCII hyphen and U+2060 (after it, or on both sides; U+FEFF alike):
//     no break in LibreOffice; every extraction has the ASCII hyphen and
//     the invisible joiner beside it ("371/BC-\u2060UBND"), which a search
//     that ignores default-ignorable characters matches and a byte
//     comparison does not; LibreOffice's PDF carries no joiner, so its
//     printed text is exactly "04/QĐ-UBND-HC".
//
// None keeps the line whole and extracts byte for byte, so: the joiner in
// running text, where a line may end anywhere, and the bare code where the
// writer knows the line holds it (the Số line of the header block, see
// headerBlock), so that the document's own number extracts exactly.
// Word honours U+2060 as a zero-width non-breaking character per Unicode;
// that was not tested here (no Word on this machine).
func joinHyphens(s string) string {
	if !strings.Contains(s, "-") {
		return s
	}
	var out strings.Builder
	for i := 0; i < len(s); i++ {
		out.WriteByte(s[i])
		if s[i] == '-' && i > 0 && i+1 < len(s) && !isSpace(s[i-1]) && !isSpace(s[i+1]) {
			out.WriteString(wordJoiner)
		}
	}
	return out.String()
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

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
