package xlsxfile

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// DecodeEscapes decodes the escapes of an OOXML string (ECMA-376 Part 1,
// 22.9.2.19 ST_Xstring): "_xHHHH_" with exactly four hexadecimal digits is
// the UTF-16 code unit HHHH, so "_x000D_" is a carriage return and
// "_x005F_" an underscore (which is how a literal "_x0041_" is written:
// "_x005F_x0041_"). A surrogate pair written as two escapes is one
// character; a lone surrogate becomes U+FFFD. Anything else, "_xa_" or
// "_x00G1_", is literal text. The work is linear in len(s): the previous
// reader used a regular expression and string concatenation, quadratic on
// 1.5 million escapes in one cell (issue 16).
func DecodeEscapes(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	i := 0
	var b strings.Builder
	b.Grow(len(s))
	for {
		j := strings.Index(s[i:], "_x")
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		j += i
		u, ok := escapeAt(s, j)
		if !ok {
			b.WriteString(s[i : j+1])
			i = j + 1
			continue
		}
		b.WriteString(s[i:j])
		i = j + 7
		r := rune(u)
		if utf16.IsSurrogate(r) {
			r = utf8.RuneError
			if u < 0xDC00 {
				if lo, ok := escapeAt(s, i); ok && lo >= 0xDC00 && lo <= 0xDFFF {
					r = utf16.DecodeRune(rune(u), rune(lo))
					i += 7
				}
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// HasEscape reports whether s holds an "_xHHHH_" escape as DecodeEscapes
// reads it.
func HasEscape(s string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], "_x")
		if j < 0 {
			return false
		}
		if _, ok := escapeAt(s, i+j); ok {
			return true
		}
		i += j + 1
	}
}

// escapeAt reads an escape "_xHHHH_" at s[i:].
func escapeAt(s string, i int) (uint16, bool) {
	if i+7 > len(s) || s[i] != '_' || s[i+1] != 'x' || s[i+6] != '_' {
		return 0, false
	}
	var u uint16
	for _, c := range []byte(s[i+2 : i+6]) {
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, false
		}
		u = u<<4 | uint16(d)
	}
	return u, true
}
