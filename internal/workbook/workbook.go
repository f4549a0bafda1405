// Package workbook writes the blank workbook of a template from its data
// contract: the workbook a secretariat officer fills for that report.
//
// It holds an instructions sheet in Vietnamese; the fact sheet (Khóa |
// Giá trị | Ghi chú) with every declared fact, its description, unit and
// example in the note, required ones marked, and data validation on the
// value by type (whole number, number, percent, date, a list of allowed
// values); one sheet per indicator tree with its header; and one sheet per
// table with its header (groups merged over their parts), validation on
// the figure columns, and formulas for the derived columns (a tong column
// adds its parts; a rate divides its parts) that stay blank until the row
// has a key. Headers and keys are protected; the cells to fill are not.
//
// Reading the filled workbook back through internal/xlsxdata gives the
// dataset the template expects: the same header names, the same keys.
package workbook

import (
	"fmt"
	"io"
	"strings"
	"time"

	"baocao/internal/a1"
	"baocao/internal/contract"
	"baocao/internal/render/sml"
)

// Rows is the number of table rows prepared with validation and formulas;
// a user who needs more copies a row down (formulas follow).
const Rows = 40

// FactSheet is the name of the fact sheet.
const FactSheet = "Thông tin"

// propsDate dates the workbook: a fixed date, so that the same contract
// gives the same bytes.
var propsDate = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Write writes the blank workbook of contract c; title names the report
// type in the instructions and the document properties.
func Write(w io.Writer, c *contract.Contract, title string) error {
	active := 0
	if len(c.Facts) > 0 {
		active = 1 // the fact sheet, after the instructions
	}
	wb := sml.New(w, sml.Options{
		Active: active,
		Core: sml.CoreProps{Title: "Bảng tính mẫu: " + title, Creator: "baocao", Language: "vi-VN",
			Created: propsDate, Modified: propsDate},
		App: sml.AppProps{Application: "baocao"},
	})
	b := &book{wb: wb}
	b.styles()
	b.instructions(c, title)
	b.facts(c)
	for _, t := range c.Trees {
		b.tree(t)
	}
	// A consolidating template's tables come from its units' workbooks,
	// not from its own: its blank workbook holds the facts only.
	for i := range c.Tables {
		if c.Consolidation != nil {
			break
		}
		b.table(&c.Tables[i])
	}
	return wb.Close()
}

type book struct {
	wb *sml.Workbook
	// styles
	head, group, locked, input, date, percent, formula, rate, wrap, title, required int
}

func (b *book) styles() {
	font := func(bold, italic bool) sml.Font {
		return sml.Font{Name: "Times New Roman", Size: 12, Bold: bold, Italic: italic}
	}
	const border, grey = "999999", "F2F2F2"
	st := b.wb.Style
	b.head = st(sml.Style{Font: font(true, false), Border: border, Fill: "DDEBF7",
		Align: sml.Align{Horizontal: "center", Vertical: "center", Wrap: true}})
	b.group = st(sml.Style{Font: font(true, true)})
	b.locked = st(sml.Style{Font: font(false, false), Border: border, Fill: grey})
	b.input = st(sml.Style{Font: font(false, false), Border: border, Unlocked: true, Align: sml.Align{Vertical: "top", Wrap: true}})
	b.date = st(sml.Style{Font: font(false, false), Border: border, Unlocked: true, NumFmt: "dd/mm/yyyy", Align: sml.Align{Horizontal: "left"}})
	b.percent = st(sml.Style{Font: font(false, false), Border: border, Unlocked: true, NumFmt: "0.00%"})
	b.formula = st(sml.Style{Font: font(false, true), Border: border, Fill: grey})
	// A rate: the percent format, locked, on the formula background.
	b.rate = st(sml.Style{Font: font(false, true), NumFmt: "0.00%", Fill: grey})
	b.wrap = st(sml.Style{Font: font(false, false), Align: sml.Align{Vertical: "top", Wrap: true}})
	b.title = st(sml.Style{Font: sml.Font{Name: "Times New Roman", Size: 14, Bold: true}})
	b.required = st(sml.Style{Font: font(true, false), Border: border, Fill: grey})
}

func text(col, style int, s string) sml.Cell {
	return sml.Cell{Col: col, Style: style, Kind: sml.Text, Text: s}
}

