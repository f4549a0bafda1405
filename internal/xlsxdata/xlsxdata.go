// Package xlsxdata reads an indicator workbook (.xlsx) into a
// dataset.Dataset. It recognises each sheet by its header row:
//
//   - a fact sheet has the columns "Khóa" and "Giá trị" (key, value);
//   - an indicator sheet has "Mã", "Nội dung" and "Điểm tối đa", and may
//     have "Điểm ĐTXHH", "Điểm đạt", "Điểm ĐTXHH đạt" and "Ghi chú".
//
// Header names match without regard to case, diacritics or tone-mark
// placement, so "KHÓA", "Khoá" and "khoa" are the same column. Other
// sheets are ignored. The reader never writes to the workbook.
//
// Cell values are read as the spreadsheet shows them: a number formatted
// as a date is a date, one formatted as a percent (0%, 0,00%) is the
// percent (74,16 for 0,7416, marked Value.Percent). Every formula is
// evaluated with package formula: a workbook saved by a program that does
// not recalculate keeps stale values, so a saved value that differs from
// its formula's is replaced, with a warning naming the cell, and a
// workbook that asks for recalculation (fullCalcOnLoad) is said to have
// been recalculated. A formula that cannot be evaluated (circular, a
// number typed as text used in arithmetic, a missing sheet) is an error
// naming its cell and the cell it depends on, never a silent 0 or blank;
// a function the evaluator does not know falls back on the saved value.
// Numbers typed as text are accepted in the Vietnamese form ("13,8",
// "1.234,5"). Every string is normalised to NFC.
//
// The package (zip, XML, limits) is read by xlsxfile; Limits documents
// the bounds and the environment variable BAOCAO_XLSX_LIMITS that raises
// them.
package xlsxdata

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unsafe"

	"baocao/internal/a1"
	"baocao/internal/dataset"
	"baocao/internal/formula"
	"baocao/internal/legacyvn"
	"baocao/internal/msg"
	"baocao/internal/vnfmt"
	"baocao/internal/xlsxfile"
)

// Limits are the limits of xlsxfile, raised by the environment variable
// BAOCAO_XLSX_LIMITS when it is set.
func Limits() (xlsxfile.Limits, error) {
	if s, ok := os.LookupEnv(xlsxfile.LimitsEnv); ok {
		return xlsxfile.ParseLimits(s)
	}
	return xlsxfile.DefaultLimits, nil
}

// Read opens the workbook at path and reads it. Only a regular file is
// read; the reader never writes to it.
func Read(path string) (*dataset.Dataset, error) {
	data, err := ReadInput(path)
	if err != nil {
		return nil, err
	}
	lim, err := Limits()
	if err != nil {
		return nil, err
	}
	return read(path, filepath.Base(path), data, lim)
}

// ReadInput reads the bytes of the workbook file at path within the
// limits (a regular file of at most the file-size limit), for a caller
// that reads them with ReadBytes: os.ReadFile would block on a FIFO and
// never end on /dev/zero.
func ReadInput(path string) ([]byte, error) {
	lim, err := Limits()
	if err != nil {
		return nil, err
	}
	data, err := xlsxfile.ReadFile(path, lim)
	if err != nil {
		return nil, msg.Errorf("%s: cannot open as an .xlsx workbook: %w", path, err)
	}
	return data, nil
}

// ReadBytes reads a workbook held in memory; name is used in messages.
func ReadBytes(name string, data []byte) (*dataset.Dataset, error) {
	lim, err := Limits()
	if err != nil {
		return nil, err
	}
	return read(name, name, data, lim)
}

func read(shown, name string, data []byte, lim xlsxfile.Limits) (*dataset.Dataset, error) {
	b, err := xlsxfile.Parse(data, lim)
	if err != nil {
		return nil, msg.Errorf("%s: cannot open as an .xlsx workbook: %w", shown, err)
	}
	return ReadBook(b, name)
}

// ReadBook reads an open workbook package; name is used in messages.
func ReadBook(b *xlsxfile.Book, name string) (*dataset.Dataset, error) {
	d := &dataset.Dataset{Source: name, Trees: map[string]*dataset.Tree{}}
	// Every sheet is read first: a formula may refer to any of them.
	src, err := newSource(b)
	if err != nil {
		return nil, located(name, "", err)
	}
	bk := &book{src: src, eval: formula.New(src, formula.Options{Date1904: b.Date1904})}
	for i, sheet := range b.Sheets {
		sh, _ := b.Sheet(i)
		r := &reader{b: b, book: bk, sh: sh, file: name, sheet: sheet, converted: map[legacyvn.Encoding][]string{}}
		if err := r.readSheet(d); err != nil {
			return nil, err
		}
		d.Warnings = append(d.Warnings, r.conversions()...)
		d.Warnings = append(d.Warnings, r.warnings...)
	}
	d.Warnings = append(d.Warnings, bk.warnings(name, b.FullCalcOnLoad)...)
	if d.Facts == nil && len(d.Trees) == 0 && len(d.Tables) == 0 {
		return nil, msg.Errorf("%s: no sheet with a header row: expected a fact sheet (columns Khóa, Giá trị), an indicator sheet (columns Mã, Nội dung, Điểm tối đa) or a table", name)
	}
	return d, nil
}

