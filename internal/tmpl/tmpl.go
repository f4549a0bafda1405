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
	"os"
	pathpkg "path"
	"path/filepath"
	"strings"
	"text/template"

	"go.yaml.in/yaml/v3"

	"baocao/internal/dataset"
	"baocao/internal/vnfmt"
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
}

// Source is the bytes of report.md, for hashing.
func (t *Template) Source() []byte { return t.source }

// Load reads and checks the template in the folder dir.
func Load(dir string) (*Template, error) {
	path := filepath.Join(dir, FileName)
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", dir, err)
	}
	return Parse(path, src)
}

// LoadFS reads a template folder from fsys (the built-in templates).
func LoadFS(fsys fs.FS, dir string) (*Template, error) {
	path := pathpkg.Join(dir, FileName)
	src, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", dir, err)
	}
	return Parse(path, src)
}

// Parse reads a template from its source; path is used in messages.
func Parse(path string, src []byte) (*Template, error) {
	t := &Template{Dir: filepath.Dir(path), path: path, source: src}
	text := strings.ReplaceAll(vnfmt.NFC(string(src)), "\r\n", "\n")
	text = strings.TrimPrefix(text, "\ufeff")
	if !strings.HasPrefix(text, "---\n") {
		return nil, fmt.Errorf("%s:1: expected the front matter to start with a line \"---\"", path)
	}
	rest := text[4:]
	end := strings.Index(rest, "\n---\n")
	if end < 0 {
		if strings.HasSuffix(rest, "\n---") {
			end = len(rest) - 4
		} else {
			return nil, fmt.Errorf("%s:1: the front matter has no closing line \"---\"", path)
		}
	}
	front := rest[:end+1]
	t.frontLine = 2
	t.bodyLine = 2 + strings.Count(front, "\n") + 1
	if end+5 <= len(rest) {
		t.body = rest[end+5:]
	}
	if err := yaml.Unmarshal([]byte(front), &t.front); err != nil {
		return nil, fmt.Errorf("%s: front matter: %w", path, shiftYAMLError(err, t.frontLine-1))
	}
	if len(t.front.Content) == 0 || t.front.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: the front matter must be a list of \"key: value\" lines", path, t.frontLine)
	}
	// Parse the body now so that a syntax error shows before any data is read.
	if _, err := t.newTemplate(t.path, t.bodyLine, t.body, nil); err != nil {
		return nil, err
	}
	return t, nil
}

// shiftYAMLError moves "line N" in a yaml error message by offset lines,
// so it points into report.md rather than into the front-matter block.
func shiftYAMLError(err error, offset int) error {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) {
		msg = strings.Join(te.Errors, "; ")
	}
	var out strings.Builder
	for {
		i := strings.Index(msg, "line ")
		if i < 0 {
			out.WriteString(msg)
			break
		}
		j := i + 5
		for j < len(msg) && msg[j] >= '0' && msg[j] <= '9' {
			j++
		}
		out.WriteString(msg[:i+5])
		n := 0
		fmt.Sscanf(msg[i+5:j], "%d", &n)
		fmt.Fprintf(&out, "%d", n+offset)
		msg = msg[j:]
	}
	return errors.New(out.String())
}

// newTemplate parses text that starts at line first of the file; leading
// newlines keep text/template's line numbers equal to the file's.
func (t *Template) newTemplate(name string, first int, text string, funcs template.FuncMap) (*template.Template, error) {
	tt := template.New(name).Option("missingkey=error").Funcs(Funcs(nil))
	if funcs != nil {
		tt = tt.Funcs(funcs)
	}
	pad := strings.Repeat("\n", max(first-1, 0))
	parsed, err := tt.Parse(pad + text)
	if err != nil {
		return nil, fmt.Errorf("%s", strings.TrimPrefix(err.Error(), "template: "))
	}
	return parsed, nil
}

// Result is a template filled from a dataset.
type Result struct {
	Front    Front
	Markdown []byte
	// BodyLine is the file line where Markdown starts, for messages.
	BodyLine int
	Path     string
}

// Execute fills the template from ds.
func (t *Template) Execute(ds *dataset.Dataset) (*Result, error) {
	funcs := Funcs(ds)
	root := cloneNode(t.front.Content[0])
	if err := t.expand(root, funcs, ds); err != nil {
		return nil, err
	}
	var front Front
	if err := root.Decode(&front); err != nil {
		return nil, fmt.Errorf("%s: front matter: %w", t.path, shiftYAMLError(err, t.frontLine-1))
	}
	if err := front.check(root, t.path, t.frontLine-1); err != nil {
		return nil, err
	}
	body, err := t.newTemplate(t.path, t.bodyLine, t.body, bodyFuncs(ds))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := body.Execute(&buf, ds); err != nil {
		return nil, execError(err)
	}
	md := bytes.TrimLeft(buf.Bytes(), "\n")
	return &Result{Front: front, Markdown: []byte(vnfmt.NFC(string(md))), BodyLine: buf.Len() - len(md) + 1, Path: t.path}, nil
}

// expand executes every string scalar of the front matter as a template.
func (t *Template) expand(n *yaml.Node, funcs template.FuncMap, ds *dataset.Dataset) error {
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
		if err := tt.Execute(&buf, ds); err != nil {
			return execError(err)
		}
		n.Value = strings.TrimSpace(buf.String())
		n.Tag = "!!str"
		n.Style = yaml.DoubleQuotedStyle
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			if err := t.expand(n.Content[i], funcs, ds); err != nil {
				return err
			}
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if err := t.expand(c, funcs, ds); err != nil {
				return err
			}
		}
	}
	return nil
}

func cloneNode(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, k := range n.Content {
		c.Content[i] = cloneNode(k)
	}
	return &c
}

// execError strips text/template's prefix and keeps the cause readable:
// "report.md:42:14: executing … at <fact "x">: error calling fact: …".
func execError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "template: ")
	if i := strings.Index(msg, ": error calling "); i >= 0 {
		// "…:42:14: executing \"report.md\" at <fact \"x\">: error calling fact: cause"
		head := msg[:i]
		cause := msg[i+len(": error calling "):]
		if j := strings.Index(cause, ": "); j >= 0 {
			cause = cause[j+2:]
		}
		if k := strings.Index(head, ": executing "); k >= 0 {
			if a := strings.LastIndex(head, " at <"); a >= 0 {
				return fmt.Errorf("%s: in %s: %s", head[:k], head[a+4:], cause)
			}
			head = head[:k]
		}
		return fmt.Errorf("%s: %s", head, cause)
	}
	return errors.New(msg)
}
