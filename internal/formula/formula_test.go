package formula

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

// memSource is a workbook in memory: cells by sheet, a formula when the
// text starts with "=".
type memSource struct {
	sheets map[string]map[[2]int]any
	used   map[string][3]int // cached Used, by sheet, with the cell count it was computed at
}

func (m *memSource) Cell(r Ref) (string, Value, bool) {
	s, ok := m.sheets[strings.ToLower(r.Sheet)]
	if !ok {
		return "", Value{}, false
	}
	switch v := s[[2]int{r.Col, r.Row}].(type) {
	case nil:
		return "", Value{}, true
	case string:
		if strings.HasPrefix(v, "=") {
			return v[1:], Value{}, true
		}
		return "", Value{Kind: Text, Str: v}, true
	case float64:
		return "", Value{Kind: Number, Num: v}, true
	case int:
		return "", Value{Kind: Number, Num: float64(v)}, true
	case bool:
		return "", boolean(v), true
	case Value:
		return "", v, true
	}
	panic(fmt.Sprintf("bad cell %v", r))
}

func (m *memSource) Used(sheet string) (int, int, bool) {
	s, ok := m.sheets[strings.ToLower(sheet)]
	if !ok {
		return 0, 0, false
	}
	if u, ok := m.used[strings.ToLower(sheet)]; ok && u[2] == len(s) {
		return u[0], u[1], true
	}
	mc, mr := 0, 0
	for k := range s {
		mc, mr = max(mc, k[0]), max(mr, k[1])
	}
	if m.used == nil {
		m.used = map[string][3]int{}
	}
	m.used[strings.ToLower(sheet)] = [3]int{mc, mr, len(s)}
	return mc, mr, true
}

// book builds a memSource from "Sheet!A1" (or "A1", sheet S) → value.
func book(cells map[string]any) *memSource {
	m := &memSource{sheets: map[string]map[[2]int]any{"s": {}}}
	for addr, v := range cells {
		sheet := "S"
		if i := strings.LastIndexByte(addr, '!'); i >= 0 {
			sheet, addr = strings.Trim(addr[:i], "'"), addr[i+1:]
		}
		r, _, ok := parseAddr(addr, 0)
		if !ok {
			panic(addr)
		}
		s := m.sheets[strings.ToLower(sheet)]
		if s == nil {
			s = map[[2]int]any{}
			m.sheets[strings.ToLower(sheet)] = s
		}
		s[[2]int{r.c1, r.r1}] = v
	}
	return m
}

func ref(addr string) Ref {
	sheet := "S"
	if i := strings.LastIndexByte(addr, '!'); i >= 0 {
		sheet, addr = strings.Trim(addr[:i], "'"), addr[i+1:]
	}
	r, _, _ := parseAddr(addr, 0)
	return Ref{Sheet: sheet, Col: r.c1, Row: r.r1}
}

// base is the data the formula tests read.
func base() map[string]any {
	return map[string]any{
		"A1": 1, "A2": 2, "A3": 3, "A4": 4, "A5": 5.5,
		"B1": "Hà Nội", "B2": "Huế", "B3": "hà nam", "B4": "", "B5": true,
		"C1": 10, "C2": -2.5, "C3": 0, "C5": Value{Kind: ErrorValue, Str: "#N/A"},
		"D1": 2.675, "D2": 1234.5678, "D3": -2.5, "D4": 0.1, "D5": 45366, // 2024-03-15
		"E1": "a", "E2": "b", "E3": "a", "E4": "c", "E5": "a",
		"F1": 1, "F2": 2, "F3": 3, "F4": 4, "F5": 5,
		"G1": "22 ", "G2": "22,0", "G3": "22", "G4": "Tổng", "G5": "1.234,5",
		"'Chỉ số CCHC'!E33": 7, "Other!A1": 100, "Other!B2": "=Other!A1*2",
	}
}

