package build

import (
	"runtime"
	"sync"

	"baocao/internal/dataset"
	"baocao/internal/gcpace"
	"baocao/internal/msg"
	"baocao/internal/safename"
)

// Each splits a job into one job per row of the table sheet: a workbook
// that holds several units (one row per xã, phường) gives one report per
// unit. The row's cells override the facts whose keys are the column
// names (ten_don_vi, so_van_ban, nguoi_ky, any figure), so one template
// serves every unit. Output names come from the row keys, made safe for
// every file system and unique.
func (j *Job) Each(sheet string) ([]*Job, error) {
	t, err := j.Data.Table(sheet)
	if err != nil {
		return nil, err
	}
	if len(t.Rows) == 0 {
		return nil, msg.Errorf("sheet %q has no rows: nothing to build", t.Sheet)
	}
	keys := make([]string, len(t.Rows))
	for i, r := range t.Rows {
		keys[i] = safename.Name(r.Key)
	}
	names := safename.Unique(keys)
	// The units share the workbook's tables; what the contract says of
	// their columns is written into them here, once, so that the units,
	// built at once, only read them.
	j.Contract.Apply(j.Data)
	var out []*Job
	for i, r := range t.Rows {
		over := map[string]dataset.Value{}
		for k, c := range t.Columns {
			if r.Cells[k].Kind != dataset.Empty {
				over[c.Name] = r.Cells[k]
			}
		}
		unit := *j
		unit.built, unit.buildErr = nil, nil
		unit.Name = names[i]
		unit.Data = j.Data.WithFacts(over)
		unit.Inputs = map[string]string{}
		for k, v := range j.Inputs {
			unit.Inputs[k] = v
		}
		// A unit's own row is part of its input, so that the manifest
		// of one unit does not vouch for another's.
		var parts [][]byte
		for k, c := range t.Columns {
			parts = append(parts, []byte(c.Name), []byte(r.Cells[k].String()))
		}
		unit.Inputs["unit:"+r.Key] = Hash(parts...)
		out = append(out, &unit)
	}
	return out, nil
}

// RunAll builds jobs (the units of Each) on workers goroutines (the
// number of cores when workers < 1), calling done, from one goroutine at a
// time, as each finishes, in the order they finish. A failing job does not
// stop the others. Each worker holds one report in memory at a time, so
// the batch's memory does not grow with its length.
func RunAll(jobs []*Job, workers int, done func(i int, res *Result, err error)) {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(jobs))
	// The collector runs half as often while the batch runs (gcpace.Batch
	// says why).
	defer gcpace.Batch()()
	work := make(chan int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				res, err := jobs[i].Run()
				mu.Lock()
				done(i, res, err)
				mu.Unlock()
			}
		}()
	}
	for i := range jobs {
		work <- i
	}
	close(work)
	wg.Wait()
}
