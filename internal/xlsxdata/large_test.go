package xlsxdata

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeLarge writes a table sheet of n rows (units × 8 figures) with the
// stream writer, as a big export from a national system would be.
func writeLarge(tb testing.TB, n int) string {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	head := []any{"Đơn vị", "Tiếp nhận", "Trực tuyến", "Trực tiếp", "Từ kỳ trước", "Đã giải quyết", "Trước hạn", "Đúng hạn", "Quá hạn"}
	if err := sw.SetRow("A1", head); err != nil {
		tb.Fatal(err)
	}
	for i := 0; i < n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		row := []any{fmt.Sprintf("Xã %05d", i), 100 + i%50, 60, 40 + i%50, 0, 100 + i%50, 50, 50 + i%50, 0}
		if err := sw.SetRow(cell, row); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(tb.TempDir(), "large.xlsx")
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
	return path
}

func TestLargeSheet(t *testing.T) {
	if testing.Short() {
		t.Skip("50,000 rows")
	}
	d, err := Read(writeLarge(t, 50000))
	if err != nil {
		t.Fatal(err)
	}
	tab, err := d.Table("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Rows) != 50000 {
		t.Fatalf("%d rows", len(tab.Rows))
	}
	r, err := tab.Row("Xã 49999")
	if err != nil {
		t.Fatal(err)
	}
	if v, err := r.Num("Trực tiếp"); err != nil || v != 40+49999%50 {
		t.Errorf("last row: %v, %v", v, err)
	}
	if s, err := tab.Sum("Đã giải quyết"); err != nil || s != float64(50000*100+1000*(49*50/2)) {
		t.Errorf("sum = %v, %v", s, err)
	}
}

// BenchmarkRead50k reads a 50,000-row table sheet (9 columns).
func BenchmarkRead50k(b *testing.B) {
	path := writeLarge(b, 50000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(path); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadSamples reads the two built-in sample workbooks.
func BenchmarkReadSamples(b *testing.B) {
	for _, name := range []string{"sa-dec-2024.xlsx", "thach-an-2021-2025.xlsx"} {
		b.Run(name, func(b *testing.B) {
			path := filepath.Join("..", "..", "data", name)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read(path); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
