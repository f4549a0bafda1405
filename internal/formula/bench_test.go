package formula

import (
	"fmt"
	"testing"

	"baocao/internal/a1"
)

// BenchmarkSumRound evaluates 10,000 formulas =ROUND(SUM(A{i}:J{i})/3,2)
// over 10 numbers each, plus a total =SUM(K1:K10000) over them.
func BenchmarkSumRound(b *testing.B) {
	const rows = 10_000
	cells := map[string]any{"L1": fmt.Sprintf("=SUM(K1:K%d)", rows)}
	for r := 1; r <= rows; r++ {
		for c := 1; c <= 10; c++ {
			cells[a1.Column(c)+fmt.Sprint(r)] = float64(r*c) / 7
		}
		cells[fmt.Sprintf("K%d", r)] = fmt.Sprintf("=ROUND(SUM(A%d:J%d)/3,2)", r, r)
	}
	src := book(cells)
	src.Used("S")
	b.ReportAllocs()
	for b.Loop() {
		e := New(src, Options{})
		if _, err := e.Eval(ref("L1")); err != nil {
			b.Fatal(err)
		}
	}
}
