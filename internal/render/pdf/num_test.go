package pdf

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// numSlow is num through strconv alone, as it was before appendFixed.
func numSlow(b []byte, v float64, prec int) []byte {
	if v > -0.5e-2 && v < 0.5e-2 {
		v = 0
	}
	start := len(b)
	b = strconv.AppendFloat(b, v, 'f', prec, 64)
	if prec > 0 {
		for b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
		if b[len(b)-1] == '.' {
			b = b[:len(b)-1]
		}
	}
	if string(b[start:]) == "-0" {
		b = append(b[:start], '0')
	}
	return b
}

func TestNumFast(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	check := func(v float64) {
		for prec := 0; prec <= 3; prec++ {
			if got, want := string(num(nil, v, prec)), string(numSlow(nil, v, prec)); got != want {
				t.Fatalf("num(%v, %d) = %q, want %q", v, prec, got, want)
			}
		}
	}
	for _, v := range []float64{0, -0, 0.004, -0.004, 0.005, -0.005, 0.015, 1.005, 2.675, 0.125, -0.125, 0.375, 0.0625, -0.0625, 0.0005, 0.0015, 2.5, 0.25, 999999.995, 1e6, -1e6, 1e7, math.Inf(1), math.NaN(), 595.28, 841.89, 0.0005, -0.0005, 12.3456} {
		check(v)
	}
	for i := 0; i < 250_000; i++ {
		var v float64
		switch i % 5 {
		case 4:
			v = float64(r.IntN(16_000_000)-8_000_000) / 1024 // exact binary ties
		case 0:
			v = (r.Float64() - 0.5) * 2000
		case 1:
			v = float64(r.IntN(2_000_000)-1_000_000) / 1000 // on the decimals
		case 2:
			v = (float64(r.IntN(200_000)-100_000) + 0.5) / 100 // halves
		default:
			v = (r.Float64() - 0.5) * 2e6
		}
		check(v)
		check(math.Nextafter(v, math.Inf(1)))
		check(math.Nextafter(v, math.Inf(-1)))
	}
}
