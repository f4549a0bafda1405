package pdf

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io"
	"math"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"unicode/utf16"

	"github.com/klauspost/compress/zlib"

	"baocao/internal/fonts"
	"baocao/internal/freelist"
	"baocao/internal/render/zcache"
)

// The serialiser: objects, streams, the cross-reference table and the
// trailer of a PDF 1.7 file (ISO 32000-1). It is small because the layout
// is done before it runs: it only turns placed glyphs and rules into
// content streams and writes the document-level structures.

// file accumulates the bytes of a PDF and the offset of every object.
type file struct {
	buf     *bytes.Buffer
	offsets []int // by object number; 0 is the free-list head
	// sum digests the file as far as summed: the XMP's content identifier
	// and the trailer's /ID are digests of the file up to each, and one
	// running digest reads the bytes once for both.
	sum    hash.Hash
	summed int
	ahead  chan struct{} // closed when sumAhead's goroutine is done
}

// sumAhead digests what is written so far on another goroutine, while
// the caller writes on. The file's last objects are written after its
// last stream is compressed, with the other core idle; digesting the
// pages (two thirds of the file) there meanwhile takes a fifth of a
// millisecond off the end of a write. The goroutine reads only bytes
// already written, which later writes do not change (should the buffer
// grow, it reads the old array, whose bytes are the same).
func (f *file) sumAhead() {
	if f.sum == nil {
		f.sum = sha256.New()
	}
	b := f.buf.Bytes()[f.summed:]
	f.summed += len(b)
	done := make(chan struct{})
	f.ahead = done
	go func() {
		defer close(done)
		f.sum.Write(b)
	}()
}

// digest is the SHA-256 of everything written so far.
func (f *file) digest() []byte {
	if f.ahead != nil {
		<-f.ahead
		f.ahead = nil
	}
	if f.sum == nil {
		f.sum = sha256.New()
	}
	b := f.buf.Bytes()
	f.sum.Write(b[f.summed:])
	f.summed = len(b)
	return f.sum.Sum(nil)
}

// newFile starts a file in dst, which must be empty, or in a new buffer
// when dst is nil.
func newFile(dst *bytes.Buffer) *file {
	if dst == nil {
		dst = new(bytes.Buffer)
	}
	f := &file{buf: dst, offsets: []int{0}}
	// The binary comment tells transfer programs the file is not text.
	f.buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	return f
}

// alloc reserves an object number; the object is written later with obj.
func (f *file) alloc() int {
	f.offsets = append(f.offsets, -1)
	return len(f.offsets) - 1
}

// obj starts object n; the caller writes its body and calls endobj.
func (f *file) obj(n int) *bytes.Buffer {
	f.offsets[n] = f.buf.Len()
	f.buf.WriteString(strconv.Itoa(n))
	f.buf.WriteString(" 0 obj\n")
	return f.buf
}

func (f *file) endobj() { f.buf.WriteString("\nendobj\n") }

// dict writes object n as a dictionary with body (without the << >>).
func (f *file) dict(n int, body string) {
	b := f.obj(n)
	b.WriteString("<<")
	b.WriteString(body)
	b.WriteString(">>")
	f.endobj()
}

// stream writes object n as a stream of data, already compressed with
// FlateDecode when flate is set; extra goes into the stream dictionary.
func (f *file) stream(n int, extra string, data []byte, flate bool) {
	b := f.obj(n)
	b.WriteString("<<")
	b.WriteString(extra)
	if flate {
		b.WriteString("/Filter/FlateDecode")
	}
	b.WriteString("/Length ")
	b.WriteString(strconv.Itoa(len(data)))
	b.WriteString(">>\nstream\n")
	b.Write(data)
	b.WriteString("\nendstream")
	f.endobj()
}

