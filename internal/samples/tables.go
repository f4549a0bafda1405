package samples

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/dataset"
	"baocao/internal/msg"
)

// Table is a table sheet: figures by period, unit or item, keyed by the
// first column.
type Table struct {
	Name  string
	Title string // a title row above the header; empty for none
	// Header holds one or two rows of column names, the key column first.
	// In a two-row header a group name in the top row is merged across
	// the columns whose top cell is empty and whose bottom cell names a
	// part ("Số hồ sơ nhận giải quyết" over "Tổng số", "Trực tuyến" …), and
	// a top cell with an empty cell below it is merged down both rows.
	Header [][]string
	Rows   []Row
	Widths []float64 // column widths, key column first; missing ones are 14
}

// Row is one data row: its key (a year as an int, or a text) and the
// cells of the other columns: string, int, float64, time.Time, Formula, or
// nil for a blank cell (a figure the source does not give).
type Row struct {
	Key   any
	Cells []any
}

// Formula is a cell formula (without "="). References to other table
// cells are written {Sheet|Key|Column} for one cell and {Sheet||Column}
// for the column over all data rows; Column is a header part or the full
// "Group / Part" name.
type Formula string

var refPattern = regexp.MustCompile(`\{([^|{}]+)\|([^|{}]*)\|([^|{}]+)\}`)

// layout is where a table's cells are.
type layout struct {
	t       *Table
	first   int // first data row
	columns [][]string
}

func (l *layout) column(name string) (int, error) {
	want := dataset.FoldKey(name)
	found := -1
	for i, parts := range l.columns {
		full := dataset.FoldKey(strings.Join(parts, " / "))
		last := dataset.FoldKey(parts[len(parts)-1])
		if full == want {
			return i + 1, nil
		}
		if last == want {
			if found >= 0 {
				return 0, msg.Errorf("sheet %q: column %q is ambiguous", l.t.Name, name)
			}
			found = i + 1
		}
	}
	if found < 0 {
		return 0, msg.Errorf("sheet %q: no column %q", l.t.Name, name)
	}
	return found, nil
}

func (l *layout) row(key string) (int, error) {
	for i, r := range l.t.Rows {
		if dataset.FoldKey(fmt.Sprint(r.Key)) == dataset.FoldKey(key) {
			return l.first + i, nil
		}
	}
	return 0, msg.Errorf("sheet %q: no row %q", l.t.Name, key)
}

