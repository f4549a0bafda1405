package report

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"baocao/internal/dataset"
	"baocao/internal/docmodel"
	"baocao/internal/markdown"
	"baocao/internal/tmpl"
)

func TestDocNumber(t *testing.T) {
	tests := []struct{ so, kh, want, err string }{
		{"371", "BC-UBND", "Số: 371/BC-UBND", ""},
		{"5", "BNV-VP", "Số: 05/BNV-VP", ""},
		{"05", "BC-UBND", "Số: 05/BC-UBND", ""},
		{"", "BC-UBND", "Số:      /BC-UBND", ""},
		{"12a", "BC-UBND", "", "expected a whole number"},
		{"0", "BC-UBND", "", "from 1"},
		{"3", "BC UBND", "", "ky_hieu"},
	}
	for _, tt := range tests {
		got, err := docNumber(tt.so, tt.kh)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("docNumber(%q, %q) error %v, want %q", tt.so, tt.kh, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("docNumber(%q, %q) = %q, %v; want %q", tt.so, tt.kh, got, err, tt.want)
		}
	}
}

func TestRecipients(t *testing.T) {
	got := recipients([]string{"Sở Nội vụ (b/c)", "- TT. Huyện ủy;", "  ", "Lưu: VT, NV."})
	want := []string{"- Sở Nội vụ (b/c);", "- TT. Huyện ủy;", "- Lưu: VT, NV."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func front() tmpl.Front {
	return tmpl.Front{CoQuan: []string{"Ủy ban nhân dân", "phường Bình Thạnh"}, So: "7", KyHieu: "BC-UBND",
		DiaDanh: "Bình Thạnh", Ngay: "05/02/2026", TenLoai: "Báo cáo", TrichYeu: []string{"Kết quả CCHC"},
		NoiNhan: []string{"Như trên", "Lưu: VT"}, Ky: tmpl.Ky{QuyenHan: "KT. Chủ tịch", ChucVu: "Phó Chủ tịch", HoTen: "Trần Thị B"}}
}

func TestAssemble(t *testing.T) {
	d, err := Assemble(&tmpl.Result{Front: front(), Markdown: []byte("# A\n\nB.\n"), BodyLine: 9, Path: "r.md"})
	if err != nil {
		t.Fatal(err)
	}
	h := d.Header
	if !reflect.DeepEqual(h.Agency, []string{"ỦY BAN NHÂN DÂN", "PHƯỜNG BÌNH THẠNH"}) || h.Number != "Số: 07/BC-UBND" ||
		h.PlaceDate != "Bình Thạnh, ngày 05 tháng 02 năm 2026" || h.QuocHieu != "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" ||
		h.TieuNgu != "Độc lập - Tự do - Hạnh phúc" {
		t.Errorf("header: %+v", h)
	}
	if d.Title.Kind != "BÁO CÁO" || !reflect.DeepEqual(d.Closing.Signature.Lines, []string{"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}) {
		t.Errorf("title %q, signature %q", d.Title.Kind, d.Closing.Signature.Lines)
	}
	if d.Meta.Subject != "Báo cáo số 07/BC-UBND" || d.Meta.Author != "Ủy ban nhân dân phường Bình Thạnh" || d.Meta.Date.Day() != 5 {
		t.Errorf("meta: %+v", d.Meta)
	}
	if d.Page.Sizes != docmodel.Profile13 {
		t.Error("default size profile is not 13/14/14")
	}
}

func TestAssembleErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(*tmpl.Front)
		want string
	}{
		{"bad date", func(f *tmpl.Front) { f.Ngay = "31/02/2026" }, "ngay \"31/02/2026\""},
		{"margin out of range", func(f *tmpl.Front) { f.Trang.LeTrai = 25 }, "trang.le_trai 25 mm: ND30 allows 30 to 35 mm"},
		{"bad number", func(f *tmpl.Front) { f.So = "x" }, "so \"x\""},
	}
	for _, tt := range tests {
		f := front()
		tt.edit(&f)
		_, err := Assemble(&tmpl.Result{Front: f, Markdown: []byte("x\n"), Path: "r.md"})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
	if _, err := Assemble(&tmpl.Result{Front: front(), Markdown: []byte("\n"), Path: "r.md"}); err == nil {
		t.Error("empty body gave no error")
	}
}

// TestEscapeRoundTrip: data text printed as a literal reads back, through
// the Markdown reader, as the text that was typed.
func TestEscapeRoundTrip(t *testing.T) {
	for _, s := range []string{
		"Kết quả *tạm tính* [chưa chính thức] <b> R&D_2024 | 100%",
		"# không phải đề mục",
		"> không phải trích dẫn",
		"a \\ b ` c &amp; d",
		"Ước đạt 61,89 điểm/70 điểm; 0/30 điểm ĐTXHH.",
		"    bốn dấu cách",
		"1. không phải điểm",
	} {
		res, err := markdown.Read([]byte(markdown.Literal(s)+"\n"), markdown.Options{})
		if err != nil {
			t.Fatal(err)
		}
		p, ok := res.Blocks[0].(*docmodel.Paragraph)
		if !ok || len(res.Blocks) != 1 || docmodel.PlainText(p.Content) != strings.TrimSpace(s) {
			t.Errorf("%q reads back as %#v", s, res.Blocks)
		}
	}
}

// TestFrontMatterCellErrors: a front-matter value filled from the
// workbook that the report cannot use is reported at its cell, not only
// at the template line.
func TestFrontMatterCellErrors(t *testing.T) {
	const src = "---\nco_quan: [Ủy ban nhân dân]\nso: '{{ fact \"so\" }}'\nky_hieu: '{{ fact \"ky_hieu\" }}'\ndia_danh: Sa Đéc\nngay: '{{ fact \"ngay\" }}'\nten_loai: Báo cáo\n---\nx\n"
	tp, err := tmpl.Parse("r/report.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ key, value, cell, want string }{
		{"so", "ba mươi", "B2", `so "ba mươi": expected a whole number`},
		{"ky_hieu", "BC UBND", "B3", `ky_hieu "BC UBND": expected groups joined by "-"`},
		{"ngay", "31/02/2026", "B4", `ngay "31/02/2026": expected a date`},
	} {
		facts := dataset.NewFacts("Thông tin")
		for i, kv := range [][2]string{{"so", "5"}, {"ky_hieu", "BC-UBND"}, {"ngay", "05/02/2025"}} {
			v := kv[1]
			if kv[0] == c.key {
				v = c.value
			}
			loc := dataset.Loc{File: "d.xlsx", Sheet: "Thông tin", Cell: "B" + strconv.Itoa(i+2)}
			facts.Add(kv[0], dataset.Value{Kind: dataset.TextKind, Text: v, Loc: loc}, loc)
		}
		_, err := Build(tp, &dataset.Dataset{Source: "d.xlsx", Facts: facts})
		if err == nil || !strings.HasPrefix(err.Error(), `d.xlsx, sheet "Thông tin", cell `+c.cell+": "+c.want) || !strings.Contains(err.Error(), "r/report.md") {
			t.Errorf("%s: error %v\nwant it to start with the cell %s and %q, and name r/report.md", c.key, err, c.cell, c.want)
		}
	}
}

// TestAssembleElectronic: a draft for the electronic document system
// leaves the number and the day and month blank, in the header and in
// the date an appendix's "(Kèm theo …)" line repeats, whatever so says.
func TestAssembleElectronic(t *testing.T) {
	for _, c := range []struct {
		phatHanh, so, number, date string
	}{
		{"", "7", "Số: 07/BC-UBND", "ngày 05 tháng 02 năm 2026"},
		{"giay", "7", "Số: 07/BC-UBND", "ngày 05 tháng 02 năm 2026"},
		{"dien-tu", "7", "Số:      /BC-UBND", "ngày    tháng    năm 2026"},
		{"dien-tu", "", "Số:      /BC-UBND", "ngày    tháng    năm 2026"},
	} {
		f := front()
		f.PhatHanh, f.So = c.phatHanh, c.so
		d, err := Assemble(&tmpl.Result{Front: f, Markdown: []byte("B.\n"), Path: "r.md"})
		if err != nil {
			t.Fatalf("%q: %v", c.phatHanh, err)
		}
		if h := d.Header; h.Number != c.number || h.Date != c.date || h.PlaceDate != "Bình Thạnh, "+c.date {
			t.Errorf("phat_hanh %q, so %q: number %q, date %q, place and date %q; want %q, %q", c.phatHanh, c.so, h.Number, h.Date, h.PlaceDate, c.number, c.date)
		}
		if d.Meta.Date.Year() != 2026 || d.Meta.Date.Day() != 5 {
			t.Errorf("phat_hanh %q: meta date %v, want the date of the front matter", c.phatHanh, d.Meta.Date)
		}
	}
}
