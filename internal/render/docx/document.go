package docx

import (
	"bytes"
	"math"
	"strings"

	"baocao/internal/docmodel"
	"baocao/internal/fonts"
	"baocao/internal/msg"
	"baocao/internal/render/layout"
)

// Style ids. Names shown to the user are in styles.go; ids stay ASCII
// because some consumers compare them byte for byte with other documents.
const (
	stNormal          = "Normal"
	stBodyText        = "BodyText"
	stBodyCentered    = "BodyTextCentered"
	stBodyFlush       = "BodyTextFlush"
	stBodyRight       = "BodyTextRight"
	stQuocHieu        = "QuocHieu"
	stTieuNgu         = "TieuNgu"
	stCoQuanChuQuan   = "CoQuanChuQuan"
	stCoQuan          = "CoQuan"
	stSoKyHieu        = "SoKyHieu"
	stDiaDanhNgay     = "DiaDanhNgay"
	stRule            = "DuongKe"
	stTenLoai         = "TenLoai"
	stTrichYeu        = "TrichYeu"
	stKinhGui         = "KinhGui"
	stNoiNhanLabel    = "NoiNhanLabel"
	stNoiNhan         = "NoiNhan"
	stChucVu          = "ChucVu"
	stNguoiKy         = "NguoiKy"
	stPhuLuc          = "PhuLuc"
	stPhuLucTieuDe    = "PhuLucTieuDe"
	stPhuLucKemTheo   = "PhuLucKemTheo"
	stTableText       = "TableText"
	stTableCaption    = "TableCaption"
	stHeader          = "Header"
	stFootnoteText    = "FootnoteText"
	stFootnoteRef     = "FootnoteReference"
	stTableNormal     = "TableNormal"
	stTableGrid       = "TableGrid"
	stDefaultParaFont = "DefaultParagraphFont"
)

// headingStyle maps the rung of the numbering to Heading1..Heading6: by
// kind, not by depth, so "I." is always Heading2 whether or not the
// report has a "Phần".
func headingStyle(k docmodel.HeadingKind) (string, error) {
	if k < docmodel.KindPart || k > docmodel.KindMinor {
		return "", msg.Errorf("unknown heading kind %v", k)
	}
	return "Heading" + itoa(int(k)), nil
}

// Fixed labels of the layout. They are part of the ND30 form, not of the
// report's text, so the model does not carry them.
const (
	labelNoiNhan = "Nơi nhận:"
	labelKinhGui = "Kính gửi:"
)

// appendixLabelSize is fixed by ND30 Phụ lục I Mục III.1 ("cỡ chữ 14"),
// whatever the size profile.
const appendixLabelSize = 14

// docWriter writes word/document.xml and collects what footnotes.xml
// needs to agree with it.
type docWriter struct {
	d    *docmodel.Document
	page docmodel.PageSetup
	b    buf
	sect sectProps

	// Footnote bookkeeping: Word numbers notes by the position of their
	// reference, so the first reference to note n must come after the
	// first reference to note n-1, or Word's numbers and the model's differ.
	fnSeen     []bool
	fnNext     int
	inFootnote bool
}

