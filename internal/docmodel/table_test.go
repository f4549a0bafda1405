package docmodel

import (
	"strings"
	"testing"
)

func cells(spans ...[2]int) []Cell {
	out := make([]Cell, len(spans))
	for i, s := range spans {
		out[i] = Cell{ColSpan: s[0], RowSpan: s[1]}
	}
	return out
}

func TestGrid(t *testing.T) {
	// | A (2 rows) | B (2 cols)   |
	// |            | C    | D     |
	// | E          | F    | G     |
	tab := &Table{Columns: make([]Column, 3), HeaderRows: 2, Rows: []Row{
		{Cells: cells([2]int{1, 2}, [2]int{2, 1})},
		{Cells: cells([2]int{1, 1}, [2]int{1, 1})},
		{Cells: cells([2]int{}, [2]int{}, [2]int{})},
	}}
	g, err := tab.Grid()
	if err != nil {
		t.Fatal(err)
	}
	origin := func(r, c int) string {
		s := g[r][c]
		return string(rune('0'+s.Row)) + string(rune('0'+s.Col))
	}
	want := [][]string{{"00", "01", "01"}, {"00", "11", "12"}, {"20", "21", "22"}}
	for r := range want {
		for c := range want[r] {
			if got := origin(r, c); got != want[r][c] {
				t.Errorf("slot %d,%d starts at %s, want %s", r, c, got, want[r][c])
			}
		}
	}
	if !g[1][0].Origin(0, 0) || g[1][0].Origin(1, 0) {
		t.Error("Origin is wrong for a row span")
	}
}

func TestGridErrors(t *testing.T) {
	tests := []struct {
		name string
		tab  Table
		want string
	}{
		{"no columns", Table{}, "no columns"},
		{"too many header rows", Table{Columns: make([]Column, 1), HeaderRows: 2, Rows: []Row{{Cells: cells([2]int{})}}}, "2 header rows"},
		{"span past the columns", Table{Columns: make([]Column, 2), Rows: []Row{{Cells: cells([2]int{3, 1})}}}, "spans past column 2"},
		{"span past the rows", Table{Columns: make([]Column, 1), Rows: []Row{{Cells: cells([2]int{1, 2})}}}, "past the end"},
		{"short row", Table{Columns: make([]Column, 2), Rows: []Row{{Cells: cells([2]int{})}}}, "row 1 has no cell at column 2"},
		{"overlap", Table{Columns: make([]Column, 2), Rows: []Row{
			{Cells: cells([2]int{1, 2}, [2]int{})},
			{Cells: cells([2]int{2, 1})},
		}}, "spans past column 2"},
	}
	for _, tt := range tests {
		if _, err := tt.tab.Grid(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestLength(t *testing.T) {
	if MM(20) != 1134 || MM(30) != 1701 || MM(15) != 850 {
		t.Errorf("MM: 20 → %d, 30 → %d, 15 → %d; want 1134, 1701, 850 (domain.md §1.1)", MM(20), MM(30), MM(15))
	}
	if (14 * Point).Pt() != 14 {
		t.Error("Pt")
	}
	if w := DefaultPage().TextWidth(); w != 11906-1701-850 {
		t.Errorf("text width %d", w)
	}
}

func TestPlainText(t *testing.T) {
	in := []Inline{Text{Text: "Thành phố"}, FootnoteRef{Number: 1}, Text{Text: ".", Bold: true}, LineBreak{}, Text{Text: "x"}}
	if got := PlainText(in); got != "Thành phố1. x" {
		t.Errorf("got %q", got)
	}
}
