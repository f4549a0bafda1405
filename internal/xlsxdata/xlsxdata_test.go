package xlsxdata

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"baocao/internal/dataset"
)

var oct9 = time.Date(2024, 10, 9, 0, 0, 0, 0, time.UTC)

func TestFacts(t *testing.T) {
	type want struct {
		kind   dataset.Kind
		text   string
		num    float64
		time   time.Time
		asText bool
	}
	tests := []struct {
		name  string
		value any // the cell B2 under key "k"
		opts  []bookOpt
		want  want
	}{
		{"text", "thành phố Sa Đéc", nil, want{kind: dataset.TextKind, text: "thành phố Sa Đéc"}},
		{"text trimmed of nothing", "  Sa Đéc ", nil, want{kind: dataset.TextKind, text: "  Sa Đéc "}},
		{"integer", 371, nil, want{kind: dataset.NumberKind, text: "371", num: 371}},
		{"decimal", 31.94, nil, want{kind: dataset.NumberKind, text: "31.94", num: 31.94}},
		{"negative", -0.5, nil, want{kind: dataset.NumberKind, text: "-0.5", num: -0.5}},
		{"date dd/mm/yyyy", styled{v: oct9, custom: "dd/mm/yyyy"}, nil, want{kind: dataset.DateKind, text: "45574", time: oct9}},
		{"date built-in 14", styled{v: oct9, numFmt: 14}, nil, want{kind: dataset.DateKind, text: "45574", time: oct9}},
		{"date serial with a date format", styled{v: 45574, custom: `d "tháng" m "năm" yyyy`}, nil, want{kind: dataset.DateKind, text: "45574", time: oct9}},
		{"date and time truncated", styled{v: oct9.Add(15 * time.Hour), numFmt: 22}, nil, want{kind: dataset.DateKind, text: "45574.625", time: oct9}},
		{"number with a quoted d in its format", styled{v: 5, custom: `0 "đ"`}, nil, want{kind: dataset.NumberKind, text: "5", num: 5}},
		{"number with a locale tag", styled{v: 5, custom: `[$-42A]#,##0`}, nil, want{kind: dataset.NumberKind, text: "5", num: 5}},
		{"date in a 1904 workbook", styled{v: oct9, custom: "dd/mm/yyyy"}, []bookOpt{date1904}, want{kind: dataset.DateKind, text: "44112", time: oct9}},
		{"ISO date cell", rawCell(`<c r="%s" t="d"><v>2024-10-09T00:00:00</v></c>`), nil, want{kind: dataset.DateKind, text: "2024-10-09T00:00:00", time: oct9}},
		{"date typed as text", "09/10/2024", nil, want{kind: dataset.DateKind, text: "09/10/2024", time: oct9, asText: true}},
		{"number typed as text", "13,8", nil, want{kind: dataset.NumberKind, text: "13,8", num: 13.8, asText: true}},
		{"grouped number typed as text", "1.234,5", nil, want{kind: dataset.NumberKind, text: "1.234,5", num: 1234.5, asText: true}},
		{"percent typed as text", "99,48%", nil, want{kind: dataset.NumberKind, text: "99,48%", num: 99.48, asText: true}},
		{"code-like text", "04/QĐ-UBND-HC", nil, want{kind: dataset.TextKind, text: "04/QĐ-UBND-HC"}},
		{"NFD text is NFC", norm.NFD.String("Nguyễn Văn Hòn"), nil, want{kind: dataset.TextKind, text: "Nguyễn Văn Hòn"}},
		{"boolean is text, not 1", true, nil, want{kind: dataset.TextKind, text: "TRUE"}},
		{"false", false, nil, want{kind: dataset.TextKind, text: "FALSE"}},
		{"formula without a cached value", fx("20*2+2"), nil, want{kind: dataset.NumberKind, text: "42", num: 42}},
		{"formula with a cached value", rawCell(`<c r="%s"><f>1+1</f><v>2</v></c>`), nil, want{kind: dataset.NumberKind, text: "2", num: 2}},
		{"formula with a stale cached value", rawCell(`<c r="%s"><f>1+1</f><v>7</v></c>`), nil, want{kind: dataset.NumberKind, text: "2", num: 2}},
		{"text formula with a cached value", rawCell(`<c r="%s" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>`), nil, want{kind: dataset.TextKind, text: "ab"}},
		{"text formula without a cached value", fx(`"Sa "&"Đéc"`), nil, want{kind: dataset.TextKind, text: "Sa Đéc"}},
		{"empty", nil, nil, want{kind: dataset.Empty}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			d, err := readBook(t, []sheetSpec{factSheet(row("k", tt.value))}, tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			v, err := d.Fact("k")
			if err != nil {
				t.Fatal(err)
			}
			w := tt.want
			if v.Kind != w.kind || v.Text != w.text || v.Num != w.num || !v.Time.Equal(w.time) || v.AsText != w.asText {
				t.Errorf("got  kind %d text %q num %v time %v asText %v\nwant kind %d text %q num %v time %v asText %v",
					v.Kind, v.Text, v.Num, v.Time, v.AsText, w.kind, w.text, w.num, w.time, w.asText)
			}
			if want := (dataset.Loc{File: "file.xlsx", Sheet: "Thông tin", Cell: "B2"}); v.Loc != want {
				t.Errorf("Loc = %v, want %v", v.Loc, want)
			}
		})
	}
}

