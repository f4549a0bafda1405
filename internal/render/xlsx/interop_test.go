package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/internal/a1"
	"baocao/internal/appendix"
	"baocao/internal/dataset"
	"baocao/internal/testtool"
)

// The readers other programs use open the workbook and see the same
// figures: exceljs (Node; many Vietnamese web back ends), openpyxl (Python)
// and LibreOffice Calc. The fixture's totals: 23.870 + 15.788 + 8.778 =
// 48.436 received, 0 + 1.214 + 6.791 = 8.005 online, 8.005 / 48.436 online.
var wantTotals = []float64{48436, 8005, 8005.0 / 48436}

func writeFixture(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "phu-luc.xlsx")
	if err := os.WriteFile(path, write(t, document(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func near(got, want float64) bool { return math.Abs(got-want) <= 1e-12*math.Max(1, math.Abs(want)) }

// nodeModules is the node_modules folder that holds exceljs: .ci/run
// installs it outside the checkout and exports BAOCAO_NODE_MODULES.
func nodeModules(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("BAOCAO_NODE_MODULES")
	if dir == "" {
		home, _ := os.UserHomeDir()
		dir = filepath.Join(home, ".cache", "baocao-npm", "node_modules")
	}
	if _, err := os.Stat(filepath.Join(dir, "exceljs", "package.json")); err != nil {
		testtool.Missing(t, "the npm package exceljs (in $BAOCAO_NODE_MODULES, default ~/.cache/baocao-npm/node_modules)")
	}
	return dir
}

const exceljsScript = `
const ExcelJS = require('exceljs');
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[1]);
  const out = {creator: wb.creator, sheets: []};
  wb.eachSheet(ws => {
    const rows = {};
    ws.eachRow((row, n) => {
      rows[n] = row.values.slice(1).map(v =>
        v !== null && typeof v === 'object' && 'formula' in v ? {formula: v.formula, result: v.result} : v);
    });
    out.sheets.push({name: ws.name, merges: Object.keys(ws._merges).length,
      ySplit: ws.views.length ? ws.views[0].ySplit : 0, printTitles: ws.pageSetup.printTitlesRow || '', rows});
  });
  console.log(JSON.stringify(out));
})().catch(e => { console.error(e.message); process.exit(1); });
`

// TestExcelJS: exceljs 4.4 opens the workbook (it refused excelize's
// unprefixed docProps/core.xml, exceljs issue #2603), and reads the
// totals as formulas with their results, the sheets, merges, frozen
// header and print titles.
func TestExcelJS(t *testing.T) {
	node := testtool.Path(t, "node")
	mods := nodeModules(t)
	path := writeFixture(t)
	cmd := exec.Command(node, "-e", exceljsScript, path)
	cmd.Env = append(os.Environ(), "NODE_PATH="+mods)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("exceljs: %v\n%s", err, exitText(err))
	}
	var got struct {
		Creator string
		Sheets  []struct {
			Name        string
			Merges      int
			YSplit      int
			PrintTitles string
			Rows        map[string][]any
		}
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("exceljs output: %v\n%s", err, out)
	}
	if got.Creator != "Ủy ban nhân dân huyện Thạch An" || len(got.Sheets) != 2 || got.Sheets[0].Name != "Phụ lục I" {
		t.Fatalf("exceljs read creator %q, sheets %+v", got.Creator, got.Sheets)
	}
	s := got.Sheets[0]
	if s.Merges < 5 || s.YSplit != 7 || s.PrintTitles != "6:7" {
		t.Errorf("exceljs: merges %d, ySplit %d, print titles %q", s.Merges, s.YSplit, s.PrintTitles)
	}
	// Row 11: STT (empty), "Tổng cộng", then the three derived figures.
	total := s.Rows["11"]
	if len(total) < 5 || total[1] != "Tổng cộng" {
		t.Fatalf("exceljs total row %v", total)
	}
	for i, want := range wantTotals {
		f, _ := total[2+i].(map[string]any)
		r, _ := f["result"].(float64)
		if f == nil || f["formula"] == "" || !near(r, want) {
			t.Errorf("exceljs total column %d: %v, want a formula with result %v", 3+i, total[2+i], want)
		}
	}
	// STT and years are numbers; a 2021 stored as text shows Excel's green
	// triangle.
	if row := s.Rows["8"]; len(row) < 2 || row[0] != 1.0 || row[1] != 2021.0 {
		t.Errorf("exceljs row 8 %v: STT and year should be numbers", row)
	}
}

func exitText(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return string(ee.Stderr)
	}
	return ""
}

// python is Debian's python3, which has python3-openpyxl (the python3
// on PATH may be another build without Debian's modules).
func python(t *testing.T, module string) string {
	t.Helper()
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		testtool.Missing(t, py)
	}
	if err := exec.Command(py, "-c", "import "+module).Run(); err != nil {
		testtool.Missing(t, "the Python module "+module+" for /usr/bin/python3 (Debian python3-"+module+")")
	}
	return py
}

