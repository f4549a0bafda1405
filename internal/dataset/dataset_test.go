package dataset

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"time"

	"baocao/internal/msg"
)

func TestLocString(t *testing.T) {
	tests := []struct {
		loc  Loc
		want string
	}{
		{Loc{File: "file.xlsx", Sheet: "X", Cell: "C5"}, `file.xlsx, sheet "X", cell C5`},
		{Loc{File: "file.xlsx", Sheet: "Chỉ số CCHC", Cell: "A2"}, `file.xlsx, sheet "Chỉ số CCHC", cell A2`},
		{Loc{File: "file.xlsx", Sheet: "X"}, `file.xlsx, sheet "X"`},
		{Loc{File: "file.xlsx"}, `file.xlsx`},
		{Loc{File: "file.xlsx", Cell: "B1"}, `file.xlsx, cell B1`},
	}
	for _, tt := range tests {
		if got := tt.loc.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.loc, got, tt.want)
		}
	}
}

func TestErrorf(t *testing.T) {
	loc := Loc{File: "file.xlsx", Sheet: "X", Cell: "C5"}
	err := Errorf(loc, "expected a number, found %q", "abc")
	if got, want := err.Error(), `file.xlsx, sheet "X", cell C5: expected a number, found "abc"`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	var de *Error
	if !errors.As(err, &de) || de.Loc != loc {
		t.Errorf("errors.As: %v, loc %v", de, de)
	}
	// %w keeps the cause reachable.
	wrapped := Errorf(loc, "%w", fs.ErrNotExist)
	if !errors.Is(wrapped, fs.ErrNotExist) {
		t.Errorf("errors.Is(%v, fs.ErrNotExist) = false", wrapped)
	}
}

func TestValue(t *testing.T) {
	loc := Loc{File: "f.xlsx", Sheet: "S", Cell: "B2"}
	day := time.Date(2024, 10, 9, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		v        Value
		str      string
		num      float64
		numErr   string // substring; "" means no error
		date     time.Time
		dateErr  string
		describe string
	}{
		{"empty", Value{Loc: loc}, "", 0, `f.xlsx, sheet "S", cell B2: expected a number, found an empty cell`, time.Time{}, "found an empty cell", "an empty cell"},
		{"text", Value{Kind: TextKind, Text: "Sa Đéc", Loc: loc}, "Sa Đéc", 0, `found "Sa Đéc"`, time.Time{}, `expected a date, found "Sa Đéc"`, `"Sa Đéc"`},
		{"integer", Value{Kind: NumberKind, Num: 371, Text: "371", Loc: loc}, "371", 371, "", time.Time{}, "expected a date, found the number 371", "the number 371"},
		{"decimal comma", Value{Kind: NumberKind, Num: 13.8, Text: "13.8", Loc: loc}, "13,8", 13.8, "", time.Time{}, "found the number 13,8", "the number 13,8"},
		{"negative", Value{Kind: NumberKind, Num: -0.5, Loc: loc}, "-0,5", -0.5, "", time.Time{}, "found the number -0,5", "the number -0,5"},
		{"date", Value{Kind: DateKind, Time: day, Loc: loc}, "09/10/2024", 0, "expected a number, found the date 09/10/2024", day, "", "the date 09/10/2024"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.v.String(); got != tt.str {
				t.Errorf("String() = %q, want %q", got, tt.str)
			}
			if got := msg.Local(msg.English, tt.v.describe()); got != tt.describe {
				t.Errorf("describe() = %q, want %q", got, tt.describe)
			}
			n, err := tt.v.Float()
			checkErr(t, "Float", err, tt.numErr)
			if err == nil && n != tt.num {
				t.Errorf("Float() = %v, want %v", n, tt.num)
			}
			d, err := tt.v.Date()
			if tt.v.Kind != DateKind {
				checkErr(t, "Date", err, tt.dateErr)
			} else {
				checkErr(t, "Date", err, "")
				if !d.Equal(tt.date) {
					t.Errorf("Date() = %v, want %v", d, tt.date)
				}
			}
		})
	}
}

func checkErr(t *testing.T, what string, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("%s: unexpected error %v", what, err)
	case want != "" && err == nil:
		t.Errorf("%s: no error, want one containing %q", what, want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Errorf("%s: error %q does not contain %q", what, err, want)
	}
}

func TestFacts(t *testing.T) {
	f := NewFacts("Thông tin")
	at := func(cell string) Loc { return Loc{File: "f.xlsx", Sheet: "Thông tin", Cell: cell} }
	if err := f.Add("so_van_ban", Value{Kind: NumberKind, Num: 371, Loc: at("B2")}, at("A2")); err != nil {
		t.Fatal(err)
	}
	if err := f.Add("dia_danh", Value{Kind: TextKind, Text: "Sa Đéc", Loc: at("B3")}, at("A3")); err != nil {
		t.Fatal(err)
	}
	err := f.Add("so_van_ban", Value{Kind: NumberKind, Num: 372, Loc: at("B7")}, at("A7"))
	// Both key cells, not the first value's cell B2.
	want := `f.xlsx, sheet "Thông tin", cell A7: key "so_van_ban" is defined twice (first at cell A2)`
	if err == nil || err.Error() != want {
		t.Errorf("duplicate key: got %v, want %q", err, want)
	}
	if v, ok := f.Get("so_van_ban"); !ok || v.Num != 371 {
		t.Errorf("Get after duplicate = %v, %v; want the first value kept", v, ok)
	}
	if _, ok := f.Get("missing"); ok {
		t.Error("Get(missing) reported ok")
	}
	keys := f.Keys()
	if strings.Join(keys, ",") != "so_van_ban,dia_danh" {
		t.Errorf("Keys() = %v", keys)
	}
	keys[0] = "changed"
	if f.Keys()[0] != "so_van_ban" {
		t.Error("Keys() returned the internal slice")
	}
}

