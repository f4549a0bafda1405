// Package sml writes SpreadsheetML workbooks (.xlsx): the package parts
// (content types, relationships, core and app document properties), the
// workbook part with its sheets, defined names and calculation
// properties, a styles part whose fonts, fills, borders, number formats
// and cell formats are each kept once by value, and worksheets streamed
// row by row into the zip through internal/zipdeflate. Both workbooks
// baocao writes go through it: the appendix tables (internal/render/xlsx)
// and the blank workbook a user fills (internal/workbook).
//
// It is written here rather than with excelize, which the two writers
// used before: measured in a whole process, excelize's package
// initialisation alone cost 2.4 ms and 1.3 MB (21,000 allocations) in
// every run of baocao, before main, and it linked x/text's CJK encodings
// into the binary; writing the Thạch An appendix with it took 3.4 ms and
// 14,000 allocations. The two writers need a small, fixed part of
// SpreadsheetML (inline strings, numbers, formulas with cached values,
// styles, merges, column widths, row heights, frozen panes, data
// validation, sheet protection, page setup), which this package writes
// in about a thousand lines with its comments; the binary is 2.4 MB
// smaller for it. Reading stays with internal/xlsxfile; tests still read
// our files back with excelize, LibreOffice, exceljs and openpyxl.
//
// Text is written as inline strings (<is><t>), which LibreOffice, Excel,
// exceljs, openpyxl and internal/xlsxfile all read, so that a sheet needs
// no second pass for a shared string table. The output depends only on
// what the caller writes: same calls, same bytes.
package sml

import (
	"archive/zip"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"baocao/internal/msg"
	"baocao/internal/render/zcache"
	"baocao/internal/zipdeflate"
)

// Options are what a workbook says about itself as a whole.
type Options struct {
	// Cache, when not nil, keeps the compressed form of the parts that
	// the workbooks of a batch share (styles, relationships, properties).
	Cache *zcache.Cache
	// DefaultFont is the font of the Normal style: of every empty cell
	// and of a cell whose style names no font. Zero: Calibri 11.
	DefaultFont Font
	// Active is the index of the sheet the workbook opens on.
	Active int
	// FullCalcOnLoad asks the program that opens the workbook to
	// recalculate every formula.
	FullCalcOnLoad bool
	Core           CoreProps
	App            AppProps
}

// CoreProps are the core document properties (docProps/core.xml); an
// empty text is left out. Created and Modified are the document's own
// dates, never the clock's: a zero date is written as 2000-01-01.
type CoreProps struct {
	Title, Subject, Creator, Keywords, LastModifiedBy, Language string
	Created, Modified                                           time.Time
}

// AppProps are the extended document properties (docProps/app.xml).
type AppProps struct {
	Application, Company string
}

// A Workbook writes one .xlsx package. Its methods record the first error
// they meet; Close returns it.
type Workbook struct {
	zw     *zip.Writer
	opts   Options
	styles styleTable
	sheets []string // names, in order
	lower  map[string]bool
	titles []printTitles
	open   *Sheet
	err    error
	closed bool
}

type printTitles struct {
	sheet    int
	from, to int
}

// New starts a workbook written to w.
func New(w io.Writer, opts Options) *Workbook {
	if opts.DefaultFont == (Font{}) {
		opts.DefaultFont = Font{Name: "Calibri", Size: 11}
	}
	var zw *zip.Writer
	if opts.Cache != nil {
		zw = zipdeflate.NewCachedWriter(w, opts.Cache)
	} else {
		zw = zipdeflate.NewWriter(w)
	}
	wb := &Workbook{zw: zw, opts: opts, lower: map[string]bool{}}
	wb.styles.init(opts.DefaultFont)
	return wb
}

func (wb *Workbook) fail(err error) error {
	if wb.err == nil {
		wb.err = err
	}
	return wb.err
}

// create starts a zip entry.
func (wb *Workbook) create(name string) (io.Writer, error) {
	w, err := wb.zw.CreateHeader(zipdeflate.Header(name, wb.opts.Core.Modified))
	if err != nil {
		return nil, msg.Errorf("xlsx: %s: %w", name, err)
	}
	return w, nil
}

// part writes a whole part.
func (wb *Workbook) part(name string, data []byte) {
	if wb.err != nil {
		return
	}
	w, err := wb.create(name)
	if err == nil {
		_, err = w.Write(data)
	}
	if err != nil {
		wb.fail(msg.Errorf("xlsx: %s: %w", name, err))
	}
}

// checkSheetName refuses a name Excel does not accept as a sheet's tab: 1
// to 31 characters, none of :\/?*[], not beginning or ending with an
// apostrophe.
func checkSheetName(name string) error {
	switch n := len(utf16.Encode([]rune(name))); {
	case n == 0:
		return msg.Errorf("a sheet needs a name")
	case n > 31:
		return msg.Errorf("sheet name %q has %d characters; Excel allows at most 31", name, n)
	case strings.ContainsAny(name, `:\/?*[]`):
		return msg.Errorf("sheet name %q holds one of the characters : \\ / ? * [ ], which Excel does not allow", name)
	case name[0] == '\'' || name[len(name)-1] == '\'':
		return msg.Errorf("sheet name %q begins or ends with an apostrophe, which Excel does not allow", name)
	}
	return nil
}

