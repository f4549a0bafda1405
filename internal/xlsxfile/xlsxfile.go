// Package xlsxfile reads the package of an .xlsx workbook: its zip
// container, the workbook part (sheets in order, the 1904 date system,
// whether the workbook asks to be recalculated), the relationships, the
// shared strings, the cell styles (number format and font) and each
// worksheet's cells and merged ranges. It knows the file format and
// nothing of indicators; package xlsxdata turns what it reads into a
// dataset.
//
// It is written here rather than taken from excelize (which baocao's
// tests still use to read back what it writes): excelize's per-cell
// calls parse a whole sheet into memory several times (3–4 s and 1.5 GB
// for a 50,000-row sheet), expand a merged range into one entry per cell,
// leave temporary files behind when a run is killed, and has no bound on
// what a hostile file makes it allocate (issues 14 and 16). This reader
// holds one sheet's cells compactly, keeps merged ranges as ranges, and
// checks every size against Limits before it spends memory on it.
//
// # Limits
//
// Every limit stops the read with an error that names it and how to raise
// it. The defaults, and why:
//
//   - FileSize, 100 MiB: the built-in samples are 20–40 KB and a
//     50,000-row export 2 MB; a workbook fifty times that is no report's
//     data.
//   - PartSize, 256 MiB uncompressed for one part: zip compresses sheet
//     XML 10–20 times, so a file of a few megabytes can unpack to
//     gigabytes (a zip bomb). A 50,000-row, 9-column sheet is about 6 MB
//     of XML.
//   - Rows, 200,000: four times the largest real sheet considered (a
//     50,000-row export, issue 14); Excel's 1,048,576 would let one stray
//     cell at the bottom of a sheet cost a million rows of work.
//   - Columns, 1,024: LibreOffice's historical maximum; no indicator table
//     is wider.
//   - Cells, 2,000,000 in a sheet's used area (last row × last column):
//     what the reader must walk; a stray value far right and far down
//     makes it large with few cells.
//   - CellText, 32,767 characters: Excel's own limit for one cell.
//   - Merges, 20,000 merged ranges in a sheet, and MergeArea, 10,000,000
//     cells in one: a merged range is a layout of a title or a header;
//     merging whole columns (A:B is 2 million cells) still passes, while
//     F100:XFD1048576 (17 billion cells) does not.
//
// Only regular files are read: a directory, a FIFO or a device such as
// /dev/zero is refused before it is opened, so that nothing can block or
// stream without end.
package xlsxfile

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/language"

	"baocao/internal/msg"
)

// Limits bound what a workbook may make the reader do; see the package
// documentation for the defaults and the reasons for them.
type Limits struct {
	FileSize  int64 // bytes of the .xlsx file
	PartSize  int64 // uncompressed bytes of one part of the package
	Rows      int   // the last row of a sheet that holds a value
	Columns   int   // the last column of a sheet that holds a value
	Cells     int   // a sheet's used area, last row × last column
	CellText  int   // characters of one cell's text
	Merges    int   // merged ranges in one sheet
	MergeArea int64 // cells of one merged range
}

// DefaultLimits are the limits used unless the user raises them.
var DefaultLimits = Limits{
	FileSize:  100 << 20,
	PartSize:  256 << 20,
	Rows:      200_000,
	Columns:   1_024,
	Cells:     2_000_000,
	CellText:  32_767,
	Merges:    20_000,
	MergeArea: 10_000_000,
}

// LimitsEnv is the environment variable that raises limits, e.g.
// BAOCAO_XLSX_LIMITS=rows=500000,cells=5000000.
const LimitsEnv = "BAOCAO_XLSX_LIMITS"

