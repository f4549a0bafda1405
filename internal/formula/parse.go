package formula

// The parser is hand-written (a lexer and a Pratt parser, about 400 lines)
// rather than built on github.com/xuri/efp, excelize's tokenizer: efp
// gives a flat token list without the byte offsets Translate needs to
// rewrite references in place, does not split a sheet-qualified range into
// sheet and address, and leaves operator precedence (Excel's own: unary
// minus above ^, ^ left-associative) to the caller anyway.

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"baocao/internal/msg"
)

const (
	maxCol = 16384
	maxRow = 1048576
	// maxNesting bounds how deeply a formula's parentheses and operators
	// nest (Excel allows 64 levels of functions).
	maxNesting = 256
)

type tokKind uint8

const (
	tEOF tokKind = iota
	tNum
	tStr
	tBool
	tErr
	tRef
	tFunc // a function name; the "(" is part of the token
	tOp
	tLParen
	tRParen
	tComma
)

type refKind uint8

const (
	refCell refKind = iota // A1
	refArea                // A1:B5
	refCols                // A:B
	refRows                // 1:5
)

// refTok is a reference as written. For refCols, r1 and r2 are 0; for
// refRows, c1 and c2 are 0. addr is the byte offset where the address
// (after any Sheet!) begins.
type refTok struct {
	sheet              string
	hasSheet           bool
	kind               refKind
	c1, r1, c2, r2     int
	ac1, ar1, ac2, ar2 bool // $ before the column or row
	addr               int
}

type token struct {
	kind       tokKind
	start, end int // byte offsets in the formula
	text       string
	num        float64
	ref        refTok
}

type lexer struct {
	s   string
	pos int
}

func isNameRune(r rune) bool {
	return r == '_' || r == '.' || r == '\\' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// scanName returns the end of the run of name characters at i.
func scanName(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isNameRune(r) {
			break
		}
		i += n
	}
	return i
}

var errorLiterals = []string{"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#GETTING_DATA"}

type parseError struct {
	pos int
	msg msg.Text
}

func (p *parseError) Error() string { return p.Localize(msg.English) }

// Localize says the error in lang.
func (p *parseError) Localize(lang language.Tag) string {
	return msg.Sprintf("%s (at character %d)", p.msg, p.pos+1).Localize(lang)
}

// errf's format is a key of the msg catalogue.
func (l *lexer) errf(pos int, format string, a ...any) error {
	return &parseError{pos: pos, msg: msg.Sprintf(format, a...)}
}