func (w *Workbook) tableSheets(f *excelize.File, wrap, date int) error {
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}})
	if err != nil {
		return err
	}
	center, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"DDEBF7"}, Pattern: 1},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	layouts := map[string]*layout{}
	for i := range w.Tables {
		t := &w.Tables[i]
		l := &layout{t: t, first: len(t.Header) + 1}
		if t.Title != "" {
			l.first++
		}
		top := t.Header[0]
		for c := 1; c < len(top); c++ {
			var parts []string
			group := ""
			for k := c; k >= 0 && len(t.Header) == 2; k-- {
				if top[k] != "" {
					group = top[k]
					break
				}
			}
			if len(t.Header) == 1 {
				group = top[c]
			}
			if group != "" {
				parts = append(parts, group)
			}
			if len(t.Header) == 2 && t.Header[1][c] != "" {
				parts = append(parts, t.Header[1][c])
			}
			l.columns = append(l.columns, parts)
		}
		layouts[dataset.FoldKey(t.Name)] = l
	}
	resolve := func(expr Formula) (string, error) {
		var rerr error
		out := refPattern.ReplaceAllStringFunc(string(expr), func(m string) string {
			p := refPattern.FindStringSubmatch(m)
			l, ok := layouts[dataset.FoldKey(p[1])]
			if !ok {
				rerr = msg.Errorf("formula %s: no table %q", expr, p[1])
				return m
			}
			col, err := l.column(p[3])
			if err != nil {
				rerr = err
				return m
			}
			colName, _ := excelize.ColumnNumberToName(col + 1)
			sheet := "'" + l.t.Name + "'!"
			if p[2] == "" {
				return fmt.Sprintf("%s$%s$%d:$%s$%d", sheet, colName, l.first, colName, l.first+len(l.t.Rows)-1)
			}
			row, err := l.row(p[2])
			if err != nil {
				rerr = err
				return m
			}
			return fmt.Sprintf("%s$%s$%d", sheet, colName, row)
		})
		return out, rerr
	}

	for i := range w.Tables {
		t := &w.Tables[i]
		l := layouts[dataset.FoldKey(t.Name)]
		if _, err := f.NewSheet(t.Name); err != nil {
			return err
		}
		ncols := len(t.Header[0])
		last, _ := excelize.ColumnNumberToName(ncols)
		row := 1
		if t.Title != "" {
			if err := f.SetCellValue(t.Name, "A1", t.Title); err != nil {
				return err
			}
			if err := f.SetCellStyle(t.Name, "A1", "A1", title); err != nil {
				return err
			}
			row++
		}
		hdr := row
		for k, names := range t.Header {
			if len(names) != ncols {
				return msg.Errorf("sheet %q: header row %d has %d cells, want %d", t.Name, k+1, len(names), ncols)
			}
			for c, name := range names {
				if name == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, hdr+k)
				if err := f.SetCellValue(t.Name, cell, name); err != nil {
					return err
				}
			}
		}
		if len(t.Header) == 2 {
			top, bottom := t.Header[0], t.Header[1]
			for c := 0; c < ncols; c++ {
				if top[c] == "" {
					continue
				}
				from, _ := excelize.CoordinatesToCellName(c+1, hdr)
				if bottom[c] == "" {
					to, _ := excelize.CoordinatesToCellName(c+1, hdr+1)
					if err := f.MergeCell(t.Name, from, to); err != nil {
						return err
					}
					continue
				}
				end := c
				for end+1 < ncols && top[end+1] == "" && bottom[end+1] != "" {
					end++
				}
				if end > c {
					to, _ := excelize.CoordinatesToCellName(end+1, hdr)
					if err := f.MergeCell(t.Name, from, to); err != nil {
						return err
					}
				}
			}
		}
		if err := f.SetCellStyle(t.Name, fmt.Sprintf("A%d", hdr), fmt.Sprintf("%s%d", last, hdr+len(t.Header)-1), center); err != nil {
			return err
		}
		for r, data := range t.Rows {
			y := l.first + r
			if len(data.Cells) > ncols-1 {
				return msg.Errorf("sheet %q: row %v has %d cells, the header %d", t.Name, data.Key, len(data.Cells), ncols-1)
			}
			if err := f.SetCellValue(t.Name, fmt.Sprintf("A%d", y), data.Key); err != nil {
				return err
			}
			for c, v := range data.Cells {
				cell, _ := excelize.CoordinatesToCellName(c+2, y)
				switch x := v.(type) {
				case nil:
					continue
				case Formula:
					expr, err := resolve(x)
					if err != nil {
						return msg.Errorf("sheet %q, cell %s: %w", t.Name, cell, err)
					}
					if err := f.SetCellFormula(t.Name, cell, expr); err != nil {
						return err
					}
				default:
					if err := f.SetCellValue(t.Name, cell, v); err != nil {
						return err
					}
					if _, ok := v.(time.Time); ok {
						if err := f.SetCellStyle(t.Name, cell, cell, date); err != nil {
							return err
						}
					}
					if s, ok := v.(string); ok && len([]rune(s)) > 30 {
						if err := f.SetCellStyle(t.Name, cell, cell, wrap); err != nil {
							return err
						}
					}
				}
			}
		}
		for c := 0; c < ncols; c++ {
			wd := 14.0
			if c < len(t.Widths) {
				wd = t.Widths[c]
			}
			name, _ := excelize.ColumnNumberToName(c + 1)
			if err := f.SetColWidth(t.Name, name, name, wd); err != nil {
				return err
			}
		}
		if err := f.SetPanes(t.Name, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: l.first - 1,
			TopLeftCell: fmt.Sprintf("B%d", l.first), ActivePane: "bottomRight"}); err != nil {
			return err
		}
	}
	return nil
}
