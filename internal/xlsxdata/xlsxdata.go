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
// Cell values: a formula's cached value is used; a formula without one is
// evaluated with excelize's calculator, and a formula that cannot be
// evaluated is an error naming the cell, never a silent blank. Numbers
// typed as text are accepted in the Vietnamese form ("13,8", "1.234,5").
// Every string is normalised to NFC.
package xlsxdata

import (
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/dataset"
	"baocao/internal/legacyvn"
	"baocao/internal/vnfmt"
)

// Read opens the workbook at path and reads it.
func Read(path string) (*dataset.Dataset, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot open as an .xlsx workbook: %w", path, err)
	}
	defer f.Close()
	return ReadFile(f, filepath.Base(path))
}

// ReadFile reads an open workbook; name is used in messages.
func ReadFile(f *excelize.File, name string) (*dataset.Dataset, error) {
	d := &dataset.Dataset{Source: name, Trees: map[string]*dataset.Tree{}}
	// A workbook in the 1904 date system (Mac Excel) counts date serials
	// from 1904: reading them from 1900 would put every date four years
	// and a day early.
	props, err := f.GetWorkbookProps()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	date1904 := props.Date1904 != nil && *props.Date1904
	for _, sheet := range f.GetSheetList() {
		r := &reader{f: f, file: name, sheet: sheet, date1904: date1904,
			fonts: map[int]string{}, converted: map[legacyvn.Encoding][]string{}}
		if err := r.readSheet(d); err != nil {
			return nil, err
		}
		d.Warnings = append(d.Warnings, r.conversions()...)
	}
	if d.Facts == nil && len(d.Trees) == 0 && len(d.Tables) == 0 {
		return nil, fmt.Errorf("%s: no sheet with a header row: expected a fact sheet (columns Khóa, Giá trị), an indicator sheet (columns Mã, Nội dung, Điểm tối đa) or a table", name)
	}
	return d, nil
}

type reader struct {
	f        *excelize.File
	file     string
	sheet    string
	date1904 bool
	// merged maps every cell inside a merged range, but its top-left
	// one, to that top-left cell: a merged cell's value lives there.
	merged map[string]string
	// spans are the merged ranges by their top-left cell.
	spans map[string]excelize.MergeCell
	// fonts caches the font name of each cell style; converted lists the
	// cells whose legacy-encoded text was converted, by encoding.
	fonts     map[int]string
	converted map[legacyvn.Encoding][]string
}

// font is the font name of a cell's style, "" when it has none.
func (r *reader) font(cell string) string {
	idx, err := r.f.GetCellStyle(r.sheet, cell)
	if err != nil || idx == 0 {
		return ""
	}
	if name, ok := r.fonts[idx]; ok {
		return name
	}
	name := ""
	if st, err := r.f.GetStyle(idx); err == nil && st != nil && st.Font != nil {
		name = st.Font.Family
	}
	r.fonts[idx] = name
	return name
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
		list := strings.Join(cells, ", ")
		if len(cells) > 10 {
			list = strings.Join(cells[:10], ", ") + fmt.Sprintf(" and %d more", len(cells)-10)
		}
		out = append(out, dataset.Errorf(dataset.Loc{File: r.file, Sheet: r.sheet},
			"%d cell(s) typed in the legacy %s encoding were converted to Unicode: %s; check the text, and retype it in Unicode when convenient", len(cells), enc, list))
	}
	return out
}

