package sml

import "strconv"

// Style is a cell's format. It is a value: two equal styles are one
// entry of the styles part, whichever call made them.
type Style struct {
	Font Font // zero: the workbook's default font
	// Fill is the RGB colour (such as "F2F2F2") of a solid background;
	// empty for none.
	Fill string
	// Border is the RGB colour of a thin border on all four sides; empty
	// for none.
	Border string
	// NumFmt is a number format code such as "#,##0" or "0.00%"; empty
	// for General.
	NumFmt string
	Align  Align
	// Unlocked cells stay editable when the sheet is protected.
	Unlocked bool
}

// Font is a font by name, size in points and weight.
type Font struct {
	Name         string
	Size         float64
	Bold, Italic bool
}

// Align is a cell's alignment: Horizontal "left", "center", "right" or
// "justify", Vertical "top", "center" or "bottom" (empty: the default),
// and whether the text wraps.
type Align struct {
	Horizontal, Vertical string
	Wrap                 bool
}

// Style returns the index of style s in the workbook's cell formats, to
// be given as a Cell's Style; the zero Style is 0.
func (wb *Workbook) Style(s Style) int { return wb.styles.xf(s) }

// styleTable keeps each font, fill, border, number format and cell format
// once, in the order first asked for, so that the styles part depends
// only on the styles the cells use.
type styleTable struct {
	fonts   []Font
	fontIx  map[Font]int
	fills   []string
	fillIx  map[string]int
	borders []string
	bordIx  map[string]int
	fmts    []string
	fmtIx   map[string]int
	xfs     []Style
	xfIx    map[Style]int
}

// firstCustomFormat is the first number format id free for a workbook's
// own codes; the ones below are Excel's built-in formats.
const firstCustomFormat = 164

func (t *styleTable) init(def Font) {
	t.fonts, t.fontIx = []Font{def}, map[Font]int{def: 0, {}: 0}
	// Fills 0 and 1 are reserved by Excel (none and gray125).
	t.fills, t.fillIx = []string{"", ""}, map[string]int{"": 0}
	t.borders, t.bordIx = []string{""}, map[string]int{"": 0}
	t.fmtIx = map[string]int{"": 0}
	t.xfs, t.xfIx = []Style{{}}, map[Style]int{{}: 0}
}

func index[K comparable](list *[]K, ix map[K]int, k K) int {
	if i, ok := ix[k]; ok {
		return i
	}
	*list = append(*list, k)
	ix[k] = len(*list) - 1
	return len(*list) - 1
}

func (t *styleTable) xf(s Style) int {
	if s.Font == t.fonts[0] {
		s.Font = Font{} // the default font, however it was asked for
	}
	if i, ok := t.xfIx[s]; ok {
		return i
	}
	index(&t.fonts, t.fontIx, s.Font)
	index(&t.fills, t.fillIx, s.Fill)
	index(&t.borders, t.bordIx, s.Border)
	if s.NumFmt != "" {
		if _, ok := t.fmtIx[s.NumFmt]; !ok {
			t.fmts = append(t.fmts, s.NumFmt)
			t.fmtIx[s.NumFmt] = firstCustomFormat + len(t.fmts) - 1
		}
	}
	return index(&t.xfs, t.xfIx, s)
}

