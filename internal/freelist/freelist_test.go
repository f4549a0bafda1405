package freelist

import (
	"sync"
	"testing"
)

func TestList(t *testing.T) {
	l := New[int](2)
	if _, ok := l.Get(); ok {
		t.Fatal("Get of an empty list")
	}
	l.Put(1)
	l.Put(2)
	l.Put(3) // full: dropped
	for _, want := range []int{2, 1} {
		if got, ok := l.Get(); !ok || got != want {
			t.Errorf("Get = %d, %v; want %d", got, ok, want)
		}
	}
	if _, ok := l.Get(); ok {
		t.Error("the third value was kept")
	}
}

func TestBytes(t *testing.T) {
	b := NewBytes(3, 100)
	if b.Get() != nil {
		t.Fatal("Get of an empty list")
	}
	b.Put(make([]byte, 5, 10))
	b.Put(make([]byte, 0, 200)) // over the limit
	b.Put(nil)                  // no capacity
	b.Put(make([]byte, 0, 50))
	b.Put(make([]byte, 0, 30))
	tests := []struct {
		n       int
		largest bool
		cap     int
	}{
		{20, false, 30}, // the smallest that fits
		{5, true, 50},   // the largest
		{60, false, 60}, // none fits: a new one
		{1, false, 10},
	}
	for _, tt := range tests {
		s := b.Fit(tt.n, tt.largest)
		if cap(s) != tt.cap || len(s) != 0 {
			t.Errorf("Fit(%d, %v): len %d cap %d, want 0 and %d", tt.n, tt.largest, len(s), cap(s), tt.cap)
		}
	}
}

func TestConcurrent(t *testing.T) {
	b := NewBytes(4, 1<<10)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				s := b.Fit(64, i%2 == 0)
				s = append(s, "x"...)
				b.Put(s)
			}
		}()
	}
	wg.Wait()
}