func (w *docWriter) document() error {
	b := &w.b
	b.WriteString(xmlHeader)
	if hasImages(w.d) {
		b.open("w:document", "xmlns:w", nsW, "xmlns:r", nsR, "xmlns:wp", nsWP)
	} else {
		b.open("w:document", "xmlns:w", nsW, "xmlns:r", nsR)
	}
	b.open("w:body")

	w.headerBlock()
	w.title()
	w.kinhGui()
	if err := w.blocks(w.d.Body, w.hasClosing()); err != nil {
		return msg.Errorf("body: %w", err)
	}
	if w.hasClosing() {
		// A body that ends turned comes back to portrait for the closing.
		if w.sect.landscape {
			w.turn(false)
		}
		w.closing()
	}

	for i, a := range w.d.Appendices {
		// The paragraph that carries a section's sectPr is its last; an
		// empty, 1 pt one, so the break adds no visible line.
		s := w.sect
		b.simpleParagraph(pProps{markSize: 1, spacing: &spacing{}, sect: &s}, rProps{}, "")
		w.sect = sectProps{page: w.page, landscape: a.Landscape, restart: true}
		if err := w.appendix(a); err != nil {
			return msg.Errorf("appendix %d (%s): %w", i+1, a.Label, err)
		}
	}
	if bytes.HasSuffix(b.Bytes(), []byte("</w:tbl>")) {
		// Word appends a paragraph after a final table itself and then
		// reports the file as changed; writing it here keeps round trips
		// quiet.
		b.simpleParagraph(pProps{markSize: 1, spacing: &spacing{}}, rProps{}, "")
	}
	b.sectPr(w.sect)
	b.close("w:body")
	b.close("w:document")

	for i, seen := range w.fnSeen {
		if !seen {
			return msg.Errorf("footnote %d is never referenced: Word would drop it silently", i+1)
		}
	}
	return nil
}

// turn ends the current section and starts one of the other orientation
// on a new page, with the page numbers running on and the number printed
// on its first page too: a turned page inside the body is not a first page.
func (w *docWriter) turn(landscape bool) {
	if landscape == w.sect.landscape {
		return
	}
	s := w.sect
	w.b.simpleParagraph(pProps{markSize: 1, spacing: &spacing{}, sect: &s}, rProps{}, "")
	w.sect = sectProps{page: w.page, landscape: landscape, numbered: true}
}

// separateTable writes a 1 pt empty paragraph before a table when the last
// thing written is a table: two adjacent w:tbl elements are read as one
// table by Word and LibreOffice, columns and all. It does the same at the
// start of the body: LibreOffice (7.4) puts a page style on a paragraph,
// never on a table, so for a body that opens with a table (the header
// block) it inserts an empty Normal paragraph before it, and page 1's text
// started 25,6 mm from the top edge instead of at the 20 mm margin (ND30
// allows 20 to 25 mm). Given a 1 pt paragraph to carry the page style, it
// starts at 20,3 mm.
func (w *docWriter) separateTable() {
	if bytes.HasSuffix(w.b.Bytes(), []byte("</w:tbl>")) || bytes.HasSuffix(w.b.Bytes(), []byte("<w:body>")) {
		w.b.simpleParagraph(pProps{markSize: 1, spacing: &spacing{}}, rProps{}, "")
	}
}

// layoutTable opens a borderless table used only to place the header and
// closing blocks side by side. Cell margins are zero so that a rule
// centred by indents is centred on the column. It carries no
// w:tblBorders: TableNormal has none, and AbiWord draws full borders for
// an explicit "nil" one.
func (w *docWriter) layoutTable(widths []int, indent int) {
	w.separateTable()
	b := &w.b
	total := 0
	for _, x := range widths {
		total += x
	}
	b.open("w:tbl")
	b.open("w:tblPr")
	b.empty("w:tblStyle", "w:val", stTableNormal)
	b.empty("w:tblW", "w:w", itoa(total), "w:type", "dxa")
	b.empty("w:tblInd", "w:w", itoa(indent), "w:type", "dxa")
	b.empty("w:tblLayout", "w:type", "fixed")
	b.open("w:tblCellMar")
	b.empty("w:left", "w:w", "0", "w:type", "dxa")
	b.empty("w:right", "w:w", "0", "w:type", "dxa")
	b.close("w:tblCellMar")
	b.close("w:tblPr")
	b.open("w:tblGrid")
	for _, x := range widths {
		b.empty("w:gridCol", "w:w", itoa(x))
	}
	b.close("w:tblGrid")
}

func (w *docWriter) openCell(width int) {
	w.b.open("w:tc")
	w.b.open("w:tcPr")
	w.b.empty("w:tcW", "w:w", itoa(width), "w:type", "dxa")
	w.b.close("w:tcPr")
}

