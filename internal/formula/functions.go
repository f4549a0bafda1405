package formula

import (
	"math"
	"strings"
	"time"

	"baocao/internal/msg"
)

// A function gets its arguments unevaluated, so IF and IFERROR evaluate
// only what Excel evaluates.
type function func(c *ctx, args []node) (operand, error)

var functions map[string]function

func init() {
	functions = map[string]function{
		"SUM":         aggregate("SUM", aggSum),
		"AVERAGE":     aggregate("AVERAGE", aggAverage),
		"COUNT":       aggregate("COUNT", aggCount),
		"MIN":         aggregate("MIN", aggMin),
		"MAX":         aggregate("MAX", aggMax),
		"PRODUCT":     aggregate("PRODUCT", aggProduct),
		"COUNTA":      fnCountA,
		"COUNTBLANK":  fnCountBlank,
		"COUNTIF":     fnCountIf,
		"COUNTIFS":    fnCountIfs,
		"SUMIF":       oneIf("SUMIF", aggSum),
		"SUMIFS":      manyIfs("SUMIFS", aggSum),
		"AVERAGEIF":   oneIf("AVERAGEIF", aggAverage),
		"AVERAGEIFS":  manyIfs("AVERAGEIFS", aggAverage),
		"MAXIFS":      manyIfs("MAXIFS", aggMax),
		"MINIFS":      manyIfs("MINIFS", aggMin),
		"SUBTOTAL":    fnSubtotal,
		"LEFT":        fnPart("LEFT"),
		"RIGHT":       fnPart("RIGHT"),
		"MID":         fnPart("MID"),
		"ROW":         place("ROW", true),
		"COLUMN":      place("COLUMN", false),
		"SUMPRODUCT":  fnSumProduct,
		"ROUND":       roundFn("ROUND", roundHalfUp),
		"ROUNDUP":     roundFn("ROUNDUP", roundUp),
		"ROUNDDOWN":   roundFn("ROUNDDOWN", roundDown),
		"INT":         math1("INT", math.Floor),
		"ABS":         math1("ABS", math.Abs),
		"MOD":         fnMod,
		"IF":          fnIf,
		"IFERROR":     fnIfError("IFERROR", false),
		"IFNA":        fnIfError("IFNA", true),
		"AND":         logical("AND", true),
		"OR":          logical("OR", false),
		"NOT":         fnNot,
		"ISBLANK":     fnIsBlank,
		"ISNUMBER":    isKind("ISNUMBER", func(v Value) bool { return v.Kind == Number }),
		"ISTEXT":      isKind("ISTEXT", func(v Value) bool { return v.Kind == Text }),
		"ISERROR":     isKind("ISERROR", func(v Value) bool { return v.Kind == ErrorValue }),
		"ISNA":        isKind("ISNA", func(v Value) bool { return v.Kind == ErrorValue && v.Str == "#N/A" }),
		"LEN":         fnLen,
		"TRIM":        text1("TRIM", trimSpaces),
		"UPPER":       text1("UPPER", strings.ToUpper),
		"LOWER":       text1("LOWER", strings.ToLower),
		"CONCATENATE": fnConcat("CONCATENATE", false),
		"CONCAT":      fnConcat("CONCAT", true),
		"TEXT":        fnText,
		"VALUE":       fnValue,
		"INDEX":       fnIndex,
		"MATCH":       fnMatch,
		"VLOOKUP":     fnVLookup,
		"DATE":        fnDate,
		"YEAR":        datePart("YEAR", 0),
		"MONTH":       datePart("MONTH", 1),
		"DAY":         datePart("DAY", 2),
		"ROWS":        dims("ROWS", true),
		"COLUMNS":     dims("COLUMNS", false),
	}
}

func (c *ctx) arity(name string, args []node, lo, hi int) error {
	if len(args) < lo || hi >= 0 && len(args) > hi {
		want := msg.Sprintf("%d to %d", lo, hi)
		switch {
		case hi < 0:
			want = msg.Sprintf("at least %d", lo)
		case lo == hi:
			want = msg.Sprintf("%d", lo)
		}
		return c.errf(nil, "%s takes %s arguments, not %d", name, want, len(args))
	}
	return nil
}

func (c *ctx) scalarArg(n node) (operand, error) {
	o, err := c.eval(n)
	if err != nil {
		return operand{}, err
	}
	return c.scalar(o)
}

func (c *ctx) numArg(n node) (float64, error) {
	o, err := c.scalarArg(n)
	if err != nil {
		return 0, err
	}
	return c.num(o)
}

func (c *ctx) strArg(n node) (string, error) {
	o, err := c.scalarArg(n)
	if err != nil {
		return "", err
	}
	return c.str(o)
}

func (c *ctx) boolOf(o operand) (bool, error) {
	switch o.v.Kind {
	case Number, Bool:
		return o.v.Num != 0, nil
	case Empty:
		return false, nil
	case ErrorValue:
		return false, xlError(o.v.Str)
	}
	switch strings.ToUpper(o.v.Str) {
	case "TRUE":
		return true, nil
	case "FALSE":
		return false, nil
	}
	return false, errValue
}

