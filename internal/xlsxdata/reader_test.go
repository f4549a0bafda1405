package xlsxdata

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"baocao/internal/dataset"
	"baocao/internal/testtool"
)

// TestPercent: a cell formatted as a percent reads as the percent it
// shows, marked; the same number without the format is the fraction.
func TestPercent(t *testing.T) {
	d, err := readBook(t, []sheetSpec{
		factSheet(row("a", 3), row("b", 4)),
		{name: "T", rows: [][]any{
			{"Năm", "Tỷ lệ", "Khác"},
			{2021, styled{v: 0.741552511416, numFmt: 10}, 0.5},
			{2022, styled{v: 0.07, numFmt: 9}, styled{v: 0.125, custom: `0.0"%"`}},
			{2023, styled{v: fx("'Thông tin'!B2/'Thông tin'!B3"), numFmt: 10}, styled{v: 1.5, custom: `#,##0.0%;[Red]-0.0%`}},
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	tab, _ := d.Table("T")
	for _, c := range []struct {
		row, col string
		want     float64
		percent  bool
	}{
		{"2021", "Tỷ lệ", 74.1552511416, true},
		{"2021", "Khác", 0.5, false},
		{"2022", "Tỷ lệ", 7, true},
		{"2022", "Khác", 0.125, false}, // a quoted % shows the number as it is
		{"2023", "Tỷ lệ", 75, true},
		{"2023", "Khác", 150, true},
	} {
		r, _ := tab.Row(c.row)
		v, err := r.Get(c.col)
		if err != nil || v.Num != c.want || v.Percent != c.percent {
			t.Errorf("%s %s = %v (percent %v), %v; want %v (%v)", c.row, c.col, v.Num, v.Percent, err, c.want, c.percent)
		}
	}
}

// TestFormulaRecalc: every formula is evaluated; a saved value that
// disagrees is replaced and named in a warning; a workbook that asks for
// recalculation says so.
func TestFormulaRecalc(t *testing.T) {
	facts := factSheet(
		row("dat", 22), row("tong", 24),
		row("ok", rawCell(`<c r="%s"><f>B2+B3</f><v>46</v></c>`)),
		row("cu", rawCell(`<c r="%s"><f>ROUND(B2/B3,4)</f><v>0.9583</v></c>`)),
		row("chia", rawCell(`<c r="%s"><f t="shared" ref="B6:B7" si="0">B2/2</f><v>11</v></c>`)),
		row("chia2", rawCell(`<c r="%s"><f t="shared" si="0"/><v>11</v></c>`)),
	)
	d, err := readBook(t, []sheetSpec{facts})
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]float64{"ok": 46, "cu": 0.9167, "chia": 11, "chia2": 12} {
		if v, _ := d.Fact(k); v.Num != want {
			t.Errorf("%s = %v, want %v", k, v.Num, want)
		}
	}
	want := []string{
		`file.xlsx, sheet "Thông tin", cell B5: the saved value of B5 (0,9583) differs from its formula's (0,9167): the workbook was saved by a program that does not recalculate; baocao used the formula's`,
		`file.xlsx, sheet "Thông tin", cell B7: the saved value of B7 (11) differs from its formula's (12): the workbook was saved by a program that does not recalculate; baocao used the formula's`,
	}
	if got := warnStrings(d.Warnings); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Many stale cells: twenty are named one by one, the rest counted.
	var many [][]any
	for i := 0; i < 35; i++ {
		many = append(many, row("k"+strconv.Itoa(i), rawCell(`<c r="%s"><f>1+1</f><v>3</v></c>`)))
	}
	d, err = readBook(t, []sheetSpec{factSheet(many...)})
	if err != nil {
		t.Fatal(err)
	}
	if got := warnStrings(d.Warnings); len(got) != 21 || got[21-1] != `file.xlsx: 15 more formula cells had a saved value that differs from their formula's (Thông tin!B22, Thông tin!B23, Thông tin!B24, Thông tin!B25, Thông tin!B26, Thông tin!B27, Thông tin!B28, Thông tin!B29, Thông tin!B30, Thông tin!B31 and 5 more); baocao used the formulas'` {
		t.Errorf("%d warnings, the last %q", len(got), got[len(got)-1])
	}

	d, err = readBook(t, []sheetSpec{factSheet(row("a", 1), row("b", rawCell(`<c r="%s"><f>B2*2</f><v>2</v></c>`)))}, fullCalc)
	if err != nil {
		t.Fatal(err)
	}
	if got := warnStrings(d.Warnings); len(got) != 1 || !strings.Contains(got[0], "file.xlsx: the workbook asks to be recalculated when opened (fullCalcOnLoad)") {
		t.Errorf("warnings %q", got)
	}
}

func TestFormulaErrors(t *testing.T) {
	tests := []struct {
		name  string
		value any // the tree cell E2 (score of indicator 1)
		want  []string
	}{
		{"self reference", fx("E2+1"), []string{`cell E2: the formula =E2+1 cannot be evaluated: circular reference`}},
		{"the whole sheet", fx("SUM(A1:XFD1048576)"), []string{`cell E2: the formula =SUM(A1:XFD1048576) cannot be evaluated: circular reference`}},
		{"two cells", fx("F2"), []string{`cell E2: the formula =F2 cannot be evaluated: `, "circular", "F2"}},
		{"a number typed as text", fx("'Thông tin'!B2/2"), []string{`cell E2: the formula ='Thông tin'!B2/2 cannot be evaluated: `, "'Thông tin'!B2"}},
		{"a missing sheet", fx("'Không có'!A1*2"), []string{`cell E2: the formula ='Không có'!A1*2 cannot be evaluated: `, "Không có"}},
		{"an unknown function, no saved value", fx("FOOBAR(1)"), []string{`cell E2: the formula =FOOBAR(1) cannot be evaluated: `, "FOOBAR"}},
		{"a NaN saved in the file", rawCell(`<c r="%s"><v>NaN</v></c>`), []string{`cell E2: expected a number for the score (điểm đạt), found "NaN"`}},
		{"an infinite number", rawCell(`<c r="%s"><v>1e400</v></c>`), []string{`cell E2: expected a number for the score (điểm đạt), found "1e400"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree := treeSheet(row("1", "a", 2, nil, tt.value, fx("E2")))
			_, err := readBook(t, []sheetSpec{factSheet(row("dat", "22 ")), tree})
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), `file.xlsx, sheet "X", `+tt.want[0]) {
				t.Errorf("error %q\nwant  %q…", err, tt.want[0])
			}
			for _, w := range tt.want[1:] {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
	// An unknown function with a saved value: the saved value is used.
	d, err := readBook(t, []sheetSpec{treeSheet(row("1", "a", 2, nil, rawCell(`<c r="%s"><f>FOOBAR(1)</f><v>1.5</v></c>`)))})
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := d.Tree("")
	if n, _ := tr.Lookup("1"); n.Get(dataset.Score).V != 1.5 {
		t.Errorf("score %+v", n.Get(dataset.Score))
	}
	if got := warnStrings(d.Warnings); len(got) != 1 || !strings.HasPrefix(got[0], `file.xlsx, sheet "X", cell E2: the formula =FOOBAR(1) cannot be checked (`) || !strings.HasSuffix(got[0], `; the saved value 1,5 is used as it is`) {
		t.Errorf("warnings %q", got)
	}
}

// TestKeyText: a key that a spreadsheet program decoded (Calc reads
// "_xa_" as a line feed) or will decode is reported at its cell.
func TestKeyText(t *testing.T) {
	d, err := readBook(t, []sheetSpec{factSheet(
		row("dvc\nphat_sinh", 1),
		row(rawCell(`<c r="%s" t="inlineStr"><is><t>ma_x005F_x0041_b</t></is></c>`), 2),
		row("ghi_chu", "một dòng\nhai dòng"),
		row("so_xa", 3),
	)})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(warnStrings(d.Warnings), "\n")
	for _, want := range []string{
		`file.xlsx, sheet "Thông tin", cell A2: the key "dvc\nphat_sinh" holds a control character (U+000A): a spreadsheet program probably decoded an "_x…_" sequence in it as an escaped character (LibreOffice Calc reads "_xa_" as a line feed); the key was probably "dvc_xa_phat_sinh"`,
		`file.xlsx, sheet "Thông tin", cell A3: the key "ma_x0041_b" holds an "_xHHHH_" sequence`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings:\n%s\nlack %q", got, want)
		}
	}
	if n := strings.Count(got, "\n") + 1; n != 2 {
		t.Errorf("%d warnings, want 2:\n%s", n, got)
	}
}

// TestReadErrors: what is not a workbook is said so, naming the file.
func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.xlsx")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	zipped := filepath.Join(dir, "cut.xlsx")
	whole := makeBook(t, []sheetSpec{factSheet(row("nam", 2024))})
	if err := os.WriteFile(zipped, whole[:len(whole)-40], 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, want string }{
		{fifo, fifo + ": cannot open as an .xlsx workbook: a named pipe (FIFO), not a file"},
		{dir, dir + ": cannot open as an .xlsx workbook: a folder, not a file"},
		{zipped, zipped + ": cannot open as an .xlsx workbook: the file is damaged or incomplete"},
	} {
		if _, err := Read(c.path); err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("Read(%s): %v\nwant %s…", c.path, err, c.want)
		}
		if _, err := ReadInput(c.path); err == nil && c.path != zipped {
			t.Errorf("ReadInput(%s) read it", c.path)
		}
	}
	// A huge merged range in an excelize workbook: an error naming the
	// sheet, not out of memory.
	// (excelize itself fills the range cell by cell: the merge is
	// written small and widened in the XML.)
	data := makeBook(t, []sheetSpec{{name: "T", rows: [][]any{{"Năm", "A"}, {2021, 1}}, merges: [][2]string{{"F100", "G101"}}}})
	data = replaceInPart(t, data, "xl/worksheets/sheet1.xml", `ref="F100:G101"`, `ref="F100:XFD1048576"`)
	_, err := ReadBytes("file.xlsx", data)
	if err == nil || !strings.HasPrefix(err.Error(), `file.xlsx, sheet "T": the merged range F100:XFD1048576 in cells is 17.173.004.783, more than the limit of 10.000.000`) {
		t.Errorf("huge merge: %v", err)
	}
}

// replaceInPart replaces text in one part of a zip package.
func replaceInPart(t *testing.T, data []byte, name, old, new string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == name && bytes.Contains(b, []byte(old)) {
			b, found = bytes.ReplaceAll(b, []byte(old), []byte(new)), true
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatalf("no %q in %s", old, name)
	}
	return out.Bytes()
}

// TestCalcDecodesKeys: LibreOffice Calc, saving a workbook, turns the
// "_xa_" of a key into a line feed; the reader says so at the cell.
func TestCalcDecodesKeys(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice")
	}
	testtool.Need(t, "soffice")
	dir := t.TempDir()
	in := filepath.Join(dir, "k.xlsx")
	if err := os.WriteFile(in, makeBook(t, []sheetSpec{factSheet(row("dvc_xa_phat_sinh", 5))}), 0o644); err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(home, "profile"),
		"--headless", "--convert-to", "xlsx", "--outdir", filepath.Join(dir, "lo"), in)
	cmd.Env = append(os.Environ(), "HOME="+home)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	d, err := Read(filepath.Join(dir, "lo", "k.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(warnStrings(d.Warnings), "\n")
	if !strings.Contains(got, `k.xlsx, sheet "Thông tin", cell A2: the key "dvc\nphat_sinh" holds a control character`) ||
		!strings.Contains(got, `the key was probably "dvc_xa_phat_sinh"`) {
		t.Errorf("warnings after a LibreOffice save:\n%s", got)
	}
}
