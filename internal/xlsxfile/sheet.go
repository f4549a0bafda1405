package xlsxfile

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unsafe"

	"golang.org/x/text/language"

	"baocao/internal/a1"
	"baocao/internal/msg"
)

// Type is what a cell holds, as the file says.
type Type uint8

// The cell types. Every text type (shared, inline, a formula's text
// result) is String.
const (
	Blank  Type = iota // no value: an empty cell, or a formula without a saved value
	Number             // Value is the number as written ("0.7416", "45574")
	String             // Value is the text, escapes decoded
	Bool               // Value is "1" or "0"
	Error              // Value is the error code ("#DIV/0!")
	Date               // Value is an ISO 8601 date (t="d")
)

// Cell is one cell of a sheet.
type Cell struct {
	Col, Row int
	Type     Type
	Style    int // index into Book.Styles
	Value    string
	// Formula is the cell's formula without "=", "" when it has none. For
	// a cell that shares the formula of another (t="shared"), it is the
	// master's formula and SharedCol, SharedRow the master's cell: the
	// formula's relative references must be moved from there.
	Formula              string
	SharedCol, SharedRow int
}

// Range is a merged range of cells, first and last column and row.
type Range struct {
	Col1, Row1, Col2, Row2 int
}

// Ref is the range in A1 notation ("B2:D2").
func (r Range) Ref() string { return a1.Cell(r.Col1, r.Row1) + ":" + a1.Cell(r.Col2, r.Row2) }

// CellError is a problem at one cell of a sheet.
type CellError struct {
	Sheet    string
	Col, Row int
	Err      error
}

func (e *CellError) Error() string { return e.Localize(msg.English) }
func (e *CellError) Unwrap() error { return e.Err }

// Localize says the error in lang.
func (e *CellError) Localize(lang language.Tag) string {
	return msg.Sprintf("sheet %q, cell %s: %v", e.Sheet, a1.Cell(e.Col, e.Row), e.Err).Localize(lang)
}

// Format prints the error in the language of a msg printer.
func (e *CellError) Format(s fmt.State, verb rune) { msg.Format(s, verb, e) }

// SheetError is a problem with a sheet as a whole.
type SheetError struct {
	Sheet string
	Err   error
}

func (e *SheetError) Error() string { return e.Localize(msg.English) }
func (e *SheetError) Unwrap() error { return e.Err }

// Localize says the error in lang.
func (e *SheetError) Localize(lang language.Tag) string {
	return msg.Sprintf("sheet %q: %v", e.Sheet, e.Err).Localize(lang)
}

// Format prints the error in the language of a msg printer.
func (e *SheetError) Format(s fmt.State, verb rune) { msg.Format(s, verb, e) }

// Sheet is one worksheet's cells, read whole. Cells without a value or a
// formula (formatted but empty) are not kept.
type Sheet struct {
	Name string
	// MaxCol and MaxRow are the last column and row holding a value or a
	// formula.
	MaxCol, MaxRow int
	// Merges are the merged ranges, by first row.
	Merges []Range

	cells    []cell
	rowAt    []int32 // row number → index into rows, -1 when the row is empty
	rows     []span
	formulas []formulaRec
	shared   map[string]formulaRec
	byCol    [][]int32 // column → indices of Merges covering it, by first row
}

// cell is a kept cell, packed to 24 bytes: on a 50,000-row sheet the
// cells are the reader's largest allocation after the dataset itself.
type cell struct {
	v     string
	col   uint16 // at most 16,384 (XFD), Excel's last column
	style uint16 // Excel allows 64,000 cell formats; a larger index reads as no style
	ft    uint32 // the Type in the top 4 bits, the formula index+1 below (0: none)
}

func (c cell) typ() Type { return Type(c.ft >> 28) }
func (c cell) f() int32  { return int32(c.ft & (1<<28 - 1)) }

// draft is a cell while it is parsed.
type draft struct {
	col   int32
	style int32
	f     int32 // index+1 into formulas; 0 for no formula
	typ   Type
	v     string
}

