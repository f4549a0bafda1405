// Package report turns a template and a dataset into a document model: it
// fills the template (package tmpl), reads the Markdown body (package
// markdown) and sets the header, title, closing block and page from the
// front matter, applying the ND30 conventions that are rules rather than
// taste: upper-case agency names, "Số: 05/…" with a leading zero, the date
// line "Sa Đéc, ngày 09 tháng 10 năm 2024", and a Nơi nhận list whose
// lines start "- " and end ";" but the last, which ends ".".
package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"baocao/internal/dataset"
	"baocao/internal/docmodel"
	"baocao/internal/markdown"
	"baocao/internal/msg"
	"baocao/internal/sigimage"
	"baocao/internal/tmpl"
	"baocao/internal/vnfmt"
)

// Build fills t from ds and returns the document, without the signature
// and seal images (it has no folder to read them from; see BuildChecked).
func Build(t *tmpl.Template, ds *dataset.Dataset) (*docmodel.Document, error) {
	d, _, err := BuildChecked(t, ds, Options{NoImages: true})
	return d, err
}

// Options are what a build gives the report beyond the template and the
// data.
type Options struct {
	// Images are the folders the signature and seal images may come
	// from, in the order they are searched (the workbook's, then the
	// template's).
	Images []sigimage.Dir
	// NoImages leaves the images out without reading them, for a
	// document only compared as text (baocao diff).
	NoImages bool
}

// BuildChecked is Build, and says what the document lacks that a signer
// would notice (an incomplete signature block, an image that is not what
// ND30 asks).
func BuildChecked(t *tmpl.Template, ds *dataset.Dataset, opts Options) (*docmodel.Document, []Issue, error) {
	res, err := t.Execute(ds)
	if err != nil {
		return nil, nil, err
	}
	d, err := Assemble(res)
	if err != nil {
		return nil, nil, err
	}
	issues, err := checkSignature(res.Front.Ky, res.Path)
	if err != nil {
		return nil, nil, err
	}
	if !opts.NoImages {
		warn, err := signatureImages(res, &d.Closing.Signature, opts.Images)
		if err != nil {
			return nil, nil, err
		}
		issues = append(issues, warn...)
	}
	return d, issues, nil
}

// Assemble builds the document from a filled template.
func Assemble(res *tmpl.Result) (*docmodel.Document, error) {
	f := res.Front
	errorf := func(format string, args ...any) error {
		return msg.Errorf("%s: front matter: %s", res.Path, msg.Sprintf(format, args...))
	}
	// A value filled from the workbook is the workbook's mistake: the
	// message names the cell first.
	cellError := func(keys []string, format string, args ...any) error {
		for _, k := range keys {
			if locs := res.Cells[k]; len(locs) > 0 {
				return msg.Errorf("%s: %s (printed by %s, front matter %s)", cells(locs), msg.Sprintf(format, args...), res.Path, k)
			}
		}
		return errorf(format, args...)
	}
	date, ok := vnfmt.ParseDate(f.Ngay)
	if !ok {
		return nil, cellError([]string{"ngay"}, "ngay %q: expected a date such as 09/10/2024", f.Ngay)
	}
	date = time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, time.UTC)

	page := docmodel.DefaultPage()
	if f.CoChu == "12/13/13" {
		page.Sizes = docmodel.Profile12
	}
	for _, m := range []struct {
		v        float64
		dst      *docmodel.Length
		name     string
		min, max float64
	}{
		{f.Trang.LeTren, &page.MarginTop, "le_tren", 20, 25},
		{f.Trang.LeDuoi, &page.MarginBottom, "le_duoi", 20, 25},
		{f.Trang.LeTrai, &page.MarginLeft, "le_trai", 30, 35},
		{f.Trang.LePhai, &page.MarginRight, "le_phai", 15, 20},
	} {
		if m.v == 0 {
			continue
		}
		if m.v < m.min || m.v > m.max {
			return nil, errorf("trang.%s %v mm: ND30 allows %v to %v mm", m.name, m.v, m.min, m.max)
		}
		*m.dst = docmodel.MM(m.v)
	}
	if f.Trang.GianDong != 0 {
		page.LineSpacing = f.Trang.GianDong
	}

	so, dateText := f.So, vnfmt.Date(date)
	if f.Electronic() {
		// The document system stamps the number and the date when it
		// issues the document (ND30 Điều 15.3); the year stays, as on
		// the forms a văn thư fills by hand.
		so, dateText = "", BlankDate(date.Year())
	}
	number, err := docNumber(so, f.KyHieu)
	if err != nil {
		keys := []string{"so"}
		if strings.HasPrefix(err.Error(), "ky_hieu") {
			keys = []string{"ky_hieu"}
		}
		return nil, cellError(keys, "%v", err)
	}
	styles := markdown.DefaultStyles
	if len(f.DanhSo) > 0 {
		styles = make([]markdown.Style, len(f.DanhSo))
		for i, s := range f.DanhSo {
			styles[i] = markdown.Style(s)
		}
	}
	body, err := markdown.Read(res.Markdown, markdown.Options{Styles: styles, File: res.Path, FirstLine: res.BodyLine, Sources: res.Sources})
	if err != nil {
		return nil, err
	}

	d := &docmodel.Document{
		Page: page,
		Header: docmodel.Header{
			ParentAgency: upperAll(f.CoQuanChuQuan),
			Agency:       upperAll(f.CoQuan),
			Number:       number,
			QuocHieu:     orDefault(f.QuocHieu, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
			TieuNgu:      orDefault(f.TieuNgu, "Độc lập - Tự do - Hạnh phúc"),
			PlaceDate:    strings.TrimSpace(f.DiaDanh) + ", " + dateText,
			Date:         dateText,
		},
		Title:     docmodel.Title{Kind: vnfmt.Upper(strings.TrimSpace(f.TenLoai)), Summary: trimAll(f.TrichYeu)},
		KinhGui:   kinhGui(f.KinhGui),
		Body:      body.Blocks,
		Footnotes: body.Footnotes,
		Closing: docmodel.Closing{
			Recipients: recipients(f.NoiNhan),
			Signature:  signature(f.Ky),
		},
	}
	d.Meta = docmodel.Meta{
		Title:    strings.Join(d.Title.Summary, " "),
		Author:   strings.Join(trimAll(f.CoQuan), " "),
		Subject:  strings.TrimSpace(vnfmt.Capitalize(vnfmt.Lower(d.Title.Kind)) + " số " + strings.TrimPrefix(number, "Số: ")),
		Date:     date,
		Language: "vi-VN",
		Kind:     vnfmt.Capitalize(vnfmt.Lower(d.Title.Kind)),
		Signer:   d.Closing.Signature.Name,
	}
	d.Meta.Positions = append(d.Meta.Positions, d.Closing.Signature.Lines...)
	if so, kh, ok := strings.Cut(strings.TrimPrefix(number, "Số: "), "/"); ok {
		d.Meta.Number, d.Meta.Notation = strings.TrimSpace(so), kh
	}
	if len(d.Body) == 0 {
		return nil, msg.Errorf("%s: the report body is empty", res.Path)
	}
	return d, nil
}

