package build

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao"
)

// BenchmarkFormats measures each stage of each built-in sample on its
// own: reading the workbook, the document model, each writer, and the
// whole set (read, model, every format) as a build does it in memory.
func BenchmarkFormats(b *testing.B) {
	samples, err := Samples(baocao.Assets())
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range samples {
		j := sampleJob(b, s.Name, b.TempDir())
		raw, err := baocao.Assets().Open("data/" + s.Data)
		if err != nil {
			b.Fatal(err)
		}
		data, _ := io.ReadAll(raw)
		raw.Close()
		doc, err := j.Document()
		if err != nil {
			b.Fatal(err)
		}
		b.Run(s.Name+"/read", func(b *testing.B) {
			// The report's own workbook only (a consolidation's units are
			// read in its set).
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := ReadWorkbookBytes(s.Data, data); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(s.Name+"/model", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := j.Document(); err != nil {
					b.Fatal(err)
				}
			}
		})
		for _, w := range Writers {
			if w.Wants != nil && !w.Wants(doc) {
				continue
			}
			b.Run(s.Name+"/"+w.Ext[1:], func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := w.Write(io.Discard, doc); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		b.Run(s.Name+"/set", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sj := *j
				if s.Units != "" {
					// A consolidation: its own workbook and every unit's,
					// read, checked and consolidated.
					cj, err := SampleJob(baocao.Assets(), s, b.TempDir())
					if err != nil {
						b.Fatal(err)
					}
					sj = *cj
				} else {
					ds, _, err := ReadWorkbookBytes(s.Data, data)
					if err != nil {
						b.Fatal(err)
					}
					sj.Data = ds
				}
				// As Run does: Validate builds the document, which is
				// then written.
				sj.Validate()
				d := sj.built
				if d == nil {
					b.Fatal(sj.buildErr)
				}
				for _, w := range Writers {
					if w.Wants != nil && !w.Wants(d) {
						continue
					}
					if err := w.Write(io.Discard, d); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkBatchThachAn100 builds 100 Thạch An reports (DOCX, PDF, XLSX)
// from one workbook with a unit sheet, as --each does, files and all.
func BenchmarkBatchThachAn100(b *testing.B) { benchBatchThachAn(b, 100) }

// BenchmarkBatchThachAn1000 is the same batch with 1,000 units, to show
// that its cost per unit (ns/unit) and its memory do not grow with its
// length (about 25 s a run on two cores).
func BenchmarkBatchThachAn1000(b *testing.B) { benchBatchThachAn(b, 1000) }

func benchBatchThachAn(b *testing.B, units int) {
	j := sampleJob(b, thachAn, b.TempDir())
	raw, err := baocao.Assets().Open("data/thach-an-2021-2025.xlsx")
	if err != nil {
		b.Fatal(err)
	}
	f, err := excelize.OpenReader(raw)
	raw.Close()
	if err != nil {
		b.Fatal(err)
	}
	const sheet = "Đơn vị"
	f.NewSheet(sheet)
	f.SetSheetRow(sheet, "A1", &[]any{"Đơn vị", "ten_don_vi", "so_van_ban"})
	for i := 1; i <= units; i++ {
		f.SetSheetRow(sheet, fmt.Sprintf("A%d", i+1), &[]any{fmt.Sprintf("Xã %d", i), fmt.Sprintf("xã %d", i), 100 + i})
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	f.Close()
	ds, _, err := ReadWorkbookBytes("units.xlsx", buf.Bytes())
	if err != nil {
		b.Fatal(err)
	}
	j.Data = ds
	for b.Loop() {
		j.OutDir = b.TempDir()
		j.Force = true
		jobs, err := j.Each(sheet)
		if err != nil {
			b.Fatal(err)
		}
		var errs []error
		RunAll(jobs, runtime.GOMAXPROCS(0), func(_ int, _ *Result, err error) {
			if err != nil {
				errs = append(errs, err)
			}
		})
		if len(errs) > 0 {
			b.Fatal(errs[0])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*units), "ns/unit")
}

// BenchmarkConsolidationSet150 builds the province's report over 150
// units, as a provincial department would each period: the 20 sample
// wards copied under new names up to 150, read, checked and consolidated,
// then the report's DOCX, PDF and XLSX written.
func BenchmarkConsolidationSet150(b *testing.B) {
	assets := baocao.Assets()
	samples, err := Samples(assets)
	if err != nil {
		b.Fatal(err)
	}
	var s Sample
	for _, x := range samples {
		if x.Units != "" {
			s = x
		}
	}
	if s.Units == "" {
		b.Fatal("no consolidating sample")
	}
	t, unit, err := sampleTemplates(assets, s)
	if err != nil {
		b.Fatal(err)
	}
	wards, err := UnitFilesFS(assets, "data/"+s.Units, func(name string) ([]byte, error) { return fs.ReadFile(assets, name) })
	if err != nil {
		b.Fatal(err)
	}
	var units []UnitFile
	for i := 0; i < 150; i++ {
		f, err := excelize.OpenReader(bytes.NewReader(wards[i%len(wards)].Data))
		if err != nil {
			b.Fatal(err)
		}
		rows, _ := f.GetRows("Thông tin")
		for r, row := range rows {
			if len(row) > 1 && row[0] == "ten_don_vi" {
				f.SetCellValue("Thông tin", fmt.Sprintf("B%d", r+1), fmt.Sprintf("%s %d", row[1], i+1))
			}
		}
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			b.Fatal(err)
		}
		f.Close()
		units = append(units, UnitFile{Name: fmt.Sprintf("don-vi-%03d.xlsx", i+1), Data: buf.Bytes()})
	}
	own, err := fs.ReadFile(assets, "data/"+s.Data)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		j, res, err := NewConsolidationJob(s.Name, t, unit, s.Data, own, units, b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		if n := len(res.Units) - len(res.Missing); n != 150 {
			b.Fatalf("%d units consolidated, want 150: %v", n, res.Missing)
		}
		j.Validate()
		if j.built == nil {
			b.Fatal(j.buildErr)
		}
		for _, w := range Writers {
			if w.Wants != nil && !w.Wants(j.built) {
				continue
			}
			if err := w.Write(io.Discard, j.built); err != nil {
				b.Fatal(err)
			}
		}
	}
}
