package dataset

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"baocao/internal/msg"
)

// Measure names one of the figures a Node carries.
type Measure int

const (
	Max         Measure = iota // điểm tối đa (including the survey part)
	Survey                     // of Max, the points decided by the sociological survey (ĐTXHH)
	Score                      // points achieved on the self-assessed part
	SurveyScore                // points achieved on the survey part (0 until published)
	numMeasures
)

var measureNames = [numMeasures]msg.Word{msg.Word("maximum (điểm tối đa)"), msg.Word("survey points (điểm ĐTXHH)"), msg.Word("score (điểm đạt)"), msg.Word("survey score (điểm ĐTXHH đạt)")}

func (m Measure) String() string { return string(measureNames[m]) }

// Localize names the measure in lang (in Vietnamese, the workbook's own
// column header).
func (m Measure) Localize(lang language.Tag) string { return measureNames[m].Localize(lang) }

// Quantity is a figure that may be missing. Given marks a figure typed in
// the workbook, as opposed to one computed from the children.
type Quantity struct {
	V     float64
	Known bool
	Given bool
	Loc   Loc // the cell it was typed in, or the node's row when computed
}

// Node is one line of an indicator tree: a field (lĩnh vực), a criterion
// (tiêu chí) or a sub-criterion (tiêu chí thành phần).
type Node struct {
	Code     string // "1", "7.2", "7.2.1"; "" for the root
	Name     string
	Note     string
	Row      Loc // the row's code cell
	Parent   *Node
	Children []*Node
	q        [numMeasures]Quantity
}

// Tree is an indicator tree read from one sheet.
type Tree struct {
	Sheet string
	Root  *Node
	// Issues are the inconsistencies the last Compute found; the checks
	// of a template decide which to report, and how.
	Issues []*Issue
	byKey  map[string]*Node
}

