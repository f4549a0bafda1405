package xlsxfile

import (
	"os"
	"path/filepath"
	"testing"

	"baocao/internal/msg"
	"baocao/internal/testtool"
)

// englishWords are the English words a Vietnamese message of this
// package must not have left in it.
var englishWords = []string{"the", "a", "an", "sheet", "cell", "is", "of", "and", "or", "not", "file", "workbook", "limit", "more", "than", "save", "open", "it", "give", "damaged", "part", "number", "text", "character", "which"}

// TestVietnamese: a reader error on a bad file (not an .xlsx, a password,
// a limit, a bad character) comes out wholly Vietnamese, its sheet and
// cell included.
func TestVietnamese(t *testing.T) {
	good := book(`<row r="1"><c r="A1"><v>1</v></c></row>`, "")
	small := DefaultLimits
	small.Rows = 100
	tiny := DefaultLimits
	tiny.FileSize = 1000
	big := filepath.Join(t.TempDir(), "big.xlsx")
	if err := os.WriteFile(big, make([]byte, 1001), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		err  func() error
		want string
	}{
		{"password", func() error { _, err := Parse(ole("EncryptionInfo", "EncryptedPackage"), DefaultLimits); return err }, "bảng tính được bảo vệ bằng mật khẩu (đã mã hóa) nên không đọc được; hãy mở tệp bằng Excel với mật khẩu"},
		{"xls", func() error { _, err := Parse(ole("Workbook"), DefaultLimits); return err }, "đây là bảng tính Excel 97-2003 (.xls), không phải bảng tính .xlsx; hãy mở tệp bằng Excel và lưu thành bảng tính .xlsx"},
		{"pdf", func() error { _, err := Parse([]byte("%PDF-1.7\n\x00"), DefaultLimits); return err }, "đây là tài liệu PDF"},
		{"empty", func() error { _, err := Parse(nil, DefaultLimits); return err }, "tệp rỗng; hãy chọn bảng tính (.xlsx) chứa số liệu"},
		{"file size", func() error { _, err := ReadFile(big, tiny); return err }, "dung lượng tệp (byte) là 1.001, vượt giới hạn 1.000; nếu bảng tính đúng như vậy, hãy nâng giới hạn bằng biến môi trường BAOCAO_XLSX_LIMITS=file=N"},
		{"folder", func() error { _, err := ReadFile(t.TempDir(), small); return err }, "đây là thư mục, không phải tệp; hãy chọn đường dẫn"},
		{"rows", func() error {
			_, _, err := parse(t, book(`<row r="101"><c r="A101"><v>1</v></c></row>`, ""), small)
			return err
		},
			`trang "Số liệu", ô A101: số thứ tự dòng của ô này (ô cuối cùng có giá trị) là 101, vượt giới hạn 100; hãy xóa các dòng bên dưới số liệu`},
		{"control character", func() error {
			_, _, err := parse(t, book(`<row r="1"><c r="B1" t="inlineStr"><is><t>a`+"\x01"+`b</t></is></c></row>`, ""), DefaultLimits)
			return err
		}, `trang "Số liệu", ô B1: ký tự U+0001, ký tự mà XML không cho phép`},
		{"unknown entity", func() error {
			_, _, err := parse(t, book(`<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>`, ""), DefaultLimits)
			return err
		}, `trang "Số liệu", ô A1: lỗi cú pháp XML ở byte 0: thực thể &nbsp; không xác định`},
		{"missing part", func() error {
			_, _, err := parse(t, good.with("xl/worksheets/sheet1.xml", ""), DefaultLimits)
			return err
		}, "thiếu phần xl/worksheets/sheet1.xml"},
	}
	for _, tt := range tests {
		err := tt.err()
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		testtool.SaysVietnamese(t, tt.name, err, tt.want, englishWords)
		if en := msg.Local(msg.English, err); en != err.Error() {
			t.Errorf("%s: English %q, Error() %q", tt.name, en, err.Error())
		}
	}
}
