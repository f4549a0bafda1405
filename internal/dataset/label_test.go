package dataset

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestSimpleLower: in the ranges label lowers rune by rune, cases.Lower
// gives the same, rune by rune and within words.
func TestSimpleLower(t *testing.T) {
	var all []rune
	for r := rune(0); r < 0x1F00; r++ {
		if !simpleLower(r) {
			continue
		}
		all = append(all, r)
		if got, want := string(unicode.ToLower(r)), lowerCase(string(r)); got != want {
			t.Errorf("U+%04X: unicode.ToLower %q, cases.Lower %q", r, got, want)
		}
	}
	// context: every rune after and before a letter and a space
	for _, r := range all {
		for _, s := range []string{"A" + string(r) + "B", string(r) + " Σ", "x " + string(r)} {
			if !strings.ContainsRune(s, 'Σ') {
				if got, want := strings.Map(unicode.ToLower, s), lowerCase(s); got != want {
					t.Errorf("%q: unicode.ToLower %q, cases.Lower %q", s, got, want)
				}
			}
		}
	}
}

// TestLabel: label is the slow form it stands for on labels of every
// shape, including white space, invalid UTF-8 and runes outside the fast
// ranges.
func TestLabel(t *testing.T) {
	slow := func(s string) string { return strings.Join(strings.Fields(lowerCase(strings.TrimSpace(s))), " ") }
	alphabet := []rune("aAăĂâÂbcCdđĐeEêÊgGhHiIİkKlLmnNoOôÔơƠpPqQrRsStTuUưƯvVxXyYáÀẢãẠẤầẨẫẬắẰẳẴặÉèẺẽẸẾềỂễỆíÌỉĨịÓòỎõỌỐồỔỗỘớỜởỠợÚùỦũỤỨừỬữỰýỲỷỸỵ0123456789 ,.:;()*-–\t\u00a0\u3000ΣΑσςß\xff")
	rng := rand.New(rand.NewPCG(3, 4))
	cases := []string{"", " ", "Tổng cộng", "  Cộng   quý III ", "Ghi chú:", "TM. ỦY BAN", "Xã 00001", "İstanbul", "ΣΑΣ", "a\xffb"}
	for range 50000 {
		n := rng.IntN(20)
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		cases = append(cases, string(rs))
	}
	for _, s := range cases {
		if got, want := label(s), slow(s); got != want {
			t.Errorf("label(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestFoldRune: the fold tables' rune-by-rune fold is the transform
// chain's on every rune of their ranges.
func TestFoldRune(t *testing.T) {
	for _, rg := range [][2]rune{{0x80, 0x250}, {0x1E00, 0x1F00}} {
		for r := rg[0]; r < rg[1]; r++ {
			if got, want := foldRune(r), foldRunes(string(r)); got != want {
				t.Errorf("U+%04X: foldRune %q, foldRunes %q", r, got, want)
			}
		}
	}
}

// TestRowLabels: IsTotalLabel and IsNoteLabel answer as their first,
// plain forms (below) on labels built from the words they look for.
func TestRowLabels(t *testing.T) {
	slowLabel := func(s string) string { return strings.Join(strings.Fields(lowerCase(strings.TrimSpace(s))), " ") }
	slowTotal := func(s string) bool {
		l := strings.TrimRight(slowLabel(s), ":.")
		for _, w := range totalWords {
			if l == w || strings.HasPrefix(l, w+" ") || strings.HasPrefix(l, w+":") || strings.HasPrefix(l, w+"(") {
				return true
			}
		}
		f := FoldKey(s)
		for _, w := range totalASCII {
			if l == f && (f == w || strings.HasPrefix(f, w+" ") && w != "cong") {
				return true
			}
		}
		return false
	}
	slowNote := func(s string) bool {
		l := slowLabel(s)
		for _, p := range notePrefix {
			if strings.HasPrefix(l, p) {
				return true
			}
		}
		f := FoldKey(s)
		for _, p := range noteFoldPre {
			if strings.HasPrefix(f, p) {
				return true
			}
		}
		return false
	}
	var pieces []string
	for _, ws := range [][]string{totalWords, totalASCII, notePrefix, noteFoldPre} {
		for _, w := range ws {
			pieces = append(pieces, w, strings.ToUpper(w))
		}
	}
	pieces = append(pieces, " ", "  ", ":", ".", "(", ")", "quý III", "Công an xã", "Tổng", "CỘNG", "x", "\t", "2024")
	rng := rand.New(rand.NewPCG(7, 8))
	for range 50000 {
		var b strings.Builder
		for range 1 + rng.IntN(4) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := IsTotalLabel(s), slowTotal(s); got != want {
			t.Errorf("IsTotalLabel(%q) = %v, want %v", s, got, want)
		}
		if got, want := IsNoteLabel(s), slowNote(s); got != want {
			t.Errorf("IsNoteLabel(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestLabelConcurrent: label is called by the readers of a
// consolidation's unit workbooks at once; under -race this fails if the
// slow path (a Caser) is shared.
func TestLabelConcurrent(t *testing.T) {
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for i := 0; i < 200; i++ {
				if got := label("  TỔNG   CỘNG Σ "); got != "tổng cộng σ" {
					t.Errorf("label = %q", got)
				}
			}
			done <- true
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}