func (c *ctx) areaArg(name string, n node) (area, error) {
	o, err := c.eval(n)
	if err != nil {
		return area{}, err
	}
	if o.area == nil {
		return area{}, c.errf(nil, "%s needs a range of cells here, not a value or an array", name)
	}
	return *o.area, nil
}

// textInRange refuses a number typed as text inside a range that SUM,
// COUNT, SUMIF… read: Excel skips it and the total silently lacks it.
func (c *ctx) textInRange(name string, o operand) error {
	if o.v.Kind == Text && o.from != fromNone && looksNumeric(o.v.Str) {
		r := o.src
		verb := msg.Word("holds")
		if o.from == fromFormula {
			verb = msg.Word("gives")
		}
		return c.errf(&r, "%s %s the text %q, which reads as a number, but %s skips text; %s", c.name(r), verb, o.v.Str, name, advice(o))
	}
	return nil
}

type aggKind uint8

const (
	aggSum aggKind = iota
	aggAverage
	aggCount
	aggMin
	aggMax
	aggProduct
)

// aggregate is SUM and its kin. In a range (or a reference) numbers count
// and empty cells, booleans and labels are skipped, as in Excel; a text
// that reads as a number is an error. A value given directly is coerced
// (SUM("3",TRUE) is 4).
func aggregate(name string, kind aggKind) function {
	return func(c *ctx, args []node) (operand, error) {
		if err := c.arity(name, args, 1, 255); err != nil {
			return operand{}, err
		}
		var sum, prod float64 = 0, 1
		n := 0
		lo, hi := math.Inf(1), math.Inf(-1)
		add := func(f float64) {
			n++
			sum = approxAdd(sum, f)
			prod *= f
			lo, hi = math.Min(lo, f), math.Max(hi, f)
		}
		inRange := func(o operand) error {
			switch o.v.Kind {
			case Number:
				add(o.v.Num)
			case ErrorValue:
				if kind != aggCount {
					return xlError(o.v.Str)
				}
			case Text:
				return c.textInRange(name, o)
			}
			return nil
		}
		for _, a := range args {
			o, err := c.eval(a)
			if err != nil {
				return operand{}, err
			}
			var ranged bool
			ranged, err = c.eachValue(o, inRange)
			switch {
			case ranged:
			case o.v.Kind == Empty:
				if kind != aggCount {
					add(0)
				}
			default:
				var f float64
				if f, err = c.num(o); err == nil {
					add(f)
				} else if kind == aggCount {
					if _, ok := err.(*Error); !ok {
						err = nil // COUNT skips what is not a number
					}
				}
			}
			if err != nil {
				return done(Value{}, err)
			}
		}
		switch kind {
		case aggSum:
			return val(num(sum)), nil
		case aggAverage:
			if n == 0 {
				return val(errVal("#DIV/0!")), nil
			}
			return val(num(sum / float64(n))), nil
		case aggCount:
			return val(num(float64(n))), nil
		case aggMin, aggMax, aggProduct:
			if n == 0 {
				return val(num(0)), nil
			}
		}
		switch kind {
		case aggMin:
			return val(num(lo)), nil
		case aggMax:
			return val(num(hi)), nil
		}
		return val(num(prod)), nil
	}
}

func fnCountA(c *ctx, args []node) (operand, error) {
	if err := c.arity("COUNTA", args, 1, 255); err != nil {
		return operand{}, err
	}
	n := 0
	for _, a := range args {
		if _, empty := a.(emptyNode); empty {
			continue
		}
		o, err := c.eval(a)
		if err != nil {
			return operand{}, err
		}
		ranged, err := c.eachValue(o, func(v operand) error {
			if v.v.Kind != Empty {
				n++
			}
			return nil
		})
		if err != nil {
			return operand{}, err
		}
		if !ranged {
			n++
		}
	}
	return val(num(float64(n))), nil
}

func fnCountBlank(c *ctx, args []node) (operand, error) {
	if err := c.arity("COUNTBLANK", args, 1, 1); err != nil {
		return operand{}, err
	}
	a, err := c.areaArg("COUNTBLANK", args[0])
	if err != nil {
		return operand{}, err
	}
	filled := 0
	err = c.forCells(a, func(_, _ int, v operand) error {
		if v.v.Kind != Empty && !(v.v.Kind == Text && v.v.Str == "") {
			filled++
		}
		return nil
	})
	return done(num(float64(a.cells()-filled)), err)
}

// A criterion of COUNTIF, SUMIF and their kin ("<>", ">=5", "Hà*", 3).
type criterion struct {
	op    string
	kind  Kind // Number, Text, Bool, or Empty for "=" and "<>" with nothing after
	num   float64
	str   string
	blank bool // the criterion "": empty cells and empty texts
}

