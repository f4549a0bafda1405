package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"baocao/internal/docmodel"
	"baocao/internal/fonts"
	"baocao/internal/testtool"
)

// tool runs an external program, skipping the test when it is absent.
func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	testtool.Need(t, name)
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

var space = regexp.MustCompile(`\s+`)

func flat(s string) string { return space.ReplaceAllString(s, " ") }

// synth is the synthetic report, written once per test binary into a
// directory TestMain removes (t.TempDir would be gone after the first test).
var synth struct {
	dir   string
	once  sync.Once
	path  string
	data  []byte
	pages int
	err   error
}

func synthPDF(t *testing.T) (string, []byte) {
	t.Helper()
	synth.once.Do(func() {
		var buf bytes.Buffer
		if synth.err = Write(&buf, synthetic(10)); synth.err != nil {
			return
		}
		dir, err := os.MkdirTemp("", "baocao-pdf-")
		if err != nil {
			synth.err = err
			return
		}
		synth.dir = dir
		synth.path = filepath.Join(dir, "synthetic.pdf")
		synth.data = buf.Bytes()
		synth.err = os.WriteFile(synth.path, synth.data, 0o644)
	})
	if synth.err != nil {
		t.Fatal(synth.err)
	}
	return synth.path, synth.data
}

func TestMain(m *testing.M) {
	code := m.Run()
	if synth.dir != "" {
		os.RemoveAll(synth.dir)
	}
	os.Exit(code)
}

func pageCount(t *testing.T, path string) int {
	info := tool(t, "pdfinfo", path)
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("no page count in pdfinfo output:\n%s", info)
	}
	var n int
	fmt.Sscan(m[1], &n)
	return n
}

// pageTexts is pdftotext of each page.
func pageTexts(t *testing.T, path string) []string {
	n := pageCount(t, path)
	out := make([]string, n)
	for i := range out {
		p := fmt.Sprint(i + 1)
		out[i] = tool(t, "pdftotext", "-f", p, "-l", p, path, "-")
	}
	return out
}

func TestText(t *testing.T) {
	path, _ := synthPDF(t)
	all := flat(tool(t, "pdftotext", path, "-"))
	for _, tc := range []struct{ name, want string }{
		{"parent agency", "UBND TỈNH ĐỒNG THÁP"},
		{"agency", "ỦY BAN NHÂN DÂN THÀNH PHỐ SA ĐÉC"},
		{"quốc hiệu", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{"tiêu ngữ", "Độc lập - Tự do - Hạnh phúc"},
		{"number", "Số: 371/BC-UBND"},
		{"place date", "Sa Đéc, ngày 09 tháng 10 năm 2024"},
		{"kind", "BÁO CÁO"},
		{"summary", "Kết quả cải thiện Chỉ số cải cách hành chính thành phố Sa Đéc 09 tháng đầu năm 2024"},
		{"kính gửi", "Kính gửi: Sở Nội vụ tỉnh Đồng Tháp;"},
		{"part", "Phần thứ nhất TÌNH HÌNH TRIỂN KHAI VÀ KẾT QUẢ THỰC HIỆN"},
		{"section", "IV. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"},
		{"clause", "1. Tổng quan về cải cách hành chính"},
		{"subclause", "1.1. Công tác chỉ đạo, điều hành cải cách hành chính"},
		{"point", "a) Kết quả đạt được"},
		{"minor", "(1) Kế hoạch cải cách hành chính"},
		{"figure", "đạt 61,88 điểm/70 điểm; 0/30 điểm ĐTXHH."},
		{"marker dash", "- Trang thông tin điện tử"},
		{"marker plus", "+ Tỷ lệ thủ tục hành chính"},
		{"marker number", "1. Việc thực hiện dịch vụ công"},
		{"reading order", "Thành phố đã hoàn thành kiểm tra công tác cải cách hành chính tại 05 phòng chuyên môn thuộc Ủy ban nhân dân Thành phố, 01 đơn vị sự nghiệp và 09 xã, phường trên địa bàn."},
		{"mixed runs", "Kết quả đạt được trong kỳ là tương đối khá, cụ thể:"},
		{"footnote", "Ghi chú [17]: Kế hoạch số 117/KH-UBND ngày 19 tháng 3 năm 2024 của Ủy ban nhân dân Thành phố"},
		{"table caption", "Biểu 01: Kết quả giải quyết thủ tục hành chính"},
		{"table header", "Lĩnh vực, công việc giải quyết theo cấp"},
		{"table total", "57.286"},
		{"nơi nhận", "Nơi nhận:"},
		{"recipient", "- Lưu: VT."},
		{"signature", "TM. ỦY BAN NHÂN DÂN"},
		{"signer", "Nguyễn Văn Hòn"},
		{"appendix", "Phụ lục I KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH NĂM 2024"},
		{"appendix subtitle", "(Kèm theo Báo cáo số 371/BC-UBND ngày 09 tháng 10 năm 2024 của UBND thành phố Sa Đéc)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(all, tc.want) {
				t.Errorf("text lacks %q", tc.want)
			}
		})
	}
	// Blocks come in document order.
	last := -1
	for _, s := range []string{"CỘNG HÒA", "BÁO CÁO", "Phần thứ nhất", "I. KẾT QUẢ", "II. KẾT QUẢ", "Biểu 01", "X. KẾT QUẢ", "Trên đây là báo cáo", "Nơi nhận:", "Phụ lục I"} {
		i := strings.Index(all, s)
		if i <= last {
			t.Errorf("%q at %d, not after the previous block (%d)", s, i, last)
		}
		last = i
	}
}