func TestFactSheetRows(t *testing.T) {
	d, err := readBook(t, []sheetSpec{factSheet(
		row("so_van_ban", 371),
		row(), // empty row
		row(nil, nil, "a note alone is skipped"),
		row("  ngay_ban_hanh  ", styled{v: oct9, numFmt: 14}, "keys are trimmed"),
		row(norm.NFD.String("địa_danh"), "Sa Đéc"),
		row("chuc_vu_ky", nil, "blank value"),
	)})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(d.Facts.Keys(), " "); got != "so_van_ban ngay_ban_hanh địa_danh chuc_vu_ky" {
		t.Errorf("Keys() = %q", got)
	}
	if d.Facts.Sheet != "Thông tin" || len(d.Trees) != 0 || len(d.Warnings) != 0 {
		t.Errorf("sheet %q, %d trees, warnings %v", d.Facts.Sheet, len(d.Trees), d.Warnings)
	}
	if v, _ := d.Fact("ngay_ban_hanh"); !v.Time.Equal(oct9) || v.Loc.Cell != "B5" {
		t.Errorf("ngay_ban_hanh = %+v", v)
	}
	if v, _ := d.Fact("chuc_vu_ky"); v.Kind != dataset.Empty {
		t.Errorf("chuc_vu_ky = %+v", v)
	}
}

func TestFactHeaders(t *testing.T) {
	tests := []struct {
		name string
		rows [][]any
	}{
		{"upper case, other tone placement", [][]any{{"KHOÁ", "GIÁ TRỊ"}}},
		{"no diacritics", [][]any{{"khoa", "gia tri"}}},
		{"NFD and extra spaces", [][]any{{norm.NFD.String(" Khóa "), norm.NFD.String("Giá   trị")}}},
		{"other columns and order", [][]any{{"Ghi chú", "Giá trị", nil, "Khoá"}}},
		{"after blank rows", [][]any{nil, nil, {"Khóa", "Giá trị"}}},
		{"under a title", [][]any{{"THÔNG TIN CHUNG CỦA BÁO CÁO"}, nil, {"Khóa", "Giá trị"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The fact row goes under the header, in its columns.
			var key, val int
			hdr := tt.rows[len(tt.rows)-1]
			for i, h := range hdr {
				s, _ := h.(string)
				switch dataset.FoldKey(s) {
				case "khoa":
					key = i
				case "gia tri":
					val = i
				}
			}
			fact := make([]any, len(hdr))
			fact[key], fact[val] = "nam", 2024
			d, err := readBook(t, []sheetSpec{{name: "Facts", rows: append(tt.rows, fact)}})
			if err != nil {
				t.Fatal(err)
			}
			if v, err := d.Fact("nam"); err != nil || v.Num != 2024 {
				t.Errorf("Fact(nam) = %+v, %v", v, err)
			}
		})
	}
}

func TestFactErrors(t *testing.T) {
	tests := []struct {
		name   string
		sheets []sheetSpec
		err    string // exactly
	}{
		{"duplicate key names both key cells", []sheetSpec{factSheet(row("nam", 2024), row("ky", "x"), row("nam", 2025))},
			`file.xlsx, sheet "Thông tin", cell A4: key "nam" is defined twice (first at cell A2)`},
		{"a key that is a number", []sheetSpec{factSheet(row("nam", 2024), row(5, "x"))},
			`file.xlsx, sheet "Thông tin", cell A3: expected a key (text such as so_van_ban), found 5`},
		{"a key that is a number typed as text", []sheetSpec{factSheet(row("13,8", "x"))},
			`file.xlsx, sheet "Thông tin", cell A2: expected a key (text such as so_van_ban), found 13,8`},
		{"a value holding an error", []sheetSpec{factSheet(row("k", rawCell(`<c r="%s" t="e"><v>#N/A</v></c>`)))},
			`file.xlsx, sheet "Thông tin", cell B2: the cell holds the error #N/A`},
		{"a second fact sheet", []sheetSpec{factSheet(row("a", 1)), {name: "Khác", rows: [][]any{{"Khóa", "Giá trị"}, {"b", 2}}}},
			`file.xlsx, sheet "Khác": a second fact sheet (the first is "Thông tin"); keep the facts on one sheet`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := readBook(t, tt.sheets)
			if err == nil {
				t.Fatalf("no error (facts %v), want %q", d.Facts.Keys(), tt.err)
			}
			if err.Error() != tt.err {
				t.Errorf("error %q\nwant  %q", err, tt.err)
			}
		})
	}
}

