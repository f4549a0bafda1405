// Package formula evaluates the Excel formulas an indicator workbook holds,
// Excel's way, and refuses to guess.
//
// It owns the formula language of the workbooks baocao reads: parsing
// (A1 references, ranges, sheet-qualified references, operators, function
// calls), evaluation with Excel's semantics (empty cells are 0 in
// arithmetic, ROUND rounds half away from zero on the decimal value,
// comparisons use Excel's 15-significant-digit tolerance), and translation
// of shared formulas from their master cell.
//
// Where Excel would silently invent a figure, the evaluator returns a Go
// error (*Error) instead: a circular reference (Excel shows 0), a number
// typed as text used in arithmetic or hidden inside a SUM range (Excel
// skips it), an unknown function, a missing sheet, a limit reached.
// Excel's own error values (#DIV/0!, #N/A, …) are values, not Go errors.
//
// Circularity is static, as in Excel's dependency tree: every reference
// of a formula counts, those of an IF branch not taken included, so
// =IF(FALSE,B18,0) in B18 is circular (LibreOffice, which follows only the
// branch taken, gives 0).
//
// The functions: ABS AND AVERAGE AVERAGEIF AVERAGEIFS COLUMN COLUMNS
// CONCAT CONCATENATE COUNT COUNTA COUNTBLANK COUNTIF COUNTIFS DATE DAY IF
// IFERROR IFNA INDEX INT ISBLANK ISERROR ISNA ISNUMBER ISTEXT LEFT LEN
// LOWER MATCH MAX MAXIFS MID MIN MINIFS MOD MONTH NOT OR PRODUCT RIGHT
// ROUND ROUNDDOWN ROUNDUP ROW ROWS SUBTOTAL SUM SUMIF SUMIFS SUMPRODUCT
// TEXT TRIM UPPER VALUE VLOOKUP YEAR. Anything else is an *Error whose
// Unsupported method is true, as are array constants, 3-D references,
// defined names, structured references and implicit intersection.
//
// excelize's CalcCellValue is not used: it turns circular references and
// text operands into 0 (issue 9), which is exactly what this package exists
// to refuse.
package formula

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"baocao/internal/a1"
	"baocao/internal/msg"
)

// Kind is the type of a Value.
type Kind uint8

// The kinds of value a cell or an expression can have.
const (
	Empty Kind = iota
	Number
	Text
	Bool
	ErrorValue
)

