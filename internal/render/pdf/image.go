package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"strconv"

	"baocao/internal/docmodel"
	"baocao/internal/msg"
	"baocao/internal/sigimage"
)

// Images: the signature (ô 7c) and the seal (ô 8) are image XObjects
// (ISO 32000-1, 8.9.5), 8-bit DeviceRGB, their alpha channel a soft mask
// (/SMask, 11.6.5.3), so the transparent background of the PNG lets the
// text under a seal show, as ND30 asks of both images. The pixels are
// decoded with image/png and deflated like the page streams: the same
// PNG gives the same bytes.

// docImages are the pictures a document may draw, indexed by an opImage's
// level: the signature block's two.
func docImages(d *docmodel.Document) [2]*docmodel.Image {
	return [2]*docmodel.Image{d.Closing.Signature.Image, d.Closing.Signature.Seal}
}

// imageUse is an image of the document and its object, allocated when a
// page first draws it.
type imageUse struct {
	img    *docmodel.Image
	obj    int
	onPage bool
}

// image draws image i of the document with its top-left corner at x, y
// (from the page top), w × h points.
func (e *emitter) image(i int, x, y, w, h float64) {
	if i < 0 || i >= len(e.images) || e.images[i].img == nil || w <= 0 || h <= 0 {
		return
	}
	u := &e.images[i]
	if u.obj == 0 {
		u.obj = e.pf.alloc()
	}
	u.onPage = true
	c := e.c
	c.b = append(c.b, "q "...)
	c.b = num(c.b, w, 3)
	c.b = append(c.b, " 0 0 "...)
	c.b = num(c.b, h, 3)
	c.b = append(c.b, ' ')
	c.b = num(c.b, x, 3)
	c.b = append(c.b, ' ')
	c.b = num(c.b, c.h-y-h, 3)
	c.b = append(c.b, " cm /Im"...)
	c.b = strconv.AppendInt(c.b, int64(i)+1, 10)
	c.b = append(c.b, " Do Q\n"...)
}

// xobjects appends the /XObject resources of the page just drawn and
// forgets them for the next page; nothing when it drew no image, so the
// pages of a document without images are as before.
func (e *emitter) xobjects(b []byte) []byte {
	open := false
	for i := range e.images {
		u := &e.images[i]
		if !u.onPage {
			continue
		}
		if !open {
			b = append(b, "/XObject<<"...)
			open = true
		}
		b = fmt.Appendf(b, "/Im%d %d 0 R", i+1, u.obj)
		u.onPage = false
	}
	if open {
		b = append(b, ">>"...)
	}
	return b
}

// writeImages writes the images some page drew.
func (e *emitter) writeImages(pf *file, zbuf *bytes.Buffer) error {
	for i, u := range e.images {
		if u.obj == 0 {
			continue
		}
		if err := pf.writeImage(u.obj, u.img, zbuf); err != nil {
			return msg.Errorf("image %d (%s): %w", i+1, u.img.Description, err)
		}
	}
	return nil
}

// writeImage writes img as object n: its colour samples, and its alpha
// as a soft mask unless every pixel is opaque.
func (pf *file) writeImage(n int, img *docmodel.Image, zbuf *bytes.Buffer) error {
	// The model's images were checked when it was built; a model made
	// elsewhere is bounded here too before anything is decoded.
	cfg, err := png.DecodeConfig(bytes.NewReader(img.PNG))
	if err != nil {
		return err
	}
	if cfg.Width*cfg.Height > sigimage.MaxPixels || cfg.Width > sigimage.MaxSide || cfg.Height > sigimage.MaxSide {
		return msg.Errorf("%d × %d pixels: more than an image may have", cfg.Width, cfg.Height)
	}
	m, err := png.Decode(bytes.NewReader(img.PNG))
	if err != nil {
		return err
	}
	b := m.Bounds()
	// Non-premultiplied samples: a soft mask multiplies the colour
	// itself (no /Matte), so a half-transparent edge keeps its ink.
	nrgba := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(nrgba, nrgba.Bounds(), m, b.Min, draw.Src)
	w, h := b.Dx(), b.Dy()
	rgb := make([]byte, 0, w*h*3)
	alpha := make([]byte, 0, w*h)
	opaque := true
	for p := 0; p+3 < len(nrgba.Pix); p += 4 {
		rgb = append(rgb, nrgba.Pix[p], nrgba.Pix[p+1], nrgba.Pix[p+2])
		alpha = append(alpha, nrgba.Pix[p+3])
		opaque = opaque && nrgba.Pix[p+3] == 0xff
	}
	dict := fmt.Sprintf("/Type/XObject/Subtype/Image/Width %d/Height %d/ColorSpace/DeviceRGB/BitsPerComponent 8", w, h)
	if !opaque {
		mask := pf.alloc()
		dict += fmt.Sprintf("/SMask %d 0 R", mask)
		pf.stream(mask, fmt.Sprintf("/Type/XObject/Subtype/Image/Width %d/Height %d/ColorSpace/DeviceGray/BitsPerComponent 8", w, h),
			deflate(bestZ, zbuf, alpha), true)
	}
	pf.stream(n, dict, deflate(bestZ, zbuf, rgb), true)
	return nil
}
