package formula

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestTranslate(t *testing.T) {
	tests := []struct {
		formula                string
		fromC, fromR, toC, toR int
		want                   string
	}{
		{"A1+B2", 3, 1, 3, 2, "A2+B3"},
		{"$A$1+A$1+$A1+A1", 1, 1, 2, 3, "$A$1+B$1+$A3+B3"},
		{"SUM(A1:B5)*'Chỉ số CCHC'!E33", 6, 1, 7, 4, "SUM(B4:C8)*'Chỉ số CCHC'!F36"},
		{"SUM(A:A)+SUM(1:1)+SUM($A:B)", 1, 1, 2, 2, "SUM(B:B)+SUM(2:2)+SUM($A:C)"},
		{"\"A1\"&A1&Sheet1!A1", 1, 1, 1, 2, "\"A1\"&A2&Sheet1!A2"},
		{"LOG10(A1)+IF(TRUE,A1)", 1, 1, 1, 2, "LOG10(A2)+IF(TRUE,A2)"},
		{"A1", 1, 1, 1, 1, "A1"},
		{"C3-1", 3, 3, 1, 1, "A1-1"},
		{"'a!b'!A1+2024!B2+Sheet1!1:1", 1, 1, 2, 2, "'a!b'!B2+2024!C3+Sheet1!2:2"},
		{"Sheet1!#REF!+#N/A+A1", 1, 1, 1, 2, "Sheet1!#REF!+#N/A+A2"},
		{"SUM( A1 , B1 )", 1, 1, 1, 3, "SUM( A3 , B3 )"},
	}
	for _, tc := range tests {
		got, err := Translate(tc.formula, tc.fromC, tc.fromR, tc.toC, tc.toR)
		if err != nil || got != tc.want {
			t.Errorf("Translate(%q, %d,%d → %d,%d) = %q, %v; want %q", tc.formula, tc.fromC, tc.fromR, tc.toC, tc.toR, got, err, tc.want)
		}
	}
	if got, err := Translate("A1+1", 2, 2, 1, 1); err == nil || !strings.Contains(err.Error(), "off the sheet") {
		t.Errorf("Translate off the sheet = %q, %v; want an error", got, err)
	}
	if _, err := Translate("SUM(", 1, 1, 1, 2); err != nil {
		t.Errorf("Translate of an unfinished formula: %v (only the tokens matter)", err)
	}
	if _, err := Translate("\"open", 1, 1, 1, 2); err == nil {
		t.Errorf("Translate of an unclosed text: no error")
	}
}

func TestRefString(t *testing.T) {
	tests := map[Ref]string{
		{Sheet: "Sheet1", Col: 2, Row: 7}:       "Sheet1!B7",
		{Sheet: "Chỉ số CCHC", Col: 5, Row: 33}: "'Chỉ số CCHC'!E33",
		{Sheet: "It's", Col: 1, Row: 1}:         "'It''s'!A1",
		{Sheet: "A1", Col: 1, Row: 1}:           "'A1'!A1",
		{Sheet: "R1C1", Col: 1, Row: 1}:         "'R1C1'!A1",
		{Sheet: "2024", Col: 1, Row: 1}:         "'2024'!A1",
		{Sheet: "", Col: 28, Row: 1048576}:      "AB1048576",
		{Sheet: "x", Col: 16384, Row: 1}:        "x!XFD1",
	}
	for r, want := range tests {
		if got := r.String(); got != want {
			t.Errorf("%#v.String() = %q, want %q", r, got, want)
		}
		// What String writes, the parser reads back.
		if r.Sheet != "" {
			n, err := parse(r.String())
			rn, ok := n.(refNode)
			if err != nil || !ok || rn.sheet != r.Sheet || rn.c1 != r.Col || rn.r1 != r.Row {
				t.Errorf("parse(%q) = %#v, %v", r.String(), n, err)
			}
		}
	}
}

// TestChain: a chain of 100,000 formula cells, each referring to the next,
// is evaluated without growing the Go stack, and a chain that closes on
// itself is a cycle naming its cells.
func TestChain(t *testing.T) {
	const n = 100_000
	cells := map[string]any{fmt.Sprintf("A%d", n): 1}
	for i := 1; i < n; i++ {
		cells[fmt.Sprintf("A%d", i)] = fmt.Sprintf("=A%d+1", i+1)
	}
	e := New(book(cells), Options{})
	v, err := e.Eval(ref("A1"))
	if err != nil || v != num(n) {
		t.Fatalf("A1 = %v, %v; want %d", v, err, n)
	}
	if v, err := e.Eval(ref("A500")); err != nil || v != num(n-499) {
		t.Errorf("A500 = %v, %v (memoised)", v, err)
	}

	cells[fmt.Sprintf("A%d", n)] = "=A1"
	_, err = New(book(cells), Options{}).Eval(ref("A3"))
	var fe *Error
	if !errors.As(err, &fe) || !strings.HasPrefix(fe.Reason, "circular reference A3 → A4 → A5") || !strings.Contains(fe.Reason, "(99990 more cells) → A1 → A2 → A3 (") {
		t.Errorf("closed chain: %v", err)
	}
}