func (k Kind) String() string {
	switch k {
	case Empty:
		return "empty"
	case Number:
		return "number"
	case Text:
		return "text"
	case Bool:
		return "boolean"
	case ErrorValue:
		return "error"
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Value is a cell's value or the result of a formula.
//
// Num holds a Number, or a Bool as 0 or 1. Str holds a Text, or the error
// code ("#DIV/0!", "#N/A", …) of an ErrorValue.
type Value struct {
	Kind Kind
	Num  float64
	Str  string
}

// String is the value as a test or a message shows it.
func (v Value) String() string {
	switch v.Kind {
	case Empty:
		return "(empty)"
	case Number:
		return strconv.FormatFloat(v.Num, 'g', -1, 64)
	case Text:
		return strconv.Quote(v.Str)
	case Bool:
		if v.Num != 0 {
			return "TRUE"
		}
		return "FALSE"
	case ErrorValue:
		return v.Str
	}
	return fmt.Sprintf("Value{%d %v %q}", v.Kind, v.Num, v.Str)
}

// Ref names one cell. Col and Row are 1-based (A1 is Col 1, Row 1).
type Ref struct {
	Sheet    string
	Col, Row int
}

// String gives 'Sheet name'!B7, quoting the sheet name when Excel would,
// or B7 alone when Sheet is empty.
func (r Ref) String() string {
	a := a1.Column(r.Col) + strconv.Itoa(r.Row)
	if r.Sheet == "" {
		return a
	}
	return QuoteSheet(r.Sheet) + "!" + a
}

// Source is the workbook as the evaluator sees it.
type Source interface {
	// Cell returns the cell's formula without the leading "=" ("" for a
	// constant cell) and its constant value. ok is false when the sheet
	// does not exist. A missing cell is ("", Value{Kind: Empty}, true).
	Cell(r Ref) (formula string, v Value, ok bool)
	// Used is the last used column and row of a sheet, so that A:A or
	// A1:XFD1048576 visit only real cells.
	Used(sheet string) (maxCol, maxRow int, ok bool)
}

// Options bound the evaluation. A zero field means its default.
type Options struct {
	// MaxSteps bounds the evaluation work of an Evaluator over its whole
	// life (one step per expression node evaluated and per cell a range
	// visits), so that a workbook too large to evaluate fails with a
	// clear error instead of running on; once reached, every later Eval
	// fails too. Default 100,000,000 (some seconds of work).
	MaxSteps int
	// MaxRangeCells bounds the cells one range may cover after it is
	// clipped to the sheet's used area. Default 1,000,000.
	MaxRangeCells int
	// Date1904 is the workbook's 1904 date system (DATE, YEAR, MONTH, DAY).
	Date1904 bool
}

// Defaults of Options.
const (
	DefaultMaxSteps      = 100_000_000
	DefaultMaxRangeCells = 1_000_000
	// MaxDepth bounds how many formula cells may wait on one another in a
	// chain (A1 refers to A2, which refers to A3, …). Evaluation keeps its
	// own stack of cells, so the Go stack does not grow with the chain.
	MaxDepth = 1_000_000
)

// Error is a formula that cannot be evaluated without guessing.
type Error struct {
	// Cell is the formula cell.
	Cell Ref
	// Dep is the cell it depends on that causes the error, if any.
	Dep *Ref
	// Reason says what is wrong, in words a user can act on (English;
	// Text says it in the reader's language).
	Reason string

	text        msg.Localizer
	root        *Error // the error a dependency met first, so chains do not nest
	unsupported bool
}

// errAt is an Error at cell; format is a key of the msg catalogue.
func errAt(cell Ref, dep *Ref, format string, a ...any) *Error {
	t := msg.Sprintf(format, a...)
	return &Error{Cell: cell, Dep: dep, Reason: t.String(), text: t}
}

// Text is Reason as it can be told in the reader's language.
func (e *Error) Text() msg.Localizer {
	if e.text != nil {
		return e.text
	}
	return msg.Sprintf("%s", e.Reason)
}

// Localize says the error in lang.
func (e *Error) Localize(lang language.Tag) string {
	return msg.Sprintf("formula in %s: %s", e.Cell.String(), e.Text()).Localize(lang)
}

// Format prints the error in the language of a msg printer.
func (e *Error) Format(s fmt.State, verb rune) { msg.Format(s, verb, e) }

// Unsupported reports whether the error is a limit of this evaluator
// rather than a fault of the workbook: a function, a format code or a
// syntax (array constants, 3-D references, defined names, implicit
// intersection…) it does not implement, also when met by a cell this one
// depends on. Excel saves only formulas it can read, so a formula this
// package cannot parse counts as unsupported too. A caller may then fall
// back on the value the workbook saved.
func (e *Error) Unsupported() bool {
	return e.unsupported || e.root != nil && e.root.unsupported
}

func (e *Error) Error() string {
	return "formula in " + e.Cell.String() + ": " + e.Reason
}

// Evaluator evaluates the formulas of one Source, memoising each cell.
// It is not safe for concurrent use.
type Evaluator struct {
	src   Source
	opt   Options
	memo  map[key]*entry
	stack []frame // the cells waiting on their dependencies
	folds map[string]string
	steps int
	nest  int
	limit *Error // a limit once reached stays reached
}

// New returns an Evaluator over src.
func New(src Source, opt Options) *Evaluator {
	if opt.MaxSteps <= 0 {
		opt.MaxSteps = DefaultMaxSteps
	}
	if opt.MaxRangeCells <= 0 {
		opt.MaxRangeCells = DefaultMaxRangeCells
	}
	return &Evaluator{src: src, opt: opt, memo: map[key]*entry{}, folds: map[string]string{}}
}

// Eval evaluates the formula of cell r (memoised); a constant cell gives
// its value. An Excel error value (#DIV/0!, #N/A …) is a Value of Kind
// ErrorValue, not a Go error. Go errors are *Error: a circular reference
// (naming the cycle, e.g. B18 → B18, or B3 → C3 → B3), a text operand
// that is not a number, an unknown or unsupported function, a reference to
// a missing sheet, a parse error, a limit reached.
func (e *Evaluator) Eval(r Ref) (Value, error) {
	return e.eval(r)
}

// QuoteSheet quotes a sheet name for a formula, doubling the quotes inside
// it, unless it is plain (ASCII letters, digits, _ and ., not starting
// with a digit, not reading as a reference like A1 or R1C1): Sheet1 stays,
// 'Chỉ số CCHC' and 'A1' are quoted. Quoting more than Excel does is
// harmless: a quoted name always reads back.
func QuoteSheet(name string) string {
	plain := name != ""
	for i, c := range name {
		if !(c == '_' || c == '.' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9') {
			plain = false
			break
		}
	}
	if plain && !looksLikeRef(name) {
		return name
	}
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}
