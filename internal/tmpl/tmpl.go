// Package tmpl loads a report template and fills it from a dataset.
//
// A template is a folder holding report.md: a YAML front-matter block for
// the fixed parts of the document (agency, số, place, date, trích yếu,
// Nơi nhận, signer, numbering, sizes) followed by the body in Markdown.
// Front-matter values and the body may hold Go text/template actions over
// the dataset ({{ fact "so_van_ban" }}, {{ with node "2" }}…{{ end }}) and
// the Vietnamese formatting functions listed in Funcs. Execution yields the
// front matter with every action replaced, and the body as plain Markdown
// for the markdown reader; errors name the template file and line.
package tmpl

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	pathpkg "path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"text/template"

	"go.yaml.in/yaml/v3"

	"baocao/internal/dataset"
	"baocao/internal/docmodel"
	"baocao/internal/freelist"
	"baocao/internal/markdown"
	"baocao/internal/msg"
	"baocao/internal/vnfmt"
	"baocao/internal/yamllist"
)

// FileName is the template's main file inside its folder.
const FileName = "report.md"

// Template is a loaded, parsed template folder.
type Template struct {
	Dir       string
	path      string // Dir/report.md, for messages
	front     yaml.Node
	frontLine int // line of the first front-matter line in the file
	body      string
	bodyLine  int
	source    []byte
	// Limits bound each filling; DefaultLimits unless changed.
	Limits Limits
	// parsed holds the parse of each text of the template (see
	// newTemplate); a pointer, so that a copy of the Template shares it.
	parsed *parseCache
}

// parseCache keeps the parse of the body and of each front-matter value
// with an action, by first line and text: a batch fills one template once
// per unit, and parsing again every time was a sixth of a filling. Each
// filling makes its own templates over the parse trees and binds its own
// functions to them; the trees themselves are only read, so fillings may
// run at once.
type parseCache struct {
	mu sync.Mutex
	m  map[parseKey]parseResult
}

type parseKey struct {
	first int
	text  string
}

type parseResult struct {
	t   *template.Template
	err error
	// names are the functions the text may call (see callable).
	names []string
}

// Source is the bytes of report.md, for hashing.
func (t *Template) Source() []byte { return t.source }

// Load reads and checks the template in the folder dir.
func Load(dir string) (*Template, error) {
	path := filepath.Join(dir, FileName)
	src, err := readPath(path, DefaultLimits.Size)
	if err != nil {
		return nil, msg.Errorf("template %s: %w", dir, err)
	}
	return Parse(path, src)
}

// LoadFS reads a template folder from fsys (the built-in templates).
func LoadFS(fsys fs.FS, dir string) (*Template, error) {
	path := pathpkg.Join(dir, FileName)
	src, err := ReadFile(fsys, path, DefaultLimits.Size)
	if err != nil {
		return nil, msg.Errorf("template %s: %w", dir, err)
	}
	return Parse(path, src)
}

// Parse reads a template from its source; path is used in messages.
func Parse(path string, src []byte) (*Template, error) {
	t := &Template{Dir: filepath.Dir(path), path: path, source: src, Limits: DefaultLimits, parsed: &parseCache{m: map[parseKey]parseResult{}}}
	if int64(len(src)) > t.Limits.Size {
		return nil, sizeError(path, int64(len(src)), t.Limits.Size)
	}
	text := strings.ReplaceAll(vnfmt.NFC(string(src)), "\r\n", "\n")
	text = strings.TrimPrefix(text, "\ufeff")
	if !strings.HasPrefix(text, "---\n") {
		return nil, msg.Errorf("%s:1: expected the front matter to start with a line \"---\"", path)
	}
	rest := text[4:]
	end := strings.Index(rest, "\n---\n")
	if end < 0 {
		if strings.HasSuffix(rest, "\n---") {
			end = len(rest) - 4
		} else {
			return nil, msg.Errorf("%s:1: the front matter has no closing line \"---\"", path)
		}
	}
	front := rest[:end+1]
	t.frontLine = 2
	t.bodyLine = 2 + strings.Count(front, "\n") + 1
	if end+5 <= len(rest) {
		t.body = rest[end+5:]
	}
	if err := yaml.Unmarshal([]byte(front), &t.front); err != nil {
		return nil, msg.Errorf("%s: front matter: %w", path, shiftYAMLError(err, t.frontLine-1))
	}
	if len(t.front.Content) == 0 || t.front.Content[0].Kind != yaml.MappingNode {
		return nil, msg.Errorf("%s:%d: the front matter must be a list of \"key: value\" lines", path, t.frontLine)
	}
	// Parse the body now so that a syntax error shows before any data is read.
	if _, err := t.newTemplate(t.path, t.bodyLine, t.body, nil); err != nil {
		return nil, err
	}
	t.preparse(t.front.Content[0])
	return t, nil
}

