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

	"github.com/xuri/excelize/v2"

	"baocao/internal/contract"
)

// Rows is the number of table rows prepared with validation and formulas;
// a user who needs more copies a row down (formulas follow).
const Rows = 40

// FactSheet is the name of the fact sheet.
const FactSheet = "Thông tin"

// Write writes the blank workbook of contract c; title names the report
// type in the instructions and the document properties.
func Write(w io.Writer, c *contract.Contract, title string) error {
	f := excelize.NewFile()
	defer f.Close()
	b := &book{f: f}
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
	if b.err != nil {
		return b.err
	}
	idx, err := f.GetSheetIndex(FactSheet)
	if err == nil && len(c.Facts) > 0 {
		f.SetActiveSheet(idx)
	}
	// A fixed date: the same contract gives the same bytes.
	if err := f.SetDocProps(&excelize.DocProperties{Title: "Bảng tính mẫu: " + title, Creator: "baocao",
		Created: "2026-01-01T00:00:00Z", Modified: "2026-01-01T00:00:00Z", Language: "vi-VN"}); err != nil {
		return err
	}
	return f.Write(w)
}

type book struct {
	f   *excelize.File
	err error
	// styles
	head, group, locked, input, date, percent, formula, wrap, title, required int
}

func (b *book) do(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func (b *book) style(s *excelize.Style) int {
	id, err := b.f.NewStyle(s)
	b.do(err)
	return id
}

func (b *book) styles() {
	font := func(bold, italic bool) *excelize.Font {
		return &excelize.Font{Family: "Times New Roman", Size: 12, Bold: bold, Italic: italic}
	}
	border := []excelize.Border{{Type: "left", Style: 1, Color: "999999"}, {Type: "right", Style: 1, Color: "999999"},
		{Type: "top", Style: 1, Color: "999999"}, {Type: "bottom", Style: 1, Color: "999999"}}
	unlocked := &excelize.Protection{Locked: false}
	dateFmt, pctFmt := "dd/mm/yyyy", "0.00%"
	b.head = b.style(&excelize.Style{Font: font(true, false), Border: border, Fill: excelize.Fill{Type: "pattern", Color: []string{"DDEBF7"}, Pattern: 1},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	b.group = b.style(&excelize.Style{Font: font(true, true)})
	b.locked = b.style(&excelize.Style{Font: font(false, false), Border: border, Fill: excelize.Fill{Type: "pattern", Color: []string{"F2F2F2"}, Pattern: 1}})
	b.input = b.style(&excelize.Style{Font: font(false, false), Border: border, Protection: unlocked, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	b.date = b.style(&excelize.Style{Font: font(false, false), Border: border, Protection: unlocked, CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Horizontal: "left"}})
	b.percent = b.style(&excelize.Style{Font: font(false, false), Border: border, Protection: unlocked, CustomNumFmt: &pctFmt})
	b.formula = b.style(&excelize.Style{Font: font(false, true), Border: border, Fill: excelize.Fill{Type: "pattern", Color: []string{"F2F2F2"}, Pattern: 1}})
	b.wrap = b.style(&excelize.Style{Font: font(false, false), Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	b.title = b.style(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 14, Bold: true}})
	b.required = b.style(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12, Bold: true}, Border: border,
		Fill: excelize.Fill{Type: "pattern", Color: []string{"F2F2F2"}, Pattern: 1}})
}

func cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

func (b *book) set(sheet string, col, row int, v any, style int) {
	if b.err != nil {
		return
	}
	b.do(b.f.SetCellValue(sheet, cell(col, row), v))
	if style != 0 {
		b.do(b.f.SetCellStyle(sheet, cell(col, row), cell(col, row), style))
	}
}

// page prints a sheet on A4, landscape when wide, fitted to the width.
func (b *book) page(sheet string, landscape bool) {
	size, one, zero := 9, 1, 0
	orient := "portrait"
	if landscape {
		orient = "landscape"
	}
	b.do(b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}))
	b.do(b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: boolPtr(true)}))
}

func boolPtr(v bool) *bool { return &v }

func (b *book) protect(sheet string) {
	b.do(b.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true,
		FormatCells: true, FormatColumns: true, FormatRows: true, InsertRows: true, DeleteRows: true, Sort: true, AutoFilter: true}))
}

var kindWords = map[string]string{
	contract.Flow:    "số phát sinh trong kỳ: cộng các kỳ",
	contract.Opening: "số đầu kỳ (từ kỳ trước chuyển sang): lấy kỳ đầu tiên",
	contract.Closing: "số cuối kỳ (còn tồn, đang giải quyết): lấy kỳ cuối cùng",
	contract.Sum:     "tự tính: tổng các cột thành phần",
	contract.Rate:    "tự tính: tỷ lệ, không cộng qua các kỳ",
	contract.Label:   "chữ",
}

