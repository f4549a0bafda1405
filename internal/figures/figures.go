// Package figures evaluates derived figures (chỉ tiêu): named expressions
// over a dataset's facts and tables, defined once in a template's data
// contract and used by the body, the footnotes and the checks, so that
// they cannot disagree.
//
// The language is small on purpose: numbers, "strings" (table and column
// names), names (facts and other chỉ tiêu), + − × ÷ (+ - * /), parentheses,
// comparisons (= <> < > <= >=, giving 1 or 0), and functions:
//
//	tong("Bảng", "Cột")        the column's total by its kind (flows summed,
//	                           stocks first or last, sums of parts, rates
//	                           recomputed); alias total
//	cong("Bảng", "Cột")        the plain sum; alias sum
//	dau / cuoi("Bảng", "Cột")  the first / last row; alias first / last
//	dem("Bảng")                the number of rows; alias count
//	nho_nhat / lon_nhat("Bảng", "Cột")   min / max over rows; alias min / max
//	ty_le(a, b)                a / b; alias ratio
//	phan_tram(a, b)            a / b × 100; alias percent
//	lam_tron(x; n)             rounded half away from zero to n decimals,
//	                           on the decimal value (2,675 → 2,68); alias round
//
// Every table function takes an optional last argument, a condition over
// the row in which [Cột] is that row's cell and [khoa] its key:
// cong("TTHC", "Quá hạn", [Năm] >= 2023); a text cell compares with a
// "text" by = or <>, as names match: dem("Đơn vị", [Xếp loại] = "Tốt"). Arguments are separated by ";"
// or by a comma followed by a space: a comma between digits is a decimal
// comma (0,5). A blank cell counts 0, text
// where a number is due is an error naming the cell, and a division by 0
// is an error, never a silent 0.
package figures

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"baocao/internal/dataset"
	"baocao/internal/msg"
)

// Env is what an expression reads: facts and other figures by name, and
// tables.
type Env interface {
	// Name returns the number a name stands for (a fact, another figure).
	Name(name string) (float64, error)
	Table(name string) (*dataset.Table, error)
}

// Expr is a parsed expression.
type Expr struct {
	src  string
	root node
}

// String is the expression's source.
func (e *Expr) String() string { return e.src }

// Names lists the names the expression reads, in order, once each.
func (e *Expr) Names() []string {
	var out []string
	seen := map[string]bool{}
	walk(e.root, func(n node) {
		if id, ok := n.(ident); ok && !seen[string(id)] {
			seen[string(id)] = true
			out = append(out, string(id))
		}
	})
	return out
}

// Columns lists the (table, column) pairs the expression's table
// functions name, for checking them against a contract.
func (e *Expr) Columns() [][2]string {
	var out [][2]string
	walk(e.root, func(n node) {
		c, ok := n.(call)
		if !ok || len(c.args) == 0 {
			return
		}
		t, ok := c.args[0].(str)
		if !ok || !tableFunc[canonical(c.name)] {
			return
		}
		if len(c.args) > 1 {
			if col, ok := c.args[1].(str); ok {
				out = append(out, [2]string{string(t), string(col)})
				return
			}
		}
		out = append(out, [2]string{string(t), ""})
	})
	return out
}

// Eval evaluates the expression in env.
func (e *Expr) Eval(env Env) (float64, error) {
	v, err := eval(e.root, env, nil)
	if err != nil {
		return 0, msg.Errorf("%s: %w", e.src, err)
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, msg.Errorf("%s: the result is not a finite number", e.src)
	}
	return v, nil
}

type (
	node   interface{}
	num    float64
	str    string
	ident  string
	colRef string // [Cột] inside a condition
	unary  struct {
		op string
		x  node
	}
	binary struct {
		op   string
		x, y node
	}
	call struct {
		name string
		args []node
	}
)

func walk(n node, f func(node)) {
	f(n)
	switch v := n.(type) {
	case unary:
		walk(v.x, f)
	case binary:
		walk(v.x, f)
		walk(v.y, f)
	case call:
		for _, a := range v.args {
			walk(a, f)
		}
	}
}