// ParseLimits applies a LimitsEnv setting ("rows=500000,cells=5000000";
// names file, part, rows, columns, cells, text, merges, merge-area; sizes
// in bytes) to the defaults.
func ParseLimits(s string) (Limits, error) {
	l := DefaultLimits
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		name, val, ok := strings.Cut(item, "=")
		n, err := strconv.ParseInt(strings.TrimSpace(val), 10, 64)
		if !ok || err != nil || n <= 0 {
			return l, msg.Errorf("%s: %q: expected name=positive number", LimitsEnv, item)
		}
		switch strings.TrimSpace(name) {
		case "file":
			l.FileSize = n
		case "part":
			l.PartSize = n
		case "rows":
			l.Rows = int(min(n, 1<<31-1))
		case "columns":
			l.Columns = int(min(n, 16_384)) // XFD, Excel's last column
		case "cells":
			l.Cells = int(min(n, 1<<31-1))
		case "text":
			l.CellText = int(min(n, 1<<31-1))
		case "merges":
			l.Merges = int(min(n, 1<<31-1))
		case "merge-area":
			l.MergeArea = n
		default:
			return l, msg.Errorf("%s: unknown limit %q (expected file, part, rows, columns, cells, text, merges or merge-area)", LimitsEnv, name)
		}
	}
	return l, nil
}

// LimitError is a limit the workbook exceeds.
type LimitError struct {
	What  msg.Localizer // what was counted, in words
	Found int64
	Limit int64
	Name  string        // the limit's name in LimitsEnv
	Hint  msg.Localizer // what the user may do instead of raising it, or nil
}

func (e *LimitError) Error() string { return e.Localize(msg.English) }

// Localize says the error in lang.
func (e *LimitError) Localize(lang language.Tag) string {
	s := msg.Sprintf("%s is %s, more than the limit of %s", e.What, group(e.Found), group(e.Limit)).Localize(lang)
	if e.Hint != nil {
		s += "; " + e.Hint.Localize(lang)
	}
	return s + msg.Sprintf("; if the workbook is right, raise the limit with the environment variable %s=%s=N", LimitsEnv, e.Name).Localize(lang)
}

// Format prints the error in the language of a msg printer.
func (e *LimitError) Format(s fmt.State, verb rune) { msg.Format(s, verb, e) }

// group writes n with Vietnamese thousands dots (1.048.576).
func group(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// FormatError says that a file is not an .xlsx workbook, which format it
// is, and how to make it one.
type FormatError struct {
	Format msg.Localizer // "an Excel 97-2003 workbook (.xls)", …
	Advice msg.Localizer
}

func (e *FormatError) Error() string { return e.Localize(msg.English) }

// Localize says the error in lang.
func (e *FormatError) Localize(lang language.Tag) string {
	return e.Format.Localize(lang) + "; " + e.Advice.Localize(lang)
}

// (FormatError has no Format method: its field is named so. A msg
// printer and msg.Local tell it through Localize.)

// SaveAsXLSX is how to turn a workbook of another format into an .xlsx.
var SaveAsXLSX = msg.Sprintf("open it in Excel and save it as an .xlsx workbook (Tệp > Lưu thành > Sổ làm việc Excel (*.xlsx)), or in LibreOffice Calc (Tệp > Lưu thành, kiểu Excel 2007-365 (.xlsx))")

// Open reads the workbook file at path. Only a regular file is read, and
// only up to lim.FileSize bytes. It returns the file's bytes too, for a
// caller that hashes them.
func Open(path string, lim Limits) (*Book, []byte, error) {
	data, err := ReadFile(path, lim)
	if err != nil {
		return nil, nil, err
	}
	b, err := Parse(data, lim)
	return b, data, err
}

// ReadFile reads a whole regular file of at most lim.FileSize bytes.
func ReadFile(name string, lim Limits) ([]byte, error) {
	// Stat before opening: opening a FIFO blocks until a writer comes.
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		what := msg.Word("not a regular file")
		switch m := st.Mode(); {
		case m.IsDir():
			what = msg.Word("a folder, not a file")
		case m&os.ModeNamedPipe != 0:
			what = msg.Word("a named pipe (FIFO), not a file")
		case m&os.ModeDevice != 0 || m&os.ModeCharDevice != 0:
			what = msg.Word("a device, not a file")
		case m&os.ModeSocket != 0:
			what = msg.Word("a socket, not a file")
		}
		return nil, msg.Errorf("%s; give the path of an .xlsx workbook", what)
	}
	if st.Size() > lim.FileSize {
		return nil, &LimitError{What: msg.Sprintf("the file's size in bytes"), Found: st.Size(), Limit: lim.FileSize, Name: "file"}
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Stat again on the open file: the name may have been replaced.
	st, err = f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return nil, msg.Errorf("not a regular file; give the path of an .xlsx workbook")
	}
	// Read into a buffer of the size the file has, one byte more to see
	// whether it grew past the limit meanwhile: io.ReadAll would grow its
	// buffer by doubling, twice the memory.
	data := make([]byte, 0, st.Size()+1)
	r := io.LimitReader(f, lim.FileSize+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(data)) > lim.FileSize {
		return nil, &LimitError{What: msg.Sprintf("the file's size in bytes"), Found: int64(len(data)), Limit: lim.FileSize, Name: "file"}
	}
	return data, nil
}

