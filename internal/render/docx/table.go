package docx

import (
	"math"

	"baocao/internal/docmodel"
	"baocao/internal/msg"
	"baocao/internal/render/layout"
)

func jcOf(a docmodel.Align) string {
	switch a {
	case docmodel.AlignLeft:
		return "left"
	case docmodel.AlignCenter:
		return "center"
	case docmodel.AlignRight:
		return "right"
	case docmodel.AlignJustify:
		return "both"
	}
	return ""
}

func span(n int) int { return max(n, 1) }

// smallTable is the most body rows a table may have to be kept on one
// page whole.
const smallTable = 6

// table writes a body or appendix table across the full text width of the
// current section, so a landscape appendix gets the wider grid.
func (w *docWriter) table(t *docmodel.Table) error {
	if t == nil {
		return msg.Errorf("nil table")
	}
	grid, err := t.Grid()
	if err != nil {
		return msg.Errorf("table: %w", err)
	}
	for i, c := range t.Columns {
		if c.Width < 0 || math.IsNaN(c.Width) || math.IsInf(c.Width, 0) {
			return msg.Errorf("table: column %d has width %v", i+1, c.Width)
		}
	}
	widths := columnWidths(layout.TableColumns(t, grid, twipsPt(w.sect.textWidth()), w.page.Sizes.Table, layout.CellPadding), w.sect.textWidth())
	for i, x := range widths {
		if x <= 0 {
			return msg.Errorf("table: column %d has no width", i+1)
		}
	}

	w.separateTable()
	b := &w.b
	if t.Caption != "" {
		b.simpleParagraph(pProps{style: stTableCaption}, rProps{}, t.Caption)
	}
	total := 0
	for _, x := range widths {
		total += x
	}
	b.open("w:tbl")
	b.open("w:tblPr")
	style := stTableNormal
	if t.Borders {
		style = stTableGrid
	}
	b.empty("w:tblStyle", "w:val", style)
	b.empty("w:tblW", "w:w", itoa(total), "w:type", "dxa")
	if t.Borders {
		// Repeated from the style: LibreOffice draws table-style borders
		// only when they are also given on the table.
		b.open("w:tblBorders")
		for _, side := range []string{"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"} {
			b.empty(side, "w:val", "single", "w:sz", "4", "w:space", "0", "w:color", "000000")
		}
		b.close("w:tblBorders")
	}
	// Fixed layout: the grid is the model's, not re-guessed from content
	// by each word processor.
	b.empty("w:tblLayout", "w:type", "fixed")
	b.close("w:tblPr")
	b.open("w:tblGrid")
	for _, x := range widths {
		b.empty("w:gridCol", "w:w", itoa(x))
	}
	b.close("w:tblGrid")

	// A small table is kept on one page: keep-with-next on the paragraphs
	// of every row but the last ties each row to the next one, which Word
	// and LibreOffice both honour inside a table; cantSplit keeps each row
	// whole. The PDF writer keeps the same tables together (smallTable
	// there).
	small := len(t.Rows)-t.HeaderRows <= smallTable
	// The tail of a table goes to a page together, as in the PDF: the
	// last row never opens a page alone, and a total row (a bold last
	// row) keeps the two rows before it.
	tail := 2
	if len(t.Rows) > t.HeaderRows && t.Rows[len(t.Rows)-1].Bold {
		tail = 3
	}
	for r, row := range t.Rows {
		header := r < t.HeaderRows
		// A row that a merged cell ties to the next one goes with it:
		// cantSplit keeps one row whole, not a merged cell across rows.
		tied := r+1 < len(t.Rows) && func() bool {
			for c := range grid[r+1] {
				if grid[r+1][c].Row <= r {
					return true
				}
			}
			return false
		}()
		keep := (small || header || tied || r >= len(t.Rows)-tail && r >= t.HeaderRows) && r < len(t.Rows)-1
		b.open("w:tr")
		b.open("w:trPr")
		b.empty("w:cantSplit")
		if header {
			b.empty("w:tblHeader")
		}
		b.close("w:trPr")
		for c := 0; c < len(t.Columns); {
			s := grid[r][c]
			cs := span(s.Cell.ColSpan)
			cw := 0
			for _, x := range widths[c : c+cs] {
				cw += x
			}
			origin := s.Row == r
			b.open("w:tc")
			b.open("w:tcPr")
			b.empty("w:tcW", "w:w", itoa(cw), "w:type", "dxa")
			if cs > 1 {
				b.empty("w:gridSpan", "w:val", itoa(cs))
			}
			switch {
			case origin && span(s.Cell.RowSpan) > 1:
				b.empty("w:vMerge", "w:val", "restart")
			case !origin:
				b.empty("w:vMerge")
			}
			b.empty("w:vAlign", "w:val", "center")
			b.close("w:tcPr")
			if origin {
				if err := w.cell(t, row, s.Cell, c, header, keep); err != nil {
					return msg.Errorf("table row %d, column %d: %w", r+1, c+1, err)
				}
			} else {
				// A continued merge still needs its paragraph; its text is
				// never shown.
				b.simpleParagraph(pProps{style: stTableText, keepNext: keep}, rProps{}, "")
			}
			b.close("w:tc")
			c += cs
		}
		b.close("w:tr")
	}
	b.close("w:tbl")
	return nil
}

// cell writes the paragraphs of one cell. Header rows are bold and centred
// unless the model says otherwise: that is what ND30 appendix tables and
// both seeds show, and the model has no other way to say "column title".
func (w *docWriter) cell(t *docmodel.Table, row docmodel.Row, c *docmodel.Cell, col int, header, keep bool) error {
	base := rProps{bold: row.Bold || c.Bold || header}
	align := c.Align
	if align == docmodel.AlignDefault && header {
		align = docmodel.AlignCenter
	}
	if align == docmodel.AlignDefault {
		align = t.Columns[col].Align
	}
	if len(c.Content) == 0 {
		w.b.simpleParagraph(pProps{style: stTableText, jc: jcOf(align), keepNext: keep}, base, "")
		return nil
	}
	for i, p := range c.Content {
		if p == nil {
			return msg.Errorf("paragraph %d is nil", i+1)
		}
		jc := jcOf(align)
		// A paragraph that asks to be centred or right aligned says more
		// than the column it sits in.
		switch p.Style {
		case docmodel.Centered:
			jc = "center"
		case docmodel.RightText:
			jc = "right"
		}
		if err := w.para(p, pProps{style: stTableText, jc: jc, keepNext: keep}, base); err != nil {
			return msg.Errorf("paragraph %d: %w", i+1, err)
		}
	}
	return nil
}
