// Package docmodel is the one document structure that every baocao writer
// reads: a Vietnamese administrative document laid out per Nghị định
// 30/2020/NĐ-CP (the header block, tên loại and trích yếu, numbered body,
// footnotes, Nơi nhận, signature block, appendices).
//
// The model is the boundary between reading and writing. Readers (the
// template engine over a dataset) build it; writers (DOCX, PDF, XLSX) only
// read it. All text in a Document is final, NFC-normalised Vietnamese: the
// writers never format numbers or dates and never change case, so the DOCX
// and the PDF cannot disagree on a figure.
//
// Visual decisions that ND30 fixes (which element is bold, italic, upper
// case, centred) belong to the writers and are keyed on the element kinds
// defined here; sizes and page geometry are data in [PageSetup], so a
// template can choose the 12/13/13 or the 13/14/14 size profile.
package docmodel

import (
	"fmt"
	"time"
)

// Document is a complete report.
type Document struct {
	Meta   Meta
	Page   PageSetup
	Header Header
	Title  Title
	// KinhGui lists the addressees of ô 9a ("Kính gửi:"); empty for most
	// reports, which name their recipients only under Nơi nhận.
	KinhGui []string
	Body    []Block
	// Footnotes are numbered 1..n in the order of their first reference in
	// the body; FootnoteRef.Number indexes this slice (Number-1).
	Footnotes  []Footnote
	Closing    Closing
	Appendices []Appendix
}

// Meta is what writers put into document properties.
type Meta struct {
	Title    string    // the trích yếu on one line
	Author   string    // the issuing agency
	Subject  string    // e.g. "Báo cáo 371/BC-UBND"
	Keywords string    // free text
	Date     time.Time // the document date (UTC midnight); never the clock
	Language string    // BCP 47, "vi-VN"

	// The fields a document management system stores for an outgoing
	// document (ND30 Phụ lục VI), for writers that can carry them in
	// machine-readable form (the PDF's XMP packet).
	Number    string   // số, as printed ("371", "05"); empty while the văn thư has not numbered it
	Notation  string   // ký hiệu, "BC-UBND"
	Kind      string   // tên loại, "Báo cáo"
	Signer    string   // người ký, "Nguyễn Văn A"
	Positions []string // chức vụ lines of the signature, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"
}

// Length is a distance in twentieths of a point (twips), the unit of
// WordprocessingML; PDF writers divide by 20 to get points.
type Length int

// Common conversions.
const (
	Twip       Length = 1
	Point      Length = 20
	Inch       Length = 1440
	Centimetre        = 567 // rounded, as Word does
)

// MM converts millimetres to a Length, rounding to the nearest twip.
func MM(mm float64) Length {
	v := mm * 1440 / 25.4
	if v < 0 {
		return Length(v - 0.5)
	}
	return Length(v + 0.5)
}

// Pt is the length in points.
func (l Length) Pt() float64 { return float64(l) / 20 }

// Millimetres is the length in millimetres.
func (l Length) Millimetres() float64 { return float64(l) * 25.4 / 1440 }

// PageSetup is the geometry and the typographic profile of the document.
type PageSetup struct {
	Width, Height           Length // A4 portrait: 11906 × 16838
	MarginTop, MarginBottom Length
	MarginLeft, MarginRight Length
	HeaderDistance          Length // from the top edge to the page number
	FooterDistance          Length
	FirstLineIndent         Length // body paragraphs: 1 cm or 1.27 cm
	SpaceBefore, SpaceAfter Length // body paragraphs: ≥ 6 pt together
	LineSpacing             float64
	Sizes                   Sizes
	FontFamily              string // "Times New Roman"
}

// Sizes are font sizes in points for each element of ND30 Phụ lục I.
type Sizes struct {
	QuocHieu     float64 // ô 1, line 1
	TieuNgu      float64 // ô 1, line 2
	ParentAgency float64 // ô 2, cơ quan chủ quản
	Agency       float64 // ô 2, cơ quan ban hành
	Number       float64 // ô 3
	PlaceDate    float64 // ô 4
	Kind         float64 // ô 5a, tên loại
	Summary      float64 // ô 5a, trích yếu
	Body         float64 // ô 6, also headings
	Signature    float64 // ô 7a, 7b
	NoiNhanLabel float64 // ô 9b, "Nơi nhận:"
	NoiNhanList  float64 // ô 9b, the list
	PageNumber   float64
	Footnote     float64
	Table        float64 // appendix and body tables
}