// rule writes a solid line of the given width centred in room: an empty
// paragraph whose bottom border (from the DuongKe style) runs between its
// indents. Unlike a drawing shape it cannot drift from its text in Word
// or LibreOffice, and the user can still restyle it.
func (w *docWriter) rule(room, width, after int) {
	in := ruleIndent(room, width)
	p := pProps{style: stRule, ind: &indent{left: in, right: room - in - min(width, room)}}
	if after > 0 {
		p.spacing = &spacing{after: after}
	}
	w.b.simpleParagraph(p, rProps{}, "")
}

// headerBlock writes ô 1 to ô 4: a borderless 2 × 2 table, so that the
// số/ký hiệu and the place and date share one baseline whatever the
// heights of the agency and the Quốc hiệu above them.
func (w *docWriter) headerBlock() {
	h := w.d.Header
	if len(h.ParentAgency) == 0 && len(h.Agency) == 0 && h.Number == "" &&
		h.QuocHieu == "" && h.TieuNgu == "" && h.PlaceDate == "" {
		return
	}
	sz := w.page.Sizes
	tw := w.sect.textWidth()

	// The column split is shared with the PDF writer (package layout).
	cols := layout.Header(h, sz, docmodel.Length(tw).Pt(), w.page.MarginLeft.Pt())
	// Floor the outdent: rounding up could reach past half the margin.
	out := int(math.Floor(cols.Outdent * 20))
	left, indent := twips(cols.Left-cols.Outdent)+out, -out
	right := tw + out - left

	b := &w.b
	w.layoutTable([]int{left, right}, indent)

	b.open("w:tr")
	b.open("w:trPr")
	b.empty("w:cantSplit")
	b.close("w:trPr")
	w.openCell(left)
	if len(h.ParentAgency) > 0 {
		b.lines(pProps{style: stCoQuanChuQuan}, rProps{}, h.ParentAgency)
	}
	if len(h.Agency) > 0 {
		b.lines(pProps{style: stCoQuan}, rProps{}, h.Agency)
		rw := int(float64(maxTwips(fonts.Bold, sz.Agency, h.Agency)) * shortRuleRatio)
		w.rule(left, rw, 0)
	} else if len(h.ParentAgency) == 0 {
		b.simpleParagraph(pProps{style: stCoQuan}, rProps{}, "")
	}
	b.close("w:tc")
	w.openCell(right)
	if h.QuocHieu != "" {
		b.simpleParagraph(pProps{style: stQuocHieu}, rProps{}, h.QuocHieu)
	}
	if h.TieuNgu != "" {
		b.simpleParagraph(pProps{style: stTieuNgu}, rProps{}, h.TieuNgu)
		// ND30: the line under the Tiêu ngữ is exactly as long as it.
		w.rule(right, textTwips(fonts.Bold, sz.TieuNgu, h.TieuNgu), 0)
	} else if h.QuocHieu == "" {
		b.simpleParagraph(pProps{style: stQuocHieu}, rProps{}, "")
	}
	b.close("w:tc")
	b.close("w:tr")

	b.open("w:tr")
	b.open("w:trPr")
	b.empty("w:cantSplit")
	b.close("w:trPr")
	w.openCell(left)
	if textTwips(fonts.Regular, sz.Number, h.Number) < left && !strings.ContainsAny(h.Number, "\t\n") {
		// The Số line fits its cell (which has no side margins), so no line
		// can end inside the code: it is written bare, and the document's
		// own number extracts byte for byte (joinHyphens says why the
		// codes of running text carry a word joiner).
		b.open("w:p")
		b.pPr(pProps{style: stSoKyHieu})
		b.runText(rProps{}, h.Number)
		b.close("w:p")
	} else {
		b.simpleParagraph(pProps{style: stSoKyHieu}, rProps{}, h.Number)
	}
	b.close("w:tc")
	w.openCell(right)
	b.simpleParagraph(pProps{style: stDiaDanhNgay}, rProps{}, h.PlaceDate)
	b.close("w:tc")
	b.close("w:tr")
	b.close("w:tbl")
}

