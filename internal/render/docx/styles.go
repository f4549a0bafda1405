package docx

import (
	"baocao/internal/docmodel"
	"baocao/internal/render/layout"
)

// styleDef is one w:style. Everything the layout decides lives in named
// styles rather than on each paragraph, so a user who wants 13 pt body
// text or another rule weight changes one style in Word, not every line.
type styleDef struct {
	typ, id, name string
	basedOn, next string
	isDefault     bool
	semiHidden    bool
	qFormat       bool

	// Paragraph properties.
	keepNext  bool
	rule      bool // bottom border: the solid line of ND30
	spacing   *lineSpacing
	ind       *indent
	jc        string
	outline   int // outline level + 1; 0: none
	markSmall bool

	// Run properties.
	font   string
	bold   bool
	italic bool
	size   float64
	super  bool
	lang   string

	// Table properties.
	table   bool
	borders bool
}

type lineSpacing struct{ before, after, line int }

// ruleWeight is the rule's stroke in eighths of a point: 3/4 pt, what the
// ND30 .docx draws under the Tiêu ngữ.
const ruleWeight = "6"

func styleDefs(p docmodel.PageSetup) []styleDef {
	sz := p.Sizes
	line := int(p.LineSpacing*240 + 0.5)
	body := &lineSpacing{before: int(p.SpaceBefore), after: int(p.SpaceAfter), line: line}
	single := &lineSpacing{line: 240}
	noIndent := &indent{}
	first := &indent{firstLine: int(p.FirstLineIndent)}
	// Only the styles an editor applies by hand are Quick Styles (qFormat,
	// Word's style gallery): body text, the headings, table text and the
	// Nơi nhận label and list. The others are set once by the writer, and 30 of them
	// crowded the gallery.
	para := func(id, name string) styleDef {
		return styleDef{typ: "paragraph", id: id, name: name, basedOn: stNormal}
	}
	quick := func(s styleDef) styleDef {
		s.qFormat = true
		return s
	}
	heading := func(n int, name string) styleDef {
		s := quick(para("Heading"+itoa(n), name))
		s.basedOn, s.next = stBodyText, stBodyText
		s.keepNext = true
		s.outline = n
		// Ragged right, as the PDF sets them: a heading on one line looks
		// the same either way, and one that wraps keeps its word pairs
		// whole (no-break spaces, layout.TieSpaces) without stretching
		// the few spaces left on its first line.
		s.jc = "left"
		return s
	}
	centred := func(id, name string, size float64, bold, italic bool) styleDef {
		s := para(id, name)
		s.jc, s.size, s.bold, s.italic = "center", size, bold, italic
		return s
	}

	normal := styleDef{typ: "paragraph", id: stNormal, name: "Normal", isDefault: true, qFormat: true,
		spacing: single, font: p.FontFamily, size: sz.Body, lang: "vi-VN"}

	bodyText := quick(para(stBodyText, "Body Text"))
	bodyText.jc, bodyText.ind, bodyText.spacing = "both", first, body
	// Vietnamese names like the writer's other styles; Body Text and the
	// headings keep Word's built-in names, which Word shows translated.
	bodyCentered := para(stBodyCentered, "Đoạn căn giữa")
	bodyCentered.basedOn, bodyCentered.jc, bodyCentered.ind = stBodyText, "center", noIndent
	bodyFlush := para(stBodyFlush, "Đoạn không thụt đầu dòng")
	bodyFlush.basedOn, bodyFlush.ind = stBodyText, noIndent
	bodyRight := para(stBodyRight, "Đoạn căn phải")
	bodyRight.basedOn, bodyRight.jc, bodyRight.ind = stBodyText, "right", noIndent

	// Headings follow ND30 Phụ lục I Mục II.6.đ and Mục V row 6b, and the
	// seeds' practice where ND30 is silent: Phần centred bold (label over
	// title), Mục "I." bold, Khoản "1." bold, "1.1." bold italic (not
	// regulated), Điểm "a)" upright like the text, deeper levels plain.
	// Below Phần they keep the body's indent, as in both seeds.
	h1 := heading(1, "heading 1")
	h1.jc, h1.ind, h1.bold = "center", noIndent, true
	h1.spacing = &lineSpacing{before: 12 * 20, after: int(p.SpaceAfter), line: line}
	h2 := heading(2, "heading 2")
	h2.bold = true
	h3 := heading(3, "heading 3")
	h3.bold = true
	h4 := heading(4, "heading 4")
	h4.bold, h4.italic = true, true
	h5 := heading(5, "heading 5")
	h6 := heading(6, "heading 6")

	quocHieu := centred(stQuocHieu, "Quốc hiệu", sz.QuocHieu, true, false)
	tieuNgu := centred(stTieuNgu, "Tiêu ngữ", sz.TieuNgu, true, false)
	chuQuan := centred(stCoQuanChuQuan, "Cơ quan chủ quản", sz.ParentAgency, false, false)
	coQuan := centred(stCoQuan, "Cơ quan ban hành", sz.Agency, true, false)
	soKyHieu := centred(stSoKyHieu, "Số, ký hiệu", sz.Number, false, false)
	soKyHieu.spacing = &lineSpacing{before: 6 * 20, line: 240}
	diaDanh := centred(stDiaDanhNgay, "Địa danh, ngày tháng", sz.PlaceDate, false, true)
	diaDanh.spacing = soKyHieu.spacing

	// The rule paragraph is empty; its mark is set at 2 pt so the line
	// sits just under the text above it instead of a full line lower.
	rule := para(stRule, "Đường kẻ")
	rule.rule, rule.markSmall, rule.spacing = true, true, &lineSpacing{line: 240}

	tenLoai := centred(stTenLoai, "Tên loại văn bản", sz.Kind, true, false)
	tenLoai.keepNext = true
	tenLoai.spacing = &lineSpacing{before: 18 * 20, line: 240}
	trichYeu := centred(stTrichYeu, "Trích yếu", sz.Summary, true, false)
	trichYeu.keepNext = true

	kinhGui := para(stKinhGui, "Kính gửi")
	kinhGui.spacing = &lineSpacing{before: 6 * 20, after: 12 * 20, line: 240}

	noiNhanLabel := quick(para(stNoiNhanLabel, "Nơi nhận"))
	noiNhanLabel.bold, noiNhanLabel.italic, noiNhanLabel.size = true, true, sz.NoiNhanLabel
	noiNhanLabel.keepNext = true
	noiNhan := quick(para(stNoiNhan, "Danh sách nơi nhận"))
	noiNhan.size, noiNhan.jc = sz.NoiNhanList, "left"
	chucVu := centred(stChucVu, "Quyền hạn, chức vụ người ký", sz.Signature, true, false)
	chucVu.keepNext = true
	nguoiKy := centred(stNguoiKy, "Họ tên người ký", sz.Signature, true, false)

	phuLuc := centred(stPhuLuc, "Phụ lục", appendixLabelSize, true, false)
	phuLuc.keepNext = true
	phuLucTieuDe := centred(stPhuLucTieuDe, "Tên phụ lục", sz.Body, true, false)
	phuLucTieuDe.keepNext = true
	phuLucKemTheo := centred(stPhuLucKemTheo, "Phụ lục kèm theo", sz.Body, false, true)
	phuLucKemTheo.keepNext = true

	tableText := quick(para(stTableText, "Chữ trong bảng"))
	tableText.size, tableText.spacing = sz.Table, &lineSpacing{before: 2 * 20, after: 2 * 20, line: 240}
	tableCaption := centred(stTableCaption, "Tên bảng", sz.Body, true, false)
	tableCaption.keepNext = true
	tableCaption.spacing = &lineSpacing{before: 6 * 20, after: 6 * 20, line: 240}

	header := centred(stHeader, "header", sz.PageNumber, false, false)

	// ND30's own .docx sets its footnote single spaced, justified, with no
	// paragraph spacing (domain.md §2).
	footnoteText := para(stFootnoteText, "footnote text")
	footnoteText.size, footnoteText.jc, footnoteText.spacing = sz.Footnote, "both", single

	return []styleDef{
		normal,
		{typ: "character", id: stDefaultParaFont, name: "Default Paragraph Font", isDefault: true, semiHidden: true},
		{typ: "table", id: stTableNormal, name: "Normal Table", isDefault: true, semiHidden: true, table: true},
		{typ: "table", id: stTableGrid, name: "Table Grid", basedOn: stTableNormal, table: true, borders: true},
		bodyText, bodyCentered, bodyFlush, bodyRight,
		h1, h2, h3, h4, h5, h6,
		chuQuan, coQuan, quocHieu, tieuNgu, rule, soKyHieu, diaDanh,
		tenLoai, trichYeu, kinhGui,
		noiNhanLabel, noiNhan, chucVu, nguoiKy,
		phuLuc, phuLucTieuDe, phuLucKemTheo,
		tableCaption, tableText,
		header, footnoteText,
		{typ: "character", id: stFootnoteRef, name: "footnote reference", basedOn: stDefaultParaFont, super: true},
	}
}