// located turns an error of the package reader into one naming the file,
// sheet and cell.
func located(file, sheet string, err error) error {
	var ce *xlsxfile.CellError
	if errors.As(err, &ce) {
		return dataset.Errorf(dataset.Loc{File: file, Sheet: ce.Sheet, Cell: a1.Cell(ce.Col, ce.Row)}, "%w", ce.Err)
	}
	var se *xlsxfile.SheetError
	if errors.As(err, &se) {
		return dataset.Errorf(dataset.Loc{File: file, Sheet: se.Sheet}, "%w", se.Err)
	}
	return dataset.Errorf(dataset.Loc{File: file, Sheet: sheet}, "%w", err)
}

type reader struct {
	b     *xlsxfile.Book
	book  *book
	sh    *xlsxfile.Sheet
	file  string
	sheet string
	// converted lists the cells whose legacy-encoded text was converted,
	// by encoding.
	converted map[legacyvn.Encoding][]string
	names     []byte // see cellName
	// warnings are the sheet's other warnings; warned the cells they name.
	warnings []error
	warned   map[string]bool
	// formats says, by style index, what each style's number format
	// shows, worked out once: a 50,000-row sheet asks 400,000 times.
	formats []numFormat
}

// numFormat is what a style's number format shows: fmtKnown once worked
// out, then fmtDate or fmtPercent.
type numFormat uint8

const (
	fmtKnown numFormat = 1 << iota
	fmtDate
	fmtPercent
)

func (r *reader) format(i int) numFormat {
	if i < 0 || i >= len(r.b.Styles) {
		return fmtKnown
	}
	if r.formats == nil {
		r.formats = make([]numFormat, len(r.b.Styles))
	}
	f := r.formats[i]
	if f == 0 {
		st := r.b.Styles[i]
		f = fmtKnown
		if isDate(st) {
			f |= fmtDate
		}
		if isPercent(st) {
			f |= fmtPercent
		}
		r.formats[i] = f
	}
	return f
}

// conversions reports the converted cells of the sheet, one warning per
// encoding, naming the cells: the user should know the text was rewritten.
func (r *reader) conversions() []error {
	var out []error
	for _, enc := range []legacyvn.Encoding{legacyvn.TCVN3, legacyvn.TCVN3Upper, legacyvn.VNI} {
		cells := r.converted[enc]
		if len(cells) == 0 {
			continue
		}
		list := msg.Sprintf("%s", strings.Join(cells, ", "))
		if len(cells) > 10 {
			list = msg.Sprintf("%s and %d more", strings.Join(cells[:10], ", "), len(cells)-10)
		}
		out = append(out, dataset.Errorf(dataset.Loc{File: r.file, Sheet: r.sheet},
			"%d cell(s) typed in the legacy %s encoding were converted to Unicode: %s; check the text, and retype it in Unicode when convenient", len(cells), enc, list))
	}
	return out
}

func (r *reader) loc(col, row int) dataset.Loc {
	return dataset.Loc{File: r.file, Sheet: r.sheet, Cell: r.cellName(col, row)}
}

// cellName names a cell from a buffer shared by the sheet's names: a
// reader names every cell it reads (450,000 on a 50,000-row table), and
// one allocation per name was a tenth of the allocations. The buffer is
// only appended to, never written over, so the strings stay valid.
func (r *reader) cellName(col, row int) string {
	if cap(r.names)-len(r.names) < 16 {
		// Chunks double from 512 bytes to 32 KiB: a small sheet
		// costs little, a large one few chunks.
		r.names = make([]byte, 0, min(32<<10, max(512, 2*cap(r.names))))
	}
	start := len(r.names)
	r.names = a1.AppendCell(r.names, col, row)
	b := r.names[start:]
	return unsafe.String(&b[0], len(b))
}

// column roles by folded header name.
var (
	factCols = map[string]string{"khoa": "key", "gia tri": "value", "ghi chu": "note", "mo ta": "note"}
	treeCols = map[string]string{
		"ma": "code", "noi dung": "name", "ten": "name", "diem toi da": "max", "diem dtxhh": "survey",
		"trong do dtxhh": "survey", "diem dat": "score", "diem tu danh gia": "score",
		"diem dtxhh dat": "surveyscore", "ghi chu": "note",
	}
)

func (r *reader) readSheet(d *dataset.Dataset) error {
	nrows := r.sh.MaxRow
	// The header is the first row within the first ten that names the
	// columns of a fact or indicator sheet; rows above it (a title such as
	// "BẢNG TỰ ĐÁNH GIÁ", the unit's name) are skipped. Stopping at the
	// first non-empty row instead ignored, silently, every sheet with a
	// title above its header.
	first := -1
	for i := 0; i < nrows && i < 10; i++ {
		cols := map[string]int{}
		for j := 1; j <= r.sh.Width(i+1); j++ {
			if k := dataset.FoldKey(r.sh.Cell(j, i+1).Value); k != "" {
				if _, dup := cols[k]; !dup {
					cols[k] = j
				}
			}
		}
		if len(cols) == 0 {
			continue
		}
		if first < 0 && len(cols) >= 2 {
			first = i // a table's header names two columns at least; a title names one
		}
		if roles := match(cols, factCols); roles["key"] > 0 && roles["value"] > 0 {
			return r.readFacts(d, i+1, roles, nrows)
		}
		if roles := match(cols, treeCols); roles["code"] > 0 && roles["name"] > 0 && roles["max"] > 0 {
			return r.readTree(d, i+1, roles, nrows)
		}
	}
	if first < 0 {
		return nil // an empty sheet
	}
	return r.readTable(d, first+1)
}