// title writes ô 5a: the tên loại, the trích yếu lines and the short rule.
func (w *docWriter) title() {
	t := w.d.Title
	if t.Kind == "" && len(t.Summary) == 0 {
		return
	}
	sz := w.page.Sizes
	b := &w.b
	if t.Kind != "" {
		b.simpleParagraph(pProps{style: stTenLoai}, rProps{}, t.Kind)
	}
	width := 0
	if len(t.Summary) > 0 {
		b.lines(pProps{style: stTrichYeu}, rProps{}, tieAll(t.Summary))
		width = maxTwips(fonts.Bold, sz.Summary, t.Summary)
	} else {
		width = textTwips(fonts.Bold, sz.Kind, t.Kind)
	}
	w.rule(w.sect.textWidth(), int(float64(width)*shortRuleRatio), 12*20)
}

// kinhGui writes ô 9a. The label hangs to the left of the addressees, so
// that with several addressees their "- " marks line up under the first.
func (w *docWriter) kinhGui() {
	lines := w.d.KinhGui
	if len(lines) == 0 {
		return
	}
	sz := w.page.Sizes.Body
	label := textTwips(fonts.Regular, sz, labelKinhGui+" ")
	block := label + maxTwips(fonts.Regular, sz, lines)
	left := max(0, (w.sect.textWidth()-block)/2)
	b := &w.b
	b.open("w:p")
	b.pPr(pProps{style: stKinhGui, tabs: []int{left + label}, ind: &indent{left: left + label, hanging: label}})
	b.run(rProps{}, labelKinhGui+"\t")
	for i, l := range lines {
		if i > 0 {
			b.brRun()
		}
		b.run(rProps{}, l)
	}
	b.close("w:p")
}

func (w *docWriter) hasClosing() bool {
	c := w.d.Closing
	return len(c.Recipients) > 0 || len(c.Signature.Lines) > 0 || c.Signature.Name != ""
}

// closing writes Nơi nhận (ô 9b) and the signature (ô 7a–7c) side by side
// in one unsplittable row, so neither can be stranded on a page alone.
func (w *docWriter) closing() {
	c := w.d.Closing
	sz := w.page.Sizes
	tw := w.sect.textWidth()
	cols := layout.Closing(c, sz, docmodel.Length(tw).Pt())
	left := twips(cols.Left)
	right := tw - left

	b := &w.b
	w.layoutTable([]int{left, right}, 0)
	b.open("w:tr")
	b.open("w:trPr")
	b.empty("w:cantSplit")
	b.close("w:trPr")

	w.openCell(left)
	if len(c.Recipients) > 0 {
		b.simpleParagraph(pProps{style: stNoiNhanLabel}, rProps{}, labelNoiNhan)
		for _, r := range c.Recipients {
			b.simpleParagraph(pProps{style: stNoiNhan}, rProps{}, r)
		}
	} else {
		b.simpleParagraph(pProps{style: stNoiNhan}, rProps{}, "")
	}
	b.close("w:tc")

	w.openCell(right)
	if hasImages(w.d) {
		w.signatureWithImages(c, docmodel.Length(right).Pt())
		b.close("w:tc")
		b.close("w:tr")
		b.close("w:tbl")
		return
	}
	if len(c.Signature.Lines) > 0 {
		b.lines(pProps{style: stChucVu}, rProps{}, c.Signature.Lines)
	}
	space := twips(layout.SignatureSpace(c.Signature))
	if len(c.Signature.Lines) == 0 {
		space = 0
	}
	// The room for the signature and the seal is the space before the
	// name: one number the user can change, no run of empty paragraphs.
	b.simpleParagraph(pProps{style: stNguoiKy, spacing: &spacing{before: space}}, rProps{}, c.Signature.Name)
	b.close("w:tc")
	b.close("w:tr")
	b.close("w:tbl")
}

