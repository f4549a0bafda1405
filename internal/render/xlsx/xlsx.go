// Package xlsx writes the appendix tables (biểu phụ lục) of a document to
// a workbook with excelize: one sheet per appendix, with its label, title
// and "(Kèm theo …)" line above the table, merged and wrapped header
// cells with row heights that hold their lines, borders, number formats,
// frozen header rows, totals and rates as formulas together with their
// results (for readers that do not recalculate), STT and years as
// numbers, A4 print setup fitted to the page width with the header rows
// repeated and each appendix numbered from its second page, Times New
// Roman as the workbook's font, and document properties taken from the
// document, never from the clock.
//
// The writer reads only the document model: figures come from the cells'
// docmodel.Number, text from their paragraphs, so the workbook shows what
// the DOCX and the PDF print.
package xlsx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"baocao/internal/docmodel"
	"baocao/internal/fonts"
	"baocao/internal/msg"
	"baocao/internal/render/layout"
	"baocao/internal/render/zcache"
	"baocao/internal/zipdeflate"
)

// ErrNoAppendix is returned for a document without appendix tables; the
// caller writes no workbook then.
var ErrNoAppendix = msg.Errorf("the document has no appendix table")

// compressed keeps the parts that the workbooks of a batch share (theme,
// styles, relationships) compressed once.
var compressed = zcache.New(4 << 20)

// HasTables reports whether d has an appendix with a table.
func HasTables(d *docmodel.Document) bool {
	for _, a := range d.Appendices {
		for _, b := range a.Body {
			if _, ok := b.(*docmodel.Table); ok {
				return true
			}
		}
	}
	return false
}

// Write writes the appendix tables of d as a workbook.
func Write(w io.Writer, d *docmodel.Document) error {
	if d == nil {
		return msg.Errorf("nil document")
	}
	if !HasTables(d) {
		return ErrNoAppendix
	}
	f := excelize.NewFile()
	defer f.Close()
	// The workbook's Normal style is the table's face, so an empty cell or
	// a cell an editor adds is in Times New Roman too.
	if err := f.SetDefaultFont(fontName(d.Page.FontFamily)); err != nil {
		return err
	}
	st, err := newStyles(f, d.Page.FontFamily)
	if err != nil {
		return err
	}
	used := map[string]bool{}
	first := true
	for i := range d.Appendices {
		a := &d.Appendices[i]
		name := sheetName(a, i, used)
		if first {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return msg.Errorf("sheet %q: %w", name, err)
			}
			first = false
		} else if _, err := f.NewSheet(name); err != nil {
			return msg.Errorf("sheet %q: %w", name, err)
		}
		if err := writeAppendix(f, st, name, a); err != nil {
			return msg.Errorf("%s: %w", a.Label, err)
		}
	}
	yes := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &yes}); err != nil {
		return err
	}
	f.Pkg.Store("docProps/core.xml", coreProps(d))
	if err := f.SetAppProps(&excelize.AppProperties{Application: "baocao", Company: d.Meta.Author}); err != nil {
		return err
	}
	// excelize hands its parts to parts, uncompressed; they are then
	// compressed once, in a fixed order.
	var ps parts
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return &ps })
	if _, err := f.WriteTo(io.Discard); err != nil {
		return err
	}
	return ps.write(w)
}

// parts collects the parts excelize writes (an excelize.ZipWriter), so
// that they can be written in a canonical order: excelize writes its
// streamed sheets from a map, in a different order on every run, and the
// same document must give the same bytes.
type parts struct {
	names []string
	data  []*bytes.Buffer
}

func (ps *parts) Create(name string) (io.Writer, error) {
	b := new(bytes.Buffer)
	ps.names = append(ps.names, name)
	ps.data = append(ps.data, b)
	return b, nil
}

func (ps *parts) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		w, _ := ps.Create(name)
		_, err = w.Write(data)
		return err
	})
}

func (ps *parts) Close() error { return nil }

