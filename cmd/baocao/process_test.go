package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"baocao/internal/testtool"
)

// oneReport are the single-report builds whose whole-process time issue
// 14 sets targets for: Thạch An (DOCX, PDF and appendix XLSX) and Sa Đéc
// (DOCX and PDF).
var oneReport = []struct{ name, template, data string }{
	{"thach-an", "../../templates/tong-ket-cchc-2021-2025", "../../data/thach-an-2021-2025.xlsx"},
	{"sa-dec", "../../templates/chi-so-cchc-9-thang", "../../data/sa-dec-2024.xlsx"},
}

// builds are the two ways the program is built for BenchmarkProcess:
// "release" as README's release command builds what users run (no cgo, as
// a cross-compiled Windows build has none, and -trimpath -s -w), and "dev"
// as plain `go build` on a machine with a C compiler (cgo on, so the
// binary is linked dynamically against libc, which costs each run about a
// millisecond and 1.5 MiB at start-up).
var builds = []struct {
	name string
	env  []string
	args []string
}{
	{"release", []string{"CGO_ENABLED=0"}, []string{"-trimpath", "-ldflags=-s -w"}},
	{"dev", nil, nil},
}

// buildProgram builds this command into a temporary folder with go build
// args (and env added to the environment), and returns the binary's path.
func buildProgram(tb testing.TB, env []string, args ...string) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "baocao")
	cmd := exec.Command(testtool.Path(tb, "go"), append(append([]string{"build", "-o", bin}, args...), ".")...)
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("go build %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return bin
}

// BenchmarkProcess runs the real program once per iteration, as a user
// does: process start, package initialisation, reading, building, writing
// the set, exit. It builds the binary once per way of building it, then
// execs it. Besides the wall time per run it reports the median and the
// fastest wall time, the CPU time (user and system) and the largest peak
// RSS of the runs; it asserts none of them, since CI machines differ.
func BenchmarkProcess(b *testing.B) {
	if testing.Short() {
		b.Skip("builds the program")
	}
	for _, bld := range builds {
		bin := buildProgram(b, bld.env, bld.args...)
		for _, r := range oneReport {
			b.Run(bld.name+"/"+r.name, func(b *testing.B) {
				out := b.TempDir()
				var walls []time.Duration
				var cpu time.Duration
				var rss int64
				for b.Loop() {
					cmd := exec.Command(bin, "build", "--template", r.template, "--data", r.data, "--out", out, "--force")
					start := time.Now()
					if msg, err := cmd.CombinedOutput(); err != nil {
						b.Fatalf("%v\n%s", err, msg)
					}
					walls = append(walls, time.Since(start))
					cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
					rss = max(rss, peakRSS(cmd.ProcessState))
				}
				slices.Sort(walls)
				b.ReportMetric(float64(walls[len(walls)/2].Microseconds())/1000, "median-ms")
				// The fastest run is the one the machine disturbed least: on
				// a shared VM the median moves by a factor of two from one
				// hour to the next, the fastest much less.
				b.ReportMetric(float64(walls[0].Microseconds())/1000, "fastest-ms")
				b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(walls)), "cpu-ms/op")
				if rss > 0 {
					b.ReportMetric(float64(rss)/(1<<20), "peak-RSS-MiB")
				}
			})
		}
	}
}

// BenchmarkRun is BenchmarkProcess inside this process, without start-up
// and package initialisation: its allocations are those of one build
// (GODEBUG=inittrace=1 on the program shows the initialisation's).
func BenchmarkRun(b *testing.B) {
	for _, r := range oneReport {
		b.Run(r.name, func(b *testing.B) {
			out := b.TempDir()
			b.ReportAllocs()
			for b.Loop() {
				if code := run([]string{"build", "--template", r.template, "--data", r.data, "--out", out, "--force"}, io.Discard, io.Discard); code != exitOK {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}
