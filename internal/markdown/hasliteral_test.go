package markdown

import (
	"strings"
	"testing"
)

// TestHasLiteral checks the byte search against the rune-by-rune
// definition it replaced, on text with and without literals and marks,
// next to other characters that share their lead byte.
func TestHasLiteral(t *testing.T) {
	slow := func(s string) bool { return strings.IndexFunc(s, isLitRune) >= 0 }
	tests := []string{
		"", "Ủy ban nhân dân", Literal("61,88"), "a" + Literal("x"),
		string(rune(srcOpen)) + "3" + string(rune(srcClose)),
		"\uE105", "\uE0FF", "\uEFFF", "\uE000", "\uED00\uE104",
		"\xEE", "\xEE\x80", "ab\xEE\x84\x84", "ab\xEE\x84\x85", "\xEE\xEE\x80\x80",
		"Tỷ lệ 99,48% \uF8FF", string([]byte{0xEE, 0x84}),
	}
	for _, s := range tests {
		if got, want := HasLiteral(s), slow(s); got != want {
			t.Errorf("HasLiteral(%q) = %v, want %v", s, got, want)
		}
	}
}
