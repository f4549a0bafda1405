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

	"golang.org/x/text/language"

	"baocao/internal/dataset"
	"baocao/internal/msg"
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
	// Label, Old, New and Notes are English (or in the language of In);
	// these are the ones the code worded, as they can be told in another
	// language (nil for a fact key, a row key or a figure, which are the
	// workbook's own).
	label, old, cur msg.Localizer
	notes           []msg.Localizer
	// apply replays the change on a dataset read from the old workbook;
	// nil for a row added or removed, whose reach is the whole diff's.
	apply func(*dataset.Dataset) error
}

// Replayable reports whether the change can be replayed alone.
func (c *Change) Replayable() bool { return c.apply != nil }

// absent stands for a figure, a row or a column that one of the two
// workbooks does not have.
var absent = msg.Word("(none)")

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

// empty stands for a cell left empty.
var empty = msg.Word("(empty)")

// show is a value as Old or New shows it: a word for an empty cell.
func show(v dataset.Value) msg.Localizer {
	if v.Kind == dataset.Empty {
		return empty
	}
	return figure(v.String())
}

// figure is a text of the workbook (a value, a name): the same in every
// language.
type figure string

func (f figure) Localize(language.Tag) string { return string(f) }

// change makes a Change: the label, old and new as they can be told in
// another language, and their English.
func change(sheet, cell string, label, old, cur msg.Localizer) Change {
	c := Change{Sheet: sheet, Cell: cell}
	c.label, c.old, c.cur = worded(label), worded(old), worded(cur)
	c.Label, c.Old, c.New = label.Localize(msg.English), old.Localize(msg.English), cur.Localize(msg.English)
	return c
}

// worded keeps l only when the code worded it.
func worded(l msg.Localizer) msg.Localizer {
	if _, ok := l.(figure); ok {
		return nil
	}
	return l
}

