package tmpl

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"baocao/internal/dataset"
	"baocao/internal/docmodel"
	"baocao/internal/markdown"
	"baocao/internal/vnfmt"
)

// payloads are data texts that must print as typed: each would restructure
// the report if it were read as Markdown.
var payloads = []string{
	"**đậm** và *nghiêng* và _gạch dưới_",
	"[bấm](javascript:alert(1)) ![ảnh](x.png) <http://x.vn>",
	"&amp;amp; &lt;b&gt; &#35;",
	"# Đề mục giả",
	"Dòng một\n---",
	"Dòng một\n===",
	"Câu\n\n## Đề mục giữa ô",
	"> trích dẫn",
	"- gạch đầu dòng\n+ cộng\n* sao\n1. số\n2) số",
	"| a | b |\n|---|---|\n| 1 | 2 |",
	"<script>alert(1)</script>",
	"<b>đậm</b> a<br>b <!-- chú thích -->",
	"a\x00b\x01c\x1bd\x7fe\u0085f",
	"\u202eđảo chiều\u202c \u2066cô lập\u2069 \u200fdấu",
	"    khối mã thụt lề",
	"```\nkhối mã\n```",
	"`mã` \\*thoát\\* \\",
	"Chú thích giả[^1]\n\n[^1]: định nghĩa",
	"Đề mục {.khong-so} {#id}",
	"{{ fact \"p\" }} {{/* */}}",
	"\uE100\uE041\uE101 ký tự riêng \uE000",
	"\uE1020\uE103nguồn giả\uE104 \uE102\uE104",
	"\r\n\r\n\r\nđoạn mới\r\n",
	"***\n___\n- - -",
	strings.Repeat("Rất dài *đậm* [x] ", 3000),
}

const harmless = "chữ thường"

// hostileData is a dataset whose every text is p: a fact, an indicator's
// name and note, the key column header, a column's name, a row's key, a
// cell and a table's sheet name.
func hostileData(p string) *dataset.Dataset {
	loc := func(sheet, cell string) dataset.Loc { return dataset.Loc{File: "d.xlsx", Sheet: sheet, Cell: cell} }
	facts := dataset.NewFacts("Thông tin")
	facts.Add("p", dataset.Value{Kind: dataset.TextKind, Text: p, Loc: loc("Thông tin", "B2")}, loc("Thông tin", "A2"))
	facts.Add("n", dataset.Value{Kind: dataset.NumberKind, Num: 5, Text: "5", Loc: loc("Thông tin", "B3")}, loc("Thông tin", "A3"))
	tree := dataset.NewTree("Chỉ số", "d.xlsx")
	n1 := &dataset.Node{Code: "1", Name: p, Note: p, Row: loc("Chỉ số", "A3")}
	n11 := &dataset.Node{Code: "1.1", Name: p, Note: p, Row: loc("Chỉ số", "A4")}
	n12 := &dataset.Node{Code: "1.2", Name: p, Note: p, Row: loc("Chỉ số", "A5")}
	for _, n := range []*dataset.Node{n1, n11, n12} {
		tree.Add(n)
	}
	n11.Set(dataset.Max, 3, n11.Row)
	n11.Set(dataset.Score, 2, n11.Row)
	n12.Set(dataset.Max, 2, n12.Row)
	n12.Set(dataset.Survey, 2, n12.Row)
	tree.Compute()
	tab := dataset.NewTable(p, p, [][]string{{p}}, []dataset.Loc{loc(p, "B1")})
	tab.AddRow(p, loc(p, "A2"), []dataset.Value{{Kind: dataset.TextKind, Text: p, Loc: loc(p, "B2")}})
	return &dataset.Dataset{Source: "d.xlsx", Facts: facts, Trees: map[string]*dataset.Tree{"Chỉ số": tree},
		Tables: map[string]*dataset.Table{"Bảng": tab}, Derived: map[string]dataset.Derived{"ty_le": {Name: "ty_le", Value: 12.5}}}
}

// A probe prints data through one function or method of the template's
// reach. text probes print the payload and must show it as typed
// (expect gives what is shown, nil meaning the payload itself); number
// probes print a figure; error probes feed the payload where a number or
// a date is due, and the error must name the cell.
type probe struct {
	expr   string
	kind   string // "text", "number", "error", "paragraphs"
	expect func(p string) string
	cell   string // for "error": the cell the message must name
}

