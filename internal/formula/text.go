package formula

import (
	"strconv"
	"strings"
)

// looksLikeRef reports whether a sheet name would read as a cell reference
// or a boolean (A1, XFD1048576, TRUE), and so needs quotes.
func looksLikeRef(name string) bool {
	if _, end, ok := parseAddr(name, 0); ok && end == len(name) {
		return true
	}
	switch strings.ToUpper(name) {
	case "TRUE", "FALSE":
		return true
	}
	// R1C1-style names (R, C, R1C1) are references in Excel's other notation.
	u := strings.ToUpper(name)
	if u == "R" || u == "C" {
		return true
	}
	if u[0] == 'R' || u[0] == 'C' {
		rest := strings.TrimLeft(u[1:], "0123456789")
		if rest == "" || rest[0] == 'C' && strings.Trim(rest[1:], "0123456789") == "" {
			return true
		}
	}
	return false
}

func fnText(c *ctx, args []node) (operand, error) {
	if err := c.arity("TEXT", args, 2, 2); err != nil {
		return operand{}, err
	}
	o, err := c.scalarArg(args[0])
	if err != nil {
		return operand{}, err
	}
	code, err := c.strArg(args[1])
	if err != nil {
		return done(Value{}, err)
	}
	if o.v.Kind == Text && code == "@" {
		return val(o.v), nil
	}
	if o.v.Kind == Text && !looksNumeric(o.v.Str) {
		return val(o.v), nil // TEXT leaves a label as it is
	}
	f, err := c.num(o)
	if err != nil {
		return done(Value{}, err)
	}
	s, ok := c.formatNumber(f, code)
	if !ok {
		return operand{}, c.unsup("TEXT with the format %q is not supported (supported: 0, 0.00, #,##0, 0%%, 0.0%%, dd/mm/yyyy and the like)", code)
	}
	return val(text(s)), nil
}

// formatNumber is TEXT's formatting for the codes indicator workbooks use:
// digit placeholders (0 #) with a decimal point, thousands commas, a
// percent sign, literal text around them, and day/month/year dates. The
// result uses Excel's en-US separators (TEXT(1234.5,"#,##0.0") is
// "1,234.5"), as the format code itself is written.
func (c *ctx) formatNumber(f float64, code string) (string, bool) {
	if strings.EqualFold(code, "General") || code == "@" {
		return numberText(f), true
	}
	if strings.Contains(code, ";") {
		return "", false
	}
	type part struct {
		lit  string
		spec string // a run of placeholders, or a date token
	}
	var parts []part
	isDate := false
	for i := 0; i < len(code); {
		ch := code[i]
		switch {
		case ch == '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return "", false
			}
			parts = append(parts, part{lit: code[i+1 : i+1+j]})
			i += j + 2
		case ch == '\\' && i+1 < len(code):
			parts = append(parts, part{lit: code[i+1 : i+2]})
			i += 2
		case ch == '0' || ch == '#' || ch == '.' && i+1 < len(code) && (code[i+1] == '0' || code[i+1] == '#') || ch == ',' && len(parts) > 0 && parts[len(parts)-1].spec != "" && !isDate:
			j := i
			for j < len(code) && strings.IndexByte("0#.,", code[j]) >= 0 {
				j++
			}
			parts = append(parts, part{spec: code[i:j]})
			i = j
		case ch == 'd' || ch == 'D' || ch == 'm' || ch == 'M' || ch == 'y' || ch == 'Y':
			j := i
			for j < len(code) && (code[j]|0x20) == (ch|0x20) {
				j++
			}
			parts = append(parts, part{spec: strings.ToLower(code[i:j])})
			isDate = true
			i = j
		case ch == '%':
			parts = append(parts, part{spec: "%"})
			i++
		case strings.IndexByte(" /-.:,()+$", ch) >= 0:
			parts = append(parts, part{lit: code[i : i+1]})
			i++
		default:
			return "", false
		}
	}
	var b strings.Builder
	if isDate {
		y, m, d, err := c.civil(f)
		if err != nil {
			return "", false
		}
		for _, p := range parts {
			switch p.spec {
			case "":
				b.WriteString(p.lit)
			case "d":
				b.WriteString(strconv.Itoa(d))
			case "dd":
				b.WriteString(pad2(d))
			case "m":
				b.WriteString(strconv.Itoa(m))
			case "mm":
				b.WriteString(pad2(m))
			case "yy":
				b.WriteString(pad2(y % 100))
			case "yyyy":
				b.WriteString(strconv.Itoa(y))
			default:
				return "", false // names of days and months, times
			}
		}
		return b.String(), true
	}
	spec, pct := "", 0
	for _, p := range parts {
		switch {
		case p.spec == "%":
			pct++
		case p.spec != "":
			if spec != "" {
				return "", false
			}
			spec = p.spec
		}
	}
	if spec == "" {
		return "", false
	}
	for range pct {
		f *= 100
	}
	intSpec, fracSpec, _ := strings.Cut(spec, ".")
	if strings.Contains(fracSpec, ",") || strings.Contains(fracSpec, ".") || strings.HasSuffix(intSpec, ",") {
		return "", false // thousands scaling
	}
	group := strings.Contains(intSpec, ",")
	minInt := strings.Count(intSpec, "0")
	minFrac := len(strings.TrimRight(fracSpec, "#"))
	if strings.Contains(strings.TrimRight(fracSpec, "#"), "#") {
		return "", false
	}
	r := roundDecimal(f, len(fracSpec), roundHalfUp)
	neg := r < 0
	s := strconv.FormatFloat(abs(r), 'f', len(fracSpec), 64)
	ip, fp, _ := strings.Cut(s, ".")
	if ip == "0" && minInt == 0 {
		ip = ""
	}
	for len(ip) < minInt {
		ip = "0" + ip
	}
	if group {
		ip = groupThousands(ip)
	}
	for len(fp) > minFrac && strings.HasSuffix(fp, "0") {
		fp = fp[:len(fp)-1]
	}
	num := ip
	if strings.Contains(spec, ".") {
		num += "." + fp
	}
	if neg {
		b.WriteByte('-')
	}
	for _, p := range parts {
		switch {
		case p.spec == "%":
			b.WriteByte('%')
		case p.spec != "":
			b.WriteString(num)
		default:
			b.WriteString(p.lit)
		}
	}
	return b.String(), true
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func groupThousands(s string) string {
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	lead := len(s) % 3
	if lead > 0 {
		b.WriteString(s[:lead])
	}
	for i := lead; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}
