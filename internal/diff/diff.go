package diff

import (
	"fmt"

	"baocao/internal/check"
	"baocao/internal/dataset"
	"baocao/internal/docmodel"
)

// Report is the whole answer: the figures that changed, each with its
// reach, and every place of the report that differs between the two
// versions (which also covers rows added or removed, whose reach cannot
// be replayed alone).
type Report struct {
	Changes []Change `json:"changes"`
	Places  []Place  `json:"report"`
	// NewFindings are the checks the new workbook fails (errors first):
	// a diff of a workbook that build would refuse must say so.
	NewFindings []check.Finding `json:"new_findings,omitempty"`
}

// Empty reports whether nothing changed.
func (r *Report) Empty() bool { return len(r.Changes) == 0 && len(r.Places) == 0 }

// Run compares the datasets old and cur. build makes the document of a
// dataset; readOld reads the old workbook afresh, so each change can be
// replayed on an untouched copy.
func Run(old, cur *dataset.Dataset, build func(*dataset.Dataset) (*docmodel.Document, error), readOld func() (*dataset.Dataset, error)) (*Report, error) {
	oldDoc, err := build(old)
	if err != nil {
		return nil, fmt.Errorf("old workbook: %w", err)
	}
	curDoc, err := build(cur)
	if err != nil {
		return nil, fmt.Errorf("new workbook: %w", err)
	}
	r := &Report{Changes: Data(old, cur), Places: Document(oldDoc, curDoc)}
	for i := range r.Changes {
		c := &r.Changes[i]
		if c.apply == nil {
			continue
		}
		ds, err := readOld()
		if err != nil {
			return nil, err
		}
		if err := c.apply(ds); err != nil {
			return nil, fmt.Errorf("replaying %s: %w", c, err)
		}
		doc, err := build(ds)
		if err != nil {
			// The change alone breaks the build (it only makes sense
			// together with another): say so rather than fail.
			c.Reach = []Place{{Where: "(báo cáo)", Kind: "error", New: err.Error()}}
			continue
		}
		c.Reach = Document(oldDoc, doc)
	}
	return r, nil
}