// finish writes the cross-reference table and the trailer. The file
// identifier is a digest of everything before it, so the same document
// gets the same /ID and a different one a different /ID.
func (f *file) finish(root, info int) []byte {
	for n, off := range f.offsets[1:] {
		if off < 0 {
			panic(fmt.Sprintf("pdf: object %d reserved but never written", n+1))
		}
	}
	id := fmt.Sprintf("%X", f.digest()[:16])
	xref := f.buf.Len()
	b := f.buf
	fmt.Fprintf(b, "xref\n0 %d\n0000000000 65535 f \n", len(f.offsets))
	for _, off := range f.offsets[1:] {
		fmt.Fprintf(b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(b, "trailer\n<</Size %d/Root %d 0 R/Info %d 0 R/ID[<%s><%s>]>>\nstartxref\n%d\n%%%%EOF\n",
		len(f.offsets), root, info, id, id, xref)
	return b.Bytes()
}

// Compressors are reused: a zlib writer allocates its tables once, which
// was the largest single cost of writing a page stream. A sync.Pool would
// drop them at every garbage collection, which a write triggers several
// times, so the pool is a plain free list, as long as the number of
// writes running at once.
//
// The compressor is klauspost/compress's, at level 1 for the page streams
// and the font programs alike: against compress/zlib (BestSpeed for the
// pages, BestCompression for the fonts) it takes half the time and the
// file comes out smaller. Level 2 was used until it was measured in the
// process users run: its match table is 512 kB against level 1's 128 kB,
// fresh memory that each of a write's two compressors touches all over,
// and level 1 took 3 ms of CPU and 1.3 ms of wall time off a fresh build
// of Sa Đéc (61 alternated runs) for files 1.1–1.8% larger (docs/pdf.md).
// One level means one set of compressors, each about half a megabyte.
type zpool struct {
	level int
	free  *freelist.List[*zlib.Writer]
}

var fastZ = &zpool{level: 1, free: freelist.New[*zlib.Writer](8)}

// imageZ compresses the signature and seal images, at most two a
// document, at the best level: their pixels are most of a file that has
// them. Its compressors are made on first use, so a document without
// images pays nothing for it.
var imageZ = &zpool{level: zlib.BestCompression, free: freelist.New[*zlib.Writer](8)}

// pageStreams keeps compressed the page contents and ToUnicode maps that
// the PDFs of a batch share: the pages that do not name the unit come out
// the same in every report.
var pageStreams = zcache.New(16 << 20)

func deflateFast(src []byte) []byte { return deflate(fastZ, src) }

// Prepare parses the faces, which the first PDF of a process otherwise
// does on its way (a millisecond), and readies the two compressors a
// write uses, so that a caller can have it done on an idle core before
// the document is known.
func Prepare() {
	fonts.Load()
	warmOnce()
}

// warmOnce warms the compressors of the first write only: those of a
// later one are the ones earlier writes put back.
var warmOnce = sync.OnceFunc(warmCompressors)

// warmCompressors puts in fastZ's free list the two compressors a write
// uses at once (its goroutine and the pages'), each having compressed a
// page's worth of bytes. A compressor is half a megabyte of tables, of
// fresh memory in a new process: the first stream through it paid for the
// page faults of what it touched, in the write, where both cores are
// busy (the PDF and the DOCX and XLSX together keep them 97% busy from
// the start of the PDF to its last compressed stream). Paid here, on
// the core that waits while the model is built, they leave the write.
// A compressor is reset before each stream, so what it compressed here
// does not change what it writes. (Allocating them ahead without running
// them was tried before and saved nothing measurable: the faults come
// when the tables are first written, not when they are allocated.) In a
// fresh build of Thạch An this takes the PDF from 16.4 to 14.4 ms and its
// CPU from 30.6 to 27.7 ms (medians of 40 interleaved runs), the peak
// resident set unchanged; the model, built beside the warming, takes
// 0.8 ms longer (docs/pdf.md).
func warmCompressors() {
	src := make([]byte, 32<<10)
	x := uint32(2463534242)
	for i := range src {
		// xorshift: bytes that hash all over the match table, as text
		// does, so that its pages are all touched.
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		src[i] = hexDigits[x&15]
	}
	var zs [2]*zlib.Writer
	for i := range zs {
		zs[i], _ = zlib.NewWriterLevel(io.Discard, fastZ.level) // the level is valid
		zs[i].Write(src)
		zs[i].Close()
	}
	for _, zw := range zs {
		fastZ.free.Put(zw)
	}
}

// deflate returns src compressed as a zlib stream, in a new slice.
func deflate(pool *zpool, src []byte) []byte {
	zw, ok := pool.free.Get()
	// Page streams of text compress to about a quarter.
	dst := bytes.NewBuffer(make([]byte, 0, len(src)/3+64))
	if !ok {
		zw, _ = zlib.NewWriterLevel(dst, pool.level) // the level is valid
	} else {
		zw.Reset(dst)
	}
	zw.Write(src) // writes to a bytes.Buffer cannot fail
	zw.Close()
	pool.free.Put(zw)
	return dst.Bytes()
}

// parallel runs the tasks on at most GOMAXPROCS goroutines, in order of
// start, and returns the first error in task order. A panic in a task is
// raised again on the calling goroutine once all have stopped, where
// Write's recover turns it into an error: from another goroutine it would
// take the process down.
func parallel(tasks []func() error) error {
	l := newTaskList(tasks)
	var wg sync.WaitGroup
	l.spread(&wg, 1)
	l.run()
	wg.Wait()
	return l.result()
}

// taskList is tasks shared by whichever goroutines call run: each takes
// the next task not started. The PDF's font programs are compressed on
// the writer's goroutine and, once the pages are compressed, on the one
// that compressed them, with its compressor: a third compressor (a
// megabyte of tables at the level then used, touched fresh) cost more
// than it saved on two cores.
type taskList struct {
	tasks    []func() error
	errs     []error
	next     atomic.Int64
	mu       sync.Mutex
	panicked any
}

func newTaskList(tasks []func() error) *taskList {
	return &taskList{tasks: tasks, errs: make([]error, len(tasks))}
}

// run runs tasks until none is left; a panic stops this goroutine's share
// and is kept for result.
func (l *taskList) run() {
	defer func() {
		if r := recover(); r != nil {
			l.mu.Lock()
			l.panicked = r
			l.mu.Unlock()
		}
	}()
	for {
		i := int(l.next.Add(1)) - 1
		if i >= len(l.tasks) {
			return
		}
		l.errs[i] = l.tasks[i]()
	}
}

// spread starts goroutines running the tasks, as many as make, with the
// busy ones the caller counts, at most GOMAXPROCS or one per task.
func (l *taskList) spread(wg *sync.WaitGroup, busy int) {
	for range min(runtime.GOMAXPROCS(0), len(l.tasks)) - busy {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l.run()
		}()
	}
}

// result is the first error in task order, once every goroutine running
// the tasks has returned; a task's panic is raised again here.
func (l *taskList) result() error {
	if l.panicked != nil {
		panic(l.panicked)
	}
	return errors.Join(l.errs...)
}

// num appends v with at most prec decimals and no trailing zeros: PDF
// numbers have no exponent form.
func num(b []byte, v float64, prec int) []byte {
	if v > -0.5e-2 && v < 0.5e-2 {
		v = 0 // no "-0"
	}
	if prec >= 1 && prec <= 3 {
		if out, ok := appendFixed(b, v, prec); ok {
			return out
		}
	}
	start := len(b)
	b = strconv.AppendFloat(b, v, 'f', prec, 64)
	if prec > 0 {
		for b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
		if b[len(b)-1] == '.' {
			b = b[:len(b)-1]
		}
	}
	if string(b[start:]) == "-0" {
		b = append(b[:start], '0')
	}
	return b
}

var pow10 = [...]float64{1, 10, 100, 1000}

// appendFixed is num's common case without strconv's exact decimal
// conversion (a tenth of a PDF write went to it), giving the same digits:
// v's exact binary value rounded to prec decimals, a tie to even. The
// scaled value |v|·10^prec is rounded in floating point, and math.FMA
// gives that rounding's error exactly; the fraction of the rounded value
// is a multiple of its ulp, as is one half, so unless it is one half
// exactly it decides the rounding alone, and when it is, the error's sign
// does (none: a tie). It reports false, for num to call strconv, when
// |v| is 1e6 or more (or NaN).
func appendFixed(b []byte, v float64, prec int) ([]byte, bool) {
	if !(v > -1e6 && v < 1e6) {
		return b, false
	}
	av := math.Abs(v)
	sv := av * pow10[prec]
	e := math.FMA(av, pow10[prec], -sv) // the exact product is sv+e
	fl := math.Floor(sv)
	r := int64(fl)
	if f := sv - fl; f > 0.5 || f == 0.5 && (e > 0 || e == 0 && r&1 == 1) {
		r++
	}
	if r == 0 {
		return append(b, '0'), true
	}
	if v < 0 {
		b = append(b, '-')
	}
	p := int64(pow10[prec])
	b = strconv.AppendInt(b, r/p, 10)
	frac := r % p
	if frac == 0 {
		return b, true
	}
	digits := prec
	for frac%10 == 0 {
		frac /= 10
		digits--
	}
	b = append(b, '.')
	var d [3]byte
	for i := digits - 1; i >= 0; i-- {
		d[i] = byte('0' + frac%10)
		frac /= 10
	}
	return append(b, d[:digits]...), true
}

// textString is s as a PDF text string: a literal when it is printable
// ASCII, otherwise UTF-16BE with a byte order mark, in hex.
func textString(s string) string { return string(appendTextString(nil, s)) }

// appendTextString appends textString(s) to b. The hex digits are set by
// hand, not with fmt (%04X): the outline's titles, set after the last
// stream is compressed while the other core waits, spent most of their
// time (a third of a millisecond for Thạch An's 48) in fmt.
func appendTextString(b []byte, s string) []byte {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		b = append(b, '(')
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '(' || c == ')' || c == '\\' {
				b = append(b, '\\')
			}
			b = append(b, s[i])
		}
		return append(b, ')')
	}
	b = append(b, "<FEFF"...)
	var units [2]uint16
	for _, r := range s { // invalid UTF-8 reads as U+FFFD, as []rune(s) does
		for _, u := range utf16.AppendRune(units[:0], r) {
			b = append(b, upperHex[u>>12], upperHex[u>>8&15], upperHex[u>>4&15], upperHex[u&15])
		}
	}
	return append(b, '>')
}

