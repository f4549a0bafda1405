package dataset

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"baocao/internal/msg"
)

// Table is a sheet of figures by row: periods (2021 … 2025, "Từ 05/12/2024
// đến 31/3/2025"), units (xã, phường) or any other key in its first column,
// and measures in the other columns. A header of two rows with merged
// group cells ("Số hồ sơ nhận giải quyết" over "Tổng số", "Trực tuyến"…)
// gives columns named "Group / Sub"; a column can be asked for by its full
// name or, when that is unambiguous, by its last part.
type Table struct {
	Sheet   string
	Key     string // the header of the key column ("Năm")
	Columns []Column
	Rows    []*Row
	// Totals are the total rows typed in the sheet ("Cộng quý III"), set
	// aside from Rows: they are checked, never summed again.
	Totals []*TotalLine
	byKey  map[string]*Row
	// rows holds the Rows in blocks: one allocation per block rather
	// than per row. A full block is left as it is (the Rows point into
	// it) and a new one started.
	rows []Row
	// found maps the names Column was asked for to the columns they
	// named: a template asks the same few names for every row and every
	// unit of a batch, and folding the name again each time was a
	// twentieth of building a report. The units of a batch share the
	// table, hence a sync.Map.
	found sync.Map
}

// Column is a measure of a table.
type Column struct {
	Name  string   // full name: the header rows joined by " / "
	Parts []string // the header rows, top first, without repeats
	Loc   Loc      // its header cell (the lowest)
	index int
	// fold and foldLast are the folded name and last part, computed once:
	// folding them again at every lookup was a third of a build's time.
	fold, foldLast string
	// Agg says how the column adds up over rows, as the template's data
	// contract declares it (contract.Apply); Of are the columns a SumOf
	// adds, or the numerator and denominator of a Ratio.
	Agg Aggregate
	Of  []string
}

// Aggregate is how a column adds up over rows (periods, units).
type Aggregate int

const (
	// Flow: summed (files received). A column no contract declares is a
	// flow: that is what Sum has always done.
	Flow Aggregate = iota
	// First: the first row's (an opening stock: files carried in).
	First
	// Last: the last row's (a closing stock: files pending).
	Last
	// SumOf: the sum of the totals of the columns in Of.
	SumOf
	// Ratio: Of[0] / Of[1] × 100 over their totals, never summed.
	Ratio
	// NoTotal: text.
	NoTotal
)

// Row is one row of a table.
type Row struct {
	Key   string
	Loc   Loc // the key cell
	Cells []Value
	table *Table
}

// NewTable starts a table with its key column header and measure columns
// (each given as its header parts, top first).
func NewTable(sheet, key string, cols [][]string, locs []Loc) *Table {
	t := &Table{Sheet: sheet, Key: key, byKey: map[string]*Row{}}
	for i, parts := range cols {
		var p []string
		for _, s := range parts {
			s = strings.TrimSpace(s)
			if s != "" && (len(p) == 0 || p[len(p)-1] != s) {
				p = append(p, s)
			}
		}
		c := Column{Name: strings.Join(p, " / "), Parts: p, Loc: locs[i], index: i}
		c.fold = FoldKey(c.Name)
		if len(p) > 0 {
			c.foldLast = FoldKey(p[len(p)-1])
		}
		t.Columns = append(t.Columns, c)
	}
	return t
}

// Reserve makes room for n more rows, for a reader that knows how many
// rows its sheet has: a 50,000-row table otherwise grows its row list and
// its index by doubling, copying and rehashing them some 16 times.
func (t *Table) Reserve(n int) {
	if n <= 0 {
		return
	}
	t.Rows = slices.Grow(t.Rows, n)
	if len(t.byKey) == 0 {
		t.byKey = make(map[string]*Row, n)
	}
}

