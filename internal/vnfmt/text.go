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
	// Nearly every text is already NFC and made of ASCII, Latin and the
	// Vietnamese precomposed letters: checking those by range is an order
	// of magnitude faster than norm's table lookups, which cost a
	// noticeable part of a build (the template and its output are a
	// hundred kilobytes each). Anything else goes through norm.
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !stableNFC(r) {
			return norm.NFC.String(s)
		}
		i += n
	}
	return s
}

// stableNFC reports whether r is one of the runes that no NFC string
// changes: quick-check Yes, combining class 0 and combining with nothing
// before it (TestStableNFC checks each against norm). A string of such
// runes is NFC as it is (UAX #15, quick check).
func stableNFC(r rune) bool {
	switch {
	case r < 0x300: // Latin-1, Latin Extended-A and -B, IPA, spacing modifiers
		return true
	case r >= 0x1E00 && r <= 0x1EFF: // Latin Extended Additional: ạ ả ấ … ỹ
		return true
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205E: // dashes, quotes, …, ‰
		return true
	case r >= 0xE000 && r <= 0xF8FF: // private use: package markdown's literal and source marks
		return true
	}
	return false
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