const row0 = `(index (table "Bảng").Rows 0)`
const col0 = `(index (table "Bảng").Columns 0)`

var probes = map[string]probe{
	"func fact":       {expr: `fact "p"`, kind: "text"},
	"func node":       {expr: `node "1"`, kind: "text"},
	"func nodeIn":     {expr: `nodeIn "Chỉ số" "1"`, kind: "text"},
	"func table":      {expr: `table "Bảng"`, kind: "text"},
	"func cell":       {expr: `cell "Bảng" ` + row0 + `.Key ` + col0, kind: "text"},
	"func sum":        {expr: `sum "Bảng" ` + col0, kind: "error", cell: "B2"},
	"func num":        {expr: `num (fact "p")`, kind: "error", cell: "B2"},
	"func fixed":      {expr: `fixed 2 (fact "p")`, kind: "error", cell: "B2"},
	"func pad":        {expr: `pad (fact "p")`, kind: "error", cell: "B2"},
	"func percent":    {expr: `percent (fact "p")`, kind: "error", cell: "B2"},
	"func pct":        {expr: `pct (fact "n") (fact "p")`, kind: "error", cell: "B2"},
	"func add":        {expr: `add (fact "n") (fact "p")`, kind: "error", cell: "B2"},
	"func sub":        {expr: `sub (fact "p") 1`, kind: "error", cell: "B2"},
	"func mul":        {expr: `mul 2 (fact "p")`, kind: "error", cell: "B2"},
	"func div":        {expr: `div (fact "p") 2`, kind: "error", cell: "B2"},
	"func date":       {expr: `date (fact "p")`, kind: "error", cell: "B2"},
	"func shortdate":  {expr: `shortdate (fact "p")`, kind: "error", cell: "B2"},
	"func paragraphs": {expr: `paragraphs (fact "p")`, kind: "paragraphs"},
	"func upper":      {expr: `upper (fact "p")`, kind: "text", expect: vnfmt.Upper},
	"func lower":      {expr: `lower (node "1").Name`, kind: "text", expect: vnfmt.Lower},
	"func capitalize": {expr: `capitalize ` + row0 + `.Key`, kind: "text", expect: vnfmt.Capitalize},
	"func roman":      {expr: `roman (fact "p")`, kind: "error", cell: "B2"},
	"func alpha":      {expr: `alpha (fact "p")`, kind: "error", cell: "B2"},
	"func ordinal":    {expr: `ordinal (fact "p")`, kind: "error", cell: "B2"},
	"func cardinal":   {expr: `cardinal (fact "p")`, kind: "error", cell: "B2"},
	"func print":      {expr: `print (fact "p")`, kind: "text"},
	"func printf":     {expr: `printf "%s" (node "1")`, kind: "text"},
	"func println":    {expr: `println (fact "p")`, kind: "text", expect: func(p string) string { return p + "\n" }},
	// The step counter prints nothing; "1" keeps the agency line of the
	// front matter from being blank (an error of its own).
	"func " + stepFunc:  {expr: stepFunc + `}}1{{ ""`, kind: "number"},
	"func tong":         {expr: `tong "Bảng" ` + col0, kind: "error", cell: "B2"},
	"func tyle":         {expr: `tyle 2 (fact "n") (fact "p")`, kind: "error", cell: "B2"},
	"func dau":          {expr: `dau "Bảng"`, kind: "text"},
	"func cuoi":         {expr: `cuoi "Bảng"`, kind: "text"},
	"func chitieu":      {expr: `chitieu "ty_le"`, kind: "number"},
	"func eq":           {expr: `eq (fact "p") ` + row0 + `.Key (fact "n")`, kind: "number"},
	"func ne":           {expr: `ne (fact "p").Text ` + row0 + `.Key`, kind: "number"},
	"func lt":           {expr: `lt (fact "n") 5.5`, kind: "number"},
	"func le":           {expr: `le (fact "p") (fact "p")`, kind: "number"},
	"func gt":           {expr: `gt (fact "n") (fact "p")`, kind: "error", cell: "B2"},
	"func ge":           {expr: `ge (fact "n") 5`, kind: "number"},
	"func quy":          {expr: `quy (fact "p")`, kind: "error", cell: "B2"},
	"func lietke":       {expr: `index (lietke "Bảng") 0`, kind: "text"},
	"Item.Sep":          {expr: `print "1" (index (lietke "Bảng" "; ") 0).Sep`, kind: "number"},
	"Item.String":       {expr: `(index (lietke "Bảng") 0).String`, kind: "text"},
	"Item.GoString":     {expr: `printf "%#v" (index (lietke "Bảng") 0)`, kind: "text"},
	"Item.Key":          {expr: `(index (lietke "Bảng") 0).Key`, kind: "text"},
	"Item.Get":          {expr: `(index (lietke "Bảng") 0).Get ` + col0, kind: "text"},
	"Item.Num":          {expr: `(index (lietke "Bảng") 0).Num ` + col0, kind: "error", cell: "B2"},
	"func thang":        {expr: `thang (fact "p")`, kind: "error", cell: "B2"},
	"func " + rangeFunc: {expr: rangeFunc + ` 1`, kind: "number"},

	"Text.String":   {expr: `(fact "p").Text.String`, kind: "text"},
	"Text.GoString": {expr: `printf "%#v" (fact "p").Text`, kind: "text"},

	"Value.String":   {expr: `(fact "p").String`, kind: "text"},
	"Value.GoString": {expr: `printf "%#v" (fact "p")`, kind: "text"},
	"Value.Text":     {expr: `(fact "p").Text`, kind: "text"},
	"Value.Kind":     {expr: `(fact "p").Kind`, kind: "number"},
	"Value.Num":      {expr: `(fact "p").Num`, kind: "number"},
	"Value.Float":    {expr: `(fact "p").Float`, kind: "error", cell: "B2"},
	"Value.Date":     {expr: `(fact "p").Date`, kind: "error", cell: "B2"},

	"Figure.Format": {expr: `printf "%.2f" (chitieu "ty_le")`, kind: "number"},
	"Figure.Num":    {expr: `(chitieu "ty_le").Num`, kind: "number"},

	"Node.String":      {expr: `(node "1").String`, kind: "text"},
	"Node.GoString":    {expr: `printf "%#v" (node "1")`, kind: "text"},
	"Node.Name":        {expr: `(node "1").Name`, kind: "text"},
	"Node.Note":        {expr: `(node "1").Note`, kind: "text"},
	"Node.Code":        {expr: `(node "1").Code`, kind: "text", expect: func(string) string { return "1" }},
	"Node.Number":      {expr: `(node "1.1").Number`, kind: "number"},
	"Node.Max":         {expr: `(node "1").Max`, kind: "number"},
	"Node.Survey":      {expr: `(node "1").Survey`, kind: "number"},
	"Node.SelfMax":     {expr: `(node "1").SelfMax`, kind: "number"},
	"Node.Score":       {expr: `(node "1").Score`, kind: "number"},
	"Node.SurveyScore": {expr: `(node "1").SurveyScore`, kind: "number"},
	"Node.Total":       {expr: `(node "1").Total`, kind: "number"},
	"Node.Lost":        {expr: `(node "1").Lost`, kind: "number"},
	"Node.Full":        {expr: `(node "1").Full`, kind: "number"},
	"Node.IsSurvey":    {expr: `(node "1.2").IsSurvey`, kind: "number"},
	"Node.Parent":      {expr: `(node "1.1").Parent`, kind: "text"},
	"Node.Children":    {expr: `index (node "1").Children 1`, kind: "text"},
	"Node.Assessed":    {expr: `index (node "1").Assessed 0`, kind: "text"},
	"Node.SurveyItems": {expr: `index (node "1").SurveyItems 0`, kind: "text"},
	"Node.Incomplete":  {expr: `index (node "1").Incomplete 0`, kind: "text"},

	"Table.String":   {expr: `(table "Bảng").String`, kind: "text"},
	"Table.GoString": {expr: `printf "%#v" (table "Bảng")`, kind: "text"},
	"Table.Sheet":    {expr: `(table "Bảng").Sheet`, kind: "text"},
	"Table.Key":      {expr: `(table "Bảng").Key`, kind: "text"},
	"Table.Columns":  {expr: col0, kind: "text", expect: strings.TrimSpace}, // a header is read trimmed
	"Table.Rows":     {expr: row0, kind: "text"},
	"Table.Row":      {expr: `(table "Bảng").Row ` + row0 + `.Key`, kind: "text"},
	"Table.Has":      {expr: `(table "Bảng").Has ` + row0 + `.Key`, kind: "number"},
	"Table.Sum":      {expr: `(table "Bảng").Sum ` + col0, kind: "error", cell: "B2"},
	"Table.Total":    {expr: `(table "Bảng").Total ` + col0, kind: "error", cell: "B2"},

	"Row.String":   {expr: row0 + `.String`, kind: "text"},
	"Row.GoString": {expr: `printf "%#v" ` + row0, kind: "text"},
	"Row.Key":      {expr: row0 + `.Key`, kind: "text"},
	"Row.Get":      {expr: row0 + `.Get ` + col0, kind: "text"},
	"Row.Num":      {expr: row0 + `.Num ` + col0, kind: "error", cell: "B2"},
}