// AddRow appends a row; its key must be new.
func (t *Table) AddRow(key string, loc Loc, cells []Value) (*Row, error) {
	k := FoldKey(key)
	if old, ok := t.byKey[k]; ok {
		return nil, Errorf(loc, "row %q is already in the table (cell %s)", key, old.Loc.Cell)
	}
	for len(cells) < len(t.Columns) {
		cells = append(cells, Value{})
	}
	if len(t.rows) == cap(t.rows) {
		t.rows = make([]Row, 0, min(256, max(8, 2*cap(t.rows))))
	}
	t.rows = append(t.rows, Row{Key: key, Loc: loc, Cells: cells, table: t})
	r := &t.rows[len(t.rows)-1]
	t.Rows = append(t.Rows, r)
	t.byKey[k] = r
	return r, nil
}

// Column finds a column by its full name, or by its last header part when
// only one column has it; names match as FoldKey does.
func (t *Table) Column(name string) (*Column, error) {
	if c, ok := t.found.Load(name); ok {
		return c.(*Column), nil
	}
	want := FoldKey(name)
	var byPart []*Column
	for i := range t.Columns {
		c := &t.Columns[i]
		if c.fold == want {
			t.found.Store(name, c)
			return c, nil
		}
		if c.foldLast != "" && c.foldLast == want {
			byPart = append(byPart, c)
		}
	}
	switch len(byPart) {
	case 1:
		t.found.Store(name, byPart[0])
		return byPart[0], nil
	case 0:
		names := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			names[i] = quote(c.Name)
		}
		return nil, msg.Errorf("sheet %q has no column %q (it has %s)", t.Sheet, name, strings.Join(names, ", "))
	}
	names := make([]string, len(byPart))
	for i, c := range byPart {
		names[i] = quote(c.Name)
	}
	return nil, msg.Errorf("sheet %q: column %q is ambiguous (%s); use the full name", t.Sheet, name, Strings(names, msg.Word(" or ")))
}

func quote(s string) string { return `"` + s + `"` }

// Row finds a row by its key ("2023"; keys match as FoldKey does).
func (t *Table) Row(key string) (*Row, error) {
	r, ok := t.byKey[FoldKey(key)]
	if !ok {
		keys := make([]string, len(t.Rows))
		for i, r := range t.Rows {
			keys[i] = r.Key
		}
		return nil, msg.Errorf("sheet %q has no row %q in its %s column (rows: %s)", t.Sheet, key, t.Key, strings.Join(keys, ", "))
	}
	return r, nil
}

// Has reports whether the table has a row with this key.
func (t *Table) Has(key string) bool {
	_, ok := t.byKey[FoldKey(key)]
	return ok
}

// Sum adds a column over every row; a blank cell counts as 0, text is an
// error naming its cell.
func (t *Table) Sum(column string) (float64, error) {
	if _, err := t.Column(column); err != nil {
		return 0, err
	}
	return Sum(t.Rows, column)
}

// Total is the figure of a column over rows by its Aggregate: a flow
// summed, an opening stock the first row's, a closing stock the last
// row's, a SumOf its parts' totals, a ratio recomputed from its parts'
// totals (as a percent). ok is false for text and for a ratio over 0. A
// blank cell counts 0; text where a number is due is an error naming its
// cell.
func (t *Table) Total(rows []*Row, column string) (v float64, ok bool, err error) {
	c, err := t.Column(column)
	if err != nil {
		return 0, false, err
	}
	return t.total(rows, c, 0)
}

// TotalOf is Total over every row, for templates: {{ tong "TTHC" "Trực tuyến" }}.
func (t *Table) TotalOf(column string) (float64, error) {
	v, ok, err := t.Total(t.Rows, column)
	if err == nil && !ok {
		err = msg.Errorf("sheet %q: column %q has no total (text, or a rate over 0)", t.Sheet, column)
	}
	return v, err
}