// cells are the cells a front-matter value printed, told in the
// reader's language and joined with "; ".
func cells(locs []dataset.Loc) msg.List {
	l := msg.List{Sep: "; ", Items: make([]any, len(locs))}
	for i, loc := range locs {
		l.Items[i] = loc
	}
	return l
}

// BlankDate is the date line of a document whose day and month the
// document system fills in: "ngày    tháng    năm 2026", four spaces where
// each figure goes, as "Số:      /" leaves six for the number.
func BlankDate(year int) string {
	return "ngày    tháng    năm " + strconv.Itoa(year)
}

// docNumber writes "Số: 371/BC-UBND"; numbers under 10 take a leading zero
// (ND30 Phụ lục I, Mục II.3). A number left blank for the văn thư to fill
// in when the document is registered prints as "Số:      /BC-UBND".
func docNumber(so, kyHieu string) (string, error) {
	so, kyHieu = strings.TrimSpace(so), strings.TrimSpace(kyHieu)
	if strings.ContainsAny(kyHieu, " /") {
		return "", msg.Errorf("ky_hieu %q: expected groups joined by \"-\" with no spaces or \"/\", such as BC-UBND", kyHieu)
	}
	if so == "" || so == "-" {
		return "Số:      /" + kyHieu, nil
	}
	n, err := strconv.Atoi(so)
	if err != nil {
		return "", msg.Errorf("so %q: expected a whole number", so)
	}
	if n <= 0 {
		return "", msg.Errorf("so %q: expected a number from 1", so)
	}
	return fmt.Sprintf("Số: %02d/%s", n, kyHieu), nil
}

// kinhGui writes the addressees of ô 9a: one stands alone after "Kính
// gửi:"; several each take a line "- …;", the last ending "." (ND30 Phụ
// lục I, Mục II.9a).
func kinhGui(lines []string) []string {
	out := trimAll(lines)
	if len(out) < 2 {
		if len(out) == 1 {
			out[0] = strings.TrimRight(strings.TrimPrefix(out[0], "- "), ";.")
		}
		return out
	}
	return recipients(out)
}

func recipients(lines []string) []string {
	var out []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		l = strings.TrimPrefix(l, "-")
		l = strings.TrimRight(strings.TrimSpace(l), ";.")
		if l != "" {
			out = append(out, "- "+l)
		}
	}
	for i := range out {
		if i == len(out)-1 {
			out[i] += "."
		} else {
			out[i] += ";"
		}
	}
	return out
}

func signature(k tmpl.Ky) docmodel.Signature {
	var s docmodel.Signature
	for _, l := range []string{k.QuyenHan, k.ChucVu} {
		if l = strings.TrimSpace(l); l != "" {
			s.Lines = append(s.Lines, vnfmt.Upper(l))
		}
	}
	s.Name = strings.TrimSpace(k.HoTen)
	return s
}

func upperAll(in []string) []string {
	out := trimAll(in)
	for i := range out {
		out[i] = vnfmt.Upper(out[i])
	}
	return out
}

func trimAll(in []string) []string {
	var out []string
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func orDefault(s, def string) string {
	if s = strings.TrimSpace(s); s != "" {
		return s
	}
	return def
}
