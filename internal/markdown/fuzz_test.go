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
		for _, b := range res.Blocks {
			if tab, ok := b.(*docmodel.Table); ok {
				if _, err := tab.Grid(); err != nil {
					t.Fatalf("table with a bad grid: %v", err)
				}
			}
		}
	})
}
