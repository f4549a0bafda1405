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
		if got, want := string(unicode.ToLower(r)), lower.String(string(r)); got != want {
			t.Errorf("U+%04X: unicode.ToLower %q, cases.Lower %q", r, got, want)
		}
	}
	// context: every rune after and before a letter and a space
	for _, r := range all {
		for _, s := range []string{"A" + string(r) + "B", string(r) + " Σ", "x " + string(r)} {
			if !strings.ContainsRune(s, 'Σ') {
				if got, want := strings.Map(unicode.ToLower, s), lower.String(s); got != want {
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
	slow := func(s string) string { return strings.Join(strings.Fields(lower.String(strings.TrimSpace(s))), " ") }
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
