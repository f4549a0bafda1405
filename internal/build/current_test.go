package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCurrent checks how a build tells whether the file in place already
// holds the new version (then it is not kept in .history).
func TestCurrent(t *testing.T) {
	dir := t.TempDir()
	next := []byte(strings.Repeat("báo cáo ", 20_000)) // more than one read
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("same.pdf", next)
	write("shorter.pdf", next[:len(next)-1])
	changed := append([]byte(nil), next...)
	changed[len(changed)-1] ^= 1
	write("last-byte.pdf", changed)
	changed = append([]byte(nil), next...)
	changed[0] ^= 1
	write("first-byte.pdf", changed)
	write("empty.pdf", nil)
	if err := os.Mkdir(filepath.Join(dir, "folder.pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("same.pdf", filepath.Join(dir, "link.pdf")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name         string
		next         []byte
		exists, same bool
		err          string
	}{
		{"missing.pdf", next, false, false, ""},
		{"same.pdf", next, true, true, ""},
		{"shorter.pdf", next, true, false, ""},
		{"last-byte.pdf", next, true, false, ""},
		{"first-byte.pdf", next, true, false, ""},
		{"empty.pdf", nil, true, true, ""},
		{"empty.pdf", next, true, false, ""},
		{"folder.pdf", next, false, false, "a folder"},
		{"link.pdf", next, false, false, "a symbolic link"},
	}
	for _, tt := range tests {
		exists, same, err := current(dir, tt.name, tt.next)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || exists != tt.exists || same != tt.same {
			t.Errorf("%s (%d bytes new): exists %v, same %v, err %v; want %v, %v", tt.name, len(tt.next), exists, same, err, tt.exists, tt.same)
		}
	}
}
