package vnfmt

import (
	"math"
	"strconv"
	"strings"

	"baocao/internal/msg"
)

// Separators from Luật Kế toán 2015 Điều 11 and CLDR vi.
const (
	decimalSep = ","
	groupSep   = "."
	minusSign  = "-" // CLDR vi uses U+002D, not U+2212.
)

// Texts for values that have no digits; CLDR vi uses "NaN" and "∞".
const (
	nanText = "NaN"
	infText = "∞"
)

// sigDigits is how many significant digits survive from a float64. Fifteen
// is the most that every float64 holds exactly (DBL_DIG), so anything beyond
// is arithmetic noise from sums and products, never something a user typed.
const sigDigits = 15

// maxExactInt is 2^53: integral floats below it are exact and printed in
// full, so a 16-digit total is not rounded to 15 digits.
const maxExactInt = 1 << 53

// ErrZeroWhole is returned by [Ratio] when the whole is zero.
var ErrZeroWhole = msg.Errorf("vnfmt: ratio of a zero whole")

// decimal is a non-negative decimal number: digits × 10^(point-len(digits)).
// point is how many digits stand before the decimal comma; it may be zero,
// negative (0,00ddd) or beyond len(digits) (ddd000).
type decimal struct {
	digits []byte // ASCII digits, no leading zeros; empty means zero
	point  int
}

// toDecimal reduces a finite, positive float to the decimal a human most
// likely meant.
func toDecimal(x float64) decimal {
	if x == math.Trunc(x) && x < maxExactInt {
		s := strconv.FormatFloat(x, 'f', 0, 64)
		return decimal{digits: []byte(s), point: len(s)}
	}
	// 'e' with sigDigits-1 decimals gives exactly sigDigits significant
	// digits, correctly rounded from the binary value: "6.18883000000000e+01".
	s := strconv.FormatFloat(x, 'e', sigDigits-1, 64)
	mant, exp, _ := strings.Cut(s, "e")
	e, _ := strconv.Atoi(exp)
	digits := []byte(mant[:1] + mant[2:])
	for len(digits) > 1 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
	}
	return decimal{digits: digits, point: e + 1}
}

// round keeps n decimal places, half away from zero (half up on a
// magnitude). Looking only at the first dropped digit is exact here because
// the digits are already the decimal value, not a binary approximation.
func (d decimal) round(n int) decimal {
	keep := d.point + n
	switch {
	case keep >= len(d.digits):
		return d
	case keep < 0:
		return decimal{}
	case keep == 0:
		if d.digits[0] >= '5' {
			return decimal{digits: []byte{'1'}, point: d.point + 1}
		}
		return decimal{}
	}
	out := append([]byte(nil), d.digits[:keep]...)
	if d.digits[keep] >= '5' {
		i := len(out) - 1
		for ; i >= 0 && out[i] == '9'; i-- {
			out[i] = '0'
		}
		if i < 0 {
			out = append([]byte{'1'}, out...)
			d.point++
		} else {
			out[i]++
		}
	}
	for len(out) > 0 && out[len(out)-1] == '0' {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return decimal{}
	}
	return decimal{digits: out, point: d.point}
}

// digitAt returns the digit at index i of the infinite zero-padded expansion.
func (d decimal) digitAt(i int) byte {
	if i >= 0 && i < len(d.digits) {
		return d.digits[i]
	}
	return '0'
}

// format renders the decimal with n places, grouped integer part.
func (d decimal) format(n int, neg bool) string {
	var b strings.Builder
	b.Grow(d.point + d.point/3 + n + 3)
	if neg && len(d.digits) > 0 {
		b.WriteString(minusSign)
	}
	if d.point <= 0 {
		b.WriteByte('0')
	} else {
		for i := 0; i < d.point; i++ {
			if i > 0 && (d.point-i)%3 == 0 {
				b.WriteString(groupSep)
			}
			b.WriteByte(d.digitAt(i))
		}
	}
	if n > 0 {
		b.WriteString(decimalSep)
		for i := d.point; i < d.point+n; i++ {
			b.WriteByte(d.digitAt(i))
		}
	}
	return b.String()
}