func (d draft) pack() cell {
	st := uint16(0xFFFF)
	if d.style >= 0 && d.style < 0xFFFF {
		st = uint16(d.style)
	}
	return cell{v: d.v, col: uint16(d.col), style: st, ft: uint32(d.typ)<<28 | uint32(d.f)}
}

type span struct{ from, to int32 }

type formulaRec struct {
	text     string
	si       string // a follower of shared formula si, resolved on use
	col, row int32  // the master cell of a shared formula
}

// Cell returns the cell at col, row (1-based); a cell that holds nothing
// is the zero Cell with Col and Row set.
func (s *Sheet) Cell(col, row int) Cell {
	c := Cell{Col: col, Row: row}
	if row < 1 || row >= len(s.rowAt) || s.rowAt[row] < 0 {
		return c
	}
	sp := s.rows[s.rowAt[row]]
	cs := s.cells[sp.from:sp.to]
	if len(cs) == 0 {
		return c
	}
	// In a row without gaps the cell is where its column says; else
	// it is searched for.
	i := col - int(cs[0].col)
	if i < 0 || i >= len(cs) || int(cs[i].col) != col {
		var ok bool
		if i, ok = slices.BinarySearchFunc(cs, col, func(x cell, col int) int { return int(x.col) - col }); !ok {
			return c
		}
	}
	x := cs[i]
	c.Type, c.Style, c.Value = x.typ(), int(x.style), x.v
	if x.f() > 0 {
		f := s.formulas[x.f()-1]
		if f.si != "" {
			f = s.shared[f.si]
		}
		c.Formula = f.text
		if f.col > 0 && (int(f.col) != col || int(f.row) != row) {
			c.SharedCol, c.SharedRow = int(f.col), int(f.row)
		}
	}
	return c
}

// Width is the last column of a row that holds a value other than blank
// text, 0 for an empty row.
func (s *Sheet) Width(row int) int {
	if row < 1 || row >= len(s.rowAt) || s.rowAt[row] < 0 {
		return 0
	}
	sp := s.rows[s.rowAt[row]]
	for i := sp.to - 1; i >= sp.from; i-- {
		if strings.TrimSpace(s.cells[i].v) != "" {
			return int(s.cells[i].col)
		}
	}
	return 0
}

// Merge returns the merged range that holds the cell, if any.
func (s *Sheet) Merge(col, row int) (Range, bool) {
	if col < 1 || col >= len(s.byCol) {
		return Range{}, false
	}
	ids := s.byCol[col]
	// The ranges covering one column do not overlap, so the candidate is
	// the last that starts at or above the row.
	i := sort_search(len(ids), func(i int) bool { return s.Merges[ids[i]].Row1 > row }) - 1
	if i < 0 {
		return Range{}, false
	}
	m := s.Merges[ids[i]]
	if row <= m.Row2 {
		return m, true
	}
	return Range{}, false
}

