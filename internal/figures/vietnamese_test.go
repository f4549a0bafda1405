package figures

import (
	"strings"
	"testing"

	"baocao/internal/msg"
	"baocao/internal/testtool"
)

// englishWords are the English words a Vietnamese message of this
// package must not have left in it.
var englishWords = []string{"the", "a", "at", "character", "is", "of", "and", "or", "not", "number", "text", "sheet", "row", "column", "takes", "arguments", "found", "expected", "division", "by", "unknown", "function", "table"}

func englishLeft(s string) []string { return testtool.EnglishLeft(s, englishWords) }

// TestVietnamese: an expression that cannot be read or evaluated says so
// in Vietnamese.
func TestVietnamese(t *testing.T) {
	tests := []struct{ src, want string }{
		{"1 +", `"1 +", ở ký tự thứ 4: biểu thức kết thúc quá sớm`},
		{"1.000,5 + 1", `không phải một số (viết 0,5 hoặc 0.5; không dùng dấu phân cách hàng nghìn)`},
		{`"abc`, `"\"abc": chuỗi chữ mở ở ký tự thứ 1 không được đóng`},
		{"dat / zero", "dat / zero: chia cho 0"},
		{"foo(1)", "foo(1): không có hàm foo"},
		{`tong("TTHC")`, `tong("TTHC"): tong nhận tên bảng, tên cột và, nếu cần, một điều kiện`},
		{`ty_le(1)`, "ty_le(1): ty_le nhận 2 đối số, có 1"},
		{`dau("TTHC", "Tiếp nhận", [Tiếp nhận] > 1000)`, `trang "TTHC" không có dòng nào để lấy dòng đầu`},
	}
	for _, tt := range tests {
		e, err := Parse(tt.src)
		if err == nil {
			_, err = e.Eval(testEnv())
		}
		if err == nil {
			t.Errorf("%s: no error", tt.src)
			continue
		}
		vi := msg.Local(msg.Vietnamese, err)
		if !strings.Contains(vi, tt.want) {
			t.Errorf("%s: %q\nwant it to contain %q", tt.src, vi, tt.want)
		}
		if left := englishLeft(vi); len(left) > 0 {
			t.Errorf("%s: English words %v left in %q", tt.src, left, vi)
		}
	}
}
