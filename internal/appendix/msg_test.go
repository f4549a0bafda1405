package appendix

import (
	"testing"

	"baocao/internal/msg"
)

// TestErrorsInVietnamese: the errors of phu-luc.yaml come out in
// Vietnamese, at the line of the appendix.
func TestErrorsInVietnamese(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"- so: I\n  bang: TTHC\n", "p.yaml:1: phụ lục I: cần tieu_de và bang"},
		{"- so: I\n  tieu_de: X\n  bang: TTHC\n  cot:\n    - {nhan: A, du_lieu: x}\n", "p.yaml:1: phụ lục I: cần đúng một cột khóa (khoa: true), có 0"},
		{"- so: I\n  tieu_de: X\n  bang: TTHC\n  cot:\n    - {nhan: Năm, khoa: true, du_lieu: x}\n", `p.yaml:1: phụ lục I: cột "Năm": cần đúng một trong các khóa khoa, du_lieu, ty_le`},
		{"- so: I\n  tieu_de: X\n  bang: TTHC\n  cot:\n    - {nhan: Năm, khoa: true}\n    - {nhan: R, ty_le: [a]}\n", `p.yaml:1: phụ lục I: cột "R": ty_le cần hai cột, [tử số, mẫu số]`},
	} {
		_, err := Parse("p.yaml", []byte(tt.src))
		if got := msg.Local(msg.Vietnamese, err); got != tt.want {
			t.Errorf("%q\nwant %q", got, tt.want)
		}
	}
}
