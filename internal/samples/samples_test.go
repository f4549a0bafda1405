package samples

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"baocao/internal/xlsxdata"
)

var update = flag.Bool("update", false, "rewrite the sample workbooks under data/")

// All lists the samples and their files under data/.
var all = []struct {
	file   string
	wb     func() *Workbook
	trees  int // indicator sheets
	tables int // table sheets
}{
	{"sa-dec-2024.xlsx", SaDec2024, 1, 0},
	{"thach-an-2021-2025.xlsx", ThachAn2025, 0, 13},
	{"phuong-tan-my-2026.xlsx", PhuongTanMy2026, 0, 2},
	{"tinh-nam-son-2026.xlsx", Province, 0, 0},
}

// TestSamplesUpToDate keeps data/*.xlsx equal to what the code here
// writes, so a figure changed in code reaches the sample, and a sample
// edited by hand is noticed.
func TestSamplesUpToDate(t *testing.T) {
	for _, s := range all {
		t.Run(s.file, func(t *testing.T) {
			f, err := s.wb().File()
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := f.Write(&buf); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("..", "..", "data", s.file)
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			old, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/samples -update)", err)
			}
			if !bytes.Equal(old, buf.Bytes()) {
				t.Errorf("%s differs from what the code writes; run go test ./internal/samples -update", path)
			}
			// And it reads back.
			ds, err := xlsxdata.Read(path)
			if err != nil {
				t.Fatal(err)
			}
			if ds.Facts == nil || len(ds.Trees) != s.trees || len(ds.Tables) != s.tables {
				t.Fatalf("read back: facts %v, %d trees, %d tables; want %d and %d", ds.Facts != nil, len(ds.Trees), len(ds.Tables), s.trees, s.tables)
			}
		})
	}
}

// TestWardsUpToDate keeps data/tong-hop-tinh/ward-NN.xlsx equal to what
// Wards writes.
func TestWardsUpToDate(t *testing.T) {
	dir := filepath.Join("..", "..", "data", "tong-hop-tinh")
	for i, w := range Wards() {
		f, err := w.File()
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, WardFile(i))
		if *update {
			os.MkdirAll(dir, 0o755)
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		old, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(old, buf.Bytes()) {
			t.Errorf("%s differs from what the code writes (%v); run go test ./internal/samples -update", path, err)
		}
	}
}