func (c *ctx) criterion(n node) (criterion, error) {
	o, err := c.scalarArg(n)
	if err != nil {
		return criterion{}, err
	}
	switch o.v.Kind {
	case Number:
		return criterion{op: "=", kind: Number, num: o.v.Num}, nil
	case Bool:
		return criterion{op: "=", kind: Bool, num: o.v.Num}, nil
	case Empty: // an empty criterion cell is 0 (Excel's documentation)
		return criterion{op: "=", kind: Number}, nil
	case ErrorValue:
		return criterion{}, xlError(o.v.Str)
	}
	s := o.v.Str
	if s == "" {
		return criterion{op: "=", blank: true}, nil
	}
	cr := criterion{op: "="}
	for _, op := range []string{"<=", ">=", "<>", "<", ">", "="} {
		if strings.HasPrefix(s, op) {
			cr.op, s = op, s[len(op):]
			break
		}
	}
	if s == "" {
		cr.kind = Empty
		return cr, nil
	}
	if f, ok := parseNumber(s); ok {
		cr.kind, cr.num = Number, f
		return cr, nil
	}
	switch strings.ToUpper(s) {
	case "TRUE":
		cr.kind, cr.num = Bool, 1
		return cr, nil
	case "FALSE":
		cr.kind = Bool
		return cr, nil
	}
	cr.kind, cr.str = Text, s
	return cr, nil
}

func (c *ctx) matches(name string, cr criterion, o operand) (bool, error) {
	v := o.v
	if cr.blank {
		return v.Kind == Empty || v.Kind == Text && v.Str == "", nil
	}
	if cr.kind == Empty {
		if cr.op == "=" {
			return v.Kind == Empty, nil
		}
		return v.Kind != Empty, nil // "<>": anything filled
	}
	if v.Kind == ErrorValue {
		return cr.op == "<>", nil
	}
	if cr.kind == Number && v.Kind == Text {
		if err := c.textInRange(name, o); err != nil {
			return false, err
		}
	}
	same := v.Kind == cr.kind
	if !same {
		return cr.op == "<>", nil
	}
	var k int
	switch cr.kind {
	case Text:
		if cr.op == "=" || cr.op == "<>" {
			m := wildcard(strings.ToLower(cr.str), strings.ToLower(v.Str))
			return m == (cr.op == "="), nil
		}
		k = strings.Compare(strings.ToLower(v.Str), strings.ToLower(cr.str))
	default:
		k = compare(v, num(cr.num))
		if cr.kind == Bool {
			k = compare(num(v.Num), num(cr.num))
		}
	}
	switch cr.op {
	case "=":
		return k == 0, nil
	case "<>":
		return k != 0, nil
	case "<":
		return k < 0, nil
	case ">":
		return k > 0, nil
	case "<=":
		return k <= 0, nil
	}
	return k >= 0, nil
}

