package sigimage

import (
	"baocao/internal/msg"

	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"baocao/internal/testtool"
)

func PNG(t testing.TB, w, h int, ink color.NRGBA, opaque bool) []byte {
	return testtool.PNG(t, w, h, ink, opaque)
}

// pngHeader is the start of a PNG that claims w × h pixels: enough for
// DecodeConfig, which must refuse it before anything is decoded.
func pngHeader(w, h uint32) []byte {
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 6 // 8-bit RGBA
	chunk := append([]byte("IHDR"), ihdr[:]...)
	out := append([]byte{}, pngMagic...)
	out = binary.BigEndian.AppendUint32(out, 13)
	out = append(out, chunk...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(chunk))
}

var blue, red = testtool.Blue, testtool.Red

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("chu-ky.png", PNG(t, 200, 100, blue, false))
	write("dau.png", PNG(t, 120, 120, red, false))
	write("trang.png", PNG(t, 120, 120, red, true))
	write("den.png", PNG(t, 200, 100, color.NRGBA{10, 10, 10, 255}, false))
	write("trong.png", PNG(t, 40, 40, color.NRGBA{}, false))
	write("anh.png", []byte("\xff\xd8\xff\xe0 JFIF"))
	write("hong.png", append(append([]byte{}, pngMagic...), "garbage"...))
	write("lon.png", pngHeader(5000, 5000))
	write("rong.png", pngHeader(3000, 3000))
	write("nang.png", append(PNG(t, 10, 10, red, false), make([]byte, MaxBytes)...))
	write("dau.jpg", []byte("\xff\xd8\xff"))
	if err := os.Mkdir(filepath.Join(dir, "thu-muc.png"), 0o755); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "ngoai.png")
	if err := os.WriteFile(outside, PNG(t, 120, 120, red, false), 0o644); err != nil {
		t.Fatal(err)
	}
	links := os.Symlink(outside, filepath.Join(dir, "lienket.png")) == nil // not on every Windows
	dirs := []Dir{{FS: os.DirFS(dir), Path: ".", Label: "du-lieu"}}

	for _, c := range []struct {
		name string
		kind Kind
		err  string // empty: loads
		warn string // a warning that must be said
	}{
		{name: "chu-ky.png", kind: Signature},
		{name: "dau.png", kind: Seal},
		{name: "trang.png", kind: Seal, warn: "du-lieu/trang.png: the seal image (ô 8) has no transparent background"},
		{name: "den.png", kind: Signature, warn: "du-lieu/den.png: the signature image (ô 7c) is not blue"},
		{name: "chu-ky.png", kind: Seal, warn: "is not red"},
		{name: "trong.png", kind: Seal, err: "du-lieu/trong.png: every pixel is transparent"},
		{name: "anh.png", kind: Seal, err: "du-lieu/anh.png: not a PNG file (the name ends in .png, the content is JPEG)"},
		{name: "hong.png", kind: Seal, err: "du-lieu/hong.png: a damaged PNG file"},
		{name: "lon.png", kind: Seal, err: "du-lieu/lon.png: 5000 × 5000 pixels, more than"},
		{name: "rong.png", kind: Seal, err: "du-lieu/rong.png: 3000 × 3000 pixels, more than the 4000 × 4000 (8 million pixels)"},
		{name: "nang.png", kind: Seal, err: "du-lieu/nang.png: is 41944"},
		{name: "dau.jpg", kind: Seal, err: "dau.jpg: not a .png file"},
		{name: "thu-muc.png", kind: Seal, err: "du-lieu/thu-muc.png: is not a regular file"},
		{name: "lienket.png", kind: Seal, err: "du-lieu/lienket.png: is a symbolic link"},
		{name: "../ngoai.png", kind: Seal, err: "give a file name only"},
		{name: "a/dau.png", kind: Seal, err: "give a file name only"},
		{name: `a\dau.png`, kind: Seal, err: "give a file name only"},
		{name: "C:dau.png", kind: Seal, err: "give a file name only"},
		{name: "", kind: Seal, err: "no file name"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.name == "lienket.png" && !links {
				t.Skip("no symbolic links here")
			}
			img, warn, err := Load(dirs, c.name, c.kind)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err = %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if img.Width == 0 || len(img.PNG) == 0 {
				t.Errorf("image %+v", img)
			}
			var ws []string
			for _, w := range warn {
				ws = append(ws, w.String())
				if vi := msg.Local(msg.Vietnamese, w); strings.Contains(vi, " the ") {
					t.Errorf("warning not wholly Vietnamese: %s", vi)
				}
			}
			joined := strings.Join(ws, "\n")
			if c.warn == "" && joined != "" {
				t.Errorf("unexpected warnings: %s", joined)
			}
			if c.warn != "" && !strings.Contains(joined, c.warn) {
				t.Errorf("warnings %q, want %q", joined, c.warn)
			}
		})
	}
}

// TestLoadOrder: the first folder that holds the name wins (the
// workbook's before the template's), and a folder of the built-in
// templates, which has no links, is searched as well.
func TestLoadOrder(t *testing.T) {
	mine := PNG(t, 100, 100, red, false)
	theirs := PNG(t, 60, 60, red, false)
	data := fstest.MapFS{"dau.png": {Data: mine}}
	tmpl := fstest.MapFS{"templates/x/dau.png": {Data: theirs}, "templates/x/chu-ky.png": {Data: PNG(t, 90, 40, blue, false)}}
	dirs := []Dir{{FS: data, Path: ".", Label: "du-lieu"}, {FS: tmpl, Path: "templates/x", Label: "templates/x"}}
	img, _, err := Load(dirs, "dau.png", Seal)
	if err != nil || !bytes.Equal(img.PNG, mine) || img.Where != "du-lieu/dau.png" {
		t.Fatalf("dau.png: %v, %+v", err, img)
	}
	img, _, err = Load(dirs, "chu-ky.png", Signature)
	if err != nil || img.Where != "templates/x/chu-ky.png" || img.Width != 90 || img.Height != 40 {
		t.Fatalf("chu-ky.png: %v, %+v", err, img)
	}
	if _, _, err := Load(dirs, "khong.png", Seal); err == nil || !strings.Contains(err.Error(), "khong.png: no such file in the folder du-lieu or the folder templates/x") {
		t.Errorf("missing: %v", err)
	}
	if _, _, err := Load(nil, "dau.png", Seal); err == nil {
		t.Error("no folders: no error")
	}
}
