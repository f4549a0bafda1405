package build

import (
	"archive/zip"
	"bytes"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"baocao"
	"baocao/internal/check"
	"baocao/internal/testtool"
)

// imageReport copies the ward's template and workbook into a temporary
// folder: the template a draft for the electronic document system
// (phat_hanh: dien-tu) with the signature image beside the workbook and
// the seal in the template folder, as an agency would keep them. It
// returns the template folder and the workbook's path.
func imageReport(t *testing.T) (tplDir, data string) {
	t.Helper()
	root := t.TempDir()
	tplDir, dataDir := filepath.Join(root, "mau"), filepath.Join(root, "so-lieu")
	assets := baocao.Assets()
	sub, err := fs.Sub(assets, "templates/cchc-nam-xa-phuong")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(tplDir, sub); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(tplDir, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(src), "co_chu: 13/14/14\n", "co_chu: 13/14/14\nphat_hanh: dien-tu\n", 1)
	s = strings.Replace(s, "  ho_ten: '{{ fact \"nguoi_ky\" }}'\n", "  ho_ten: '{{ fact \"nguoi_ky\" }}'\n  anh_chu_ky: chu-ky.png\n  anh_dau: dau.png\n  duong_kinh_dau: 38\n", 1)
	if s == string(src) || !strings.Contains(s, "anh_dau") || !strings.Contains(s, "phat_hanh") {
		t.Fatal("the template's front matter changed: adapt the test")
	}
	wb, err := fs.ReadFile(assets, "data/phuong-tan-my-2026.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		path string
		data []byte
	}{
		{filepath.Join(tplDir, "report.md"), []byte(s)},
		{filepath.Join(tplDir, "dau.png"), testtool.PNG(t, 380, 380, testtool.Red, false)},
		{filepath.Join(dataDir, "chu-ky.png"), testtool.PNG(t, 400, 200, testtool.Blue, false)},
		{filepath.Join(dataDir, "phuong-tan-my.xlsx"), wb},
	} {
		if err := os.MkdirAll(filepath.Dir(f.path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f.path, f.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return tplDir, filepath.Join(dataDir, "phuong-tan-my.xlsx")
}

func imageJob(t *testing.T, tplDir, data, out string) *Job {
	t.Helper()
	tp, err := LoadTemplateFS(os.DirFS(tplDir), ".", tplDir)
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(data)
	if err != nil {
		t.Fatal(err)
	}
	j, err := NewJob("bao-cao", tp, data, src, out)
	if err != nil {
		t.Fatal(err)
	}
	j.ImagesBeside(data)
	return j
}

// TestImagesBuild: a build with both images puts them in the PDF (image
// XObjects with soft masks, at 40 and 38 mm) and the DOCX (media parts);
// the draft leaves số and the day and month blank in the header and the
// "(Kèm theo …)" line of both; the manifest records the images, so a new
// seal rebuilds an otherwise unchanged report and keeps the old one.
func TestImagesBuild(t *testing.T) {
	tplDir, data := imageReport(t)
	out := t.TempDir()
	res, err := imageJob(t, tplDir, data, out).Run()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Check == "chu-ky" {
			t.Errorf("finding about the signature block: %s", f.Message)
		}
	}
	pdfPath, docxPath := filepath.Join(out, "bao-cao.pdf"), filepath.Join(out, "bao-cao.docx")

	zr, err := zip.OpenReader(docxPath)
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		parts[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	zr.Close()
	chuKy, _ := os.ReadFile(filepath.Join(filepath.Dir(data), "chu-ky.png"))
	dau, _ := os.ReadFile(filepath.Join(tplDir, "dau.png"))
	if !bytes.Equal(parts["word/media/chu-ky.png"], chuKy) || !bytes.Equal(parts["word/media/dau.png"], dau) {
		t.Error("the DOCX does not hold the two PNG files as given")
	}
	// The draft form: six spaces for the number, four for the day and
	// the month, in the header and in the appendix's line.
	doc := strings.ReplaceAll(string(parts["word/document.xml"]), "\u2060", "")
	for _, want := range []string{">Số:      /BC-UBND<", "ngày    tháng    năm 2026<", "(Kèm theo Báo cáo số      /BC-UBND ngày    tháng    năm 2026 của"} {
		if !strings.Contains(doc, want) {
			t.Errorf("DOCX lacks %q", want)
		}
	}

	testtool.Need(t, "pdfimages", "pdftotext")
	list, err := exec.Command("pdfimages", "-list", pdfPath).Output()
	if err != nil {
		t.Fatal(err)
	}
	rows := regexp.MustCompile(`(?m)^\s*\d+\s+\d+\s+(image|smask)\s+(\d+)\s+(\d+)\s+\S+\s+\d+\s+\d+\s+\S+\s+\S+\s+\d+\s+\d+\s+(\d+)`).FindAllStringSubmatch(string(list), -1)
	var got []string
	for _, r := range rows {
		got = append(got, r[1]+" "+r[2]+"×"+r[3]+" "+r[4]+"ppi")
	}
	// 400 px over 40 mm and 380 px over 38 mm: 254 ppi both.
	if want := "image 400×200 254ppi, smask 400×200 254ppi, image 380×380 254ppi, smask 380×380 254ppi"; strings.Join(got, ", ") != want {
		t.Errorf("pdfimages: %s, want %s\n%s", strings.Join(got, ", "), want, list)
	}
	// pdftotext folds a wide gap of italic text to one space: the
	// widths themselves are TestBlanksKeepWidth's (package pdf).
	header := regexp.MustCompile(`Số:\s+/BC-UBND\s+Tân Mỹ, ngày\s+tháng\s+năm 2026`)
	kemTheo := regexp.MustCompile(`\(Kèm theo Báo cáo số\s+/BC-UBND\s+ngày\s+tháng\s+năm 2026`)
	for what, path := range map[string]string{"PDF": pdfPath, "DOCX via LibreOffice": ""} {
		if path == "" {
			if _, err := exec.LookPath("soffice"); err != nil && !testtool.Required() {
				continue
			}
			path = soffice(t, docxPath, "pdf", ".pdf", t.TempDir())
		}
		raw, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := norm.NFC.String(string(raw))
		if !header.MatchString(text) || !kemTheo.MatchString(text) {
			t.Errorf("%s: the header and the appendix's line do not both leave số and ngày blank:\n%s", what, text)
		}
	}

	// Unchanged: skipped. A new seal: rebuilt, the old PDF kept.
	res, err = imageJob(t, tplDir, data, out).Run()
	if err != nil || !res.Skipped {
		t.Fatalf("second build: %v, skipped %v", err, res.Skipped)
	}
	if err := os.WriteFile(filepath.Join(tplDir, "dau.png"), testtool.PNG(t, 300, 300, testtool.Red, false), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err = imageJob(t, tplDir, data, out).Run()
	if err != nil || res.Skipped || len(res.Kept) == 0 {
		t.Fatalf("after a new seal: %v, skipped %v, kept %v", err, res.Skipped, res.Kept)
	}
	m, _ := os.ReadFile(filepath.Join(out, "bao-cao"+ManifestExt))
	if !bytes.Contains(m, []byte(`"ky.anh_dau": "`+Hash(testtool.PNG(t, 300, 300, testtool.Red, false))+`"`)) {
		t.Errorf("the manifest does not record the new seal:\n%s", m)
	}
}

// TestImagesRefused: an image that is not what ND30 asks is a warning of
// validate and build, naming the file; one that cannot be used stops the
// build, naming the front-matter key, the template line and the file.
func TestImagesRefused(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "dau.png")
	if err := os.WriteFile(outside, testtool.PNG(t, 300, 300, testtool.Red, false), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		setup func(t *testing.T, tplDir, dataDir string)
		warn  []string // findings of check chu-ky
		err   string
	}{
		{name: "black on white", setup: func(t *testing.T, _, dataDir string) {
			write(t, filepath.Join(dataDir, "chu-ky.png"), testtool.PNG(t, 400, 200, testtool.Red, true))
		}, warn: []string{"chu-ky.png: the signature image (ô 7c) has no transparent background", "chu-ky.png: the signature image (ô 7c) is not blue"}},
		{name: "a JPEG", setup: func(t *testing.T, tplDir, _ string) {
			write(t, filepath.Join(tplDir, "dau.png"), []byte("\xff\xd8\xff\xe0\x00\x10JFIF"))
		}, err: "report.md:33: ky.anh_dau: " + "TPL/dau.png: not a PNG file (the name ends in .png, the content is JPEG)"},
		{name: "missing", setup: func(t *testing.T, tplDir, _ string) {
			os.Remove(filepath.Join(tplDir, "dau.png"))
		}, err: "report.md:33: ky.anh_dau: dau.png: no such file in the folder DATA or the folder TPL"},
		{name: "a link beside the workbook", setup: func(t *testing.T, _, dataDir string) {
			if err := os.Symlink(outside, filepath.Join(dataDir, "dau.png")); err != nil {
				t.Skip("no symbolic links here")
			}
		}, err: "report.md:33: ky.anh_dau: DATA/dau.png: is a symbolic link"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tplDir, data := imageReport(t)
			dataDir := filepath.Dir(data)
			c.setup(t, tplDir, dataDir)
			j := imageJob(t, tplDir, data, t.TempDir())
			findings := j.Validate()
			_, err := j.Run()
			if c.err != "" {
				want := strings.NewReplacer("TPL", tplDir, "DATA", dataDir).Replace(c.err)
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Fatalf("build: %v\nwant %q", err, want)
				}
				if !check.HasErrors(findings) {
					t.Errorf("validate finds no error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range findings {
				if f.Check == "chu-ky" {
					got = append(got, f.Message)
				}
			}
			joined := strings.Join(got, "\n")
			for _, w := range c.warn {
				if !strings.Contains(joined, w) {
					t.Errorf("findings %q lack %q", joined, w)
				}
			}
		})
	}
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