func empty(col, style int) sml.Cell { return sml.Cell{Col: col, Style: style} }

// formula is a formula cell without a saved result: the program that
// opens the workbook computes it.
func formula(col, style int, f string) sml.Cell {
	return sml.Cell{Col: col, Style: style, Kind: sml.Text, Formula: f}
}

// page prints a sheet on A4, landscape when wide, fitted to the width.
func page(landscape bool) *sml.Page {
	return &sml.Page{PaperSize: 9, Landscape: landscape, Fit: true, FitToWidth: 1, FitToHeight: 0}
}

// protection is what a user may still do on a protected sheet: select,
// format, insert and delete rows, sort and filter.
var protection = sml.Protection{SelectLockedCells: true, SelectUnlockedCells: true,
	FormatCells: true, FormatColumns: true, FormatRows: true, InsertRows: true, DeleteRows: true, Sort: true, AutoFilter: true}

var kindWords = map[string]string{
	contract.Flow:    "số phát sinh trong kỳ: cộng các kỳ",
	contract.Opening: "số đầu kỳ (từ kỳ trước chuyển sang): lấy kỳ đầu tiên",
	contract.Closing: "số cuối kỳ (còn tồn, đang giải quyết): lấy kỳ cuối cùng",
	contract.Sum:     "tự tính: tổng các cột thành phần",
	contract.Rate:    "tự tính: tỷ lệ, không cộng qua các kỳ",
	contract.Label:   "chữ",
}

func (b *book) instructions(c *contract.Contract, title string) {
	lines := []string{
		"HƯỚNG DẪN ĐIỀN BẢNG TÍNH",
		"Mẫu báo cáo: " + title,
		"",
		"1. Chỉ điền vào các ô trắng. Ô nền xám (khóa, tiêu đề, công thức) được khóa để không sửa nhầm; không đổi tên sheet, tên cột và khóa.",
		"2. Sheet \"" + FactSheet + "\": mỗi dòng một thông tin; điền cột \"Giá trị\". Cột \"Ghi chú\" cho biết nội dung, đơn vị và ví dụ; khóa in đậm là thông tin bắt buộc.",
		"3. Số gõ như số (57286 hoặc 57.286), không kèm chữ hay đơn vị. Tỷ lệ gõ số phần trăm (99,64) hoặc định dạng %. Ngày gõ dd/mm/yyyy (09/10/2024).",
		"4. Chưa có số liệu thì để trống, không gõ số ước đoán. Số văn bản chưa cấp thì gõ dấu -.",
		"5. Các sheet bảng: mỗi dòng một kỳ (hoặc một đơn vị), cột đầu là tên kỳ. Không cần dòng \"Cộng\", \"Tổng cộng\": chương trình tự tính tổng theo loại cột; nếu giữ dòng tổng của mình, chương trình đối chiếu và báo khi lệch. Ghi chú, người lập biểu viết dưới bảng.",
		"6. Cột có công thức (chữ nghiêng, nền xám) tự tính khi dòng có tên kỳ. Cần thêm dòng thì sao chép một dòng có sẵn.",
		"7. Lưu dưới dạng Sổ làm việc Excel (.xlsx). Khi dùng LibreOffice: Tệp > Lưu thành > Excel 2007-365 (.xlsx).",
	}
	if len(c.Tables) > 0 {
		lines = append(lines, "", "CÁC BẢNG VÀ CÁCH CỘNG DỒN CỦA TỪNG CỘT")
		for _, t := range c.Tables {
			line := "• Sheet \"" + t.Sheet + "\""
			if t.Description != "" {
				line += ": " + t.Description
			}
			lines = append(lines, line)
			for _, col := range t.Columns {
				desc := "    - " + col.Name + ": " + kindWords[col.Kind]
				if col.Description != "" {
					desc += " (" + col.Description + ")"
				}
				lines = append(lines, desc)
			}
		}
	}
	// A4 portrait: column A takes the printable width.
	sh := b.wb.NewSheet("Hướng dẫn", sml.SheetOptions{Cols: 1, Rows: len(lines), Widths: []float64{78}, Page: page(false)})
	for i, l := range lines {
		st := b.wrap
		if i == 0 {
			st = b.title
		}
		// Spreadsheet programs do not grow a row for wrapped text they
		// did not lay out themselves: give each line its height.
		height := 0.0
		if n := (len([]rune(l)) + 89) / 90; n > 1 {
			height = float64(n) * 18
		}
		sh.Row(i+1, height, text(1, st, l))
	}
}

