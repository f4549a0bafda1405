package build

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"baocao/internal/msg"
	"baocao/internal/safename"
)

// How a build replaces the files of a report, all or nothing.
//
// The set of a report is NAME.docx, NAME.pdf, NAME.xlsx (when the template
// has appendix tables) and NAME.manifest.json, which vouches for the
// others. A reader, or a build that crashed, must never find files of two
// versions side by side, so a build, holding the output folder's lock:
//
//  1. writes the new set into a fresh folder of the hidden staging folder,
//     OUT/.baocao-staging/NNN, each file synced: the visible files are
//     untouched;
//  2. writes the plan of the commit, journal.json, into that folder, synced:
//     from here on the commit will be completed;
//  3. for each file, manifest last: renames the current version, if it
//     differs, into OUT/.history/NAME.vN.ext, then renames the new one into
//     place (a rename within one folder is atomic and needs no space);
//  4. removes the journal, then the staging folder.
//
// A failure in step 3 of a running build puts the previous files back. A
// build killed in step 1 or 2 leaves only a staging folder without a
// journal, which the next build into the folder deletes; killed in step 3,
// it leaves the journal, and the next build first completes the commit
// (every step is done only when its source is still there, so it can be
// repeated). Either way the visible set is the old one or the new one as a
// whole once the next build has started; until then, only a commit that was
// cut in step 3 is visible half done, and its manifest (renamed last) still
// names the old set, so the mismatch is detected and never skipped.

// StagingDir is the folder, inside the output folder, that holds the new
// files of a commit under way. It is one known folder, rather than a
// pattern among the outputs, so that checking for leftovers before every
// commit reads a folder that is nearly always empty, even in a folder of a
// 1,000-unit batch.
const StagingDir = ".baocao-staging"

// journalName is the plan of a commit inside its staging folder.
const journalName = "journal.json"

// oldTemp matches the temporary files of WriteFileAtomic (".NAME.123.tmp"),
// which a killed build of an earlier version left behind.
var oldTemp = regexp.MustCompile(`^\..+\.[0-9]+\.tmp$`)

// sweepAge is how old such a file must be to be swept: a write takes
// milliseconds, a killed build's leftovers stay for days.
const sweepAge = 10 * time.Minute

// journal is the plan of a commit.
type journal struct {
	// Files in the order they are put in place: outputs, files of the set
	// that the new build does not make, the manifest.
	Files []entry `json:"files"`
}

type entry struct {
	Name    string `json:"name"`              // file of the output folder
	History string `json:"history,omitempty"` // where its current version is kept, in .history
	Drop    bool   `json:"drop,omitempty"`    // no new version: the current one only moves to .history
}

// output is a file of the new set, rendered in memory.
type output struct {
	name string
	data []byte
	sum  string // Hash(data), for the manifest; made where data was
}

// testHook, when set by a test, runs before each step of a commit
// ("stage NAME", "journal", "history NAME", "place NAME", "clean"); an
// error it returns fails the step, as a full disk or a locked file would.
var testHook func(step string) error

func hook(step string) error {
	if testHook == nil {
		return nil
	}
	return testHook(step)
}

// validName reports whether a name read back from a journal or a manifest
// is a plain file name of the output folder, as builds make them: not a
// path, not "..", not a device name.
func validName(name string) bool {
	return name != "" && safename.Name(name) == name
}

// checkTree refuses an output folder whose .history is not a real folder:
// a link there would send the kept versions elsewhere.
func checkTree(dir string) error {
	p := filepath.Join(dir, HistoryDir)
	st, err := os.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return msg.Errorf("%s is %s, not a folder: baocao keeps old versions there and does not follow links; replace it by a folder (move the files it holds into it) and build again", p, kind(st.Mode()))
	}
	return nil
}

// current looks at the present version of a file of the set: whether it
// exists and whether it holds next already. Anything but a regular file
// is refused: baocao replaces files, never what a link points to.
//
// It compares the bytes rather than hashes: a file of another size
// differs without being read, and one of the same size is read once and
// compared as it is read, where hashing read it and hashed both versions,
// a millisecond of every build spent while it holds the folder's lock.
func current(dir, name string, next []byte) (exists, same bool, err error) {
	p := filepath.Join(dir, name)
	st, err := os.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return false, false, nil
	}
	if err != nil {
		return false, false, err
	}
	if !st.Mode().IsRegular() {
		return false, false, msg.Errorf("%s is %s: baocao replaces only regular files and does not write through links; remove it and build again", p, kind(st.Mode()))
	}
	if st.Size() != int64(len(next)) {
		return true, false, nil
	}
	same, err = equalRegular(p, next)
	return true, same, err
}