// nonFinite returns the text for NaN and the infinities.
func nonFinite(x float64) (string, bool) {
	switch {
	case math.IsNaN(x):
		return nanText, true
	case math.IsInf(x, 1):
		return infText, true
	case math.IsInf(x, -1):
		return minusSign + infText, true
	}
	return "", false
}

// MaxDecimals is the most decimal places Number prints. A float64 holds at
// most 17 significant digits, so further places are zeros; the bound keeps
// a mistyped "chu_so: 1000000000" from building a gigabyte of them.
const MaxDecimals = 20

// Number formats x with exactly decimals places, rounded half away from zero
// on its decimal value: Number(1.005, 2) == "1,01", Number(57286, 0) ==
// "57.286". A value that rounds to zero has no sign. A negative decimals is
// treated as 0, more than MaxDecimals as MaxDecimals. NaN gives "NaN" and
// ±Inf gives "∞" / "-∞".
func Number(x float64, decimals int) string {
	if s, ok := nonFinite(x); ok {
		return s
	}
	decimals = min(max(decimals, 0), MaxDecimals)
	neg := x < 0
	if neg {
		x = -x
	}
	var d decimal
	if x != 0 {
		d = toDecimal(x).round(decimals)
	}
	return d.format(decimals, neg)
}

// Auto formats x like [Number] with at most maxDecimals places and drops
// trailing zeros, and the comma with them: Auto(13.8, 4) == "13,8",
// Auto(19, 2) == "19". Use it where the source value's own precision should
// show (scores, indicator values), and Number where a column needs aligned
// decimals.
func Auto(x float64, maxDecimals int) string {
	s := Number(x, maxDecimals)
	if strings.Contains(s, decimalSep) {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, decimalSep)
	}
	return s
}

// Percent formats x, already a percentage, with decimals places and a "%"
// that follows without a space (CLDR vi): Percent(99.4812, 2) == "99,48%".
// NaN and the infinities get no sign.
func Percent(x float64, decimals int) string {
	if s, ok := nonFinite(x); ok {
		return s
	}
	return Number(x, decimals) + "%"
}

// Ratio formats part/whole as a percentage: Ratio(3797, 4771, 2) ==
// "79,58%". It fails when whole is zero or either operand is not finite, so
// a report never shows "NaN%" or "∞%".
func Ratio(part, whole float64, decimals int) (string, error) {
	if whole == 0 {
		return "", ErrZeroWhole
	}
	// Multiplying first keeps integer counts exact until the one division.
	p := part * 100 / whole
	if math.IsNaN(p) || math.IsInf(p, 0) {
		return "", msg.Errorf("vnfmt: ratio of non-finite values")
	}
	return Percent(p, decimals), nil
}

// Int formats an integer with thousands grouped: Int(1234567) ==
// "1.234.567". Not for years or document numbers, which are never grouped.
func Int(n int) string {
	if n < 0 {
		// Via uint64 so math.MinInt does not overflow on negation.
		return minusSign + groupDigits(strconv.FormatUint(uint64(-(n+1))+1, 10))
	}
	return groupDigits(strconv.Itoa(n))
}

// Pad formats a count for running text: 1–9 get a leading zero ("08 tiêu
// chí"), 0 stays "0", negatives are not padded, and 10 and above are grouped
// ("1.234"). ND 30 requires the zero only for document numbers and dates, but
// its own text ("lập 02 bản") and the seed reports pad counts the same way.
func Pad(n int) string {
	if n >= 1 && n <= 9 {
		return "0" + strconv.Itoa(n)
	}
	return Int(n)
}

// groupDigits inserts the group separator into a string of digits.
func groupDigits(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(groupSep)
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
