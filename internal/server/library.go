package server

import (
	"bytes"
	"errors"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"

	"baocao/internal/build"
	"baocao/internal/contract"
	"baocao/internal/msg"
	"baocao/internal/tmpl"
	"baocao/internal/workbook"
)

// entry is one report type of the library.
type entry struct {
	Name        string `json:"name"`  // what POST /api/builds takes
	Title       string `json:"title"` // the README's heading
	Description string `json:"description"`
	Source      string `json:"source"` // "built-in" or "data-dir"
	// Period and Unit come from the contract's examples: the kind of
	// period the report covers and the kind of unit that issues it.
	Period      string `json:"period,omitempty"`
	Unit        string `json:"unit,omitempty"`
	HasContract bool   `json:"blank_workbook"`
	Workbook    string `json:"workbook_url,omitempty"`
	// UnitTemplate is set for a consolidating template: the template of
	// the unit workbooks it takes with its own (field units).
	UnitTemplate string `json:"unit_template,omitempty"`
	t            *build.Template
}

type library struct {
	byName map[string]*entry
	list   []*entry
}

// loadLibrary loads the built-in templates, then those of dir (one folder
// per template, holding report.md); a folder of dir with a built-in's name
// is skipped so that the built-in report stays what its name says. A
// template that fails to load is left out with a log line: one broken
// folder must not close the page for the others.
func loadLibrary(assets fs.FS, dir string, logf func(string, ...any)) (*library, error) {
	lib := &library{byName: map[string]*entry{}}
	add := func(fsys fs.FS, root, name, source, prefix string) {
		if _, dup := lib.byName[name]; dup {
			logf("%v", msg.Sprintf("the template %s in %s has the name of a built-in template: left out", name, prefix))
			return
		}
		t, err := build.LoadTemplateFS(fsys, root, prefix)
		if err != nil {
			logf("%v", msg.Sprintf("could not load the template %s: %v", prefix, err))
			return
		}

		e := &entry{Name: name, Source: source, t: t, HasContract: t.Contract != nil}
		if t.Contract != nil && t.Contract.Consolidation != nil {
			e.UnitTemplate = t.Contract.Consolidation.UnitTemplate
		}
		e.Title, e.Description = readme(fsys, root)
		// "name: what it is" says the name twice on the page.
		e.Title = strings.TrimSpace(strings.TrimPrefix(e.Title, name+":"))
		if e.Title == "" {
			e.Title = name
		}
		if e.HasContract {
			e.Period, e.Unit = examples(t.Contract)
			e.Workbook = "/api/templates/" + url.PathEscape(name) + "/workbook"
		}
		lib.byName[name] = e
		lib.list = append(lib.list, e)
	}
	if assets != nil {
		dirs, err := fs.ReadDir(assets, "templates")
		if err != nil {
			return nil, msg.Errorf("the built-in templates: %w", err)
		}
		for _, d := range dirs {
			if d.IsDir() {
				add(assets, "templates/"+d.Name(), d.Name(), "built-in", "templates/"+d.Name())
			}
		}
	}
	dirs, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, msg.Errorf("the template folder %s: %w", dir, err)
	}
	fsys := os.DirFS(dir)
	for _, d := range dirs {
		if !d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			continue
		}
		if _, err := fs.Stat(fsys, path.Join(d.Name(), tmpl.FileName)); err != nil {
			continue
		}
		add(fsys, d.Name(), norm.NFC.String(d.Name()), "data-dir", dir+"/"+d.Name())
	}
	sort.SliceStable(lib.list, func(i, j int) bool { return lib.list[i].Title < lib.list[j].Title })
	return lib, nil
}

// examples finds the period and the unit in a contract: the description
// and example of its period fact (giai_doan, ky_bao_cao or nam, the
// first declared), and the example of ten_don_vi.
func examples(c *contract.Contract) (period, unit string) {
	rank := map[string]int{"giai_doan": 1, "ky_bao_cao": 2, "nam": 3}
	best := 0
	for _, f := range c.Facts {
		if r := rank[f.Key]; r > 0 && (best == 0 || r < best) && f.Example != "" {
			best = r
			period = f.Description + ": " + f.Example
			if f.Description == "" {
				period = f.Example
			}
		}
		if f.Key == "ten_don_vi" {
			unit = f.Example
		}
	}
	return norm.NFC.String(period), norm.NFC.String(unit)
}

// readme takes the heading and the first paragraph of a template's
// README.md: the template author's own words for what the report is.
func readme(fsys fs.FS, dir string) (title, desc string) {
	src, err := fs.ReadFile(fsys, path.Join(dir, "README.md"))
	if err != nil {
		return "", ""
	}
	var para []string
	for _, line := range strings.Split(string(bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case title == "" && strings.HasPrefix(line, "# "):
			title = strings.TrimSpace(line[2:])
		case line == "" || strings.HasPrefix(line, "#"):
			if len(para) > 0 {
				return norm.NFC.String(title), norm.NFC.String(plain(strings.Join(para, " ")))
			}
		default:
			para = append(para, line)
		}
	}
	return norm.NFC.String(title), norm.NFC.String(plain(strings.Join(para, " ")))
}

// plain drops the Markdown marks a README paragraph uses (code spans,
// bold), which the page would otherwise show as they are.
func plain(s string) string {
	return strings.NewReplacer("`", "", "**", "").Replace(s)
}

func (s *Server) listTemplates(w http.ResponseWriter, r *http.Request) {
	list := s.lib.list
	if list == nil {
		list = []*entry{}
	}
	writeJSON(w, http.StatusOK, list)
}

func (s *Server) blankWorkbook(w http.ResponseWriter, r *http.Request) {
	e := s.lib.byName[r.PathValue("name")]
	if e == nil {
		apiError(w, r, http.StatusNotFound, msg.Sprintf("There is no such report template."))
		return
	}
	if e.t.Contract == nil {
		apiError(w, r, http.StatusNotFound, msg.Sprintf("This template has no %s yet, so it has no blank workbook.", contract.FileName))
		return
	}
	var buf bytes.Buffer
	if err := workbook.Write(&buf, e.t.Contract, e.Name); err != nil {
		apiError(w, r, http.StatusInternalServerError, msg.Errorf("Could not make the blank workbook: %w", err))
		return
	}
	attachment(w, e.Name+"-trong.xlsx")
	w.Header().Set("Content-Type", contentTypes["xlsx"])
	w.Write(buf.Bytes())
}
