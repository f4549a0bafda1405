// Package build runs the pipeline for one report: workbook → dataset →
// template → document model → writers, and puts the files of a report in
// place all or nothing, under a lock on the output folder, never writing
// over an input nor through a link (commit.go, lock.go, safeio.go). It is
// the only package that touches output files; the command line
// (cmd/baocao) only parses arguments and prints.
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
	"sync"
	"syscall"

	"go.yaml.in/yaml/v3"

	"baocao/internal/appendix"
	"baocao/internal/check"
	"baocao/internal/contract"
	"baocao/internal/dataset"
	"baocao/internal/docmodel"
	"baocao/internal/msg"
	"baocao/internal/render/docx"
	"baocao/internal/render/pdf"
	"baocao/internal/render/xlsx"
	"baocao/internal/report"
	"baocao/internal/safename"
	"baocao/internal/sigimage"
	"baocao/internal/tmpl"
	"baocao/internal/xlsxdata"
	"baocao/internal/yamllist"
)

// Job is one report to build.
type Job struct {
	Name     string         // output file name without extension
	Template *tmpl.Template // loaded template
	Checks   []check.Check  // the template's kiem-tra.yaml
	// Appendices are the template's appendix tables (phu-luc.yaml).
	Appendices []appendix.Def
	// Contract is the template's data contract (du-lieu.yaml), nil when it
	// has none.
	Contract *contract.Contract
	// built is the document Validate built, for Run to write, or buildErr
	// why it could not be built.
	built    *docmodel.Document
	buildErr error
	// TemplateHash and Inputs (name → hash) fingerprint what the job
	// reads; with them a build skips a report whose inputs did not change.
	TemplateHash string
	Inputs       map[string]string
	// Force rebuilds even when the inputs did not change.
	Force bool
	// OnDocument, when set, is called with the document Run writes, once
	// it is built and before its files are written, so that the caller
	// may read it meanwhile (the web page makes its preview from it, on
	// another goroutine, while the files are written). The writers only
	// read the document; nor may OnDocument's reader change it.
	OnDocument func(*docmodel.Document)
	Data       *dataset.Dataset
	OutDir     string
	// InputPaths are the files on disk the job reads (the workbook, the
	// template's files): no output may be one of them.
	InputPaths []string
	// ImageDirs are the folders the signature and seal images may come
	// from, searched in order: the workbook's folder (set by the command
	// line, which knows it) before the template's (set by NewJob).
	ImageDirs []sigimage.Dir
	// noImages builds documents without their images (diff compares
	// text).
	noImages bool
	// images fingerprint the images the last document printed, for the
	// manifest: a new seal is a new input.
	images map[string]string
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

// Validate runs the template's checks on the data; what the reader found
// (text converted from a legacy encoding, a typed total row set aside, or
// one that disagrees with its rows) comes first.
func (j *Job) Validate() []check.Finding {
	var out []check.Finding
	for _, e := range j.Data.Errors {
		out = append(out, ReaderFinding(check.Error, e, j.Data.Source))
	}
	out = append(out, j.Contract.Check(j.Data)...)
	for _, err := range j.Contract.Apply(j.Data) {
		f := ReaderFinding(check.Error, err, j.Data.Source)
		// The cell is where to look, but the message must still say
		// which chỉ tiêu could not be computed.
		f.Check, f.Message, f.Text = "chi-tieu", err.Error(), msg.Of(err)
		if f.Loc.File == "" {
			f.Loc.File = j.Data.Source
		}
		out = append(out, f)
	}
	for _, w := range j.Data.Warnings {
		out = append(out, ReaderFinding(check.Warning, w, j.Data.Source))
	}
	out = append(out, check.Run(j.Checks, j.Data)...)
	if check.HasErrors(out) {
		return out
	}
	// What the document itself lacks (an incomplete signature block) is
	// known once it is built; a data error the template meets is shown
	// here too, so that validate says everything build would.
	doc, issues, err := j.document()
	j.built, j.buildErr = doc, err // Run writes this one rather than building it again
	if err != nil {
		f := ReaderFinding(check.Error, err, j.Data.Source)
		f.Check, f.Message, f.Text = "bao-cao", "the report cannot be built: "+err.Error(), msg.Sprintf("the report cannot be built: %v", err)
		return append(out, f)
	}
	for _, is := range issues {
		sev := check.Warning
		if is.Error {
			sev = check.Error
		}
		f := check.Finding{Severity: sev, Check: "chu-ky", Message: is.Message, File: j.Data.Source,
			Loc: dataset.Loc{File: j.Data.Source}}
		if !is.Text.IsZero() { // an image's warning is its Message alone
			f.Text = is.Text
		}
		out = append(out, f)
	}
	return out
}

// ReaderFinding is err, met reading the workbook source, as a finding:
// when err names its cell (a *dataset.Error), the finding is at that
// cell and its message is the cause alone, so that a list showing the
// sheet and cell beside the message does not say the place twice.
func ReaderFinding(sev check.Severity, err error, source string) check.Finding {
	f := check.Finding{Severity: sev, Check: "reader", Message: err.Error(), Text: msg.Of(err), File: source}
	var de *dataset.Error
	if errors.As(err, &de) {
		f.Loc, f.Message, f.Text = de.Loc, de.Err.Error(), msg.Of(de.Err)
		f.File, f.Sheet, f.Cell = de.Loc.File, de.Loc.Sheet, de.Loc.Cell
	}
	return f
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
	j.Contract.Apply(j.Data)
	doc, _, err := j.document()
	return doc, err
}

// document is Document, with what the document lacks (report.Issue), for
// a dataset the contract has been applied to (Validate has, and says what
// could not be computed).
func (j *Job) document() (*docmodel.Document, []report.Issue, error) {
	doc, issues, err := report.BuildChecked(j.Template, j.Data, report.Options{Images: j.ImageDirs, NoImages: j.noImages})
	if err != nil {
		return nil, nil, err
	}
	j.images = nil
	for key, img := range map[string]*docmodel.Image{"ky.anh_chu_ky": doc.Closing.Signature.Image, "ky.anh_dau": doc.Closing.Signature.Seal} {
		if img != nil {
			if j.images == nil {
				j.images = map[string]string{}
			}
			j.images[key] = Hash(img.PNG)
		}
	}
	if doc.Appendices, err = appendix.Build(j.Appendices, j.Data, doc); err != nil {
		return nil, nil, err
	}
	return doc, issues, nil
}

// Run builds the document and writes every format, all or nothing: the
// whole set (DOCX, PDF, XLSX, then the manifest) is rendered in memory,
// written into a staging folder and moved into place under the output
// folder's lock (see commit.go), so a failure or a crash leaves the
// previous set whole and concurrent builds into one folder never mix their
// files.
//
// When the manifest of the last build shows the same program, template and
// inputs, and its outputs are untouched, nothing is written (Skipped) unless
// Force is set. A file replaced by different bytes is first kept in
// .history, so a version that was signed is never lost.
func (j *Job) Run() (*Result, error) {
	// Building the model takes one core; the other parses the fonts
	// meanwhile, which the first build of a process would otherwise do
	// on its way.
	go pdf.Prepare()
	// The manifest names the program: reading its build ID from the
	// executable is done now, on the idle core, rather than after the
	// files are written.
	go Program()
	res := &Result{Findings: j.Validate()}
	// The document is written once: a job kept after its run (the units
	// of a batch, all held until the summary) must not keep its model, a
	// third of a megabyte that made a batch's memory grow with its length.
	defer func() { j.built, j.buildErr = nil, nil }()
	if j.buildErr != nil {
		// Validate lists it as a finding for validate; build says it as
		// the error it is.
		res.Findings = res.Findings[:len(res.Findings)-1]
		return res, j.buildErr
	}
	if check.HasErrors(res.Findings) {
		return res, &CheckError{res.Findings}
	}
	if !validName(j.Name) {
		return res, msg.Errorf("output name %q is not a plain file name (safe: %q): name the report without a folder, \"..\" or a device name, and choose the folder with --out", j.Name, safename.Name(j.Name))
	}
	if err := j.checkInputs(); err != nil {
		return res, err
	}
	if !j.Force {
		skip, err := j.skipUnchanged()
		if err != nil {
			return res, err
		}
		if skip {
			res.Skipped = true
			return res, nil
		}
	}
	doc := j.built
	if doc == nil {
		var err error
		if doc, err = j.Document(); err != nil {
			return res, err
		}
	}
	if j.OnDocument != nil {
		j.OnDocument(doc)
	}
	outs, drop, err := j.render(doc)
	if err != nil {
		return res, err
	}
	files := make([]string, len(outs))
	for i, o := range outs {
		files[i] = filepath.Join(j.OutDir, o.name)
	}
	if len(j.Inputs) > 0 {
		m, err := j.manifest(outs)
		if err != nil {
			return res, msg.Errorf("manifest: %w", err)
		}
		outs = append(outs, output{name: j.Name + ManifestExt, data: m})
	}
	if err := os.MkdirAll(j.OutDir, 0o755); err != nil {
		return res, msg.Errorf("output folder: %w", err)
	}
	unlock, err := lockDir(j.OutDir)
	if err != nil {
		return res, err
	}
	defer unlock()
	if err := recoverStaging(j.OutDir); err != nil {
		return res, err
	}
	// Under the lock too, and done before it is released (the defers
	// run in the opposite order).
	swept := make(chan struct{})
	go func() {
		defer close(swept)
		sweepOld(j.OutDir)
	}()
	defer func() { <-swept }()
	// Again under the lock: a link to an input may have appeared since.
	if err := j.checkInputs(); err != nil {
		return res, err
	}
	kept, err := commit(j.OutDir, outs, drop)
	if err != nil {
		return res, err
	}
	res.Kept, res.Files = kept, files
	return res, nil
}

// skipUnchanged completes any build into the folder that was cut short,
// then reports whether the last build's outputs are up to date. A folder
// that does not exist yet has nothing to skip, and is not created.
func (j *Job) skipUnchanged() (bool, error) {
	if st, err := os.Stat(j.OutDir); err != nil || !st.IsDir() {
		return false, nil
	}
	unlock, err := lockDir(j.OutDir)
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		// A folder this user may not write to: no build can be under way
		// there, and if the outputs are not up to date, writing them fails
		// later with its own message.
		return j.upToDate(), nil
	}
	if err != nil {
		return false, err
	}
	defer unlock()
	if err := recoverDir(j.OutDir); err != nil {
		return false, err
	}
	return j.upToDate(), nil
}

