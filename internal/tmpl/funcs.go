package tmpl

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"text/template"
	"time"

	"baocao/internal/dataset"
	"baocao/internal/markdown"
	"baocao/internal/msg"
	"baocao/internal/vnfmt"
)

// Funcs is the function map of report templates. With a nil dataset the
// data functions fail when called; that form is only used to parse.
//
// Data:
//
//	fact "key"            the value of a fact (error if absent)
//	node "7.2"            an indicator of the workbook's indicator sheet
//	nodeIn "Sheet" "7.2"  an indicator of a named sheet
//	table "Sheet"         a table sheet: .Rows, .Row "2023", .Sum "Column", .Has "2025"
//	cell "Sheet" "2023" "Column"   one cell of a table (a row's .Get "Column")
//	sum "Sheet" "Column"  a column of a table added over its rows
//	tong "Sheet" "Column" a column's total by its kind in du-lieu.yaml (a
//	                      stock: its first or last row; a rate: recomputed)
//	dau "Sheet" · cuoi "Sheet"     the first and the last row of a table
//	lietke "Sheet" [sep] [last]    the rows with their separators (.Sep):
//	                      {{ range lietke "T" }}{{ .Sep }}{{ .Key }}…{{ end }}
//	chitieu "ten"         a derived figure (chi_tieu in du-lieu.yaml)
//
// Numbers (every number argument may be a number, a fact or a figure):
//
//	num x        shortest form up to 4 decimals: 13,8 · 5,9583 · 57.286
//	fixed d x    exactly d decimals, rounded half away from zero: 16,50
//	pad x        whole numbers 1–9 with a leading zero (08, 03/07 điểm);
//	             0 stays 0; other numbers print as num does (13,8)
//	percent x    x is already a percentage: 90% · 31,94%
//	pct a b [d]  a/b as a percentage with 2 decimals, or d (0 to 6): 79,58%
//	             · pct a b 0 → 100% · pct a b 1 → 99,5%
//	tyle d a b   a/b as a percentage with d decimals: 100% · 99,64%
//	add, sub, mul, div   arithmetic (div fails on 0)
//
// Dates and text:
//
//	date x       ngày 09 tháng 10 năm 2024 · shortdate x   08/01/2024
//	upper s · lower s · capitalize s
//	paragraphs s  a narrative cell: each line of the cell (Alt+Enter in
//	             Excel) becomes its own paragraph
//	roman n · alpha n · ordinal n · cardinal n   I · đ · nhất · Một
//	quy n · thang n   quý III · tháng 01, tháng 7
//
// Comparisons (eq, ne, lt, le, gt, ge) compare numbers as numbers whatever
// their types (a cell, 5, 0.5, a sum) and texts as texts.
//
// Provenance: sum, tong and chitieu give a Figure, a number that knows its
// source, and the number functions print a figure with the source of their
// argument (a fact, a cell, a Figure; a ratio for pct and tyle), which the
// web preview shows (see source.go). A Figure is always true in
// {{ if }}: test it with ne or gt.
func Funcs(ds *dataset.Dataset) template.FuncMap {
	return funcs(ds, newBudget(DefaultLimits))
}

