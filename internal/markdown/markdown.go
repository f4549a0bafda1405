// Package markdown reads the body of a filled template (CommonMark with
// footnotes and pipe tables, parsed by goldmark) into document-model
// blocks, numbering headings in the style of Vietnamese reports.
//
// The mapping: a heading of level n takes the numbering style of level n
// (Phần thứ nhất, I., 1., 1.1., a)…) and restarts the counters below it,
// so a section that a template leaves out never leaves a gap; "- " and
// "+ " list items become the dash and plus paragraphs of administrative
// prose; ordered list items become paragraphs that start "1.", "2.";
// *emphasis* is italic, **strong** bold, ^text^ is not special; [^id]
// references become real footnotes, numbered in order of reference.
package markdown

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"baocao/internal/docmodel"
	"baocao/internal/msg"
	"baocao/internal/vnfmt"
)

// Style is a heading numbering style (the danh_so values of templates).
type Style string

const (
	StylePart      Style = "phan"       // Phần thứ nhất
	StylePartRoman Style = "phan-la-ma" // Phần I
	StyleRoman     Style = "la-ma"      // I.
	StyleArabic    Style = "so"         // 1.
	StyleDotted    Style = "so-cap"     // 1.1. (the number of the level above, a dot, its own)
	StyleAlpha     Style = "chu"        // a)
	StyleNone      Style = "khong"      // no number; the heading text is printed as written
)

// DefaultStyles number # as I., ## as 1., ### as 1.1., #### as a).
var DefaultStyles = []Style{StyleRoman, StyleArabic, StyleDotted, StyleAlpha}

// Options configure Read.
type Options struct {
	Styles []Style // per heading level; missing levels are unnumbered
	// File and FirstLine place messages: line 1 of the Markdown is line
	// FirstLine of File.
	File      string
	FirstLine int
	// Sources is the table of the figures' sources that the template's
	// filling made (tmpl.Result.Sources); the source marks index it.
	Sources []docmodel.Source
}

// Result is the body of a document.
type Result struct {
	Blocks    []docmodel.Block
	Footnotes []docmodel.Footnote
}

// Read converts Markdown to blocks and footnotes.
func Read(src []byte, opt Options) (*Result, error) {
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAttribute()),
	)
	src, spans := stripMarks(src)
	if opt.FirstLine == 0 {
		opt.FirstLine = 1
	}
	src, turns, err := fences(src, opt)
	if err != nil {
		return nil, err
	}
	doc := md.Parser().Parse(text.NewReader(src))
	r := &reader{src: src, spans: spans, opt: opt, counters: make([]int, 7), notes: map[int]*docmodel.Footnote{}}
	if r.opt.FirstLine == 0 {
		r.opt.FirstLine = 1
	}
	var blocks []docmodel.Block
	var noteList gast.Node
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() == east.KindFootnoteList {
			noteList = n
			continue
		}
		// The fences before this block turn the page.
		for len(turns) > 0 && turns[0].line < r.line(n)-r.opt.FirstLine {
			blocks = turn(blocks, turns[0].open)
			turns = turns[1:]
		}
		bs, err := r.block(n)
		if err != nil {
			return nil, err
		}
		blocks = append(blocks, bs...)
	}
	for _, f := range turns {
		blocks = turn(blocks, f.open)
	}
	res := &Result{Blocks: blocks}
	used := map[string]bool{}
	if noteList != nil {
		for n := noteList.FirstChild(); n != nil; n = n.NextSibling() {
			fn := n.(*east.Footnote)
			used[string(fn.Ref)] = true
			paras, err := r.noteBody(fn)
			if err != nil {
				return nil, err
			}
			r.notes[fn.Index].Content = paras
		}
	}
	// goldmark drops definitions that nothing references; a forgotten
	// reference is a mistake the user wants to hear about.
	for i, line := range bytes.Split(src, []byte("\n")) {
		if m := footnoteDef.FindSubmatch(line); m != nil && !used[string(m[1])] {
			return nil, msg.Errorf("%s:%d: footnote [^%s] is defined but never referenced", opt.File, r.opt.FirstLine+i, m[1])
		}
	}
	for i := 1; i <= len(r.notes); i++ {
		fn, ok := r.notes[i]
		if !ok || fn.Content == nil {
			return nil, msg.Errorf("%s: footnote %d is referenced but has no text", opt.File, i)
		}
		res.Footnotes = append(res.Footnotes, *fn)
	}
	return res, nil
}