func stylesXML(p docmodel.PageSetup) []byte {
	var b buf
	b.WriteString(xmlHeader)
	b.open("w:styles", "xmlns:w", nsW)
	b.open("w:docDefaults")
	b.open("w:rPrDefault")
	b.open("w:rPr")
	b.fonts(p.FontFamily)
	b.empty("w:sz", "w:val", halfPoints(p.Sizes.Body))
	b.empty("w:szCs", "w:val", halfPoints(p.Sizes.Body))
	b.empty("w:lang", "w:val", "vi-VN")
	b.close("w:rPr")
	b.close("w:rPrDefault")
	b.open("w:pPrDefault")
	b.open("w:pPr")
	b.empty("w:spacing", "w:after", "0", "w:line", "240", "w:lineRule", "auto")
	b.close("w:pPr")
	b.close("w:pPrDefault")
	b.close("w:docDefaults")
	for _, s := range styleDefs(p) {
		b.style(s)
	}
	b.close("w:styles")
	return b.Bytes()
}

func (b *buf) fonts(face string) {
	b.empty("w:rFonts", "w:ascii", face, "w:hAnsi", face, "w:eastAsia", face, "w:cs", face)
}

func (b *buf) style(s styleDef) {
	a := []string{"w:type", s.typ}
	if s.isDefault {
		a = append(a, "w:default", "1")
	}
	a = append(a, "w:styleId", s.id)
	b.open("w:style", a...)
	b.empty("w:name", "w:val", s.name)
	if s.basedOn != "" {
		b.empty("w:basedOn", "w:val", s.basedOn)
	}
	if s.next != "" {
		b.empty("w:next", "w:val", s.next)
	}
	if s.semiHidden {
		b.empty("w:semiHidden")
		b.empty("w:unhideWhenUsed")
	}
	if s.qFormat {
		b.empty("w:qFormat")
	}

	if s.keepNext || s.rule || s.spacing != nil || s.ind != nil || s.jc != "" || s.outline > 0 {
		b.open("w:pPr")
		if s.keepNext {
			b.empty("w:keepNext")
		}
		if s.rule {
			b.open("w:pBdr")
			b.empty("w:bottom", "w:val", "single", "w:sz", ruleWeight, "w:space", "1", "w:color", "000000")
			b.close("w:pBdr")
		}
		if sp := s.spacing; sp != nil {
			b.empty("w:spacing", "w:before", itoa(sp.before), "w:after", itoa(sp.after),
				"w:line", itoa(sp.line), "w:lineRule", "auto")
		}
		if in := s.ind; in != nil {
			if in.firstLine > 0 {
				b.empty("w:ind", "w:left", "0", "w:right", "0", "w:firstLine", itoa(in.firstLine))
			} else {
				b.empty("w:ind", "w:left", "0", "w:right", "0", "w:firstLine", "0")
			}
		}
		if s.jc != "" {
			b.empty("w:jc", "w:val", s.jc)
		}
		if s.outline > 0 {
			b.empty("w:outlineLvl", "w:val", itoa(s.outline-1))
		}
		b.close("w:pPr")
	}

	size := s.size
	if s.markSmall {
		size = 2
	}
	if s.font != "" || s.bold || s.italic || size > 0 || s.super || s.lang != "" {
		b.open("w:rPr")
		if s.font != "" {
			b.fonts(s.font)
		}
		if s.bold {
			b.empty("w:b")
			b.empty("w:bCs")
		}
		if s.italic {
			b.empty("w:i")
			b.empty("w:iCs")
		}
		if size > 0 {
			b.empty("w:sz", "w:val", halfPoints(size))
			b.empty("w:szCs", "w:val", halfPoints(size))
		}
		if s.super {
			b.empty("w:vertAlign", "w:val", "superscript")
		}
		if s.lang != "" {
			b.empty("w:lang", "w:val", s.lang)
		}
		b.close("w:rPr")
	}

	if s.table {
		b.open("w:tblPr")
		b.empty("w:tblInd", "w:w", "0", "w:type", "dxa")
		if s.borders {
			b.open("w:tblBorders")
			for _, side := range []string{"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"} {
				b.empty(side, "w:val", "single", "w:sz", "4", "w:space", "0", "w:color", "000000")
			}
			b.close("w:tblBorders")
		}
		b.open("w:tblCellMar")
		b.empty("w:top", "w:w", "0", "w:type", "dxa")
		pad := itoa(twips(layout.CellPadding)) // shared with the PDF writer
		b.empty("w:left", "w:w", pad, "w:type", "dxa")
		b.empty("w:bottom", "w:w", "0", "w:type", "dxa")
		b.empty("w:right", "w:w", pad, "w:type", "dxa")
		b.close("w:tblCellMar")
		b.close("w:tblPr")
	}
	b.close("w:style")
}
