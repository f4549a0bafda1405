package docmodel

import (
	"testing"

	"baocao/internal/msg"
)

// TestGridErrorsInVietnamese: a table's shape errors in Vietnamese.
func TestGridErrorsInVietnamese(t *testing.T) {
	for _, tt := range []struct {
		tab  Table
		want string
	}{
		{Table{}, "bảng không có cột nào"},
		{Table{Columns: make([]Column, 2), Rows: []Row{{Cells: cells([2]int{3, 1})}}}, "dòng 1, ô thứ 1: trải quá cột 2"},
		{Table{Columns: make([]Column, 2), Rows: []Row{{Cells: cells([2]int{})}}}, "dòng 1 không có ô ở cột 2"},
	} {
		_, err := tt.tab.Grid()
		if got := msg.Local(msg.Vietnamese, err); got != tt.want {
			t.Errorf("%q, want %q", got, tt.want)
		}
	}
}
