package server

import (
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strings"

	"baocao/internal/docmodel"
	"baocao/internal/render/layout"
)

// The preview is an HTML rendering of the document model, close enough
// to the printed page to read and check: the header block, the title, the
// body with its headings, paragraphs and tables, the footnotes, the
// closing and the appendices. html/template escapes every string of the
// document; none is trusted as markup.
//
// A figure whose source the document model knows (Text.Figures) is a
// <span class="nguon"> that shows, on hover and on keyboard focus, where
// it came from: the sheet, the cell and the label, or a chỉ tiêu's
// formula. The popover is the span's data-nguon drawn by CSS (::after), so
// the page's text stays the report's text; aria-description gives it to
// a screen reader.
var previewTmpl = template.Must(template.New("doc").Funcs(template.FuncMap{
	"heading":   func(b docmodel.Block) *docmodel.Heading { h, _ := b.(*docmodel.Heading); return h },
	"paragraph": func(b docmodel.Block) *docmodel.Paragraph { p, _ := b.(*docmodel.Paragraph); return p },
	"table":     func(b docmodel.Block) *docmodel.Table { t, _ := b.(*docmodel.Table); return t },
	"text":      func(i docmodel.Inline) *docmodel.Text { t, ok := i.(docmodel.Text); return ptr(t, ok) },
	"noteRef":   func(i docmodel.Inline) *docmodel.FootnoteRef { r, ok := i.(docmodel.FootnoteRef); return ptr(r, ok) },
	"lineBreak": func(i docmodel.Inline) bool { _, ok := i.(docmodel.LineBreak); return ok },
	"hlevel":    func(h *docmodel.Heading) int { return min(max(h.Level, 1), 5) + 1 },
	"kind":      func(h *docmodel.Heading) string { return h.Kind.String() },
	"pstyle": func(p *docmodel.Paragraph) string {
		return [...]string{"body", "center", "flush", "right"}[min(max(int(p.Style), 0), 3)]
	},
	"align": func(a docmodel.Align) string {
		return [...]string{"", "left", "center", "right", "justify"}[min(max(int(a), 0), 4)]
	},
	// The signature and seal images (ô 7c, ô 8), PNG files sigimage
	// checked, inline as data: URLs at their printed size.
	"pngURL": func(im *docmodel.Image) template.URL {
		return template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(im.PNG))
	},
	"size": func(im *docmodel.Image) template.CSS {
		return template.CSS(fmt.Sprintf("width: %.1fmm; height: %.1fmm", im.Width.Millimetres(), im.Height.Millimetres()))
	},
	// sealAt puts the seal where layout.Signature does, from the
	// column's centre.
	"sealAt": func(sig docmodel.Signature) template.CSS {
		x := layout.Signature(sig, 0).Seal.X * 25.4 / 72
		if x < 0 {
			return template.CSS(fmt.Sprintf("left: calc(50%% - %.1fmm)", -x))
		}
		return template.CSS(fmt.Sprintf("left: calc(50%% + %.1fmm)", x))
	},
	// room is the height layout.Signature gives the images, none
	// without them (the stylesheet's).
	"room": func(sig docmodel.Signature) template.CSS {
		if sig.Image == nil && sig.Seal == nil {
			return ""
		}
		return template.CSS(fmt.Sprintf("height: %.1fmm", layout.Signature(sig, 0).Gap*25.4/72))
	},
	"rows":  tableRows,
	"runs":  runs,
	"nguon": sourceText,
}).Parse(`
{{- define "inlines"}}{{range .}}{{with text .}}{{if .Superscript}}<sup>{{end}}{{if .Bold}}<b>{{end}}{{if .Italic}}<i>{{end}}{{range runs .}}{{if .Source}}{{$n := nguon .Source}}<span class="nguon" tabindex="0" data-nguon="{{$n}}" aria-description="{{$n}}">{{.Text}}</span>{{else}}{{.Text}}{{end}}{{end}}{{if .Italic}}</i>{{end}}{{if .Bold}}</b>{{end}}{{if .Superscript}}</sup>{{end}}{{end}}{{with noteRef .}}<sup class="fn"><a href="#cthich-{{.Number}}" id="tham-chieu-{{.Number}}">{{.Number}}</a></sup>{{end}}{{if lineBreak .}}<br>{{end}}{{end}}{{end}}
{{- define "paragraph"}}<p class="{{pstyle .}}">{{if .Marker}}{{.Marker}} {{end}}{{template "inlines" .Content}}</p>{{end}}
{{- define "table"}}{{if .Caption}}<p class="caption">{{.Caption}}</p>{{end}}<div class="table-wrap"><table class="{{if .Borders}}borders{{end}}">{{range rows .}}<tr{{if .Bold}} class="bold"{{end}}>{{$head := .Head}}{{range .Cells}}{{if $head}}<th{{else}}<td{{end}}{{if gt .ColSpan 1}} colspan="{{.ColSpan}}"{{end}}{{if gt .RowSpan 1}} rowspan="{{.RowSpan}}"{{end}} class="{{align .Align}}{{if .Bold}} bold{{end}}">{{range .Content}}{{template "paragraph" .}}{{end}}{{if $head}}</th>{{else}}</td>{{end}}{{end}}</tr>
{{end}}</table></div>{{end}}
{{- define "blocks"}}{{range .}}{{with heading .}}<h{{hlevel .}} class="{{kind .}}">{{if .Label}}<span class="label">{{.Label}}</span> {{end}}{{template "inlines" .Content}}</h{{hlevel .}}>
{{end}}{{with paragraph .}}{{template "paragraph" .}}
{{end}}{{with table .}}{{template "table" .}}
{{end}}{{end}}{{end}}
<article class="doc" lang="vi">
<div class="doc-header">
<div class="agency">{{range .Header.ParentAgency}}<div>{{.}}</div>{{end}}{{range .Header.Agency}}<div class="bold">{{.}}</div>{{end}}<div class="number">{{.Header.Number}}</div></div>
<div class="nation"><div class="bold">{{.Header.QuocHieu}}</div><div class="bold motto">{{.Header.TieuNgu}}</div><div class="place"><i>{{.Header.PlaceDate}}</i></div></div>
</div>
<h1 class="title"><span class="kind">{{.Title.Kind}}</span>{{range .Title.Summary}}<span class="summary">{{.}}</span>{{end}}</h1>
{{if .KinhGui}}<div class="kinh-gui">Kính gửi: {{range .KinhGui}}<div>{{.}}</div>{{end}}</div>{{end}}
<div class="body">
{{template "blocks" .Body}}</div>
<div class="closing">
<div class="recipients"><div class="bold"><i>Nơi nhận:</i></div>{{range .Closing.Recipients}}<div>{{.}}</div>{{end}}</div>
<div class="signature">{{range .Closing.Signature.Lines}}<div class="bold">{{.}}</div>{{end}}<div class="space"{{with room .Closing.Signature}} style="{{.}}"{{end}}>{{with .Closing.Signature.Image}}<img class="chu-ky" src="{{pngURL .}}" alt="{{.Description}}" style="{{size .}}">{{end}}{{with .Closing.Signature.Seal}}<img class="dau" src="{{pngURL .}}" alt="{{.Description}}" style="{{size .}}; {{sealAt $.Closing.Signature}}">{{end}}</div><div class="bold">{{.Closing.Signature.Name}}</div></div>
</div>
{{if .Footnotes}}<ol class="footnotes">{{range .Footnotes}}<li id="cthich-{{.Number}}" value="{{.Number}}">{{range .Content}}{{template "paragraph" .}}{{end}}</li>
{{end}}</ol>{{end}}
{{range .Appendices}}<section class="appendix{{if .Landscape}} landscape{{end}}"><h2 class="appendix-label">{{.Label}}</h2>{{range .Title}}<div class="appendix-title">{{.}}</div>{{end}}{{if .Subtitle}}<div class="appendix-sub"><i>{{.Subtitle}}</i></div>{{end}}
{{template "blocks" .Body}}</section>
{{end}}</article>
`))

