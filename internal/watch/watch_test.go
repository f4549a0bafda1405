package watch

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"baocao/internal/msg"
)

const (
	debounce = 50 * time.Millisecond
	// patience is how long a test waits for a callback that must come.
	patience = 10 * time.Second
	// quiet is how long a test waits to be sure no callback comes: many
	// debounce periods, so that a slow machine still has its say.
	quiet = 10 * debounce
)

// start runs Watch on paths and returns the channel of its callbacks. The
// watch is stopped, and its return checked, when the test ends.
func start(t *testing.T, paths ...string) <-chan []string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	calls := make(chan []string, 100)
	done := make(chan error, 1)
	go func() {
		done <- Watch(ctx, paths, debounce, func(p []string) { calls <- p })
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Watch returned %v", err)
			}
		case <-time.After(patience):
			t.Errorf("Watch did not return after cancel")
		}
	})
	// Let the watcher set up its watches before the test writes. A watch
	// that is not set up yet would only make the test wait longer, never
	// pass wrongly, but the writes below must be seen.
	time.Sleep(100 * time.Millisecond)
	return calls
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// next waits for the next callback.
func next(t *testing.T, calls <-chan []string) []string {
	t.Helper()
	select {
	case p := <-calls:
		return p
	case <-time.After(patience):
		t.Fatalf("no callback within %v", patience)
		return nil
	}
}

// none checks that no callback comes for a while.
func none(t *testing.T, calls <-chan []string) {
	t.Helper()
	select {
	case p := <-calls:
		t.Fatalf("unexpected callback %q", p)
	case <-time.After(quiet):
	}
}

func TestBurstGivesOneCallback(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	book := filepath.Join(dir, "sa-dec-2024.xlsx")
	write(t, book, "0")
	calls := start(t, book)

	for i := range 10 {
		write(t, book, string(rune('a'+i)))
	}
	if got := next(t, calls); !slices.Equal(got, []string{book}) {
		t.Fatalf("callback %q, want %q", got, book)
	}
	none(t, calls)

	// The watch goes on after a callback.
	write(t, book, "again")
	if got := next(t, calls); !slices.Equal(got, []string{book}) {
		t.Fatalf("second callback %q, want %q", got, book)
	}
}

func TestSeveralFilesInGivenOrder(t *testing.T) {
	t.Parallel()
	data, tmpl := t.TempDir(), t.TempDir()
	book := filepath.Join(data, "book.xlsx")
	a := filepath.Join(tmpl, "a.md")
	b := filepath.Join(tmpl, "b.yaml")
	for _, p := range []string{book, a, b} {
		write(t, p, "0")
	}
	calls := start(t, b, book, a, b) // b twice: reported once, where first given

	write(t, a, "1")
	write(t, book, "1")
	write(t, b, "1")
	if got, want := next(t, calls), []string{b, book, a}; !slices.Equal(got, want) {
		t.Fatalf("callback %q, want %q", got, want)
	}
	none(t, calls)
}

func TestRenameOverSave(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	write(t, book, "0")
	calls := start(t, book)

	// Save as LibreOffice, Excel and many editors do, twice: the second
	// save shows that the watch survived the first, whose rename replaced
	// the file watched.
	for i, content := range []string{"first", "second"} {
		tmp := filepath.Join(dir, "lu123.tmp")
		write(t, tmp, content)
		if err := os.Rename(tmp, book); err != nil {
			t.Fatal(err)
		}
		if got := next(t, calls); !slices.Equal(got, []string{book}) {
			t.Fatalf("save %d: callback %q, want %q", i+1, got, book)
		}
		none(t, calls)
	}

	// Vim's way: move the original to a backup, write a new file.
	if err := os.Rename(book, book+"~"); err != nil {
		t.Fatal(err)
	}
	write(t, book, "third")
	if err := os.Remove(book + "~"); err != nil {
		t.Fatal(err)
	}
	if got := next(t, calls); !slices.Equal(got, []string{book}) {
		t.Fatalf("backup save: callback %q, want %q", got, book)
	}
	none(t, calls)
}

func TestOtherFilesIgnored(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	write(t, book, "0")
	calls := start(t, book)

	write(t, filepath.Join(dir, "other.xlsx"), "x")
	write(t, filepath.Join(dir, ".~lock.book.xlsx#"), "x")
	write(t, filepath.Join(dir, "book.xlsx.bak"), "x")
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "sub", "book.xlsx"), "x")
	if err := os.Chmod(book, 0o600); err != nil { // a change of mode alone
		t.Fatal(err)
	}
	none(t, calls)

	// Still watching: a change to the watched file is reported alone.
	write(t, filepath.Join(dir, "other.xlsx"), "y")
	write(t, book, "1")
	if got := next(t, calls); !slices.Equal(got, []string{book}) {
		t.Fatalf("callback %q, want %q", got, book)
	}
}

