package sml

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"

	"baocao/internal/a1"
	"baocao/internal/msg"
)

// SheetOptions are what a sheet says before and around its cells: they
// are given when the sheet starts, since a worksheet's XML puts them
// before its rows.
type SheetOptions struct {
	// Cols and Rows are the sheet's used area, A1 to the cell at column
	// Cols, row Rows: readers such as openpyxl's read-only mode trust it,
	// so Row refuses a cell outside it.
	Cols, Rows int
	// Widths are the column widths in characters, from column A; 0
	// leaves a column at the default width.
	Widths []float64
	// Freeze, when it has a split, freezes the rows above and the
	// columns left of it.
	Freeze Pane
	// Page, when not nil, is how the sheet prints.
	Page *Page
	// PrintTitles, when not zero, are the first and last rows repeated at
	// the top of every printed page.
	PrintTitles [2]int
}

// Pane is a frozen split: XSplit columns and YSplit rows stay in view.
type Pane struct{ XSplit, YSplit int }

// Page is a sheet's print setup.
type Page struct {
	PaperSize int // 9 is A4
	Landscape bool
	// FitToWidth and FitToHeight are the pages the sheet is fitted to;
	// 0 is as many as it needs. The fit applies when Fit is set.
	Fit                     bool
	FitToWidth, FitToHeight int
	// FirstPageNumber, when not 0, is the number of the first page.
	FirstPageNumber int
	// Margins, when not nil, are in inches.
	Margins *Margins
	// Header is the header on every page but the first when
	// DifferentFirst is set, which then has none. Its text takes Excel's
	// codes: "&C&P" is the page number at the centre.
	Header         string
	DifferentFirst bool
}

// Margins are a page's margins in inches; Header and Footer are the
// distances of the header and the footer from the edge.
type Margins struct{ Left, Right, Top, Bottom, Header, Footer float64 }

// Kind is what a cell holds.
type Kind uint8

const (
	Blank Kind = iota
	Number
	Text
)

// Cell is one cell of a row: its column (1 is A), style and value. With a
// Formula, the value is the formula's cached result, which readers that
// do not recalculate show: Blank for none, and an empty Text is written
// as a text result without a value.
type Cell struct {
	Col     int
	Style   int
	Kind    Kind
	Num     float64
	Text    string
	Formula string
}

// Validation is a data validation of a range of cells.
type Validation struct {
	Sqref string // the cells, "B2" or "C2:F81"
	// Type is "whole", "decimal", "date" or "list".
	Type string
	// Min and Max bound a whole, decimal or date value, as formulas.
	Min, Max string
	// List are the values of a "list" validation, offered in a
	// drop-down.
	List []string
	// ErrorTitle and Error are the message shown for a value refused.
	ErrorTitle, Error string
}

// Protection protects a sheet's locked cells. Its fields are what a user
// may still do on the protected sheet; everything else is refused.
type Protection struct {
	SelectLockedCells, SelectUnlockedCells bool
	FormatCells, FormatColumns, FormatRows bool
	InsertColumns, InsertRows              bool
	InsertHyperlinks                       bool
	DeleteColumns, DeleteRows              bool
	Sort, AutoFilter, PivotTables          bool
	EditObjects, EditScenarios             bool
}

// Sheet streams one worksheet. Rows go in ascending order, and the cells
// of a row in ascending columns. Merge, Validate and Protect may be
// called at any time before the sheet ends, which is when the next sheet
// starts or the workbook closes.
type Sheet struct {
	wb      *Workbook
	index   int
	opts    SheetOptions
	w       io.Writer
	buf     []byte
	lastRow int
	merges  []string
	valid   []Validation
	protect *Protection
	done    bool
}

// flushAt is how much XML a sheet gathers before it hands it to the zip
// entry.
const flushAt = 32 << 10

// NewSheet ends the open sheet and starts the next one.
func (wb *Workbook) NewSheet(name string, opts SheetOptions) *Sheet {
	wb.finish()
	s := &Sheet{wb: wb, index: len(wb.sheets), opts: opts}
	if wb.err != nil {
		s.done = true
		return s
	}
	if err := checkSheetName(name); err != nil {
		wb.fail(err)
		s.done = true
		return s
	}
	if key := strings.ToLower(name); wb.lower[key] {
		wb.fail(msg.Errorf("two sheets are named %q", name))
		s.done = true
		return s
	} else {
		wb.lower[key] = true
	}
	wb.sheets = append(wb.sheets, name)
	if opts.PrintTitles != [2]int{} {
		wb.titles = append(wb.titles, printTitles{sheet: s.index, from: opts.PrintTitles[0], to: opts.PrintTitles[1]})
	}
	w, err := wb.create("xl/worksheets/sheet" + strconv.Itoa(s.index+1) + ".xml")
	if err != nil {
		wb.fail(err)
		s.done = true
		return s
	}
	s.w = w
	s.buf = s.head(make([]byte, 0, 4<<10))
	wb.open = s
	return s
}

