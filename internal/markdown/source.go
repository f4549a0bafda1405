package markdown

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"baocao/internal/docmodel"
)

// A figure that a template prints (num, pad, tyle …) carries its source
// (the cell and label it was read from, or a chỉ tiêu's formula) to the
// document model, for the preview to show. The template wraps the
// formatted figure in a source mark: srcOpen, the decimal index of its
// source in the filling's table (Options.Sources), srcMid, the figure's
// text, srcClose. Read removes every mark before parsing, remembering
// where each figure's text lies, so the parser sees exactly the bytes it
// would see without provenance (a figure at the start of a line still
// starts an ordered list "1. …"), and the DOCX, PDF and XLSX that follow
// do not change; the text runs of those figures then get their Source.
//
// The marks are private-use characters next to the literal's
// (U+E102–U+E104); Literal encodes them byte by byte like any other
// symbol, so data text cannot forge a mark.
const (
	srcOpen  = 0xE102
	srcMid   = 0xE103
	srcClose = 0xE104
)

// Figure wraps the formatted figure text with the mark of source id.
func Figure(id int, text string) string {
	var b strings.Builder
	b.Grow(len(text) + 12)
	b.WriteRune(srcOpen)
	b.WriteString(strconv.Itoa(id))
	b.WriteRune(srcMid)
	b.WriteString(text)
	b.WriteRune(srcClose)
	return b.String()
}

// span is the text of a marked figure in the source without marks:
// bytes [start, end), source id.
type span struct{ start, end, id int }

// stripMarks removes the source marks of src and says where the marked
// figures are. A mark that is cut or malformed (a template that sliced a
// figure with printf "%.3s", or wrote the characters itself) is dropped
// without a source; nothing of the text around it is lost.
func stripMarks(src []byte) ([]byte, []span) {
	if !hasMarks(src) {
		return src, nil
	}
	out := make([]byte, 0, len(src))
	var spans []span
	open := -1 // start of the current figure's text in out, or -1
	id := -1
	for i := 0; i < len(src); {
		// Every mark starts with the byte EE, which no other rune's
		// encoding holds but as its first byte: the text up to the next
		// EE is copied as it is.
		if src[i] != 0xEE {
			k := bytes.IndexByte(src[i:], 0xEE)
			if k < 0 {
				k = len(src) - i
			}
			out = append(out, src[i:i+k]...)
			i += k
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		switch r {
		case srcOpen:
			// The id runs to srcMid; anything else there is no mark.
			j := i + n
			for j < len(src) && src[j] >= '0' && src[j] <= '9' && j-i-n < 9 {
				j++
			}
			m, mn := utf8.DecodeRune(src[j:])
			open, id = -1, -1
			if m == srcMid && j > i+n {
				id, _ = strconv.Atoi(string(src[i+n : j]))
				open = len(out)
				i = j + mn
				continue
			}
			i += n
			continue
		case srcMid:
			i += n
			continue
		case srcClose:
			if open >= 0 && len(out) > open {
				spans = append(spans, span{open, len(out), id})
			}
			open, id = -1, -1
			i += n
			continue
		}
		out = append(out, src[i:i+n]...)
		i += n
	}
	return out, spans
}

func hasMarks(b []byte) bool {
	// The three marks share their first two UTF-8 bytes: EE 84.
	for i := 0; i+2 < len(b); i++ {
		k := bytes.IndexByte(b[i:len(b)-2], 0xEE)
		if k < 0 {
			return false
		}
		i += k
		if b[i+1] == 0x84 && b[i+2] >= 0x82 && b[i+2] <= 0x84 {
			return true
		}
	}
	return false
}

// sources finds the sources of the text at bytes [start, end) of the
// source without marks: the pieces of it, in order, each with its source
// or nil.
type piece struct {
	start, end int
	src        *docmodel.Source
}

func (r *reader) pieces(start, end int) []piece {
	sp := r.spans
	i := sort.Search(len(sp), func(k int) bool { return sp[k].end > start })
	if i == len(sp) || sp[i].start >= end {
		return []piece{{start, end, nil}}
	}
	var out []piece
	at := start
	for ; i < len(sp) && sp[i].start < end; i++ {
		s, e := max(sp[i].start, start), min(sp[i].end, end)
		if s > at {
			out = append(out, piece{at, s, nil})
		}
		out = append(out, piece{s, e, r.source(sp[i].id)})
		at = e
	}
	if at < end {
		out = append(out, piece{at, end, nil})
	}
	return out
}

// source is the entry id of the filling's table; nil when there is none
// (a mark written by hand).
func (r *reader) source(id int) *docmodel.Source {
	if id < 0 || id >= len(r.opt.Sources) {
		return nil
	}
	if r.srcs == nil {
		r.srcs = map[int]*docmodel.Source{}
	}
	if s, ok := r.srcs[id]; ok {
		return s
	}
	s := r.opt.Sources[id]
	r.srcs[id] = &s
	return &s
}
