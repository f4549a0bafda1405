package tmpl

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"baocao/internal/msg"
)

// Front is the front matter of report.md after execution. Keys are the
// Vietnamese names a secretariat member reads, without diacritics.
type Front struct {
	// CoChu is the size profile: "13/14/14" (default) or "12/13/13".
	CoChu string `yaml:"co_chu"`
	// CoQuanChuQuan are the lines of the parent agency, if any.
	CoQuanChuQuan []string `yaml:"co_quan_chu_quan"`
	// CoQuan are the lines of the issuing agency ("ỦY BAN NHÂN DÂN",
	// "THÀNH PHỐ SA ĐÉC"); printed in upper case.
	CoQuan []string `yaml:"co_quan"`
	// So is the document number (371), KyHieu its symbol ("BC-UBND").
	So     string `yaml:"so"`
	KyHieu string `yaml:"ky_hieu"`
	// DiaDanh is the place name, Ngay the date (dd/mm/yyyy or yyyy-mm-dd).
	DiaDanh string `yaml:"dia_danh"`
	Ngay    string `yaml:"ngay"`
	// QuocHieu and TieuNgu override the national motto lines; rarely set.
	QuocHieu string `yaml:"quoc_hieu"`
	TieuNgu  string `yaml:"tieu_ngu"`
	// TenLoai is the document type ("BÁO CÁO"); TrichYeu the summary lines.
	TenLoai  string   `yaml:"ten_loai"`
	TrichYeu []string `yaml:"trich_yeu"`
	KinhGui  []string `yaml:"kinh_gui"`
	// NoiNhan lists the recipients, one per entry, without the leading
	// "- " and the final ";" (they are added), the last being "Lưu: VT, …".
	NoiNhan []string `yaml:"noi_nhan"`
	Ky      Ky       `yaml:"ky"`
	// DanhSo is the numbering style of each Markdown heading level (#, ##,
	// …): phan, phan-la-ma, la-ma, so, so-cap, chu, khong.
	DanhSo []string `yaml:"danh_so"`
	// Trang overrides the page margins, in millimetres.
	Trang Trang `yaml:"trang"`
	// Ten is the output file name without extension (default: the folder name).
	Ten string `yaml:"ten"`
	// PhatHanh is how the document is issued: giay (on paper, the
	// default) or dien-tu, a draft for the electronic document system,
	// which stamps the number and the date when it issues the document
	// (ND30 Điều 15.3): the số and ngày stay blank ("Số:      /BC-UBND",
	// "ngày    tháng    năm 2026"), in the header and in each appendix's
	// "(Kèm theo …)" line (Phụ lục I, Mục III.1.c–d); so is then not
	// needed and not printed.
	PhatHanh string `yaml:"phat_hanh"`

	// lines are the file lines of the keys, by dotted key, for Line.
	lines map[string]int
}

// Electronic reports whether the front matter asks for a draft for the
// electronic document system.
func (f *Front) Electronic() bool { return f.PhatHanh == PhatHanhDienTu }

// Values of phat_hanh.
const (
	PhatHanhGiay   = "giay"
	PhatHanhDienTu = "dien-tu"
)

// Ky is the signature block.
type Ky struct {
	QuyenHan string `yaml:"quyen_han"` // "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"
	ChucVu   string `yaml:"chuc_vu"`   // "CHỦ TỊCH", "PHÓ CHỦ TỊCH"
	HoTen    string `yaml:"ho_ten"`
	// HinhThuc is the form of signing the template uses (ND30 Phụ lục I,
	// Mục II.7.b): TM., KT., Q., TL., TUQ., or khong when the head signs
	// in their own name; empty: not declared, only what is missing is
	// said.
	HinhThuc string `yaml:"hinh_thuc"`
	// Thieu is how an incomplete signature block is reported: canh-bao
	// (a warning, the default) or loi (an error: nothing is written).
	Thieu string `yaml:"thieu"`
	// AnhChuKy names the PNG file of the signer's signature image (ô 7c)
	// and RongChuKy its printed width in millimetres (0: the default);
	// AnhDau the seal's (ô 8) and DuongKinhDau its real diameter. The
	// files are looked for beside the workbook, then in the template
	// folder (package sigimage). Empty: no image.
	AnhChuKy     string  `yaml:"anh_chu_ky"`
	RongChuKy    float64 `yaml:"rong_chu_ky"`
	AnhDau       string  `yaml:"anh_dau"`
	DuongKinhDau float64 `yaml:"duong_kinh_dau"`
}

// Printed sizes of the signature and seal images, in millimetres: the
// defaults and the ranges a template may choose from. A seal is printed
// at its real size (ND30 Phụ lục I, Mục II.8.a); the common round seals of
// an UBND are 35 to 40 mm across, so 36 mm is only the default for a
// template that does not say, and the range refuses a figure in
// centimetres or inches by mistake.
const (
	SignatureWidthDefault = 40.0
	SignatureWidthMin     = 15.0
	SignatureWidthMax     = 80.0
	SealDefault           = 36.0
	SealMin               = 20.0
	SealMax               = 60.0
)

// Trang holds page margins in millimetres; zero keeps the default.
type Trang struct {
	LeTren   float64 `yaml:"le_tren"`
	LeDuoi   float64 `yaml:"le_duoi"`
	LeTrai   float64 `yaml:"le_trai"`
	LePhai   float64 `yaml:"le_phai"`
	GianDong float64 `yaml:"gian_dong"` // line spacing, 1 to 1.5
}

