package server

import (
	"baocao/internal/docmodel"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// nguonSpan is a figure with its source in the preview: the source text
// (data-nguon) and the figure.
var nguonSpan = regexp.MustCompile(`<span class="nguon" tabindex="0" data-nguon="([^"]*)" aria-description="[^"]*">([^<]*)</span>`)

// pageText is the text of a preview, as a reader sees it: a figure is a
// span, "<span …>47</span> tin" reads "47 tin".
func pageText(page []byte) string {
	return html.UnescapeString(markup.ReplaceAllString(string(page), ""))
}

var markup = regexp.MustCompile(`<[^>]*>`)

// TestPreviewProvenance: in the Thạch An preview, the period's intake
// 57.385 names its chỉ tiêu and formula, and a figure of a TTHC period
// names its sheet, cell and label.
func TestPreviewProvenance(t *testing.T) {
	_, ts := newTest(t, nil)
	resp := post(t, ts.URL+"/api/builds", map[string]string{"template": thachAn}, "thach-an.xlsx", sample(t, "thach-an-2021-2025.xlsx"), nil)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("status %d: %s", resp.StatusCode, readAll(t, resp))
	}
	b := decode[tBuild](t, resp)
	resp, err := http.Get(ts.URL + b.Preview)
	if err != nil {
		t.Fatal(err)
	}
	page := string(readAll(t, resp))
	sources := map[string][]string{}
	for _, m := range nguonSpan.FindAllStringSubmatch(page, -1) {
		fig := html.UnescapeString(m[2])
		sources[fig] = append(sources[fig], html.UnescapeString(m[1]))
	}
	if len(sources) < 50 {
		t.Fatalf("%d figures with a source in the preview", len(sources))
	}
	has := func(fig string, parts ...string) {
		t.Helper()
		for _, s := range sources[fig] {
			ok := true
			for _, p := range parts {
				ok = ok && strings.Contains(s, p)
			}
			if ok {
				t.Logf("%s: %s", fig, s)
				return
			}
		}
		t.Errorf("no figure %s whose source names %q; its sources: %q", fig, parts, sources[fig])
	}
	has("57.385", "Chỉ tiêu", `tiep_nhan = tong("TTHC", "Số hồ sơ nhận giải quyết / Tổng số")`)
	has("57.286", `giai_quyet = tong("TTHC", "Số hồ sơ đã giải quyết / Tổng số")`)
	// TTHC!B4 of the sample is 23870, the files received in 2021.
	has("23.870", "Sheet TTHC, ô B4 — Số hồ sơ nhận giải quyết / Tổng số (2021)")
	// A sheet whose name has a comma is quoted.
	has("378", "Sheet “TTHC, DVC”, ô B3:B4 — Tổng cột TTHC thuộc thẩm quyền")
	// The figures keep the page's text: no mark is left, none is shown.
	if strings.ContainsAny(page, "\uE102\uE103\uE104") {
		t.Error("a source mark in the preview")
	}
}

// TestRenderFigure: a figure is a span in its run, with its source
// escaped; the text around it is the run's.
func TestRenderFigure(t *testing.T) {
	src := &docmodel.Source{Sheet: "TTHC", Cell: "F7", Label: `Số hồ sơ "<b>" (2024)`}
	ratio := &docmodel.Source{Label: "Tỷ lệ", Formula: "a / b", Parts: []docmodel.Source{*src}}
	const text = "Có 1.234 hồ sơ, đạt 99%."
	a, b := strings.Index(text, "1.234"), strings.Index(text, "99%")
	doc := &docmodel.Document{Body: []docmodel.Block{&docmodel.Paragraph{Content: []docmodel.Inline{
		docmodel.Text{Text: text, Bold: true, Figures: &docmodel.Figures{{Start: a, End: a + 5, Source: src}, {Start: b, End: b + 3, Source: ratio}}},
	}}}}
	var buf strings.Builder
	if err := renderDocument(&buf, doc); err != nil {
		t.Fatal(err)
	}
	const n1 = `Sheet TTHC, ô F7 — Số hồ sơ &#34;&lt;b&gt;&#34; (2024)`
	const n2 = `Tỷ lệ — công thức: a / b; Sheet TTHC, ô F7 — Số hồ sơ &#34;&lt;b&gt;&#34; (2024)`
	want := `<b>Có <span class="nguon" tabindex="0" data-nguon="` + n1 + `" aria-description="` + n1 + `">1.234</span> hồ sơ, đạt <span class="nguon" tabindex="0" data-nguon="` + n2 + `" aria-description="` + n2 + `">99%</span>.</b>`
	if !strings.Contains(buf.String(), want) {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}
