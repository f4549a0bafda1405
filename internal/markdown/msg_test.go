package markdown

import (
	"strings"
	"testing"

	"baocao/internal/msg"
)

// TestErrorsInVietnamese: the body's errors come out wholly Vietnamese,
// at their line.
func TestErrorsInVietnamese(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"unused footnote", "Câu.\n\n[^x]: Thừa.\n", "t.md:12: chú thích [^x] có nội dung nhưng không được dẫn ở đâu"},
		{"reused footnote", "A[^x] B[^x]\n\n[^x]: Một.\n", "t.md:10: chú thích 1 được dẫn hai lần; một chú thích của Word chỉ có một chỗ dẫn, hãy cho chỗ thứ hai một chú thích riêng"},
		{"html", "Dòng\n\n<div>x</div>\n", "t.md:12: báo cáo không dùng được mã HTML; hãy viết bằng Markdown"},
		{"quote", "Dòng\n\n> trích\n", `t.md:12: báo cáo không dùng được đoạn trích dẫn (dòng bắt đầu bằng ">")`},
		{"code block", "Dòng\n\n    mã\n", "t.md:12: báo cáo không dùng được khối mã (một dòng thụt vào 4 dấu cách là bắt đầu khối mã)"},
		{"landscape never closed", "Dòng\n\n::: ngang\n\nBảng.\n", "t.md:12: \"::: ngang\" chưa được đóng; hãy kết thúc phần trang ngang bằng một dòng \":::\""},
		{"unknown block", "Dòng\n\n::: doc\n\nx\n\n:::\n", "t.md:12: không có khối \"::: doc\"; chỉ có \"::: ngang\" (một phần trang ngang của thân báo cáo), đóng bằng \":::\""},
		{"image", "Dòng ![ảnh](a.png)\n", "t.md:10: báo cáo chưa chèn được hình ảnh"},
	} {
		_, err := Read([]byte(tt.src), Options{File: "t.md", FirstLine: 10})
		if got := msg.Local(msg.Vietnamese, err); got != tt.want {
			t.Errorf("%s: %q\nwant %q", tt.name, got, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), "chú thích") {
			t.Errorf("%s: English %q", tt.name, err)
		}
	}
}