// preparse fills the parse cache with the front matter's texts that expand
// fills, so that a build parses them here, while the workbook is being read
// on the other core, rather than while it fills them. An error is kept in
// the cache and said by Execute, where it always was.
func (t *Template) preparse(n *yaml.Node) {
	switch n.Kind {
	case yaml.ScalarNode:
		if strings.Contains(n.Value, "{{") {
			t.parse(t.path, t.frontLine-1+n.Line, n.Value)
		}
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			t.preparse(n.Content[i])
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			t.preparse(c)
		}
	}
}

// shiftYAMLError moves "line N" in a yaml error message by offset lines,
// so it points into report.md rather than into the front-matter block.
func shiftYAMLError(err error, offset int) error {
	var te *yaml.TypeError
	text := err.Error()
	if errors.As(err, &te) {
		text = strings.Join(te.Errors, "; ")
	}
	var out strings.Builder
	for {
		i := strings.Index(text, "line ")
		if i < 0 {
			out.WriteString(text)
			break
		}
		j := i + 5
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		out.WriteString(text[:i+5])
		n := 0
		fmt.Sscanf(text[i+5:j], "%d", &n)
		fmt.Fprintf(&out, "%d", n+offset)
		text = text[j:]
	}
	return yamllist.Explain(errors.New(out.String()))
}

// newTemplate is text, which starts at line first of the file, parsed
// with the functions funcs bound (those of one filling; nil for a parse
// that only checks the syntax). The parse is cached (parseCache): the
// template returned for a filling is a new one over the cached parse
// trees, so binding funcs leaves the cached one as it was.
//
// It binds only the functions the text can call (parseResult.names):
// cloning the parse and binding all fifty, for each of the front
// matter's values, was a tenth of a filling (two maps of every function
// copied, then filled again through reflect).
func (t *Template) newTemplate(name string, first int, text string, funcs template.FuncMap) (*template.Template, error) {
	r := t.parse(name, first, text)
	if r.err != nil || funcs == nil {
		return r.t, r.err
	}
	c := template.New(r.t.Name()).Option("missingkey=error")
	bound := make(template.FuncMap, len(r.names))
	for _, n := range r.names {
		bound[n] = funcs[n]
	}
	c.Funcs(bound)
	for _, tt := range r.t.Templates() {
		if _, err := c.AddParseTree(tt.Name(), tt.Tree); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, first, err)
		}
	}
	return c, nil
}

// parse parses text once per template; leading newlines keep
// text/template's line numbers equal to the file's.
func (t *Template) parse(name string, first int, text string) parseResult {
	k := parseKey{first, text}
	if t.parsed != nil {
		t.parsed.mu.Lock()
		r, ok := t.parsed.m[k]
		t.parsed.mu.Unlock()
		if ok {
			return r
		}
	}
	tt := template.New(name).Option("missingkey=error").Funcs(parseFuncs())
	pad := strings.Repeat("\n", max(first-1, 0))
	parsed, err := tt.Parse(pad + text)
	var r parseResult
	if err != nil {
		r.err = parseError(name, strings.TrimPrefix(err.Error(), "template: "))
	} else {
		instrument(parsed)
		r.t, r.names = parsed, callable(text)
	}
	if t.parsed != nil {
		t.parsed.mu.Lock()
		t.parsed.m[k] = r
		t.parsed.mu.Unlock()
	}
	return r
}

// callable are the functions text may call: the words of its actions
// that name one (a superset of those it calls, which is all binding
// needs, found without walking every kind of parse node), and the two
// that instrument adds to every parse. One pass over the actions, quoted
// strings and comments skipped as text/template's lexer skips them (a
// "}}" inside them does not end the action): asking strings.Contains for
// each of the fifty names read Thạch An's 90 kB body fifty times, a
// millisecond of its parse, and reading every word of the text took as
// long.
func callable(text string) []string {
	names := []string{stepFunc, rangeFunc}
	known := funcSet()
	var seen map[string]bool
	for {
		open := strings.Index(text, "{{")
		if open < 0 {
			return names
		}
		text = text[open+2:]
		// A comment, {{/* … */}} or {{- /* … */ -}}, names nothing.
		if c := strings.TrimLeft(strings.TrimPrefix(text, "-"), " \t\r\n"); strings.HasPrefix(c, "/*") {
			end := strings.Index(c, "*/")
			if end < 0 {
				return names
			}
			text = c[end+2:]
			continue
		}
		i := 0
	action:
		for i < len(text) {
			switch c := text[i]; {
			case c == '"' || c == '\'' || c == '`':
				i = endQuote(text, i)
			case c == '}' && strings.HasPrefix(text[i:], "}}"):
				i += 2
				break action
			case wordByte(c):
				j := i + 1
				for j < len(text) && wordByte(text[j]) {
					j++
				}
				if w := text[i:j]; known[w] && !seen[w] {
					if seen == nil {
						seen = map[string]bool{}
					}
					seen[w] = true
					names = append(names, w)
				}
				i = j
			default:
				i++
			}
		}
		text = text[i:]
	}
}

