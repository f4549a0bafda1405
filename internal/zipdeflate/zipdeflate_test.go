package zipdeflate

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"baocao/internal/render/zcache"
)

// TestRoundTrip writes entries of different sizes twice and reads them
// back with archive/zip's own decompressor: the bytes must survive and the
// two archives must be identical (the compressors are reused in between).
func TestRoundTrip(t *testing.T) {
	entries := []struct{ name, text string }{
		{"empty.xml", ""},
		{"small.xml", "<a>Thành phố Sa Đéc</a>"},
		{"large.xml", strings.Repeat("<w:p><w:r><w:t>Ủy ban nhân dân huyện Thạch An</w:t></w:r></w:p>", 5000)},
	}
	write := func() []byte {
		var buf bytes.Buffer
		z := NewWriter(&buf)
		for _, e := range entries {
			f, err := z.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate})
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(f, e.text)
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a, b := write(), write()
	if !bytes.Equal(a, b) {
		t.Error("two writes of the same entries differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name != entries[i].name || string(got) != entries[i].text {
			t.Errorf("entry %d: %s, %d bytes; want %s, %d bytes", i, f.Name, len(got), entries[i].name, len(entries[i].text))
		}
	}
}

// TestCachedSameBytes: through a cache the archive is NewWriter's, byte
// for byte, whether the cache misses, remembers or hits, and after it was
// emptied for room; the entries are written in chunks, as the writers do.
func TestCachedSameBytes(t *testing.T) {
	entries := [][2]string{
		{"word/styles.xml", strings.Repeat("<w:style w:styleId=\"Heading1\"/>", 300)},
		{"word/document.xml", strings.Repeat("<w:p><w:r><w:t>Ủy ban nhân dân phường Tân Mỹ</w:t></w:r></w:p>", 2000)},
		{"empty.xml", ""},
	}
	write := func(c *zcache.Cache, chunk int) []byte {
		var buf bytes.Buffer
		z := NewWriter(&buf)
		if c != nil {
			z = NewCachedWriter(&buf, c)
		}
		for _, e := range entries {
			f, err := z.CreateHeader(&zip.FileHeader{Name: e[0], Method: zip.Deflate})
			if err != nil {
				t.Fatal(err)
			}
			for s := e[1]; len(s) > 0; {
				n := min(chunk, len(s))
				io.WriteString(f, s[:n])
				s = s[n:]
			}
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	want := write(nil, 1<<20)
	for _, c := range []*zcache.Cache{zcache.New(64 << 20), zcache.New(40 << 10)} {
		for round := range 4 {
			for _, chunk := range []int{7, 4096} {
				if got := write(c, chunk); !bytes.Equal(got, want) {
					t.Fatalf("round %d, chunks of %d: the cached archive differs from NewWriter's", round, chunk)
				}
			}
		}
	}
}

func TestHeader(t *testing.T) {
	ict := time.FixedZone("ICT", 7*3600)
	for _, tt := range []struct {
		t    time.Time
		want time.Time
	}{
		{time.Time{}, epoch},
		{time.Date(1979, 12, 31, 0, 0, 0, 0, time.UTC), epoch},
		{time.Date(2025, 5, 23, 0, 0, 0, 0, ict), time.Date(2025, 5, 22, 17, 0, 0, 0, time.UTC)},
	} {
		h := Header("word/document.xml", tt.t)
		if h.Name != "word/document.xml" || h.Method != zip.Deflate || !h.Modified.Equal(tt.want) || h.Modified.Location() != time.UTC {
			t.Errorf("Header(%v) = %q, method %d, %v; want deflated, %v UTC", tt.t, h.Name, h.Method, h.Modified, tt.want)
		}
	}
}