func sort_search(n int, f func(int) bool) int {
	lo, hi := 0, n
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if !f(h) {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo
}

// ParseCell reads an A1 cell name ("C5", "$C$5"); ok is false when it is
// not one.
func ParseCell(s string) (col, row int, ok bool) {
	return parseRef([]byte(s))
}

func parseRef(b []byte) (col, row int, ok bool) {
	i := 0
	if i < len(b) && b[i] == '$' {
		i++
	}
	for i < len(b) {
		c := b[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		if col > 1<<20 {
			return 0, 0, false
		}
		i++
	}
	if col == 0 {
		return 0, 0, false
	}
	if i < len(b) && b[i] == '$' {
		i++
	}
	start := i
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		row = row*10 + int(b[i]-'0')
		if row > 1<<24 {
			return 0, 0, false
		}
		i++
	}
	if i == start || i != len(b) || row == 0 {
		return 0, 0, false
	}
	return col, row, true
}

func atoi(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// eachAttr calls fn with each attribute's local name and raw value.
func eachAttr(attrs []byte, fn func(key, val []byte)) {
	for {
		key, val, rest, ok := nextAttr(attrs)
		if !ok {
			return
		}
		fn(key, val)
		attrs = rest
	}
}

// nextAttr reads the first attribute of attrs: its local name, its raw
// value and what follows it; ok is false when there is none, or the rest
// is not attributes. The cell loop calls it directly: a closure called
// for each attribute of half a million cells was a tenth of the sheet's
// reading.
func nextAttr(attrs []byte) (key, val, rest []byte, ok bool) {
	i := 0
	for i < len(attrs) && isSpace(attrs[i]) {
		i++
	}
	attrs = attrs[i:]
	eq := bytes.IndexByte(attrs, '=')
	if eq < 0 {
		return nil, nil, nil, false
	}
	key = attrs[:eq]
	for len(key) > 0 && isSpace(key[len(key)-1]) {
		key = key[:len(key)-1]
	}
	rest = attrs[eq+1:]
	k := 0
	for k < len(rest) && isSpace(rest[k]) {
		k++
	}
	if k >= len(rest) || rest[k] != '"' && rest[k] != '\'' {
		return nil, nil, nil, false
	}
	end := bytes.IndexByte(rest[k+1:], rest[k])
	if end < 0 {
		return nil, nil, nil, false
	}
	return local(key), rest[k+1 : k+1+end], rest[k+1+end+1:], true
}

// plainAttrs are the attributes of a cell's start tag read by plainStart.
type plainAttrs struct {
	ok      bool
	r, t, s []byte // nil when absent
}

// plainStart reads a cell's start tag in the form programs write,
// <c r="B2" s="3" t="s">: attributes of lower-case names, each after one
// space, in double quotes, without a quote, '<', '>' or '&' in the value,
// none twice. n is the tag's length, 0 for any other form (an empty
// <c/> among them), which the tokenizer and nextAttr read, alike: for
// this form they find the same end and the same values.
func plainStart(rest []byte) (a plainAttrs, n int) {
	if len(rest) < 3 || rest[0] != '<' || rest[1] != 'c' || rest[2] != ' ' {
		return a, 0
	}
	for i := 2; ; {
		if i >= len(rest) {
			return a, 0
		}
		if rest[i] == '>' {
			a.ok = true
			return a, i + 1
		}
		if rest[i] != ' ' {
			return a, 0
		}
		i++
		k := i
		for i < len(rest) && 'a' <= rest[i] && rest[i] <= 'z' {
			i++
		}
		if i == k || i+1 >= len(rest) || rest[i] != '=' || rest[i+1] != '"' {
			return a, 0
		}
		key := rest[k:i]
		i += 2
		v := i
		for i < len(rest) && rest[i] != '"' {
			if c := rest[i]; c == '<' || c == '>' || c == '&' || c == '\'' {
				return a, 0
			}
			i++
		}
		if i >= len(rest) {
			return a, 0
		}
		val := rest[v:i:i]
		i++
		var slot *[]byte
		switch string(key) {
		case "r":
			slot = &a.r
		case "t":
			slot = &a.t
		case "s":
			slot = &a.s
		default:
			continue
		}
		if *slot != nil {
			return a, 0 // twice: the tokenizer's reading keeps the last
		}
		*slot = val
	}
}

// tokenizeCells turns plainStart and plainCell off, for the test that compares the two
// ways of reading a cell.
var tokenizeCells = false

// plainCell reads the content and end tag of a cell written in one of the
// two forms nearly every cell has, <v>100</v></c> and, from excelize's
// stream writer, <is><t>Xã 00001</t></is></c>, with plain text (no
// reference, CDATA or child): n is the bytes read, 0 for any other form,
// which the tokenizer reads, alike (the form is what plainText and
// plainInline accept, followed by </c>).
func plainCell(rest []byte) (raw []byte, inline bool, n int) {
	open, end := "<v>", "</v></c>"
	if bytes.HasPrefix(rest, []byte("<is><t>")) {
		open, end, inline = "<is><t>", "</t></is></c>", true
	} else if !bytes.HasPrefix(rest, []byte(open)) {
		return nil, false, 0
	}
	text := rest[len(open):]
	lt := bytes.IndexByte(text, '<')
	if lt < 0 || !bytes.HasPrefix(text[lt:], []byte(end)) || bytes.IndexByte(text[:lt], '&') >= 0 {
		return nil, false, 0
	}
	return text[:lt], inline, len(open) + lt + len(end)
}

// parseSheet reads a worksheet part: the cells of sheetData and the
// merged ranges, checking the limits as it goes so that a hostile sheet
// stops early.
func (b *Book) parseSheet(name string, data []byte) (*Sheet, error) {
	// Sizing the cells once saves the copies of growing the slice, a
	// third of the sheet's memory. A number cell has four tags
	// (<c><v></v></c>), a text or formula cell more; counting one byte
	// is many times faster than counting "<c ".
	sh := &Sheet{Name: name, shared: map[string]formulaRec{}, cells: make([]cell, 0, min(bytes.Count(data, []byte{'<'})/4, b.lim.Cells))}
	s := &scanner{data: data}
	lim := b.lim
	rowNum, col := 0, 0
	var rowNums []int32 // row number of each span
	var buf, tmp []byte
	unsorted := false
	cellErr := func(c, r int, err error) error { return &CellError{Sheet: name, Col: c, Row: r, Err: err} }
	for {
		var t token
		// A cell's start tag in the plain form is read without the
		// tokenizer, its attributes with it (see plainStart).
		pa, n := plainStart(s.data[s.pos:])
		if n > 0 && !tokenizeCells {
			t = token{kind: tokStart, name: s.data[s.pos+1 : s.pos+2]}
			s.pos += n
		} else {
			var err error
			if t, err = s.next(); err != nil {
				return nil, &SheetError{Sheet: name, Err: err}
			}
			pa.ok = false
		}
		if t.kind == tokEOF {
			break
		}
		if t.kind != tokStart {
			continue
		}
		switch string(t.name) {
		case "worksheet", "sheetData", "mergeCells":
		case "row":
			r := rowNum + 1
			for a := t.attrs; ; {
				k, v, rest, ok := nextAttr(a)
				if !ok {
					break
				}
				a = rest
				if string(k) == "r" {
					if n, ok := atoi(v); ok {
						r = n
					}
				}
			}
			rowNum, col = r, 0
		case "mergeCell":
			ref, _ := attr(t.attrs, "ref")
			m, ok := parseRange(ref)
			if !ok {
				return nil, &SheetError{Sheet: name, Err: msg.Errorf("merged range %q: expected a range such as B2:D2", ref)}
			}
			if len(sh.Merges) >= lim.Merges {
				return nil, &SheetError{Sheet: name, Err: &LimitError{What: msg.Sprintf("the number of merged ranges"), Found: int64(len(sh.Merges) + 1), Limit: int64(lim.Merges), Name: "merges",
					Hint: msg.Sprintf("unmerge the cells the table does not need merged")}}
			}
			if area := int64(m.Col2-m.Col1+1) * int64(m.Row2-m.Row1+1); area > lim.MergeArea {
				return nil, &SheetError{Sheet: name, Err: &LimitError{What: msg.Sprintf("the merged range %s in cells", ref), Found: area, Limit: lim.MergeArea, Name: "merge-area",
					Hint: msg.Sprintf("a range this large was merged by selecting whole rows or columns; unmerge it (in Excel, select it and click Merge & Center again) and merge only the cells the title or header needs")}}
			}
			sh.Merges = append(sh.Merges, m)
			if err := s.skip(t); err != nil {
				return nil, &SheetError{Sheet: name, Err: err}
			}
		case "c":
			c := draft{}
			var typ []byte
			cr, ccol := rowNum, col+1
			if pa.ok {
				if pa.r != nil {
					if x, y, ok := parseRef(pa.r); ok {
						ccol, cr = x, y
					}
				}
				typ = pa.t
				if pa.s != nil {
					if n, ok := atoi(pa.s); ok {
						c.style = int32(n)
					}
				}
			}
			for a := t.attrs; !pa.ok; {
				k, v, rest, ok := nextAttr(a)
				if !ok {
					break
				}
				a = rest
				switch string(k) {
				case "r":
					if x, y, ok := parseRef(v); ok {
						ccol, cr = x, y
					}
				case "t":
					typ = v
				case "s":
					if n, ok := atoi(v); ok {
						c.style = int32(n)
					}
				}
			}
			col = ccol
			if cr != rowNum {
				// A cell whose reference names another row than its
				// <row>: follow the cell, as Excel does.
				rowNum = cr
			}
			if t.empty {
				continue
			}
			var v []byte
			hasV, hasF, direct := false, false, false
			var f formulaRec
			var fType, fSI string
			// The cell's content and end tag: most cells in a form
			// plainCell reads without the tokenizer, whose tokens cost
			// more than the rest of the cell on a 50,000-row sheet.
			plain := false
			if raw, inline, n := plainCell(s.data[s.pos:]); n > 0 && !tokenizeCells {
				s.pos += n
				v, hasV, direct, plain = raw, true, true, true
				if inline && typ == nil {
					typ = []byte("inlineStr")
				}
			}
			for !plain {
				u, err := s.next()
				if err != nil {
					return nil, cellErr(ccol, cr, err)
				}
				if u.kind == tokEOF {
					return nil, cellErr(ccol, cr, msg.Errorf("the part ends inside the cell"))
				}
				if u.kind == tokEnd && string(u.name) == "c" {
					break
				}
				if u.kind != tokStart {
					continue
				}
				switch string(u.name) {
				case "v":
					if raw, ok := s.plainText(u); ok {
						v, hasV, direct = raw, true, true
						break
					}
					if buf, err = s.text(u, buf); err != nil {
						return nil, cellErr(ccol, cr, err)
					}
					v, hasV, direct = buf, true, false
				case "f":
					fType, fSI = "", ""
					eachAttr(u.attrs, func(k, val []byte) {
						switch string(k) {
						case "t":
							fType = string(val)
						case "si":
							fSI = string(val)
						}
					})
					if tmp, err = s.text(u, tmp); err != nil {
						return nil, cellErr(ccol, cr, err)
					}
					f = formulaRec{text: string(tmp)}
					if fType == "shared" && fSI != "" {
						if len(tmp) > 0 {
							f.col, f.row = int32(ccol), int32(cr)
							sh.shared[fSI] = f
						} else {
							f.si = fSI
						}
					}
					hasF = f.text != "" || f.si != ""
				case "is":
					if raw, ok := s.plainInline(u); ok {
						v, hasV, direct = raw, true, true
						if typ == nil {
							typ = []byte("inlineStr")
						}
						break
					}
					if buf, err = s.inline(u, buf); err != nil {
						return nil, cellErr(ccol, cr, err)
					}
					v, hasV = buf, true
					if typ == nil {
						typ = []byte("inlineStr")
					}
				default:
					if err := s.skip(u); err != nil {
						return nil, cellErr(ccol, cr, err)
					}
				}
			}
			if !hasV && !hasF {
				continue
			}
			if hasV {
				if err := checkText(v); err != nil {
					return nil, cellErr(ccol, cr, err)
				}
				switch string(typ) {
				case "", "n":
					c.typ = Number
					c.v = str(v, direct)
				case "s":
					idx, ok := atoi(trimSpace(v))
					if !ok || idx >= len(b.strings) {
						return nil, cellErr(ccol, cr, msg.Errorf("the cell refers to shared string %q, but the workbook has %d: the file is damaged; open and save it in Excel or LibreOffice", v, len(b.strings)))
					}
					it := b.strings[idx]
					if it.err != nil {
						return nil, cellErr(ccol, cr, it.err)
					}
					c.typ, c.v = String, it.s
				case "str", "inlineStr":
					c.typ = String
					c.v = DecodeEscapes(str(v, direct))
					if err := b.textLimit(c.v); err != nil {
						return nil, cellErr(ccol, cr, err)
					}
				case "b":
					c.typ = Bool
					c.v = "0"
					if string(trimSpace(v)) == "1" || string(trimSpace(v)) == "true" {
						c.v = "1"
					}
				case "e":
					c.typ, c.v = Error, str(v, direct)
				case "d":
					c.typ, c.v = Date, str(v, direct)
				default:
					return nil, cellErr(ccol, cr, msg.Errorf("unknown cell type t=%q", typ))
				}
				if c.typ == Number || c.typ == Date {
					if len(trimSpace(v)) == 0 {
						c.typ, c.v = Blank, ""
					}
				}
			}
			if hasF {
				if len(sh.formulas) >= 1<<28-1 {
					return nil, cellErr(ccol, cr, msg.Errorf("more than 268 million formulas in one sheet"))
				}
				sh.formulas = append(sh.formulas, f)
				c.f = int32(len(sh.formulas))
			}
			if c.typ == Blank && c.f == 0 {
				continue
			}
			if cr > lim.Rows {
				return nil, cellErr(ccol, cr, &LimitError{What: msg.Sprintf("the row number of this cell (the last with a value)"), Found: int64(cr), Limit: int64(lim.Rows), Name: "rows",
					Hint: msg.Sprintf("delete the rows below the data if they are not part of it")})
			}
			if ccol > 16_384 {
				return nil, cellErr(ccol, cr, msg.Errorf("the cell is right of XFD, the last column of a worksheet: the file is damaged"))
			}
			if ccol > lim.Columns {
				return nil, cellErr(ccol, cr, &LimitError{What: msg.Sprintf("the column number of this cell"), Found: int64(ccol), Limit: int64(lim.Columns), Name: "columns",
					Hint: msg.Sprintf("delete the columns right of the data if they are not part of it")})
			}
			if len(sh.cells) >= lim.Cells {
				return nil, cellErr(ccol, cr, &LimitError{What: msg.Sprintf("the number of cells with a value"), Found: int64(len(sh.cells) + 1), Limit: int64(lim.Cells), Name: "cells"})
			}
			c.col = int32(ccol)
			if n := len(rowNums); n == 0 || rowNums[n-1] != int32(cr) {
				if n > 0 && rowNums[n-1] > int32(cr) {
					unsorted = true
				}
				rowNums = append(rowNums, int32(cr))
				sh.rows = append(sh.rows, span{from: int32(len(sh.cells)), to: int32(len(sh.cells))})
			} else if last := sh.cells[len(sh.cells)-1]; int32(last.col) >= c.col {
				unsorted = true
			}
			sh.cells = append(sh.cells, c.pack())
			sh.rows[len(sh.rows)-1].to++
			sh.MaxRow = max(sh.MaxRow, cr)
			sh.MaxCol = max(sh.MaxCol, ccol)
		default:
			if err := s.skip(t); err != nil {
				return nil, &SheetError{Sheet: name, Err: err}
			}
		}
	}
	if unsorted {
		rowNums = sh.sortCells(rowNums)
	}
	if area := int64(sh.MaxRow) * int64(sh.MaxCol); area > int64(lim.Cells) {
		return nil, &SheetError{Sheet: name, Err: &LimitError{What: msg.Sprintf("the used area A1:%s in cells", a1.Cell(sh.MaxCol, sh.MaxRow)), Found: area, Limit: int64(lim.Cells), Name: "cells",
			Hint: msg.Sprintf("a stray value far right or far down makes the area large; delete the rows and columns outside the data")}}
	}
	for _, f := range sh.formulas {
		if f.si != "" {
			if _, ok := sh.shared[f.si]; !ok {
				return nil, &SheetError{Sheet: name, Err: msg.Errorf("a cell shares formula %s, which no cell defines: the file is damaged; open and save it in Excel or LibreOffice", f.si)}
			}
		}
	}
	sh.rowAt = make([]int32, sh.MaxRow+1)
	for i := range sh.rowAt {
		sh.rowAt[i] = -1
	}
	for i, r := range rowNums {
		sh.rowAt[r] = int32(i)
	}
	sh.indexMerges()
	return sh, nil
}

// sortCells puts the cells of a sheet written out of order (rows or
// columns) in order; of two cells with the same reference the last wins,
// as when a program writes a cell twice. It returns the new row numbers.
func (sh *Sheet) sortCells(rowNums []int32) []int32 {
	type rc struct {
		row int32
		c   cell
	}
	all := make([]rc, 0, len(sh.cells))
	for i, sp := range sh.rows {
		for _, c := range sh.cells[sp.from:sp.to] {
			all = append(all, rc{rowNums[i], c})
		}
	}
	slices.SortStableFunc(all, func(a, b rc) int {
		if a.row != b.row {
			return int(a.row - b.row)
		}
		return int(a.c.col) - int(b.c.col)
	})
	sh.cells, sh.rows, rowNums = sh.cells[:0], sh.rows[:0], rowNums[:0]
	for _, x := range all {
		n := len(rowNums)
		switch {
		case n == 0 || rowNums[n-1] != x.row:
			rowNums = append(rowNums, x.row)
			sh.rows = append(sh.rows, span{from: int32(len(sh.cells)), to: int32(len(sh.cells))})
		case sh.cells[len(sh.cells)-1].col == x.c.col:
			sh.cells[len(sh.cells)-1] = x.c
			continue
		}
		sh.cells = append(sh.cells, x.c)
		sh.rows[len(sh.rows)-1].to++
	}
	return rowNums
}

// indexMerges indexes the merged ranges by column, clipped to the used
// area: a range F100:XFD1048576 costs as many entries as the sheet has
// columns, never one per cell.
func (sh *Sheet) indexMerges() {
	sortRanges(sh.Merges)
	if len(sh.Merges) == 0 {
		return
	}
	sh.byCol = make([][]int32, sh.MaxCol+1)
	for i, m := range sh.Merges {
		for c := m.Col1; c <= min(m.Col2, sh.MaxCol); c++ {
			sh.byCol[c] = append(sh.byCol[c], int32(i))
		}
	}
}

func parseRange(ref string) (Range, bool) {
	a, b, two := strings.Cut(ref, ":")
	c1, r1, ok1 := ParseCell(a)
	if !two {
		return Range{c1, r1, c1, r1}, ok1
	}
	c2, r2, ok2 := ParseCell(b)
	if !ok1 || !ok2 {
		return Range{}, false
	}
	return Range{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)}, true
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// inline reads an inline string (<is>): its text or its runs' text,
// phonetic runs left out.
func (s *scanner) inline(start token, buf []byte) ([]byte, error) {
	buf = buf[:0]
	if start.empty {
		return buf, nil
	}
	var tmp []byte
	for {
		t, err := s.next()
		if err != nil {
			return nil, err
		}
		switch t.kind {
		case tokEOF:
			return nil, s.fail("the part ends inside <is>")
		case tokEnd:
			if string(t.name) == "is" {
				return buf, nil
			}
		case tokStart:
			switch string(t.name) {
			case "r":
			case "t":
				if tmp, err = s.text(t, tmp); err != nil {
					return nil, err
				}
				buf = append(buf, tmp...)
			default:
				if err := s.skip(t); err != nil {
					return nil, err
				}
			}
		}
	}
}

// plainText returns the content of the element just started when it is
// plain text (no entity, no CDATA, no child) directly followed by its end
// tag, the way every program writes <v>100</v>; the slice is of the part.
func (s *scanner) plainText(start token) ([]byte, bool) {
	if start.empty {
		return nil, false
	}
	rest := s.data[s.pos:]
	lt := bytes.IndexByte(rest, '<')
	if lt < 0 || lt+2 >= len(rest) || rest[lt+1] != '/' || bytes.IndexByte(rest[:lt], '&') >= 0 {
		return nil, false
	}
	gt := bytes.IndexByte(rest[lt:], '>')
	if gt < 0 || !bytes.Equal(local(rest[lt+2:lt+gt]), start.name) {
		return nil, false
	}
	s.pos += lt + gt + 1
	return rest[:lt], true
}

// plainInline is plainText for an inline string of one plain <t>
// (<is><t>Xã 00001</t></is>, as excelize's stream writer writes it).
func (s *scanner) plainInline(start token) ([]byte, bool) {
	if start.empty {
		return nil, false
	}
	pos := s.pos
	t, err := s.next()
	if err == nil && t.kind == tokStart && string(t.name) == "t" {
		if raw, ok := s.plainText(t); ok {
			if e, err := s.next(); err == nil && e.kind == tokEnd && string(e.name) == "is" {
				return raw, true
			}
		}
	}
	s.pos = pos
	return nil, false
}

// str makes a string of a value: a value that is a slice of the part
// shares its bytes (the part is never written to after it is read), which
// saves an allocation per cell, half a million on a 50,000-row sheet.
func str(b []byte, direct bool) string {
	if direct && len(b) > 0 {
		return unsafe.String(&b[0], len(b))
	}
	return string(b)
}