func TestHeaderBlock(t *testing.T) {
	path, _ := synthPDF(t)
	layout := tool(t, "pdftotext", "-layout", "-f", "1", "-l", "1", path, "-")
	for _, tc := range []struct {
		name        string
		left, right string
	}{
		{"agency beside quốc hiệu", "UBND TỈNH ĐỒNG THÁP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{"number on the baseline of the date", "Số: 371/BC-UBND", "Sa Đéc, ngày 09 tháng 10 năm 2024"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, line := range strings.Split(layout, "\n") {
				l, r := strings.Index(line, tc.left), strings.Index(line, tc.right)
				if l >= 0 && r > l {
					return
				}
			}
			t.Errorf("no line with %q left of %q:\n%s", tc.left, tc.right, layout)
		})
	}
}

func TestTools(t *testing.T) {
	path, _ := synthPDF(t)
	t.Run("qpdf", func(t *testing.T) {
		tool(t, "qpdf", "--check", path)
	})
	t.Run("fonts embedded", func(t *testing.T) {
		out := tool(t, "pdffonts", path)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) < 3 {
			t.Fatalf("no fonts:\n%s", out)
		}
		for _, l := range lines[2:] {
			f := strings.Fields(l)
			// name type… encoding emb sub uni object ID
			if len(f) < 6 || f[len(f)-5] != "yes" {
				t.Errorf("font not embedded: %s", l)
			}
		}
	})
	t.Run("page sizes", func(t *testing.T) {
		n := pageCount(t, path)
		info := tool(t, "pdfinfo", "-f", "1", "-l", fmt.Sprint(n), path)
		sizes := regexp.MustCompile(`Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts`).FindAllStringSubmatch(info, -1)
		if len(sizes) != n {
			t.Fatalf("%d page sizes for %d pages", len(sizes), n)
		}
		if !strings.Contains(info, "(A4)") {
			t.Errorf("pdfinfo does not name A4:\n%s", info)
		}
		appendix := appendixPage(pageTexts(t, path))
		for i, m := range sizes {
			want := "595.28 x 841.89"
			if i >= appendix {
				want = "841.89 x 595.28" // the landscape appendix
			}
			if got := m[2] + " x " + m[3]; got != want {
				t.Errorf("page %s is %s, want %s", m[1], got, want)
			}
		}
	})
	t.Run("metadata", func(t *testing.T) {
		info := tool(t, "pdfinfo", path)
		for _, want := range []string{
			"Title:           Kết quả cải thiện Chỉ số cải cách hành chính thành phố Sa Đéc 09 tháng đầu năm 2024",
			"Author:          Ủy ban nhân dân thành phố Sa Đéc",
			"Subject:         Báo cáo 371/BC-UBND",
			"Keywords:        cải cách hành chính; PAR Index",
			"CreationDate:    Wed Oct  9 00:00:00 2024",
		} {
			if !strings.Contains(info, want) {
				t.Errorf("pdfinfo lacks %q:\n%s", want, info)
			}
		}
	})
	t.Run("outline", func(t *testing.T) {
		js := tool(t, "qpdf", "--json", "--json-key=outlines", path)
		var doc struct {
			Outlines []outlineJSON `json:"outlines"`
		}
		if err := json.Unmarshal([]byte(js), &doc); err != nil {
			t.Fatal(err)
		}
		var titles []string
		var walk func([]outlineJSON, int)
		walk = func(os []outlineJSON, depth int) {
			for _, o := range os {
				titles = append(titles, fmt.Sprintf("%d %s", depth, o.Title))
				walk(o.Kids, depth+1)
			}
		}
		walk(doc.Outlines, 0)
		got := strings.Join(titles, "\n")
		for _, want := range []string{
			"0 Phần thứ nhất TÌNH HÌNH TRIỂN KHAI VÀ KẾT QUẢ THỰC HIỆN",
			"1 I. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
			"2 1. Tổng quan về cải cách hành chính",
			"3 1.1. Công tác chỉ đạo, điều hành cải cách hành chính",
			"4 a) Kết quả đạt được",
			"5 (1) Kế hoạch cải cách hành chính",
			"0 Phụ lục I KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH NĂM 2024",
			"1 I. SỐ LIỆU TỔNG HỢP",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("outline lacks %q:\n%s", want, got)
			}
		}
	})
}

