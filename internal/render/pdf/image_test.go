package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"baocao/internal/docmodel"
	"baocao/internal/render/layout"
	"baocao/internal/testtool"
)

// withImages is baseDoc with a short body and the signature and seal
// images the cases ask for: a 40 mm signature of 400 × 200 pixels and a
// 36 mm seal of 360 × 360.
func withImages(t *testing.T, sig, seal bool) *docmodel.Document {
	d := baseDoc()
	d.Body = []docmodel.Block{par(txt(sentences[0]))}
	if sig {
		d.Closing.Signature.Image = &docmodel.Image{PNG: testtool.PNG(t, 400, 200, testtool.Blue, false),
			Width: docmodel.MM(40), Height: docmodel.MM(20), Description: "Chữ ký của Nguyễn Văn Hòn"}
	}
	if seal {
		d.Closing.Signature.Seal = &docmodel.Image{PNG: testtool.PNG(t, 360, 360, testtool.Red, false),
			Width: docmodel.MM(36), Height: docmodel.MM(36), Description: "Dấu của Ủy ban nhân dân thành phố Sa Đéc"}
	}
	return d
}

const mmPt = 72 / 25.4

// TestSignatureImagesLayout: the signature image is centred across the
// signature column and between the chức vụ and the name; the seal, at its
// size, ends a third of the way into the signature, level with it; the
// name moves down when the seal needs the room, and neither image touches
// a line of text.
func TestSignatureImagesLayout(t *testing.T) {
	for _, c := range []struct {
		name      string
		sig, seal bool
	}{{"both", true, true}, {"signature", true, false}, {"seal", false, true}} {
		t.Run(c.name, func(t *testing.T) {
			d := withImages(t, c.sig, c.seal)
			w := newWriter(d)
			ps, err := w.layout()
			if err != nil {
				t.Fatal(err)
			}
			var chucVu, name op
			var imgs []op
			for _, o := range ps[len(ps)-1].allOps() {
				switch {
				case o.kind == opText && o.s == "CHỦ TỊCH":
					chucVu = o
				case o.kind == opText && o.s == "Nguyễn Văn Hòn":
					name = o
				case o.kind == opImage:
					imgs = append(imgs, o)
				}
			}
			if chucVu.s == "" || name.s == "" {
				t.Fatal("no chức vụ or name on the last page")
			}
			want := 0
			for _, b := range []bool{c.sig, c.seal} {
				if b {
					want++
				}
			}
			if len(imgs) != want {
				t.Fatalf("%d images, want %d", len(imgs), want)
			}
			g := w.portrait()
			cols := closingCols(w, g)
			lineBottom := chucVu.y + emDescent*chucVu.size // below the chức vụ's descenders
			nameTop := name.y - emAscent*name.size
			centreX := cols + (g.left+g.textW()-cols)/2
			var sigBox op
			for _, o := range imgs {
				if o.y < lineBottom-0.01 || o.y+o.y2 > nameTop+0.01 {
					t.Errorf("image %d at y %.1f–%.1f reaches past the chức vụ (%.1f) or the name (%.1f)", o.level, o.y, o.y+o.y2, lineBottom, nameTop)
				}
				if o.level == 0 {
					sigBox = o
					if math.Abs(o.x+o.x2/2-centreX) > 0.01 {
						t.Errorf("signature centred at x %.2f, the column at %.2f", o.x+o.x2/2, centreX)
					}
					if math.Abs(o.x2-40*mmPt) > 0.1 || math.Abs(o.y2-20*mmPt) > 0.1 {
						t.Errorf("signature %.1f × %.1f pt, want 40 × 20 mm", o.x2, o.y2)
					}
					if mid := (lineBottom + nameTop) / 2; math.Abs(o.y+o.y2/2-mid) > 3 {
						t.Errorf("signature centred at y %.1f, the room between the lines at %.1f", o.y+o.y2/2, mid)
					}
				}
			}
			for _, o := range imgs {
				if o.level != 1 {
					continue
				}
				if math.Abs(o.x2-36*mmPt) > 0.1 || math.Abs(o.y2-36*mmPt) > 0.1 {
					t.Errorf("seal %.1f × %.1f pt, want 36 mm across", o.x2, o.y2)
				}
				if !c.sig {
					continue
				}
				if right := sigBox.x + sigBox.x2/3; math.Abs(o.x+o.x2-right) > 0.01 {
					t.Errorf("seal's right edge at %.2f, a third into the signature at %.2f", o.x+o.x2, right)
				}
				if math.Abs(o.y+o.y2/2-(sigBox.y+sigBox.y2/2)) > 0.01 {
					t.Errorf("seal centred at y %.2f, the signature at %.2f", o.y+o.y2/2, sigBox.y+sigBox.y2/2)
				}
			}
		})
	}
}

// closingCols is the x where the signature column starts.
func closingCols(w *writer, g geom) float64 {
	return g.left + layout.Closing(w.d.Closing, w.sz, g.textW()).Left
}