// appendix writes one phụ lục; the caller has already closed the previous
// section.
func (w *docWriter) appendix(a docmodel.Appendix) error {
	b := &w.b
	sz := w.page.Sizes
	if a.Label != "" {
		b.simpleParagraph(pProps{style: stPhuLuc}, rProps{}, a.Label)
	}
	if len(a.Title) > 0 {
		b.lines(pProps{style: stPhuLucTieuDe}, rProps{}, tieAll(a.Title))
	}
	if a.Subtitle != "" {
		b.simpleParagraph(pProps{style: stPhuLucKemTheo}, rProps{}, tieAgency(a.Subtitle))
	}
	if len(a.Title) > 0 || a.Subtitle != "" {
		width := maxTwips(fonts.Bold, sz.Body, a.Title)
		if width == 0 {
			width = textTwips(fonts.Italic, sz.Body, a.Subtitle)
		}
		w.rule(w.sect.textWidth(), int(float64(width)*shortRuleRatio), 12*20)
	}
	return w.blocks(a.Body, false)
}

// blocks writes body blocks. keepLast holds the last paragraph to what
// follows it (the closing block), so "Trên đây là báo cáo …./." is never
// separated from the signature by a page break.
func (w *docWriter) blocks(bs []docmodel.Block, keepLast bool) error {
	for i, blk := range bs {
		var err error
		switch v := blk.(type) {
		case *docmodel.Heading:
			err = w.heading(v)
		case *docmodel.Paragraph:
			err = w.paragraph(v, keepLast && i == len(bs)-1)
		case *docmodel.Table:
			if err = w.table(v); err == nil {
				// Room between the table and the text after it, which the
				// table cannot give itself; it also keeps the next table
				// (or the closing block) from fusing with this one.
				w.b.simpleParagraph(pProps{markSize: 1, spacing: &spacing{after: max(int(w.page.SpaceAfter), 6*20)}}, rProps{}, "")
			}
		case *docmodel.SectionBreak:
			if v != nil {
				w.turn(v.Landscape)
			}
		case nil:
			err = msg.Errorf("nil block")
		default:
			err = msg.Errorf("unknown block type %T", blk)
		}
		if err != nil {
			return msg.Errorf("block %d: %w", i+1, err)
		}
	}
	return nil
}

func (w *docWriter) heading(h *docmodel.Heading) error {
	if h == nil {
		return msg.Errorf("nil heading")
	}
	style, err := headingStyle(h.Kind)
	if err != nil {
		return err
	}
	b := &w.b
	b.open("w:p")
	b.pPr(pProps{style: style})
	if h.Label != "" {
		if h.Kind == docmodel.KindPart {
			// "Phần thứ nhất" on its own line, the title under it: one
			// paragraph, so the navigation pane shows one entry.
			b.run(rProps{}, h.Label)
			if len(h.Content) > 0 {
				b.brRun()
			}
		} else {
			sep := layout.NoBreakSpace // the label stays with its first word
			if len(h.Content) == 0 {
				sep = ""
			}
			b.run(rProps{}, h.Label+sep)
		}
	}
	if err := w.inlines(tieInlines(h.Content), rProps{}); err != nil {
		return err
	}
	b.close("w:p")
	return nil
}

// tieAll and tieInlines set no-break spaces inside the word pairs, numbers
// and labels of titles and headings (layout.Tied), so that Word and
// LibreOffice, which break these lines themselves, do not break "HÀNH /
// CHÍNH" or "NĂM / 2026" as the PDF writer does not. Body text is left
// alone: its lines may end anywhere, and its text stays searchable with
// plain spaces. What this costs the reader of the text: python-docx and
// pandoc give U+00A0 in titles and headings; pdftotext of LibreOffice's
// PDF of the file gives a plain space (checked by hand, 2026-12).
func tieAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = layout.TieSpaces(s)
	}
	return out
}

// tieAgency ties only the agency's name at the end of a "(Kèm theo …
// của …)" line: the number and date before it must extract with plain
// spaces, as the reader searches for them (TestTextExtractsCodes).
func tieAgency(s string) string {
	const of = " của "
	i := strings.LastIndex(s, of)
	if i < 0 {
		return s
	}
	return s[:i+len(of)] + layout.TieSpaces(s[i+len(of):])
}