// appendixPage is the index of the first appendix page (len when none).
func appendixPage(texts []string) int {
	for i, tx := range texts {
		if strings.Contains(tx, "Phụ lục I") {
			return i
		}
	}
	return len(texts)
}

type outlineJSON struct {
	Title string        `json:"title"`
	Kids  []outlineJSON `json:"kids"`
}

// TestFootnotePages checks that every note starts on the page of its
// reference and that at least one long note continues on the next page.
func TestFootnotePages(t *testing.T) {
	path, _ := synthPDF(t)
	texts := pageTexts(t, path)
	d := synthetic(10)
	if len(d.Footnotes) < 40 {
		t.Fatalf("synthetic document has %d footnotes, want ≥ 40", len(d.Footnotes))
	}
	find := func(s string) []int {
		var pages []int
		for i, tx := range texts {
			if strings.Contains(flat(tx), s) {
				pages = append(pages, i+1)
			}
		}
		return pages
	}
	continued := 0
	for _, f := range d.Footnotes {
		n := f.Number
		refPages := find(fmt.Sprintf("[neo %d]", n))
		notePages := find(fmt.Sprintf("Ghi chú [%d]:", n))
		if len(refPages) != 1 || len(notePages) != 1 {
			t.Errorf("note %d: reference on pages %v, note on pages %v", n, refPages, notePages)
			continue
		}
		if refPages[0] != notePages[0] {
			t.Errorf("note %d: reference on page %d, note on page %d", n, refPages[0], notePages[0])
		}
		// The end of a long note: on a later page if it continued.
		if tp := find(fmt.Sprintf("Hết ghi chú %d.", n)); len(tp) == 1 && tp[0] > notePages[0] {
			if tp[0] != notePages[0]+1 {
				t.Errorf("note %d starts on page %d and ends on page %d", n, notePages[0], tp[0])
			}
			continued++
		}
	}
	if continued == 0 {
		t.Errorf("no long note continued on a following page; the test does not exercise the split")
	}
}

