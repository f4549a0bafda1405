package build

import (
	"baocao/internal/check"
	"baocao/internal/dataset"
	"baocao/internal/diff"
	"baocao/internal/docmodel"
)

// Diff compares two datasets of the template as `baocao diff` and the
// web page do: the figures that changed, each with the places of the
// report it reaches. readOld reads the old dataset afresh, so each change
// is replayed on an untouched copy.
//
// failing is the errors the checks find in cur, as a build would refuse
// it; they are also the report's NewFindings. When cur cannot be made into
// a document at all, err says so and failing explains why.
func (t *Template) Diff(old, cur *dataset.Dataset, readOld func() (*dataset.Dataset, error)) (rep *diff.Report, failing []check.Finding, err error) {
	doc := func(ds *dataset.Dataset) (*docmodel.Document, error) {
		// The images do not change a word of the report.
		j := &Job{Template: t.Report, Appendices: t.Appendices, Contract: t.Contract, Data: ds, noImages: true}
		return j.Document()
	}
	newJob := &Job{Template: t.Report, Checks: t.Checks, Appendices: t.Appendices, Contract: t.Contract, Data: cur, noImages: true}
	if findings := newJob.Validate(); check.HasErrors(findings) {
		for _, f := range findings {
			if f.Severity == check.Error {
				failing = append(failing, f)
			}
		}
	}
	rep, err = diff.Run(old, cur, doc, readOld)
	if err != nil {
		return nil, failing, err
	}
	rep.NewFindings = failing
	return rep, failing, nil
}