// surface lists, by reflection, every function of the template's function
// map and every exported method of every type a template can reach from
// them or from its data root. Types of other packages (time.Time, numbers)
// end the walk: they hold no workbook text.
func surface() []string {
	var out []string
	seen := map[reflect.Type]bool{}
	var visit func(t reflect.Type)
	results := func(ft reflect.Type, skip int) {
		for i := 0; i < ft.NumOut(); i++ {
			visit(ft.Out(i))
		}
	}
	visit = func(t reflect.Type) {
		for t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if seen[t] {
			return
		}
		seen[t] = true
		base := t
		if base.Kind() == reflect.Pointer {
			base = base.Elem()
		}
		if base.PkgPath() != reflect.TypeOf(Text("")).PkgPath() {
			return
		}
		if t.Kind() != reflect.Pointer {
			visit(reflect.PointerTo(t))
		}
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			out = append(out, base.Name()+"."+m.Name)
			results(m.Type, 1)
		}
	}
	for name, f := range Funcs(nil) {
		out = append(out, "func "+name)
		results(reflect.TypeOf(f), 0)
	}
	visit(reflect.TypeOf(dataRoot{}))
	sort.Strings(out)
	uniq := out[:0]
	for i, s := range out {
		if i == 0 || s != out[i-1] {
			uniq = append(uniq, s)
		}
	}
	return uniq
}

