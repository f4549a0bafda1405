package tmpl

import (
	"fmt"
	"strconv"
	"time"

	"baocao/internal/dataset"
	"baocao/internal/docmodel"
	"baocao/internal/markdown"
	"baocao/internal/msg"
)

// What a template sees of the dataset is these views, never the dataset's
// own types: every string that comes from the workbook reaches the template
// as a Text (or inside a Value), whose printing is a Markdown literal
// (markdown.Literal), so data text can never restructure the report,
// whichever path prints it: {{ fact "x" }}, {{ .Name }}, {{ $r.Key }},
// {{ $r.Get "Cột" }}, {{ printf "%v" … }}, {{ print … }}. The views also
// hide what a template has no business calling (Set, Unset, the figures'
// cells), and they print deterministically (no pointers).

// Text is text from the workbook. It compares, measures and slices as a
// string ({{ if eq .Key "Cán bộ" }}, {{ len .Key }}); printed, it is a
// literal that the Markdown reader and the front matter turn back into
// the text as typed.
type Text string

// String is the text as a Markdown literal.
func (t Text) String() string { return markdown.Literal(string(t)) }

// GoString keeps printf "%#v" from printing the raw text.
func (t Text) GoString() string { return t.String() }

// Value is one cell's content: a fact or a cell of a table.
type Value struct {
	v     dataset.Value
	label string // the source's label: a fact's key, "column (row)"
}

// String is the value's text (numbers with a decimal comma, dates as
// dd/mm/yyyy) as a literal.
func (v Value) String() string { return markdown.Literal(v.v.String()) }

// GoString keeps printf "%#v" from printing the raw text.
func (v Value) GoString() string { return v.String() }

// Kind is 0 for an empty cell, 1 text, 2 a number, 3 a date: {{ if ne .Kind 0 }}.
func (v Value) Kind() dataset.Kind { return v.v.Kind }

// Num is the number of a number cell, else 0.
func (v Value) Num() float64 { return v.v.Num }

// Text is the value's text, for comparisons: {{ if eq (fact "x").Text "có" }}.
func (v Value) Text() Text { return Text(v.v.String()) }

// Float is the value as a number, or an error naming the cell.
func (v Value) Float() (float64, error) { return v.v.Float() }

// Date is the value as a date, or an error naming the cell.
func (v Value) Date() (time.Time, error) { return v.v.Date() }

// Node is an indicator of the PAR Index tree.
type Node struct{ n *dataset.Node }

func newNode(n *dataset.Node) *Node {
	if n == nil {
		return nil
	}
	return &Node{n}
}

func nodes(in []*dataset.Node) []*Node {
	out := make([]*Node, len(in))
	for i, n := range in {
		out[i] = &Node{n}
	}
	return out
}

// String is the indicator's name, so {{ $node }} prints it.
func (n *Node) String() string { return n.Name().String() }

// GoString keeps printf "%#v" from printing a pointer.
func (n *Node) GoString() string { return n.String() }

// Name is the text of the indicator (column Nội dung).
func (n *Node) Name() Text { return Text(n.n.Name) }

// Note is the indicator's Ghi chú.
func (n *Node) Note() Text { return Text(n.n.Note) }

// Code is the indicator's code: "7.2"; "" for the total.
func (n *Node) Code() Text { return Text(n.n.Code) }

// Number is the last component of the code: 3 for "7.3".
func (n *Node) Number() int { return n.n.Number() }

// Max is the maximum points, survey part included.
func (n *Node) Max() (Figure, error) { return n.figure(dataset.Max) }

// Survey is the survey (ĐTXHH) part of the maximum.
func (n *Node) Survey() (Figure, error) { return n.figure(dataset.Survey) }

// SelfMax is the self-assessed part of the maximum: Max − Survey.
func (n *Node) SelfMax() (Figure, error) {
	v, err := n.n.SelfMax()
	return n.derived(v, "điểm tự đánh giá tối đa", "điểm tối đa − điểm ĐTXHH"), err
}

// Score is the self-assessed points achieved.
func (n *Node) Score() (Figure, error) { return n.figure(dataset.Score) }

// SurveyScore is the survey points achieved so far.
func (n *Node) SurveyScore() (Figure, error) { return n.figure(dataset.SurveyScore) }