type viewRow struct {
	Bold, Head bool
	Cells      []viewCell
}

type viewCell struct {
	*docmodel.Cell
	Align docmodel.Align // the cell's, else its column's
}

// tableRows places each cell in its grid column, past the cells spanning
// down from above, for the alignment of its column.
func tableRows(t *docmodel.Table) []viewRow {
	col := map[*docmodel.Cell]int{}
	if grid, err := t.Grid(); err == nil {
		for _, row := range grid {
			for _, s := range row {
				if _, ok := col[s.Cell]; !ok {
					col[s.Cell] = s.Col
				}
			}
		}
	}
	rows := make([]viewRow, len(t.Rows))
	for r := range t.Rows {
		row := &t.Rows[r]
		rows[r] = viewRow{Bold: row.Bold, Head: r < t.HeaderRows}
		for i := range row.Cells {
			c := &row.Cells[i]
			a := c.Align
			if k, ok := col[c]; ok && a == docmodel.AlignDefault && k < len(t.Columns) {
				a = t.Columns[k].Align
			}
			rows[r].Cells = append(rows[r].Cells, viewCell{c, a})
		}
	}
	return rows
}

func ptr[T any](v T, ok bool) *T {
	if !ok {
		return nil
	}
	return &v
}

// run is a piece of a text run: a figure with its source, or plain text.
type run struct {
	Text   string
	Source *docmodel.Source
}

