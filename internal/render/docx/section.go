package docx

import "baocao/internal/docmodel"

// Relationship ids of document.xml; fixed so the output never depends on
// the order anything was discovered in.
const (
	ridStyles      = "rId1"
	ridSettings    = "rId2"
	ridFontTable   = "rId3"
	ridFootnotes   = "rId4"
	ridHeaderPage  = "rId5" // default header: the page number
	ridHeaderFirst = "rId6" // first-page header: empty, ND30 prints no number on page 1
)

// sectProps describes one section: the report itself or one appendix.
type sectProps struct {
	page      docmodel.PageSetup
	landscape bool
	// restart numbers the section's pages from 1 again: each phụ lục is
	// numbered on its own (ND30 Phụ lục I Mục III.1.đ).
	restart bool
	// numbered: the first page prints its number, as the pages of a
	// turned part of the body do; otherwise it is a first page (of the
	// report, of an appendix) and has none.
	numbered bool
}

// size is the page size with the orientation applied.
func (s sectProps) size() (w, h int) {
	w, h = int(s.page.Width), int(s.page.Height)
	if s.landscape && w < h || !s.landscape && w > h {
		w, h = h, w
	}
	return w, h
}

// textWidth is the room between the margins in twips.
func (s sectProps) textWidth() int {
	w, _ := s.size()
	return w - int(s.page.MarginLeft) - int(s.page.MarginRight)
}

func (b *buf) sectPr(s sectProps) {
	p := s.page
	w, h := s.size()
	b.open("w:sectPr")
	b.empty("w:headerReference", "w:type", "default", "r:id", ridHeaderPage)
	if !s.numbered {
		b.empty("w:headerReference", "w:type", "first", "r:id", ridHeaderFirst)
	}
	sz := []string{"w:w", itoa(w), "w:h", itoa(h)}
	if s.landscape {
		sz = append(sz, "w:orient", "landscape")
	}
	b.empty("w:pgSz", sz...)
	// Landscape keeps the portrait margins on the same sides: the binding
	// margin stays on the left of the printed text.
	b.empty("w:pgMar",
		"w:top", itoa(int(p.MarginTop)), "w:right", itoa(int(p.MarginRight)),
		"w:bottom", itoa(int(p.MarginBottom)), "w:left", itoa(int(p.MarginLeft)),
		"w:header", itoa(int(p.HeaderDistance)), "w:footer", itoa(int(p.FooterDistance)),
		"w:gutter", "0")
	if s.restart {
		b.empty("w:pgNumType", "w:start", "1")
	}
	b.empty("w:cols", "w:space", "720")
	// titlePg: the first page of each section takes the empty first-page
	// header, so page 1 of the report (and of each appendix) has no number.
	if !s.numbered {
		b.empty("w:titlePg")
	}
	b.empty("w:docGrid", "w:linePitch", "360")
	b.close("w:sectPr")
}