func (l *lexer) next() (token, error) {
	s := l.s
	for l.pos < len(s) && (s[l.pos] == ' ' || s[l.pos] == '\n' || s[l.pos] == '\r' || s[l.pos] == '\t') {
		l.pos++
	}
	start := l.pos
	if start >= len(s) {
		return token{kind: tEOF, start: start, end: start}, nil
	}
	c := s[start]
	tok := func(k tokKind, end int) (token, error) {
		l.pos = end
		return token{kind: k, start: start, end: end, text: s[start:end]}, nil
	}
	switch c {
	case '(':
		return tok(tLParen, start+1)
	case ')':
		return tok(tRParen, start+1)
	case ',':
		return tok(tComma, start+1)
	case '+', '-', '*', '/', '^', '&', '%', '=':
		return tok(tOp, start+1)
	case '<':
		if strings.HasPrefix(s[start:], "<=") || strings.HasPrefix(s[start:], "<>") {
			return tok(tOp, start+2)
		}
		return tok(tOp, start+1)
	case '>':
		if strings.HasPrefix(s[start:], ">=") {
			return tok(tOp, start+2)
		}
		return tok(tOp, start+1)
	case '"':
		text, i, ok := unquote(s, start)
		if !ok {
			return token{}, l.errf(start, "a text in quotes is not closed")
		}
		l.pos = i
		return token{kind: tStr, start: start, end: i, text: text}, nil
	case '#':
		for _, e := range errorLiterals {
			if len(s)-start >= len(e) && strings.EqualFold(s[start:start+len(e)], e) {
				t, _ := tok(tErr, start+len(e))
				t.text = e
				return t, nil
			}
		}
		return token{}, l.errf(start, "unknown error value %q", s[start:min(len(s), start+8)])
	case '{':
		return token{}, l.errf(start, "array constants ({…}) are not supported")
	case '[':
		return token{}, l.errf(start, "references to other workbooks or tables ([…]) are not supported")
	case '\'':
		name, i, ok := unquote(s, start)
		if !ok {
			return token{}, l.errf(start, "a quoted sheet name is not closed")
		}
		if i >= len(s) || s[i] != '!' {
			return token{}, l.errf(start, "a quoted sheet name must be followed by !")
		}
		return l.sheetRef(start, name, i+1)
	}
	if c == '.' || c >= '0' && c <= '9' {
		// A row range (1:5) or a sheet named with digits (2024!A1) first.
		if r, end, ok := parseAddr(s, start); ok && r.kind == refRows && !followsName(s, end) {
			l.pos = end
			r.addr = start
			return token{kind: tRef, start: start, end: end, text: s[start:end], ref: r}, nil
		}
		if end := scanName(s, start); end < len(s) && s[end] == '!' {
			return l.sheetRef(start, s[start:end], end+1)
		}
		return l.number(start)
	}
	if c == '$' {
		if r, end, ok := parseAddr(s, start); ok && !followsName(s, end) {
			l.pos = end
			r.addr = start
			return token{kind: tRef, start: start, end: end, text: s[start:end], ref: r}, nil
		}
		return token{}, l.errf(start, "cannot read the reference %q", s[start:scanName(s, start+1)])
	}
	r0, _ := utf8.DecodeRuneInString(s[start:])
	if !isNameRune(r0) {
		return token{}, l.errf(start, "unexpected character %q", r0)
	}
	end := scanName(s, start)
	if end < len(s) && s[end] == '!' {
		return l.sheetRef(start, s[start:end], end+1)
	}
	if r, aend, ok := parseAddr(s, start); ok && !followsName(s, aend) && (aend >= len(s) || s[aend] != '(') {
		l.pos = aend
		r.addr = start
		return token{kind: tRef, start: start, end: aend, text: s[start:aend], ref: r}, nil
	}
	name := s[start:end]
	if end < len(s) && s[end] == '(' {
		t, _ := tok(tFunc, end+1)
		t.text = name
		return t, nil
	}
	switch strings.ToUpper(name) {
	case "TRUE", "FALSE":
		t, _ := tok(tBool, end)
		t.text = strings.ToUpper(name)
		return t, nil
	}
	if end < len(s) && s[end] == ':' {
		return token{}, l.errf(start, "3-D references across sheets (%s) are not supported", s[start:scanName(s, end+1)])
	}
	return token{}, l.errf(start, "the name %q is not supported (a defined name or an unknown word; use a cell reference)", name)
}

// followsName reports whether a name character continues at i, so that the
// address before it is really part of a longer name (A1B).
func followsName(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isNameRune(r) || r == '$' || r == '!'
}

func (l *lexer) sheetRef(start int, sheet string, at int) (token, error) {
	if sheet == "" {
		return token{}, l.errf(start, "an empty sheet name")
	}
	if strings.HasPrefix(strings.ToUpper(l.s[at:]), "#REF!") {
		l.pos = at + 5
		return token{kind: tErr, start: start, end: l.pos, text: "#REF!"}, nil
	}
	r, end, ok := parseAddr(l.s, at)
	if !ok || followsName(l.s, end) || end < len(l.s) && l.s[end] == '(' {
		if i := strings.IndexByte(sheet, ':'); i >= 0 {
			return token{}, l.errf(start, "3-D references across sheets are not supported")
		}
		return token{}, l.errf(at, "expected a cell or range after %s!", QuoteSheet(sheet))
	}
	r.sheet, r.hasSheet, r.addr = sheet, true, at
	l.pos = end
	return token{kind: tRef, start: start, end: end, text: l.s[start:end], ref: r}, nil
}

