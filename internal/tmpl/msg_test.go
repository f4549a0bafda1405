package tmpl

import (
	"strings"
	"testing"
	"time"

	"baocao/internal/dataset"
	"baocao/internal/msg"
)

// englishWords are words that a message told in Vietnamese must not have
// left in it.
var englishWords = []string{" the ", " sheet ", " cell ", " expected ", " found ", " got ", " is ", " template ", " front matter", " limit ", " blank"}

// TestMessagesInVietnamese: the errors of a template, its front matter,
// its functions and its limits come out wholly Vietnamese, the file and
// line first, as they stay in English for fmt.
func TestMessagesInVietnamese(t *testing.T) {
	blankTen := func(ds *dataset.Dataset) {
		ds.Facts.Set("ten", dataset.Value{Loc: dataset.Loc{File: "d.xlsx", Sheet: "Thông tin", Cell: "B9"}})
	}
	tests := []struct {
		name, src string
		data      func(*dataset.Dataset)
		lim       func(*Limits)
		want      string // the whole Vietnamese message, or a part of it
	}{
		{"no front matter", "# Tiêu đề\n", nil, nil, `r/report.md:1: phần đầu của mẫu phải bắt đầu bằng một dòng "---"`},
		{"unclosed front matter", "---\nso: 1\n", nil, nil, `r/report.md:1: phần đầu của mẫu thiếu dòng "---" kết thúc`},
		{"unknown key", strings.Replace(front, "ky_hieu:", "kyhieu:", 1) + "x\n", nil, nil, `r/report.md:4: phần đầu không có khóa "kyhieu" (khóa viết sai?)`},
		{"missing so", strings.Replace(front, "so: '{{ fact \"so\" }}'\n", "", 1) + "x\n", nil, nil, "phần đầu thiếu khóa bắt buộc so"},
		{"bad size profile", strings.Replace(front, "---\nco_quan", "---\nco_chu: 14/15/15\nco_quan", 1) + "x\n", nil, nil, `r/report.md:2: co_chu "14/15/15": cần 13/14/14 hoặc 12/13/13 (Nghị định 30, Phụ lục I, Mục V)`},
		{"bad issuance", strings.Replace(front, "---\nco_quan", "---\nphat_hanh: email\nco_quan", 1) + "x\n", nil, nil, `r/report.md:2: phat_hanh "email": cần giay (bản giấy) hoặc dien-tu`},
		{"bad numbering", strings.Replace(front, "---\nco_quan", "---\ndanh_so: [roman]\nco_quan", 1) + "x\n", nil, nil, `danh_so "roman": cần một trong các giá trị phan, phan-la-ma`},
		{"ky key", strings.Replace(front, "ten_loai: Báo cáo\n", "ten_loai: Báo cáo\nky:\n  anh_dua: d.png\n", 1) + "x\n", nil, nil, "r/report.md:9: không có khóa ky.anh_dua; khối ky chỉ gồm các khóa quyen_han"},
		{"seal size", strings.Replace(front, "ten_loai: Báo cáo\n", "ten_loai: Báo cáo\nky:\n  duong_kinh_dau: 100\n", 1) + "x\n", nil, nil, "r/report.md:9: ky.duong_kinh_dau 100 mm: cần từ"},
		{"line spacing", strings.Replace(front, "---\nco_quan", "---\ntrang:\n  gian_dong: 2\nco_quan", 1) + "x\n", nil, nil, "trang.gian_dong 2: Nghị định 30 cho phép giãn dòng từ 1 đến 1,5 dòng"},
		{"blank agency", front + "x\n", blankTen, nil, `r/report.md:2: co_quan (cơ quan ban hành) bị trống: bảng tính để trống dữ kiện "ten" (d.xlsx, trang "Thông tin", ô B9); hãy nhập vào bảng tính`},
		{"division by zero", front + "{{ div 1 0 }}\n", nil, nil, "r/report.md:9:3: tại <div 1 0>: chia cho 0"},
		{"text as number", front + `{{ num "abc" }}` + "\n", nil, nil, `tại <num "abc">: cần một số, có chữ "abc"`},
		{"a whole number", front + "{{ roman 2.5 }}\n", nil, nil, "cần một số nguyên, có 2,5"},
		{"quarter", front + "{{ quy 5 }}\n", nil, nil, "quy 5: quý chỉ từ 1 đến 4"},
		{"compare", front + `{{ if gt (fact "ten") 5 }}x{{ end }}` + "\n", nil, nil, `gt: không so sánh được chữ ở d.xlsx, trang "Thông tin", ô B2 với số 5`},
		{"fixed decimals", front + "{{ fixed 40 1 }}\n", nil, nil, "fixed 40: cần từ 0 đến"},
		{"no chỉ tiêu", front + `{{ chitieu "x" }}` + "\n", nil, nil, `không có chỉ tiêu "x": hãy khai báo chỉ tiêu này trong mục chi_tieu của du-lieu.yaml`},
		{"steps", front + "{{ range 5000 }}{{ end }}\n", nil, func(l *Limits) { l.Steps = 100 }, "range trên 5000 phần tử: nhiều hơn 96 bước còn lại của giới hạn 100"},
		{"output", front + `{{ range 100 }}xxxxxxxxxxxxxxxxxxxx{{ end }}` + "\n", nil, func(l *Limits) { l.Output = 1000 }, "mẫu sau khi điền lớn hơn 1000 byte"},
		{"printf", front + `{{ printf "%*d" 5 1 }}` + "\n", nil, nil, "không cho phép lấy độ rộng"},
		{"time", front + "{{ range 1000 }}{{ end }}\n", nil, func(l *Limits) { l.Time = -time.Second }, "điền mẫu mất hơn -1s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tp, err := Parse("r/report.md", []byte(tt.src))
			if err == nil {
				if tt.lim != nil {
					tt.lim(&tp.Limits)
				}
				ds := testData()
				if tt.data != nil {
					tt.data(ds)
				}
				_, err = tp.Execute(ds)
			}
			if err == nil {
				t.Fatal("no error")
			}
			vi := msg.Local(msg.Vietnamese, err)
			if !strings.Contains(vi, tt.want) {
				t.Errorf("Vietnamese %q\nwant it to contain %q", vi, tt.want)
			}
			for _, w := range englishWords {
				if strings.Contains(vi, w) {
					t.Errorf("Vietnamese %q has the English %q", vi, w)
				}
			}
			if en := err.Error(); en == vi || msg.Local(msg.English, err) != en {
				t.Errorf("English %q, Vietnamese %q", en, vi)
			}
		})
	}
}

