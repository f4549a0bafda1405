package xlsxdata

import (
	"strings"
	"testing"
)

// tthc is a sheet in the layout of Biểu 06/VPCP/KSTT: a title row, a
// two-row header whose groups are merged across their parts, and "Năm"
// merged down both header rows.
func tthc() sheetSpec {
	return sheetSpec{"TTHC", [][]any{
		{"KẾT QUẢ GIẢI QUYẾT TTHC"},
		{"Năm", "Số hồ sơ nhận giải quyết", nil, nil, "Số hồ sơ đã giải quyết", nil, nil, nil},
		{nil, "Tổng số", "Trực tuyến", "Từ kỳ trước", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn"},
		{2021, 9000, 1200, 30, 8970, 5000, 3960, 10},
		{2022, "11.204", 3000, 30, 11180, 6000, 5170, 10},
		{"Từ 05/12/2024 đến 31/3/2025", 2000, 1900, 54, 2050, 1000, 1050, nil},
	}, [][2]string{{"A2", "A3"}, {"B2", "D2"}, {"E2", "H2"}}}
}

func TestTable(t *testing.T) {
	d, err := readBook(t, []sheetSpec{tthc()})
	if err != nil {
		t.Fatal(err)
	}
	tab, err := d.Table("tthc")
	if err != nil {
		t.Fatal(err)
	}
	if tab.Key != "Năm" || len(tab.Columns) != 7 || len(tab.Rows) != 3 {
		t.Fatalf("key %q, %d columns, %d rows", tab.Key, len(tab.Columns), len(tab.Rows))
	}
	if got := tab.Columns[0].Name; got != "Số hồ sơ nhận giải quyết / Tổng số" {
		t.Errorf("column 1 is %q", got)
	}
	r, err := tab.Row("2022")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		col  string
		want float64
	}{
		{"Số hồ sơ nhận giải quyết / Tổng số", 11204}, {"Trực tuyến", 3000}, {"trực  tuyến", 3000}, {"Số hồ sơ đã giải quyết / Tổng số", 11180},
	} {
		if v, err := r.Num(c.col); err != nil || v != c.want {
			t.Errorf("2022 %q = %v, %v; want %v", c.col, v, err, c.want)
		}
	}
	if _, err := r.Num("Tổng số"); err == nil || !strings.Contains(err.Error(), "ambiguous") {
		t.Errorf("ambiguous column: %v", err)
	}
	if _, err := tab.Row("2030"); err == nil || !strings.Contains(err.Error(), `no row "2030"`) {
		t.Errorf("missing row: %v", err)
	}
	if !tab.Has("từ 05/12/2024 đến 31/3/2025") {
		t.Error("a text key is not found")
	}
	if s, err := tab.Sum("Quá hạn"); err != nil || s != 20 {
		t.Errorf("Sum(Quá hạn) = %v, %v", s, err)
	}
	if v, _ := r.Get("Trực tuyến"); v.Loc.Cell != "C5" || v.Loc.Sheet != "TTHC" {
		t.Errorf("location %v", v.Loc)
	}
}

func TestTableErrors(t *testing.T) {
	tests := []struct {
		name string
		rows [][]any
		want string
	}{
		{"duplicate key", [][]any{{"Năm", "A"}, {2021, 1}, {2021, 2}}, `file.xlsx, sheet "T", cell A3: row "2021" is already in the table (cell A2)`},
		{"figures without key", [][]any{{"Năm", "A"}, {2021, 1}, {nil, 2}}, `cell A3: this row has figures but no key`},
		{"column without header", [][]any{{"Năm", "A", nil, "C"}, {2021, 1, 2, 3}}, `cell C1: the column has no header`},
		{"ambiguous text number", [][]any{{"Năm", "A"}, {2021, "1,234.5"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readBook(t, []sheetSpec{{name: "T", rows: tt.rows}})
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

// TestMergedDataCell: a value merged over several cells is read from its
// top-left cell wherever it is asked for.
func TestMergedDataCell(t *testing.T) {
	d, err := readBook(t, []sheetSpec{{"T", [][]any{{"Đơn vị", "Ghi chú", "Số"}, {"Xã A", "chung", 1}, {"Xã B", nil, 2}}, [][2]string{{"B2", "B3"}}}})
	if err != nil {
		t.Fatal(err)
	}
	tab, _ := d.Table("T")
	r, _ := tab.Row("Xã B")
	if v, _ := r.Get("Ghi chú"); v.Text != "chung" || v.Loc.Cell != "B2" {
		t.Errorf("merged cell read as %+v", v)
	}
}