// ErrOverwritesInput is wrapped by the error of a build whose output would
// replace one of its inputs.
var ErrOverwritesInput = msg.Errorf("the output would overwrite an input")

// checkInputs refuses a build that would write over one of its inputs: an
// output name that is the workbook or a template file, through the same
// path, a symbolic link or a hard link (os.SameFile compares the files, not
// the names).
func (j *Job) checkInputs() error {
	if len(j.InputPaths) == 0 {
		return nil
	}
	var inputs []os.FileInfo
	for _, p := range j.InputPaths {
		if st, err := os.Stat(p); err == nil {
			inputs = append(inputs, st)
		}
	}
	names := []string{j.Name + ManifestExt}
	for _, w := range Writers {
		names = append(names, j.Name+w.Ext)
	}
	for _, n := range names {
		out := filepath.Join(j.OutDir, n)
		st, err := os.Stat(out)
		if err != nil {
			continue
		}
		for i, in := range inputs {
			if os.SameFile(st, in) {
				return msg.Errorf("%w: writing %s would replace the input %s (the same file), which baocao only reads; choose another --out folder or another --name; nothing was written", ErrOverwritesInput, out, j.InputPaths[i])
			}
		}
	}
	return nil
}

// render writes every format of doc in memory, the PDF beside the
// others: the writers only read the model, and the PDF, the slowest, then
// costs the whole set's time rather than adding to it. drop lists the files this
// document no longer has (an appendix workbook for a report without
// appendices).
func (j *Job) render(doc *docmodel.Document) (outs []output, drop []string, err error) {
	bufs := make([]*bytes.Buffer, len(Writers))
	errs := make([]error, len(Writers))
	slowest := -1
	var others []int
	for i, w := range Writers {
		if w.Wants != nil && !w.Wants(doc) {
			drop = append(drop, j.Name+w.Ext)
			continue
		}
		bufs[i] = new(bytes.Buffer)
		if w.Ext == ".pdf" {
			slowest = i
		} else {
			others = append(others, i)
		}
	}
	// The PDF runs on this goroutine, so it starts at once: as one more
	// goroutine it waited behind the others for a core (5 ms of the 2-core
	// build of Thạch An), and it is the one the set waits for. The others
	// run one after the other on one goroutine: together they take less
	// time than the PDF, and one at a time they share one compressor (a
	// megabyte of tables) instead of holding one each.
	// Each output is hashed for the manifest where it was written, the
	// others' while the PDF is still being drawn.
	sums := make([]string, len(Writers))
	write := func(i int) {
		if errs[i] = Writers[i].Write(bufs[i], doc); errs[i] == nil {
			sums[i] = Hash(bufs[i].Bytes())
		}
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, i := range others {
			write(i)
		}
	}()
	if slowest >= 0 {
		write(slowest)
	}
	wg.Wait()
	for i, w := range Writers {
		if bufs[i] == nil {
			continue
		}
		if errs[i] != nil {
			return nil, nil, msg.Errorf("%s%s: %w", j.Name, w.Ext, errs[i])
		}
		outs = append(outs, output{j.Name + w.Ext, bufs[i].Bytes(), sums[i]})
	}
	return outs, drop, nil
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
		return msg.Errorf("write %s: %w", path, err)
	}
	name := tmp.Name()
	defer os.Remove(name) // no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return msg.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return msg.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return msg.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(name, 0o644); err != nil {
		return msg.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		return msg.Errorf("write %s: %w", path, err)
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
	ds, err := xlsxdata.ReadBytes(name, data)
	return ds, Hash(data), err
}