func tieInlines(in []docmodel.Inline) []docmodel.Inline {
	out := make([]docmodel.Inline, len(in))
	for i, x := range in {
		switch v := x.(type) {
		case docmodel.Text:
			v.Text = layout.TieSpaces(v.Text)
			x = v
		case *docmodel.Text:
			c := *v
			c.Text = layout.TieSpaces(c.Text)
			x = c
		}
		out[i] = x
	}
	return out
}

func bodyStyle(s docmodel.ParagraphStyle) (string, error) {
	switch s {
	case docmodel.BodyText:
		return stBodyText, nil
	case docmodel.Centered:
		return stBodyCentered, nil
	case docmodel.Flush:
		return stBodyFlush, nil
	case docmodel.RightText:
		return stBodyRight, nil
	}
	return "", msg.Errorf("unknown paragraph style %d", int(s))
}

func (w *docWriter) paragraph(p *docmodel.Paragraph, keepNext bool) error {
	if p == nil {
		return msg.Errorf("nil paragraph")
	}
	style, err := bodyStyle(p.Style)
	if err != nil {
		return err
	}
	return w.para(p, pProps{style: style, keepNext: keepNext}, rProps{})
}

// para writes a model paragraph with the given paragraph formatting; base
// is the run formatting every run starts from (bold in a total row).
func (w *docWriter) para(p *docmodel.Paragraph, pp pProps, base rProps) error {
	b := &w.b
	b.open("w:p")
	b.pPr(pp)
	if p.Marker != "" {
		// Typed marks, not Word numbering: the model's text is final and
		// users edit these reports by hand, where list numbering fights them.
		b.run(base, p.Marker+" ")
	}
	if err := w.inlines(p.Content, base); err != nil {
		return err
	}
	b.close("w:p")
	return nil
}

func (w *docWriter) inlines(in []docmodel.Inline, base rProps) error {
	b := &w.b
	for i, x := range in {
		switch v := x.(type) {
		case docmodel.Text:
			b.run(textProps(base, v), v.Text)
		case *docmodel.Text:
			b.run(textProps(base, *v), v.Text)
		case docmodel.LineBreak, *docmodel.LineBreak:
			b.brRun()
		case docmodel.FootnoteRef:
			if err := w.footnoteRef(v.Number); err != nil {
				return err
			}
		case *docmodel.FootnoteRef:
			if err := w.footnoteRef(v.Number); err != nil {
				return err
			}
		default:
			return msg.Errorf("inline %d: unknown type %T", i+1, x)
		}
	}
	return nil
}

func textProps(base rProps, t docmodel.Text) rProps {
	r := base
	r.bold = r.bold || t.Bold
	r.italic = r.italic || t.Italic
	r.super = r.super || t.Superscript
	return r
}

func (w *docWriter) footnoteRef(n int) error {
	if w.inFootnote {
		return msg.Errorf("footnote reference %d inside a footnote", n)
	}
	if n < 1 || n > len(w.fnSeen) {
		return msg.Errorf("footnote reference %d: the document has %d footnotes", n, len(w.fnSeen))
	}
	b := &w.b
	if w.fnSeen[n-1] {
		// A second reference to the same note. Word cannot point two
		// marks at one footnote, so the mark is repeated as text in the
		// reference style; it does not shift Word's numbering.
		b.run(rProps{style: stFootnoteRef}, itoa(n))
		return nil
	}
	if n != w.fnNext {
		return msg.Errorf("footnote %d is referenced before footnote %d: Word numbers notes in reference order", n, w.fnNext)
	}
	w.fnSeen[n-1] = true
	w.fnNext++
	b.open("w:r")
	b.rPr(rProps{style: stFootnoteRef})
	b.empty("w:footnoteReference", "w:id", itoa(n))
	b.close("w:r")
	return nil
}