// commit replaces the set of a report in dir by outs (the manifest last),
// and moves the files named by drop, when present, into .history. The
// caller holds the folder's lock and has run recoverDir. It returns the
// paths of the kept versions.
func commit(dir string, outs []output, drop []string) ([]string, error) {
	if len(outs) == 0 {
		return nil, msg.Errorf("nothing to write")
	}
	if err := checkTree(dir); err != nil {
		return nil, err
	}
	// Outputs, then the files to drop, then the manifest (last in outs).
	var j journal
	var keep []int // entries whose current version goes to .history
	add := func(name string, drop bool, next []byte) error {
		exists, same, err := current(dir, name, next)
		if err != nil {
			return err
		}
		if drop && !exists {
			return nil
		}
		// The manifest is not kept: it describes the set in place.
		if exists && (drop || !same) && !strings.HasSuffix(name, ManifestExt) {
			keep = append(keep, len(j.Files))
		}
		j.Files = append(j.Files, entry{Name: name, Drop: drop})
		return nil
	}
	last := len(outs) - 1
	for _, o := range outs[:last] {
		if err := add(o.name, false, o.data); err != nil {
			return nil, err
		}
	}
	for _, name := range drop {
		if err := add(name, true, nil); err != nil {
			return nil, err
		}
	}
	if err := add(outs[last].name, false, outs[last].data); err != nil {
		return nil, err
	}
	hist := filepath.Join(dir, HistoryDir)
	if len(keep) > 0 {
		if err := os.Mkdir(hist, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return nil, msg.Errorf("keep previous versions: %w", err)
		}
		if err := checkTree(dir); err != nil {
			return nil, err
		}
		versions, err := lastVersions(hist)
		if err != nil {
			return nil, err
		}
		for _, i := range keep {
			name := j.Files[i].Name
			ext := filepath.Ext(name)
			stem := strings.TrimSuffix(name, ext)
			versions[name]++
			j.Files[i].History = fmt.Sprintf("%s.v%d%s", stem, versions[name], ext)
		}
	}

	root, err := stagingRoot(dir)
	if err != nil {
		return nil, err
	}
	stage, err := os.MkdirTemp(root, "")
	if err != nil {
		return nil, msg.Errorf("output folder: %w", err)
	}
	committed := false
	defer func() {
		if !committed {
			os.RemoveAll(stage)
		}
	}()
	for _, o := range outs {
		if err := hook("stage " + o.name); err != nil {
			return nil, msg.Errorf("write %s: %w", filepath.Join(dir, o.name), err)
		}
	}
	// The files are written and synced at once: one after the other, each
	// fsync waited for the disk on its own (milliseconds each on a busy
	// disk), while the file system can commit concurrent ones together.
	// Nothing is renamed before all are synced, as before.
	errs := make([]error, len(outs))
	var wg sync.WaitGroup
	for i, o := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = writeNew(filepath.Join(stage, o.name), o.data)
		}()
	}
	wg.Wait()
	for i, o := range outs {
		if errs[i] != nil {
			return nil, msg.Errorf("write %s: %w", filepath.Join(dir, o.name), errs[i])
		}
	}
	plan, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := hook("journal"); err != nil {
		return nil, msg.Errorf("write %s: %w", filepath.Join(stage, journalName), err)
	}
	// Synced before any rename: a journal cut by a power loss does not
	// parse, and counts as none, which is right since nothing was renamed.
	if err := writeNew(filepath.Join(stage, journalName), plan); err != nil {
		return nil, msg.Errorf("write %s: %w", filepath.Join(stage, journalName), err)
	}
	syncDir(stage)

	done := make([]state, len(j.Files))
	if err := apply(dir, stage, &j, done); err != nil {
		if rerr := rollback(dir, stage, &j, done); rerr != nil {
			committed = true // the journal stays: the next build completes the commit
			return nil, msg.Errorf("%w; putting the previous files back failed too (%v): the next build into %s completes this one", err, rerr, dir)
		}
		return nil, msg.Errorf("%w (the previous files are back in place)", err)
	}
	committed = true
	finish(stage)
	var kept []string
	for i, e := range j.Files {
		if done[i].kept {
			kept = append(kept, filepath.Join(hist, e.History))
		}
	}
	return kept, nil
}