// readTable reads any other sheet with a header as a table keyed by its
// first column. A header whose cells are merged across columns (a group
// over its parts) or down rows takes as many rows as the merges reach.
func (r *reader) readTable(d *dataset.Dataset, header int) error {
	nrows := r.sh.MaxRow
	height := 1
	ncols := r.sh.Width(header)
	for col := 1; col <= ncols; col++ {
		mc, ok := r.sh.Merge(col, header)
		if !ok || mc.Col1 != col || mc.Row1 != header {
			continue
		}
		c1, r1, c2, r2 := mc.Col1, mc.Row1, mc.Col2, mc.Row2
		h := r2 - r1 + 1
		if c2 > c1 {
			h++ // a group over its parts: the parts are on the next row
		}
		height = max(height, min(h, 3))
	}
	for k := 1; k < height; k++ {
		ncols = max(ncols, r.sh.Width(header+k))
	}
	if ncols < 2 {
		return nil // a single column of notes, not a table
	}
	var cols [][]string
	var locs []dataset.Loc
	keyParts := []string{}
	for col := 1; col <= ncols; col++ {
		var parts []string
		for k := 0; k < height; k++ {
			v, err := r.value(col, header+k)
			if err != nil {
				return err
			}
			// A cell merged down the header rows repeats: keep it once.
			if t := strings.TrimSpace(v.String()); t != "" && (len(parts) == 0 || parts[len(parts)-1] != t) {
				parts = append(parts, t)
			}
		}
		if col == 1 {
			keyParts = parts
			continue
		}
		if len(parts) == 0 {
			return dataset.Errorf(r.loc(col, header+height-1), "the column has no header; every column of a table needs a name")
		}
		cols = append(cols, parts)
		locs = append(locs, r.loc(col, header+height-1))
	}
	t := dataset.NewTable(r.sheet, strings.Join(keyParts, " / "), cols, locs)
	t.Reserve(nrows - header - height + 1)
	var note *dataset.Value // the first note row; rows below it are notes too
	// The rows' cells are cut from blocks of up to 256 rows: one
	// allocation per block, not per row, on a table of 50,000 rows. A
	// row's slice is capped at its width, so that nothing appended to it
	// reaches the next row's cells.
	var slab []dataset.Value
	width := ncols - 1
	for row := header + height; row <= nrows; row++ {
		key, err := r.value(1, row)
		if err != nil {
			return err
		}
		if cap(slab)-len(slab) < width {
			slab = make([]dataset.Value, 0, width*min(256, nrows-row+1))
		}
		start := len(slab)
		cells := slab[start : start : start+width]
		blank := key.Kind == dataset.Empty
		for col := 2; col <= ncols; col++ {
			cells = cells[:len(cells)+1]
			v := &cells[len(cells)-1]
			if err := r.valueInto(v, col, row); err != nil {
				return err
			}
			blank = blank && v.Kind == dataset.Empty
		}
		if blank {
			continue // its cells are taken again by the next row
		}
		slab = slab[:start+width]
		role := dataset.ClassifyRow(key, cells)
		if note != nil && role == dataset.DataRow && !hasNumber(cells) && key.Kind != dataset.NumberKind {
			role = dataset.NoteRow // a second line of the notes or of a signature
		}
		switch role {
		case dataset.NoteRow:
			label, at := rowLabel(key, cells)
			if nums := numberCells(cells); len(nums) > 0 {
				return dataset.Errorf(at, "row %d reads as a note or signature (%q) but holds figures (cells %s); put the note below the table in a row of its own, or give the figures a key", row, label, strings.Join(nums, ", "))
			}
			d.Warnings = append(d.Warnings, dataset.Errorf(at, "row %d (%q) reads as a note or signature, not data: it was left out of the table", row, clip(label)))
			if note == nil {
				note = &dataset.Value{Loc: at, Text: label}
			}
			continue
		case dataset.TotalRow:
			label, at := rowLabel(key, cells)
			if note != nil {
				return dataset.Errorf(at, "the total row %q comes below the notes (row of cell %s); keep the table's rows together above its notes", label, note.Loc.Cell)
			}
			if key.Kind != dataset.Empty {
				at = key.Loc
			}
			t.AddTotal(label, at, cells)
			continue
		}
		if note != nil {
			return dataset.Errorf(key.Loc, "row %d holds figures below the notes (%q at cell %s); keep the table's rows together above its notes", row, clip(note.Text), note.Loc.Cell)
		}
		if key.Kind == dataset.Empty {
			return dataset.Errorf(key.Loc, "this row has figures but no key (the %s column is empty)", t.Key)
		}
		k := strings.TrimSpace(key.Text)
		if key.Kind == dataset.NumberKind && !key.AsText {
			k = key.String() // 2023, not 2023.0
		}
		if _, err := t.AddRow(k, key.Loc, cells); err != nil {
			return err
		}
	}
	warns, errs := t.CheckTotals()
	d.Warnings = append(d.Warnings, warns...)
	d.Errors = append(d.Errors, errs...)
	if d.Tables == nil {
		d.Tables = map[string]*dataset.Table{}
	}
	d.Tables[r.sheet] = t
	return nil
}

// rowLabel is the text that names a row: its key, or the first text cell
// of a row without one, with that cell's place.
func rowLabel(key dataset.Value, cells []dataset.Value) (string, dataset.Loc) {
	if key.Kind != dataset.Empty {
		return strings.TrimSpace(key.String()), key.Loc
	}
	for _, c := range cells {
		if c.Kind == dataset.TextKind {
			return strings.TrimSpace(c.Text), c.Loc
		}
	}
	return "", key.Loc
}