func TestTree(t *testing.T) {
	d, err := readBook(t, []sheetSpec{treeSheet(
		row("Tổng", "Chỉ số CCHC", 100),
		row("1", "Chỉ đạo điều hành", 16.5, nil, 13.8, nil, "ghi chú 1"),
		row("1.1", "Kế hoạch", 2, nil, 1.8),
		row(1.2, "a number 1.2 would be an error; typed as text below"),
	)})
	if err == nil || err.Error() != `file.xlsx, sheet "X", cell A5: indicator code 1,2 is a number; type it as text ('1.2) so that 1.2 and 1.20 stay different` {
		t.Fatalf("code 1.2 as a number: %v", err)
	}

	d, err = readBook(t, []sheetSpec{treeSheet(
		row("Tổng", "Chỉ số CCHC", 100),
		row(1, "Chỉ đạo điều hành", 16.5, nil, 13.8, nil, "ghi chú 1"), // code 1 as a number is fine
		row("1.1", "Kế hoạch", 2, nil, 1.8),
		row("1.2", "Báo cáo"),
		row(nil, nil),
		row("1.10", "ĐTXHH", 2, 2),
		row("2.", "Thể chế", nil, nil, nil),
		row("2.1", "Tiến độ", "3", nil, "1,5"),
		row(" 2.2 ", norm.NFD.String("Tuân thủ quy trình"), 4, 4, nil, 3.25),
	)})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := d.Tree("")
	if err != nil {
		t.Fatal(err)
	}
	if tr.Root.Name != "Chỉ số CCHC" || tr.Root.Row.Cell != "A2" || tr.Sheet != "X" {
		t.Errorf("root = %+v", tr.Root)
	}
	one, _ := tr.Lookup("1")
	if one.Note != "ghi chú 1" || one.Row != (dataset.Loc{File: "file.xlsx", Sheet: "X", Cell: "A3"}) {
		t.Errorf("node 1 = %+v", one)
	}
	var codes []string
	for _, c := range one.Children {
		codes = append(codes, c.Code)
	}
	if strings.Join(codes, " ") != "1.1 1.2 1.10" {
		t.Errorf("children of 1: %v", codes)
	}
	n22, _ := tr.Lookup("2.2")
	if n22.Name != "Tuân thủ quy trình" || n22.Code != "2.2" {
		t.Errorf("2.2 = %q %q", n22.Code, n22.Name)
	}
	for _, c := range []struct {
		code           string
		mx, sv, sc, ss float64
	}{
		{"1", 16.5, 2, 13.8, 0},
		{"1.10", 2, 2, 0, 0},
		{"2", 7, 4, 1.5, 3.25},
		{"2.1", 3, 0, 1.5, 0},
		{"", 100, 6, 15.3, 3.25},
	} {
		n, _ := tr.Lookup(c.code)
		got := [4]float64{}
		for i, f := range []func() (float64, error){n.Max, n.Survey, n.Score, n.SurveyScore} {
			if got[i], err = f(); err != nil {
				t.Errorf("%q: %v", c.code, err)
			}
		}
		if want := [4]float64{c.mx, c.sv, c.sc, c.ss}; !closeAll(got, want) {
			t.Errorf("%q: figures %v, want %v", c.code, got, want)
		}
	}
	// 1.2 has no figures, so the typed figures of 1 are kept unchecked,
	// and the tree says so; the total is checked against 16.5 + 7.
	want := []string{
		`file.xlsx, sheet "X", cell C3: indicator 1 (Chỉ đạo điều hành) has its maximum (điểm tối đa) 16,5 typed (cell C3), but of its 3 children, 1.2 give none, so the typed figures cannot be checked against them and do not follow a correction to a child; type the children's figures, or clear the typed ones to have them computed`,
		`file.xlsx, sheet "X", cell E3: indicator 1 (Chỉ đạo điều hành) has its score (điểm đạt) 13,8 typed (cell E3), but of its 3 children, 1.2 give none, so the typed figures cannot be checked against them and do not follow a correction to a child; type the children's figures, or clear the typed ones to have them computed`,
		`file.xlsx, sheet "X", cell C2: the maximum (điểm tối đa) of the total is typed as 100, but its 2 children add up to 23,5; the report uses 100`,
	}
	if got := issueStrings(tr.Issues); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if q := n22.Get(dataset.SurveyScore); q.Loc.Cell != "F10" || !q.Given {
		t.Errorf("2.2 survey score quantity = %+v", q)
	}
}

