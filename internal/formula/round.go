package formula

import (
	"math"
	"strconv"
	"strings"
)

type roundMode uint8

const (
	roundHalfUp roundMode = iota // half away from zero: ROUND
	roundUp                      // away from zero: ROUNDUP
	roundDown                    // toward zero: ROUNDDOWN
)

// roundDecimal rounds x to digits decimals (negative: to tens, hundreds…)
// on its decimal value, as Excel does: x is first taken to 15 significant
// digits, so ROUND(2.675, 2) is 2.68 although the binary 2.675 is
// 2.67499999…, and the rounding is half away from zero, not float's
// half-to-even. It works on the decimal digits because no float operation
// gives that answer for every x.
func roundDecimal(x float64, digits int, mode roundMode) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	neg := x < 0
	s := strconv.FormatFloat(math.Abs(x), 'e', 14, 64) // d.dddddddddddddde±XX
	mant, expText, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expText)
	ds := []byte(strings.Replace(mant, ".", "", 1)) // 15 digits, value 0.ds × 10^(exp+1)
	keep := exp + 1 + digits                        // digits kept
	if keep >= len(ds) {
		v, _ := strconv.ParseFloat(s, 64)
		if neg {
			return -v
		}
		return v
	}
	up := false
	if keep >= 0 {
		rest := ds[keep:]
		switch mode {
		case roundHalfUp:
			up = rest[0] >= '5'
		case roundUp:
			up = strings.Trim(string(rest), "0") != ""
		}
		ds = ds[:keep]
	} else {
		up = mode == roundUp
		ds = ds[:0]
	}
	// The kept digits as an integer, times 10^(exp+1-keep) = 10^-digits.
	var n float64
	for _, d := range ds {
		n = n*10 + float64(d-'0')
	}
	if up {
		n++
	}
	v, _ := strconv.ParseFloat(strconv.FormatFloat(n, 'f', 0, 64)+"e"+strconv.Itoa(-digits), 64)
	if neg {
		return -v
	}
	return v
}
