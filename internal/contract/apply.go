package contract

import "baocao/internal/dataset"

var aggregates = map[string]dataset.Aggregate{
	Flow: dataset.Flow, Opening: dataset.First, Closing: dataset.Last, Sum: dataset.SumOf, Rate: dataset.Ratio, Label: dataset.NoTotal,
}

// Apply gives the tables of ds the column kinds the contract declares, so
// that every total over rows (Table.Total: the body, the footnotes, the
// appendix total rows, the checks) follows them. Columns of the workbook
// that the contract does not name stay flows. Apply may run again on the
// same dataset.
func (c *Contract) Apply(ds *dataset.Dataset) {
	if c == nil {
		return
	}
	for _, decl := range c.Tables {
		tab, err := ds.Table(decl.Sheet)
		if err != nil {
			continue // Check reports it
		}
		for _, col := range decl.Columns {
			dc, err := tab.Column(col.Name)
			if err != nil {
				continue
			}
			dc.Agg = aggregates[col.Kind]
			switch col.Kind {
			case Sum:
				dc.Of = append([]string(nil), col.Parts...)
			case Rate:
				dc.Of = []string{col.Num, col.Den}
			default:
				dc.Of = nil
			}
		}
	}
}
