package gcpace

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// watch replaces the runtime's setters for the test and returns the last
// target and limit set.
func watch(t *testing.T, user bool) (percent, limit *int64) {
	t.Helper()
	p, l := int64(-999), int64(-999)
	sp, sl, us := setPercent, setLimit, userSet
	setPercent = func(v int) int { old := p; p = int64(v); return int(old) }
	setLimit = func(v int64) int64 { old := l; l = v; return old }
	userSet = func() bool { return user }
	t.Cleanup(func() {
		setPercent, setLimit, userSet = sp, sl, us
		state.Lock()
		state.short, state.batches = false, 0
		state.Unlock()
	})
	return &p, &l
}

// collected runs collections until the short run's budget has ended, as
// the sentinel's cleanup ends it.
func collected(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		runtime.GC()
		state.Lock()
		short := state.short
		state.Unlock()
		if !short {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("the first collection did not end the short run's budget")
}

func TestShortRun(t *testing.T) {
	p, l := watch(t, false)
	ShortRun()
	if *p != -1 || *l != Budget {
		t.Fatalf("short run: target %d, limit %d; want -1 (off) and %d", *p, *l, Budget)
	}
	collected(t)
	if *p != defaultPercent || *l != math.MaxInt64 {
		t.Errorf("after the first collection: target %d, limit %d; want %d and no limit", *p, *l, defaultPercent)
	}
}

func TestBatchDuringShortRun(t *testing.T) {
	p, l := watch(t, false)
	ShortRun()
	restore := Batch()
	if *p != BatchPercent || *l != math.MaxInt64 {
		t.Fatalf("batch: target %d, limit %d; want %d and no limit", *p, *l, BatchPercent)
	}
	inner := Batch()
	inner()
	inner() // twice: counts once
	if *p != BatchPercent {
		t.Fatalf("after an inner batch ended: target %d, want %d while the outer one runs", *p, BatchPercent)
	}
	restore()
	if *p != -1 || *l != Budget {
		t.Fatalf("after the batch, before any collection: target %d, limit %d; want the short run's -1 and %d", *p, *l, Budget)
	}
	collected(t)
	if *p != defaultPercent || *l != math.MaxInt64 {
		t.Errorf("after the first collection: target %d, limit %d; want %d and no limit", *p, *l, defaultPercent)
	}
}

func TestBatchAlone(t *testing.T) {
	p, _ := watch(t, false)
	restore := Batch()
	if *p != BatchPercent {
		t.Fatalf("batch: target %d, want %d", *p, BatchPercent)
	}
	restore()
	if *p != defaultPercent {
		t.Errorf("after the batch: target %d, want %d", *p, defaultPercent)
	}
}

func TestUserSetting(t *testing.T) {
	p, l := watch(t, true)
	ShortRun()
	Batch()()
	if *p != -999 || *l != -999 {
		t.Errorf("with GOGC or GOMEMLIMIT set, the target became %d and the limit %d; want them left alone", *p, *l)
	}
}

// TestRuntime runs the real setters: a short run turns the collector off
// under a limit, and the first collection puts Go's default back.
func TestRuntime(t *testing.T) {
	if userSet() {
		t.Skip("GOGC or GOMEMLIMIT is set: the package leaves the collector alone")
	}
	defer debug.SetGCPercent(debug.SetGCPercent(defaultPercent))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	ShortRun()
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("target in a short run: %d, want -1", got)
	}
	if got := debug.SetMemoryLimit(-1); got != Budget {
		t.Errorf("limit in a short run: %d, want %d", got, Budget)
	}
	collected(t)
	if got := debug.SetGCPercent(-1); got != defaultPercent {
		t.Errorf("target after the first collection: %d, want %d", got, defaultPercent)
	}
	debug.SetGCPercent(defaultPercent)
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit after the first collection: %d, want none", got)
	}
}
