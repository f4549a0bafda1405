// Package xlsx writes the appendix tables (biểu phụ lục) of a document to
// a workbook with excelize: one sheet per appendix, with its label, title
// and "(Kèm theo …)" line above the table, merged and wrapped header
// cells, borders, number formats, frozen header rows, totals and rates as
// formulas that Excel and LibreOffice recalculate, A4 landscape print
// setup fitted to the page width with the header rows repeated, and
// document properties taken from the document, never from the clock.
//
// The writer reads only the document model: figures come from the cells'
// docmodel.Number, text from their paragraphs, so the workbook shows what
// the DOCX and the PDF print.
package xlsx

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"baocao/internal/docmodel"
)

// ErrNoAppendix is returned for a document without appendix tables; the
// caller writes no workbook then.
var ErrNoAppendix = errors.New("the document has no appendix table")

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
		return errors.New("nil document")
	}
	if !HasTables(d) {
		return ErrNoAppendix
	}
	f := excelize.NewFile()
	defer f.Close()
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
				return fmt.Errorf("sheet %q: %w", name, err)
			}
			first = false
		} else if _, err := f.NewSheet(name); err != nil {
			return fmt.Errorf("sheet %q: %w", name, err)
		}
		if err := writeAppendix(f, st, name, a); err != nil {
			return fmt.Errorf("%s: %w", a.Label, err)
		}
	}
	yes := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &yes}); err != nil {
		return err
	}
	date := d.Meta.Date.UTC().Format("2006-01-02T15:04:05Z")
	if d.Meta.Date.IsZero() {
		date = "2000-01-01T00:00:00Z"
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: "Biểu phụ lục: " + d.Meta.Title, Subject: d.Meta.Subject, Creator: d.Meta.Author, LastModifiedBy: d.Meta.Author,
		Keywords: d.Meta.Keywords, Language: d.Meta.Language, Created: date, Modified: date,
	}); err != nil {
		return err
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "baocao", Company: d.Meta.Author}); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
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

func newStyles(f *excelize.File, font string) (*styles, error) {
	if font == "" {
		font = "Times New Roman"
	}
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

// writeAppendix lays one appendix out on its sheet.
func writeAppendix(f *excelize.File, st *styles, sheet string, a *docmodel.Appendix) error {
	// The widest table sets the width of the title rows.
	ncols := 1
	for _, b := range a.Body {
		if t, ok := b.(*docmodel.Table); ok {
			ncols = max(ncols, len(t.Columns))
		}
	}
	last := colName(ncols)
	row := 1
	line := func(text string, style int, height float64) error {
		if text == "" {
			return nil
		}
		ref := fmt.Sprintf("A%d", row)
		if err := f.SetCellValue(sheet, ref, text); err != nil {
			return err
		}
		if ncols > 1 {
			if err := f.MergeCell(sheet, ref, fmt.Sprintf("%s%d", last, row)); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(sheet, ref, ref, style); err != nil {
			return err
		}
		if height > 0 {
			if err := f.SetRowHeight(sheet, row, height); err != nil {
				return err
			}
		}
		row++
		return nil
	}
	if err := line(a.Label, st.label, 0); err != nil {
		return err
	}
	for _, t := range a.Title {
		if err := line(t, st.title, 0); err != nil {
			return err
		}
	}
	if err := line(a.Subtitle, st.subtitle, 0); err != nil {
		return err
	}
	row++ // a blank row before the body
	var widths []float64
	var headerTop, headerBottom int
	for _, b := range a.Body {
		switch v := b.(type) {
		case *docmodel.Paragraph:
			style := st.note
			if v.Style == docmodel.RightText {
				style = st.unit
			}
			if err := line(plain([]*docmodel.Paragraph{v}), style, 0); err != nil {
				return err
			}
		case *docmodel.Table:
			top, bottom, w, next, err := writeTable(f, st, sheet, v, row)
			if err != nil {
				return err
			}
			if headerTop == 0 {
				headerTop, headerBottom, widths = top, bottom, w
			}
			row = next
		}
	}
	// Column widths: proportional to the model's weights, at least the
	// width of the longest figure, within what a landscape page holds.
	for i, w := range widths {
		if err := f.SetColWidth(sheet, colName(i+1), colName(i+1), w); err != nil {
			return err
		}
	}
	if headerBottom > 0 {
		if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: headerBottom, TopLeftCell: cellName(1, headerBottom+1), ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
			RefersTo: fmt.Sprintf("'%s'!$%d:$%d", strings.ReplaceAll(sheet, "'", "''"), headerTop, headerBottom)}); err != nil {
			return err
		}
	}
	orient := "portrait"
	if a.Landscape {
		orient = "landscape"
	}
	size, fitW, fitH := 9, 1, 0 // A4, one page wide, as many pages tall as needed
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &fitW, FitToHeight: &fitH}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	m := 0.59 // 15 mm, in inches
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &m, Right: &m, Top: &m, Bottom: &m}); err != nil {
		return err
	}
	return f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: "&C&P"})
}