const upperHex = "0123456789ABCDEF"

// appendRef appends an indirect reference to object n ("12 0 R").
func appendRef(b []byte, n int) []byte {
	return append(strconv.AppendInt(b, int64(n), 10), " 0 R"...)
}

// faceUse is what the pages drew with one face: for each glyph the rune
// it was drawn for, which the ToUnicode map gives back to text extraction.
type faceUse struct {
	used  bool
	runes map[uint16]rune
	// glyph+1 of each rune drawn, 0 until drawn, for the runes of
	// nearly every text: U+0000–U+024F (ASCII, Latin-1, Latin Extended-A
	// and -B) and U+1E00–U+1EFF (the Vietnamese letters with two marks).
	// Looking them up once per write spares the font's lock and the map.
	known [fonts.DenseRunes]uint16
}

// content builds the content stream of one page, in PDF coordinates.
type content struct {
	b      []byte
	h      float64 // page height: y from the top becomes h-y
	faces  *[4]faceUse
	onPage [4]bool
	face   fonts.Face
	size   float64
	set    bool
	lw     float64
}

func (c *content) reset(h float64) {
	c.b = c.b[:0]
	c.h = h
	c.onPage = [4]bool{}
	c.set = false
	c.lw = -1
}

func (c *content) lineWidth(lw float64) {
	if lw == c.lw {
		return
	}
	c.b = num(c.b, lw, 2)
	c.b = append(c.b, " w\n"...)
	c.lw = lw
}