func hasNumber(cells []dataset.Value) bool { return len(numberCells(cells)) > 0 }

func numberCells(cells []dataset.Value) []string {
	var out []string
	for _, c := range cells {
		if c.Kind == dataset.NumberKind {
			out = append(out, c.Loc.Cell)
		}
	}
	return out
}

// clip shortens a note for a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return s
}

func match(cols map[string]int, names map[string]string) map[string]int {
	roles := map[string]int{}
	for h, c := range cols {
		if role, ok := names[h]; ok {
			if _, dup := roles[role]; !dup || c < roles[role] {
				roles[role] = c
			}
		}
	}
	return roles
}

func (r *reader) readFacts(d *dataset.Dataset, header int, roles map[string]int, nrows int) error {
	if d.Facts != nil {
		return msg.Errorf("%s, sheet %q: a second fact sheet (the first is %q); keep the facts on one sheet", r.file, r.sheet, d.Facts.Sheet)
	}
	facts := dataset.NewFacts(r.sheet)
	for row := header + 1; row <= nrows; row++ {
		k, err := r.value(roles["key"], row)
		if err != nil {
			return err
		}
		key := strings.TrimSpace(k.Text)
		if k.Kind == dataset.Empty || key == "" {
			continue
		}
		if k.Kind != dataset.TextKind {
			return dataset.Errorf(k.Loc, "expected a key (text such as so_van_ban), found %s", k.String())
		}
		v, err := r.value(roles["value"], row)
		if err != nil {
			return err
		}
		if err := facts.Add(key, v, k.Loc); err != nil {
			return err
		}
	}
	d.Facts = facts
	return nil
}

func (r *reader) readTree(d *dataset.Dataset, header int, roles map[string]int, nrows int) error {
	t := dataset.NewTree(r.sheet, r.file)
	measures := []struct {
		role string
		m    dataset.Measure
	}{{"max", dataset.Max}, {"survey", dataset.Survey}, {"score", dataset.Score}, {"surveyscore", dataset.SurveyScore}}
	for row := header + 1; row <= nrows; row++ {
		code, err := r.value(roles["code"], row)
		if err != nil {
			return err
		}
		name, err := r.value(roles["name"], row)
		if err != nil {
			return err
		}
		if code.Kind == dataset.Empty && name.Kind == dataset.Empty {
			continue
		}
		target := (*dataset.Node)(nil)
		c := strings.TrimSpace(code.Text)
		if code.Kind == dataset.NumberKind && !code.AsText {
			// A code typed as a number: 1 stays "1"; 1.2 would be
			// ambiguous with 1.20, so ask for text.
			if code.Num != math.Trunc(code.Num) {
				return dataset.Errorf(code.Loc, "indicator code %s is a number; type it as text ('%s) so that 1.2 and 1.20 stay different", code.String(), strings.Replace(code.String(), ",", ".", 1))
			}
			c = strconv.Itoa(int(code.Num))
		}
		switch f := dataset.FoldKey(c); {
		case f == "tong" || f == "tong cong" || f == "tong so":
			// A second total row would silently replace the first's
			// figures.
			if t.Root.Row.Cell != "" {
				return dataset.Errorf(code.Loc, "a second total row (the first is at cell %s)", t.Root.Row.Cell)
			}
			target = t.Root
			if name.Kind != dataset.Empty {
				t.Root.Name = name.Text
			}
			t.Root.Row = code.Loc
		case c == "":
			return dataset.Errorf(code.Loc, "indicator %q has no code (expected 1, 1.2, 1.2.3 …, or Tổng for the total row)", name.Text)
		default:
			target = &dataset.Node{Code: c, Name: name.Text, Row: code.Loc}
			if err := t.Add(target); err != nil {
				return err
			}
		}
		if col := roles["note"]; col > 0 {
			v, err := r.value(col, row)
			if err != nil {
				return err
			}
			target.Note = v.Text
		}
		for _, ms := range measures {
			col := roles[ms.role]
			if col == 0 {
				continue
			}
			v, err := r.value(col, row)
			if err != nil {
				return err
			}
			switch v.Kind {
			case dataset.Empty:
			case dataset.NumberKind:
				if v.Num < 0 {
					return dataset.Errorf(v.Loc, "%s is negative (%s)", ms.m, v.String())
				}
				target.Set(ms.m, v.Num, v.Loc)
			default:
				return dataset.Errorf(v.Loc, "expected a number for the %s, found %q", ms.m, v.Text)
			}
		}
	}
	if len(t.Root.Children) == 0 {
		// A blank workbook: say what to fill, and let validate list
		// everything else that is missing too.
		d.Errors = append(d.Errors, dataset.Errorf(dataset.Loc{File: r.file, Sheet: r.sheet, Cell: fmt.Sprintf("A%d", header+1)},
			"the indicator sheet has a header but no rows: type the indicator set (code, name, maximum) from row %d", header+1))
	}
	// Inconsistencies are kept on the tree (Tree.Issues); the template's
	// checks decide what to report.
	t.Compute()
	d.Trees[r.sheet] = t
	return nil
}

// value reads one cell into a typed value: a cell inside a merged range
// is read from the range's top-left cell, where its value lives.
func (r *reader) value(col, row int) (dataset.Value, error) {
	var v dataset.Value
	err := r.valueInto(&v, col, row)
	return v, err
}

