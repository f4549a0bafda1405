package formula

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"baocao/internal/a1"
	"baocao/internal/msg"
)

// How evaluation works: a formula cell is evaluated only after every
// formula cell its references cover (clipped to the sheet's used area) has
// been, so evaluating an expression never recurses into another cell. The
// cells waiting on their dependencies live on an explicit stack
// (Evaluator.stack), which is how a chain of 100,000 cells referring to one
// another is evaluated without growing the Go stack, and how a circular
// reference is seen: a dependency already on the stack closes a cycle.
// Dependencies are collected from the whole formula, both branches of an IF
// included, as Excel's own dependency tree does, so =IF(FALSE,B18,0) in B18
// is circular in Excel and here.

type cellState uint8

const (
	stBusy cellState = iota + 1
	stDone
)

type key struct {
	sheet    string
	col, row int
}

type entry struct {
	state cellState
	frame int // index in the stack while busy
	v     Value
	err   error
}

type frame struct {
	ref     Ref
	en      *entry
	node    node
	deps    []Ref
	i       int
	cycle   []Ref // the cycle this cell is on, if any, from cycleAt
	cycleAt int
	err     error
}

func (e *Evaluator) key(r Ref) key {
	f, ok := e.folds[r.Sheet]
	if !ok {
		f = strings.ToLower(r.Sheet) // Excel's sheet names are case-insensitive
		e.folds[r.Sheet] = f
	}
	return key{f, r.Col, r.Row}
}

func (e *Evaluator) eval(r Ref) (Value, error) {
	if r.Col < 1 || r.Col > maxCol || r.Row < 1 || r.Row > maxRow {
		return Value{}, errAt(r, nil, "not a cell of a worksheet")
	}
	en := e.run(r)
	if en.state != stDone {
		return Value{}, errAt(r, nil, "circular reference: %s is being evaluated", r.String())
	}
	return en.v, en.err
}

// run evaluates cell root and everything it depends on, and returns its
// entry (done, or busy when root is already being evaluated further down).
func (e *Evaluator) run(root Ref) *entry {
	if en := e.memo[e.key(root)]; en != nil {
		return en
	}
	base := len(e.stack)
	en := e.push(root)
	for len(e.stack) > base {
		f := &e.stack[len(e.stack)-1]
		if f.i < len(f.deps) {
			d := f.deps[f.i]
			f.i++
			de := e.memo[e.key(d)]
			switch {
			case de == nil:
				if len(e.stack) >= MaxDepth {
					f.err = e.limitErr(errAt(f.ref, nil, "more than %d formula cells wait on one another in a chain", MaxDepth))
					f.i = len(f.deps)
					continue
				}
				e.push(d)
			case de.state == stBusy:
				e.markCycle(de.frame)
			}
			continue
		}
		e.finish(len(e.stack) - 1)
		e.stack = e.stack[:len(e.stack)-1]
	}
	return en
}

// push records cell r: a constant or a missing sheet is done at once, a
// formula is parsed and goes on the stack with its dependencies.
func (e *Evaluator) push(r Ref) *entry {
	en := &entry{}
	e.memo[e.key(r)] = en
	f, v, ok := e.src.Cell(r)
	if !ok {
		en.state, en.err = stDone, errAt(r, nil, "the workbook has no sheet %s", QuoteSheet(r.Sheet))
		return en
	}
	if f == "" {
		en.state, en.v = stDone, v
		return en
	}
	en.state, en.frame = stBusy, len(e.stack)
	fr := frame{ref: r, en: en}
	if n, err := parse(f); err != nil {
		pe := errAt(r, nil, "cannot read the formula =%s: %v", f, err)
		pe.unsupported = true
		fr.err = pe
	} else {
		fr.node = n
		fr.deps, fr.err = e.deps(r, n, nil)
	}
	e.stack = append(e.stack, fr)
	return en
}

