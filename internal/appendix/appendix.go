// Package appendix builds the appendix tables (biểu phụ lục) of a report
// from their definitions in the template folder (phu-luc.yaml) and the
// table sheets of the dataset. One definition gives one docmodel.Appendix,
// which the DOCX, PDF and XLSX writers all print, so the three agree.
//
// A definition:
//
//   - so: I                                   # Phụ lục I
//     tieu_de: Kết quả giải quyết thủ tục hành chính giai đoạn 2021 - 2025
//     bang: TTHC                              # the table sheet
//     ngang: true                             # landscape
//     don_vi: "Đơn vị tính: hồ sơ"
//     stt: true                               # a numbering column
//     cot:
//   - {nhan: Năm, khoa: true}             # the row key
//   - nhom: Số hồ sơ nhận giải quyết      # a group over its columns
//     cot:
//   - {nhan: Tổng số, du_lieu: "Số hồ sơ nhận giải quyết / Tổng số"}
//   - {nhan: Trực tuyến, du_lieu: Trực tuyến}
//   - {nhan: Tỷ lệ trực tuyến, ty_le: [Trực tuyến, "Số hồ sơ nhận giải quyết / Tổng số"], chu_so: 2}
//     dong_tong: Tổng cộng                    # a total row: sums, rates recomputed
//     ghi_chu: Số liệu đến 31/3/2025.
//
// du_lieu and ty_le name columns of the table sheet; chu_so is the number
// of decimals shown (0 for counts, 2 for rates by default); rong fixes a
// column's relative width (a column without it, sized from its content by
// the writers, counts as 1).
package appendix

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"baocao/internal/dataset"
	"baocao/internal/docmodel"
	"baocao/internal/msg"
	"baocao/internal/vnfmt"
	"baocao/internal/yamllist"
)

// FileName is the definitions file inside a template folder.
const FileName = "phu-luc.yaml"

// Def is one appendix table.
type Def struct {
	Number    string   `yaml:"so"`
	Title     string   `yaml:"tieu_de"`
	Sheet     string   `yaml:"bang"`
	Landscape bool     `yaml:"ngang"`
	Unit      string   `yaml:"don_vi"`
	Serial    bool     `yaml:"stt"`
	Columns   []ColDef `yaml:"cot"`
	Total     string   `yaml:"dong_tong"`
	Note      string   `yaml:"ghi_chu"`
	Rows      []string `yaml:"dong"` // the rows to print, in order; empty: all
	// OmitEmpty leaves the appendix out when its table has no row (the
	// units not consolidated, when every unit is in).
	OmitEmpty bool `yaml:"bo_neu_trong"`
	line      int
	file      string
}

// ColDef is a column, or a group of columns.
type ColDef struct {
	Label    string   `yaml:"nhan"`
	Key      bool     `yaml:"khoa"`
	Data     string   `yaml:"du_lieu"`
	Ratio    []string `yaml:"ty_le"` // [numerator, denominator]
	Decimals *int     `yaml:"chu_so"`
	Width    float64  `yaml:"rong"`
	Group    string   `yaml:"nhom"`
	Columns  []ColDef `yaml:"cot"`
}

// Load reads dir/phu-luc.yaml from disk; a missing file means no appendix.
func Load(dir string) ([]Def, error) {
	return LoadFS(os.DirFS(dir), ".", filepath.Join(dir, FileName))
}

// LoadFS reads dir/phu-luc.yaml from fsys; name is used in messages.
func LoadFS(fsys fs.FS, dir, name string) ([]Def, error) {
	src, found, err := yamllist.ReadFS(fsys, dir, FileName)
	if err != nil || !found {
		return nil, err
	}
	return Parse(name, src)
}

// Parse reads definitions.
func Parse(name string, src []byte) ([]Def, error) {
	return yamllist.Decode(name, src, msg.Word(`appendix tables, each starting with "- so: …"`), func(d *Def, line int) error {
		d.line, d.file = line, name
		return d.validate()
	})
}

func (d *Def) errorf(format string, args ...any) error {
	return msg.Errorf("%s:%d: phụ lục %s: %s", d.file, d.line, d.Number, msg.Sprintf(format, args...))
}