// valueInto is value, written into *v: a table's cells are read straight
// into their rows, without a copy of each value.
func (r *reader) valueInto(v *dataset.Value, col, row int) error {
	if m, ok := r.sh.Merge(col, row); ok {
		col, row = m.Col1, m.Row1
	}
	loc := r.loc(col, row)
	*v = dataset.Value{Loc: loc}
	c := r.sh.Cell(col, row)
	if c.Formula != "" {
		r.book.formulas++
		var err error
		if c, err = r.formula(c, loc); err != nil {
			return err
		}
	}
	raw := c.Value
	if c.Type == xlsxfile.Error || strings.HasPrefix(raw, "#") && isExcelError(raw) {
		return dataset.Errorf(loc, "the cell holds the error %s", raw)
	}
	if !isASCII(raw) { // ASCII is in NFC already; most cells are numbers
		raw = vnfmt.NFC(raw)
	}
	if strings.TrimSpace(raw) == "" {
		return nil
	}
	switch c.Type {
	case xlsxfile.Bool:
		// Read as a number, TRUE would be 1, one point in a figure cell.
		v.Kind, v.Text = dataset.TextKind, "TRUE"
		if raw == "0" {
			v.Text = "FALSE"
		}
		return nil
	case xlsxfile.Number:
		if x, ok := parseFloat(raw); ok {
			format := r.format(c.Style)
			if format&fmtDate != 0 {
				t, err := serialDate(x, r.b.Date1904)
				if err != nil {
					return dataset.Errorf(loc, "date serial %s: %w", raw, err)
				}
				v.Kind, v.Time, v.Text = dataset.DateKind, t, raw
				return nil
			}
			if format&fmtPercent != 0 {
				// The cell shows 74,16% for 0.7416: read it as shown,
				// scaling the written digits so that no binary rounding
				// creeps in (0.7416*100 is 74.16000000000001).
				x = percent(raw, x)
				v.Percent = true
			}
			v.Kind, v.Num, v.Text = dataset.NumberKind, x, raw
			return nil
		}
	case xlsxfile.Date:
		if t, ok := isoDate(raw); ok {
			v.Kind, v.Time, v.Text = dataset.DateKind, t, raw
			return nil
		}
	}
	// ASCII text is the same in every legacy encoding: only the bytes
	// above 0x7F differ.
	if !isASCII(raw) {
		if fixed, enc, changed := legacyvn.Fix(raw, r.b.Style(c.Style).Font); changed {
			raw = fixed
			r.converted[enc] = append(r.converted[enc], loc.Cell)
		}
	}
	r.checkKeyText(raw, loc)
	v.Kind, v.Text = dataset.TextKind, raw
	if x, ok := ParseNumber(raw); ok {
		v.Kind, v.Num, v.AsText = dataset.NumberKind, x, true
	} else if t, ok := parseDate(raw); ok {
		v.Kind, v.Time, v.AsText = dataset.DateKind, t, true
	}
	return nil
}

// parseFloat reads a number cell's value as strconv.ParseFloat does, and
// refuses an infinity or NaN. Most values of a table are small whole
// numbers ("100"), which are read digit by digit: exact below 2^53, and
// four hundred thousand ParseFloat calls were a tenth of the read of a
// 50,000-row sheet.
func parseFloat(raw string) (float64, bool) {
	if v, ok := smallWhole(raw); ok {
		return float64(v), true
	}
	x, err := strconv.ParseFloat(raw, 64)
	return x, err == nil && !math.IsInf(x, 0) && !math.IsNaN(x)
}

// smallWhole reads 1 to 15 decimal digits.
func smallWhole(s string) (int64, bool) {
	if len(s) == 0 || len(s) > 15 {
		return 0, false
	}
	var v int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	return v, true
}