func closeAll(a, b [4]float64) bool {
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-9 {
			return false
		}
	}
	return true
}

func issueStrings(is []*dataset.Issue) []string {
	ws := make([]error, len(is))
	for i, x := range is {
		ws[i] = x
	}
	return warnStrings(ws)
}

func warnStrings(ws []error) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.Error()
	}
	return out
}

func TestTreeErrors(t *testing.T) {
	tests := []struct {
		name string
		rows [][]any
		err  string // exactly
	}{
		{"code typed as a decimal number", [][]any{{"1", "a", 1}, {1.2, "b", 1}},
			`file.xlsx, sheet "X", cell A3: indicator code 1,2 is a number; type it as text ('1.2) so that 1.2 and 1.20 stay different`},
		{"child before parent", [][]any{{"1", "a", 1}, {"2.1", "b", 1}},
			`file.xlsx, sheet "X", cell A3: indicator "2.1" comes before its parent "2"`},
		{"duplicate code", [][]any{{"1", "a", 1}, {1, "b", 1}},
			`file.xlsx, sheet "X", cell A3: indicator code "1" is used twice (first at cell A2)`},
		{"bad code", [][]any{{"1", "a", 1}, {"1.a", "b", 1}},
			`file.xlsx, sheet "X", cell A3: indicator code "1.a": expected numbers separated by dots, such as 1, 1.2 or 1.2.3`},
		{"signed code", [][]any{{"+1", "a", 1}},
			`file.xlsx, sheet "X", cell A2: indicator code "+1": expected numbers separated by dots, such as 1, 1.2 or 1.2.3`},
		{"a name without a code", [][]any{{"1", "a", 1}, {nil, "Ghi chú cuối bảng"}},
			`file.xlsx, sheet "X", cell A3: indicator "Ghi chú cuối bảng" has no code (expected 1, 1.2, 1.2.3 …, or Tổng for the total row)`},
		{"negative figure", [][]any{{"1", "a", -1}},
			`file.xlsx, sheet "X", cell C2: maximum (điểm tối đa) is negative (-1)`},
		{"negative figure typed as text", [][]any{{"1", "a", 2, nil, "-0,5"}},
			`file.xlsx, sheet "X", cell E2: score (điểm đạt) is negative (-0,5)`},
		{"text in a figure cell", [][]any{{"1", "a", 2}, {"1.1", "b", 2, nil, "đạt"}},
			`file.xlsx, sheet "X", cell E3: expected a number for the score (điểm đạt), found "đạt"`},
		{"a boolean in a figure cell", [][]any{{"1", "a", true}},
			`file.xlsx, sheet "X", cell C2: expected a number for the maximum (điểm tối đa), found "TRUE"`},
		{"a date typed as text in a figure cell", [][]any{{"1", "a", "09/10/2024"}},
			`file.xlsx, sheet "X", cell C2: expected a number for the maximum (điểm tối đa), found "09/10/2024"`},
		{"two total rows", [][]any{{"Tổng", "", 100}, {"1", "a", 1}, {"TỔNG CỘNG", "", 100}},
			`file.xlsx, sheet "X", cell A4: a second total row (the first is at cell A2)`},
		{"formula yielding #DIV/0!", [][]any{{"1", "a", 2, nil, fx("1/0")}},
			`file.xlsx, sheet "X", cell E2: the formula =1/0 gives the error #DIV/0!`},
		{"formula with a cached error", [][]any{{"1", "a", 2, nil, rawCell(`<c r="%s" t="e"><f>1/0</f><v>#DIV/0!</v></c>`)}},
			`file.xlsx, sheet "X", cell E2: the formula =1/0 gives the error #DIV/0!`},
		{"a cell holding an error value", [][]any{{"1", "a", rawCell(`<c r="%s" t="e"><v>#REF!</v></c>`)}},
			`file.xlsx, sheet "X", cell C2: the cell holds the error #REF!`},
		{"an error typed as text", [][]any{{"1", "a", "#N/A"}},
			`file.xlsx, sheet "X", cell C2: the cell holds the error #N/A`},
		{"a formula on an empty cell", [][]any{{"1", "a", fx("Z99")}},
			`file.xlsx, sheet "X", cell C2: the formula =Z99 gives no value (it refers to empty cells only); type the figure, or point the formula at the cells that hold it`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := readBook(t, []sheetSpec{treeSheet(tt.rows...)})
			if err == nil {
				t.Fatalf("no error, want %q", tt.err)
			}
			if err.Error() != tt.err {
				t.Errorf("error %q\nwant  %q", err, tt.err)
			}
		})
	}
}

