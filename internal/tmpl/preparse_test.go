package tmpl

import (
	"strings"
	"testing"
)

// TestPreparse checks that Parse leaves every text a filling parses in the
// cache (the body and the front matter's three filled values), so that
// Execute parses nothing; and that a front-matter value that does not
// parse is still said by Execute, at its line, as before.
func TestPreparse(t *testing.T) {
	tp, err := Parse("r/report.md", []byte(front+"Điểm {{ fact \"diem\" }}\n"))
	if err != nil {
		t.Fatal(err)
	}
	cached := func() int {
		tp.parsed.mu.Lock()
		defer tp.parsed.mu.Unlock()
		return len(tp.parsed.m)
	}
	if n := cached(); n != 4 {
		t.Errorf("after Parse, %d texts parsed; want 4 (the body and 3 front-matter values)", n)
	}
	if _, err := tp.Execute(testData()); err != nil {
		t.Fatal(err)
	}
	if n := cached(); n != 4 {
		t.Errorf("after Execute, %d texts parsed; want still 4", n)
	}

	bad := strings.Replace(front, `so: '{{ fact "so" }}'`, `so: '{{ fact "so" '`, 1)
	tp, err = Parse("r/report.md", []byte(bad+"x\n"))
	if err != nil {
		t.Fatalf("Parse of a front-matter value that does not parse: %v; want the error from Execute, as before", err)
	}
	_, err = tp.Execute(testData())
	if err == nil || !strings.Contains(err.Error(), "r/report.md:3:") {
		t.Errorf("Execute: %v; want the parse error at r/report.md:3", err)
	}
}
