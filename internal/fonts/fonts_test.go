package fonts

import (
	"slices"

	"math"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

func TestVietnameseCoverage(t *testing.T) {
	letters := "ăâđêôơưĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ" +
		"ÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴ“”–…"
	for _, f := range []Face{Regular, Bold, Italic, BoldItalic} {
		for _, r := range letters {
			if !Has(f, r) {
				t.Errorf("%v lacks %q (U+%04X)", f, r, r)
			}
		}
	}
}

func TestWidth(t *testing.T) {
	// Times New Roman and Liberation Serif share advance widths: "M" is
	// 0.889 em, a space 0.25 em.
	tests := []struct {
		face Face
		size float64
		s    string
		want float64
	}{
		{Regular, 10, "M", 8.89},
		{Regular, 14, " ", 3.5},
		{Bold, 12, "", 0},
	}
	for _, tt := range tests {
		if got := Width(tt.face, tt.size, tt.s); math.Abs(got-tt.want) > 0.01 {
			t.Errorf("Width(%v, %v, %q) = %.3f, want %.3f", tt.face, tt.size, tt.s, got, tt.want)
		}
	}
	if Width(Bold, 14, "Độc lập") <= Width(Regular, 14, "Độc lập") {
		t.Error("bold is not wider than regular")
	}
}

func BenchmarkWidth(b *testing.B) {
	s := "Kết quả cải thiện Chỉ số cải cách hành chính thành phố Sa Đéc"
	for b.Loop() {
		Width(Regular, 14, s)
	}
}

// TestSubset checks that a subset parses, keeps the glyph indices and
// outlines of the glyphs asked for, and empties the others.
func TestSubset(t *testing.T) {
	for _, f := range []Face{Regular, BoldItalic} {
		want := []rune("Ấp Đồng")
		var gs []uint16
		for _, r := range want {
			gs = append(gs, Glyph(f, r))
		}
		slices.Sort(gs)
		gs = slices.Compact(gs)
		b, err := Subset(f, gs)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) >= len(TTF(f))/4 {
			t.Errorf("%v: subset is %d bytes of %d", f, len(b), len(TTF(f)))
		}
		sub, err := sfnt.Parse(b)
		if err != nil {
			t.Fatalf("%v: subset does not parse: %v", f, err)
		}
		full, _ := sfnt.Parse(TTF(f))
		if n := sub.NumGlyphs(); n <= int(gs[len(gs)-1]) || n >= full.NumGlyphs() {
			t.Errorf("%v: subset has %d glyphs; the last asked for is %d, the face has %d", f, n, gs[len(gs)-1], full.NumGlyphs())
		}
		var buf sfnt.Buffer
		bounds := func(fn *sfnt.Font, g uint16) fixed.Rectangle26_6 {
			segs, err := fn.LoadGlyph(&buf, sfnt.GlyphIndex(g), fixed.I(2048), nil)
			if err != nil {
				t.Fatalf("%v: glyph %d: %v", f, g, err)
			}
			return segs.Bounds()
		}
		for _, g := range gs {
			if bounds(sub, g) != bounds(full, g) || bounds(sub, g).Empty() && g != Glyph(f, ' ') {
				t.Errorf("%v: glyph %d changed in the subset", f, g)
			}
		}
		if g := Glyph(f, 'z'); !bounds(sub, g).Empty() {
			t.Errorf("%v: glyph of z (%d) kept", f, g)
		}
		if Advance(f, Glyph(f, 'M')) != 1821 {
			t.Errorf("%v: advance of M = %d, want 1821 (0.889 em)", f, Advance(f, Glyph(f, 'M')))
		}
		if tag := SubsetTag(f, gs); len(tag) != 6 || tag != SubsetTag(f, gs) || tag == SubsetTag(f, gs[1:]) {
			t.Errorf("%v: subset tag %q not six letters fixed by the glyph set", f, tag)
		}
	}
}

// TestLoadConcurrent parses the faces ahead while they are measured and
// subset, as a build does on two cores (go test -race checks it).
func TestLoadConcurrent(t *testing.T) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		Load()
	}()
	for f := Regular; f <= BoldItalic; f++ {
		if Width(f, 12, "Thạch An") <= 0 {
			t.Errorf("%v: no width", f)
		}
		if _, err := Subset(f, []uint16{Glyph(f, 'A')}); err != nil {
			t.Errorf("%v: %v", f, err)
		}
	}
	<-done
}

// TestChecksum checks the word sum against one taken byte by byte, for
// lengths that end on and off a word boundary, and that a subset's
// checkSumAdjustment (set from the tables' sums, not a second pass over
// the file) makes the whole file sum to the magic number.
func TestChecksum(t *testing.T) {
	src := []byte("Liberation Serif, metric-compatible")
	for _, n := range []int{0, 1, 3, 4, 5, 8, 11, len(src)} {
		var want uint32
		for i, c := range src[:n] {
			want += uint32(c) << (8 * (3 - i%4))
		}
		if got := checksum(src[:n]); got != want {
			t.Errorf("checksum of %d bytes = %#x, want %#x", n, got, want)
		}
	}
	for _, f := range []Face{Regular, Bold, Italic, BoldItalic} {
		gs := []uint16{Glyph(f, 'A'), Glyph(f, 'Ấ')}
		slices.Sort(gs)
		b, err := Subset(f, gs)
		if err != nil {
			t.Fatal(err)
		}
		if sum := checksum(b); sum != 0xB1B0AFBA {
			t.Errorf("%v: subset sums to %#x, want 0xB1B0AFBA", f, sum)
		}
	}
}

// TestDenseGlyphs checks the generated glyph indices against the faces'
// cmaps; after an update of the fonts module, run go generate.
func TestDenseGlyphs(t *testing.T) {
	var buf sfnt.Buffer
	for _, f := range []Face{Regular, Bold, Italic, BoldItalic} {
		font, err := sfnt.Parse(TTF(f))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range []struct{ lo, hi rune }{{0, 0x24F}, {0x1E00, 0x1EFF}} {
			for c := r.lo; c <= r.hi; c++ {
				want, err := font.GlyphIndex(&buf, c)
				if err != nil {
					want = 0
				}
				if got := denseGlyphs[f][DenseIndex(c)]; got != uint16(want) {
					t.Fatalf("%v: U+%04X is glyph %d, the table says %d: run go generate", f, c, want, got)
				}
			}
		}
	}
}
