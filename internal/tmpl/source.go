package tmpl

import (
	"fmt"
	"strings"

	"baocao/internal/dataset"
	"baocao/internal/docmodel"
	"baocao/internal/markdown"
	"baocao/internal/vnfmt"
)

// Provenance: a figure printed by a number function (num, fixed, pad,
// percent, pct, tyle) carries where it came from to the document model,
// so that the web preview can show, on pointing at it, the sheet, the cell
// and the label it was read from, or the formula of a chỉ tiêu. The
// number functions append the source to the filling's table
// (Result.Sources) and wrap the formatted figure in a source mark
// (markdown.Figure) that markdown.Read turns into docmodel.Text.Source;
// the printed documents do not change.
//
// What carries a source:
//   - a fact and a table cell (fact, cell, a row's .Get): its cell, and as
//     label the fact's key, or the column and the row's key;
//   - a chỉ tiêu (chitieu): its name, description and formula;
//   - an indicator's points (.Score, .Max …): the indicator and the cell
//     typed, or its row and how it is computed;
//   - sum and tong: the sheet, the column's cells (F5:F9) and what was
//     added;
//   - pct a b and tyle d a b: a ratio, with the sources of a and b as Parts.
//
// add, sub, mul and div give plain numbers, without a source: a figure a
// template computes is the template's formula, not the workbook's, and a
// source listing every addend of a loop ({{ $n = add $n … }}) would grow
// with the loop. A number typed in the template has no source either.

// Figure is a number from the workbook (chitieu, sum, tong, an
// indicator's points) with its source. It prints, formats (printf "%.2f") and compares as the
// number; in {{ if }} it is always true, so test it with ne or gt.
type Figure struct {
	v   float64
	src *docmodel.Source
}

// Format prints the figure as its number would print.
func (f Figure) Format(s fmt.State, verb rune) {
	fmt.Fprintf(s, fmt.FormatString(s, verb), f.v)
}

// Num is the figure's number.
func (f Figure) Num() float64 { return f.v }

// sourceOf is the source of a number function's argument, or nil.
func sourceOf(x any) *docmodel.Source {
	switch v := x.(type) {
	case Figure:
		return v.src
	case Value:
		return locSource(v.v.Loc, v.label)
	case dataset.Value:
		return locSource(v.Loc, "")
	case dataset.Quantity:
		return locSource(v.Loc, "")
	}
	return nil
}

func locSource(l dataset.Loc, label string) *docmodel.Source {
	if l.Cell == "" && l.Sheet == "" {
		return nil
	}
	return &docmodel.Source{File: l.File, Sheet: l.Sheet, Cell: l.Cell, Label: label}
}

// ratioSource is the source of a/b: a ratio of the two, which are its parts.
func ratioSource(a, b any) *docmodel.Source {
	sa, sb := sourceOf(a), sourceOf(b)
	if sa == nil && sb == nil {
		return nil
	}
	s := &docmodel.Source{Label: "Tỷ lệ", Formula: operandName(a, sa) + " / " + operandName(b, sb)}
	for _, p := range []*docmodel.Source{sa, sb} {
		if p != nil {
			s.Parts = append(s.Parts, *p)
		}
	}
	return s
}

// operandName names an operand in a formula: its label, its cell, or the
// number itself.
func operandName(x any, s *docmodel.Source) string {
	switch {
	case s == nil:
		v, _ := Float(x)
		return vnfmt.Auto(v, 4)
	case s.Label != "":
		return s.Label
	case s.Cell != "":
		return s.Sheet + "!" + s.Cell
	}
	return s.Sheet
}

// derivedSource is the source of a chỉ tiêu.
func derivedSource(d dataset.Derived) *docmodel.Source {
	label := d.Description
	if label == "" {
		label = d.Name
	}
	return &docmodel.Source{Label: label, Formula: d.Name + " = " + d.Formula}
}

// columnSource is the source of a column added over a table's rows: the
// sheet and the range of the column's cells.
func columnSource(t *dataset.Table, column, how string) *docmodel.Source {
	s := &docmodel.Source{Sheet: t.Sheet, Label: how + " cột " + column}
	var first, last dataset.Loc
	for _, r := range t.Rows {
		v, err := r.Get(column)
		if err != nil {
			return s
		}
		if v.Loc.Cell == "" {
			continue
		}
		if first.Cell == "" {
			first = v.Loc
		}
		last = v.Loc
	}
	s.File = first.File
	switch {
	case first.Cell == "":
	case first.Cell == last.Cell:
		s.Cell = first.Cell
	default:
		s.Cell = first.Cell + ":" + last.Cell
	}
	s.Label += fmt.Sprintf(" (%d dòng)", len(t.Rows))
	return s
}

// mark is text, a formatted figure, with the source src when it has one.
func (b *budget) mark(src *docmodel.Source, text string) string {
	if src == nil || text == "" {
		return text
	}
	b.sources = append(b.sources, *src)
	return markdown.Figure(len(b.sources)-1, text)
}

// cellLabel is the label of a table cell: "column (row key)".
func cellLabel(r *dataset.Row, column string) string {
	return strings.TrimSpace(column) + " (" + r.Key + ")"
}