func (l *lexer) number(start int) (token, error) {
	s := l.s
	i := start
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	n := digits()
	if i < len(s) && s[i] == '.' {
		i++
		n += digits()
	}
	if n == 0 {
		return token{}, l.errf(start, "cannot read the number %q", s[start:min(len(s), start+10)])
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && s[j] >= '0' && s[j] <= '9' {
			i = j
			digits()
		}
	}
	f, err := strconv.ParseFloat(s[start:i], 64)
	if err != nil {
		return token{}, l.errf(start, "cannot read the number %q", s[start:i])
	}
	if followsName(s, i) {
		return token{}, l.errf(start, "cannot read %q", s[start:scanName(s, i)])
	}
	l.pos = i
	return token{kind: tNum, start: start, end: i, text: s[start:i], num: f}, nil
}

// colPart reads [$]LETTERS at i; ok is false when there are none or the
// column is past XFD.
func colPart(s string, i int) (col int, abs bool, end int, ok bool) {
	if i < len(s) && s[i] == '$' {
		abs = true
		i++
	}
	j := i
	for j < len(s) && j-i < 4 && (s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 'a' && s[j] <= 'z') {
		col = col*26 + int(s[j]|0x20-'a') + 1
		j++
	}
	if j == i || j-i > 3 || col > maxCol {
		return 0, false, 0, false
	}
	return col, abs, j, true
}

func rowPart(s string, i int) (row int, abs bool, end int, ok bool) {
	if i < len(s) && s[i] == '$' {
		abs = true
		i++
	}
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' && j-i < 8 {
		row = row*10 + int(s[j]-'0')
		j++
	}
	if j == i || row < 1 || row > maxRow || j < len(s) && s[j] >= '0' && s[j] <= '9' {
		return 0, false, 0, false
	}
	return row, abs, j, true
}

// parseAddr reads an address at i: A1, A1:B5, A:B or 1:5, each part with
// optional $.
func parseAddr(s string, i int) (r refTok, end int, ok bool) {
	if c, ac, j, ok := colPart(s, i); ok {
		if rw, ar, k, ok := rowPart(s, j); ok {
			r = refTok{kind: refCell, c1: c, r1: rw, c2: c, r2: rw, ac1: ac, ar1: ar, ac2: ac, ar2: ar}
			if k < len(s) && s[k] == ':' {
				if c2, ac2, j2, ok := colPart(s, k+1); ok {
					if rw2, ar2, k2, ok := rowPart(s, j2); ok {
						r.kind, r.c2, r.r2, r.ac2, r.ar2 = refArea, c2, rw2, ac2, ar2
						return r, k2, true
					}
				}
			}
			return r, k, true
		}
		if j < len(s) && s[j] == ':' {
			if c2, ac2, j2, ok := colPart(s, j+1); ok {
				if _, _, _, isRow := rowPart(s, j2); !isRow {
					return refTok{kind: refCols, c1: c, c2: c2, ac1: ac, ac2: ac2}, j2, true
				}
			}
		}
		return r, 0, false
	}
	if rw, ar, j, ok := rowPart(s, i); ok && j < len(s) && s[j] == ':' {
		if rw2, ar2, j2, ok := rowPart(s, j+1); ok {
			return refTok{kind: refRows, r1: rw, r2: rw2, ar1: ar, ar2: ar2}, j2, true
		}
	}
	return r, 0, false
}

// The syntax tree.
type node interface{}

type (
	numNode   float64
	strNode   string
	boolNode  bool
	errNode   string
	emptyNode struct{} // an omitted function argument: F(1,,2)
	refNode   struct{ refTok }
	unaryNode struct {
		op byte // '-' or '+'
		x  node
	}
	pctNode struct{ x node }
	binNode struct {
		op   string
		l, r node
	}
	callNode struct {
		name string // upper case, without _xlfn.
		args []node
	}
)

type parser struct {
	lx    lexer
	tok   token
	depth int
}

// parse reads a formula (without its leading "=").
func parse(formula string) (node, error) {
	p := &parser{lx: lexer{s: formula}}
	if err := p.advance(); err != nil {
		return nil, err
	}
	n, err := p.expr(0)
	if err != nil {
		return nil, err
	}
	if p.tok.kind != tEOF {
		return nil, p.unexpected()
	}
	return n, nil
}

func (p *parser) advance() error {
	t, err := p.lx.next()
	if err != nil {
		return err
	}
	p.tok = t
	return nil
}