// endQuote is the index just past the string ("…", `…`) or character
// ('…') that starts at text[i]; a parsed template closes every one.
func endQuote(text string, i int) int {
	q := text[i]
	for j := i + 1; j < len(text); j++ {
		switch text[j] {
		case '\\':
			if q != '`' {
				j++
			}
		case q:
			return j + 1
		}
	}
	return len(text)
}

// wordByte reports whether b can be part of a function's name (all are
// ASCII): an identifier of an action is a run of such bytes between
// others, so splitting there finds every name it uses.
func wordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// parseFuncs is the function map a parse checks names against: Funcs
// without a dataset, made once (text/template copies it, and only a
// filling calls the functions, bound anew by newTemplate).
var parseFuncs = sync.OnceValue(func() template.FuncMap { return Funcs(nil) })

// funcSet are the names of Funcs but the two instrument adds.
var funcSet = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for n := range parseFuncs() {
		if n != stepFunc && n != rangeFunc {
			set[n] = true
		}
	}
	return set
})

// root is the data root of a template, {{ . }} outside any with or range:
// it holds nothing, so that data is reached only through the functions,
// which hand out views.
type dataRoot struct{}

func (dataRoot) String() string { return "" }

// Result is a template filled from a dataset.
type Result struct {
	Front    Front
	Markdown []byte
	// BodyLine is the file line where Markdown starts, for messages.
	BodyLine int
	// Cells are, by front-matter key (and by dotted key inside a block,
	// "ky.anh_dau"), the cells whose facts and table cells its value printed, so that a value the report cannot use
	// (so: "abc") is reported at its cell.
	Cells map[string][]dataset.Loc
	Path  string
	// Sources are the sources of the figures the body printed, for
	// markdown.Read (Options.Sources): the source marks in Markdown index
	// them (see Figure).
	Sources []docmodel.Source
}

// Execute fills the template from ds.
//
// Data text prints as Markdown literals (see Text): Result.Markdown holds
// them for markdown.Read to resolve, while the front matter is resolved
// here. Filling stops with a *LimitError when it exceeds t.Limits.
func (t *Template) Execute(ds *dataset.Dataset) (*Result, error) {
	b := newBudget(t.Limits)
	funcs := funcs(ds, b)
	root := cloneNode(t.front.Content[0])
	cells := map[string][]dataset.Loc{}
	b.keyCells = map[string][]dataset.Loc{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		b.cells = nil
		if err := t.expand(root.Content[i+1], root.Content[i].Value, funcs, b, ds); err != nil {
			return nil, err
		}
		if len(b.cells) > 0 {
			cells[root.Content[i].Value] = b.cells
		}
	}
	for k, locs := range b.keyCells {
		if _, ok := cells[k]; !ok {
			cells[k] = locs
		}
	}
	var front Front
	if err := root.Decode(&front); err != nil {
		return nil, msg.Errorf("%s: front matter: %w", t.path, shiftYAMLError(err, t.frontLine-1))
	}
	if err := front.check(root, t.path, t.frontLine-1); err != nil {
		return nil, err
	}
	// A template of this filling over the cached parse tree (newTemplate):
	// it has its own function maps, so binding them leaves the parse to
	// other fillings, even concurrent ones.
	body, err := t.newTemplate(t.path, t.bodyLine, t.body, funcs)
	if err != nil {
		return nil, err
	}
	buf := bytes.NewBuffer(bodyBufs.Get())
	b.output -= int64(t.bodyLine - 1) // the newlines that keep line numbers
	b.sources = nil                   // the front matter's are resolved away
	if err := body.Execute(limitedWriter{buf, b}, dataRoot{}); err != nil {
		return nil, t.execError(err)
	}
	md := bytes.TrimLeft(buf.Bytes(), "\n")
	r := &Result{Front: front, Cells: cells, Markdown: []byte(vnfmt.NFC(string(md))), BodyLine: buf.Len() - len(md) + 1, Path: t.path, Sources: b.sources}
	bodyBufs.Put(buf.Bytes()) // Markdown is a copy
	return r, nil
}

// The filled body's buffer is kept for the next filling: growing it by
// doubling for each report of a batch was a fifth of the filling's
// allocated bytes. At most 4 of up to 4 MB are kept.
var bodyBufs = freelist.NewBytes(4, 4<<20)

