package consolidate

import (
	"testing"

	"baocao/internal/check"
	"baocao/internal/dataset"
	"baocao/internal/msg"
	"baocao/internal/testtool"
)

// englishWords are the English words a Vietnamese message of this
// package must not have left in it.
var englishWords = []string{"the", "a", "unit", "units", "and", "are", "both", "workbook", "keep", "one", "of", "is", "has", "rows", "row", "every", "reports", "same", "periods", "fact", "missing", "or", "blank", "fails", "check", "first"}

// TestVietnamese: why a unit is left out, or why the consolidation
// stops, is told in Vietnamese.
func TestVietnamese(t *testing.T) {
	a := unit("Phường A", 1, [][3]float64{{0, 1, 0}})
	a2 := unit("PHƯỜNG A", 1, [][3]float64{{0, 1, 0}})
	a2.Source = "phuong-a-ban-2.xlsx"
	b := unit("Phường B", 1, [][3]float64{{0, 1, 0}, {0, 2, 0}})
	noName := unit("", 1, [][3]float64{{0, 1, 0}})
	noName.Source = "x.xlsx"
	_, dup := Run(nil, inputs(a, a2), spec)
	_, shape := Run(nil, inputs(a, b), spec)
	res, err := Run(nil, inputs(a, noName), spec)
	if err != nil || len(res.Missing) != 1 {
		t.Fatalf("%v, %+v", err, res)
	}
	failing := spec
	failing.Check = func(ds *dataset.Dataset) []check.Finding {
		return []check.Finding{check.NewFinding(check.Error, "du-lieu", dataset.Loc{File: ds.Source, Sheet: "Thông tin", Cell: "B2"}, msg.Word("a number"), "x", msg.Sprintf("the number %s", "x"))}
	}
	_, none := Run(nil, inputs(a), failing)
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"duplicate", dup, "Phường A.xlsx và phuong-a-ban-2.xlsx đều là bảng tính của"},
		{"shape", shape, "mọi đơn vị phải báo cáo cùng các kỳ"},
		{"no name", res.Missing[0].Err, "x.xlsx: thiếu dữ kiện ten_don_vi (tên đơn vị) hoặc để trống"},
		{"every unit fails", none, `không tổng hợp được bảng tính nào trong 1 bảng tính đơn vị (bảng tính đầu tiên: Phường A (Phường A.xlsx): không đạt 1 phép kiểm tra, phép đầu tiên: Phường A.xlsx, trang "Thông tin", ô B2: số x (cần một số, có x))`},
	}
	for _, tt := range tests {
		if tt.err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		testtool.SaysVietnamese(t, tt.name, tt.err, tt.want, englishWords)
	}
}
