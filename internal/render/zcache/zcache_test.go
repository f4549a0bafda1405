package zcache

import (
	"fmt"
	"sync"
	"testing"
)

func TestDoConcurrent(t *testing.T) {
	c := New(1 << 20)
	calls := 0
	var mu sync.Mutex
	compress := func(b []byte) []byte {
		mu.Lock()
		calls++
		mu.Unlock()
		return append([]byte("z:"), b...)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				text := []byte(fmt.Sprintf("page %d", i%10))
				if got := c.Do(text, compress); string(got) != "z:"+string(text) {
					t.Errorf("Do(%q) = %q", text, got)
					return
				}
			}
		}()
	}
	wg.Wait()
	if calls >= 800 {
		t.Errorf("compressed %d times for 10 texts: nothing was kept", calls)
	}
	if got := (*Cache)(nil).Do([]byte("x"), compress); string(got) != "z:x" {
		t.Errorf("nil cache: %q", got)
	}
}