// Total is Score + SurveyScore.
func (n *Node) Total() (Figure, error) {
	v, err := n.n.Total()
	return n.derived(v, "tổng điểm đạt", "điểm đạt + điểm ĐTXHH đạt"), err
}

// Lost is the self-assessed points not achieved: SelfMax − Score.
func (n *Node) Lost() (Figure, error) {
	v, err := n.n.Lost()
	return n.derived(v, "điểm bị trừ", "điểm tự đánh giá tối đa − điểm đạt"), err
}

// measureLabel names a measure of an indicator in a figure's source.
var measureLabel = [...]string{dataset.Max: "điểm tối đa", dataset.Survey: "điểm ĐTXHH", dataset.Score: "điểm đạt", dataset.SurveyScore: "điểm ĐTXHH đạt"}

// nodeLabel is "điểm đạt, chỉ số 7.2 (Name)", or "…, tổng" for the total.
func (n *Node) nodeLabel(what string) string {
	if n.n.Code == "" {
		return what + ", tổng"
	}
	return what + ", chỉ số " + n.n.Code + " (" + n.n.Name + ")"
}

// figure is a measure of the node with its source: the cell it was typed
// in, or its row and the sum of the children when computed.
func (n *Node) figure(m dataset.Measure) (Figure, error) {
	q := n.n.Get(m)
	var v float64
	var err error
	switch m {
	case dataset.Max:
		v, err = n.n.Max()
	case dataset.Survey:
		v, err = n.n.Survey()
	case dataset.Score:
		v, err = n.n.Score()
	default:
		v, err = n.n.SurveyScore()
	}
	s := &docmodel.Source{File: q.Loc.File, Sheet: q.Loc.Sheet, Cell: q.Loc.Cell, Label: n.nodeLabel(measureLabel[m])}
	if !q.Given {
		s.Formula = "tổng các chỉ số con"
	}
	return Figure{v, s}, err
}

// derived is a figure computed from the node's measures.
func (n *Node) derived(v float64, what, formula string) Figure {
	return Figure{v, &docmodel.Source{File: n.n.Row.File, Sheet: n.n.Row.Sheet, Cell: n.n.Row.Cell, Label: n.nodeLabel(what), Formula: formula}}
}

// Full reports whether the node achieved its whole self-assessed maximum.
func (n *Node) Full() (bool, error) { return n.n.Full() }

// IsSurvey reports whether the whole node is decided by the survey.
func (n *Node) IsSurvey() bool { return n.n.IsSurvey() }

// Parent is the node above; nil for the total.
func (n *Node) Parent() *Node { return newNode(n.n.Parent) }

// Children lists the nodes below, in sheet order.
func (n *Node) Children() []*Node { return nodes(n.n.Children) }

// Assessed lists the children that are not survey-only.
func (n *Node) Assessed() []*Node { return nodes(n.n.Assessed()) }

// SurveyItems lists the children that are survey-only.
func (n *Node) SurveyItems() []*Node { return nodes(n.n.SurveyItems()) }

// Incomplete lists the children that did not achieve their whole
// self-assessed maximum.
func (n *Node) Incomplete() ([]*Node, error) {
	in, err := n.n.Incomplete()
	return nodes(in), err
}

// Table is a table sheet of the workbook.
type Table struct{ t *dataset.Table }

// String is the sheet's name.
func (t *Table) String() string { return t.Sheet().String() }

// GoString keeps printf "%#v" from printing a pointer.
func (t *Table) GoString() string { return t.String() }

// Sheet is the name of the sheet.
func (t *Table) Sheet() Text { return Text(t.t.Sheet) }

// Key is the header of the key column ("Năm").
func (t *Table) Key() Text { return Text(t.t.Key) }

// Columns are the names of the measure columns ("Group / Part").
func (t *Table) Columns() []Text {
	out := make([]Text, len(t.t.Columns))
	for i, c := range t.t.Columns {
		out[i] = Text(c.Name)
	}
	return out
}

// Rows lists the rows in sheet order.
func (t *Table) Rows() []*Row {
	out := make([]*Row, len(t.t.Rows))
	for i, r := range t.t.Rows {
		out[i] = &Row{r}
	}
	return out
}

