package pdf

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"baocao/internal/docmodel"
	"baocao/internal/fonts"
)

// family is the name the faces are registered under in the PDF.
const family = "LiberationSerif"

// fallbackDate stands in for a missing Meta.Date: the file must not carry
// the clock, or two writes of one document would differ.
var fallbackDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Write lays out d and writes it to out as PDF. The bytes depend only on d.
func Write(out io.Writer, d *docmodel.Document) (err error) {
	if d == nil {
		return errors.New("pdf: nil document")
	}
	if err := validate(d); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	// fpdf reports most failures through its error state, but a few
	// internal paths panic; a malformed document must cost the caller an
	// error, not the process.
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = fmt.Errorf("pdf: internal failure: %w", e)
			} else {
				err = fmt.Errorf("pdf: internal failure: %v", r)
			}
		}
	}()
	w := newWriter(d)
	pages, err := w.layout()
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	if err := w.emit(out, pages); err != nil {
		return fmt.Errorf("pdf: %w", err)
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

func faceStyle(f fonts.Face) string {
	switch f {
	case fonts.Bold:
		return "B"
	case fonts.Italic:
		return "I"
	case fonts.BoldItalic:
		return "BI"
	}
	return ""
}

// langTag keeps only the characters of a BCP 47 tag: fpdf writes /Lang
// without escaping.
func langTag(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 && (r == '-' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// emitter replays pages into fpdf, setting the font only when it changes.
type emitter struct {
	f    *fpdf.Fpdf
	face fonts.Face
	size float64
	set  bool
	lw   float64
}

func (e *emitter) font(f fonts.Face, size float64) {
	if e.set && e.face == f && e.size == size {
		return
	}
	e.f.SetFont(family, faceStyle(f), size)
	e.face, e.size, e.set = f, size, true
}

func (e *emitter) lineWidth(lw float64) {
	if lw != e.lw {
		e.f.SetLineWidth(lw)
		e.lw = lw
	}
}

func (e *emitter) ops(ops []op, dy, hShift float64) {
	for _, o := range ops {
		switch o.kind {
		case opText:
			e.font(o.face, o.size)
			e.f.Text(o.x, o.y+dy, o.s)
		case opLine:
			e.lineWidth(o.lw)
			e.f.Line(o.x, o.y+dy, o.x2, o.y2+dy)
		case opRect:
			e.lineWidth(o.lw)
			e.f.Rect(o.x, o.y+dy, o.x2, o.y2, "D")
		case opMark:
			// Bookmark converts its text to UTF-16 only while a UTF-8
			// font is current.
			if !e.set {
				e.font(fonts.Regular, 12)
			}
			// fpdf resolves every outline destination against the
			// height of the last page; shift y so a landscape appendix
			// or a portrait page before it lands where it should.
			e.f.Bookmark(o.s, o.level, o.y+dy+hShift)
		}
	}
}

func (w *writer) emit(out io.Writer, pages []*page) error {
	g0 := w.portrait()
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", Size: fpdf.SizeType{Wd: g0.w, Ht: g0.h}})
	f.SetCatalogSort(true)
	date := w.d.Meta.Date
	if date.IsZero() {
		date = fallbackDate
	}
	f.SetCreationDate(date)
	f.SetModificationDate(date)
	m := w.d.Meta
	f.SetTitle(m.Title, true)
	f.SetAuthor(m.Author, true)
	f.SetSubject(m.Subject, true)
	f.SetKeywords(m.Keywords, true)
	f.SetCreator("baocao", true)
	f.SetProducer("baocao (go-pdf/fpdf)", true)
	if l := langTag(m.Language); l != "" {
		f.SetLang(l)
	}
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	for _, fc := range []fonts.Face{fonts.Regular, fonts.Bold, fonts.Italic, fonts.BoldItalic} {
		f.AddUTF8FontFromBytes(family, faceStyle(fc), fonts.TTF(fc))
	}
	if err := f.Error(); err != nil {
		return fmt.Errorf("loading fonts: %w", err)
	}
	lastH := 0.0
	if len(pages) > 0 {
		lastH = pages[len(pages)-1].g.h
	}
	e := &emitter{f: f, lw: -1}
	for _, pg := range pages {
		orient := "P"
		if pg.g.landscape {
			orient = "L"
		}
		f.AddPageFormat(orient, fpdf.SizeType{Wd: math.Min(pg.g.w, pg.g.h), Ht: math.Max(pg.g.w, pg.g.h)})
		e.set = false // fpdf restores the font itself, but as its own state
		e.lw = -1
		hShift := lastH - pg.g.h
		e.ops(pg.ops, 0, hShift)
		w.pageNumber(e, pg)
		if len(pg.notes) > 0 {
			top := pg.g.h - pg.g.bottom - pg.notesH - noteSepH
			l := math.Min(144, pg.g.textW()/3)
			e.lineWidth(ruleWidth)
			f.Line(pg.g.left, top+noteGapAbove-ruleWidth, pg.g.left+l, top+noteGapAbove-ruleWidth)
			y := top + noteSepH
			for i := range pg.notes {
				e.ops(pg.notes[i].ops, y, hShift)
				y += pg.notes[i].h
			}
		}
		if err := f.Error(); err != nil {
			return err
		}
	}
	if err := f.Output(out); err != nil {
		return fmt.Errorf("writing: %w", err)
	}
	return nil
}

// pageNumber prints the number centred in the top margin (ND30 Phụ lục I
// Mục I): from the second page of the body and of each appendix. An
// appendix counts its pages from 1 (Mục III.1.đ), so its first page is
// treated like page 1 of the report and shows no number either.
func (w *writer) pageNumber(e *emitter, pg *page) {
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
	e.font(st.face, size)
	e.f.Text(x, top+baselineIn(lh, size), s)
}
