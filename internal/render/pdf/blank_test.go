package pdf

import (
	"testing"

	"baocao/internal/docmodel"
	"baocao/internal/fonts"
)

// TestBlanksKeepWidth: the blanks a văn thư or the document system fills
// in ("Số:      /BC-UBND", "ngày    tháng") keep one space's width per
// space in a header or title line, and no line breaks at them.
func TestBlanksKeepWidth(t *testing.T) {
	w := newWriter(&docmodel.Document{Page: docmodel.DefaultPage()})
	st := style{face: fonts.Regular, size: 14}
	sp := spaceWidth(st)
	for _, c := range []struct {
		s      string
		spaces int // between the first two pieces of text
	}{
		{"Số:      /BC-UBND", 6},
		{"ngày    tháng    năm 2026", 4},
	} {
		us := w.lines([]string{c.s}, st, 0, 400, alignCenter)
		if len(us) != 1 || len(us[0].ops) < 2 {
			t.Fatalf("%q: %d lines, %d ops", c.s, len(us), len(us[0].ops))
		}
		a, b := us[0].ops[0], us[0].ops[1]
		gap := b.x - a.x - width(st, a.s)
		if gap < float64(c.spaces)*sp-eps || gap > float64(c.spaces)*sp+eps {
			t.Errorf("%q: gap %.2f pt after %q, want %d spaces (%.2f pt)", c.s, gap, a.s, c.spaces, float64(c.spaces)*sp)
		}
	}
	if us := w.lines([]string{"Số: 215/BC-UBND"}, st, 0, 400, alignCenter); len(us[0].ops) != 1 || us[0].ops[0].s != "Số: 215/BC-UBND" {
		t.Errorf("a single space is not set as one: %+v", us[0].ops)
	}
	// A narrow box breaks the Kèm theo line, but not at a blank.
	us := w.lines([]string{"(Kèm theo Báo cáo số      /BC-UBND ngày    tháng    năm 2026 của Ủy ban nhân dân phường Tân Mỹ)"}, st, 0, 330, alignCenter)
	for _, u := range us {
		if s := opsText(u.ops); len(s) > 0 && (s[len(s)-len("tháng"):] == "tháng" || s[len(s)-len("ngày"):] == "ngày") {
			t.Errorf("line ends at a blank: %q", s)
		}
	}
}
