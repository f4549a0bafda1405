package pdf

import (
	"bytes"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"baocao/internal/docmodel"
	"baocao/internal/fonts"
)

// longInlines is a paragraph of about n words mixing styles, footnote
// references, forced breaks, one word wider than a line and runs of
// spaces.
func longInlines(n int) []docmodel.Inline {
	var in []docmodel.Inline
	for i := 0; len(in) < n/6; i++ {
		in = append(in, txt(sentences[i%len(sentences)]+" "))
		switch i % 7 {
		case 1:
			in = append(in, bold("Kết quả"), txt("  đạt được  "))
		case 2:
			in = append(in, ref(i%5+1), txt(" "))
		case 3:
			in = append(in, docmodel.LineBreak{})
		case 5:
			in = append(in, italic(strings.Repeat("dài", 80)+" "))
		}
	}
	return in
}

// TestChunkedBreaking checks that breaking a paragraph while it is read
// (the words of finished lines dropped every chunk words) sets exactly
// the lines that breaking it whole sets.
func TestChunkedBreaking(t *testing.T) {
	w := &writer{sz: docmodel.Profile13, ls: 1, indent: 28.35}
	for _, al := range []align{alignJustify, alignLeft, alignCenter} {
		in := longInlines(5*chunk + 37)
		sp := parSpec{x: 85, width: 300, indent: 28.35, size: 14, lineH: lineHeight(14, 1), align: al}
		whole := wordBuilder{g: &w.g}
		whole.inlines(in, 14, false, false)
		words := whole.finish()
		if len(words) < 3*chunk {
			t.Fatalf("only %d words", len(words))
		}
		want := layoutWords(words, sp)
		b := wordBuilder{g: &w.g, br: newBreaker(sp)}
		b.inlines(in, 14, false, false)
		if got := b.finishLines(); !reflect.DeepEqual(got, want) {
			t.Errorf("align %d: chunked breaking gives %d lines, whole %d, or different ones", al, len(got), len(want))
		}
	}
}

// TestLongParagraph: one paragraph of 1 MB (a pasted document in one
// cell) keeps no more than a chunk of words at a time, and writes with
// allocation in proportion to its length. A 10 MB paragraph, too slow
// for a unit test, took 0.63 GB allocated and 0.48 GB peak where it took
// 2.1 GB and 0.9 GB.
func TestLongParagraph(t *testing.T) {
	s := strings.Repeat("Thành phố đã hoàn thành kiểm tra công tác ", 1<<20/48)
	w := &writer{sz: docmodel.Profile13, ls: 1}
	b := wordBuilder{g: &w.g, br: newBreaker(parSpec{x: 85, width: 450, size: 14, lineH: 16})}
	b.text(s, style{face: fonts.Regular, size: 14})
	if c := cap(b.words); c > 2*chunk {
		t.Errorf("the builder holds room for %d words, want at most %d", c, 2*chunk)
	}
	if lines := b.finishLines(); len(lines) < len(s)/120 {
		t.Errorf("%d lines for %d bytes", len(lines), len(s))
	}

	for _, inCell := range []bool{false, true} {
		d := shortDoc()
		p := par(txt(s + "cuối đoạn"))
		if inCell {
			d.Body = append(d.Body, &docmodel.Table{Columns: []docmodel.Column{{Width: 1}},
				Rows: []docmodel.Row{{Cells: []docmodel.Cell{{Content: []*docmodel.Paragraph{p}}}}}})
		} else {
			d.Body = append(d.Body, p)
		}
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		var buf bytes.Buffer
		if err := Write(&buf, d); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&m1)
		if per := float64(m1.TotalAlloc-m0.TotalAlloc) / float64(len(s)); per > 120 {
			t.Errorf("cell %v: %.0f bytes allocated per byte of text, want at most 120", inCell, per)
		}
	}
}
