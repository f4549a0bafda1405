package vnfmt

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// sum adds at run time; a constant expression would be exact and hide the
// float64 noise the tests need.
func sum(xs ...float64) float64 {
	var s float64
	for _, x := range xs {
		s += x
	}
	return s
}

func TestNumber(t *testing.T) {
	// The eight sub-index scores of seed 000 summed in this order give
	// 61.888299999999994; in row order the sum happens to be exact.
	noisy := sum(3, 19, 6, 2.52, 3, 8.61, 13.8, 5.9583)
	if noisy != 61.888299999999994 {
		t.Fatalf("test premise: sum = %.17g, want float noise", noisy)
	}
	tests := []struct {
		x    float64
		d    int
		want string
	}{
		{0, 0, "0"},
		{0, 2, "0,00"},
		{math.Copysign(0, -1), 2, "0,00"},
		{0.005, 2, "0,01"},
		{1.005, 2, "1,01"},
		{2.675, 2, "2,68"},
		{-0.005, 2, "-0,01"},
		{-1.005, 2, "-1,01"},
		{61.8883, 2, "61,89"},
		{noisy, 4, "61,8883"},
		{noisy, 2, "61,89"},
		{noisy, 10, "61,8883000000"},
		{sum(0.1, 0.2), 2, "0,30"},
		{sum(0.1, 0.2), 16, "0,3000000000000000"},
		{sum(1.1, 2.2), 1, "3,3"}, // 3.3000000000000003
		{-0.001, 2, "0,00"},
		{-0.4, 0, "0"},
		{-0.5, 0, "-1"},
		{0.5, 0, "1"},
		{1.5, 0, "2"},
		{2.5, 0, "3"},
		{0.05, 1, "0,1"},
		{0.045, 2, "0,05"},
		{0.0449, 2, "0,04"},
		{57286, 0, "57.286"},
		{26380, 0, "26.380"},
		{1000000, 0, "1.000.000"},
		{1000000, 2, "1.000.000,00"},
		{999.5, 0, "1.000"},
		{999.49, 0, "999"},
		{9.995, 2, "10,00"},
		{99999.95, 1, "100.000,0"},
		{-999999.5, 0, "-1.000.000"},
		{100, 0, "100"},
		{1000, 0, "1.000"},
		{12345.678, 1, "12.345,7"},
		{1e15, 0, "1.000.000.000.000.000"},
		{1e15, 2, "1.000.000.000.000.000,00"},
		{1234567890123456, 0, "1.234.567.890.123.456"}, // exact integer, 16 digits
		{1e20, 0, "100.000.000.000.000.000.000"},
		{1e-9, 2, "0,00"},
		{1e-9, 9, "0,000000001"},
		{-1e-9, 2, "0,00"},
		{5e-10, 9, "0,000000001"},
		{4.9e-10, 9, "0,000000000"},
		{0.1 + 0.2, 17, "0,30000000000000000"},
		{3.14159, -1, "3"},
		{99.4812, 2, "99,48"},
		{math.MaxFloat64, 0, "179.769.313.486.232" + strings.Repeat(".000", 98)},
		{math.SmallestNonzeroFloat64, 2, "0,00"},
		{math.NaN(), 2, "NaN"},
		{math.Inf(1), 2, "∞"},
		{math.Inf(-1), 2, "-∞"},
	}
	for _, tt := range tests {
		if got := Number(tt.x, tt.d); got != tt.want {
			t.Errorf("Number(%v, %d) = %q, want %q", tt.x, tt.d, got, tt.want)
		}
	}
}

