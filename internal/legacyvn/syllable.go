package legacyvn

import (
	"strings"
	"unicode"
)

// Phonotactics of a native Vietnamese syllable, enough to tell a word that
// reads as Vietnamese from mojibake or a Western word. Not a dictionary: it
// accepts some syllables that do not exist.

var onsets = []string{
	"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
}

var codas = []string{"ng", "nh", "ch", "c", "m", "n", "p", "t", ""}

// nucleusKind: 1 = no coda allowed, 2 = coda required, 3 = either.
var nuclei = map[string]int{
	"a": 3, "ă": 2, "â": 2, "e": 3, "ê": 3, "i": 3, "o": 3, "ô": 3, "ơ": 3,
	"u": 3, "ư": 3, "y": 3,
	"ai": 1, "ao": 1, "au": 1, "ay": 1, "âu": 1, "ây": 1, "eo": 1, "êu": 1,
	"ia": 1, "iê": 2, "iu": 1, "oa": 3, "oă": 2, "oe": 3, "oi": 1, "oo": 2,
	"ôi": 1, "ơi": 1, "ua": 1, "uâ": 2, "uê": 3, "ui": 1, "uô": 2, "uơ": 1,
	"uy": 3, "ưa": 1, "ưi": 1, "ưu": 1, "ươ": 2, "yê": 2,
	"iêu": 1, "yêu": 1, "oai": 1, "oao": 1, "oay": 1, "oeo": 1, "uây": 1,
	"uôi": 1, "ươi": 1, "ươu": 1, "uya": 1, "uyê": 2, "uyu": 1,
}

// validSyllable reports whether word (NFC, any case) has the shape of one
// native Vietnamese syllable: onset, vowel nucleus, coda, at most one tone,
// and only the acute or dot tone before a stop coda (c, ch, p, t).
func validSyllable(word string) bool {
	var b strings.Builder
	tone := int8(toneNone)
	n := 0
	for _, r := range word {
		r = unicode.ToLower(r)
		n++
		if n > 8 {
			return false
		}
		if vi, ok := toneOf[r]; ok {
			if vi.tone != toneNone {
				if tone != toneNone {
					return false
				}
				tone = vi.tone
			}
			b.WriteRune(vi.base)
			continue
		}
		switch {
		case r == 'đ':
		case r >= 'a' && r <= 'z' && r != 'f' && r != 'j' && r != 'w' && r != 'z':
		default:
			return false
		}
		b.WriteRune(r)
	}
	base := b.String()
	for _, on := range onsets {
		rest, ok := strings.CutPrefix(base, on)
		if !ok {
			continue
		}
		for _, co := range codas {
			nuc, ok := strings.CutSuffix(rest, co)
			if !ok {
				continue
			}
			kind := nuclei[nuc]
			if kind == 0 && on == "gi" && nuc == "" {
				kind = 3 // gì, gìn: the i of gi is the nucleus
			}
			if kind == 0 || (kind == 1 && co != "") || (kind == 2 && co == "") {
				continue
			}
			if on == "qu" && (nuc == "" || nuc[0] == 'u') {
				continue
			}
			switch co {
			case "c", "ch", "p", "t":
				if tone != toneAcute && tone != toneDot {
					continue
				}
			}
			return true
		}
	}
	return false
}