func TestEval(t *testing.T) {
	tests := []struct {
		formula string
		want    Value
	}{
		{"1+2*3", num(7)},
		{"(1+2)*3", num(9)},
		{"-2^2", num(4)},
		{"2^3^2", num(64)},
		{"2^-1", num(0.5)},
		{"50%", num(0.5)},
		{"-5%+1", num(0.95)},
		{"10/4", num(2.5)},
		{"1/0", errVal("#DIV/0!")},
		{"A1/C3", errVal("#DIV/0!")},
		{"0.1+0.2-0.3", num(0)},
		{"0.1+0.2=0.3", boolean(true)},
		{"\"a\"&\"b\"&1&TRUE", text("ab1TRUE")},
		{"\"x\"&0.1+0.2", text("x0.3")},
		{"1&\"\"", text("1")},
		{"\"a\"\"b\"&\"\"\"\"", text("a\"b\"")}, // a doubled quote stands for itself
		{"1/3&\"\"", text("0.333333333333333")},
		{"\"2\"+1", num(3)},
		{"\"abc\"+1", errVal("#VALUE!")},
		{"A1=1", boolean(true)},
		{"B1=\"HÀ NỘI\"", boolean(true)},
		{"\"a\"<\"B\"", boolean(true)},
		{"1<\"a\"", boolean(true)},
		{"\"a\"<TRUE", boolean(true)},
		{"H9=0", boolean(true)},
		{"H9=\"\"", boolean(true)},
		{"H9+1", num(1)},
		{"H9", num(0)},
		{"B4", text("")},
		{"A1<>A2", boolean(true)},
		{"C5", errVal("#N/A")},
		{"C5+1", errVal("#N/A")},
		{"#REF!", errVal("#REF!")},
		{"TRUE+1", num(2)},
		{"'Chỉ số CCHC'!E33*2", num(14)},
		{"Other!B2+1", num(201)},
		{"other!b2", num(200)},
		{"$A$1+A$2+$A3", num(6)},
		{"SUM(A1:A5)", num(15.5)},
		{"SUM(A:A)", num(15.5)},
		{"SUM(Other!1:1)", num(100)},
		{"SUM(Other!A:B)", num(300)},
		{"SUM(A1:A3,10,,TRUE)", num(17)},
		{"SUM(\"3\",A1)", num(4)},
		{"SUM(B1:B5)", num(0)},
		{"SUM(A1:C5)", errVal("#N/A")},
		{"AVERAGE(A1:A4)", num(2.5)},
		{"AVERAGE(B1:B3)", errVal("#DIV/0!")},
		{"COUNT(A1:C5)", num(8)},
		{"COUNT(1,\"2\",\"x\",TRUE)", num(3)},
		{"COUNTA(A1:C5)", num(14)},
		{"COUNTA(B1:B5)", num(5)},
		{"COUNTBLANK(B1:B7)", num(3)},
		{"COUNTBLANK(H1:H10)", num(10)},
		{"MIN(A1:A5,C2)", num(-2.5)},
		{"MAX(A1:A5)", num(5.5)},
		{"MAX(B1:B3)", num(0)},
		{"PRODUCT(A1:A4)", num(24)},
		{"COUNTIF(E1:E5,\"a\")", num(3)},
		{"COUNTIF(E1:E5,\"<>a\")", num(2)},
		{"COUNTIF(A1:A5,\">2\")", num(3)},
		{"COUNTIF(A1:A5,\">=2\")", num(4)},
		{"COUNTIF(A1:A5,3)", num(1)},
		{"COUNTIF(B1:B3,\"hà*\")", num(2)},
		{"COUNTIF(B1:B3,\"H?ế\")", num(1)},
		{"COUNTIF(H1:H4,\"\")", num(4)},
		{"COUNTIF(B1:B5,\"\")", num(1)},
		{"COUNTIF(B1:B7,\"=\")", num(2)},
		{"COUNTIF(B1:B5,\"<>\")", num(5)},
		{"COUNTIF(A:A,\">0\")", num(5)},
		{"COUNTIFS(E1:E5,\"a\",F1:F5,\">1\")", num(2)},
		{"SUMIF(E1:E5,\"a\",F1:F5)", num(9)},
		{"SUMIF(E1:E5,\"a\",F1)", num(9)},
		{"SUMIF(A1:A5,\">2\")", num(12.5)},
		{"SUMIFS(F1:F5,E1:E5,\"a\",A1:A5,\"<5\")", num(4)},
		{"SUMIFS(F1:F5,E1:E5,\"a\",A1:A4,\"<5\")", errVal("#VALUE!")},
		{"SUMPRODUCT(A1:A4,F1:F4)", num(30)},
		{"SUMPRODUCT((E1:E5=\"a\")*F1:F5)", num(9)},
		{"SUMPRODUCT(--(E1:E5=\"a\"),F1:F5)", num(9)},
		{"SUMPRODUCT(E1:E5=\"a\",F1:F5)", num(0)},
		{"SUMPRODUCT(A1:A4,F1:F5)", errVal("#VALUE!")},
		{"ROUND(D1,2)", num(2.68)},
		{"ROUND(2.5,0)", num(3)},
		{"ROUND(-2.5,0)", num(-3)},
		{"ROUND(D2,-2)", num(1200)},
		{"ROUND(0.285,2)", num(0.29)},
		{"ROUND(1.005,2)", num(1.01)},
		{"ROUND(D2,1)", num(1234.6)},
		{"ROUND(0.5,0)", num(1)},
		{"ROUND(1234.5678,-5)", num(0)},
		{"ROUND(56789,-5)", num(100000)},
		{"ROUNDUP(1.201,1)", num(1.3)},
		{"ROUNDUP(-1.201,1)", num(-1.3)},
		{"ROUNDUP(0.1+0.2,1)", num(0.3)},
		{"ROUNDDOWN(1.299,1)", num(1.2)},
		{"ROUNDDOWN(-1.299,1)", num(-1.2)},
		{"ROUNDUP(5,-1)", num(10)},
		{"INT(-2.5)", num(-3)},
		{"INT(2.9)", num(2)},
		{"ABS(C2)", num(2.5)},
		{"MOD(7,3)", num(1)},
		{"MOD(-7,3)", num(2)},
		{"MOD(7,-3)", num(-2)},
		{"MOD(7,0)", errVal("#DIV/0!")},
		{"IF(A1>0,\"yes\",\"no\")", text("yes")},
		{"IF(A1>5,\"yes\")", boolean(false)},
		{"IF(A1>5,1,)", num(0)},
		{"IF(\"x\",1,2)", errVal("#VALUE!")},
		{"IF(C5,1,2)", errVal("#N/A")},
		{"IF(H1,1,2)", num(2)},
		{"IFERROR(1/0,7)", num(7)},
		{"IFERROR(C5,\"none\")", text("none")},
		{"IFERROR(3,7)", num(3)},
		{"IFNA(C5,1)", num(1)},
		{"IFNA(1/0,1)", errVal("#DIV/0!")},
		{"AND(TRUE,1,A1:A3)", boolean(true)},
		{"AND(TRUE,0)", boolean(false)},
		{"OR(FALSE,C3)", boolean(false)},
		{"OR(B1:B5)", boolean(true)},
		{"AND(B1:B3)", errVal("#VALUE!")},
		{"NOT(A1)", boolean(false)},
		{"ISBLANK(H1)", boolean(true)},
		{"ISBLANK(B4)", boolean(false)},
		{"ISBLANK(\"\")", boolean(false)},
		{"ISNUMBER(A1)", boolean(true)},
		{"ISNUMBER(G3)", boolean(false)},
		{"ISTEXT(G3)", boolean(true)},
		{"ISTEXT(H1)", boolean(false)},
		{"ISERROR(C5)", boolean(true)},
		{"ISNA(1/0)", boolean(false)},
		{"LEN(B1)", num(6)},
		{"LEN(1234.5)", num(6)},
		{"TRIM(\"  a   b  \")", text("a b")},
		{"CONCATENATE(B2,\" \",A1,TRUE)", text("Huế 1TRUE")},
		{"CONCAT(E1:E3,A1)", text("aba1")},
		{"TEXT(1234.567,\"#,##0.00\")", text("1,234.57")},
		{"TEXT(0.7416,\"0.00%\")", text("74.16%")},
		{"TEXT(5,\"000\")", text("005")},
		{"TEXT(0.5,\"#.##\")", text(".5")},
		{"TEXT(-1234.5,\"#,##0\")", text("-1,235")},
		{"TEXT(D5,\"dd/mm/yyyy\")", text("15/03/2024")},
		{"TEXT(D5,\"d/m/yy\")", text("15/3/24")},
		{"TEXT(3,\"\"\"Quý \"\"0\")", text("Quý 3")},
		{"VALUE(\"12\")", num(12)},
		{"VALUE(\" 1,234.5 \")", num(1234.5)},
		{"VALUE(\"5%\")", num(0.05)},
		{"VALUE(\"abc\")", errVal("#VALUE!")},
		{"INDEX(A1:A5,3)", num(3)},
		{"INDEX(A1:F5,2,6)", num(2)},
		{"INDEX(E1:F1,2)", num(1)},
		{"INDEX(A1:A5,6)", errVal("#REF!")},
		{"SUM(INDEX(A1:F5,0,1))", num(15.5)},
		{"MATCH(3,A1:A5,0)", num(3)},
		{"MATCH(3.5,A1:A5)", num(3)},
		{"MATCH(\"b\",E1:E5,0)", num(2)},
		{"MATCH(\"HUẾ\",B1:B5,0)", num(2)},
		{"MATCH(9,A1:A5,0)", errVal("#N/A")},
		{"MATCH(0.5,A1:A5,1)", errVal("#N/A")},
		{"VLOOKUP(3,A1:F5,6,FALSE)", num(3)},
		{"VLOOKUP(3.7,A1:F5,5)", text("a")},
		{"VLOOKUP(9,A1:F5,2,0)", errVal("#N/A")},
		{"VLOOKUP(1,A1:B5,3,0)", errVal("#REF!")},
		{"VLOOKUP(2,A1:B5,2,)", text("Huế")},
		{"DATE(2024,3,15)", num(45366)},
		{"DATE(2024,14,1)", num(45689)},
		{"DATE(1900,1,1)", num(1)},
		{"DATE(1900,3,1)", num(61)},
		{"DATE(124,1,1)", num(45292)},
		{"YEAR(D5)", num(2024)},
		{"MONTH(D5)", num(3)},
		{"DAY(D5)", num(15)},
		{"DAY(59)", num(28)},
		{"DAY(60)", num(29)},
		{"MONTH(61)", num(3)},
		{"YEAR(-1)", errVal("#NUM!")},
		{"ROWS(A1:C5)", num(5)},
		{"COLUMNS(A:C)", num(3)},
		{"_xlfn.CONCAT(\"a\",\"b\")", text("ab")},
		{"sum(a1:a2)", num(3)},
		{"-1*0", num(0)},
		{"ROUND(-0.001,2)", num(0)},
		{"-1*0&\"\"", text("0")},
		{"ROUND(-0.001,2)&\"\"", text("0")},
		{"AVERAGEIF(E1:E5,\"a\",F1:F5)", num(3)},
		{"AVERAGEIF(E1:E5,\"z\",F1:F5)", errVal("#DIV/0!")},
		{"AVERAGEIFS(F1:F5,E1:E5,\"a\",F1:F5,\">1\")", num(4)},
		{"MAXIFS(F1:F5,E1:E5,\"a\")", num(5)},
		{"_xlfn.MINIFS(F1:F5,E1:E5,\"a\")", num(1)},
		{"SUBTOTAL(9,F1:F5)", num(15)},
		{"SUBTOTAL(1,A1:A4)", num(2.5)},
		{"SUBTOTAL(3,E1:E5)", num(5)},
		{"LEFT(B1,2)", text("Hà")},
		{"LEFT(B1)", text("H")},
		{"RIGHT(B1,3)", text("Nội")},
		{"MID(B1,4,2)", text("Nộ")},
		{"MID(B1,10,2)", text("")},
		{"ROW()", num(9)},
		{"COLUMN()", num(26)},
		{"ROW(C5)+COLUMN(C5)", num(8)},
	}
	for _, tc := range tests {
		cells := base()
		cells["Z9"] = "=" + tc.formula
		got, err := New(book(cells), Options{}).Eval(ref("Z9"))
		if err != nil {
			t.Errorf("=%s: %v", tc.formula, err)
			continue
		}
		if !sameValue(got, tc.want) {
			t.Errorf("=%s = %v, want %v", tc.formula, got, tc.want)
		}
	}
}

