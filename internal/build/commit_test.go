package build

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"baocao"
	"baocao/internal/dataset"
	"baocao/internal/tmpl"
)

// The tests of this file check that a build replaces the set of a report
// (DOCX, PDF, manifest) all or nothing, under failures injected at each
// step, SIGKILLs at random points and concurrent builds, and that nothing
// in the output folder is trusted. Several run this test binary again as a
// child process (see TestMain): a kill, and a lock held by another process,
// need one.

func TestMain(m *testing.M) {
	if mode := os.Getenv("BAOCAO_TEST_CHILD"); mode != "" {
		os.Exit(child(mode))
	}
	os.Exit(m.Run())
}

const tinyFront = "---\nco_quan: [UBND]\nso: 1\nky_hieu: BC-UBND\ndia_danh: X\nngay: 01/01/2026\nten_loai: Báo cáo\n---\n"

var saDec struct {
	once sync.Once
	ds   *dataset.Dataset
	err  error
}

// tinyJob is a one-paragraph report, fast to render, whose text (and so
// whose bytes) and workbook name vary with its arguments.
func tinyJob(t testing.TB, dir, workbook, text string) *Job {
	saDec.once.Do(func() {
		data, err := baocao.Assets().Open("data/sa-dec-2024.xlsx")
		if err != nil {
			saDec.err = err
			return
		}
		defer data.Close()
		st, _ := data.Stat()
		buf := make([]byte, st.Size())
		if _, err := data.Read(buf); err != nil {
			saDec.err = err
			return
		}
		saDec.ds, _, saDec.err = ReadWorkbookBytes("sa-dec-2024.xlsx", buf)
	})
	if saDec.err != nil {
		t.Fatal(saDec.err)
	}
	src := tinyFront + text + "\n"
	tp, err := tmpl.Parse("report.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return &Job{Name: "bao-cao", Template: tp, Data: saDec.ds, OutDir: dir,
		TemplateHash: Hash([]byte(src)), Inputs: map[string]string{workbook: Hash([]byte(workbook))}}
}

// expected renders a job in memory: the hash of each output by name.
func expected(t testing.TB, j *Job) map[string]string {
	doc, err := j.Document()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, w := range Writers {
		if w.Wants != nil && !w.Wants(doc) {
			continue
		}
		var b strings.Builder
		if err := w.Write(&b, doc); err != nil {
			t.Fatal(err)
		}
		out[j.Name+w.Ext] = Hash([]byte(b.String()))
	}
	return out
}

// visibleSet checks that the files of report name in dir are one whole
// set: every file its manifest names has the hash the manifest gives, and
// no other file of the set is there. It returns the manifest.
func visibleSet(t *testing.T, dir, name string) *Manifest {
	t.Helper()
	m, ok := readManifest(filepath.Join(dir, name+ManifestExt))
	if !ok {
		t.Fatalf("no readable manifest in %s", dir)
	}
	for _, w := range Writers {
		f := name + w.Ext
		want, listed := m.Outputs[f]
		got, err := hashRegular(filepath.Join(dir, f), maxOutputSize)
		switch {
		case listed && err != nil:
			t.Errorf("%s: listed by the manifest (built from %v) but unreadable: %v", f, m.Inputs, err)
		case listed && got != want:
			t.Errorf("%s does not match the manifest next to it (built from %v): a mixed set", f, m.Inputs)
		case !listed && err == nil:
			t.Errorf("%s is there but the manifest does not list it", f)
		}
	}
	return m
}

// leftovers lists what a build should not leave in dir: staging folders
// and temporary files.
func leftovers(dir string) []string {
	var out []string
	for _, d := range []string{dir, filepath.Join(dir, HistoryDir), filepath.Join(dir, StagingDir)} {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if d == filepath.Join(dir, StagingDir) || strings.HasSuffix(e.Name(), ".tmp") {
				out = append(out, filepath.Join(d, e.Name()))
			}
		}
	}
	return out
}

// snapshot maps every file under dir, the lock file excepted, to its hash.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == LockName {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = Hash(data)
		return nil
	})
	return out
}

