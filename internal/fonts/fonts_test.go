package fonts

import (
	"math"
	"testing"
)

func TestVietnameseCoverage(t *testing.T) {
	letters := "ăâđêôơưĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ" +
		"ÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴ“”–…"
	for _, f := range []Face{Regular, Bold, Italic, BoldItalic} {
		for _, r := range letters {
			if !Has(f, r) {
				t.Errorf("%v lacks %q (U+%04X)", f, r, r)
			}
		}
	}
}

func TestWidth(t *testing.T) {
	// Times New Roman and Liberation Serif share advance widths: "M" is
	// 0.889 em, a space 0.25 em.
	tests := []struct {
		face Face
		size float64
		s    string
		want float64
	}{
		{Regular, 10, "M", 8.89},
		{Regular, 14, " ", 3.5},
		{Bold, 12, "", 0},
	}
	for _, tt := range tests {
		if got := Width(tt.face, tt.size, tt.s); math.Abs(got-tt.want) > 0.01 {
			t.Errorf("Width(%v, %v, %q) = %.3f, want %.3f", tt.face, tt.size, tt.s, got, tt.want)
		}
	}
	if Width(Bold, 14, "Độc lập") <= Width(Regular, 14, "Độc lập") {
		t.Error("bold is not wider than regular")
	}
}

func BenchmarkWidth(b *testing.B) {
	s := "Kết quả cải thiện Chỉ số cải cách hành chính thành phố Sa Đéc"
	for b.Loop() {
		Width(Regular, 14, s)
	}
}
