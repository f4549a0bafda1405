package testtool

import (
	"fmt"
	"slices"
	"testing"

	"baocao/internal/msg"
)

func TestEnglishLeft(t *testing.T) {
	words := []string{"a", "sheet", "cell"}
	for s, want := range map[string][]string{
		`a.xlsx, trang "Biểu 1", ô C5: và`:   nil,
		`a.xlsx, sheet "Biểu 1", cell C5: a`: {"a", "sheet", "cell"},
		`(sheet) không có; cell:`:            {"sheet", "cell"},
		`bảng tính sheets celled`:            nil,
	} {
		if got := EnglishLeft(s, words); !slices.Equal(got, want) {
			t.Errorf("EnglishLeft(%q) = %v, want %v", s, got, want)
		}
	}
}

// recorder is a testing.TB that keeps what a check reports.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, a ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, a...))
}

func TestSaysVietnamese(t *testing.T) {
	words := []string{"sheet", "cell"}
	for _, tt := range []struct {
		v     any
		want  string
		fails int
	}{
		{msg.Word("a text"), msg.Local(msg.Vietnamese, msg.Word("a text")), 0},
		{msg.Word("a text"), "không có ở đây", 1},
		{"sheet Biểu 1, cell C5", "Biểu 1", 1},
		{"sheet Biểu 1, cell C5", "ô C5", 2},
	} {
		r := &recorder{TB: t}
		SaysVietnamese(r, "x", tt.v, tt.want, words)
		if len(r.errs) != tt.fails {
			t.Errorf("SaysVietnamese(%q, %q): %d failures %q, want %d", tt.v, tt.want, len(r.errs), r.errs, tt.fails)
		}
	}
}
