//go:build unix

package build

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// openFlags open a file without following a symbolic link in its last
// element, and without blocking on a FIFO (a no-op on regular files).
const openFlags = unix.O_NOFOLLOW | unix.O_NONBLOCK

func tryLock(f *os.File) error {
	for {
		err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, unix.EINTR):
			continue
		case errors.Is(err, unix.EWOULDBLOCK):
			return errWouldBlock
		}
		return err
	}
}

func unlock(f *os.File) { unix.Flock(int(f.Fd()), unix.LOCK_UN) }