func (s *Sheet) head(b []byte) []byte {
	o := &s.opts
	b = append(b, xmlHeader+`<worksheet xmlns="`+nsMain+`" xmlns:r="`+nsRel+`">`...)
	if o.Page != nil && o.Page.Fit {
		b = append(b, `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`...)
	}
	b = append(b, `<dimension ref="A1`...)
	if o.Cols > 1 || o.Rows > 1 {
		b = append(b, ':')
		b = a1.AppendCell(b, max(o.Cols, 1), max(o.Rows, 1))
	}
	b = append(b, `"/><sheetViews><sheetView`...)
	if s.index == s.wb.opts.Active {
		b = append(b, ` tabSelected="1"`...)
	}
	b = append(b, ` workbookViewId="0"`...)
	if p := o.Freeze; p.XSplit > 0 || p.YSplit > 0 {
		b = append(b, `><pane`...)
		if p.XSplit > 0 {
			b = append(b, ` xSplit="`...)
			b = strconv.AppendInt(b, int64(p.XSplit), 10)
			b = append(b, '"')
		}
		if p.YSplit > 0 {
			b = append(b, ` ySplit="`...)
			b = strconv.AppendInt(b, int64(p.YSplit), 10)
			b = append(b, '"')
		}
		b = append(b, ` topLeftCell="`...)
		b = a1.AppendCell(b, p.XSplit+1, p.YSplit+1)
		active := "bottomRight"
		switch {
		case p.XSplit == 0:
			active = "bottomLeft"
		case p.YSplit == 0:
			active = "topRight"
		}
		b = append(b, `" activePane="`+active+`" state="frozen"/></sheetView>`...)
	} else {
		b = append(b, `/>`...)
	}
	b = append(b, `</sheetViews><sheetFormatPr defaultRowHeight="15"/>`...)
	// Adjacent columns of one width are one <col>.
	var cols []byte
	for i := 0; i < len(o.Widths); {
		j := i + 1
		for j < len(o.Widths) && o.Widths[j] == o.Widths[i] {
			j++
		}
		if w := o.Widths[i]; w > 0 {
			cols = append(cols, `<col min="`...)
			cols = strconv.AppendInt(cols, int64(i+1), 10)
			cols = append(cols, `" max="`...)
			cols = strconv.AppendInt(cols, int64(j), 10)
			cols = append(cols, `" width="`...)
			cols = strconv.AppendFloat(cols, w, 'f', -1, 64)
			cols = append(cols, `" customWidth="1"/>`...)
		}
		i = j
	}
	if len(cols) > 0 {
		b = append(b, `<cols>`...)
		b = append(b, cols...)
		b = append(b, `</cols>`...)
	}
	return append(b, `<sheetData>`...)
}

func (s *Sheet) fail(err error) error {
	s.wb.fail(err)
	return s.wb.err
}

// Row writes row r (1-based) with its cells; a height above 0 is the
// row's height in points.
func (s *Sheet) Row(r int, height float64, cells ...Cell) error {
	if s.wb.err != nil {
		return s.wb.err
	}
	if s.done {
		return s.fail(msg.Errorf("sheet %q is already written", s.name()))
	}
	if r <= s.lastRow {
		return s.fail(msg.Errorf("sheet %q: row %d after row %d; rows go in ascending order", s.name(), r, s.lastRow))
	}
	if r > max(s.opts.Rows, 1) {
		return s.fail(msg.Errorf("sheet %q: row %d is below the sheet's used area, %d rows", s.name(), r, s.opts.Rows))
	}
	s.lastRow = r
	b := append(s.buf, `<row r="`...)
	b = strconv.AppendInt(b, int64(r), 10)
	b = append(b, '"')
	if height > 0 {
		b = append(b, ` ht="`...)
		b = strconv.AppendFloat(b, height, 'f', -1, 64)
		b = append(b, `" customHeight="1"`...)
	}
	b = append(b, '>')
	last := 0
	for i := range cells {
		c := &cells[i]
		if c.Col <= last || c.Col > max(s.opts.Cols, 1) {
			s.buf = b
			return s.fail(msg.Errorf("sheet %q, cell %s: outside the used area or out of order", s.name(), a1.Cell(c.Col, r)))
		}
		last = c.Col
		b = appendCell(b, c, r)
	}
	s.buf = append(b, `</row>`...)
	if len(s.buf) >= flushAt {
		return s.flush()
	}
	return nil
}

