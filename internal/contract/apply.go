package contract

import (
	"slices"

	"baocao/internal/check"
	"baocao/internal/consolidate"
	"baocao/internal/dataset"
	"baocao/internal/figures"
	"baocao/internal/msg"
)

var aggregates = map[string]dataset.Aggregate{
	Flow: dataset.Flow, Opening: dataset.First, Closing: dataset.Last, Sum: dataset.SumOf, Rate: dataset.Ratio, Label: dataset.NoTotal,
}

// Apply gives the tables of ds the column kinds the contract declares, so
// that every total over rows (Table.Total: the body, the footnotes, the
// appendix total rows, the checks) follows them. Columns of the workbook
// that the contract does not name stay flows. Apply may run again on the
// same dataset. Then it computes the chỉ tiêu into ds.Derived, in the
// order of the file; the errors are those that could not be computed,
// each naming the chỉ tiêu and its formula.
func (c *Contract) Apply(ds *dataset.Dataset) []error {
	if c == nil {
		return nil
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
			agg := aggregates[col.Kind]
			var of []string
			switch col.Kind {
			case Sum:
				of = col.Parts
			case Rate:
				of = []string{col.Num, col.Den}
			}
			// The units of a batch share their tables (Dataset.WithFacts)
			// and are built at once: a table that already says how its
			// columns add up is only read, never written again.
			if dc.Agg != agg || !slices.Equal(dc.Of, of) {
				dc.Agg, dc.Of = agg, slices.Clone(of)
			}
		}
	}
	var errs []error
	ds.Derived = map[string]dataset.Derived{}
	env := figures.Of(ds)
	for _, d := range c.Derived {
		v, err := d.expr.Eval(env)
		ds.Derived[d.Name] = dataset.Derived{Name: d.Name, Formula: d.Formula, Description: d.Description, Value: v, Err: err}
		if err != nil {
			errs = append(errs, msg.Errorf("%s:%d: chỉ tiêu %s cannot be computed from this workbook: %w", c.file, d.line, d.Name, err))
		}
	}
	return errs
}

// Spec is the consolidation of the contract for package consolidate, with
// the unit template's check; nil when the template does not consolidate.
func (c *Contract) Spec(checkUnit func(*dataset.Dataset) []check.Finding) *consolidate.Spec {
	if c == nil || c.Consolidation == nil {
		return nil
	}
	ct := c.Consolidation
	s := &consolidate.Spec{NameFact: ct.NameFact, Tables: ct.Tables, StopOnError: ct.OnError == "dung", Check: checkUnit, RankBy: ct.RankBy}
	for _, col := range ct.Columns {
		uc := consolidate.Column{Name: col.Name, From: col.From, Agg: aggregates[col.Kind]}
		if col.Kind == "" {
			uc.Agg = dataset.Flow
		}
		if col.Kind == Rate {
			uc.Of = []string{col.Num, col.Den}
		}
		s.Columns = append(s.Columns, uc)
	}
	return s
}
