package legacyvn

import (
	"unicode"
	"unicode/utf8"
)

// analysis is the evidence Detect and Fix weigh. Only words of two or more
// runes holding a non-ASCII rune ("marked" words) count: one-letter words
// ("â", "ü") are too weak either way.
type analysis struct {
	enc      Encoding // the better legacy reading; Unicode when tied or none
	marked   int      // marked words
	okU      int      // marked words that read as Vietnamese unconverted
	okBy     [2]int   // marked words that read as Vietnamese after TCVN3, VNI
	gainBy   [2]int   // … and do not unconverted
	distinct [2]int   // distinct gained words
	strong   [2]bool  // a gained word has a letter outside Latin-1 (not đ)
	longest  int      // runes in the longest marked word
	foreign  bool     // some marked word has a non-ASCII rune that is no Vietnamese letter (µ, Ö, ø, ñ …)
}

func index(e Encoding) int {
	if e == VNI {
		return 1
	}
	return 0
}

// looksUnicode reports text that a legacy font tags but that was retyped
// in Unicode: every marked word reads as Vietnamese as it is, and some
// would not after conversion from e ("Núi" in .VnTime would become "Nỳi",
// no syllable).
func (a analysis) looksUnicode(e Encoding) bool {
	return a.marked > 0 && a.okU == a.marked && a.okBy[index(e)] < a.marked
}

// Detect guesses the encoding of s when no font tells it. Text holding a
// rune no legacy text can hold (ư, ộ, a combining mark …), plain ASCII,
// English or other Western text gives Unicode. It answers TCVN3 or VNI only
// when the text has a rune foreign to Vietnamese (µ, Ö, ø, ñ …) and,
// counting words of two or more letters with a non-ASCII rune, at least
// 75% read as Vietnamese syllables after conversion, at least half read so
// only after conversion ("gained"), and either two different words are
// gained, or one is, all read as Vietnamese, and the gained word has three
// or more letters and a foreign rune that turns into a letter outside
// Latin-1 ("ViÖt Nam" → "Việt Nam"). Ties between TCVN3 and VNI give
// Unicode. Detect never answers TCVN3Upper: the capitals font cannot be
// told from the bytes.
func Detect(s string) Encoding {
	a := analyze(s)
	if a.confident(false) {
		return a.enc
	}
	return Unicode
}

// confident applies Detect's thresholds, or Fix's stricter ones.
func (a analysis) confident(strict bool) bool {
	if a.enc == Unicode || a.marked == 0 {
		return false
	}
	i := index(a.enc)
	ok, gain := a.okBy[i], a.gainBy[i]
	if !a.foreign || ok*4 < a.marked*3 || gain*2 < a.marked {
		return false
	}
	if strict {
		return a.distinct[i] >= 2 && ok*10 >= a.marked*9 && gain*10 >= a.marked*6
	}
	return a.distinct[i] >= 2 || (gain == 1 && ok == a.marked && a.strong[i] && a.longest >= 3)
}

func isWordRune(r rune) bool {
	return (r >= 0xA1 && r <= 0xFF) || unicode.IsLetter(r)
}

// isForeign reports a non-ASCII rune that no Vietnamese word holds.
func isForeign(r rune) bool {
	if r < 0x80 || r == 'đ' || r == 'Đ' {
		return false
	}
	_, ok := toneOf[unicode.ToLower(r)]
	return !ok
}

func analyze(s string) analysis {
	var a analysis
	if !legacyRepresentable(s) {
		return a
	}
	var seen [2]map[string]bool
	start := -1
	marked := false
	word := func(end int) {
		if start < 0 {
			return
		}
		w := s[start:end]
		start = -1
		n := utf8.RuneCountInString(w)
		if !marked || n < 2 {
			return
		}
		a.longest = max(a.longest, n)
		a.marked++
		validU := validSyllable(w)
		if validU {
			a.okU++
		}
		foreign := false
		for _, r := range w {
			if isForeign(r) {
				foreign = true
				break
			}
		}
		a.foreign = a.foreign || foreign
		for i, c := range [2]string{convertTCVN3(w), convertVNI(w)} {
			if !validSyllable(c) {
				continue
			}
			a.okBy[i]++
			if validU {
				continue
			}
			a.gainBy[i]++
			if !seen[i][w] {
				if seen[i] == nil {
					seen[i] = map[string]bool{}
				}
				seen[i][w] = true
				a.distinct[i]++
			}
			if foreign {
				for _, r := range c {
					if r > 0xFF && r != 'đ' && r != 'Đ' {
						a.strong[i] = true
						break
					}
				}
			}
		}
	}
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
				marked = false
			}
			if r >= 0x80 {
				marked = true
			}
			continue
		}
		word(i)
	}
	word(len(s))
	switch {
	case a.gainBy[0] > a.gainBy[1]:
		a.enc = TCVN3
	case a.gainBy[1] > a.gainBy[0]:
		a.enc = VNI
	}
	return a
}
