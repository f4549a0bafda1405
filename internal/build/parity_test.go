package build

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"baocao/internal/testtool"
)

// docxText reads the words of a DOCX part in document order. Words inside
// tables (the header block, the closing block) go to tables, the rest to
// flow; a footnote reference or mark prints its number glued to the word
// before it, as a superscript reads in extracted PDF text.
func docxText(t *testing.T, path, part string) (flow, tables []string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.Open(part)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var text, tab strings.Builder
	dec := xml.NewDecoder(f)
	depth, inT := 0, false
	noteID := ""
	out := func() *strings.Builder {
		if depth > 0 {
			return &tab
		}
		return &text
	}
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
				depth++
			case "t":
				inT = true
			case "noBreakHyphen":
				out().WriteString("-")
			case "tab", "br":
				out().WriteString(" ")
			case "footnoteReference":
				for _, a := range v.Attr {
					if a.Name.Local == "id" {
						out().WriteString(a.Value)
					}
				}
			case "footnote":
				for _, a := range v.Attr {
					if a.Name.Local == "id" {
						noteID = a.Value
					}
				}
			case "footnoteRef":
				out().WriteString(noteID + " ")
			}
		case xml.EndElement:
			switch v.Name.Local {
			case "tbl":
				depth--
			case "t":
				inT = false
			case "p":
				out().WriteString(" ")
			}
		case xml.CharData:
			if inT {
				// The DOCX writer follows a hyphen inside a code with a
				// word joiner (U+2060), which prints as nothing.
				out().WriteString(strings.ReplaceAll(string(v), "\u2060", ""))
			}
		}
	}
	return strings.Fields(text.String()), strings.Fields(tab.String())
}

// pdfPages returns the words of each page, without the page number at the
// top of pages 2 and later.
func pdfPages(t *testing.T, path string) [][]string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var pages [][]string
	for i, p := range strings.Split(strings.TrimSuffix(string(out), "\f"), "\f") {
		w := strings.Fields(p)
		if i > 0 && len(w) > 0 && w[0] == strconv.Itoa(i+1) {
			w = w[1:]
		}
		pages = append(pages, w)
	}
	return pages
}

// subsequence reports whether want appears in order within have, and if
// not, the first word of want that could not be matched with its context.
func subsequence(want, have []string) (bool, string) {
	j := 0
	for i, w := range want {
		for j < len(have) && have[j] != w {
			j++
		}
		if j == len(have) {
			lo := max(0, i-5)
			return false, fmt.Sprintf("word %d %q (after %q)", i, w, strings.Join(want[lo:i], " "))
		}
		j++
	}
	return true, ""
}

// TestPDFMatchesDOCX: both writers read one model, so a reader of either
// file sees the same words in the same order: the body in order, each
// footnote in order, the header and closing blocks, and nothing else.
func TestPDFMatchesDOCX(t *testing.T) {
	testtool.Need(t, "pdftotext")
	res, err := sampleJob(t, "sa-dec-9-thang-2024", t.TempDir()).Run()
	if err != nil {
		t.Fatal(err)
	}
	body, blocks := docxText(t, res.Files[0], "word/document.xml")
	notes, _ := docxText(t, res.Files[0], "word/footnotes.xml")
	var all []string
	for _, p := range pdfPages(t, res.Files[1]) {
		all = append(all, p...)
	}
	if ok, where := subsequence(body, all); !ok {
		t.Errorf("the PDF lacks the DOCX body text in order, at %s", where)
	}
	if ok, where := subsequence(notes, all); !ok {
		t.Errorf("the PDF lacks the DOCX footnotes in order, at %s", where)
	}
	// Table blocks read left column then right in the DOCX and line by
	// line in the PDF: compare them as bags.
	bag := map[string]int{}
	for _, w := range all {
		bag[w]++
	}
	for _, w := range append(append(append([]string{}, body...), notes...), blocks...) {
		bag[w]--
	}
	for w, n := range bag {
		if n != 0 {
			t.Errorf("word %q: %+d in the PDF compared with the DOCX", w, n)
		}
	}
}
