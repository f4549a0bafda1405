package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"baocao/internal/docmodel"
)

var landscapeBox = regexp.MustCompile(`/MediaBox\s*\[\s*0 0 841\.89 595\.28\s*\]`)

// wideTable is a table of n body rows and ten columns, too wide to read on
// a portrait page.
func wideTable(n int) *docmodel.Table {
	c := func(s string) docmodel.Cell {
		return docmodel.Cell{Content: []*docmodel.Paragraph{par(txt(s))}}
	}
	t := &docmodel.Table{Borders: true, HeaderRows: 1, Columns: make([]docmodel.Column, 10)}
	head := []docmodel.Cell{c("Đơn vị")}
	for i := 1; i < 10; i++ {
		head = append(head, c(fmt.Sprintf("Hồ sơ tiếp nhận kỳ %d", i)))
	}
	t.Rows = append(t.Rows, docmodel.Row{Cells: head})
	for r := 0; r < n; r++ {
		row := []docmodel.Cell{c(fmt.Sprintf("phường Thanh Bình %d", r+1))}
		for i := 1; i < 10; i++ {
			row = append(row, c(fmt.Sprintf("%d.%03d", i, r)))
		}
		t.Rows = append(t.Rows, docmodel.Row{Cells: row})
	}
	return t
}

// TestLandscapeSection: a SectionBreak turns the pages of a wide body
// table; the page numbers run on across the turn, each turned page prints
// its number and repeats the table's header row, the text after it comes
// back to portrait, and the table is laid out on the landscape width.
func TestLandscapeSection(t *testing.T) {
	for _, c := range []struct {
		name   string
		rows   int
		orient string // P or L per page
	}{
		{"one turned page", 10, "PLP"},
		{"two turned pages", 45, "PLLP"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := &docmodel.Document{Page: docmodel.DefaultPage(),
				Body: []docmodel.Block{longPara(0, 0, ""), longPara(1, 0, ""),
					&docmodel.SectionBreak{Landscape: true}, wideTable(c.rows), &docmodel.SectionBreak{},
					longPara(2, 0, "")},
				Closing: docmodel.Closing{Recipients: []string{"- Lưu: VT."},
					Signature: docmodel.Signature{Lines: []string{"CHỦ TỊCH"}, Name: "Nguyễn Văn A"}},
			}
			if err := validate(d); err != nil {
				t.Fatal(err)
			}
			w := newWriter(d)
			pages, err := w.layout()
			if err != nil {
				t.Fatal(err)
			}
			var orient strings.Builder
			for i, pg := range pages {
				o := "P"
				if pg.g.landscape {
					o = "L"
					if pg.g.w <= pg.g.h {
						t.Errorf("page %d: landscape %v × %v", i+1, pg.g.w, pg.g.h)
					}
					if len(pg.parts) == 0 || pg.parts[0].kind != kindTableHead {
						t.Errorf("page %d: does not open with the table's header row", i+1)
					}
					right := 0.0
					for _, o := range pg.allOps() {
						if o.kind == opRect {
							right = max(right, o.x+o.x2)
						}
					}
					if want := pg.g.w - pg.g.right; right < want-0.5 || right > want+0.5 {
						t.Errorf("page %d: table ends at %.1f, want the landscape margin %.1f", i+1, right, want)
					}
				}
				orient.WriteString(o)
				if pg.number != i+1 || pg.showNumber != (i > 0) || pg.section != "" {
					t.Errorf("page %d: number %d shown %v section %q", i+1, pg.number, pg.showNumber, pg.section)
				}
			}
			if orient.String() != c.orient {
				t.Errorf("pages %s, want %s", orient.String(), c.orient)
			}
			var buf bytes.Buffer
			if err := Write(&buf, d); err != nil {
				t.Fatal(err)
			}
			if n := len(landscapeBox.FindAll(buf.Bytes(), -1)); n != strings.Count(c.orient, "L") {
				t.Errorf("%d landscape media boxes, want %d", n, strings.Count(c.orient, "L"))
			}
		})
	}
}
