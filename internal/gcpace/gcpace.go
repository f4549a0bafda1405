// Package gcpace owns the garbage collector's target for the program's
// runs: the one setting that two kinds of run want differently, kept in
// one place so that they cannot undo each other.
//
// A short run (one report, a validation) allocates some 25 MB from start
// to exit and keeps a third of it live, so at Go's default target the
// collector ran five times in a 50 ms build of Thạch An, marking the same
// fonts, template and model each time: a sixth of the run's CPU, for
// memory the exit gives back anyway. ShortRun therefore lets such a run
// allocate up to Budget before the first collection; a run that needs more
// is collected at Budget and from then on at the usual target, so memory
// stays bounded whatever the input.
//
// A batch keeps some 45 MB live (the workbook, the template, the fonts,
// the writers' caches, the reports in progress) while each report makes
// about 13 MB of garbage: Batch raises the target to BatchPercent while a
// batch runs, so the collector marks that live memory half as often.
//
// A target or limit the user set with GOGC or GOMEMLIMIT is theirs: then
// this package changes nothing.
package gcpace

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
)

const (
	// Budget is the memory (as the runtime counts it: heap, stacks and
	// their metadata) a short run may reach before its first collection.
	// Thạch An's set, the largest sample, needs 24–28 MiB with no
	// collection at all, and its peak resident size stays under 28 MiB:
	// the binary's own pages are the rest.
	Budget = 32 << 20
	// BatchPercent is the target while a batch runs.
	BatchPercent = 200
	// defaultPercent is Go's own target, GOGC=100.
	defaultPercent = 100
)

// The runtime's setters; a test watches them.
var (
	setPercent = debug.SetGCPercent
	setLimit   = debug.SetMemoryLimit
	userSet    = func() bool { return os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" }
)

var state struct {
	sync.Mutex
	short   bool // a short run before its first collection
	batches int  // batches running
}

// apply sets the runtime's target and limit from state; the caller holds
// its lock.
func apply() {
	percent, limit := defaultPercent, int64(math.MaxInt64)
	switch {
	case state.batches > 0:
		percent = BatchPercent
	case state.short:
		percent, limit = -1, Budget
	}
	setPercent(percent)
	setLimit(limit)
}

// sentinel is an object nothing points to: the first collection after
// ShortRun finds it unreachable and runs its cleanup, which ends the
// short run's budget. It has a pointer and more than 16 bytes so that it
// is not allocated in a tiny block with other objects, which would delay
// its cleanup.
type sentinel struct {
	_ [4]*int
}

// ShortRun starts a run of one command: no collection until the run's
// memory reaches Budget, the usual target after the first one.
func ShortRun() {
	if userSet() {
		return
	}
	state.Lock()
	state.short = true
	apply()
	state.Unlock()
	runtime.AddCleanup(new(sentinel), func(struct{}) {
		state.Lock()
		state.short = false
		apply()
		state.Unlock()
	}, struct{}{})
}

// Batch raises the target for a batch and returns what puts it back once
// the last batch running has ended.
func Batch() (restore func()) {
	if userSet() {
		return func() {}
	}
	state.Lock()
	state.batches++
	apply()
	state.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			state.Lock()
			state.batches--
			apply()
			state.Unlock()
		})
	}
}
