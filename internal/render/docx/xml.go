package docx

import (
	"bytes"
	"math"
	"strconv"
	"unicode/utf8"
)

// xmlHeader starts every part; Word writes standalone="yes" and some
// consumers (older Word for Mac) are picky about its absence.
const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// buf builds XML by hand. encoding/xml's encoder cannot emit the prefixed
// names WordprocessingML consumers expect (it rewrites namespaces onto
// each element), so parts are written as text with every value escaped
// here and nowhere else.
type buf struct {
	bytes.Buffer
}

// open writes a start tag; attrs are name, value pairs.
func (b *buf) open(tag string, attrs ...string) {
	b.WriteByte('<')
	b.WriteString(tag)
	b.attrs(attrs)
	b.WriteByte('>')
}

// empty writes a self-closing element.
func (b *buf) empty(tag string, attrs ...string) {
	b.WriteByte('<')
	b.WriteString(tag)
	b.attrs(attrs)
	b.WriteString("/>")
}

func (b *buf) close(tag string) {
	b.WriteString("</")
	b.WriteString(tag)
	b.WriteByte('>')
}

// elem writes <tag>text</tag>.
func (b *buf) elem(tag, text string) {
	b.open(tag)
	b.text(text)
	b.close(tag)
}

func (b *buf) attrs(attrs []string) {
	if len(attrs)%2 != 0 {
		panic("docx: odd attribute list") // a programming error in this package
	}
	for i := 0; i < len(attrs); i += 2 {
		b.WriteByte(' ')
		b.WriteString(attrs[i])
		b.WriteString(`="`)
		escape(&b.Buffer, attrs[i+1], true)
		b.WriteByte('"')
	}
}

func (b *buf) text(s string) { escape(&b.Buffer, s, false) }

// escape writes s as XML character data. Characters XML 1.0 cannot carry
// at all (C0 controls other than tab, LF, CR; U+FFFE/U+FFFF; invalid
// UTF-8) are dropped: Word refuses the whole file over one of them, and
// they have no printed form anyway.
func escape(w *bytes.Buffer, s string, attr bool) {
	// Runs of text that need no escaping are copied whole: writing rune
	// by rune was a tenth of the writer's time.
	last := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '<' && c != '>' && c != '&' && (c != '"' || !attr) {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(s[i:]); (r != utf8.RuneError || n > 1) && validXMLRune(r) {
			i += n
			continue
		}
		w.WriteString(s[last:i])
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		last = i
		switch {
		case r == '<':
			w.WriteString("&lt;")
		case r == '>':
			w.WriteString("&gt;")
		case r == '&':
			w.WriteString("&amp;")
		case r == '"' && attr:
			w.WriteString("&quot;")
		case (r == '\t' || r == '\n' || r == '\r') && attr:
			// Attribute-value normalisation would turn them into spaces.
			w.WriteString("&#x")
			w.WriteString(strconv.FormatInt(int64(r), 16))
			w.WriteByte(';')
		case r == utf8.RuneError && n == 1:
		case !validXMLRune(r):
		default:
			w.WriteRune(r)
		}
	}
	w.WriteString(s[last:])
}

func validXMLRune(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

func itoa(n int) string { return strconv.Itoa(n) }

// halfPoints is a font size in the unit of w:sz.
func halfPoints(pt float64) string { return itoa(int(math.Round(pt * 2))) }

// twips converts points to twentieths of a point.
func twips(pt float64) int { return int(math.Round(pt * 20)) }