func (s *Sheet) flush() error {
	if _, err := s.w.Write(s.buf); err != nil {
		return s.fail(msg.Errorf("xlsx: sheet %q: %w", s.name(), err))
	}
	s.buf = s.buf[:0]
	return nil
}

func (s *Sheet) name() string {
	if s.index < len(s.wb.sheets) {
		return s.wb.sheets[s.index]
	}
	return ""
}

// maxCellText is the most a cell holds: Excel's limit, in UTF-16 units.
const maxCellText = 32767

func appendCell(b []byte, c *Cell, row int) []byte {
	b = append(b, `<c r="`...)
	b = a1.AppendCell(b, c.Col, row)
	b = append(b, '"')
	if c.Style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(c.Style), 10)
		b = append(b, '"')
	}
	kind, text := c.Kind, c.Text
	if kind == Number && (math.IsNaN(c.Num) || math.IsInf(c.Num, 0)) {
		// XML's double has no such figures for a cell: written as text,
		// as excelize did.
		kind, text = Text, fmt.Sprint(c.Num)
	}
	if kind == Text && len(text) > maxCellText {
		text = truncate(text)
	}
	if c.Formula != "" {
		if kind == Text {
			b = append(b, ` t="str"`...)
		}
		b = append(b, `><f>`...)
		b = appendText(b, c.Formula, false)
		b = append(b, `</f>`...)
		switch {
		case kind == Number:
			b = append(b, `<v>`...)
			b = appendNumber(b, c.Num)
			b = append(b, `</v>`...)
		case kind == Text && text != "":
			// An empty result is no <v>: openpyxl reads <v></v> as an
			// empty string, not as an empty cell.
			b = append(b, `<v>`...)
			b = appendText(b, text, true)
			b = append(b, `</v>`...)
		}
		return append(b, `</c>`...)
	}
	switch kind {
	case Number:
		b = append(b, `><v>`...)
		b = appendNumber(b, c.Num)
		return append(b, `</v></c>`...)
	case Text:
		b = append(b, ` t="inlineStr"><is><t`...)
		if text != "" && (isSpace(text[0]) || isSpace(text[len(text)-1])) {
			b = append(b, ` xml:space="preserve"`...)
		}
		b = append(b, '>')
		b = appendText(b, text, true)
		return append(b, `</t></is></c>`...)
	}
	return append(b, `/>`...)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// truncate cuts s to maxCellText UTF-16 units.
func truncate(s string) string {
	n := 0
	for i, r := range s {
		n += len(utf16.Encode([]rune{r}))
		if n > maxCellText {
			return s[:i]
		}
	}
	return s
}

// Merge merges a range of cells, such as "A1:E1".
func (s *Sheet) Merge(ref string) {
	if s.done {
		s.fail(msg.Errorf("sheet %q is already written", s.name()))
		return
	}
	s.merges = append(s.merges, ref)
}

// maxListText is the longest list a drop-down validation may hold,
// separators included: Excel's limit.
const maxListText = 255

// Validate adds a data validation.
func (s *Sheet) Validate(v Validation) {
	if s.done {
		s.fail(msg.Errorf("sheet %q is already written", s.name()))
		return
	}
	if n := len(utf16.Encode([]rune(strings.Join(v.List, ",")))); n > maxListText {
		s.fail(msg.Errorf("sheet %q, %s: the list of allowed values has %d characters; Excel allows at most %d", s.name(), v.Sqref, n, maxListText))
		return
	}
	s.valid = append(s.valid, v)
}

// Protect protects the sheet's locked cells.
func (s *Sheet) Protect(p Protection) {
	if s.done {
		s.fail(msg.Errorf("sheet %q is already written", s.name()))
		return
	}
	s.protect = &p
}

// finish ends the open sheet.
func (wb *Workbook) finish() {
	s := wb.open
	if s == nil {
		return
	}
	wb.open = nil
	s.done = true
	if wb.err != nil {
		return
	}
	s.buf = s.tail(append(s.buf, `</sheetData>`...))
	s.flush()
	s.buf = nil
}