func mustRun(t testing.TB, j *Job) *Result {
	t.Helper()
	res, err := j.Run()
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// steps records the steps of a build that replaces every file.
func steps(t *testing.T) []string {
	dir := t.TempDir()
	mustRun(t, tinyJob(t, dir, "a.xlsx", "Phiên bản A."))
	var got []string
	testHook = func(s string) error { got = append(got, s); return nil }
	defer func() { testHook = nil }()
	mustRun(t, tinyJob(t, dir, "b.xlsx", "Phiên bản B."))
	return got
}

// TestFailureAtEachStep injects a failure (a full disk, a file that cannot
// be replaced) at each step of a build that replaces a whole set: the
// build fails and the folder is exactly as before, history included, with
// nothing left behind; or, when the failure comes after the new set is in
// place (removing the staging folder), the build succeeds with the new set.
func TestFailureAtEachStep(t *testing.T) {
	all := steps(t)
	want := []string{"stage bao-cao.docx", "stage bao-cao.pdf", "stage bao-cao.manifest.json", "journal",
		"history bao-cao.docx", "place bao-cao.docx", "history bao-cao.pdf", "place bao-cao.pdf", "place bao-cao.manifest.json", "clean"}
	if !slices.Equal(all, want) {
		t.Fatalf("steps %q, want %q", all, want)
	}
	for _, step := range all {
		t.Run(step, func(t *testing.T) {
			dir := t.TempDir()
			mustRun(t, tinyJob(t, dir, "a.xlsx", "Phiên bản A."))
			mustRun(t, tinyJob(t, dir, "a2.xlsx", "Phiên bản A2.")) // a history to keep intact
			before := snapshot(t, dir)
			testHook = func(s string) error {
				if s == step {
					return syscall.ENOSPC
				}
				return nil
			}
			defer func() { testHook = nil }()
			_, err := tinyJob(t, dir, "b.xlsx", "Phiên bản B.").Run()
			testHook = nil
			m := visibleSet(t, dir, "bao-cao")
			if step == "clean" {
				if err != nil || m.Inputs["b.xlsx"] == "" {
					t.Errorf("err %v, manifest from %v: the new set was in place, the build should succeed", err, m.Inputs)
				}
			} else {
				if !errors.Is(err, syscall.ENOSPC) {
					t.Fatalf("err = %v, want the injected ENOSPC", err)
				}
				if after := snapshot(t, dir); !mapsEqual(before, after) {
					t.Errorf("the failed build changed the folder:\nbefore %v\nafter  %v", before, after)
				}
			}
			// The next build cleans what the failure may have left.
			mustRun(t, tinyJob(t, dir, "c.xlsx", "Phiên bản C."))
			if l := leftovers(dir); len(l) > 0 {
				t.Errorf("left behind: %v", l)
			}
		})
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestCrashAtEachStep kills a child build (os.Exit, so no deferred
// cleanup runs) at each step: before the journal the old set is visible
// and stays; after it, the next build completes the commit. Either way
// the next run sees a whole set and cleans up.
func TestCrashAtEachStep(t *testing.T) {
	all := steps(t)
	for i, step := range all {
		t.Run(step, func(t *testing.T) {
			dir := t.TempDir()
			mustRun(t, tinyJob(t, dir, "a.xlsx", "Phiên bản A."))
			out, err := childCmd("crash", dir, "BAOCAO_TEST_STEP="+step).CombinedOutput()
			if code := exitCode(err); code != 3 {
				t.Fatalf("child exit %d, want 3 (killed at %q): %s", code, step, out)
			}
			if err := recoverLocked(dir); err != nil {
				t.Fatal(err)
			}
			m := visibleSet(t, dir, "bao-cao")
			journalWritten := i > slices.Index(all, "journal")
			switch {
			case journalWritten && m.Inputs["b.xlsx"] == "":
				t.Errorf("killed at %q, after the journal: want the new set, got the one from %v", step, m.Inputs)
			case !journalWritten && m.Inputs["a.xlsx"] == "":
				t.Errorf("killed at %q, before the journal: want the old set, got the one from %v", step, m.Inputs)
			}
			if journalWritten {
				kept, _ := filepath.Glob(filepath.Join(dir, HistoryDir, "bao-cao.v1.*"))
				if len(kept) != 2 {
					t.Errorf("history after recovery: %v, want the old DOCX and PDF", kept)
				}
			}
			if l := leftovers(dir); len(l) > 0 {
				t.Errorf("left behind after recovery: %v", l)
			}
		})
	}
}

func recoverLocked(dir string) error {
	unlock, err := lockDir(dir)
	if err != nil {
		return err
	}
	defer unlock()
	return recoverDir(dir)
}

func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

func childCmd(mode, dir string, env ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), append([]string{"BAOCAO_TEST_CHILD=" + mode, "BAOCAO_TEST_DIR=" + dir}, env...)...)
	return cmd
}

// child is the body of a child process: mode says what it does.
func child(mode string) int {
	t := &childT{}
	dir := os.Getenv("BAOCAO_TEST_DIR")
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintln(os.Stderr, r)
			os.Exit(4)
		}
	}()
	switch mode {
	case "crash": // build B, dying at BAOCAO_TEST_STEP
		step := os.Getenv("BAOCAO_TEST_STEP")
		testHook = func(s string) error {
			if s == step {
				os.Exit(3)
			}
			return nil
		}
		mustRun(t, tinyJob(t, dir, "b.xlsx", "Phiên bản B."))
		return 0
	case "loop": // build new versions until killed, saying each step
		w := bufio.NewWriter(os.Stdout)
		testHook = func(s string) error {
			fmt.Fprintln(w, s)
			w.Flush()
			time.Sleep(time.Duration(rand.IntN(3)) * time.Millisecond)
			return nil
		}
		for i := 0; ; i++ {
			j := tinyJob(t, dir, fmt.Sprintf("w%d.xlsx", i), fmt.Sprintf("Phiên bản %d.", i))
			j.Force = true
			mustRun(t, j)
		}
	case "build": // build unit BAOCAO_TEST_UNIT, BAOCAO_TEST_ROUNDS times
		k := os.Getenv("BAOCAO_TEST_UNIT")
		n, _ := strconv.Atoi(os.Getenv("BAOCAO_TEST_ROUNDS"))
		testHook = func(string) error { time.Sleep(time.Millisecond); return nil }
		for range n {
			j := unitJob(t, dir, k)
			j.Force = true
			mustRun(t, j)
		}
		return 0
	case "hold": // hold the folder's lock until killed
		if _, err := lockDir(dir); err != nil {
			fmt.Println(err)
			return 1
		}
		fmt.Println("locked")
		time.Sleep(time.Minute)
		return 0
	}
	return 5
}

