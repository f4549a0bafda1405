package docx

import (
	"math"

	"baocao/internal/docmodel"
	"baocao/internal/render/layout"
)

// Images: the signature (ô 7c) is an inline picture in a centred
// paragraph of its own between the chức vụ and the name, so Word and
// LibreOffice centre it as they centre the text; the seal (ô 8) is a
// picture anchored in that paragraph, in front of the text and not
// wrapping it, offset from the cell and the paragraph to where
// layout.Signature puts it: over the left third of the signature. Both
// are word/media parts, the PNG files as they were given.

const (
	nsWP  = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic = "http://schemas.openxmlformats.org/drawingml/2006/picture"

	ctPNG = "image/png"
)

// docImage is one picture of the document: its relationship, media part
// and drawing ids, by its place in docImages.
type docImage struct {
	img  *docmodel.Image
	rid  string
	part string // inside word/
	name string // shown in Word's selection pane
	id   int    // wp:docPr and pic:cNvPr id
}

// docImages are the document's pictures, the signature's then the seal's;
// nil entries are absent.
func docImages(d *docmodel.Document) [2]docImage {
	s := d.Closing.Signature
	return [2]docImage{
		{img: s.Image, rid: "rIdImg1", part: "media/chu-ky.png", name: "Chữ ký", id: 1},
		{img: s.Seal, rid: "rIdImg2", part: "media/dau.png", name: "Dấu", id: 2},
	}
}

func hasImages(d *docmodel.Document) bool {
	s := d.Closing.Signature
	return s.Image != nil || s.Seal != nil
}

// emu converts points to English Metric Units (12 700 to the point).
func emu(pt float64) int { return int(math.Round(pt * 12700)) }

// signatureWithImages writes the chức vụ lines, the paragraph holding the
// images, and the name, spaced so that the room between the chức vụ and
// the name is layout.Signature's and the pictures sit where it says.
func (w *docWriter) signatureWithImages(c docmodel.Closing, colW float64) {
	b := &w.b
	sig := c.Signature
	sz := w.page.Sizes.Signature
	g := layout.Signature(sig, colW)
	// The line that holds the pictures: the inline signature makes it as
	// tall as the image plus the font's descent below the baseline; with
	// the seal alone it is one line of text.
	lineH, paraTop := 1.15*sz, (g.Gap-1.15*sz)/2
	if sig.Image != nil {
		lineH, paraTop = g.Image.H+0.216*sz, g.Image.Y
	}
	after := max(0, paraTop)
	if len(sig.Lines) > 0 {
		b.lines(pProps{style: stChucVu, spacing: &spacing{after: twips(after)}}, rProps{}, sig.Lines)
	}
	b.open("w:p")
	b.pPr(pProps{style: stChucVu, spacing: &spacing{}})
	imgs := docImages(w.d)
	if sig.Image != nil {
		b.open("w:r")
		w.drawing(imgs[0], g.Image, false, 0)
		b.close("w:r")
	}
	if sig.Seal != nil {
		b.open("w:r")
		w.drawing(imgs[1], g.Seal, true, g.Seal.Y-paraTop)
		b.close("w:r")
	}
	b.close("w:p")
	before := max(0, g.Gap-paraTop-lineH)
	b.simpleParagraph(pProps{style: stNguoiKy, spacing: &spacing{before: twips(before)}}, rProps{}, sig.Name)
}

// drawing writes a w:drawing of im at the size of box: inline, or
// anchored box.X from the cell's left edge and top from the paragraph's.
func (w *docWriter) drawing(im docImage, box layout.Box, anchored bool, top float64) {
	b := &w.b
	cx, cy := itoa(emu(box.W)), itoa(emu(box.H))
	b.open("w:drawing")
	if anchored {
		// In front of the text (behindDoc 0), wrapping none of it, as a
		// stamp lies on the paper; inside the table cell it belongs to.
		b.open("wp:anchor", "distT", "0", "distB", "0", "distL", "0", "distR", "0", "simplePos", "0",
			"relativeHeight", itoa(251659264+im.id), "behindDoc", "0", "locked", "0", "layoutInCell", "1", "allowOverlap", "1")
		b.empty("wp:simplePos", "x", "0", "y", "0")
		b.open("wp:positionH", "relativeFrom", "column")
		b.elem("wp:posOffset", itoa(emu(box.X)))
		b.close("wp:positionH")
		b.open("wp:positionV", "relativeFrom", "paragraph")
		b.elem("wp:posOffset", itoa(emu(top)))
		b.close("wp:positionV")
	} else {
		b.open("wp:inline", "distT", "0", "distB", "0", "distL", "0", "distR", "0")
	}
	b.empty("wp:extent", "cx", cx, "cy", cy)
	b.empty("wp:effectExtent", "l", "0", "t", "0", "r", "0", "b", "0")
	if anchored {
		b.empty("wp:wrapNone")
	}
	b.empty("wp:docPr", "id", itoa(im.id), "name", im.name, "descr", im.img.Description)
	b.open("wp:cNvGraphicFramePr")
	b.empty("a:graphicFrameLocks", "xmlns:a", nsA, "noChangeAspect", "1")
	b.close("wp:cNvGraphicFramePr")
	b.open("a:graphic", "xmlns:a", nsA)
	b.open("a:graphicData", "uri", nsPic)
	b.open("pic:pic", "xmlns:pic", nsPic)
	b.open("pic:nvPicPr")
	b.empty("pic:cNvPr", "id", itoa(im.id), "name", im.part[len("media/"):], "descr", im.img.Description)
	b.empty("pic:cNvPicPr")
	b.close("pic:nvPicPr")
	b.open("pic:blipFill")
	b.empty("a:blip", "r:embed", im.rid)
	b.open("a:stretch")
	b.empty("a:fillRect")
	b.close("a:stretch")
	b.close("pic:blipFill")
	b.open("pic:spPr")
	b.open("a:xfrm")
	b.empty("a:off", "x", "0", "y", "0")
	b.empty("a:ext", "cx", cx, "cy", cy)
	b.close("a:xfrm")
	b.open("a:prstGeom", "prst", "rect")
	b.empty("a:avLst")
	b.close("a:prstGeom")
	b.close("pic:spPr")
	b.close("pic:pic")
	b.close("a:graphicData")
	b.close("a:graphic")
	if anchored {
		b.close("wp:anchor")
	} else {
		b.close("wp:inline")
	}
	b.close("w:drawing")
}
