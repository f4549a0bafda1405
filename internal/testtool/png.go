package testtool

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// Ink colours of the test images: a signature's blue and a seal's red.
var (
	Blue = color.NRGBA{20, 40, 160, 255}
	Red  = color.NRGBA{210, 20, 30, 255}
)

// PNG makes a w × h PNG for the signature and seal tests: a disc of ink,
// half the image across, on a transparent background, or on an opaque
// white one.
func PNG(t testing.TB, w, h int, ink color.NRGBA, opaque bool) []byte {
	t.Helper()
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			dx, dy := float64(x-w/2), float64(y-h/2)
			switch {
			case dx*dx+dy*dy <= float64(w*w)/16:
				m.SetNRGBA(x, y, ink)
			case opaque:
				m.SetNRGBA(x, y, color.NRGBA{255, 255, 255, 255})
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
