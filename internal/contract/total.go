package contract

import (
	"fmt"

	"baocao/internal/dataset"
)

// Total is the figure of a column over rows, by the column's kind: a flow
// is summed, an opening stock is the first row's, a closing stock the last
// row's, a tong column adds its parts' totals, a rate is recomputed from
// its parts' totals (as a percent) and never summed or averaged. ok is
// false for a text column, which has no total, and for a rate whose
// denominator totals 0. A blank cell counts 0, as an unknown figure adds
// nothing; text where a number is due is an error naming its cell.
func (t *Table) Total(rows []*dataset.Row, column string) (v float64, ok bool, err error) {
	col, found := t.column(column)
	if !found {
		return 0, false, fmt.Errorf("table %q declares no column %q in %s", t.Sheet, column, FileName)
	}
	return t.total(rows, col, 0)
}

func (t *Table) total(rows []*dataset.Row, col *Column, depth int) (float64, bool, error) {
	if depth > len(t.Columns) {
		return 0, false, fmt.Errorf("column %q depends on itself", col.Name) // refused at load; kept as a guard
	}
	switch col.Kind {
	case Label:
		return 0, false, nil
	case Flow:
		s, err := dataset.Sum(rows, col.Name)
		return s, err == nil, err
	case Opening, Closing:
		if len(rows) == 0 {
			return 0, true, nil
		}
		r := rows[0]
		if col.Kind == Closing {
			r = rows[len(rows)-1]
		}
		x, err := r.NumOrZero(col.Name)
		return x, err == nil, err
	case Sum:
		s := 0.0
		for _, p := range col.Parts {
			pc, _ := t.column(p)
			x, ok, err := t.total(rows, pc, depth+1)
			if err != nil || !ok {
				return 0, ok, err
			}
			s += x
		}
		return s, true, nil
	case Rate:
		nc, _ := t.column(col.Num)
		dc, _ := t.column(col.Den)
		num, ok1, err := t.total(rows, nc, depth+1)
		if err != nil {
			return 0, false, err
		}
		den, ok2, err := t.total(rows, dc, depth+1)
		if err != nil || !ok1 || !ok2 || den == 0 {
			return 0, false, err
		}
		return num / den * 100, true, nil
	}
	return 0, false, fmt.Errorf("column %q: unknown kind %q", col.Name, col.Kind)
}
