// Package xlsx writes the appendix tables (biểu phụ lục) of a document to
// a workbook: one sheet per appendix, with its label, title and "(Kèm
// theo …)" line above the table, merged and wrapped header cells with row
// heights that hold their lines, borders, number formats, frozen header
// rows, totals and rates as formulas together with their results (for
// readers that do not recalculate), STT and years as numbers, A4 print
// setup fitted to the page width with the header rows repeated and each
// appendix numbered from its second page, Times New Roman as the
// workbook's font, and document properties taken from the document, never
// from the clock. The SpreadsheetML itself is written by internal/render/sml.
//
// The writer reads only the document model: figures come from the cells'
// docmodel.Number, text from their paragraphs, so the workbook shows what
// the DOCX and the PDF print.
package xlsx

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"baocao/internal/a1"
	"baocao/internal/docmodel"
	"baocao/internal/fonts"
	"baocao/internal/msg"
	"baocao/internal/render/layout"
	"baocao/internal/render/sml"
	"baocao/internal/render/zcache"
)

// ErrNoAppendix is returned for a document without appendix tables; the
// caller writes no workbook then.
var ErrNoAppendix = msg.Errorf("the document has no appendix table")

// compressed keeps the parts that the workbooks of a batch share (styles,
// relationships, properties) compressed once.
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
	font := fontName(d.Page.FontFamily)
	// The dates are the document's, never the clock's.
	wb := sml.New(w, sml.Options{
		Cache: compressed,
		// The workbook's Normal style is the table's face, so an empty
		// cell or a cell an editor adds is in Times New Roman too.
		DefaultFont:    sml.Font{Name: font, Size: 11},
		FullCalcOnLoad: true,
		Core: sml.CoreProps{Title: "Biểu phụ lục: " + d.Meta.Title, Subject: d.Meta.Subject, Creator: d.Meta.Author,
			Keywords: d.Meta.Keywords, LastModifiedBy: d.Meta.Author, Language: d.Meta.Language,
			Created: d.Meta.Date, Modified: d.Meta.Date},
		App: sml.AppProps{Application: "baocao", Company: d.Meta.Author},
	})
	st := newStyles(wb, font)
	used := map[string]bool{}
	for i := range d.Appendices {
		a := &d.Appendices[i]
		name := sheetName(a, i, used)
		if err := writeAppendix(wb, st, name, a); err != nil {
			wb.Close()
			return msg.Errorf("%s: %w", a.Label, err)
		}
	}
	return wb.Close()
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
	wb                     *sml.Workbook
	font                   string
	label, title, subtitle int
	unit, note             int
	head                   int
	text, textBold         int
}

func fontName(font string) string {
	if font == "" {
		return "Times New Roman"
	}
	return font
}

// border is the colour of the thin border round every table cell.
const border = "000000"

func newStyles(wb *sml.Workbook, font string) *styles {
	s := &styles{wb: wb, font: font}
	fnt := func(size float64, bold, italic bool) sml.Font {
		return sml.Font{Name: font, Size: size, Bold: bold, Italic: italic}
	}
	center := sml.Align{Horizontal: "center", Vertical: "center", Wrap: true}
	s.label = wb.Style(sml.Style{Font: fnt(14, true, false), Align: center})
	s.title = wb.Style(sml.Style{Font: fnt(13, true, false), Align: center})
	s.subtitle = wb.Style(sml.Style{Font: fnt(13, false, true), Align: center})
	s.unit = wb.Style(sml.Style{Font: fnt(12, false, true), Align: sml.Align{Horizontal: "right"}})
	s.note = wb.Style(sml.Style{Font: fnt(12, false, true), Align: sml.Align{Horizontal: "left", Vertical: "top", Wrap: true}})
	s.head = wb.Style(sml.Style{Font: fnt(12, true, false), Align: center, Border: border, Fill: "F2F2F2"})
	s.text = wb.Style(sml.Style{Font: fnt(12, false, false), Align: sml.Align{Vertical: "center", Wrap: true}, Border: border})
	s.textBold = wb.Style(sml.Style{Font: fnt(12, true, false), Align: center, Border: border})
	return s
}

// numberStyle is the style of a figure cell: Vietnamese readers see the
// separators of their own locale; the format fixes the decimals.
func (s *styles) numberStyle(n *docmodel.Number, bold bool, align docmodel.Align) int {
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
	return s.wb.Style(sml.Style{Font: sml.Font{Name: s.font, Size: 12, Bold: bold},
		Align: sml.Align{Horizontal: h, Vertical: "center"}, Border: border, NumFmt: code})
}

