package check

import (
	"encoding/json"
	"strings"
	"testing"

	"baocao/internal/dataset"
	"baocao/internal/msg"
	"baocao/internal/testtool"
)

// englishWords are the English words a Vietnamese message of this
// package must not have left in it.
var englishWords = []string{"the", "a", "sheet", "cell", "expected", "found", "is", "of", "and", "or", "not", "sum", "score", "maximum", "indicator", "check", "cannot", "run", "rate", "typed", "children", "should", "needs", "unknown", "kind", "number", "empty"}

func englishLeft(s string) []string { return testtool.EnglishLeft(s, englishWords) }

// TestVietnamese: a finding, its place and its expected and found values,
// comes out wholly Vietnamese through Localize and through In for JSON;
// so does an error of kiem-tra.yaml.
func TestVietnamese(t *testing.T) {
	src := "- loai: diem\n- loai: tong\n  bang: TTHC\n  cot: Đã giải quyết\n  thanh_phan: [Trước hạn, Đúng hạn, Quá hạn]\n" +
		"- loai: ty-le\n  bang: TTHC\n  cot: Tỷ lệ trực tuyến\n  tu: Trực tuyến\n  mau: Tiếp nhận\n" +
		"- loai: lien-ky\n  bang: TTHC\n  cuoi_ky: Đang giải quyết\n  dau_ky: Từ kỳ trước\n" +
		"- loai: tong\n  bang: Không có\n  cot: A\n  thanh_phan: [B]\n"
	cs, err := Parse("kiem-tra.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	fs := Run(cs, data())
	words := NewFinding(Error, "du-lieu", dataset.Loc{File: "d.xlsx", Sheet: "Thông tin", Cell: "B3"}, msg.Word("an empty cell"), msg.Word("an empty cell"), msg.Sprintf("the number %s", "1"))
	fs = append(fs, words)
	want := []string{
		`d.xlsx, trang "Chỉ số", ô E2: điểm đạt của chỉ số 1 (A) vượt điểm tối đa (cần ≤ 2, có 2,5)`,
		`d.xlsx, trang "TTHC", ô E3: cột Đã giải quyết ở dòng 2022 không bằng tổng Trước hạn + Đúng hạn + Quá hạn (cần 198, có 199)`,
		`d.xlsx, trang "TTHC", ô J4: cột Tỷ lệ trực tuyến ở dòng 2023 không bằng Trực tuyến / Tiếp nhận × 100 (cần 50,00, có 49)`,
		`d.xlsx, trang "TTHC", ô D4: cột Từ kỳ trước ở dòng 2023 phải bằng cột Đang giải quyết ở dòng 2022 (số chuyển kỳ) (cần 11, có 12)`,
		`d.xlsx: phép kiểm tra "tong" (kiem-tra.yaml:15) không chạy được: d.xlsx không có trang bảng "Không có"`,
		`d.xlsx, trang "Thông tin", ô B3: số 1 (cần ô trống, có ô trống)`,
	}
	var got []string
	for _, f := range fs {
		vi := f.Localize(msg.Vietnamese)
		got = append(got, vi)
		if left := englishLeft(vi); len(left) > 0 {
			t.Errorf("English words %v left in %q", left, vi)
		}
		if s := msg.New(msg.Vietnamese).Sprintf("%v", f); s != vi {
			t.Errorf("printer %q, Localize %q", s, vi)
		}
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, w)
		}
		if !found {
			t.Errorf("no finding %q among\n%s", w, strings.Join(got, "\n"))
		}
	}
	// JSON in Vietnamese: the message, the expected and the found value.
	b, err := json.Marshal(words.In(msg.Vietnamese))
	if err != nil {
		t.Fatal(err)
	}
	if s := string(b); !strings.Contains(s, `"message":"số 1"`) || !strings.Contains(s, `"expected":"ô trống"`) || !strings.Contains(s, `"found":"ô trống"`) {
		t.Errorf("JSON %s", s)
	}
	if words.Expected != "an empty cell" || words.String() != `d.xlsx, sheet "Thông tin", cell B3: the number 1 (expected an empty cell, found an empty cell)` {
		t.Errorf("English %q, expected %q", words.String(), words.Expected)
	}
	// An error of kiem-tra.yaml.
	for _, tt := range []struct{ src, want string }{
		{"- loai: khong-co\n", "k.yaml:1: phép kiểm tra khong-co: không có loại (loai) này; cần một trong các loại diem, lien-ky, so-sanh, tong, tong-chi-so, ty-le"},
		{"- loai: tong\n  bang: T\n", "k.yaml:1: phép kiểm tra tong: cần có thanh_phan"},
		{"- loai: diem\n  bang_: T\n", `k.yaml:2: không có khóa "bang_" (cần một trong các khóa`},
		{"loai: diem\n", `k.yaml:1: cần một danh sách phép kiểm tra, mỗi mục bắt đầu bằng "- loai: …"`},
	} {
		_, err := Parse("k.yaml", []byte(tt.src))
		vi := msg.Local(msg.Vietnamese, err)
		if !strings.HasPrefix(vi, tt.want) {
			t.Errorf("Parse(%q): %q, want %q…", tt.src, vi, tt.want)
		}
		if left := englishLeft(vi); len(left) > 0 {
			t.Errorf("English words %v left in %q", left, vi)
		}
	}
}
