package build

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"baocao"
)

// TestOutputHashes pins the SHA-256 of every file every built-in sample
// writes (DOCX, PDF, appendix XLSX) in testdata/outputs.sha256, so that a
// change meant as a pure speed-up (compression reuse, caching, fewer
// allocations) cannot change a byte unnoticed. A change meant to alter
// the output rewrites the list with -update, and the diff shows which
// files moved.
func TestOutputHashes(t *testing.T) {
	samples, err := Samples(baocao.Assets())
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, s := range samples {
		res, err := sampleJob(t, s.Name, t.TempDir()).Run()
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		for _, f := range res.Files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(data)
			lines = append(lines, hex.EncodeToString(sum[:])+"  "+s.Name+"/"+filepath.Base(f))
		}
	}
	sort.Slice(lines, func(a, b int) bool { return lines[a][66:] < lines[b][66:] })
	got := strings.Join(lines, "\n") + "\n"
	golden := filepath.Join("testdata", "outputs.sha256")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/build -run TestOutputHashes -update)", err)
	}
	if got != string(want) {
		t.Errorf("output hashes differ from %s:\ngot:\n%swant:\n%s\nif the change is meant to alter the output, run go test ./internal/build -run TestOutputHashes -update and review the diff", golden, got, want)
	}
}
