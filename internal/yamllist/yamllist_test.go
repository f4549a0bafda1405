package yamllist

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
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
		{"- ten: [\n", "x.yaml: yaml:"},
		{"- ten: {a: 1}\n", "x.yaml:1:"},
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