// write writes the parts as a zip in excelize's order, except that the
// worksheets, wherever excelize put them, come in name order.
func (ps *parts) write(w io.Writer) error {
	order := make([]int, len(ps.names))
	var sheets []int
	for i, name := range ps.names {
		order[i] = i
		if strings.HasPrefix(name, "xl/worksheets/") {
			sheets = append(sheets, i)
		}
	}
	sorted := slices.Clone(sheets)
	slices.SortFunc(sorted, func(a, b int) int { return strings.Compare(ps.names[a], ps.names[b]) })
	for k, i := range sheets {
		order[i] = sorted[k]
	}
	zw := zipdeflate.NewCachedWriter(w, compressed)
	for _, i := range order {
		f, err := zw.Create(ps.names[i])
		if err != nil {
			return err
		}
		if _, err := f.Write(ps.data[i].Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}

// coreProps is docProps/core.xml, written here rather than with
// excelize's SetDocProps: excelize puts the cp: elements in the default
// namespace, which is valid but which exceljs (issue #2603) and other
// readers that match prefixed names refuse ("Unexpected xml node in
// parseOpen: lastModifiedBy"). Every element carries the prefix Office
// writes. The dates are the document's, never the clock's.
func coreProps(d *docmodel.Document) []byte {
	date := d.Meta.Date.UTC().Format("2006-01-02T15:04:05Z")
	if d.Meta.Date.IsZero() {
		date = "2000-01-01T00:00:00Z"
	}
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	elem := func(name, text string) {
		if text == "" {
			return
		}
		b.WriteString("<" + name + ">")
		xml.EscapeText(&b, []byte(text))
		b.WriteString("</" + name + ">")
	}
	elem("dc:title", "Biểu phụ lục: "+d.Meta.Title)
	elem("dc:subject", d.Meta.Subject)
	elem("dc:creator", d.Meta.Author)
	elem("cp:keywords", d.Meta.Keywords)
	elem("cp:lastModifiedBy", d.Meta.Author)
	elem("dc:language", d.Meta.Language)
	b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + date + `</dcterms:created>`)
	b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + date + `</dcterms:modified>`)
	b.WriteString(`</cp:coreProperties>`)
	return []byte(b.String())
}

// sheetName makes a tab name Excel accepts: at most 31 characters, none of
// []:*?/\, unique in the workbook.
func sheetName(a *docmodel.Appendix, i int, used map[string]bool) string {
	name := a.Name
	if name == "" {
		name = a.Label
	}
	if name == "" {
		name = fmt.Sprintf("Phụ lục %d", i+1)
	}
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, name)
	name = strings.Trim(name, "'")
	for utf8.RuneCountInString(name) > 31 {
		_, n := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-n]
	}
	base := name
	for k := 2; used[strings.ToLower(name)]; k++ {
		suffix := fmt.Sprintf(" (%d)", k)
		name = base
		for utf8.RuneCountInString(name+suffix) > 31 {
			_, n := utf8.DecodeLastRuneInString(name)
			name = name[:len(name)-n]
		}
		name += suffix
	}
	used[strings.ToLower(name)] = true
	return name
}

type styles struct {
	f                      *excelize.File
	font                   string
	label, title, subtitle int
	unit, note             int
	head                   int
	text, textBold         int
	cache                  map[string]int
}

func fontName(font string) string {
	if font == "" {
		return "Times New Roman"
	}
	return font
}

func newStyles(f *excelize.File, font string) (*styles, error) {
	font = fontName(font)
	s := &styles{f: f, font: font, cache: map[string]int{}}
	mk := func(dst *int, st *excelize.Style) error {
		id, err := f.NewStyle(st)
		*dst = id
		return err
	}
	fnt := func(size float64, bold, italic bool) *excelize.Font {
		return &excelize.Font{Family: font, Size: size, Bold: bold, Italic: italic}
	}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	for _, x := range []struct {
		dst *int
		st  *excelize.Style
	}{
		{&s.label, &excelize.Style{Font: fnt(14, true, false), Alignment: center}},
		{&s.title, &excelize.Style{Font: fnt(13, true, false), Alignment: center}},
		{&s.subtitle, &excelize.Style{Font: fnt(13, false, true), Alignment: center}},
		{&s.unit, &excelize.Style{Font: fnt(12, false, true), Alignment: &excelize.Alignment{Horizontal: "right"}}},
		{&s.note, &excelize.Style{Font: fnt(12, false, true), Alignment: &excelize.Alignment{Horizontal: "left", WrapText: true, Vertical: "top"}}},
		{&s.head, &excelize.Style{Font: fnt(12, true, false), Alignment: center, Border: borders(), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}}},
		{&s.text, &excelize.Style{Font: fnt(12, false, false), Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}, Border: borders()}},
		{&s.textBold, &excelize.Style{Font: fnt(12, true, false), Alignment: &excelize.Alignment{Vertical: "center", WrapText: true, Horizontal: "center"}, Border: borders()}},
	} {
		if err := mk(x.dst, x.st); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func borders() []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: "000000", Style: 1})
	}
	return b
}

