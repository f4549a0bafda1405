package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao"
)

const tongHop = "tong-hop-cchc-tinh-nam-son-2026"

// consolidation builds the province sample with its unit workbooks
// changed by edit (file name → new bytes; nil bytes drops the file).
func consolidation(t *testing.T, edit map[string][]byte) *Job {
	t.Helper()
	samples, _ := Samples(baocao.Assets())
	var s Sample
	for _, x := range samples {
		if x.Name == tongHop {
			s = x
		}
	}
	tm, err := LoadTemplateFS(baocao.Assets(), "templates/"+s.Template, "templates/"+s.Template)
	if err != nil {
		t.Fatal(err)
	}
	unit, err := LoadTemplateFS(baocao.Assets(), "templates/cchc-nam-xa-phuong", "templates/cchc-nam-xa-phuong")
	if err != nil {
		t.Fatal(err)
	}
	units, err := UnitFilesFS(baocao.Assets(), "data/"+s.Units, func(n string) ([]byte, error) { return fs.ReadFile(baocao.Assets(), n) })
	if err != nil {
		t.Fatal(err)
	}
	var kept []UnitFile
	for _, u := range units {
		if data, ok := edit[u.Name]; ok {
			if data == nil {
				continue
			}
			u.Data = data
		}
		kept = append(kept, u)
	}
	for name, data := range edit {
		if !strings.HasPrefix(name, "ward-") && data != nil {
			kept = append(kept, UnitFile{name, data})
		}
	}
	base, _ := fs.ReadFile(baocao.Assets(), "data/"+s.Data)
	j, _, err := NewConsolidationJob(s.Name, tm, unit, s.Data, base, kept, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func changed(t *testing.T, before, after map[string]string) []string {
	var out []string
	for k, v := range after {
		if before[k] != v {
			out = append(out, k+": "+before[k]+" → "+v)
		}
	}
	sort.Strings(out)
	return out
}

// TestConsolidationCorrection: a corrected unit changes its own row of the
// appendix, the total row and the ranks it reaches; nothing else.
func TestConsolidationCorrection(t *testing.T) {
	j := consolidation(t, nil)
	d, err := j.Document()
	if err != nil {
		t.Fatal(err)
	}
	before := appendixCells(d)
	// ward-01 (phường An Bình, ranked last) resolves 100 more files on time
	// in its first quarter, which it received online.
	raw, _ := fs.ReadFile(baocao.Assets(), "data/tong-hop-tinh/ward-01.xlsx")
	f, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"C4", "F4"} { // Quý I: Trực tuyến, Trước hạn, đúng hạn
		v, _ := f.GetCellValue("Hồ sơ TTHC", c)
		var n int
		for _, ch := range strings.ReplaceAll(v, ",", "") {
			n = n*10 + int(ch-'0')
		}
		f.SetCellValue("Hồ sơ TTHC", c, n+100)
	}
	var buf bytes.Buffer
	f.Write(&buf)
	d2, err := consolidation(t, map[string][]byte{"ward-01.xlsx": buf.Bytes()}).Document()
	if err != nil {
		t.Fatal(err)
	}
	diff := changed(t, before, appendixCells(d2))
	// Row 1 (under the header) is phường An Bình, row 21 the total,
	// column 7 the rank: An Bình moves from 20th to 19th, xã Suối Nho
	// (row 18) from 19th to 20th.
	for _, c := range diff {
		cell := strings.SplitN(c, ":", 2)[0]
		parts := strings.Split(cell, "/")
		if parts[1] != "1" && parts[1] != "21" && parts[2] != "7" {
			t.Errorf("a cell outside the unit's row, the total and the ranks changed: %s", c)
		}
	}
	want := []string{"1/1/2: 1.168 → 1.268", "1/1/3: 1.160 → 1.260", "1/1/4: 1.154 → 1.254", "1/1/6: 99,48% → 99,52%",
		"1/1/7: 20 → 19", "1/18/7: 19 → 20", "1/21/2: 58.996 → 59.096", "1/21/3: 58.720 → 58.820", "1/21/4: 58.600 → 58.700"}
	for _, w := range want {
		found := false
		for _, c := range diff {
			found = found || c == w
		}
		if !found {
			t.Errorf("no change %q among:\n%s", w, strings.Join(diff, "\n"))
		}
	}
}

// TestConsolidationMissingUnit: a unit whose workbook fails its checks is
// left out, named with its file, and listed in the report as not
// consolidated; its figures are in no total.
func TestConsolidationMissingUnit(t *testing.T) {
	sd, _ := fs.ReadFile(baocao.Assets(), "data/sa-dec-2024.xlsx")
	j := consolidation(t, map[string][]byte{"ward-20.xlsx": nil, "zz-sai-mau.xlsx": sd})
	d, err := j.Document()
	if err != nil {
		t.Fatal(err)
	}
	text := modelText(d)
	for _, want := range []string{"19 xã, phường", "zz-sai-mau.xlsx (", "chưa được tổng hợp vì bảng tính chưa đạt yêu cầu"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	// Phụ lục II lists it with the reason (left out when no unit is).
	if len(d.Appendices) != 2 || d.Appendices[1].Label != "Phụ lục II" || !strings.Contains(fmt.Sprint(appendixCells(d)), "zz-sai-mau.xlsx") {
		t.Errorf("appendices %d; the unit left out is not in Phụ lục II", len(d.Appendices))
	}
	full, err := consolidation(t, nil).Document()
	if err != nil {
		t.Fatal(err)
	}
	if len(full.Appendices) != 1 || full.Appendices[0].Label != "Phụ lục" {
		t.Errorf("with every unit in: %d appendices, the first %q (a lone appendix is not numbered)", len(full.Appendices), full.Appendices[0].Label)
	}
	// And the build's findings name it, with its file.
	found := false
	for _, f := range j.Validate() {
		found = found || f.File == "zz-sai-mau.xlsx" && strings.Contains(f.Message, "unit zz-sai-mau.xlsx is left out of the consolidation")
	}
	if !found {
		t.Errorf("no finding names the unit left out: %v", j.Validate())
	}
}
