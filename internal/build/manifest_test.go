package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
