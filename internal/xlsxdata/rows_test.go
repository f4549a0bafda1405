package xlsxdata

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"baocao/internal/dataset"
)

// monthSheet is a quarter's table as an officer keeps it: months, then
// rows the officer adds below them.
func monthSheet(extra ...[]any) sheetSpec {
	rows := [][]any{
		{"Tháng", "Tiếp nhận", "Từ kỳ trước", "Đã giải quyết", "Đang giải quyết", "Tỷ lệ đúng hạn"},
		{"Tháng 7", 1100, 20, 1090, 30, 99.1},
		{"Tháng 8", 1150, 30, 1160, 20, 98.5},
		{"Tháng 9", 1166, 20, 1170, 16, 99.4},
	}
	return sheetSpec{name: "Hồ sơ", rows: append(rows, extra...)}
}

func TestTotalAndNoteRows(t *testing.T) {
	tests := []struct {
		name     string
		extra    [][]any
		rows     int      // data rows read
		warnings []string // each in one warning
		errs     []string // each in one error of Dataset.Errors
		fail     string   // the read fails with this
	}{
		{name: "no extra rows", rows: 3},
		{name: "total row that agrees, with stocks and a rate",
			extra:    [][]any{{"Cộng quý III", 3416, 20, 3420, 16, 99}},
			rows:     3,
			warnings: []string{`cell A5: the total row "Cộng quý III" is not data`, `"Từ kỳ trước" equals the first row, as an opening stock does`, `"Đang giải quyết" equals the last row, as a closing stock does`}},
		{name: "total typed without diacritics and in capitals",
			extra:    [][]any{{"TONG CONG", 3416, nil, 3420}},
			rows:     3,
			warnings: []string{`the total row "TONG CONG" is not data`}},
		{name: "total row that disagrees",
			extra: [][]any{{"Tổng cộng", 3500, 20, 3420, 16}},
			rows:  3,
			errs:  []string{`cell B5: the total row "Tổng cộng" gives 3500 for "Tiếp nhận", but the 3 rows above it add up to 3416`}},
		{name: "label in the second column under an empty key",
			extra:    [][]any{{nil, "Cộng", 70}},
			rows:     3,
			warnings: []string{`cell B5: the total row "Cộng" is not data`}},
		{name: "notes and a signature",
			extra: [][]any{{}, {"Ghi chú: số liệu đến ngày 30/9/2024"}, {nil, nil, nil, "Người lập biểu"}, {nil, nil, nil, "Nguyễn Văn An"}},
			rows:  3,
			warnings: []string{`cell A6: row 6 ("Ghi chú: số liệu đến ngày 30/9/2024") reads as a note or signature, not data`,
				`cell D7: row 7 ("Người lập biểu")`, `cell D8: row 8 ("Nguyễn Văn An")`}},
		{name: "figures below the notes",
			extra: [][]any{{"Ghi chú: tạm tính"}, {"Tháng 10", 5}},
			fail:  `row 6 holds figures below the notes ("Ghi chú: tạm tính" at cell A5)`},
		{name: "a note with figures",
			extra: [][]any{{"Ghi chú", 12}},
			fail:  `cell A5: row 5 reads as a note or signature ("Ghi chú") but holds figures (cells B5)`},
		{name: "a unit called Công an is data",
			extra: [][]any{{"Công an xã", 1, 0, 1, 0}},
			rows:  4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := readBook(t, []sheetSpec{monthSheet(tc.extra...)})
			if tc.fail != "" {
				if err == nil || !strings.Contains(err.Error(), tc.fail) {
					t.Fatalf("error %v, want %q", err, tc.fail)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tab, err := d.Table("Hồ sơ")
			if err != nil {
				t.Fatal(err)
			}
			if len(tab.Rows) != tc.rows {
				t.Errorf("%d rows read, want %d", len(tab.Rows), tc.rows)
			}
			if s, _ := tab.Sum("Tiếp nhận"); tc.rows == 3 && s != 3416 {
				t.Errorf("received %v, want 3416", s)
			}
			check := func(kind string, got []error, want []string) {
				all := ""
				for _, e := range got {
					all += e.Error() + "\n"
				}
				for _, w := range want {
					if !strings.Contains(all, w) {
						t.Errorf("no %s with %q among:\n%s", kind, w, all)
					}
				}
				if len(want) == 0 && len(got) > 0 {
					t.Errorf("unexpected %s:\n%s", kind, all)
				}
			}
			check("warning", d.Warnings, tc.warnings)
			check("error", d.Errors, tc.errs)
		})
	}
}

func TestClassifyLabels(t *testing.T) {
	for _, tc := range []struct {
		s           string
		total, note bool
	}{
		{"Cộng", true, false}, {"CỘNG QUÝ III", true, false}, {"Tổng số:", true, false}, {"Tổng cộng (I+II)", true, false},
		{"Tong cong", true, false}, {"Cong quy 3", true, false}, {"Cong", true, false},
		{"Công an xã", false, false}, {"Cong an xa", false, false}, {"Tống Văn A", false, false}, {"2023", false, false},
		{"Ghi chú:", false, true}, {"GHI CHU", false, true}, {"Người lập biểu", false, true}, {"TM. ỦY BAN NHÂN DÂN", false, true},
		{"Thủ trưởng đơn vị", false, true}, {"Phường 1", false, false},
	} {
		if got := dataset.IsTotalLabel(tc.s); got != tc.total {
			t.Errorf("IsTotalLabel(%q) = %v", tc.s, got)
		}
		if got := dataset.IsNoteLabel(tc.s); got != tc.note {
			t.Errorf("IsNoteLabel(%q) = %v", tc.s, got)
		}
	}
}

// TestFoldedDuplicateKeys: keys match without regard to case and
// diacritics, so two spellings of one key are a duplicate naming both
// cells, not two facts of which the first silently wins.
func TestFoldedDuplicateKeys(t *testing.T) {
	for _, tc := range []struct{ name, second, want string }{
		{"same", "ten_don_vi", `cell A3: key "ten_don_vi" is defined twice (first at cell A2)`},
		{"capitals", "TEN_DON_VI", `cell A3: key "TEN_DON_VI" is the key "ten_don_vi" of cell A2 written differently`},
		{"diacritics, NFD", norm.NFD.String("Tên_đơn_vị"), `cell A3: key "Tên_đơn_vị" is the key "ten_don_vi" of cell A2 written differently`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readBook(t, []sheetSpec{factSheet(row("ten_don_vi", "phường 1"), row(tc.second, "phường 2"))})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
	d, err := readBook(t, []sheetSpec{factSheet(row("Tên_Đơn_Vị", "phường 1"))})
	if err != nil {
		t.Fatal(err)
	}
	if v, err := d.Fact("ten_don_vi"); err != nil || v.Text != "phường 1" {
		t.Errorf("folded lookup: %v, %v", v, err)
	}
}

// TestEmptyTree: an indicator sheet with its header only (a blank
// workbook) reads, with an error in Dataset.Errors that says what to fill,
// so that validate lists it with every other missing figure.
func TestEmptyTree(t *testing.T) {
	for _, rows := range [][][]any{nil, {{"Tổng", "", 100}}} {
		d, err := readBook(t, []sheetSpec{treeSheet(rows...)})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Errors) != 1 || !strings.Contains(d.Errors[0].Error(), `file.xlsx, sheet "X", cell A2: the indicator sheet has a header but no rows`) {
			t.Errorf("errors %v", d.Errors)
		}
	}
}
