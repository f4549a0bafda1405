package xlsxfile

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// slowDecode is what decodeXML did before strictWalk: encoding/xml alone.
func slowDecode[T any](data []byte) (T, error) {
	var v T
	err := xml.NewDecoder(bytes.NewReader(data)).Decode(&v)
	return v, err
}

// sameAsXML fails the test when fast reads data, and encoding/xml either
// refuses it or reads something else.
func sameAsXML[T any](t *testing.T, data []byte, fast func([]byte) (T, bool)) (read bool) {
	t.Helper()
	got, ok := fast(data)
	if !ok {
		return false
	}
	want, err := slowDecode[T](data)
	if err != nil {
		t.Errorf("the fast reader read %q, which encoding/xml refuses: %v", data, err)
		return true
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%q:\nfast        %+v\nencoding/xml %+v", data, got, want)
	}
	return true
}

// sampleParts are the small parts of the sample workbooks.
func sampleParts(tb testing.TB) [][]byte {
	tb.Helper()
	files, _ := filepath.Glob("../../data/*.xlsx")
	more, _ := filepath.Glob("../../data/*/*.xlsx")
	var parts [][]byte
	for _, f := range append(files, more[:min(len(more), 2)]...) {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			tb.Fatal(err)
		}
		for _, e := range zr.File {
			if !strings.HasSuffix(e.Name, ".rels") && e.Name != "xl/workbook.xml" && e.Name != "xl/styles.xml" {
				continue
			}
			rc, err := e.Open()
			if err != nil {
				tb.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			parts = append(parts, b)
		}
	}
	for _, name := range []string{"_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"} {
		parts = append(parts, []byte(book("", "")[name]))
	}
	return parts
}

// TestStrictParts: the fast readers read every part of the samples, and
// read it as encoding/xml does.
func TestStrictParts(t *testing.T) {
	for _, p := range sampleParts(t) {
		if !sameAsXML(t, p, fastRels) && bytes.Contains(p, []byte("<Relationships")) {
			t.Errorf("fastRels left a sample part to encoding/xml:\n%s", p)
		}
		if !sameAsXML(t, p, fastWorkbook) || !sameAsXML(t, p, fastStyles) {
			t.Errorf("a sample part was left to encoding/xml:\n%s", p)
		}
	}
}

