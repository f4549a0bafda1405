package build

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Manifest records what a build read and wrote, beside its outputs as
// NAME.manifest.json, so that the next build can skip a report whose
// inputs did not change and a reader can tell which workbook a signed
// report came from.
type Manifest struct {
	Report   string            `json:"report"`
	Program  string            `json:"program"`  // hash of the baocao executable and Go version
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
func Program() string {
	programOnce.Do(func() {
		program = runtime.Version()
		exe, err := os.Executable()
		if err != nil {
			return
		}
		f, err := os.Open(exe)
		if err != nil {
			return
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err == nil {
			program += " " + hex.EncodeToString(h.Sum(nil))[:16]
		}
	})
	return program
}

func (j *Job) manifestPath() string { return filepath.Join(j.OutDir, j.Name+ManifestExt) }

func readManifest(path string) (*Manifest, bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	var m Manifest
	if json.Unmarshal(data, &m) != nil {
		return nil, false
	}
	return &m, true
}

// upToDate reports whether the outputs of the last build are still what
// this job would write: same program, template and inputs, and every
// output file still there, unchanged.
func (j *Job) upToDate() bool {
	if j.TemplateHash == "" || len(j.Inputs) == 0 {
		return false
	}
	m, ok := readManifest(j.manifestPath())
	if !ok || m.Program != Program() || m.Template != j.TemplateHash || len(m.Outputs) == 0 {
		return false
	}
	if len(m.Inputs) != len(j.Inputs) {
		return false
	}
	for k, v := range j.Inputs {
		if m.Inputs[k] != v {
			return false
		}
	}
	for name, sum := range m.Outputs {
		data, err := os.ReadFile(filepath.Join(j.OutDir, name))
		if err != nil || Hash(data) != sum {
			return false
		}
	}
	return true
}

// keepPrevious moves an existing file that is about to be replaced by
// different bytes into .history as NAME.vN.ext; it returns the new path,
// or "" when there was nothing to keep.
func keepPrevious(path string, next []byte) (string, error) {
	old, err := os.ReadFile(path)
	if err != nil || Hash(old) == Hash(next) {
		return "", nil
	}
	dir := filepath.Join(filepath.Dir(path), HistoryDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("keep previous %s: %w", path, err)
	}
	base := filepath.Base(path)
	ext := filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	entries, _ := os.ReadDir(dir)
	n := 0
	for _, e := range entries {
		mid, ok := strings.CutPrefix(e.Name(), stem+".v")
		if !ok || !strings.HasSuffix(mid, ext) {
			continue
		}
		if k, err := strconv.Atoi(strings.TrimSuffix(mid, ext)); err == nil && k > n {
			n = k
		}
	}
	dst := filepath.Join(dir, fmt.Sprintf("%s.v%d%s", stem, n+1, ext))
	if err := WriteFileAtomic(dst, old); err != nil {
		return "", err
	}
	return dst, nil
}

func (j *Job) writeManifest(files []string) error {
	m := Manifest{Report: j.Name, Program: Program(), Template: j.TemplateHash, Inputs: j.Inputs, Outputs: map[string]string{}}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		m.Outputs[filepath.Base(f)] = Hash(data)
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return WriteFileAtomic(j.manifestPath(), append(data, '\n'))
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