// wildcard matches Excel's * and ? (~ escapes them) against s.
func wildcard(pat, s string) bool {
	p := []rune(pat)
	t := []rune(s)
	// Classic backtracking matcher over runes.
	pi, ti, star, mark := 0, 0, -1, 0
	for ti < len(t) {
		if pi < len(p) && p[pi] == '~' && pi+1 < len(p) && (p[pi+1] == '*' || p[pi+1] == '?' || p[pi+1] == '~') {
			if t[ti] == p[pi+1] {
				pi += 2
				ti++
				continue
			}
		} else if pi < len(p) && (p[pi] == '?' || p[pi] == t[ti] && p[pi] != '*') {
			pi++
			ti++
			continue
		} else if pi < len(p) && p[pi] == '*' {
			star, mark = pi, ti
			pi++
			continue
		}
		if star >= 0 {
			pi = star + 1
			mark++
			ti = mark
			continue
		}
		return false
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}

// ifs walks the positions of equally shaped ranges: f gets the position's
// offset when every criterion matches there. Positions past every range's
// used area hold only empty cells; they are counted in blanks without
// being visited, when empty cells match.
func (c *ctx) ifs(name string, ranges []area, crits []criterion, rows, cols int, f func(dr, dc int) error) (blanks int, err error) {
	boxR, boxC := 0, 0
	for _, a := range ranges {
		c1, r1, c2, r2, ok := c.e.clip(a)
		if !ok {
			r := Ref{Sheet: a.sheet, Col: a.c1, Row: a.r1}
			return 0, c.errf(&r, "refers to %s, but the workbook has no sheet %s", a, QuoteSheet(a.sheet))
		}
		boxR, boxC = max(boxR, min(rows, r2-r1+1)), max(boxC, min(cols, c2-c1+1))
	}
	if boxR < 0 || boxC < 0 {
		boxR, boxC = 0, 0
	}
	if err := c.e.cover(c.cell, ranges[0], boxR*boxC*len(ranges)); err != nil {
		return 0, err
	}
	for i := 0; i < boxR; i++ {
		for j := 0; j < boxC; j++ {
			all := true
			for k, a := range ranges {
				o, err := c.cellValue(Ref{Sheet: a.sheet, Col: a.c1 + j, Row: a.r1 + i})
				if err != nil {
					return 0, err
				}
				m, err := c.matches(name, crits[k], o)
				if err != nil {
					return 0, err
				}
				if !m {
					all = false
					break
				}
			}
			if all {
				if err := f(i, j); err != nil {
					return 0, err
				}
			}
		}
	}
	for k := range ranges {
		if m, _ := c.matches(name, crits[k], operand{}); !m {
			return 0, nil
		}
	}
	return rows*cols - boxR*boxC, nil
}

func (c *ctx) countIfs(name string, pairs []node) (operand, error) {
	var ranges []area
	var crits []criterion
	for i := 0; i+1 < len(pairs); i += 2 {
		a, err := c.areaArg(name, pairs[i])
		if err != nil {
			return operand{}, err
		}
		cr, err := c.criterion(pairs[i+1])
		if err != nil {
			return done(Value{}, err)
		}
		if len(ranges) > 0 && (a.rows() != ranges[0].rows() || a.cols() != ranges[0].cols()) {
			return val(errVal("#VALUE!")), nil
		}
		ranges, crits = append(ranges, a), append(crits, cr)
	}
	n := 0
	blanks, err := c.ifs(name, ranges, crits, ranges[0].rows(), ranges[0].cols(), func(int, int) error { n++; return nil })
	return done(num(float64(n+blanks)), err)
}

func fnCountIf(c *ctx, args []node) (operand, error) {
	if err := c.arity("COUNTIF", args, 2, 2); err != nil {
		return operand{}, err
	}
	return c.countIfs("COUNTIF", args)
}

func fnCountIfs(c *ctx, args []node) (operand, error) {
	if err := c.arity("COUNTIFS", args, 2, 254); err != nil {
		return operand{}, err
	}
	if len(args)%2 != 0 {
		return operand{}, c.errf(nil, "COUNTIFS takes pairs of a range and a criterion")
	}
	return c.countIfs("COUNTIFS", args)
}

// condAgg adds (kind aggSum), averages, or takes the least or greatest of
// the numbers of sum at the positions the criteria select.
func (c *ctx) condAgg(name string, kind aggKind, sum area, pairs []node) (operand, error) {
	var ranges []area
	var crits []criterion
	for i := 0; i+1 < len(pairs); i += 2 {
		a, err := c.areaArg(name, pairs[i])
		if err != nil {
			return operand{}, err
		}
		cr, err := c.criterion(pairs[i+1])
		if err != nil {
			return done(Value{}, err)
		}
		if a.rows() != sum.rows() || a.cols() != sum.cols() {
			return val(errVal("#VALUE!")), nil
		}
		ranges, crits = append(ranges, a), append(crits, cr)
	}
	total, n := 0.0, 0
	lo, hi := math.Inf(1), math.Inf(-1)
	_, err := c.ifs(name, ranges, crits, sum.rows(), sum.cols(), func(dr, dc int) error {
		o, err := c.cellValue(Ref{Sheet: sum.sheet, Col: sum.c1 + dc, Row: sum.r1 + dr})
		if err != nil {
			return err
		}
		switch o.v.Kind {
		case Number:
			total = approxAdd(total, o.v.Num)
			n++
			lo, hi = math.Min(lo, o.v.Num), math.Max(hi, o.v.Num)
		case ErrorValue:
			return xlError(o.v.Str)
		case Text:
			return c.textInRange(name, o)
		}
		return nil
	})
	switch {
	case err != nil:
		return done(Value{}, err)
	case kind == aggAverage && n == 0:
		return val(errVal("#DIV/0!")), nil
	case kind == aggAverage:
		return val(num(total / float64(n))), nil
	case (kind == aggMin || kind == aggMax) && n == 0:
		return val(num(0)), nil
	case kind == aggMin:
		return val(num(lo)), nil
	case kind == aggMax:
		return val(num(hi)), nil
	}
	return val(num(total)), nil
}

// oneIf is SUMIF and AVERAGEIF: (range, criterion, [range to add]).
func oneIf(name string, kind aggKind) function {
	return func(c *ctx, args []node) (operand, error) {
		if err := c.arity(name, args, 2, 3); err != nil {
			return operand{}, err
		}
		rng, err := c.areaArg(name, args[0])
		if err != nil {
			return operand{}, err
		}
		sum := rng
		if len(args) == 3 {
			if _, empty := args[2].(emptyNode); !empty {
				s, err := c.areaArg(name, args[2])
				if err != nil {
					return operand{}, err
				}
				// Excel takes the range to add from its top-left cell, shaped as the range.
				sum = area{sheet: s.sheet, c1: s.c1, r1: s.r1, c2: s.c1 + rng.cols() - 1, r2: s.r1 + rng.rows() - 1}
			}
		}
		return c.condAgg(name, kind, sum, args[:2])
	}
}

// manyIfs is SUMIFS, AVERAGEIFS, MAXIFS, MINIFS: (range, pairs…).
func manyIfs(name string, kind aggKind) function {
	return func(c *ctx, args []node) (operand, error) {
		if err := c.arity(name, args, 3, 255); err != nil {
			return operand{}, err
		}
		if len(args)%2 != 1 {
			return operand{}, c.errf(nil, "%s takes a range and pairs of a range and a criterion", name)
		}
		sum, err := c.areaArg(name, args[0])
		if err != nil {
			return operand{}, err
		}
		return c.condAgg(name, kind, sum, args[1:])
	}
}

// fnSubtotal is SUBTOTAL for the functions 1–6 and 9. It leaves out the
// cells of its ranges that hold a SUBTOTAL themselves, as Excel does, so
// a table's subtotal rows are not counted twice. The 101–111 forms leave
// out hidden rows, which the Source does not tell: they are refused
// rather than guessed.
func fnSubtotal(c *ctx, args []node) (operand, error) {
	if err := c.arity("SUBTOTAL", args, 2, 255); err != nil {
		return operand{}, err
	}
	f, err := c.numArg(args[0])
	if err != nil {
		return done(Value{}, err)
	}
	kinds := map[int]aggKind{1: aggAverage, 2: aggCount, 4: aggMax, 5: aggMin, 6: aggProduct, 9: aggSum}
	code := int(f)
	kind, ok := kinds[code]
	if !ok && code != 3 {
		if code > 100 {
			return operand{}, c.unsup("SUBTOTAL(%d, …) leaves out hidden rows, which is not supported (use SUBTOTAL(%d, …) or SUM)", code, code-100)
		}
		return operand{}, c.unsup("SUBTOTAL(%d, …) is not supported (1–6 and 9 are)", code)
	}
	for _, a := range args[1:] {
		if _, ref := a.(refNode); !ref {
			return operand{}, c.errf(nil, "SUBTOTAL needs references to ranges")
		}
	}
	c.skipSubtotal = true
	defer func() { c.skipSubtotal = false }()
	if code == 3 {
		return fnCountA(c, args[1:])
	}
	return aggregate("SUBTOTAL", kind)(c, args[1:])
}

func isSubtotal(formula string) bool {
	return strings.Contains(strings.ToUpper(formula), "SUBTOTAL(")
}

// fnPart is LEFT, RIGHT and MID, counting characters (Vietnamese letters
// are one character each in NFC).
func fnPart(name string) function {
	return func(c *ctx, args []node) (operand, error) {
		lo, hi := 1, 2
		if name == "MID" {
			lo, hi = 3, 3
		}
		if err := c.arity(name, args, lo, hi); err != nil {
			return operand{}, err
		}
		s, err := c.strArg(args[0])
		if err != nil {
			return done(Value{}, err)
		}
		r := []rune(s)
		nums := []float64{1}
		for _, a := range args[1:] {
			if _, empty := a.(emptyNode); empty {
				nums = append(nums, 0)
				continue
			}
			f, err := c.numArg(a)
			if err != nil {
				return done(Value{}, err)
			}
			nums = append(nums, math.Trunc(f))
		}
		if len(args) == 2 {
			nums = nums[1:]
		}
		var start, n int
		switch name {
		case "LEFT":
			start, n = 0, int(nums[0])
		case "RIGHT":
			n = int(nums[0])
			start = len(r) - n
		case "MID":
			if nums[1] < 1 {
				return val(errVal("#VALUE!")), nil
			}
			start, n = int(nums[1])-1, int(nums[2])
		}
		if n < 0 {
			return val(errVal("#VALUE!")), nil
		}
		start = max(0, min(start, len(r)))
		end := min(len(r), start+n)
		return val(text(string(r[start:end]))), nil
	}
}

// place is ROW and COLUMN: of the reference given, or of the formula's cell.
func place(name string, row bool) function {
	return func(c *ctx, args []node) (operand, error) {
		if err := c.arity(name, args, 0, 1); err != nil {
			return operand{}, err
		}
		r, k := c.cell.Row, c.cell.Col
		if len(args) == 1 {
			a, err := c.areaArg(name, args[0])
			if err != nil {
				return operand{}, err
			}
			if a.cells() > 1 && (row && a.rows() > 1 || !row && a.cols() > 1) {
				return operand{}, c.unsup("%s of a range of several cells gives an array, which is not supported", name)
			}
			r, k = a.r1, a.c1
		}
		if row {
			return val(num(float64(r))), nil
		}
		return val(num(float64(k))), nil
	}
}

// fnSumProduct multiplies equally shaped arrays element by element and adds
// the products. As in Excel, what is not a number counts as 0 (TRUE too:
// hence --(A1:A5>0)), but a number typed as text is an error.
func fnSumProduct(c *ctx, args []node) (operand, error) {
	if err := c.arity("SUMPRODUCT", args, 1, 255); err != nil {
		return operand{}, err
	}
	var arrs []*array
	for _, a := range args {
		o, err := c.eval(a)
		if err != nil {
			return operand{}, err
		}
		arr, err := c.toArray(o)
		if err != nil {
			return operand{}, err
		}
		if len(arrs) > 0 && (arr.rows != arrs[0].rows || arr.cols != arrs[0].cols) {
			return val(errVal("#VALUE!")), nil
		}
		arrs = append(arrs, arr)
	}
	total := 0.0
	for i := range arrs[0].el {
		p := 1.0
		for _, arr := range arrs {
			o := arr.el[i]
			switch o.v.Kind {
			case Number:
				p *= o.v.Num
			case ErrorValue:
				return val(o.v), nil
			case Text:
				if err := c.textInRange("SUMPRODUCT", o); err != nil {
					return operand{}, err
				}
				p = 0
			default:
				p = 0
			}
		}
		total = approxAdd(total, p)
	}
	return val(num(total)), nil
}

func roundFn(name string, mode roundMode) function {
	return func(c *ctx, args []node) (operand, error) {
		if err := c.arity(name, args, 2, 2); err != nil {
			return operand{}, err
		}
		x, err := c.numArg(args[0])
		if err != nil {
			return done(Value{}, err)
		}
		d, err := c.numArg(args[1])
		if err != nil {
			return done(Value{}, err)
		}
		if math.Abs(d) > 400 {
			return val(errVal("#NUM!")), nil
		}
		return val(num(roundDecimal(x, int(d), mode))), nil
	}
}

func math1(name string, f func(float64) float64) function {
	return func(c *ctx, args []node) (operand, error) {
		if err := c.arity(name, args, 1, 1); err != nil {
			return operand{}, err
		}
		x, err := c.numArg(args[0])
		return done(num(f(x)), err)
	}
}

func fnMod(c *ctx, args []node) (operand, error) {
	if err := c.arity("MOD", args, 2, 2); err != nil {
		return operand{}, err
	}
	x, err := c.numArg(args[0])
	if err != nil {
		return done(Value{}, err)
	}
	y, err := c.numArg(args[1])
	if err != nil {
		return done(Value{}, err)
	}
	if y == 0 {
		return val(errVal("#DIV/0!")), nil
	}
	r := x - y*math.Floor(x/y)
	if approxEqual(r, y) {
		r = 0
	}
	return val(num(r)), nil
}

func fnIf(c *ctx, args []node) (operand, error) {
	if err := c.arity("IF", args, 2, 3); err != nil {
		return operand{}, err
	}
	cond, err := c.scalarArg(args[0])
	if err != nil {
		return operand{}, err
	}
	b, err := c.boolOf(cond)
	if err != nil {
		return done(Value{}, err)
	}
	branch := 1
	if !b {
		branch = 2
	}
	if branch >= len(args) {
		return val(boolean(false)), nil // =IF(FALSE,1) is FALSE
	}
	if _, empty := args[branch].(emptyNode); empty {
		return val(num(0)), nil
	}
	return c.eval(args[branch])
}

func fnIfError(name string, naOnly bool) function {
	return func(c *ctx, args []node) (operand, error) {
		if err := c.arity(name, args, 2, 2); err != nil {
			return operand{}, err
		}
		o, err := c.eval(args[0])
		if err != nil {
			return operand{}, err // a refusal is not an Excel error: IFERROR does not hide it
		}
		if !o.isMulti() {
			if o, err = c.scalar(o); err != nil {
				return operand{}, err
			}
			if o.v.Kind == ErrorValue && (!naOnly || o.v.Str == "#N/A") {
				if _, empty := args[1].(emptyNode); empty {
					return val(num(0)), nil
				}
				return c.eval(args[1])
			}
		}
		return o, nil
	}
}

func logical(name string, isAnd bool) function {
	return func(c *ctx, args []node) (operand, error) {
		if err := c.arity(name, args, 1, 255); err != nil {
			return operand{}, err
		}
		res, seen := isAnd, false
		take := func(b bool) {
			seen = true
			if isAnd {
				res = res && b
			} else {
				res = res || b
			}
		}
		inRange := func(o operand) error {
			switch o.v.Kind {
			case Number, Bool:
				take(o.v.Num != 0)
			case ErrorValue:
				return xlError(o.v.Str)
			}
			return nil
		}
		for _, a := range args {
			o, err := c.eval(a)
			if err != nil {
				return operand{}, err
			}
			if ranged, e := c.eachValue(o, inRange); ranged {
				err = e
			} else {
				var b bool
				if b, err = c.boolOf(o); err == nil {
					take(b)
				}
			}
			if err != nil {
				return done(Value{}, err)
			}
		}
		if !seen {
			return val(errVal("#VALUE!")), nil
		}
		return val(boolean(res)), nil
	}
}

func fnNot(c *ctx, args []node) (operand, error) {
	if err := c.arity("NOT", args, 1, 1); err != nil {
		return operand{}, err
	}
	o, err := c.scalarArg(args[0])
	if err != nil {
		return operand{}, err
	}
	b, err := c.boolOf(o)
	return done(boolean(!b), err)
}

func fnIsBlank(c *ctx, args []node) (operand, error) {
	if err := c.arity("ISBLANK", args, 1, 1); err != nil {
		return operand{}, err
	}
	o, err := c.eval(args[0])
	if err != nil {
		return operand{}, err
	}
	if o.area == nil {
		return val(boolean(false)), nil // a value, even "", is not a blank cell
	}
	s, err := c.scalar(o)
	if err != nil {
		return operand{}, err
	}
	return val(boolean(s.v.Kind == Empty)), nil
}

// isKind is ISNUMBER and its kin: they look at a value as it is, so
// ISNUMBER of the text "22" is FALSE, as the user asks.
func isKind(name string, f func(Value) bool) function {
	return func(c *ctx, args []node) (operand, error) {
		if err := c.arity(name, args, 1, 1); err != nil {
			return operand{}, err
		}
		o, err := c.scalarArg(args[0])
		if err != nil {
			return operand{}, err
		}
		return val(boolean(f(o.v))), nil
	}
}

func fnLen(c *ctx, args []node) (operand, error) {
	if err := c.arity("LEN", args, 1, 1); err != nil {
		return operand{}, err
	}
	s, err := c.strArg(args[0])
	n := 0
	for _, r := range s {
		n++
		if r > 0xFFFF {
			n++ // Excel counts UTF-16 units
		}
	}
	return done(num(float64(n)), err)
}

// trimSpaces is Excel's TRIM: spaces (only U+0020) at both ends dropped,
// runs inside made one.
func trimSpaces(s string) string {
	parts := strings.Split(s, " ")
	out := parts[:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

func text1(name string, f func(string) string) function {
	return func(c *ctx, args []node) (operand, error) {
		if err := c.arity(name, args, 1, 1); err != nil {
			return operand{}, err
		}
		s, err := c.strArg(args[0])
		return done(text(f(s)), err)
	}
}

func fnConcat(name string, ranges bool) function {
	return func(c *ctx, args []node) (operand, error) {
		if err := c.arity(name, args, 1, 255); err != nil {
			return operand{}, err
		}
		var b strings.Builder
		add := func(o operand) error {
			s, err := c.str(o)
			b.WriteString(s)
			return err
		}
		for _, a := range args {
			o, err := c.eval(a)
			if err != nil {
				return operand{}, err
			}
			ranged := false
			if ranges {
				ranged, err = c.eachValue(o, add)
			}
			if !ranged {
				if o, err = c.scalar(o); err == nil {
					err = add(o)
				}
			}
			if err != nil {
				return done(Value{}, err)
			}
		}
		if b.Len() > 32767 {
			return val(errVal("#VALUE!")), nil
		}
		return val(text(b.String())), nil
	}
}

func fnValue(c *ctx, args []node) (operand, error) {
	if err := c.arity("VALUE", args, 1, 1); err != nil {
		return operand{}, err
	}
	o, err := c.scalarArg(args[0])
	if err != nil {
		return operand{}, err
	}
	switch o.v.Kind {
	case Number:
		return val(o.v), nil
	case Empty:
		return val(num(0)), nil
	case ErrorValue, Bool:
		return val(errVal("#VALUE!")), nil
	}
	if f, ok := parseNumber(o.v.Str); ok {
		return val(num(f)), nil
	}
	if s := strings.TrimSpace(o.v.Str); strings.ContainsAny(s, "/:") || looksNumeric(s) {
		return operand{}, c.unsup("VALUE(%q): dates, times and numbers written the Vietnamese way (1.234,5) are not supported in VALUE; type the number in its cell", o.v.Str)
	}
	return val(errVal("#VALUE!")), nil
}

// position reads an INDEX row or column number.
func (c *ctx) position(n node) (int, error) {
	if _, empty := n.(emptyNode); empty {
		return 0, nil
	}
	f, err := c.numArg(n)
	if err != nil {
		return 0, err
	}
	if f < 0 {
		return 0, errValue
	}
	return int(f), nil
}

func fnIndex(c *ctx, args []node) (operand, error) {
	if err := c.arity("INDEX", args, 2, 3); err != nil {
		return operand{}, err
	}
	o, err := c.eval(args[0])
	if err != nil {
		return operand{}, err
	}
	row, err := c.position(args[1])
	if err != nil {
		return done(Value{}, err)
	}
	col := 0
	if len(args) == 3 {
		if col, err = c.position(args[2]); err != nil {
			return done(Value{}, err)
		}
	}
	rows, cols := o.shape()
	if len(args) == 2 && rows == 1 && cols > 1 {
		row, col = 1, row // INDEX(A1:E1,3) is the third column
	}
	if cols == 1 && col == 0 {
		col = 1
	}
	if row > rows || col > cols {
		return val(errVal("#REF!")), nil
	}
	if o.area == nil {
		if o.arr == nil {
			return o, nil
		}
		if row == 0 || col == 0 {
			if rows*cols == 1 {
				return o.arr.el[0], nil
			}
			return operand{}, c.unsup("INDEX with row or column 0 on an array is not supported")
		}
		return o.arr.el[(row-1)*cols+col-1], nil
	}
	a := *o.area
	if row > 0 {
		a.r1, a.r2 = a.r1+row-1, a.r1+row-1
	}
	if col > 0 {
		a.c1, a.c2 = a.c1+col-1, a.c1+col-1
	}
	return operand{area: &a}, nil
}

// lookup finds v in the one-row or one-column area a: mode 0 exact (text
// with wildcards), 1 the last value ≤ v in ascending data, -1 the last ≥ v
// in descending data. It returns the 0-based position, or -1.
func (c *ctx) lookup(name string, v operand, a area, mode int) (int, error) {
	if v.v.Kind == ErrorValue {
		return -1, xlError(v.v.Str)
	}
	if v.v.Kind == Empty {
		v.v = num(0)
	}
	found := -1
	stop := false
	err := c.forCells(a, func(dr, dc int, o operand) error {
		if stop {
			return nil
		}
		i := dr + dc
		if o.v.Kind == Text && v.v.Kind == Number {
			if err := c.textInRange(name, o); err != nil {
				return err
			}
		}
		if o.v.Kind != v.v.Kind {
			return nil
		}
		if mode == 0 {
			if v.v.Kind == Text && wildcard(strings.ToLower(v.v.Str), strings.ToLower(o.v.Str)) ||
				v.v.Kind != Text && compare(o.v, v.v) == 0 {
				found, stop = i, true
			}
			return nil
		}
		k := compare(o.v, v.v)
		if mode > 0 && k <= 0 || mode < 0 && k >= 0 {
			found = i
		} else {
			stop = true
		}
		return nil
	})
	return found, err
}

func fnMatch(c *ctx, args []node) (operand, error) {
	if err := c.arity("MATCH", args, 2, 3); err != nil {
		return operand{}, err
	}
	v, err := c.scalarArg(args[0])
	if err != nil {
		return operand{}, err
	}
	a, err := c.areaArg("MATCH", args[1])
	if err != nil {
		return operand{}, err
	}
	mode := 1.0
	if len(args) == 3 {
		if _, empty := args[2].(emptyNode); !empty {
			if mode, err = c.numArg(args[2]); err != nil {
				return done(Value{}, err)
			}
		}
	}
	if a.rows() > 1 && a.cols() > 1 {
		return val(errVal("#N/A")), nil
	}
	m := 0
	if mode > 0 {
		m = 1
	} else if mode < 0 {
		m = -1
	}
	i, err := c.lookup("MATCH", v, a, m)
	if err != nil {
		return done(Value{}, err)
	}
	if i < 0 {
		return val(errVal("#N/A")), nil
	}
	return val(num(float64(i + 1))), nil
}

func fnVLookup(c *ctx, args []node) (operand, error) {
	if err := c.arity("VLOOKUP", args, 3, 4); err != nil {
		return operand{}, err
	}
	v, err := c.scalarArg(args[0])
	if err != nil {
		return operand{}, err
	}
	t, err := c.areaArg("VLOOKUP", args[1])
	if err != nil {
		return operand{}, err
	}
	colf, err := c.numArg(args[2])
	if err != nil {
		return done(Value{}, err)
	}
	approx := true
	if len(args) == 4 {
		if _, empty := args[3].(emptyNode); empty {
			approx = false // VLOOKUP(x,t,2,) is an exact match
		} else {
			o, err := c.scalarArg(args[3])
			if err != nil {
				return operand{}, err
			}
			if approx, err = c.boolOf(o); err != nil {
				return done(Value{}, err)
			}
		}
	}
	col := int(colf)
	if col < 1 {
		return val(errVal("#VALUE!")), nil
	}
	if col > t.cols() {
		return val(errVal("#REF!")), nil
	}
	first := t
	first.c2 = first.c1
	mode := 0
	if approx {
		mode = 1
	}
	i, err := c.lookup("VLOOKUP", v, first, mode)
	if err != nil {
		return done(Value{}, err)
	}
	if i < 0 {
		return val(errVal("#N/A")), nil
	}
	return c.cellValue(Ref{Sheet: t.sheet, Col: t.c1 + col - 1, Row: t.r1 + i})
}

func dims(name string, rows bool) function {
	return func(c *ctx, args []node) (operand, error) {
		if err := c.arity(name, args, 1, 1); err != nil {
			return operand{}, err
		}
		o, err := c.eval(args[0])
		if err != nil {
			return operand{}, err
		}
		r, k := o.shape()
		if rows {
			return val(num(float64(r))), nil
		}
		return val(num(float64(k))), nil
	}
}

// Excel's serial dates: 1 is 1900-01-01, and 60 is the 1900-02-29 that
// never was (Lotus 1-2-3's leap-year bug, kept by Excel), so serials from
// 61 on count days from 1899-12-30. In the 1904 system 0 is 1904-01-01.
var (
	epoch1900 = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	epoch1904 = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
)

func (c *ctx) serial(t time.Time) (float64, error) {
	if t.Year() > 9999 {
		return 0, errNum
	}
	if c.e.opt.Date1904 {
		d := t.Sub(epoch1904).Hours() / 24
		if d < 0 {
			return 0, errNum
		}
		return math.Round(d), nil
	}
	d := math.Round(t.Sub(epoch1900).Hours() / 24)
	if d < 61 {
		d-- // before the phantom 1900-02-29
	}
	if d < 1 {
		return 0, errNum
	}
	return d, nil
}

func (c *ctx) civil(serial float64) (y, m, d int, err error) {
	if serial < 0 || serial >= 2958466 {
		return 0, 0, 0, errNum
	}
	s := math.Floor(serial)
	if c.e.opt.Date1904 {
		t := epoch1904.AddDate(0, 0, int(s))
		return t.Year(), int(t.Month()), t.Day(), nil
	}
	switch {
	case s == 0:
		return 1900, 1, 0, nil // Excel's "0 January 1900"
	case s == 60:
		return 1900, 2, 29, nil
	case s < 60:
		s++
	}
	t := epoch1900.AddDate(0, 0, int(s))
	return t.Year(), int(t.Month()), t.Day(), nil
}

func fnDate(c *ctx, args []node) (operand, error) {
	if err := c.arity("DATE", args, 3, 3); err != nil {
		return operand{}, err
	}
	var p [3]int
	for i, a := range args {
		f, err := c.numArg(a)
		if err != nil {
			return done(Value{}, err)
		}
		p[i] = int(math.Trunc(f))
	}
	y := p[0]
	if y >= 0 && y < 1900 {
		y += 1900
	}
	if y < 0 || y > 9999 {
		return val(errVal("#NUM!")), nil
	}
	t := time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, p[1]-1, p[2]-1)
	s, err := c.serial(t)
	return done(num(s), err)
}

func datePart(name string, part int) function {
	return func(c *ctx, args []node) (operand, error) {
		if err := c.arity(name, args, 1, 1); err != nil {
			return operand{}, err
		}
		f, err := c.numArg(args[0])
		if err != nil {
			return done(Value{}, err)
		}
		y, m, d, err := c.civil(f)
		return done(num(float64([3]int{y, m, d}[part])), err)
	}
}