// Template is a loaded template folder with its checks, appendix tables
// and the hash of its files.
type Template struct {
	Report     *tmpl.Template
	Checks     []check.Check
	Appendices []appendix.Def
	Contract   *contract.Contract
	Hash       string
	// Images is the template folder, where the signature and seal images
	// are looked for after the workbook's folder.
	Images sigimage.Dir
}

// LoadTemplateFS loads the template folder dir of fsys; prefix is put
// before file names in messages.
func LoadTemplateFS(fsys fs.FS, dir, prefix string) (*Template, error) {
	// Images have their own limits, and are refused when they are links,
	// which the limited file system would not tell.
	images := sigimage.Dir{FS: fsys, Path: dir, Label: prefix}
	// Every file of the template is read within the template limits.
	fsys = tmpl.LimitFS(fsys, tmpl.DefaultLimits.Size)
	name := func(f string) string { return filepath.Join(prefix, f) }
	src, err := fs.ReadFile(fsys, path.Join(dir, tmpl.FileName))
	if err != nil {
		return nil, msg.Errorf("template %s: %w", prefix, err)
	}
	// The four files parse independently, and YAML and text/template
	// parsing are most of the time of a build's start: the data files
	// are parsed on another goroutine while report.md is. The first error
	// in the old order (report.md, kiem-tra, phu-luc, du-lieu) is kept.
	var (
		checks                         []check.Check
		defs                           []appendix.Def
		ct                             *contract.Contract
		cerr, derr, cterr, tcerr, aerr error
		wg                             sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		ct, cterr = contract.LoadFS(fsys, dir, name(contract.FileName))
		checks, cerr = check.LoadFS(fsys, dir, name(check.FileName))
		defs, derr = appendix.LoadFS(fsys, dir, name(appendix.FileName))
		// What the contract says of the other files is checked here too,
		// beside report.md's parse rather than after it.
		if cterr == nil {
			tcerr = ct.CheckTemplate(name(tmpl.FileName), src)
			if derr == nil {
				aerr = ct.CheckAppendices(defs)
			}
		}
	}()
	t, err := tmpl.Parse(name(tmpl.FileName), src)
	// The template's hash names the files as read again, as before, while
	// the other goroutine may still be parsing.
	files := map[string][]byte{}
	for _, f := range TemplateFiles {
		if data, err := fs.ReadFile(fsys, path.Join(dir, f)); err == nil {
			files[f] = data
		}
	}
	hash := HashFiles(files)
	wg.Wait()
	for _, e := range []error{err, cerr, derr, cterr, tcerr, aerr} {
		if e != nil {
			return nil, e
		}
	}
	return &Template{Report: t, Checks: checks, Appendices: defs, Contract: ct, Hash: hash, Images: images}, nil
}