// TestPageNumbers: none on page 1, the number at the top from page 2, and
// a fresh count in the appendix.
func TestPageNumbers(t *testing.T) {
	path, _ := synthPDF(t)
	texts := pageTexts(t, path)
	first := func(s string) string {
		for _, l := range strings.Split(s, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				return l
			}
		}
		return ""
	}
	appendix := appendixPage(texts)
	if appendix == len(texts) {
		t.Fatal("no appendix page")
	}
	for i, tx := range texts {
		got := first(tx)
		var want string
		switch {
		case i == 0 || i == appendix:
			if regexp.MustCompile(`^\d+$`).MatchString(got) {
				t.Errorf("page %d starts with number %q; the first page of a section has none", i+1, got)
			}
			continue
		case i < appendix:
			want = fmt.Sprint(i + 1)
		default:
			want = fmt.Sprint(i - appendix + 1)
		}
		if got != want {
			t.Errorf("page %d starts with %q, want page number %q", i+1, got, want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  func() *docmodel.Document
	}{
		{"short", shortDoc},
		{"synthetic", func() *docmodel.Document { return synthetic(4) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := Write(&a, tc.doc()); err != nil {
				t.Fatal(err)
			}
			if err := Write(&b, tc.doc()); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("two writes differ (%d and %d bytes)", a.Len(), b.Len())
			}
			// An empty buffer is written in place; a buffer holding
			// bytes already and any other writer get the file copied.
			c := bytes.NewBufferString("%before")
			var d bytes.Buffer
			for _, out := range []io.Writer{c, struct{ io.Writer }{&d}} {
				if err := Write(out, tc.doc()); err != nil {
					t.Fatal(err)
				}
			}
			if c.String() != "%before"+a.String() || !bytes.Equal(d.Bytes(), a.Bytes()) {
				t.Errorf("a write after other bytes or through a plain writer differs")
			}
		})
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		mutate func(d *docmodel.Document)
		want   string
	}{
		{"zero page", func(d *docmodel.Document) { d.Page.Width = 0 }, "page size"},
		{"margins too wide", func(d *docmodel.Document) { d.Page.MarginLeft = docmodel.MM(190) }, "too little room"},
		{"zero body size", func(d *docmodel.Document) { d.Page.Sizes.Body = 0 }, "Sizes.Body"},
		{"NaN size", func(d *docmodel.Document) { d.Page.Sizes.Footnote = math.NaN() }, "Sizes.Footnote"},
		{"dangling reference", func(d *docmodel.Document) {
			d.Body = append(d.Body, par(txt("x"), ref(99)))
		}, "footnote reference 99"},
		{"ragged table", func(d *docmodel.Document) {
			d.Body = append(d.Body, &docmodel.Table{Columns: []docmodel.Column{{Width: 1}, {Width: 1}}, Rows: []docmodel.Row{{Cells: []docmodel.Cell{{}}}}})
		}, "no cell at column 2"},
		{"negative column width", func(d *docmodel.Document) {
			d.Body = append(d.Body, &docmodel.Table{Columns: []docmodel.Column{{Width: -2}}, Rows: []docmodel.Row{{Cells: []docmodel.Cell{{}}}}})
		}, "column 1 has width -2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := shortDoc()
			tc.mutate(d)
			err := Write(&bytes.Buffer{}, d)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one mentioning %q", err, tc.want)
			}
		})
	}
	if err := Write(&bytes.Buffer{}, nil); err == nil {
		t.Error("nil document: no error")
	}
}

