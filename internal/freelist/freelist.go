// Package freelist keeps what a build allocates large and often (byte
// arrays, compressors) for the next document of a batch.
//
// It is not sync.Pool, which empties itself at every garbage collection:
// a batch collects many times a second, so a pooled compressor (a
// megabyte of tables) or a document's array would be made again for
// nearly every unit. A List is bounded instead, in count and, for Bytes,
// in the size of what it keeps, so a batch's memory does not grow with
// its length. What is kept never changes what is written.
package freelist

import "sync"

// List keeps at most max values. Its methods may be called at once from
// several goroutines.
type List[T any] struct {
	mu    sync.Mutex
	items []T
	max   int
}

// New returns a list that keeps at most max values.
func New[T any](max int) *List[T] { return &List[T]{max: max} }

// Get removes and returns the value put last; ok is false when the list
// is empty.
func (l *List[T]) Get() (x T, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := len(l.items)
	if n == 0 {
		return x, false
	}
	x = l.items[n-1]
	var zero T
	l.items[n-1] = zero // the list no longer holds it
	l.items = l.items[:n-1]
	return x, true
}

// Put keeps x, unless the list is full.
func (l *List[T]) Put(x T) {
	l.mu.Lock()
	if len(l.items) < l.max {
		l.items = append(l.items, x)
	}
	l.mu.Unlock()
}

// Bytes keeps byte arrays of at most a given capacity, emptied.
type Bytes struct {
	l      List[[]byte]
	maxCap int
}

// NewBytes returns a list that keeps at most max arrays of at most
// maxCap bytes each.
func NewBytes(max, maxCap int) *Bytes { return &Bytes{l: List[[]byte]{max: max}, maxCap: maxCap} }

// Get returns the array put last, empty, or nil when there is none.
func (b *Bytes) Get() []byte {
	s, _ := b.l.Get()
	return s
}

// Fit returns a kept array with room for n bytes, empty: the largest such
// one when largest is set (for a text whose length is not known yet),
// otherwise the smallest; or a new one of capacity n.
func (b *Bytes) Fit(n int, largest bool) []byte {
	l := &b.l
	l.mu.Lock()
	best := -1
	for i, s := range l.items {
		if cap(s) >= n && (best < 0 || (cap(s) > cap(l.items[best])) == largest) {
			best = i
		}
	}
	if best < 0 {
		l.mu.Unlock()
		return make([]byte, 0, n)
	}
	s := l.items[best]
	last := len(l.items) - 1
	l.items[best] = l.items[last]
	l.items[last] = nil
	l.items = l.items[:last]
	l.mu.Unlock()
	return s
}

// Put keeps s for reuse unless it has no capacity, more than the list's
// limit, or the list is full. The caller must not use s afterwards.
func (b *Bytes) Put(s []byte) {
	if cap(s) == 0 || cap(s) > b.maxCap {
		return
	}
	b.l.Put(s[:0])
}