// deps appends to out the formula cells, not yet evaluated, that n's
// references cover.
func (e *Evaluator) deps(cell Ref, n node, out []Ref) ([]Ref, error) {
	var err error
	switch n := n.(type) {
	case refNode:
		a := resolve(cell, n.refTok)
		c1, r1, c2, r2, ok := e.clip(a)
		if !ok {
			return out, nil // the error is met when the reference is read
		}
		if cells := (c2 - c1 + 1) * (r2 - r1 + 1); c2 >= c1 && r2 >= r1 {
			if err := e.cover(cell, a, cells); err != nil {
				return out, err
			}
		}
		for row := r1; row <= r2; row++ {
			for col := c1; col <= c2; col++ {
				d := Ref{Sheet: a.sheet, Col: col, Row: row}
				if f, _, _ := e.src.Cell(d); f != "" {
					if en := e.memo[e.key(d)]; en == nil || en.state != stDone {
						out = append(out, d)
					}
				}
			}
		}
	case unaryNode:
		return e.deps(cell, n.x, out)
	case pctNode:
		return e.deps(cell, n.x, out)
	case binNode:
		if out, err = e.deps(cell, n.l, out); err != nil {
			return out, err
		}
		return e.deps(cell, n.r, out)
	case callNode:
		switch n.name {
		case "ROW", "COLUMN", "ROWS", "COLUMNS", "ISREF":
			return out, nil // they read a reference's place, not its cells
		}
		for _, a := range n.args {
			if out, err = e.deps(cell, a, out); err != nil {
				return out, err
			}
		}
	}
	return out, nil
}

// cover counts the work of visiting cells cells of area a.
func (e *Evaluator) cover(cell Ref, a area, cells int) error {
	if cells > e.opt.MaxRangeCells {
		return errAt(cell, nil, "the range %s covers %d used cells, more than the limit of %d (Options.MaxRangeCells)", a.String(), cells, e.opt.MaxRangeCells)
	}
	return e.step(cell, cells)
}

func (e *Evaluator) step(cell Ref, n int) error {
	if e.limit != nil {
		return e.limit
	}
	e.steps += n
	if e.steps > e.opt.MaxSteps {
		return e.limitErr(errAt(cell, nil, "evaluating the workbook takes more than %d steps (Options.MaxSteps)", e.opt.MaxSteps))
	}
	return nil
}

// limitErr is err, a limit reached; the first one reached stays the root
// of those that follow.
func (e *Evaluator) limitErr(err *Error) *Error {
	if e.limit == nil {
		e.limit = &Error{Cell: err.Cell, Reason: err.Reason, text: err.text}
	}
	err.root = e.limit
	return err
}

// markCycle marks the frames from index i to the top, which depend on one
// another in turn, the top one on frame i: a cycle. The frames share one
// path, each with its own starting point.
func (e *Evaluator) markCycle(i int) {
	path := make([]Ref, 0, len(e.stack)-i)
	for j := i; j < len(e.stack); j++ {
		path = append(path, e.stack[j].ref)
	}
	for j := i; j < len(e.stack); j++ {
		if e.stack[j].cycle == nil {
			e.stack[j].cycle, e.stack[j].cycleAt = path, j-i
		}
	}
}

// cycleText is the cycle starting at path[at], back to it: B3 → C3 → B3.
// A long cycle is shortened in the middle.
func cycleText(cell Ref, path []Ref, at int) msg.Text {
	n := len(path) + 1
	var b, tail strings.Builder
	for i := 0; i < n; i++ {
		if n > 12 && i == 8 {
			i = n - 3
			for ; i < n; i++ {
				tail.WriteString(" → ")
				tail.WriteString(cycleRef(cell, path[(at+i)%len(path)]))
			}
			return msg.Sprintf("%s → … (%d more cells)%s", b.String(), n-11, tail.String())
		}
		if i > 0 {
			b.WriteString(" → ")
		}
		b.WriteString(cycleRef(cell, path[(at+i)%len(path)]))
	}
	return msg.Sprintf("%s", b.String())
}