func (r *reader) loadMerges() error {
	mcs, err := r.f.GetMergeCells(r.sheet, true)
	if err != nil {
		return fmt.Errorf("%s, sheet %q: merged cells: %w", r.file, r.sheet, err)
	}
	r.merged, r.spans = map[string]string{}, map[string]excelize.MergeCell{}
	for _, mc := range mcs {
		c1, r1, err1 := excelize.CellNameToCoordinates(mc.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(mc.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		top, _ := excelize.CoordinatesToCellName(c1, r1)
		r.spans[top] = mc
		for row := r1; row <= r2; row++ {
			for col := c1; col <= c2; col++ {
				if cell, _ := excelize.CoordinatesToCellName(col, row); cell != top {
					r.merged[cell] = top
				}
			}
		}
	}
	return nil
}

func (r *reader) loc(col, row int) dataset.Loc {
	cell, _ := excelize.CoordinatesToCellName(col, row)
	return dataset.Loc{File: r.file, Sheet: r.sheet, Cell: cell}
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
	rows, err := r.f.GetRows(r.sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return fmt.Errorf("%s, sheet %q: %w", r.file, r.sheet, err)
	}
	// The header is the first row within the first ten that names the
	// columns of a fact or indicator sheet; rows above it (a title such as
	// "BẢNG TỰ ĐÁNH GIÁ", the unit's name) are skipped. Stopping at the
	// first non-empty row instead ignored, silently, every sheet with a
	// title above its header.
	if err := r.loadMerges(); err != nil {
		return err
	}
	first := -1
	for i := 0; i < len(rows) && i < 10; i++ {
		cols := map[string]int{}
		for j, h := range rows[i] {
			if k := dataset.FoldKey(h); k != "" {
				if _, dup := cols[k]; !dup {
					cols[k] = j + 1
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
			return r.readFacts(d, i+1, roles, len(rows))
		}
		if roles := match(cols, treeCols); roles["code"] > 0 && roles["name"] > 0 && roles["max"] > 0 {
			return r.readTree(d, i+1, roles, len(rows))
		}
	}
	if first < 0 {
		return nil // an empty sheet
	}
	return r.readTable(d, rows, first+1)
}

// readTable reads any other sheet with a header as a table keyed by its
// first column. A header whose cells are merged across columns (a group
// over its parts) or down rows takes as many rows as the merges reach.
func (r *reader) readTable(d *dataset.Dataset, rows [][]string, header int) error {
	nrows := len(rows)
	height := 1
	ncols := width(rows, header)
	for col := 1; col <= ncols; col++ {
		cell, _ := excelize.CoordinatesToCellName(col, header)
		mc, ok := r.spans[cell]
		if !ok {
			continue
		}
		c1, r1, _ := excelize.CellNameToCoordinates(mc.GetStartAxis())
		c2, r2, _ := excelize.CellNameToCoordinates(mc.GetEndAxis())
		h := r2 - r1 + 1
		if c2 > c1 {
			h++ // a group over its parts: the parts are on the next row
		}
		height = max(height, min(h, 3))
	}
	for k := 1; k < height; k++ {
		ncols = max(ncols, width(rows, header+k))
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
	var note *dataset.Value // the first note row; rows below it are notes too
	for row := header + height; row <= nrows; row++ {
		key, err := r.value(1, row)
		if err != nil {
			return err
		}
		cells := make([]dataset.Value, 0, ncols-1)
		blank := key.Kind == dataset.Empty
		for col := 2; col <= ncols; col++ {
			v, err := r.value(col, row)
			if err != nil {
				return err
			}
			blank = blank && v.Kind == dataset.Empty
			cells = append(cells, v)
		}
		if blank {
			continue
		}
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

// width is the number of the last non-empty column of a row (1-based).
func width(rows [][]string, row int) int {
	if row-1 >= len(rows) {
		return 0
	}
	w := 0
	for i, c := range rows[row-1] {
		if strings.TrimSpace(c) != "" {
			w = i + 1
		}
	}
	return w
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
		return fmt.Errorf("%s, sheet %q: a second fact sheet (the first is %q); keep the facts on one sheet", r.file, r.sheet, d.Facts.Sheet)
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

// value reads one cell into a typed value.
func (r *reader) value(col, row int) (dataset.Value, error) {
	loc := r.loc(col, row)
	if top, ok := r.merged[loc.Cell]; ok {
		loc.Cell = top
	}
	v := dataset.Value{Loc: loc}
	typ, err := r.f.GetCellType(r.sheet, loc.Cell)
	if err != nil {
		return v, dataset.Errorf(loc, "%w", err)
	}
	raw, err := r.f.GetCellValue(r.sheet, loc.Cell, excelize.Options{RawCellValue: true})
	if err != nil {
		return v, dataset.Errorf(loc, "%w", err)
	}
	formula := ""
	if raw == "" {
		// Only a cell without a value needs its formula: a saved value
		// is the one Excel showed.
		formula, _ = r.f.GetCellFormula(r.sheet, loc.Cell)
	}
	if formula != "" {
		// No cached value (a file written by a program, not by Excel).
		raw, err = r.f.CalcCellValue(r.sheet, loc.Cell, excelize.Options{RawCellValue: true})
		if err != nil || raw == "" {
			why := "it gives no value"
			if err != nil {
				why = err.Error()
			}
			return v, dataset.Errorf(loc, "the formula =%s has no saved value and cannot be evaluated (%s); open and save the workbook in Excel or LibreOffice", formula, why)
		}
		typ = excelize.CellTypeNumber
		if _, err := strconv.ParseFloat(raw, 64); err != nil {
			typ = excelize.CellTypeSharedString
		}
	}
	if typ == excelize.CellTypeError || strings.HasPrefix(raw, "#") && isExcelError(raw) {
		return v, dataset.Errorf(loc, "the cell holds the error %s", raw)
	}
	raw = vnfmt.NFC(raw)
	if strings.TrimSpace(raw) == "" {
		return v, nil
	}
	if typ == excelize.CellTypeBool {
		// The raw value of TRUE is "1": read as text, a boolean would
		// become the number 1, one point in a figure cell.
		v.Kind, v.Text = dataset.TextKind, "TRUE"
		if raw == "0" {
			v.Text = "FALSE"
		}
		return v, nil
	}
	switch typ {
	case excelize.CellTypeNumber, excelize.CellTypeUnset, excelize.CellTypeFormula:
		if x, err := strconv.ParseFloat(raw, 64); err == nil {
			if r.isDate(loc.Cell) {
				t, err := excelize.ExcelDateToTime(x, r.date1904)
				if err != nil {
					return v, dataset.Errorf(loc, "date serial %s: %w", raw, err)
				}
				v.Kind, v.Time, v.Text = dataset.DateKind, t.Truncate(24*time.Hour), raw
				return v, nil
			}
			v.Kind, v.Num, v.Text = dataset.NumberKind, x, raw
			return v, nil
		}
	case excelize.CellTypeDate:
		// An ISO 8601 date cell (t="d"). Excel writes it without a zone
		// ("2024-10-09T00:00:00"), which RFC 3339 alone rejects.
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02"} {
			if t, err := time.Parse(layout, raw); err == nil {
				v.Kind, v.Time, v.Text = dataset.DateKind, t, raw
				return v, nil
			}
		}
	}
	if fixed, enc, changed := legacyvn.Fix(raw, r.font(loc.Cell)); changed {
		raw = fixed
		r.converted[enc] = append(r.converted[enc], loc.Cell)
	}
	v.Kind, v.Text = dataset.TextKind, raw
	if x, ok := ParseNumber(raw); ok {
		v.Kind, v.Num, v.AsText = dataset.NumberKind, x, true
	} else if t, ok := vnfmt.ParseDate(raw); ok {
		v.Kind, v.Time, v.AsText = dataset.DateKind, t, true
	}
	return v, nil
}

func isExcelError(s string) bool {
	switch s {
	case "#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!", "#GETTING_DATA":
		return true
	}
	return false
}

// isDate reports whether the cell's number format shows a date.
func (r *reader) isDate(cell string) bool {
	idx, err := r.f.GetCellStyle(r.sheet, cell)
	if err != nil || idx == 0 {
		return false
	}
	st, err := r.f.GetStyle(idx)
	if err != nil || st == nil {
		return false
	}
	if st.CustomNumFmt != nil {
		return isDateFormat(*st.CustomNumFmt)
	}
	switch st.NumFmt {
	case 14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58:
		return true
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
