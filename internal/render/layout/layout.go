// Package layout holds the geometry decisions that the page writers (DOCX
// and PDF) share, so the two files of one report put the header block, the
// closing block and the short rules at the same places. Widths are in
// points and measured with the embedded Liberation Serif metrics, which
// equal those of Times New Roman.
package layout

import (
	"baocao/internal/docmodel"
	"baocao/internal/fonts"
)

// FitSlack is added to a measured width so that a line measured to fit
// still fits after a word processor's own rounding and cell padding.
const FitSlack = 10.0

// RuleRatio is the length of the short rules under the agency name and
// under the trích yếu, as a share of the line above them: ND30 asks for 1/3
// to 1/2.
const RuleRatio = 0.4

// CellPadding is the space between a table cell's border and its text, on
// the left and on the right: small, because appendix tables are wide and a
// figure that wraps inside its cell ("23.87/0") is unreadable.
const CellPadding = 4.0

// Columns splits the text width between a left and a right column. The
// right column gets what rightNeed asks, but at least half and at most
// three quarters of the width. When leftNeed still does not fit, the left
// column may reach into the left margin by up to half of it (as the
// templates of ND30 Phụ lục III do), before its text has to wrap: Outdent
// is that distance.
type Columns struct {
	Left, Right, Outdent float64
}

func split(textW, marginLeft, leftNeed, rightNeed float64) Columns {
	right := min(max(rightNeed, textW/2), textW*3/4)
	c := Columns{Left: textW - right, Right: right}
	if c.Left < leftNeed {
		c.Outdent = min(leftNeed-c.Left, marginLeft/2)
		c.Left += c.Outdent
	}
	return c
}

func widest(f fonts.Face, size float64, lines ...string) float64 {
	w := 0.0
	for _, l := range lines {
		w = max(w, fonts.Width(f, size, l))
	}
	return w
}

// Header places the two columns of the page-1 header block: the right one
// holds the Quốc hiệu on one line, the widest element of the block and the
// most visible fault when wrapped.
func Header(h docmodel.Header, s docmodel.Sizes, textW, marginLeft float64) Columns {
	right := max(widest(fonts.Bold, s.QuocHieu, h.QuocHieu), widest(fonts.Bold, s.TieuNgu, h.TieuNgu),
		widest(fonts.Italic, s.PlaceDate, h.PlaceDate)) + FitSlack
	left := max(widest(fonts.Regular, s.ParentAgency, h.ParentAgency...), widest(fonts.Bold, s.Agency, h.Agency...),
		widest(fonts.Regular, s.Number, h.Number)) + FitSlack
	return split(textW, marginLeft, left, right)
}

// Closing places Nơi nhận (left) and the signature block (right).
func Closing(c docmodel.Closing, s docmodel.Sizes, textW float64) Columns {
	right := max(widest(fonts.Bold, s.Signature, c.Signature.Lines...), widest(fonts.Bold, s.Signature, c.Signature.Name)) + FitSlack
	return split(textW, 0, 0, right)
}

// SignatureSpace is the room left for the hand signature and the seal when
// the model does not say: about 3 cm.
func SignatureSpace(sig docmodel.Signature) float64 {
	if sig.Space > 0 {
		return sig.Space.Pt()
	}
	return 85
}

// Box is a rectangle in points: X from the left edge of its column, Y from
// the top of the room it is placed in.
type Box struct{ X, Y, W, H float64 }

// SignatureGeom places the signature image (ô 7c) and the seal (ô 8) in
// the room between the chức vụ lines and the signer's name.
type SignatureGeom struct {
	// Gap is the room, from the bottom of the chức vụ lines to the top of
	// the name: SignatureSpace, or more when an image needs it.
	Gap float64
	// Image and Seal are where the pictures go; zero when absent.
	Image, Seal Box
}

// imagePad keeps a signature image off the text above and below it.
const imagePad = 4.0

// phantomSignature is the width of the hand signature a seal is placed
// against when the document has no signature image (4 cm, a common
// signature's width), so that a seal alone still sits where ND30 puts it.
const phantomSignature = 40 * 72 / 25.4

// Signature places the images of sig in a column colW wide. ND30 Phụ lục
// I puts the signature image "canh giữa chức vụ của người ký và họ tên"
// (Mục II.7.d): centred across the column and in the room between the
// lines; and the seal "trùm lên khoảng 1/3 hình ảnh chữ ký số … về bên
// trái" (Mục II.8.a): its right edge a third of the way into the
// signature, its centre level with the signature's. The room grows to
// hold the signature and the whole seal with a little air, so neither
// covers the chức vụ or the name; it is SignatureSpace when there are no
// images.
func Signature(sig docmodel.Signature, colW float64) SignatureGeom {
	g := SignatureGeom{Gap: SignatureSpace(sig)}
	var iw, ih, sw, sh float64
	if sig.Image != nil {
		iw, ih = sig.Image.Width.Pt(), sig.Image.Height.Pt()
		g.Gap = max(g.Gap, ih+2*imagePad)
	}
	if sig.Seal != nil {
		sw, sh = sig.Seal.Width.Pt(), sig.Seal.Height.Pt()
		g.Gap = max(g.Gap, sh+2*imagePad)
	}
	cx, cy := colW/2, g.Gap/2
	if sig.Image != nil {
		g.Image = Box{X: cx - iw/2, Y: cy - ih/2, W: iw, H: ih}
	}
	if sig.Seal != nil {
		ref := iw
		if sig.Image == nil {
			ref = phantomSignature
		}
		g.Seal = Box{X: cx - ref/2 + ref/3 - sw, Y: cy - sh/2, W: sw, H: sh}
	}
	return g
}
