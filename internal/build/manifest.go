package build

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
)

// Manifest records what a build read and wrote, beside its outputs as
// NAME.manifest.json, so that the next build can skip a report whose
// inputs did not change and a reader can tell which workbook a signed
// report came from.
type Manifest struct {
	Report   string            `json:"report"`
	Program  string            `json:"program"`  // Go version, module, revision and build ID of baocao
	Template string            `json:"template"` // hash of the template's files
	Inputs   map[string]string `json:"inputs"`   // input name → sha256
	Outputs  map[string]string `json:"outputs"`  // file name → sha256
}

// ManifestExt is the suffix of manifest files.
const ManifestExt = ".manifest.json"

// HistoryDir is the folder, inside the output folder, where a build keeps
// the previous version of every file it replaces: NAME.vN.ext, N from 1.
const HistoryDir = ".history"

// Hash is the hex sha256 of data.
func Hash(data ...[]byte) string {
	h := sha256.New()
	for _, d := range data {
		fmt.Fprintf(h, "%d:", len(d)) // keep ("ab","c") apart from ("a","bc")
		h.Write(d)
	}
	return hex.EncodeToString(h.Sum(nil))
}

var (
	programOnce sync.Once
	program     string
)

// Program identifies the running program: a change of baocao can change
// the output with the same inputs, so it invalidates earlier manifests.
// It is the Go version, the module version and VCS revision from the build
// info (for a reader of the manifest), and the Go build ID, which the
// linker derives from the content of the executable, so that any rebuilt
// program, even from a modified work tree, is a new one. The build ID is
// read from the executable's headers (a few kilobytes) instead of hashing
// the whole 22 MB file on every run; only when there is none (a program
// linked with -buildid=) is the file hashed.
func Program() string {
	programOnce.Do(func() { program = programID() })
	return program
}

func programID() string {
	var b strings.Builder
	b.WriteString(runtime.Version())
	if bi, ok := debug.ReadBuildInfo(); ok {
		b.WriteString(" " + bi.Main.Path + "@" + bi.Main.Version)
		var rev, dirty string
		for _, s := range bi.Settings {
			switch {
			case s.Key == "vcs.revision":
				rev = s.Value
			case s.Key == "vcs.modified" && s.Value == "true":
				dirty = "+dirty"
			}
		}
		if rev != "" {
			b.WriteString(" " + rev[:min(12, len(rev))] + dirty)
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return b.String()
	}
	if id := buildID(exe); id != "" {
		b.WriteString(" build " + Hash([]byte(id))[:16])
	} else if sum := hashFile(exe); sum != "" {
		b.WriteString(" " + sum)
	}
	return b.String()
}

// goBuildPrefix and goBuildEnd delimit the Go build ID where the linker
// writes it at the start of the text segment (Mach-O, PE); on ELF it is a
// note, ".note.go.buildid". The format is the one cmd/internal/buildid
// reads, which is not importable.
var (
	goBuildPrefix = []byte("\xff Go build ID: \"")
	goBuildEnd    = []byte("\"\n \xff")
)

// buildID returns the Go build ID of the executable at path, or "".
func buildID(path string) string {
	if f, err := elf.Open(path); err == nil {
		defer f.Close()
		s := f.Section(".note.go.buildid")
		if s == nil || s.Size > 4096 {
			return ""
		}
		data, err := s.Data()
		// A note: name size (4), description size, type (4 = Go build
		// ID), the name "Go\0\0", then the description, the ID.
		if err != nil || len(data) < 16 {
			return ""
		}
		bo := f.ByteOrder
		nameSize, descSize, typ := bo.Uint32(data), bo.Uint32(data[4:]), bo.Uint32(data[8:])
		if nameSize != 4 || typ != 4 || string(data[12:16]) != "Go\x00\x00" || uint64(16)+uint64(descSize) > uint64(len(data)) {
			return ""
		}
		return string(data[16 : 16+descSize])
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 64<<10)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	i := bytes.Index(head, goBuildPrefix)
	if i < 0 {
		return ""
	}
	rest := head[i+len(goBuildPrefix):]
	j := bytes.Index(rest, goBuildEnd)
	if j < 0 {
		return ""
	}
	return string(rest[:j])
}

// hashFile is a short sha256 of a file, or "": the fallback identity of a
// program without a build ID.
func hashFile(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func (j *Job) manifestPath() string { return filepath.Join(j.OutDir, j.Name+ManifestExt) }

// readManifest reads a manifest back: a regular file, not a link, of a
// bounded size. Anything else counts as no manifest.
func readManifest(path string) (*Manifest, bool) {
	data, err := readRegular(path, maxManifestSize)
	if err != nil {
		return nil, false
	}
	var m Manifest
	if json.Unmarshal(data, &m) != nil {
		return nil, false
	}
	return &m, true
}

// outputNames are the names a build of this job may write, the manifest
// excepted.
func (j *Job) outputNames() map[string]bool {
	names := map[string]bool{}
	for _, w := range Writers {
		names[j.Name+w.Ext] = true
	}
	return names
}

// upToDate reports whether the outputs of the last build are still what
// this job would write: same program, template and inputs, and every
// output file still there, unchanged. The output names of the manifest are
// not trusted: only the names this job writes are looked at (never
// "../../etc/passwd" or "/dev/zero"), and only regular files are read.
func (j *Job) upToDate() bool {
	if j.TemplateHash == "" || len(j.Inputs) == 0 {
		return false
	}
	m, ok := readManifest(j.manifestPath())
	if !ok || m.Report != j.Name || m.Program != Program() || m.Template != j.TemplateHash || len(m.Outputs) == 0 {
		return false
	}
	inputs := j.inputs()
	if len(m.Inputs) != len(inputs) {
		return false
	}
	for k, v := range inputs {
		if m.Inputs[k] != v {
			return false
		}
	}
	names := j.outputNames()
	for name, sum := range m.Outputs {
		if !names[name] {
			return false
		}
		got, err := hashRegular(filepath.Join(j.OutDir, name), maxOutputSize)
		if err != nil || got != sum {
			return false
		}
	}
	return true
}

// manifest is the manifest of a build that writes outs.
func (j *Job) manifest(outs []output) ([]byte, error) {
	m := Manifest{Report: j.Name, Program: Program(), Template: j.TemplateHash, Inputs: j.inputs(), Outputs: map[string]string{}}
	for _, o := range outs {
		if o.sum == "" {
			o.sum = Hash(o.data)
		}
		m.Outputs[o.name] = o.sum
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// TemplateFiles are the files of a template folder that make its output.
var TemplateFiles = []string{"report.md", "kiem-tra.yaml", "phu-luc.yaml", "du-lieu.yaml"}

// HashFiles hashes named byte slices in name order.
func HashFiles(files map[string][]byte) string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var parts [][]byte
	for _, n := range names {
		parts = append(parts, []byte(n), files[n])
	}
	return Hash(parts...)
}

// inputs are the job's inputs with the images its document printed, by
// their front-matter key.
func (j *Job) inputs() map[string]string {
	if len(j.images) == 0 {
		return j.Inputs
	}
	out := make(map[string]string, len(j.Inputs)+len(j.images))
	for k, v := range j.Inputs {
		out[k] = v
	}
	for k, v := range j.images {
		out[k] = v
	}
	return out
}
