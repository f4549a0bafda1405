package docmodel

import "baocao/internal/msg"

// Slot is one position of a table's grid.
type Slot struct {
	Cell *Cell // the cell that covers this position
	Row  int   // the row where Cell starts
	Col  int   // the column where Cell starts
}

// Origin reports whether the slot is the top-left position of its cell.
func (s Slot) Origin(row, col int) bool { return s.Row == row && s.Col == col }

func span(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

// Grid places the cells of t on a rows × columns grid, resolving column
// and row spans. It fails when a row does not fill the columns exactly or
// a span runs past the table, so that every writer sees the same shape.
func (t *Table) Grid() ([][]Slot, error) {
	cols := len(t.Columns)
	if cols == 0 {
		return nil, msg.Errorf("table has no columns")
	}
	if t.HeaderRows < 0 || t.HeaderRows > len(t.Rows) {
		return nil, msg.Errorf("table has %d header rows but %d rows", t.HeaderRows, len(t.Rows))
	}
	grid := make([][]Slot, len(t.Rows))
	for r := range grid {
		grid[r] = make([]Slot, cols)
	}
	for r := range t.Rows {
		c := 0
		for i := range t.Rows[r].Cells {
			cell := &t.Rows[r].Cells[i]
			for c < cols && grid[r][c].Cell != nil {
				c++
			}
			cs, rs := span(cell.ColSpan), span(cell.RowSpan)
			if c+cs > cols {
				return nil, msg.Errorf("row %d, cell %d: spans past column %d", r+1, i+1, cols)
			}
			if r+rs > len(t.Rows) {
				return nil, msg.Errorf("row %d, cell %d: spans %d rows past the end of the table", r+1, i+1, rs)
			}
			for dr := 0; dr < rs; dr++ {
				for dc := 0; dc < cs; dc++ {
					if grid[r+dr][c+dc].Cell != nil {
						return nil, msg.Errorf("row %d, cell %d: overlaps the cell from row %d, column %d",
							r+1, i+1, grid[r+dr][c+dc].Row+1, grid[r+dr][c+dc].Col+1)
					}
					grid[r+dr][c+dc] = Slot{Cell: cell, Row: r, Col: c}
				}
			}
			c += cs
		}
		for c := 0; c < cols; c++ {
			if grid[r][c].Cell == nil {
				return nil, msg.Errorf("row %d has no cell at column %d", r+1, c+1)
			}
		}
	}
	return grid, nil
}