// numberStyle is the style of a figure cell: Vietnamese readers see the
// separators of their own locale; the format fixes the decimals.
func (s *styles) numberStyle(n *docmodel.Number, bold bool, align docmodel.Align) (int, error) {
	code := "#,##0"
	if n.Decimals > 0 {
		code += "." + strings.Repeat("0", n.Decimals)
	}
	if n.Percent {
		code = "0"
		if n.Decimals > 0 {
			code += "." + strings.Repeat("0", n.Decimals)
		}
		code += "%"
	}
	h := "right"
	if align == docmodel.AlignCenter {
		h = "center"
	}
	key := fmt.Sprintf("%s|%v|%s", code, bold, h)
	if id, ok := s.cache[key]; ok {
		return id, nil
	}
	id, err := s.f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: s.font, Size: 12, Bold: bold},
		Alignment: &excelize.Alignment{Horizontal: h, Vertical: "center"}, Border: borders(), CustomNumFmt: &code})
	s.cache[key] = id
	return id, err
}

func (s *styles) textStyle(bold bool, align docmodel.Align) (int, error) {
	h := map[docmodel.Align]string{docmodel.AlignCenter: "center", docmodel.AlignRight: "right", docmodel.AlignJustify: "justify"}[align]
	if h == "" {
		h = "left"
	}
	key := fmt.Sprintf("text|%v|%s", bold, h)
	if id, ok := s.cache[key]; ok {
		return id, nil
	}
	id, err := s.f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: s.font, Size: 12, Bold: bold},
		Alignment: &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: true}, Border: borders()})
	s.cache[key] = id
	return id, err
}

func plain(ps []*docmodel.Paragraph) string {
	var lines []string
	for _, p := range ps {
		t := docmodel.PlainText(p.Content)
		if p.Marker != "" {
			t = p.Marker + " " + t
		}
		lines = append(lines, t)
	}
	return strings.Join(lines, "\n")
}

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

func colName(col int) string {
	c, _ := excelize.ColumnNumberToName(col)
	return c
}

// sheet collects one appendix's cells before they are streamed: the
// stream writer is excelize's one way to write a formula together with its
// cached value, and it wants rows in order, the sheet's extent (the
// <dimension> element) before the first row and the column widths before
// any row, while the row heights depend on those widths.
type sheet struct {
	cells  map[int]map[int]*sheetCell // sheet row → column → cell, 1-based
	rows   int                        // the last used row
	cols   int                        // the last used column
	merges [][2]string
	widths []float64 // in characters, per column
}

// sheetCell is one cell: its value (nil: an empty cell) and formula, its
// style, and what its height depends on when it wraps.
type sheetCell struct {
	value   any
	formula string
	style   int
	cs, rs  int // the merge it starts; 1 for none
	wrap    bool
	text    string
	face    fonts.Face
	size    float64
}

func newSheet() *sheet { return &sheet{cells: map[int]map[int]*sheetCell{}} }

func (s *sheet) set(col, row int, c *sheetCell) {
	c.cs, c.rs = max(c.cs, 1), max(c.rs, 1)
	if s.cells[row] == nil {
		s.cells[row] = map[int]*sheetCell{}
	}
	s.cells[row][col] = c
	if c.cs > 1 || c.rs > 1 {
		s.merges = append(s.merges, [2]string{cellName(col, row), cellName(col+c.cs-1, row+c.rs-1)})
	}
	// The covered positions carry the style too, so a merge has borders
	// all round.
	for r := row; r < row+c.rs; r++ {
		for k := col; k < col+c.cs; k++ {
			if r == row && k == col {
				continue
			}
			if s.cells[r] == nil {
				s.cells[r] = map[int]*sheetCell{}
			}
			s.cells[r][k] = &sheetCell{style: c.style, cs: 1, rs: 1}
		}
	}
	s.rows, s.cols = max(s.rows, row+c.rs-1), max(s.cols, col+c.cs-1)
}

