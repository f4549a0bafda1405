package diff

import (
	"golang.org/x/text/language"

	"baocao/internal/check"
	"baocao/internal/dataset"
	"baocao/internal/docmodel"
	"baocao/internal/msg"
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

// In is the report told in lang: the changes' labels and notes, and the
// new workbook's findings, for a JSON answer.
func (r *Report) In(lang language.Tag) *Report {
	out := &Report{Changes: r.Changes, Places: r.Places, NewFindings: r.NewFindings}
	if r.Changes != nil {
		out.Changes = make([]Change, len(r.Changes))
		for i, c := range r.Changes {
			out.Changes[i] = c.In(lang)
		}
	}
	if r.Places != nil {
		out.Places = make([]Place, len(r.Places))
		for i, p := range r.Places {
			out.Places[i] = p.In(lang)
		}
	}
	if r.NewFindings != nil {
		out.NewFindings = make([]check.Finding, len(r.NewFindings))
		for i, f := range r.NewFindings {
			out.NewFindings[i] = f.In(lang)
		}
	}
	return out
}

// Empty reports whether nothing changed.
func (r *Report) Empty() bool { return len(r.Changes) == 0 && len(r.Places) == 0 }

// Run compares the datasets old and cur. build makes the document of a
// dataset; readOld reads the old workbook afresh, so each change can be
// replayed on an untouched copy.
func Run(old, cur *dataset.Dataset, build func(*dataset.Dataset) (*docmodel.Document, error), readOld func() (*dataset.Dataset, error)) (*Report, error) {
	oldDoc, err := build(old)
	if err != nil {
		return nil, msg.Errorf("the old workbook: %w", err)
	}
	curDoc, err := build(cur)
	if err != nil {
		return nil, msg.Errorf("the new workbook: %w", err)
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
			return nil, msg.Errorf("replaying the change %v: %w", c, err)
		}
		doc, err := build(ds)
		if err != nil {
			// The change alone breaks the build (it only makes sense
			// together with another): say so rather than fail.
			c.Reach = []Place{{Where: theReport.Localize(msg.English), Kind: "error", New: err.Error(), where: theReport, text: msg.Of(err)}}
			continue
		}
		c.Reach = Document(oldDoc, doc)
	}
	return r, nil
}