func (d *Def) validate() error {
	if strings.TrimSpace(d.Title) == "" || strings.TrimSpace(d.Sheet) == "" {
		return d.errorf("needs tieu_de and bang")
	}
	keys := 0
	for _, c := range d.leaves() {
		if c.Width < 0 {
			return d.errorf("column %q: rong %v; give a positive relative width, or none to size the column from its content", c.Label, c.Width)
		}
		n := 0
		if c.Key {
			keys++
			n++
		}
		if c.Data != "" {
			n++
		}
		if len(c.Ratio) > 0 {
			if len(c.Ratio) != 2 {
				return d.errorf("column %q: ty_le needs two columns, [numerator, denominator]", c.Label)
			}
			n++
		}
		if n != 1 {
			return d.errorf("column %q: give exactly one of khoa, du_lieu, ty_le", c.Label)
		}
		if c.Label == "" {
			return d.errorf("a column has no nhan (label)")
		}
	}
	if keys != 1 {
		return d.errorf("needs exactly one key column (khoa: true), found %d", keys)
	}
	for _, c := range d.Columns {
		if c.Group != "" && len(c.Columns) == 0 {
			return d.errorf("group %q has no columns", c.Group)
		}
	}
	return nil
}

// File is where the definition was read, with its line: "phu-luc.yaml:12".
func (d *Def) File() string { return fmt.Sprintf("%s:%d", d.file, d.line) }

// DataColumns lists the table columns the definition reads (du_lieu and
// both parts of each ty_le).
func (d *Def) DataColumns() []string {
	var out []string
	for _, c := range d.leaves() {
		if c.Data != "" {
			out = append(out, c.Data)
		}
		out = append(out, c.Ratio...)
	}
	return out
}

// leaves lists the printed columns, groups expanded.
func (d *Def) leaves() []ColDef {
	var out []ColDef
	for _, c := range d.Columns {
		if c.Group != "" {
			out = append(out, c.Columns...)
		} else {
			out = append(out, c)
		}
	}
	return out
}

func (d *Def) hasGroups() bool {
	for _, c := range d.Columns {
		if c.Group != "" {
			return true
		}
	}
	return false
}

// Subtitle is the "(Kèm theo …)" line under an appendix title, per ND30
// Phụ lục I Mục III.1.
func Subtitle(doc *docmodel.Document) string {
	number := strings.TrimPrefix(doc.Header.Number, "Số: ")
	date := doc.Header.Date
	if date == "" {
		date = vnfmt.Date(doc.Meta.Date)
	}
	// Meta.Author keeps the agency as the template wrote it, with its
	// place name capitalised; the header lines are upper case.
	return fmt.Sprintf("(Kèm theo %s số %s %s của %s)", vnfmt.Capitalize(vnfmt.Lower(doc.Title.Kind)), number, date, doc.Meta.Author)
}

