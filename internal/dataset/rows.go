package dataset

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"

	"baocao/internal/msg"
)

// RowRole says what a row under a table's header is. Officers keep their
// own total row under the figures and sign below the table; reading those
// rows as data doubles every total and adds a "period" named "Cộng quý
// III", so a reader classifies each row before adding it.
type RowRole int

const (
	DataRow  RowRole = iota
	TotalRow         // "Cộng", "Tổng cộng", "Cộng quý III", "Tổng số": set aside and compared
	NoteRow          // "Ghi chú: …", "Người lập biểu", a signature line: left out
)

// lowerCase lowers s the Vietnamese way. A cases.Caser keeps state
// between calls and is not safe for concurrent use, and the readers of a
// consolidation's unit workbooks run at once: each call makes its own
// (the fast path of label, which most labels take, needs none).
func lowerCase(s string) string { return cases.Lower(language.Vietnamese).String(s) }

// totalWords open a total row's label, compared with their diacritics:
// folded, "Cộng" (sum) and "Công" (as in "Công an xã", a unit) are one
// word. Labels typed without diacritics are recognised only in the forms
// that cannot be a unit's or period's name.
var (
	totalWords  = []string{"cộng", "tổng", "tổng cộng", "tổng số", "cộng dồn", "lũy kế", "luỹ kế"}
	totalASCII  = []string{"tong", "tong cong", "tong so", "cong", "cong quy", "cong nam", "cong thang", "cong ky", "cong 6 thang", "cong 9 thang"}
	notePrefix  = []string{"ghi chú", "chú thích", "chú ý", "lưu ý", "nguồn", "người lập", "người kiểm tra", "người duyệt", "thủ trưởng", "kế toán", "ký tên", "(ký", "xác nhận", "tm.", "kt.", "tl.", "tuq.", "q. ", "nơi nhận", "đơn vị tính", "*"}
	noteFoldPre = []string{"ghi chu", "chu thich", "luu y", "nguoi lap", "thu truong", "ky ten", "(ky", "xac nhan", "noi nhan", "don vi tinh"}
)

// IsTotalLabel reports whether a key or label reads as a total row.
func IsTotalLabel(s string) bool { return isTotal(s, label(s)) }

// label is the form IsTotalLabel and IsNoteLabel compare: trimmed, lower
// case, runs of white space as one space. A reader classifies every row
// of every table, so the common case (Latin and Vietnamese letters, one
// space between words) is done without cases.Lower and strings.Fields,
// which allocate; simpleLower says where the result is the same.
func label(s string) string {
	s = strings.TrimSpace(s)
	prevSpace := false
	for _, r := range s {
		if !simpleLower(r) {
			return strings.Join(strings.Fields(lowerCase(s)), " ")
		}
		sp := r == ' '
		if sp && prevSpace || r != ' ' && unicode.IsSpace(r) {
			return strings.Join(strings.Fields(lowerCase(s)), " ")
		}
		prevSpace = sp
	}
	return strings.Map(unicode.ToLower, s) // s itself when already lower case
}

// labelIn is label made in buf when it fits and needs no more than
// unicode.ToLower: ClassifyRow only compares it, and a row key in capitals
// ("Xã 00001") otherwise cost an allocation a row. The result is valid
// while buf is.
func labelIn(buf *[64]byte, s string) string {
	s = strings.TrimSpace(s)
	n, prevSpace := 0, false
	for _, r := range s {
		sp := r == ' '
		if !simpleLower(r) || sp && prevSpace || r != ' ' && unicode.IsSpace(r) {
			return label(s)
		}
		prevSpace = sp
		r = unicode.ToLower(r)
		if n+utf8.RuneLen(r) > len(buf) {
			return label(s)
		}
		n += utf8.EncodeRune(buf[n:], r)
	}
	return unsafe.String(&buf[0], n)
}

// simpleLower reports a rune whose lower case under cases.Lower(Vietnamese)
// is unicode.ToLower(r), alone and in any context: Latin (but İ, whose
// full mapping adds a combining dot) and the Latin Extended Additional
// block that holds the Vietnamese letters with two marks. A test checks
// every rune of these ranges.
func simpleLower(r rune) bool {
	return r < 0x250 && r != 0x130 || r >= 0x1E00 && r <= 0x1EFF
}

func isTotal(s, l string) bool {
	l = strings.TrimRight(l, ":.")
	for _, w := range totalWords {
		if strings.HasPrefix(l, w) && (len(l) == len(w) || l[len(w)] == ' ' || l[len(w)] == ':' || l[len(w)] == '(') {
			return true
		}
	}
	// Every totalASCII word opens with "tong" or "cong", and l must equal
	// the fold: other labels need no fold.
	if !strings.HasPrefix(l, "tong") && !strings.HasPrefix(l, "cong") {
		return false
	}
	f := FoldKey(s)
	for _, w := range totalASCII {
		if l == f && (f == w || strings.HasPrefix(f, w) && len(f) > len(w) && f[len(w)] == ' ' && w != "cong") {
			return true
		}
	}
	return false
}

// IsNoteLabel reports whether a cell's text reads as a note or a
// signature line rather than a row key.
func IsNoteLabel(s string) bool { return isNote(s, label(s)) }