const openpyxlScript = `
import json, sys, openpyxl
path = sys.argv[1]
out = {}
wb = openpyxl.load_workbook(path, data_only=True)
ws = wb.worksheets[0]
out["data_only"] = [[c.value for c in row] for row in ws.iter_rows()]
wb = openpyxl.load_workbook(path, read_only=True)
out["read_only"] = {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb.worksheets}
out["dimensions"] = {ws.title: ws.calculate_dimension() for ws in wb.worksheets}
print(json.dumps(out, ensure_ascii=False))
`

// TestOpenpyxl: openpyxl in data_only mode (the cached results, what a
// reader that does not recalculate sees) reads the totals; in read-only
// mode, which trusts <dimension>, it reads every row.
func TestOpenpyxl(t *testing.T) {
	py := python(t, "openpyxl")
	path := writeFixture(t)
	out, err := exec.Command(py, "-c", openpyxlScript, path).Output()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, exitText(err))
	}
	var got struct {
		DataOnly   [][]any            `json:"data_only"`
		ReadOnly   map[string][][]any `json:"read_only"`
		Dimensions map[string]string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("openpyxl output: %v\n%s", err, out)
	}
	if len(got.DataOnly) < 11 {
		t.Fatalf("openpyxl data_only: %d rows", len(got.DataOnly))
	}
	total := got.DataOnly[10]
	for i, want := range wantTotals {
		if v, ok := total[2+i].(float64); !ok || !near(v, want) {
			t.Errorf("openpyxl data_only total column %d = %v, want %v", 3+i, total[2+i], want)
		}
	}
	// An unknown figure is an empty cell (None), never "".
	for r, row := range got.DataOnly {
		for c, v := range row {
			if v == "" {
				t.Errorf("openpyxl: cell %s is an empty string", a1.Cell(c+1, r+1))
			}
		}
	}
	ro := got.ReadOnly["Phụ lục I"]
	// Rows: 1-3 titles, 4 blank, 5 unit, 6-7 header, 8-10 data, 11 total,
	// 12 blank, 13 note.
	if d := got.Dimensions["Phụ lục I"]; d != "A1:E13" || len(ro) != 13 || len(ro[10]) != 5 || ro[10][1] != "Tổng cộng" || ro[12][0] != "Ghi chú: Số liệu đến 31/3/2025." {
		t.Errorf("openpyxl read_only: dimension %q, rows %v", d, ro)
	}
	if len(got.ReadOnly["Phụ lục II"]) != 8 {
		t.Errorf("openpyxl read_only sheet II: %d rows", len(got.ReadOnly["Phụ lục II"]))
	}
}

// formulaValue matches a formula cell's cached value.
var formulaValue = regexp.MustCompile(`(</f>)<v>[^<]*</v>`)