// funcs is Funcs drawing on the budget of one filling.
func funcs(ds *dataset.Dataset, b *budget) template.FuncMap {
	need := func() error {
		if ds == nil {
			return msg.Errorf("no dataset")
		}
		return nil
	}
	// ratio prints a/c as a percentage with d decimals, for pct and tyle.
	ratio := func(name string, d int, a, c any) (string, error) {
		x, err := Float(a)
		if err != nil {
			return "", err
		}
		y, err := Float(c)
		if err != nil {
			return "", err
		}
		if d < 0 || d > 6 {
			return "", msg.Errorf("%s: %d decimals; expected 0 to 6", name, d)
		}
		s, err := vnfmt.Ratio(x, y, d)
		if err != nil {
			return "", err
		}
		return b.mark(ratioSource(a, c), s), nil
	}
	table := func(sheet any) (*dataset.Table, error) {
		if err := need(); err != nil {
			return nil, err
		}
		s, err := name(sheet)
		if err != nil {
			return nil, err
		}
		return ds.Table(s)
	}
	tree := func(sheet, code any) (*Node, error) {
		if err := need(); err != nil {
			return nil, err
		}
		s, err := name(sheet)
		if err != nil {
			return nil, err
		}
		c, err := name(code)
		if err != nil {
			return nil, err
		}
		t, err := ds.Tree(s)
		if err != nil {
			return nil, err
		}
		n, err := t.Lookup(c)
		return newNode(n), err
	}
	fm := template.FuncMap{
		"fact": func(key any) (Value, error) {
			if err := need(); err != nil {
				return Value{}, err
			}
			k, err := name(key)
			if err != nil {
				return Value{}, err
			}
			v, err := ds.Fact(k)
			if err == nil {
				b.cells = append(b.cells, v.Loc)
			}
			return Value{v, k}, err
		},
		"node":   func(code any) (*Node, error) { return tree("", code) },
		"nodeIn": tree,
		"table": func(sheet any) (*Table, error) {
			t, err := table(sheet)
			if err != nil {
				return nil, err
			}
			return &Table{t}, nil
		},
		"cell": func(sheet, row, column any) (Value, error) {
			t, err := table(sheet)
			if err != nil {
				return Value{}, err
			}
			r, err := (&Table{t}).Row(row)
			if err != nil {
				return Value{}, err
			}
			v, err := r.Get(column)
			if err == nil {
				b.cells = append(b.cells, v.v.Loc)
			}
			return v, err
		},
		// tong totals a column over every row by its kind in the data
		// contract: flows summed, opening stocks the first row's, closing
		// stocks the last row's, sums of parts, rates recomputed.
		"tong": func(sheet, column any) (Figure, error) {
			t, err := table(sheet)
			if err != nil {
				return Figure{}, err
			}
			v, err := (&Table{t}).Total(column)
			if err != nil {
				return Figure{}, err
			}
			c, _ := name(column)
			return Figure{v, columnSource(t, c, "Tổng theo loại trong du-lieu.yaml của")}, nil
		},
		// chitieu is a derived figure (chỉ tiêu) of the data contract.
		"chitieu": func(key any) (Figure, error) {
			if err := need(); err != nil {
				return Figure{}, err
			}
			k, err := name(key)
			if err != nil {
				return Figure{}, err
			}
			d, ok := ds.Derived[k]
			if !ok {
				return Figure{}, msg.Errorf("no chỉ tiêu %q: define it under chi_tieu in du-lieu.yaml", k)
			}
			if d.Err != nil {
				return Figure{}, msg.Errorf("chỉ tiêu %s (%s) cannot be computed: %w", k, d.Formula, d.Err)
			}
			return Figure{d.Value, derivedSource(d)}, nil
		},
		// lietke "Sheet" lists a table's rows with separators: "; " by
		// default, or lietke "Sheet" ", " " và ".
		"lietke": func(sheet any, seps ...string) ([]*Item, error) {
			t, err := table(sheet)
			if err != nil {
				return nil, err
			}
			sep, last := "; ", ""
			if len(seps) > 0 {
				sep = seps[0]
			}
			if len(seps) > 1 {
				last = seps[1]
			}
			if len(seps) > 2 {
				return nil, msg.Errorf("lietke takes the sheet and at most two separators")
			}
			return items(t, sep, last), nil
		},
		// dau and cuoi are the first and last rows of a table.
		"dau": func(sheet any) (*Row, error) {
			t, err := table(sheet)
			if err != nil {
				return nil, err
			}
			return (&Table{t}).edge(false)
		},
		"cuoi": func(sheet any) (*Row, error) {
			t, err := table(sheet)
			if err != nil {
				return nil, err
			}
			return (&Table{t}).edge(true)
		},
		"sum": func(sheet, column any) (Figure, error) {
			t, err := table(sheet)
			if err != nil {
				return Figure{}, err
			}
			v, err := (&Table{t}).Sum(column)
			if err != nil {
				return Figure{}, err
			}
			c, _ := name(column)
			return Figure{v, columnSource(t, c, "Tổng")}, nil
		},
		"num": func(x any) (string, error) {
			v, err := Float(x)
			if err != nil {
				return "", err
			}
			return b.mark(sourceOf(x), vnfmt.Auto(v, 4)), nil
		},
		"fixed": func(d any, x any) (string, error) {
			n, err := Int(d)
			if err != nil {
				return "", err
			}
			if n < 0 || n > MaxDecimals {
				return "", &LimitError{"decimals", msg.Sprintf("fixed %d: expected 0 to %d decimals", n, MaxDecimals)}
			}
			v, err := Float(x)
			if err != nil {
				return "", err
			}
			return b.mark(sourceOf(x), vnfmt.Number(v, n)), nil
		},
		"pad": func(x any) (string, error) {
			v, err := Float(x)
			if err != nil {
				return "", err
			}
			if v != math.Trunc(v) || math.Abs(v) > 1e15 {
				return b.mark(sourceOf(x), vnfmt.Auto(v, 4)), nil
			}
			return b.mark(sourceOf(x), vnfmt.Pad(int(v))), nil
		},
		"percent": func(x any) (string, error) {
			v, err := Float(x)
			if err != nil {
				return "", err
			}
			return b.mark(sourceOf(x), vnfmt.Auto(v, 2)+"%"), nil
		},
		// pct a b is a/b with 2 decimals, the form of the reference
		// reports; pct a b d chooses d decimals, as tyle d a b does, for a
		// rate that reads better whole ("100%") or with one ("99,5%").
		"pct": func(a, c any, d ...int) (string, error) {
			switch len(d) {
			case 0:
				return ratio("pct", 2, a, c)
			case 1:
				return ratio("pct", d[0], a, c)
			}
			return "", msg.Errorf("pct: %d arguments after the two figures; expected at most one, the decimals (pct a b 1)", len(d))
		},
		// tyle d a b is pct with d decimals: "100%" (0), "99,64%" (2).
		"tyle": func(d int, a, c any) (string, error) { return ratio("tyle", d, a, c) },
		"add": func(xs ...any) (float64, error) {
			s := 0.0
			for _, x := range xs {
				v, err := Float(x)
				if err != nil {
					return 0, err
				}
				s += v
			}
			return s, nil
		},
		"sub": arith(func(a, b float64) (float64, error) { return a - b, nil }),
		"mul": arith(func(a, b float64) (float64, error) { return a * b, nil }),
		"div": arith(func(a, b float64) (float64, error) {
			if b == 0 {
				return 0, msg.Errorf("division by zero")
			}
			return a / b, nil
		}),
		"date": func(x any) (string, error) {
			t, err := Time(x)
			return vnfmt.Date(t), err
		},
		"shortdate": func(x any) (string, error) {
			t, err := Time(x)
			return vnfmt.ShortDate(t), err
		},
		"paragraphs": paragraphs,
		"upper":      textFunc(vnfmt.Upper),
		"lower":      textFunc(vnfmt.Lower),
		"capitalize": textFunc(vnfmt.Capitalize),
		"roman":      intFunc(vnfmt.Roman),
		"alpha":      intFunc(vnfmt.Alpha),
		"ordinal":    intFunc(vnfmt.Ordinal),
		"cardinal":   intFunc(vnfmt.Cardinal),
		stepFunc:     b.step,
		rangeFunc:    b.rangeOver,
	}
	for k, f := range b.printFuncs() {
		fm[k] = f
	}
	for k, f := range compareFuncs() {
		fm[k] = f
	}
	return fm
}

