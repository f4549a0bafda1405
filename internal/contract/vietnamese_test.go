package contract

import (
	"strings"
	"testing"

	"baocao/internal/dataset"
	"baocao/internal/msg"
	"baocao/internal/testtool"
)

// englishWords are the English words a Vietnamese message of this
// package must not have left in it.
var englishWords = []string{"the", "a", "an", "sheet", "cell", "expected", "found", "is", "of", "and", "or", "not", "required", "type", "it", "text", "number", "whole", "date", "empty", "must", "be", "fact", "row", "key", "add", "table", "column", "declared", "twice"}

func englishLeft(s string) []string { return testtool.EnglishLeft(s, englishWords) }

// TestVietnamese: the findings of a workbook checked against du-lieu.yaml,
// expected and found values included, and the errors of du-lieu.yaml come
// out wholly Vietnamese.
func TestVietnamese(t *testing.T) {
	c, err := Parse("d.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	loc := func(cell string) dataset.Loc { return dataset.Loc{File: "w.xlsx", Sheet: "Thông tin", Cell: cell} }
	facts := dataset.NewFacts("Thông tin")
	facts.Add("ten_don_vi", dataset.Value{Loc: loc("B2")}, loc("A2"))
	facts.Add("so_van_ban", dataset.Value{Kind: dataset.NumberKind, Num: 3.5, Loc: loc("B3")}, loc("A3"))
	facts.Add("muc", dataset.Value{Kind: dataset.TextKind, Text: "Rất tốt", Loc: loc("B4")}, loc("A4"))
	tab := months()
	tab.Rows[0].Set("Mới", dataset.Value{Kind: dataset.TextKind, Text: "mười", Loc: dataset.Loc{File: "w.xlsx", Sheet: "Hồ sơ", Cell: "C3"}})
	ds := &dataset.Dataset{Source: "w.xlsx", Facts: facts, Tables: map[string]*dataset.Table{"Hồ sơ": tab}}
	var got []string
	for _, f := range c.Check(ds) {
		got = append(got, f.Localize(msg.Vietnamese))
		in := f.In(msg.Vietnamese)
		for _, s := range []string{in.Message, in.Expected, in.Found} {
			if left := englishLeft(s); len(left) > 0 {
				t.Errorf("JSON: English words %v left in %q", left, s)
			}
		}
	}
	want := []string{
		`w.xlsx, trang "Thông tin", ô B2: ten_don_vi (Tên đơn vị) là bắt buộc; hãy nhập giá trị (cần văn bản, có ô trống)`,
		`w.xlsx, trang "Thông tin", ô B3: so_van_ban (một số nguyên): cần một số nguyên, không có phần thập phân (cần một số nguyên, có 3,5)`,
		`w.xlsx, trang "Thông tin": trang dữ kiện không có dòng nào cho ngay_ban_hanh (một ngày (dd/mm/yyyy)); hãy thêm một dòng có khóa ngay_ban_hanh`,
		`w.xlsx, trang "Thông tin", ô B4: muc (văn bản) phải là một trong các giá trị đã liệt kê (cần Tốt, Khá, có Rất tốt)`,
		`w.xlsx, trang "Hồ sơ", ô C3: 7, Mới: cần một số (cần một số, có "mười")`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, s := range got {
		if left := englishLeft(s); len(left) > 0 {
			t.Errorf("English words %v left in %q", left, s)
		}
	}
	// Errors of du-lieu.yaml.
	for _, tt := range []struct{ src, want string }{
		{"thong_tin:\n  - {khoa: a, kieu: so}\n  - {khoa: A, kieu: so}\n", "d.yaml:3: dữ kiện A được khai báo hai lần (lần đầu ở dòng 2)"},
		{"thong_tin:\n  - {khoa: a, kieu: chu}\n", "d.yaml:2: dữ kiện a: kieu \"chu\": cần một trong các kiểu van-ban, dien-giai, so-nguyen, so, phan-tram, ngay"},
		{"chi_tieu:\n  - {ten: x, cong_thuc: \"1 +\"}\n", `d.yaml:2: chỉ tiêu x: "1 +", ở ký tự thứ 4: biểu thức kết thúc quá sớm`},
	} {
		_, err := Parse("d.yaml", []byte(tt.src))
		vi := msg.Local(msg.Vietnamese, err)
		if vi != tt.want {
			t.Errorf("Parse(%q): %q, want %q", tt.src, vi, tt.want)
		}
	}
}
