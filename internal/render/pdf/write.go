package pdf

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"baocao/internal/docmodel"
	"baocao/internal/fonts"
	"baocao/internal/freelist"
	"baocao/internal/msg"
)

// fallbackDate stands in for a missing Meta.Date: the file must not carry
// the clock, or two writes of one document would differ.
var fallbackDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Write lays out d and writes it to out as PDF. The bytes depend only on d.
func Write(out io.Writer, d *docmodel.Document) (err error) {
	if d == nil {
		return msg.Errorf("pdf: nil document")
	}
	if err := validate(d); err != nil {
		return msg.Errorf("pdf: %w", err)
	}
	// A malformed document must cost the caller an error, not the
	// process, even if it reaches a path that panics.
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = msg.Errorf("pdf: internal failure: %w", e)
			} else {
				err = msg.Errorf("pdf: internal failure: %v", r)
			}
		}
	}()
	w := newWriter(d)
	pages, err := w.layout()
	if err != nil {
		return msg.Errorf("pdf: %w", err)
	}
	if err := w.emit(out, pages); err != nil {
		return msg.Errorf("pdf: %w", err)
	}
	return nil
}

func newWriter(d *docmodel.Document) *writer {
	w := &writer{
		d:      d,
		sz:     d.Page.Sizes,
		ls:     d.Page.LineSpacing,
		indent: d.Page.FirstLineIndent.Pt(),
		before: d.Page.SpaceBefore.Pt(),
		after:  d.Page.SpaceAfter.Pt(),
		notes:  make(map[float64][][]unit),
	}
	if w.ls <= 0 {
		w.ls = 1 // the zero value means single spacing
	}
	return w
}

