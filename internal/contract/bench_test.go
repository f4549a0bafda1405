package contract

import (
	"os"
	"testing"

	"go.yaml.in/yaml/v3"
)

// BenchmarkParse reads the largest built-in contract, Thạch An's: every
// build reads its template's contract once, in a fresh process.
func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile("../../templates/tong-ket-cchc-2021-2025/" + FileName)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("contract", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if _, err := Parse("du-lieu.yaml", src); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("node", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			var n yaml.Node
			if err := yaml.Unmarshal(src, &n); err != nil {
				b.Fatal(err)
			}
		}
	})
}