func cycleRef(cell, r Ref) string {
	if strings.EqualFold(r.Sheet, cell.Sheet) {
		r.Sheet = ""
	}
	return r.String()
}

// finish evaluates the frame at index i, whose dependencies are done.
func (e *Evaluator) finish(i int) {
	f := e.stack[i] // a copy: evaluation may grow the stack
	var v Value
	var err error
	switch {
	case f.cycle != nil:
		dep := f.cycle[(f.cycleAt+1)%len(f.cycle)]
		err = errAt(f.ref, &dep, "circular reference %s (a formula that depends on its own cell has no value; Excel would show 0)", cycleText(f.ref, f.cycle, f.cycleAt))
	case f.err != nil:
		err = f.err
	default:
		c := &ctx{e: e, cell: f.ref}
		v, err = c.top(f.node)
	}
	f.en.state, f.en.v, f.en.err = stDone, v, err
}

// A reference resolved against the formula's cell.
type area struct {
	sheet          string
	c1, r1, c2, r2 int
}

func (a area) String() string {
	s := a1.Column(a.c1) + strconv.Itoa(a.r1)
	if a.c1 != a.c2 || a.r1 != a.r2 {
		s += ":" + a1.Column(a.c2) + strconv.Itoa(a.r2)
	}
	return QuoteSheet(a.sheet) + "!" + s
}

func (a area) rows() int  { return a.r2 - a.r1 + 1 }
func (a area) cols() int  { return a.c2 - a.c1 + 1 }
func (a area) cells() int { return a.rows() * a.cols() }

func resolve(cell Ref, t refTok) area {
	a := area{sheet: cell.Sheet, c1: t.c1, r1: t.r1, c2: t.c2, r2: t.r2}
	if t.hasSheet {
		a.sheet = t.sheet
	}
	switch t.kind {
	case refCols:
		a.r1, a.r2 = 1, maxRow
	case refRows:
		a.c1, a.c2 = 1, maxCol
	}
	if a.c1 > a.c2 {
		a.c1, a.c2 = a.c2, a.c1
	}
	if a.r1 > a.r2 {
		a.r1, a.r2 = a.r2, a.r1
	}
	return a
}

// clip limits a to its sheet's used area; ok is false when the sheet does
// not exist. The result may be empty (c2 < c1 or r2 < r1).
func (e *Evaluator) clip(a area) (c1, r1, c2, r2 int, ok bool) {
	mc, mr, ok := e.src.Used(a.sheet)
	if !ok {
		return 0, 0, 0, 0, false
	}
	return a.c1, a.r1, min(a.c2, mc), min(a.r2, mr), true
}

// The evaluation of one formula.
type ctx struct {
	e            *Evaluator
	cell         Ref
	skipSubtotal bool // SUBTOTAL leaves out the SUBTOTAL cells of its ranges
}

// Where an operand's value came from, for the errors that name a cell.
const (
	fromNone uint8 = iota
	fromConst
	fromFormula
)

// operand is a value, a reference not yet read, or an array.
type operand struct {
	v    Value
	src  Ref
	from uint8
	area *area
	arr  *array
}

type array struct {
	rows, cols int
	el         []operand // row by row, scalars
}

func (a *array) at(r, c int) operand {
	if a.rows == 1 {
		r = 0
	}
	if a.cols == 1 {
		c = 0
	}
	if r >= a.rows || c >= a.cols {
		return val(errVal("#N/A"))
	}
	return a.el[r*a.cols+c]
}

func val(v Value) operand { return operand{v: v} }
func num(f float64) Value { return Value{Kind: Number, Num: f} }
func text(s string) Value { return Value{Kind: Text, Str: s} }
func boolean(b bool) Value {
	if b {
		return Value{Kind: Bool, Num: 1}
	}
	return Value{Kind: Bool}
}
func errVal(code string) Value { return Value{Kind: ErrorValue, Str: code} }

