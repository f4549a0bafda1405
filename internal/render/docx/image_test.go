package docx

import (
	"bytes"
	"context"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"baocao/internal/docmodel"
	"baocao/internal/testtool"
)

// withImages is the sample document with a 40 mm signature image of 400
// × 200 pixels and a 36 mm seal of 360 × 360, as the cases ask.
func withImages(t testing.TB, sig, seal bool) *docmodel.Document {
	d := sampleDocument()
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

// TestSignatureImagesPackage: each image is a media part holding the PNG
// as given, with its relationship and the png content type; the
// signature is an inline picture, the seal a picture anchored in front of
// the text, both at their size; a document without images is as before.
func TestSignatureImagesPackage(t *testing.T) {
	for _, c := range []struct {
		name      string
		sig, seal bool
	}{{"both", true, true}, {"signature", true, false}, {"seal", false, true}} {
		t.Run(c.name, func(t *testing.T) {
			d := withImages(t, c.sig, c.seal)
			data := writeDoc(t, d)
			if !bytes.Equal(data, writeDoc(t, withImages(t, c.sig, c.seal))) {
				t.Error("two writes differ")
			}
			_, parts := unzip(t, data)
			doc := string(parts["word/document.xml"])
			rels := string(parts["word/_rels/document.xml.rels"])
			if !strings.Contains(string(parts["[Content_Types].xml"]), `<Default Extension="png" ContentType="image/png"/>`) {
				t.Error("no png content type")
			}
			for _, im := range []struct {
				on       bool
				img      *docmodel.Image
				part     string
				rid      string
				anchored bool
			}{
				{c.sig, d.Closing.Signature.Image, "word/media/chu-ky.png", "rIdImg1", false},
				{c.seal, d.Closing.Signature.Seal, "word/media/dau.png", "rIdImg2", true},
			} {
				if !im.on {
					if _, ok := parts[im.part]; ok {
						t.Errorf("%s written without its image", im.part)
					}
					continue
				}
				if !bytes.Equal(parts[im.part], im.img.PNG) {
					t.Errorf("%s is not the PNG given", im.part)
				}
				if !strings.Contains(rels, `Id="`+im.rid+`" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="`+strings.TrimPrefix(im.part, "word/")+`"`) {
					t.Errorf("no relationship %s to %s:\n%s", im.rid, im.part, rels)
				}
				ext := `<wp:extent cx="` + strconv.Itoa(emu(im.img.Width.Pt())) + `" cy="` + strconv.Itoa(emu(im.img.Height.Pt())) + `"/>`
				re := `<wp:inline [^>]*>` + regexp.QuoteMeta(ext)
				if im.anchored {
					re = `<wp:anchor [^>]*behindDoc="0"[^>]*layoutInCell="1"[^>]*>.*?` + regexp.QuoteMeta(ext) + `.*?<wp:wrapNone/>`
				}
				if !regexp.MustCompile(re + `.*?r:embed="` + im.rid + `"`).MatchString(doc) {
					t.Errorf("no %s drawing of %s at %s", map[bool]string{false: "inline", true: "anchored"}[im.anchored], im.rid, ext)
				}
				if !strings.Contains(doc, `descr="`+im.img.Description+`"`) {
					t.Errorf("no description %q", im.img.Description)
				}
			}
		})
	}
	_, parts := unzip(t, writeDoc(t, sampleDocument()))
	for name, p := range parts {
		if strings.HasPrefix(name, "word/media/") || bytes.Contains(p, []byte("png")) || bytes.Contains(p, []byte("xmlns:wp")) {
			t.Errorf("a document without images has %s with an image trace", name)
		}
	}
}

// TestSignatureImagesInterop: the document with both images is valid
// against the OOXML schemas, and LibreOffice opens it without a repair and
// lays it out as the PDF writer does: the signature centred under the
// chức vụ, between it and the name, at 40 mm; the seal at 36 mm, ending a
// third of the way into the signature and level with it.
func TestSignatureImagesInterop(t *testing.T) {
	if testing.Short() {
		t.Skip("converts with LibreOffice")
	}
	script := testtool.OOXMLValidator(t)
	soffice := testtool.Path(t, "soffice")
	testtool.Need(t, "pdftotext", "qpdf")
	dir := t.TempDir()
	path := filepath.Join(dir, "anh.docx")
	if err := os.WriteFile(path, writeDoc(t, withImages(t, true, true)), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, "bash", script, "--all", "-v", path).CombinedOutput(); err != nil ||
		!regexp.MustCompile(`(?m)^\d+ parts valid, 0 invalid$`).Match(out) {
		t.Fatalf("validator: %v\n%s", err, out)
	}
	profile := "file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation="+profile,
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, path)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil || bytes.Contains(bytes.ToLower(out), []byte("repair")) {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "anh.pdf")
	keep(t, path, pdf)
	qdf := filepath.Join(dir, "q.pdf")
	if out, err := exec.CommandContext(ctx, "qpdf", "--qdf", "--object-streams=disable", pdf, qdf).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v\n%s", err, out)
	}
	raw, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	// LibreOffice draws each picture as "q w 0 0 h x y cm /ImN Do Q".
	var boxes [][4]float64 // x, y from the page top, w, h
	pageH := 841.9
	for _, m := range regexp.MustCompile(`q ([\d.]+) 0 0 ([\d.]+) ([\d.-]+) ([\d.-]+) cm\s*/Im\d+ Do Q`).FindAllSubmatch(raw, -1) {
		var v [4]float64
		for k := range v {
			v[k], _ = strconv.ParseFloat(string(m[k+1]), 64)
		}
		boxes = append(boxes, [4]float64{v[2], pageH - v[3] - v[1], v[0], v[1]})
	}
	if len(boxes) != 2 {
		t.Fatalf("LibreOffice drew %d pictures, want 2", len(boxes))
	}
	sig, seal := boxes[0], boxes[1]
	if sig[2]/sig[3] < seal[2]/seal[3] { // the signature is the wide one
		sig, seal = seal, sig
	}
	near := func(what string, got, want, tol float64) {
		if math.Abs(got-want) > tol {
			t.Errorf("%s: %.1f, want %.1f (±%.0f)", what, got, want, tol)
		}
	}
	mm := 72 / 25.4
	near("signature width", sig[2], 40*mm, 0.5)
	near("seal width", seal[2], 36*mm, 0.5)
	near("seal's right edge", seal[0]+seal[2], sig[0]+sig[2]/3, 1)
	near("seal's centre", seal[1]+seal[3]/2, sig[1]+sig[3]/2, 2)

	// The words of the chức vụ and the name, from the page's text boxes.
	bbox, err := exec.CommandContext(ctx, "pdftotext", "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	word := func(w string) (x0, y0, x1, y1 float64) {
		m := regexp.MustCompile(`xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">` + w + `<`).FindSubmatch(bbox)
		if m == nil {
			t.Fatalf("no word %q in the text", w)
		}
		f := func(b []byte) float64 { v, _ := strconv.ParseFloat(string(b), 64); return v }
		return f(m[1]), f(m[2]), f(m[3]), f(m[4])
	}
	_, _, _, cvBottom := word("TỊCH")
	nx0, nameTop, _, _ := word("Nguyễn")
	_, _, nx1, _ := word("Hòn")
	near("signature centred on the name", sig[0]+sig[2]/2, (nx0+nx1)/2, 3)
	if sig[1] < cvBottom || sig[1]+sig[3] > nameTop {
		t.Errorf("signature at y %.1f–%.1f, not between the chức vụ (%.1f) and the name (%.1f)", sig[1], sig[1]+sig[3], cvBottom, nameTop)
	}
	if seal[1] < cvBottom-2 || seal[1]+seal[3] > nameTop+2 {
		t.Errorf("seal at y %.1f–%.1f covers the chức vụ (%.1f) or the name (%.1f)", seal[1], seal[1]+seal[3], cvBottom, nameTop)
	}
}
