package xlsxfile

import (
	"fmt"
	"strings"
	"testing"

	"baocao/internal/a1"
)

// BenchmarkSheet50k reads the package of a 50,000-row, 9-column sheet
// (inline unit names, numbers), the layout of a national export: the
// package reader's share of xlsxdata's BenchmarkRead50k.
func BenchmarkSheet50k(b *testing.B) {
	var sb strings.Builder
	for r := 1; r <= 50000; r++ {
		fmt.Fprintf(&sb, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>Xã %05d</t></is></c>`, r, r, r)
		for c := 2; c <= 9; c++ {
			fmt.Fprintf(&sb, `<c r="%s"><v>%d</v></c>`, a1.Cell(c, r), 100+r%50)
		}
		sb.WriteString(`</row>`)
	}
	data := book(sb.String(), "").bytes(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		bk, err := Parse(data, DefaultLimits)
		if err != nil {
			b.Fatal(err)
		}
		s, err := bk.Sheet(0)
		if err != nil || s.MaxRow != 50000 {
			b.Fatal(err)
		}
	}
}
