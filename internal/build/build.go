// Package build runs the pipeline for one report: workbook → dataset →
// template → document model → writers, and puts the files in place
// atomically. It is the only package that touches output files; the
// command line (cmd/baocao) only parses arguments and prints.
package build

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"

	"baocao/internal/appendix"
	"baocao/internal/check"
	"baocao/internal/dataset"
	"baocao/internal/docmodel"
	"baocao/internal/render/docx"
	"baocao/internal/render/pdf"
	"baocao/internal/render/xlsx"
	"baocao/internal/report"
	"baocao/internal/tmpl"
	"baocao/internal/xlsxdata"
)

// Job is one report to build.
type Job struct {
	Name     string         // output file name without extension
	Template *tmpl.Template // loaded template
	Checks   []check.Check  // the template's kiem-tra.yaml
	// Appendices are the template's appendix tables (phu-luc.yaml).
	Appendices []appendix.Def
	// TemplateHash and Inputs (name → hash) fingerprint what the job
	// reads; with them a build skips a report whose inputs did not change.
	TemplateHash string
	Inputs       map[string]string
	// Force rebuilds even when the inputs did not change.
	Force  bool
	Data   *dataset.Dataset
	OutDir string
}

// Result says what a job wrote, and what the checks found.
type Result struct {
	Files    []string
	Findings []check.Finding
	// Skipped: the outputs of the last build are up to date.
	Skipped bool
	// Kept lists where replaced files were kept (.history/NAME.vN.ext).
	Kept []string
}

// CheckError stops a build whose data fails a check of error severity.
type CheckError struct{ Findings []check.Finding }

func (e *CheckError) Error() string {
	var b strings.Builder
	n := 0
	for _, f := range e.Findings {
		if f.Severity == check.Error {
			n++
		}
	}
	fmt.Fprintf(&b, "the data fails %d check(s); nothing was written:", n)
	for _, f := range e.Findings {
		if f.Severity == check.Error {
			b.WriteString("\n  " + f.String())
		}
	}
	return b.String()
}

// Validate runs the template's checks on the data; what the reader had to
// warn about (text converted from a legacy encoding) comes first.
func (j *Job) Validate() []check.Finding {
	var out []check.Finding
	for _, w := range j.Data.Warnings {
		f := check.Finding{Severity: check.Warning, Check: "reader", Message: w.Error(), File: j.Data.Source}
		var de *dataset.Error
		if errors.As(w, &de) {
			f.Loc, f.Message = de.Loc, de.Err.Error()
			f.File, f.Sheet, f.Cell = de.Loc.File, de.Loc.Sheet, de.Loc.Cell
		}
		out = append(out, f)
	}
	return append(out, check.Run(j.Checks, j.Data)...)
}

// A Writer renders a document into one output format.
type Writer struct {
	Ext   string
	Write func(io.Writer, *docmodel.Document) error
	// Wants reports whether the document has anything for this format;
	// nil means always.
	Wants func(*docmodel.Document) bool
}

// Writers are the output formats of a build, in the order they are written:
// the report as DOCX and PDF, and its appendix tables as a workbook when it
// has any.
var Writers = []Writer{
	{".docx", docx.Write, nil},
	{".pdf", pdf.Write, nil},
	{".xlsx", xlsx.Write, xlsx.HasTables},
}