func (s *Sheet) tail(b []byte) []byte {
	boolAttr := func(name string, v bool) {
		b = append(b, ' ')
		b = append(b, name...)
		if v {
			b = append(b, `="1"`...)
		} else {
			b = append(b, `="0"`...)
		}
	}
	if p := s.protect; p != nil {
		// Each attribute says whether the action is protected, the
		// opposite of what Protection says.
		b = append(b, `<sheetProtection sheet="1"`...)
		boolAttr("objects", !p.EditObjects)
		boolAttr("scenarios", !p.EditScenarios)
		boolAttr("formatCells", !p.FormatCells)
		boolAttr("formatColumns", !p.FormatColumns)
		boolAttr("formatRows", !p.FormatRows)
		boolAttr("insertColumns", !p.InsertColumns)
		boolAttr("insertRows", !p.InsertRows)
		boolAttr("insertHyperlinks", !p.InsertHyperlinks)
		boolAttr("deleteColumns", !p.DeleteColumns)
		boolAttr("deleteRows", !p.DeleteRows)
		boolAttr("selectLockedCells", !p.SelectLockedCells)
		boolAttr("sort", !p.Sort)
		boolAttr("autoFilter", !p.AutoFilter)
		boolAttr("pivotTables", !p.PivotTables)
		boolAttr("selectUnlockedCells", !p.SelectUnlockedCells)
		b = append(b, `/>`...)
	}
	if len(s.merges) > 0 {
		b = append(b, `<mergeCells count="`...)
		b = strconv.AppendInt(b, int64(len(s.merges)), 10)
		b = append(b, `">`...)
		for _, m := range s.merges {
			b = append(b, `<mergeCell ref="`...)
			b = appendAttr(b, m)
			b = append(b, `"/>`...)
		}
		b = append(b, `</mergeCells>`...)
	}
	if len(s.valid) > 0 {
		b = append(b, `<dataValidations count="`...)
		b = strconv.AppendInt(b, int64(len(s.valid)), 10)
		b = append(b, `">`...)
		for _, v := range s.valid {
			b = appendValidation(b, &v)
		}
		b = append(b, `</dataValidations>`...)
	}
	p := s.opts.Page
	if p == nil {
		return append(b, `</worksheet>`...)
	}
	if m := p.Margins; m != nil {
		b = append(b, `<pageMargins`...)
		for _, x := range []struct {
			name string
			v    float64
		}{{"left", m.Left}, {"right", m.Right}, {"top", m.Top}, {"bottom", m.Bottom}, {"header", m.Header}, {"footer", m.Footer}} {
			b = append(b, ' ')
			b = append(b, x.name...)
			b = append(b, `="`...)
			b = strconv.AppendFloat(b, x.v, 'f', -1, 64)
			b = append(b, '"')
		}
		b = append(b, `/>`...)
	}
	b = append(b, `<pageSetup`...)
	if p.PaperSize > 0 {
		b = append(b, ` paperSize="`...)
		b = strconv.AppendInt(b, int64(p.PaperSize), 10)
		b = append(b, '"')
	}
	if p.FirstPageNumber != 0 {
		b = append(b, ` firstPageNumber="`...)
		b = strconv.AppendInt(b, int64(p.FirstPageNumber), 10)
		b = append(b, '"')
	}
	if p.Fit {
		b = append(b, ` fitToWidth="`...)
		b = strconv.AppendInt(b, int64(p.FitToWidth), 10)
		b = append(b, `" fitToHeight="`...)
		b = strconv.AppendInt(b, int64(p.FitToHeight), 10)
		b = append(b, '"')
	}
	if p.Landscape {
		b = append(b, ` orientation="landscape"`...)
	} else {
		b = append(b, ` orientation="portrait"`...)
	}
	if p.FirstPageNumber != 0 {
		b = append(b, ` useFirstPageNumber="1"`...)
	}
	b = append(b, `/>`...)
	if p.Header != "" {
		b = append(b, `<headerFooter`...)
		if p.DifferentFirst {
			b = append(b, ` differentFirst="1"`...)
		}
		b = append(b, `><oddHeader>`...)
		b = appendText(b, p.Header, true)
		b = append(b, `</oddHeader></headerFooter>`...)
	}
	return append(b, `</worksheet>`...)
}

func appendValidation(b []byte, v *Validation) []byte {
	b = append(b, `<dataValidation type="`...)
	b = appendAttr(b, v.Type)
	b = append(b, `" errorStyle="stop"`...)
	if v.Type != "list" {
		b = append(b, ` operator="between"`...)
	}
	b = append(b, ` allowBlank="1"`...)
	if v.Error != "" || v.ErrorTitle != "" {
		b = append(b, ` showErrorMessage="1" errorTitle="`...)
		b = appendAttr(b, v.ErrorTitle)
		b = append(b, `" error="`...)
		b = appendAttr(b, v.Error)
		b = append(b, '"')
	}
	b = append(b, ` sqref="`...)
	b = appendAttr(b, v.Sqref)
	b = append(b, `"><formula1>`...)
	if v.Type == "list" {
		// A delimited list is a string in the formula, its quotes
		// doubled.
		b = appendText(b, `"`+strings.ReplaceAll(strings.Join(v.List, ","), `"`, `""`)+`"`, false)
		return append(b, `</formula1></dataValidation>`...)
	}
	b = appendText(b, v.Min, false)
	b = append(b, `</formula1><formula2>`...)
	b = appendText(b, v.Max, false)
	return append(b, `</formula2></dataValidation>`...)
}
