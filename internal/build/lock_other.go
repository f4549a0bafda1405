//go:build !unix && !windows

package build

import "os"

// openFlags: no O_NOFOLLOW here; the callers check with Lstat and
// os.SameFile that what they opened is what they looked at.
const openFlags = 0

// tryLock: no OS file lock on this platform; builds of one process are
// still serialised by dirMutexes.
func tryLock(*os.File) error { return nil }

func unlock(*os.File) {}
