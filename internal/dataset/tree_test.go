package dataset

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
)

// r is one row of an indicator sheet for these tests: figures are "" for a
// blank cell. Row i of a table sits at sheet row i+2 (row 1 is the
// header); the code is in column A and the figures in C, D, E, F.
type r struct {
	code, name     string
	mx, sv, sc, ss string
}

const file, sheet = "t.xlsx", "CCHC"

func cell(col byte, row int) Loc {
	return Loc{File: file, Sheet: sheet, Cell: fmt.Sprintf("%c%d", col, row)}
}

// build adds the rows to a new tree and computes it; "Tổng" sets the root.
func build(t *testing.T, rows ...r) (*Tree, []error) {
	t.Helper()
	tr := NewTree(sheet, file)
	for i, x := range rows {
		row := i + 2
		n := tr.Root
		if x.code == "Tổng" {
			tr.Root.Row = cell('A', row)
		} else {
			n = &Node{Code: x.code, Name: x.name, Row: cell('A', row)}
			if err := tr.Add(n); err != nil {
				t.Fatalf("Add(%q): %v", x.code, err)
			}
		}
		for m, s := range []string{x.mx, x.sv, x.sc, x.ss} {
			if s == "" {
				continue
			}
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatal(err)
			}
			n.Set(Measure(m), v, cell(byte('C'+m), row))
		}
	}
	return tr, tr.Compute()
}

func node(t *testing.T, tr *Tree, code string) *Node {
	t.Helper()
	n, err := tr.Lookup(code)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func errStrings(errs []error) []string {
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = e.Error()
	}
	return out
}

// want is a node's figures: "-" for unknown (the method returns an error).
type want struct {
	code           string
	mx, sv, sc, ss string
}

func checkFigures(t *testing.T, tr *Tree, ws ...want) {
	t.Helper()
	for _, w := range ws {
		n := node(t, tr, w.code)
		for _, c := range []struct {
			name string
			f    func() (float64, error)
			want string
		}{{"Max", n.Max, w.mx}, {"Survey", n.Survey, w.sv}, {"Score", n.Score, w.sc}, {"SurveyScore", n.SurveyScore, w.ss}} {
			got, err := c.f()
			switch {
			case c.want == "-":
				if err == nil {
					t.Errorf("%q.%s() = %v, want an error (unknown)", w.code, c.name, got)
				}
			case err != nil:
				t.Errorf("%q.%s(): %v", w.code, c.name, err)
			default:
				x, _ := strconv.ParseFloat(c.want, 64)
				if math.Abs(got-x) > 1e-9 {
					t.Errorf("%q.%s() = %v, want %v", w.code, c.name, got, x)
				}
			}
		}
	}
}