func (t *styleTable) xml() []byte {
	b := []byte(xmlHeader + `<styleSheet xmlns="` + nsMain + `">`)
	count := func(tag string, n int) {
		b = append(b, '<')
		b = append(b, tag...)
		b = append(b, ` count="`...)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, `">`...)
	}
	if len(t.fmts) > 0 {
		count("numFmts", len(t.fmts))
		for i, code := range t.fmts {
			b = append(b, `<numFmt numFmtId="`...)
			b = strconv.AppendInt(b, int64(firstCustomFormat+i), 10)
			b = append(b, `" formatCode="`...)
			b = appendAttr(b, code)
			b = append(b, `"/>`...)
		}
		b = append(b, `</numFmts>`...)
	}
	count("fonts", len(t.fonts))
	for _, f := range t.fonts {
		b = append(b, `<font>`...)
		if f.Bold {
			b = append(b, `<b/>`...)
		}
		if f.Italic {
			b = append(b, `<i/>`...)
		}
		b = append(b, `<sz val="`...)
		b = strconv.AppendFloat(b, f.Size, 'f', -1, 64)
		b = append(b, `"/><name val="`...)
		b = appendAttr(b, f.Name)
		b = append(b, `"/><family val="2"/></font>`...)
	}
	b = append(b, `</fonts>`...)
	count("fills", len(t.fills))
	b = append(b, `<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>`...)
	for _, rgb := range t.fills[2:] {
		b = append(b, `<fill><patternFill patternType="solid"><fgColor rgb="FF`...)
		b = appendAttr(b, rgb)
		b = append(b, `"/></patternFill></fill>`...)
	}
	b = append(b, `</fills>`...)
	count("borders", len(t.borders))
	b = append(b, `<border><left/><right/><top/><bottom/><diagonal/></border>`...)
	for _, rgb := range t.borders[1:] {
		b = append(b, `<border>`...)
		for _, side := range []string{"left", "right", "top", "bottom"} {
			b = append(b, `<`+side+` style="thin"><color rgb="FF`...)
			b = appendAttr(b, rgb)
			b = append(b, `"/></`+side+`>`...)
		}
		b = append(b, `<diagonal/></border>`...)
	}
	b = append(b, `</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`...)
	count("cellXfs", len(t.xfs))
	for _, s := range t.xfs {
		b = t.appendXf(b, s)
	}
	b = append(b, `</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`...)
	return b
}

// appendXf writes one cell format. The apply attributes say which parts
// the format sets; LibreOffice reads a part of a cell format only when
// they say so.
func (t *styleTable) appendXf(b []byte, s Style) []byte {
	attr := func(name string, v int) {
		b = append(b, ' ')
		b = append(b, name...)
		b = append(b, `="`...)
		b = strconv.AppendInt(b, int64(v), 10)
		b = append(b, '"')
	}
	b = append(b, `<xf`...)
	attr("numFmtId", t.fmtIx[s.NumFmt])
	attr("fontId", t.fontIx[s.Font])
	attr("fillId", t.fillIx[s.Fill])
	attr("borderId", t.bordIx[s.Border])
	attr("xfId", 0)
	if s.NumFmt != "" {
		b = append(b, ` applyNumberFormat="1"`...)
	}
	if s.Font != (Font{}) {
		b = append(b, ` applyFont="1"`...)
	}
	if s.Fill != "" {
		b = append(b, ` applyFill="1"`...)
	}
	if s.Border != "" {
		b = append(b, ` applyBorder="1"`...)
	}
	if s.Align != (Align{}) {
		b = append(b, ` applyAlignment="1"`...)
	}
	if s.Unlocked {
		b = append(b, ` applyProtection="1"`...)
	}
	if s.Align == (Align{}) && !s.Unlocked {
		return append(b, `/>`...)
	}
	b = append(b, '>')
	if a := s.Align; a != (Align{}) {
		b = append(b, `<alignment`...)
		if a.Horizontal != "" {
			b = append(b, ` horizontal="`...)
			b = appendAttr(b, a.Horizontal)
			b = append(b, '"')
		}
		if a.Vertical != "" {
			b = append(b, ` vertical="`...)
			b = appendAttr(b, a.Vertical)
			b = append(b, '"')
		}
		if a.Wrap {
			b = append(b, ` wrapText="1"`...)
		}
		b = append(b, `/>`...)
	}
	if s.Unlocked {
		b = append(b, `<protection locked="0"/>`...)
	}
	return append(b, `</xf>`...)
}