func isNote(s, l string) bool {
	for _, p := range notePrefix {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return hasFoldPrefix(s, noteFoldPre)
}

// ClassifyRow says what a row is from its key and its other cells: a key
// that reads as a total or a note decides; a row with no key whose first
// text reads as a total is a total (the label sits in the second column
// under an empty STT); a row with no key and no number at all is a note
// (a signature, a name, a place and date).
func ClassifyRow(key Value, cells []Value) RowRole {
	if key.Kind == TextKind {
		var buf [64]byte
		l := labelIn(&buf, key.Text)
		switch {
		case isTotal(key.Text, l):
			return TotalRow
		case isNote(key.Text, l):
			return NoteRow
		}
		return DataRow
	}
	if key.Kind != Empty {
		return DataRow
	}
	numbers := false
	for _, c := range cells {
		if c.Kind == TextKind && !numbers {
			if IsTotalLabel(c.Text) {
				return TotalRow
			}
		}
		if c.Kind == NumberKind {
			numbers = true
		}
	}
	if !numbers {
		return NoteRow
	}
	return DataRow
}

// Totals are the total rows typed in a table's sheet, set aside from its
// rows. Each is checked against the rows it closes.
type TotalLine struct {
	Label string
	Loc   Loc // the label's cell
	Cells []Value
	// From is the index in Table.Rows of the first row it closes (the row
	// after the previous total); To is one past the last.
	From, To int
}

// AddTotal sets a total row aside: it closes the rows added since the
// previous total (or since the first row).
func (t *Table) AddTotal(label string, loc Loc, cells []Value) {
	from := 0
	if n := len(t.Totals); n > 0 {
		from = t.Totals[n-1].To
	}
	for len(cells) < len(t.Columns) {
		cells = append(cells, Value{})
	}
	t.Totals = append(t.Totals, &TotalLine{Label: label, Loc: loc, Cells: cells, From: from, To: len(t.Rows)})
}

// CheckTotals compares each typed total with the rows it closes, column by
// column. A figure equal to the rows' sum agrees; one equal to the first
// or the last row agrees as an opening or a closing stock does (the files
// carried in, the files pending) and is said so; a rate column (its header
// says "Tỷ lệ" or "%", or its cell is a percent) is not summed and not
// compared, since a rate is recomputed from its parts. Any other figure
// is an error naming its cell. The warnings say the row was set aside.
func (t *Table) CheckTotals() (warnings, errs []error) {
	for _, tl := range t.Totals {
		rows := t.Rows[tl.From:tl.To]
		if len(rows) == 0 && tl.From > 0 {
			rows = t.Rows[:tl.To] // a grand total right after a subtotal
		}
		var stocks []any
		bad := false
		for i, c := range t.Columns {
			v := tl.Cells[i]
			if v.Kind != NumberKind || isRate(c, v) {
				continue
			}
			sum, ok := sumCol(rows, i)
			if !ok {
				continue // text among the rows: nothing to compare with
			}
			if Near(v.Num, sum) {
				continue
			}
			if tl.From > 0 && len(rows) < tl.To {
				if all, ok := sumCol(t.Rows[:tl.To], i); ok && Near(v.Num, all) {
					continue // a grand total over the subtotalled rows
				}
			}
			if len(rows) > 0 {
				first, last := rows[0].Cells[i], rows[len(rows)-1].Cells[i]
				switch {
				case first.Kind == NumberKind && Near(v.Num, first.Num):
					stocks = append(stocks, msg.Sprintf("%q equals the first row, as an opening stock does", c.Name))
					continue
				case last.Kind == NumberKind && Near(v.Num, last.Num):
					stocks = append(stocks, msg.Sprintf("%q equals the last row, as a closing stock does", c.Name))
					continue
				}
			}
			bad = true
			errs = append(errs, Errorf(v.Loc, "the total row %q gives %s for %q, but the %d rows above it add up to %s; correct the total or the rows (baocao computes totals from the rows and does not use this row)",
				tl.Label, Figure(v.Num), c.Name, len(rows), Figure(sum)))
		}
		if bad {
			continue
		}
		if len(stocks) > 0 {
			warnings = append(warnings, Errorf(tl.Loc, "the total row %q is not data: baocao set it aside and computes totals from the %d rows above it, which agree with it (%s)", tl.Label, len(rows), List{Items: stocks, Sep: "; "}))
			continue
		}
		warnings = append(warnings, Errorf(tl.Loc, "the total row %q is not data: baocao set it aside and computes totals from the %d rows above it, which agree with it", tl.Label, len(rows)))
	}
	return warnings, errs
}

func isRate(c Column, v Value) bool {
	f := FoldKey(c.Name)
	return v.Percent || strings.Contains(f, "ty le") || strings.Contains(c.Name, "%")
}

func sumCol(rows []*Row, i int) (float64, bool) {
	s := 0.0
	for _, r := range rows {
		switch v := r.Cells[i]; v.Kind {
		case Empty:
		case NumberKind:
			s += v.Num
		default:
			return 0, false
		}
	}
	return s, true
}
