package fonts

import (
	"crypto/sha256"
	"encoding/binary"
	"slices"
	"sort"
	"sync"

	"golang.org/x/image/font/sfnt"

	"baocao/internal/msg"
)

// Subsetting is hand-written over the table directory: x/image/font/sfnt
// (the parser this package already uses for metrics) reads glyphs but
// does not expose tables or write fonts, and no maintained Go module on
// the proxy both parses TrueType and writes a subset that keeps glyph
// indices. Keeping the indices is what makes the code small: glyf and loca
// are rebuilt, hmtx is cut after the last glyph kept, the hinting tables
// are copied, and a PDF addresses
// the glyphs with CIDToGIDMap /Identity.

// Info is what a PDF font descriptor needs to know about a face, in font
// units unless said otherwise.
type Info struct {
	PostScriptName string // "LiberationSerif-Bold"
	UnitsPerEm     int
	BBox           [4]int // xMin, yMin, xMax, yMax
	Ascent         int
	Descent        int // negative
	CapHeight      int
	ItalicAngle    float64 // degrees, counter-clockwise from vertical
	Bold           bool
	NumGlyphs      int
}

// table is one entry of the table directory.
type table struct {
	tag  string
	data []byte
}

// parsed is a face split into its tables, once per process.
type parsed struct {
	once    sync.Once
	err     error
	info    Info
	tables  []table // in directory order
	byTag   map[string][]byte
	glyf    []byte   // byTag["glyf"], looked up once: glyph is called per glyph kept
	loca    []uint32 // NumGlyphs+1 offsets into glyf
	advance []uint16 // per glyph, from hmtx

	mu      sync.Mutex
	subsets map[string][]byte // key: the glyph set
}

var parsedFaces [4]parsed

func parsedFace(f Face) (*parsed, error) {
	p := &parsedFaces[f&3]
	p.once.Do(func() { p.err = p.parse(f & 3) })
	return p, p.err
}

var errShort = msg.Errorf("table too short")

func u16(b []byte, off int) uint16 { return binary.BigEndian.Uint16(b[off:]) }
func i16(b []byte, off int) int    { return int(int16(binary.BigEndian.Uint16(b[off:]))) }
func u32(b []byte, off int) uint32 { return binary.BigEndian.Uint32(b[off:]) }

