package server

import (
	"bytes"
	"encoding/base64"
	"html"
	"strings"
	"testing"

	"baocao/internal/docmodel"
	"baocao/internal/testtool"
)

func TestRenderDocument(t *testing.T) {
	txt := func(s string) []docmodel.Inline { return []docmodel.Inline{docmodel.Text{Text: s}} }
	para := func(s string) *docmodel.Paragraph { return &docmodel.Paragraph{Content: txt(s)} }
	doc := &docmodel.Document{
		Header: docmodel.Header{Agency: []string{"UBND <b>HUYỆN</b>"}, Number: "Số: 1/BC-UBND", QuocHieu: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		Title:  docmodel.Title{Kind: "BÁO CÁO", Summary: []string{"Tổng kết"}},
		Body: []docmodel.Block{
			&docmodel.Heading{Kind: docmodel.KindSection, Level: 1, Label: "I.", Content: txt("KẾT QUẢ")},
			&docmodel.Paragraph{Marker: "-", Content: []docmodel.Inline{docmodel.Text{Text: "Có 57.385 hồ sơ", Bold: true}, docmodel.FootnoteRef{Number: 1},
				docmodel.LineBreak{}, docmodel.Text{Text: `<script>alert("x")</script>`}}},
			&docmodel.Table{Borders: true, HeaderRows: 1, Columns: []docmodel.Column{{Width: 1}, {Width: 1, Align: docmodel.AlignRight}},
				Rows: []docmodel.Row{
					{Cells: []docmodel.Cell{{Content: []*docmodel.Paragraph{para("Năm")}, RowSpan: 2}, {Content: []*docmodel.Paragraph{para("Số")}}}},
					{Cells: []docmodel.Cell{{Content: []*docmodel.Paragraph{para("61,88")}}}},
					{Bold: true, Cells: []docmodel.Cell{{Content: []*docmodel.Paragraph{para("Tổng")}, ColSpan: 2}}},
				}},
		},
		Footnotes:  []docmodel.Footnote{{Number: 1, Content: []*docmodel.Paragraph{para("Năm 2021: 10 hồ sơ & \"đúng hạn\"")}}},
		Closing:    docmodel.Closing{Recipients: []string{"- Như trên;"}, Signature: docmodel.Signature{Lines: []string{"CHỦ TỊCH"}, Name: "Nguyễn Văn A"}},
		Appendices: []docmodel.Appendix{{Label: "Phụ lục I", Title: []string{"HỒ SƠ"}}},
	}
	var buf bytes.Buffer
	if err := renderDocument(&buf, doc); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	for _, tc := range []struct{ name, want string }{
		{"agency escaped", "UBND &lt;b&gt;HUYỆN&lt;/b&gt;"},
		{"heading", `<h2 class="Section"><span class="label">I.</span> KẾT QUẢ</h2>`},
		{"marker and bold", `<p class="body">- <b>Có 57.385 hồ sơ</b><sup class="fn"><a href="#cthich-1" id="tham-chieu-1">1</a></sup><br>`},
		{"script escaped", "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"},
		{"header row", `<th rowspan="2" class="">`},
		{"column alignment", `<td class="right"><p class="body">61,88</p></td>`},
		{"colspan and bold row", `<tr class="bold"><td colspan="2" class="">`},
		{"footnote", `<li id="cthich-1" value="1"><p class="body">Năm 2021: 10 hồ sơ &amp; &#34;đúng hạn&#34;</p></li>`},
		{"signature", `<div class="bold">Nguyễn Văn A</div>`},
		{"appendix", `<h2 class="appendix-label">Phụ lục I</h2><div class="appendix-title">HỒ SƠ</div>`},
	} {
		if !strings.Contains(got, tc.want) {
			t.Errorf("%s: no %s in\n%s", tc.name, tc.want, got)
		}
	}
	if strings.Contains(got, "<script>") || strings.Contains(got, "<b>HUYỆN") {
		t.Error("document text printed as markup")
	}
}

// TestRenderImages: the preview shows the signature and seal images at
// their printed size, inline, the seal placed from the column's centre as
// in the PDF; their descriptions are escaped like any text.
func TestRenderImages(t *testing.T) {
	png := testtool.PNG(t, 40, 20, testtool.Blue, false)
	doc := &docmodel.Document{Closing: docmodel.Closing{Signature: docmodel.Signature{Lines: []string{"CHỦ TỊCH"}, Name: "Nguyễn Văn A",
		Image: &docmodel.Image{PNG: png, Width: docmodel.MM(40), Height: docmodel.MM(20), Description: `Chữ ký của <Nguyễn Văn A>`},
		Seal:  &docmodel.Image{PNG: png, Width: docmodel.MM(36), Height: docmodel.MM(36), Description: "Dấu"}}}}
	var buf bytes.Buffer
	if err := renderDocument(&buf, doc); err != nil {
		t.Fatal(err)
	}
	got := html.UnescapeString(buf.String()) // html/template writes "+" as &#43;
	src := "data:image/png;base64," + base64.StdEncoding.EncodeToString(png)
	for _, want := range []string{
		`<img class="chu-ky" src="` + src + `" alt="Chữ ký của <Nguyễn Văn A>" style="width: 40.0mm; height: 20.0mm">`,
		// 36 mm of seal and 4 pt above and below
		`<div class="space" style="height: 38.8mm">`,
		// 20 mm to the signature's left edge, a third of 40 mm back, 36 mm of seal.
		`<img class="dau" src="` + src + `" alt="Dấu" style="width: 36.0mm; height: 36.0mm; left: calc(50% - 42.7mm)">`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("preview lacks %s\n%s", want, got)
		}
	}
	if !strings.Contains(buf.String(), `alt="Chữ ký của &lt;Nguyễn Văn A&gt;"`) {
		t.Error("the description is not escaped")
	}
	if strings.Contains(got, "ZgotmplZ") {
		t.Error("html/template refused a value")
	}
}
