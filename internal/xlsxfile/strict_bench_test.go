package xlsxfile

import (
	"archive/zip"
	"io"
	"testing"
)

// BenchmarkStyles reads Thạch An's styles.xml (fifty namespace
// declarations, as excelize writes them) with strictWalk and with
// encoding/xml.
func BenchmarkStyles(b *testing.B) {
	zr, err := zip.OpenReader("../../data/thach-an-2021-2025.xlsx")
	if err != nil {
		b.Fatal(err)
	}
	defer zr.Close()
	var data []byte
	for _, f := range zr.File {
		if f.Name == "xl/styles.xml" {
			rc, err := f.Open()
			if err != nil {
				b.Fatal(err)
			}
			data, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	b.Run("fast", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, ok := fastStyles(data); !ok {
				b.Fatal("fallback")
			}
		}
	})
	b.Run("xml", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			slowDecode[stylesXML](data)
		}
	})
}
