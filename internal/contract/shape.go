package contract

import "baocao/internal/dataset"

// A Lack is one part of a contract's shape a workbook does not have: a
// fact row (Fact set), a sheet (Sheet alone) or a column of a sheet.
type Lack struct {
	Fact, Sheet, Column string
}

// Lacks lists what the workbook ds lacks of the shape the contract
// declares: fact rows, indicator sheets, table sheets and their columns.
// It looks at the shape only, not at the values (an empty required cell
// is not a lack), so that a half-filled workbook still shows which
// template it was made for. A rate column is not required: baocao may
// compute it. A consolidating contract's tables are made from its
// units' workbooks, so only its facts are looked for.
func (c *Contract) Lacks(ds *dataset.Dataset) []Lack {
	if c == nil {
		return nil
	}
	var out []Lack
	for _, f := range c.Facts {
		if f.Heading != "" {
			continue
		}
		if ds.Facts == nil {
			out = append(out, Lack{Sheet: "Thông tin"})
			break
		}
		if _, ok := ds.Facts.Get(f.Key); !ok {
			out = append(out, Lack{Fact: f.Key})
		}
	}
	for _, t := range c.Trees {
		if _, err := ds.Tree(t.Sheet); err != nil {
			out = append(out, Lack{Sheet: t.Sheet})
		}
	}
	for _, t := range c.Tables {
		if c.Consolidation != nil {
			break // its tables come from its units' workbooks
		}
		tab, err := ds.Table(t.Sheet)
		if err != nil {
			out = append(out, Lack{Sheet: t.Sheet})
			continue
		}
		for _, col := range t.Columns {
			if col.Kind == Rate {
				continue
			}
			if _, err := tab.Column(col.Name); err != nil {
				out = append(out, Lack{Sheet: t.Sheet, Column: col.Name})
			}
		}
	}
	return out
}