// TestStrictFallback: what the fast readers are not sure of is left to
// encoding/xml, and what they read they read as it does.
func TestStrictFallback(t *testing.T) {
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	wb := func(s string) string { return `<?xml version="1.0"?><workbook ` + ns + `>` + s + `</workbook>` }
	for _, c := range []struct {
		name, part string
		read       bool // read by the fast reader
	}{
		{"plain", wb(`<sheets><sheet name="A" r:id="rId1"/></sheets>`), true},
		{"entities", wb(`<sheets><sheet name="A&amp;B &#x1EA0;&#65;&lt;&quot;&apos;&gt;" r:id="rId1"/></sheets>`), true},
		{"prefix declared on the sheet", wb(`<sheets><sheet xmlns:q="http://schemas.openxmlformats.org/officeDocument/2006/relationships" name="A" q:id="rId1"/></sheets>`), true},
		{"prefix of another namespace", wb(`<sheets><sheet xmlns:r="urn:x" name="A" r:id="rId1"/></sheets>`), true},
		{"undeclared prefix", `<workbook><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>`, true},
		{"xmlns named like a field", wb(`<sheets><sheet name="A" xmlns:name="B" r:id="rId1"/></sheets>`), true},
		{"attributes run together", wb(`<sheets><sheet name="A"r:id="rId1"/></sheets>`), true},
		{"spaces around =", wb("<sheets><sheet name = 'A'\n\tr:id\t=\"rId1\" /></sheets>"), true},
		{"two workbookPr", wb(`<workbookPr date1904="1"/><workbookPr/><workbookPr date1904="0"/>`), true},
		{"comments", "<!-- a -->\n" + wb(`<!----><sheets><!-- - --></sheets>`), true},
		{"after the root", wb(``) + `<junk`, true},
		{"no declaration", `<workbook/>`, true},
		{"declaration in single quotes", `<?xml version='1.0' encoding='utf-8' standalone='yes'?><workbook/>`, true},

		{"empty", ``, false},
		{"text before the root", `x<workbook/>`, false},
		{"byte order mark", "\ufeff<workbook/>", false},
		{"unclosed", wb(`<sheets>`), false},
		{"mismatched", wb(`<sheets></sheet>`), false},
		{"mismatched prefix", `<x:workbook xmlns:x="a"></y:workbook>`, false},
		{"ends early", `<workbook><sheets>`, false},
		{"version 1.1", `<?xml version="1.1"?><workbook/>`, false},
		{"latin-1", `<?xml version="1.0" encoding="ISO-8859-1"?><workbook/>`, false},
		{"other instruction", `<?xml-stylesheet href="a"?><workbook/>`, false},
		{"instruction inside", wb(`<?x y?>`), false},
		{"cdata", wb(`<![CDATA[x]]>`), false},
		{"]]> in text", wb(`a]]>b`), false},
		{"-- in a comment", wb(`<!-- a -- b -->`), false},
		{"unknown entity", wb(`<sheets><sheet name="&nbsp;"/></sheets>`), false},
		{"entity without ;", wb(`<sheets><sheet name="&amp"/></sheets>`), false},
		{"reference to U+0001", wb(`<sheets><sheet name="&#1;"/></sheets>`), false},
		{"reference to a surrogate", wb(`<sheets><sheet name="&#xD800;"/></sheets>`), false},
		{"hex with X", wb(`<sheets><sheet name="&#X41;"/></sheets>`), false},
		{"control character", wb("<sheets><sheet name=\"a\x01\"/></sheets>"), false},
		{"bad UTF-8", wb("<sheets><sheet name=\"a\xff\"/></sheets>"), false},
		{"control character in text", wb("a\x02"), false},
		{"< in a value", wb(`<sheets><sheet name="a<b"/></sheets>`), false},
		{"carriage return in a value", wb("<sheets><sheet name=\"a\rb\"/></sheets>"), false},
		{"unquoted", wb(`<sheets><sheet name=A/></sheets>`), false},
		{"no value", wb(`<sheets><sheet hidden/></sheets>`), false},
		{"two colons", wb(`<a:b:c/>`), false},
		{"non-ASCII name", wb(`<tên/>`), false},
		{"name from a digit", wb(`<1a/>`), false},
		{"/ then space", wb(`<sheets / >`), false},
		{"end tag space", wb(`<sheets></sheets x>`), false},
		{"xmlns:xml", wb(`<sheets xmlns:xml="a"/>`), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if read := sameAsXML(t, []byte(c.part), fastWorkbook); read != c.read {
				t.Errorf("read by the fast reader: %v, want %v", read, c.read)
			}
		})
	}
	for _, c := range []struct {
		name, part string
		read       bool
	}{
		{"ints", `<styleSheet><numFmts><numFmt numFmtId=" 164 " formatCode="0.0%"/></numFmts><cellXfs><xf numFmtId="" fontId="2"/></cellXfs></styleSheet>`, true},
		{"fonts", `<styleSheet><fonts><font><b/><name val="Arial"/><name/></font><font/><x><font><name val="Y"/></font></x></fonts></styleSheet>`, true},
		{"bad int", `<styleSheet><cellXfs><xf fontId="x"/></cellXfs></styleSheet>`, false},
		{"int overflow", `<styleSheet><cellXfs><xf fontId="99999999999999999999"/></cellXfs></styleSheet>`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if read := sameAsXML(t, []byte(c.part), fastStyles); read != c.read {
				t.Errorf("read by the fast reader: %v, want %v", read, c.read)
			}
		})
	}
}

// FuzzStrictParts: whatever part the fast readers read, encoding/xml
// reads alike.
func FuzzStrictParts(f *testing.F) {
	for _, p := range sampleParts(f) {
		f.Add(p)
	}
	f.Add([]byte(`<a xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="&#x41;" r:id="x"/></sheets><fonts><font><name val="v"/></font></fonts></a>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsXML(t, data, fastRels)
		sameAsXML(t, data, fastWorkbook)
		sameAsXML(t, data, fastStyles)
	})
}
