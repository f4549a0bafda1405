package markdown

import (
	"strings"
	"testing"

	"baocao/internal/docmodel"
)

// outline renders blocks as one line each: headings as "H<kind> <label> <text>",
// paragraphs as "P<marker>|<text>", tables as "T<rows>x<cols>".
func outline(bs []docmodel.Block) string {
	var b strings.Builder
	for _, x := range bs {
		switch v := x.(type) {
		case *docmodel.Heading:
			b.WriteString("H" + v.Kind.String() + " " + v.Label + " " + docmodel.PlainText(v.Content))
		case *docmodel.Paragraph:
			b.WriteString("P" + v.Marker + "|" + docmodel.PlainText(v.Content))
		case *docmodel.Table:
			b.WriteString("T")
			b.WriteString(strings.Repeat("r", len(v.Rows)))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestRead(t *testing.T) {
	tests := []struct {
		name   string
		styles []Style
		src    string
		want   string
	}{
		{"report numbering", DefaultStyles,
			"# A\n\n## B\n\n### C\n\n### D\n\n#### E\n\n## F\n\n# G\n\n## H\n",
			"HSection I. A\nHClause 1. B\nHSubClause 1.1. C\nHSubClause 1.2. D\nHPoint a) E\nHClause 2. F\nHSection II. G\nHClause 1. H\n"},
		{"parts", []Style{StylePart, StyleRoman, StyleArabic},
			"# TÌNH HÌNH\n\n## X\n\n# ĐỀ XUẤT\n\n## Y\n\n### Z\n\n# KIẾN NGHỊ\n",
			"HPart Phần thứ nhất TÌNH HÌNH\nHSection I. X\nHPart Phần thứ hai ĐỀ XUẤT\nHSection I. Y\nHClause 1. Z\nHPart Phần thứ ba KIẾN NGHỊ\n"},
		{"unnumbered heading keeps counters", DefaultStyles,
			"# A\n\n# Lời mở đầu {.khong-so}\n\n# B\n",
			"HSection I. A\nHSection  Lời mở đầu\nHSection II. B\n"},
		{"literal numbers", []Style{StyleNone},
			"# 2.1/ Công tác\n",
			"HMinor  2.1/ Công tác\n"},
		{"alpha uses the Vietnamese alphabet", []Style{StyleAlpha},
			"# a\n\n# b\n\n# c\n\n# d\n\n# e\n",
			"HPoint a) a\nHPoint b) b\nHPoint c) c\nHPoint d) d\nHPoint đ) e\n"},
		{"dash, plus and numbered paragraphs", nil,
			"- Một\n\n+ Hai\n\n+ Ba\n\n1. Bốn\n2. Năm\n",
			"P-|Một\nP+|Hai\nP+|Ba\nP1.|Bốn\nP2.|Năm\n"},
		{"soft line break is a space", nil,
			"Dòng một\ndòng hai\n",
			"P|Dòng một dòng hai\n"},
		{"table", nil,
			"| A | B |\n|---|--:|\n| 1 | 2 |\n",
			"Trr\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read([]byte(tt.src), Options{Styles: tt.styles, File: "t.md"})
			if err != nil {
				t.Fatal(err)
			}
			if got := outline(res.Blocks); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestInlineStyles(t *testing.T) {
	res, err := Read([]byte("Chữ **đậm** và *nghiêng* và ***cả hai***, dấu\\* sao.\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := res.Blocks[0].(*docmodel.Paragraph)
	want := []docmodel.Inline{
		docmodel.Text{Text: "Chữ "},
		docmodel.Text{Text: "đậm", Bold: true},
		docmodel.Text{Text: " và "},
		docmodel.Text{Text: "nghiêng", Italic: true},
		docmodel.Text{Text: " và "},
		docmodel.Text{Text: "cả hai", Bold: true, Italic: true},
		docmodel.Text{Text: ", dấu* sao."},
	}
	if len(p.Content) != len(want) {
		t.Fatalf("got %#v", p.Content)
	}
	for i := range want {
		if p.Content[i] != want[i] {
			t.Errorf("run %d: got %#v, want %#v", i, p.Content[i], want[i])
		}
	}
}

func TestFootnotes(t *testing.T) {
	src := "Câu một[^b]. Câu hai[^a].\n\n- Gạch[^c]\n\n[^a]: Chú thích A.\n[^b]: Chú thích **B**.\n[^c]: Chú thích C.\n"
	res, err := Read([]byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Footnotes) != 3 {
		t.Fatalf("got %d footnotes", len(res.Footnotes))
	}
	// Numbered in order of reference, not of definition.
	for i, want := range []string{"Chú thích B.", "Chú thích A.", "Chú thích C."} {
		fn := res.Footnotes[i]
		if fn.Number != i+1 || docmodel.PlainText(fn.Content[0].Content) != want {
			t.Errorf("footnote %d: number %d, text %q; want %q", i+1, fn.Number, docmodel.PlainText(fn.Content[0].Content), want)
		}
	}
	p := res.Blocks[0].(*docmodel.Paragraph)
	if r, ok := p.Content[1].(docmodel.FootnoteRef); !ok || r.Number != 1 {
		t.Errorf("first reference: %#v", p.Content[1])
	}
}

// TestFootnoteEndingWithList: a note whose last block is a list (a
// per-year breakdown) reads as its paragraphs.
func TestFootnoteEndingWithList(t *testing.T) {
	res, err := Read([]byte("Câu[^a].\n\n[^a]: Gồm:\n\n    + Năm 2021: 80;\n    + Năm 2022: 82.\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Footnotes[0].Content {
		got = append(got, p.Marker+"|"+docmodel.PlainText(p.Content))
	}
	if strings.Join(got, " ") != "|Gồm: +|Năm 2021: 80; +|Năm 2022: 82." {
		t.Errorf("note paragraphs %q", got)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unused footnote", "Câu.\n\n[^x]: Thừa.\n", "t.md:12: footnote [^x] is defined but never referenced"},
		{"reused footnote", "A[^x] B[^x]\n\n[^x]: Một.\n", "t.md:10: footnote 1 is referenced twice"},
		{"html", "Dòng\n\n<div>x</div>\n", "t.md:12: raw HTML is not supported"},
		{"quote", "Dòng\n\n> trích\n", "t.md:12: block quotes"},
		{"code block", "Dòng\n\n    mã\n", "t.md:12: code blocks are not supported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read([]byte(tt.src), Options{File: "t.md", FirstLine: 10})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// TestLandscape: "::: ngang" … ":::" turns the pages of what it holds; the
// fence lines keep the line numbers of what follows them, and a fence
// that opens nothing known, nests, is left open or holds nothing is
// refused at its line.
func TestLandscape(t *testing.T) {
	turns := func(bs []docmodel.Block) string {
		var b strings.Builder
		for _, x := range bs {
			switch v := x.(type) {
			case *docmodel.SectionBreak:
				if v.Landscape {
					b.WriteString("[ngang]")
				} else {
					b.WriteString("[doc]")
				}
			case *docmodel.Table:
				b.WriteString("T")
			case *docmodel.Paragraph:
				b.WriteString("P")
			case *docmodel.Heading:
				b.WriteString("H")
			}
		}
		return b.String()
	}
	table := "| A | B |\n|---|--:|\n| 1 | 2 |\n"
	for _, c := range []struct {
		name, src, want, err string
	}{
		{"a table", "Trước.\n\n::: ngang\n" + table + ":::\n\nSau.\n", "P[ngang]T[doc]P", ""},
		{"pandoc class", "::: {.ngang}\n# Bảng\n\n" + table + ":::\n", "[ngang]HT[doc]", ""},
		{"right after a paragraph", "Trước.\n::: ngang\n" + table + ":::\nSau.\n", "P[ngang]T[doc]P", ""},
		{"a heading before the fence goes over", "# Kết quả\n\n## Bảng\n\n::: ngang\n" + table + ":::\n", "[ngang]HHT[doc]", ""},
		{"two parts", "::: ngang\n" + table + ":::\n\nGiữa.\n\n::: ngang\n" + table + ":::\n", "[ngang]T[doc]P[ngang]T[doc]", ""},
		{"no fence", "Văn bản có ::: ở giữa.\n", "P", ""},
		{"unknown", "::: doc\nX\n:::\n", "", `r.md:10: unknown block "::: doc"`},
		{"nested", "::: ngang\n::: ngang\nX\n:::\n:::\n", "", `r.md:11: "::: ngang" inside`},
		{"never closed", "A\n\n::: ngang\n" + table, "", `r.md:12: "::: ngang" is never closed`},
		{"closes nothing", "A\n:::\n", "", `r.md:11: ":::" closes nothing`},
		{"empty", "::: ngang\n\n:::\n", "", `r.md:12: the landscape part "::: ngang" of line 10 holds nothing`},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := Read([]byte(c.src), Options{File: "r.md", FirstLine: 10})
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err = %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := turns(res.Blocks); got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
	// Messages after a fence still name their own line.
	_, err := Read([]byte("::: ngang\n"+table+":::\n\n> trích\n"), Options{File: "r.md", FirstLine: 1})
	if err == nil || !strings.Contains(err.Error(), "r.md:7:") {
		t.Errorf("error after a fence: %v, want line 7", err)
	}
}
