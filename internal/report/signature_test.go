package report

import (
	"strings"
	"testing"

	"baocao/internal/tmpl"
)

func TestCheckSignature(t *testing.T) {
	for _, tc := range []struct {
		name string
		ky   tmpl.Ky
		want []string // one issue each, in order
		err  string
	}{
		{name: "complete TM.", ky: tmpl.Ky{HinhThuc: "TM.", QuyenHan: "TM. Ủy ban nhân dân", ChucVu: "Chủ tịch", HoTen: "A"}},
		{name: "complete KT. declared without the dot", ky: tmpl.Ky{HinhThuc: "kt", QuyenHan: "KT. Chủ tịch", ChucVu: "Phó Chủ tịch", HoTen: "A"}},
		{name: "the head in their own name", ky: tmpl.Ky{HinhThuc: "khong", ChucVu: "Giám đốc", HoTen: "A"}},
		{name: "Sa Đéc: no chức vụ", ky: tmpl.Ky{HinhThuc: "TM.", QuyenHan: "TM. Ủy ban nhân dân", HoTen: "A"},
			want: []string{"has no chức vụ line"}},
		{name: "Thạch An: no TM. line", ky: tmpl.Ky{HinhThuc: "TM.", ChucVu: "Chủ tịch", HoTen: "A"},
			want: []string{`has no authority line: the template signs TM. (as in "TM. ỦY BAN NHÂN DÂN")`}},
		{name: "another form", ky: tmpl.Ky{HinhThuc: "KT.", QuyenHan: "TM. Ủy ban nhân dân", ChucVu: "Chủ tịch", HoTen: "A"},
			want: []string{`opens its authority line "TM. Ủy ban nhân dân" with "TM.", but the template signs KT.`}},
		{name: "an unknown form, undeclared", ky: tmpl.Ky{QuyenHan: "Thay mặt UBND", ChucVu: "Chủ tịch", HoTen: "A"},
			want: []string{"opens with none of TM., KT., Q., TL., TUQ."}},
		{name: "no name", ky: tmpl.Ky{QuyenHan: "KT. Chủ tịch", ChucVu: "Phó Chủ tịch"}, want: []string{"has no name"}},
		{name: "bad hinh_thuc", ky: tmpl.Ky{HinhThuc: "XX"}, err: `ky.hinh_thuc "XX"`},
		{name: "bad thieu", ky: tmpl.Ky{Thieu: "nang"}, err: `ky.thieu "nang"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := checkSignature(tc.ky, "r/report.md")
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("issues %v, want %d", got, len(tc.want))
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i].Message, w) || got[i].Error {
					t.Errorf("issue %q, want a warning with %q", got[i].Message, w)
				}
			}
		})
	}
	got, _ := checkSignature(tmpl.Ky{HinhThuc: "TM.", Thieu: "loi", HoTen: "A"}, "r/report.md")
	if len(got) != 2 || !got[0].Error {
		t.Errorf("thieu: loi gives %v, want errors", got)
	}
}
