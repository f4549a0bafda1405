package formula

import (
	"strconv"
	"strings"

	"baocao/internal/a1"
	"baocao/internal/msg"
)

// Translate shifts the relative references of a shared formula (Excel's
// <f t="shared" ref=… si=…>) from its master cell (fromCol, fromRow) to
// another cell (toCol, toRow). Absolute parts ($A, $1) stay; text in quotes
// and sheet names are kept byte for byte. A reference shifted off the sheet
// is an error (Excel would write #REF!).
func Translate(formula string, fromCol, fromRow, toCol, toRow int) (string, error) {
	dc, dr := toCol-fromCol, toRow-fromRow
	if dc == 0 && dr == 0 {
		return formula, nil
	}
	lx := lexer{s: formula}
	var b strings.Builder
	last := 0
	for {
		t, err := lx.next()
		if err != nil {
			return "", msg.Errorf("cannot translate the shared formula %q: %w", formula, err)
		}
		if t.kind == tEOF {
			break
		}
		if t.kind != tRef {
			continue
		}
		r := t.ref
		shift := func(v int, abs bool, d, limit int) (int, error) {
			if abs || v == 0 {
				return v, nil
			}
			v += d
			if v < 1 || v > limit {
				return 0, msg.Errorf("the shared formula %q moved from %s to %s refers off the sheet (%s)",
					formula, a1.Column(fromCol)+strconv.Itoa(fromRow), a1.Column(toCol)+strconv.Itoa(toRow), t.text)
			}
			return v, nil
		}
		for _, p := range []struct {
			v     *int
			abs   bool
			d     int
			limit int
		}{{&r.c1, r.ac1, dc, maxCol}, {&r.c2, r.ac2, dc, maxCol}, {&r.r1, r.ar1, dr, maxRow}, {&r.r2, r.ar2, dr, maxRow}} {
			if *p.v, err = shift(*p.v, p.abs, p.d, p.limit); err != nil {
				return "", err
			}
		}
		b.WriteString(formula[last:r.addr])
		b.WriteString(formatAddr(r))
		last = t.end
	}
	b.WriteString(formula[last:])
	return b.String(), nil
}

func formatAddr(r refTok) string {
	col := func(c int, abs bool) string {
		if abs {
			return "$" + a1.Column(c)
		}
		return a1.Column(c)
	}
	row := func(v int, abs bool) string {
		if abs {
			return "$" + strconv.Itoa(v)
		}
		return strconv.Itoa(v)
	}
	switch r.kind {
	case refCols:
		return col(r.c1, r.ac1) + ":" + col(r.c2, r.ac2)
	case refRows:
		return row(r.r1, r.ar1) + ":" + row(r.r2, r.ar2)
	case refArea:
		return col(r.c1, r.ac1) + row(r.r1, r.ar1) + ":" + col(r.c2, r.ac2) + row(r.r2, r.ar2)
	}
	return col(r.c1, r.ac1) + row(r.r1, r.ar1)
}
