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
