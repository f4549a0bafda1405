package report

import (
	"strings"
	"testing"

	"baocao/internal/dataset"
	"baocao/internal/msg"
	"baocao/internal/sigimage"
	"baocao/internal/tmpl"
)

var englishWords = []string{" the ", " sheet ", " cell ", " expected ", " found ", " front matter", " has ", " signature ", " printed "}

func noEnglish(t *testing.T, vi string) {
	t.Helper()
	for _, w := range englishWords {
		if strings.Contains(vi, w) {
			t.Errorf("Vietnamese %q has the English %q", vi, w)
		}
	}
}

// TestMessagesInVietnamese: the header's errors, a front-matter value
// from a cell, and the signature block's issues come out wholly
// Vietnamese.
func TestMessagesInVietnamese(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit func(*tmpl.Front)
		want string
	}{
		{"bad date", func(f *tmpl.Front) { f.Ngay = "31/02/2026" }, `r.md: phần đầu: ngay "31/02/2026": cần một ngày dạng 09/10/2024`},
		{"margin", func(f *tmpl.Front) { f.Trang.LeTrai = 25 }, "r.md: phần đầu: trang.le_trai 25 mm: Nghị định 30 cho phép từ 30 đến 35 mm"},
		{"number", func(f *tmpl.Front) { f.So = "x" }, `r.md: phần đầu: so "x": cần một số nguyên`},
		{"symbol", func(f *tmpl.Front) { f.KyHieu = "BC/UBND" }, `r.md: phần đầu: ky_hieu "BC/UBND": cần các nhóm chữ nối bằng "-"`},
	} {
		f := front()
		tt.edit(&f)
		_, err := Assemble(&tmpl.Result{Front: f, Markdown: []byte("x\n"), Path: "r.md"})
		vi := msg.Local(msg.Vietnamese, err)
		if !strings.HasPrefix(vi, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, vi, tt.want)
		}
		noEnglish(t, vi)
	}
	_, err := Assemble(&tmpl.Result{Front: front(), Markdown: []byte("\n"), Path: "r.md"})
	if vi := msg.Local(msg.Vietnamese, err); vi != "r.md: thân báo cáo trống" {
		t.Errorf("empty body: %q", vi)
	}

	// A value from a cell names the cell as trang/ô.
	loc := dataset.Loc{File: "d.xlsx", Sheet: "Thông tin", Cell: "B2"}
	f := front()
	f.So = "ba mươi"
	_, err = Assemble(&tmpl.Result{Front: f, Markdown: []byte("x\n"), Path: "r.md", Cells: map[string][]dataset.Loc{"so": {loc}}})
	want := `d.xlsx, trang "Thông tin", ô B2: so "ba mươi": cần một số nguyên (giá trị do r.md in ra, khóa so của phần đầu)`
	if vi := msg.Local(msg.Vietnamese, err); vi != want {
		t.Errorf("cell error %q\nwant %q", vi, want)
	}

	issues, _ := checkSignature(tmpl.Ky{HinhThuc: "TM.", HoTen: "A"}, "r.md")
	wants := []string{
		`khối chữ ký thiếu dòng quyền hạn: mẫu ký TM. (ví dụ "TM. ỦY BAN NHÂN DÂN"); số liệu để trống dòng này (Nghị định 30, Phụ lục I, Mục II.7)`,
		"khối chữ ký thiếu dòng chức vụ (CHỦ TỊCH, PHÓ CHỦ TỊCH …) giữa dòng quyền hạn và họ tên (Nghị định 30, Phụ lục I, Mục II.7)",
	}
	if len(issues) != len(wants) {
		t.Fatalf("issues %v", issues)
	}
	for i, is := range issues {
		if vi := is.Text.Localize(msg.Vietnamese); vi != wants[i] {
			t.Errorf("issue %q\nwant %q", vi, wants[i])
		}
		if is.Text.String() != is.Message {
			t.Errorf("Text %q, Message %q", is.Text, is.Message)
		}
	}
	_, err = checkSignature(tmpl.Ky{HinhThuc: "XX"}, "r.md")
	if vi := msg.Local(msg.Vietnamese, err); vi != `r.md: phần đầu: ky.hinh_thuc "XX": cần TM., KT., Q., TL., TUQ. hoặc khong` {
		t.Errorf("hinh_thuc: %q", vi)
	}
}

// TestImageErrorsInVietnamese: an image's error names the key at its
// cell or its line in Vietnamese.
func TestImageErrorsInVietnamese(t *testing.T) {
	loc := dataset.Loc{File: "d.xlsx", Sheet: "Thông tin", Cell: "B5"}
	res := &tmpl.Result{Path: "r.md", Cells: map[string][]dataset.Loc{"ky.anh_dau": {loc}}}
	inner := msg.Errorf("%s: %d × %d pixels print %.0f mm tall at %v mm wide, more than the %v mm a signature block has room for; crop the %s close to its ink", "dau.png", 100, 900, 270.0, 30.0, 60.0, sigimage.Seal)
	want := `d.xlsx, trang "Thông tin", ô B5: ky.anh_dau (giá trị do r.md in ra): dau.png: 100 × 900 điểm ảnh, in ra cao 270 mm khi rộng 30 mm, quá 60 mm chỗ trống của khối chữ ký; hãy cắt ảnh dấu (ô 8) sát nét mực`
	if got := msg.Local(msg.Vietnamese, keyError(res, "ky.anh_dau", inner)); got != want {
		t.Errorf("%q\nwant %q", got, want)
	}
	if got, want := msg.Local(msg.Vietnamese, keyError(res, "ky.anh_chu_ky", inner)), "r.md: khóa ky.anh_chu_ky của phần đầu: dau.png:"; !strings.HasPrefix(got, want) {
		t.Errorf("%q\nwant %q…", got, want)
	}
}