// TestOddInput: text no face can draw, control characters, broken UTF-8,
// words wider than a column, empty parts: a valid PDF, no panic.
func TestOddInput(t *testing.T) {
	long := strings.Repeat("x", 400)
	for _, tc := range []struct {
		name string
		doc  func() *docmodel.Document
	}{
		{"empty", func() *docmodel.Document { return &docmodel.Document{Page: docmodel.DefaultPage()} }},
		{"odd runes", func() *docmodel.Document {
			d := shortDoc()
			d.Body = append(d.Body,
				par(txt("漢字 😀 \x00\x07 tab\there \xff\xfe NFD: Tie\u0302\u0301ng Vie\u0323\u0302t \u200b\ufeff")),
				&docmodel.Paragraph{Style: docmodel.Centered, Content: []docmodel.Inline{docmodel.LineBreak{}, docmodel.LineBreak{}, bold(long)}},
				&docmodel.Paragraph{Style: docmodel.RightText, Content: []docmodel.Inline{txt("   ")}},
				&docmodel.Heading{Kind: docmodel.HeadingKind(42), Label: "?"},
				&docmodel.Heading{Kind: docmodel.KindPart},
				(*docmodel.Paragraph)(nil),
				&docmodel.Table{Columns: []docmodel.Column{{Width: 1}, {Width: 1000}}, Borders: true, Rows: []docmodel.Row{
					{Cells: []docmodel.Cell{{Content: []*docmodel.Paragraph{par(txt(long + " 漢"))}}, {}}},
				}},
			)
			d.Header.Agency = []string{long}
			d.Meta.Date = d.Meta.Date.AddDate(-100, 0, 0)
			d.Meta.Language = "vi) /Evil ("
			return d
		}},
		{"tall cell", func() *docmodel.Document {
			d := shortDoc()
			cell := docmodel.Cell{}
			for i := 0; i < 80; i++ {
				cell.Content = append(cell.Content, par(txt(sentences[i%len(sentences)])))
			}
			d.Body = append(d.Body, &docmodel.Table{Columns: []docmodel.Column{{Width: 1}}, HeaderRows: 1,
				Rows: []docmodel.Row{{Cells: []docmodel.Cell{{Content: []*docmodel.Paragraph{par(txt("Đầu bảng"))}}}}, {Cells: []docmodel.Cell{cell}}}})
			return d
		}},
		{"huge note", func() *docmodel.Document {
			d := shortDoc()
			d.Footnotes[0].Content = nil
			for i := 0; i < 200; i++ {
				d.Footnotes[0].Content = append(d.Footnotes[0].Content, par(txt(sentences[i%len(sentences)])))
			}
			d.Footnotes = append(d.Footnotes, docmodel.Footnote{Number: 10}) // never referenced, empty
			return d
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, tc.doc()); err != nil {
				t.Fatal(err)
			}
			testtool.Need(t, "qpdf")
			f := filepath.Join(t.TempDir(), "odd.pdf")
			if err := os.WriteFile(f, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			tool(t, "qpdf", "--check", f)
		})
	}
}

// TestJustify checks the line breaker on one paragraph mixing regular,
// bold, italic and a footnote mark: inner lines end at the right edge,
// the last line does not, the first is indented.
func TestJustify(t *testing.T) {
	w := &writer{sz: docmodel.Profile13, ls: 1, indent: 28.35}
	p := longPara(0, 3, "")
	lines := w.paragraph(p, 85, 400, 14, 1, true)
	if len(lines) < 4 {
		t.Fatalf("%d lines", len(lines))
	}
	faces := map[fonts.Face]bool{}
	for i, l := range lines {
		o := l.ops
		if len(o) == 0 {
			t.Fatalf("line %d empty", i+1)
		}
		end := o[len(o)-1].x + fonts.Width(o[len(o)-1].face, o[len(o)-1].size, o[len(o)-1].s)
		switch {
		case i == 0 && math.Abs(o[0].x-(85+28.35)) > 0.01:
			t.Errorf("first line starts at %.2f, want the indent", o[0].x)
		case i > 0 && math.Abs(o[0].x-85) > 0.01:
			t.Errorf("line %d starts at %.2f", i+1, o[0].x)
		}
		if i < len(lines)-1 && math.Abs(end-485) > 0.05 {
			t.Errorf("line %d ends at %.2f, want 485 (justified)", i+1, end)
		}
		if i == len(lines)-1 && end > 484 {
			t.Errorf("last line ends at %.2f: it should be set left", end)
		}
		for _, x := range o {
			faces[x.face] = true
		}
	}
	if !faces[fonts.Bold] || !faces[fonts.Italic] || !faces[fonts.Regular] {
		t.Errorf("faces used: %v", faces)
	}
	refLine := -1
	for i, l := range lines {
		if len(l.refs) > 0 {
			refLine = i
		}
	}
	if refLine < 0 {
		t.Error("no line carries the footnote reference")
	}
}

// pages lays d out without writing it.
func pages(d *docmodel.Document) (int, error) {
	ps, err := newWriter(d).layout()
	return len(ps), err
}

func benchWrite(b *testing.B, d *docmodel.Document) {
	n, err := pages(d)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "pages")
}

// BenchmarkWriteShort writes a three-page report.
func BenchmarkWriteShort(b *testing.B) { benchWrite(b, shortDoc()) }

// BenchmarkWrite30Pages writes the synthetic report at about 30 pages.
func BenchmarkWrite30Pages(b *testing.B) { benchWrite(b, synthetic(12)) }