// Row heights. Excel and LibreOffice grow a wrapped row only when they
// edit it, never when they open or print a file, so the writer sets the
// height of every row whose text wraps: the lines its words need at the
// column width, measured with the metrics of Liberation Serif (the same as
// Times New Roman's).
const (
	// pointsPerChar is the width of one character of column width: the
	// maximum digit width of the default font, Times New Roman 11 pt,
	// is 7 px at 96 dpi, 5,25 pt.
	pointsPerChar = 5.25
	// cellPadding is what a cell keeps free left and right of its text.
	cellPadding = 2.5
	// lineFactor is the line height as a multiple of the font size:
	// Excel's row for Times New Roman 12 pt is 15,75 pt.
	lineFactor = 15.75 / 12
	// rowPadding is kept above and below the lines.
	rowPadding = 2.0
)

// lines counts the lines text takes, wrapped at words, in a cell width
// points wide.
func lines(text string, face fonts.Face, size, width float64) int {
	n := 0
	space := fonts.Width(face, size, " ")
	for _, para := range strings.Split(text, "\n") {
		n++
		x := 0.0
		for _, w := range strings.Fields(para) {
			ww := fonts.Width(face, size, w)
			switch {
			case x == 0:
				x = ww
			case x+space+ww <= width:
				x += space + ww
			default:
				n++
				x = ww
			}
			// A word wider than the cell breaks inside it.
			for x > width && width > 0 {
				n++
				x -= width
			}
		}
	}
	return n
}

// heights is the height in points of every row whose cells wrap onto more
// than one line; a merge over several rows adds what it lacks to its last.
func (s *sheet) heights() map[int]float64 {
	width := func(col, cs int) float64 {
		w := 0.0
		for k := col; k < col+cs; k++ {
			cw := 9.0 // excelize's default column width
			if k-1 < len(s.widths) {
				cw = s.widths[k-1]
			}
			w += cw * pointsPerChar
		}
		return w - 2*cellPadding
	}
	need := func(c *sheetCell, col int) float64 {
		n := lines(c.text, c.face, c.size, width(col, c.cs))
		return float64(n)*c.size*lineFactor + rowPadding
	}
	h := map[int]float64{}
	for _, pass := range []bool{false, true} { // single rows first, then merges over rows
		for row := 1; row <= s.rows; row++ {
			for col := 1; col <= s.cols; col++ {
				c := s.cells[row][col]
				if c == nil || !c.wrap || c.text == "" || (c.rs > 1) != pass {
					continue
				}
				single := float64(1)*c.size*lineFactor + rowPadding
				got := 0.0
				for r := row; r < row+c.rs; r++ {
					got += max(h[r], single/float64(c.rs))
				}
				if lack := need(c, col) - got; lack > 0.5 {
					last := row + c.rs - 1
					h[last] = max(h[last], single/float64(c.rs)) + lack
				}
			}
		}
	}
	for r, v := range h {
		h[r] = math.Ceil(v*4) / 4 // Excel keeps quarter points
	}
	return h
}

// stream writes the collected cells to the named sheet, whose page setup is
// already in place.
func (s *sheet) stream(f *excelize.File, name string, panes *excelize.Panes) error {
	if err := f.SetSheetDimension(name, "A1:"+cellName(max(s.cols, 1), max(s.rows, 1))); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	// Last column first: excelize puts a column it is given before those it
	// has, and Excel wants them ascending.
	for i := len(s.widths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, s.widths[i]); err != nil {
			return err
		}
	}
	if panes != nil {
		if err := sw.SetPanes(panes); err != nil {
			return err
		}
	}
	heights := s.heights()
	for row := 1; row <= s.rows; row++ {
		cs := s.cells[row]
		if len(cs) == 0 {
			continue
		}
		values := make([]any, s.cols)
		for col, c := range cs {
			values[col-1] = excelize.Cell{StyleID: c.style, Formula: c.formula, Value: c.value}
		}
		var opts []excelize.RowOpts
		if h, ok := heights[row]; ok {
			opts = append(opts, excelize.RowOpts{Height: h})
		}
		if err := sw.SetRow(cellName(1, row), values, opts...); err != nil {
			return err
		}
	}
	for _, m := range s.merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// writeAppendix lays one appendix out on its sheet.