// Row finds a row by its key: .Row "2023".
func (t *Table) Row(key any) (*Row, error) {
	k, err := name(key)
	if err != nil {
		return nil, err
	}
	r, err := t.t.Row(k)
	if err != nil {
		return nil, err
	}
	return &Row{r}, nil
}

// Has reports whether the table has a row with this key.
func (t *Table) Has(key any) (bool, error) {
	k, err := name(key)
	return err == nil && t.t.Has(k), err
}

// Sum adds a column over every row; a blank cell counts as 0.
func (t *Table) Sum(column any) (float64, error) {
	c, err := name(column)
	if err != nil {
		return 0, err
	}
	return t.t.Sum(c)
}

// Row is one row of a table.
type Row struct{ r *dataset.Row }

// Item is a row in a listing (lietke): the row, with the separator that
// goes before it, so that a sentence or a footnote listing the rows of a
// table is one range without index arithmetic:
//
//	{{ range lietke "Hồ sơ TTHC" }}{{ .Sep }}{{ .Key }}: {{ num (.Get "Tổng số") }} hồ sơ{{ end }}
type Item struct {
	*Row
	sep string
}

// Sep is "" before the first row and the listing's separator ("; ")
// before the others; before the last, the last separator when one is given
// (" và ").
func (it *Item) Sep() string { return it.sep }

// items lists the rows of t with their separators.
func items(t *dataset.Table, sep, last string) []*Item {
	out := make([]*Item, len(t.Rows))
	for i, r := range t.Rows {
		s := ""
		switch {
		case i == 0:
		case i == len(t.Rows)-1 && last != "":
			s = last
		default:
			s = sep
		}
		out[i] = &Item{&Row{r}, s}
	}
	return out
}

// Total is a column's total by its kind in the data contract (a flow
// summed, a stock its first or last row's, a rate recomputed).
func (t *Table) Total(column any) (float64, error) {
	c, err := name(column)
	if err != nil {
		return 0, err
	}
	return t.t.TotalOf(c)
}

// edge is the first (or last) row.
func (t *Table) edge(last bool) (*Row, error) {
	if len(t.t.Rows) == 0 {
		return nil, msg.Errorf("sheet %q has no rows", t.t.Sheet)
	}
	if last {
		return &Row{t.t.Rows[len(t.t.Rows)-1]}, nil
	}
	return &Row{t.t.Rows[0]}, nil
}

// String is the row's key.
func (r *Row) String() string { return r.Key().String() }

// GoString keeps printf "%#v" from printing a pointer.
func (r *Row) GoString() string { return r.String() }

// Key is the row's key, as typed in the first column.
func (r *Row) Key() Text { return Text(r.r.Key) }

// Get is the row's cell in the named column.
func (r *Row) Get(column any) (Value, error) {
	c, err := name(column)
	if err != nil {
		return Value{}, err
	}
	v, err := r.r.Get(c)
	return Value{v, cellLabel(r.r, c)}, err
}

// Num is the row's cell in the named column as a number; a blank cell is
// an error naming it.
func (r *Row) Num(column any) (float64, error) {
	c, err := name(column)
	if err != nil {
		return 0, err
	}
	return r.r.Num(c)
}

// name is a key, column or sheet name given by a template: a string, data
// text (a row's key) or a whole number (.Row 2023).
func name(x any) (string, error) {
	switch v := x.(type) {
	case string:
		return v, nil
	case Text:
		return string(v), nil
	case Value:
		return v.v.String(), nil
	case int:
		return strconv.Itoa(v), nil
	}
	return "", msg.Errorf("expected a name, got %T", x)
}

// raw is the text of a template argument for the text functions, and
// whether it came from the workbook (and so must print as a literal).
func raw(x any) (string, bool) {
	switch v := x.(type) {
	case Text:
		return string(v), true
	case Value:
		return v.v.String(), true
	case *Node:
		return v.n.Name, true
	case *Row:
		return v.r.Key, true
	case *Table:
		return v.t.Sheet, true
	case string:
		return v, false
	case fmt.Stringer:
		return v.String(), false
	}
	return fmt.Sprint(x), false
}
