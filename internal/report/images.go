package report

import (
	"strings"

	"baocao/internal/docmodel"
	"baocao/internal/msg"
	"baocao/internal/sigimage"
	"baocao/internal/tmpl"
)

// maxImageHeight bounds the printed height of either image: a picture
// taller than the signature block is a file that was not cropped.
const maxImageHeight = 60.0 // mm

// signatureImages reads the signature and seal images the front matter
// names (ky.anh_chu_ky, ky.anh_dau) from dirs and puts them into sig at
// their printed size. An error names the key, its line in report.md or
// the cell that named the file, and the file.
func signatureImages(res *tmpl.Result, sig *docmodel.Signature, dirs []sigimage.Dir) ([]Issue, error) {
	k := res.Front.Ky
	var issues []Issue
	for _, im := range []struct {
		key   string
		name  string
		kind  sigimage.Kind
		width float64
		def   float64
		dst   **docmodel.Image
		desc  string
	}{
		{"anh_chu_ky", k.AnhChuKy, sigimage.Signature, k.RongChuKy, tmpl.SignatureWidthDefault, &sig.Image, "Chữ ký của " + sig.Name},
		{"anh_dau", k.AnhDau, sigimage.Seal, k.DuongKinhDau, tmpl.SealDefault, &sig.Seal, "Dấu của " + strings.Join(trimAll(res.Front.CoQuan), " ")},
	} {
		name := strings.TrimSpace(im.name)
		if name == "" {
			continue
		}
		key := "ky." + im.key
		img, warn, err := sigimage.Load(dirs, name, im.kind)
		if err != nil {
			return nil, keyError(res, key, err)
		}
		for _, w := range warn {
			issues = append(issues, Issue{Message: w.String(), Text: w})
		}
		wmm := im.width
		if wmm == 0 {
			wmm = im.def
		}
		hmm := wmm * float64(img.Height) / float64(img.Width)
		if hmm > maxImageHeight {
			return nil, keyError(res, key, msg.Errorf("%s: %d × %d pixels print %.0f mm tall at %v mm wide, more than the %v mm a signature block has room for; crop the %s close to its ink", img.Where, img.Width, img.Height, hmm, wmm, maxImageHeight, im.kind))
		}
		*im.dst = &docmodel.Image{PNG: img.PNG, Width: docmodel.MM(wmm), Height: docmodel.MM(hmm), Description: strings.TrimSpace(im.desc)}
	}
	return issues, nil
}

// keyError locates err at the cells that filled the front-matter key, or
// at its line in report.md.
func keyError(res *tmpl.Result, key string, err error) error {
	if locs := res.Cells[key]; len(locs) > 0 {
		return msg.Errorf("%s: %s (printed by %s): %w", cells(locs), key, res.Path, err)
	}
	if line := res.Front.Line(key); line > 0 {
		return msg.Errorf("%s:%d: %s: %w", res.Path, line, key, err)
	}
	return msg.Errorf("%s: front matter %s: %w", res.Path, key, err)
}
