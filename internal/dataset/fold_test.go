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

// hasFoldPrefix answers as the whole fold does, whatever the spacing,
// marks, length or script.
func TestHasFoldPrefix(t *testing.T) {
	prefixes := append([]string{"xa", "ab cd"}, noteFoldPre...)
	for _, p := range prefixes {
		if len(p) > foldPrefixMax {
			t.Fatalf("prefix %q is longer than foldPrefixMax", p)
		}
	}
	inputs := []string{
		"", " ", "Xã 00001", "Xác nhận của UBND", "  XÁC   NHẬN", "Xac\tnhan", "xác", "Ghi chú: số liệu",
		"GHI CHÚ", "Chú thích", "Lưu ý", "Người lập biểu", "Thủ trưởng đơn vị", "(Ký, ghi rõ họ tên)",
		"Đơn vị tính: hồ sơ", "ĐƠN  VỊ   TÍNH", "Nơi nhận:", "noi nhan", "Ab  cd", "ab c d", "abcd",
		strings.Repeat(" ", 40) + "ghi chu", "Ghi" + strings.Repeat(" ", 30) + "chú", "Đơn vị tính" + strings.Repeat("x", 40),
		"Ký tên", "Ky\u0301 tên", "Ghi chu\u0301", "Ω ghi chú", "ghi chú Ω", "Trước hạn", "Xã Đức Long", "ﬁ ghi",
	}
	for _, s := range inputs {
		f := FoldKey(s)
		want := false
		for _, p := range prefixes {
			want = want || strings.HasPrefix(f, p)
		}
		if got := hasFoldPrefix(s, prefixes); got != want {
			t.Errorf("hasFoldPrefix(%q) = %v; FoldKey is %q", s, got, f)
		}
	}
}

// labelIn is label, made in place when it can be.
func TestLabelIn(t *testing.T) {
	for _, s := range []string{
		"", "  ", "Xã 00001", "  CỘNG QUÝ III  ", "Tổng  cộng", "Ghi\tchú", "İstanbul", "ĐƠN VỊ TÍNH",
		strings.Repeat("Ư", 40), strings.Repeat("a", 64), strings.Repeat("a", 65), "Σ tổng", "tổng số",
	} {
		var buf [64]byte
		if got, want := labelIn(&buf, s), label(s); got != want {
			t.Errorf("labelIn(%q) = %q, label gives %q", s, got, want)
		}
	}
}
