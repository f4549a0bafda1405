package build

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"time"

	"baocao/internal/msg"
)

// LockName is the file, inside the output folder, that a build locks while
// it reads or replaces the files of that folder. It is never removed:
// removing a lock file lets a second build lock a new file while a third
// still holds the old one.
const LockName = ".baocao.lock"

// LockTimeout bounds how long a build waits for another build into the
// same output folder before it gives up with a clear message. A real
// commit holds the lock for milliseconds; the bound is for a build that
// hangs, or a folder shared over a network file system.
var LockTimeout = 2 * time.Minute

// ErrLocked is wrapped by the error of a build that waited LockTimeout for
// the output folder.
var ErrLocked = msg.Errorf("output folder is in use by another build")

// errWouldBlock is what tryLock returns when another holder has the lock.
var errWouldBlock = msg.Errorf("lock held")

// dirMutexes serialise the builds of one process into one folder before
// they reach the OS lock, so that the units of a batch queue rather than
// poll the file lock. Each is a channel of one slot, so the wait is bounded
// like the wait for the file lock.
var dirMutexes sync.Map // absolute folder → chan struct{}

// lockDir takes the lock of the output folder dir (which must exist): an OS
// file lock (flock on Unix, LockFileEx on Windows) on dir/.baocao.lock, so
// that builds from other processes wait too. It returns the function that
// releases it.
func lockDir(dir string) (func(), error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, msg.Errorf("lock %s: %w", dir, err)
	}
	deadline := time.Now().Add(LockTimeout)
	timeout := func() error {
		return msg.Errorf("%w: waited %v for the lock on %s; wait for the other build to finish, or build into another --out folder", ErrLocked, LockTimeout, filepath.Join(dir, LockName))
	}
	slot, _ := dirMutexes.LoadOrStore(abs, make(chan struct{}, 1))
	sem := slot.(chan struct{})
	select {
	case sem <- struct{}{}:
	case <-time.After(time.Until(deadline)):
		return nil, timeout()
	}
	release := func() { <-sem }
	path := filepath.Join(dir, LockName)
	if st, err := os.Lstat(path); err == nil && !st.Mode().IsRegular() {
		release()
		return nil, msg.Errorf("%s is %s: baocao locks it while it writes and does not follow links; remove it and build again", path, kind(st.Mode()))
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|openFlags, 0o644)
	if err != nil {
		release()
		return nil, msg.Errorf("lock %s: %w", dir, err)
	}
	wait := time.Millisecond
	for {
		err = tryLock(f)
		if err == nil {
			break
		}
		if !errors.Is(err, errWouldBlock) {
			f.Close()
			release()
			return nil, msg.Errorf("lock %s: %w", path, err)
		}
		if time.Now().After(deadline) {
			f.Close()
			release()
			return nil, timeout()
		}
		time.Sleep(wait)
		wait = min(2*wait, 50*time.Millisecond)
	}
	return func() {
		unlock(f)
		f.Close()
		release()
	}, nil
}
