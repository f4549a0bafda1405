package build

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"io/fs"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao"
	"baocao/internal/tmpl"
)

// smallWorkbook is a workbook of one fact sheet, one indicator sheet and
// one table, in a few kilobytes, so that the fuzzer mutates something
// small; its facts hold Markdown that must print as typed.
func smallWorkbook(tb testing.TB) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Thông tin")
	for i, r := range [][]any{{"Khóa", "Giá trị", "Ghi chú"}, {"ten", "phường **Một**\n---", ""}, {"so", 7, ""},
		{"ngay", "05/02/2025", ""}, {"nd", "# Đề mục giả\n- gạch\n<b>x</b> | y &amp;", ""}} {
		f.SetSheetRow("Thông tin", "A"+itoa(i+1), &r)
	}
	f.NewSheet("Chỉ số")
	for i, r := range [][]any{{"Mã", "Nội dung", "Điểm tối đa", "Điểm ĐTXHH", "Điểm đạt"}, {"1", "Chỉ đạo *điều hành*", 3, 0, 2},
		{"1.1", "[Kế hoạch](javascript:x)", 3, 0, 2}} {
		f.SetSheetRow("Chỉ số", "A"+itoa(i+1), &r)
	}
	f.NewSheet("TTHC")
	for i, r := range [][]any{{"Năm", "Tổng số", "Trực tuyến"}, {"2024", 10, 4}, {"=== 2025", 12, 6}} {
		f.SetSheetRow("TTHC", "A"+itoa(i+1), &r)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

func itoa(n int) string {
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

const smallReport = `---
co_quan: [Ủy ban nhân dân, '{{ fact "ten" }}']
so: '{{ fact "so" }}'
ky_hieu: BC-UBND
dia_danh: Sa Đéc
ngay: '{{ fact "ngay" }}'
ten_loai: Báo cáo
trich_yeu: ['{{ fact "nd" }}']
---
# KẾT QUẢ {{ fact "ten" }}

{{ with node "1" }}{{ .Name }}: {{ pad .Score }}/{{ pad .Max }} điểm[^a].{{ range .Children }} {{ .Name }}{{ end }}{{ end }}

{{ paragraphs (fact "nd") }}

| Năm | Tổng số |
|---|---|
{{ range (table "TTHC").Rows }}| {{ .Key }} | {{ num (.Get "Tổng số") }} |
{{ end }}
[^a]: {{ fact "nd" }}
`

// FuzzBuild runs the whole build in memory on any workbook and any
// report.md: workbook bytes → dataset → checks → template → document model
// → DOCX, PDF and XLSX. It must never panic nor hang (the template's
// limits bound what the template text can cost), and what it writes must
// be well-formed, and the same bytes twice. appendix adds the appendix
// tables of the Thạch An template. The corpus is kept under
// testdata/fuzz/FuzzBuild; the built-in samples are its seeds.
func FuzzBuild(f *testing.F) {
	assets := baocao.Assets()
	samples, err := Samples(assets)
	if err != nil {
		f.Fatal(err)
	}
	var withAppendix *Template
	for _, s := range samples {
		dir := "templates/" + s.Template
		t, err := LoadTemplateFS(assets, dir, dir)
		if err != nil {
			f.Fatal(err)
		}
		if len(t.Appendices) > 0 {
			withAppendix = t
		}
		wb, err := fs.ReadFile(assets, "data/"+s.Data)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(wb, string(t.Report.Source()), len(t.Appendices) > 0)
	}
	f.Add(smallWorkbook(f), smallReport, false)
	f.Fuzz(func(t *testing.T, workbook []byte, report string, appendix bool) {
		ds, _, err := ReadWorkbookBytes("f.xlsx", workbook)
		if err != nil {
			return
		}
		tp, err := tmpl.Parse("f/report.md", []byte(report))
		if err != nil {
			return
		}
		j := &Job{Name: "f", Template: tp, Data: ds}
		if appendix && withAppendix != nil {
			j.Checks, j.Appendices = withAppendix.Checks, withAppendix.Appendices
		}
		j.Validate()
		doc, err := j.Document()
		if err != nil {
			if strings.Contains(err.Error(), "\uE100") || strings.Contains(err.Error(), "\uE101") {
				t.Errorf("an error shows a Markdown literal instead of the text: %v", err)
			}
			return
		}
		for _, w := range Writers {
			if w.Wants != nil && !w.Wants(doc) {
				continue
			}
			var a, b bytes.Buffer
			if err := w.Write(&a, doc); err != nil {
				continue
			}
			if w.Ext == ".pdf" {
				if !bytes.HasPrefix(a.Bytes(), []byte("%PDF-")) {
					t.Fatalf("%s does not start with %%PDF-", w.Ext)
				}
				continue
			}
			wellFormed(t, w.Ext, a.Bytes())
			if err := w.Write(&b, doc); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatalf("%s: two writes of one document differ (%v)", w.Ext, err)
			}
		}
	})
}

// wellFormed checks that every XML part of an OOXML package parses and
// that no Markdown literal reached it.
func wellFormed(t *testing.T, ext string, data []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s: %v", ext, err)
	}
	for _, zf := range zr.File {
		if !strings.HasSuffix(zf.Name, ".xml") && !strings.HasSuffix(zf.Name, ".rels") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatalf("%s %s: %v", ext, zf.Name, err)
		}
		part, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s %s: %v", ext, zf.Name, err)
		}
		if bytes.ContainsRune(part, 0xE100) || bytes.ContainsRune(part, 0xE101) {
			t.Fatalf("%s %s: holds a Markdown literal", ext, zf.Name)
		}
		dec := xml.NewDecoder(bytes.NewReader(part))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s %s: not well-formed XML: %v", ext, zf.Name, err)
			}
		}
	}
}