// childT lets the helpers that take a testing.TB run in a child process.
type childT struct{ testing.TB }

func (*childT) Helper()                   {}
func (*childT) Fatal(args ...any)         { panic(fmt.Sprint(args...)) }
func (*childT) Fatalf(f string, a ...any) { panic(fmt.Sprintf(f, a...)) }

func unitJob(t testing.TB, dir, k string) *Job {
	return tinyJob(t, dir, "w"+k+".xlsx", "Báo cáo của đơn vị số "+k+".")
}

// TestSIGKILL kills a child that builds new versions in a loop at random
// points (its commit steps sleep up to 2 ms, so kills land in every step):
// after each kill, once the next build's recovery has run, the visible set
// is whole, nothing is left behind, and every kept version is a whole file.
func TestSIGKILL(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	r := rand.New(rand.NewPCG(seed, 1))
	t.Logf("seed %d", seed)
	dir := t.TempDir()
	mustRun(t, tinyJob(t, dir, "start.xlsx", "Phiên bản đầu."))
	landed := map[string]int{}
	rounds := 30
	if testing.Short() {
		rounds = 10
	}
	for round := range rounds {
		cmd := childCmd("loop", dir)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 1000)
		go func() {
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		// Wait for the first step of the child's first commit, then kill it a
		// random time later, mostly within that commit (about 10 steps of up
		// to 2 ms), sometimes in the next build.
		first, ok := <-lines
		if !ok {
			cmd.Wait()
			t.Fatalf("round %d: the child said nothing", round)
		}
		time.Sleep(time.Duration(r.IntN(25_000)) * time.Microsecond)
		cmd.Process.Kill()
		cmd.Wait()
		last := first
		for l := range lines {
			last = l
		}
		landed[strings.Fields(last)[0]]++

		if err := recoverLocked(dir); err != nil {
			t.Fatalf("round %d (killed after %q): %v", round, last, err)
		}
		visibleSet(t, dir, "bao-cao")
		if l := leftovers(dir); len(l) > 0 {
			t.Errorf("round %d (killed after %q): left behind %v", round, last, l)
		}
		if t.Failed() {
			t.Fatalf("round %d: killed after step %q", round, last)
		}
	}
	checkHistoryWhole(t, dir)
	t.Logf("kills after each kind of step: %v", landed)
}

