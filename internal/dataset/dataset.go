// Package dataset is the typed form of an indicator workbook: document
// facts (key → value) and indicator trees (field → criterion →
// sub-criterion with maxima and scores), each value carrying the cell it
// came from. Templates read a Dataset; readers such as xlsxdata build one.
// Nothing here knows about spreadsheets' file format or about output formats.
package dataset

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"baocao/internal/msg"
)

// Loc is where a value came from: file, sheet and cell ("C5").
type Loc struct {
	File  string
	Sheet string
	Cell  string
}

func (l Loc) String() string { return l.Localize(msg.English) }

// Localize says the location in lang: `a.xlsx, sheet "Biểu 1", cell C5`,
// in Vietnamese `a.xlsx, trang "Biểu 1", ô C5` (Excel's own words for a
// sheet and a cell in Vietnamese).
func (l Loc) Localize(lang language.Tag) string {
	var b strings.Builder
	b.WriteString(l.File)
	if l.Sheet != "" {
		b.WriteString(msg.Sprintf(", sheet %q", l.Sheet).Localize(lang))
	}
	if l.Cell != "" {
		b.WriteString(msg.Sprintf(", cell %s", l.Cell).Localize(lang))
	}
	return b.String()
}

// Format prints the location in the language of a msg printer.
func (l Loc) Format(s fmt.State, verb rune) { msg.Format(s, verb, l) }

// Error is a problem with the data at a location.
type Error struct {
	Loc Loc
	Err error
}

