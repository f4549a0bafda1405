package vnfmt

import (
	"strconv"
	"strings"
)

// Every label function falls back to Arabic digits for numbers it has no
// label for, so a bad count shows up in the document instead of vanishing.

var romanTable = []struct {
	v int
	s string
}{
	{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"},
	{100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"},
	{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"},
}

// Roman returns n (1–3999) in Roman numerals, for Phần and Mục:
// Roman(4) == "IV". Other n give Arabic digits.
func Roman(n int) string {
	if n < 1 || n > 3999 {
		return strconv.Itoa(n)
	}
	var b strings.Builder
	for _, e := range romanTable {
		for n >= e.v {
			b.WriteString(e.s)
			n -= e.v
		}
	}
	return b.String()
}

// alphabet is the Vietnamese alphabet as ND 30 and legal drafting letter
// điểm: Latin letters without f, j, w, z, with đ after d.
var alphabet = []string{
	"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
	"n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
}

// Alpha returns the letter for điểm n: 1 → "a", 5 → "đ", 23 → "y". ND 30
// does not say what follows "y"; Alpha continues as spreadsheet columns do,
// over the same 23 letters (24 → "aa", 25 → "ab", 47 → "ba"), which keeps
// labels unique and in order. n < 1 gives Arabic digits.
func Alpha(n int) string {
	if n < 1 {
		return strconv.Itoa(n)
	}
	var parts []string
	for n > 0 {
		n--
		parts = append(parts, alphabet[n%len(alphabet)])
		n /= len(alphabet)
	}
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteString(parts[i])
	}
	return b.String()
}

var units = []string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}

// Words returns n (0–99) in Vietnamese words, lower case: 15 → "mười lăm",
// 21 → "hai mươi mốt", 24 → "hai mươi bốn". Other n give Arabic digits.
// The tens follow the usual reading rules: "mười" for ten, "mươi" for
// twenty and up; "mốt" for one and "lăm" for five after a ten.
func Words(n int) string {
	switch {
	case n < 0 || n > 99:
		return strconv.Itoa(n)
	case n < 10:
		return units[n]
	}
	tens, unit := n/10, n%10
	head := "mười"
	if tens > 1 {
		head = units[tens] + " mươi"
	}
	switch {
	case unit == 0:
		return head
	case unit == 5:
		return head + " lăm"
	case unit == 1 && tens > 1:
		return head + " mốt"
	}
	return head + " " + units[unit]
}

// Ordinal returns the word after "thứ" for n: 1 → "nhất", 4 → "tư",
// 2 → "hai", 11 → "mười một", as in "Phần thứ nhất", "thứ tư". Ordinals
// differ from [Words] only at 1 and 4. n outside 1–99 gives Arabic digits.
func Ordinal(n int) string {
	switch n {
	case 1:
		return "nhất"
	case 4:
		return "tư"
	}
	if n < 1 {
		return strconv.Itoa(n)
	}
	return Words(n)
}

// Cardinal returns n (1–99) in words with a capital, for enumerations such
// as "Một là, …; Hai là, …". n outside 1–99 gives Arabic digits.
func Cardinal(n int) string {
	if n < 1 {
		return strconv.Itoa(n)
	}
	return Capitalize(Words(n))
}