func TestDatasetFact(t *testing.T) {
	d := &Dataset{Source: "f.xlsx"}
	if _, err := d.Fact("nam"); err == nil || !strings.Contains(err.Error(), `f.xlsx has no fact sheet, so fact "nam"`) {
		t.Errorf("no fact sheet: %v", err)
	}
	d.Facts = NewFacts("Thông tin")
	_ = d.Facts.Add("nam", Value{Kind: NumberKind, Num: 2024}, Loc{})
	if v, err := d.Fact("nam"); err != nil || v.Num != 2024 {
		t.Errorf("Fact(nam) = %v, %v", v, err)
	}
	_, err := d.Fact("ky")
	if want := `f.xlsx, sheet "Thông tin": no fact with key "ky"`; err == nil || err.Error() != want {
		t.Errorf("Fact(ky) error = %v, want %q", err, want)
	}
}

func TestDatasetTree(t *testing.T) {
	a, b := NewTree("A", "f.xlsx"), NewTree("B", "f.xlsx")
	tests := []struct {
		name  string
		trees map[string]*Tree
		sheet string
		want  *Tree
		err   string
	}{
		{"none", map[string]*Tree{}, "", nil, "f.xlsx has no indicator sheet"},
		{"only", map[string]*Tree{"A": a}, "", a, ""},
		{"named", map[string]*Tree{"A": a, "B": b}, "B", b, ""},
		{"ambiguous", map[string]*Tree{"B": b, "A": a}, "", nil, "f.xlsx has 2 indicator sheets (A, B); name the one to use"},
		{"missing", map[string]*Tree{"A": a}, "C", nil, `f.xlsx has no indicator sheet "C"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Dataset{Source: "f.xlsx", Trees: tt.trees}
			got, err := d.Tree(tt.sheet)
			checkErr(t, "Tree", err, tt.err)
			if got != tt.want {
				t.Errorf("Tree(%q) = %v, want %v", tt.sheet, got, tt.want)
			}
		})
	}
}

// WithFacts sets the overrides over the workbook's facts, which stay as
// they are and are shared, not copied.
func TestWithFacts(t *testing.T) {
	base := &Dataset{Source: "a.xlsx", Facts: NewFacts("Thông tin")}
	for i, kv := range [][2]string{{"ten_don_vi", "xã A"}, {"so_van_ban", "12"}, {"Người ký", "Trần Văn An"}} {
		if err := base.Facts.Add(kv[0], Value{Kind: TextKind, Text: kv[1]}, Loc{File: "a.xlsx", Sheet: "Thông tin", Cell: fmt.Sprintf("A%d", i+2)}); err != nil {
			t.Fatal(err)
		}
	}
	unit := base.WithFacts(map[string]Value{
		"TEN_DON_VI": {Kind: TextKind, Text: "xã B"}, // the same key, typed otherwise
		"nhiem_ky":   {Kind: TextKind, Text: "2021-2025"},
	})
	inner := unit.WithFacts(map[string]Value{"so_van_ban": {Kind: TextKind, Text: "13"}})
	tests := []struct {
		name string
		d    *Dataset
		key  string
		want string
		ok   bool
	}{
		{"the base keeps its value", base, "ten_don_vi", "xã A", true},
		{"the base has no override", base, "nhiem_ky", "", false},
		{"an override", unit, "Ten_Don_Vi", "xã B", true},
		{"a new key", unit, "nhiem_ky", "2021-2025", true},
		{"from the base", unit, "nguoi ky", "Trần Văn An", true},
		{"an override of an override's base", inner, "so_van_ban", "13", true},
		{"through two layers", inner, "ten_don_vi", "xã B", true},
		{"missing", inner, "khong_co", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := tt.d.Facts.Get(tt.key)
			if ok != tt.ok || v.Text != tt.want {
				t.Errorf("Get(%q) = %q, %v; want %q, %v", tt.key, v.Text, ok, tt.want, tt.ok)
			}
		})
	}
	if got, want := strings.Join(inner.Facts.Keys(), ","), "ten_don_vi,so_van_ban,Người ký,nhiem_ky"; got != want {
		t.Errorf("Keys = %s, want %s", got, want)
	}
	if l, ok := inner.Facts.KeyLoc("so_van_ban"); !ok || l.Cell != "A3" {
		t.Errorf("KeyLoc(so_van_ban) = %v, %v; want the base's key cell A3", l, ok)
	}
	// A key of the base typed again is a duplicate in the copy too.
	if err := unit.Facts.Add("Tên_đơn_vị", Value{Kind: TextKind, Text: "x"}, Loc{Cell: "A9"}); err == nil || !strings.Contains(err.Error(), "A2") {
		t.Errorf("Add of a base key: %v", err)
	}
}