var footnoteDef = regexp.MustCompile(`^ {0,3}\[\^([^\]\s]+)\]:`)

type reader struct {
	src      []byte
	spans    []span                   // the marked figures of src
	srcs     map[int]*docmodel.Source // one Source per id, shared by its runs
	opt      Options
	counters []int // per heading level, 1-based index
	labels   []string
	notes    map[int]*docmodel.Footnote
}

// line is the file line of a node, for messages: the first line of the
// node or of its first descendant that has source lines, else of the
// nearest ancestor that has some.
func (r *reader) line(n gast.Node) int {
	at := func(start int) int { return r.opt.FirstLine + bytes.Count(r.src[:start], []byte("\n")) }
	for m := n; m != nil; m = m.FirstChild() {
		if t, ok := m.(*gast.Text); ok {
			return at(t.Segment.Start)
		}
		if m.Type() == gast.TypeBlock && m.Lines().Len() > 0 {
			return at(m.Lines().At(0).Start)
		}
	}
	for m := n.Parent(); m != nil; m = m.Parent() {
		if m.Type() == gast.TypeBlock && m.Lines().Len() > 0 {
			return at(m.Lines().At(0).Start)
		}
	}
	return r.opt.FirstLine
}

func (r *reader) errorf(n gast.Node, format string, args ...any) error {
	return msg.Errorf("%s:%d: %s", r.opt.File, r.line(n), msg.Sprintf(format, args...))
}

func (r *reader) block(n gast.Node) ([]docmodel.Block, error) {
	switch v := n.(type) {
	case *gast.Heading:
		h, err := r.heading(v)
		if err != nil {
			return nil, err
		}
		return []docmodel.Block{h}, nil
	case *gast.Paragraph, *gast.TextBlock:
		in, err := r.inlines(n)
		if err != nil {
			return nil, err
		}
		return []docmodel.Block{&docmodel.Paragraph{Style: docmodel.BodyText, Content: in}}, nil
	case *gast.List:
		return r.list(v)
	case *east.Table:
		t, err := r.table(v)
		if err != nil {
			return nil, err
		}
		return []docmodel.Block{t}, nil
	case *gast.ThematicBreak:
		return nil, nil
	case *gast.HTMLBlock:
		return nil, r.errorf(n, "raw HTML is not supported in a report; use Markdown")
	case *gast.Blockquote:
		return nil, r.errorf(n, "block quotes (lines starting with \">\") are not supported in a report")
	case *gast.FencedCodeBlock, *gast.CodeBlock:
		return nil, r.errorf(n, "code blocks are not supported in a report (an indented line of 4 spaces starts one)")
	}
	return nil, r.errorf(n, "unsupported Markdown element %s", n.Kind())
}

func (r *reader) style(level int) Style {
	if level-1 < len(r.opt.Styles) {
		return r.opt.Styles[level-1]
	}
	return StyleNone
}

func kindOf(s Style, level int) docmodel.HeadingKind {
	switch s {
	case StylePart, StylePartRoman:
		return docmodel.KindPart
	case StyleRoman:
		return docmodel.KindSection
	case StyleArabic:
		return docmodel.KindClause
	case StyleDotted:
		return docmodel.KindSubClause
	case StyleAlpha:
		return docmodel.KindPoint
	}
	return docmodel.KindMinor
}

