package build

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"baocao/internal/testtool"
)

func TestSkipAndHistory(t *testing.T) {
	dir := t.TempDir()
	run := func(edit func(*Job)) *Result {
		t.Helper()
		j := sampleJob(t, "sa-dec-9-thang-2024", dir)
		if edit != nil {
			edit(j)
		}
		res, err := j.Run()
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	first := run(nil)
	if first.Skipped || len(first.Files) != 2 || len(first.Kept) != 0 {
		t.Fatalf("first build: %+v", first)
	}
	m, ok := readManifest(filepath.Join(dir, "sa-dec-9-thang-2024"+ManifestExt))
	if !ok || m.Inputs["sa-dec-2024.xlsx"] == "" || len(m.Outputs) != 2 || m.Template == "" || m.Program == "" {
		t.Fatalf("manifest %+v", m)
	}

	if again := run(nil); !again.Skipped || len(again.Files) != 0 {
		t.Errorf("unchanged inputs were rebuilt: %+v", again)
	}
	if forced := run(func(j *Job) { j.Force = true }); forced.Skipped || len(forced.Kept) != 0 {
		t.Errorf("--force: %+v (same bytes: nothing to keep)", forced)
	}

	// A corrected workbook: new figures, new bytes; the signed version is kept.
	corrected := run(func(j *Job) {
		j.Inputs["sa-dec-2024.xlsx"] = "corrected"
		v, _ := j.Data.Facts.Get("kt_xa")
		v.Num = 10
		j.Data.Facts.Set("kt_xa", v)
	})
	if corrected.Skipped || len(corrected.Kept) != 2 {
		t.Fatalf("corrected build: %+v", corrected)
	}
	for _, k := range corrected.Kept {
		if !strings.HasPrefix(filepath.Base(k), "sa-dec-9-thang-2024.v1.") || filepath.Base(filepath.Dir(k)) != HistoryDir {
			t.Errorf("kept as %s", k)
		}
	}

	// An output edited by hand is not up to date: rebuilt, and the
	// edited file is kept too.
	docx := filepath.Join(dir, "sa-dec-9-thang-2024.docx")
	os.WriteFile(docx, []byte("edited"), 0o644)
	res := run(func(j *Job) { j.Inputs["sa-dec-2024.xlsx"] = "corrected" })
	if res.Skipped {
		t.Fatal("a hand-edited output was not rebuilt")
	}
	if got, _ := os.ReadFile(filepath.Join(dir, HistoryDir, "sa-dec-9-thang-2024.v2.docx")); string(got) != "edited" {
		t.Errorf("the edited file was not kept as v2: %q", got)
	}
}

func TestHash(t *testing.T) {
	if Hash([]byte("ab"), []byte("c")) == Hash([]byte("a"), []byte("bc")) {
		t.Error("Hash runs parts together")
	}
	if HashFiles(map[string][]byte{"a": []byte("1"), "b": []byte("2")}) != HashFiles(map[string][]byte{"b": []byte("2"), "a": []byte("1")}) {
		t.Error("HashFiles depends on map order")
	}
}

// TestProgramBuildID: the program is identified by the Go build ID that
// `go tool buildid` reads from the executable, and the Go version.
func TestProgramBuildID(t *testing.T) {
	testtool.Need(t, "go")
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Fatalf("go tool buildid: %v", err)
	}
	want := strings.TrimSpace(string(out))
	if got := buildID(exe); got != want {
		t.Fatalf("buildID = %q, want %q", got, want)
	}
	p := Program()
	if !strings.HasPrefix(p, runtime.Version()+" ") || !strings.Contains(p, " build "+Hash([]byte(want))[:16]) {
		t.Errorf("Program() = %q, want the Go version and the build ID", p)
	}
	// A file without a build ID: no ID (the caller then hashes the file).
	plain := filepath.Join(t.TempDir(), "plain")
	os.WriteFile(plain, []byte("#!/bin/sh\necho not go\n"), 0o755)
	if id := buildID(plain); id != "" {
		t.Errorf("buildID of a shell script = %q", id)
	}
	// The raw form that Mach-O and PE executables carry at the start of
	// their text.
	raw := filepath.Join(t.TempDir(), "raw")
	os.WriteFile(raw, []byte("MZ\x00\x00junk\xff Go build ID: \"abc/def\"\n \xffmore"), 0o755)
	if id := buildID(raw); id != "abc/def" {
		t.Errorf("buildID of a PE-like file = %q, want abc/def", id)
	}
}

// TestNewProgramRebuilds: a manifest written by another program does not
// vouch for the outputs.
func TestNewProgramRebuilds(t *testing.T) {
	dir := t.TempDir()
	mustRun(t, tinyJob(t, dir, "a.xlsx", "A."))
	if !mustRun(t, tinyJob(t, dir, "a.xlsx", "A.")).Skipped {
		t.Fatal("same program, same inputs: not skipped")
	}
	mp := filepath.Join(dir, "bao-cao"+ManifestExt)
	m, _ := readManifest(mp)
	m.Program += " (an older baocao)"
	data, _ := json.Marshal(m)
	os.WriteFile(mp, data, 0o644)
	if mustRun(t, tinyJob(t, dir, "a.xlsx", "A.")).Skipped {
		t.Error("a manifest of another program vouched for the outputs")
	}
}

// BenchmarkProgram compares the two ways of identifying the program: the
// build ID read from the executable's headers, and the sha256 of the whole
// executable that it replaces (BAOCAO_BENCH_EXE names another executable
// to measure, such as a built baocao).
func BenchmarkProgram(b *testing.B) {
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	if e := os.Getenv("BAOCAO_BENCH_EXE"); e != "" {
		exe = e
	}
	st, _ := os.Stat(exe)
	b.Logf("%s: %d bytes", exe, st.Size())
	b.Run("buildid", func(b *testing.B) {
		for b.Loop() {
			if buildID(exe) == "" {
				b.Fatal("no build ID")
			}
		}
	})
	b.Run("hash-executable", func(b *testing.B) {
		for b.Loop() {
			if hashFile(exe) == "" {
				b.Fatal("no hash")
			}
		}
	})
}