const hexDigits = "0123456789abcdef"

// text draws s with its baseline starting at x, y (from the page top).
func (c *content) text(f fonts.Face, size, x, y float64, s string) {
	f &= 3
	c.b = append(c.b, "BT "...)
	if !c.set || c.face != f || c.size != size {
		c.b = append(c.b, "/F"...)
		c.b = strconv.AppendInt(c.b, int64(f)+1, 10)
		c.b = append(c.b, ' ')
		c.b = num(c.b, size, 2)
		c.b = append(c.b, " Tf "...)
		c.face, c.size, c.set = f, size, true
	}
	c.b = num(c.b, x, 2)
	c.b = append(c.b, ' ')
	c.b = num(c.b, c.h-y, 2)
	c.b = append(c.b, " Td <"...)
	u := &c.faces[f]
	u.used = true
	c.onPage[f] = true
	for _, r := range s {
		var g uint16
		if k := fonts.DenseIndex(r); k >= 0 {
			if u.known[k] == 0 {
				u.known[k] = fonts.Glyph(f, r) + 1
				if _, ok := u.runes[u.known[k]-1]; !ok {
					u.runes[u.known[k]-1] = r
				}
			}
			g = u.known[k] - 1
		} else {
			g = fonts.Glyph(f, r)
			if _, ok := u.runes[g]; !ok {
				u.runes[g] = r
			}
		}
		c.b = append(c.b, hexDigits[g>>12], hexDigits[g>>8&15], hexDigits[g>>4&15], hexDigits[g&15])
	}
	c.b = append(c.b, "> Tj ET\n"...)
}