// checkHistoryWhole checks that every kept DOCX and PDF is a whole file:
// a DOCX opens as a zip, a PDF ends with %%EOF.
func checkHistoryWhole(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Join(dir, HistoryDir))
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, HistoryDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		switch filepath.Ext(e.Name()) {
		case ".pdf":
			if !strings.Contains(string(data[max(0, len(data)-16):]), "%%EOF") {
				t.Errorf("kept %s is not a whole PDF", e.Name())
			}
		case ".docx":
			if !strings.HasPrefix(string(data), "PK") || !strings.Contains(string(data[max(0, len(data)-4096):]), "PK\x05\x06") {
				t.Errorf("kept %s is not a whole DOCX", e.Name())
			}
		}
	}
}

// TestConcurrentBuilds runs four builds at once from four workbooks into
// one folder, as four processes (the OS lock) and as four goroutines (the
// in-process queue): every version built is in place or in .history, the
// manifest in place names the workbook its files were built from, and a
// build without --force after them skips only its own set.
func TestConcurrentBuilds(t *testing.T) {
	want := map[string]map[string]string{} // unit → output → hash
	for _, k := range []string{"0", "1", "2", "3"} {
		want[k] = expected(t, unitJob(t, t.TempDir(), k))
	}
	check := func(t *testing.T, dir string) {
		m := visibleSet(t, dir, "bao-cao")
		var unit string
		for in := range m.Inputs {
			unit = strings.TrimSuffix(strings.TrimPrefix(in, "w"), ".xlsx")
		}
		if !mapsEqual(m.Outputs, want[unit]) {
			t.Errorf("the manifest names w%s.xlsx but its files were not built from it", unit)
		}
		all := map[string]bool{}
		for _, d := range []string{dir, filepath.Join(dir, HistoryDir)} {
			entries, _ := os.ReadDir(d)
			for _, e := range entries {
				if sum, err := hashRegular(filepath.Join(d, e.Name()), maxOutputSize); err == nil {
					all[sum] = true
				}
			}
		}
		for k, outs := range want {
			for name, sum := range outs {
				if !all[sum] {
					t.Errorf("%s built from w%s.xlsx is neither in place nor in .history", name, k)
				}
			}
		}
		for k := range want {
			j := unitJob(t, dir, k)
			res := mustRun(t, j)
			if res.Skipped != (k == unit) {
				t.Errorf("w%s.xlsx: skipped = %v, with the set of w%s.xlsx in place", k, res.Skipped, unit)
			}
			if m := visibleSet(t, dir, "bao-cao"); !mapsEqual(m.Outputs, want[k]) {
				t.Errorf("after building w%s.xlsx again, its files are not in place", k)
			}
			unit = k
		}
		if l := leftovers(dir); len(l) > 0 {
			t.Errorf("left behind %v", l)
		}
	}
	t.Run("processes", func(t *testing.T) {
		dir := t.TempDir()
		var cmds []*exec.Cmd
		for k := range want {
			cmd := childCmd("build", dir, "BAOCAO_TEST_UNIT="+k, "BAOCAO_TEST_ROUNDS=2")
			cmd.Stderr = os.Stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			cmds = append(cmds, cmd)
		}
		for _, c := range cmds {
			if err := c.Wait(); err != nil {
				t.Fatal(err)
			}
		}
		check(t, dir)
	})
	t.Run("goroutines", func(t *testing.T) {
		dir := t.TempDir()
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		for k := range want {
			wg.Go(func() {
				for range 2 {
					j := unitJob(t, dir, k)
					j.Force = true
					if _, err := j.Run(); err != nil {
						errs <- err
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		check(t, dir)
	})
}

// TestLockTimeout: a build into a folder that another process keeps locked
// waits LockTimeout, then fails with a message that says what to do.
func TestLockTimeout(t *testing.T) {
	dir := t.TempDir()
	mustRun(t, tinyJob(t, dir, "a.xlsx", "A."))
	cmd := childCmd("hold", dir)
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "locked\n" {
		t.Fatalf("child: %q", line)
	}
	saved := LockTimeout
	LockTimeout = 200 * time.Millisecond
	defer func() { LockTimeout = saved }()
	before := snapshot(t, dir)
	_, err := tinyJob(t, dir, "b.xlsx", "B.").Run()
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "another --out folder") {
		t.Fatalf("err = %v, want ErrLocked with what to do", err)
	}
	if !mapsEqual(before, snapshot(t, dir)) {
		t.Error("a build that did not get the lock changed the folder")
	}
	cmd.Process.Kill()
	cmd.Wait()
	mustRun(t, tinyJob(t, dir, "b.xlsx", "B.")) // the lock dies with its holder
}

// TestCleansLeftovers: what killed builds of this and earlier versions
// left (staging folders without a journal, .NAME.*.tmp files older than
// any write) goes at the next build; a staging folder, or an entry of it, that is a link is
// removed, not followed.
func TestCleansLeftovers(t *testing.T) {
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "keep.txt"), []byte("keep"), 0o644)
	for _, rootLink := range []bool{false, true} {
		dir := t.TempDir()
		os.MkdirAll(filepath.Join(dir, HistoryDir), 0o755)
		if rootLink {
			os.Symlink(outside, filepath.Join(dir, StagingDir))
		} else {
			os.MkdirAll(filepath.Join(dir, StagingDir, "123"), 0o755)
			os.WriteFile(filepath.Join(dir, StagingDir, "123", "bao-cao.docx"), []byte("half"), 0o644)
			os.Symlink(outside, filepath.Join(dir, StagingDir, "link"))
		}
		old := time.Now().Add(-2 * sweepAge)
		for _, p := range []string{filepath.Join(dir, ".bao-cao.docx.4242.tmp"), filepath.Join(dir, HistoryDir, ".bao-cao.v1.docx.77.tmp")} {
			os.WriteFile(p, []byte("half"), 0o644)
			os.Chtimes(p, old, old)
		}
		// Another program's write under way (baocao workbook --out
		// into this folder) is not swept.
		os.WriteFile(filepath.Join(dir, ".blank.xlsx.99.tmp"), []byte("being written"), 0o644)
		os.WriteFile(filepath.Join(dir, "notes.tmp"), []byte("the user's"), 0o644)
		mustRun(t, tinyJob(t, dir, "a.xlsx", "A."))
		var names []string
		for _, l := range leftovers(dir) {
			names = append(names, filepath.Base(l))
		}
		slices.Sort(names)
		if !slices.Equal(names, []string{".blank.xlsx.99.tmp", "notes.tmp"}) {
			t.Errorf("left: %v, want only the user's notes.tmp and the write under way", names)
		}
		if entries, _ := os.ReadDir(outside); len(entries) != 1 {
			t.Errorf("cleaning followed a link out of the folder: %v", entries)
		}
	}
}

// TestCompletesOverTakenVersion: completing a killed build's commit never
// replaces a kept version whose name its journal planned.
func TestCompletesOverTakenVersion(t *testing.T) {
	dir := t.TempDir()
	mustRun(t, tinyJob(t, dir, "a.xlsx", "A."))
	out, err := childCmd("crash", dir, "BAOCAO_TEST_STEP=history bao-cao.docx").CombinedOutput()
	if exitCode(err) != 3 {
		t.Fatalf("child: %v %s", err, out)
	}
	os.MkdirAll(filepath.Join(dir, HistoryDir), 0o755)
	os.WriteFile(filepath.Join(dir, HistoryDir, "bao-cao.v1.docx"), []byte("kept by hand"), 0o644)
	if err := recoverLocked(dir); err != nil {
		t.Fatal(err)
	}
	visibleSet(t, dir, "bao-cao")
	if got, _ := os.ReadFile(filepath.Join(dir, HistoryDir, "bao-cao.v1.docx")); string(got) != "kept by hand" {
		t.Error("a kept version was replaced")
	}
	if _, err := os.Stat(filepath.Join(dir, HistoryDir, "bao-cao.v2.docx")); err != nil {
		t.Errorf("the replaced DOCX was not kept as v2: %v", err)
	}
}

// TestDropsFilesOfTheOldSet: when the new set has no appendix workbook,
// the old one moves to .history instead of staying beside a manifest that
// does not name it.
func TestDropsFilesOfTheOldSet(t *testing.T) {
	dir := t.TempDir()
	mustRun(t, tinyJob(t, dir, "a.xlsx", "A."))
	os.WriteFile(filepath.Join(dir, "bao-cao.xlsx"), []byte("an appendix of an older build"), 0o644)
	res := mustRun(t, tinyJob(t, dir, "b.xlsx", "B."))
	visibleSet(t, dir, "bao-cao")
	if got, _ := os.ReadFile(filepath.Join(dir, HistoryDir, "bao-cao.v1.xlsx")); string(got) != "an appendix of an older build" {
		t.Errorf("the dropped workbook was not kept: %q (kept %v)", got, res.Kept)
	}
}

// TestOutputFolderNotTrusted: links, FIFOs and hostile manifest entries in
// the output folder are refused or ignored, never followed or read.
func TestOutputFolderNotTrusted(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret")
	os.WriteFile(secret, []byte("do not touch"), 0o644)
	untouched := func(t *testing.T) {
		if got, _ := os.ReadFile(secret); string(got) != "do not touch" {
			t.Errorf("the file outside the folder was changed: %q", got)
		}
	}
	for _, tt := range []struct {
		name  string
		setup func(dir string)
		err   string
	}{
		{"history is a link", func(dir string) {
			os.Symlink(filepath.Dir(secret), filepath.Join(dir, HistoryDir))
		}, ".history is a symbolic link, not a folder"},
		{"output is a link", func(dir string) {
			os.Remove(filepath.Join(dir, "bao-cao.pdf"))
			os.Symlink(secret, filepath.Join(dir, "bao-cao.pdf"))
		}, "bao-cao.pdf is a symbolic link: baocao replaces only regular files"},
		{"manifest is a link", func(dir string) {
			os.Remove(filepath.Join(dir, "bao-cao"+ManifestExt))
			os.Symlink(secret, filepath.Join(dir, "bao-cao"+ManifestExt))
		}, "bao-cao.manifest.json is a symbolic link"},
		{"output is a FIFO", func(dir string) {
			os.Remove(filepath.Join(dir, "bao-cao.docx"))
			if err := mkfifo(filepath.Join(dir, "bao-cao.docx")); err != nil {
				t.Skip(err)
			}
		}, "bao-cao.docx is a FIFO"},
		{"lock is a link", func(dir string) {
			os.Remove(filepath.Join(dir, LockName))
			os.Symlink(secret, filepath.Join(dir, LockName))
		}, ".baocao.lock is a symbolic link"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			mustRun(t, tinyJob(t, dir, "a.xlsx", "A."))
			tt.setup(dir)
			done := make(chan error)
			go func() {
				_, err := tinyJob(t, dir, "b.xlsx", "B.").Run()
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("err = %v, want %q", err, tt.err)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("the build hangs")
			}
			untouched(t)
		})
	}
}

// TestManifestNotTrusted: a manifest that names files outside the folder
// (or devices) is not followed: the build is not skipped, and a manifest
// that is a FIFO or huge is ignored without hanging.
func TestManifestNotTrusted(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "passwd")
	os.WriteFile(outside, []byte("root:x:0:0"), 0o644)
	for _, tt := range []struct {
		name string
		edit func(dir string, m *Manifest) []byte
	}{
		{"entry outside the folder", func(dir string, m *Manifest) []byte {
			rel, _ := filepath.Rel(dir, outside)
			m.Outputs[rel] = Hash([]byte("root:x:0:0")) // would vouch if it were read
			return nil
		}},
		{"absolute entry", func(dir string, m *Manifest) []byte {
			m.Outputs[outside] = Hash([]byte("root:x:0:0"))
			return nil
		}},
		{"/dev/zero", func(dir string, m *Manifest) []byte {
			m.Outputs["/dev/zero"] = Hash(nil)
			return nil
		}},
		{"huge manifest", func(dir string, m *Manifest) []byte {
			data, _ := json.Marshal(m)
			return append(data, make([]byte, maxManifestSize)...)
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			mustRun(t, tinyJob(t, dir, "a.xlsx", "A."))
			mp := filepath.Join(dir, "bao-cao"+ManifestExt)
			m, _ := readManifest(mp)
			data := tt.edit(dir, m)
			if data == nil {
				data, _ = json.Marshal(m)
			}
			os.WriteFile(mp, data, 0o644)
			res := mustRun(t, tinyJob(t, dir, "a.xlsx", "A."))
			if res.Skipped {
				t.Error("a hostile manifest vouched for the outputs")
			}
		})
	}
	t.Run("manifest is a FIFO", func(t *testing.T) {
		dir := t.TempDir()
		mustRun(t, tinyJob(t, dir, "a.xlsx", "A."))
		mp := filepath.Join(dir, "bao-cao"+ManifestExt)
		os.Remove(mp)
		if err := mkfifo(mp); err != nil {
			t.Skip(err)
		}
		j := tinyJob(t, dir, "a.xlsx", "A.")
		done := make(chan bool)
		go func() { done <- j.upToDate() }()
		select {
		case ok := <-done:
			if ok {
				t.Error("a FIFO manifest vouched for the outputs")
			}
		case <-time.After(10 * time.Second):
			t.Fatal("reading a FIFO manifest hangs")
		}
	})
}