func (b *book) instructions(c *contract.Contract, title string) {
	const sheet = "Hướng dẫn"
	b.do(b.f.SetSheetName("Sheet1", sheet))
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
	for i, l := range lines {
		st := b.wrap
		if i == 0 {
			st = b.title
		}
		b.set(sheet, 1, i+1, l, st)
		// Spreadsheet programs do not grow a row for wrapped text they
		// did not lay out themselves: give each line its height.
		if n := (len([]rune(l)) + 89) / 90; n > 1 {
			b.do(b.f.SetRowHeight(sheet, i+1, float64(n)*18))
		}
	}
	b.do(b.f.SetColWidth(sheet, "A", "A", 78)) // A4 portrait: the printable width
	b.page(sheet, false)
}

func (b *book) facts(c *contract.Contract) {
	if len(c.Facts) == 0 {
		return
	}
	sheet := FactSheet
	_, err := b.f.NewSheet(sheet)
	b.do(err)
	for i, h := range []string{"Khóa", "Giá trị", "Ghi chú"} {
		b.set(sheet, i+1, 1, h, b.head)
	}
	row := 2
	for _, fact := range c.Facts {
		if fact.Heading != "" {
			b.set(sheet, 1, row, fact.Heading, b.group)
			row++
			continue
		}
		keyStyle := b.locked
		if fact.Required {
			keyStyle = b.required
		}
		b.set(sheet, 1, row, fact.Key, keyStyle)
		valStyle := b.input
		switch fact.Type {
		case contract.Date:
			valStyle = b.date
		}
		b.set(sheet, 2, row, nil, valStyle)
		b.set(sheet, 3, row, note(fact), b.locked)
		b.validate(sheet, cell(2, row), fact.Type, fact.Values, fact.Key)
		row++
	}
	b.do(b.f.SetColWidth(sheet, "A", "A", 26))
	b.do(b.f.SetColWidth(sheet, "B", "B", 40))
	b.do(b.f.SetColWidth(sheet, "C", "C", 90))
	b.do(b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	b.page(sheet, true)
	b.protect(sheet)
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
func (b *book) validate(sheet, ref, typ string, values []string, what string) {
	if b.err != nil {
		return
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = ref
	var err error
	switch {
	case len(values) > 0:
		err = dv.SetDropList(values)
		dv.SetError(excelize.DataValidationErrorStyleStop, "Giá trị không hợp lệ", "Chọn một trong: "+strings.Join(values, ", "))
	case typ == contract.Integer:
		err = dv.SetRange(0, 1e12, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween)
		dv.SetError(excelize.DataValidationErrorStyleStop, "Cần một số nguyên", what+": gõ một số nguyên không âm, không kèm chữ.")
	case typ == contract.Number || typ == contract.Percent:
		err = dv.SetRange(-1e12, 1e12, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
		dv.SetError(excelize.DataValidationErrorStyleStop, "Cần một số", what+": gõ một số, không kèm chữ hay đơn vị.")
	case typ == contract.Date:
		// Serial days: 1900-01-01 to 9999-12-31.
		err = dv.SetRange(1, 2958465, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween)
		dv.SetError(excelize.DataValidationErrorStyleStop, "Cần một ngày", what+": gõ ngày dạng dd/mm/yyyy, ví dụ 09/10/2024.")
	default:
		return
	}
	b.do(err)
	b.do(b.f.AddDataValidation(sheet, dv))
}

func (b *book) tree(t contract.Tree) {
	_, err := b.f.NewSheet(t.Sheet)
	b.do(err)
	head := []string{"Mã", "Nội dung", "Điểm tối đa", "Điểm ĐTXHH", "Điểm đạt", "Điểm ĐTXHH đạt", "Ghi chú"}
	for i, h := range head {
		b.set(t.Sheet, i+1, 1, h, b.head)
	}
	widths := []float64{10, 60, 12, 12, 12, 14, 40}
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		b.do(b.f.SetColWidth(t.Sheet, col, col, w))
	}
	for r := 2; r < 2+Rows*2; r++ {
		for c := 1; c <= len(head); c++ {
			b.set(t.Sheet, c, r, nil, b.input)
		}
	}
	if b.err == nil {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("C2:F%d", 1+Rows*2)
		b.do(dv.SetRange(0, 1000, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
		dv.SetError(excelize.DataValidationErrorStyleStop, "Cần một số", "Điểm là một số không âm.")
		b.do(b.f.AddDataValidation(t.Sheet, dv))
	}
	b.do(b.f.SetPanes(t.Sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	b.page(t.Sheet, true)
	b.protect(t.Sheet)
}

// split is a column's header parts: "Group / Part", or the name alone.
func split(name string) (group, part string) {
	if g, p, ok := strings.Cut(name, " / "); ok {
		return strings.TrimSpace(g), strings.TrimSpace(p)
	}
	return "", strings.TrimSpace(name)
}

func (b *book) table(t *contract.Table) {
	sheet := t.Sheet
	_, err := b.f.NewSheet(sheet)
	b.do(err)
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
	// Key column.
	b.set(sheet, 1, 1, t.Key, b.head)
	if twoRows {
		b.set(sheet, 1, 2, nil, b.head)
		b.do(b.f.MergeCell(sheet, "A1", "A2"))
	}
	b.do(b.f.SetColWidth(sheet, "A", "A", 28))
	colOf := map[*contract.Column]int{}
	for i := range t.Columns {
		colOf[&t.Columns[i]] = i + 2
	}
	// Header: a group merged across its consecutive parts, a column
	// without a group merged down both rows.
	for i := 0; i < len(t.Columns); {
		g, p := split(t.Columns[i].Name)
		col := i + 2
		if !twoRows {
			b.set(sheet, col, 1, p, b.head)
			i++
			continue
		}
		if g == "" {
			b.set(sheet, col, 1, p, b.head)
			b.set(sheet, col, 2, nil, b.head)
			b.do(b.f.MergeCell(sheet, cell(col, 1), cell(col, 2)))
			i++
			continue
		}
		j := i
		for j < len(t.Columns) {
			if gj, _ := split(t.Columns[j].Name); gj != g {
				break
			}
			_, pj := split(t.Columns[j].Name)
			b.set(sheet, j+2, 1, nil, b.head)
			b.set(sheet, j+2, 2, pj, b.head)
			j++
		}
		b.set(sheet, col, 1, g, b.head)
		if j-1 > i {
			b.do(b.f.MergeCell(sheet, cell(col, 1), cell(j+1, 1)))
		}
		i = j
	}
	for i := range t.Columns {
		c := &t.Columns[i]
		col := i + 2
		name, _ := excelize.ColumnNumberToName(col)
		w := 14.0
		if c.Kind == contract.Label {
			w = 30
		}
		b.do(b.f.SetColWidth(sheet, name, name, w))
		last := first + Rows - 1
		for r := first; r <= last; r++ {
			b.set(sheet, 1, r, nil, b.input)
			switch c.Kind {
			case contract.Sum:
				var refs []string
				for _, p := range c.Parts {
					if pc, ok := t.Column(p); ok {
						refs = append(refs, cell(colOf[pc], r))
					}
				}
				b.formulaCell(sheet, col, r, fmt.Sprintf(`IF($A%d="","",%s)`, r, strings.Join(refs, "+")), 0)
			case contract.Rate:
				nc, _ := t.Column(c.Num)
				dc, _ := t.Column(c.Den)
				num, den := cell(colOf[nc], r), cell(colOf[dc], r)
				b.formulaCell(sheet, col, r, fmt.Sprintf(`IF(OR($A%d="",%s=0),"",%s/%s)`, r, den, num, den), b.percent)
			default:
				b.set(sheet, col, r, nil, b.input)
			}
		}
		if c.Kind == contract.Flow || c.Kind == contract.Opening || c.Kind == contract.Closing {
			typ := c.Type
			if typ == "" {
				typ = contract.Number
			}
			b.validate(sheet, fmt.Sprintf("%s%d:%s%d", name, first, name, last), typ, nil, c.Name)
		}
	}
	b.do(b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: height, XSplit: 1, TopLeftCell: cell(2, first), ActivePane: "bottomRight"}))
	if height == 2 {
		b.do(b.f.SetRowHeight(sheet, 2, 32)) // wrapped part names
	}
	b.do(b.f.SetRowHeight(sheet, 1, 32))
	b.page(sheet, len(t.Columns) > 5)
	b.protect(sheet)
}

func (b *book) formulaCell(sheet string, col, row int, formula string, style int) {
	if b.err != nil {
		return
	}
	ref := cell(col, row)
	b.do(b.f.SetCellFormula(sheet, ref, formula))
	if style == 0 {
		style = b.formula
	} else {
		// A rate: the percent format, locked, on the formula background.
		pctFmt := "0.00%"
		style = b.style(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12, Italic: true}, CustomNumFmt: &pctFmt,
			Fill: excelize.Fill{Type: "pattern", Color: []string{"F2F2F2"}, Pattern: 1}})
	}
	b.do(b.f.SetCellStyle(sheet, ref, ref, style))
}