// xlError is an Excel error value met inside a computation; it becomes a
// Value of Kind ErrorValue where the operator or function returns.
type xlError string

func (x xlError) Error() string { return string(x) }

const (
	errDiv0  = xlError("#DIV/0!")
	errValue = xlError("#VALUE!")
	errNA    = xlError("#N/A")
	errNum   = xlError("#NUM!")
	errRef   = xlError("#REF!")
)

// done turns an xlError into its value; Go errors pass.
func done(v Value, err error) (operand, error) {
	var x xlError
	if errors.As(err, &x) {
		return val(errVal(string(x))), nil
	}
	if err != nil {
		return operand{}, err
	}
	return val(v), nil
}

func (o operand) isMulti() bool {
	return o.area != nil && o.area.cells() > 1 || o.arr != nil && len(o.arr.el) > 1
}

// top evaluates a cell's formula to the cell's value.
func (c *ctx) top(n node) (Value, error) {
	o, err := c.eval(n)
	if err != nil {
		return Value{}, err
	}
	if o.isMulti() {
		what := msg.Sprintf("an array")
		if o.area != nil {
			what = msg.Sprintf("the range %s", o.area.String())
		}
		return Value{}, c.unsup("the formula gives %s, not one value (array formulas and implicit intersection are not supported; baocao needs one value)", what)
	}
	s, err := c.scalar(o)
	if err != nil {
		return Value{}, err
	}
	if s.v.Kind == Empty {
		return num(0), nil // =A1 with A1 empty shows 0
	}
	if s.v.Kind == Number && s.v.Num == 0 {
		s.v.Num = 0 // Excel has no -0: =-1*0 is 0
	}
	return s.v, nil
}

// errf's format is a key of the msg catalogue.
func (c *ctx) errf(dep *Ref, format string, a ...any) *Error {
	return errAt(c.cell, dep, format, a...)
}

// unsup is an error for what this evaluator does not implement.
func (c *ctx) unsup(format string, a ...any) *Error {
	e := c.errf(nil, format, a...)
	e.unsupported = true
	return e
}

func (c *ctx) name(r Ref) string {
	if strings.EqualFold(r.Sheet, c.cell.Sheet) {
		r.Sheet = ""
	}
	return r.String()
}

// cellValue reads one cell, evaluated.
func (c *ctx) cellValue(r Ref) (operand, error) {
	f, v, ok := c.e.src.Cell(r)
	if !ok {
		return operand{}, c.errf(&r, "refers to %s, but the workbook has no sheet %s", r, QuoteSheet(r.Sheet))
	}
	if f == "" {
		return operand{v: v, src: r, from: fromConst}, nil
	}
	en := c.e.memo[c.e.key(r)]
	if en == nil {
		// Not among the collected dependencies (it should not happen):
		// evaluate it now, a bounded number of levels deep.
		if c.e.nest >= 64 {
			return operand{}, c.errf(&r, "the formulas nest too deeply to evaluate")
		}
		c.e.nest++
		en = c.e.run(r)
		c.e.nest--
	}
	if en.state != stDone {
		return operand{}, c.errf(&r, "circular reference %s → %s", c.name(c.cell), c.name(r))
	}
	if en.err != nil {
		var de *Error
		if !errors.As(en.err, &de) {
			return operand{}, en.err
		}
		root := de
		if de.root != nil {
			root = de.root
		}
		dep := errAt(c.cell, &r, "depends on %s, which cannot be evaluated: %s", c.name(r), root)
		dep.root = root
		return operand{}, dep
	}
	return operand{v: en.v, src: r, from: fromFormula}, nil
}