func (b *book) facts(c *contract.Contract) {
	if len(c.Facts) == 0 {
		return
	}
	sh := b.wb.NewSheet(FactSheet, sml.SheetOptions{Cols: 3, Rows: 1 + len(c.Facts), Widths: []float64{26, 40, 90},
		Freeze: sml.Pane{YSplit: 1}, Page: page(true)})
	sh.Row(1, 0, text(1, b.head, "Khóa"), text(2, b.head, "Giá trị"), text(3, b.head, "Ghi chú"))
	for i, fact := range c.Facts {
		row := i + 2
		if fact.Heading != "" {
			sh.Row(row, 0, text(1, b.group, fact.Heading))
			continue
		}
		keyStyle := b.locked
		if fact.Required {
			keyStyle = b.required
		}
		valStyle := b.input
		if fact.Type == contract.Date {
			valStyle = b.date
		}
		sh.Row(row, 0, text(1, keyStyle, fact.Key), empty(2, valStyle), text(3, b.locked, note(fact)))
		validate(sh, a1.Cell(2, row), fact.Type, fact.Values, fact.Key)
	}
	sh.Protect(protection)
}

// note is the fact's Ghi chú: what it is, its unit, whether it is
// required, an example.
func note(f contract.Fact) string {
	var parts []string
	if f.Description != "" {
		parts = append(parts, f.Description)
	}
	if f.Unit != "" {
		parts = append(parts, "đơn vị: "+f.Unit)
	}
	if f.Required {
		parts = append(parts, "bắt buộc")
	}
	if len(f.Values) > 0 {
		parts = append(parts, "chọn một trong: "+strings.Join(f.Values, ", "))
	}
	if f.Example != "" {
		parts = append(parts, "ví dụ: "+f.Example)
	}
	return strings.Join(parts, "; ")
}

// validate adds the data validation of a value cell of type typ.
func validate(sh *sml.Sheet, ref, typ string, values []string, what string) {
	v := sml.Validation{Sqref: ref}
	switch {
	case len(values) > 0:
		v.Type, v.List = "list", values
		v.ErrorTitle, v.Error = "Giá trị không hợp lệ", "Chọn một trong: "+strings.Join(values, ", ")
	case typ == contract.Integer:
		v.Type, v.Min, v.Max = "whole", "0", "1000000000000"
		v.ErrorTitle, v.Error = "Cần một số nguyên", what+": gõ một số nguyên không âm, không kèm chữ."
	case typ == contract.Number || typ == contract.Percent:
		v.Type, v.Min, v.Max = "decimal", "-1000000000000", "1000000000000"
		v.ErrorTitle, v.Error = "Cần một số", what+": gõ một số, không kèm chữ hay đơn vị."
	case typ == contract.Date:
		// Serial days: 1900-01-01 to 9999-12-31.
		v.Type, v.Min, v.Max = "date", "1", "2958465"
		v.ErrorTitle, v.Error = "Cần một ngày", what+": gõ ngày dạng dd/mm/yyyy, ví dụ 09/10/2024."
	default:
		return
	}
	sh.Validate(v)
}

func (b *book) tree(t contract.Tree) {
	head := []string{"Mã", "Nội dung", "Điểm tối đa", "Điểm ĐTXHH", "Điểm đạt", "Điểm ĐTXHH đạt", "Ghi chú"}
	last := 1 + Rows*2
	sh := b.wb.NewSheet(t.Sheet, sml.SheetOptions{Cols: len(head), Rows: last, Widths: []float64{10, 60, 12, 12, 12, 14, 40},
		Freeze: sml.Pane{YSplit: 1}, Page: page(true)})
	cells := make([]sml.Cell, len(head))
	for i, h := range head {
		cells[i] = text(i+1, b.head, h)
	}
	sh.Row(1, 0, cells...)
	for i := range cells {
		cells[i] = empty(i+1, b.input)
	}
	for r := 2; r <= last; r++ {
		sh.Row(r, 0, cells...)
	}
	sh.Validate(sml.Validation{Sqref: fmt.Sprintf("C2:F%d", last), Type: "decimal", Min: "0", Max: "1000",
		ErrorTitle: "Cần một số", Error: "Điểm là một số không âm."})
	sh.Protect(protection)
}

