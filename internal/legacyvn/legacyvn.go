package legacyvn

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Encoding is the character encoding a run of text was typed in.
type Encoding int

const (
	// Unicode is ordinary Unicode text (TCVN 6909:2001); nothing to convert.
	Unicode Encoding = iota
	// TCVN3 is TCVN 5712:1993 VN3, the ABC fonts (.VnTime, .VnArial …).
	TCVN3
	// TCVN3Upper is TCVN3 typed with an all-capitals "H" font (.VnTimeH,
	// .VnArialH …): the VN3 code points and ASCII letters render as capitals.
	TCVN3Upper
	// VNI is VNI-Windows, the VNI-* fonts (VNI-Times, VNI-Helve …).
	VNI
)

// String returns "Unicode", "TCVN3", "TCVN3Upper" or "VNI".
func (e Encoding) String() string {
	switch e {
	case Unicode:
		return "Unicode"
	case TCVN3:
		return "TCVN3"
	case TCVN3Upper:
		return "TCVN3Upper"
	case VNI:
		return "VNI"
	}
	return "Encoding(" + itoa(int(e)) + ")"
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// abcFaces are the stems of ABC (TCVN3) faces sometimes written without
// their leading dot ("VnTime", "VnArial H").
var abcFaces = []string{
	"Time", "Arial", "Avant", "Bahamas", "Black", "Bodoni", "Book", "Century",
	"Clarendon", "Commercial", "Cooper", "Courier", "Helvet", "Lincoln",
	"Souvenir", "Univers", "Aptima", "Free", "Tifani", "Shelley", "Mystical",
}

// ByFont maps a font name to the encoding of text typed in it:
//   - TCVN3 for ABC fonts: the name starts with "." (".VnTime", ".VnArial
//     Narrow", ".Vn3DH") or is an ABC face without the dot ("VnTime");
//   - TCVN3Upper for the all-capitals ABC fonts, whose name ends in a
//     capital "H" (".VnTimeH", ".VnArialH", ".VnAvantH");
//   - VNI for names starting with "VNI-", "VNI " or "VNI_" in any case
//     ("VNI-Times", "vni-helve");
//   - Unicode otherwise ("Times New Roman", "Arial", "", "VnExpress").
func ByFont(fontName string) Encoding {
	name := strings.TrimSpace(fontName)
	if name == "" {
		return Unicode
	}
	abc := false
	switch {
	case name[0] == '.' && len(name) > 1:
		abc = true
	case strings.HasPrefix(name, "Vn"):
		rest := name[2:]
		for _, f := range abcFaces {
			if strings.HasPrefix(rest, f) {
				abc = true
				break
			}
		}
	}
	if abc {
		if strings.HasSuffix(name, "H") {
			return TCVN3Upper
		}
		return TCVN3
	}
	if len(name) > 4 && strings.EqualFold(name[:3], "VNI") {
		switch name[3] {
		case '-', ' ', '_':
			return VNI
		}
	}
	return Unicode
}

// Convert converts s from encoding e to NFC Unicode. Runes that are not
// letters of e are kept (ASCII, digits, punctuation, other Latin-1).
// Convert(s, Unicode) only normalises s to NFC. Invalid UTF-8 becomes
// U+FFFD.
func Convert(s string, e Encoding) string {
	var out string
	switch e {
	case TCVN3:
		out = convertTCVN3(s)
	case TCVN3Upper:
		out = strings.ToUpper(convertTCVN3(s))
	case VNI:
		out = convertVNI(s)
	default:
		out = strings.ToValidUTF8(s, "\uFFFD")
	}
	return norm.NFC.String(out)
}

// ConvertUpper converts text typed in an all-capitals ABC font (.VnTimeH);
// it is Convert(s, TCVN3Upper).
func ConvertUpper(s string) string { return Convert(s, TCVN3Upper) }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func convertTCVN3(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	for _, r := range s {
		if r < 0x100 && tcvn3[r] != 0 {
			r = tcvn3[r]
		}
		b.WriteRune(r)
	}
	return b.String()
}

func convertVNI(s string) string {
	if isASCII(s) {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		lr, upper := latin1Lower(r)
		var base rune
		switch lr {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			base = lr
		case 'ô':
			base = 'ơ'
		case 'ö':
			base = 'ư'
		}
		if base != 0 {
			out := base
			if i+1 < len(rs) {
				next, _ := latin1Lower(rs[i+1])
				if t, ok := vniCirc[next]; ok && (base == 'a' || base == 'e' || base == 'o') {
					out = compose[circOf(base)][t]
					i++
				} else if t, ok := vniBreve[next]; ok && base == 'a' {
					out = compose['ă'][t]
					i++
				} else if t, ok := vniTone[next]; ok {
					out = compose[base][t]
					i++
				}
			}
			if out == base && base == lr {
				b.WriteRune(r) // plain ASCII vowel, keep as typed
				continue
			}
			if upper {
				out = unicode.ToUpper(out)
			}
			b.WriteRune(out)
			continue
		}
		if l, ok := vniLetter[lr]; ok {
			if upper {
				l = unicode.ToUpper(l)
			}
			b.WriteRune(l)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// circOf returns the circumflex letter of a, e, o.
func circOf(base rune) rune {
	switch base {
	case 'a':
		return 'â'
	case 'e':
		return 'ê'
	}
	return 'ô'
}

// Fix is the reader's entry point for one run of cell text in the font
// fontName. When the font is a legacy one (ByFont ≠ Unicode) the text is
// converted, unless it holds runes no 8-bit legacy text can hold (ư, ộ,
// combining marks …) or every word with a non-ASCII letter already reads
// as Vietnamese and some would not after conversion ("Núi" in .VnTime
// would become "Nỳi"): then it was retyped in Unicode and is kept. Unicode
// text with only Latin-1 letters ("Tòa án") in a legacy font is converted,
// as the font says.
//
// When the font says Unicode, the text is converted only under thresholds
// stricter than Detect's: a rune foreign to Vietnamese, two different
// words that read as Vietnamese only after conversion, ≥ 90% of the words
// with a non-ASCII letter reading as Vietnamese after it and ≥ 60% only
// after it. out is always NFC; enc is the encoding s was read in (Unicode
// when left alone); changed reports out ≠ s.
func Fix(s, fontName string) (out string, enc Encoding, changed bool) {
	enc = ByFont(fontName)
	if enc != Unicode && (!legacyRepresentable(s) || analyze(s).looksUnicode(enc)) {
		enc = Unicode
	}
	if enc == Unicode && mayBeLegacy(s) {
		a := analyze(s)
		if a.confident(true) {
			enc = a.enc
		}
	}
	out = Convert(s, enc)
	return out, enc, out != s
}

// mayBeLegacy reports whether s has a rune that Fix's analysis counts as
// foreign to Vietnamese (isForeign). Without one the analysis can never be
// confident (confident requires a foreign rune in a marked word), so Fix
// skips it: text already in Vietnamese Unicode, which is nearly every
// cell of a workbook, costs one scan instead of a syllable analysis of
// every word under three readings.
func mayBeLegacy(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if isForeign(r) {
			return true
		}
	}
	return false
}