// scalar reads a single-cell reference or a 1×1 array; a larger one where
// one value is expected is an error, not Excel's implicit intersection.
func (c *ctx) scalar(o operand) (operand, error) {
	switch {
	case o.area != nil:
		if o.area.cells() != 1 {
			return operand{}, c.unsup("the range %s is used where one value is expected (implicit intersection is not supported)", o.area)
		}
		return c.cellValue(Ref{Sheet: o.area.sheet, Col: o.area.c1, Row: o.area.r1})
	case o.arr != nil:
		if len(o.arr.el) != 1 {
			return operand{}, c.errf(nil, "an array of %d values is used where one value is expected", len(o.arr.el))
		}
		return o.arr.el[0], nil
	}
	return o, nil
}

func (c *ctx) eval(n node) (operand, error) {
	if err := c.e.step(c.cell, 1); err != nil {
		return operand{}, err
	}
	switch n := n.(type) {
	case numNode:
		return val(num(float64(n))), nil
	case strNode:
		return val(text(string(n))), nil
	case boolNode:
		return val(boolean(bool(n))), nil
	case errNode:
		return val(errVal(string(n))), nil
	case emptyNode:
		return val(Value{}), nil
	case refNode:
		a := resolve(c.cell, n.refTok)
		if _, _, ok := c.e.src.Used(a.sheet); !ok {
			r := Ref{Sheet: a.sheet, Col: a.c1, Row: a.r1}
			return operand{}, c.errf(&r, "refers to %s, but the workbook has no sheet %s", a, QuoteSheet(a.sheet))
		}
		return operand{area: &a}, nil
	case unaryNode:
		x, err := c.eval(n.x)
		if err != nil {
			return operand{}, err
		}
		if n.op == '+' {
			return x, nil
		}
		return c.mapScalar(x, func(o operand) (Value, error) {
			f, err := c.num(o)
			return num(-f), err
		})
	case pctNode:
		x, err := c.eval(n.x)
		if err != nil {
			return operand{}, err
		}
		return c.mapScalar(x, func(o operand) (Value, error) {
			f, err := c.num(o)
			return num(f / 100), err
		})
	case binNode:
		l, err := c.eval(n.l)
		if err != nil {
			return operand{}, err
		}
		r, err := c.eval(n.r)
		if err != nil {
			return operand{}, err
		}
		if l.isMulti() || r.isMulti() {
			la, err := c.toArray(l)
			if err != nil {
				return operand{}, err
			}
			ra, err := c.toArray(r)
			if err != nil {
				return operand{}, err
			}
			out := &array{rows: max(la.rows, ra.rows), cols: max(la.cols, ra.cols)}
			out.el = make([]operand, 0, out.rows*out.cols)
			for i := 0; i < out.rows; i++ {
				for j := 0; j < out.cols; j++ {
					o, err := done(c.binary(n.op, la.at(i, j), ra.at(i, j)))
					if err != nil {
						return operand{}, err
					}
					out.el = append(out.el, o)
				}
			}
			return operand{arr: out}, nil
		}
		if l, err = c.scalar(l); err != nil {
			return operand{}, err
		}
		if r, err = c.scalar(r); err != nil {
			return operand{}, err
		}
		return done(c.binary(n.op, l, r))
	case callNode:
		fn, ok := functions[n.name]
		if !ok {
			return operand{}, c.unsup("the function %s is not supported by baocao's formula evaluator", n.name)
		}
		return fn(c, n.args)
	}
	return operand{}, c.errf(nil, "internal: unknown node %T", n)
}

// mapScalar applies f to a scalar, or to each element of an array or range.
func (c *ctx) mapScalar(x operand, f func(operand) (Value, error)) (operand, error) {
	if !x.isMulti() {
		s, err := c.scalar(x)
		if err != nil {
			return operand{}, err
		}
		return done(f(s))
	}
	a, err := c.toArray(x)
	if err != nil {
		return operand{}, err
	}
	out := &array{rows: a.rows, cols: a.cols, el: make([]operand, len(a.el))}
	for i, el := range a.el {
		if out.el[i], err = done(f(el)); err != nil {
			return operand{}, err
		}
	}
	return operand{arr: out}, nil
}