// parseDate is vnfmt.ParseDate for text that can be a date: every layout
// it knows starts with a digit, and a failed time.Parse allocates its
// error, which on a 50,000-row sheet of unit names was a tenth of the read.
func parseDate(s string) (time.Time, bool) {
	t := strings.TrimSpace(s)
	if t == "" || t[0] < '0' || t[0] > '9' {
		return time.Time{}, false
	}
	return vnfmt.ParseDate(t)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// checkKeyText warns about text shaped like a key (so_van_ban) that holds
// a control character or an "_xHHHH_" sequence: spreadsheet programs read
// "_xHHHH_" as an escaped character, and LibreOffice Calc 7.4 also
// "_xH_" to "_xHHH_" ("dvc_xa_phat_sinh" became "dvc", a line feed and
// "phat_sinh"), so such a key no longer matches the template's. The
// check is made where the cell is decoded, so that it names the cell.
func (r *reader) checkKeyText(s string, loc dataset.Loc) {
	if !strings.Contains(s, "_") || r.warned[loc.Cell] {
		return
	}
	var ctrl []rune
	for _, c := range s {
		switch {
		case c < 0x20 || c == 0x7F:
			ctrl = append(ctrl, c)
		case c == '_' || unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.Is(unicode.Mn, c):
		default:
			return // text with spaces or punctuation is not a key
		}
	}
	var text msg.Text
	switch {
	case len(ctrl) > 0:
		// What the key probably was: each character written back as
		// the short escape Calc decoded.
		var b strings.Builder
		for _, c := range s {
			if c < 0x20 || c == 0x7F {
				fmt.Fprintf(&b, "_x%x_", c)
			} else {
				b.WriteRune(c)
			}
		}
		text = msg.Sprintf("the key %q holds a control character (U+%04X): a spreadsheet program probably decoded an \"_x…_\" sequence in it as an escaped character (LibreOffice Calc reads \"_xa_\" as a line feed); the key was probably %q: rename it in the workbook and the template to one without \"_x\" followed by hexadecimal digits and \"_\"",
			s, ctrl[0], b.String())
	case xlsxfile.HasEscape(s):
		text = msg.Sprintf("the key %q holds an \"_xHHHH_\" sequence, which Excel and LibreOffice read as an escaped character: saved again, the key may change into another; rename it in the workbook and the template", s)
	default:
		return
	}
	if r.warned == nil {
		r.warned = map[string]bool{}
	}
	r.warned[loc.Cell] = true
	r.warnings = append(r.warnings, dataset.Errorf(loc, "%s", text))
}

// percent is x, written raw, times 100.
func percent(raw string, x float64) float64 {
	mant, exp := raw, 0
	if i := strings.IndexAny(raw, "eE"); i >= 0 {
		e, err := strconv.Atoi(raw[i+1:])
		if err != nil {
			return x * 100
		}
		mant, exp = raw[:i], e
	}
	y, err := strconv.ParseFloat(mant+"e"+strconv.Itoa(exp+2), 64)
	if err != nil {
		return x * 100
	}
	return y
}

// serialDate is the day of an Excel date serial (a time of day is
// dropped). In the 1900 system serial 1 is 1 January 1900 and serial 60
// the 29 February 1900 that Lotus 1-2-3 invented and Excel kept, so
// serials from 61 count from 30 December 1899; the 1904 system counts
// from 1 January 1904.
func serialDate(x float64, date1904 bool) (time.Time, error) {
	if x < 0 || x >= 2958466 {
		return time.Time{}, msg.Errorf("not a date between 1900 and 9999")
	}
	days := int(math.Floor(x + 1e-9)) // a time of 23:59:59.9999 stays on its day
	base := time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
	switch {
	case date1904:
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	case days >= 61:
		base = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	}
	return base.AddDate(0, 0, days), nil
}

func isExcelError(s string) bool {
	switch s {
	case "#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!", "#GETTING_DATA":
		return true
	}
	return false
}

// isDate reports whether a cell style's number format shows a date.
func isDate(st xlsxfile.Style) bool {
	if st.Format != "" {
		return isDateFormat(st.Format)
	}
	switch st.NumFmt {
	case 14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58:
		return true
	}
	return false
}

// isPercent reports whether a cell style's number format shows a percent
// (0%, 0.00%, or a custom format with % outside quotes).
func isPercent(st xlsxfile.Style) bool {
	if st.Format != "" {
		return isPercentFormat(st.Format)
	}
	return st.NumFmt == 9 || st.NumFmt == 10
}

// isPercentFormat reports whether a custom number format multiplies by
// 100: a "%" that is not quoted, escaped or inside brackets. Only the
// first section (positive numbers) counts.
func isPercentFormat(code string) bool {
	inQuote, inBracket, escaped := false, false, false
	for _, c := range code {
		switch {
		case escaped:
			escaped = false
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '\\':
			escaped = true
		case c == '[':
			inBracket = true
		case c == ']':
			inBracket = false
		case inBracket:
		case c == ';':
			return false
		case c == '%':
			return true
		}
	}
	return false
}

// isDateFormat reports whether a custom number format shows a day, month
// or year; text in quotes and colour or locale tags in brackets are skipped.
func isDateFormat(code string) bool {
	inQuote, inBracket := false, false
	for _, c := range strings.ToLower(code) {
		switch {
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '[':
			inBracket = true
		case c == ']':
			inBracket = false
		case inBracket:
		case c == 'd' || c == 'y' || c == 'm':
			return true
		}
	}
	return false
}

// ParseNumber reads a number typed as text in the Vietnamese way (decimal
// comma, thousands dot: "13,8", "57.286", "1.234,5") or as a plain
// machine number ("13.8" when there is no comma and the dot is not a
// thousands group). A trailing "%" is dropped without dividing by 100:
// "99,48%" reads as 99.48, the figure as written. Ambiguous text such as
// "1.234" with no comma reads as 1234 (Vietnamese grouping), and text that
// mixes the two conventions ("1,234.5") is not a number.
func ParseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, "%")
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	neg := false
	if s[0] == '-' || s[0] == '+' {
		neg = s[0] == '-'
		s = s[1:]
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c == '.' || c == ',') {
			return 0, false
		}
	}
	var intPart, frac string
	switch strings.Count(s, ",") {
	case 0:
		if strings.Count(s, ".") == 1 && !groupedDots(s) {
			intPart, frac, _ = strings.Cut(s, ".")
		} else {
			if strings.Contains(s, ".") && !groupedDots(s) {
				return 0, false
			}
			intPart = strings.ReplaceAll(s, ".", "")
		}
	case 1:
		intPart, frac, _ = strings.Cut(s, ",")
		if strings.Contains(intPart, ".") {
			if !groupedDots(intPart) {
				return 0, false
			}
			intPart = strings.ReplaceAll(intPart, ".", "")
		}
		if strings.Contains(frac, ".") {
			return 0, false
		}
	default:
		return 0, false
	}
	if intPart == "" && frac == "" {
		return 0, false
	}
	if intPart == "" {
		intPart = "0"
	}
	x, err := strconv.ParseFloat(intPart+"."+frac+"0", 64)
	if err != nil {
		return 0, false
	}
	if neg {
		x = -x
	}
	return x, true
}

