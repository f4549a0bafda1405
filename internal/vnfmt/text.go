package vnfmt

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// A cases.Caser keeps state between calls and must not be shared between
// goroutines, so each call builds its own; it is cheap next to the work.

// NFC returns s in Unicode normalisation form C, the precomposed form that
// TCVN 6909:2001 and ND 30's own files use.
func NFC(s string) string {
	return norm.NFC.String(s)
}

// Upper returns s in upper case with Vietnamese rules and NFC output:
// "thành phố Sa Đéc" → "THÀNH PHỐ SA ĐÉC". Decomposed input gives the same
// result as precomposed input.
func Upper(s string) string {
	return norm.NFC.String(cases.Upper(language.Vietnamese).String(norm.NFC.String(s)))
}

// Lower returns s in lower case with Vietnamese rules and NFC output.
func Lower(s string) string {
	return norm.NFC.String(cases.Lower(language.Vietnamese).String(norm.NFC.String(s)))
}

// Capitalize upper-cases the first letter of s and leaves the rest as it is
// ("ủy ban nhân dân tỉnh" → "Ủy ban nhân dân tỉnh"), so proper names and
// abbreviations further on keep their case. Leading spaces and punctuation
// such as quotes or brackets are skipped ("“ủy ban" → "“Ủy ban"); if the
// first letter or digit is a digit, s is returned unchanged apart from NFC.
func Capitalize(s string) string {
	s = norm.NFC.String(s)
	for i, r := range s {
		if unicode.IsDigit(r) {
			return s
		}
		if !unicode.IsLetter(r) {
			continue
		}
		n := utf8.RuneLen(r)
		// NFC again so the result is NFC whatever the case tables return.
		return norm.NFC.String(s[:i] + cases.Upper(language.Vietnamese).String(s[i:i+n]) + s[i+n:])
	}
	return s
}