func writeAppendix(f *excelize.File, st *styles, name string, a *docmodel.Appendix) error {
	// The widest table sets the width of the title rows.
	ncols := 1
	for _, b := range a.Body {
		if t, ok := b.(*docmodel.Table); ok {
			ncols = max(ncols, len(t.Columns))
		}
	}
	s := newSheet()
	row := 1
	line := func(text string, style int, face fonts.Face, size float64) {
		if text == "" {
			return
		}
		s.set(1, row, &sheetCell{value: text, style: style, cs: ncols, wrap: true, text: text, face: face, size: size})
		row++
	}
	line(a.Label, st.label, fonts.Bold, 14)
	for _, t := range a.Title {
		line(t, st.title, fonts.Bold, 13)
	}
	line(a.Subtitle, st.subtitle, fonts.Italic, 13)
	row++ // a blank row before the body
	var headerTop, headerBottom int
	for _, b := range a.Body {
		switch v := b.(type) {
		case *docmodel.Paragraph:
			style := st.note
			if v.Style == docmodel.RightText {
				style = st.unit
			}
			line(plain([]*docmodel.Paragraph{v}), style, fonts.Italic, 12)
		case *docmodel.Table:
			top, bottom, w, next, err := writeTable(s, st, v, row, printWidth(a.Landscape))
			if err != nil {
				return err
			}
			if headerTop == 0 {
				headerTop, headerBottom, s.widths = top, bottom, w
			}
			row = next
		}
	}
	if err := pageSetup(f, name, a.Landscape); err != nil {
		return err
	}
	var panes *excelize.Panes
	if headerBottom > 0 {
		panes = &excelize.Panes{Freeze: true, YSplit: headerBottom, TopLeftCell: cellName(1, headerBottom+1), ActivePane: "bottomLeft"}
		if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name,
			RefersTo: fmt.Sprintf("'%s'!$%d:$%d", strings.ReplaceAll(name, "'", "''"), headerTop, headerBottom)}); err != nil {
			return err
		}
	}
	return s.stream(f, name, panes)
}

// printWidth is the width in points that a sheet prints on: A4 less the
// 15 mm margins of pageSetup.
func printWidth(landscape bool) float64 {
	w := 595.28
	if landscape {
		w = 841.89
	}
	return w - 2*15*72/25.4
}

// pageSetup prints the sheet on A4, one page wide, with the page number at
// the top centre from the second page on (ND30 numbers no first page),
// each appendix numbered from 1.
func pageSetup(f *excelize.File, name string, landscape bool) error {
	orient := "portrait"
	if landscape {
		orient = "landscape"
	}
	size, fitW, fitH := 9, 1, 0 // A4, one page wide, as many pages tall as needed
	var first uint = 1
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &fitW, FitToHeight: &fitH, FirstPageNumber: &first}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	// 15 mm round the table; the page number sits 8 mm from the top edge,
	// in the top margin, clear of the table.
	m, hf := 15/25.4, 8/25.4
	if err := f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Left: &m, Right: &m, Top: &m, Bottom: &m, Header: &hf, Footer: &hf}); err != nil {
		return err
	}
	return f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{DifferentFirst: true, OddHeader: "&C&P"})
}

// integer matches a text cell that Excel would flag as a number stored as
// text (an STT, a year): such a cell is written as a number. A leading
// zero is kept as text, since a number would lose it.
var integer = regexp.MustCompile(`^(0|[1-9][0-9]{0,14})$`)

// writeTable writes t from sheet row top; it returns the header row span,
// the column widths and the next free row.
func writeTable(s *sheet, st *styles, t *docmodel.Table, top int, room float64) (int, int, []float64, int, error) {
	grid, err := t.Grid()
	if err != nil {
		return 0, 0, nil, 0, err
	}
	sheetRow := func(r int) int { return top + r }
	values := cachedValues(t, grid)
	for r, row := range grid {
		bold := t.Rows[r].Bold || r < t.HeaderRows
		for c, slot := range row {
			if !slot.Origin(r, c) {
				continue
			}
			cell := slot.Cell
			align := cell.Align
			if align == docmodel.AlignDefault {
				align = t.Columns[c].Align
			}
			text := plain(cell.Content)
			sc := &sheetCell{cs: cell.ColSpan, rs: cell.RowSpan, text: text, size: 12, face: fonts.FaceOf(bold || cell.Bold, false)}
			switch {
			case r < t.HeaderRows:
				sc.style, sc.wrap = st.head, true
				if text != "" {
					sc.value = text
				}
			case cell.Number != nil:
				n := cell.Number
				if sc.style, err = st.numberStyle(n, bold || cell.Bold, align); err != nil {
					return 0, 0, nil, 0, err
				}
				sc.formula = formulaText(n.Formula, c, r, sheetRow)
				sc.value = n.Value
				if sc.formula != "" {
					sc.value = values[[2]int{r, c}]
				}
			default:
				if sc.style, err = st.textStyle(bold || cell.Bold, align); err != nil {
					return 0, 0, nil, 0, err
				}
				sc.wrap = true
				switch {
				case integer.MatchString(text):
					sc.value, _ = strconv.ParseInt(text, 10, 64)
				case text != "":
					sc.value = text
				}
				// An unknown figure stays an empty cell, not an empty string.
			}
			s.set(c+1, sheetRow(r), sc)
		}
	}
	// Widths from content, as the DOCX and the PDF size them, on the
	// printed width of the sheet (the page less its 15 mm margins, which
	// the fit to one page wide keeps), in characters.
	pts := layout.TableColumns(t, grid, room, 12, cellPadding)
	widths := make([]float64, len(pts))
	for i, p := range pts {
		widths[i] = math.Round(p/pointsPerChar*100) / 100
	}
	return top, top + t.HeaderRows - 1, widths, top + len(t.Rows) + 1, nil
}

