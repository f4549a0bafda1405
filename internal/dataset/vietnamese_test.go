package dataset

import (
	"testing"

	"baocao/internal/testtool"
)

// englishWords are the English words a Vietnamese message of this
// package must not have left in it.
var englishWords = []string{"the", "sheet", "cell", "cells", "expected", "found", "is", "of", "and", "or", "row", "rows", "column", "not", "has", "no", "typed", "indicator", "children", "total", "key", "number", "date", "empty"}

// TestVietnamese: the messages of the dataset come out wholly Vietnamese,
// their place and their arguments (a measure, an indicator's label, a
// list) included.
func TestVietnamese(t *testing.T) {
	loc := Loc{File: "so-lieu.xlsx", Sheet: "Biểu 1", Cell: "C5"}
	facts := NewFacts("Thông tin")
	_ = facts.Add("so_van_ban", Value{Kind: TextKind, Text: "05"}, Loc{File: "so-lieu.xlsx", Sheet: "Thông tin", Cell: "A2"})
	dupErr := facts.Add("Số_văn_bản", Value{}, Loc{File: "so-lieu.xlsx", Sheet: "Thông tin", Cell: "A3"})
	ds := &Dataset{Source: "so-lieu.xlsx", Facts: facts}
	_, noFact := ds.Fact("ten_don_vi")
	_, noTree := ds.Tree("")
	_, noTable := ds.Table("TTHC")
	tab := NewTable("TTHC", "Năm", [][]string{{"Tổng số"}, {"Trực tuyến"}}, []Loc{{}, {}})
	_, noCol := tab.Column("Tỷ lệ")
	_, noRow := tab.Row("2024")
	_, notNum := Value{Kind: TextKind, Text: "mười", Loc: loc}.Float()
	_, emptyDate := Value{Loc: loc}.Date()

	tr, warns := build(t,
		r{"1", "Công tác chỉ đạo", "6", "", "5", ""},
		r{"1.1", "a", "2", "", "1", ""},
		r{"1.2", "b", "3", "", "1", ""},
		r{"2", "Thể chế", "4", "", "3", ""},
		r{"2.1", "c", "2", "", "", ""},
		r{"2.2", "d", "2", "", "1", ""},
		r{"3", "Tài chính công", "3", "2", "2", ""},
	)
	byKind := map[IssueKind]error{}
	for _, is := range tr.Issues {
		byKind[is.Kind] = is
	}
	if len(byKind) != 3 {
		t.Fatalf("want the three kinds of issue, got %v", warns)
	}
	_, unknown := node(t, tr, "2.1").Score()
	tests := []struct {
		name string
		err  any
		want string
	}{
		{"not a number", notNum, `so-lieu.xlsx, trang "Biểu 1", ô C5: cần một số, có "mười"`},
		{"empty date", emptyDate, `so-lieu.xlsx, trang "Biểu 1", ô C5: cần một ngày, có ô trống`},
		{"duplicate key", dupErr, `ô A2`},
		{"no fact", noFact, `không có dữ kiện nào có khóa "ten_don_vi"`},
		{"no tree", noTree, "không có trang chỉ số"},
		{"no table", noTable, `không có trang bảng "TTHC"`},
		{"no column", noCol, `trang "TTHC" không có cột "Tỷ lệ"`},
		{"no row", noRow, `không có dòng "2024"`},
		{"sum mismatch", byKind[SumMismatch], "điểm đạt của chỉ số 1 (Công tác chỉ đạo) được ghi là 5"},
		{"unverified", byKind[Unverified], "có điểm đạt 3 được ghi sẵn (ô E5)"},
		{"over the self-assessed maximum", byKind[OverSelfMax], "vượt điểm tối đa tự đánh giá 1 (điểm tối đa 3 trừ điểm ĐTXHH 2)"},
		{"not computed", unknown, "điểm đạt của chỉ số 2.1 (c) không có trong bảng tính"},
	}
	for _, tt := range tests {
		if tt.err == nil {
			continue
		}
		testtool.SaysVietnamese(t, tt.name, tt.err, tt.want, englishWords)
	}
}
