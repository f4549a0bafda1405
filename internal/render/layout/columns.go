package layout

import (
	"math"
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

// TableColumns sizes the columns of t from their content for a table room
// points wide whose text is size points, with pad points of padding left
// and right of each cell. The DOCX, PDF and XLSX writers all call it, so
// the three files of a report break a cell's lines at the same words.
//
// The rules are those of a typist: no column is narrower than its widest
// word (bold in the header rows and bold rows), so a line never breaks
// inside a syllable, and a figure (a cell with a Number, or a text without
// letters such as 1.168 or 99,48%) never breaks at all. From there the
// room left goes, a step at a time, to the column where it saves the most
// lines of the whole table per point (a wide text column, a header that
// would wrap to five lines), until no line can be saved; what is still
// left goes to the text columns that wrap all the same, or, when nothing
// wraps, to every column alike, so the table fills room. A column with a
// positive Width is the template's: it gets that share of room, counting
// each column sized from content as 1, but never less than its widest
// word. Only when the widest words alone do not fit is every column scaled
// down, and lines then break inside words.
//
// grid is t.Grid(); the widths add up to room.
func TableColumns(t *docmodel.Table, grid [][]docmodel.Slot, room, size, pad float64) []float64 {
	cols := len(t.Columns)
	if cols == 0 || len(grid) == 0 {
		return nil
	}
	frame := 2*pad + cellSlack
	minW := make([]float64, cols)
	for i := range minW {
		minW[i] = frame
	}
	var cells []*cellText
	for r, row := range grid {
		for c, sl := range row {
			if sl.Cell == nil || !sl.Origin(r, c) {
				continue
			}
			bold := r < t.HeaderRows || t.Rows[r].Bold || sl.Cell.Bold
			ct := measure(sl.Cell, bold, size)
			ct.r, ct.c = r, c
			ct.rows, ct.cols = max(sl.Cell.RowSpan, 1), min(max(sl.Cell.ColSpan, 1), cols-c)
			cells = append(cells, ct)
			if ct.cols == 1 {
				minW[c] = max(minW[c], ct.min+frame)
			}
		}
	}
	// A merged cell (a group title) whose widest word its columns do not
	// hold widens them evenly.
	for _, ct := range cells {
		if ct.cols == 1 {
			continue
		}
		have := 0.0
		for k := ct.c; k < ct.c+ct.cols; k++ {
			have += minW[k]
		}
		if need := ct.min + frame; need > have {
			for k := ct.c; k < ct.c+ct.cols; k++ {
				minW[k] += (need - have) / float64(ct.cols)
			}
		}
	}

	out := make([]float64, cols)
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
			out[i] = max(room*c.Width/weights, minW[i])
		} else {
			out[i] = minW[i]
			auto = append(auto, i)
		}
		rest -= out[i]
	}
	if rest > 0 && len(auto) > 0 {
		rest = grow(cells, len(grid), out, auto, frame, rest)
		// What saves no line goes to the text columns that still wrap,
		// in proportion to their widths; when nothing wraps, to every
		// column alike, so the table fills room without one wide gap.
		text := map[int]bool{}
		for _, ct := range cells {
			if ct.r >= t.HeaderRows && ct.cols == 1 && isAutoCol(t, ct.c) && ct.wrap(out[ct.c]-frame) > 1 {
				text[ct.c] = true
			}
		}
		sum := 0.0
		for _, i := range auto {
			if text[i] {
				sum += out[i]
			}
		}
		for _, i := range auto {
			switch {
			case sum > 0 && text[i]:
				out[i] += rest * out[i] / sum
			case sum == 0:
				out[i] += rest / float64(len(auto))
			}
		}
	}
	total := 0.0
	for _, w := range out {
		total += w
	}
	if total > room {
		// A template's column raised to its widest word takes the room
		// from the columns wider than theirs.
		over := 0.0
		for i := range out {
			over += out[i] - minW[i]
		}
		if over > 0 {
			cut := min(total-room, over)
			for i := range out {
				out[i] -= cut * (out[i] - minW[i]) / over
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

// isAutoCol reports whether column c is sized from its content.
func isAutoCol(t *docmodel.Table, c int) bool { return !(t.Columns[c].Width > 0) }

// grow widens the auto columns of out, one step at a time, where a point
// saves the most lines of the table, while rest lasts; it returns what is
// left of rest.
func grow(cells []*cellText, rows int, out []float64, auto []int, frame, rest float64) float64 {
	width := func(ct *cellText) float64 {
		w := -frame
		for k := ct.c; k < ct.c+ct.cols; k++ {
			w += out[k]
		}
		return w
	}
	covers := make([][]*cellText, len(out)) // the cells over each column
	for _, ct := range cells {
		ct.lines = ct.wrap(width(ct))
		for k := ct.c; k < ct.c+ct.cols; k++ {
			covers[k] = append(covers[k], ct)
		}
	}
	// The heights are kept up to date as cells rewrap, not summed over
	// every cell at each step tried: that was nearly all the time of
	// sizing a long table, in each of the three writers. rowMax is each
	// row's tallest one-row cell (at least one line), all the lines of
	// every cell; merged are the cells over several rows, in order.
	rowMax := make([]int, rows)
	rowCells := make([][]*cellText, rows) // the one-row cells of each row
	singles := make([]*cellText, 0, len(cells))
	var merged []*cellText
	all := 0
	for _, ct := range cells {
		all += ct.lines
		if ct.rows == 1 {
			singles = append(singles, ct)
		} else {
			merged = append(merged, ct)
		}
	}
	// The cells come row by row: each row's are a run of singles.
	for i, j := 0, 0; i < len(singles); i = j {
		r := singles[i].r
		for j = i + 1; j < len(singles) && singles[j].r == r; j++ {
		}
		if rowCells[r] == nil {
			rowCells[r] = singles[i:j:j]
		} else {
			rowCells[r] = append(rowCells[r], singles[i:j]...)
		}
	}
	tallest := func(r int) int {
		m := 1
		for _, ct := range rowCells[r] {
			m = max(m, ct.lines)
		}
		return m
	}
	for r := range rowMax {
		rowMax[r] = tallest(r)
	}
	h := make([]int, rows)
	// height is the table's height in lines, as the page writers set it:
	// each row as tall as its tallest cell, and a merged cell that its
	// rows do not hold growing the last of them.
	height := func() int {
		copy(h, rowMax)
		for _, ct := range merged {
			end := min(ct.r+ct.rows, rows)
			have := 0
			for k := ct.r; k < end; k++ {
				have += h[k]
			}
			if ct.lines > have {
				h[end-1] += ct.lines - have
			}
		}
		n := 0
		for _, x := range h {
			n += x
		}
		return n
	}
	// cellLines is the lines of every cell, the second measure: two cells
	// of one row may each need widening before the row is lower.
	cellLines := func() int { return all }
	set := func(c int, w float64) {
		out[c] = w
		for _, ct := range covers[c] {
			old := ct.lines
			ct.lines = ct.wrap(width(ct))
			all += ct.lines - old
			if ct.rows != 1 || ct.lines == old {
				continue
			}
			switch r := ct.r; {
			case ct.lines > rowMax[r]:
				rowMax[r] = ct.lines
			case old == rowMax[r]:
				rowMax[r] = tallest(r)
			}
		}
	}
	isAuto := make([]bool, len(out))
	for _, c := range auto {
		isAuto[c] = true
	}
	// A move widens some columns by the same amount each: one column, or
	// every auto column under a merged cell, so that a group title on one
	// line does not make one of its columns wide and leave the next one
	// narrow.
	type move struct {
		cols []int
		cell *cellText // the merged cell; nil for one column
	}
	var moves []move
	for _, c := range auto {
		moves = append(moves, move{cols: []int{c}})
	}
	for _, ct := range cells {
		var cs []int
		for k := ct.c; k < ct.c+ct.cols; k++ {
			if isAuto[k] {
				cs = append(cs, k)
			}
		}
		if ct.cols > 1 && len(cs) > 1 {
			moves = append(moves, move{cols: cs, cell: ct})
		}
	}
	from := make([]float64, len(out))
	for {
		tall, all := height(), cellLines()
		best, bestAdd, bestRatio, bestSaves := -1, 0.0, 0.0, false
		for mi, m := range moves {
			for _, c := range m.cols {
				from[c] = out[c]
			}
			n := float64(len(m.cols))
			add := 0.0
			// The next widths at which the wrapping changes, until one
			// saves a line or the room is spent.
			for {
				step := math.Inf(1)
				if m.cell != nil {
					cw := width(m.cell)
					step = (m.cell.next(cw) - cw) / n
				} else {
					c := m.cols[0]
					for _, ct := range covers[c] {
						cw := width(ct)
						step = min(step, ct.next(cw)-cw)
					}
				}
				if (add+step)*n > rest+1e-9 {
					break
				}
				add += step
				for _, c := range m.cols {
					set(c, from[c]+add)
				}
				saved, savedCells := tall-height(), all-cellLines()
				if saved > 0 || savedCells > 0 {
					// A line of the table saved beats any number of cell
					// lines saved; on a tie a spread move wins.
					saves := saved > 0
					ratio := float64(saved) / (add * n)
					if !saves {
						ratio = float64(savedCells) / (add * n)
					}
					better := ratio > bestRatio+1e-12 || m.cell != nil && ratio > bestRatio-1e-12
					if saves && !bestSaves || saves == bestSaves && better {
						best, bestAdd, bestRatio, bestSaves = mi, add, ratio, saves
					}
					break
				}
			}
			for _, c := range m.cols {
				set(c, from[c])
			}
		}
		if best < 0 {
			return rest
		}
		for _, c := range moves[best].cols {
			rest -= bestAdd
			set(c, out[c]+bestAdd)
		}
	}
}

// word is one word of a cell: its width, the width of the space before it,
// and whether a line break comes before it.
type word struct {
	w, space float64
	hard     bool
}

// cellText is the words of one cell, paragraph after paragraph.
type cellText struct {
	words    []word
	min, max float64 // widest word; widest line when nothing wraps
	// Its place: the first row and column, and the rows and columns it
	// spans; lines is how many it takes at the widths being tried.
	r, c, rows, cols, lines int
}

// wrap is how many lines the cell's words take at width, wrapped greedily
// as the page writers do.
func (ct *cellText) wrap(width float64) int {
	n, x := 1, -1.0
	for i, w := range ct.words {
		switch {
		case i == 0:
			x = w.w
		case w.hard:
			n++
			x = w.w
		case x+w.space+w.w <= width+1e-9:
			x += w.space + w.w
		default:
			n++
			x = w.w
		}
	}
	return n
}

// next is the narrowest width above width at which the cell wraps
// differently: a word that starts a line there joins the line before.
func (ct *cellText) next(width float64) float64 {
	out, x := math.Inf(1), 0.0
	for i, w := range ct.words {
		switch {
		case i == 0 || w.hard:
			x = w.w
		case x+w.space+w.w <= width+1e-9:
			x += w.space + w.w
		default:
			out = min(out, x+w.space+w.w)
			x = w.w
		}
	}
	return out
}

// measure reads the words of one cell.
func measure(c *docmodel.Cell, bold bool, size float64) *cellText {
	m := &measurer{}
	for _, p := range c.Content {
		if p == nil {
			continue
		}
		m.hard = len(m.ct.words) > 0
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
				m.endWord()
				m.hard = true
			}
		}
		m.endWord()
	}
	ct := &m.ct
	line := 0.0
	for i, w := range ct.words {
		if i == 0 || w.hard {
			line = w.w
		} else {
			line += w.space + w.w
		}
		ct.min, ct.max = max(ct.min, w.w), max(ct.max, line)
	}
	// A figure is read as one: it never wraps, whatever its spaces.
	if c.Number != nil || figure(c) {
		ct.min = ct.max
		ct.words = []word{{w: ct.max}}
	}
	return ct
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

// measurer cuts the runs of a cell, in their styles, into words.
type measurer struct {
	ct    cellText
	word  float64 // the word being read
	space float64 // the space before it
	hard  bool    // a line break comes before it
	open  bool    // a word is being read
}

func (m *measurer) add(s string, f fonts.Face, size float64) {
	for len(s) > 0 {
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			m.word += fonts.Width(f, size, s)
			m.open = true
			return
		}
		if i > 0 {
			m.word += fonts.Width(f, size, s[:i])
			m.open = true
		}
		m.endWord()
		m.space = fonts.Width(f, size, " ")
		s = s[i+1:]
	}
}

func (m *measurer) endWord() {
	if !m.open {
		return
	}
	m.ct.words = append(m.ct.words, word{w: m.word, space: m.space, hard: m.hard})
	m.word, m.hard, m.open = 0, false, false
}