// Document builds the document model of a job without writing anything:
// the report from its template, then its appendix tables.
func (j *Job) Document() (*docmodel.Document, error) {
	doc, err := report.Build(j.Template, j.Data)
	if err != nil {
		return nil, err
	}
	if doc.Appendices, err = appendix.Build(j.Appendices, j.Data, doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// Run builds the document and writes every format. Each file is rendered
// in memory first and then renamed into place, so a failure leaves the
// previous files untouched and never a half-written one.
//
// When the manifest of the last build shows the same program, template and
// inputs, and its outputs are untouched, nothing is written (Skipped) unless
// Force is set. A file replaced by different bytes is first kept in
// .history, so a version that was signed is never lost.
func (j *Job) Run() (*Result, error) {
	res := &Result{Findings: j.Validate()}
	if check.HasErrors(res.Findings) {
		return res, &CheckError{res.Findings}
	}
	if !j.Force && j.upToDate() {
		res.Skipped = true
		return res, nil
	}
	doc, err := j.Document()
	if err != nil {
		return res, err
	}
	if err := os.MkdirAll(j.OutDir, 0o755); err != nil {
		return res, fmt.Errorf("output folder: %w", err)
	}
	outs := make([][]byte, len(Writers))
	for i, w := range Writers {
		if w.Wants != nil && !w.Wants(doc) {
			continue
		}
		var buf bytes.Buffer
		if err := w.Write(&buf, doc); err != nil {
			return res, fmt.Errorf("%s%s: %w", j.Name, w.Ext, err)
		}
		outs[i] = buf.Bytes()
	}
	for i, w := range Writers {
		if outs[i] == nil {
			continue
		}
		path := filepath.Join(j.OutDir, j.Name+w.Ext)
		kept, err := keepPrevious(path, outs[i])
		if err != nil {
			return res, err
		}
		if kept != "" {
			res.Kept = append(res.Kept, kept)
		}
		if err := WriteFileAtomic(path, outs[i]); err != nil {
			return res, err
		}
		res.Files = append(res.Files, path)
	}
	if len(j.Inputs) > 0 {
		if err := j.writeManifest(res.Files); err != nil {
			return res, fmt.Errorf("manifest: %w", err)
		}
	}
	return res, nil
}

// WriteFileAtomic writes data to a temporary file beside path, syncs it
// and renames it over path, so readers see the old file or the new one.
func WriteFileAtomic(path string, data []byte) error {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	name := tmp.Name()
	defer os.Remove(name) // no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(name, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// ReadWorkbook reads a workbook from disk. The file is opened read-only;
// the reader never saves it.
func ReadWorkbook(path string) (*dataset.Dataset, error) {
	return xlsxdata.Read(path)
}

// ReadWorkbookBytes reads a workbook held in memory; name is used in
// messages. It returns the hash of the bytes as well, for the manifest.
func ReadWorkbookBytes(name string, data []byte) (*dataset.Dataset, string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, "", fmt.Errorf("%s: cannot open as an .xlsx workbook: %w", name, err)
	}
	defer f.Close()
	ds, err := xlsxdata.ReadFile(f, name)
	return ds, Hash(data), err
}

// Template is a loaded template folder with its checks, appendix tables
// and the hash of its files.
type Template struct {
	Report     *tmpl.Template
	Checks     []check.Check
	Appendices []appendix.Def
	Hash       string
}

// LoadTemplateFS loads the template folder dir of fsys; prefix is put
// before file names in messages.
func LoadTemplateFS(fsys fs.FS, dir, prefix string) (*Template, error) {
	name := func(f string) string { return filepath.Join(prefix, f) }
	src, err := fs.ReadFile(fsys, path.Join(dir, tmpl.FileName))
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", prefix, err)
	}
	t, err := tmpl.Parse(name(tmpl.FileName), src)
	if err != nil {
		return nil, err
	}
	checks, err := check.LoadFS(fsys, dir, name(check.FileName))
	if err != nil {
		return nil, err
	}
	defs, err := appendix.LoadFS(fsys, dir, name(appendix.FileName))
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for _, f := range TemplateFiles {
		if data, err := fs.ReadFile(fsys, path.Join(dir, f)); err == nil {
			files[f] = data
		}
	}
	return &Template{Report: t, Checks: checks, Appendices: defs, Hash: HashFiles(files)}, nil
}

// NewJob prepares a job from a template and a workbook's bytes.
func NewJob(name string, t *Template, dataName string, data []byte, outDir string) (*Job, error) {
	ds, sum, err := ReadWorkbookBytes(dataName, data)
	if err != nil {
		return nil, err
	}
	return &Job{Name: name, Template: t.Report, Checks: t.Checks, Appendices: t.Appendices, Data: ds, OutDir: outDir,
		TemplateHash: t.Hash, Inputs: map[string]string{filepath.Base(dataName): sum}}, nil
}

// Sample is one built-in template paired with its sample workbook.
type Sample struct {
	Name     string `yaml:"ten"`
	Template string `yaml:"mau"`
	Data     string `yaml:"du_lieu"`
}

// Samples lists the built-in samples of assets (templates/ and data/).
func Samples(assets fs.FS) ([]Sample, error) {
	src, err := fs.ReadFile(assets, "data/samples.yaml")
	if err != nil {
		return nil, err
	}
	var list []Sample
	if err := yaml.Unmarshal(src, &list); err != nil {
		return nil, fmt.Errorf("data/samples.yaml: %w", err)
	}
	for i, s := range list {
		if s.Name == "" || s.Template == "" || s.Data == "" || strings.ContainsAny(s.Name, `/\`) {
			return nil, fmt.Errorf("data/samples.yaml: entry %d needs ten (a file name), mau and du_lieu", i+1)
		}
	}
	return list, nil
}

// SampleJob prepares the job of a built-in sample.
func SampleJob(assets fs.FS, s Sample, outDir string) (*Job, error) {
	dir := "templates/" + s.Template
	t, err := LoadTemplateFS(assets, dir, dir)
	if err != nil {
		return nil, err
	}
	path := "data/" + s.Data
	src, err := fs.ReadFile(assets, path)
	if err != nil {
		return nil, err
	}
	return NewJob(s.Name, t, path, src, outDir)
}