func (p *parser) unexpected() error {
	if p.tok.kind == tEOF {
		return &parseError{pos: p.tok.start, msg: msg.Sprintf("the formula ends too early")}
	}
	if p.tok.kind == tRef || p.tok.kind == tNum || p.tok.kind == tFunc || p.tok.kind == tStr {
		return &parseError{pos: p.tok.start, msg: msg.Sprintf("unexpected %q (two values with no operator between them; intersections with a space are not supported)", p.tok.text)}
	}
	return &parseError{pos: p.tok.start, msg: msg.Sprintf("unexpected %q", p.lx.s[p.tok.start:p.tok.end])}
}

// Binding powers, Excel's precedence from low to high.
func infixPower(op string) int {
	switch op {
	case "=", "<>", "<", ">", "<=", ">=":
		return 1
	case "&":
		return 2
	case "+", "-":
		return 3
	case "*", "/":
		return 4
	case "^":
		return 5
	}
	return 0
}

const (
	prefixPower  = 6 // -2^2 is 4 in Excel
	postfixPower = 7
)

func (p *parser) expr(minPower int) (node, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxNesting {
		return nil, &parseError{pos: p.tok.start, msg: msg.Sprintf("the formula nests too deeply")}
	}
	left, err := p.prefix()
	if err != nil {
		return nil, err
	}
	for p.tok.kind == tOp {
		op := p.lx.s[p.tok.start:p.tok.end]
		if op == "%" {
			if postfixPower <= minPower {
				break
			}
			if err := p.advance(); err != nil {
				return nil, err
			}
			left = pctNode{left}
			continue
		}
		pw := infixPower(op)
		if pw <= minPower {
			break
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
		right, err := p.expr(pw) // all Excel binary operators are left-associative
		if err != nil {
			return nil, err
		}
		left = binNode{op: op, l: left, r: right}
	}
	return left, nil
}

func (p *parser) prefix() (node, error) {
	t := p.tok
	switch t.kind {
	case tNum:
		return numNode(t.num), p.advance()
	case tStr:
		return strNode(t.text), p.advance()
	case tBool:
		return boolNode(t.text == "TRUE"), p.advance()
	case tErr:
		return errNode(t.text), p.advance()
	case tRef:
		return refNode{t.ref}, p.advance()
	case tOp:
		op := p.lx.s[t.start:t.end]
		if op != "-" && op != "+" {
			return nil, p.unexpected()
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
		x, err := p.expr(prefixPower)
		if err != nil {
			return nil, err
		}
		return unaryNode{op: op[0], x: x}, nil
	case tLParen:
		if err := p.advance(); err != nil {
			return nil, err
		}
		x, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		if p.tok.kind == tComma {
			return nil, &parseError{pos: p.tok.start, msg: msg.Sprintf("unions of ranges ((A1,B2)) are not supported")}
		}
		if p.tok.kind != tRParen {
			return nil, p.unexpected()
		}
		return x, p.advance()
	case tFunc:
		name := strings.ToUpper(t.text)
		for _, pre := range []string{"_XLFN._XLWS.", "_XLFN.", "_XLWS."} {
			name = strings.TrimPrefix(name, pre)
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
		call := callNode{name: name}
		if p.tok.kind == tRParen {
			return call, p.advance()
		}
		for {
			if p.tok.kind == tComma || p.tok.kind == tRParen {
				call.args = append(call.args, emptyNode{})
			} else {
				a, err := p.expr(0)
				if err != nil {
					return nil, err
				}
				call.args = append(call.args, a)
			}
			if p.tok.kind == tComma {
				if err := p.advance(); err != nil {
					return nil, err
				}
				continue
			}
			if p.tok.kind != tRParen {
				return nil, p.unexpected()
			}
			return call, p.advance()
		}
	}
	return nil, p.unexpected()
}

// unquote reads the quoted text that opens at s[start] (a "text" or a
// 'sheet name'), where the quote doubled stands for itself; end is just
// past the closing quote, ok false when there is none.
func unquote(s string, start int) (text string, end int, ok bool) {
	q := s[start]
	var b strings.Builder
	i := start + 1
	for {
		j := strings.IndexByte(s[i:], q)
		if j < 0 {
			return "", 0, false
		}
		b.WriteString(s[i : i+j])
		i += j + 1
		if i < len(s) && s[i] == q {
			b.WriteByte(q)
			i++
			continue
		}
		return b.String(), i, true
	}
}