func (p *parsed) parse(f Face) error {
	src := TTF(f)
	if len(src) < 12 {
		return msg.Errorf("fonts: %v: %w", f, errShort)
	}
	n := int(u16(src, 4))
	if len(src) < 12+16*n {
		return msg.Errorf("fonts: %v: table directory: %w", f, errShort)
	}
	p.byTag = make(map[string][]byte, n)
	for i := range n {
		rec := src[12+16*i:]
		tag := string(rec[:4])
		off, l := int(u32(rec, 8)), int(u32(rec, 12))
		if off < 0 || l < 0 || off+l > len(src) {
			return msg.Errorf("fonts: %v: table %q out of the file", f, tag)
		}
		p.tables = append(p.tables, table{tag, src[off : off+l]})
		p.byTag[tag] = src[off : off+l]
	}
	need := map[string]int{"head": 54, "hhea": 36, "maxp": 6, "hmtx": 0, "loca": 0, "glyf": 0, "post": 32}
	for tag, min := range need {
		if len(p.byTag[tag]) < min || p.byTag[tag] == nil {
			return msg.Errorf("fonts: %v: table %q missing or short", f, tag)
		}
	}
	head, hhea := p.byTag["head"], p.byTag["hhea"]
	ng := int(u16(p.byTag["maxp"], 4))
	p.info = Info{
		UnitsPerEm:  int(u16(head, 18)),
		BBox:        [4]int{i16(head, 36), i16(head, 38), i16(head, 40), i16(head, 42)},
		Ascent:      i16(hhea, 4),
		Descent:     i16(hhea, 6),
		ItalicAngle: float64(int32(u32(p.byTag["post"], 4))) / 65536,
		Bold:        u16(head, 44)&1 != 0,
		NumGlyphs:   ng,
	}
	p.info.CapHeight = p.info.Ascent
	if os2 := p.byTag["OS/2"]; len(os2) >= 90 && u16(os2, 0) >= 2 {
		p.info.CapHeight = i16(os2, 88)
	}
	// The metrics' parse of the face, not a second one: a nil buffer
	// makes Name safe beside the metrics' own calls.
	m := &faces[f]
	if err := m.load(f); err != nil {
		return msg.Errorf("fonts: %v: %w", f, err)
	}
	var err error
	if p.info.PostScriptName, err = m.font.Name(nil, sfnt.NameIDPostScript); err != nil {
		return msg.Errorf("fonts: %v: PostScript name: %w", f, err)
	}

	loca := p.byTag["loca"]
	p.glyf = p.byTag["glyf"]
	p.loca = make([]uint32, ng+1)
	long := i16(head, 50) == 1
	for i := range p.loca {
		switch {
		case long && len(loca) >= 4*(i+1):
			p.loca[i] = u32(loca, 4*i)
		case !long && len(loca) >= 2*(i+1):
			p.loca[i] = 2 * uint32(u16(loca, 2*i))
		default:
			return msg.Errorf("fonts: %v: loca: %w", f, errShort)
		}
		if p.loca[i] > uint32(len(p.glyf)) || i > 0 && p.loca[i] < p.loca[i-1] {
			return msg.Errorf("fonts: %v: loca entry %d out of glyf", f, i)
		}
	}
	nh := int(u16(hhea, 34))
	hmtx := p.byTag["hmtx"]
	if nh == 0 || nh > ng || len(hmtx) < 4*nh {
		return msg.Errorf("fonts: %v: hmtx: %w", f, errShort)
	}
	p.advance = make([]uint16, ng)
	for g := range p.advance {
		p.advance[g] = u16(hmtx, 4*min(g, nh-1))
	}
	p.subsets = make(map[string][]byte)
	return nil
}

// FaceInfo describes face f for a font descriptor.
func FaceInfo(f Face) (Info, error) {
	p, err := parsedFace(f)
	if err != nil {
		return Info{}, err
	}
	return p.info, nil
}

// Advance is the advance width of glyph g of face f in font units.
func Advance(f Face, g uint16) int {
	p, err := parsedFace(f)
	if err != nil || int(g) >= len(p.advance) {
		return 0
	}
	return int(p.advance[g])
}