// TestFileErrorsInVietnamese: a template file that is too large or not a
// file says so in Vietnamese.
func TestFileErrorsInVietnamese(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		err  error
		want string
	}{
		{sizeError("r/report.md", 3<<20, 2<<20), "r/report.md có 3145728 byte, quá giới hạn 2 MiB của một tệp mẫu"},
		{func() error { _, err := readPath(dir, 100); return err }(), dir + " không phải là tệp thông thường (một thư mục); tệp của mẫu phải là một tệp thông thường"},
	} {
		if got := msg.Local(msg.Vietnamese, tt.err); got != tt.want {
			t.Errorf("Vietnamese %q\nwant %q", got, tt.want)
		}
	}
}

// TestGoErrorsInVietnamese: text/template's own messages that a
// template's author meets most are told in Vietnamese, and stay Go's
// words in English.
func TestGoErrorsInVietnamese(t *testing.T) {
	for _, d := range goDetails {
		if !msg.HasText(d.key) {
			t.Errorf("%q has no Vietnamese text", d.key)
		}
	}
	for _, tt := range []struct{ body, en, vi string }{
		{"{{ if }}\n", "r/report.md:9: missing value for if", "r/report.md:9: thiếu giá trị cho if"},
		{"{{ foo 1 }}\n", `r/report.md:9: function "foo" not defined`, `r/report.md:9: không có hàm "foo"`},
		{"{{ end }}\n", "r/report.md:9: unexpected {{end}}", "r/report.md:9: {{end}} không đúng chỗ (không có lệnh mở tương ứng)"},
		{"{{ if 1 }}x\n", "r/report.md:10: unexpected EOF", "r/report.md:10: hết tệp mà lệnh vẫn còn mở (thiếu {{ end }}?)"},
		{"{{ $x }}\n", `r/report.md:9: undefined variable "$x"`, `r/report.md:9: chưa khai báo biến "$x"`},
		{"{{ printf }\n", `r/report.md:9: unexpected "}" in operand`, `r/report.md:9: "}" không đúng chỗ trong đối số`},
		{"{{ fact }}\n", `r/report.md:9:3: executing "r/report.md" at <fact>: wrong number of args for fact: want 1 got 0`, `r/report.md:9:3: khi điền "r/report.md", tại <fact>: số đối số của fact không đúng: cần 1, có 0`},
		{"{{ template \"x\" }}\n", `r/report.md:9:12: executing "r/report.md" at <{{template "x"}}>: template "x" not defined`, `r/report.md:9:12: khi điền "r/report.md", tại <{{template "x"}}>: không có mẫu con "x"`},
		// Go's message that is not among them stays as Go wrote it.
		{"{{ 1 | 2 }}\n", "", ""},
	} {
		tp, err := Parse("r/report.md", []byte(front+tt.body))
		if err == nil {
			_, err = tp.Execute(testData())
		}
		if err == nil {
			t.Errorf("%q: no error", tt.body)
			continue
		}
		if tt.en == "" {
			if vi := msg.Local(msg.Vietnamese, err); vi != err.Error() {
				t.Errorf("%q: Vietnamese %q, English %q", tt.body, vi, err)
			}
			continue
		}
		if err.Error() != tt.en {
			t.Errorf("%q: English %q\nwant %q", tt.body, err, tt.en)
		}
		if vi := msg.Local(msg.Vietnamese, err); vi != tt.vi {
			t.Errorf("%q: Vietnamese %q\nwant %q", tt.body, vi, tt.vi)
		}
	}
}
