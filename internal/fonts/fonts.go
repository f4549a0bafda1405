// Package fonts owns the typeface baocao prints with: Liberation Serif,
// metric-compatible with Times New Roman (the face ND30 prescribes) and
// complete for Vietnamese. The four faces are compiled into the program,
// so nothing is read from disk at run time.
//
// Writers that place text themselves (the PDF writer) embed these bytes;
// writers that leave placement to a word processor (the DOCX writer) name
// "Times New Roman" and use Width only to size rules such as the line
// under the Tiêu ngữ.
package fonts

//go:generate go run gen_dense.go

import (
	"fmt"
	"sync"

	"codeberg.org/go-fonts/liberation/liberationserifbold"
	"codeberg.org/go-fonts/liberation/liberationserifbolditalic"
	"codeberg.org/go-fonts/liberation/liberationserifitalic"
	"codeberg.org/go-fonts/liberation/liberationserifregular"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Face is one of the four styles of the family. A byte: the PDF writer
// keeps one in each of the tens of thousands of drawing operations of a
// report, which are a third of the memory a write allocates.
type Face uint8

const (
	Regular Face = iota
	Bold
	Italic
	BoldItalic
)

// FaceOf picks the face for a bold/italic combination.
func FaceOf(bold, italic bool) Face {
	switch {
	case bold && italic:
		return BoldItalic
	case bold:
		return Bold
	case italic:
		return Italic
	}
	return Regular
}

func (f Face) String() string {
	switch f {
	case Regular:
		return "Regular"
	case Bold:
		return "Bold"
	case Italic:
		return "Italic"
	case BoldItalic:
		return "BoldItalic"
	}
	return fmt.Sprintf("Face(%d)", int(f))
}

// TTF is the TrueType file of the face.
func TTF(f Face) []byte {
	switch f {
	case Bold:
		return liberationserifbold.TTF
	case Italic:
		return liberationserifitalic.TTF
	case BoldItalic:
		return liberationserifbolditalic.TTF
	}
	return liberationserifregular.TTF
}

// metrics caches advance widths per rune in font units.
type metrics struct {
	once  sync.Once
	err   error
	font  *sfnt.Font
	upem  float64
	mu    sync.Mutex
	width map[rune]float64 // in units of the em
	gid   map[rune]uint16
	buf   sfnt.Buffer
	// Dense caches of the maps above for the Latin and Vietnamese
	// letters (see dense), which are nearly every rune measured: a layout
	// measures every word of a report several times.
	dWidth [DenseRunes]float64
	dHave  [DenseRunes]bool
	dGID   [DenseRunes]uint16
	dGHave [DenseRunes]bool
}

// DenseRunes is the length of an array indexed by DenseIndex.
const DenseRunes = 0x250 + 0x100

// DenseIndex is the index of r in a cache of the runes of nearly every
// text (this package's, and its callers' per-document ones): U+0000–U+024F
// (Latin-1, Latin Extended-A and -B) and U+1E00–U+1EFF (Latin Extended
// Additional, the Vietnamese letters with two marks); -1 for other runes.
func DenseIndex(r rune) int {
	switch {
	case r >= 0 && r < 0x250:
		return int(r)
	case r >= 0x1E00 && r <= 0x1EFF:
		return 0x250 + int(r-0x1E00)
	}
	return -1
}

var faces [4]metrics

func (m *metrics) load(f Face) error {
	m.once.Do(func() {
		m.font, m.err = sfnt.Parse(TTF(f))
		if m.err == nil {
			m.upem = float64(m.font.UnitsPerEm())
			// The dense caches are filled here, once, and only read
			// afterwards: Width reads them without the lock, which
			// measuring took a tenth of its time to take. Their glyph
			// indices are generated (dense_glyphs.go): looking each rune
			// up in the cmap was most of the time of loading a face.
			for d := range DenseRunes {
				m.dGID[d], m.dGHave[d] = denseGlyphs[f][d], true
				m.dWidth[d], m.dHave[d] = m.glyphWidth(sfnt.GlyphIndex(m.dGID[d])), true
			}
		}
	})
	return m.err
}

// advance is the advance width of r in ems; a rune the font lacks measures
// as the font's .notdef glyph would, so a width is always defined. The
// caller holds m.mu.
func (m *metrics) advance(r rune) float64 {
	d := DenseIndex(r)
	if d >= 0 && m.dHave[d] {
		return m.dWidth[d]
	}
	if w, ok := m.width[r]; ok {
		return w
	}
	w := m.glyphWidth(m.glyph(r))
	if d >= 0 {
		m.dWidth[d], m.dHave[d] = w, true
	} else {
		if m.width == nil {
			// Made on the first rune past the dense range, which many
			// reports never meet.
			m.width = make(map[rune]float64)
		}
		m.width[r] = w
	}
	return w
}

// glyphWidth is the advance width of glyph gi in ems; the caller holds
// m.mu, or is load.
func (m *metrics) glyphWidth(gi sfnt.GlyphIndex) float64 {
	adv, err := m.font.GlyphAdvance(&m.buf, gi, fixed.I(int(m.upem)), font.HintingNone)
	if err != nil {
		return 0
	}
	return float64(adv) / 64 / m.upem
}

// glyph is the glyph index of r, 0 (.notdef) when the face lacks it; the
// caller holds m.mu.
func (m *metrics) glyph(r rune) sfnt.GlyphIndex {
	d := DenseIndex(r)
	if d >= 0 && m.dGHave[d] {
		return sfnt.GlyphIndex(m.dGID[d])
	}
	if g, ok := m.gid[r]; ok {
		return sfnt.GlyphIndex(g)
	}
	gi, err := m.font.GlyphIndex(&m.buf, r)
	if err != nil {
		gi = 0
	}
	if d >= 0 {
		m.dGID[d], m.dGHave[d] = uint16(gi), true
	} else {
		if m.gid == nil {
			m.gid = make(map[rune]uint16)
		}
		m.gid[r] = uint16(gi)
	}
	return gi
}

// Width is the advance width of s, in points, set in face f at size pt.
// s should be NFC: the font has no shaping, so a decomposed letter would be
// measured (and printed) as a base letter plus a separate mark.
func Width(f Face, size float64, s string) float64 {
	m := face(f)
	w := 0.0
	for i, r := range s {
		if d := DenseIndex(r); d >= 0 {
			w += m.dWidth[d] // filled by load, read-only since
			continue
		}
		m.mu.Lock()
		for _, r := range s[i:] {
			w += m.advance(r)
		}
		m.mu.Unlock()
		break
	}
	return w * size
}

// Has reports whether face f has a glyph for r.
func Has(f Face, r rune) bool {
	m := &faces[f&3]
	if m.load(f&3) != nil {
		return false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.glyph(r) != 0
}

// Glyph is the glyph index of r in face f, 0 (.notdef) when the face lacks
// it. Writers that embed the face address glyphs by these indices.
func Glyph(f Face, r rune) uint16 {
	m := face(f)
	m.mu.Lock()
	defer m.mu.Unlock()
	return uint16(m.glyph(r))
}

// face is the loaded metrics of f.
func face(f Face) *metrics {
	m := &faces[f&3]
	if err := m.load(f & 3); err != nil {
		// The faces are compiled in and were parsed by the tests; a parse
		// failure here means a corrupt build, not a user error.
		panic("fonts: embedded face " + f.String() + " does not parse: " + err.Error())
	}
	return m
}