// NewJob prepares a job from a template and a workbook's bytes.
func NewJob(name string, t *Template, dataName string, data []byte, outDir string) (*Job, error) {
	ds, sum, err := ReadWorkbookBytes(dataName, data)
	if err != nil {
		return nil, err
	}
	return NewJobRead(name, t, dataName, ds, sum, outDir), nil
}

// NewJobRead is NewJob for a workbook already read with ReadWorkbookBytes
// (ds and its hash sum), so that a caller can read it while the template
// loads.
func NewJobRead(name string, t *Template, dataName string, ds *dataset.Dataset, sum string, outDir string) *Job {
	return &Job{Name: name, Template: t.Report, Checks: t.Checks, Appendices: t.Appendices, Contract: t.Contract, Data: ds, OutDir: outDir,
		TemplateHash: t.Hash, Inputs: map[string]string{filepath.Base(dataName): sum}, ImageDirs: []sigimage.Dir{t.Images}}
}

// ImagesBeside makes the folder of the workbook at path the first place
// the job's signature and seal images are looked for: the agency keeps its
// own beside its data, and a template shared by many may hold none.
func (j *Job) ImagesBeside(workbook string) {
	dir := filepath.Dir(workbook)
	j.ImageDirs = append([]sigimage.Dir{{FS: os.DirFS(dir), Path: ".", Label: dir}}, j.ImageDirs...)
}