var aliases = map[string]string{
	"total": "tong", "sum": "cong", "first": "dau", "last": "cuoi", "count": "dem", "min": "nho_nhat", "max": "lon_nhat",
	"ratio": "ty_le", "percent": "phan_tram", "round": "lam_tron",
}

var tableFunc = map[string]bool{"tong": true, "cong": true, "dau": true, "cuoi": true, "dem": true, "nho_nhat": true, "lon_nhat": true}

func canonical(name string) string {
	name = strings.ToLower(name)
	if a, ok := aliases[name]; ok {
		return a
	}
	return name
}

// maxDepth bounds nesting, so that a hostile expression cannot exhaust
// the stack; real ones nest a few levels.
const maxDepth = 64

// Parse reads an expression.
func Parse(src string) (*Expr, error) {
	p := &parser{src: src}
	p.next()
	root, err := p.expr(0, 0)
	if err != nil {
		return nil, err
	}
	if p.tok.kind != tEOF {
		return nil, p.errorf("unexpected %q", p.tok.text)
	}
	return &Expr{src: src, root: root}, nil
}

type tokKind int

const (
	tEOF tokKind = iota
	tNum
	tStr
	tIdent
	tCol
	tOp
)

type token struct {
	kind tokKind
	text string
	pos  int
}

type parser struct {
	src string
	pos int
	tok token
	err error
}

// errorf's format is a key of the msg catalogue.
func (p *parser) errorf(format string, args ...any) error {
	return msg.Errorf("%q, at character %d: %s", p.src, p.tok.pos+1, msg.Sprintf(format, args...))
}

