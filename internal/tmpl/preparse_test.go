package tmpl

import (
	"slices"
	"strings"
	"testing"

	"baocao/internal/markdown"
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

// TestBindsWhatTheTextCalls fills texts whose functions are bound one
// filling at a time (newTemplate binds only those callable names): each
// must find every function it calls, those instrument adds included.
func TestBindsWhatTheTextCalls(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{`{{ num 5.25 }}`, "5,25"},
		{`{{ range $x := lietke "TTHC" }}{{ $x.Key }};{{ end }}`, "2023;2024;"},
		{`{{ define "x" }}{{ pad 8 }}{{ end }}{{ template "x" }} {{ upper "đ" }}`, "08 Đ"},
		{`{{ with table "TTHC" }}{{ num (.Sum "Tiếp nhận / Tổng số") }}{{ end }}`, "27.488"},
		{`{{/* fact */}}{{ if eq (fact "so") 5 }}{{ date (fact "ngay") }}{{ end }}`, "ngày 05 tháng 02 năm 2025"},
		{`{{- num (add 1 2) -}}|{{num 4}}`, "3|4"},
		// A "}}" or a quote inside a string or a comment ends no action.
		{`{{ printf "}}%s" (num 5) }}`, "}}5"},
		{"{{ printf `}}'` }}{{ num 7 }}", "}}'7"},
		{`{{/* don't }} */}}{{ num 6 }}|{{- /* "x */ -}} {{ pad 8 }}`, "6|08"},
		{`{{ printf "\"}}" }}{{ upper "a" }}`, `"}}A`},
	} {
		tp, err := Parse("r/report.md", []byte(front+tc.text+"\n"))
		if err != nil {
			t.Fatalf("%s: %v", tc.text, err)
		}
		res, err := tp.Execute(testData())
		if err != nil {
			t.Fatalf("%s: %v", tc.text, err)
		}
		if got := strings.TrimSpace(markdown.Resolve(string(res.Markdown))); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.text, got, tc.want)
		}
	}
	for n := range Funcs(nil) {
		for i := range len(n) {
			if !wordByte(n[i]) {
				t.Errorf("function %q: callable splits words at %q, so it would not find it", n, n[i])
			}
		}
	}
	names := callable(`{{ fact "x" }}`)
	if !slices.Contains(names, "fact") || !slices.Contains(names, stepFunc) || !slices.Contains(names, rangeFunc) {
		t.Errorf("callable: %v lacks fact or the instrument's functions", names)
	}
}
