package legacyvn

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func FuzzConvert(f *testing.F) {
	for _, c := range literature {
		f.Add(c.in)
	}
	for _, s := range []string{"", "a\xff", "aø\u0301", "\u00ad", "Aê", "oÂ", "ö\u0323ù", "ÿ", "ß", "Ǆ", "ﬃ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, e := range []Encoding{Unicode, TCVN3, TCVN3Upper, VNI} {
			out := Convert(s, e)
			if !utf8.ValidString(out) {
				t.Fatalf("%s %q → invalid UTF-8 %q", e, s, out)
			}
			if !norm.NFC.IsNormalString(out) {
				t.Fatalf("%s %q → not NFC %q", e, s, out)
			}
		}
		out, enc, changed := Fix(s, ".VnTime")
		if !utf8.ValidString(out) || !norm.NFC.IsNormalString(out) || changed != (out != s) {
			t.Fatalf("Fix %q → %q %s %v", s, out, enc, changed)
		}
	})
}

func FuzzDetect(f *testing.F) {
	for _, s := range negatives {
		f.Add(s)
	}
	for _, c := range literature {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := Detect(s)
		switch e {
		case Unicode:
		case TCVN3, VNI:
			if !legacyRepresentable(s) {
				t.Fatalf("Detect(%q) = %s on text with non-legacy runes", s, e)
			}
		default:
			t.Fatalf("Detect(%q) = %s", s, e)
		}
		if !mayBeLegacy(s) && analyze(s).confident(true) {
			t.Fatalf("Fix's fast path skips %q, which its analysis converts", s)
		}
		out, enc, _ := Fix(s, "")
		if !utf8.ValidString(out) || !norm.NFC.IsNormalString(out) {
			t.Fatalf("Fix %q → %q", s, out)
		}
		if enc != Unicode && enc != e {
			t.Fatalf("Fix says %s, Detect %s for %q", enc, e, s)
		}
		_ = strings.ToUpper(out)
	})
}

func benchInput(e Encoding) string {
	var b strings.Builder
	for b.Len() < 1024 {
		for _, c := range literature {
			if c.enc == e {
				b.WriteString(c.in)
				b.WriteString(". ")
			}
		}
	}
	return b.String()[:1024]
}

func BenchmarkConvert(b *testing.B) {
	for _, e := range []Encoding{TCVN3, VNI} {
		s := strings.ToValidUTF8(benchInput(e), "")
		b.Run(e.String(), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				Convert(s, e)
			}
		})
	}
	s := strings.ToValidUTF8(benchInput(TCVN3), "")
	b.Run("Detect", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			Detect(s)
		}
	})
}