// Book is an open workbook package.
type Book struct {
	// Sheets are the worksheets' names in the workbook's order.
	Sheets []string
	// Date1904 is set for a workbook in the 1904 date system (Mac Excel).
	Date1904 bool
	// FullCalcOnLoad is set when the workbook asks to be recalculated
	// when opened: its saved formula values may be stale.
	FullCalcOnLoad bool
	// Styles are the cell formats (cellXfs) by a cell's style index.
	Styles []Style

	lim     Limits
	files   map[string]*zip.File
	paths   []string // the sheets' part names
	strings []sstItem
	cache   map[int]*Sheet
}

// Style is what the reader needs of a cell format.
type Style struct {
	NumFmt int    // number format id
	Format string // the format code of a custom number format, else ""
	Font   string // the font name, "" when it has none
}

type sstItem struct {
	s   string
	err error // an illegal character or a limit, reported at the cell
}

// Parse reads the package in data.
func Parse(data []byte, lim Limits) (*Book, error) {
	if int64(len(data)) > lim.FileSize {
		return nil, &LimitError{What: msg.Sprintf("the file's size in bytes"), Found: int64(len(data)), Limit: lim.FileSize, Name: "file"}
	}
	if err := sniff(data); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &FormatError{Format: msg.Sprintf("the file is damaged or incomplete (%v; a download or copy that stopped early leaves a workbook like this)", err),
			Advice: msg.Sprintf("copy it again from where it came from, or open it in Excel or LibreOffice, let the program repair it, and save it as .xlsx")}
	}
	b := &Book{lim: lim, files: map[string]*zip.File{}, cache: map[int]*Sheet{}}
	for _, f := range zr.File {
		b.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	if f, ok := b.files["mimetype"]; ok {
		mt, _ := b.part(f.Name)
		if strings.Contains(string(mt), "opendocument") {
			return nil, &FormatError{Format: msg.Sprintf("an OpenDocument spreadsheet (.ods), not an .xlsx workbook"), Advice: msg.Sprintf("open it in LibreOffice Calc and save it as .xlsx (Tệp > Lưu thành, kiểu Excel 2007-365 (.xlsx))")}
		}
	}
	wbPath := "xl/workbook.xml"
	if rels, err := b.rels(""); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPath = r.Target
			}
		}
	}
	if strings.HasSuffix(wbPath, ".bin") || b.files["xl/workbook.bin"] != nil {
		return nil, &FormatError{Format: msg.Sprintf("an Excel binary workbook (.xlsb), not an .xlsx workbook"), Advice: SaveAsXLSX}
	}
	if _, ok := b.files[wbPath]; !ok {
		if _, doc := b.files["word/document.xml"]; doc {
			return nil, &FormatError{Format: msg.Sprintf("a Word document (.docx), not an .xlsx workbook"), Advice: msg.Sprintf("give the workbook (.xlsx) that holds the figures")}
		}
		return nil, &FormatError{Format: msg.Sprintf("a zip file that is not an .xlsx workbook (it has no %s)", wbPath), Advice: SaveAsXLSX}
	}
	if err := b.readWorkbook(wbPath); err != nil {
		return nil, err
	}
	return b, nil
}

