// Package consolidate builds the dataset of a consolidating report (báo
// cáo tổng hợp) from the workbooks of many units: a province compiles the
// reports of its xã, phường and đặc khu, a sở those of its units.
//
// Each unit's workbook is read and checked as its own report would be
// (the unit template's contract and checks: the caller's Check), in
// parallel. A unit that fails is either left out and listed as missing,
// or stops the consolidation, as the consolidating template says; two
// workbooks of the same unit are an error naming both files. The units
// that pass are aggregated with their column kinds:
//
//   - the table Units (one row per unit, in the order of their names)
//     holds, for each declared column, the unit's fact or chỉ tiêu;
//   - every unit table named in Tables is added up across units, row by
//     row (the same periods in each unit): counts are summed, flows and
//     stocks alike, since the province's files carried in are the sum of
//     its units'; a rate column keeps its kind and is recomputed from the
//     summed parts by Table.Total, never averaged;
//   - Missing lists the units left out, with the reason.
//
// Ranks (with ties ranked alike, "đồng hạng") are computed by Rank.
package consolidate

import (
	"runtime"
	"sort"
	"strings"
	"sync"

	"baocao/internal/check"
	"baocao/internal/dataset"
	"baocao/internal/msg"
)

// Input is one unit's workbook.
type Input struct {
	File string // its name, for messages
	Read func() (*dataset.Dataset, error)
}

// Spec says how to consolidate.
type Spec struct {
	// NameFact is the fact that names a unit (ten_don_vi).
	NameFact string
	// Columns of the Units table: a header and the unit's fact or chỉ
	// tiêu it takes (From), with its kind.
	Columns []Column
	// Tables are unit tables added up across units, row by row.
	Tables []string
	// StopOnError: a unit that fails its checks stops the consolidation;
	// otherwise it is left out and listed in Missing.
	StopOnError bool
	// Check checks a unit's dataset as the unit template would.
	Check func(*dataset.Dataset) []check.Finding
	// Workers bounds the parallel reads; 0 means the number of CPUs.
	Workers int
	// RankBy, when set, adds a column "Xếp hạng" to the Units table: the
	// rank of each unit by that column, highest first, ties alike.
	RankBy string
}

// RankColumn is the column RankBy adds.
const RankColumn = "Xếp hạng"

// Column is a column of the Units table.
type Column struct {
	Name string
	From string // a fact key or a chỉ tiêu name of the unit
	Agg  dataset.Aggregate
	Of   []string // for SumOf and Ratio: the Units columns it combines
}

// Unit is one unit as read and checked.
type Unit struct {
	File     string
	Name     string
	Data     *dataset.Dataset
	Findings []check.Finding
	// Err says why the unit is left out (a reading error, or its failed
	// checks); nil for a unit that is in.
	Err error
}

// Result is the consolidated data.
type Result struct {
	Units   []*Unit // every unit, in name order (those left out too)
	Data    *dataset.Dataset
	Missing []*Unit // the units left out
}

// UnitsSheet and MissingSheet name the tables the consolidation adds.
const (
	UnitsSheet   = "Đơn vị"
	MissingSheet = "Đơn vị chưa tổng hợp"
)

// Run reads, checks and aggregates the inputs into base (the
// consolidating report's own facts: its number, date, signer), which is
// not modified: the result is a new dataset.
func Run(base *dataset.Dataset, inputs []Input, spec Spec) (*Result, error) {
	if len(inputs) == 0 {
		return nil, msg.Errorf("no unit workbook to consolidate")
	}
	units := make([]*Unit, len(inputs))
	n := spec.Workers
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	work := make(chan int)
	for w := 0; w < n; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				units[i] = readUnit(inputs[i], spec)
			}
		}()
	}
	for i := range inputs {
		work <- i
	}
	close(work)
	wg.Wait()

	// Two workbooks of one unit: an error naming both, whatever else.
	byName := map[string]*Unit{}
	for _, u := range units {
		if u.Name == "" {
			continue
		}
		k := dataset.FoldKey(u.Name)
		if o, dup := byName[k]; dup {
			return nil, msg.Errorf("%s and %s are both the workbook of %s; keep one", o.File, u.File, u.Name)
		}
		byName[k] = u
	}
	sort.SliceStable(units, func(i, j int) bool { return unitKey(units[i]) < unitKey(units[j]) })
	res := &Result{Units: units}
	var in []*Unit
	for _, u := range units {
		if u.Err != nil {
			if spec.StopOnError {
				return res, msg.Errorf("unit %s: %w", unitLabel(u), u.Err)
			}
			res.Missing = append(res.Missing, u)
			continue
		}
		in = append(in, u)
	}
	if len(in) == 0 {
		return res, msg.Errorf("none of the %d unit workbooks can be consolidated (the first: %s: %v)", len(units), unitLabel(units[0]), units[0].Err)
	}
	d, err := aggregate(base, in, res.Missing, spec)
	if err != nil {
		return res, err
	}
	res.Data = d
	return res, nil
}