func TestFileCreatedLater(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	calls := start(t, book)
	write(t, book, "new")
	if got := next(t, calls); !slices.Equal(got, []string{book}) {
		t.Fatalf("callback %q, want %q", got, book)
	}
}

func TestRemovedFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	write(t, book, "0")
	calls := start(t, book)
	if err := os.Remove(book); err != nil {
		t.Fatal(err)
	}
	if got := next(t, calls); !slices.Equal(got, []string{book}) {
		t.Fatalf("callback %q, want %q", got, book)
	}
}

func TestRelativePath(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, "book.xlsx", "0")
	calls := start(t, "book.xlsx")
	write(t, filepath.Join(dir, "book.xlsx"), "1")
	if got := next(t, calls); !slices.Equal(got, []string{"book.xlsx"}) {
		t.Fatalf("callback %q, want the path as given", got)
	}
}

func TestDirectoryRecreated(t *testing.T) {
	t.Parallel()
	t.Run("removed", func(t *testing.T) { t.Parallel(); testDirectoryRecreated(t, false) })
	t.Run("renamed", func(t *testing.T) { t.Parallel(); testDirectoryRecreated(t, true) })
}

func testDirectoryRecreated(t *testing.T, rename bool) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows does not let a watched directory be removed")
	}
	root := t.TempDir()
	dir := filepath.Join(root, "tmpl")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "report.md")
	write(t, file, "0")
	calls := start(t, file)

	if rename {
		err := os.Rename(dir, filepath.Join(root, "old"))
		if err != nil {
			t.Fatal(err)
		}
	} else if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if got := next(t, calls); !slices.Equal(got, []string{file}) {
		t.Fatalf("removal: callback %q, want %q", got, file)
	}

	// As a checkout or an unzip would: the folder comes back.
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, file, "1")
	if got := next(t, calls); !slices.Equal(got, []string{file}) {
		t.Fatalf("recreation: callback %q, want %q", got, file)
	}
	// The write may have been seen apart from the re-watch; let both settle.
	time.Sleep(quiet)
	for len(calls) > 0 {
		<-calls
	}

	write(t, file, "2")
	if got := next(t, calls); !slices.Equal(got, []string{file}) {
		t.Fatalf("after recreation: callback %q, want %q", got, file)
	}
}

func TestCancelReturnsPromptly(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	write(t, book, "0")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Watch(ctx, []string{book}, debounce, func([]string) {}) }()
	time.Sleep(100 * time.Millisecond)

	// Pending changes do not delay the return.
	write(t, book, "1")
	began := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Watch returned %v, want nil", err)
		}
		if d := time.Since(began); d > time.Second {
			t.Errorf("Watch took %v to return", d)
		}
	case <-time.After(patience):
		t.Fatal("Watch did not return after cancel")
	}
}

func TestCancelledBeforeStart(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Watch(ctx, []string{filepath.Join(t.TempDir(), "x")}, debounce, func([]string) {}); err != nil {
		t.Fatalf("Watch returned %v, want nil", err)
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	if err := Watch(ctx, nil, debounce, func([]string) {}); err == nil {
		t.Error("no paths: no error")
	}
	if err := Watch(ctx, []string{"x"}, debounce, nil); err == nil {
		t.Error("nil callback: no error")
	}
	missing := filepath.Join(t.TempDir(), "no-such-dir", "book.xlsx")
	if err := Watch(ctx, []string{missing}, debounce, func([]string) {}); err == nil {
		t.Error("missing directory: no error")
	}
}

// TestErrorsInVietnamese: a watch that cannot start says why in
// Vietnamese, the folder named.
func TestErrorsInVietnamese(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	missing := filepath.Join(t.TempDir(), "no-such-dir")
	tests := []struct {
		name  string
		err   error
		vi    string
		plain string
	}{
		{"no paths", Watch(ctx, nil, debounce, func([]string) {}), "theo dõi: không có tệp nào để theo dõi", ""},
		{"missing folder", Watch(ctx, []string{filepath.Join(missing, "book.xlsx")}, debounce, func([]string) {}), "theo dõi: không có thư mục " + missing, "watch: the folder " + missing + " does not exist"},
	}
	for _, tt := range tests {
		got := msg.Local(msg.Vietnamese, tt.err)
		if !strings.HasPrefix(got, tt.vi) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.vi)
		}
		for _, w := range []string{" the ", " no ", " such ", " file ", " folder ", " directory"} {
			if strings.Contains(" "+got+" ", w) {
				t.Errorf("%s: English %q left in %q", tt.name, w, got)
			}
		}
		if tt.plain != "" && tt.err.Error() != tt.plain {
			t.Errorf("%s: English %q, want %q", tt.name, tt.err, tt.plain)
		}
	}
}