func TestFormulas(t *testing.T) {
	facts := factSheet(row("dtbd_chi_tieu_dat", 23), row("dtbd_chi_tieu", 24), row("ngay", fx("DATE(2024,10,9)")))
	tree := treeSheet(
		row("5", "Công vụ", fx("C3+C4"), nil, fx("SUM(E3:E4)")),
		row("5.5", "Đào tạo", 1, nil, fx("ROUND('Thông tin'!B2/'Thông tin'!B3,4)")),
		row("5.7", "ĐTXHH", 8, fx("C4")),
	)
	d, err := readBook(t, []sheetSpec{facts, tree})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Warnings) != 0 {
		t.Errorf("warnings: %v", d.Warnings)
	}
	tr, _ := d.Tree("X")
	for _, c := range []struct {
		code  string
		m     dataset.Measure
		want  float64
		typed bool
	}{
		{"5.5", dataset.Score, 0.9583, true},
		{"5.7", dataset.Survey, 8, true},
		{"5", dataset.Max, 9, true},
		{"5", dataset.Score, 0.9583, true},
		{"5", dataset.Survey, 8, false},
	} {
		n, _ := tr.Lookup(c.code)
		q := n.Get(c.m)
		if !q.Known || q.Given != c.typed || math.Abs(q.V-c.want) > 1e-12 {
			t.Errorf("%s %s = %+v, want %v (typed %v)", c.code, c.m, q, c.want, c.typed)
		}
	}
	// A formula's value takes the cell's format into account only when it
	// has one; DATE without a date format is the serial number.
	if v, _ := d.Fact("ngay"); v.Kind != dataset.NumberKind || v.Num != 45574 {
		t.Errorf("ngay = %+v", v)
	}
}