// runs cuts a text run at its figures.
func runs(t *docmodel.Text) []run {
	if t.Figures == nil {
		return []run{{Text: t.Text}}
	}
	var out []run
	at := 0
	for _, f := range *t.Figures {
		if f.Start < at || f.End > len(t.Text) || f.Start >= f.End {
			continue // not a range of this text; show it plain
		}
		if f.Start > at {
			out = append(out, run{Text: t.Text[at:f.Start]})
		}
		out = append(out, run{t.Text[f.Start:f.End], f.Source})
		at = f.End
	}
	if at < len(t.Text) {
		out = append(out, run{Text: t.Text[at:]})
	}
	return out
}

// sourceText says where a figure came from, in Vietnamese: "Sheet TTHC,
// ô F7 — Số hồ sơ nhận giải quyết / Tổng số (2024)"; a chỉ tiêu "Chỉ tiêu
// Hồ sơ tiếp nhận — công thức: tiep_nhan = tong(…)"; a ratio its formula
// and then each of its parts.
func sourceText(s *docmodel.Source) string {
	var b strings.Builder
	where := func(s *docmodel.Source) {
		if s.Sheet == "" {
			return
		}
		sheet := s.Sheet
		if strings.Contains(sheet, ",") { // "TTHC, DVC": one name, not two
			sheet = "“" + sheet + "”"
		}
		b.WriteString("Sheet " + sheet)
		if s.Cell != "" {
			b.WriteString(", ô " + s.Cell)
		}
	}
	one := func(s *docmodel.Source) {
		where(s)
		if s.Label != "" {
			if b.Len() > 0 && s.Sheet != "" {
				b.WriteString(" — ")
			}
			if s.Sheet == "" && s.Formula != "" && len(s.Parts) == 0 {
				b.WriteString("Chỉ tiêu ")
			}
			b.WriteString(s.Label)
		}
		if s.Formula != "" {
			b.WriteString(" — công thức: " + s.Formula)
		}
	}
	one(s)
	for _, p := range s.Parts {
		b.WriteString("; ")
		one(&p)
	}
	return b.String()
}

// renderDocument writes the preview of doc.
func renderDocument(w io.Writer, doc *docmodel.Document) error {
	return previewTmpl.Execute(w, doc)
}