func (e *Error) Error() string { return e.Loc.String() + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Localize says the error in lang, its location and its message both.
func (e *Error) Localize(lang language.Tag) string {
	return e.Loc.Localize(lang) + ": " + msg.Local(lang, e.Err)
}

// Format prints the error in the language of a msg printer.
func (e *Error) Format(s fmt.State, verb rune) { msg.Format(s, verb, e) }

// Errorf builds an *Error at loc; format is a key of the msg catalogue,
// as with msg.Errorf.
func Errorf(loc Loc, format string, args ...any) error {
	return &Error{Loc: loc, Err: msg.Errorf(format, args...)}
}

// Kind says what a Value holds.
type Kind int

const (
	Empty Kind = iota
	TextKind
	NumberKind
	DateKind
)

// Value is one cell's content, typed. Text is the NFC text as written (for
// numbers, the cell's raw digits), so a template can print any value.
type Value struct {
	Kind Kind
	Text string
	Num  float64
	Time time.Time
	Loc  Loc
	// AsText marks a number or date that was typed as text in the cell.
	AsText bool
	// Percent marks a number read from a cell formatted as a percent
	// (0%, 0,00%): Num is the percent the cell shows (74,16), not the
	// fraction stored (0,7416).
	Percent bool
}

// String is the text of the value; numbers print in their shortest form
// with a decimal comma so that an unformatted number still reads as
// Vietnamese, dates as dd/mm/yyyy.
func (v Value) String() string {
	switch v.Kind {
	case NumberKind:
		return strings.Replace(strconv.FormatFloat(v.Num, 'f', -1, 64), ".", ",", 1)
	case DateKind:
		return v.Time.Format("02/01/2006")
	}
	return v.Text
}

// Float is the value as a number, or an error naming the cell.
func (v Value) Float() (float64, error) {
	if v.Kind != NumberKind {
		return 0, Errorf(v.Loc, "expected a number, found %s", v.describe())
	}
	return v.Num, nil
}

// Date is the value as a date, or an error naming the cell.
func (v Value) Date() (time.Time, error) {
	if v.Kind != DateKind {
		return time.Time{}, Errorf(v.Loc, "expected a date, found %s", v.describe())
	}
	return v.Time, nil
}

// describe says what the cell holds, in the reader's language.
func (v Value) describe() msg.Localizer {
	switch v.Kind {
	case Empty:
		return msg.Word("an empty cell")
	case NumberKind:
		return msg.Sprintf("the number %s", v.String())
	case DateKind:
		return msg.Sprintf("the date %s", v.String())
	}
	return msg.Sprintf("%q", v.Text)
}

// List is a list told in the reader's language: its items (strings,
// errors, msg.Localizers) joined by Sep (a string or a msg.Word such as
// " and ").
type List struct {
	Items []any
	Sep   any
}

// Strings makes a List of plain strings (names, codes, cells).
func Strings(items []string, sep any) List {
	l := List{Items: make([]any, len(items)), Sep: sep}
	for i, s := range items {
		l.Items[i] = s
	}
	return l
}

func (l List) String() string { return l.Localize(msg.English) }

// Localize says the list in lang.
func (l List) Localize(lang language.Tag) string {
	var b strings.Builder
	sep := msg.Local(lang, l.Sep)
	for i, it := range l.Items {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(msg.Local(lang, it))
	}
	return b.String()
}

// Format prints the list in the language of a msg printer.
func (l List) Format(s fmt.State, verb rune) { msg.Format(s, verb, l) }

// Facts is a sheet of key → value pairs. Keys match as FoldKey does
// ("ten_don_vi", "TEN_DON_VI" and "Tên_đơn_vị" are one key), so two keys
// that fold alike are a duplicate, not two facts.
type Facts struct {
	Sheet  string
	values map[string]Value // by folded key
	// keyLocs are the key cells: the duplicate-key error names the cell
	// where the key was first typed, not its value cell (a value's Loc is
	// the value column, which is not where the reader should look).
	keyLocs map[string]Loc
	names   map[string]string // folded key → the key as typed
	keys    []string          // as typed, in sheet order
	// base, when set, is the sheet these facts override (WithFacts): a
	// key not set here is looked up there. It is only read, so that the
	// units of a batch share one copy of the workbook's facts.
	base *Facts
}

// find looks a folded key up here, then in the base.
func (f *Facts) find(k string) (Value, bool) {
	for ; f != nil; f = f.base {
		if v, ok := f.values[k]; ok {
			return v, true
		}
	}
	return Value{}, false
}

// firstName and firstLoc are the key as first typed, and its cell.
func (f *Facts) firstName(k string) string {
	for ; f != nil; f = f.base {
		if n, ok := f.names[k]; ok {
			return n
		}
	}
	return ""
}

func (f *Facts) firstLoc(k string) (Loc, bool) {
	for ; f != nil; f = f.base {
		if l, ok := f.keyLocs[k]; ok {
			return l, true
		}
	}
	return Loc{}, false
}

// NewFacts returns an empty fact sheet.
func NewFacts(sheet string) *Facts {
	return &Facts{Sheet: sheet, values: map[string]Value{}, keyLocs: map[string]Loc{}, names: map[string]string{}}
}

// Add records a fact; a key already present, or one that differs from it
// only by case, diacritics or spacing, is an error naming both key cells.
func (f *Facts) Add(key string, v Value, keyLoc Loc) error {
	k := FoldKey(key)
	if _, ok := f.find(k); ok {
		first := f.firstName(k)
		at, _ := f.firstLoc(k)
		if first == key {
			return Errorf(keyLoc, "key %q is defined twice (first at cell %s)", key, at.Cell)
		}
		return Errorf(keyLoc, "key %q is the key %q of cell %s written differently (keys match without regard to case and diacritics); keep one of them", key, first, at.Cell)
	}
	f.values[k] = v
	f.keyLocs[k] = keyLoc
	f.names[k] = key
	f.keys = append(f.keys, key)
	return nil
}

// Set replaces the value of key, or adds it (used to replay a correction).
func (f *Facts) Set(key string, v Value) {
	k := FoldKey(key)
	if _, ok := f.find(k); !ok {
		f.keys = append(f.keys, key)
		f.names[k] = key
	}
	f.values[k] = v
}

// Get returns the value for key.
func (f *Facts) Get(key string) (Value, bool) {
	return f.find(FoldKey(key))
}

// KeyLoc is the cell where key was typed.
func (f *Facts) KeyLoc(key string) (Loc, bool) {
	return f.firstLoc(FoldKey(key))
}

// Keys lists the keys in sheet order (a base's first).
func (f *Facts) Keys() []string {
	var out []string
	if f.base != nil {
		out = f.base.Keys()
	}
	return append(out, f.keys...)
}

// Dataset is everything a template may read.
type Dataset struct {
	Source string // the workbook's file name, for messages
	Facts  *Facts
	// Trees are indicator trees by sheet name.
	Trees map[string]*Tree
	// Tables are the other sheets with a header row, by sheet name.
	Tables map[string]*Table
	// Warnings are problems that do not stop a build (a parent total that
	// disagrees with the sum of its children, say).
	Warnings []error
	// Errors are problems that stop a build but not the reading, so that
	// validate lists all of them at once (a typed total row that
	// disagrees with its rows).
	Errors []error
	// Derived are the derived figures (chỉ tiêu) the template's contract
	// defines, computed from the facts and tables, by name.
	Derived map[string]Derived
}

// Derived is a derived figure: its value, or why it could not be
// computed, and the formula that defines it (for provenance).
type Derived struct {
	Name, Formula, Description string
	Value                      float64
	Err                        error
}

// Fact looks up a fact, with an error that names the sheet when absent.
func (d *Dataset) Fact(key string) (Value, error) {
	if d.Facts == nil {
		return Value{}, msg.Errorf("%s has no fact sheet, so fact %q is not available", d.Source, key)
	}
	v, ok := d.Facts.Get(key)
	if !ok {
		return Value{}, Errorf(Loc{File: d.Source, Sheet: d.Facts.Sheet}, "no fact with key %q", key)
	}
	return v, nil
}

// Tree returns the indicator tree of a sheet; with an empty name, the only
// tree of the workbook.
func (d *Dataset) Tree(sheet string) (*Tree, error) {
	if sheet == "" {
		if len(d.Trees) == 0 {
			// Not "has 0 indicator sheets (); name the one to use":
			// naming a sheet cannot help when there is none.
			return nil, msg.Errorf("%s has no indicator sheet (columns Mã, Nội dung, Điểm tối đa)", d.Source)
		}
		if len(d.Trees) == 1 {
			for _, t := range d.Trees {
				return t, nil
			}
		}
		names := make([]string, 0, len(d.Trees))
		for n := range d.Trees {
			names = append(names, n)
		}
		sort.Strings(names)
		return nil, msg.Errorf("%s has %d indicator sheets (%s); name the one to use", d.Source, len(d.Trees), strings.Join(names, ", "))
	}
	t, ok := d.Trees[sheet]
	if !ok {
		return nil, msg.Errorf("%s has no indicator sheet %q", d.Source, sheet)
	}
	return t, nil
}

// Table returns the table of a sheet; sheet names match as FoldKey does.
func (d *Dataset) Table(sheet string) (*Table, error) {
	if t, ok := d.Tables[sheet]; ok {
		return t, nil
	}
	want := FoldKey(sheet)
	var names []string
	for n, t := range d.Tables {
		if FoldKey(n) == want {
			return t, nil
		}
		names = append(names, strconv.Quote(n))
	}
	sort.Strings(names)
	return nil, msg.Errorf("%s has no table sheet %q (tables: %s)", d.Source, sheet, strings.Join(names, ", "))
}

// WithFacts returns a copy of d whose facts are d's with overrides set on
// top (a unit's own name, number, figures in a batch); the trees and
// tables are shared, read-only.
func (d *Dataset) WithFacts(overrides map[string]Value) *Dataset {
	c := *d
	sheet := ""
	if d.Facts != nil {
		sheet = d.Facts.Sheet
	}
	// The copy's facts are the overrides over d's, which are shared, not
	// copied: a batch of 1,000 units held 1,000 copies of every fact.
	c.Facts = NewFacts(sheet)
	c.Facts.base = d.Facts
	keys := make([]string, 0, len(overrides))
	for k := range overrides {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c.Facts.Set(k, overrides[k])
	}
	c.Warnings = append([]error(nil), d.Warnings...)
	c.Errors = append([]error(nil), d.Errors...)
	return &c
}