func TestAuto(t *testing.T) {
	tests := []struct {
		x    float64
		d    int
		want string
	}{
		{13.8, 4, "13,8"},
		{19, 4, "19"},
		{5.9583, 4, "5,9583"},
		{57286, 2, "57.286"},
		{16.5, 2, "16,5"},
		{16.50001, 2, "16,5"},
		{61.8883, 2, "61,89"},
		{1.995, 2, "2"},
		{0, 2, "0"},
		{-0.001, 2, "0"},
		{-2.50, 2, "-2,5"},
		{1000000, 3, "1.000.000"},
		{0.1 + 0.2, 10, "0,3"},
		{1e-9, 4, "0"},
		{100, 0, "100"},
		{math.NaN(), 2, "NaN"},
	}
	for _, tt := range tests {
		if got := Auto(tt.x, tt.d); got != tt.want {
			t.Errorf("Auto(%v, %d) = %q, want %q", tt.x, tt.d, got, tt.want)
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		x    float64
		d    int
		want string
	}{
		{99.4812, 2, "99,48%"},
		{100, 0, "100%"},
		{100, 2, "100,00%"},
		{0, 2, "0,00%"},
		{-12.345, 1, "-12,3%"},
		{-0.004, 2, "0,00%"},
		{1234.5, 1, "1.234,5%"},
		{math.NaN(), 2, "NaN"},
		{math.Inf(1), 2, "∞"},
	}
	for _, tt := range tests {
		if got := Percent(tt.x, tt.d); got != tt.want {
			t.Errorf("Percent(%v, %d) = %q, want %q", tt.x, tt.d, got, tt.want)
		}
	}
}

func TestRatio(t *testing.T) {
	tests := []struct {
		part, whole float64
		d           int
		want        string
	}{
		{3797, 4771, 2, "79,58%"},
		{8, 9, 2, "88,89%"},
		{1, 3, 2, "33,33%"},
		{2, 3, 2, "66,67%"},
		{1, 8, 1, "12,5%"},
		{1, 200, 0, "1%"}, // 0,5 rounds away from zero
		{0, 5, 2, "0,00%"},
		{5, 5, 0, "100%"},
		{-1, 4, 0, "-25%"},
		{7, 3, 1, "233,3%"},
	}
	for _, tt := range tests {
		got, err := Ratio(tt.part, tt.whole, tt.d)
		if err != nil || got != tt.want {
			t.Errorf("Ratio(%v, %v, %d) = %q, %v; want %q", tt.part, tt.whole, tt.d, got, err, tt.want)
		}
	}
	if _, err := Ratio(3, 0, 2); !errors.Is(err, ErrZeroWhole) {
		t.Errorf("Ratio(3, 0) error = %v, want ErrZeroWhole", err)
	}
	if _, err := Ratio(0, 0, 2); !errors.Is(err, ErrZeroWhole) {
		t.Errorf("Ratio(0, 0) error = %v, want ErrZeroWhole", err)
	}
	for _, c := range [][2]float64{{math.NaN(), 1}, {math.Inf(1), 1}, {1, math.NaN()}, {1e308, 1e-10}} {
		if s, err := Ratio(c[0], c[1], 2); err == nil {
			t.Errorf("Ratio(%v, %v) = %q, want an error", c[0], c[1], s)
		}
	}
}

func TestPadAndInt(t *testing.T) {
	pad := []struct {
		n    int
		want string
	}{
		{0, "0"}, {1, "01"}, {8, "08"}, {9, "09"}, {10, "10"}, {99, "99"},
		{999, "999"}, {1000, "1.000"}, {1234, "1.234"}, {1234567, "1.234.567"},
		{-1, "-1"}, {-9, "-9"}, {-1234, "-1.234"},
		{math.MaxInt64, "9.223.372.036.854.775.807"},
		{math.MinInt64, "-9.223.372.036.854.775.808"},
	}
	for _, tt := range pad {
		if got := Pad(tt.n); got != tt.want {
			t.Errorf("Pad(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
	ints := []struct {
		n    int
		want string
	}{
		{0, "0"}, {7, "7"}, {57286, "57.286"}, {-57286, "-57.286"}, {100000, "100.000"},
	}
	for _, tt := range ints {
		if got := Int(tt.n); got != tt.want {
			t.Errorf("Int(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

var numberShape = regexp.MustCompile(`^-?(0|[1-9][0-9]{0,2}(\.[0-9]{3})*)(,[0-9]+)?$`)

func FuzzNumber(f *testing.F) {
	for _, x := range []float64{0, 0.005, 1.005, 2.675, -0.005, 61.8883, 999.5, 1e15, 1e-9, -1e300, 123456.789} {
		f.Add(x, uint8(2))
	}
	f.Fuzz(func(t *testing.T, x float64, d uint8) {
		decimals := int(d % 12)
		s := Number(x, decimals)
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return
		}
		if !numberShape.MatchString(s) {
			t.Fatalf("Number(%v, %d) = %q: malformed", x, decimals, s)
		}
		if s[0] == '-' && strings.Trim(s, "-0.,") == "" {
			t.Fatalf("Number(%v, %d) = %q: negative zero", x, decimals, s)
		}
		frac := 0
		if i := strings.Index(s, ","); i >= 0 {
			frac = len(s) - i - 1
		}
		if frac != decimals {
			t.Fatalf("Number(%v, %d) = %q: %d decimals", x, decimals, s, frac)
		}
		back, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", "."), 64)
		if err != nil {
			t.Fatalf("Number(%v, %d) = %q: %v", x, decimals, s, err)
		}
		// Half a unit in the last place shown, plus what the reduction to
		// 15 significant digits and the parse back may move.
		tol := 0.5*math.Pow(10, -float64(decimals)) + math.Abs(x)*1e-14
		if math.Abs(back-x) > tol*(1+1e-9) {
			t.Fatalf("Number(%v, %d) = %q: off by %g (tolerance %g)", x, decimals, s, math.Abs(back-x), tol)
		}
		a := Auto(x, decimals)
		if !strings.HasPrefix(s, a) && !(a == "0" && strings.Trim(s, "-0.,") == "") {
			t.Fatalf("Auto(%v, %d) = %q not a prefix of Number %q", x, decimals, a, s)
		}
	})
}

func BenchmarkNumber(b *testing.B) {
	xs := []float64{61.888299999999994, 57286, 0.005, 1234567.891, -2.675}
	for i := 0; b.Loop(); i++ {
		_ = Number(xs[i%len(xs)], 2)
	}
}

// TestNumberBoundedDecimals: a huge decimals count (chu_so: 1000000000 in
// a template's files) prints MaxDecimals places instead of building a
// gigabyte of zeros.
func TestNumberBoundedDecimals(t *testing.T) {
	for _, d := range []int{MaxDecimals, MaxDecimals + 1, 1_000_000_000, int(^uint(0) >> 1)} {
		got := Number(1.5, d)
		if want := "1,5" + strings.Repeat("0", MaxDecimals-1); got != want {
			t.Errorf("Number(1.5, %d) = %q, want %q", d, got, want)
		}
	}
	if got := Percent(12.5, 1_000_000_000); len(got) > 40 {
		t.Errorf("Percent with 1e9 decimals = %q", got)
	}
}
