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

// TestSignature: without images the room is SignatureSpace and nothing is
// placed; the signature is centred in the column and the room; the seal
// ends a third of the way into the signature (or into a 4 cm one when
// there is none), level with it; the room grows to hold either with
// imagePad above and below.
func TestSignature(t *testing.T) {
	img := func(wmm, hmm float64) *docmodel.Image {
		return &docmodel.Image{Width: docmodel.MM(wmm), Height: docmodel.MM(hmm)}
	}
	pt := func(mm float64) float64 { return docmodel.MM(mm).Pt() }
	const colW = 250.0
	for _, c := range []struct {
		name        string
		sig         docmodel.Signature
		gap         float64
		image, seal Box
	}{
		{name: "none", sig: docmodel.Signature{}, gap: 85},
		{name: "space kept", sig: docmodel.Signature{Space: 60 * docmodel.Point}, gap: 60},
		{name: "signature", sig: docmodel.Signature{Image: img(40, 20)}, gap: 85,
			image: Box{X: 125 - pt(40)/2, Y: 42.5 - pt(20)/2, W: pt(40), H: pt(20)}},
		{name: "tall signature", sig: docmodel.Signature{Image: img(40, 35)}, gap: pt(35) + 8,
			image: Box{X: 125 - pt(40)/2, Y: 4, W: pt(40), H: pt(35)}},
		{name: "both", sig: docmodel.Signature{Image: img(40, 20), Seal: img(36, 36)}, gap: pt(36) + 8,
			image: Box{X: 125 - pt(40)/2, Y: (pt(36)+8)/2 - pt(20)/2, W: pt(40), H: pt(20)},
			seal:  Box{X: 125 - pt(40)/2 + pt(40)/3 - pt(36), Y: 4, W: pt(36), H: pt(36)}},
		{name: "small seal alone", sig: docmodel.Signature{Seal: img(25, 25)}, gap: 85,
			seal: Box{X: 125 - phantomSignature/2 + phantomSignature/3 - pt(25), Y: 42.5 - pt(25)/2, W: pt(25), H: pt(25)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := Signature(c.sig, colW)
			near := func(a, b float64) bool { return a-b < 1e-6 && b-a < 1e-6 }
			same := func(a, b Box) bool { return near(a.X, b.X) && near(a.Y, b.Y) && near(a.W, b.W) && near(a.H, b.H) }
			if !near(g.Gap, c.gap) || !same(g.Image, c.image) || !same(g.Seal, c.seal) {
				t.Errorf("got %+v, want gap %v image %+v seal %+v", g, c.gap, c.image, c.seal)
			}
		})
	}
}
