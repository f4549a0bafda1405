package docx

import (
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"baocao/internal/docmodel"
	"baocao/internal/testtool"
)

// thachAn is the sample with the Thạch An report's số, ký hiệu, and a
// footnote citing a decision, as in the real report.
func thachAn() (d *docmodel.Document) {
	d = sampleDocument()
	d.Header.Number = "Số: 270/BC-UBND"
	d.Appendices[0].Subtitle = "(Kèm theo Báo cáo số 270/BC-UBND ngày 23 tháng 5 năm 2025 của Ủy ban nhân dân huyện Thạch An)"
	return d
}

// TestTextExtractsCodes: the text that python-docx, pandoc and
// LibreOffice's text export take from the file holds the document's
// number exactly, with its ASCII hyphen, as the reader searches for it or
// pastes it into an e-office field; a code in running text ("Kèm theo
// Báo cáo số …") has the same ASCII hyphen, followed by the word joiner
// that keeps the line from ending after it, and nothing else (no U+2011,
// no lost hyphen). wml.go, joinHyphens, says what was tried.
func TestTextExtractsCodes(t *testing.T) {
	if testing.Short() {
		t.Skip("runs python-docx, pandoc and LibreOffice")
	}
	for _, tc := range []struct {
		name string
		doc  *docmodel.Document
		code string
	}{
		{"Sa Đéc", sampleDocument(), "371/BC-UBND"},
		{"Thạch An", thachAn(), "270/BC-UBND"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "report.docx")
			if err := os.WriteFile(path, writeDoc(t, tc.doc), 0o644); err != nil {
				t.Fatal(err)
			}
			joined := strings.Replace(tc.code, "-", "-"+wordJoiner, 1)
			for name, extract := range map[string]func(*testing.T, string) string{
				"python-docx": pythonDocxText, "pandoc": pandocText, "LibreOffice": libreOfficeText,
			} {
				text := extract(t, path)
				// The line ends after the code (pandoc draws the table's
				// rule after it).
				if !regexp.MustCompile(regexp.QuoteMeta("Số: "+tc.code) + `[\s|]`).MatchString(text) {
					t.Errorf("%s: no line %q", name, "Số: "+tc.code)
				}
				if !strings.Contains(text, "Báo cáo số "+joined+" ngày") {
					t.Errorf("%s: the appendix line lacks %q", name, "Báo cáo số "+joined+" ngày")
				}
				if n := strings.Count(strings.ReplaceAll(text, wordJoiner, ""), tc.code); n != 2 {
					t.Errorf("%s: %q found %d times without the joiners, want 2", name, tc.code, n)
				}
				if strings.ContainsAny(text, "\u2011\ufeff") {
					t.Errorf("%s: the text holds U+2011 or U+FEFF", name)
				}
			}
		})
	}
}

func commandText(t *testing.T, cmd *exec.Cmd) string {
	t.Helper()
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("%s: %v\n%s", cmd.Path, err, ee.Stderr)
		}
		t.Fatalf("%s: %v", cmd.Path, err)
	}
	return string(out)
}

// pythonDocxText is the text python-docx reads: body paragraphs and the
// paragraphs of table cells (the header block is a table). It runs with
// Debian's /usr/bin/python3, which has python3-docx.
func pythonDocxText(t *testing.T, path string) string {
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		testtool.Missing(t, py)
	}
	if exec.Command(py, "-c", "import docx").Run() != nil {
		testtool.Missing(t, "python-docx for /usr/bin/python3 (Debian python3-docx)")
	}
	const script = `
import sys, docx
d = docx.Document(sys.argv[1])
out = [p.text for p in d.paragraphs]
for t in d.tables:
    for row in t.rows:
        for cell in row.cells:
            out += [p.text for p in cell.paragraphs]
print("\n".join(out))
`
	return commandText(t, exec.Command(py, "-c", script, path))
}

func pandocText(t *testing.T, path string) string {
	return commandText(t, exec.Command(testtool.Path(t, "pandoc"), "-t", "plain", "--wrap=none", path))
}

func libreOfficeText(t *testing.T, path string) string {
	soffice := testtool.Path(t, "soffice")
	dir := t.TempDir()
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, path)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), ".docx")+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	// The export starts with a byte order mark.
	return strings.TrimPrefix(string(b), "\ufeff")
}

// TestLayoutTablesHaveNoBorders: the header block, Nơi nhận and signature
// tables carry no border element at all (TableNormal has none; AbiWord
// draws full borders for an explicit "nil"), while data tables keep
// theirs.
func TestLayoutTablesHaveNoBorders(t *testing.T) {
	_, parts := unzip(t, writeDoc(t, sampleDocument()))
	dec := xml.NewDecoder(strings.NewReader(string(parts["word/document.xml"])))
	type tbl struct {
		style   string
		borders int
	}
	var stack []*tbl
	var done []*tbl
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			switch v.Name.Local {
			case "tbl":
				stack = append(stack, &tbl{})
			case "tblStyle":
				for _, a := range v.Attr {
					if a.Name.Local == "val" {
						stack[len(stack)-1].style = a.Value
					}
				}
			case "tblBorders", "tcBorders":
				stack[len(stack)-1].borders++
			}
		case xml.EndElement:
			if v.Name.Local == "tbl" {
				done = append(done, stack[len(stack)-1])
				stack = stack[:len(stack)-1]
			}
		}
	}
	layout, data := 0, 0
	for _, tb := range done {
		switch tb.style {
		case stTableNormal:
			layout++
			if tb.borders > 0 {
				t.Errorf("a layout table carries %d border elements", tb.borders)
			}
		case stTableGrid:
			data++
			if tb.borders == 0 {
				t.Error("a data table lost its borders")
			}
		}
	}
	if layout != 2 || data == 0 {
		t.Errorf("%d layout tables (want 2: header block, closing) and %d data tables", layout, data)
	}
}
