package layout

import (
	"strconv"
	"strings"
	"unicode"

	"baocao/internal/docmodel"
	"baocao/internal/fonts"
)

// cellSlack is added to what a cell's text measures, so that a word
// measured to fit still fits after Word's rounding of the grid to twips.
const cellSlack = 1.5

// supScale is the size of a superscript (a footnote number) as a share of
// the text's, as the PDF writer draws it.
const supScale = 0.65

// need is what one cell, or one column, asks for: min is its widest word
// (a line may not break inside it), max its widest line when nothing wraps.
type need struct{ min, max float64 }

// TableColumns sizes the columns of t from their content for a table room
// points wide whose text is size points, with pad points of padding left
// and right of each cell. The DOCX, PDF and XLSX writers all call it, so
// the three files of a report break a cell's lines at the same words.
//
// The rules are those of a typist: no column is narrower than its widest
// word (bold in the header rows and bold rows), so a line never breaks
// inside a syllable, and a figure (a cell with a Number, or a word without
// letters such as 1.168 or 99,48%) never breaks at all. When every cell
// fits on one line the table still fills room, each column widened in
// proportion to its text; when not, every column gets its widest word and
// the rest goes to the columns whose text can wrap, in proportion to what
// wrapping saves them (the wide text columns), so the figures keep their
// natural widths. A column with a positive Width is the template's: it
// gets that share of room, counting each sized column as 1, but never less
// than its widest word. Only when the widest words alone do not fit is
// every column scaled down, and lines then break inside words.
//
// grid is t.Grid(); the widths add up to room.
func TableColumns(t *docmodel.Table, grid [][]docmodel.Slot, room, size, pad float64) []float64 {
	cols := len(t.Columns)
	if cols == 0 {
		return nil
	}
	needs := make([]need, cols)
	type spanned struct {
		c, cs int
		n     need
	}
	var spans []spanned
	for r, row := range grid {
		for c, sl := range row {
			if sl.Cell == nil || !sl.Origin(r, c) {
				continue
			}
			bold := r < t.HeaderRows || t.Rows[r].Bold || sl.Cell.Bold
			n := cellNeed(sl.Cell, bold, size)
			n.min += 2*pad + cellSlack
			n.max += 2*pad + cellSlack
			if cs := max(sl.Cell.ColSpan, 1); cs > 1 {
				spans = append(spans, spanned{c, cs, n})
				continue
			}
			needs[c].min = max(needs[c].min, n.min)
			needs[c].max = max(needs[c].max, n.max)
		}
	}
	for i := range needs {
		needs[i].min = max(needs[i].min, 2*pad+cellSlack)
		needs[i].max = max(needs[i].max, needs[i].min)
	}
	// A merged cell (a group title) that its columns do not hold widens
	// them evenly.
	for _, s := range spans {
		grow := func(get func(*need) *float64) {
			have := 0.0
			for k := s.c; k < s.c+s.cs; k++ {
				have += *get(&needs[k])
			}
			if want := *get(&s.n); want > have {
				for k := s.c; k < s.c+s.cs; k++ {
					*get(&needs[k]) += (want - have) / float64(s.cs)
				}
			}
		}
		grow(func(n *need) *float64 { return &n.min })
		grow(func(n *need) *float64 { return &n.max })
		for k := s.c; k < s.c+s.cs; k++ {
			needs[k].max = max(needs[k].max, needs[k].min)
		}
	}

	out := make([]float64, cols)
	// The template's columns first.
	weights := 0.0
	for _, c := range t.Columns {
		if c.Width > 0 {
			weights += c.Width
		} else {
			weights++
		}
	}
	rest := room
	var auto []int
	for i, c := range t.Columns {
		if c.Width > 0 {
			out[i] = max(room*c.Width/weights, needs[i].min)
			rest -= out[i]
		} else {
			auto = append(auto, i)
		}
	}
	sumMin, sumMax := 0.0, 0.0
	for _, i := range auto {
		sumMin += needs[i].min
		sumMax += needs[i].max
	}
	switch {
	case len(auto) == 0:
	case sumMax <= rest:
		for _, i := range auto {
			out[i] = needs[i].max + (rest-sumMax)*needs[i].max/sumMax
		}
	case sumMin <= rest:
		give := sumMax - sumMin // > 0, since sumMax > rest >= sumMin
		for _, i := range auto {
			out[i] = needs[i].min + (rest-sumMin)*(needs[i].max-needs[i].min)/give
		}
	default:
		for _, i := range auto {
			out[i] = needs[i].min
		}
	}
	total := 0.0
	for _, w := range out {
		total += w
	}
	if total > room {
		// A template's column raised to its widest word takes the room
		// from the columns above theirs.
		over := 0.0
		for i := range out {
			over += out[i] - needs[i].min
		}
		if over > 0 {
			cut := min(total-room, over)
			for i := range out {
				out[i] -= cut * (out[i] - needs[i].min) / over
			}
			total -= cut
		}
	}
	if total > room+1e-9 {
		// The widest words do not fit: everything shrinks alike.
		for i := range out {
			out[i] *= room / total
		}
	}
	return out
}

// cellNeed measures the paragraphs of one cell.
func cellNeed(c *docmodel.Cell, bold bool, size float64) need {
	var n need
	for _, p := range c.Content {
		if p == nil {
			continue
		}
		m := measurer{size: size}
		if p.Marker != "" {
			m.add(p.Marker+" ", fonts.FaceOf(bold, false), size)
		}
		for _, x := range p.Content {
			switch v := x.(type) {
			case docmodel.Text:
				sz := size
				if v.Superscript {
					sz *= supScale
				}
				m.add(v.Text, fonts.FaceOf(bold || v.Bold, v.Italic), sz)
			case docmodel.FootnoteRef:
				m.add(strconv.Itoa(v.Number), fonts.FaceOf(bold, false), size*supScale)
			case docmodel.LineBreak:
				m.endLine()
			}
		}
		m.endLine()
		n.min, n.max = max(n.min, m.min), max(n.max, m.max)
	}
	// A figure is read as one: it never wraps, whatever its spaces.
	if c.Number != nil || figure(c) {
		n.min = n.max
	}
	return n
}

// figure reports whether a cell holds only a figure: text without a letter
// (1.168, 99,48%, 23,87/0, -).
func figure(c *docmodel.Cell) bool {
	s := ""
	for _, p := range c.Content {
		if p != nil {
			s += docmodel.PlainText(p.Content)
		}
	}
	return strings.TrimSpace(s) != "" && strings.IndexFunc(s, unicode.IsLetter) < 0
}

// measurer follows the words and lines of one paragraph through runs of
// different styles.
type measurer struct {
	size     float64
	word     float64 // the word being read
	line     float64 // the line up to the word
	space    float64 // the space before the word, when there is one
	min, max float64
}

func (m *measurer) add(s string, f fonts.Face, size float64) {
	for len(s) > 0 {
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			m.word += fonts.Width(f, size, s)
			return
		}
		m.word += fonts.Width(f, size, s[:i])
		m.endWord()
		m.space = fonts.Width(f, size, " ")
		s = s[i+1:]
	}
}

func (m *measurer) endWord() {
	if m.word == 0 {
		return
	}
	if m.line > 0 {
		m.line += m.space
	}
	m.line += m.word
	m.min = max(m.min, m.word)
	m.max = max(m.max, m.line)
	m.word = 0
}

func (m *measurer) endLine() {
	m.endWord()
	m.line = 0
}