// sniff recognises the formats a user may give instead of an .xlsx.
func sniff(data []byte) error {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return nil
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return oleFormat(data)
	case len(data) == 0:
		return &FormatError{Format: msg.Sprintf("the file is empty"), Advice: msg.Sprintf("give the workbook (.xlsx) that holds the figures")}
	}
	head := bytes.ToLower(bytes.TrimSpace(data[:min(len(data), 1024)]))
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	switch {
	case bytes.Contains(head, []byte("urn:schemas-microsoft-com:office:spreadsheet")):
		return &FormatError{Format: msg.Sprintf("an XML Spreadsheet 2003 file, not an .xlsx workbook"), Advice: SaveAsXLSX}
	case bytes.HasPrefix(head, []byte("<!doctype html")), bytes.HasPrefix(head, []byte("<html")), bytes.Contains(head, []byte("<table")):
		return &FormatError{Format: msg.Sprintf("a web page (HTML), as some systems export under an .xls name, not an .xlsx workbook"), Advice: SaveAsXLSX}
	case bytes.HasPrefix(head, []byte("<?xml")), bytes.HasPrefix(head, []byte("<")):
		return &FormatError{Format: msg.Sprintf("an XML file, not an .xlsx workbook (an .xlsx is a zip package of XML parts; this may be one part of an unpacked workbook)"), Advice: msg.Sprintf("give the .xlsx file itself, or %s", SaveAsXLSX)}
	case bytes.HasPrefix(head, []byte("%pdf")):
		return &FormatError{Format: msg.Sprintf("a PDF document, not an .xlsx workbook"), Advice: msg.Sprintf("give the workbook (.xlsx) that holds the figures")}
	}
	if bytes.IndexByte(data[:min(len(data), 4096)], 0) < 0 {
		return &FormatError{Format: msg.Sprintf("a text file (CSV or similar), not an .xlsx workbook"), Advice: SaveAsXLSX}
	}
	return &FormatError{Format: msg.Sprintf("not an .xlsx workbook (the file does not start as a zip package does)"), Advice: SaveAsXLSX}
}

// oleFormat names what an OLE compound file holds: an encrypted .xlsx
// (Excel stores a password-protected workbook this way), a .xls, or a
// document of another program.
func oleFormat(data []byte) error {
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return &FormatError{Format: msg.Sprintf("a damaged Office compound file (%v)", err), Advice: SaveAsXLSX}
	}
	names := map[string]bool{}
	for e, err := r.Next(); err == nil; e, err = r.Next() {
		names[e.Name] = true
	}
	switch {
	case names["EncryptionInfo"] || names["EncryptedPackage"]:
		return &FormatError{Format: msg.Sprintf("the workbook is protected by a password (encrypted), so it cannot be read"),
			Advice: msg.Sprintf("open it in Excel with the password, remove it (Tệp > Thông tin > Bảo vệ Sổ làm việc > Mã hóa bằng Mật khẩu, clear the password, OK) and save; or in LibreOffice Calc save it with Tệp > Lưu thành, kiểu Excel 2007-365 (.xlsx), with \"Lưu với mật khẩu\" unticked")}
	case names["Workbook"] || names["Book"]:
		return &FormatError{Format: msg.Sprintf("an Excel 97-2003 workbook (.xls), not an .xlsx workbook"), Advice: SaveAsXLSX}
	case names["WordDocument"]:
		return &FormatError{Format: msg.Sprintf("a Word 97-2003 document (.doc), not an .xlsx workbook"), Advice: msg.Sprintf("give the workbook (.xlsx) that holds the figures")}
	}
	return &FormatError{Format: msg.Sprintf("an Office compound file that holds no workbook"), Advice: SaveAsXLSX}
}

// part reads one part of the package whole, within lim.PartSize.
func (b *Book) part(name string) ([]byte, error) {
	f, ok := b.files[name]
	if !ok {
		return nil, msg.Errorf("the part %s is missing: the file is damaged or was written by a program that left it out; open and save it in Excel or LibreOffice", name)
	}
	lim := b.lim.PartSize
	if f.UncompressedSize64 > uint64(lim) {
		return nil, b.partLimit(name, int64(min(f.UncompressedSize64, 1<<62)))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, b.damaged(name, err)
	}
	defer rc.Close()
	// The declared size may lie; the reader stops one byte past the limit.
	buf := bytes.NewBuffer(make([]byte, 0, int(f.UncompressedSize64)+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(rc, lim+1)); err != nil {
		return nil, b.damaged(name, err)
	}
	if int64(buf.Len()) > lim {
		return nil, b.partLimit(name, int64(buf.Len()))
	}
	return buf.Bytes(), nil
}

func (b *Book) partLimit(name string, n int64) error {
	return &LimitError{What: msg.Sprintf("the uncompressed size of the part %s in bytes", name), Found: n, Limit: b.lim.PartSize, Name: "part",
		Hint: msg.Sprintf("a small file that unpacks to this much is a zip bomb, not a workbook")}
}

func (b *Book) damaged(name string, err error) error {
	return msg.Errorf("the part %s cannot be read (%v): the file is damaged or incomplete; copy it again, or open it in Excel or LibreOffice and save it as .xlsx", name, err)
}

type relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
	Mode   string `xml:"TargetMode,attr"`
}