// toArray reads a range (every cell it names, for array arithmetic) or
// wraps a scalar.
func (c *ctx) toArray(o operand) (*array, error) {
	switch {
	case o.arr != nil:
		return o.arr, nil
	case o.area != nil:
		a := *o.area
		if a.cells() > c.e.opt.MaxRangeCells {
			return nil, c.errf(nil, "the range %s has %d cells, too many for array arithmetic (limit %d, Options.MaxRangeCells); use a bounded range such as A1:A500", a, a.cells(), c.e.opt.MaxRangeCells)
		}
		if err := c.e.step(c.cell, a.cells()); err != nil {
			return nil, err
		}
		mc, mr, _ := c.e.src.Used(a.sheet)
		out := &array{rows: a.rows(), cols: a.cols(), el: make([]operand, 0, a.cells())}
		for row := a.r1; row <= a.r2; row++ {
			for col := a.c1; col <= a.c2; col++ {
				if row > mr || col > mc {
					out.el = append(out.el, operand{})
					continue
				}
				v, err := c.cellValue(Ref{Sheet: a.sheet, Col: col, Row: row})
				if err != nil {
					return nil, err
				}
				out.el = append(out.el, v)
			}
		}
		return out, nil
	}
	return &array{rows: 1, cols: 1, el: []operand{o}}, nil
}

// eachValue calls f on each value of a range argument (the used cells of
// an area, the elements of an array) and reports whether o was one; a
// single value is left to the caller, as each function coerces it its own
// way (SUM("3") is 3, but "3" in a range is an error).
func (c *ctx) eachValue(o operand, f func(operand) error) (bool, error) {
	switch {
	case o.area != nil:
		return true, c.forCells(*o.area, func(_, _ int, v operand) error { return f(v) })
	case o.arr != nil:
		for _, el := range o.arr.el {
			if err := f(el); err != nil {
				return true, err
			}
		}
		return true, nil
	}
	return false, nil
}

// shape is the rows and columns of an area or array; a single value is 1×1.
func (o operand) shape() (rows, cols int) {
	switch {
	case o.area != nil:
		return o.area.rows(), o.area.cols()
	case o.arr != nil:
		return o.arr.rows, o.arr.cols
	}
	return 1, 1
}

// forCells calls f for each used cell of a, row by row, with its offset
// from a's top-left corner.
func (c *ctx) forCells(a area, f func(dr, dc int, o operand) error) error {
	c1, r1, c2, r2, ok := c.e.clip(a)
	if !ok {
		r := Ref{Sheet: a.sheet, Col: a.c1, Row: a.r1}
		return c.errf(&r, "refers to %s, but the workbook has no sheet %s", a, QuoteSheet(a.sheet))
	}
	if c2 < c1 || r2 < r1 {
		return nil
	}
	if err := c.e.cover(c.cell, a, (c2-c1+1)*(r2-r1+1)); err != nil {
		return err
	}
	for row := r1; row <= r2; row++ {
		for col := c1; col <= c2; col++ {
			r := Ref{Sheet: a.sheet, Col: col, Row: row}
			if c.skipSubtotal {
				if fm, _, _ := c.e.src.Cell(r); isSubtotal(fm) {
					continue
				}
			}
			o, err := c.cellValue(r)
			if err != nil {
				return err
			}
			if err := f(row-a.r1, col-a.c1, o); err != nil {
				return err
			}
		}
	}
	return nil
}

// num reads a scalar as a number in arithmetic. Empty is 0 and TRUE is 1
// (Excel). Text from a cell is an error rather than Excel's coercion: a
// number typed as text ("22 ", "22,0") is a figure that Excel reads one way
// and a Vietnamese reader another, and a label is not a number at all. A
// text a formula computes is coerced as Excel does (="2"+1 is 3), unless a
// cell's formula gives it, where a text that reads as a number is refused
// and any other is Excel's #VALUE!.
func (c *ctx) num(o operand) (float64, error) {
	switch o.v.Kind {
	case Number, Bool:
		return o.v.Num, nil
	case Empty:
		return 0, nil
	case ErrorValue:
		return 0, xlError(o.v.Str)
	}
	switch o.from {
	case fromConst:
		return 0, c.textCell(o)
	case fromFormula:
		if looksNumeric(o.v.Str) {
			return 0, c.textCell(o)
		}
		return 0, errValue
	}
	if f, ok := parseNumber(o.v.Str); ok {
		return f, nil
	}
	return 0, errValue
}

