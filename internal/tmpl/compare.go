package tmpl

import (
	"fmt"
	"reflect"

	"baocao/internal/dataset"
	"baocao/internal/markdown"
	"baocao/internal/msg"
	"baocao/internal/vnfmt"
)

// Comparisons replace text/template's eq, ne, lt, le, gt and ge, which
// refuse to compare a float64 with an int ("incompatible types for
// comparison") and compare a cell as a struct: here two numbers compare
// as numbers whatever their Go types ({{ if gt (fact "kt_xa") 5 }}, a
// figure with 0,5), with the tolerance figures need (0,1 + 0,2 = 0,3); two
// texts compare as texts; anything else is an error that says so.
func compareFuncs() map[string]any {
	cmp := func(name string, ok func(c int) bool) func(a, b any) (bool, error) {
		return func(a, b any) (bool, error) {
			c, err := compare(a, b)
			if err != nil {
				return false, msg.Errorf("%s: %w", name, err)
			}
			return ok(c), nil
		}
	}
	return map[string]any{
		// eq x a b … is true when x equals any of a, b …, as the builtin.
		"eq": func(x any, ys ...any) (bool, error) {
			if len(ys) == 0 {
				return false, msg.Errorf("eq: missing argument for comparison")
			}
			for _, y := range ys {
				c, err := compare(x, y)
				if err != nil {
					return false, msg.Errorf("eq: %w", err)
				}
				if c == 0 {
					return true, nil
				}
			}
			return false, nil
		},
		"ne": cmp("ne", func(c int) bool { return c != 0 }),
		"lt": cmp("lt", func(c int) bool { return c < 0 }),
		"le": cmp("le", func(c int) bool { return c <= 0 }),
		"gt": cmp("gt", func(c int) bool { return c > 0 }),
		"ge": cmp("ge", func(c int) bool { return c >= 0 }),
		// quy 3 is "quý III"; thang 1 is "tháng 01" and thang 7 "tháng 7",
		// as ND30 writes months in dates.
		"quy": func(n any) (string, error) {
			q, err := Int(n)
			if err != nil {
				return "", err
			}
			if q < 1 || q > 4 {
				return "", msg.Errorf("quy %d: a quarter is 1 to 4", q)
			}
			return "quý " + vnfmt.Roman(q), nil
		},
		"thang": func(n any) (string, error) {
			m, err := Int(n)
			if err != nil {
				return "", err
			}
			if m < 1 || m > 12 {
				return "", msg.Errorf("thang %d: a month is 1 to 12", m)
			}
			if m <= 2 {
				return fmt.Sprintf("tháng %02d", m), nil
			}
			return fmt.Sprintf("tháng %d", m), nil
		},
	}
}

// operand is a comparison argument as a number or a text.
func operand(x any) (num float64, text string, isNum bool, err error) {
	switch v := x.(type) {
	case Value:
		switch v.v.Kind {
		case dataset.NumberKind:
			return v.v.Num, "", true, nil
		case dataset.Empty:
			return 0, "", false, nil
		}
		return 0, v.v.String(), false, nil
	case dataset.Value:
		return operand(Value{v: v})
	case Figure:
		return v.v, "", true, nil
	case Text:
		return 0, string(v), false, nil
	case string:
		// A number function's output compares as its text, not its mark.
		return 0, markdown.Resolve(v), false, nil
	case bool:
		if v {
			return 1, "", true, nil
		}
		return 0, "", true, nil
	case nil:
		return 0, "", false, nil
	}
	rv := reflect.ValueOf(x)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(rv.Int()), "", true, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return float64(rv.Uint()), "", true, nil
	case reflect.Float32, reflect.Float64:
		return rv.Float(), "", true, nil
	case reflect.String:
		return 0, rv.String(), false, nil
	}
	return 0, "", false, msg.Errorf("cannot compare %T", x)
}

// compare orders a and b: numbers as numbers, texts as texts (an empty
// cell is the empty text, or 0 beside a number).
func compare(a, b any) (int, error) {
	x, s, xn, err := operand(a)
	if err != nil {
		return 0, err
	}
	y, t, yn, err := operand(b)
	if err != nil {
		return 0, err
	}
	if blank(a) && yn {
		xn = true
	}
	if blank(b) && xn {
		yn = true
	}
	switch {
	case xn && yn:
		switch {
		case dataset.Near(x, y):
			return 0, nil
		case x < y:
			return -1, nil
		}
		return 1, nil
	case !xn && !yn:
		switch {
		case s == t:
			return 0, nil
		case s < t:
			return -1, nil
		}
		return 1, nil
	}
	if xn {
		return 0, msg.Errorf("cannot compare the number %s with %s", vnfmt.Auto(x, 4), describe(b))
	}
	return 0, msg.Errorf("cannot compare %s with the number %s", describe(a), vnfmt.Auto(y, 4))
}

// describe names a text operand for a message: its cell when it has one,
// else a short quotation (never the whole text, which may be long).
func describe(x any) msg.Text {
	var loc dataset.Loc
	var text string
	switch v := x.(type) {
	case Value:
		loc, text = v.v.Loc, v.v.String()
	case dataset.Value:
		loc, text = v.Loc, v.String()
	case Text:
		text = string(v)
	case string:
		text = v
	default:
		text = fmt.Sprint(x)
	}
	if loc.Cell != "" {
		return msg.Sprintf("the text of %s", loc)
	}
	if r := []rune(text); len(r) > 40 {
		text = string(r[:37]) + "…"
	}
	return msg.Sprintf("the text %q", text)
}

func blank(x any) bool {
	switch v := x.(type) {
	case Value:
		return v.v.Kind == dataset.Empty
	case dataset.Value:
		return v.Kind == dataset.Empty
	case nil:
		return true
	}
	return false
}