func (s *styles) textStyle(bold bool, align docmodel.Align) int {
	h := map[docmodel.Align]string{docmodel.AlignCenter: "center", docmodel.AlignRight: "right", docmodel.AlignJustify: "justify"}[align]
	if h == "" {
		h = "left"
	}
	return s.wb.Style(sml.Style{Font: sml.Font{Name: s.font, Size: 12, Bold: bold},
		Align: sml.Align{Horizontal: h, Vertical: "center", Wrap: true}, Border: border})
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

// sheet collects one appendix's cells before they are streamed: a
// worksheet has its rows in order, the sheet's extent (the <dimension>
// element) before the first row and the column widths before any row,
// while the row heights depend on those widths.
type sheet struct {
	cells  map[int]map[int]*sheetCell // sheet row → column → cell, 1-based
	rows   int                        // the last used row
	cols   int                        // the last used column
	merges []string                   // "A1:E1"
	widths []float64                  // in characters, per column
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
		s.merges = append(s.merges, a1.Cell(col, row)+":"+a1.Cell(col+c.cs-1, row+c.rs-1))
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
			cw := 9.0 // the default column width of the workbooks we wrote with excelize
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

// stream writes the collected cells as the named sheet.
func (s *sheet) stream(wb *sml.Workbook, name string, opts sml.SheetOptions) error {
	opts.Cols, opts.Rows, opts.Widths = max(s.cols, 1), max(s.rows, 1), s.widths
	sh := wb.NewSheet(name, opts)
	heights := s.heights()
	cells := make([]sml.Cell, 0, s.cols)
	for row := 1; row <= s.rows; row++ {
		cs := s.cells[row]
		if len(cs) == 0 {
			continue
		}
		cells = cells[:0]
		for col := 1; col <= s.cols; col++ {
			c := cs[col]
			if c == nil {
				continue
			}
			cell := sml.Cell{Col: col, Style: c.style, Formula: c.formula}
			switch v := c.value.(type) {
			case string:
				cell.Kind, cell.Text = sml.Text, v
			case float64:
				cell.Kind, cell.Num = sml.Number, v
			case int64:
				cell.Kind, cell.Num = sml.Number, float64(v)
			}
			cells = append(cells, cell)
		}
		if err := sh.Row(row, heights[row], cells...); err != nil {
			return err
		}
	}
	for _, m := range s.merges {
		sh.Merge(m)
	}
	return nil
}

// writeAppendix lays one appendix out on its sheet.
func writeAppendix(wb *sml.Workbook, st *styles, name string, a *docmodel.Appendix) error {
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
	opts := sml.SheetOptions{Page: pageSetup(a.Landscape)}
	if headerBottom > 0 {
		opts.Freeze = sml.Pane{YSplit: headerBottom}
		opts.PrintTitles = [2]int{headerTop, headerBottom}
	}
	return s.stream(wb, name, opts)
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
func pageSetup(landscape bool) *sml.Page {
	// 15 mm round the table; the page number sits 8 mm from the top edge,
	// in the top margin, clear of the table.
	m, hf := 15/25.4, 8/25.4
	return &sml.Page{PaperSize: 9, Landscape: landscape, Fit: true, FitToWidth: 1, FitToHeight: 0, FirstPageNumber: 1,
		Margins: &sml.Margins{Left: m, Right: m, Top: m, Bottom: m, Header: hf, Footer: hf},
		Header:  "&C&P", DifferentFirst: true}
}

// integer reports whether a text cell is one that Excel would flag as a
// number stored as text (an STT, a year): such a cell is written as a
// number. A leading zero is kept as text, since a number would lose it;
// beyond 15 digits a double would lose digits. (A loop, not the regular
// expression ^(0|[1-9][0-9]{0,14})$ it was: compiling that cost every run
// of the program a fifth of a millisecond at start-up.)
func integer(s string) bool {
	if s == "0" {
		return true
	}
	if len(s) == 0 || len(s) > 15 || s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

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
				sc.style = st.numberStyle(n, bold || cell.Bold, align)
				sc.formula = formulaText(n.Formula, c, r, sheetRow)
				sc.value = n.Value
				if sc.formula != "" {
					sc.value = values[[2]int{r, c}]
				}
			default:
				sc.style = st.textStyle(bold || cell.Bold, align)
				sc.wrap = true
				switch {
				case integer(text):
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
// computes them here rather than with a general calculator that would
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
			if text := plain(slot.Cell.Content); r >= t.HeaderRows && integer(text) {
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
		col := a1.Column(c + 1)
		return fmt.Sprintf("SUM(%s%d:%s%d)", col, sheetRow(fm.From), col, sheetRow(fm.To))
	case docmodel.Ratio:
		num, den := a1.Cell(fm.Num+1, sheetRow(r)), a1.Cell(fm.Den+1, sheetRow(r))
		return fmt.Sprintf("IF(%s=0,\"\",%s/%s)", den, num, den)
	case docmodel.FirstRow:
		return a1.Cell(c+1, sheetRow(fm.From))
	case docmodel.LastRow:
		return a1.Cell(c+1, sheetRow(fm.To))
	case docmodel.SumCols:
		refs := make([]string, len(fm.Cols))
		for i, k := range fm.Cols {
			refs[i] = a1.Cell(k+1, sheetRow(r))
		}
		return "SUM(" + strings.Join(refs, ",") + ")"
	}
	return ""
}
