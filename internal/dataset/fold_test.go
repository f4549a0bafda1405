package dataset

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// slowFold is FoldKey without its ASCII path: the reference it must match.
func slowFold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	out = strings.ToLower(out)
	out = strings.NewReplacer("đ", "d", "Đ", "d").Replace(out)
	return strings.Join(strings.Fields(out), " ")
}

func FuzzFoldKey(f *testing.F) {
	for _, s := range []string{"", " ", "ten_don_vi", "TEN_DON_VI", " a  b ", "a\tb", "a b", "2023", "Tên đơn vị", "Khoá", "a\n", "x\v y", "\x7f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := FoldKey(s), slowFold(s); got != want {
			t.Errorf("FoldKey(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkFoldKey(b *testing.B) {
	for _, s := range []string{"ten_don_vi", "Số hồ sơ nhận giải quyết / Tổng số"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				FoldKey(s)
			}
		})
	}
}
