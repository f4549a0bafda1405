package xlsxdata

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"13,8", "57.286", "1.234,5", "1,234.5", "99,48%", "-0,5", "", "abc",
		"1.23", "12.345.678", ",5", "0.125", "+7", "5,", "-", "%", "1e5", "0,000001", "999.999.999.999.999.999,9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x, ok := ParseNumber(s)
		if !ok {
			if x != 0 {
				t.Errorf("ParseNumber(%q) = %v, false; want 0 when rejected", s, x)
			}
			return
		}
		if math.IsNaN(x) || math.IsInf(x, 0) {
			t.Fatalf("ParseNumber(%q) = %v", s, x)
		}
		// The result written back with a decimal comma reads the same.
		vn := strings.Replace(strconv.FormatFloat(x, 'f', -1, 64), ".", ",", 1)
		if y, ok := ParseNumber(vn); !ok || y != x {
			t.Errorf("ParseNumber(%q) = %v, but ParseNumber(%q) = %v, %v", s, x, vn, y, ok)
		}
		// Spaces around do not matter; nor does a percent sign.
		trimmed := strings.TrimSpace(s)
		if y, ok := ParseNumber(" " + trimmed + "\t"); !ok || y != x {
			t.Errorf("ParseNumber(%q) = %v, but with spaces %v, %v", s, x, y, ok)
		}
		if !strings.HasSuffix(trimmed, "%") {
			if y, ok := ParseNumber(trimmed + "%"); !ok || y != x {
				t.Errorf("ParseNumber(%q) = %v, but with %% %v, %v", s, x, y, ok)
			}
		}
		// A sign in front negates an unsigned number.
		if trimmed[0] != '-' && trimmed[0] != '+' {
			if y, ok := ParseNumber("-" + trimmed); !ok || y != -x {
				t.Errorf("ParseNumber(%q) = %v, but ParseNumber(-…) = %v, %v", s, x, y, ok)
			}
		}
	})
}

// bigTree writes a workbook whose indicator sheet has 5,000 rows: 50
// fields of 99 criteria each, with text notes, survey items and a total.
func bigTree(tb testing.TB) string {
	tb.Helper()
	rows := [][]any{{"Tổng", "Tổng cộng", nil}}
	for i := 1; i <= 50; i++ {
		rows = append(rows, []any{strconv.Itoa(i), fmt.Sprintf("Lĩnh vực %d", i)})
		for j := 1; j <= 99; j++ {
			r := []any{fmt.Sprintf("%d.%d", i, j), fmt.Sprintf("Tiêu chí thành phần %d.%d về cải cách hành chính", i, j), 2, nil, 1.5, nil, "ghi chú"}
			if j%10 == 0 {
				r[3], r[4], r[5] = 2, nil, 1.25
			}
			rows = append(rows, r)
		}
	}
	rows = rows[:5000]
	path := filepath.Join(tb.TempDir(), "big.xlsx")
	if err := os.WriteFile(path, makeBook(tb, []sheetSpec{treeSheet(rows...)}), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

func TestBigTree(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	d, err := Read(bigTree(t))
	if err != nil {
		t.Fatal(err)
	}
	tr, err := d.Tree("")
	if err != nil {
		t.Fatal(err)
	}
	nodes := 0
	for _, f := range tr.Root.Children {
		nodes += 1 + len(f.Children)
	}
	if len(tr.Root.Children) != 50 || nodes != 4999 {
		t.Errorf("%d fields, %d nodes; want 50, 4999", len(tr.Root.Children), nodes)
	}
	// 50 fields of 99 criteria (the last of 98), 9 of them survey items.
	if mx, err := tr.Root.Max(); err != nil || mx != 2*4949 {
		t.Errorf("total max = %v, %v", mx, err)
	}
	if len(tr.Issues) != 0 {
		t.Errorf("%d issues, first %v", len(tr.Issues), tr.Issues[0])
	}
}

func BenchmarkReadTree(b *testing.B) {
	path := bigTree(b)
	b.ReportAllocs()
	for b.Loop() {
		d, err := Read(path)
		if err != nil {
			b.Fatal(err)
		}
		if len(d.Trees) != 1 {
			b.Fatal("no tree")
		}
	}
}

// FuzzParseFloat: a number cell reads as strconv.ParseFloat reads it, to
// the bit, whole numbers by the short way or not.
func FuzzParseFloat(f *testing.F) {
	for _, s := range []string{"0", "00", "100", "007", "123456789012345", "1234567890123456", "9007199254740993", "-0", "-5", "+5", "1e3", "0.1", "", " 1", "1 ", "Inf", "NaN", "1e400", "0x10", "1_000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseFloat(s)
		x, err := strconv.ParseFloat(s, 64)
		want := err == nil && !math.IsInf(x, 0) && !math.IsNaN(x)
		if ok != want || ok && math.Float64bits(got) != math.Float64bits(x) {
			t.Errorf("parseFloat(%q) = %v, %v; ParseFloat gives %v, %v", s, got, ok, x, err)
		}
	})
}