// Sample is one built-in template paired with its sample workbook.
type Sample struct {
	Name     string `yaml:"ten"`
	Template string `yaml:"mau"`
	Data     string `yaml:"du_lieu"`
	// Units is the folder (under data/) of the unit workbooks a
	// consolidating template reads; empty for other templates.
	Units string `yaml:"don_vi"`
}

// Samples lists the built-in samples of assets (templates/ and data/).
func Samples(assets fs.FS) ([]Sample, error) {
	src, err := fs.ReadFile(assets, "data/samples.yaml")
	if err != nil {
		return nil, err
	}
	var list []Sample
	if err := yaml.Unmarshal(src, &list); err != nil {
		return nil, msg.Errorf("data/samples.yaml: %w", yamllist.Explain(err))
	}
	for i, s := range list {
		if s.Name == "" || s.Template == "" || s.Data == "" || strings.ContainsAny(s.Name, `/\`) {
			return nil, msg.Errorf("data/samples.yaml: entry %d needs ten (a file name), mau and du_lieu", i+1)
		}
	}
	return list, nil
}

// SampleJob prepares the job of a built-in sample.
func SampleJob(assets fs.FS, s Sample, outDir string) (*Job, error) {
	t, unit, err := sampleTemplates(assets, s)
	if err != nil {
		return nil, err
	}
	path := "data/" + s.Data
	src, err := fs.ReadFile(assets, path)
	if err != nil {
		return nil, err
	}
	if unit == nil {
		return NewJob(s.Name, t, path, src, outDir)
	}
	units, err := UnitFilesFS(assets, "data/"+s.Units, func(name string) ([]byte, error) { return fs.ReadFile(assets, name) })
	if err != nil {
		return nil, err
	}
	j, _, err := NewConsolidationJob(s.Name, t, unit, path, src, units, outDir)
	return j, err
}

// sampleTemplates loads a sample's template and, for a consolidating
// sample, the template of its units (nil otherwise).
func sampleTemplates(assets fs.FS, s Sample) (t, unit *Template, err error) {
	dir := "templates/" + s.Template
	if t, err = LoadTemplateFS(assets, dir, dir); err != nil {
		return nil, nil, err
	}
	if s.Units == "" {
		return t, nil, nil
	}
	if t.Contract == nil || t.Contract.Consolidation == nil {
		return nil, nil, msg.Errorf("data/samples.yaml: %s has don_vi, but template %s does not consolidate", s.Name, s.Template)
	}
	udir := "templates/" + t.Contract.Consolidation.UnitTemplate
	if unit, err = LoadTemplateFS(assets, udir, udir); err != nil {
		return nil, nil, err
	}
	return t, unit, nil
}