// Lookup finds a node by code ("7.2"). Codes compare after trimming a
// trailing dot, so "1." and "1" are the same; "" is the total.
func (t *Tree) Lookup(code string) (*Node, error) {
	if normCode(code) == "" {
		return t.Root, nil
	}
	n, ok := t.byKey[normCode(code)]
	if !ok {
		return nil, msg.Errorf("sheet %q has no indicator with code %q", t.Sheet, code)
	}
	return n, nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func normCode(c string) string { return strings.TrimSuffix(strings.TrimSpace(c), ".") }

// Nodes lists the nodes in sheet order (parents before their children),
// the total first.
func (t *Tree) Nodes() []*Node {
	var out []*Node
	var walk func(n *Node)
	walk = func(n *Node) {
		out = append(out, n)
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(t.Root)
	return out
}

// NewTree starts a tree; the root stands for the total row.
func NewTree(sheet string, file string) *Tree {
	root := &Node{Name: "Tổng", Row: Loc{File: file, Sheet: sheet}}
	return &Tree{Sheet: sheet, Root: root, byKey: map[string]*Node{}}
}

// Add inserts a node under the node whose code is its code less the last
// component ("7.2.1" under "7.2"); top-level codes go under the root.
func (t *Tree) Add(n *Node) error {
	key := normCode(n.Code)
	if key == "" {
		return Errorf(n.Row, "empty indicator code")
	}
	for _, part := range strings.Split(key, ".") {
		// Digits only: strconv.Atoi alone would accept "+1" and "1.-2",
		// codes that never match the "1" and "1.2" a template asks for.
		if !allDigits(part) {
			return Errorf(n.Row, "indicator code %q: expected numbers separated by dots, such as 1, 1.2 or 1.2.3", n.Code)
		}
	}
	if old, ok := t.byKey[key]; ok {
		return Errorf(n.Row, "indicator code %q is used twice (first at cell %s)", n.Code, old.Row.Cell)
	}
	parent := t.Root
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		p, ok := t.byKey[key[:i]]
		if !ok {
			return Errorf(n.Row, "indicator %q comes before its parent %q", n.Code, key[:i])
		}
		parent = p
	}
	n.Code = key
	n.Parent = parent
	parent.Children = append(parent.Children, n)
	t.byKey[key] = n
	return nil
}

// Set records a figure typed in the workbook.
func (n *Node) Set(m Measure, v float64, loc Loc) {
	n.q[m] = Quantity{V: v, Known: true, Given: true, Loc: loc}
}

// Unset blanks a typed figure (used to replay a correction); call
// Tree.Recompute afterwards.
func (n *Node) Unset(m Measure) { n.q[m] = Quantity{} }

// Recompute forgets every computed figure and computes them again from
// the typed ones, after figures were set or unset.
func (t *Tree) Recompute() []error {
	var clear func(n *Node)
	clear = func(n *Node) {
		for m := range n.q {
			if !n.q[m].Given {
				n.q[m] = Quantity{}
			}
		}
		for _, c := range n.Children {
			clear(c)
		}
	}
	clear(t.Root)
	return t.Compute()
}

// Get returns a figure as typed or computed.
func (n *Node) Get(m Measure) Quantity { return n.q[m] }

// Compute fills the figures of every parent from its children and returns
// warnings for given figures that disagree with their children's sum. A
// figure is computed when every child knows it; a typed figure is then
// checked against the sum and kept (the workbook wins, the build warns). A
// leaf whose survey part is blank has a survey part of 0 (whether or not
// its maximum is known); a survey-only leaf (survey = maximum) with a blank
// score has scored 0 so far: its result is not yet published. A score above
// the self-assessed maximum (Max − Survey) is a warning where a figure was
// typed.
func (t *Tree) Compute() []error {
	var warns []*Issue
	var walk func(n *Node)
	walk = func(n *Node) {
		for _, c := range n.Children {
			walk(c)
		}
		if len(n.Children) == 0 {
			n.leafDefaults()
		}
		for m := Measure(0); m < numMeasures; m++ {
			if len(n.Children) == 0 {
				break
			}
			sum, all := 0.0, true
			var missing []*Node
			for _, c := range n.Children {
				if !c.q[m].Known {
					all = false
					missing = append(missing, c)
					continue
				}
				sum += c.q[m].V
			}
			if !all {
				// A typed figure over children of which only some are
				// given cannot be checked, and a correction to a given
				// child does not move it: the report would contradict
				// itself without a word. Say so.
				if q := n.q[m]; q.Given && len(missing) < len(n.Children) {
					warns = append(warns, &Issue{Kind: Unverified, Node: n, Measure: m, Found: q.V, Loc: q.Loc, Missing: missing})
				}
				continue
			}
			q := &n.q[m]
			if q.Given {
				if !Near(q.V, sum) {
					warns = append(warns, &Issue{Kind: SumMismatch, Node: n, Measure: m, Found: q.V, Expected: sum, Loc: q.Loc})
				}
				continue
			}
			*q = Quantity{V: sum, Known: true, Loc: n.Row}
		}
		// When all three figures are sums of the children's, an excess
		// here is the excess of a child, already reported there; checking
		// again would repeat one typing mistake at every ancestor up to
		// the total, at rows where nothing was typed.
		mx, sv, sc := n.q[Max], n.q[Survey], n.q[Score]
		typed := mx.Given || sv.Given || sc.Given
		if typed && mx.Known && sv.Known && sc.Known && sc.V > mx.V-sv.V+1e-9 {
			warns = append(warns, &Issue{Kind: OverSelfMax, Node: n, Measure: Score, Found: sc.V, Expected: mx.V - sv.V, Loc: sc.Loc})
		}
	}
	walk(t.Root)
	t.Issues = warns
	out := make([]error, len(warns))
	for i, w := range warns {
		out[i] = w
	}
	return out
}

// IssueKind says what is inconsistent in an indicator tree.
type IssueKind int

const (
	// SumMismatch: a figure typed on a parent differs from its children's sum.
	SumMismatch IssueKind = iota + 1
	// OverSelfMax: a score exceeds the self-assessed maximum (Max − Survey).
	OverSelfMax
	// Unverified: a figure typed on a parent whose children give it only
	// in part, so it cannot be checked and does not follow a correction.
	Unverified
)

// Issue is an inconsistency found by Compute, with the figures involved.
type Issue struct {
	Kind     IssueKind
	Node     *Node
	Measure  Measure
	Found    float64 // the typed figure
	Expected float64 // the children's sum, or the self-assessed maximum
	Loc      Loc
	Missing  []*Node // Unverified: the children without the figure
}

func (i *Issue) Error() string { return i.err().Error() }

// Localize says the issue in lang, with its place.
func (i *Issue) Localize(lang language.Tag) string { return msg.Local(lang, i.err()) }

// Format prints the issue in the language of a msg printer.
func (i *Issue) Format(s fmt.State, verb rune) { msg.Format(s, verb, i) }

func (i *Issue) err() error {
	n := i.Node
	switch i.Kind {
	case SumMismatch:
		return Errorf(i.Loc, "the %s of %s is typed as %s, but its %d children add up to %s; the report uses %s",
			i.Measure, n.Label(), Figure(i.Found), len(n.Children), Figure(i.Expected), Figure(i.Found))
	case OverSelfMax:
		return Errorf(i.Loc, "the %s %s of %s is more than its self-assessed maximum %s (%s %s less %s %s)",
			Score, Figure(i.Found), n.Label(), Figure(i.Expected), Max, Figure(n.q[Max].V), Survey, Figure(n.q[Survey].V))
	case Unverified:
		return &Error{Loc: i.Loc, Err: DescribeUnverified([]*Issue{i})}
	}
	return Errorf(i.Loc, "inconsistent figures in %s", n.Label())
}

// DescribeUnverified is the message for the Unverified issues of one
// node (its typed maximum, score …), without its place.
func DescribeUnverified(issues []*Issue) error {
	n := issues[0].Node
	var figs []any
	var cells []string
	missing := map[string]bool{}
	var codes []string
	for _, is := range issues {
		figs = append(figs, msg.Sprintf("%s %s", is.Measure, Figure(is.Found)))
		cells = append(cells, is.Loc.Cell)
		for _, c := range is.Missing {
			if !missing[c.Code] {
				missing[c.Code] = true
				codes = append(codes, c.Code)
			}
		}
	}
	return msg.Errorf("%s has its %s typed (%s), but of its %d children, %s give none, so the typed figures cannot be checked against them and do not follow a correction to a child; type the children's figures, or clear the typed ones to have them computed",
		n.Label(), List{Items: figs, Sep: msg.Word(" and ")}, cellList(cells), len(n.Children), vnList(codes))
}

// TypedAncestor is the nearest ancestor of n whose figure m is typed
// rather than computed: a change to n does not reach it.
func (n *Node) TypedAncestor(m Measure) *Node {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.q[m].Given {
			return a
		}
	}
	return nil
}

