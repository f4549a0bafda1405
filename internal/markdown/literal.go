package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Data text (a fact, a cell, an indicator's name) must print as typed
// whatever it holds: "**", "[x](javascript:…)", "&amp;amp;", a leading "#",
// a line "---" under a sentence, "<b>", a table pipe. Escaping it for
// CommonMark would mean knowing every construct the parser may find, and
// the setext underline shows how easily one is missed. Instead a template
// prints data as a literal: the characters that can never take part in
// Markdown syntax (letters, combining marks, digits, the plain space) stay
// as they are, every other byte becomes a private-use character that
// CommonMark reads as an ordinary letter, and two more private-use
// characters open and close the literal. The parser therefore sees a word;
// Read turns the literal back into its text after parsing, in the text
// runs of the document model.
//
// The private-use range U+E000–U+E101 is reserved for this, and
// U+E102–U+E104 for the source marks of figures (see Figure): data
// holding such characters is encoded byte by byte like any other symbol,
// so it cannot forge a literal or a mark.
const (
	litByte  = 0xE000 // + byte value, 0x00–0xFF
	litOpen  = 0xE100
	litClose = 0xE101
)

// Literal returns s in the form Read prints as the text s: no character of
// s can start a heading, a list, emphasis, a link, a table cell or HTML.
// Line breaks in s print as spaces, control and bidirectional-override
// characters are dropped (see Clean).
func Literal(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 6)
	b.WriteRune(litOpen)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError && (r == ' ' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		for _, c := range []byte(s[i : i+n]) {
			b.WriteRune(litByte + rune(c))
		}
		i += n
	}
	b.WriteRune(litClose)
	return b.String()
}

// HasLiteral reports whether s holds a literal or a piece of one.
//
// It looks for the lead byte these characters share in UTF-8 (U+E000–
// U+E104 are EE 80 80 – EE 84 84) and decodes only there, rather than
// every rune of s: the template's text goes through here piece by piece,
// and decoding all of it was a twentieth of building the model.
func HasLiteral(s string) bool {
	for {
		i := strings.IndexByte(s, 0xEE)
		if i < 0 {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(s[i:]); isLitRune(r) {
			return true
		}
		s = s[i+1:]
	}
}

func isLitRune(r rune) bool { return r >= litByte && r <= srcClose }

// Resolve turns the literals of s back into their text, cleaned as Clean
// does, and drops the source marks of figures (plain text such as the
// front matter has no place for a source); the rest of s is kept. A literal cut by a template function
// (printf "%.3s") resolves as far as it goes.
func Resolve(s string) string {
	if !HasLiteral(s) {
		return s
	}
	if hasMarks([]byte(s)) {
		b, _ := stripMarks([]byte(s))
		s = string(b)
	}
	var out, lit []byte
	in := false
	flush := func() {
		out = append(out, Clean(string(lit))...)
		lit = lit[:0]
	}
	for _, r := range s {
		switch {
		case r == litOpen:
			if in {
				flush()
			}
			in = true
		case r == litClose:
			flush()
			in = false
		case r >= litByte && r < litByte+0x100:
			lit = append(lit, byte(r-litByte))
			if !in {
				// A stray encoded byte: part of a cut literal.
				in = true
			}
		case in:
			lit = utf8.AppendRune(lit, r)
		default:
			out = utf8.AppendRune(out, r)
		}
	}
	flush()
	return string(out)
}

// Clean is what becomes of data text in a document: invalid UTF-8 is
// replaced, a line break (with the spaces around it) or a tab prints as
// one space, as a line break inside a Markdown paragraph does, and control
// characters and the bidirectional controls (which can make text read in
// another order than it is stored) are dropped. Nothing else changes.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	b := make([]byte, 0, len(s))
	brk := false
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029:
			brk = true
			continue
		case unicode.IsControl(r) || isBidiControl(r):
			continue
		case brk && r == ' ':
			continue
		}
		if brk {
			for len(b) > 0 && b[len(b)-1] == ' ' {
				b = b[:len(b)-1]
			}
			if len(b) > 0 {
				b = append(b, ' ')
			}
			brk = false
		}
		b = utf8.AppendRune(b, r)
	}
	if brk && len(b) > 0 && b[len(b)-1] != ' ' {
		b = append(b, ' ')
	}
	return string(b)
}

func isClean(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) || isBidiControl(r) || r == 0x2028 || r == 0x2029 {
			return false
		}
	}
	return true
}

// isBidiControl: the embedding, override and isolate controls and the
// directional marks. Vietnamese never needs them.
func isBidiControl(r rune) bool {
	return r == 0x061C || r == 0x200E || r == 0x200F || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}
