package docx

import "baocao/internal/docmodel"

// Per-element sizes of the markup of document.xml and footnotes.xml, in
// bytes, besides the text: a paragraph's properties, a run's, a table
// cell's, row's and table's, a footnote's. Averages of the sample
// reports' markup, for the hints only.
const (
	hintPara     = 50
	hintRun      = 45
	hintCell     = 150
	hintRow      = 60
	hintTable    = 400
	hintFootnote = 150
)

// documentHint is about the length of d's document.xml, and notesHint of
// its footnotes.xml. The first document of a process writes each into an
// array of that size (and an eighth) instead of growing one by doubling:
// the copies, and the fresh memory they touched, were a tenth of the DOCX
// writer's time in a fresh process. Output does not depend on them.
func documentHint(d *docmodel.Document) int {
	n := 6 << 10 // header block, title, closing, section properties
	n += blocksHint(d.Body)
	for i := range d.Appendices {
		n += blocksHint(d.Appendices[i].Body)
	}
	return n + n/8
}

func notesHint(d *docmodel.Document) int {
	n := 1 << 10 // the separators
	for _, f := range d.Footnotes {
		n += hintFootnote
		for _, p := range f.Content {
			n += paraHint(p)
		}
	}
	return n + n/8
}

func blocksHint(bs []docmodel.Block) int {
	n := 0
	for _, b := range bs {
		switch v := b.(type) {
		case *docmodel.Heading:
			n += hintPara + len(v.Label) + inlinesHint(v.Content)
		case *docmodel.Paragraph:
			n += paraHint(v)
		case *docmodel.Table:
			n += hintTable
			for _, r := range v.Rows {
				n += hintRow
				for _, c := range r.Cells {
					n += hintCell
					for _, p := range c.Content {
						n += paraHint(p)
					}
				}
			}
		}
	}
	return n
}

func paraHint(p *docmodel.Paragraph) int {
	if p == nil {
		return 0
	}
	return hintPara + len(p.Marker) + inlinesHint(p.Content)
}

func inlinesHint(in []docmodel.Inline) int {
	n := 0
	for _, x := range in {
		n += hintRun
		if t, ok := x.(docmodel.Text); ok {
			n += len(t.Text)
		}
	}
	return n
}
