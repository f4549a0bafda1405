package pdf

import (
	"math"

	"baocao/internal/docmodel"
	"baocao/internal/fonts"
	"baocao/internal/msg"
	"baocao/internal/render/layout"
)

// tableUnits is a laid-out table: the caption lines, the header row group
// (repeated on each page the table reaches) and the body row groups. A row
// group is a run of rows tied together by row spans; it is never split, so
// a merged cell is never cut by a page break.
type tableUnits struct {
	caption []unit
	header  []unit
	body    []unit
	// total: the last row is the table's total row (a bold row), which
	// keeps the two row groups before it on its page.
	total bool
}

func span(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

func cellAlign(t *docmodel.Table, c *docmodel.Cell, col int, par *docmodel.Paragraph, header bool) align {
	a := c.Align
	if a == docmodel.AlignDefault {
		switch par.Style {
		case docmodel.Centered:
			return alignCenter
		case docmodel.RightText:
			return alignRight
		}
		if header {
			return alignCenter
		}
		a = t.Columns[col].Align
	}
	switch a {
	case docmodel.AlignCenter:
		return alignCenter
	case docmodel.AlignRight:
		return alignRight
	case docmodel.AlignJustify:
		return alignJustify
	}
	return alignLeft
}

func (w *writer) table(t *docmodel.Table, g geom) (tableUnits, error) {
	var tu tableUnits
	grid, err := t.Grid()
	if err != nil {
		return tu, msg.Errorf("table: %w", err)
	}
	cols := len(t.Columns)
	size := w.sz.Table
	colX := make([]float64, cols+1)
	colX[0] = g.left
	for i, wd := range layout.TableColumns(t, grid, g.textW(), size, cellPadX) {
		colX[i+1] = colX[i] + wd
	}
	lh := lineHeight(size, 1)

	// Lay out every cell where it starts.
	type cellBox struct {
		r, c, rs, cs int
		lines        []unit
		h            float64
	}
	var boxes []cellBox
	rows := len(grid)
	rowH := make([]float64, rows)
	for r := range rowH {
		rowH[r] = lh + 2*cellPadY
	}
	for r := 0; r < rows; r++ {
		row := &t.Rows[r]
		header := r < t.HeaderRows
		for c := 0; c < cols; c++ {
			sl := grid[r][c]
			if !sl.Origin(r, c) {
				continue
			}
			cell := sl.Cell
			bx := cellBox{r: r, c: c, rs: span(cell.RowSpan), cs: span(cell.ColSpan)}
			x := colX[c] + cellPadX
			wd := math.Max(colX[c+bx.cs]-colX[c]-2*cellPadX, 1)
			bold := row.Bold || cell.Bold || header
			for _, par := range cell.Content {
				if par == nil {
					continue
				}
				sp := parSpec{x: x, width: wd, size: size, lineH: lh, align: cellAlign(t, cell, c, par, header)}
				b := wordBuilder{g: &w.g, br: w.breaker(sp), words: w.words[:0], arena: w.arena[:0]}
				if par.Marker != "" {
					b.text(par.Marker+" ", style{face: fonts.FaceOf(bold, false), size: size})
				}
				b.inlines(par.Content, size, bold, false)
				bx.lines = append(bx.lines, b.finishLines()...)
				w.words, w.arena = b.words[:0], b.arena[:0]
			}
			bx.h = sumH(bx.lines) + 2*cellPadY
			if bx.rs == 1 {
				rowH[r] = math.Max(rowH[r], bx.h)
			}
			boxes = append(boxes, bx)
		}
	}
	// Row-spanning cells grow their last row when the rows are too low.
	for _, bx := range boxes {
		if bx.rs > 1 {
			have := 0.0
			for k := bx.r; k < bx.r+bx.rs; k++ {
				have += rowH[k]
			}
			if bx.h > have {
				rowH[bx.r+bx.rs-1] += bx.h - have
			}
		}
	}
	rowY := make([]float64, rows+1)
	for r := 0; r < rows; r++ {
		rowY[r+1] = rowY[r] + rowH[r]
	}
	// Group rows tied by spans.
	groupEnd := make([]int, 0, rows)
	for a := 0; a < rows; {
		end := a + 1
		for r := a; r < end; r++ {
			for _, bx := range boxes {
				if bx.r == r && bx.r+bx.rs > end {
					end = bx.r + bx.rs
				}
			}
		}
		groupEnd = append(groupEnd, end)
		a = end
	}
	bi := 0
	for gi, a := 0, 0; gi < len(groupEnd); gi++ {
		end := groupEnd[gi]
		u := unit{h: rowY[end] - rowY[a], rows: &rowSpan{first: a, n: end - a, total: end == rows && a >= t.HeaderRows && t.Rows[rows-1].Bold}}
		for ; bi < len(boxes) && boxes[bi].r < end; bi++ {
			bx := boxes[bi]
			top := rowY[bx.r] - rowY[a]
			h := rowY[bx.r+bx.rs] - rowY[bx.r]
			if t.Borders {
				u.ops = append(u.ops, op{kind: opRect, x: colX[bx.c], y: top, x2: colX[bx.c+bx.cs] - colX[bx.c], y2: h, lw: ruleWidth})
			}
			// Cells are centred vertically, as in the appendix tables of
			// the reference reports.
			stack(&u, bx.lines, top+(h-sumH(bx.lines))/2)
		}
		if a < t.HeaderRows {
			tu.header = append(tu.header, u)
		} else {
			tu.body = append(tu.body, u)
		}
		a = end
	}
	tu.total = rows > t.HeaderRows && t.Rows[rows-1].Bold
	if t.Caption != "" {
		st := style{face: fonts.Bold, size: w.sz.Body}
		tu.caption = layoutWords(w.plainWords(t.Caption, st), parSpec{x: g.left, width: g.textW(), align: alignCenter, size: st.size, lineH: lineHeight(st.size, 1)})
	}
	return tu, nil
}