// leafDefaults fills the blanks of a leaf that have a meaning: a blank
// survey part is 0 (survey criteria are marked by their survey points), a
// blank survey score is 0 (not yet published), and a survey-only leaf has
// no self-assessed score.
func (n *Node) leafDefaults() {
	if !n.q[Survey].Known {
		n.q[Survey] = Quantity{V: 0, Known: true, Loc: n.Row}
	}
	if !n.q[SurveyScore].Known {
		n.q[SurveyScore] = Quantity{V: 0, Known: true, Loc: n.Row}
	}
	if n.IsSurvey() && !n.q[Score].Known {
		n.q[Score] = Quantity{V: 0, Known: true, Loc: n.Row}
	}
}

// IsSurvey reports whether the whole node is decided by the survey.
func (n *Node) IsSurvey() bool {
	mx, sv := n.q[Max], n.q[Survey]
	return mx.Known && sv.Known && sv.V > 0 && Near(mx.V, sv.V)
}

// Label names the node in messages: "indicator 6 (Cải cách tài chính
// công)", or "the total", told in the reader's language.
func (n *Node) Label() msg.Text {
	if n.Code == "" {
		return msg.Sprintf("the total")
	}
	return msg.Sprintf("indicator %s (%s)", n.Code, n.Name)
}

