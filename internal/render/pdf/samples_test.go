package pdf_test

import (
	"bytes"
	"testing"

	"baocao"
	"baocao/internal/build"
	"baocao/internal/docmodel"
	"baocao/internal/render/pdf"
)

// sampleDocs are the document models of the built-in samples, by name.
func sampleDocs(tb testing.TB) map[string]*docmodel.Document {
	tb.Helper()
	list, err := build.Samples(baocao.Assets())
	if err != nil {
		tb.Fatal(err)
	}
	docs := make(map[string]*docmodel.Document, len(list))
	for _, s := range list {
		j, err := build.SampleJob(baocao.Assets(), s, tb.TempDir())
		if err != nil {
			tb.Fatal(err)
		}
		d, err := j.Document()
		if err != nil {
			tb.Fatal(err)
		}
		docs[s.Name] = d
	}
	return docs
}

// BenchmarkSamples writes the PDF of each built-in sample (Sa Đéc, Thạch
// An) from its document model.
func BenchmarkSamples(b *testing.B) {
	docs := sampleDocs(b)
	for _, name := range []string{"sa-dec-9-thang-2024", "thach-an-tong-ket-2021-2025"} {
		d := docs[name]
		if d == nil {
			b.Fatalf("no sample %q", name)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := pdf.Write(&buf, d); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}
