package layout

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"baocao/internal/docmodel"
	"baocao/internal/fonts"
)

func cell(s string) docmodel.Cell {
	return docmodel.Cell{Content: []*docmodel.Paragraph{{Content: []docmodel.Inline{docmodel.Text{Text: s}}}}}
}

// tab is a table of one header row and body rows, cells split at "|".
func tab(widths []float64, header string, body ...string) *docmodel.Table {
	t := &docmodel.Table{HeaderRows: 1}
	for _, w := range widths {
		t.Columns = append(t.Columns, docmodel.Column{Width: w})
	}
	for _, r := range append([]string{header}, body...) {
		var cs []docmodel.Cell
		for _, s := range strings.Split(r, "|") {
			cs = append(cs, cell(s))
		}
		t.Rows = append(t.Rows, docmodel.Row{Cells: cs})
	}
	return t
}

func widestWord(f fonts.Face, s string) float64 {
	w := 0.0
	for _, x := range strings.Fields(s) {
		w = max(w, fonts.Width(f, 12, x))
	}
	return w
}

func TestTableColumns(t *testing.T) {
	const pad = CellPadding
	frame := 2*pad + cellSlack
	unit := "phường Thanh Bình, thuộc tỉnh Nam Sơn, đơn vị hành chính cấp xã thành lập năm 2025"
	tests := []struct {
		name  string
		t     *docmodel.Table
		room  float64
		check func(t *testing.T, w []float64)
	}{
		{"one line each: widened alike", tab([]float64{0, 0, 0}, "STT|Đơn vị|Hồ sơ tiếp nhận", "1|phường An Bình|1.168"), 500,
			func(t *testing.T, w []float64) {
				a := w[0] - (fonts.Width(fonts.Bold, 12, "STT") + frame)
				b := w[2] - (fonts.Width(fonts.Bold, 12, "Hồ sơ tiếp nhận") + frame)
				if a <= 0 || math.Abs(a-b) > 1e-6 {
					t.Errorf("columns widened unevenly: %.3f and %.3f", a, b)
				}
			}},
		{"the rest to the text column that wraps", tab([]float64{0, 0, 0}, "STT|Nội dung|Tỷ lệ", "1|"+unit+" "+unit+"|99,48%"), 500,
			func(t *testing.T, w []float64) {
				if need := fonts.Width(fonts.Bold, 12, "STT") + frame; math.Abs(w[0]-need) > 1e-6 {
					t.Errorf("STT column %.1f, want %.1f", w[0], need)
				}
			}},
		{"figures only: widened alike", tab([]float64{0, 0}, "Năm|Tổng số hồ sơ", "2021|23.870"), 400,
			func(t *testing.T, w []float64) {
				a := w[0] - (fonts.Width(fonts.Bold, 12, "Năm") + frame)
				b := w[1] - (fonts.Width(fonts.Bold, 12, "Tổng số hồ sơ") + frame)
				if math.Abs(a-b) > 1e-6 {
					t.Errorf("columns widened unevenly: %.3f and %.3f", a, b)
				}
			}},
		{"two wrapping cells of one row", tab([]float64{0, 0}, "A|B", "một hai ba bốn năm sáu bảy tám|chín mười một hai ba bốn năm sáu"), 350,
			func(t *testing.T, w []float64) {
				// Widening one cell saves no line of the row; both on one
				// line do, and they fit.
				a := fonts.Width(fonts.Regular, 12, "một hai ba bốn năm sáu bảy tám") + frame
				b := fonts.Width(fonts.Regular, 12, "chín mười một hai ba bốn năm sáu") + frame
				if a+b > 350 {
					t.Fatalf("test texts too wide: %.1f", a+b)
				}
				if w[0] < a-1e-6 || w[1] < b-1e-6 {
					t.Errorf("widths %v: a cell wraps (%.1f, %.1f)", w, a, b)
				}
			}},
		{"text wraps, figures keep their width", tab([]float64{0, 0, 0}, "STT|Đơn vị|Tỷ lệ", "1|"+unit+"|99,48%"), 300,
			func(t *testing.T, w []float64) {
				if want := fonts.Width(fonts.Regular, 12, "99,48%") + frame; math.Abs(w[2]-max(want, fonts.Width(fonts.Bold, 12, "Tỷ lệ")+frame)) > 1e-6 {
					t.Errorf("figure column %.1f, want its natural %.1f", w[2], want)
				}
				if w[1] < 300-w[0]-w[2]-1e-6 || w[1] < widestWord(fonts.Regular, unit)+frame {
					t.Errorf("text column %.1f does not take the rest", w[1])
				}
			}},
		{"bold header word", tab([]float64{0, 0}, "STT|Nội dung", "1|"+unit), 200,
			func(t *testing.T, w []float64) {
				if need := fonts.Width(fonts.Bold, 12, "STT") + frame; w[0] < need-1e-9 {
					t.Errorf("STT column %.2f narrower than the bold word (%.2f): ST/T", w[0], need)
				}
			}},
		{"a figure with a space never wraps", func() *docmodel.Table {
			tb := tab([]float64{0, 0}, "Nội dung|Số", "x|y")
			tb.Rows[1].Cells[1] = cell("1 234 567 hồ sơ")
			tb.Rows[1].Cells[1].Number = &docmodel.Number{Value: 1234567}
			tb.Rows[1].Cells[0] = cell(unit)
			return tb
		}(), 250,
			func(t *testing.T, w []float64) {
				if need := fonts.Width(fonts.Regular, 12, "1 234 567 hồ sơ") + frame; w[1] < need-1e-9 {
					t.Errorf("number column %.1f < %.1f", w[1], need)
				}
			}},
		{"template width kept", tab([]float64{0, 3, 0}, "STT|Lý do|Ghi chú", "1|x|y"), 500,
			func(t *testing.T, w []float64) {
				if want := 500 * 3.0 / 5; math.Abs(w[1]-want) > 1e-6 {
					t.Errorf("rong 3 of 5: %.1f, want %.1f", w[1], want)
				}
			}},
		{"template width raised to its widest word", tab([]float64{0.1, 0}, "Đơn vị|Ghi chú", "Thành phố|"+unit), 400,
			func(t *testing.T, w []float64) {
				if need := fonts.Width(fonts.Regular, 12, "Thành") + frame; w[0] < need {
					t.Errorf("fixed column %.1f breaks a word (needs %.1f)", w[0], need)
				}
			}},
		{"group title widens its columns", func() *docmodel.Table {
			tb := &docmodel.Table{HeaderRows: 2, Columns: make([]docmodel.Column, 3)}
			g := cell("Số hồ sơ nhận giải quyết trong kỳ")
			g.ColSpan = 2
			st := cell("STT")
			st.RowSpan = 2
			tb.Rows = []docmodel.Row{{Cells: []docmodel.Cell{st, g}}, {Cells: []docmodel.Cell{cell("A"), cell("B")}}, {Cells: []docmodel.Cell{cell("1"), cell("2"), cell("3")}}}
			return tb
		}(), 600,
			func(t *testing.T, w []float64) {
				if need := fonts.Width(fonts.Bold, 12, "Số hồ sơ nhận giải quyết trong kỳ") + frame; w[1]+w[2] < need {
					t.Errorf("group columns %.1f + %.1f do not hold the title (%.1f)", w[1], w[2], need)
				}
			}},
		{"headers wrap before the body", tab([]float64{0, 0, 0}, "Kỳ báo cáo|Tỷ lệ hồ sơ giải quyết trực tuyến trong kỳ|Tỷ lệ hồ sơ giải quyết quá hạn trong kỳ", "Từ 05/12/2024 đến 31/3/2025|97,87%|0,12%"), 300,
			func(t *testing.T, w []float64) {
				if need := fonts.Width(fonts.Regular, 12, "Từ 05/12/2024 đến 31/3/2025") + frame; w[0] < need {
					t.Errorf("body text wraps (%.1f < %.1f) while headers could", w[0], need)
				}
			}},
		{"too narrow: shrunk alike", tab([]float64{0, 0}, "Trướchạnđúnghạn|Đanggiảiquyết", "1|2"), 60,
			func(t *testing.T, w []float64) {
				if w[0] <= w[1] {
					t.Errorf("shrunk columns lost their order: %v", w)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			grid, err := tt.t.Grid()
			if err != nil {
				t.Fatal(err)
			}
			w := TableColumns(tt.t, grid, tt.room, 12, pad)
			sum := 0.0
			for _, x := range w {
				if !(x > 0) {
					t.Fatalf("widths %v", w)
				}
				sum += x
			}
			if math.Abs(sum-tt.room) > 1e-6 {
				t.Errorf("widths %v add up to %.3f, want %.0f", w, sum, tt.room)
			}
			tt.check(t, w)
		})
	}
}

// BenchmarkTableColumns sizes the columns of a province appendix of 150
// units: eight columns, the unit names wrapping at their widest word.
func BenchmarkTableColumns(b *testing.B) {
	rows := []string{}
	for i := 0; i < 150; i++ {
		rows = append(rows, fmt.Sprintf("%d|phường Thanh Bình Số %d|1.168|1.160|1.154|8|99,48%%|%d", i+1, i, i+1))
	}
	tb := tab(make([]float64, 8), "STT|Đơn vị|Hồ sơ tiếp nhận|Đã giải quyết|Trước hạn, đúng hạn|Đang giải quyết|Tỷ lệ đúng hạn|Xếp hạng", rows...)
	g, err := tb.Grid()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		TableColumns(tb, g, 467.7, 12, CellPadding)
	}
}

// BenchmarkTableColumnsWrapping sizes a table like an appendix of Thạch
// An: a header, forty rows of a number, a unit's name, a wrapping note and
// figures.
func BenchmarkTableColumnsWrapping(b *testing.B) {
	var body []string
	for i := range 40 {
		body = append(body, fmt.Sprintf("%d|Ủy ban nhân dân xã số %d|Rà soát, đánh giá thủ tục hành chính đúng kỳ hạn, công khai đầy đủ|%d|%d,5%%|1.%03d", i+1, i, i*7, i%100, i))
	}
	t := tab([]float64{0, 0, 0, 0, 0, 0}, "STT|Đơn vị|Nội dung|Số hồ sơ|Tỷ lệ|Kinh phí (nghìn đồng)", body...)
	grid, err := t.Grid()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		TableColumns(t, grid, 467.75, 12, CellPadding)
	}
}