// Size profiles from the footnote to the "Cỡ chữ" column of ND30 Phụ lục I
// Mục V: Quốc hiệu / Tiêu ngữ / địa danh must go up or down together.
var (
	// Profile12 is 12/13/13, the sizes of ND30's own "Mẫu chữ" example.
	Profile12 = Sizes{QuocHieu: 12, TieuNgu: 13, ParentAgency: 12, Agency: 12, Number: 13, PlaceDate: 13,
		Kind: 14, Summary: 14, Body: 14, Signature: 14, NoiNhanLabel: 12, NoiNhanList: 11, PageNumber: 14,
		Footnote: 11, Table: 12}
	// Profile13 is 13/14/14.
	Profile13 = Sizes{QuocHieu: 13, TieuNgu: 14, ParentAgency: 13, Agency: 13, Number: 13, PlaceDate: 14,
		Kind: 14, Summary: 14, Body: 14, Signature: 14, NoiNhanLabel: 12, NoiNhanList: 11, PageNumber: 14,
		Footnote: 11, Table: 12}
)

// DefaultPage is A4 portrait with margins inside the ND30 ranges (top and
// bottom 20 mm, left 30 mm, right 15 mm: the widest text block ND30
// allows, which keeps long Vietnamese sentences on fewer lines), the page
// number 10 mm from the top edge, body 14 pt justified with a 1 cm first
// line indent, 6 pt after each paragraph and single line spacing, as in
// ND30's own .docx.
func DefaultPage() PageSetup {
	return PageSetup{
		Width: 11906, Height: 16838,
		MarginTop: MM(20), MarginBottom: MM(20), MarginLeft: MM(30), MarginRight: MM(15),
		HeaderDistance: MM(10), FooterDistance: MM(10),
		FirstLineIndent: Centimetre, SpaceBefore: 0, SpaceAfter: 6 * Point, LineSpacing: 1,
		Sizes:      Profile13,
		FontFamily: "Times New Roman",
	}
}

// TextWidth is the width between the margins.
func (p PageSetup) TextWidth() Length { return p.Width - p.MarginLeft - p.MarginRight }

// Header is the block at the top of page 1 (ô 1 to ô 4). All strings are
// as printed: agency lines already in upper case, Number as "Số: 371/BC-UBND",
// PlaceDate as "Sa Đéc, ngày 09 tháng 10 năm 2024".
type Header struct {
	ParentAgency []string // cơ quan chủ quản, may be empty
	Agency       []string // cơ quan ban hành, one or more lines
	Number       string
	QuocHieu     string // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	TieuNgu      string // "Độc lập - Tự do - Hạnh phúc"
	PlaceDate    string
	// Date is the date part of PlaceDate ("ngày 09 tháng 10 năm 2024"),
	// which the "(Kèm theo …)" line of an appendix repeats; in a draft for
	// the electronic document system it is left blank ("ngày    tháng
	// năm 2024"). Empty: the writer of that line formats Meta.Date.
	Date string
}

// Title is ô 5a: the tên loại and the trích yếu lines below it.
type Title struct {
	Kind    string   // "BÁO CÁO"
	Summary []string // the trích yếu, one entry per printed line
}

// Closing is the block after the body: Nơi nhận on the left, the
// signature on the right, at the same top.
type Closing struct {
	// Recipients are the lines of the list, each as printed, with its
	// leading "- " and its final ";" or ".".
	Recipients []string
	Signature  Signature
}

// Signature is ô 7a–7c. Lines holds the quyền hạn and chức vụ lines as
// printed ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"); Name is the signer.
type Signature struct {
	Lines []string
	Name  string
	// Space is the vertical room left for the hand signature and seal.
	Space Length
	// Image is the signer's signature image (ô 7c), centred between the
	// chức vụ and the name; Seal the agency's seal (ô 8) at its real
	// size, over the left third of the signature (ND30 Phụ lục I, Mục
	// II.7.d, II.8.a). Both nil unless the template names them.
	Image *Image
	Seal  *Image
}