// requiredFront are the front-matter fields of the header and signature
// blocks that a blank fact must not empty: a report without its agency's
// name, number, place, date or signer is not a report. "-" as a number
// leaves it blank on purpose, for the văn thư to fill in.
var requiredFront = map[string]msg.Word{
	"co_quan": msg.Word("the issuing agency"), "so": msg.Word("the document number"), "ky_hieu": msg.Word("the document symbol"),
	"dia_danh": msg.Word("the place name"), "ngay": msg.Word("the date"), "ky.ho_ten": msg.Word("the signer's name"),
}

var factCall = regexp.MustCompile(`\bfact\s+"([^"]+)"`)

// expand executes every string scalar of the front matter as a template;
// key is the scalar's field ("co_quan", "ky.ho_ten").
func (t *Template) expand(n *yaml.Node, key string, funcs template.FuncMap, b *budget, ds *dataset.Dataset) error {
	switch n.Kind {
	case yaml.ScalarNode:
		if !strings.Contains(n.Value, "{{") {
			return nil
		}
		line := t.frontLine - 1 + n.Line
		tt, err := t.newTemplate(t.path, line, n.Value, funcs)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		b.output -= int64(line - 1) // the newlines that keep line numbers
		start := len(b.cells)
		if err := tt.Execute(limitedWriter{&buf, b}, dataRoot{}); err != nil {
			return t.execError(err)
		}
		if n := b.cells[start:]; len(n) > 0 && strings.Contains(key, ".") {
			// A key of a block (ky.anh_dau) has its own cells, so that
			// what is wrong with it names its cell, not the block's.
			b.keyCells[key] = append(b.keyCells[key], n...)
		}
		// The front matter is plain text, not Markdown: data text is
		// resolved here, as typed.
		out := strings.TrimSpace(markdown.Resolve(buf.String()))
		if what, ok := requiredFront[key]; ok && out == "" {
			return t.blankRequired(line, key, what, n.Value, ds)
		}
		n.Value = out
		n.Tag = "!!str"
		n.Style = yaml.DoubleQuotedStyle
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			k := n.Content[i-1].Value
			if key != "" {
				k = key + "." + k
			}
			if err := t.expand(n.Content[i], k, funcs, b, ds); err != nil {
				return err
			}
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if err := t.expand(c, key, funcs, b, ds); err != nil {
				return err
			}
		}
	}
	return nil
}

// blankRequired is the error for a required header field that the data
// leaves blank: it names the facts the field reads and their cells, since
// the fix is in the workbook, not in report.md.
func (t *Template) blankRequired(line int, key string, what msg.Word, src string, ds *dataset.Dataset) error {
	facts := msg.List{Sep: ", "}
	for _, m := range factCall.FindAllStringSubmatch(src, -1) {
		var desc any = strconv.Quote(m[1])
		if ds.Facts != nil {
			if v, ok := ds.Facts.Get(m[1]); ok && v.Loc.Cell != "" {
				desc = msg.Sprintf("%q (%s)", m[1], v.Loc)
			} else if l, ok := ds.Facts.KeyLoc(m[1]); ok {
				desc = msg.Sprintf("%q (%s)", m[1], l)
			}
		}
		facts.Items = append(facts.Items, desc)
	}
	if len(facts.Items) == 0 {
		return msg.Errorf("%s:%d: %s (%s) is blank after filling %q; the header block needs it", t.path, line, key, what, src)
	}
	return msg.Errorf("%s:%d: %s (%s) is blank: the workbook leaves fact %s empty; type it in the workbook (the header block needs it)",
		t.path, line, key, what, facts)
}

func cloneNode(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, k := range n.Content {
		c.Content[i] = cloneNode(k)
	}
	return &c
}

// execError strips text/template's prefix and keeps the cause readable
// and wrapped: "report.md:42:14: in <fact "x">: cause". A cause in the
// data names its cell; a limit names the line of the loop.
func (t *Template) execError(err error) error {
	var ee template.ExecError
	if !errors.As(err, &ee) {
		// A write error: the output limit.
		return msg.Errorf("%s: %w", t.path, err)
	}
	text := strings.TrimPrefix(ee.Err.Error(), "template: ")
	cause := errors.Unwrap(ee.Err)
	i := strings.Index(text, ": error calling ")
	if cause == nil || i < 0 {
		return goExecError(text)
	}
	// "…:42:14: executing \"report.md\" at <fact \"x\">: error calling fact: cause"
	head := text[:i]
	if k := strings.Index(head, ": executing "); k >= 0 {
		if a := strings.LastIndex(head, " at <"); a >= 0 && !strings.Contains(head[a:], "baocao_") {
			return msg.Errorf("%s: in %s: %w", head[:k], head[a+4:], cause)
		}
		head = head[:k]
	}
	return msg.Errorf("%s: %w", head, cause)
}
