package xlsxfile

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"
)

// Test packages are written here part by part, so that each test controls
// exactly the XML the reader meets.

const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// pkg is a package: part name → content.
type pkg map[string]string

// book is a one-sheet workbook whose sheet data (inside <sheetData>) and
// other sheet elements (after it) are given.
func book(sheetData, after string) pkg {
	return pkg{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0"?><workbook ` + ns + `><workbookPr/><sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="0"/></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/></Relationships>`,
		"xl/sharedStrings.xml": `<?xml version="1.0"?><sst ` + ns + `><si><t>Khóa</t></si></sst>`,
		"xl/styles.xml": `<?xml version="1.0"?><styleSheet ` + ns + `><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
			`<fonts><font><name val="Calibri"/></font><font><name val=".VnTime"/></font></fonts>` +
			`<cellXfs><xf numFmtId="0" fontId="0"/><xf numFmtId="164" fontId="1"/><xf numFmtId="10" fontId="0"/></cellXfs></styleSheet>`,
		"xl/worksheets/sheet1.xml": `<?xml version="1.0"?><worksheet ` + ns + `><sheetData>` + sheetData + `</sheetData>` + after + `</worksheet>`,
	}
}

func (p pkg) with(name, content string) pkg {
	q := pkg{}
	for k, v := range p {
		q[k] = v
	}
	if content == "" {
		delete(q, name)
	} else {
		q[name] = content
	}
	return q
}

func (p pkg) bytes(tb testing.TB) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(p))
	for n := range p {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(p[n])); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func parse(tb testing.TB, p pkg, lim Limits) (*Book, *Sheet, error) {
	tb.Helper()
	b, err := Parse(p.bytes(tb), lim)
	if err != nil {
		return nil, nil, err
	}
	s, err := b.Sheet(0)
	return b, s, err
}

func TestDecodeEscapes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"so_xa", "so_xa"},
		{"dvc_xa_phat_sinh", "dvc_xa_phat_sinh"}, // one hex digit: not an escape (Calc 7.4 reads it as one)
		{"_x0041_", "A"},
		{"a_x000D__x000A_b", "a\r\nb"},
		{"_x005F_x0041_", "_x0041_"}, // an escaped underscore keeps the text literal
		{"__x0041_", "_A"},
		{"_x0041", "_x0041"},
		{"_x00G1_", "_x00G1_"},
		{"_X0041_", "_X0041_"},
		{"_x00e9_", "é"},
		{"_xD83D__xDE00_", "😀"},
		{"_xD83D_x", "\uFFFDx"},
		{"_xDE00_", "\uFFFD"},
		{"_x_x0041__", "_xA_"},
	}
	for _, tt := range tests {
		if got := DecodeEscapes(tt.in); got != tt.want {
			t.Errorf("DecodeEscapes(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if HasEscape(tt.in) != (DecodeEscapes(tt.in) != tt.in) {
			t.Errorf("HasEscape(%q) = %v", tt.in, HasEscape(tt.in))
		}
	}
	// 1.5 million escapes in one cell: linear, so this ends at once (the
	// regular expression and += of the previous reader never ended).
	s := strings.Repeat("_x0041_", 1_500_000)
	if got := DecodeEscapes(s); got != strings.Repeat("A", 1_500_000) {
		t.Errorf("long run decoded to %d bytes", len(got))
	}
}

func TestSheetCells(t *testing.T) {
	sst := `<?xml version="1.0"?><sst ` + ns + `>` +
		`<si><t>Khóa</t></si>` +
		`<si><r><rPr><b/></rPr><t>Giá </t></r><r><t xml:space="preserve">trị</t></r><rPh sb="0" eb="1"><t>ギ</t></rPh></si>` +
		`<si><t>a_x000A_b &amp; &lt;c&gt; &#x1EA1;</t></si>` +
		`<si/></sst>`
	data := `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>` +
		`<row r="2" spans="1:9"><c r="A2" s="1"><v>45574</v></c><c r="C2" t="b"><v>1</v></c><c r="B2" t="e"><v>#N/A</v></c>` +
		`<c r="D2" t="inlineStr"><is><r><t>in</t></r><rPh><t>x</t></rPh><r><t>line</t></r></is></c>` +
		`<c r="E2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="F2" t="d"><v>2024-10-09T00:00:00</v></c><c r="G2" s="2"/><c r="H2"><f>1+1</f></c></row>` +
		// A row and cells without r: they follow the ones before.
		`<row><c><v>1</v></c><c><v>2</v></c><c r="E3" s="2"><v>0.7416</v></c></row>` +
		// A shared formula: master and followers.
		`<row r="5"><c r="B5"><f t="shared" ref="B5:B7" si="0">A5*2</f><v>2</v></c></row>` +
		`<row r="6"><c r="B6"><f t="shared" si="0"/><v>4</v></c></row>` +
		`<x:row r="7" xmlns:x="urn:x"><x:c r="B7"><x:f t="shared" si="0"/></x:c><x:c r="A7"><x:v><![CDATA[<7>]]></x:v></x:c></x:row>`
	// F100:XFD1048576 is over the default area limit; raised, it is
	// still one range, not 17 billion cells.
	lim := DefaultLimits
	lim.MergeArea = 1 << 40
	b, s, err := parse(t, book(data, `<mergeCells count="2"><mergeCell ref="A9:C10"/><mergeCell ref="F100:XFD1048576"/></mergeCells>`).with("xl/sharedStrings.xml", sst), lim)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Sheets) != 1 || b.Sheets[0] != "Số liệu" || b.Date1904 || b.FullCalcOnLoad {
		t.Errorf("book %+v", b)
	}
	for _, c := range []struct {
		ref     string
		typ     Type
		value   string
		formula string
		style   int
	}{
		{"A1", String, "Khóa", "", 0},
		{"B1", String, "Giá trị", "", 0},
		{"C1", String, "a\nb & <c> ạ", "", 0},
		{"D1", String, "", "", 0},
		{"A2", Number, "45574", "", 1},
		{"B2", Error, "#N/A", "", 0},
		{"C2", Bool, "1", "", 0},
		{"D2", String, "inline", "", 0},
		{"E2", String, "ab", `"a"&"b"`, 0},
		{"F2", Date, "2024-10-09T00:00:00", "", 0},
		{"G2", Blank, "", "", 0},
		{"H2", Blank, "", "1+1", 0},
		{"A3", Number, "1", "", 0},
		{"B3", Number, "2", "", 0},
		{"E3", Number, "0.7416", "", 2},
		{"B5", Number, "2", "A5*2", 0},
		{"B6", Number, "4", "A5*2", 0},
		{"B7", Blank, "", "A5*2", 0},
		{"A7", Number, "<7>", "", 0},
	} {
		col, row, _ := ParseCell(c.ref)
		got := s.Cell(col, row)
		if got.Type != c.typ || got.Value != c.value || got.Formula != c.formula || got.Style != c.style {
			t.Errorf("%s = %+v, want type %d value %q formula %q style %d", c.ref, got, c.typ, c.value, c.formula, c.style)
		}
	}
	if c := s.Cell(2, 6); c.SharedCol != 2 || c.SharedRow != 5 {
		t.Errorf("B6 shares from %d,%d", c.SharedCol, c.SharedRow)
	}
	if c := s.Cell(2, 5); c.SharedCol != 0 {
		t.Errorf("the master B5 shares from %d,%d", c.SharedCol, c.SharedRow)
	}
	if s.MaxRow != 7 || s.MaxCol != 8 || s.Width(2) != 6 || s.Width(4) != 0 || s.Width(7) != 1 {
		t.Errorf("max %d×%d, widths %d %d %d", s.MaxCol, s.MaxRow, s.Width(2), s.Width(4), s.Width(7))
	}
	if st := b.Style(1); st.NumFmt != 164 || st.Format != "dd/mm/yyyy" || st.Font != ".VnTime" {
		t.Errorf("style 1 = %+v", st)
	}
	if st := b.Style(2); st.NumFmt != 10 || st.Format != "" || st.Font != "Calibri" {
		t.Errorf("style 2 = %+v", st)
	}
	// Merged ranges are looked up as ranges, the huge one included.
	for _, m := range []struct {
		ref  string
		want string
	}{{"A9", "A9:C10"}, {"C10", "A9:C10"}, {"D9", ""}, {"A11", ""}, {"F100", "F100:XFD1048576"}, {"H5000", "F100:XFD1048576"}, {"E100", ""}} {
		col, row, _ := ParseCell(m.ref)
		r, ok := s.Merge(col, row)
		if got := map[bool]string{true: r.Ref()}[ok]; got != m.want {
			t.Errorf("Merge(%s) = %q, want %q", m.ref, got, m.want)
		}
	}
}

