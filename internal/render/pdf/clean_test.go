package pdf

import (
	"strings"
	"testing"
	"unicode/utf8"

	"baocao/internal/fonts"
)

// TestClean compares clean with the rune-by-rune form it replaced, on
// texts it keeps whole and texts it must change: white space, controls,
// invisible marks, invalid UTF-8 and runes the face lacks.
func TestClean(t *testing.T) {
	ref := func(g *glyphs, f fonts.Face, s string) string {
		var b strings.Builder
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			i += n
			switch {
			case r == utf8.RuneError && n <= 1:
				b.WriteByte('?')
			case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x2028 || r == 0x2029:
				b.WriteByte(' ')
			case r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0xfeff || r == 0x200b:
			case r < 0x7f:
				b.WriteRune(r)
			case g.ok(f, r):
				b.WriteRune(r)
			default:
				b.WriteByte('?')
			}
		}
		return b.String()
	}
	var g glyphs
	for _, s := range []string{
		"", "plain ASCII", "Ủy ban nhân dân huyện Thạch An", "tab\tnew\nline\r", "ctl\x01\x7fdel",
		"c1\u0085\u009f", "bom\ufeffzw\u200bsep\u2028para\u2029", "bad\xff\xfe", "lacks 漢字 ☃",
		"Đ – “quoted” … 5‰", "\ufffd", "Thạch An\x00",
	} {
		for f := fonts.Regular; f <= fonts.BoldItalic; f++ {
			if got, want := g.clean(f, s), ref(&g, f, s); got != want {
				t.Errorf("clean(%v, %q) = %q, want %q", f, s, got, want)
			}
		}
	}
}