func TestComputeTable(t *testing.T) {
	tests := []struct {
		name  string
		rows  []r
		want  []want
		warns []string // each warning, exactly, in order
	}{
		{
			name: "parent computed from children",
			rows: []r{
				{"1", "Lĩnh vực 1", "", "", "", ""},
				{"1.1", "a", "2", "", "1.8", ""},
				{"1.2", "b", "3", "1", "1.5", "0.5"},
				{"1.3", "c", "2", "2", "", ""},
				{"2", "Lĩnh vực 2", "", "", "", ""},
				{"2.1", "d", "4", "", "4", ""},
			},
			want: []want{
				{"1", "7", "3", "3.3", "0.5"},
				{"1.3", "2", "2", "0", "0"},
				{"2", "4", "0", "4", "0"},
				{"", "11", "3", "7.3", "0.5"},
			},
		},
		{
			name: "three levels",
			rows: []r{
				{"7", "CQĐT", "", "", "", ""},
				{"7.1", "nội bộ", "", "", "", ""},
				{"7.1.1", "x", "1.5", "", "0.5", ""},
				{"7.1.2", "y", "3", "", "3", ""},
				{"7.2", "người dân", "", "", "", ""},
				{"7.2.1", "z", "1", "1", "", ""},
			},
			want: []want{{"7.1", "4.5", "0", "3.5", "0"}, {"7", "5.5", "1", "3.5", "0"}, {"", "5.5", "1", "3.5", "0"}},
		},
		{
			name: "given parent disagrees: warning names the cell and both values, typed value kept",
			rows: []r{
				{"1", "Lĩnh vực 1", "10", "", "5", ""},
				{"1.1", "a", "4", "", "2", ""},
				{"1.2", "b", "4", "", "2", ""},
			},
			want: []want{{"1", "10", "0", "5", "0"}},
			warns: []string{
				`t.xlsx, sheet "CCHC", cell C2: the maximum (điểm tối đa) of indicator 1 (Lĩnh vực 1) is typed as 10, but its 2 children add up to 8; the report uses 10`,
				`t.xlsx, sheet "CCHC", cell E2: the score (điểm đạt) of indicator 1 (Lĩnh vực 1) is typed as 5, but its 2 children add up to 4; the report uses 5`,
			},
		},
		{
			name: "given parent agrees within rounding",
			rows: []r{
				{"1", "x", "0.3", "", "0.3", ""},
				{"1.1", "a", "0.1", "", "0.1", ""},
				{"1.2", "b", "0.2", "", "0.2", ""},
			},
			want: []want{{"1", "0.3", "0", "0.3", "0"}},
		},
		{
			name: "total row disagrees",
			rows: []r{
				{"Tổng", "Chỉ số", "100", "", "", ""},
				{"1", "a", "16.5", "", "13.8", ""},
				{"2", "b", "7", "4", "3", ""},
			},
			want:  []want{{"", "100", "4", "16.8", "0"}},
			warns: []string{`t.xlsx, sheet "CCHC", cell C2: the maximum (điểm tối đa) of the total is typed as 100, but its 2 children add up to 23,5; the report uses 100`},
		},
		{
			name: "unknown child: typed parent kept, untyped parent unknown",
			rows: []r{
				{"1", "typed", "16.5", "", "13.8", ""},
				{"1.1", "a", "2", "", "1.8", ""},
				{"1.2", "b", "", "", "", ""},
				{"2", "untyped", "", "", "", ""},
				{"2.1", "c", "", "", "", ""},
			},
			// Survey and SurveyScore of a blank leaf are 0, so they sum.
			want: []want{{"1", "16.5", "0", "13.8", "0"}, {"1.2", "-", "0", "-", "0"}, {"2", "-", "0", "-", "0"}, {"", "-", "0", "-", "0"}},
			// The typed figures of 1 cannot be checked: 1.2 gives none.
			warns: []string{
				`t.xlsx, sheet "CCHC", cell C2: indicator 1 (typed) has its maximum (điểm tối đa) 16,5 typed (cell C2), but of its 2 children, 1.2 give none, so the typed figures cannot be checked against them and do not follow a correction to a child; type the children's figures, or clear the typed ones to have them computed`,
				`t.xlsx, sheet "CCHC", cell E2: indicator 1 (typed) has its score (điểm đạt) 13,8 typed (cell E2), but of its 2 children, 1.2 give none, so the typed figures cannot be checked against them and do not follow a correction to a child; type the children's figures, or clear the typed ones to have them computed`,
			},
		},
		{
			name: "survey-only leaf scores 0 until published",
			rows: []r{
				{"1", "x", "", "", "", ""},
				{"1.1", "survey", "2", "2", "", ""},
				{"1.2", "survey published", "3", "3", "", "2.5"},
			},
			want: []want{{"1.1", "2", "2", "0", "0"}, {"1.2", "3", "3", "0", "2.5"}, {"1", "5", "5", "0", "2.5"}},
		},
		{
			name: "partly-survey leaf keeps a blank score unknown",
			rows: []r{{"1", "x", "3", "1", "", ""}},
			want: []want{{"1", "3", "1", "-", "0"}},
		},
		{
			name: "score above the self-assessed maximum warns once, at the typed cell",
			rows: []r{
				{"1", "Lĩnh vực", "", "", "", ""},
				{"1.1", "a", "4", "1", "3.5", ""},
				{"1.2", "b", "2", "", "2", ""},
			},
			// Indicator 1 and the total (5.5 > 6 − 1) only add up 1.1's
			// excess: it is reported once, at E3, not again at A2 and at
			// the total.
			warns: []string{`t.xlsx, sheet "CCHC", cell E3: the score (điểm đạt) 3,5 of indicator 1.1 (a) is more than its self-assessed maximum 3 (maximum (điểm tối đa) 4 less survey points (điểm ĐTXHH) 1)`},
		},
		{
			name: "score above the self-assessed maximum on a typed parent",
			rows: []r{
				{"6", "Tài chính công", "4", "", "3", ""},
				{"6.1", "a", "", "", "", ""},
				{"6.2", "ĐTXHH", "3", "3", "", ""},
			},
			warns: []string{
				`t.xlsx, sheet "CCHC", cell C2: indicator 6 (Tài chính công) has its maximum (điểm tối đa) 4 typed (cell C2), but of its 2 children, 6.1 give none, so the typed figures cannot be checked against them and do not follow a correction to a child; type the children's figures, or clear the typed ones to have them computed`,
				`t.xlsx, sheet "CCHC", cell E2: indicator 6 (Tài chính công) has its score (điểm đạt) 3 typed (cell E2), but of its 2 children, 6.1 give none, so the typed figures cannot be checked against them and do not follow a correction to a child; type the children's figures, or clear the typed ones to have them computed`,
				`t.xlsx, sheet "CCHC", cell E2: the score (điểm đạt) 3 of indicator 6 (Tài chính công) is more than its self-assessed maximum 1 (maximum (điểm tối đa) 4 less survey points (điểm ĐTXHH) 3)`,
			},
		},
		{
			name: "score on a survey-only leaf warns",
			rows: []r{{"1", "x", "2", "2", "1", ""}},
			warns: []string{
				`t.xlsx, sheet "CCHC", cell E2: the score (điểm đạt) 1 of indicator 1 (x) is more than its self-assessed maximum 0 (maximum (điểm tối đa) 2 less survey points (điểm ĐTXHH) 2)`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, warns := build(t, tt.rows...)
			checkFigures(t, tr, tt.want...)
			got := errStrings(warns)
			if strings.Join(got, "\n") != strings.Join(tt.warns, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.warns, "\n"))
			}
		})
	}
}

