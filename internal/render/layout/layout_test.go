package layout

import (
	"testing"

	"baocao/internal/docmodel"
	"baocao/internal/fonts"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name                           string
		textW, margin, leftNeed, right float64
		want                           Columns
	}{
		{"right gets at least half", 400, 85, 0, 100, Columns{Left: 200, Right: 200}},
		{"right gets what it needs", 400, 85, 0, 260, Columns{Left: 140, Right: 260}},
		{"right at most three quarters", 400, 85, 0, 390, Columns{Left: 100, Right: 300}},
		{"left borrows from the margin", 400, 85, 160, 260, Columns{Left: 160, Right: 260, Outdent: 20}},
		{"but at most half of it", 400, 85, 300, 260, Columns{Left: 182.5, Right: 260, Outdent: 42.5}},
	}
	for _, tt := range tests {
		if got := split(tt.textW, tt.margin, tt.leftNeed, tt.right); got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestHeaderFitsQuocHieu(t *testing.T) {
	p := docmodel.DefaultPage()
	h := docmodel.Header{Agency: []string{"ỦY BAN NHÂN DÂN"}, QuocHieu: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		TieuNgu: "Độc lập - Tự do - Hạnh phúc", PlaceDate: "Sa Đéc, ngày 09 tháng 10 năm 2024", Number: "Số: 371/BC-UBND"}
	for _, s := range []docmodel.Sizes{docmodel.Profile12, docmodel.Profile13} {
		c := Header(h, s, p.TextWidth().Pt(), p.MarginLeft.Pt())
		if c.Right < widest(fonts.Bold, s.QuocHieu, h.QuocHieu)+FitSlack-1e-9 || c.Left+c.Right-c.Outdent != p.TextWidth().Pt() {
			t.Errorf("size %v: columns %+v do not hold the Quốc hiệu or do not fill the width", s.QuocHieu, c)
		}
	}
}