// Build makes the appendices of defs from ds, for the document doc (its
// number, date and agency go into each subtitle). A total row follows the
// kinds the data contract gives the table's columns (dataset.Aggregate:
// flows summed, stocks from the first or last row, sums of parts, rates
// recomputed, text left blank); a column without one is summed.
func Build(defs []Def, ds *dataset.Dataset, doc *docmodel.Document) ([]docmodel.Appendix, error) {
	var out []docmodel.Appendix
	omitted := 0
	for i := range defs {
		if defs[i].OmitEmpty {
			if t, err := ds.Table(defs[i].Sheet); err == nil && len(t.Rows) == 0 {
				omitted++
				continue
			}
		}
		a, err := defs[i].build(ds, doc)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	// A lone appendix is not numbered (ND30 Phụ lục I, Mục III.1): when
	// the others were left out empty, the one left is just "Phụ lục".
	if omitted > 0 && len(out) == 1 {
		out[0].Label, out[0].Name = "Phụ lục", "Phụ lục"
	}
	return out, nil
}

func (d *Def) build(ds *dataset.Dataset, doc *docmodel.Document) (docmodel.Appendix, error) {
	t, err := ds.Table(d.Sheet)
	if err != nil {
		return docmodel.Appendix{}, d.errorf("%v", err)
	}
	leaves := d.leaves()
	// Resolve the sheet columns once, so a wrong name fails before any row.
	dataCol := map[string]bool{}
	for _, c := range leaves {
		names := append([]string{c.Data}, c.Ratio...)
		for _, n := range names {
			if n == "" {
				continue
			}
			if _, err := t.Column(n); err != nil {
				return docmodel.Appendix{}, d.errorf("column %q: %v", c.Label, err)
			}
			dataCol[n] = true
		}
	}
	rows := t.Rows
	if len(d.Rows) > 0 {
		rows = nil
		for _, k := range d.Rows {
			r, err := t.Row(k)
			if err != nil {
				return docmodel.Appendix{}, d.errorf("%v", err)
			}
			rows = append(rows, r)
		}
	}

	tab := &docmodel.Table{Borders: true}
	// Widths come from the content (layout.TableColumns) unless the
	// template gives rong.
	if d.Serial {
		tab.Columns = append(tab.Columns, docmodel.Column{Align: docmodel.AlignCenter})
	}
	for _, c := range leaves {
		al := docmodel.AlignRight
		if c.Key {
			al = docmodel.AlignLeft
		}
		tab.Columns = append(tab.Columns, docmodel.Column{Width: c.Width, Align: al})
	}
	// Header rows.
	head := func(text string, cs, rs int) docmodel.Cell {
		return docmodel.Cell{Content: para(text), ColSpan: cs, RowSpan: rs, Bold: true, Align: docmodel.AlignCenter}
	}
	if d.hasGroups() {
		var top, sub []docmodel.Cell
		if d.Serial {
			top = append(top, head("STT", 1, 2))
		}
		for _, c := range d.Columns {
			if c.Group != "" {
				top = append(top, head(c.Group, len(c.Columns), 1))
				for _, s := range c.Columns {
					sub = append(sub, head(s.Label, 1, 1))
				}
				continue
			}
			top = append(top, head(c.Label, 1, 2))
		}
		tab.Rows = append(tab.Rows, docmodel.Row{Cells: top}, docmodel.Row{Cells: sub})
		tab.HeaderRows = 2
	} else {
		var top []docmodel.Cell
		if d.Serial {
			top = append(top, head("STT", 1, 1))
		}
		for _, c := range leaves {
			top = append(top, head(c.Label, 1, 1))
		}
		tab.Rows = append(tab.Rows, docmodel.Row{Cells: top})
		tab.HeaderRows = 1
	}
	// Column positions in the grid, for formulas.
	off := 0
	if d.Serial {
		off = 1
	}
	gridCol := map[string]int{} // sheet column name → grid column of a du_lieu column
	for i, c := range leaves {
		if c.Data != "" {
			gridCol[dataset.FoldKey(c.Data)] = off + i
		}
	}
	first := len(tab.Rows)
	for n, r := range rows {
		var cells []docmodel.Cell
		if d.Serial {
			cells = append(cells, docmodel.Cell{Content: para(fmt.Sprint(n + 1)), Align: docmodel.AlignCenter})
		}
		for _, c := range leaves {
			cell, err := d.cell(c, r, gridCol)
			if err != nil {
				return docmodel.Appendix{}, err
			}
			cells = append(cells, cell)
		}
		tab.Rows = append(tab.Rows, docmodel.Row{Cells: cells})
	}
	last := len(tab.Rows) - 1
	if d.Total != "" && len(rows) > 0 {
		var cells []docmodel.Cell
		if d.Serial {
			cells = append(cells, docmodel.Cell{})
		}
		totals, err := d.totals(leaves, t, rows)
		if err != nil {
			return docmodel.Appendix{}, err
		}
		for _, c := range leaves {
			switch {
			case c.Key:
				cells = append(cells, docmodel.Cell{Content: para(d.Total), Bold: true, Align: docmodel.AlignCenter})
			case c.Data != "":
				tv, ok := totals[c.Data]
				if !ok {
					cells = append(cells, docmodel.Cell{Content: para(""), Align: docmodel.AlignCenter})
					continue
				}
				num := &docmodel.Number{Value: tv, Decimals: decimals(c, 0),
					Formula: totalFormula(t, c.Data, first, last, gridCol)}
				cells = append(cells, numberCell(num))
			default:
				n, okN := totals[c.Ratio[0]]
				m, okD := totals[c.Ratio[1]]
				if !okN || !okD {
					cells = append(cells, docmodel.Cell{Content: para("-"), Align: docmodel.AlignCenter})
					continue
				}
				cells = append(cells, ratioCell(c, n, m, gridCol))
			}
		}
		tab.Rows = append(tab.Rows, docmodel.Row{Cells: cells, Bold: true})
	}
	if _, err := tab.Grid(); err != nil {
		return docmodel.Appendix{}, d.errorf("%v", err)
	}
	var body []docmodel.Block
	if d.Unit != "" {
		body = append(body, &docmodel.Paragraph{Style: docmodel.RightText, Content: []docmodel.Inline{docmodel.Text{Text: d.Unit, Italic: true}}})
	}
	body = append(body, tab)
	if d.Note != "" {
		body = append(body, &docmodel.Paragraph{Style: docmodel.Flush, Content: []docmodel.Inline{
			docmodel.Text{Text: "Ghi chú: ", Bold: true, Italic: true}, docmodel.Text{Text: d.Note, Italic: true}}})
	}
	label := "Phụ lục"
	if d.Number != "" {
		label += " " + d.Number
	}
	return docmodel.Appendix{Label: label, Name: label, Title: []string{vnfmt.Upper(d.Title)}, Subtitle: Subtitle(doc),
		Landscape: d.Landscape, Body: body}, nil
}

// totals are the total-row figures of the data and ratio columns over the
// printed rows, by their columns' kinds; a column whose kind has no total
// (text) is absent from the map.
func (d *Def) totals(leaves []ColDef, t *dataset.Table, rows []*dataset.Row) (map[string]float64, error) {
	out := map[string]float64{}
	for _, c := range leaves {
		for _, n := range append([]string{c.Data}, c.Ratio...) {
			if n == "" {
				continue
			}
			v, ok, err := t.Total(rows, n)
			if err != nil {
				return nil, d.errorf("total of %q: %v", n, err)
			}
			if ok {
				out[n] = v
			}
		}
	}
	return out, nil
}

// totalFormula is how a spreadsheet recomputes the total of column name
// (grid rows first..last): SUM for a flow, the first or last row for a
// stock, the sum of its parts' total cells for a SumOf whose parts are all
// printed; none otherwise (the value stands).
func totalFormula(t *dataset.Table, name string, first, last int, gridCol map[string]int) *docmodel.Formula {
	col, err := t.Column(name)
	if err != nil {
		return nil
	}
	switch col.Agg {
	case dataset.Flow:
		return &docmodel.Formula{Kind: docmodel.SumRows, From: first, To: last}
	case dataset.First:
		return &docmodel.Formula{Kind: docmodel.FirstRow, From: first}
	case dataset.Last:
		return &docmodel.Formula{Kind: docmodel.LastRow, To: last}
	case dataset.SumOf:
		f := &docmodel.Formula{Kind: docmodel.SumCols}
		for _, p := range col.Of {
			k, ok := gridColOf(t, p, gridCol)
			if !ok {
				return nil
			}
			f.Cols = append(f.Cols, k)
		}
		return f
	}
	return nil
}

// gridColOf finds the printed grid column of a table column, whichever of
// its names (full, or last part) the appendix used.
func gridColOf(t *dataset.Table, name string, gridCol map[string]int) (int, bool) {
	want, err := t.Column(name)
	if err != nil {
		return 0, false
	}
	best, found := 0, false
	for n, k := range gridCol {
		if c, err := t.Column(n); err == nil && c == want && (!found || k < best) {
			best, found = k, true
		}
	}
	return best, found
}

func decimals(c ColDef, def int) int {
	if c.Decimals != nil {
		return *c.Decimals
	}
	return def
}

func para(s string) []*docmodel.Paragraph {
	return []*docmodel.Paragraph{{Style: docmodel.Flush, Content: []docmodel.Inline{docmodel.Text{Text: s}}}}
}

func numberCell(n *docmodel.Number) docmodel.Cell {
	text := vnfmt.Number(n.Value, n.Decimals)
	if n.Percent {
		text = vnfmt.Percent(n.Value*100, n.Decimals)
	}
	return docmodel.Cell{Content: para(text), Number: n}
}

func ratioCell(c ColDef, num, den float64, gridCol map[string]int) docmodel.Cell {
	if den == 0 {
		return docmodel.Cell{Content: para("-"), Align: docmodel.AlignCenter}
	}
	n := &docmodel.Number{Value: num / den, Decimals: decimals(c, 2), Percent: true}
	a, okA := gridCol[dataset.FoldKey(c.Ratio[0])]
	b, okB := gridCol[dataset.FoldKey(c.Ratio[1])]
	if okA && okB {
		n.Formula = &docmodel.Formula{Kind: docmodel.Ratio, Num: a, Den: b}
	}
	return numberCell(n)
}

func (d *Def) cell(c ColDef, r *dataset.Row, gridCol map[string]int) (docmodel.Cell, error) {
	switch {
	case c.Key:
		return docmodel.Cell{Content: para(r.Key)}, nil
	case c.Data != "":
		v, err := r.Get(c.Data)
		if err != nil {
			return docmodel.Cell{}, d.errorf("%v", err)
		}
		switch v.Kind {
		case dataset.Empty:
			return docmodel.Cell{Content: para(""), Align: docmodel.AlignCenter}, nil
		case dataset.NumberKind:
			return numberCell(&docmodel.Number{Value: v.Num, Decimals: decimals(c, 0)}), nil
		}
		return docmodel.Cell{Content: para(v.String()), Align: docmodel.AlignLeft}, nil
	}
	num, err := r.NumOrZero(c.Ratio[0])
	if err != nil {
		return docmodel.Cell{}, d.errorf("%v", err)
	}
	den, err := r.NumOrZero(c.Ratio[1])
	if err != nil {
		return docmodel.Cell{}, d.errorf("%v", err)
	}
	return ratioCell(c, num, den, gridCol), nil
}