func TestLimits(t *testing.T) {
	cells := map[string]any{"A1": "=SUM(B1:B1000)+A2", "A2": "=SUM(B1:B1000)"}
	for i := 1; i <= 1000; i++ {
		cells[fmt.Sprintf("B%d", i)] = i
	}
	_, err := New(book(cells), Options{MaxSteps: 1500}).Eval(ref("A1"))
	if err == nil || !strings.Contains(err.Error(), "more than 1500 steps (Options.MaxSteps)") {
		t.Errorf("MaxSteps: %v", err)
	}
	_, err = New(book(cells), Options{MaxRangeCells: 999}).Eval(ref("A2"))
	if err == nil || !strings.Contains(err.Error(), "the range S!B1:B1000 covers 1000 used cells, more than the limit of 999") {
		t.Errorf("MaxRangeCells: %v", err)
	}
	v, err := New(book(cells), Options{}).Eval(ref("A1"))
	if err != nil || v != num(1001000) {
		t.Errorf("A1 = %v, %v", v, err)
	}
}

// TestSheetNames: Excel's sheet names match without regard to case, and a
// constant cell evaluates to itself.
func TestSheetNames(t *testing.T) {
	src := book(map[string]any{"'Thông tin'!B2": 4, "A1": "='THÔNG TIN'!B2*2", "A2": "='thông tin'!B2+A1"})
	e := New(src, Options{})
	if v, err := e.Eval(ref("A2")); err != nil || v != num(12) {
		t.Errorf("A2 = %v, %v", v, err)
	}
	if v, err := e.Eval(Ref{Sheet: "Thông tin", Col: 2, Row: 2}); err != nil || v != num(4) {
		t.Errorf("constant = %v, %v", v, err)
	}
	if _, err := e.Eval(Ref{Sheet: "Nope", Col: 1, Row: 1}); err == nil || !strings.Contains(err.Error(), "no sheet Nope") {
		t.Errorf("missing sheet: %v", err)
	}
}