// cachedValues computes every formula of t the way Excel and LibreOffice
// do, so that the file carries the results a reader that does not
// recalculate (openpyxl's data_only, a previewer, a web back end) shows:
// SUM skips empty and text cells, and a ratio over a zero or empty
// denominator is "". The writer knows the few formulas it writes, so it
// computes them here rather than asking excelize's general calculator to
// parse them back.
func cachedValues(t *docmodel.Table, grid [][]docmodel.Slot) map[[2]int]any {
	out := map[[2]int]any{}
	var value func(r, c int, depth int) any
	value = func(r, c int, depth int) any {
		if r < 0 || r >= len(grid) || c < 0 || c >= len(grid[r]) || depth > len(grid)*len(t.Columns) {
			return nil
		}
		slot := grid[r][c]
		if !slot.Origin(r, c) {
			return nil
		}
		if slot.Cell.Number == nil {
			// The writer stores such a text as a number (integer).
			if text := plain(slot.Cell.Content); r >= t.HeaderRows && integer.MatchString(text) {
				x, _ := strconv.ParseFloat(text, 64)
				return x
			}
			return nil
		}
		n := slot.Cell.Number
		if n.Formula == nil {
			return n.Value
		}
		if v, ok := out[[2]int{r, c}]; ok {
			return v
		}
		var v any
		switch n.Formula.Kind {
		case docmodel.SumRows:
			sum := 0.0
			for k := n.Formula.From; k <= n.Formula.To; k++ {
				if x, ok := value(k, c, depth+1).(float64); ok {
					sum += x
				}
			}
			v = sum
		case docmodel.Ratio:
			num, _ := value(r, n.Formula.Num, depth+1).(float64)
			den, _ := value(r, n.Formula.Den, depth+1).(float64)
			v = ""
			if den != 0 {
				v = num / den
			}
		default:
			v = n.Value
		}
		out[[2]int{r, c}] = v
		return v
	}
	for r := range grid {
		for c := range grid[r] {
			value(r, c, 0)
		}
	}
	return out
}

// formulaText is the Excel formula of a derived figure at grid row r,
// column c.
func formulaText(fm *docmodel.Formula, c, r int, sheetRow func(int) int) string {
	if fm == nil {
		return ""
	}
	switch fm.Kind {
	case docmodel.SumRows:
		col := colName(c + 1)
		return fmt.Sprintf("SUM(%s%d:%s%d)", col, sheetRow(fm.From), col, sheetRow(fm.To))
	case docmodel.Ratio:
		num, den := cellName(fm.Num+1, sheetRow(r)), cellName(fm.Den+1, sheetRow(r))
		return fmt.Sprintf("IF(%s=0,\"\",%s/%s)", den, num, den)
	case docmodel.FirstRow:
		return cellName(c+1, sheetRow(fm.From))
	case docmodel.LastRow:
		return cellName(c+1, sheetRow(fm.To))
	case docmodel.SumCols:
		refs := make([]string, len(fm.Cols))
		for i, k := range fm.Cols {
			refs[i] = cellName(k+1, sheetRow(r))
		}
		return "SUM(" + strings.Join(refs, ",") + ")"
	}
	return ""
}
