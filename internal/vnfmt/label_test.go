package vnfmt

import "testing"

func TestRoman(t *testing.T) {
	tests := map[int]string{
		1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 9: "IX", 10: "X", 12: "XII",
		14: "XIV", 40: "XL", 49: "XLIX", 90: "XC", 400: "CD", 1994: "MCMXCIV",
		2025: "MMXXV", 3999: "MMMCMXCIX", 0: "0", -3: "-3", 4000: "4000",
	}
	for n, want := range tests {
		if got := Roman(n); got != want {
			t.Errorf("Roman(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestAlpha(t *testing.T) {
	tests := map[int]string{
		1: "a", 2: "b", 4: "d", 5: "đ", 6: "e", 7: "g", 10: "k", 21: "v", 22: "x", 23: "y",
		24: "aa", 25: "ab", 28: "ađ", 46: "ay", 47: "ba", 23 + 23*23: "yy", 24 + 23*23: "aaa",
		0: "0", -1: "-1",
	}
	for n, want := range tests {
		if got := Alpha(n); got != want {
			t.Errorf("Alpha(%d) = %q, want %q", n, got, want)
		}
	}
	seen := map[string]int{}
	for n := 1; n <= 2000; n++ {
		s := Alpha(n)
		if m, ok := seen[s]; ok {
			t.Fatalf("Alpha(%d) == Alpha(%d) == %q", n, m, s)
		}
		seen[s] = n
	}
}

func TestWordsOrdinalCardinal(t *testing.T) {
	words := map[int]string{
		0: "không", 1: "một", 4: "bốn", 5: "năm", 10: "mười", 11: "mười một", 14: "mười bốn",
		15: "mười lăm", 20: "hai mươi", 21: "hai mươi mốt", 24: "hai mươi bốn", 25: "hai mươi lăm",
		55: "năm mươi lăm", 99: "chín mươi chín", 100: "100", -1: "-1",
	}
	for n, want := range words {
		if got := Words(n); got != want {
			t.Errorf("Words(%d) = %q, want %q", n, got, want)
		}
	}
	ord := map[int]string{
		1: "nhất", 2: "hai", 3: "ba", 4: "tư", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám",
		9: "chín", 10: "mười", 11: "mười một", 21: "hai mươi mốt", 0: "0", -2: "-2", 100: "100",
	}
	for n, want := range ord {
		if got := Ordinal(n); got != want {
			t.Errorf("Ordinal(%d) = %q, want %q", n, got, want)
		}
	}
	card := map[int]string{
		1: "Một", 2: "Hai", 3: "Ba", 4: "Bốn", 5: "Năm", 6: "Sáu", 7: "Bảy", 8: "Tám",
		9: "Chín", 10: "Mười", 11: "Mười một", 15: "Mười lăm", 0: "0", -1: "-1", 100: "100",
	}
	for n, want := range card {
		if got := Cardinal(n); got != want {
			t.Errorf("Cardinal(%d) = %q, want %q", n, got, want)
		}
	}
}