// state is what apply did for one entry, for rollback.
type state struct{ kept, placed, replaced bool }

// apply performs the steps of a journal, each only when its source is
// still there, so that a commit cut short can be applied again to complete
// it. done, when not nil, records what was done, for rollback.
func apply(dir, stage string, j *journal, done []state) error {
	hist := filepath.Join(dir, HistoryDir)
	moved := false
	for i, e := range j.Files {
		cur := filepath.Join(dir, e.Name)
		src := filepath.Join(stage, e.Name)
		pending := e.Drop || exists(src)
		// The current version is still in place only if it has not been
		// moved yet: after the move, nothing is at cur until the new file
		// is placed.
		if e.History != "" && pending && exists(cur) {
			if err := hook("history " + e.Name); err != nil {
				return msg.Errorf("keep previous %s: %w", cur, err)
			}
			// Completing a commit of a killed build, the planned name may
			// have been taken since: never replace a kept version.
			j.Files[i].History = freeVersion(hist, e.History)
			if err := os.Rename(cur, filepath.Join(hist, j.Files[i].History)); err != nil {
				return msg.Errorf("keep previous %s: %w", cur, err)
			}
			moved = true
			if done != nil {
				done[i].kept = true
			}
		}
		if e.Drop || !exists(src) {
			continue
		}
		if err := hook("place " + e.Name); err != nil {
			return msg.Errorf("write %s: %w", cur, err)
		}
		replaced := exists(cur)
		if err := os.Rename(src, cur); err != nil {
			return msg.Errorf("write %s: %w", cur, err)
		}
		if done != nil {
			done[i].placed, done[i].replaced = true, replaced
		}
	}
	if moved {
		syncDir(hist)
	}
	syncDir(dir)
	return nil
}

// rollback undoes what apply did, last step first: a new file goes back
// into the staging folder, a kept version back into place. A file that
// replaced one of the same bytes (not kept) stays.
func rollback(dir, stage string, j *journal, done []state) error {
	hist := filepath.Join(dir, HistoryDir)
	var errs []error
	for i := len(j.Files) - 1; i >= 0; i-- {
		e, d := j.Files[i], done[i]
		cur := filepath.Join(dir, e.Name)
		if d.placed && (d.kept || !d.replaced) {
			if err := os.Rename(cur, filepath.Join(stage, e.Name)); err != nil {
				errs = append(errs, err)
				continue
			}
		}
		if d.kept {
			if err := os.Rename(filepath.Join(hist, e.History), cur); err != nil {
				errs = append(errs, err)
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	syncDir(dir)
	syncDir(hist)
	return nil
}

// finish removes the journal, which ends the commit, then the staging
// folder. The new set is in place already: what cannot be removed now is
// removed by the next build (applying the journal again does nothing).
func finish(stage string) {
	if hook("clean") != nil {
		return
	}
	// Not synced: should the removal be lost, applying the journal again
	// does nothing.
	if os.Remove(filepath.Join(stage, journalName)) != nil {
		return
	}
	os.RemoveAll(stage)
}

// stagingRoot returns the staging folder of dir, made if missing; a link
// or a file in its place is an error.
func stagingRoot(dir string) (string, error) {
	p := filepath.Join(dir, StagingDir)
	if err := os.Mkdir(p, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", msg.Errorf("output folder: %w", err)
	}
	st, err := os.Lstat(p)
	if err != nil {
		return "", msg.Errorf("output folder: %w", err)
	}
	if !st.IsDir() {
		return "", msg.Errorf("%s is %s, not a folder: baocao writes new files there and does not follow links; remove it and build again", p, kind(st.Mode()))
	}
	return p, nil
}

// swept records the folders whose temporary files of earlier versions of
// baocao this process has removed: they are looked for once per folder,
// since only a build of such a version makes them.
var swept sync.Map

// recoverDir completes the commits that killed builds left in dir (a
// staging folder with a journal), and removes what they left otherwise:
// staging folders without a journal and the temporary files of earlier
// versions of baocao (".NAME.123.tmp"). The caller holds the folder's lock.
func recoverDir(dir string) error {
	if err := recoverStaging(dir); err != nil {
		return err
	}
	sweepOld(dir)
	return nil
}

// recoverStaging is recoverDir's first part: the commits cut short.
func recoverStaging(dir string) error {
	root := filepath.Join(dir, StagingDir)
	if st, err := os.Lstat(root); err == nil {
		if !st.IsDir() { // a link or a file: remove it, never follow it
			if err := os.Remove(root); err != nil {
				return msg.Errorf("%s is %s: remove it: %w", root, kind(st.Mode()), err)
			}
		} else if err := recoverStages(dir, root); err != nil {
			return err
		}
	}
	return nil
}

// sweepOld is recoverDir's second part: it removes the temporary files of
// earlier versions, once per folder and process. None of them is a name a
// commit uses, so it may run while one is under way (Run has it read the
// folder and its history, a third of a millisecond, beside the commit).
func sweepOld(dir string) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return
	}
	if _, done := swept.LoadOrStore(abs, true); done {
		return
	}
	for _, d := range []string{dir, filepath.Join(dir, HistoryDir)} {
		if st, err := os.Lstat(d); err != nil || !st.IsDir() {
			continue
		}
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if !oldTemp.MatchString(e.Name()) || !e.Type().IsRegular() {
				continue
			}
			// A recent one may be another program's write under way
			// (baocao workbook --out into the same folder, which takes
			// no lock): only what is older than any write is swept.
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > sweepAge {
				os.Remove(filepath.Join(d, e.Name()))
			}
		}
	}
}

