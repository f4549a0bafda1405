package tmpl

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// bounded runs f under a soft memory limit and fails the test when f
// allocates more than a quarter of a gigabyte in all, or is still running
// after a minute (a hang; the cases end in milliseconds).
func bounded(t *testing.T, f func()) {
	t.Helper()
	old := debug.SetMemoryLimit(256 << 20)
	defer debug.SetMemoryLimit(old)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("still running after a minute")
	}
	runtime.ReadMemStats(&after)
	if a := after.TotalAlloc - before.TotalAlloc; a > 256<<20 {
		t.Errorf("allocated %d MiB", a>>20)
	}
}

// TestLimits: templates that would run for days or exhaust memory end at
// once with an error that names the limit and, where there is one, the
// template line.
func TestLimits(t *testing.T) {
	big := strings.Repeat("x", 1000)
	tests := []struct {
		name, body string
		limit      string // LimitError.Limit, or "" for another error
		want       string // in the message
	}{
		{"range ten million", "a\n{{ range 10000000 }}x{{ end }}\n", "steps", "r/report.md:10:9: range over 10000000 items"},
		{"range a trillion", "{{ range 1000000000000 }}{{ end }}\n", "steps", "r/report.md:9:9: range over 1000000000000 items"},
		{"range a variable", "{{ $n := 1000000000000 }}{{ range $i, $x := $n }}{{ end }}\n", "steps", "range over 1000000000000 items"},
		{"nested ranges", "{{ range 1000 }}{{ range 1000 }}{{ range 10 }}{{ end }}{{ end }}{{ end }}\n", "steps", "of the limit of 1000000 (loop iterations and template calls)"},
		{"exponential recursion", `{{ define "a" }}{{ template "a" . }}{{ template "a" . }}{{ end }}{{ template "a" . }}` + "\n", "", "r/report.md:9:"},
		{"endless output", "{{ range 100000 }}" + big + "{{ end }}\n", "output", "r/report.md: the filled template is larger than 4 MiB"},
		{"doubling a string", `{{ $s := "x" }}{{ range 40 }}{{ $s = print $s $s }}{{ end }}` + "\n", "output", "larger than 4 MiB"},
		{"printf repeating an argument", `{{ $s := "x" }}{{ range 12 }}{{ $s = printf "%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s" $s }}{{ end }}` + "\n", "output", "larger than 4 MiB"},
		{"printf width", `{{ printf "%0999999999d" 1 }}` + "\n", "output", "a width or precision above 1000"},
		{"printf precision", `{{ printf "%.999999999f" 1.5 }}` + "\n", "output", "a width or precision above 1000"},
		{"printf star", `{{ printf "%*d" 1000000000 1 }}` + "\n", "", "taken from an argument"},
		{"fixed a billion", "{{ fixed 1000000000 1.5 }}\n", "decimals", "r/report.md:9:3: in <fixed 1000000000 1.5>: fixed 1000000000: expected 0 to 20 decimals"},
		{"fixed negative", "{{ fixed -1 1.5 }}\n", "decimals", "expected 0 to 20 decimals"},
		{"fixed a fraction", "{{ fixed 1.5 1.5 }}\n", "", "expected a whole number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bounded(t, func() {
				tp, err := Parse("r/report.md", []byte(front+tt.body))
				if err != nil {
					t.Error(err)
					return
				}
				_, err = tp.Execute(testData())
				var le *LimitError
				switch {
				case err == nil:
					t.Error("no error")
				case !strings.Contains(err.Error(), tt.want):
					t.Errorf("error %q\nwant it to contain %q", err, tt.want)
				case tt.limit != "" && (!errors.As(err, &le) || le.Limit != tt.limit):
					t.Errorf("error %v: want a LimitError on %s", err, tt.limit)
				}
			})
		})
	}
}