func unitKey(u *Unit) string {
	if u.Name != "" {
		return dataset.FoldKey(u.Name) + "\x00" + u.File
	}
	return "\xff" + u.File
}

func unitLabel(u *Unit) string {
	if u.Name != "" {
		return u.Name + " (" + u.File + ")"
	}
	return u.File
}

func readUnit(in Input, spec Spec) *Unit {
	u := &Unit{File: in.File}
	ds, err := in.Read()
	if err != nil {
		u.Err = err
		return u
	}
	u.Data = ds
	if v, err := ds.Fact(spec.NameFact); err == nil {
		u.Name = strings.TrimSpace(v.String())
	}
	if u.Name == "" {
		u.Err = msg.Errorf("%s: the fact %s (the unit's name) is missing or blank", in.File, spec.NameFact)
		return u
	}
	if spec.Check != nil {
		u.Findings = spec.Check(ds)
		if check.HasErrors(u.Findings) {
			var first check.Finding
			n := 0
			for _, f := range u.Findings {
				if f.Severity == check.Error {
					if n == 0 {
						first = f
					}
					n++
				}
			}
			u.Err = msg.Errorf("fails %d check(s), the first: %s", n, first)
		}
	}
	return u
}

// figure is a unit's fact or chỉ tiêu as a number.
func figure(ds *dataset.Dataset, name string) (dataset.Value, error) {
	if d, ok := ds.Derived[name]; ok {
		if d.Err != nil {
			return dataset.Value{}, d.Err
		}
		return dataset.Value{Kind: dataset.NumberKind, Num: d.Value}, nil
	}
	return ds.Fact(name)
}

func aggregate(base *dataset.Dataset, units, missing []*Unit, spec Spec) (*dataset.Dataset, error) {
	out := &dataset.Dataset{Source: "", Trees: map[string]*dataset.Tree{}, Tables: map[string]*dataset.Table{}}
	if base != nil {
		c := *base.WithFacts(nil)
		out = &c
		out.Tables = map[string]*dataset.Table{}
		for k, t := range base.Tables {
			out.Tables[k] = t
		}
	}
	// One row per unit.
	columns := spec.Columns
	if spec.RankBy != "" {
		columns = append(append([]Column(nil), columns...), Column{Name: RankColumn, Agg: dataset.NoTotal})
	}
	cols := make([][]string, len(columns))
	for i, c := range columns {
		cols[i] = strings.Split(c.Name, " / ")
	}
	ut := dataset.NewTable(UnitsSheet, "Đơn vị", cols, make([]dataset.Loc, len(cols)))
	for i, c := range columns {
		ut.Columns[i].Agg, ut.Columns[i].Of = c.Agg, c.Of
	}
	for _, u := range units {
		cells := make([]dataset.Value, len(columns))
		for i, c := range spec.Columns {
			if c.From == "" {
				continue // derived from other columns of the row (a rate)
			}
			v, err := figure(u.Data, c.From)
			if err != nil {
				return nil, msg.Errorf("unit %s, column %q: %w", unitLabel(u), c.Name, err)
			}
			cells[i] = v
		}
		for i, c := range spec.Columns {
			if c.Agg == dataset.Ratio && c.From == "" && len(c.Of) == 2 {
				cells[i] = ratioCell(ut, cells, c.Of)
			}
		}
		if _, err := ut.AddRow(u.Name, dataset.Loc{File: u.File}, cells); err != nil {
			return nil, err
		}
	}
	if spec.RankBy != "" {
		ranks, err := Rank(ut, spec.RankBy, false)
		if err != nil {
			return nil, err
		}
		for _, r := range ut.Rows {
			if n, ok := ranks[r.Key]; ok {
				r.Set(RankColumn, dataset.Value{Kind: dataset.NumberKind, Num: float64(n)})
			}
		}
	}
	out.Tables[UnitsSheet] = ut
	// Unit tables added up across units.
	for _, name := range spec.Tables {
		t, err := sumTables(name, units)
		if err != nil {
			return nil, err
		}
		out.Tables[t.Sheet] = t
	}
	// The units left out, with why: in Vietnamese whatever the run's
	// language, since the reason is printed in the report.
	mt := dataset.NewTable(MissingSheet, "Tệp", [][]string{{"Đơn vị"}, {"Lý do"}}, make([]dataset.Loc, 2))
	mt.Columns[0].Agg, mt.Columns[1].Agg = dataset.NoTotal, dataset.NoTotal
	for _, u := range missing {
		mt.AddRow(u.File, dataset.Loc{File: u.File}, []dataset.Value{
			{Kind: dataset.TextKind, Text: u.Name}, {Kind: dataset.TextKind, Text: msg.Local(msg.Vietnamese, u.Err)}})
	}
	out.Tables[MissingSheet] = mt
	return out, nil
}

