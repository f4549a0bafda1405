package markdown

import (
	"testing"

	"baocao/internal/docmodel"
)

// FuzzRead: any Markdown a template can produce reads into a document or
// an error, never a panic, and what it reads has consistent footnotes.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"# A\n\n## B\n\n- x[^1]\n\n[^1]: y\n",
		"| a | b |\n|---|---|\n| 1 | 2 |\n",
		"1. a\n2. b\n\n+ c\n",
		"[^a]: chưa dùng\n",
		"x[^a] y[^a]\n\n[^a]: z\n",
		"> q\n",
		"<div>\n",
		"****\n\n#######\n",
		"Câu[^a].\n\n[^a]: Gồm:\n\n    + Năm 2021: 80;\n",
		"Trước.\n::: ngang\n# Bảng\n\n| a | b |\n|---|---|\n| 1 | 2 |\n:::\nSau[^a].\n\n[^a]: z\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		res, err := Read([]byte(src), Options{Styles: []Style{StylePart, StyleRoman, StyleArabic, StyleDotted, StyleAlpha}, File: "f.md"})
		if err != nil {
			return
		}
		for i, fn := range res.Footnotes {
			if fn.Number != i+1 || len(fn.Content) == 0 {
				t.Fatalf("footnote %d: %+v", i+1, fn)
			}
		}
		// Section breaks come in pairs, landscape then back.
		turned := false
		for _, b := range res.Blocks {
			if sb, ok := b.(*docmodel.SectionBreak); ok {
				if sb.Landscape == turned {
					t.Fatalf("section breaks out of order in %q", src)
				}
				turned = sb.Landscape
			}
			if tab, ok := b.(*docmodel.Table); ok {
				if _, err := tab.Grid(); err != nil {
					t.Fatalf("table with a bad grid: %v", err)
				}
			}
		}
		if turned {
			t.Fatalf("the body ends turned in %q", src)
		}
	})
}
