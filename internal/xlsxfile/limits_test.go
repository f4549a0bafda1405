package xlsxfile

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"
)

// bounded runs f under a memory limit and fails when f allocates more
// than max bytes or runs longer than a few seconds: a hostile input must
// end with an error, early, never by exhausting memory.
func bounded(t *testing.T, max uint64, f func() error) error {
	t.Helper()
	old := debug.SetMemoryLimit(512 << 20)
	defer debug.SetMemoryLimit(old)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before := ms.TotalAlloc
	done := make(chan error, 1)
	go func() { done <- f() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("still reading after 20 s")
	}
	runtime.ReadMemStats(&ms)
	if got := ms.TotalAlloc - before; got > max {
		t.Errorf("allocated %d MB, more than %d MB", got>>20, max>>20)
	}
	return err
}

func limitName(err error) string {
	var le *LimitError
	if errors.As(err, &le) {
		return le.Name
	}
	return ""
}

// bomb is a package whose sheet unpacks to n bytes of spaces inside
// sheetData (a few hundred kilobytes of zip for hundreds of megabytes).
func bomb(t *testing.T, n int) []byte {
	t.Helper()
	p := book("", "")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range p {
		if name == "xl/worksheets/sheet1.xml" {
			continue
		}
		w, _ := zw.Create(name)
		w.Write([]byte(content))
	}
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(`<worksheet ` + ns + `><sheetData>`))
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < n>>20; i++ {
		w.Write(chunk)
	}
	w.Write([]byte(`</sheetData></worksheet>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestLimits(t *testing.T) {
	small := DefaultLimits
	small.Rows, small.Columns, small.Cells, small.CellText, small.Merges = 100, 10, 50, 20, 3
	tests := []struct {
		name string
		p    pkg
		lim  Limits
		want string // the limit's name
		text string // in the message
	}{
		{"rows", book(`<row r="101"><c r="A101"><v>1</v></c></row>`, ""), small, "rows", `cell A101: the row number of this cell (the last with a value) is 101, more than the limit of 100`},
		{"the last row of Excel", book(`<row r="1048576"><c r="A1048576"><v>1</v></c></row>`, ""), DefaultLimits, "rows", "is 1.048.576, more than the limit of 200.000"},
		{"columns", book(`<row r="1"><c r="K1"><v>1</v></c></row>`, ""), small, "columns", "cell K1: the column number of this cell is 11, more than the limit of 10"},
		{"a value in the last column", book(`<row r="1"><c r="XFD1"><v>1</v></c></row>`, ""), DefaultLimits, "columns", "is 16.384, more than the limit of 1.024"},
		{"used area", book(`<row r="1"><c r="J1"><v>1</v></c></row><row r="9"><c r="A9"><v>1</v></c></row>`, ""), small, "cells", "the used area A1:J9 in cells is 90, more than the limit of 50"},
		{"cell text", book(`<row r="1"><c r="A1" t="inlineStr"><is><t>`+strings.Repeat("ạ", 21)+`</t></is></c></row>`, ""), small, "text", "cell A1: the cell's text in characters is 21, more than the limit of 20; Excel itself holds at most 32.767"},
		{"shared text", book(`<row r="1"><c r="A2" t="s"><v>0</v></c></row>`, "").with("xl/sharedStrings.xml", `<sst `+ns+`><si><t>`+strings.Repeat("x", 21)+`</t></si></sst>`), small, "text", "cell A2: the cell's text"},
		{"merges", book(`<row r="1"><c r="A1"><v>1</v></c></row>`, `<mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="A2:B2"/><mergeCell ref="A3:B3"/><mergeCell ref="A4:B4"/></mergeCells>`), small, "merges", "the number of merged ranges is 4, more than the limit of 3"},
		{"merged area", book(`<row r="1"><c r="A1"><v>1</v></c></row>`, `<mergeCells><mergeCell ref="F100:XFD1048576"/></mergeCells>`), DefaultLimits, "merge-area", "the merged range F100:XFD1048576 in cells is 17.173.004.783, more than the limit of 10.000.000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.p.bytes(t)
			err := bounded(t, 20<<20, func() error {
				b, err := Parse(data, tt.lim)
				if err == nil {
					_, err = b.Sheet(0)
				}
				return err
			})
			if limitName(err) != tt.want || !strings.Contains(err.Error(), tt.text) {
				t.Fatalf("error %v\nwant the %s limit, %q", err, tt.want, tt.text)
			}
			if !strings.Contains(err.Error(), "raise the limit with the environment variable BAOCAO_XLSX_LIMITS="+tt.want+"=N") {
				t.Errorf("%v: says not how to raise the limit", err)
			}
		})
	}
}

// TestZipBomb: a part that unpacks to more than the part limit stops the
// read at the limit, whether its declared size says so or lies.
func TestZipBomb(t *testing.T) {
	lim := DefaultLimits
	lim.PartSize = 8 << 20
	data := bomb(t, 64<<20)
	if len(data) > 1<<20 {
		t.Fatalf("the bomb is %d bytes", len(data))
	}
	err := bounded(t, 30<<20, func() error {
		b, err := Parse(data, lim)
		if err == nil {
			_, err = b.Sheet(0)
		}
		return err
	})
	if limitName(err) != "part" || !strings.Contains(err.Error(), "xl/worksheets/sheet1.xml") || !strings.Contains(err.Error(), "zip bomb") {
		t.Errorf("error %v", err)
	}
	// The same with the sizes in the zip directory rewritten to 100 bytes.
	lied := lieSizes(t, data, "xl/worksheets/sheet1.xml", 100)
	err = bounded(t, 30<<20, func() error {
		b, err := Parse(lied, lim)
		if err == nil {
			_, err = b.Sheet(0)
		}
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "xl/worksheets/sheet1.xml") {
		t.Errorf("lying sizes: error %v", err)
	}
}

// lieSizes rewrites the uncompressed size of one entry in the central
// directory of a zip.
func lieSizes(t *testing.T, data []byte, name string, size uint32) []byte {
	t.Helper()
	out := bytes.Clone(data)
	sig := []byte("PK\x01\x02")
	for i := 0; ; {
		j := bytes.Index(out[i:], sig)
		if j < 0 {
			t.Fatalf("no central directory entry for %s", name)
		}
		h := out[i+j:]
		n := int(h[28]) | int(h[29])<<8
		if string(h[46:46+n]) == name {
			h[24], h[25], h[26], h[27] = byte(size), byte(size>>8), byte(size>>16), byte(size>>24)
			return out
		}
		i += j + 4
	}
}

func TestFileSize(t *testing.T) {
	lim := DefaultLimits
	lim.FileSize = 1000
	path := filepath.Join(t.TempDir(), "big.xlsx")
	if err := os.WriteFile(path, make([]byte, 1001), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(path, lim)
	if limitName(err) != "file" || !strings.Contains(err.Error(), "the file's size in bytes is 1.001, more than the limit of 1.000") {
		t.Errorf("error %v", err)
	}
	if _, err := Parse(make([]byte, 1001), lim); limitName(err) != "file" {
		t.Errorf("Parse: error %v", err)
	}
}

// TestNotRegular: a folder, a FIFO and a device are refused at once; a
// FIFO with no writer would block an open forever, /dev/zero never ends.
func TestNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.xlsx")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, want string }{
		{dir, "a folder, not a file"},
		{fifo, "a named pipe (FIFO), not a file"},
		{"/dev/zero", "a device, not a file"},
	} {
		if _, err := os.Stat(c.path); err != nil {
			t.Logf("%s: %v", c.path, err)
			continue
		}
		err := bounded(t, 1<<20, func() error { _, err := ReadFile(c.path, DefaultLimits); return err })
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.path, err, c.want)
		}
	}
}

func TestParseLimits(t *testing.T) {
	l, err := ParseLimits("rows=500000, cells=5000000,merge-area=1")
	if err != nil || l.Rows != 500000 || l.Cells != 5000000 || l.MergeArea != 1 || l.Columns != DefaultLimits.Columns {
		t.Errorf("%+v, %v", l, err)
	}
	for _, bad := range []string{"rows", "rows=-1", "rows=x", "lines=5"} {
		if _, err := ParseLimits(bad); err == nil || !strings.Contains(err.Error(), LimitsEnv) {
			t.Errorf("ParseLimits(%q): %v", bad, err)
		}
	}
}
