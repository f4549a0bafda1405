package build

import (
	"testing"

	"baocao"
)

// TestSamplesKeepTheirContracts: each built-in template's du-lieu.yaml
// declares exactly the facts of its sample workbook, and the sample passes
// the contract's checks, so the contract is the workbook's documentation
// and neither can drift from the other.
func TestSamplesKeepTheirContracts(t *testing.T) {
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
}
