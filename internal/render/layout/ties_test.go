package layout

import "testing"

func TestTied(t *testing.T) {
	for _, c := range []struct {
		prev, next string
		want       bool
	}{
		{"HÀNH", "CHÍNH", true},
		{"HÀNH", "CHÍNH,", true},
		{"nhân", "dân", true},
		{"Ủy", "ban", true},
		{"TRỰC", "TUYẾN", true},
		{"THỊ", "TRẤN", true},
		{"XÃ,", "THỊ", true},
		{"NĂM", "2026", true},
		{"Số", "15/KH-UBND", true},
		{"II.", "KẾT", true},
		{"a)", "Kết", true},
		{"CHÍNH", "NĂM", false},
		{"CHÍNH,", "CÔNG", false},
		{"dân", "tỉnh", false},
		{"xã", "hội.", true},
		{"", "2026", false},
		{"Tân", "Mỹ", false},
		{"ĐẠI.", "HỌC", false},
		{"CỦA", "HUYỆN", true},
		{"THẨM", "QUYỀN", true},
		{"5", "năm", true},
		{"23", "tháng", true},
		{"2025", "của", false},
	} {
		if got := Tied(c.prev, c.next); got != c.want {
			t.Errorf("Tied(%q, %q) = %v, want %v", c.prev, c.next, got, c.want)
		}
	}
}

func TestPhraseEnd(t *testing.T) {
	for w, want := range map[string]bool{"THỊ TRẤN,": true, "sau:": true, "-": true, "CHÍNH": false, "2026.": false} {
		if got := PhraseEnd(w); got != want {
			t.Errorf("PhraseEnd(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestTieSpaces(t *testing.T) {
	for in, want := range map[string]string{
		"CẢI CÁCH HÀNH CHÍNH NĂM 2026": "CẢI\u00a0CÁCH\u00a0HÀNH\u00a0CHÍNH NĂM\u00a02026",
		"của Ủy ban nhân dân phường":   "của\u00a0Ủy\u00a0ban\u00a0nhân\u00a0dân phường",
		"Tân Mỹ":                       "Tân Mỹ",
		"  hai  khoảng ":               "  hai  khoảng ",
	} {
		if got := TieSpaces(in); got != want {
			t.Errorf("TieSpaces(%q) = %q, want %q", in, got, want)
		}
	}
}