func (r *reader) heading(h *gast.Heading) (*docmodel.Heading, error) {
	lvl := h.Level
	st := r.style(lvl)
	numbered := st != StyleNone
	if v, ok := h.AttributeString("class"); ok {
		for _, c := range strings.Fields(string(asBytes(v))) {
			if c == "khong-so" {
				numbered = false
			}
		}
	}
	label := ""
	if numbered {
		r.counters[lvl]++
		label = r.label(st, lvl)
	}
	for i := lvl + 1; i < len(r.counters); i++ {
		r.counters[i] = 0
	}
	for len(r.labels) <= lvl {
		r.labels = append(r.labels, "")
	}
	r.labels[lvl] = strings.TrimSuffix(label, ".")
	in, err := r.inlines(h)
	if err != nil {
		return nil, err
	}
	return &docmodel.Heading{Kind: kindOf(st, lvl), Level: lvl, Label: label, Content: in}, nil
}

func asBytes(v any) []byte {
	switch b := v.(type) {
	case []byte:
		return b
	case string:
		return []byte(b)
	}
	return nil
}

func (r *reader) label(st Style, lvl int) string {
	n := r.counters[lvl]
	switch st {
	case StylePart:
		return "Phần thứ " + vnfmt.Ordinal(n)
	case StylePartRoman:
		return "Phần " + vnfmt.Roman(n)
	case StyleRoman:
		return vnfmt.Roman(n) + "."
	case StyleArabic:
		return strconv.Itoa(n) + "."
	case StyleDotted:
		parent := ""
		if lvl-1 < len(r.labels) {
			parent = r.labels[lvl-1]
		}
		if parent == "" {
			return strconv.Itoa(n) + "."
		}
		return parent + "." + strconv.Itoa(n) + "."
	case StyleAlpha:
		return vnfmt.Alpha(n) + ")"
	}
	return ""
}

func (r *reader) list(l *gast.List) ([]docmodel.Block, error) {
	var out []docmodel.Block
	i := l.Start
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		marker := string(l.Marker)
		if l.IsOrdered() {
			marker = strconv.Itoa(i) + string(l.Marker)
			i++
		} else if l.Marker == '*' {
			marker = "-"
		}
		first := true
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			bs, err := r.block(c)
			if err != nil {
				return nil, err
			}
			for _, b := range bs {
				if p, ok := b.(*docmodel.Paragraph); ok && first {
					p.Marker = marker
				}
				first = false
				out = append(out, b)
			}
		}
	}
	return out, nil
}

func (r *reader) table(t *east.Table) (*docmodel.Table, error) {
	tab := &docmodel.Table{Borders: true}
	for _, a := range t.Alignments {
		al := docmodel.AlignDefault
		switch a {
		case east.AlignLeft:
			al = docmodel.AlignLeft
		case east.AlignCenter:
			al = docmodel.AlignCenter
		case east.AlignRight:
			al = docmodel.AlignRight
		}
		// No width: the writers size each column from its content.
		tab.Columns = append(tab.Columns, docmodel.Column{Align: al})
	}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []docmodel.Cell
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			in, err := r.inlines(c)
			if err != nil {
				return nil, err
			}
			cells = append(cells, docmodel.Cell{Content: []*docmodel.Paragraph{{Style: docmodel.Flush, Content: in}}})
		}
		for len(cells) < len(tab.Columns) {
			cells = append(cells, docmodel.Cell{})
		}
		if row.Kind() == east.KindTableHeader {
			tab.HeaderRows++
			for i := range cells {
				cells[i].Bold = true
				cells[i].Align = docmodel.AlignCenter
			}
		}
		tab.Rows = append(tab.Rows, docmodel.Row{Cells: cells})
	}
	return tab, nil
}

func (r *reader) noteBody(fn *east.Footnote) ([]*docmodel.Paragraph, error) {
	var out []*docmodel.Paragraph
	for c := fn.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() == east.KindFootnoteBacklink {
			// goldmark's HTML back-link, appended to a note that does not
			// end with a paragraph: nothing to print.
			continue
		}
		bs, err := r.block(c)
		if err != nil {
			return nil, err
		}
		for _, b := range bs {
			p, ok := b.(*docmodel.Paragraph)
			if !ok {
				return nil, r.errorf(c, "a footnote may hold only paragraphs")
			}
			p.Style = docmodel.Flush
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, r.errorf(fn, "footnote [^%s] is empty", fn.Ref)
	}
	return out, nil
}

