package lazyre

import (
	"fmt"
	"slices"
	"testing"
)

func TestRegexp(t *testing.T) {
	tests := []struct {
		pattern, s string
		match      bool
		sub        []string
	}{
		{`^line (\d+): (.+)$`, "line 12: found a tab", true, []string{"line 12: found a tab", "12", "found a tab"}},
		{`^line (\d+): (.+)$`, "dòng 12: có tab", false, nil},
		{`^(.*?): executing ("[^"]*")`, `report.md:3: executing "report.md"`, true, []string{`report.md:3: executing "report.md"`, "report.md:3", `"report.md"`}},
	}
	for _, tt := range tests {
		r := New(tt.pattern)
		if got := r.MatchString(tt.s); got != tt.match {
			t.Errorf("%q.MatchString(%q) = %v, want %v", tt.pattern, tt.s, got, tt.match)
		}
		if got := r.FindStringSubmatch(tt.s); !slices.Equal(got, tt.sub) {
			t.Errorf("%q.FindStringSubmatch(%q) = %q, want %q", tt.pattern, tt.s, got, tt.sub)
		}
		if got := r.Args(tt.s); tt.sub == nil && got != nil || tt.sub != nil && fmt.Sprint(got) != fmt.Sprint(toAny(tt.sub[1:])) {
			t.Errorf("%q.Args(%q) = %q, want the submatches %q", tt.pattern, tt.s, got, tt.sub)
		}
		if r.Regexp() != r.Regexp() {
			t.Errorf("%q compiled twice", tt.pattern)
		}
	}
}

func TestNotCompiledUntilUsed(t *testing.T) {
	// A bad pattern panics only when used, which shows nothing is compiled
	// before.
	r := New(`(`)
	defer func() {
		if recover() == nil {
			t.Error("a bad pattern did not panic on first use")
		}
	}()
	r.MatchString("x")
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}