func TestSheetKinds(t *testing.T) {
	notes := sheetSpec{name: "Hướng dẫn", rows: [][]any{{"Điền số liệu vào các sheet"}, {"Khóa là tên dùng trong mẫu"}}}
	t.Run("neither kind", func(t *testing.T) {
		_, err := readBook(t, []sheetSpec{notes})
		want := "file.xlsx: no sheet with a header row: expected a fact sheet (columns Khóa, Giá trị), an indicator sheet (columns Mã, Nội dung, Điểm tối đa) or a table"
		if err == nil || err.Error() != want {
			t.Errorf("error %v, want %q", err, want)
		}
	})
	t.Run("empty sheet", func(t *testing.T) {
		if _, err := readBook(t, []sheetSpec{{name: "Trống"}}); err == nil || !strings.Contains(err.Error(), "no sheet with a header row") {
			t.Errorf("error %v", err)
		}
	})
	t.Run("header too low", func(t *testing.T) {
		rows := make([][]any, 10)
		rows = append(rows, []any{"Khóa", "Giá trị"}, []any{"a", 1})
		if _, err := readBook(t, []sheetSpec{{name: "F", rows: rows}}); err == nil {
			t.Error("a header in row 11 was found")
		}
	})
	t.Run("notes ignored, two trees", func(t *testing.T) {
		second := treeSheet(row("1", "b", 3))
		second.name = "Y"
		// Header under a title and a blank row; header names folded.
		second.rows = append([][]any{{"BẢNG TỰ ĐÁNH GIÁ"}, nil}, second.rows...)
		second.rows[2] = []any{"MÃ", "TÊN", "điểm tối đa"}
		d, err := readBook(t, []sheetSpec{notes, factSheet(row("a", 1)), treeSheet(row("1", "a", 2)), second})
		if err != nil {
			t.Fatal(err)
		}
		if d.Facts == nil || len(d.Trees) != 2 || d.Source != "file.xlsx" {
			t.Fatalf("facts %v, trees %v", d.Facts, d.Trees)
		}
		y, err := d.Tree("Y")
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := y.Lookup("1"); n == nil || n.Name != "b" || n.Row.Cell != "A4" {
			t.Errorf("Y 1 = %+v", n)
		}
		if _, err := d.Tree(""); err == nil || !strings.Contains(err.Error(), "2 indicator sheets (X, Y)") {
			t.Errorf("Tree(\"\"): %v", err)
		}
	})
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "báo cáo.xlsx")
	if err := os.WriteFile(good, makeBook(t, []sheetSpec{factSheet(row("nam", 2024))}), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := Read(good)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := d.Fact("nam"); err != nil || v.Num != 2024 || v.Loc.File != "báo cáo.xlsx" {
		t.Errorf("Fact(nam) = %+v, %v", v, err)
	}

	text := filepath.Join(dir, "notes.xlsx")
	if err := os.WriteFile(text, []byte("Khóa,Giá trị\nnam,2024\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{filepath.Join(dir, "missing.xlsx"), text} {
		_, err := Read(path)
		if err == nil || !strings.HasPrefix(err.Error(), path+": cannot open as an .xlsx workbook: ") {
			t.Errorf("Read(%s): %v", path, err)
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"13,8", 13.8, true},
		{"57.286", 57286, true},
		{"1.234,5", 1234.5, true},
		{"12.345.678", 12345678, true},
		{"12.345.678,25", 12345678.25, true},
		{"1,234.5", 0, false}, // English grouping
		{"1,234,567", 0, false},
		{"99,48%", 99.48, true},
		{"100 %", 100, true},
		{"-0,5", -0.5, true},
		{"+2", 2, true},
		{" 7 ", 7, true},
		{"1.23", 1.23, true}, // a machine decimal: not a group of three
		{"13.8", 13.8, true},
		{"0.125", 0.125, true}, // "0." never starts a thousands group
		{"0.5", 0.5, true},
		{"-0.125", -0.125, true},
		{",5", 0.5, true},
		{".5", 0.5, true},
		{"5,", 5, true},
		{"0", 0, true},
		{"007", 7, true},
		{"", 0, false},
		{" ", 0, false},
		{"%", 0, false},
		{"-", 0, false},
		{",", 0, false},
		{".", 0, false},
		{"abc", 0, false},
		{"1e5", 0, false},
		{"Inf", 0, false},
		{"NaN", 0, false},
		{"--5", 0, false},
		{"1 234", 0, false},
		{"1.2.3", 0, false},
		{"1.234.5", 0, false},
		{"12.34,5", 0, false},
		{"1,2,3", 0, false},
		{"0.123.456", 0, false},
		{"09/10/2024", 0, false},
		{"5%%", 0, false},
		{"１２", 0, false}, // full-width digits
	}
	for _, tt := range tests {
		got, ok := ParseNumber(tt.in)
		if ok != tt.ok || (ok && math.Abs(got-tt.want) > 1e-12) {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestIsDateFormat(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"dd/mm/yyyy", true},
		{"d/m/yy", true},
		{"[$-42A]dd/mm/yyyy", true},
		{"yyyy-mm-dd;@", true},
		{"0.00", false},
		{"#,##0", false},
		{`0 "đồng"`, false},
		{`0 "m2"`, false},
		{"[Red]0.00", false},
		{"General", false},
		{"0.00E+00", false},
	}
	for _, tt := range tests {
		if got := isDateFormat(tt.code); got != tt.want {
			t.Errorf("isDateFormat(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}