// Image is a picture printed at a fixed size: a PNG file, already checked
// by whoever built the model (package sigimage), which writers embed as
// is (DOCX) or decode (PDF).
type Image struct {
	PNG           []byte
	Width, Height Length // the printed size
	// Description says what the picture is, for readers that cannot see
	// it ("Chữ ký của Nguyễn Văn A").
	Description string
}

// Appendix is a phụ lục, printed after the closing block on its own pages
// with its own page numbering (ND30 Phụ lục I Mục III.1.đ).
type Appendix struct {
	Label     string   // "Phụ lục I"
	Title     []string // upper case lines
	Subtitle  string   // "(Kèm theo Báo cáo số .../BC-UBND ngày ... của ...)"
	Landscape bool
	Body      []Block
	// Name is a short name for a spreadsheet tab ("Phụ lục I").
	Name string
}

// Footnote is the text of one note; Number is 1-based.
type Footnote struct {
	Number  int
	Content []*Paragraph
}

// A Block is one of *Heading, *Paragraph, *Table, *SectionBreak.
type Block interface{ isBlock() }

// SectionBreak turns the page: the blocks after it, up to the next
// SectionBreak, are set on new pages of its orientation. ND30 allows a
// landscape page inside the text for a table that is not made a phụ lục;
// the page numbers run on and the header is the body's, so it is not an
// appendix. The body ends in portrait: the closing block is never turned.
// Writers that do not lay out pages (the spreadsheet, the diff) skip it.
type SectionBreak struct {
	Landscape bool
}

// HeadingKind says which rung of the report's numbering a heading is on;
// writers choose the style by kind, not by depth, so a report without a
// "Phần" still prints its "I." headings as mục.
type HeadingKind int

const (
	KindPart      HeadingKind = iota + 1 // "Phần thứ nhất" / "Phần I": label line, then the title, centred
	KindSection                          // "I." mục, upper case, bold
	KindClause                           // "1." khoản, bold
	KindSubClause                        // "1.1." bold italic
	KindPoint                            // "a)" điểm, upright like the text
	KindMinor                            // anything deeper, plain
)

var kindNames = [...]string{"", "Part", "Section", "Clause", "SubClause", "Point", "Minor"}

func (k HeadingKind) String() string {
	if k < 1 || int(k) >= len(kindNames) {
		return fmt.Sprintf("HeadingKind(%d)", int(k))
	}
	return kindNames[k]
}

// Heading is a numbered (or unnumbered) title in the body.
type Heading struct {
	Kind    HeadingKind
	Level   int    // 1 = outermost level used by this document
	Label   string // "Phần thứ nhất", "I.", "2.1.", "a)"; empty when unnumbered
	Content []Inline
}

// ParagraphStyle picks the paragraph layout.
type ParagraphStyle int

const (
	BodyText  ParagraphStyle = iota // justified, first-line indent
	Centered                        // centred, no indent
	Flush                           // justified, no first-line indent (table cells, footnotes)
	RightText                       // right aligned
)

// Paragraph is a run of inline content. Marker, when not empty, is printed
// before the content followed by a space: "-" and "+" for the dash and
// plus paragraphs of administrative prose, "1." for numbered points. These
// are typed marks, not Word list numbering, as in the documents users keep.
type Paragraph struct {
	Style   ParagraphStyle
	Marker  string
	Content []Inline
}

// An Inline is one of Text, FootnoteRef, LineBreak.
type Inline interface{ isInline() }

// Text is a run of text with one style.
type Text struct {
	Text        string
	Bold        bool
	Italic      bool
	Superscript bool
	// Figures are where the figures of the run came from, for previews:
	// a run keeps its text whole (the DOCX, PDF and XLSX writers, which
	// ignore Figures, write one run per Text, so their output does not
	// change), and each figure is a byte range of Text with its Source.
	// A pointer, so that Text stays comparable; nil for a run without
	// figures.
	Figures *Figures
}

// Figures are the figures of a text run, in order.
type Figures []Figure