// SubsetTag is the six capital letters that name a subset of face f
// holding glyphs (ISO 32000-1, 9.6.4): derived from the glyph set, so the
// same text gives the same name and two different subsets in one file
// almost surely differ.
func SubsetTag(f Face, glyphs []uint16) string {
	h := sha256.New()
	h.Write([]byte{byte(f)})
	var b [2]byte
	for _, g := range glyphs {
		binary.BigEndian.PutUint16(b[:], g)
		h.Write(b[:])
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// maxSubsets bounds the per-face cache: a batch prints a handful of
// distinct glyph sets, and an unbounded map would grow with every unit of a
// long-running watch.
const maxSubsets = 32

// Subset is a TrueType program of face f that draws only glyphs (sorted,
// without duplicates), glyph 0 and the components of composite glyphs;
// every glyph keeps its index, the others are left empty and those after
// the last one kept are dropped. The result is
// cached per glyph set and must not be modified.
func Subset(f Face, glyphs []uint16) ([]byte, error) {
	p, err := parsedFace(f)
	if err != nil {
		return nil, err
	}
	kb := make([]byte, 0, 2*len(glyphs))
	for _, g := range glyphs {
		kb = binary.BigEndian.AppendUint16(kb, g)
	}
	key := string(kb)
	p.mu.Lock()
	if b, ok := p.subsets[key]; ok {
		p.mu.Unlock()
		return b, nil
	}
	p.mu.Unlock()
	b, err := p.subset(glyphs)
	if err != nil {
		return nil, msg.Errorf("fonts: subsetting %v: %w", f, err)
	}
	p.mu.Lock()
	if len(p.subsets) >= maxSubsets {
		clear(p.subsets)
	}
	p.subsets[key] = b
	p.mu.Unlock()
	return b, nil
}

// Composite glyph flags (OpenType glyf table).
const (
	argsAreWords    = 0x0001
	haveScale       = 0x0008
	moreComponents  = 0x0020
	haveXYScale     = 0x0040
	haveTwoByTwo    = 0x0080
	compositeHeader = 10
)

func (p *parsed) glyph(g int) []byte {
	return p.glyf[p.loca[g]:p.loca[g+1]]
}

// components appends the glyphs a composite glyph is built from.
func (p *parsed) components(dst []int, g int) ([]int, error) {
	b := p.glyph(g)
	if len(b) < compositeHeader || i16(b, 0) >= 0 {
		return dst, nil
	}
	for off := compositeHeader; ; {
		if off+4 > len(b) {
			return nil, msg.Errorf("glyph %d: composite record: %w", g, errShort)
		}
		flags, c := u16(b, off), int(u16(b, off+2))
		if c >= len(p.advance) {
			return nil, msg.Errorf("glyph %d: component %d out of range", g, c)
		}
		dst = append(dst, c)
		off += 4 + 2
		if flags&argsAreWords != 0 {
			off += 2
		}
		switch {
		case flags&haveScale != 0:
			off += 2
		case flags&haveXYScale != 0:
			off += 4
		case flags&haveTwoByTwo != 0:
			off += 8
		}
		if flags&moreComponents == 0 {
			return dst, nil
		}
	}
}

// keep is the closed set of glyphs to draw: .notdef, the requested ones
// and their components, at any depth.
func (p *parsed) keep(glyphs []uint16) ([]bool, error) {
	keep := make([]bool, len(p.advance))
	stack := []int{0}
	for _, g := range glyphs {
		if int(g) < len(keep) {
			stack = append(stack, int(g))
		}
	}
	var err error
	for len(stack) > 0 {
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if keep[g] {
			continue
		}
		keep[g] = true
		if stack, err = p.components(stack, g); err != nil {
			return nil, err
		}
	}
	return keep, nil
}

// subsetTables are the tables a PDF consumer reads from an embedded
// TrueType program (ISO 32000-1, 9.9); name and the layout tables are
// dropped, cmap is replaced by an empty one and post by its short form
// without glyph names, because the PDF addresses glyphs by index and
// carries its own widths and Unicode map.
var subsetTables = []string{"OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "post", "prep"}

// emptyCmap is a cmap with one Windows Unicode subtable (format 4) whose
// only segment is the final 0xFFFF one: a valid table that maps nothing,
// for font parsers that insist on a cmap.
var emptyCmap = []byte{
	0, 0, 0, 1, // version, one subtable
	0, 3, 0, 1, 0, 0, 0, 12, // Windows, Unicode BMP, at 12
	0, 4, 0, 24, 0, 0, // format 4, length 24, language
	0, 2, 0, 2, 0, 0, 0, 0, // segCountX2, searchRange, entrySelector, rangeShift
	0xFF, 0xFF, 0, 0, // endCode, reservedPad
	0xFF, 0xFF, 0, 1, 0, 0, // startCode, idDelta, idRangeOffset
}

func (p *parsed) subset(glyphs []uint16) ([]byte, error) {
	keep, err := p.keep(glyphs)
	if err != nil {
		return nil, err
	}
	// Glyphs after the last one kept are cut off, with their metrics.
	n := len(keep)
	for n > 1 && !keep[n-1] {
		n--
	}
	keep = keep[:n]
	hhea := slices.Clone(p.byTag["hhea"])
	maxp := slices.Clone(p.byTag["maxp"])
	binary.BigEndian.PutUint16(maxp[4:], uint16(n))
	nh := int(u16(hhea, 34))
	hmtx := p.byTag["hmtx"]
	if n <= nh {
		binary.BigEndian.PutUint16(hhea[34:], uint16(n))
		hmtx = hmtx[:4*n]
	} else {
		hmtx = hmtx[:min(len(hmtx), 4*nh+2*(n-nh))]
	}

	// glyf is sized once: grown by appending, its copies were a fifth of
	// the time of a subset.
	size := 0
	for g, k := range keep {
		if k {
			size += (int(p.loca[g+1]-p.loca[g]) + 3) &^ 3
		}
	}
	glyf := make([]byte, 0, size)
	loca := make([]byte, 4*(len(keep)+1))
	for g, k := range keep {
		binary.BigEndian.PutUint32(loca[4*g:], uint32(len(glyf)))
		if k {
			glyf = append(glyf, p.glyph(g)...)
			for len(glyf)%4 != 0 {
				glyf = append(glyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(loca[4*len(keep):], uint32(len(glyf)))
	head := slices.Clone(p.byTag["head"])
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(head[50:], 1) // long loca offsets

	var tabs []table
	for _, tag := range subsetTables {
		var data []byte
		switch tag {
		case "glyf":
			data = glyf
		case "loca":
			data = loca
		case "head":
			data = head
		case "hhea":
			data = hhea
		case "maxp":
			data = maxp
		case "hmtx":
			data = hmtx
		case "cmap":
			data = emptyCmap
		case "post":
			data = make([]byte, 32)
			copy(data, p.byTag["post"])
			binary.BigEndian.PutUint32(data, 0x00030000)
		default:
			data = p.byTag[tag]
		}
		if data != nil {
			tabs = append(tabs, table{tag, data})
		}
	}
	sort.Slice(tabs, func(i, j int) bool { return tabs[i].tag < tabs[j].tag })
	return assemble(tabs), nil
}

// checksum is the sum of b as big-endian 32-bit words, the last one
// padded with zeros (OpenType, "Calculating checksums").
func checksum(b []byte) uint32 {
	var sum uint32
	n := len(b) &^ 3
	for i := 0; i < n; i += 4 {
		sum += binary.BigEndian.Uint32(b[i:])
	}
	if n < len(b) {
		var w [4]byte
		copy(w[:], b[n:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// assemble writes an sfnt file of tabs (sorted by tag), each table padded
// to four bytes, and sets head.checkSumAdjustment.
func assemble(tabs []table) []byte {
	n := len(tabs)
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	size := 12 + 16*n
	for _, t := range tabs {
		size += (len(t.data) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	binary.BigEndian.PutUint32(out[0:], 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16<<es))
	binary.BigEndian.PutUint16(out[8:], uint16(es))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16<<es))
	headAt := -1
	// The file's checksum is that of the header and directory plus those
	// of the tables: each starts at a multiple of four and is padded with
	// zeros, so summing the file again would add the same words.
	var total uint32
	for i, t := range tabs {
		rec := out[12+16*i:]
		copy(rec, t.tag)
		sum := checksum(t.data)
		total += sum
		binary.BigEndian.PutUint32(rec[4:], sum)
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t.data)))
		if t.tag == "head" {
			headAt = len(out)
		}
		out = append(out, t.data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt >= 0 {
		// head's checkSumAdjustment is zero here, as its checksum above.
		total += checksum(out[:12+16*n])
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-total)
	}
	return out
}

// Load parses the four faces for measuring and for subsetting, which is
// otherwise done on first use. A writer calls it on a core that would
// wait anyway (while the document model is built), so that the first
// measurement of a layout does not pay for it.
func Load() {
	for f := Regular; f <= BoldItalic; f++ {
		faces[f].load(f)
		parsedFace(f)
	}
}
