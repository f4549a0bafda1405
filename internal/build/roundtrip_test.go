package build

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSampleRoundTrips: each built-in sample workbook, saved again by
// LibreOffice (a headless convert, as Calc saves it) and by excelize (an
// open-and-save by a program that does not recalculate), gives the same
// report text as the original. Calc 7.4 decoded "_xa_" in keys
// (dvc_xa_phat_sinh) and broke the samples (issue 9).
func TestSampleRoundTrips(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice")
	}
	eachSample(t, func(t *testing.T, s Sample, j *Job) {
		doc, err := j.Document()
		if err != nil {
			t.Fatal(err)
		}
		want := modelText(doc)
		src, err := os.ReadFile(filepath.Join("..", "..", "data", s.Data))
		if err != nil {
			t.Fatal(err)
		}
		in := filepath.Join(t.TempDir(), s.Data)
		if err := os.WriteFile(in, src, 0o644); err != nil {
			t.Fatal(err)
		}
		saved := map[string]string{}
		// excelize: open and save.
		f, err := excelize.OpenFile(in)
		if err != nil {
			t.Fatal(err)
		}
		saved["excelize"] = filepath.Join(t.TempDir(), s.Data)
		if err := f.SaveAs(saved["excelize"]); err != nil {
			t.Fatal(err)
		}
		f.Close()
		saved["LibreOffice"] = soffice(t, in, "xlsx", ".xlsx", filepath.Join(t.TempDir(), "lo"))
		for _, by := range []string{"excelize", "LibreOffice"} {
			data, err := os.ReadFile(saved[by])
			if err != nil {
				t.Fatal(err)
			}
			j2 := sampleJobWith(t, s, s.Data, data)
			doc2, err := j2.Document()
			if err != nil {
				t.Fatalf("saved by %s: %v", by, err)
			}
			if got := modelText(doc2); got != want {
				t.Errorf("saved by %s, the report text differs:\n%s", by, firstDiff(got, want))
			}
			for _, w := range j2.Data.Warnings {
				t.Logf("saved by %s: warning %v", by, w)
			}
		}
	})
}

// firstDiff shows where two texts part.
func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return "got:  …" + got[from:min(len(got), i+80)] + "…\nwant: …" + want[from:min(len(want), i+80)] + "…"
}