// Near reports whether two figures are equal but for floating-point
// noise: sums of decimal scores such as 13,8 + 5,9583 are not exact.
func Near(a, b float64) bool { return math.Abs(a-b) < 1e-9*math.Max(1, math.Abs(a)) }

// Figure writes a number for a message: 12 significant digits, decimal
// comma, no grouping, so that the cell's own figure is recognisable.
func Figure(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'g', 12, 64), ".", ",", 1)
}

func (n *Node) value(m Measure) (float64, error) {
	q := n.q[m]
	if !q.Known {
		return 0, Errorf(n.Row, "%s of %s is not in the workbook and cannot be computed from its children", m, n.Label())
	}
	return q.V, nil
}

// The methods below are what templates call: {{ (node "7.2").Score }}.

// Max is the maximum points, survey part included.
func (n *Node) Max() (float64, error) { return n.value(Max) }

// Survey is the survey (ĐTXHH) part of the maximum.
func (n *Node) Survey() (float64, error) { return n.value(Survey) }

// SelfMax is the self-assessed part of the maximum: Max − Survey.
func (n *Node) SelfMax() (float64, error) {
	mx, err := n.value(Max)
	if err != nil {
		return 0, err
	}
	sv, err := n.value(Survey)
	if err != nil {
		return 0, err
	}
	return mx - sv, nil
}

// Score is the self-assessed points achieved.
func (n *Node) Score() (float64, error) { return n.value(Score) }

// SurveyScore is the survey points achieved so far.
func (n *Node) SurveyScore() (float64, error) { return n.value(SurveyScore) }

// Total is Score + SurveyScore.
func (n *Node) Total() (float64, error) {
	a, err := n.value(Score)
	if err != nil {
		return 0, err
	}
	b, err := n.value(SurveyScore)
	if err != nil {
		return 0, err
	}
	return a + b, nil
}

// Lost is the self-assessed points not achieved: SelfMax − Score.
func (n *Node) Lost() (float64, error) {
	sm, err := n.SelfMax()
	if err != nil {
		return 0, err
	}
	sc, err := n.value(Score)
	if err != nil {
		return 0, err
	}
	return sm - sc, nil
}

// Full reports whether the node achieved its whole self-assessed maximum.
func (n *Node) Full() (bool, error) {
	l, err := n.Lost()
	if err != nil {
		return false, err
	}
	return l < 1e-9, nil
}

// Number is the last component of the code: 3 for "7.3".
func (n *Node) Number() int {
	i := strings.LastIndexByte(n.Code, '.')
	v, _ := strconv.Atoi(n.Code[i+1:])
	return v
}

// Assessed lists the children that are not survey-only.
func (n *Node) Assessed() []*Node {
	var out []*Node
	for _, c := range n.Children {
		if !c.IsSurvey() {
			out = append(out, c)
		}
	}
	return out
}

// Incomplete lists the children that did not achieve their whole
// self-assessed maximum, for "nội dung còn hạn chế" sentences.
func (n *Node) Incomplete() ([]*Node, error) {
	var out []*Node
	for _, c := range n.Children {
		full, err := c.Full()
		if err != nil {
			return nil, err
		}
		if !full {
			out = append(out, c)
		}
	}
	return out, nil
}

// SurveyItems lists the children that are survey-only.
func (n *Node) SurveyItems() []*Node {
	var out []*Node
	for _, c := range n.Children {
		if c.IsSurvey() {
			out = append(out, c)
		}
	}
	return out
}

// String is the node's name, so {{ $node }} prints it.
func (n *Node) String() string { return n.Name }

func cellList(cells []string) msg.Text {
	if len(cells) == 1 {
		return msg.Sprintf("cell %s", cells[0])
	}
	return msg.Sprintf("cells %s", strings.Join(cells, ", "))
}

// vnList joins "1.2", "1.3" and "1.5" as "1.2, 1.3 and 1.5".
func vnList(items []string) msg.Text {
	if len(items) < 2 {
		return msg.Sprintf("%s", strings.Join(items, ""))
	}
	return msg.Sprintf("%s and %s", strings.Join(items[:len(items)-1], ", "), items[len(items)-1])
}
