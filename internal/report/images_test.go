package report

import (
	"math"
	"strings"
	"testing"
	"testing/fstest"

	"baocao/internal/dataset"
	"baocao/internal/docmodel"
	"baocao/internal/sigimage"
	"baocao/internal/testtool"
	"baocao/internal/tmpl"
)

// TestSignatureImages: the images the ky block names come into the
// model at their printed size (the default or the template's), with a
// description; what ND30 asks that an image does not do is a warning; a
// file that cannot be used is an error naming the report.md line or the
// cell that named it, and the file.
func TestSignatureImages(t *testing.T) {
	folder := fstest.MapFS{
		"chu-ky.png": {Data: testtool.PNG(t, 400, 200, testtool.Blue, false)},
		"dau.png":    {Data: testtool.PNG(t, 300, 300, testtool.Red, false)},
		"trang.png":  {Data: testtool.PNG(t, 300, 300, testtool.Red, true)},
		"dai.png":    {Data: testtool.PNG(t, 100, 400, testtool.Blue, false)},
		"anh.png":    {Data: []byte("\xff\xd8\xff\xe0")},
	}
	dirs := []sigimage.Dir{{FS: folder, Path: ".", Label: "mau"}}
	const head = "---\nco_quan: [Ủy ban nhân dân phường Tân Mỹ]\nso: '5'\nky_hieu: BC-UBND\ndia_danh: Tân Mỹ\nngay: 05/02/2026\nten_loai: Báo cáo\nky:\n  quyen_han: TM. Ủy ban nhân dân\n  chuc_vu: Chủ tịch\n  ho_ten: Lê Văn A\n"
	mm := func(l docmodel.Length) float64 { return l.Millimetres() }
	for _, c := range []struct {
		name      string
		ky        string // lines of the ky block
		sig, seal [2]float64
		warn      string
		err       string
	}{
		{name: "none", ky: ""},
		{name: "defaults", ky: "  anh_chu_ky: chu-ky.png\n  anh_dau: dau.png\n", sig: [2]float64{40, 20}, seal: [2]float64{36, 36}},
		{name: "sizes", ky: "  anh_chu_ky: chu-ky.png\n  rong_chu_ky: 50\n  anh_dau: dau.png\n  duong_kinh_dau: 40\n", sig: [2]float64{50, 25}, seal: [2]float64{40, 40}},
		{name: "from a fact", ky: "  anh_dau: '{{ fact \"anh_dau\" }}'\n", seal: [2]float64{36, 36}},
		{name: "opaque", ky: "  anh_dau: trang.png\n", seal: [2]float64{36, 36}, warn: "mau/trang.png: the seal image (ô 8) has no transparent background"},
		{name: "not a png", ky: "  anh_dau: anh.png\n", err: "r/report.md:12: ky.anh_dau: mau/anh.png: not a PNG file"},
		{name: "missing", ky: "  anh_chu_ky: khong.png\n", err: "r/report.md:12: ky.anh_chu_ky: khong.png: no such file in the folder mau"},
		{name: "a path", ky: "  anh_dau: ../dau.png\n", err: `r/report.md:12: ky.anh_dau: "../dau.png": give a file name only`},
		{name: "too tall", ky: "  anh_chu_ky: dai.png\n", err: "r/report.md:12: ky.anh_chu_ky: mau/dai.png: 100 × 400 pixels print 160 mm tall at 40 mm wide"},
		{name: "bad fact", ky: "  anh_dau: '{{ fact \"anh_sai\" }}'\n", err: `d.xlsx, sheet "Thông tin", cell B3: ky.anh_dau (printed by r/report.md): mau/anh.png: not a PNG file`},
	} {
		t.Run(c.name, func(t *testing.T) {
			tp, err := tmpl.Parse("r/report.md", []byte(head+c.ky+"---\nNội dung.\n"))
			if err != nil {
				t.Fatal(err)
			}
			facts := dataset.NewFacts("Thông tin")
			for i, kv := range [][2]string{{"anh_dau", "dau.png"}, {"anh_sai", "anh.png"}} {
				loc := dataset.Loc{File: "d.xlsx", Sheet: "Thông tin", Cell: "B" + string(rune('2'+i))}
				facts.Add(kv[0], dataset.Value{Kind: dataset.TextKind, Text: kv[1], Loc: loc}, loc)
			}
			d, issues, err := BuildChecked(tp, &dataset.Dataset{Source: "d.xlsx", Facts: facts}, Options{Images: dirs})
			if c.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), c.err) {
					t.Fatalf("err = %v, want it to start %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			s := d.Closing.Signature
			for _, im := range []struct {
				what string
				img  *docmodel.Image
				want [2]float64
				desc string
			}{{"signature", s.Image, c.sig, "Chữ ký của Lê Văn A"}, {"seal", s.Seal, c.seal, "Dấu của Ủy ban nhân dân phường Tân Mỹ"}} {
				switch {
				case im.want == [2]float64{} && im.img != nil:
					t.Errorf("%s: an image nobody named", im.what)
				case im.want == [2]float64{}:
				case im.img == nil:
					t.Errorf("%s: no image", im.what)
				case math.Abs(mm(im.img.Width)-im.want[0]) > 0.02 || math.Abs(mm(im.img.Height)-im.want[1]) > 0.02 || im.img.Description != im.desc:
					t.Errorf("%s: %.2f × %.2f mm %q, want %v mm %q", im.what, mm(im.img.Width), mm(im.img.Height), im.img.Description, im.want, im.desc)
				}
			}
			var msgs []string
			for _, is := range issues {
				msgs = append(msgs, is.Message)
			}
			if got := strings.Join(msgs, "\n"); (c.warn == "") != (got == "") || !strings.Contains(got, c.warn) {
				t.Errorf("issues %q, want %q", got, c.warn)
			}
			// Without folders to read (diff), nothing is read.
			d, _, err = BuildChecked(tp, &dataset.Dataset{Source: "d.xlsx", Facts: facts}, Options{NoImages: true})
			if err != nil || d.Closing.Signature.Image != nil || d.Closing.Signature.Seal != nil {
				t.Errorf("NoImages: %v, %+v", err, d.Closing.Signature)
			}
		})
	}
}