// writeTable writes t from sheet row top; it returns the header row span,
// the column widths and the next free row.
func writeTable(f *excelize.File, st *styles, sheet string, t *docmodel.Table, top int) (int, int, []float64, int, error) {
	grid, err := t.Grid()
	if err != nil {
		return 0, 0, nil, 0, err
	}
	sheetRow := func(r int) int { return top + r }
	longest := make([]int, len(t.Columns))
	for r, row := range grid {
		bold := t.Rows[r].Bold || r < t.HeaderRows
		for c, slot := range row {
			if !slot.Origin(r, c) {
				continue
			}
			cell := slot.Cell
			ref := cellName(c+1, sheetRow(r))
			cs, rs := max(cell.ColSpan, 1), max(cell.RowSpan, 1)
			if cs > 1 || rs > 1 {
				if err := f.MergeCell(sheet, ref, cellName(c+cs, sheetRow(r+rs-1))); err != nil {
					return 0, 0, nil, 0, err
				}
			}
			align := cell.Align
			if align == docmodel.AlignDefault {
				align = t.Columns[c].Align
			}
			var style int
			switch {
			case r < t.HeaderRows:
				style = st.head
				if err := f.SetCellValue(sheet, ref, plain(cell.Content)); err != nil {
					return 0, 0, nil, 0, err
				}
			case cell.Number != nil:
				n := cell.Number
				if style, err = st.numberStyle(n, bold || cell.Bold, align); err != nil {
					return 0, 0, nil, 0, err
				}
				if formula := formulaText(n.Formula, c, r, sheetRow); formula != "" {
					err = f.SetCellFormula(sheet, ref, formula)
				} else {
					err = f.SetCellFloat(sheet, ref, n.Value, -1, 64)
				}
				if err != nil {
					return 0, 0, nil, 0, err
				}
			default:
				if style, err = st.textStyle(bold || cell.Bold, align); err != nil {
					return 0, 0, nil, 0, err
				}
				if err := f.SetCellValue(sheet, ref, plain(cell.Content)); err != nil {
					return 0, 0, nil, 0, err
				}
			}
			// Borders on every position the merge covers, not only its first.
			if err := f.SetCellStyle(sheet, ref, cellName(c+cs, sheetRow(r+rs-1)), style); err != nil {
				return 0, 0, nil, 0, err
			}
			if cs == 1 && r >= t.HeaderRows {
				longest[c] = max(longest[c], utf8.RuneCountInString(plain(cell.Content)))
			}
		}
	}
	// Widths in characters: the weights share about 150 characters (an A4
	// landscape line at 12 pt), and no column is narrower than its
	// longest figure.
	total := 0.0
	for _, c := range t.Columns {
		total += c.Width
	}
	widths := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		w := 8.0
		if total > 0 {
			w = math.Max(6, 150*c.Width/total)
		}
		widths[i] = math.Min(math.Max(w, float64(longest[i])+3), 60)
	}
	return top, top + t.HeaderRows - 1, widths, top + len(t.Rows) + 1, nil
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
