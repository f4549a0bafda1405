// Package check runs the data checks a template declares in kiem-tra.yaml
// beside its report.md, on a dataset, before a word is written. Each
// finding names the sheet and cell and gives the expected and the found
// figure. Errors stop a build; warnings are printed and the build goes on.
//
// The kinds of check (loai):
//
//	diem           every indicator: 0 ≤ score ≤ maximum (error), and score ≤
//	               maximum − survey points (warning by default)
//	tong-chi-so    every figure typed on an indicator equals its children's sum
//	tong           in a table, per row: cot = the sum of thanh_phan
//	ty-le          in a table, per row: cot = tu / mau × 100, to chu_so decimals
//	lien-ky        in a table of periods: cuoi_ky of a row = dau_ky of the next
//	so-sanh        any two figures: trai phep phai (thực hiện <= kế hoạch; a
//	               fact = a table's total), across sheets
//
// A template without kiem-tra.yaml gets diem and tong-chi-so.
package check

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"baocao/internal/dataset"
	"baocao/internal/figures"
	"baocao/internal/msg"
	"baocao/internal/yamllist"
)

// FileName is the checks file inside a template folder.
const FileName = "kiem-tra.yaml"

// Severity of a finding.
type Severity int

const (
	Warning Severity = iota + 1
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// MarshalText writes the severity in JSON output.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Check is one declared check.
type Check struct {
	Name   string   `yaml:"ten"`
	Kind   string   `yaml:"loai"`
	Level  string   `yaml:"muc"` // loi | canh-bao; empty: the kind's default
	Sheet  string   `yaml:"bang"`
	Column string   `yaml:"cot"`
	Parts  []string `yaml:"thanh_phan"`
	Num    string   `yaml:"tu"`
	Den    string   `yaml:"mau"`
	Digits *int     `yaml:"chu_so"`
	End    string   `yaml:"cuoi_ky"`
	Start  string   `yaml:"dau_ky"`
	// so-sanh: trai phep phai, two expressions of package figures
	// (facts, chỉ tiêu, table totals) compared with = <> < > <= >=.
	Left  string `yaml:"trai"`
	Op    string `yaml:"phep"`
	Right string `yaml:"phai"`
	left  *figures.Expr
	right *figures.Expr
	line  int
	file  string
}

// Finding is one failed check.
type Finding struct {
	Severity Severity    `json:"severity"`
	Check    string      `json:"check"`
	Loc      dataset.Loc `json:"-"`
	File     string      `json:"file"`
	Sheet    string      `json:"sheet,omitempty"`
	Cell     string      `json:"cell,omitempty"`
	// Message is the finding in English, or in the language of In.
	Message string `json:"message"`
	// Expected and Found are the expected and the found figure or value,
	// in English or in the language of In.
	Expected string `json:"expected,omitempty"`
	Found    string `json:"found,omitempty"`
	// Text is Message as it can be told in another language (a msg.Text,
	// or the error the finding reports); nil for a Message alone.
	Text msg.Localizer `json:"-"`
	// ExpectedText and FoundText are Expected and Found as they can be
	// told in another language ("a number", "an empty cell"); nil for a
	// figure, which reads the same in every language.
	ExpectedText msg.Localizer `json:"-"`
	FoundText    msg.Localizer `json:"-"`
}

func (f Finding) String() string { return f.Localize(msg.English) }

// Localize says the whole finding in lang: where, what, and the expected
// and found figures.
func (f Finding) Localize(lang language.Tag) string {
	loc := f.Loc
	if loc.File == "" {
		loc.File = f.File
	}
	s := loc.Localize(lang) + ": " + f.message(lang)
	if f.Expected != "" || f.Found != "" {
		s += msg.Sprintf(" (expected %s, found %s)", local(lang, f.ExpectedText, f.Expected), local(lang, f.FoundText, f.Found)).Localize(lang)
	}
	return s
}

// local is l in lang, or s when l is nil.
func local(lang language.Tag, l msg.Localizer, s string) string {
	if l == nil {
		return s
	}
	return l.Localize(lang)
}

// Format prints the finding in the language of a msg printer.
func (f Finding) Format(s fmt.State, verb rune) { msg.Format(s, verb, f) }

// In is the finding with its Message, Expected and Found in lang, for a
// JSON answer.
func (f Finding) In(lang language.Tag) Finding {
	f.Message = f.message(lang)
	f.Expected = local(lang, f.ExpectedText, f.Expected)
	f.Found = local(lang, f.FoundText, f.Found)
	return f
}

func (f Finding) message(lang language.Tag) string {
	if f.Text != nil {
		return f.Text.Localize(lang)
	}
	return f.Message
}

// Defaults are the checks of a template without kiem-tra.yaml.
var Defaults = []Check{{Kind: "diem"}, {Kind: "tong-chi-so"}}

var kinds = map[string]Severity{"diem": Error, "tong-chi-so": Warning, "tong": Error, "ty-le": Error, "lien-ky": Warning, "so-sanh": Error}

// Load reads dir/kiem-tra.yaml from disk; a missing file gives Defaults.
func Load(dir string) ([]Check, error) {
	return LoadFS(os.DirFS(dir), ".", filepath.Join(dir, FileName))
}

// LoadFS reads dir/kiem-tra.yaml from fsys; name is used in messages.
func LoadFS(fsys fs.FS, dir, name string) ([]Check, error) {
	src, found, err := yamllist.ReadFS(fsys, dir, FileName)
	if err != nil || !found {
		return Defaults, err
	}
	return Parse(name, src)
}

// Parse reads a checks file.
func Parse(name string, src []byte) ([]Check, error) {
	return yamllist.Decode(name, src, msg.Word(`checks, each starting with "- loai: …"`), func(c *Check, line int) error {
		c.line, c.file = line, name
		return c.validate()
	})
}

// errorf's format is a key of the msg catalogue.
func (c *Check) errorf(format string, args ...any) error {
	return msg.Errorf("%s:%d: check %s: %s", c.file, c.line, c.Kind, msg.Sprintf(format, args...))
}

func (c *Check) validate() error {
	if _, ok := kinds[c.Kind]; !ok {
		names := make([]string, 0, len(kinds))
		for k := range kinds {
			names = append(names, k)
		}
		sort.Strings(names)
		return c.errorf("unknown kind; expected one of %s", strings.Join(names, ", "))
	}
	switch c.Level {
	case "", "loi", "canh-bao":
	default:
		return c.errorf("muc %q: expected loi or canh-bao", c.Level)
	}
	need := func(fields ...string) error {
		for i := 0; i < len(fields); i += 2 {
			if strings.TrimSpace(fields[i+1]) == "" {
				return c.errorf("needs %s", fields[i])
			}
		}
		return nil
	}
	switch c.Kind {
	case "so-sanh":
		if err := need("trai", c.Left, "phep", c.Op, "phai", c.Right); err != nil {
			return err
		}
		switch c.Op {
		case "=", "<>", "<", ">", "<=", ">=":
		default:
			return c.errorf("phep %q: expected =, <>, <, >, <= or >=", c.Op)
		}
		var err error
		if c.left, err = figures.Parse(c.Left); err != nil {
			return c.errorf("trai: %v", err)
		}
		if c.right, err = figures.Parse(c.Right); err != nil {
			return c.errorf("phai: %v", err)
		}
		return nil
	case "tong":
		if len(c.Parts) == 0 {
			return c.errorf("needs thanh_phan (the columns that add up to cot)")
		}
		return need("bang", c.Sheet, "cot", c.Column)
	case "ty-le":
		return need("bang", c.Sheet, "cot", c.Column, "tu", c.Num, "mau", c.Den)
	case "lien-ky":
		return need("bang", c.Sheet, "cuoi_ky", c.End, "dau_ky", c.Start)
	}
	return nil
}

func (c *Check) severity() Severity {
	switch c.Level {
	case "loi":
		return Error
	case "canh-bao":
		return Warning
	}
	return kinds[c.Kind]
}

func (c *Check) label() string {
	if c.Name != "" {
		return c.Name
	}
	return c.Kind
}

// Run evaluates the checks on ds. A check that cannot run (a table or a
// column that is not in the workbook) is itself an error finding.
func Run(checks []Check, ds *dataset.Dataset) []Finding {
	var out []Finding
	for i := range checks {
		c := &checks[i]
		out = append(out, c.run(ds)...)
	}
	return out
}

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

// finding's format is a key of the msg catalogue.
func (c *Check) finding(sev Severity, loc dataset.Loc, expected, found any, format string, args ...any) Finding {
	return NewFinding(sev, c.label(), loc, expected, found, msg.Sprintf(format, args...))
}

// NewFinding is a finding of check at loc whose message is text; expected
// and found are figures (strings) or words told in the reader's language
// (msg.Localizers such as msg.Word("a number")), or nil.
func NewFinding(sev Severity, check string, loc dataset.Loc, expected, found any, text msg.Localizer) Finding {
	f := Finding{Severity: sev, Check: check, Loc: loc, File: loc.File, Sheet: loc.Sheet, Cell: loc.Cell,
		Message: text.Localize(msg.English), Text: text}
	f.Expected, f.ExpectedText = value(expected)
	f.Found, f.FoundText = value(found)
	return f
}

// value is an expected or found value in English, and as a Localizer
// when it is one.
func value(v any) (string, msg.Localizer) {
	switch x := v.(type) {
	case nil:
		return "", nil
	case string:
		return x, nil
	case msg.Localizer:
		return x.Localize(msg.English), x
	}
	return msg.Local(msg.English, v), nil
}

func (c *Check) broken(ds *dataset.Dataset, err error) []Finding {
	loc := dataset.Loc{File: ds.Source}
	var de *dataset.Error
	if errors.As(err, &de) {
		loc = de.Loc
	}
	return []Finding{c.finding(Error, loc, "", "", "check %q (%s:%d) cannot run: %v", c.label(), c.file, c.line, err)}
}

func (c *Check) run(ds *dataset.Dataset) []Finding {
	switch c.Kind {
	case "diem":
		return c.scores(ds)
	case "tong-chi-so":
		return c.treeSums(ds)
	case "so-sanh":
		return c.compare(ds)
	}
	t, err := ds.Table(c.Sheet)
	if err != nil {
		return c.broken(ds, err)
	}
	switch c.Kind {
	case "tong":
		return c.rowSums(ds, t)
	case "ty-le":
		return c.ratios(ds, t)
	case "lien-ky":
		return c.continuity(ds, t)
	}
	return nil
}

func trees(ds *dataset.Dataset) []*dataset.Tree {
	names := make([]string, 0, len(ds.Trees))
	for n := range ds.Trees {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make([]*dataset.Tree, len(names))
	for i, n := range names {
		out[i] = ds.Trees[n]
	}
	return out
}

func walk(n *dataset.Node, f func(*dataset.Node)) {
	f(n)
	for _, c := range n.Children {
		walk(c, f)
	}
}

func (c *Check) scores(ds *dataset.Dataset) []Finding {
	var out []Finding
	for _, t := range trees(ds) {
		over := map[*dataset.Node]bool{}
		walk(t.Root, func(n *dataset.Node) {
			sc, mx := n.Get(dataset.Score), n.Get(dataset.Max)
			if sc.Given && mx.Known && sc.V > mx.V+1e-9 {
				over[n] = true
				out = append(out, c.finding(c.severity(), sc.Loc, "≤ "+dataset.Figure(mx.V), dataset.Figure(sc.V),
					"the score of indicator %s (%s) is more than its maximum", n.Code, n.Name))
			}
		})
		for _, is := range t.Issues {
			if is.Kind == dataset.OverSelfMax && !over[is.Node] {
				sev := Warning
				if c.Level == "loi" {
					sev = Error
				}
				out = append(out, c.finding(sev, is.Loc, "≤ "+dataset.Figure(is.Expected), dataset.Figure(is.Found),
					"the score of %s is more than its self-assessed maximum (maximum %s less survey points %s)",
					is.Node.Label(), dataset.Figure(is.Node.Get(dataset.Max).V), dataset.Figure(is.Node.Get(dataset.Survey).V)))
			}
		}
	}
	return out
}

func (c *Check) treeSums(ds *dataset.Dataset) []Finding {
	var out []Finding
	for _, t := range trees(ds) {
		// One finding per indicator for its unverifiable figures: a
		// field whose maximum and score are both typed over the same
		// blank children is one thing to fix, not two.
		unverified := map[*dataset.Node][]*dataset.Issue{}
		var order []*dataset.Node
		for _, is := range t.Issues {
			switch is.Kind {
			case dataset.SumMismatch:
				out = append(out, c.finding(c.severity(), is.Loc, dataset.Figure(is.Expected), dataset.Figure(is.Found),
					"the %s of %s is typed, and its %d children add up to something else; the report uses the typed figure",
					is.Measure, is.Node.Label(), len(is.Node.Children)))
			case dataset.Unverified:
				if len(unverified[is.Node]) == 0 {
					order = append(order, is.Node)
				}
				unverified[is.Node] = append(unverified[is.Node], is)
			}
		}
		for _, n := range order {
			out = append(out, c.finding(c.severity(), unverified[n][0].Loc, "", "", "%v", dataset.DescribeUnverified(unverified[n])))
		}
	}
	return out
}

// cellNum reads a row's column with its cell (for the finding's place); a
// blank cell is 0 when blankZero, an error otherwise.
func cellNum(r *dataset.Row, col string, blankZero bool) (float64, dataset.Value, error) {
	v, err := r.Get(col)
	if err != nil {
		return 0, v, err
	}
	if blankZero {
		x, err := r.NumOrZero(col)
		return x, v, err
	}
	x, err := v.Float()
	return x, v, err
}

func (c *Check) rowSums(ds *dataset.Dataset, t *dataset.Table) []Finding {
	var out []Finding
	for _, r := range t.Rows {
		total, tv, err := cellNum(r, c.Column, false)
		if err != nil {
			return append(out, c.broken(ds, err)...)
		}
		sum := 0.0
		for _, p := range c.Parts {
			x, _, err := cellNum(r, p, true)
			if err != nil {
				return append(out, c.broken(ds, err)...)
			}
			sum += x
		}
		if !dataset.Near(total, sum) {
			out = append(out, c.finding(c.severity(), tv.Loc, dataset.Figure(sum), dataset.Figure(total),
				"%s of %s is not the sum of %s", c.Column, r.Key, strings.Join(c.Parts, " + ")))
		}
	}
	return out
}

func (c *Check) ratios(ds *dataset.Dataset, t *dataset.Table) []Finding {
	digits := 2
	if c.Digits != nil {
		digits = *c.Digits
	}
	var out []Finding
	for _, r := range t.Rows {
		got, gv, err := cellNum(r, c.Column, false)
		if err != nil {
			return append(out, c.broken(ds, err)...)
		}
		a, _, err := cellNum(r, c.Num, true)
		if err != nil {
			return append(out, c.broken(ds, err)...)
		}
		b, _, err := cellNum(r, c.Den, false)
		if err != nil {
			return append(out, c.broken(ds, err)...)
		}
		if b == 0 {
			out = append(out, c.finding(c.severity(), gv.Loc, "", "", "%s of %s: %s is 0, so the rate cannot be checked", c.Column, r.Key, c.Den))
			continue
		}
		want := a / b * 100
		scale := math.Pow(10, float64(digits))
		if math.Abs(got-want) > 0.5/scale+1e-9 {
			out = append(out, c.finding(c.severity(), gv.Loc, strings.Replace(strconv.FormatFloat(math.Round(want*scale)/scale, 'f', digits, 64), ".", ",", 1), dataset.Figure(got),
				"%s of %s is not %s / %s × 100", c.Column, r.Key, c.Num, c.Den))
		}
	}
	return out
}

func (c *Check) continuity(ds *dataset.Dataset, t *dataset.Table) []Finding {
	var out []Finding
	for i := 0; i+1 < len(t.Rows); i++ {
		prev, next := t.Rows[i], t.Rows[i+1]
		end, ev, err := cellNum(prev, c.End, true)
		if err != nil {
			return append(out, c.broken(ds, err)...)
		}
		start, sv, err := cellNum(next, c.Start, true)
		if err != nil {
			return append(out, c.broken(ds, err)...)
		}
		if !dataset.Near(end, start) {
			loc := sv.Loc
			if loc.Cell == "" {
				loc = ev.Loc
			}
			out = append(out, c.finding(c.severity(), loc, dataset.Figure(end), dataset.Figure(start),
				"%s of %s should carry on %s of %s", c.Start, next.Key, c.End, prev.Key))
		}
	}
	return out
}

// compare runs a so-sanh check: both sides evaluated over the dataset
// (facts, chỉ tiêu, table totals by kind), compared with phep.
func (c *Check) compare(ds *dataset.Dataset) []Finding {
	env := figures.Of(ds)
	l, err := c.left.Eval(env)
	if err != nil {
		return c.broken(ds, err)
	}
	r, err := c.right.Eval(env)
	if err != nil {
		return c.broken(ds, err)
	}
	if figures.Compare(c.Op, l, r) {
		return nil
	}
	return []Finding{c.finding(c.severity(), dataset.Loc{File: ds.Source}, c.Op+" "+dataset.Figure(r), dataset.Figure(l),
		"%s (%s) is not %s %s (%s)", c.Left, dataset.Figure(l), c.Op, c.Right, dataset.Figure(r))}
}