// groupedDots reports whether s is digits in groups of three separated by
// dots after a first group of one to three ("57.286", "1.234.567"). The
// first group never starts with 0: "0.125" is a machine decimal, not 125.
func groupedDots(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) < 2 || len(parts[0]) == 0 || len(parts[0]) > 3 || parts[0][0] == '0' {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}

// formula gives the value of a formula cell: every formula the reader
// meets is evaluated, so that a value saved by a program that does not
// recalculate (excelize, a headless LibreOffice convert) is never printed
// unchecked. A saved value that disagrees with the formula is replaced,
// with a warning naming the cell; a formula that cannot be evaluated is an
// error naming the cell and the cell it depends on, except that a function
// baocao does not know falls back on the saved value, when there is one.
func (r *reader) formula(c xlsxfile.Cell, loc dataset.Loc) (xlsxfile.Cell, error) {
	saved := c.Type != xlsxfile.Blank
	v, err := r.book.eval.Eval(formula.Ref{Sheet: r.sheet, Col: c.Col, Row: c.Row})
	if err != nil {
		var fe *formula.Error
		if errors.As(err, &fe) && fe.Unsupported() && saved {
			r.warnings = append(r.warnings, dataset.Errorf(loc, "the formula =%s cannot be checked (%s); the saved value %s is used as it is", r.shown(c), fe.Text(), show(c)))
			return c, nil
		}
		var why any = err
		if errors.As(err, &fe) {
			why = fe.Text()
		}
		return c, dataset.Errorf(loc, "the formula =%s cannot be evaluated: %s", r.shown(c), why)
	}
	if !saved && r.emptyRef(c) {
		// Excel shows 0 for =Z99 when Z99 is empty; a figure that is a
		// bare reference to nothing is a formula pointing at the wrong cell
		// or a cell not filled in yet, and is not printed as 0.
		v = formula.Value{}
	}
	got := c
	switch v.Kind {
	case formula.Number:
		if math.IsNaN(v.Num) || math.IsInf(v.Num, 0) {
			return c, dataset.Errorf(loc, "the formula =%s gives %v, which is not a number", r.shown(c), v.Num)
		}
		got.Type, got.Value = xlsxfile.Number, strconv.FormatFloat(v.Num, 'g', -1, 64)
	case formula.Text:
		got.Type, got.Value = xlsxfile.String, v.Str
	case formula.Bool:
		got.Type, got.Value = xlsxfile.Bool, "0"
		if v.Num != 0 {
			got.Value = "1"
		}
	case formula.ErrorValue:
		return c, dataset.Errorf(loc, "the formula =%s gives the error %s", r.shown(c), v.Str)
	case formula.Empty:
		if !saved {
			return c, dataset.Errorf(loc, "the formula =%s gives no value (it refers to empty cells only); type the figure, or point the formula at the cells that hold it", r.shown(c))
		}
		// Excel shows 0 for a reference to an empty cell, and saves it.
		got.Type, got.Value = xlsxfile.Number, "0"
	}
	if saved && !agree(c, got) {
		r.book.stale = append(r.book.stale, staleCell{loc: loc, saved: show(c), formula: show(got)})
	}
	return got, nil
}

// emptyRef reports whether a formula is a bare reference to an empty
// cell (=Z99, ='Thông tin'!B40).
func (r *reader) emptyRef(c xlsxfile.Cell) bool {
	f := strings.TrimSpace(r.shown(c))
	sheet := r.sheet
	if i := strings.LastIndexByte(f, '!'); i >= 0 {
		sheet = strings.ReplaceAll(strings.Trim(f[:i], "'"), "''", "'")
		f = f[i+1:]
	}
	col, row, ok := xlsxfile.ParseCell(f)
	if !ok {
		return false
	}
	fv, v, ok := r.book.src.Cell(formula.Ref{Sheet: sheet, Col: col, Row: row})
	return ok && fv == "" && (v.Kind == formula.Empty || v.Kind == formula.Text && strings.TrimSpace(v.Str) == "")
}

// shown is a cell's formula as the user wrote it (a shared formula moved
// to the cell).
func (r *reader) shown(c xlsxfile.Cell) string {
	f, _ := cellFormula(c)
	return f
}

func cellFormula(c xlsxfile.Cell) (string, error) {
	if c.SharedCol == 0 {
		return c.Formula, nil
	}
	return formula.Translate(c.Formula, c.SharedCol, c.SharedRow, c.Col, c.Row)
}

// agree reports whether a saved value is the formula's: numbers within
// the last digits a file's 17 significant figures can hold.
func agree(saved, got xlsxfile.Cell) bool {
	if saved.Type == xlsxfile.Number && got.Type == xlsxfile.Number {
		a, err1 := strconv.ParseFloat(strings.TrimSpace(saved.Value), 64)
		b, err2 := strconv.ParseFloat(got.Value, 64)
		return err1 == nil && err2 == nil && math.Abs(a-b) <= 1e-12*max(1, math.Abs(a), math.Abs(b))
	}
	if saved.Type == xlsxfile.Bool && got.Type == xlsxfile.Bool || saved.Type == xlsxfile.Error && got.Type == xlsxfile.Error {
		return strings.TrimSpace(saved.Value) == got.Value
	}
	if saved.Type == xlsxfile.String && got.Type == xlsxfile.String {
		return saved.Value == got.Value
	}
	return false
}