func TestAddErrors(t *testing.T) {
	tests := []struct {
		name  string
		codes []string
		err   string // the error of the last Add, exactly
	}{
		{"child before parent", []string{"1", "2.1"}, `t.xlsx, sheet "CCHC", cell A3: indicator "2.1" comes before its parent "2"`},
		{"grandchild before parent", []string{"1", "1.2.1"}, `t.xlsx, sheet "CCHC", cell A3: indicator "1.2.1" comes before its parent "1.2"`},
		{"duplicate code", []string{"1", "1.1", "1.1"}, `t.xlsx, sheet "CCHC", cell A4: indicator code "1.1" is used twice (first at cell A3)`},
		{"duplicate after trailing dot", []string{"1.", "1"}, `t.xlsx, sheet "CCHC", cell A3: indicator code "1" is used twice (first at cell A2)`},
		{"letter", []string{"1", "1.a"}, `t.xlsx, sheet "CCHC", cell A3: indicator code "1.a": expected numbers separated by dots, such as 1, 1.2 or 1.2.3`},
		{"double dot", []string{"1", "1..2"}, `indicator code "1..2": expected numbers`},
		{"plus sign", []string{"+1"}, `indicator code "+1": expected numbers`},
		{"minus sign", []string{"1", "1.-2"}, `indicator code "1.-2": expected numbers`},
		{"empty", []string{" "}, `t.xlsx, sheet "CCHC", cell A2: empty indicator code`},
		{"roman", []string{"I"}, `indicator code "I": expected numbers`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := NewTree(sheet, file)
			var err error
			for i, c := range tt.codes {
				if err != nil {
					t.Fatalf("Add(%q) before the last: %v", tt.codes[i-1], err)
				}
				err = tr.Add(&Node{Code: c, Row: cell('A', i+2)})
			}
			if err == nil {
				t.Fatalf("no error, want %q", tt.err)
			}
			if !strings.Contains(err.Error(), tt.err) {
				t.Errorf("error %q\nwant     %q", err, tt.err)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	tr, _ := build(t, r{"1", "a", "1", "", "1", ""}, r{"1.1.", "b", "1", "", "1", ""})
	for _, c := range []string{"", " ", "."} {
		if n, err := tr.Lookup(c); err != nil || n != tr.Root {
			t.Errorf("Lookup(%q) = %v, %v; want the root", c, n, err)
		}
	}
	for _, c := range []string{"1.1", "1.1.", " 1.1 "} {
		if n, err := tr.Lookup(c); err != nil || n.Code != "1.1" || n.Parent.Code != "1" {
			t.Errorf("Lookup(%q) = %v, %v", c, n, err)
		}
	}
	if _, err := tr.Lookup("9"); err == nil || err.Error() != `sheet "CCHC" has no indicator with code "9"` {
		t.Errorf("Lookup(9): %v", err)
	}
	if tr.Root.Name != "Tổng" || tr.Root.String() != "Tổng" || tr.Root.Code != "" {
		t.Errorf("root = %+v", tr.Root)
	}
}

func TestNodeMethods(t *testing.T) {
	tr, warns := build(t,
		r{"5", "Công vụ", "", "", "", ""},
		r{"5.1", "full", "2", "", "2", ""},
		r{"5.2", "partial", "3", "1", "1.5", ""},
		r{"5.3", "survey", "8", "8", "", "6.5"},
		r{"5.10", "none", "1", "", "0", ""},
	)
	if len(warns) != 0 {
		t.Fatalf("warnings: %v", warns)
	}
	five := node(t, tr, "5")
	type figs struct{ mx, sv, self, sc, ss, total, lost float64 }
	got := func(n *Node) (f figs, full bool) {
		t.Helper()
		var err error
		check := func(x float64, e error) float64 {
			if e != nil && err == nil {
				err = e
			}
			return x
		}
		f = figs{check(n.Max()), check(n.Survey()), check(n.SelfMax()), check(n.Score()), check(n.SurveyScore()), check(n.Total()), check(n.Lost())}
		full, e := n.Full()
		check(0, e)
		if err != nil {
			t.Fatalf("%s: %v", n.Code, err)
		}
		return f, full
	}
	tests := []struct {
		code   string
		figs   figs
		full   bool
		number int
	}{
		{"5", figs{14, 9, 5, 3.5, 6.5, 10, 1.5}, false, 5},
		{"5.1", figs{2, 0, 2, 2, 0, 2, 0}, true, 1},
		{"5.2", figs{3, 1, 2, 1.5, 0, 1.5, 0.5}, false, 2},
		{"5.3", figs{8, 8, 0, 0, 6.5, 6.5, 0}, true, 3},
		{"5.10", figs{1, 0, 1, 0, 0, 0, 1}, false, 10},
		{"", figs{14, 9, 5, 3.5, 6.5, 10, 1.5}, false, 0},
	}
	for _, tt := range tests {
		n := node(t, tr, tt.code)
		f, full := got(n)
		if f != tt.figs || full != tt.full {
			t.Errorf("%q: figures %+v full %v, want %+v full %v", tt.code, f, full, tt.figs, tt.full)
		}
		if n.Number() != tt.number {
			t.Errorf("%q.Number() = %d, want %d", tt.code, n.Number(), tt.number)
		}
	}
	codes := func(ns []*Node) string {
		var s []string
		for _, n := range ns {
			s = append(s, n.Code)
		}
		return strings.Join(s, ",")
	}
	if got := codes(five.Assessed()); got != "5.1,5.2,5.10" {
		t.Errorf("Assessed() = %s", got)
	}
	if got := codes(five.SurveyItems()); got != "5.3" {
		t.Errorf("SurveyItems() = %s", got)
	}
	inc, err := five.Incomplete()
	if err != nil || codes(inc) != "5.2,5.10" {
		t.Errorf("Incomplete() = %s, %v", codes(inc), err)
	}
	if !node(t, tr, "5.3").IsSurvey() || node(t, tr, "5.2").IsSurvey() {
		t.Error("IsSurvey")
	}
	if q := node(t, tr, "5").Get(Max); !q.Known || q.Given || q.Loc != cell('A', 2) {
		t.Errorf("computed quantity = %+v; want known, not given, at the row's code cell", q)
	}
	if q := node(t, tr, "5.1").Get(Max); !q.Known || !q.Given || q.Loc != cell('C', 3) {
		t.Errorf("typed quantity = %+v; want given at C3", q)
	}
	if Score.String() != "score (điểm đạt)" {
		t.Errorf("Score.String() = %q", Score.String())
	}
}

func TestMethodsOnUnknown(t *testing.T) {
	tr, _ := build(t, r{"1", "a", "", "", "", ""}, r{"1.1", "b", "", "", "", ""})
	n := node(t, tr, "1")
	want := `t.xlsx, sheet "CCHC", cell A2: maximum (điểm tối đa) of indicator 1 (a) is not in the workbook and cannot be computed from its children`
	for name, f := range map[string]func() (float64, error){"Max": n.Max, "SelfMax": n.SelfMax, "Lost": n.Lost} {
		if _, err := f(); err == nil || err.Error() != want {
			t.Errorf("%s(): %v\nwant %s", name, err, want)
		}
	}
	for name, f := range map[string]func() (float64, error){"Score": n.Score, "Total": n.Total} {
		if _, err := f(); err == nil || !strings.Contains(err.Error(), "score (điểm đạt) of indicator 1 (a) is not in the workbook") {
			t.Errorf("%s(): %v", name, err)
		}
	}
	if _, err := n.Full(); err == nil {
		t.Error("Full(): no error")
	}
	if _, err := tr.Root.Incomplete(); err == nil {
		t.Error("Incomplete(): no error")
	}
	if _, err := tr.Root.Max(); err == nil || !strings.Contains(err.Error(), "of the total is not in the workbook") {
		t.Errorf("root Max(): %v", err)
	}
}