func (c *ctx) textCell(o operand) error {
	r := o.src
	verb := msg.Word("holds")
	if o.from == fromFormula {
		verb = msg.Word("gives")
	}
	if looksNumeric(o.v.Str) {
		return c.errf(&r, "%s %s the text %q, not a number; %s", c.name(r), verb, o.v.Str, advice(o))
	}
	return c.errf(&r, "%s %s the text %q where the formula needs a number", c.name(r), verb, o.v.Str)
}

// advice says how to give a number where a text that reads as one is.
func advice(o operand) msg.Word {
	if o.from == fromFormula {
		return msg.Word("make its formula give a number (not text)")
	}
	return msg.Word("type the number (as a number, not as text)")
}

// looksNumeric reports whether a text reads as a number to a person:
// digits with optional sign, "." or "," separators (Vietnamese 1.234,5 or
// English 1,234.5), a trailing %, spaces around.
func looksNumeric(s string) bool {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
	s = strings.TrimSuffix(s, "%")
	s = strings.TrimSpace(s)
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = strings.TrimSpace(s[1:])
	}
	if s == "" {
		return false
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.' || r == ',' || r == ' ':
		default:
			_, err := strconv.ParseFloat(s, 64)
			return err == nil && !strings.ContainsAny(s, "nNiI") // 1e5, not NaN or Inf
		}
	}
	return digits > 0
}

// parseNumber reads a text as Excel's en-US VALUE does: spaces around, a
// sign, thousands commas in groups of three, a decimal point, a trailing %.
func parseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	pct := strings.HasSuffix(s, "%")
	if pct {
		s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	}
	if strings.Contains(s, ",") {
		intPart, frac, _ := strings.Cut(strings.TrimLeft(s, "+-"), ".")
		if strings.Contains(frac, ",") {
			return 0, false
		}
		groups := strings.Split(intPart, ",")
		for i, g := range groups {
			if len(g) != 3 && (i > 0 || len(g) == 0 || len(g) > 3) {
				return 0, false
			}
		}
		s = strings.ReplaceAll(s, ",", "")
	}
	if s == "" || strings.ContainsAny(s, "xXpP_nNiI") {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, false
	}
	if pct {
		f /= 100
	}
	return f, true
}

// approxEqual is Excel's and LibreOffice's tolerance for comparing
// numbers: equal to about 15 significant digits.
func approxEqual(a, b float64) bool {
	if a == b {
		return true
	}
	d := math.Abs(a - b)
	const eps = 1.0 / (1 << 48)
	return d < math.Abs(a)*eps && d < math.Abs(b)*eps
}

// approxAdd adds as Excel does: a sum that cancels to within the last
// digits of its operands is 0 (0,3-0,1-0,2 is 0, not 2,8E-17).
func approxAdd(a, b float64) float64 {
	if (a < 0) != (b < 0) && approxEqual(a, -b) {
		return 0
	}
	return a + b
}