func recoverStages(dir, root string) error {
	entries, err := os.ReadDir(root)
	if err != nil {
		return msg.Errorf("output folder: %w", err)
	}
	for _, e := range entries {
		p := filepath.Join(root, e.Name())
		if !e.IsDir() { // a link or a file: remove it, never follow it
			os.Remove(p)
			continue
		}
		j, ok := readJournal(p)
		if !ok {
			os.RemoveAll(p)
			continue
		}
		if err := checkTree(dir); err != nil {
			return err
		}
		if err := apply(dir, p, j, nil); err != nil {
			return msg.Errorf("completing an interrupted build in %s: %w", dir, err)
		}
		finish(p)
	}
	return nil
}

// freeVersion returns name (NAME.vN.ext) if no file of the history folder
// has it, or else the same name with the next free N.
func freeVersion(hist, name string) string {
	ext := filepath.Ext(name)
	rest := strings.TrimSuffix(name, ext)
	i := strings.LastIndex(rest, ".v")
	if i < 0 {
		return name
	}
	n, err := strconv.Atoi(rest[i+2:])
	if err != nil {
		return name
	}
	for exists(filepath.Join(hist, name)) {
		n++
		name = fmt.Sprintf("%s.v%d%s", rest[:i], n, ext)
	}
	return name
}

// readJournal reads the journal of a staging folder; a missing, partial or
// hostile one (a name that is not a plain file name) counts as none.
func readJournal(stage string) (*journal, bool) {
	data, err := readRegular(filepath.Join(stage, journalName), maxManifestSize)
	if err != nil {
		return nil, false
	}
	var j journal
	if json.Unmarshal(data, &j) != nil || len(j.Files) == 0 {
		return nil, false
	}
	for _, e := range j.Files {
		if !validName(e.Name) || (e.History != "" && !validName(e.History)) {
			return nil, false
		}
	}
	return &j, true
}

// lastVersions returns, for each file name, the highest N of the
// NAME.vN.ext kept in the history folder.
func lastVersions(hist string) (map[string]int, error) {
	entries, err := os.ReadDir(hist)
	if err != nil {
		return nil, msg.Errorf("keep previous versions: %w", err)
	}
	last := map[string]int{}
	for _, e := range entries {
		name := e.Name()
		ext := filepath.Ext(name)
		rest := strings.TrimSuffix(name, ext)
		i := strings.LastIndex(rest, ".v")
		if i < 0 {
			continue
		}
		n, err := strconv.Atoi(rest[i+2:])
		if err != nil || n <= 0 {
			continue
		}
		orig := rest[:i] + ext
		last[orig] = max(last[orig], n)
	}
	return last, nil
}

// writeNew creates path, which must not exist, with data, synced.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// syncDir makes the renames in dir durable. Best effort: Windows cannot
// sync a folder, and a rename there is durable already.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}
