package yamllist

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"baocao/internal/msg"
)

type item struct {
	Name string `yaml:"ten"`
	line int
}

func TestDecode(t *testing.T) {
	src := "# a comment\n- ten: a\n- ten: b\n"
	got, err := Decode("x.yaml", []byte(src), "items", func(it *item, line int) error {
		it.line = line
		if it.Name == "" {
			return errors.New("no name")
		}
		return nil
	})
	if err != nil || len(got) != 2 || got[1].Name != "b" || got[1].line != 3 {
		t.Errorf("got %+v, %v", got, err)
	}
	for _, tt := range []struct{ src, want string }{
		{"ten: a\n", "x.yaml:1: expected a list of items"},
		{"- ten: [\n", "x.yaml: line 1: did not find expected node content"},
		{"- ten: {a: 1}\n", "x.yaml: line 1: a set of keys is given, but a text is expected here"},
	} {
		if _, err := Decode[item]("x.yaml", []byte(tt.src), "items", nil); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Decode(%q) error %v, want %q", tt.src, err, tt.want)
		}
	}
	if got, err := Decode[item]("x.yaml", nil, "items", nil); err != nil || got != nil {
		t.Errorf("empty file: %v, %v", got, err)
	}
}

func TestReadFS(t *testing.T) {
	fsys := fstest.MapFS{"t/a.yaml": {Data: []byte("- ten: a\n")}}
	if src, found, err := ReadFS(fsys, "t", "a.yaml"); err != nil || !found || len(src) == 0 {
		t.Errorf("present: %q %v %v", src, found, err)
	}
	if _, found, err := ReadFS(fsys, "t", "b.yaml"); err != nil || found {
		t.Errorf("absent: %v %v", found, err)
	}
}

func TestStrictKeys(t *testing.T) {
	type col struct {
		Label string `yaml:"nhan"`
		Data  string `yaml:"du_lieu"`
		Cols  []col  `yaml:"cot"`
	}
	for _, tc := range []struct{ name, src, want string }{
		{"known", "- nhan: A\n  du_lieu: B\n", ""},
		{"typo", "- nhan: A\n  du_leiu: B\n", `t.yaml:2: unknown key "du_leiu" (expected one of cot, du_lieu, nhan)`},
		{"comma in flow", "- {nhan: Cán bộ, công chức cấp xã, du_lieu: X}\n", `t.yaml:1: unknown key "công chức cấp xã" (expected one of cot, du_lieu, nhan); in {…} a comma separates keys, so quote a text that holds one`},
		{"nested", "- nhan: A\n  cot:\n    - nhan: B\n      rong: 2\n", `t.yaml:4: unknown key "rong"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode[col]("t.yaml", []byte(tc.src), "columns", nil)
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

// TestExplain: the YAML library's errors a hand-written file meets are
// said as what to fix, in Vietnamese and in English, with their lines;
// an error that is not the library's passes through unchanged.
func TestExplain(t *testing.T) {
	type item struct {
		Ten   string `yaml:"ten"`
		ChuSo int    `yaml:"chu_so"`
	}
	tests := []struct {
		src, vi, en string
	}{
		{"- ten: [a\n", "x.yaml: dòng 1: thiếu dấu ',' hoặc ']': một danh sách [...] chưa được đóng", "x.yaml: line 1: did not find expected ',' or ']'"},
		{"- ten: a\n chu_so: 1\n", "x.yaml: dòng 1: thiếu dấu '-' đầu mục", "x.yaml: line 1: did not find expected '-' indicator"},
		{"- ten: a\n\tchu_so: 1\n", "x.yaml: dòng 2: có ký tự tab trong phần thụt lề", "x.yaml: line 2: found a tab character"},
		// The library gives no line for a problem on the first line.
		{"- ten: a: b\n", "x.yaml: không được có dấu ':' ở đây", "x.yaml: mapping values are not allowed"},
		{"- ten: a\n- ten: a: b\n", "x.yaml: dòng 2: không được có dấu ':' ở đây", "x.yaml: line 2: mapping values are not allowed"},
		{"- ten: a\n  chu_so: hai\n", "x.yaml: dòng 2: `hai` là văn bản, nhưng ở đây cần một số nguyên", "x.yaml: line 2: `hai` is a text, but a whole number is expected here"},
		{"- ten: a\n  ten: b\n", "x.yaml: dòng 2: khóa \"ten\" được viết hai lần (lần đầu ở dòng 1)", "x.yaml: line 2: the key \"ten\" is written twice (first at line 1)"},
		{"- ten: \"a\\q\"\n", "x.yaml: có dấu \\ không hợp lệ", "x.yaml: found unknown escape character"},
		{"- ten: \xff\n", "x.yaml: tệp không phải văn bản UTF-8", "x.yaml: the file is not UTF-8 text"},
	}
	for _, tt := range tests {
		_, err := Decode[item]("x.yaml", []byte(tt.src), "items", nil)
		if err == nil {
			t.Errorf("%q: no error", tt.src)
			continue
		}
		if got := msg.Local(msg.Vietnamese, err); !strings.HasPrefix(got, tt.vi) {
			t.Errorf("%q: Vietnamese %q, want %q…", tt.src, got, tt.vi)
		}
		if got := msg.Local(msg.English, err); !strings.HasPrefix(got, tt.en) {
			t.Errorf("%q: English %q, want %q…", tt.src, got, tt.en)
		}
	}
	other := errors.New("not yaml")
	if Explain(other) != other || Explain(nil) != nil {
		t.Error("Explain changed an error that is not the library's")
	}
}

// TestExplainWords: every problem Explain says again has a Vietnamese
// text (they are not literals of msg.Word calls, which the catalogue's
// own test checks).
func TestExplainWords(t *testing.T) {
	for _, w := range syntaxWords {
		if !msg.HasText(string(w)) {
			t.Errorf("%q has no Vietnamese text in internal/msg/catalogue_yaml.go", w)
		}
	}
}
