package figures

import (
	"testing"

	"baocao/internal/testtool"
)

// englishWords are the English words a Vietnamese message of this
// package must not have left in it.
var englishWords = []string{"the", "a", "at", "character", "is", "of", "and", "or", "not", "number", "text", "sheet", "row", "column", "takes", "arguments", "found", "expected", "division", "by", "unknown", "function", "table"}

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
		testtool.SaysVietnamese(t, tt.src, err, tt.want, englishWords)
	}
}
