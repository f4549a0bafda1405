package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"baocao"
)

// TestSamplesKeepTheirContracts: each built-in template's du-lieu.yaml
// declares exactly the facts of its sample workbook, and the sample passes
// the contract's checks, so the contract is the workbook's documentation
// and neither can drift from the other.
func TestSamplesKeepTheirContracts(t *testing.T) {
	eachSample(t, func(t *testing.T, s Sample, j *Job) {
		if j.Contract == nil {
			t.Fatalf("template %s has no %s", s.Template, "du-lieu.yaml")
		}
		for _, k := range j.Data.Facts.Keys() {
			if _, ok := j.Contract.FactDecl(k); !ok && !j.Contract.IsHeading(k) {
				t.Errorf("fact %s of the sample is not declared", k)
			}
		}
		for _, f := range j.Contract.Facts {
			if f.Key == "" {
				continue
			}
			if _, ok := j.Data.Facts.Get(f.Key); !ok {
				t.Errorf("declared fact %s is not in the sample", f.Key)
			}
		}
		if fs := j.Contract.Check(j.Data); len(fs) > 0 {
			t.Errorf("the sample fails its contract: %v", fs)
		}
	})
}

// eachSample runs f, as a subtest, on the job of every built-in sample,
// read afresh.
func eachSample(t *testing.T, f func(t *testing.T, s Sample, j *Job)) {
	t.Helper()
	samples, err := Samples(baocao.Assets())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range samples {
		t.Run(s.Name, func(t *testing.T) {
			j, err := SampleJob(baocao.Assets(), s, t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			f(t, s, j)
		})
	}
}

// TestTemplateFilesBounded: a template file that is a FIFO or a device is
// refused when the template loads, never read (it would block or never end).
func TestTemplateFilesBounded(t *testing.T) {
	for _, f := range []string{"kiem-tra.yaml", "phu-luc.yaml", "du-lieu.yaml"} {
		t.Run(f, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "report.md"), []byte("---\nco_quan: [UBND]\nso: 1\nky_hieu: BC-UBND\ndia_danh: X\nngay: 01/01/2026\nten_loai: Báo cáo\n---\nA\n"), 0o644)
			if err := os.Symlink("/dev/zero", filepath.Join(dir, f)); err != nil {
				t.Skip("no symlinks here")
			}
			done := make(chan error, 1)
			go func() {
				_, err := LoadTemplateFS(os.DirFS(dir), ".", dir)
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), "is not a regular file (a device)") {
					t.Errorf("error %v", err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("loading a template with /dev/zero as a file did not end")
			}
		})
	}
}

// sampleJobWith is the job of sample s with its own workbook replaced by
// data (named name): for a consolidating sample, consolidated again with
// the sample's unit workbooks.
func sampleJobWith(t *testing.T, s Sample, name string, data []byte) *Job {
	t.Helper()
	dir := "templates/" + s.Template
	tm, err := LoadTemplateFS(baocao.Assets(), dir, dir)
	if err != nil {
		t.Fatal(err)
	}
	if s.Units == "" {
		j, err := NewJob(s.Name, tm, name, data, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		return j
	}
	udir := "templates/" + tm.Contract.Consolidation.UnitTemplate
	unit, err := LoadTemplateFS(baocao.Assets(), udir, udir)
	if err != nil {
		t.Fatal(err)
	}
	units, err := UnitFilesFS(baocao.Assets(), "data/"+s.Units, func(n string) ([]byte, error) { return fs.ReadFile(baocao.Assets(), n) })
	if err != nil {
		t.Fatal(err)
	}
	j, _, err := NewConsolidationJob(s.Name, tm, unit, name, data, units, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return j
}