func (t *Table) total(rows []*Row, c *Column, depth int) (float64, bool, error) {
	if depth > len(t.Columns) {
		return 0, false, msg.Errorf("sheet %q: column %q depends on itself", t.Sheet, c.Name)
	}
	part := func(i int) (float64, bool, error) {
		pc, err := t.Column(c.Of[i])
		if err != nil {
			return 0, false, err
		}
		return t.total(rows, pc, depth+1)
	}
	switch c.Agg {
	case NoTotal:
		return 0, false, nil
	case First, Last:
		if len(rows) == 0 {
			return 0, true, nil
		}
		r := rows[0]
		if c.Agg == Last {
			r = rows[len(rows)-1]
		}
		x, err := r.NumOrZero(c.Name)
		return x, err == nil, err
	case SumOf:
		s := 0.0
		for i := range c.Of {
			x, ok, err := part(i)
			if err != nil || !ok {
				return 0, ok, err
			}
			s += x
		}
		return s, true, nil
	case Ratio:
		num, ok1, err := part(0)
		if err != nil {
			return 0, false, err
		}
		den, ok2, err := part(1)
		if err != nil || !ok1 || !ok2 || den == 0 {
			return 0, false, err
		}
		return num / den * 100, true, nil
	}
	s, err := Sum(rows, c.Name)
	return s, err == nil, err
}

// Sum adds a column over the given rows, as Table.Sum does.
func Sum(rows []*Row, column string) (float64, error) {
	s := 0.0
	for _, r := range rows {
		x, err := r.NumOrZero(column)
		if err != nil {
			return 0, err
		}
		s += x
	}
	return s, nil
}

// Set replaces the cell of the row in the named column.
func (r *Row) Set(column string, v Value) error {
	c, err := r.table.Column(column)
	if err != nil {
		return err
	}
	r.Cells[c.index] = v
	return nil
}

// Get returns the cell of the row in the named column.
func (r *Row) Get(column string) (Value, error) {
	c, err := r.table.Column(column)
	if err != nil {
		return Value{}, err
	}
	return r.Cells[c.index], nil
}

// Num returns the cell as a number; a blank cell is an error naming it.
func (r *Row) Num(column string) (float64, error) {
	v, err := r.Get(column)
	if err != nil {
		return 0, err
	}
	return v.Float()
}

// NumOrZero returns the cell as a number, a blank cell as 0 (a figure the
// source leaves empty adds nothing to a total); text is an error naming
// the cell.
func (r *Row) NumOrZero(column string) (float64, error) {
	v, err := r.Get(column)
	if err != nil || v.Kind == Empty {
		return 0, err
	}
	return v.Float()
}

// FoldKey is the matching form of names and keys: lower case, without
// diacritics (đ → d), single spaces. It folds the two tone-mark placements
// ("hòa"/"hoà", "Khóa"/"Khoá") alike, for matching only; text is printed
// as written.
//
// Every column, row and fact lookup folds its name, thousands of times a
// report, so plain ASCII (most keys: "ten_don_vi", "2023") takes a path
// that does not run the Unicode transform, and allocates nothing when the
// text is already folded.
func FoldKey(s string) string {
	ascii, folded := true, true
	prevSpace := true // a leading space is not folded
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			ascii = false
			break
		}
		space := c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
		if 'A' <= c && c <= 'Z' || space && (prevSpace || c != ' ') {
			folded = false
		}
		prevSpace = space
	}
	if ascii {
		if folded && !prevSpace || s == "" {
			return s
		}
		return strings.Join(strings.Fields(strings.ToLower(s)), " ")
	}
	if out, ok := foldLatin(s); ok {
		return out
	}
	return foldSlow(s)
}

func foldSlow(s string) string {
	return strings.Join(strings.Fields(foldRunes(s)), " ")
}

// foldRunes is the fold without the spacing rule.
func foldRunes(s string) string {
	t := foldPool.Get().(transform.Transformer)
	out, _, err := transform.String(t, s)
	foldPool.Put(t)
	if err != nil {
		out = s
	}
	return dStroke.Replace(strings.ToLower(out))
}

