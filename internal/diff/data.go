// Package diff tells what changed between two versions of a workbook and
// where each change reaches in the report: the sentence of the body, the
// footnote, the appendix cell, and the derived figures (totals, rates)
// that moved with it.
//
// The reach of a change is found by replay, not by guessing: the old
// workbook is read again, that one change is applied, the document is
// built, and its text is compared with the old document's, place by place.
// Every figure of a report comes from the workbook, so whatever differs
// was reached by that change.
package diff

import (
	"fmt"
	"sort"
	"strings"

	"baocao/internal/dataset"
)

// Change is one figure that differs between the two workbooks.
type Change struct {
	Sheet string `json:"sheet"`
	Cell  string `json:"cell,omitempty"` // in the new workbook (the old one for a removal)
	Label string `json:"label"`          // fact key, indicator and measure, or table row / column
	Old   string `json:"old"`
	New   string `json:"new"`
	// Reach lists the places of the report this change alone alters.
	Reach []Place `json:"reach"`
	// Notes say what the change did not reach although a reader would
	// expect it to: a parent whose figure is typed does not move.
	Notes []string `json:"notes,omitempty"`
	// apply replays the change on a dataset read from the old workbook;
	// nil for a row added or removed, whose reach is the whole diff's.
	apply func(*dataset.Dataset) error
}

// Replayable reports whether the change can be replayed alone.
func (c *Change) Replayable() bool { return c.apply != nil }

const absent = "(không có)"

func same(a, b dataset.Value) bool {
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case dataset.NumberKind:
		return a.Num == b.Num
	case dataset.DateKind:
		return a.Time.Equal(b.Time)
	case dataset.TextKind:
		return a.Text == b.Text
	}
	return true
}

func show(v dataset.Value) string {
	if v.Kind == dataset.Empty {
		return "(trống)"
	}
	return v.String()
}

// Data lists the differences between two datasets, sheet by sheet in a
// stable order.
func Data(old, cur *dataset.Dataset) []Change {
	var out []Change
	out = append(out, facts(old, cur)...)
	out = append(out, trees(old, cur)...)
	out = append(out, tables(old, cur)...)
	return out
}

func facts(old, cur *dataset.Dataset) []Change {
	if old.Facts == nil || cur.Facts == nil {
		return nil
	}
	var out []Change
	seen := map[string]bool{}
	for _, k := range cur.Facts.Keys() {
		seen[k] = true
		nv, _ := cur.Facts.Get(k)
		ov, ok := old.Facts.Get(k)
		if ok && same(ov, nv) {
			continue
		}
		c := Change{Sheet: cur.Facts.Sheet, Cell: nv.Loc.Cell, Label: k, Old: absent, New: show(nv)}
		if ok {
			c.Old = show(ov)
		}
		key, v := k, nv
		c.apply = func(ds *dataset.Dataset) error {
			if ds.Facts == nil {
				return fmt.Errorf("no fact sheet")
			}
			ds.Facts.Set(key, v)
			return nil
		}
		out = append(out, c)
	}
	for _, k := range old.Facts.Keys() {
		if !seen[k] {
			ov, _ := old.Facts.Get(k)
			out = append(out, Change{Sheet: old.Facts.Sheet, Cell: ov.Loc.Cell, Label: k, Old: show(ov), New: absent})
		}
	}
	return out
}

func sortedKeys[M ~map[string]V, V any](m M) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var measures = []dataset.Measure{dataset.Max, dataset.Survey, dataset.Score, dataset.SurveyScore}