// rels reads the relationships of a part ("" for the package's) with
// their targets resolved to part names.
func (b *Book) rels(of string) ([]relationship, error) {
	dir, file := path.Split(of)
	name := path.Join(dir, "_rels", file+".rels")
	data, err := b.part(name)
	if err != nil {
		return nil, err
	}
	doc, err := decodeXML(data, fastRels)
	if err != nil {
		return nil, msg.Errorf("%s: %w", name, err)
	}
	for i := range doc.Rels {
		t := doc.Rels[i].Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(dir, t)
		}
		doc.Rels[i].Target = t
	}
	return doc.Rels, nil
}

// relsXML is a relationships part as encoding/xml decodes it.
type relsXML struct {
	Rels []relationship `xml:"Relationship"`
}

// decodeXML decodes a small part into a T: with fast (see strictWalk)
// when it reads the part, else with encoding/xml.
func decodeXML[T any](data []byte, fast func([]byte) (T, bool)) (T, error) {
	var v T
	if bytes.Contains(data, []byte("<!DOCTYPE")) {
		return v, msg.Errorf("a document type declaration (<!DOCTYPE …>) is not allowed in an .xlsx part")
	}
	if v, ok := fast(data); ok {
		return v, nil
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	err := d.Decode(&v)
	return v, err
}

// workbookXML is workbook.xml as encoding/xml decodes it.
type workbookXML struct {
	Pr struct {
		Date1904 string `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	Sheets []sheetXML `xml:"sheets>sheet"`
	Calc   struct {
		Full string `xml:"fullCalcOnLoad,attr"`
	} `xml:"calcPr"`
}

type sheetXML struct {
	Name string `xml:"name,attr"`
	ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
}

// relsNS is the namespace of sheetXML.ID.
const relsNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

// stylesXML is what styles.xml is read for, as encoding/xml decodes it.
type stylesXML struct {
	NumFmts []numFmtXML `xml:"numFmts>numFmt"`
	Fonts   []fontXML   `xml:"fonts>font"`
	Xfs     []xfXML     `xml:"cellXfs>xf"`
}

type numFmtXML struct {
	ID   int    `xml:"numFmtId,attr"`
	Code string `xml:"formatCode,attr"`
}

type fontXML struct {
	Name struct {
		Val string `xml:"val,attr"`
	} `xml:"name"`
}

type xfXML struct {
	NumFmt int `xml:"numFmtId,attr"`
	Font   int `xml:"fontId,attr"`
}

// The fast readers fill the structs as encoding/xml would: an attribute
// is matched by its local name in any namespace (sheetXML.ID by its
// namespace too), a later one overrides an earlier, and an element is
// matched by the local names of its path from the root.

func fastRels(data []byte) (relsXML, bool) {
	var doc relsXML
	ok := strictWalk(data, func(path [][]byte, attrs []xmlAttr) bool {
		if len(path) != 2 || string(path[1]) != "Relationship" {
			return true
		}
		var r relationship
		for i := range attrs {
			switch a := &attrs[i]; string(a.local) {
			case "Id":
				r.ID = a.text()
			case "Type":
				r.Type = a.text()
			case "Target":
				r.Target = a.text()
			case "TargetMode":
				r.Mode = a.text()
			}
		}
		doc.Rels = append(doc.Rels, r)
		return true
	})
	return doc, ok
}

func fastWorkbook(data []byte) (workbookXML, bool) {
	var wb workbookXML
	ok := strictWalk(data, func(path [][]byte, attrs []xmlAttr) bool {
		switch {
		case len(path) == 2 && string(path[1]) == "workbookPr":
			for i := range attrs {
				if a := &attrs[i]; string(a.local) == "date1904" {
					wb.Pr.Date1904 = a.text()
				}
			}
		case len(path) == 2 && string(path[1]) == "calcPr":
			for i := range attrs {
				if a := &attrs[i]; string(a.local) == "fullCalcOnLoad" {
					wb.Calc.Full = a.text()
				}
			}
		case len(path) == 3 && string(path[1]) == "sheets" && string(path[2]) == "sheet":
			var sh sheetXML
			for i := range attrs {
				switch a := &attrs[i]; {
				case string(a.local) == "name":
					sh.Name = a.text()
				case string(a.local) == "id" && string(a.space) == relsNS:
					sh.ID = a.text()
				}
			}
			wb.Sheets = append(wb.Sheets, sh)
		}
		return true
	})
	return wb, ok
}

func fastStyles(data []byte) (stylesXML, bool) {
	var st stylesXML
	ok := strictWalk(data, func(path [][]byte, attrs []xmlAttr) bool {
		switch {
		case len(path) == 3 && string(path[1]) == "numFmts" && string(path[2]) == "numFmt":
			var f numFmtXML
			for i := range attrs {
				switch a := &attrs[i]; string(a.local) {
				case "numFmtId":
					n, ok := attrInt(a.text())
					if !ok {
						return false
					}
					f.ID = n
				case "formatCode":
					f.Code = a.text()
				}
			}
			st.NumFmts = append(st.NumFmts, f)
		case len(path) == 3 && string(path[1]) == "fonts" && string(path[2]) == "font":
			st.Fonts = append(st.Fonts, fontXML{})
		case len(path) == 4 && string(path[1]) == "fonts" && string(path[2]) == "font" && string(path[3]) == "name":
			f := &st.Fonts[len(st.Fonts)-1]
			for i := range attrs {
				if a := &attrs[i]; string(a.local) == "val" {
					f.Name.Val = a.text()
				}
			}
		case len(path) == 3 && string(path[1]) == "cellXfs" && string(path[2]) == "xf":
			var x xfXML
			for i := range attrs {
				switch a := &attrs[i]; string(a.local) {
				case "numFmtId", "fontId":
					n, ok := attrInt(a.text())
					if !ok {
						return false
					}
					if string(a.local) == "numFmtId" {
						x.NumFmt = n
					} else {
						x.Font = n
					}
				}
			}
			st.Xfs = append(st.Xfs, x)
		}
		return true
	})
	return st, ok
}

func (b *Book) readWorkbook(name string) error {
	data, err := b.part(name)
	if err != nil {
		return err
	}
	wb, err := decodeXML(data, fastWorkbook)
	if err != nil {
		return msg.Errorf("%s: %w", name, err)
	}
	b.Date1904 = xmlBool(wb.Pr.Date1904)
	b.FullCalcOnLoad = xmlBool(wb.Calc.Full)
	rels, err := b.rels(name)
	if err != nil {
		return err
	}
	byID := map[string]string{}
	for _, r := range rels {
		byID[r.ID] = r.Target
		switch {
		case strings.HasSuffix(r.Type, "/sharedStrings"):
			if err := b.readStrings(r.Target); err != nil {
				return err
			}
		case strings.HasSuffix(r.Type, "/styles"):
			if err := b.readStyles(r.Target); err != nil {
				return err
			}
		}
	}
	for _, s := range wb.Sheets {
		target, ok := byID[s.ID]
		if !ok {
			return msg.Errorf("sheet %q has no part (relationship %q is missing from the workbook): the file is damaged; open and save it in Excel or LibreOffice", s.Name, s.ID)
		}
		if strings.HasSuffix(target, ".xml") && !strings.Contains(target, "worksheets/") {
			// A chart sheet or a dialog sheet holds no cells.
			continue
		}
		b.Sheets = append(b.Sheets, s.Name)
		b.paths = append(b.paths, target)
	}
	return nil
}

func xmlBool(s string) bool { return s == "1" || s == "true" }

func (b *Book) readStyles(name string) error {
	data, err := b.part(name)
	if err != nil {
		return err
	}
	st, err := decodeXML(data, fastStyles)
	if err != nil {
		return msg.Errorf("%s: %w", name, err)
	}
	codes := map[int]string{}
	for _, f := range st.NumFmts {
		codes[f.ID] = f.Code
	}
	for _, x := range st.Xfs {
		s := Style{NumFmt: x.NumFmt, Format: codes[x.NumFmt]}
		if x.Font >= 0 && x.Font < len(st.Fonts) {
			s.Font = st.Fonts[x.Font].Name.Val
		}
		b.Styles = append(b.Styles, s)
	}
	return nil
}

// Style is the format of a style index; the zero Style when there is none.
func (b *Book) Style(i int) Style {
	if i < 0 || i >= len(b.Styles) {
		return Style{}
	}
	return b.Styles[i]
}

// readStrings reads the shared string table: each item is its text, or
// the text of its rich-text runs joined; phonetic runs (rPh) are not part
// of the text.
func (b *Book) readStrings(name string) error {
	data, err := b.part(name)
	if err != nil {
		return err
	}
	s := &scanner{data: data}
	b.strings = make([]sstItem, 0, bytes.Count(data, []byte("<si")))
	var buf, tmp []byte
	depthSI, inRPh := false, 0
	for {
		t, err := s.next()
		if err != nil {
			return msg.Errorf("%s: %w", name, err)
		}
		switch t.kind {
		case tokEOF:
			return nil
		case tokStart:
			switch string(t.name) {
			case "si":
				if t.empty {
					b.strings = append(b.strings, sstItem{})
					continue
				}
				depthSI, inRPh, buf = true, 0, buf[:0]
			case "rPh":
				if !t.empty {
					inRPh++
				}
			case "t":
				if depthSI && inRPh == 0 {
					if tmp, err = s.text(t, tmp); err != nil {
						return msg.Errorf("%s: %w", name, err)
					}
					buf = append(buf, tmp...)
				} else if err := s.skip(t); err != nil {
					return msg.Errorf("%s: %w", name, err)
				}
			}
		case tokEnd:
			switch string(t.name) {
			case "si":
				item := sstItem{}
				if err := checkText(buf); err != nil {
					item.err = err
				} else {
					item.s = DecodeEscapes(string(buf))
					item.err = b.textLimit(item.s)
				}
				b.strings = append(b.strings, item)
				depthSI = false
			case "rPh":
				inRPh--
			}
		}
	}
}

func (b *Book) textLimit(s string) error {
	if len(s) <= b.lim.CellText {
		return nil
	}
	if n := len([]rune(s)); n > b.lim.CellText {
		return &LimitError{What: msg.Sprintf("the cell's text in characters"), Found: int64(n), Limit: int64(b.lim.CellText), Name: "text",
			Hint: msg.Sprintf("Excel itself holds at most 32.767 characters in a cell")}
	}
	return nil
}

// Sheet reads the i-th worksheet (in Sheets' order); it is read once and
// kept.
func (b *Book) Sheet(i int) (*Sheet, error) {
	if s, ok := b.cache[i]; ok {
		return s, nil
	}
	if i < 0 || i >= len(b.paths) {
		return nil, msg.Errorf("no sheet %d", i)
	}
	data, err := b.part(b.paths[i])
	if err != nil {
		return nil, err
	}
	s, err := b.parseSheet(b.Sheets[i], data)
	if err != nil {
		return nil, err
	}
	b.cache[i] = s
	return s, nil
}

// SheetByName reads a worksheet by its name; ok is false when there is
// no such sheet.
func (b *Book) SheetByName(name string) (*Sheet, bool, error) {
	for i, n := range b.Sheets {
		if n == name {
			s, err := b.Sheet(i)
			return s, true, err
		}
	}
	return nil, false, nil
}

// sortRanges orders merged ranges by their first row.
func sortRanges(rs []Range) {
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].Row1 != rs[j].Row1 {
			return rs[i].Row1 < rs[j].Row1
		}
		return rs[i].Col1 < rs[j].Col1
	})
}