func (c *content) line(x1, y1, x2, y2 float64) {
	c.b = num(c.b, x1, 2)
	c.b = append(c.b, ' ')
	c.b = num(c.b, c.h-y1, 2)
	c.b = append(c.b, " m "...)
	c.b = num(c.b, x2, 2)
	c.b = append(c.b, ' ')
	c.b = num(c.b, c.h-y2, 2)
	c.b = append(c.b, " l S\n"...)
}

// rect strokes the rectangle with top-left corner x, y.
func (c *content) rect(x, y, w, h float64) {
	c.b = num(c.b, x, 2)
	c.b = append(c.b, ' ')
	c.b = num(c.b, c.h-y, 2)
	c.b = append(c.b, ' ')
	c.b = num(c.b, w, 2)
	c.b = append(c.b, ' ')
	c.b = num(c.b, -h, 2)
	c.b = append(c.b, " re S\n"...)
}

// fontKey identifies an embedded font program: a face and its glyph set.
type fontKey struct {
	face   fonts.Face
	glyphs string
}

// fontPrograms caches compressed subsets: a batch of reports from one
// template draws the same glyphs again and again, and compressing the
// program is most of the cost of embedding it. Bounded like the subset
// cache in package fonts.
var fontPrograms = struct {
	sync.Mutex
	m map[fontKey][]byte
}{m: map[fontKey][]byte{}}

func fontProgram(f fonts.Face, glyphs []uint16) (compressed []byte, rawLen int, err error) {
	raw, err := fonts.Subset(f, glyphs)
	if err != nil {
		return nil, 0, err
	}
	k := fontKey{f, string(utf16Bytes(glyphs))}
	fontPrograms.Lock()
	c, ok := fontPrograms.m[k]
	fontPrograms.Unlock()
	if ok {
		return c, len(raw), nil
	}
	c = deflate(fastZ, raw)
	fontPrograms.Lock()
	if len(fontPrograms.m) >= 4*32 {
		clear(fontPrograms.m)
	}
	fontPrograms.m[k] = c
	fontPrograms.Unlock()
	return c, len(raw), nil
}

func utf16Bytes(gs []uint16) []byte {
	b := make([]byte, 0, 2*len(gs))
	for _, g := range gs {
		b = append(b, byte(g>>8), byte(g))
	}
	return b
}

// embedded is what writeFont needs of one face, computed beforehand (in
// parallel with the other faces and the pages): the glyphs drawn, the
// compressed subset program and ToUnicode map.
type embedded struct {
	info   fonts.Info
	glyphs []uint16
	prog   []byte
	rawLen int
	cmap   []byte
}

func embed(f fonts.Face, u *faceUse) (*embedded, error) {
	info, err := fonts.FaceInfo(f)
	if err != nil {
		return nil, err
	}
	glyphs := make([]uint16, 0, len(u.runes)+1)
	for g := range u.runes {
		glyphs = append(glyphs, g)
	}
	slices.Sort(glyphs)
	prog, rawLen, err := fontProgram(f, glyphs)
	if err != nil {
		return nil, err
	}
	return &embedded{info: info, glyphs: glyphs, prog: prog, rawLen: rawLen, cmap: pageStreams.Do(toUnicode(glyphs, u.runes), deflateFast)}, nil
}