// TestCachedValuesMatchLibreOffice: the results the writer stores with
// its formulas are the ones LibreOffice computes. LibreOffice does not
// recalculate an XLSX that carries results (its default for the format),
// so the test removes them, lets LibreOffice compute and save, and
// compares cell by cell.
func TestCachedValuesMatchLibreOffice(t *testing.T) {
	testtool.Need(t, "soffice")
	ours := write(t, document(t))
	stripped, n := stripCached(t, ours)
	if n == 0 {
		t.Fatal("no formula carries a cached value")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in", "phu-luc.xlsx")
	os.MkdirAll(filepath.Dir(in), 0o755)
	if err := os.WriteFile(in, stripped, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	lo, err := excelize.OpenFile(filepath.Join(dir, "phu-luc.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer lo.Close()
	f, err := excelize.OpenReader(bytes.NewReader(ours))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	checked := 0
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r := range rows {
			for c := range rows[r] {
				ref := a1.Cell(c+1, r+1)
				if fm, _ := f.GetCellFormula(sheet, ref); fm == "" {
					continue
				}
				want, _ := lo.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
				got, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
				wf, werr := strconv.ParseFloat(want, 64)
				gf, gerr := strconv.ParseFloat(got, 64)
				if (werr == nil) != (gerr == nil) || (werr == nil && !near(gf, wf)) || (werr != nil && got != want) {
					t.Errorf("%s!%s: cached %q, LibreOffice computes %q", sheet, ref, got, want)
				}
				checked++
			}
		}
	}
	if checked != n {
		t.Errorf("compared %d formula cells, the file has %d", checked, n)
	}
}

// stripCached returns the workbook with the formulas' cached values
// removed, and how many there were.
func stripCached(t *testing.T, data []byte) ([]byte, int) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	n := 0
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
		if strings.HasPrefix(zf.Name, "xl/worksheets/") {
			n += len(formulaValue.FindAll(b, -1))
			b = formulaValue.ReplaceAll(b, []byte("$1"))
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
	return buf.Bytes(), n
}

// TestLibreOfficePageNumbers prints a workbook whose two appendices take
// several pages each: every appendix is numbered from 1, its first page
// shows no number (ND30), its later pages show theirs at the top.
func TestLibreOfficePageNumbers(t *testing.T) {
	testtool.Need(t, "soffice", "pdftotext")
	cols := [][]string{{"Tiếp nhận", "Tổng số"}, {"Tiếp nhận", "Trực tuyến"}}
	tab := dataset.NewTable("TTHC", "Năm", cols, make([]dataset.Loc, len(cols)))
	for i := range 90 {
		n := func(x float64) dataset.Value { return dataset.Value{Kind: dataset.NumberKind, Num: x} }
		tab.AddRow(fmt.Sprintf("Kỳ %d", i+1), dataset.Loc{}, []dataset.Value{n(float64(100 + i)), n(float64(i))})
	}
	d := document(t)
	defs, err := appendix.Parse("phu-luc.yaml", []byte(defs))
	if err != nil {
		t.Fatal(err)
	}
	if d.Appendices, err = appendix.Build(defs, &dataset.Dataset{Source: "d.xlsx", Tables: map[string]*dataset.Table{"TTHC": tab}}, d); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "phu-luc.xlsx")
	if err := os.WriteFile(path, write(t, d), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "pdf", "--outdir", dir, path)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := exec.Command("pdftotext", "-layout", filepath.Join(dir, "phu-luc.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// The first line of each page: "Phụ lục …" on an appendix's first
	// page, its page number on the others.
	var firsts []string
	for _, page := range strings.Split(strings.TrimSuffix(string(out), "\f"), "\f") {
		for _, l := range strings.Split(page, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				firsts = append(firsts, l)
				break
			}
		}
	}
	next := 0
	appendices := 0
	for i, l := range firsts {
		switch {
		case strings.HasPrefix(l, "Phụ lục"):
			appendices++
			next = 2
		case l == strconv.Itoa(next) && next > 0:
			next++
		default:
			t.Errorf("page %d starts with %q, want the number %d or an appendix label; pages start with %q", i+1, l, next, firsts)
		}
	}
	if appendices != 2 || len(firsts) < 4 || firsts[1] != "2" {
		t.Errorf("want two appendices of several pages each; pages start with %q", firsts)
	}
	t.Logf("pages start with %q", firsts)
}
