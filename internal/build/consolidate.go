package build

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"baocao/internal/check"
	"baocao/internal/consolidate"
	"baocao/internal/dataset"
	"baocao/internal/msg"
)

// UnitFile is one unit's workbook, as bytes.
type UnitFile struct {
	Name string
	Data []byte
}

// CheckData runs the data checks of a template on a dataset, as a build
// of that template would before writing a word: the contract, its chỉ
// tiêu and kiem-tra.yaml (not the document's own checks).
func (t *Template) CheckData(ds *dataset.Dataset) []check.Finding {
	var out []check.Finding
	for _, e := range ds.Errors {
		out = append(out, ReaderFinding(check.Error, e, ds.Source))
	}
	out = append(out, t.Contract.Check(ds)...)
	for _, err := range t.Contract.Apply(ds) {
		f := ReaderFinding(check.Error, err, ds.Source)
		f.Check, f.Message, f.Text = "chi-tieu", err.Error(), msg.Of(err)
		out = append(out, f)
	}
	return append(out, check.Run(t.Checks, ds)...)
}

// NewConsolidationJob prepares the job of a consolidating template (its
// contract has tong_hop): the report's own workbook (base: its number,
// date and signer), and the workbooks of its units, each checked as unit
// would check it, read in parallel and consolidated (package
// consolidate). The result says which units are in and which are left
// out, and why.
func NewConsolidationJob(name string, t, unit *Template, baseName string, base []byte, units []UnitFile, outDir string) (*Job, *consolidate.Result, error) {
	spec := t.Contract.Spec(unit.CheckData)
	if spec == nil {
		return nil, nil, msg.Errorf("the template does not consolidate: its %s has no tong_hop", "du-lieu.yaml")
	}
	bj, err := NewJob(name, t, baseName, base, outDir)
	if err != nil {
		return nil, nil, err
	}
	inputs := make([]consolidate.Input, len(units))
	for i, u := range units {
		inputs[i] = consolidate.Input{File: u.Name, Read: func() (*dataset.Dataset, error) {
			ds, _, err := ReadWorkbookBytes(u.Name, u.Data)
			return ds, err
		}}
		bj.Inputs["unit:"+u.Name] = Hash(u.Data)
	}
	res, err := consolidate.Run(bj.Data, inputs, *spec)
	if err != nil {
		return nil, res, err
	}
	bj.Data = res.Data
	bj.Data.Source = baseName
	// Every unit left out is a finding of the build, at the cell of its
	// first failed check, so that validate and the page list it too.
	for _, u := range res.Missing {
		loc := dataset.Loc{File: u.File}
		for _, f := range u.Findings {
			if f.Severity == check.Error {
				loc = f.Loc
				if loc.File == "" {
					loc.File = u.File
				}
				break
			}
		}
		bj.Data.Warnings = append(bj.Data.Warnings, dataset.Errorf(loc, "unit %s is left out of the consolidation: %v", u.File, u.Err))
	}
	return bj, res, nil
}

// UnitFilesFS lists the .xlsx workbooks of a folder of fsys, in name
// order, read within the workbook limits by read.
func UnitFilesFS(fsys fs.FS, dir string, read func(name string) ([]byte, error)) ([]UnitFile, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, msg.Errorf("unit folder %s: %w", dir, err)
	}
	var out []UnitFile
	for _, e := range entries {
		if e.IsDir() || !strings.EqualFold(path.Ext(e.Name()), ".xlsx") || strings.HasPrefix(e.Name(), "~$") {
			continue // Excel's lock files (~$…) are not workbooks
		}
		data, err := read(path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, UnitFile{Name: e.Name(), Data: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	if len(out) == 0 {
		return nil, msg.Errorf("unit folder %s holds no .xlsx workbook", dir)
	}
	return out, nil
}
