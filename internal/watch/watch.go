package watch

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"time"

	"github.com/fsnotify/fsnotify"

	"baocao/internal/msg"
)

// DefaultDebounce is the quiet period Watch uses when given a debounce of
// zero or less.
const DefaultDebounce = 100 * time.Millisecond

// Watch watches the files named by paths until ctx is done, then returns nil.
// The paths name files, not folders: to watch a template folder, pass the
// files in it; other files in the same folders are ignored.
//
// Once a change to one or more of them has been followed by debounce without
// any further change, it calls changed with the paths that changed, spelt as
// they were given, in the order they were given. A burst of writes, or a save
// that writes a temporary file and renames it over the original, gives one
// call. Creating, writing, renaming and removing a watched file count as
// changes; a change of mode or times alone does not.
//
// changed is called from Watch's goroutine, one call at a time; changes that
// happen while it runs are reported by the next call. A file need not exist
// when Watch starts, but its directory must: Watch returns an error when a
// directory cannot be watched. If a watched directory is removed or renamed,
// its files are reported as changed and Watch watches it again as soon as it
// exists again. If the system drops events (its queue overflowed), every
// watched file is reported as changed.
func Watch(ctx context.Context, paths []string, debounce time.Duration, changed func([]string)) error {
	if len(paths) == 0 {
		return msg.Errorf("watch: no file to watch")
	}
	if changed == nil {
		return msg.Errorf("watch: nothing to call on a change")
	}
	if debounce <= 0 {
		debounce = DefaultDebounce
	}

	// files maps the cleaned absolute path of each watched file to the
	// index of its first spelling in paths; dirs lists their directories.
	files := make(map[string]int, len(paths))
	dirs := make(map[string]bool)
	for i, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return msg.Errorf("watch: the file %s: %w", p, err)
		}
		if _, ok := files[abs]; !ok {
			files[abs] = i
			dirs[filepath.Dir(abs)] = true
		}
	}

	w, err := fsnotify.NewWatcher()
	if err != nil {
		return msg.Errorf("watch: cannot watch the files: %w", err)
	}
	defer w.Close()
	for _, d := range slices.Sorted(maps.Keys(dirs)) {
		if err := w.Add(d); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return msg.Errorf("watch: the folder %s does not exist", d)
			}
			return msg.Errorf("watch: cannot watch the folder %s: %w", d, err)
		}
	}

	pending := make(map[int]bool) // indexes into paths
	lost := make(map[string]bool) // watched directories that were removed or renamed away
	markDir := func(dir string) {
		for f, i := range files {
			if filepath.Dir(f) == dir {
				pending[i] = true
			}
		}
	}

	timer := time.NewTimer(debounce)
	timer.Stop()
	var retry <-chan time.Time // ticks while a directory is lost
	var retryTicker *time.Ticker
	defer func() {
		timer.Stop()
		if retryTicker != nil {
			retryTicker.Stop()
		}
	}()

	readd := func() {
		for d := range lost {
			if err := w.Add(d); err == nil {
				delete(lost, d)
				// Files may have been created in it while it was not watched.
				markDir(d)
				timer.Reset(debounce)
			}
		}
		if len(lost) == 0 && retryTicker != nil {
			retryTicker.Stop()
			retryTicker, retry = nil, nil
		}
	}

	for {
		select {
		case <-ctx.Done():
			return nil

		case ev, ok := <-w.Events:
			if !ok {
				return msg.Errorf("watch: the system stopped the watch")
			}
			if ev.Op == fsnotify.Chmod || ev.Op == 0 {
				continue
			}
			name := filepath.Clean(ev.Name)
			if i, ok := files[name]; ok {
				pending[i] = true
				timer.Reset(debounce)
			}
			if dirs[name] && ev.Op.Has(fsnotify.Remove|fsnotify.Rename) {
				// The directory itself went away: its watch is gone with it.
				_ = w.Remove(name)
				lost[name] = true
				markDir(name)
				timer.Reset(debounce)
				if retryTicker == nil {
					retryTicker = time.NewTicker(max(debounce, 250*time.Millisecond))
					retry = retryTicker.C
				}
			}

		case err, ok := <-w.Errors:
			if !ok {
				return msg.Errorf("watch: the system stopped the watch")
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				for _, i := range files {
					pending[i] = true
				}
				timer.Reset(debounce)
			}
			// Other errors concern a single event; the watch goes on.

		case <-retry:
			readd()

		case <-timer.C:
			if len(pending) == 0 {
				continue
			}
			idx := slices.Sorted(maps.Keys(pending))
			clear(pending)
			out := make([]string, len(idx))
			for j, i := range idx {
				out[j] = paths[i]
			}
			if ctx.Err() != nil {
				return nil
			}
			changed(out)
		}
	}
}