type style struct{ bold, italic bool }

func (r *reader) inlines(n gast.Node) ([]docmodel.Inline, error) {
	var out []docmodel.Inline
	err := r.walkInline(n, style{}, &out)
	// Literals resolve after merging, so that a literal the parser split
	// into several text nodes is whole again; their text may start or end
	// with spaces, which a paragraph does not keep. A figure with its
	// source stays its own run until then (its text holds no literal), and
	// joins its neighbours last, as a byte range of the run (Figures).
	out = merge(out, false)
	for i, x := range out {
		if t, ok := x.(docmodel.Text); ok && HasLiteral(t.Text) {
			t.Text = Resolve(t.Text)
			if t.Figures != nil {
				// A figure's run is the figure alone (see merge).
				t.Figures = &docmodel.Figures{{Start: 0, End: len(t.Text), Source: (*t.Figures)[0].Source}}
			}
			out[i] = t
		}
	}
	return merge(trimSpace(out), true), err
}

func (r *reader) walkInline(n gast.Node, st style, out *[]docmodel.Inline) error {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *gast.Text:
			for _, p := range r.pieces(v.Segment.Start, v.Segment.Stop) {
				t := docmodel.Text{Text: unescape(r.src[p.start:p.end]), Bold: st.bold, Italic: st.italic}
				if p.src != nil {
					t.Figures = &docmodel.Figures{{Start: 0, End: len(t.Text), Source: p.src}}
				}
				*out = append(*out, t)
			}
			if v.HardLineBreak() {
				*out = append(*out, docmodel.LineBreak{})
			} else if v.SoftLineBreak() {
				*out = append(*out, docmodel.Text{Text: " ", Bold: st.bold, Italic: st.italic})
			}
		case *gast.String:
			*out = append(*out, docmodel.Text{Text: string(v.Value), Bold: st.bold, Italic: st.italic})
		case *gast.Emphasis:
			s := st
			if v.Level >= 2 {
				s.bold = true
			} else {
				s.italic = true
			}
			if err := r.walkInline(v, s, out); err != nil {
				return err
			}
		case *gast.CodeSpan:
			var b strings.Builder
			for t := v.FirstChild(); t != nil; t = t.NextSibling() {
				if tx, ok := t.(*gast.Text); ok {
					b.Write(tx.Segment.Value(r.src))
				}
			}
			*out = append(*out, docmodel.Text{Text: b.String(), Bold: st.bold, Italic: st.italic})
		case *gast.Link, *gast.AutoLink:
			if err := r.walkInline(v, st, out); err != nil {
				return err
			}
			if al, ok := v.(*gast.AutoLink); ok {
				*out = append(*out, docmodel.Text{Text: string(al.Label(r.src)), Bold: st.bold, Italic: st.italic})
			}
		case *east.FootnoteLink:
			if _, dup := r.notes[v.Index]; dup {
				return r.errorf(n, "footnote %d is referenced twice; a Word footnote has one reference, so give the second place its own note", v.Index)
			}
			r.notes[v.Index] = &docmodel.Footnote{Number: v.Index}
			*out = append(*out, docmodel.FootnoteRef{Number: v.Index})
		case *gast.RawHTML:
			raw := strings.ToLower(strings.TrimSpace(string(v.Segments.Value(r.src))))
			if raw == "<br>" || raw == "<br/>" || raw == "<br />" {
				*out = append(*out, docmodel.LineBreak{})
				continue
			}
			return r.errorf(n, "raw HTML %q is not supported in a report", Resolve(raw))
		case *gast.Image:
			return r.errorf(n, "images are not supported in a report yet")
		default:
			if err := r.walkInline(v, st, out); err != nil {
				return err
			}
		}
	}
	return nil
}

