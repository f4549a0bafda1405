package tmpl

import (
	"fmt"
	"math"
	"strings"
	"text/template"
	"time"

	"baocao/internal/dataset"
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
//	chitieu "ten"         a derived figure (chi_tieu in du-lieu.yaml)
//
// Numbers (every number argument may be a number, a fact or a figure):
//
//	num x        shortest form up to 4 decimals: 13,8 · 5,9583 · 57.286
//	fixed d x    exactly d decimals, rounded half away from zero: 16,50
//	pad x        whole numbers 1–9 with a leading zero (08, 03/07 điểm);
//	             0 stays 0; other numbers print as num does (13,8)
//	percent x    x is already a percentage: 90% · 31,94%
//	pct a b      a/b as a percentage with 2 decimals: 79,58%
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
func Funcs(ds *dataset.Dataset) template.FuncMap {
	need := func() error {
		if ds == nil {
			return fmt.Errorf("no dataset")
		}
		return nil
	}
	return template.FuncMap{
		"fact": func(key string) (dataset.Value, error) {
			if err := need(); err != nil {
				return dataset.Value{}, err
			}
			return ds.Fact(key)
		},
		"node": func(code string) (*dataset.Node, error) {
			if err := need(); err != nil {
				return nil, err
			}
			t, err := ds.Tree("")
			if err != nil {
				return nil, err
			}
			return t.Lookup(code)
		},
		"nodeIn": func(sheet, code string) (*dataset.Node, error) {
			if err := need(); err != nil {
				return nil, err
			}
			t, err := ds.Tree(sheet)
			if err != nil {
				return nil, err
			}
			return t.Lookup(code)
		},
		"table": func(sheet string) (*dataset.Table, error) {
			if err := need(); err != nil {
				return nil, err
			}
			return ds.Table(sheet)
		},
		"cell": func(sheet, row, column string) (dataset.Value, error) {
			if err := need(); err != nil {
				return dataset.Value{}, err
			}
			t, err := ds.Table(sheet)
			if err != nil {
				return dataset.Value{}, err
			}
			r, err := t.Row(row)
			if err != nil {
				return dataset.Value{}, err
			}
			return r.Get(column)
		},
		// tong totals a column over every row by its kind in the data
		// contract: flows summed, opening stocks the first row's, closing
		// stocks the last row's, sums of parts, rates recomputed.
		"tong": func(sheet, column string) (float64, error) {
			if err := need(); err != nil {
				return 0, err
			}
			t, err := ds.Table(sheet)
			if err != nil {
				return 0, err
			}
			return t.TotalOf(column)
		},
		// chitieu is a derived figure (chỉ tiêu) of the data contract.
		"chitieu": func(name string) (float64, error) {
			if err := need(); err != nil {
				return 0, err
			}
			d, ok := ds.Derived[name]
			if !ok {
				return 0, fmt.Errorf("no chỉ tiêu %q: define it under chi_tieu in du-lieu.yaml", name)
			}
			if d.Err != nil {
				return 0, fmt.Errorf("chỉ tiêu %s (%s) cannot be computed: %w", name, d.Formula, d.Err)
			}
			return d.Value, nil
		},
		// dau and cuoi are the first and last rows of a table.
		"dau": func(sheet string) (*dataset.Row, error) { return edgeRow(ds, sheet, false) },
		"cuoi": func(sheet string) (*dataset.Row, error) {
			return edgeRow(ds, sheet, true)
		},
		"sum": func(sheet, column string) (float64, error) {
			if err := need(); err != nil {
				return 0, err
			}
			t, err := ds.Table(sheet)
			if err != nil {
				return 0, err
			}
			return t.Sum(column)
		},
		"num": func(x any) (string, error) {
			v, err := Float(x)
			return vnfmt.Auto(v, 4), err
		},
		"fixed": func(d int, x any) (string, error) {
			v, err := Float(x)
			return vnfmt.Number(v, d), err
		},
		"pad": func(x any) (string, error) {
			v, err := Float(x)
			if err != nil {
				return "", err
			}
			if v != math.Trunc(v) || math.Abs(v) > 1e15 {
				return vnfmt.Auto(v, 4), nil
			}
			return vnfmt.Pad(int(v)), nil
		},
		"percent": func(x any) (string, error) {
			v, err := Float(x)
			return vnfmt.Auto(v, 2) + "%", err
		},
		"pct": func(a, b any) (string, error) {
			x, err := Float(a)
			if err != nil {
				return "", err
			}
			y, err := Float(b)
			if err != nil {
				return "", err
			}
			return vnfmt.Ratio(x, y, 2)
		},
		// tyle d a b is pct with d decimals: "100%" (0), "99,64%" (2).
		"tyle": func(d int, a, b any) (string, error) {
			x, err := Float(a)
			if err != nil {
				return "", err
			}
			y, err := Float(b)
			if err != nil {
				return "", err
			}
			if d < 0 || d > 6 {
				return "", fmt.Errorf("tyle: %d decimals; expected 0 to 6", d)
			}
			return vnfmt.Ratio(x, y, d)
		},
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
				return 0, fmt.Errorf("division by zero")
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
		"paragraphs": func(x any) string {
			var ps []string
			for _, l := range strings.Split(strings.ReplaceAll(text(x), "\r\n", "\n"), "\n") {
				if l = strings.TrimSpace(l); l != "" {
					ps = append(ps, l)
				}
			}
			return strings.Join(ps, "\n\n")
		},
		"upper":      func(x any) string { return vnfmt.Upper(text(x)) },
		"lower":      func(x any) string { return vnfmt.Lower(text(x)) },
		"capitalize": func(x any) string { return vnfmt.Capitalize(text(x)) },
		"roman":      intFunc(vnfmt.Roman),
		"alpha":      intFunc(vnfmt.Alpha),
		"ordinal":    intFunc(vnfmt.Ordinal),
		"cardinal":   intFunc(vnfmt.Cardinal),
	}
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

// mdText is a data value printed into the Markdown body: its text is
// escaped, so that a narrative cell holding "*" or a line starting with "#"
// prints as typed instead of turning into emphasis or a heading. Lines that
// start "- " or "1. " keep their meaning: a cell may hold dash paragraphs.
// The fields and methods of the value (.Text, .Num, .Float) stay raw.
type mdText struct{ dataset.Value }

func (t mdText) String() string { return EscapeMarkdown(t.Value.String()) }

// EscapeMarkdown backslash-escapes the characters that would make text
// into Markdown: emphasis, code, links, raw HTML, table pipes, entities,
// and a heading or quote mark at the start of a line.
func EscapeMarkdown(s string) string {
	var b strings.Builder
	lineStart := true
	for _, r := range s {
		switch {
		case strings.ContainsRune("\\*_`[]<>|&", r) && !(r == '>' && !lineStart):
			b.WriteByte('\\')
		case lineStart && r == '#':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
		lineStart = r == '\n' || (lineStart && (r == ' ' || r == '\t'))
	}
	return b.String()
}

// bodyFuncs are Funcs for the Markdown body: data text comes escaped.
func bodyFuncs(ds *dataset.Dataset) template.FuncMap {
	fm := Funcs(ds)
	fact := fm["fact"].(func(string) (dataset.Value, error))
	cell := fm["cell"].(func(string, string, string) (dataset.Value, error))
	fm["fact"] = func(key string) (mdText, error) {
		v, err := fact(key)
		return mdText{v}, err
	}
	fm["cell"] = func(sheet, row, column string) (mdText, error) {
		v, err := cell(sheet, row, column)
		return mdText{v}, err
	}
	return fm
}

func text(x any) string {
	if s, ok := x.(fmt.Stringer); ok {
		return s.String()
	}
	return fmt.Sprint(x)
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
	case mdText:
		return v.Float()
	case dataset.Quantity:
		if !v.Known {
			return 0, dataset.Errorf(v.Loc, "the figure is blank")
		}
		return v.V, nil
	case string:
		return 0, fmt.Errorf("expected a number, got the text %q", v)
	}
	return 0, fmt.Errorf("expected a number, got %T", x)
}

// Int converts a template argument to a whole number.
func Int(x any) (int, error) {
	v, err := Float(x)
	if err != nil {
		return 0, err
	}
	if v != math.Trunc(v) || math.Abs(v) > 1e15 {
		where := ""
		switch dv := x.(type) {
		case dataset.Value:
			where = dv.Loc.String() + ": "
		case mdText:
			where = dv.Loc.String() + ": "
		}
		return 0, fmt.Errorf("%sexpected a whole number, got %s", where, strings.Replace(fmt.Sprint(v), ".", ",", 1))
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
	case mdText:
		return v.Date()
	case string:
		if t, ok := vnfmt.ParseDate(v); ok {
			return t, nil
		}
		return time.Time{}, fmt.Errorf("expected a date (dd/mm/yyyy), got %q", v)
	}
	return time.Time{}, fmt.Errorf("expected a date, got %T", x)
}

func edgeRow(ds *dataset.Dataset, sheet string, last bool) (*dataset.Row, error) {
	if ds == nil {
		return nil, fmt.Errorf("no dataset")
	}
	t, err := ds.Table(sheet)
	if err != nil {
		return nil, err
	}
	if len(t.Rows) == 0 {
		return nil, fmt.Errorf("sheet %q has no rows", t.Sheet)
	}
	if last {
		return t.Rows[len(t.Rows)-1], nil
	}
	return t.Rows[0], nil
}
