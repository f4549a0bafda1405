package legacyvn

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Test-only encoders Unicode → legacy, built by inverting the package
// tables, to generate legacy input for round trips.

var tcvn3Enc = func() map[rune]rune {
	m := map[rune]rune{}
	for b, r := range tcvn3 {
		if r != 0 {
			m[r] = rune(b)
		}
	}
	return m
}()

// encodeTCVN3 encodes s for a VN3 font; ok is false if s has a letter VN3
// cannot hold (a capital with a tone).
func encodeTCVN3(s string) (string, bool) {
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case tcvn3Enc[r] != 0:
			b.WriteRune(tcvn3Enc[r])
		default:
			return "", false
		}
	}
	return b.String(), true
}

func invert(m map[rune]int8) map[int8]rune {
	out := map[int8]rune{}
	for r, t := range m {
		out[t] = r
	}
	return out
}

var (
	vniToneEnc  = invert(vniTone)
	vniCircEnc  = invert(vniCirc)
	vniBreveEnc = invert(vniBreve)
	vniSingle   = func() map[rune]rune {
		m := map[rune]rune{}
		for b, r := range vniLetter {
			m[r] = b
		}
		return m
	}()
)

func vniUpper(r rune, up bool) rune {
	if up {
		return unicode.ToUpper(r)
	}
	return r
}

// encodeVNI encodes s in VNI-Windows; every Vietnamese letter is
// representable.
func encodeVNI(s string) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		lr := unicode.ToLower(r)
		up := lr != r
		vi, isVowel := toneOf[lr]
		if !isVowel || (vi.tone == toneNone && lr < 0x80) {
			if enc, ok := vniSingle[lr]; ok && lr != 'ì' && lr != 'í' {
				b.WriteRune(vniUpper(enc, up))
			} else {
				b.WriteRune(r)
			}
			continue
		}
		if enc, ok := vniSingle[lr]; ok { // ỉ ĩ ị ỵ ì í
			b.WriteRune(vniUpper(enc, up))
			continue
		}
		switch vi.base {
		case 'â', 'ê', 'ô':
			base := map[rune]rune{'â': 'a', 'ê': 'e', 'ô': 'o'}[vi.base]
			b.WriteRune(vniUpper(base, up))
			b.WriteRune(vniUpper(vniCircEnc[vi.tone], up))
		case 'ă':
			b.WriteRune(vniUpper('a', up))
			b.WriteRune(vniUpper(vniBreveEnc[vi.tone], up))
		default:
			base := vi.base
			if enc, ok := vniSingle[base]; ok { // ơ ư
				base = enc
			}
			b.WriteRune(vniUpper(base, up))
			if vi.tone != toneNone {
				b.WriteRune(vniUpper(vniToneEnc[vi.tone], up))
			}
		}
	}
	return b.String()
}

// allLetters returns every Vietnamese letter, lower-case then upper-case:
// the 12 vowels × 6 tones and đ.
func allLetters() (lower, upper []rune) {
	for _, row := range vowels {
		lower = append(lower, row[:]...)
	}
	lower = append(lower, 'đ')
	for _, r := range lower {
		upper = append(upper, unicode.ToUpper(r))
	}
	return lower, upper
}
