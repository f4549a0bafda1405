package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"

	"baocao/internal/msg"
)

// The output folder is not trusted: a file in it may have been replaced by
// a link to somewhere else, a FIFO, a device or a huge file. These helpers
// read only regular files, never through a symbolic link, and only up to a
// size, so that a hostile folder can neither make a build read or write
// outside it, nor hang it, nor exhaust its memory.

// maxManifestSize bounds a manifest or journal read back; ours are a few
// hundred bytes.
const maxManifestSize = 1 << 20

// maxOutputSize bounds an output file hashed back to compare it with its
// manifest; a real report is a few megabytes.
const maxOutputSize = 1 << 30

// openRegular opens path for reading if it is a regular file, not a link,
// and not larger than limit bytes. The file opened is checked to be the one
// looked at, so a link put in its place in between is not followed.
func openRegular(path string, limit int64) (*os.File, int64, error) {
	st, err := os.Lstat(path)
	if err != nil {
		return nil, 0, err
	}
	if !st.Mode().IsRegular() {
		return nil, 0, msg.Errorf("%s: not a regular file (%s)", path, kind(st.Mode()))
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, 0, err
	}
	fst, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	if !os.SameFile(st, fst) || !fst.Mode().IsRegular() {
		f.Close()
		return nil, 0, msg.Errorf("%s: not a regular file (it changed while being opened)", path)
	}
	if fst.Size() > limit {
		f.Close()
		return nil, 0, msg.Errorf("%s: %d bytes, more than the %d expected", path, fst.Size(), limit)
	}
	return f, fst.Size(), nil
}

// readRegular reads a regular file of at most limit bytes.
func readRegular(path string, limit int64) ([]byte, error) {
	f, size, err := openRegular(path, limit)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, size+1))
	if err == nil && int64(len(data)) != size {
		err = msg.Errorf("%s changed while being read", path)
	}
	return data, err
}

// hashRegular is Hash of the content of a regular file of at most limit
// bytes, computed without holding the file in memory.
func hashRegular(path string, limit int64) (string, error) {
	f, size, err := openRegular(path, limit)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	fmt.Fprintf(h, "%d:", size)
	n, err := io.Copy(h, io.LimitReader(f, size+1))
	if err == nil && n != size {
		err = msg.Errorf("%s changed while being read", path)
	}
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// equalRegular reports whether the regular file at path holds data. The
// caller has seen it the size of data; a file that changes size meanwhile
// is an error, as in hashRegular.
func equalRegular(path string, data []byte) (bool, error) {
	f, size, err := openRegular(path, maxOutputSize)
	if err != nil {
		return false, err
	}
	defer f.Close()
	if size != int64(len(data)) {
		return false, nil
	}
	buf := make([]byte, min(len(data), 64<<10)+1)
	for off := 0; ; {
		n, err := f.Read(buf)
		if off+n > len(data) {
			return false, msg.Errorf("%s changed while being read", path)
		}
		if !bytes.Equal(buf[:n], data[off:off+n]) {
			return false, nil
		}
		off += n
		if err == io.EOF {
			if off != len(data) {
				return false, msg.Errorf("%s changed while being read", path)
			}
			return true, nil
		}
		if err != nil {
			return false, err
		}
	}
}

// kind names what a non-regular file is, for messages.
func kind(m fs.FileMode) msg.Word {
	switch {
	case m&fs.ModeSymlink != 0:
		return msg.Word("a symbolic link")
	case m.IsDir():
		return msg.Word("a folder")
	case m&fs.ModeNamedPipe != 0:
		return msg.Word("a FIFO")
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return msg.Word("a device")
	case m&fs.ModeSocket != 0:
		return msg.Word("a socket")
	}
	return msg.Word("a special file")
}