// textFunc applies f to text; data text stays data text, so it still
// prints as typed.
func textFunc(f func(string) string) func(any) any {
	return func(x any) any {
		s, data := raw(x)
		if data {
			return Text(f(s))
		}
		return f(s)
	}
}

// listMarker matches the start of a line of a narrative cell that makes a
// dash, plus or numbered paragraph: "- ", "+ ", "1. ", "2) ".
var listMarker = regexp.MustCompile(`^(?:[-+]|[0-9]{1,9}[.)])[ \t]+`)

// paragraphs prints a narrative cell one paragraph per line: the lines'
// text prints as typed, only a leading "- ", "+ " or "1. " keeps its
// meaning of a dash, plus or numbered paragraph.
func paragraphs(x any) string {
	s, data := raw(x)
	var ps []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		if !data {
			ps = append(ps, l)
			continue
		}
		m := listMarker.FindString(l)
		if rest := l[len(m):]; m != "" && rest != "" {
			ps = append(ps, strings.TrimSpace(m)+" "+markdown.Literal(rest))
		} else {
			ps = append(ps, markdown.Literal(l))
		}
	}
	return strings.Join(ps, "\n\n")
}

func arith(op func(a, b float64) (float64, error)) func(a, b any) (float64, error) {
	return func(a, b any) (float64, error) {
		x, err := Float(a)
		if err != nil {
			return 0, err
		}
		y, err := Float(b)
		if err != nil {
			return 0, err
		}
		return op(x, y)
	}
}

func intFunc(f func(int) string) func(any) (string, error) {
	return func(x any) (string, error) {
		n, err := Int(x)
		return f(n), err
	}
}

// Float converts a template argument to a number.
func Float(x any) (float64, error) {
	switch v := x.(type) {
	case float64:
		return v, nil
	case float32:
		return float64(v), nil
	case int:
		return float64(v), nil
	case int64:
		return float64(v), nil
	case dataset.Value:
		return v.Float()
	case Value:
		return v.Float()
	case Figure:
		return v.v, nil
	case dataset.Quantity:
		if !v.Known {
			return 0, dataset.Errorf(v.Loc, "the figure is blank")
		}
		return v.V, nil
	case string:
		return 0, msg.Errorf("expected a number, got the text %q", v)
	case Text:
		return 0, msg.Errorf("expected a number, got the text %q", string(v))
	}
	return 0, msg.Errorf("expected a number, got %T", x)
}

// Int converts a template argument to a whole number.
func Int(x any) (int, error) {
	v, err := Float(x)
	if err != nil {
		return 0, err
	}
	if v != math.Trunc(v) || math.Abs(v) > 1e15 {
		got := strings.Replace(fmt.Sprint(v), ".", ",", 1)
		switch dv := x.(type) {
		case dataset.Value:
			return 0, msg.Errorf("%s: expected a whole number, got %s", dv.Loc, got)
		case Value:
			return 0, msg.Errorf("%s: expected a whole number, got %s", dv.v.Loc, got)
		}
		return 0, msg.Errorf("expected a whole number, got %s", got)
	}
	return int(v), nil
}

// Time converts a template argument to a date.
func Time(x any) (time.Time, error) {
	switch v := x.(type) {
	case time.Time:
		return v, nil
	case dataset.Value:
		return v.Date()
	case Value:
		return v.Date()
	case Text:
		return Time(string(v))
	case string:
		if t, ok := vnfmt.ParseDate(v); ok {
			return t, nil
		}
		return time.Time{}, msg.Errorf("expected a date (dd/mm/yyyy), got %q", v)
	}
	return time.Time{}, msg.Errorf("expected a date, got %T", x)
}