func trees(old, cur *dataset.Dataset) []Change {
	var out []Change
	for _, sheet := range sortedKeys(cur.Trees) {
		nt := cur.Trees[sheet]
		ot, ok := old.Trees[sheet]
		if !ok {
			continue
		}
		for _, n := range nt.Nodes() {
			o, err := ot.Lookup(n.Code)
			if err != nil {
				out = append(out, Change{Sheet: sheet, Cell: n.Row.Cell, Label: "indicator " + n.Code + " (" + n.Name + ")", Old: absent, New: n.Name})
				continue
			}
			for _, m := range measures {
				nq, oq := n.Get(m), o.Get(m)
				if nq.Given == oq.Given && (!nq.Given || nq.V == oq.V) {
					continue
				}
				label := fmt.Sprintf("indicator %s (%s): %s", n.Code, n.Name, m)
				if n.Code == "" {
					label = fmt.Sprintf("total: %s", m)
				}
				c := Change{Sheet: sheet, Cell: nq.Loc.Cell, Label: label, Old: "(trống)", New: "(trống)"}
				if oq.Given {
					c.Old = num(oq.V)
				}
				if nq.Given {
					c.New = num(nq.V)
				} else {
					c.Cell = oq.Loc.Cell
				}
				if a := n.TypedAncestor(m); a != nil && n.Code != "" {
					aq := a.Get(m)
					c.Notes = append(c.Notes, fmt.Sprintf("the %s of %s is typed in cell %s (%s) and did not move with this change; check it, or clear it to have it computed",
						m, a.Label(), aq.Loc.Cell, num(aq.V)))
				}
				code, meas, q := n.Code, m, nq
				c.apply = func(ds *dataset.Dataset) error {
					t, ok := ds.Trees[sheet]
					if !ok {
						return fmt.Errorf("no indicator sheet %q", sheet)
					}
					node, err := t.Lookup(code)
					if err != nil {
						return err
					}
					if q.Given {
						node.Set(meas, q.V, q.Loc)
					} else {
						node.Unset(meas)
					}
					t.Recompute()
					return nil
				}
				out = append(out, c)
			}
		}
		for _, o := range ot.Nodes() {
			if _, err := nt.Lookup(o.Code); err != nil {
				out = append(out, Change{Sheet: sheet, Cell: o.Row.Cell, Label: "indicator " + o.Code + " (" + o.Name + ")", Old: o.Name, New: absent})
			}
		}
	}
	return out
}

func tables(old, cur *dataset.Dataset) []Change {
	var out []Change
	for _, sheet := range sortedKeys(cur.Tables) {
		nt := cur.Tables[sheet]
		ot, ok := old.Tables[sheet]
		if !ok {
			out = append(out, Change{Sheet: sheet, Label: "sheet", Old: absent, New: fmt.Sprintf("%d rows", len(nt.Rows))})
			continue
		}
		for _, r := range nt.Rows {
			or, err := ot.Row(r.Key)
			if err != nil {
				out = append(out, Change{Sheet: sheet, Cell: r.Loc.Cell, Label: fmt.Sprintf("row %q", r.Key), Old: absent, New: "added"})
				continue
			}
			for _, col := range nt.Columns {
				nv, _ := r.Get(col.Name)
				ov, err := or.Get(col.Name)
				if err != nil {
					continue // a new column: reported below
				}
				if same(ov, nv) {
					continue
				}
				c := Change{Sheet: sheet, Cell: nv.Loc.Cell, Label: r.Key + " / " + col.Name, Old: show(ov), New: show(nv)}
				key, name, v := r.Key, col.Name, nv
				c.apply = func(ds *dataset.Dataset) error {
					t, err := ds.Table(sheet)
					if err != nil {
						return err
					}
					row, err := t.Row(key)
					if err != nil {
						return err
					}
					return row.Set(name, v)
				}
				out = append(out, c)
			}
		}
		for _, r := range ot.Rows {
			if !nt.Has(r.Key) {
				out = append(out, Change{Sheet: sheet, Cell: r.Loc.Cell, Label: fmt.Sprintf("row %q", r.Key), Old: "present", New: absent})
			}
		}
		for _, col := range nt.Columns {
			if _, err := ot.Column(col.Name); err != nil {
				out = append(out, Change{Sheet: sheet, Cell: col.Loc.Cell, Label: fmt.Sprintf("column %q", col.Name), Old: absent, New: "added"})
			}
		}
	}
	for _, sheet := range sortedKeys(old.Tables) {
		if _, ok := cur.Tables[sheet]; !ok {
			out = append(out, Change{Sheet: sheet, Label: "sheet", Old: fmt.Sprintf("%d rows", len(old.Tables[sheet].Rows)), New: absent})
		}
	}
	return out
}

func num(v float64) string {
	return dataset.Value{Kind: dataset.NumberKind, Num: v}.String()
}

// String is a one-line summary: "Thông tin!B5 kt_xa: 9 → 10".
func (c Change) String() string {
	where := c.Sheet
	if c.Cell != "" {
		where += "!" + c.Cell
	}
	return strings.TrimSpace(fmt.Sprintf("%s  %s: %s → %s", where, c.Label, c.Old, c.New))
}
