package build

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync"

	"baocao/internal/dataset"
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
	defer batchGC()()
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

// batchGCPercent is the collector's target while a batch runs. A report
// allocates about 13 MB, nearly all of it garbage once its files are
// written, while what stays live (the workbook, the template, the fonts
// and the caches of the writers, the reports in progress) is some 45 MB:
// at the default target of 100 the collector ran every two reports and
// took a tenth of a batch's time to mark the same live memory again and
// again. At 200 it runs half as often, for some 45 MB more at the peak,
// whatever the length of the batch.
const batchGCPercent = 200

var gcState struct {
	sync.Mutex
	batches int // batches running
	prev    int // the target before the first of them
}

// batchGC raises the collector's target for a batch and returns what puts
// it back once the last batch running has ended. A target set with GOGC is
// the user's and left alone.
func batchGC() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	gcState.Lock()
	if gcState.batches == 0 {
		gcState.prev = debug.SetGCPercent(batchGCPercent)
	}
	gcState.batches++
	gcState.Unlock()
	return func() {
		gcState.Lock()
		gcState.batches--
		if gcState.batches == 0 {
			debug.SetGCPercent(gcState.prev)
		}
		gcState.Unlock()
	}
}