// unescape resolves backslash escapes and character references in one
// pass, as goldmark's own renderers do: an escaped "\\&amp;" stays the text
// "&amp;", it is not then read as an entity.
func unescape(b []byte) string {
	if bytes.IndexByte(b, '\\') < 0 && bytes.IndexByte(b, '&') < 0 {
		return string(b) // nearly every text: nothing to unescape
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\\' && i+1 < len(b) && util.IsPunct(b[i+1]) {
			out = append(out, b[i+1])
			i++
			continue
		}
		if c == '&' {
			if j := bytes.IndexByte(b[i:], ';'); j > 1 && j <= 32 {
				ref := b[i : i+j+1]
				if r := util.ResolveNumericReferences(util.ResolveEntityNames(ref)); !bytes.Equal(r, ref) {
					out = append(out, r...)
					i += j
					continue
				}
			}
		}
		out = append(out, c)
	}
	return string(out)
}

// merge joins neighbouring text runs of the same style, so writers see one
// run per style change. With figures false, a run holding a figure with
// its source is not joined; with true it is, and its figure becomes a byte
// range of the joined run (two pieces of one figure, which the parser
// split, become one range again).
func merge(in []docmodel.Inline, figures bool) []docmodel.Inline {
	var out []docmodel.Inline
	for _, x := range in {
		t, ok := x.(docmodel.Text)
		if ok && t.Text == "" {
			continue
		}
		if ok && len(out) > 0 {
			if p, ok := out[len(out)-1].(docmodel.Text); ok && p.Bold == t.Bold && p.Italic == t.Italic && p.Superscript == t.Superscript &&
				(figures || (p.Figures == nil && t.Figures == nil)) {
				p.Figures = joinFigures(p.Figures, t.Figures, len(p.Text))
				p.Text += t.Text
				out[len(out)-1] = p
				continue
			}
		}
		out = append(out, x)
	}
	return out
}

// trimSpace removes leading and trailing spaces of a paragraph.
func trimSpace(in []docmodel.Inline) []docmodel.Inline {
	for len(in) > 0 {
		t, ok := in[0].(docmodel.Text)
		if !ok {
			break
		}
		trimmed := strings.TrimLeft(t.Text, " \t")
		t.Figures = shiftFigures(t.Figures, len(trimmed)-len(t.Text), len(trimmed))
		t.Text = trimmed
		if t.Text != "" {
			in[0] = t
			break
		}
		in = in[1:]
	}
	for len(in) > 0 {
		t, ok := in[len(in)-1].(docmodel.Text)
		if !ok {
			break
		}
		t.Text = strings.TrimRight(t.Text, " \t")
		t.Figures = shiftFigures(t.Figures, 0, len(t.Text))
		if t.Text != "" {
			in[len(in)-1] = t
			break
		}
		in = in[:len(in)-1]
	}
	return in
}

// joinFigures are the figures of a run of a's text followed by b's, a's
// text being off bytes long. The lists are copied, never changed: runs may
// share them.
func joinFigures(a, b *docmodel.Figures, off int) *docmodel.Figures {
	if b == nil {
		return a
	}
	var out docmodel.Figures
	if a != nil {
		out = append(out, *a...)
	}
	for _, f := range *b {
		f.Start += off
		f.End += off
		if n := len(out); n > 0 && out[n-1].End == f.Start && out[n-1].Source == f.Source {
			out[n-1].End = f.End
			continue
		}
		out = append(out, f)
	}
	return &out
}

// shiftFigures moves the figures of a run by d bytes and keeps them inside
// its n bytes, after trimming; a figure trimmed away is dropped.
func shiftFigures(fs *docmodel.Figures, d, n int) *docmodel.Figures {
	if fs == nil {
		return nil
	}
	var out docmodel.Figures
	for _, f := range *fs {
		f.Start, f.End = min(max(f.Start+d, 0), n), min(max(f.End+d, 0), n)
		if f.End > f.Start {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return &out
}
