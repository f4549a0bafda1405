// Package zcache compresses once what a batch compresses again and again.
// It holds results, not compressors: the zip writers of the DOCX and XLSX
// (internal/zipdeflate) and the PDF's page streams pass their own.
//
// The reports of a batch (build --each, one per unit) share most of their
// parts: a DOCX's styles, settings and headers, an appendix workbook's
// theme and styles, the PDF pages that do not name the unit. Compressing
// them is much of writing them, and the result depends on the bytes
// alone, so a Cache keeps the compressed form of a text it has seen twice
// and hands it out again: the output is the same bytes, whatever the
// cache holds. A text seen once costs only a hash, so the parts that
// differ from unit to unit (the document body) neither fill the cache nor
// push the shared ones out of it.
package zcache

import (
	"hash/maphash"
	"slices"
	"sync"
)

// maxSeen bounds the hashes of texts compressed once.
const maxSeen = 1 << 14

// A Cache maps texts to their compressed form, for one compressor (a
// compressor and a level give one output for a text; another gives
// another). Its methods may be called at once from several goroutines.
type Cache struct {
	mu    sync.Mutex
	seed  maphash.Seed
	seen  map[uint64]struct{}
	done  map[string][]byte
	bytes int // texts and results held in done
	max   int
}

// New returns a cache holding at most max bytes of texts and results;
// when full, it starts again empty.
func New(max int) *Cache {
	return &Cache{seed: maphash.MakeSeed(), seen: map[uint64]struct{}{}, done: map[string][]byte{}, max: max}
}

// Do returns compress(src), computing it only when src was not compressed
// twice before. compress must give the same bytes for the same text; the
// result is shared and must not be changed. A nil Cache just compresses.
func (c *Cache) Do(src []byte, compress func([]byte) []byte) []byte {
	if c == nil || len(src) > c.max/4 {
		return compress(src)
	}
	h := maphash.Bytes(c.seed, src)
	c.mu.Lock()
	if out, ok := c.done[string(src)]; ok {
		c.mu.Unlock()
		return out
	}
	_, again := c.seen[h]
	if !again {
		if len(c.seen) >= maxSeen {
			clear(c.seen)
		}
		c.seen[h] = struct{}{}
	}
	c.mu.Unlock()
	out := compress(src)
	if !again {
		return out
	}
	out = slices.Clone(out)
	c.mu.Lock()
	if c.bytes+len(src)+len(out) > c.max {
		clear(c.done)
		c.bytes = 0
	}
	if _, ok := c.done[string(src)]; !ok {
		c.done[string(src)] = out
		c.bytes += len(src) + len(out)
	}
	c.mu.Unlock()
	return out
}