// show is a value for a message, numbers the Vietnamese way.
func show(c xlsxfile.Cell) string {
	switch c.Type {
	case xlsxfile.Number:
		if x, err := strconv.ParseFloat(strings.TrimSpace(c.Value), 64); err == nil {
			return strings.Replace(strconv.FormatFloat(x, 'f', -1, 64), ".", ",", 1)
		}
	case xlsxfile.String:
		return strconv.Quote(c.Value)
	case xlsxfile.Bool:
		if c.Value == "1" {
			return "TRUE"
		}
		return "FALSE"
	}
	return c.Value
}

// maxStale is how many stale cells are warned one by one.
const maxStale = 20

type staleCell struct {
	loc            dataset.Loc
	saved, formula string
}

// book is what the readers of one workbook's sheets share.
type book struct {
	src   *source
	eval  *formula.Evaluator
	stale []staleCell
	// formulas counts the formula cells read, for the recalculation note.
	formulas int
}

// recalcWarnings words the recalculation: one warning per cell whose
// saved value differed, and one when the workbook asked for it.
func (bk *book) warnings(file string, fullCalc bool) []error {
	var out []error
	if fullCalc && bk.formulas > 0 {
		out = append(out, dataset.Errorf(dataset.Loc{File: file},
			"the workbook asks to be recalculated when opened (fullCalcOnLoad), so its saved formula values may be stale; baocao evaluated the %d formula cell(s) it read and used their values", bk.formulas))
	}
	for i, s := range bk.stale {
		if i == maxStale {
			// A workbook never recalculated can have thousands: the
			// first ones show what happened, the rest are counted.
			var cells []string
			for _, t := range bk.stale[i:min(len(bk.stale), i+10)] {
				cells = append(cells, t.loc.Sheet+"!"+t.loc.Cell)
			}
			var more msg.Text
			if n := len(bk.stale) - i - len(cells); n > 0 {
				more = msg.Sprintf(" and %d more", n)
			}
			out = append(out, dataset.Errorf(dataset.Loc{File: file},
				"%d more formula cells had a saved value that differs from their formula's (%s%s); baocao used the formulas'", len(bk.stale)-i, strings.Join(cells, ", "), more))
			break
		}
		out = append(out, dataset.Errorf(s.loc,
			"the saved value of %s (%s) differs from its formula's (%s): the workbook was saved by a program that does not recalculate; baocao used the formula's",
			s.loc.Cell, s.saved, s.formula))
	}
	return out
}

// source is a workbook as the formula evaluator sees it.
type source struct {
	b      *xlsxfile.Book
	sheets map[string]*xlsxfile.Sheet // by lower-case name: Excel's sheet names are case-insensitive
}

func newSource(b *xlsxfile.Book) (*source, error) {
	s := &source{b: b, sheets: map[string]*xlsxfile.Sheet{}}
	for i, name := range b.Sheets {
		sh, err := b.Sheet(i)
		if err != nil {
			return nil, err
		}
		s.sheets[strings.ToLower(name)] = sh
	}
	return s, nil
}

func (s *source) Cell(r formula.Ref) (string, formula.Value, bool) {
	sh, ok := s.sheets[strings.ToLower(r.Sheet)]
	if !ok {
		return "", formula.Value{}, false
	}
	c := sh.Cell(r.Col, r.Row)
	f := ""
	if c.Formula != "" {
		var err error
		if f, err = cellFormula(c); err != nil {
			// A shared formula moved off the sheet: Excel shows #REF!.
			f = "#REF!"
		}
	}
	v := formula.Value{}
	switch c.Type {
	case xlsxfile.Number:
		x, err := strconv.ParseFloat(strings.TrimSpace(c.Value), 64)
		if err != nil {
			v = formula.Value{Kind: formula.Text, Str: c.Value}
		} else {
			v = formula.Value{Kind: formula.Number, Num: x}
		}
	case xlsxfile.String:
		v = formula.Value{Kind: formula.Text, Str: c.Value}
	case xlsxfile.Bool:
		v = formula.Value{Kind: formula.Bool}
		if c.Value == "1" {
			v.Num = 1
		}
	case xlsxfile.Error:
		v = formula.Value{Kind: formula.ErrorValue, Str: c.Value}
	case xlsxfile.Date:
		if t, ok := isoDate(c.Value); ok {
			v = formula.Value{Kind: formula.Number, Num: dateSerial(t, s.b.Date1904)}
		} else {
			v = formula.Value{Kind: formula.Text, Str: c.Value}
		}
	}
	return f, v, true
}

func (s *source) Used(sheet string) (int, int, bool) {
	sh, ok := s.sheets[strings.ToLower(sheet)]
	if !ok {
		return 0, 0, false
	}
	return sh.MaxCol, sh.MaxRow, true
}

// isoDate reads the value of a t="d" cell.
func isoDate(raw string) (time.Time, bool) {
	// Excel writes it without a zone ("2024-10-09T00:00:00"), which
	// RFC 3339 alone rejects.
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02"} {
		if t, err := time.Parse(layout, raw); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// dateSerial is the Excel serial of a time (the inverse of serialDate,
// with the time of day as a fraction).
func dateSerial(t time.Time, date1904 bool) float64 {
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	d := t.Sub(base).Hours() / 24
	if !date1904 && d < 61 {
		d-- // before the invented 29 February 1900
	}
	return d
}