// Figure is a figure inside a text run: the bytes [Start, End) of the
// run's Text, printed from Source.
type Figure struct {
	Start, End int
	Source     *Source
}

// Source is the provenance of a figure: the cell it was read from and
// its label (a fact's key, a table cell's column and row), or the formula
// of a derived figure (a chỉ tiêu of du-lieu.yaml). A figure the template
// computed from several figures (pct a b, tyle d a b) lists them in Parts.
type Source struct {
	File, Sheet, Cell string
	Label             string
	Formula           string
	Parts             []Source
}

// FootnoteRef marks the place of a footnote reference; Number is 1-based
// and indexes Document.Footnotes.
type FootnoteRef struct{ Number int }

// LineBreak ends a line inside a paragraph.
type LineBreak struct{}

// Align is the horizontal alignment of a table column or cell.
type Align int

const (
	AlignDefault Align = iota
	AlignLeft
	AlignCenter
	AlignRight
	AlignJustify
)

// Table is a grid with optional header rows and merged cells. A cell that
// spans several columns or rows appears once, at its top-left position;
// the positions it covers are absent from the following cells of its row
// and from the rows below, as in HTML. Use Grid to get the positions.
type Table struct {
	Columns    []Column
	HeaderRows int // repeated on each page
	Rows       []Row
	Borders    bool
	Caption    string // optional, printed above the table
}

// Column has a width and an alignment. A zero Width leaves the width to
// the writers, which size the column from its content (layout.TableColumns:
// never narrower than its widest word, figures never wrapped). A positive
// Width is the template's: a relative width against the other columns, a
// column sized from its content counting as 1.
type Column struct {
	Width float64
	Align Align
}

// Row is one table row.
type Row struct {
	Cells []Cell
	Bold  bool // e.g. a total row
}

// Cell is one table cell.
type Cell struct {
	Content []*Paragraph
	ColSpan int // 0 or 1: no span
	RowSpan int
	Align   Align // AlignDefault: the column's
	Bold    bool
	// Number is the figure the cell prints, for writers that keep numbers
	// (the XLSX writer); nil for text. Content still holds the printed
	// text, so the page writers never format a number.
	Number *Number
}

// Number is a table figure: its value, how many decimals it shows, and,
// when it is derived, how a spreadsheet recomputes it.
type Number struct {
	Value    float64
	Decimals int
	// Percent: Value is a fraction (0.9964) shown as a percentage (99,64%).
	Percent bool
	Formula *Formula
}

// FormulaKind names the derivations a spreadsheet can redo.
type FormulaKind int

const (
	// SumRows adds the cells of this column in table rows From..To.
	SumRows FormulaKind = iota + 1
	// Ratio divides the cell of grid column Num by that of Den, same row.
	Ratio
	// FirstRow repeats the cell of this column in table row From: the
	// total of an opening stock is its first period's.
	FirstRow
	// LastRow repeats the cell of this column in table row To: the total
	// of a closing stock is its last period's.
	LastRow
	// SumCols adds the cells of grid columns Cols, same row: a total made
	// of other totals (received = online + direct + carried in).
	SumCols
)

// Formula says how a derived figure is computed from other cells of its
// table. Rows and columns are 0-based positions of the table's grid.
type Formula struct {
	Kind     FormulaKind
	From, To int   // SumRows, FirstRow (From), LastRow (To)
	Num, Den int   // Ratio
	Cols     []int // SumCols
}

func (*Heading) isBlock()      {}
func (*Paragraph) isBlock()    {}
func (*Table) isBlock()        {}
func (*SectionBreak) isBlock() {}

func (Text) isInline()        {}
func (FootnoteRef) isInline() {}
func (LineBreak) isInline()   {}

// PlainText is the text of inline content without styles; footnote
// references print their number and line breaks a space.
func PlainText(in []Inline) string {
	var b []byte
	for _, x := range in {
		switch v := x.(type) {
		case Text:
			b = append(b, v.Text...)
		case FootnoteRef:
			b = fmt.Appendf(b, "%d", v.Number)
		case LineBreak:
			b = append(b, ' ')
		}
	}
	return string(b)
}