// TestNameChecked: a job whose name is a path or a device name is refused
// before anything is written.
func TestNameChecked(t *testing.T) {
	for _, name := range []string{"../../x", "/tmp/x", "CON", ".hidden", "a/b"} {
		dir := filepath.Join(t.TempDir(), "out")
		j := tinyJob(t, dir, "a.xlsx", "A.")
		j.Name = name
		if _, err := j.Run(); err == nil || !strings.Contains(err.Error(), "not a plain file name") {
			t.Errorf("%q: err = %v", name, err)
		}
		if _, err := os.Stat(dir); err == nil {
			t.Errorf("%q: the output folder was created", name)
		}
	}
}

// TestInputNeverOverwritten: an output that is the workbook or a template
// file, by the same path, a symbolic link or a hard link, is refused
// before anything is written.
func TestInputNeverOverwritten(t *testing.T) {
	for _, tt := range []struct {
		name  string
		setup func(dir, input string) string // returns the output folder
	}{
		{"same path", func(dir, input string) string { return dir }},
		{"symbolic link", func(dir, input string) string {
			out := filepath.Join(dir, "out")
			os.Mkdir(out, 0o755)
			os.Symlink(input, filepath.Join(out, "bao-cao.pdf"))
			return out
		}},
		{"hard link", func(dir, input string) string {
			out := filepath.Join(dir, "out")
			os.Mkdir(out, 0o755)
			if err := os.Link(input, filepath.Join(out, "bao-cao.docx")); err != nil {
				t.Skip(err)
			}
			return out
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			input := filepath.Join(dir, "bao-cao.xlsx")
			os.WriteFile(input, []byte("the workbook"), 0o644)
			out := tt.setup(dir, input)
			j := tinyJob(t, out, "bao-cao.xlsx", "A.")
			j.InputPaths = []string{input}
			before := snapshot(t, dir)
			_, err := j.Run()
			if !errors.Is(err, ErrOverwritesInput) || !strings.Contains(err.Error(), "choose another --out folder or another --name") {
				t.Errorf("err = %v", err)
			}
			if !mapsEqual(before, snapshot(t, dir)) {
				t.Error("something was written")
			}
		})
	}
}

