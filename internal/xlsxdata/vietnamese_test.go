package xlsxdata

import (
	"os"
	"path/filepath"
	"testing"

	"baocao/internal/testtool"
)

// englishWords are the English words a Vietnamese message of this
// package must not have left in it.
var englishWords = []string{"the", "a", "an", "sheet", "cell", "cells", "expected", "found", "is", "of", "and", "or", "not", "row", "rows", "total", "formula", "cannot", "number", "text", "type", "key", "file", "workbook", "open", "gives", "holds", "circular", "reference", "more", "used"}

// TestVietnamese: what a secretariat officer meets most, told in
// Vietnamese through msg.Local: a cell that is not a number, a duplicate
// key, a total row that does not add up, a circular formula, a file that
// is not a workbook.
func TestVietnamese(t *testing.T) {
	notXLSX := filepath.Join(t.TempDir(), "so-lieu.xlsx")
	if err := os.WriteFile(notXLSX, []byte("Khóa,Giá trị\nnam,2024\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, csvErr := Read(notXLSX)
	_, textScore := readBook(t, []sheetSpec{treeSheet(row("1", "a", 2, nil, "mười"))})
	_, dupKey := readBook(t, []sheetSpec{factSheet(row("so_van_ban", "05"), row("Số_văn_bản", "06"))})
	_, circular := readBook(t, []sheetSpec{treeSheet(row("1", "a", 2, nil, fx("E2+1")))})
	_, textRef := readBook(t, []sheetSpec{factSheet(row("dat", "22 ")), treeSheet(row("1", "a", 2, nil, fx("'Thông tin'!B2/2")))})
	totals, err := readBook(t, []sheetSpec{monthSheet(row("Cộng", 3000, 20, 3420, 16, 99))})
	if err != nil {
		t.Fatal(err)
	}
	noted, err := readBook(t, []sheetSpec{monthSheet(row("Người lập biểu"))})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		err  any
		want string
	}{
		{"not an xlsx", csvErr, "so-lieu.xlsx: không mở được bảng tính .xlsx: đây là tệp văn bản (CSV hoặc tương tự), không phải bảng tính .xlsx; hãy mở tệp bằng Excel"},
		{"text for a score", textScore, `file.xlsx, trang "X", ô E2: cần một số cho điểm đạt, có "mười"`},
		{"duplicate key", dupKey, `file.xlsx, trang "Thông tin", ô A3: khóa "Số_văn_bản" chính là khóa "so_van_ban" ở ô A2 viết khác đi`},
		{"circular", circular, `file.xlsx, trang "X", ô E2: không tính được công thức =E2+1: tham chiếu vòng E2 → E2`},
		{"text in a formula", textRef, `không tính được công thức ='Thông tin'!B2/2: 'Thông tin'!B2 chứa văn bản "22 ", không phải số`},
		{"total row", firstErr(totals.Errors), `file.xlsx, trang "Hồ sơ", ô B5: dòng tổng "Cộng" ghi 3000 ở cột "Tiếp nhận", nhưng 3 dòng phía trên cộng lại được 3416; hãy sửa dòng tổng hoặc các dòng số liệu`},
		{"note row", firstErr(noted.Warnings), `dòng 5 ("Người lập biểu") là dòng ghi chú hay chữ ký, không phải số liệu`},
	}
	for _, tt := range tests {
		if tt.err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		testtool.SaysVietnamese(t, tt.name, tt.err, tt.want, englishWords)
	}
}

func firstErr(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return errs[0]
}
