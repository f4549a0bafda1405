// Package zcache compresses once what a batch compresses again and again.
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
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/maphash"
	"io"
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

// Zip is a compressor for zip.Writer.RegisterCompressor that deflates
// each entry at level through c. With archive/zip's own level (5, what
// zip.Deflate uses unless told otherwise) the archive is byte for byte
// the one zip.Writer writes without it.
func (c *Cache) Zip(level int) zip.Compressor {
	pool := flatePool(level)
	return func(w io.Writer) (io.WriteCloser, error) {
		if pool.err != nil {
			return nil, pool.err // flate's own: not a level
		}
		return &entry{c: c, pool: pool, w: w}, nil
	}
}

// ZipLevel is the level archive/zip deflates at.
const ZipLevel = 5

// entry gathers one zip entry, whose text must be whole to be looked up.
type entry struct {
	c    *Cache
	pool *writers
	w    io.Writer
	buf  bytes.Buffer
}

func (e *entry) Write(p []byte) (int, error) { return e.buf.Write(p) }

func (e *entry) Close() error {
	out := e.c.Do(e.buf.Bytes(), e.pool.deflate)
	_, err := e.w.Write(out)
	return err
}

// writers is a free list of flate writers of one level. A flate writer
// allocates about 1 MB of tables; archive/zip keeps its own in a
// sync.Pool, which every garbage collection empties, and a batch collects
// often.
type writers struct {
	mu    sync.Mutex
	level int
	free  []*flate.Writer
	err   error // the level is not one flate knows
}

var (
	poolsMu sync.Mutex
	pools   = map[int]*writers{}
)

func flatePool(level int) *writers {
	poolsMu.Lock()
	defer poolsMu.Unlock()
	p := pools[level]
	if p == nil {
		// The first writer checks the level, and is kept.
		p = &writers{level: level}
		fw, err := flate.NewWriter(io.Discard, level)
		if err != nil {
			p.err = err
		} else {
			p.free = append(p.free, fw)
		}
		pools[level] = p
	}
	return p
}

func (p *writers) deflate(src []byte) []byte {
	p.mu.Lock()
	var fw *flate.Writer
	if n := len(p.free); n > 0 {
		fw, p.free = p.free[n-1], p.free[:n-1]
	}
	p.mu.Unlock()
	var dst bytes.Buffer
	dst.Grow(len(src)/4 + 64)
	if fw == nil {
		fw, _ = flate.NewWriter(&dst, p.level) // flatePool checked the level
	} else {
		fw.Reset(&dst)
	}
	fw.Write(src) // writes to a bytes.Buffer cannot fail
	fw.Close()
	p.mu.Lock()
	if len(p.free) < 8 {
		p.free = append(p.free, fw)
	}
	p.mu.Unlock()
	return dst.Bytes()
}
