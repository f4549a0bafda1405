package yamllist

import (
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"

	"baocao/internal/lazyre"
	"baocao/internal/msg"
)

// Explain makes an error of the YAML library one a template author can
// read in Vietnamese. yaml.v3 words its errors in English and as a parser
// sees them ("did not find expected key"); the common ones are said again
// as what to fix, the line kept. Error stays the library's text, and
// errors.As still finds a *yaml.TypeError.
func Explain(err error) error {
	if err == nil {
		return nil
	}
	var lines []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		lines = te.Errors
	} else if t := err.Error(); !strings.HasPrefix(t, "yaml: ") && !lineRE.MatchString(t) {
		return err // not the library's
	} else {
		// The text form too: a caller that moved the line numbers (the
		// front matter of report.md) has only the text left.
		s := strings.TrimPrefix(err.Error(), "yaml: ")
		s = strings.TrimPrefix(s, "unmarshal errors:\n  ")
		for _, l := range strings.Split(s, "\n  ") {
			// shiftYAMLError joins a TypeError's lines with "; ".
			for i, piece := range strings.Split(l, "; line ") {
				if i > 0 {
					piece = "line " + piece
				}
				lines = append(lines, piece)
			}
		}
	}
	parts := msg.List{Sep: "; ", Items: make([]any, len(lines))}
	for i, l := range lines {
		parts.Items[i] = problem(l)
	}
	return &explained{err: err, parts: parts}
}

type explained struct {
	err   error
	parts msg.List
}

func (e *explained) Error() string { return e.err.Error() }
func (e *explained) Unwrap() error { return e.err }

func (e *explained) Localize(lang language.Tag) string { return e.parts.Localize(lang) }

func (e *explained) Format(s fmt.State, verb rune) { msg.Format(s, verb, e) }

var (
	lineRE    = lazyre.New(`^line (\d+): (.+)$`)
	typeRE    = lazyre.New("^line (\\d+): cannot unmarshal (!!\\w+)(?: `(.*)`)? into (.+)$")
	dupKeyRE  = lazyre.New(`^line (\d+): mapping key "(.*)" already defined at line (\d+)$`)
	utf8Words = []string{"invalid leading UTF-8 octet", "invalid trailing UTF-8 octet", "incomplete UTF-8 octet sequence",
		"invalid length of a UTF-8 sequence", "found an incorrect leading UTF-8 octet", "found an incorrect trailing UTF-8 octet"}
)

// syntaxWords are the scanner's and parser's problems a hand-written
// file meets; each is the library's own text, so that the English reads
// as before, and a key of the catalogue (TestExplainWords).
var syntaxWords = []msg.Word{
	"did not find expected key",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"did not find expected '-' indicator",
	"did not find expected node content",
	"did not find expected comment or line break",
	"mapping values are not allowed in this context",
	"block sequence entries are not allowed in this context",
	"found character that cannot start any token",
	"could not find expected ':'",
	"found a tab character that violates indentation",
	"found a tab character where an indentation space is expected",
	"found unexpected end of stream",
	"found unknown escape character",
	"control characters are not allowed",
}

// syntaxProblem says the problem p, which may follow the parser's
// context ("while scanning a quoted scalar …"), in the catalogue's words
// when it is a known one.
func syntaxProblem(p string) msg.Localizer {
	for _, w := range utf8Words {
		if strings.HasSuffix(p, w) {
			return msg.Sprintf("%s (%s)", msg.Word("the file is not UTF-8 text: save it as UTF-8"), p)
		}
	}
	if m := dupKeyRE.FindStringSubmatch("line 0: " + p); m != nil {
		return msg.Sprintf("the key %q is written twice (first at line %s)", m[2], m[3])
	}
	for _, w := range syntaxWords {
		if k := string(w); p == k || strings.HasSuffix(p, " "+k) {
			return w
		}
	}
	return msg.Sprintf("YAML syntax: %s", p)
}

// problem says one line of the library's error: a value of the wrong
// kind for its key, a key written twice, or a syntax problem.
func problem(e string) msg.Localizer {
	if m := dupKeyRE.FindStringSubmatch(e); m != nil {
		return msg.Sprintf("line %s: %s", m[1], msg.Sprintf("the key %q is written twice (first at line %s)", m[2], m[3]))
	}
	m := typeRE.FindStringSubmatch(e)
	if m == nil {
		if m := lineRE.FindStringSubmatch(e); m != nil {
			return msg.Sprintf("line %s: %s", m[1], syntaxProblem(m[2]))
		}
		return syntaxProblem(e)
	}
	found := tagWord(m[2])
	if m[3] != "" {
		return msg.Sprintf("line %s: %s is %s, but %s is expected here", m[1], "`"+m[3]+"`", found, goTypeWord(m[4]))
	}
	return msg.Sprintf("line %s: %s is given, but %s is expected here", m[1], found, goTypeWord(m[4]))
}

func tagWord(tag string) msg.Word {
	switch tag {
	case "!!str":
		return msg.Word("a text")
	case "!!int":
		return msg.Word("a whole number")
	case "!!float":
		return msg.Word("a number")
	case "!!bool":
		return msg.Word("true or false")
	case "!!seq":
		return msg.Word("a list")
	case "!!map":
		return msg.Word("a set of keys")
	case "!!null":
		return msg.Word("nothing")
	}
	return msg.Word(tag)
}

// goTypeWord names the kind of value a Go field takes, as the file's
// author would call it.
func goTypeWord(t string) msg.Word {
	switch {
	case strings.HasPrefix(t, "[]"):
		return msg.Word("a list")
	case strings.HasPrefix(t, "map[") || strings.Contains(t, "."):
		return msg.Word("a set of keys")
	case t == "bool" || t == "*bool":
		return msg.Word("true or false")
	case strings.Contains(t, "int"):
		return msg.Word("a whole number")
	case strings.Contains(t, "float"):
		return msg.Word("a number")
	case t == "string" || t == "*string":
		return msg.Word("a text")
	}
	return msg.Word(t)
}