func (c *ctx) binary(op string, l, r operand) (Value, error) {
	switch op {
	case "+", "-", "*", "/", "^":
		x, err := c.num(l)
		if err != nil {
			return Value{}, err
		}
		y, err := c.num(r)
		if err != nil {
			return Value{}, err
		}
		var z float64
		switch op {
		case "+":
			z = approxAdd(x, y)
		case "-":
			z = approxAdd(x, -y)
		case "*":
			z = x * y
		case "/":
			if y == 0 {
				return Value{}, errDiv0
			}
			z = x / y
		case "^":
			if x == 0 && y == 0 {
				return Value{}, errNum
			}
			if x == 0 && y < 0 {
				return Value{}, errDiv0
			}
			z = math.Pow(x, y)
		}
		if math.IsNaN(z) || math.IsInf(z, 0) {
			return Value{}, errNum
		}
		return num(z), nil
	case "&":
		x, err := c.str(l)
		if err != nil {
			return Value{}, err
		}
		y, err := c.str(r)
		if err != nil {
			return Value{}, err
		}
		return text(x + y), nil
	}
	if l.v.Kind == ErrorValue {
		return Value{}, xlError(l.v.Str)
	}
	if r.v.Kind == ErrorValue {
		return Value{}, xlError(r.v.Str)
	}
	if err := c.numericText(l, r); err != nil {
		return Value{}, err
	}
	if err := c.numericText(r, l); err != nil {
		return Value{}, err
	}
	k := compare(l.v, r.v)
	switch op {
	case "=":
		return boolean(k == 0), nil
	case "<>":
		return boolean(k != 0), nil
	case "<":
		return boolean(k < 0), nil
	case ">":
		return boolean(k > 0), nil
	case "<=":
		return boolean(k <= 0), nil
	case ">=":
		return boolean(k >= 0), nil
	}
	return Value{}, c.errf(nil, "internal: unknown operator %s", op)
}

// numericText refuses comparing a number with a cell's text that reads as
// a number: Excel says they differ (22 = "22" is FALSE), a reader sees the
// same figure.
func (c *ctx) numericText(t, other operand) error {
	if t.v.Kind == Text && t.from != fromNone && other.v.Kind == Number && looksNumeric(t.v.Str) {
		return c.textCell(t)
	}
	return nil
}

// compare orders two values as Excel does: numbers before text before
// booleans, text without regard to case, an empty value as 0, "" or FALSE
// by the other side.
func compare(a, b Value) int {
	if a.Kind == Empty {
		a = emptyAs(b.Kind)
	}
	if b.Kind == Empty {
		b = emptyAs(a.Kind)
	}
	rank := func(k Kind) int {
		switch k {
		case Number:
			return 0
		case Text:
			return 1
		}
		return 2
	}
	if ra, rb := rank(a.Kind), rank(b.Kind); ra != rb {
		return ra - rb
	}
	if a.Kind == Text {
		return strings.Compare(strings.ToLower(a.Str), strings.ToLower(b.Str))
	}
	switch {
	case approxEqual(a.Num, b.Num):
		return 0
	case a.Num < b.Num:
		return -1
	}
	return 1
}

func emptyAs(k Kind) Value {
	switch k {
	case Text:
		return text("")
	case Bool:
		return boolean(false)
	}
	return num(0)
}

// str reads a scalar as text (the & operator, text functions).
func (c *ctx) str(o operand) (string, error) {
	switch o.v.Kind {
	case Text:
		return o.v.Str, nil
	case Number:
		return numberText(o.v.Num), nil
	case Bool:
		if o.v.Num != 0 {
			return "TRUE", nil
		}
		return "FALSE", nil
	case ErrorValue:
		return "", xlError(o.v.Str)
	}
	return "", nil
}

// numberText is a number as Excel turns it into text (="x"&A1): up to 15
// significant digits, scientific notation for very large or small numbers.
func numberText(f float64) string {
	if f == 0 {
		return "0"
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'e', 14, 64), 64)
	a := math.Abs(r)
	if a >= 1e15 || a < 1e-9 {
		s := strconv.FormatFloat(r, 'E', -1, 64)
		mant, exp, _ := strings.Cut(s, "E")
		sign := exp[0]
		exp = strings.TrimLeft(exp[1:], "0")
		if len(exp) < 2 {
			exp = strings.Repeat("0", 2-len(exp)) + exp
		}
		return mant + "E" + string(sign) + exp
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}
