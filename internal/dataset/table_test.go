package dataset

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestSumAndNumOrZero(t *testing.T) {
	tab := NewTable("T", "Năm", [][]string{{"A"}, {"B"}}, []Loc{{}, {}})
	loc := Loc{File: "f.xlsx", Sheet: "T", Cell: "C3"}
	tab.AddRow("2021", Loc{}, []Value{{Kind: NumberKind, Num: 2}, {}})
	tab.AddRow("2022", Loc{}, []Value{{Kind: NumberKind, Num: 3}, {Kind: TextKind, Text: "ba", Loc: loc}})
	if s, err := tab.Sum("a"); err != nil || s != 5 {
		t.Errorf("Sum(A) = %v, %v", s, err)
	}
	if s, err := Sum(tab.Rows[:1], "B"); err != nil || s != 0 {
		t.Errorf("a blank cell adds %v, %v", s, err)
	}
	if _, err := tab.Sum("B"); err == nil || !strings.Contains(err.Error(), `f.xlsx, sheet "T", cell C3: expected a number, found "ba"`) {
		t.Errorf("text in a sum: %v", err)
	}
	if _, err := tab.Sum("C"); err == nil || !strings.Contains(err.Error(), `no column "C"`) {
		t.Errorf("missing column: %v", err)
	}
	if x, err := tab.Rows[0].NumOrZero("B"); err != nil || x != 0 {
		t.Errorf("NumOrZero(blank) = %v, %v", x, err)
	}
}

func TestFoldKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Khóa", "khoa"},
		{"Khoá", "khoa"},
		{"KHOA", "khoa"},
		{"KHÓA", "khoa"},
		{norm.NFD.String("Khóa"), "khoa"},
		{"Điểm ĐTXHH", "diem dtxhh"},
		{"điểm đtxhh", "diem dtxhh"},
		{"  Giá   trị \t", "gia tri"},
		{"Điểm\ntối đa", "diem toi da"},
		{"Nội dung", "noi dung"},
		{"Tổng cộng", "tong cong"},
		{"", ""},
		{"   ", ""},
	}
	for _, tt := range tests {
		if got := FoldKey(tt.in); got != tt.want {
			t.Errorf("FoldKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if FoldKey("Khóa") != FoldKey("Khoá") || FoldKey("Khoá") != FoldKey("KHOA") {
		t.Error("Khóa, Khoá and KHOA fold differently")
	}
}

// TestFoldLatin: the table fold of Latin text is the transform chain's,
// rune by rune and in runs mixing letters, marks and spaces.
func TestFoldLatin(t *testing.T) {
	var all []rune
	for r := rune(0); r < 0x250; r++ {
		all = append(all, r)
	}
	for r := rune(0x300); r <= 0x36F; r++ {
		all = append(all, r)
	}
	for r := rune(0x1E00); r <= 0x1EFF; r++ {
		all = append(all, r)
	}
	check := func(s string) {
		t.Helper()
		got, ok := foldLatin(s)
		if want := foldSlow(s); !ok || got != want {
			t.Errorf("foldLatin(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
	for _, r := range all {
		check(string(r))
		check("a" + string(r) + "b")
		check("Xa\u00a0" + string(r) + " \u0303E")
	}
	// Runs of three from across the ranges.
	for i := 0; i+2 < len(all); i += 7 {
		check(string(all[i:i+3]) + string(all[len(all)-1-i]))
	}
	for _, s := range []string{"Tên đơn vị", "TÊN  ĐƠN   VỊ", "Khoá", "Khóa", "Xã 00001", "hoà\u00a0bình"} {
		check(s)
	}
	if _, ok := foldLatin("Σ"); ok {
		t.Error("Greek folded by the Latin table")
	}
}