// Close finishes the open sheet and writes the workbook's remaining
// parts, then the zip's directory.
func (wb *Workbook) Close() error {
	if wb.closed {
		return wb.err
	}
	wb.closed = true
	wb.finish()
	if wb.err == nil && len(wb.sheets) == 0 {
		wb.fail(msg.Errorf("a workbook needs at least one sheet"))
	}
	if wb.err != nil {
		return wb.err
	}
	wb.part("xl/workbook.xml", wb.workbookXML())
	wb.part("xl/_rels/workbook.xml.rels", wb.workbookRels())
	wb.part("xl/styles.xml", wb.styles.xml())
	wb.part("docProps/core.xml", coreXML(&wb.opts.Core))
	wb.part("docProps/app.xml", appXML(&wb.opts.App))
	wb.part("_rels/.rels", []byte(rootRels))
	wb.part("[Content_Types].xml", wb.contentTypes())
	if wb.err != nil {
		return wb.err
	}
	if err := wb.zw.Close(); err != nil {
		return wb.fail(msg.Errorf("xlsx: %w", err))
	}
	return nil
}

const (
	xmlHeader  = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsMain     = `http://schemas.openxmlformats.org/spreadsheetml/2006/main`
	nsRel      = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	nsPkgRel   = `http://schemas.openxmlformats.org/package/2006/relationships`
	relBase    = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
	ctBase     = `application/vnd.openxmlformats-officedocument.`
	rootRels   = xmlHeader + `<Relationships xmlns="` + nsPkgRel + `">` + `<Relationship Id="rId1" Type="` + relBase + `officeDocument" Target="xl/workbook.xml"/>` + `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` + `<Relationship Id="rId3" Type="` + relBase + `extended-properties" Target="docProps/app.xml"/>` + `</Relationships>`
	calcEngine = "122211" // an Excel 2010 calcId: a newer Excel recalculates what it opens
)