func TestRoundDecimal(t *testing.T) {
	tests := []struct {
		x    float64
		d    int
		mode roundMode
		want float64
	}{
		{2.675, 2, roundHalfUp, 2.68},
		{-2.675, 2, roundHalfUp, -2.68},
		{1.45, 1, roundHalfUp, 1.5},
		{0.045, 2, roundHalfUp, 0.05},
		{8.345, 2, roundHalfUp, 8.35},
		{61.875, 2, roundHalfUp, 61.88},
		{0.618750000000001, 4, roundHalfUp, 0.6188},
		{5.9583333, 4, roundHalfUp, 5.9583},
		{1e-20, 2, roundHalfUp, 0},
		{0.005, 2, roundHalfUp, 0.01},
		{0.004999, 2, roundHalfUp, 0},
		{123456789012345678, -3, roundHalfUp, 123456789012346000},
		{0.1 + 0.2, 1, roundUp, 0.3},
		{2.0000001, 0, roundUp, 3},
		{2, 0, roundUp, 2},
		{0.0001, 0, roundUp, 1},
		{0.0001, -2, roundUp, 100},
		{-0.0001, 0, roundDown, 0},
		{1.999, 2, roundDown, 1.99},
		{12345.6, 5, roundHalfUp, 12345.6},
	}
	for _, tc := range tests {
		if got := roundDecimal(tc.x, tc.d, tc.mode); got != tc.want {
			t.Errorf("roundDecimal(%v, %d, %d) = %v, want %v", tc.x, tc.d, tc.mode, got, tc.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"1+2*3", "SUM(A1:B5,,3)", "'Chỉ số CCHC'!E33/'It''s'!A:A", "-2^-2%", "IF(A1<>\"\",\"a\"\"b\",#N/A)",
		"$A$1:$XFD$1048576", "1:1", "2024!A1", "_xlfn.CONCAT(A1)", "A1 B1", "{1,2}", "((((1))))", "1e5+.5", "Sheet1!#REF!",
		"SUMIFS(A1:A3,B1:B3,\"x*\")", "INDEX(A1:B2,0,1)", "VLOOKUP(1,A1:B3,2)", "TEXT(A1,\"#,##0.0%\")", "SUMPRODUCT(A1:A3*2)",
		"COUNTIF(A:A,\">=1\")", "MATCH(\"x\",B1:B3,0)", "ROUND(A1/3,-1)", "DATE(2024,A1,1)", "IFERROR(Other!A1/0,1)",
		"SUBTOTAL(9,A1:A3)", "MID(B1,1,2)", "AVERAGEIFS(A1:A3,B1:B3,\"<>\")", "ROW()+COLUMN(B2)", "TEXT(45366,\"dd/mm/yyyy\")",
	} {
		f.Add(s)
	}
	src := book(map[string]any{"A1": 1, "B1": "x", "A2": "=A1+1", "B2": "22", "Other!A1": 2})
	f.Fuzz(func(t *testing.T, s string) {
		n, err := parse(s)
		if err == nil && n == nil {
			t.Fatalf("parse(%q): no tree and no error", s)
		}
		if _, err := Translate(s, 1, 1, 3, 4); err == nil {
			// A translated formula still lexes.
			out, _ := Translate(s, 1, 1, 3, 4)
			if _, err := Translate(out, 3, 4, 5, 6); err != nil && !strings.Contains(err.Error(), "off the sheet") {
				t.Fatalf("Translate(%q) = %q, which does not lex: %v", s, out, err)
			}
		}
		if strings.TrimSpace(s) == "" {
			return // "" is a constant cell to a Source
		}
		src.sheets["s"][[2]int{3, 3}] = "=" + s
		e := New(src, Options{MaxSteps: 100000})
		v, err := e.Eval(ref("C3"))
		var fe *Error
		if err != nil && !errors.As(err, &fe) {
			t.Fatalf("=%s: error %T %v, want *Error", s, err, err)
		}
		if err == nil && v.Kind == Empty {
			t.Fatalf("=%s: an empty value", s)
		}
	})
}

func TestDate1904(t *testing.T) {
	cells := map[string]any{"A1": "=DATE(2024,3,15)", "A2": 43904, "B2": "=YEAR(A2)&\"-\"&MONTH(A2)&\"-\"&DAY(A2)", "A3": "=DATE(1903,1,1)"}
	e := New(book(cells), Options{Date1904: true})
	if v, err := e.Eval(ref("A1")); err != nil || v != num(43904) {
		t.Errorf("DATE in 1904 = %v, %v; want 43904", v, err)
	}
	if v, err := e.Eval(ref("B2")); err != nil || v != text("2024-3-15") {
		t.Errorf("YEAR-MONTH-DAY in 1904 = %v, %v", v, err)
	}
	if v, err := e.Eval(ref("A3")); err != nil || v != errVal("#NUM!") {
		t.Errorf("DATE before 1904 = %v, %v", v, err)
	}
}

// TestLimitSticks: once MaxSteps is reached, every later Eval says so.
func TestLimitSticks(t *testing.T) {
	cells := map[string]any{"A1": "=SUM(B1:B100)", "A2": "=1+1"}
	for i := 1; i <= 100; i++ {
		cells[fmt.Sprintf("B%d", i)] = i
	}
	e := New(book(cells), Options{MaxSteps: 150})
	if _, err := e.Eval(ref("A1")); err == nil {
		t.Fatal("no limit error")
	}
	if _, err := e.Eval(ref("A2")); err == nil || !strings.Contains(err.Error(), "Options.MaxSteps") {
		t.Errorf("after the limit: %v", err)
	}
}

// TestSubtotal: SUBTOTAL leaves out the SUBTOTAL cells of its range, so a
// grand total over a table with subtotal rows counts each figure once.
func TestSubtotal(t *testing.T) {
	cells := map[string]any{"A1": 1, "A2": 2, "A3": "=SUBTOTAL(9,A1:A2)", "A4": 3, "A5": "=subtotal(9,A4)", "A6": "=SUBTOTAL(9,A1:A5)", "A7": "=SUM(A1:A5)"}
	e := New(book(cells), Options{})
	for cell, want := range map[string]float64{"A3": 3, "A5": 3, "A6": 6, "A7": 12} {
		if v, err := e.Eval(ref(cell)); err != nil || v != num(want) {
			t.Errorf("%s = %v, %v; want %v", cell, v, err, want)
		}
	}
}

// TestDocListsFunctions: the package comment lists every function there is.
func TestDocListsFunctions(t *testing.T) {
	b, err := os.ReadFile("formula.go")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b[:strings.Index(string(b), "package formula")])
	var listed []string
	if i := strings.Index(doc, "// The functions: "); i >= 0 {
		rest := doc[i+len("// The functions: "):]
		rest = rest[:strings.Index(rest, ".")]
		listed = strings.Fields(strings.ReplaceAll(rest, "//", ""))
	}
	if len(listed) != len(functions) {
		t.Errorf("the package comment lists %d functions, the table has %d", len(listed), len(functions))
	}
	for _, name := range listed {
		if functions[name] == nil {
			t.Errorf("the package comment lists %s, which is not in the table", name)
		}
	}
}