// BenchmarkCommit measures putting a set of three files (200 KB in all,
// each replaced by new bytes, so kept in .history) in place in a folder
// of 400 files: the staged commit of a build against writing each file
// alone by WriteFileAtomic, as builds did before (no history, no journal,
// not all or nothing).
func BenchmarkCommit(b *testing.B) {
	setup := func(b *testing.B) string {
		dir := b.TempDir()
		for i := range 400 {
			os.WriteFile(filepath.Join(dir, fmt.Sprintf("don-vi-%d.pdf", i)), []byte("x"), 0o644)
		}
		return dir
	}
	outs := func(i int) []output {
		v := []byte(strconv.Itoa(i))
		return []output{
			{name: "r.docx", data: append(make([]byte, 50_000), v...)},
			{name: "r.pdf", data: append(make([]byte, 150_000), v...)},
			{name: "r" + ManifestExt, data: append(make([]byte, 500), v...)},
		}
	}
	b.Run("staged", func(b *testing.B) {
		dir := setup(b)
		i := 0
		for b.Loop() {
			i++
			unlock, err := lockDir(dir)
			if err != nil {
				b.Fatal(err)
			}
			if err := recoverDir(dir); err != nil {
				b.Fatal(err)
			}
			if _, err := commit(dir, outs(i), nil); err != nil {
				b.Fatal(err)
			}
			unlock()
		}
	})
	b.Run("atomic-files", func(b *testing.B) {
		dir := setup(b)
		i := 0
		for b.Loop() {
			i++
			for _, o := range outs(i) {
				if err := WriteFileAtomic(filepath.Join(dir, o.name), o.data); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