// foldLatin folds text of Latin letters (Vietnamese among them) rune by
// rune from a table, as foldSlow would: in these blocks a combining mark
// is dropped and no two remaining runes compose, so the rune-by-rune fold
// is the whole-string fold. On a 50,000-row table the transform chain
// (about 1 KiB of buffers a call) was a third of the read's memory.
// ok is false for text with other runes.
func foldLatin(s string) (string, bool) {
	// The fold is written into a buffer on the stack when it fits, then
	// copied once: a closure called per rune, writing to a
	// strings.Builder, cost as much as the rest of the fold.
	var stack [128]byte
	buf, space := stack[:0], false
	if len(s) > len(stack) {
		buf = make([]byte, 0, len(s))
	}
	for _, r := range s {
		switch {
		case r < 0x80:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			buf, space = foldPut(buf, space, r)
		case r >= 0x300 && r <= 0x36F: // combining diacritical marks
		case r < 0x250:
			for _, x := range foldLow[r] {
				buf, space = foldPut(buf, space, x)
			}
		case r >= 0x1E00 && r <= 0x1EFF:
			for _, x := range foldExt[r-0x1E00] {
				buf, space = foldPut(buf, space, x)
			}
		default:
			return "", false
		}
	}
	return string(buf), true
}

// foldPut appends a rune of the fold to buf; space says a run of white
// space is pending, written as one ' ' before the next rune that follows
// text.
func foldPut(buf []byte, space bool, r rune) ([]byte, bool) {
	if r < 0x80 {
		switch r {
		case '\t', '\n', '\v', '\f', '\r', ' ':
			return buf, true
		}
	} else if unicode.IsSpace(r) {
		return buf, true
	}
	if space && len(buf) > 0 {
		buf = append(buf, ' ')
	}
	if r < 0x80 {
		return append(buf, byte(r)), false
	}
	return utf8.AppendRune(buf, r), false
}

// hasFoldPrefix reports whether FoldKey(s) starts with one of prefixes,
// each at most foldPrefixMax bytes: only the fold's first bytes are made,
// in place, where FoldKey would build the whole string. The reader asks
// this of every row's key (is it a note?); on a 50,000-row table it was
// one allocation a row. Text with runes foldLatin does not know is folded
// whole.
func hasFoldPrefix(s string, prefixes []string) bool {
	var p foldPrefix
	for _, r := range s {
		if p.full {
			break
		}
		switch {
		case r < 0x80:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			p.put(r)
		case r >= 0x300 && r <= 0x36F:
		case r < 0x250:
			for _, f := range foldLow[r] {
				p.put(f)
			}
		case r >= 0x1E00 && r <= 0x1EFF:
			for _, f := range foldExt[r-0x1E00] {
				p.put(f)
			}
		default:
			f := FoldKey(s)
			for _, p := range prefixes {
				if strings.HasPrefix(f, p) {
					return true
				}
			}
			return false
		}
	}
	got := unsafe.String(&p.buf[0], p.n)
	for _, p := range prefixes {
		if strings.HasPrefix(got, p) {
			return true
		}
	}
	return false
}

// foldPrefix is the first bytes of a fold, made in place by
// hasFoldPrefix (a method on a value of the stack rather than a closure
// over its variables, called for every rune of every row's key).
type foldPrefix struct {
	buf         [foldPrefixMax]byte
	n           int
	space, full bool
}

func (p *foldPrefix) put(r rune) {
	if unicode.IsSpace(r) {
		p.space = true
		return
	}
	if p.space && p.n > 0 {
		if p.n == len(p.buf) {
			p.full = true
			return
		}
		p.buf[p.n] = ' '
		p.n++
	}
	p.space = false
	if p.n+utf8.RuneLen(r) > len(p.buf) {
		p.full = true
		return
	}
	p.n += utf8.EncodeRune(p.buf[p.n:], r)
}

// foldPrefixMax bounds the prefixes hasFoldPrefix compares.
const foldPrefixMax = 24

// The fold tables, foldLow (U+0000–U+024F: Latin-1, Latin Extended-A and
// -B) and foldExt (U+1E00–U+1EFF: Latin Extended Additional), are in
// fold_tables.go, written by TestFoldTables: built at run time from the
// Unicode transforms they cost a millisecond of every process that folds
// a name, about 1% of a whole build.

// foldPool keeps FoldKey's transformers: building the chain allocates
// about 16 KiB a call.
var foldPool = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

var dStroke = strings.NewReplacer("đ", "d", "Đ", "d")