func (wb *Workbook) workbookXML() []byte {
	b := []byte(xmlHeader + `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `"><bookViews><workbookView`)
	if wb.opts.Active > 0 && wb.opts.Active < len(wb.sheets) {
		b = append(b, ` activeTab="`...)
		b = strconv.AppendInt(b, int64(wb.opts.Active), 10)
		b = append(b, '"')
	}
	b = append(b, `/></bookViews><sheets>`...)
	for i, name := range wb.sheets {
		b = append(b, `<sheet name="`...)
		b = appendAttr(b, name)
		b = append(b, `" sheetId="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" r:id="rId`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `"/>`...)
	}
	b = append(b, `</sheets>`...)
	if len(wb.titles) > 0 {
		b = append(b, `<definedNames>`...)
		for _, t := range wb.titles {
			// The rows repeated at the top of each printed page.
			b = append(b, `<definedName name="_xlnm.Print_Titles" localSheetId="`...)
			b = strconv.AppendInt(b, int64(t.sheet), 10)
			b = append(b, `">`...)
			b = appendText(b, "'"+strings.ReplaceAll(wb.sheets[t.sheet], "'", "''")+"'!$"+strconv.Itoa(t.from)+":$"+strconv.Itoa(t.to), false)
			b = append(b, `</definedName>`...)
		}
		b = append(b, `</definedNames>`...)
	}
	b = append(b, `<calcPr calcId="`+calcEngine+`"`...)
	if wb.opts.FullCalcOnLoad {
		b = append(b, ` fullCalcOnLoad="1"`...)
	}
	b = append(b, `/></workbook>`...)
	return b
}

func (wb *Workbook) workbookRels() []byte {
	b := []byte(xmlHeader + `<Relationships xmlns="` + nsPkgRel + `">`)
	for i := range wb.sheets {
		b = append(b, `<Relationship Id="rId`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" Type="`+relBase+`worksheet" Target="worksheets/sheet`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `.xml"/>`...)
	}
	b = append(b, `<Relationship Id="rId`...)
	b = strconv.AppendInt(b, int64(len(wb.sheets)+1), 10)
	b = append(b, `" Type="`+relBase+`styles" Target="styles.xml"/></Relationships>`...)
	return b
}

func (wb *Workbook) contentTypes() []byte {
	b := []byte(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="` + ctBase + `spreadsheetml.sheet.main+xml"/>`)
	for i := range wb.sheets {
		b = append(b, `<Override PartName="/xl/worksheets/sheet`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `.xml" ContentType="`+ctBase+`spreadsheetml.worksheet+xml"/>`...)
	}
	b = append(b, `<Override PartName="/xl/styles.xml" ContentType="`+ctBase+`spreadsheetml.styles+xml"/>`+
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`+
		`<Override PartName="/docProps/app.xml" ContentType="`+ctBase+`extended-properties+xml"/></Types>`...)
	return b
}

// coreXML is docProps/core.xml. Every element carries the prefix Office
// writes: exceljs (issue #2603) and other readers that match prefixed
// names refuse cp: elements in the default namespace.
func coreXML(p *CoreProps) []byte {
	b := []byte(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	elem := func(name, text string) {
		if text == "" {
			return
		}
		b = append(b, '<')
		b = append(b, name...)
		b = append(b, '>')
		b = appendText(b, text, false)
		b = append(b, "</"...)
		b = append(b, name...)
		b = append(b, '>')
	}
	date := func(name string, t time.Time) {
		s := "2000-01-01T00:00:00Z"
		if !t.IsZero() {
			s = t.UTC().Format("2006-01-02T15:04:05Z")
		}
		b = append(b, `<dcterms:`+name+` xsi:type="dcterms:W3CDTF">`+s+`</dcterms:`+name+`>`...)
	}
	elem("dc:title", p.Title)
	elem("dc:subject", p.Subject)
	elem("dc:creator", p.Creator)
	elem("cp:keywords", p.Keywords)
	elem("cp:lastModifiedBy", p.LastModifiedBy)
	elem("dc:language", p.Language)
	date("created", p.Created)
	date("modified", p.Modified)
	return append(b, `</cp:coreProperties>`...)
}

func appXML(p *AppProps) []byte {
	b := []byte(xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">`)
	if p.Application != "" {
		b = append(b, `<Application>`...)
		b = appendText(b, p.Application, false)
		b = append(b, `</Application>`...)
	}
	if p.Company != "" {
		b = append(b, `<Company>`...)
		b = appendText(b, p.Company, false)
		b = append(b, `</Company>`...)
	}
	return append(b, `</Properties>`...)
}

// appendText appends s as XML character data. Characters XML cannot hold
// (controls other than tab, line feed and carriage return; U+FFFE,
// U+FFFF) and bytes that are not UTF-8 cannot be written as themselves.
// In a cell's text (xstring true: the ST_Xstring of ECMA-376 Part 1,
// 22.9.2.19) a character XML cannot hold is written as its escape
// "_xHHHH_", as Excel does, and a literal "_xHHHH_" keeps its underscore
// as "_x005F_", so that a reader gets back the text written; elsewhere
// such a character becomes U+FFFD. A carriage return is written as a
// character reference, which XML's line-end handling keeps.
func appendText(b []byte, s string, xstring bool) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x80 {
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && n == 1:
				b = append(b, "\uFFFD"...)
			case r == 0xFFFE || r == 0xFFFF:
				if xstring {
					b = appendEscape(b, r)
				} else {
					b = append(b, "\uFFFD"...)
				}
			default:
				b = append(b, s[i:i+n]...)
			}
			i += n
			continue
		}
		switch {
		case c == '&':
			b = append(b, "&amp;"...)
		case c == '<':
			b = append(b, "&lt;"...)
		case c == '>':
			b = append(b, "&gt;"...)
		case c == '\r':
			b = append(b, "&#xD;"...)
		case c == '\t' || c == '\n':
			b = append(b, c)
		case c < 0x20:
			if xstring {
				b = appendEscape(b, rune(c))
			} else {
				b = append(b, "\uFFFD"...)
			}
		case c == '_' && xstring && isEscape(s[i:]):
			b = append(b, "_x005F_"...)
		default:
			b = append(b, c)
		}
		i++
	}
	return b
}

// appendAttr appends s as an attribute value between double quotes.
func appendAttr(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x80 {
			r, n := utf8.DecodeRuneInString(s[i:])
			if (r == utf8.RuneError && n == 1) || r == 0xFFFE || r == 0xFFFF {
				b = append(b, "\uFFFD"...)
			} else {
				b = append(b, s[i:i+n]...)
			}
			i += n
			continue
		}
		switch {
		case c == '&':
			b = append(b, "&amp;"...)
		case c == '<':
			b = append(b, "&lt;"...)
		case c == '>':
			b = append(b, "&gt;"...)
		case c == '"':
			b = append(b, "&quot;"...)
		case c == '\t':
			b = append(b, "&#x9;"...)
		case c == '\n':
			b = append(b, "&#xA;"...)
		case c == '\r':
			b = append(b, "&#xD;"...)
		case c < 0x20:
			b = append(b, "\uFFFD"...)
		default:
			b = append(b, c)
		}
		i++
	}
	return b
}

func appendEscape(b []byte, r rune) []byte {
	const hex = "0123456789ABCDEF"
	return append(b, '_', 'x', hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15], '_')
}

// isEscape reports whether s starts with "_xHHHH_".
func isEscape(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// appendNumber appends x as an xsd:double: the shortest text that reads
// back as x, without an exponent in the range figures take.
func appendNumber(b []byte, x float64) []byte {
	if a := abs(x); a == 0 || (a >= 1e-6 && a < 1e21) {
		return strconv.AppendFloat(b, x, 'f', -1, 64)
	}
	return strconv.AppendFloat(b, x, 'E', -1, 64)
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
