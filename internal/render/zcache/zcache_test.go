package zcache

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// archive writes entries (name → text, each written in chunks of chunk
// bytes) with zip.Writer, through c when c is set.
func archive(t *testing.T, c *Cache, entries [][2]string, chunk int) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	if c != nil {
		z.RegisterCompressor(zip.Deflate, c.Zip(ZipLevel))
	}
	stamp := time.Date(2025, 5, 23, 0, 0, 0, 0, time.UTC)
	for _, e := range entries {
		w, err := z.CreateHeader(&zip.FileHeader{Name: e[0], Method: zip.Deflate, Modified: stamp})
		if err != nil {
			t.Fatal(err)
		}
		for s := e[1]; len(s) > 0; {
			n := min(chunk, len(s))
			if _, err := w.Write([]byte(s[:n])); err != nil {
				t.Fatal(err)
			}
			s = s[n:]
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The archive is archive/zip's own, byte for byte, whether the cache
// misses, remembers or hits, and after it was emptied for room.
func TestZipSameBytes(t *testing.T) {
	styles := strings.Repeat(`<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body"/></w:style>`, 200)
	tests := []struct {
		name    string
		max     int
		chunk   int
		entries [][2]string
	}{
		{"shared and unique parts", 1 << 20, 4096, [][2]string{{"a.xml", styles}, {"b.xml", "<x>unit %d</x>"}, {"empty", ""}}},
		{"written byte by byte", 1 << 20, 1, [][2]string{{"a.xml", styles[:3000]}, {"b.xml", "<x>unit %d</x>"}}},
		{"a cache too small to hold anything", 64, 512, [][2]string{{"a.xml", styles}, {"b.xml", "<x>%d</x>"}}},
		{"a cache emptied for room", 40 << 10, 8192, [][2]string{{"a.xml", styles}, {"b.xml", styles + "b"}, {"c.xml", styles + "c"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(tt.max)
			for unit := 0; unit < 5; unit++ {
				entries := make([][2]string, len(tt.entries))
				for i, e := range tt.entries {
					text := e[1]
					if strings.Contains(text, "%d") {
						text = fmt.Sprintf(text, unit)
					}
					entries[i] = [2]string{e[0], text}
				}
				want := archive(t, nil, entries, tt.chunk)
				if got := archive(t, c, entries, tt.chunk); !bytes.Equal(got, want) {
					t.Fatalf("unit %d: the archive differs from archive/zip's (%d and %d bytes)", unit, len(got), len(want))
				}
			}
		})
	}
}

// Do hands out one result for one text, from any goroutine.
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

func TestBadLevel(t *testing.T) {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	z.RegisterCompressor(zip.Deflate, New(1<<20).Zip(42))
	if _, err := z.Create("a"); err == nil || !strings.Contains(err.Error(), "42") {
		// flate's own error names the level
		t.Errorf("level 42: %v", err)
	}
}