// TestLimitsFrontMatter: the front matter shares the body's budget.
func TestLimitsFrontMatter(t *testing.T) {
	bounded(t, func() {
		src := strings.Replace(front, "ky_hieu: BC-UBND", "ky_hieu: '{{ range 1000000000000 }}{{ end }}BC-UBND'", 1) + "x\n"
		tp, err := Parse("r/report.md", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		_, err = tp.Execute(testData())
		if err == nil || !IsLimit(err) || !strings.Contains(err.Error(), "r/report.md:4:") {
			t.Errorf("error %v, want a limit at r/report.md:4", err)
		}
	})
}

// TestLimitsCustom: each limit is exactly where Limits puts it, so a
// report that needs more can be given more.
func TestLimitsCustom(t *testing.T) {
	run := func(lim Limits, body string) error {
		// A front matter without actions, so that the body has the
		// whole budget.
		plain := "---\nco_quan: [Ủy ban nhân dân]\nso: 5\nky_hieu: BC-UBND\ndia_danh: Sa Đéc\nngay: 05/02/2025\nten_loai: Báo cáo\n---\n"
		tp, err := Parse("r/report.md", []byte(plain+body))
		if err != nil {
			t.Fatal(err)
		}
		tp.Limits = lim
		_, err = tp.Execute(testData())
		return err
	}
	lim := DefaultLimits
	lim.Steps = 100
	// The body is a step (a template call), each iteration another.
	if err := run(lim, "{{ range 99 }}{{ end }}"); err != nil {
		t.Errorf("99 iterations under a limit of 100 steps: %v", err)
	}
	if err := run(lim, "{{ range 100 }}{{ end }}"); !IsLimit(err) {
		t.Errorf("100 iterations under a limit of 100 steps: %v", err)
	}
	lim = DefaultLimits
	lim.Output = 1000
	if err := run(lim, strings.Repeat("x", 1000)); err != nil {
		t.Errorf("1000 bytes under a limit of 1000: %v", err)
	}
	if err := run(lim, strings.Repeat("x", 1001)); !IsLimit(err) {
		t.Errorf("1001 bytes under a limit of 1000: %v", err)
	}
	lim = DefaultLimits
	lim.Time = time.Nanosecond
	if err := run(lim, "{{ range 10 }}{{ end }}\n"); err == nil || !strings.Contains(err.Error(), "takes longer than 1ns") {
		t.Errorf("time limit: %v", err)
	}
}

// TestTemplateFiles: report.md is read only when it is a regular file of
// at most Limits.Size bytes; a FIFO, a device, a folder or a 20 MB file
// fail at once instead of blocking or filling memory.
func TestTemplateFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := os.Mkdir(fifo, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(fifo, FileName), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	folder := filepath.Join(dir, "folder")
	os.MkdirAll(filepath.Join(folder, FileName), 0o755)
	huge := filepath.Join(dir, "huge")
	os.Mkdir(huge, 0o755)
	if err := os.WriteFile(filepath.Join(huge, FileName), []byte(front+strings.Repeat("x", 20<<20)), 0o644); err != nil {
		t.Fatal(err)
	}
	device := filepath.Join(dir, "device")
	os.Mkdir(device, 0o755)
	if err := os.Symlink("/dev/zero", filepath.Join(device, FileName)); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ dir, want string }{
		{fifo, "is not a regular file (a named pipe)"},
		{folder, "is not a regular file (a folder)"},
		{huge, "more than the limit of 2 MiB"},
		{device, "is not a regular file (a device)"},
	} {
		bounded(t, func() {
			_, err := Load(c.dir)
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), filepath.Join(c.dir, FileName)) {
				t.Errorf("Load(%s): %v, want %q naming the file", c.dir, err, c.want)
			}
		})
	}
	fsys := fstest.MapFS{"t/report.md": {Data: []byte(front + strings.Repeat("x", 3<<20))}}
	if _, err := LoadFS(fsys, "t"); !IsLimit(err) {
		t.Errorf("LoadFS of a 3 MiB report.md: %v", err)
	}
	if _, err := Parse("r/report.md", []byte(front+strings.Repeat("x", 3<<20))); !IsLimit(err) {
		t.Errorf("Parse of a 3 MiB report.md: %v", err)
	}
}