// split is a column's header parts: "Group / Part", or the name alone.
func split(name string) (group, part string) {
	if g, p, ok := strings.Cut(name, " / "); ok {
		return strings.TrimSpace(g), strings.TrimSpace(p)
	}
	return "", strings.TrimSpace(name)
}

func (b *book) table(t *contract.Table) {
	twoRows := false
	for _, c := range t.Columns {
		if g, _ := split(c.Name); g != "" {
			twoRows = true
		}
	}
	height := 1
	if twoRows {
		height = 2
	}
	first := 1 + height // the first data row
	last := first + Rows - 1
	ncols := 1 + len(t.Columns)
	widths := make([]float64, ncols)
	widths[0] = 28
	for i, c := range t.Columns {
		widths[i+1] = 14
		if c.Kind == contract.Label {
			widths[i+1] = 30
		}
	}
	sh := b.wb.NewSheet(t.Sheet, sml.SheetOptions{Cols: ncols, Rows: last, Widths: widths,
		Freeze: sml.Pane{XSplit: 1, YSplit: height}, Page: page(len(t.Columns) > 5)})
	// The header rows, the key column first.
	top, bottom := make([]sml.Cell, ncols), make([]sml.Cell, ncols)
	for i := range top {
		top[i], bottom[i] = empty(i+1, b.head), empty(i+1, b.head)
	}
	top[0] = text(1, b.head, t.Key)
	if twoRows {
		sh.Merge("A1:A2")
	}
	// A group merged across its consecutive parts, a column without a
	// group merged down both rows.
	for i := 0; i < len(t.Columns); {
		g, p := split(t.Columns[i].Name)
		col := i + 2
		if !twoRows || g == "" {
			top[col-1] = text(col, b.head, p)
			if twoRows {
				sh.Merge(a1.Cell(col, 1) + ":" + a1.Cell(col, 2))
			}
			i++
			continue
		}
		j := i
		for j < len(t.Columns) {
			gj, pj := split(t.Columns[j].Name)
			if gj != g {
				break
			}
			bottom[j+1] = text(j+2, b.head, pj)
			j++
		}
		top[col-1] = text(col, b.head, g)
		if j-1 > i {
			sh.Merge(a1.Cell(col, 1) + ":" + a1.Cell(j+1, 1))
		}
		i = j
	}
	// Wrapped names: the header rows are two lines high.
	sh.Row(1, 32, top...)
	if twoRows {
		sh.Row(2, 32, bottom...)
	}
	colOf := map[*contract.Column]int{}
	for i := range t.Columns {
		colOf[&t.Columns[i]] = i + 2
	}
	cells := make([]sml.Cell, ncols)
	for r := first; r <= last; r++ {
		cells[0] = empty(1, b.input)
		for i := range t.Columns {
			c := &t.Columns[i]
			col := i + 2
			switch c.Kind {
			case contract.Sum:
				var refs []string
				for _, p := range c.Parts {
					if pc, ok := t.Column(p); ok {
						refs = append(refs, a1.Cell(colOf[pc], r))
					}
				}
				cells[i+1] = formula(col, b.formula, fmt.Sprintf(`IF($A%d="","",%s)`, r, strings.Join(refs, "+")))
			case contract.Rate:
				nc, _ := t.Column(c.Num)
				dc, _ := t.Column(c.Den)
				num, den := a1.Cell(colOf[nc], r), a1.Cell(colOf[dc], r)
				cells[i+1] = formula(col, b.rate, fmt.Sprintf(`IF(OR($A%d="",%s=0),"",%s/%s)`, r, den, num, den))
			default:
				cells[i+1] = empty(col, b.input)
			}
		}
		sh.Row(r, 0, cells...)
	}
	for i := range t.Columns {
		c := &t.Columns[i]
		if c.Kind == contract.Flow || c.Kind == contract.Opening || c.Kind == contract.Closing {
			typ := c.Type
			if typ == "" {
				typ = contract.Number
			}
			name := a1.Column(i + 2)
			validate(sh, fmt.Sprintf("%s%d:%s%d", name, first, name, last), typ, nil, c.Name)
		}
	}
	sh.Protect(protection)
}