// TestSignatureImagesPDF: the images are image XObjects with a soft mask
// for their transparency, drawn where the layout put them, at their size
// (pdfimages reads the resolution they print at); the file is the same
// for the same document and strictly valid; a document without images
// has no XObject at all.
func TestSignatureImagesPDF(t *testing.T) {
	d := withImages(t, true, true)
	var a, b bytes.Buffer
	if err := Write(&a, d); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, withImages(t, true, true)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of one document differ")
	}
	data := a.Bytes()
	if n := bytes.Count(data, []byte("/Subtype/Image")); n != 4 {
		t.Errorf("%d image objects, want 4 (two images, two soft masks)", n)
	}
	if n := bytes.Count(data, []byte("/SMask ")); n != 2 {
		t.Errorf("%d soft masks referenced, want 2", n)
	}
	// Where the page draws them: the cm matrices of the content stream.
	w := newWriter(d)
	ps, _ := w.layout()
	last := ps[len(ps)-1]
	var laid []op
	for _, o := range last.allOps() {
		if o.kind == opImage {
			laid = append(laid, o)
		}
	}
	draws := imageDraws(t, data)
	if len(draws) != 2 {
		t.Fatalf("content streams draw %d images, want 2: %v", len(draws), draws)
	}
	for i, o := range laid {
		got := draws[i]
		want := [5]float64{float64(o.level + 1), o.x2, o.y2, o.x, last.g.h - o.y - o.y2}
		for k := range want {
			if math.Abs(got[k]-want[k]) > 0.01 {
				t.Errorf("image %d drawn as %v, laid out as %v", i, got, want)
				break
			}
		}
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "anh.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	list := tool(t, "pdfimages", "-list", path)
	// page num type width height color comp bpc enc interp object ID x-ppi y-ppi
	var rows [][]string
	for _, l := range strings.Split(list, "\n")[2:] {
		if f := strings.Fields(l); len(f) > 13 {
			rows = append(rows, f)
		}
	}
	if len(rows) != 4 {
		t.Fatalf("pdfimages lists %d images, want 4:\n%s", len(rows), list)
	}
	for i, want := range []struct {
		typ, w, h, ppi string
	}{{"image", "400", "200", "254"}, {"smask", "400", "200", "254"}, {"image", "360", "360", "254"}, {"smask", "360", "360", "254"}} {
		r := rows[i]
		if r[2] != want.typ || r[3] != want.w || r[4] != want.h || r[12] != want.ppi || r[13] != want.ppi {
			t.Errorf("pdfimages row %d: %v, want %s %s×%s at %s ppi", i, r, want.typ, want.w, want.h, want.ppi)
		}
	}
	if out := tool(t, "pdfcpu", "validate", "-m", "strict", path); !strings.Contains(out, "validation ok") {
		t.Errorf("pdfcpu: %s", out)
	}

	var plain bytes.Buffer
	if err := Write(&plain, withImages(t, false, false)); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(plain.Bytes(), []byte("/XObject")) {
		t.Error("a document without images has an XObject")
	}
}

// TestSignatureImageErrors: a model whose image is not a PNG, or claims
// more pixels than an image may have, costs an error, not a panic.
func TestSignatureImageErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		png  []byte
		err  string
	}{
		{"not png", []byte("GIF89a"), "embedding images: image 1"},
		{"truncated", testtool.PNG(t, 40, 20, testtool.Blue, false)[:60], "embedding images"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := withImages(t, false, false)
			d.Closing.Signature.Image = &docmodel.Image{PNG: c.png, Width: docmodel.MM(40), Height: docmodel.MM(20)}
			err := Write(io.Discard, d)
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("err = %v, want %q", err, c.err)
			}
		})
	}
}

var drawRE = regexp.MustCompile(`q ([\d.]+) 0 0 ([\d.]+) ([\d.-]+) ([\d.-]+) cm /Im(\d) Do Q`)

// imageDraws finds, in the content streams of data, each image drawn: its
// number, width, height and the x, y of its lower-left corner.
func imageDraws(t *testing.T, data []byte) [][5]float64 {
	var out [][5]float64
	for rest := data; ; {
		i := bytes.Index(rest, []byte("stream\n"))
		if i < 0 {
			break
		}
		rest = rest[i+len("stream\n"):]
		j := bytes.Index(rest, []byte("\nendstream"))
		if j < 0 {
			break
		}
		zr, err := zlib.NewReader(bytes.NewReader(rest[:j]))
		if err == nil {
			plain, _ := io.ReadAll(zr)
			for _, m := range drawRE.FindAllSubmatch(plain, -1) {
				var v [5]float64
				v[0], _ = strconv.ParseFloat(string(m[5]), 64)
				for k := 1; k <= 4; k++ {
					v[k], _ = strconv.ParseFloat(string(m[k]), 64)
				}
				out = append(out, v)
			}
		}
		rest = rest[j:]
	}
	return out
}
