package a1

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestNames(t *testing.T) {
	for _, tc := range []struct {
		col, row     int
		column, cell string
	}{
		{1, 1, "A", "A1"},
		{26, 9, "Z", "Z9"},
		{27, 10, "AA", "AA10"},
		{52, 2, "AZ", "AZ2"},
		{53, 3, "BA", "BA3"},
		{702, 4, "ZZ", "ZZ4"},
		{703, 5, "AAA", "AAA5"},
		{16384, 1048576, "XFD", "XFD1048576"},
	} {
		if got := Column(tc.col); got != tc.column {
			t.Errorf("Column(%d) = %q, want %q", tc.col, got, tc.column)
		}
		if got := Cell(tc.col, tc.row); got != tc.cell {
			t.Errorf("Cell(%d, %d) = %q, want %q", tc.col, tc.row, got, tc.cell)
		}
		// excelize, which wrote our workbooks before, agrees.
		if want, _ := excelize.CoordinatesToCellName(tc.col, tc.row); want != tc.cell {
			t.Errorf("excelize names (%d, %d) %q, we %q", tc.col, tc.row, want, tc.cell)
		}
	}
	// What a damaged file or a bad reference names.
	for _, tc := range []struct {
		col, row int
		want     string
	}{{0, 5, "?5"}, {-3, 2, "?2"}, {3, 0, "C0"}, {2, -1, "B-1"}} {
		if got := Cell(tc.col, tc.row); got != tc.want {
			t.Errorf("Cell(%d, %d) = %q, want %q", tc.col, tc.row, got, tc.want)
		}
	}
}

// TestAppendCell: names are appended as the reader made them before it
// wrote them in place (this reference), from A1 to the absurd.
func TestAppendCell(t *testing.T) {
	ref := func(b []byte, col, row int) []byte {
		var tmp [24]byte
		i := len(tmp)
		for row > 0 {
			i--
			tmp[i] = byte('0' + row%10)
			row /= 10
		}
		for col > 0 && i > 0 {
			col--
			i--
			tmp[i] = byte('A' + col%26)
			col /= 26
		}
		return append(b, tmp[i:]...)
	}
	cols := []int{1, 2, 25, 26, 27, 52, 53, 702, 703, 16384, 18278, 18279, 1 << 20, 1<<62 + 12345}
	rows := []int{1, 9, 10, 99, 100, 1048576, 1<<62 + 7, 9223372036854775807}
	for _, c := range cols {
		for _, r := range rows {
			if got, want := AppendCell([]byte("x"), c, r), ref([]byte("x"), c, r); !bytes.Equal(got, want) {
				t.Errorf("AppendCell(%d, %d) = %q, want %q", c, r, got, want)
			}
		}
		if got, want := AppendColumn([]byte("x"), c), ref([]byte("x"), c, 0); !bytes.Equal(got, want) {
			t.Errorf("AppendColumn(%d) = %q, want %q", c, got, want)
		}
	}
}
