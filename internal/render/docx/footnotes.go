package docx

import (
	"baocao/internal/docmodel"
	"baocao/internal/msg"
)

// footnotesXML writes word/footnotes.xml: the two separators Word expects
// (ids -1 and 0, named again in settings.xml), then one note per model
// footnote with id = its number, each opening with its own reference mark
// as Word's notes do.
func (w *docWriter) footnotesXML() ([]byte, error) {
	// The notes reuse the document writer (after document.xml is taken
	// from it), so the paragraph code is shared and a reference inside a
	// note is caught by the same check.
	w.b = newBuf(notesHint(w.d))
	w.inFootnote = true

	b := &w.b
	b.WriteString(xmlHeader)
	b.open("w:footnotes", "xmlns:w", nsW, "xmlns:r", nsR)
	sep := pProps{spacing: &spacing{}}
	b.open("w:footnote", "w:type", "separator", "w:id", "-1")
	b.open("w:p")
	b.pPr(sep)
	b.open("w:r")
	b.empty("w:separator")
	b.close("w:r")
	b.close("w:p")
	b.close("w:footnote")
	b.open("w:footnote", "w:type", "continuationSeparator", "w:id", "0")
	b.open("w:p")
	b.pPr(sep)
	b.open("w:r")
	b.empty("w:continuationSeparator")
	b.close("w:r")
	b.close("w:p")
	b.close("w:footnote")

	for i, f := range w.d.Footnotes {
		if f.Number != 0 && f.Number != i+1 {
			return nil, msg.Errorf("footnote %d carries number %d", i+1, f.Number)
		}
		b.open("w:footnote", "w:id", itoa(i+1))
		content := f.Content
		if len(content) == 0 {
			content = []*docmodel.Paragraph{{Style: docmodel.Flush}}
		}
		for j, p := range content {
			if p == nil {
				return nil, msg.Errorf("footnote %d, paragraph %d is nil", i+1, j+1)
			}
			if err := w.footnoteParagraph(p, j == 0); err != nil {
				return nil, msg.Errorf("footnote %d, paragraph %d: %w", i+1, j+1, err)
			}
		}
		b.close("w:footnote")
	}
	b.close("w:footnotes")
	return b.Bytes(), nil
}

// footnoteParagraph sets a note paragraph in FootnoteText; a BodyText
// paragraph keeps the body's first-line indent so a long note reads like
// the text it annotates.
func (w *docWriter) footnoteParagraph(p *docmodel.Paragraph, first bool) error {
	pp := pProps{style: stFootnoteText}
	switch p.Style {
	case docmodel.BodyText:
		pp.ind = &indent{firstLine: int(w.page.FirstLineIndent)}
	case docmodel.Centered:
		pp.jc = "center"
	case docmodel.RightText:
		pp.jc = "right"
	case docmodel.Flush:
	default:
		return msg.Errorf("unknown paragraph style %d", int(p.Style))
	}
	b := &w.b
	b.open("w:p")
	b.pPr(pp)
	if first {
		b.open("w:r")
		b.rPr(rProps{style: stFootnoteRef})
		b.empty("w:footnoteRef")
		b.close("w:r")
		b.run(rProps{}, " ")
	}
	if p.Marker != "" {
		b.run(rProps{}, p.Marker+" ")
	}
	if err := w.inlines(p.Content, rProps{}); err != nil {
		return err
	}
	b.close("w:p")
	return nil
}