// langTag keeps only the characters of a BCP 47 tag, so that /Lang and
// dc:language need no escaping.
func langTag(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 && (r == '-' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mark is an outline entry found on a page.
type mark struct {
	title string
	level int
	page  int
	y     float64 // PDF coordinate of the destination's top
}

// emitter replays laid-out operations into a page's content stream.
type emitter struct {
	c      *content
	page   int
	marks  []mark
	pf     *file
	images []imageUse // by an opImage's level (docImages)
}

func (e *emitter) ops(ops []op, dy float64) {
	c := e.c
	for _, o := range ops {
		switch o.kind {
		case opText:
			c.text(o.face, o.size, o.x, o.y+dy, o.s)
		case opLine:
			c.lineWidth(o.lw)
			c.line(o.x, o.y+dy, o.x2, o.y2+dy)
		case opRect:
			c.lineWidth(o.lw)
			c.rect(o.x, o.y+dy, o.x2, o.y2)
		case opMark:
			e.marks = append(e.marks, mark{title: o.s, level: int(o.level), page: e.page, y: c.h - (o.y + dy)})
		case opImage:
			e.image(int(o.level), o.x, o.y+dy, o.x2, o.y2)
		}
	}
}

func (w *writer) emit(out io.Writer, pages []*page) error {
	// Into an empty buffer (a build's), the file is written in place: a
	// file built aside was copied into it whole, a quarter of a megabyte
	// allocated and touched twice. Should the write fail, the buffer is
	// left empty again.
	direct, _ := out.(*bytes.Buffer)
	if direct != nil && direct.Len() > 0 {
		direct = nil
	}
	done := false
	defer func() {
		if direct != nil && !done {
			direct.Reset()
		}
	}()
	pf := newFile(direct)
	catalog, pagesObj, info := pf.alloc(), pf.alloc(), pf.alloc()
	var fontObj [4]int
	for i := range fontObj {
		fontObj[i] = pf.alloc()
	}
	pageObj := make([]int, len(pages))
	for i := range pageObj {
		pageObj[i] = pf.alloc()
	}
	var faces [4]faceUse
	for i := range faces {
		faces[i].runes = make(map[uint16]rune, 128)
	}
	c := &content{faces: &faces}
	e := &emitter{c: c, pf: pf}
	for _, img := range docImages(w.d) {
		e.images = append(e.images, imageUse{img: img})
	}
	// The pages' content streams are built first, in order (they record
	// the glyphs drawn); compressing them and the font programs, most of
	// the cost of the file, is shared among the cores, and the objects are
	// then written in their order, so the bytes do not depend on the
	// number of cores.
	streams := make([][]byte, len(pages))
	onPage := make([][4]bool, len(pages))
	// Each page's contents object is numbered, and its images named, as
	// it is drawn, as when the page was written at once.
	contentsObj := make([]int, len(pages))
	xobjects := make([][]byte, len(pages))
	// A page's stream is compressed as soon as it is built, on another
	// goroutine, while the next pages are drawn; once drawing and the
	// fonts are done, this goroutine takes the pages still waiting too.
	drawn := make(chan int, len(pages))
	compress := func(i int) {
		raw := streams[i]
		streams[i] = pageStreams.Do(raw, deflateFast)
		pageBufs.Put(raw)
	}
	endDrawn := sync.OnceFunc(func() { close(drawn) })
	defer endDrawn()  // also when drawing panics: the goroutine ends
	var pagePanic any // raised again here: Write's recover reports it
	// The font programs, known once the last page is drawn, are set
	// before drawn is closed: the goroutine turns to them after the pages.
	var fontTasks *taskList
	pagesDone := make(chan struct{})
	go func() {
		defer close(pagesDone)
		defer func() {
			if r := recover(); r != nil {
				pagePanic = r
				for range drawn {
				}
			}
		}()
		for i := range drawn {
			compress(i)
		}
		if fontTasks != nil {
			fontTasks.run()
		}
	}()
	size := 0
	for i, pg := range pages {
		c.reset(pg.g.h)
		c.b = getPageBuf(size)
		e.page = i
		for _, d := range pg.parts {
			e.ops(d.ops, d.dy)
		}
		w.pageNumber(c, pg)
		if len(pg.notes) > 0 {
			top := pg.g.h - pg.g.bottom - pg.notesH - noteSepH
			l := math.Min(144, pg.g.textW()/3)
			c.lineWidth(ruleWidth)
			c.line(pg.g.left, top+noteGapAbove-ruleWidth, pg.g.left+l, top+noteGapAbove-ruleWidth)
			y := top + noteSepH
			for i := range pg.notes {
				e.ops(pg.notes[i].ops, y)
				y += pg.notes[i].h
			}
		}
		streams[i], onPage[i] = c.b, c.onPage
		contentsObj[i], xobjects[i] = pf.alloc(), e.xobjects(nil)
		size = len(c.b) + len(c.b)/8
		drawn <- i
	}
	var embeds [4]*embedded
	tasks := make([]func() error, 0, len(faces))
	for f := range faces {
		if faces[f].used {
			tasks = append(tasks, func() (err error) {
				embeds[f], err = embed(fonts.Face(f), &faces[f])
				return err
			})
		}
	}
	fontTasks = newTaskList(tasks)
	endDrawn()
	// This goroutine and the pages' share the fonts; more cores, if there
	// are, take a task each. The fonts first, the longest tasks: the
	// pages' goroutine, still behind with its pages when drawing ends (by
	// 2 to 8 ms in a fresh two-core build), turns to them last, and this
	// one then shares its pages instead of waiting for them.
	var wg sync.WaitGroup
	fontTasks.spread(&wg, 2)
	fontTasks.run()
	for i := range drawn {
		compress(i)
	}
	<-pagesDone
	wg.Wait()
	if pagePanic != nil {
		panic(pagePanic)
	}
	if err := fontTasks.result(); err != nil {
		return msg.Errorf("embedding fonts: %w", err)
	}
	// The file's buffer is sized once: doubling it up to a quarter of a
	// megabyte allocated twice that.
	size = 1 << 16
	for i := range streams {
		size += len(streams[i]) + 512
	}
	for _, e := range embeds {
		if e != nil {
			size += len(e.prog) + len(e.cmap) + 16*len(e.glyphs)
		}
	}
	pf.buf.Grow(size)
	var pb []byte
	for i, pg := range pages {
		contents := contentsObj[i]
		pf.stream(contents, "", streams[i], true)
		pb = fmt.Appendf(pb[:0], "/Type/Page/Parent %d 0 R/MediaBox[0 0 ", pagesObj)
		pb = num(pb, pg.g.w, 2)
		pb = append(pb, ' ')
		pb = num(pb, pg.g.h, 2)
		pb = append(pb, "]/Resources<</Font<<"...)
		for f, on := range onPage[i] {
			if on {
				pb = fmt.Appendf(pb, "/F%d %d 0 R", f+1, fontObj[f])
			}
		}
		pb = append(pb, ">>"...)
		pb = append(pb, xobjects[i]...)
		pb = fmt.Appendf(pb, ">>/Contents %d 0 R", contents)
		pf.dict(pageObj[i], string(pb))
	}
	pf.sumAhead()
	for f := range faces {
		if embeds[f] != nil {
			pf.writeFont(fontObj[f], fonts.Face(f), embeds[f])
		} else {
			// reserved for a face no page drew with: an empty dictionary
			// keeps the object numbering independent of the text.
			pf.dict(fontObj[f], "")
		}
	}

	if err := e.writeImages(pf); err != nil {
		return msg.Errorf("embedding images: %w", err)
	}

	pb = fmt.Appendf(pb[:0], "/Type/Pages/Count %d/Kids[", len(pages))
	for i, n := range pageObj {
		if i > 0 {
			pb = append(pb, ' ')
		}
		pb = fmt.Appendf(pb, "%d 0 R", n)
	}
	pf.dict(pagesObj, string(append(pb, ']')))

	outlines := pf.writeOutline(e.marks, pageObj)
	contentID := pf.digest()
	meta := pf.alloc()
	pf.stream(meta, "/Type/Metadata/Subtype/XML", w.xmp(len(pages), contentID[:16]), false)

	m := w.d.Meta
	date := m.Date
	if date.IsZero() {
		date = fallbackDate
	}
	pdfDate := date.UTC().Format("D:20060102150405+00'00'")
	pb = pb[:0]
	for _, kv := range [][2]string{{"Title", m.Title}, {"Author", m.Author}, {"Subject", m.Subject}, {"Keywords", m.Keywords}} {
		if kv[1] != "" {
			pb = append(pb, "/"+kv[0]+textString(kv[1])...)
		}
	}
	pb = append(pb, "/Creator(baocao)/Producer(baocao)/CreationDate("+pdfDate+")/ModDate("+pdfDate+")"...)
	pf.dict(info, string(pb))

	pb = fmt.Appendf(pb[:0], "/Type/Catalog/Pages %d 0 R/Metadata %d 0 R", pagesObj, meta)
	if outlines != 0 {
		pb = fmt.Appendf(pb, "/Outlines %d 0 R/PageMode/UseOutlines", outlines)
	}
	pb = append(pb, pageLabels(pages)...)
	if l := langTag(m.Language); l != "" {
		pb = append(pb, "/Lang("+l+")"...)
	}
	pb = append(pb, "/ViewerPreferences<</DisplayDocTitle true>>"...)
	pf.dict(catalog, string(pb))

	file := pf.finish(catalog, info)
	done = true
	if direct != nil {
		return nil
	}
	if _, err := out.Write(file); err != nil {
		return msg.Errorf("writing: %w", err)
	}
	return nil
}

// pageLabels numbers the pages in the viewer as they are printed: the
// body from 1, each appendix from 1 again with its label as a prefix
// ("Phụ lục I-2"), so a page label names one page.
func pageLabels(pages []*page) []byte {
	b := []byte("/PageLabels<</Nums[")
	for i, pg := range pages {
		if i > 0 && pg.number != 1 && pg.section == pages[i-1].section {
			continue
		}
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, "<</S/D"...)
		if pg.section != "" {
			b = append(b, "/P"+textString(pg.section+"-")...)
		}
		if pg.number != 1 {
			b = fmt.Appendf(b, "/St %d", pg.number)
		}
		b = append(b, ">>"...)
	}
	return append(b, "]>>"...)
}

// writeOutline writes the bookmarks (ISO 32000-1, 12.3.3) and returns the
// number of the outline root, 0 when there are none. Every entry is open,
// so an entry's /Count is the number of its descendants.
func (pf *file) writeOutline(marks []mark, pageObj []int) int {
	if len(marks) == 0 {
		return 0
	}
	type node struct {
		parent, first, last, prev, next, count int // indices+1 into nodes; 0 is none
		obj                                    int
	}
	nodes := make([]node, len(marks))
	root := pf.alloc()
	var top []int   // top-level entries
	var stack []int // open ancestors, by index
	for i, m := range marks {
		nodes[i].obj = pf.alloc()
		for len(stack) > 0 && marks[stack[len(stack)-1]].level >= m.level {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			if n := len(top); n > 0 {
				nodes[top[n-1]].next = i + 1
				nodes[i].prev = top[n-1] + 1
			}
			top = append(top, i)
		} else {
			p := stack[len(stack)-1]
			nodes[i].parent = p + 1
			if nodes[p].last != 0 {
				nodes[nodes[p].last-1].next = i + 1
				nodes[i].prev = nodes[p].last
			} else {
				nodes[p].first = i + 1
			}
			nodes[p].last = i + 1
			for _, a := range stack {
				nodes[a].count++
			}
		}
		stack = append(stack, i)
	}
	ref := func(i int) int { return nodes[i-1].obj }
	var b []byte
	for i, m := range marks {
		n := nodes[i]
		// strconv, not fmt: this runs after the last stream is
		// compressed, with the other core idle.
		b = appendTextString(append(b[:0], "/Title"...), m.title)
		parent := root
		if n.parent != 0 {
			parent = ref(n.parent)
		}
		b = appendRef(append(b, "/Parent "...), parent)
		if n.prev != 0 {
			b = appendRef(append(b, "/Prev "...), ref(n.prev))
		}
		if n.next != 0 {
			b = appendRef(append(b, "/Next "...), ref(n.next))
		}
		if n.first != 0 {
			b = appendRef(append(b, "/First "...), ref(n.first))
			b = appendRef(append(b, "/Last "...), ref(n.last))
			b = strconv.AppendInt(append(b, "/Count "...), int64(n.count), 10)
		}
		b = appendRef(append(b, "/Dest["...), pageObj[m.page])
		b = append(b, "/XYZ 0 "...)
		b = num(b, m.y, 2)
		b = append(b, " null]"...)
		pf.dict(n.obj, string(b))
	}
	pf.dict(root, fmt.Sprintf("/Type/Outlines/First %d 0 R/Last %d 0 R/Count %d",
		nodes[top[0]].obj, nodes[top[len(top)-1]].obj, len(marks)))
	return root
}

// pageNumber prints the number centred in the top margin (ND30 Phụ lục I
// Mục I): from the second page of the body and of each appendix. An
// appendix counts its pages from 1 (Mục III.1.đ), so its first page is
// treated like page 1 of the report and shows no number either.
func (w *writer) pageNumber(c *content, pg *page) {
	if !pg.showNumber {
		return
	}
	size := w.sz.PageNumber
	s := strconv.Itoa(pg.number)
	st := style{face: fonts.Regular, size: size}
	top := w.d.Page.HeaderDistance.Pt()
	lh := lineHeight(size, 1)
	if top+lh > pg.g.top {
		top = math.Max(0, pg.g.top-lh) // keep it inside the margin
	}
	x := pg.g.left + (pg.g.textW()-width(st, s))/2
	c.text(st.face, size, x, top+baselineIn(lh, size), s)
}

// A page's uncompressed stream is free once compressed (the cache keeps
// a copy of what it keeps), and its array is drawn into again, by a later
// page or, as drawing runs ahead of compressing, the next document's.
// At most 16 arrays of up to 1 MB are kept.
var pageBufs = freelist.NewBytes(16, 1<<20)

// getPageBuf returns an empty slice, of capacity size unless a kept one
// is reused (it then grows as it needs).
func getPageBuf(size int) []byte {
	if b := pageBufs.Get(); b != nil {
		return b
	}
	return make([]byte, 0, size)
}
