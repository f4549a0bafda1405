package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"
)

// TestOutlineCount checks /Count, /First, /Last and the sibling links of
// a nested outline: an open item counts all its descendants (ISO 32000-1,
// Table 153); fpdf wrote 0 there.
func TestOutlineCount(t *testing.T) {
	marks := []mark{
		{title: "A", level: 0}, {title: "A1", level: 1}, {title: "A1a", level: 2},
		{title: "A2", level: 1}, {title: "B", level: 0}, {title: "C", level: 0}, {title: "C1", level: 2},
	}
	pf := newFile(nil)
	page := pf.alloc()
	pf.dict(page, "")
	root := pf.writeOutline(marks, []int{page})
	src := pf.buf.String()
	objs := map[string]string{} // title → dictionary
	num := map[string]string{}  // object number → title
	for _, m := range regexp.MustCompile(`(?s)(\d+) 0 obj\n<<(.*?)>>\nendobj`).FindAllStringSubmatch(src, -1) {
		if tm := regexp.MustCompile(`/Title\((\w+)\)`).FindStringSubmatch(m[2]); tm != nil {
			objs[tm[1]] = m[2]
			num[m[1]] = tm[1]
		} else if strings.Contains(m[2], "/Type/Outlines") {
			objs["root"] = m[2]
			num[m[1]] = "root"
		}
	}
	if root == 0 || objs["root"] == "" {
		t.Fatal("no outline root")
	}
	get := func(title, key string) string {
		m := regexp.MustCompile(`/` + key + ` (-?\d+)( 0 R)?`).FindStringSubmatch(objs[title])
		if m == nil {
			return ""
		}
		if m[2] != "" {
			return num[m[1]]
		}
		return m[1]
	}
	for _, tc := range []struct{ title, key, want string }{
		{"root", "Count", "7"}, {"root", "First", "A"}, {"root", "Last", "C"},
		{"A", "Count", "3"}, {"A", "First", "A1"}, {"A", "Last", "A2"}, {"A", "Next", "B"},
		{"A1", "Count", "1"}, {"A1", "Next", "A2"}, {"A1", "Parent", "A"},
		{"A1a", "Count", ""}, {"A1a", "Parent", "A1"},
		{"A2", "Prev", "A1"}, {"A2", "Next", ""},
		{"B", "Count", ""}, {"B", "Prev", "A"}, {"B", "Next", "C"}, {"B", "Parent", "root"},
		{"C", "Count", "1"}, {"C1", "Parent", "C"},
	} {
		if got := get(tc.title, tc.key); got != tc.want {
			t.Errorf("%s /%s = %q, want %q", tc.title, tc.key, got, tc.want)
		}
	}
}

// TestFileID checks that /ID follows the content: equal for equal
// documents, different when one word changes.
func TestFileID(t *testing.T) {
	id := func(mod func(string) string) string {
		d := shortDoc()
		d.Meta.Title = mod(d.Meta.Title)
		var buf bytes.Buffer
		if err := Write(&buf, d); err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`/ID\[<([0-9A-F]{32})><([0-9A-F]{32})>\]`).FindStringSubmatch(buf.String())
		if m == nil {
			t.Fatal("no /ID")
		}
		return m[1]
	}
	same := func(s string) string { return s }
	if id(same) != id(same) {
		t.Error("/ID differs between two writes")
	}
	if id(same) == id(func(s string) string { return s + " sửa" }) {
		t.Error("/ID does not change with the content")
	}
}

// TestParallel runs tasks on several goroutines: every task runs once, the
// first error in task order is returned, and a task's panic is raised on
// the caller (where Write recovers it) rather than in a goroutine.
func TestParallel(t *testing.T) {
	ran := make([]int, 50)
	tasks := make([]func() error, len(ran))
	for i := range tasks {
		tasks[i] = func() error {
			ran[i]++
			if i == 7 || i == 30 {
				return fmt.Errorf("task %d", i)
			}
			return nil
		}
	}
	if err := parallel(tasks); err == nil || !strings.HasPrefix(err.Error(), "task 7") {
		t.Errorf("err = %v, want task 7's first", err)
	}
	for i, n := range ran {
		if n != 1 {
			t.Errorf("task %d ran %d times", i, n)
		}
	}
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("recovered %v, want the task's panic", r)
		}
	}()
	parallel([]func() error{func() error { return nil }, func() error { panic("boom") }, func() error { return nil }})
	t.Error("parallel returned after a task panicked")
}

// TestTextString checks textString: a literal for printable ASCII, and
// otherwise the hex of its UTF-16, set by hand, against fmt's %04X, which
// it replaced (the same text must give the same bytes).
func TestTextString(t *testing.T) {
	fmtHex := func(s string) string {
		b := []byte("<FEFF")
		for _, u := range utf16.Encode([]rune(s)) {
			b = fmt.Appendf(b, "%04X", u)
		}
		return string(append(b, '>'))
	}
	for _, tc := range []struct {
		in, literal string // literal: "" when the string goes in hex
	}{
		{"", "()"},
		{"A (b) \\c", `(A \(b\) \\c)`},
		{"Phần I", ""},
		{"Mục 1. Tổng quan về cải cách hành chính", ""},
		{"Ω😀", ""}, // a surrogate pair
		{"bad \xff utf-8", ""},
		{"tab\there", ""},
	} {
		want := tc.literal
		if want == "" {
			want = fmtHex(tc.in)
		}
		if got := textString(tc.in); got != want {
			t.Errorf("textString(%q) = %s, want %s", tc.in, got, want)
		}
	}
}
