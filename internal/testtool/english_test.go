package testtool

import (
	"slices"
	"testing"
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