func TestUnorderedCells(t *testing.T) {
	_, s, err := parse(t, book(`<row r="3"><c r="C3"><v>3</v></c><c r="A3"><v>1</v></c></row><row r="1"><c r="B1"><v>9</v></c></row><row r="3"><c r="A3"><v>2</v></c></row>`, ""), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if s.Cell(1, 3).Value != "2" || s.Cell(3, 3).Value != "3" || s.Cell(2, 1).Value != "9" || s.Width(3) != 3 {
		t.Errorf("A3 %q C3 %q B1 %q", s.Cell(1, 3).Value, s.Cell(3, 3).Value, s.Cell(2, 1).Value)
	}
}

func TestWorkbookProps(t *testing.T) {
	p := book(`<row r="1"><c r="A1"><v>1</v></c></row>`, "").with("xl/workbook.xml",
		`<?xml version="1.0"?><workbook `+ns+`><workbookPr date1904="1"/><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets><calcPr fullCalcOnLoad="1"/></workbook>`)
	b, _, err := parse(t, p, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if !b.Date1904 || !b.FullCalcOnLoad {
		t.Errorf("date1904 %v, fullCalcOnLoad %v", b.Date1904, b.FullCalcOnLoad)
	}
}

// ole writes an OLE compound file holding empty streams of the given
// names, as Excel writes an encrypted workbook (EncryptionInfo,
// EncryptedPackage) or a .xls (Workbook).
func ole(streams ...string) []byte {
	const free, end, fatSect, none = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
	h := make([]byte, 512)
	copy(h, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le := binary.LittleEndian
	le.PutUint16(h[24:], 0x3E)
	le.PutUint16(h[26:], 3)
	le.PutUint16(h[28:], 0xFFFE)
	le.PutUint16(h[30:], 9)
	le.PutUint16(h[32:], 6)
	le.PutUint32(h[44:], 1)    // FAT sectors
	le.PutUint32(h[48:], 1)    // first directory sector
	le.PutUint32(h[56:], 4096) // mini stream cutoff
	le.PutUint32(h[60:], end)
	le.PutUint32(h[68:], end)
	for i := 76; i < 512; i += 4 {
		le.PutUint32(h[i:], free)
	}
	le.PutUint32(h[76:], 0) // DIFAT[0]: the FAT is sector 0
	fat := make([]byte, 512)
	for i := 0; i < 512; i += 4 {
		le.PutUint32(fat[i:], free)
	}
	le.PutUint32(fat[0:], fatSect)
	le.PutUint32(fat[4:], end)
	dir := make([]byte, 512)
	entry := func(i int, name string, typ byte, child, right uint32) {
		e := dir[i*128 : (i+1)*128]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			le.PutUint16(e[2*j:], c)
		}
		le.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66], e[67] = typ, 1
		le.PutUint32(e[68:], none)
		le.PutUint32(e[72:], right)
		le.PutUint32(e[76:], child)
		le.PutUint32(e[116:], end)
	}
	entry(0, "Root Entry", 5, 1, none)
	for i, s := range streams {
		right := uint32(none)
		if i+1 < len(streams) {
			right = uint32(i + 2)
		}
		entry(i+1, s, 2, none, right)
	}
	return append(append(h, fat...), dir...)
}

func TestFormats(t *testing.T) {
	good := book(`<row r="1"><c r="A1"><v>1</v></c></row>`, "")
	whole := good.bytes(t)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"encrypted", ole("EncryptionInfo", "EncryptedPackage"), "protected by a password"},
		{"xls", ole("Workbook", "\x05SummaryInformation"), "Excel 97-2003 workbook (.xls)"},
		{"doc", ole("WordDocument"), "Word 97-2003 document"},
		{"xlsb", good.with("xl/workbook.bin", "x").with("xl/workbook.xml", "").bytes(t), "Excel binary workbook (.xlsb)"},
		{"ods", pkg{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}.bytes(t), "OpenDocument spreadsheet (.ods)"},
		{"docx", pkg{"word/document.xml": "<x/>"}.bytes(t), "Word document (.docx)"},
		{"zip", pkg{"a.txt": "x"}.bytes(t), "zip file that is not an .xlsx workbook"},
		{"truncated", whole[:len(whole)/2], "damaged or incomplete"},
		{"empty", nil, "the file is empty"},
		{"csv", []byte("Khóa,Giá trị\nnam,2024\n"), "text file (CSV or similar)"},
		{"html", []byte("<html><body><table><tr><td>1</td></tr></table></body></html>"), "web page (HTML)"},
		{"xml 2003", []byte(`<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>`), "XML Spreadsheet 2003"},
		{"binary", []byte{0, 1, 2, 3, 4, 5}, "does not start as a zip package does"},
		{"a part alone", []byte(`<?xml version="1.0"?><workbook/>`), "an XML file, not an .xlsx workbook"},
		{"missing sheet part", good.with("xl/worksheets/sheet1.xml", "").bytes(t), "the part xl/worksheets/sheet1.xml is missing"},
		{"missing relationship", good.with("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`).bytes(t), `sheet "Số liệu" has no part`},
		{"doctype", good.with("xl/workbook.xml", `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><workbook/>`).bytes(t), "document type declaration"},
		{"doctype in a sheet", good.with("xl/worksheets/sheet1.xml", `<!DOCTYPE x><worksheet/>`).bytes(t), "document type declaration"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse(tt.data, DefaultLimits)
			if err == nil {
				_, err = b.Sheet(0)
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if strings.Contains(tt.want, "(.x") || strings.Contains(tt.want, "(.o") || strings.Contains(tt.want, "CSV") {
				if !strings.Contains(err.Error(), "Lưu thành") {
					t.Errorf("%v: says not how to save as .xlsx", err)
				}
			}
		})
	}
}

func TestIllegalCharacters(t *testing.T) {
	tests := []struct {
		name string
		p    pkg
		want string
	}{
		{"control character in a value", book(`<row r="1"><c r="B1" t="inlineStr"><is><t>a`+"\x01"+`b</t></is></c></row>`, ""),
			`sheet "Số liệu", cell B1: the character U+0001, which XML does not allow`},
		{"character reference", book(`<row r="2"><c r="C2" t="str"><v>a&#1;b</v></c></row>`, ""),
			`sheet "Số liệu", cell C2: the character U+0001`},
		{"shared string", book(`<row r="3"><c r="A3" t="s"><v>0</v></c></row>`, "").with("xl/sharedStrings.xml", `<sst `+ns+`><si><t>x`+"\x02"+`</t></si></sst>`),
			`sheet "Số liệu", cell A3: the character U+0002`},
		{"not UTF-8", book(`<row r="1"><c r="A1" t="inlineStr"><is><t>`+"\xff\xfe"+`</t></is></c></row>`, ""),
			`sheet "Số liệu", cell A1: text that is not valid UTF-8`},
		{"shared string out of range", book(`<row r="4"><c r="A4" t="s"><v>7</v></c></row>`, ""),
			`sheet "Số liệu", cell A4: the cell refers to shared string "7", but the workbook has 1`},
		{"unknown entity", book(`<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>`, ""),
			`sheet "Số liệu", cell A1: XML syntax error at byte 0: unknown entity &nbsp;`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := parse(t, tt.p, DefaultLimits)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %v\nwant  %s…", err, tt.want)
			}
		})
	}
	// An unused shared string with a bad character is no error.
	if _, _, err := parse(t, book(`<row r="1"><c r="A1"><v>1</v></c></row>`, "").with("xl/sharedStrings.xml", `<sst `+ns+`><si><t>`+"\x02"+`</t></si></sst>`), DefaultLimits); err != nil {
		t.Error(err)
	}
	_ = fmt.Sprint
}
