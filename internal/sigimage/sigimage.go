// Package sigimage finds, reads and checks the two pictures ND30 lets an
// electronic document show in its signature block: the signer's signature
// (ô 7c; Phụ lục I, Mục II.7.d: "màu xanh, định dạng .png nền trong
// suốt") and the agency's seal (ô 8; Mục II.8.a: "màu đỏ, kích thước bằng
// kích thước thực tế của dấu, định dạng .png nền trong suốt").
//
// An image is named by its bare file name and looked for only in the
// folders the caller gives (the workbook's, the template's), in that
// order: a name with a folder in it, a symbolic link, anything but a
// regular file is refused, so no name written in a template or typed in a
// workbook can make baocao read a file elsewhere. Every image is bounded
// before it is decoded (bytes, then pixels from the PNG header), so a
// decompression bomb costs an error, not the memory of the machine.
package sigimage

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"golang.org/x/text/language"

	"baocao/internal/msg"
)

// Kind says which picture an image is, for the checks ND30 makes of each.
type Kind int

const (
	Signature Kind = iota + 1 // ô 7c, blue
	Seal                      // ô 8, red
)

func (k Kind) String() string { return k.Localize(msg.English) }

// Localize names the picture in lang.
func (k Kind) Localize(lang language.Tag) string {
	switch k {
	case Signature:
		return msg.Word("signature image (ô 7c)").Localize(lang)
	case Seal:
		return msg.Word("seal image (ô 8)").Localize(lang)
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Limits of an image file. A seal scanned at 600 dpi is about 950 pixels
// across and 200 kB; these leave room for a generous scan and refuse what
// no signature block needs.
const (
	MaxBytes  = 4 << 20
	MaxSide   = 4000
	MaxPixels = 8_000_000
)

// A Dir is a folder an image may come from.
type Dir struct {
	FS    fs.FS  // the folder's file system (os.DirFS, the built-in templates)
	Path  string // the folder inside FS: "." or "templates/x"
	Label string // the folder as the user knows it, for messages
}

// Image is a checked PNG file.
type Image struct {
	Name  string // the file name as given
	Where string // the file as the user knows it (folder label and name)
	PNG   []byte
	// Width and Height are in pixels.
	Width, Height int
}

// Load finds name in the first of dirs that holds it, reads it and checks
// it for kind. Warnings say what ND30 asks that the image does not do (a
// background that is not transparent, a colour other than blue or red):
// the image is still used.
func Load(dirs []Dir, name string, kind Kind) (*Image, []msg.Text, error) {
	img, err := find(dirs, name)
	if err != nil {
		return nil, nil, err
	}
	warn, err := check(img, kind)
	if err != nil {
		return nil, nil, msg.Errorf("%s: %w", img.Where, err)
	}
	return img, warn, nil
}

// find reads the file name from the first folder of dirs that has it.
func find(dirs []Dir, name string) (*Image, error) {
	if err := validName(name); err != nil {
		return nil, err
	}
	var looked []string
	for _, d := range dirs {
		p := path.Join(d.Path, name)
		where := filepath.Join(d.Label, name) // as the user's system writes it
		// Lstat, not Stat: a link is refused, not followed (os.DirFS
		// answers Lstat; a file system without links answers Stat).
		info, err := fs.Lstat(d.FS, p)
		if errors.Is(err, fs.ErrNotExist) {
			looked = append(looked, labelOf(d))
			continue
		}
		if err != nil {
			return nil, msg.Errorf("%s: %w", where, err)
		}
		data, err := readRegular(d.FS, p, info)
		if err != nil {
			return nil, msg.Errorf("%s: %w", where, err)
		}
		return &Image{Name: name, Where: where, PNG: data}, nil
	}
	if len(looked) == 0 {
		return nil, msg.Errorf("%s: no folder to look for the image in", name)
	}
	return nil, msg.Errorf("%s: no such file in %s; put the PNG there, or correct the name", name, strings.Join(looked, " or "))
}

func labelOf(d Dir) string {
	if d.Label == "" {
		return "the folder " + d.Path
	}
	return "the folder " + d.Label
}

// validName accepts a bare file name ending in .png: no folder, no "..",
// no drive, so that the folders given are the only places searched.
func validName(name string) error {
	switch {
	case name == "":
		return msg.Errorf("the image has no file name")
	case strings.ContainsAny(name, `/\:`) || name == "." || name == ".." || !fs.ValidPath(name):
		return msg.Errorf("%q: give a file name only, without a folder (the image is looked for beside the workbook and in the template folder)", name)
	case !strings.EqualFold(path.Ext(name), ".png"):
		return msg.Errorf("%s: not a .png file; ND30 (Phụ lục I, Mục II.7.d, II.8.a) asks for a PNG with a transparent background: save the image as PNG", name)
	}
	return nil
}

// readRegular reads a regular file of at most MaxBytes whose Lstat was
// info, and refuses it if another file took its place before it was
// opened.
func readRegular(fsys fs.FS, p string, info fs.FileInfo) ([]byte, error) {
	switch m := info.Mode(); {
	case m&fs.ModeSymlink != 0:
		return nil, msg.Errorf("is a symbolic link; baocao does not follow links: copy the image itself into the folder")
	case !m.IsRegular():
		return nil, msg.Errorf("is not a regular file (%s)", m.Type())
	case info.Size() > MaxBytes:
		return nil, msg.Errorf("is %d bytes, more than the %d MiB an image may have; save it smaller (a seal needs at most about 1000 × 1000 pixels)", info.Size(), MaxBytes>>20)
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() || st.Size() != info.Size() || !st.ModTime().Equal(info.ModTime()) {
		return nil, msg.Errorf("changed while it was being read; build again")
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxBytes {
		return nil, msg.Errorf("is more than the %d MiB an image may have", MaxBytes>>20)
	}
	return data, nil
}

var pngMagic = []byte("\x89PNG\r\n\x1a\n")

// check decodes the image within the limits and says what ND30 asks of
// it that it does not do.
func check(img *Image, kind Kind) ([]msg.Text, error) {
	if !bytes.HasPrefix(img.PNG, pngMagic) {
		return nil, msg.Errorf("not a PNG file (the name ends in .png, the content is %s); save the %s as PNG", sniff(img.PNG), kind)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(img.PNG))
	if err != nil {
		return nil, msg.Errorf("a damaged PNG file: %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxSide || cfg.Height > MaxSide || cfg.Width*cfg.Height > MaxPixels {
		return nil, msg.Errorf("%d × %d pixels, more than the %d × %d (%d million pixels) an image may have; save it smaller", cfg.Width, cfg.Height, MaxSide, MaxSide, MaxPixels/1_000_000)
	}
	m, err := png.Decode(bytes.NewReader(img.PNG))
	if err != nil {
		return nil, msg.Errorf("a damaged PNG file: %w", err)
	}
	img.Width, img.Height = cfg.Width, cfg.Height
	st := stats(m)
	if st.ink == 0 {
		return nil, msg.Errorf("every pixel is transparent: the %s shows nothing", kind)
	}
	var warn []msg.Text
	if st.opaque {
		warn = append(warn, msg.Sprintf("%s: the %s has no transparent background (ND30 Phụ lục I, Mục II.7.d, II.8.a: PNG \"nền trong suốt\"): its background will hide what lies under it; save it with a transparent background", img.Where, kind))
	}
	r, g, b := st.r, st.g, st.b
	switch {
	case kind == Signature && b < max(r, g)+16:
		warn = append(warn, msg.Sprintf("%s: the %s is not blue (its ink averages R %d, G %d, B %d); ND30 Phụ lục I, Mục II.7.d asks for \"màu xanh\"", img.Where, kind, r, g, b))
	case kind == Seal && r < max(g, b)+32:
		warn = append(warn, msg.Sprintf("%s: the %s is not red (its ink averages R %d, G %d, B %d); ND30 Phụ lục I, Mục II.8.a asks for \"màu đỏ\"", img.Where, kind, r, g, b))
	}
	return warn, nil
}

// imageStats: whether every pixel is opaque, how many pixels carry ink
// (more than half opaque and not near white), and their mean colour.
type imageStats struct {
	opaque  bool
	ink     int
	r, g, b int
}

func stats(m image.Image) imageStats {
	st := imageStats{opaque: true}
	var sr, sg, sb int
	bounds := m.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			c := color.NRGBAModel.Convert(m.At(x, y)).(color.NRGBA)
			if c.A != 0xff {
				st.opaque = false
			}
			// The paper around an opaque scan is not ink.
			if c.A < 0x80 || int(c.R)+int(c.G)+int(c.B) > 3*230 {
				continue
			}
			st.ink++
			sr, sg, sb = sr+int(c.R), sg+int(c.G), sb+int(c.B)
		}
	}
	if st.ink > 0 {
		st.r, st.g, st.b = sr/st.ink, sg/st.ink, sb/st.ink
	}
	return st
}

// sniff names what a file that is not a PNG seems to be.
func sniff(data []byte) string {
	for _, s := range []struct{ magic, name string }{
		{"\xff\xd8\xff", "JPEG"}, {"GIF8", "GIF"}, {"BM", "BMP"}, {"%PDF", "PDF"}, {"II*\x00", "TIFF"}, {"MM\x00*", "TIFF"},
		{"RIFF", "RIFF (WebP?)"}, {"PK\x03\x04", "a ZIP archive"}, {"<svg", "SVG"}, {"<?xml", "XML"},
	} {
		if bytes.HasPrefix(data, []byte(s.magic)) {
			return s.name
		}
	}
	if len(data) == 0 {
		return "empty"
	}
	return "not an image baocao knows"
}
