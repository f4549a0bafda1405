package layout

import (
	"strings"
	"testing"

	"baocao/internal/docmodel"
	"baocao/internal/fonts"
)

func row(s string) docmodel.Row {
	var cs []docmodel.Cell
	for _, x := range strings.Split(s, "|") {
		cs = append(cs, cell(x))
	}
	return docmodel.Row{Cells: cs}
}

// TestTableColumnsMergedHeader is Thạch An's Phụ lục II on a portrait
// page: the titles over two header rows wrap to two lines, so the width
// goes to "Toàn trình" under the group "Trong đó", whose second line
// would make the header three lines tall.
func TestTableColumnsMergedHeader(t *testing.T) {
	tb := &docmodel.Table{HeaderRows: 2, Columns: make([]docmodel.Column, 7)}
	tb.Rows = []docmodel.Row{row("STT|Cấp|TTHC thuộc thẩm quyền|Cung cấp trên Cổng dịch vụ công|Trong đó|Đề xuất đơn giản hóa"),
		row("Toàn trình|Một phần"), row("1|Cấp huyện|265|234|149|85|15"), row("2|Cấp xã|113|78|41|37|58")}
	tb.Rows[0].Cells[4].ColSpan = 2
	for _, i := range []int{0, 1, 2, 3, 5} {
		tb.Rows[0].Cells[i].RowSpan = 2
	}
	g, err := tb.Grid()
	if err != nil {
		t.Fatal(err)
	}
	w := TableColumns(tb, g, 467.7, 12, CellPadding)
	if need := fonts.Width(fonts.Bold, 12, "Toàn trình") + 2*CellPadding + cellSlack; w[4] < need-1e-9 {
		t.Errorf("Toàn trình wraps: %.1f < %.1f (%v)", w[4], need, w)
	}
}
