package xlsxdata

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestLegacyEncodings: text typed with a TCVN3 font is converted by the
// font; VNI text in a Unicode font is recognised by its byte patterns;
// Unicode text in a Unicode font is left alone; a warning names the cells.
func TestLegacyEncodings(t *testing.T) {
	f := excelize.NewFile()
	sh := "Sheet1"
	rows := [][]string{
		{"Khóa", "Giá trị"},
		{"quoc_hieu", "Céng hoµ x· héi chñ nghÜa ViÖt Nam"},
		{"tieu_ngu", "§éc lËp - Tù do - H¹nh phóc"},
		{"vni", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"},
		{"unicode", "Ủy ban nhân dân huyện Thạch An"},
	}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			f.SetCellValue(sh, cell, v)
		}
	}
	vn, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: ".VnTime"}})
	f.SetCellStyle(sh, "B2", "B3", vn)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	d, err := ReadBytes("cu.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{
		"quoc_hieu": "Cộng hoà xã hội chủ nghĩa Việt Nam",
		"tieu_ngu":  "Độc lập - Tự do - Hạnh phúc",
		"vni":       "Cộng hòa xã hội chủ nghĩa Việt Nam",
		"unicode":   "Ủy ban nhân dân huyện Thạch An",
	} {
		if v, _ := d.Fact(key); v.Text != want {
			t.Errorf("%s = %q, want %q", key, v.Text, want)
		}
	}
	var ws []string
	for _, w := range d.Warnings {
		ws = append(ws, w.Error())
	}
	got := strings.Join(ws, "\n")
	for _, want := range []string{
		`cu.xlsx, sheet "Sheet1": 2 cell(s) typed in the legacy TCVN3 encoding were converted to Unicode: B2, B3`,
		`cu.xlsx, sheet "Sheet1": 1 cell(s) typed in the legacy VNI encoding were converted to Unicode: B4`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings:\n%s\nlack %q", got, want)
		}
	}
}