// note adds a note to c.
func (c *Change) note(t msg.Text) {
	c.notes = append(c.notes, t)
	c.Notes = append(c.Notes, t.String())
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
		was := msg.Localizer(absent)
		if ok {
			was = show(ov)
		}
		c := change(cur.Facts.Sheet, nv.Loc.Cell, figure(k), was, show(nv))
		key, v := k, nv
		c.apply = func(ds *dataset.Dataset) error {
			if ds.Facts == nil {
				return msg.Errorf("the workbook has no fact sheet")
			}
			ds.Facts.Set(key, v)
			return nil
		}
		out = append(out, c)
	}
	for _, k := range old.Facts.Keys() {
		if !seen[k] {
			ov, _ := old.Facts.Get(k)
			out = append(out, change(old.Facts.Sheet, ov.Loc.Cell, figure(k), show(ov), absent))
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

// indicator labels a line of an indicator tree added or removed. (The
// explicit indexes keep the key this package's own.)
func indicator(n *dataset.Node) msg.Text {
	return msg.Sprintf("indicator %[1]s (%[2]s)", n.Code, n.Name)
}

// measureLabel labels a change of one figure of a line: its indicator
// (or the total) and the measure.
func measureLabel(n *dataset.Node, m dataset.Measure) msg.Text {
	if n.Code == "" {
		switch m {
		case dataset.Max:
			return msg.Sprintf("total: maximum (điểm tối đa)")
		case dataset.Survey:
			return msg.Sprintf("total: survey points (điểm ĐTXHH)")
		case dataset.Score:
			return msg.Sprintf("total: score (điểm đạt)")
		default:
			return msg.Sprintf("total: survey score (điểm ĐTXHH đạt)")
		}
	}
	switch m {
	case dataset.Max:
		return msg.Sprintf("indicator %s (%s): maximum (điểm tối đa)", n.Code, n.Name)
	case dataset.Survey:
		return msg.Sprintf("indicator %s (%s): survey points (điểm ĐTXHH)", n.Code, n.Name)
	case dataset.Score:
		return msg.Sprintf("indicator %s (%s): score (điểm đạt)", n.Code, n.Name)
	default:
		return msg.Sprintf("indicator %s (%s): survey score (điểm ĐTXHH đạt)", n.Code, n.Name)
	}
}

// measureOf names one figure of a line in a sentence: "the score (điểm
// đạt) of indicator 5 (…)".
func measureOf(n *dataset.Node, m dataset.Measure) msg.Text {
	if n.Code == "" {
		switch m {
		case dataset.Max:
			return msg.Sprintf("the maximum (điểm tối đa) of the total")
		case dataset.Survey:
			return msg.Sprintf("the survey points (điểm ĐTXHH) of the total")
		case dataset.Score:
			return msg.Sprintf("the score (điểm đạt) of the total")
		default:
			return msg.Sprintf("the survey score (điểm ĐTXHH đạt) of the total")
		}
	}
	switch m {
	case dataset.Max:
		return msg.Sprintf("the maximum (điểm tối đa) of indicator %s (%s)", n.Code, n.Name)
	case dataset.Survey:
		return msg.Sprintf("the survey points (điểm ĐTXHH) of indicator %s (%s)", n.Code, n.Name)
	case dataset.Score:
		return msg.Sprintf("the score (điểm đạt) of indicator %s (%s)", n.Code, n.Name)
	default:
		return msg.Sprintf("the survey score (điểm ĐTXHH đạt) of indicator %s (%s)", n.Code, n.Name)
	}
}

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
				out = append(out, change(sheet, n.Row.Cell, indicator(n), absent, figure(n.Name)))
				continue
			}
			for _, m := range measures {
				nq, oq := n.Get(m), o.Get(m)
				if nq.Given == oq.Given && (!nq.Given || nq.V == oq.V) {
					continue
				}
				was, now := msg.Localizer(empty), msg.Localizer(empty)
				if oq.Given {
					was = figure(num(oq.V))
				}
				if nq.Given {
					now = figure(num(nq.V))
				}
				c := change(sheet, nq.Loc.Cell, measureLabel(n, m), was, now)
				if !nq.Given {
					c.Cell = oq.Loc.Cell
				}
				if a := n.TypedAncestor(m); a != nil && n.Code != "" {
					aq := a.Get(m)
					c.note(msg.Sprintf("%s is typed in cell %s (%s) and did not move with this change; check it, or clear it to have it computed",
						measureOf(a, m), aq.Loc.Cell, num(aq.V)))
				}
				code, meas, q := n.Code, m, nq
				c.apply = func(ds *dataset.Dataset) error {
					t, ok := ds.Trees[sheet]
					if !ok {
						return msg.Errorf("the workbook has no indicator sheet %q", sheet)
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
				out = append(out, change(sheet, o.Row.Cell, indicator(o), figure(o.Name), absent))
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
			out = append(out, change(sheet, "", wholeSheet, absent, msg.Sprintf("(%d rows)", len(nt.Rows))))
			continue
		}
		for _, r := range nt.Rows {
			or, err := ot.Row(r.Key)
			if err != nil {
				out = append(out, change(sheet, r.Loc.Cell, msg.Sprintf("row %[1]q", r.Key), absent, added))
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
				c := change(sheet, nv.Loc.Cell, figure(r.Key+" / "+col.Name), show(ov), show(nv))
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
				out = append(out, change(sheet, r.Loc.Cell, msg.Sprintf("row %[1]q", r.Key), present, absent))
			}
		}
		for _, col := range nt.Columns {
			if _, err := ot.Column(col.Name); err != nil {
				out = append(out, change(sheet, col.Loc.Cell, msg.Sprintf("column %[1]q", col.Name), absent, added))
			}
		}
	}
	for _, sheet := range sortedKeys(old.Tables) {
		if _, ok := cur.Tables[sheet]; !ok {
			out = append(out, change(sheet, "", wholeSheet, msg.Sprintf("(%d rows)", len(old.Tables[sheet].Rows)), absent))
		}
	}
	return out
}

// The words of a table's changes: a sheet, a row or a column that only one
// of the workbooks has.
var (
	wholeSheet = msg.Word("(whole sheet)")
	added      = msg.Word("(added)")
	present    = msg.Word("(present)")
)

func num(v float64) string {
	return dataset.Value{Kind: dataset.NumberKind, Num: v}.String()
}

// String is a one-line summary: "Thông tin!B5 kt_xa: 9 → 10".
func (c Change) String() string { return c.Localize(msg.English) }

// Localize is the one-line summary in lang.
func (c Change) Localize(lang language.Tag) string {
	where := c.Sheet
	if c.Cell != "" {
		where += "!" + c.Cell
	}
	c = c.In(lang)
	return strings.TrimSpace(fmt.Sprintf("%s  %s: %s → %s", where, c.Label, c.Old, c.New))
}

// Format prints the summary in the language of a msg printer (English
// for fmt).
func (c Change) Format(s fmt.State, verb rune) { msg.Format(s, verb, c) }

// In is the change with its label, old and new values, notes and reach
// told in lang, for a JSON answer or a page.
func (c Change) In(lang language.Tag) Change {
	if c.label != nil {
		c.Label = c.label.Localize(lang)
	}
	if c.old != nil {
		c.Old = c.old.Localize(lang)
	}
	if c.cur != nil {
		c.New = c.cur.Localize(lang)
	}
	if c.notes != nil {
		c.Notes = make([]string, len(c.notes))
		for i, n := range c.notes {
			c.Notes[i] = n.Localize(lang)
		}
	}
	if c.Reach != nil {
		reach := make([]Place, len(c.Reach))
		for i, p := range c.Reach {
			reach[i] = p.In(lang)
		}
		c.Reach = reach
	}
	return c
}