func ratioCell(t *dataset.Table, cells []dataset.Value, of []string) dataset.Value {
	idx := func(name string) int {
		for i, c := range t.Columns {
			if dataset.FoldKey(c.Name) == dataset.FoldKey(name) {
				return i
			}
		}
		return -1
	}
	a, b := idx(of[0]), idx(of[1])
	if a < 0 || b < 0 || cells[a].Kind != dataset.NumberKind || cells[b].Kind != dataset.NumberKind || cells[b].Num == 0 {
		return dataset.Value{}
	}
	return dataset.Value{Kind: dataset.NumberKind, Num: cells[a].Num / cells[b].Num * 100}
}

// sumTables adds a unit table up across units, row by row: each unit must
// have the same rows (periods) and columns as the first.
func sumTables(name string, units []*Unit) (*dataset.Table, error) {
	first, err := units[0].Data.Table(name)
	if err != nil {
		return nil, msg.Errorf("unit %s: %w", unitLabel(units[0]), err)
	}
	cols := make([][]string, len(first.Columns))
	for i, c := range first.Columns {
		cols[i] = c.Parts
	}
	t := dataset.NewTable(first.Sheet, first.Key, cols, make([]dataset.Loc, len(cols)))
	for i, c := range first.Columns {
		t.Columns[i].Agg, t.Columns[i].Of = c.Agg, c.Of
	}
	sums := make([][]dataset.Value, len(first.Rows))
	for r := range first.Rows {
		sums[r] = make([]dataset.Value, len(first.Columns))
	}
	for _, u := range units {
		ut, err := u.Data.Table(name)
		if err != nil {
			return nil, msg.Errorf("unit %s: %w", unitLabel(u), err)
		}
		if len(ut.Rows) != len(first.Rows) {
			return nil, msg.Errorf("unit %s: sheet %q has %d rows, %s has %d; every unit reports the same periods", unitLabel(u), name, len(ut.Rows), unitLabel(units[0]), len(first.Rows))
		}
		for r, row := range first.Rows {
			if dataset.FoldKey(ut.Rows[r].Key) != dataset.FoldKey(row.Key) {
				return nil, dataset.Errorf(ut.Rows[r].Loc, "unit %s: row %q where %s has %q; every unit reports the same periods in the same order", unitLabel(u), ut.Rows[r].Key, unitLabel(units[0]), row.Key)
			}
			for c, col := range first.Columns {
				if col.Agg == dataset.NoTotal || col.Agg == dataset.Ratio {
					continue
				}
				x, err := ut.Rows[r].NumOrZero(col.Name)
				if err != nil {
					return nil, msg.Errorf("unit %s: %w", unitLabel(u), err)
				}
				s := &sums[r][c]
				s.Kind, s.Num = dataset.NumberKind, s.Num+x
			}
		}
	}
	for r, row := range first.Rows {
		if _, err := t.AddRow(row.Key, dataset.Loc{}, sums[r]); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// Rank ranks the units of the Units table by a column, highest first
// (lowest first with ascending): units with the same figure share a rank,
// as "đồng hạng", and the next rank skips as many (1, 2, 2, 4). A unit
// without the figure is not ranked (0).
func Rank(t *dataset.Table, column string, ascending bool) (map[string]int, error) {
	type entry struct {
		key string
		v   float64
	}
	var es []entry
	for _, r := range t.Rows {
		v, err := r.Get(column)
		if err != nil {
			return nil, err
		}
		if v.Kind != dataset.NumberKind {
			continue
		}
		es = append(es, entry{r.Key, v.Num})
	}
	sort.SliceStable(es, func(i, j int) bool {
		if dataset.Near(es[i].v, es[j].v) {
			return false
		}
		if ascending {
			return es[i].v < es[j].v
		}
		return es[i].v > es[j].v
	})
	out := map[string]int{}
	for i, e := range es {
		if i > 0 && dataset.Near(e.v, es[i-1].v) {
			out[e.key] = out[es[i-1].key]
			continue
		}
		out[e.key] = i + 1
	}
	return out, nil
}