// NumberingStyles are the accepted danh_so values.
var NumberingStyles = []string{"phan", "phan-la-ma", "la-ma", "so", "so-cap", "chu", "khong"}

// check validates values and ranges, pointing at the front-matter line.
func (f *Front) check(root *yaml.Node, path string, offset int) error {
	line := func(key string) int {
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == key {
				return root.Content[i].Line + offset
			}
		}
		return offset + 1
	}
	f.lines = map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		f.lines[k.Value] = k.Line + offset
		for j := 0; v.Kind == yaml.MappingNode && j+1 < len(v.Content); j += 2 {
			f.lines[k.Value+"."+v.Content[j].Value] = v.Content[j].Line + offset
		}
	}
	known := map[string]bool{}
	for _, k := range []string{"co_chu", "co_quan_chu_quan", "co_quan", "so", "ky_hieu", "dia_danh", "ngay", "quoc_hieu",
		"tieu_ngu", "ten_loai", "trich_yeu", "kinh_gui", "noi_nhan", "ky", "danh_so", "trang", "ten", "phat_hanh"} {
		known[k] = true
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i]; !known[k.Value] {
			return msg.Errorf("%s:%d: unknown front-matter key %q", path, k.Line+offset, k.Value)
		}
	}
	// A misspelt ky key (anh_dua) would leave out an image without a word.
	kyKnown := map[string]bool{"quyen_han": true, "chuc_vu": true, "ho_ten": true, "hinh_thuc": true, "thieu": true,
		"anh_chu_ky": true, "rong_chu_ky": true, "anh_dau": true, "duong_kinh_dau": true}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if v := root.Content[i+1]; root.Content[i].Value == "ky" && v.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(v.Content); j += 2 {
				if k := v.Content[j]; !kyKnown[k.Value] {
					return msg.Errorf("%s:%d: unknown key ky.%s; the ky block takes quyen_han, chuc_vu, ho_ten, hinh_thuc, thieu, anh_chu_ky, rong_chu_ky, anh_dau, duong_kinh_dau", path, k.Line+offset, k.Value)
				}
			}
		}
	}
	switch f.CoChu {
	case "", "13/14/14", "12/13/13":
	default:
		return msg.Errorf("%s:%d: co_chu %q: expected 13/14/14 or 12/13/13 (ND30 Phụ lục I, Mục V)", path, line("co_chu"), f.CoChu)
	}
	switch f.PhatHanh {
	case "", PhatHanhGiay, PhatHanhDienTu:
	default:
		return msg.Errorf("%s:%d: phat_hanh %q: expected %s (paper) or %s (a draft for the electronic document system, số and ngày left blank)", path, line("phat_hanh"), f.PhatHanh, PhatHanhGiay, PhatHanhDienTu)
	}
	so := f.So
	if f.Electronic() {
		so = "-" // the system gives the number
	}
	for _, req := range []struct{ key, val string }{{"ten_loai", f.TenLoai}, {"so", so}, {"ky_hieu", f.KyHieu}, {"dia_danh", f.DiaDanh}, {"ngay", f.Ngay}} {
		if strings.TrimSpace(req.val) == "" {
			return msg.Errorf("%s:%d: front matter needs %s", path, line(req.key), req.key)
		}
	}
	if len(f.CoQuan) == 0 {
		return msg.Errorf("%s:%d: front matter needs co_quan (the issuing agency, one or more lines)", path, line("co_quan"))
	}
	for _, s := range f.DanhSo {
		ok := false
		for _, n := range NumberingStyles {
			ok = ok || s == n
		}
		if !ok {
			return msg.Errorf("%s:%d: danh_so %q: expected one of %s", path, line("danh_so"), s, strings.Join(NumberingStyles, ", "))
		}
	}
	for _, r := range []struct {
		key      string
		v        float64
		min, max float64
	}{
		{"rong_chu_ky", f.Ky.RongChuKy, SignatureWidthMin, SignatureWidthMax},
		{"duong_kinh_dau", f.Ky.DuongKinhDau, SealMin, SealMax},
	} {
		if r.v != 0 && (r.v < r.min || r.v > r.max) {
			return msg.Errorf("%s:%d: ky.%s %v mm: expected %v to %v mm", path, nestedLine(root, offset, "ky", r.key), r.key, r.v, r.min, r.max)
		}
	}
	if g := f.Trang.GianDong; g != 0 && (g < 1 || g > 1.5) {
		return msg.Errorf("%s:%d: trang.gian_dong %v: ND30 allows single (1) to 1.5 line spacing", path, line("trang"), g)
	}
	return nil
}

// nestedLine is the file line of the key parent.key of the front matter,
// or of parent when the mapping has no such key.
func nestedLine(root *yaml.Node, offset int, parent, key string) int {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != parent {
			continue
		}
		m := root.Content[i+1]
		for j := 0; j+1 < len(m.Content); j += 2 {
			if m.Content[j].Value == key {
				return m.Content[j].Line + offset
			}
		}
		return root.Content[i].Line + offset
	}
	return offset + 1
}

// Line is the file line of a front-matter key, "ky.anh_dau" for a key of
// the ky block, for the messages of what is checked after filling (an
// image file that is not there); 0 when the key is absent.
func (f *Front) Line(key string) int { return f.lines[key] }