// TestHostileSurface: the probes cover every function and method a
// template can reach, so a new one cannot escape the hostile test.
func TestHostileSurface(t *testing.T) {
	reach := map[string]bool{}
	for _, s := range surface() {
		reach[s] = true
		// dataRoot.String prints nothing; it is the root's only method.
		if _, ok := probes[s]; !ok && s != "dataRoot.String" {
			t.Errorf("%s can be reached from a template but has no probe in the hostile test", s)
		}
	}
	for s := range probes {
		if !reach[s] {
			t.Errorf("probe %q: no such function or method", s)
		}
	}
}

// shape is the structure of a document: what the payloads must not change.
func shape(doc *markdown.Result) string {
	var b strings.Builder
	for _, bl := range doc.Blocks {
		switch v := bl.(type) {
		case *docmodel.Paragraph:
			fmt.Fprintf(&b, "p%q ", v.Marker)
		case *docmodel.Heading:
			fmt.Fprintf(&b, "h%d ", v.Level)
		default:
			fmt.Fprintf(&b, "%T ", bl)
		}
	}
	fmt.Fprintf(&b, "notes %d", len(doc.Footnotes))
	return b.String()
}

func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestHostile prints every payload through every probe, in the body (in a
// paragraph, a heading, a table cell and a footnote) and in the front
// matter, and reads the body into the document model: the document has the
// shape it has with a harmless text, and shows the payload's text as typed
// (less control characters; a line break shows as a space).
func TestHostile(t *testing.T) {
	const body = "Trước {{ X }} sau.\n\n# Đề mục {{ X }}\n\n| A | B |\n|---|---|\n| {{ X }} | x |\n\nCâu[^a].\n\n[^a]: Chú thích {{ X }}.\n"
	const frontTmpl = "---\nco_quan: [Ủy ban nhân dân, '{{ X }}']\nso: '5'\nky_hieu: BC-UBND\ndia_danh: Sa Đéc\nngay: 05/02/2025\nten_loai: Báo cáo\ntrich_yeu: ['{{ X }}']\n---\n"
	names := make([]string, 0, len(probes))
	for n := range probes {
		names = append(names, n)
	}
	sort.Strings(names)
	run := func(pr probe, p string) (*Result, *markdown.Result, error) {
		src := frontTmpl + body
		if pr.kind == "paragraphs" {
			src = strings.Replace(frontTmpl, "{{ X }}", "x", -1) + "Trước.\n\n{{ X }}\n\nSau.\n"
		}
		tp, err := Parse("r/report.md", []byte(strings.ReplaceAll(src, "X", pr.expr)))
		if err != nil {
			t.Fatalf("%s: %v", pr.expr, err)
		}
		res, err := tp.Execute(hostileData(p))
		if err != nil {
			return nil, nil, err
		}
		doc, err := markdown.Read(res.Markdown, markdown.Options{Styles: markdown.DefaultStyles, File: "r/report.md", FirstLine: res.BodyLine})
		return res, doc, err
	}
	for _, name := range names {
		pr := probes[name]
		t.Run(name, func(t *testing.T) {
			_, base, baseErr := run(pr, harmless)
			for i, p := range payloads {
				res, doc, err := run(pr, p)
				if pr.kind == "error" {
					if err == nil || !strings.Contains(err.Error(), "cell "+pr.cell) {
						t.Errorf("payload %d: error %v, want one naming cell %s", i, err, pr.cell)
					}
					continue
				}
				if baseErr != nil {
					t.Fatalf("harmless text: %v", baseErr)
				}
				if err != nil {
					t.Errorf("payload %d (%.40q): %v", i, p, err)
					continue
				}
				if pr.kind == "paragraphs" {
					checkParagraphs(t, i, p, doc)
					continue
				}
				if got, want := shape(doc), shape(base); got != want {
					t.Errorf("payload %d (%.40q) changes the document\n got %s\nwant %s", i, p, got, want)
					continue
				}
				if pr.kind != "text" {
					continue
				}
				shown := p
				if pr.expect != nil {
					shown = pr.expect(p)
				}
				shown = markdown.Clean(shown)
				texts := []string{
					docmodel.PlainText(doc.Blocks[0].(*docmodel.Paragraph).Content),
					docmodel.PlainText(doc.Blocks[1].(*docmodel.Heading).Content),
					docmodel.PlainText(doc.Blocks[2].(*docmodel.Table).Rows[1].Cells[0].Content[0].Content),
					docmodel.PlainText(doc.Footnotes[0].Content[0].Content),
					res.Front.CoQuan[1], res.Front.TrichYeu[0],
				}
				wants := []string{"Trước " + shown + " sau.", "Đề mục " + shown, shown, "Chú thích " + shown + ".", shown, shown}
				for k := range texts {
					if fold(texts[k]) != fold(wants[k]) {
						t.Errorf("payload %d, place %d: shows\n%.200q\nwant\n%.200q", i, k, fold(texts[k]), fold(wants[k]))
					}
				}
			}
		})
	}
}

// checkParagraphs: paragraphs makes one paragraph of each line of the
// cell, a leading "- ", "+ " or "1. " its marker, the rest as typed.
func checkParagraphs(t *testing.T, i int, p string, doc *markdown.Result) {
	t.Helper()
	var want []string
	for _, l := range strings.Split(strings.ReplaceAll(p, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		m := listMarker.FindString(l)
		if m == "" || l[len(m):] == "" {
			want = append(want, fold(markdown.Clean(l)))
			continue
		}
		want = append(want, strings.TrimSpace(m)+"|"+fold(markdown.Clean(l[len(m):])))
	}
	want = append(append([]string{"Trước."}, want...), "Sau.")
	var got []string
	for _, b := range doc.Blocks {
		para, ok := b.(*docmodel.Paragraph)
		if !ok {
			t.Errorf("payload %d: a %T among the paragraphs", i, b)
			return
		}
		s := fold(docmodel.PlainText(para.Content))
		if para.Marker != "" {
			s = para.Marker + "|" + s
		}
		got = append(got, s)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("payload %d: paragraphs\n got %.300q\nwant %.300q", i, got, want)
	}
}
