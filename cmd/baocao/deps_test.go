package main

import (
	"os/exec"
	"strings"
	"testing"

	"baocao/internal/testtool"
)

// TestNoExcelize: the program does not link excelize. Its package
// initialisation alone cost every run of baocao 2.4 ms and 1.3 MB before
// main (issue 14); internal/render/sml writes our workbooks instead. The
// tests may still use it to read back what the program writes.
func TestNoExcelize(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command(testtool.Path(t, "go"), "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.Contains(pkg, "excelize") {
			t.Errorf("baocao depends on %s", pkg)
		}
	}
}