func (p *parser) next() {
	s := p.src
	for p.pos < len(s) && (s[p.pos] == ' ' || s[p.pos] == '\t' || s[p.pos] == '\n' || s[p.pos] == '\r') {
		p.pos++
	}
	start := p.pos
	if p.pos >= len(s) {
		p.tok = token{tEOF, "", start}
		return
	}
	c := s[p.pos]
	switch {
	case c >= '0' && c <= '9' || c == '.' && p.pos+1 < len(s) && isDigit(s[p.pos+1]):
		// A comma or dot between digits is a decimal separator (0,5 or
		// 0.5); a comma followed by anything else separates arguments.
		for p.pos < len(s) && (isDigit(s[p.pos]) || (s[p.pos] == '.' || s[p.pos] == ',') && p.pos+1 < len(s) && isDigit(s[p.pos+1])) {
			p.pos++
		}
		p.tok = token{tNum, s[start:p.pos], start}
	case c == '"':
		end := strings.IndexByte(s[p.pos+1:], '"')
		if end < 0 {
			p.tok = token{tOp, "\"", start}
			p.err = msg.Errorf("%q: a text opened at character %d is not closed", s, start+1)
			p.pos = len(s)
			return
		}
		p.tok = token{tStr, s[p.pos+1 : p.pos+1+end], start}
		p.pos += end + 2
	case c == '[':
		end := strings.IndexByte(s[p.pos+1:], ']')
		if end < 0 {
			p.err = msg.Errorf("%q: a column opened by [ at character %d is not closed", s, start+1)
			p.tok = token{tOp, "[", start}
			p.pos = len(s)
			return
		}
		p.tok = token{tCol, strings.TrimSpace(s[p.pos+1 : p.pos+1+end]), start}
		p.pos += end + 2
	case strings.HasPrefix(s[p.pos:], "<=") || strings.HasPrefix(s[p.pos:], ">=") || strings.HasPrefix(s[p.pos:], "<>"):
		p.pos += 2
		p.tok = token{tOp, s[start:p.pos], start}
	case strings.ContainsRune("+-*/()<>=;,", rune(c)):
		p.pos++
		p.tok = token{tOp, s[start:p.pos], start}
	default:
		r, size := utf8.DecodeRuneInString(s[p.pos:])
		if !unicode.IsLetter(r) && r != '_' {
			p.tok = token{tOp, string(r), start}
			p.pos += size
			return
		}
		for p.pos < len(s) {
			r, size := utf8.DecodeRuneInString(s[p.pos:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
				break
			}
			p.pos += size
		}
		p.tok = token{tIdent, s[start:p.pos], start}
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

var prec = map[string]int{"=": 1, "<>": 1, "<": 1, ">": 1, "<=": 1, ">=": 1, "+": 2, "-": 2, "*": 3, "/": 3}

func (p *parser) expr(minPrec, depth int) (node, error) {
	if depth > maxDepth {
		return nil, p.errorf("nested too deep")
	}
	x, err := p.operand(depth)
	if err != nil {
		return nil, err
	}
	for {
		if p.err != nil {
			return nil, p.err
		}
		op := p.tok.text
		pr, ok := prec[op]
		if p.tok.kind != tOp || !ok || pr <= minPrec {
			return x, nil
		}
		p.next()
		y, err := p.expr(pr, depth+1)
		if err != nil {
			return nil, err
		}
		x = binary{op, x, y}
	}
}

func (p *parser) operand(depth int) (node, error) {
	if p.err != nil {
		return nil, p.err
	}
	t := p.tok
	switch t.kind {
	case tNum:
		p.next()
		x, ok := parseNumber(t.text)
		if !ok {
			return nil, msg.Errorf("%q, at character %d: %q is not a number (write 0,5 or 0.5; no thousands separator)", p.src, t.pos+1, t.text)
		}
		return num(x), nil
	case tStr:
		p.next()
		return str(t.text), nil
	case tCol:
		p.next()
		return colRef(t.text), nil
	case tIdent:
		p.next()
		if p.tok.kind == tOp && p.tok.text == "(" {
			p.next()
			var args []node
			for !(p.tok.kind == tOp && p.tok.text == ")") {
				a, err := p.expr(0, depth+1)
				if err != nil {
					return nil, err
				}
				args = append(args, a)
				if p.tok.kind == tOp && (p.tok.text == ";" || p.tok.text == ",") {
					p.next()
					continue
				}
				if !(p.tok.kind == tOp && p.tok.text == ")") {
					return nil, p.errorf("expected \",\" or \")\" in the arguments of %s", t.text)
				}
			}
			p.next()
			return call{t.text, args}, nil
		}
		return ident(t.text), nil
	case tOp:
		switch t.text {
		case "(":
			p.next()
			x, err := p.expr(0, depth+1)
			if err != nil {
				return nil, err
			}
			if !(p.tok.kind == tOp && p.tok.text == ")") {
				return nil, p.errorf("expected \")\"")
			}
			p.next()
			return x, nil
		case "-", "+":
			p.next()
			x, err := p.operand(depth + 1)
			if err != nil {
				return nil, err
			}
			return unary{t.text, x}, nil
		}
	case tEOF:
		return nil, p.errorf("the expression ends too early")
	}
	return nil, p.errorf("unexpected %q", t.text)
}

// parseNumber reads 2, 0.5 or 0,5 (one decimal separator, no grouping:
// "1.234" in an expression would be ambiguous).
func parseNumber(s string) (float64, bool) {
	if strings.Count(s, ".")+strings.Count(s, ",") > 1 {
		return 0, false
	}
	x, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	return x, err == nil
}

// row is the row a condition is evaluated on.
type row struct {
	t *dataset.Table
	r *dataset.Row
}

func eval(n node, env Env, at *row) (float64, error) {
	switch v := n.(type) {
	case num:
		return float64(v), nil
	case str:
		return 0, msg.Errorf("the text %q stands where a number is expected", string(v))
	case ident:
		return env.Name(string(v))
	case colRef:
		if at == nil {
			return 0, msg.Errorf("[%s] names a column of a row, and is only meaningful in a condition of a table function", string(v))
		}
		if dataset.FoldKey(string(v)) == "khoa" || dataset.FoldKey(string(v)) == dataset.FoldKey(at.t.Key) {
			x, ok := parseNumber(strings.TrimSpace(at.r.Key))
			if !ok {
				return 0, msg.Errorf("the key %q of sheet %q is not a number", at.r.Key, at.t.Sheet)
			}
			return x, nil
		}
		return at.r.NumOrZero(string(v))
	case unary:
		x, err := eval(v.x, env, at)
		if v.op == "-" {
			x = -x
		}
		return x, err
	case binary:
		if _, cmp := prec[v.op]; cmp && prec[v.op] == 1 {
			if a, okA := textOf(v.x, at); okA {
				if b, okB := textOf(v.y, at); okB {
					return compareText(v.op, a, b)
				}
			}
		}
		x, err := eval(v.x, env, at)
		if err != nil {
			return 0, err
		}
		y, err := eval(v.y, env, at)
		if err != nil {
			return 0, err
		}
		switch v.op {
		case "+":
			return x + y, nil
		case "-":
			return x - y, nil
		case "*":
			return x * y, nil
		case "/":
			if y == 0 {
				return 0, msg.Errorf("division by 0")
			}
			return x / y, nil
		}
		return compare(v.op, x, y), nil
	case call:
		return evalCall(v, env, at)
	}
	return 0, msg.Errorf("unknown expression")
}

// textOf is the text a comparison operand stands for: a "literal", or a
// [column] of the row that holds text (a class such as "Tốt"); ok is
// false for anything numeric.
func textOf(n node, at *row) (string, bool) {
	switch v := n.(type) {
	case str:
		return string(v), true
	case colRef:
		if at == nil {
			return "", false
		}
		cell, err := at.r.Get(string(v))
		if err != nil || cell.Kind != dataset.TextKind {
			return "", false
		}
		return cell.Text, true
	}
	return "", false
}

// compareText compares two texts as names match (case and diacritics
// aside, "Tốt" = "tốt"); only = and <> mean something for texts.
func compareText(op, a, b string) (float64, error) {
	eq := dataset.FoldKey(a) == dataset.FoldKey(b)
	switch op {
	case "=":
		if eq {
			return 1, nil
		}
		return 0, nil
	case "<>":
		if eq {
			return 0, nil
		}
		return 1, nil
	}
	return 0, msg.Errorf("texts compare with = or <> only, not %s (%q %s %q)", op, a, op, b)
}

func compare(op string, x, y float64) float64 {
	if Compare(op, x, y) {
		return 1
	}
	return 0
}

// Compare applies a comparison (= <> < > <= >=) to two figures, equal when
// they differ only by floating-point noise (0,1 + 0,2 = 0,3).
func Compare(op string, x, y float64) bool {
	eq := dataset.Near(x, y)
	var ok bool
	switch op {
	case "=":
		ok = eq
	case "<>":
		ok = !eq
	case "<":
		ok = x < y && !eq
	case ">":
		ok = x > y && !eq
	case "<=":
		ok = x < y || eq
	case ">=":
		ok = x > y || eq
	}
	return ok
}

func evalCall(c call, env Env, at *row) (float64, error) {
	name := canonical(c.name)
	if tableFunc[name] {
		return tableCall(name, c, env)
	}
	args := make([]float64, len(c.args))
	for i, a := range c.args {
		x, err := eval(a, env, at)
		if err != nil {
			return 0, err
		}
		args[i] = x
	}
	need := func(n int) error {
		if len(args) != n {
			return msg.Errorf("%s takes %d arguments, found %d", c.name, n, len(args))
		}
		return nil
	}
	switch name {
	case "ty_le", "phan_tram":
		if err := need(2); err != nil {
			return 0, err
		}
		if args[1] == 0 {
			return 0, msg.Errorf("%s: the denominator is 0", c.name)
		}
		if name == "phan_tram" {
			return args[0] * 100 / args[1], nil
		}
		return args[0] / args[1], nil
	case "lam_tron":
		if err := need(2); err != nil {
			return 0, err
		}
		if args[1] != math.Trunc(args[1]) || args[1] < 0 || args[1] > 15 {
			return 0, msg.Errorf("%s: the number of decimals must be a whole number from 0 to 15", c.name)
		}
		return Round(args[0], int(args[1])), nil
	}
	return 0, msg.Errorf("unknown function %s (known: tong, cong, dau, cuoi, dem, nho_nhat, lon_nhat, ty_le, phan_tram, lam_tron)", c.name)
}

func tableCall(name string, c call, env Env) (float64, error) {
	want := 2
	if name == "dem" {
		want = 1
	}
	if len(c.args) != want && len(c.args) != want+1 {
		if want == 1 {
			return 0, msg.Errorf("%s takes the table and, optionally, a condition", c.name)
		}
		return 0, msg.Errorf("%s takes the table and the column and, optionally, a condition", c.name)
	}
	tname, ok := c.args[0].(str)
	if !ok {
		return 0, msg.Errorf("%s: the table is named in quotes: %s(\"TTHC\", …)", c.name, c.name)
	}
	t, err := env.Table(string(tname))
	if err != nil {
		return 0, err
	}
	col := ""
	if want == 2 {
		cs, ok := c.args[1].(str)
		if !ok {
			return 0, msg.Errorf("%s: the column is named in quotes: %s(\"%s\", \"Cột\")", c.name, c.name, tname)
		}
		col = string(cs)
		if _, err := t.Column(col); err != nil {
			return 0, err
		}
	}
	rows := t.Rows
	if len(c.args) == want+1 {
		rows = nil
		for _, r := range t.Rows {
			ok, err := eval(c.args[want], env, &row{t, r})
			if err != nil {
				return 0, msg.Errorf("the condition on row %q: %w", r.Key, err)
			}
			if ok != 0 {
				rows = append(rows, r)
			}
		}
	}
	switch name {
	case "dem":
		return float64(len(rows)), nil
	case "tong":
		v, ok, err := t.Total(rows, col)
		if err == nil && !ok {
			err = msg.Errorf("column %q of sheet %q has no total (text, or a rate over 0)", col, t.Sheet)
		}
		return v, err
	case "cong":
		return dataset.Sum(rows, col)
	case "dau", "cuoi":
		if len(rows) == 0 {
			if name == "dau" {
				return 0, msg.Errorf("sheet %q has no row to take the first of", t.Sheet)
			}
			return 0, msg.Errorf("sheet %q has no row to take the last of", t.Sheet)
		}
		r := rows[0]
		if name == "cuoi" {
			r = rows[len(rows)-1]
		}
		return r.NumOrZero(col)
	}
	// nho_nhat, lon_nhat
	if len(rows) == 0 {
		return 0, msg.Errorf("sheet %q has no row for %s", t.Sheet, c.name)
	}
	best := 0.0
	for i, r := range rows {
		x, err := r.NumOrZero(col)
		if err != nil {
			return 0, err
		}
		if i == 0 || name == "nho_nhat" && x < best || name == "lon_nhat" && x > best {
			best = x
		}
	}
	return best, nil
}

// Round rounds x half away from zero to n decimals on its decimal value
// (the 15 significant digits a spreadsheet shows), so 2,675 gives 2,68 as
// Excel's ROUND does, not the 2,67 of its binary value.
func Round(x float64, n int) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(x, 'g', 15, 64))
	if !ok {
		return x
	}
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil))
	r.Mul(r, scale)
	half := big.NewRat(1, 2)
	if r.Sign() < 0 {
		r.Sub(r, half)
	} else {
		r.Add(r, half)
	}
	q := new(big.Int).Quo(r.Num(), r.Denom()) // truncates toward zero
	out, _ := new(big.Rat).Quo(new(big.Rat).SetInt(q), scale).Float64()
	return out
}

// Of is the Env of a dataset: a name is a derived figure already computed
// (Dataset.Derived) or a fact holding a number.
func Of(ds *dataset.Dataset) Env { return dsEnv{ds} }

type dsEnv struct{ ds *dataset.Dataset }

func (e dsEnv) Name(name string) (float64, error) {
	if d, ok := e.ds.Derived[name]; ok {
		if d.Err != nil {
			return 0, msg.Errorf("chỉ tiêu %s could not be computed: %w", name, d.Err)
		}
		return d.Value, nil
	}
	v, err := e.ds.Fact(name)
	if err != nil {
		return 0, err
	}
	return v.Float()
}

func (e dsEnv) Table(name string) (*dataset.Table, error) { return e.ds.Table(name) }