// writeFont writes the Type 0 font obj for face f and the objects it
// refers to: the CIDFontType2 descendant, its descriptor, the subset
// program and the ToUnicode map.
func (pf *file) writeFont(obj int, f fonts.Face, e *embedded) {
	info, glyphs := e.info, e.glyphs
	name := fonts.SubsetTag(f, glyphs) + "+" + info.PostScriptName
	cid, desc, file, cmap := pf.alloc(), pf.alloc(), pf.alloc(), pf.alloc()
	upem := float64(info.UnitsPerEm)
	scale := func(v int) float64 { return float64(v) * 1000 / upem }

	b := []byte("/Type/Font/Subtype/Type0/BaseFont/" + name + "/Encoding/Identity-H/DescendantFonts[")
	b = fmt.Appendf(b, "%d 0 R]/ToUnicode %d 0 R", cid, cmap)
	pf.dict(obj, string(b))

	// Widths in runs of consecutive glyph indices: g [w1 w2 ...].
	b = fmt.Appendf(b[:0], "/Type/Font/Subtype/CIDFontType2/BaseFont/%s/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor %d 0 R/CIDToGIDMap/Identity/W[", name, desc)
	for i := 0; i < len(glyphs); {
		j := i + 1
		for j < len(glyphs) && glyphs[j] == glyphs[j-1]+1 {
			j++
		}
		b = strconv.AppendInt(b, int64(glyphs[i]), 10)
		b = append(b, '[')
		for k := i; k < j; k++ {
			if k > i {
				b = append(b, ' ')
			}
			b = num(b, scale(fonts.Advance(f, glyphs[k])), 3)
		}
		b = append(b, ']')
		i = j
	}
	b = append(b, ']')
	pf.dict(cid, string(b))

	// Flags: serif, symbolic (the glyphs are addressed by index, not by
	// a standard encoding), italic.
	flags := 2 | 4
	if info.ItalicAngle != 0 {
		flags |= 64
	}
	// StemV is not stored in a TrueType font; this is the usual estimate
	// from the weight, which no consumer uses for an embedded font.
	stemV := 80
	if info.Bold {
		stemV = 165
	}
	b = fmt.Appendf(b[:0], "/Type/FontDescriptor/FontName/%s/Flags %d/FontBBox[", name, flags)
	for i, v := range info.BBox {
		if i > 0 {
			b = append(b, ' ')
		}
		b = num(b, scale(v), 0)
	}
	b = append(b, "]/ItalicAngle "...)
	b = num(b, info.ItalicAngle, 2)
	b = append(b, "/Ascent "...)
	b = num(b, scale(info.Ascent), 0)
	b = append(b, "/Descent "...)
	b = num(b, scale(info.Descent), 0)
	b = append(b, "/CapHeight "...)
	b = num(b, scale(info.CapHeight), 0)
	b = fmt.Appendf(b, "/StemV %d/FontFile2 %d 0 R", stemV, file)
	pf.dict(desc, string(b))

	pf.stream(file, "/Length1 "+strconv.Itoa(e.rawLen), e.prog, true)
	pf.stream(cmap, "", e.cmap, true)
}

// toUnicode is the CMap that maps each glyph index back to its character
// (ISO 32000-1, 9.10.3), so that copied and extracted text is the text.
func toUnicode(glyphs []uint16, runes map[uint16]rune) []byte {
	b := []byte("/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n" +
		"/CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n")
	for i := 0; i < len(glyphs); i += 100 {
		chunk := glyphs[i:min(i+100, len(glyphs))]
		b = fmt.Appendf(b, "%d beginbfchar\n", len(chunk))
		for _, g := range chunk {
			b = fmt.Appendf(b, "<%04X><", g)
			for _, u := range utf16.Encode([]rune{runes[g]}) {
				b = fmt.Appendf(b, "%04X", u)
			}
			b = append(b, ">\n"...)
		}
		b = append(b, "endbfchar\n"...)
	}
	return append(b, "endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend\n"...)
}
