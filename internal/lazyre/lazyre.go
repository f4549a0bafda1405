// Package lazyre owns regular expressions compiled on first use.
//
// A package-level regexp.MustCompile runs in the package's initialisation,
// in every run of the program, before main: the patterns that only read
// an error message (Go's own English texts, said again in Vietnamese) cost
// every build their compilation although a sound build never uses them.
// This is Go's own internal/lazyregexp (cmd/go), which cannot be imported
// from outside the Go tree, cut to the methods baocao calls.
package lazyre

import (
	"regexp"
	"sync"
)

// Regexp is a regexp.Regexp compiled the first time it is used. A bad
// pattern panics then, as regexp.MustCompile would at start-up; the tests
// of each package that holds one use it, so it surfaces there.
type Regexp struct {
	re func() *regexp.Regexp
}

// New returns the pattern, compiled on first use.
func New(pattern string) *Regexp {
	return &Regexp{re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })}
}

// Regexp is the compiled expression.
func (r *Regexp) Regexp() *regexp.Regexp { return r.re() }

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (r *Regexp) FindStringSubmatch(s string) []string { return r.re().FindStringSubmatch(s) }

// MatchString is regexp.Regexp.MatchString.
func (r *Regexp) MatchString(s string) bool { return r.re().MatchString(s) }

// Args is the submatches of the first match of r in s, as the arguments of
// a message whose verbs take them in order ("flag needs an argument: %s"
// for `^flag needs an argument: (.*)$`); nil when r does not match s.
func (r *Regexp) Args(s string) []any {
	m := r.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	args := make([]any, len(m)-1)
	for i, v := range m[1:] {
		args[i] = v
	}
	return args
}