func sameValue(a, b Value) bool {
	if a.Kind != b.Kind || a.Str != b.Str {
		return false
	}
	if math.Signbit(a.Num) != math.Signbit(b.Num) {
		return false // -0 is not 0 to a reader that prints it
	}
	return a.Num == b.Num || math.Abs(a.Num-b.Num) <= 1e-12*math.Max(1, math.Abs(b.Num))
}

// TestRefuse: what Excel would silently turn into a figure is an *Error
// naming the formula's cell and the cell it depends on.
func TestRefuse(t *testing.T) {
	tests := []struct {
		cells   map[string]any
		cell    string
		dep     string // "" when there is none
		message string
	}{
		{map[string]any{"B18": "=B18+1"}, "B18", "B18", "circular reference B18 → B18"},
		{map[string]any{"B18": "=SUM(A1:XFD1048576)", "A1": 5}, "B18", "B18", "circular reference B18 → B18"},
		{map[string]any{"B18": "=SUM(A:A)+IF(FALSE,B18,0)"}, "B18", "B18", "circular reference B18 → B18"},
		{map[string]any{"B3": "=C3", "C3": "=B3+1"}, "B3", "C3", "circular reference B3 → C3 → B3"},
		{map[string]any{"B3": "=C3", "C3": "=B3+1"}, "C3", "B3", "circular reference C3 → B3 → C3"},
		{map[string]any{"A1": "=B1", "B1": "=C1", "C1": "=A1", "D1": "=A1*2"}, "D1", "A1", "depends on A1, which cannot be evaluated: formula in S!A1: circular reference A1 → B1 → C1 → A1"},
		{map[string]any{"'Chỉ số CCHC'!E33": "='Thông tin'!B36/'Thông tin'!B35", "'Thông tin'!B36": "22 ", "'Thông tin'!B35": 1}, "'Chỉ số CCHC'!E33", "'Thông tin'!B36",
			`'Thông tin'!B36 holds the text "22 ", not a number; type the number`},
		{map[string]any{"E33": "=B36/B35", "B36": "22,0", "B35": 1}, "E33", "B36", `B36 holds the text "22,0", not a number`},
		{map[string]any{"E33": "=B36/B35", "B36": "22", "B35": 1}, "E33", "B36", `B36 holds the text "22", not a number`},
		{map[string]any{"E33": "=B35/B36", "B36": "22", "B35": 1}, "E33", "B36", `B36 holds the text "22"`},
		{map[string]any{"E33": "=-B36", "B36": "22"}, "E33", "B36", `B36 holds the text "22"`},
		{map[string]any{"E33": "=B36*1", "B36": "Tổng"}, "E33", "B36", `B36 holds the text "Tổng" where the formula needs a number`},
		{map[string]any{"E33": "=ROUND(B36,1)", "B36": "2,5"}, "E33", "B36", `B36 holds the text "2,5"`},
		{map[string]any{"E33": "=B36=22", "B36": "22"}, "E33", "B36", `B36 holds the text "22"`},
		{map[string]any{"E33": "=SUM(B30:B36)", "B30": "Số hồ sơ", "B31": 5, "B36": "1.234,5"}, "E33", "B36", `B36 holds the text "1.234,5", which reads as a number, but SUM skips text`},
		{map[string]any{"E33": "=SUM(1:1)", "A1": 1, "C1": "22 "}, "E33", "C1", `C1 holds the text "22 ", which reads as a number, but SUM skips text`},
		{map[string]any{"E33": "=AVERAGE(B31:B36)", "B31": 5, "B36": "22 "}, "E33", "B36", "AVERAGE skips text"},
		{map[string]any{"E33": "=COUNT(B31:B36)", "B31": 5, "B36": "7"}, "E33", "B36", "COUNT skips text"},
		{map[string]any{"E33": "=SUMIF(A1:A2,\"x\",B1:B2)", "A1": "x", "A2": "x", "B1": 1, "B2": "2 "}, "E33", "B2", "SUMIF skips text"},
		{map[string]any{"E33": "=COUNTIF(B1:B2,22)", "B1": 22, "B2": "22"}, "E33", "B2", "COUNTIF skips text"},
		{map[string]any{"E33": "=SUMPRODUCT(B1:B2,C1:C2)", "B1": 1, "B2": "3", "C1": 1, "C2": 1}, "E33", "B2", "SUMPRODUCT skips text"},
		{map[string]any{"E33": "=VLOOKUP(2,A1:B2,2,0)*1", "A1": 1, "A2": 2, "B2": "5"}, "E33", "B2", `B2 holds the text "5"`},
		{map[string]any{"E33": "=B1*2", "B1": "=\"1\"&\"2\""}, "E33", "B1", `B1 gives the text "12", not a number; make its formula give a number`},
		{map[string]any{"E33": "=IFERROR(B36/B35,0)", "B36": "22,0", "B35": 1}, "E33", "B36", `B36 holds the text "22,0"`},
		{map[string]any{"E33": "=B1+1", "B1": "=C1*2", "C1": "x"}, "E33", "B1", `depends on B1, which cannot be evaluated: formula in S!B1: C1 holds the text "x"`},
		{map[string]any{"E33": "=Missing!A1+1"}, "E33", "Missing!A1", "the workbook has no sheet Missing"},
		{map[string]any{"E33": "=SUM(Missing!A:A)"}, "E33", "Missing!A1", "the workbook has no sheet Missing"},
		{map[string]any{"E33": "=FOO(1)"}, "E33", "", "the function FOO is not supported"},
		{map[string]any{"E33": "=\"a\"\"b"}, "E33", "", "a text in quotes is not closed"},
		{map[string]any{"E33": "='It''s!A1"}, "E33", "", "a quoted sheet name is not closed"},
		{map[string]any{"E33": "='It''s'A1"}, "E33", "", "a quoted sheet name must be followed by !"},
		{map[string]any{"E33": "=SUBTOTAL(109,A1:A2)"}, "E33", "", "SUBTOTAL(109, …) leaves out hidden rows, which is not supported"},
		{map[string]any{"E33": "=ROW(A1:A2)"}, "E33", "", "gives an array, which is not supported"},
		{map[string]any{"E33": "=A1*2", "A1": "=FOO(1)"}, "E33", "A1", "depends on A1, which cannot be evaluated: formula in S!A1: the function FOO is not supported"},
		{map[string]any{"E33": "=OFFSET(A1,1,1)"}, "E33", "", "the function OFFSET is not supported"},
		{map[string]any{"E33": "=1+"}, "E33", "", "cannot read the formula =1+: the formula ends too early"},
		{map[string]any{"E33": "=SUM(A1 B1)"}, "E33", "", "intersections"},
		{map[string]any{"E33": "=Tong+1"}, "E33", "", `the name "Tong" is not supported`},
		{map[string]any{"E33": "=SUM({1,2})"}, "E33", "", "array constants"},
		{map[string]any{"E33": "=[1]Sheet1!A1"}, "E33", "", "other workbooks"},
		{map[string]any{"E33": "=A1:A3"}, "E33", "", "gives the range S!A1:A3, not one value (array formulas and implicit intersection are not supported"},
		{map[string]any{"E33": "=IF(1,A1:A5,0)"}, "E33", "", "not one value"},
		{map[string]any{"E33": "=A1:A3+1"}, "E33", "", "gives an array"},
		{map[string]any{"E33": "=ROUND(A1:A2,1)"}, "E33", "", "used where one value is expected"},
		{map[string]any{"E33": "=ROUND(1)"}, "E33", "", "ROUND takes 2 arguments, not 1"},
		{map[string]any{"E33": "=SUMPRODUCT(A:A,B:B)"}, "E33", "", "too many for array arithmetic"},
		{map[string]any{"E33": "=TEXT(1,\"0.0E+0\")"}, "E33", "", "TEXT with the format"},
		{map[string]any{"E33": "=VALUE(\"1.234,5\")"}, "E33", "", "written the Vietnamese way (1.234,5) are not supported"},
	}
	for _, tc := range tests {
		_, err := New(book(tc.cells), Options{}).Eval(ref(tc.cell))
		var fe *Error
		if !errors.As(err, &fe) {
			t.Errorf("%v: %s gives %v, want an *Error %q", tc.cells, tc.cell, err, tc.message)
			continue
		}
		if !strings.Contains(fe.Error(), tc.message) {
			t.Errorf("%v: %s: error %q, want it to contain %q", tc.cells, tc.cell, fe, tc.message)
		}
		if fe.Cell != ref(tc.cell) {
			t.Errorf("%v: error names cell %v, want %s", tc.cells, fe.Cell, tc.cell)
		}
		// What Excel can do and this package cannot is Unsupported; what
		// the workbook gets wrong is not.
		if want := strings.Contains(fe.Error(), "not supported") || strings.Contains(fe.Error(), "cannot read the formula"); fe.Unsupported() != want {
			t.Errorf("%v: %s: Unsupported() = %v, want %v (%v)", tc.cells, tc.cell, fe.Unsupported(), want, fe)
		}
		switch {
		case tc.dep == "" && fe.Dep != nil:
			t.Errorf("%v: error names dependency %v, want none", tc.cells, *fe.Dep)
		case tc.dep != "" && (fe.Dep == nil || *fe.Dep != ref(tc.dep)):
			t.Errorf("%v: error names dependency %v, want %s", tc.cells, fe.Dep, tc.dep)
		}
	}
}