// TestHeaderGeometry checks the ND30 rules of ô 1 to ô 4 on the laid-out
// header: Số and địa danh on one baseline, the Tiêu ngữ rule as long as
// its text, the agency rule 1/3 to 1/2 of the agency line, both centred
// under their text.
func TestHeaderGeometry(t *testing.T) {
	d := baseDoc()
	w := newWriter(d)
	g := w.portrait()
	u := w.headerBlock(g)
	find := func(s string) op {
		for _, o := range u.ops {
			if o.kind == opText && o.s == s {
				return o
			}
		}
		t.Fatalf("no text %q in the header", s)
		return op{}
	}
	var rules []op
	for _, o := range u.ops {
		if o.kind == opLine {
			rules = append(rules, o)
		}
	}
	if len(rules) != 2 {
		t.Fatalf("%d rules, want 2", len(rules))
	}
	num, date := find(d.Header.Number), find(d.Header.PlaceDate)
	if math.Abs(num.y-date.y) > 0.01 {
		t.Errorf("Số at baseline %.2f, địa danh at %.2f", num.y, date.y)
	}
	if date.face != fonts.Italic {
		t.Errorf("địa danh face %v, want italic", date.face)
	}
	centre := func(o op) float64 { return o.x + fonts.Width(o.face, o.size, o.s)/2 }
	tn := find(d.Header.TieuNgu)
	tnW := fonts.Width(tn.face, tn.size, tn.s)
	agency := find("THÀNH PHỐ SA ĐÉC")
	agW := fonts.Width(agency.face, agency.size, "THÀNH PHỐ SA ĐÉC")
	for _, r := range rules {
		l := r.x2 - r.x
		mid := (r.x + r.x2) / 2
		switch {
		case r.x > g.left+g.textW()/3: // right column
			if math.Abs(l-tnW) > 0.01 {
				t.Errorf("Tiêu ngữ rule %.2f pt, text %.2f pt", l, tnW)
			}
			if math.Abs(mid-centre(tn)) > 0.01 || r.y <= tn.y {
				t.Errorf("Tiêu ngữ rule not centred under the text")
			}
		default:
			if l < agW/3 || l > agW/2 {
				t.Errorf("agency rule %.2f pt for a %.2f pt line", l, agW)
			}
			if math.Abs(mid-centre(agency)) > 0.01 || r.y <= agency.y {
				t.Errorf("agency rule not centred under the agency")
			}
		}
	}
	for _, s := range []string{d.Header.QuocHieu, d.Header.TieuNgu, "ỦY BAN NHÂN DÂN", "THÀNH PHỐ SA ĐÉC"} {
		if o := find(s); o.face != fonts.Bold {
			t.Errorf("%q face %v, want bold", s, o.face)
		}
	}
	if o := find("UBND TỈNH ĐỒNG THÁP"); o.face != fonts.Regular {
		t.Errorf("parent agency face %v, want upright", o.face)
	}
}

// TestClosing: for reports of growing length, the closing block is never
// split, and never opens a page without body text above it.
func TestClosing(t *testing.T) {
	for n := 1; n <= 30; n++ {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			d := baseDoc()
			for i := 0; i < n; i++ {
				if i%3 == 2 {
					d.Body = append(d.Body, par(txt(sentences[i%len(sentences)])))
					continue
				}
				d.Body = append(d.Body, longPara(i, 0, ""))
			}
			ps, err := newWriter(d).layout()
			if err != nil {
				t.Fatal(err)
			}
			labelPage, namePage := -1, -1
			var labelY float64
			for i, pg := range ps {
				for _, o := range pg.allOps() {
					switch {
					case o.kind == opText && o.s == "Nơi nhận:":
						labelPage, labelY = i, o.y
					case o.kind == opText && o.s == "Nguyễn Văn Hòn":
						namePage = i
					}
				}
			}
			if labelPage < 0 || labelPage != namePage {
				t.Fatalf("Nơi nhận on page %d, signer on page %d", labelPage+1, namePage+1)
			}
			above := 0
			for _, o := range ps[labelPage].allOps() {
				if o.kind == opText && o.y < labelY-20 {
					above++
				}
			}
			if above == 0 {
				t.Errorf("closing block alone on page %d", labelPage+1)
			}
		})
	}
}
