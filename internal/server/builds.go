package server

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"

	"baocao/internal/build"
	"baocao/internal/check"
	"baocao/internal/dataset"
	"baocao/internal/diff"
	"baocao/internal/docmodel"
	"baocao/internal/msg"
	"baocao/internal/safename"
	"baocao/internal/zipdeflate"
)

// A report is one report being made: its template and the versions of its
// workbook, each built. Its folder is builds/ID; version N lives in vN/,
// the uploaded workbook as input.xlsx and the outputs in out/. Every name
// is the server's: the visitor's file name is only shown.
type report struct {
	ID       string     `json:"id"`
	Template string     `json:"template"`
	Versions []*version `json:"versions"`

	mu sync.Mutex // one new version at a time
	t  *entry
}

// version is one built workbook of a report.
type version struct {
	N        int               `json:"version"`
	Upload   string            `json:"upload"` // the visitor's file name, for display
	Built    time.Time         `json:"built"`
	Findings []check.Finding   `json:"findings"`
	Files    map[string]string `json:"files"` // docx, pdf, xlsx, zip, workbook → URL
	Preview  string            `json:"preview"`
}

// buildResponse is the answer of POST /api/builds and of a new version.
type buildResponse struct {
	ID       string            `json:"id"`
	Template string            `json:"template"`
	Version  int               `json:"version"`
	Findings []check.Finding   `json:"findings"`
	Files    map[string]string `json:"files"`
	Preview  string            `json:"preview"`
	Versions []*version        `json:"versions"`
}

// findingsResponse is a 422: the workbook cannot be built; the findings
// say what to fix.
type findingsResponse struct {
	Error    string          `json:"error"`
	Findings []check.Finding `json:"findings"`
}

// outName is the file name (without extension) of every build's outputs.
const outName = "bao-cao"

var contentTypes = map[string]string{
	"docx":     "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"pdf":      "application/pdf",
	"xlsx":     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"workbook": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"zip":      "application/zip",
}

// busy bounds the builds running at once: each holds a document and its
// rendered files in memory.
var busy = make(chan struct{}, max(runtime.NumCPU(), 1))

// upload reads a multipart post within the size limit: the template name
// and the workbook's bytes. A body over the limit answers 413.
func (s *Server) upload(w http.ResponseWriter, r *http.Request, needTemplate bool) (e *entry, name string, data []byte, ok bool) {
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			apiError(w, r, http.StatusRequestEntityTooLarge, msg.Sprintf("The file is too large: at most %d MB per upload.", s.cfg.MaxUpload>>20))
			return nil, "", nil, false
		}
		apiError(w, r, http.StatusBadRequest, msg.Errorf("The request is not a multipart/form-data form: %w", err))
		return nil, "", nil, false
	}
	// On a refusal the parts spooled to disk go now; on success the
	// handler removes them when it is done.
	refuse := func(code int, m any) (*entry, string, []byte, bool) {
		r.MultipartForm.RemoveAll()
		apiError(w, r, code, m)
		return nil, "", nil, false
	}
	if needTemplate {
		e = s.lib.byName[r.FormValue("template")]
		if e == nil {
			return refuse(http.StatusBadRequest, msg.Sprintf("Choose a report template of the library (the field template; see GET /api/templates)."))
		}
	}
	f, hdr, err := r.FormFile("workbook")
	if err != nil {
		return refuse(http.StatusBadRequest, msg.Sprintf("The workbook is missing (the field workbook, an .xlsx file)."))
	}
	defer f.Close()
	data, err = io.ReadAll(f)
	if err != nil {
		return refuse(http.StatusBadRequest, msg.Errorf("Could not read the uploaded file: %w", err))
	}
	return e, displayName(hdr), data, true
}

// displayName is the visitor's file name made safe to show and to quote
// in messages; it never becomes a path.
func displayName(h *multipart.FileHeader) string {
	n := h.Filename
	if i := strings.LastIndexAny(n, `/\`); i >= 0 {
		n = n[i+1:]
	}
	ext := strings.ToLower(filepath.Ext(n))
	if ext != ".xlsx" && ext != ".xlsm" {
		ext = ".xlsx"
	}
	return safename.Name(strings.TrimSuffix(n, filepath.Ext(n))) + ext
}

// buildFailed is a build refused by its data: the findings or the
// error, with what to fix.
type buildFailed struct {
	findings []check.Finding
	err      error
}

// buildVersion builds workbook data as version n of report id into
// builds/ID/vN. On failure the folder is removed.
func (s *Server) buildVersion(e *entry, id string, n int, upload string, data []byte, units []build.UnitFile) (*version, *buildFailed) {
	busy <- struct{}{}
	defer func() { <-busy }()
	dir := filepath.Join(s.dataDir, "builds", id, "v"+strconv.Itoa(n))
	fail := func(f []check.Finding, err error) (*version, *buildFailed) {
		os.RemoveAll(dir)
		return nil, &buildFailed{f, err}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(nil, err)
	}
	input := filepath.Join(dir, "input.xlsx")
	if err := build.WriteFileAtomic(input, data); err != nil {
		return fail(nil, err)
	}
	var j *build.Job
	var err error
	if e.UnitTemplate != "" {
		unit := s.lib.byName[e.UnitTemplate]
		switch {
		case unit == nil:
			return fail(nil, msg.Errorf("the consolidating template %s reads workbooks of the template %s, which the library does not have", e.Name, e.UnitTemplate))
		case len(units) == 0:
			return fail(nil, msg.Errorf("a consolidating template needs the workbooks of the units (template %s): choose several .xlsx files or one .zip file in the box \"Bảng tính của các đơn vị\"", e.UnitTemplate))
		}
		j, _, err = build.NewConsolidationJob(outName, e.t, unit.t, upload, data, units, filepath.Join(dir, "out"))
	} else {
		j, err = build.NewJob(outName, e.t, upload, data, filepath.Join(dir, "out"))
	}
	if err != nil {
		return fail(nil, err)
	}
	j.InputPaths = []string{input}
	j.Force = true
	// The preview is made from the document the files are written from,
	// while they are written: building it again afterwards, then making
	// the page, were 6 and 12–15 ms of Thạch An's upload.
	var (
		page      bytes.Buffer
		pageErr   error
		previewed chan struct{}
	)
	j.OnDocument = func(doc *docmodel.Document) {
		previewed = make(chan struct{})
		go func() {
			defer close(previewed)
			// Off the request's goroutine, whose panics net/http
			// recovers: a failure here must be this build's error, not
			// the end of the server.
			defer func() {
				if r := recover(); r != nil {
					pageErr = msg.Errorf("preview: internal failure: %v", r)
				}
			}()
			pageErr = renderDocument(&page, doc)
		}()
	}
	res, err := j.Run()
	if previewed != nil {
		<-previewed
	}
	if err != nil {
		var ce *build.CheckError
		if errors.As(err, &ce) {
			return fail(ce.Findings, nil)
		}
		var f []check.Finding
		if res != nil {
			f = res.Findings
		}
		return fail(f, err)
	}
	if previewed == nil { // Force is set: Run writes, so it has the document
		return fail(res.Findings, msg.Errorf("the build kept no document for the preview"))
	}
	if pageErr != nil {
		return fail(res.Findings, pageErr)
	}
	if err := build.WriteFileAtomic(filepath.Join(dir, "preview.html"), page.Bytes()); err != nil {
		return fail(res.Findings, err)
	}
	zipData, err := zipFiles(res.Files, e.Name+"-v"+strconv.Itoa(n))
	if err != nil {
		return fail(res.Findings, err)
	}
	if err := build.WriteFileAtomic(filepath.Join(dir, outName+".zip"), zipData); err != nil {
		return fail(res.Findings, err)
	}
	base := fmt.Sprintf("/api/builds/%s/v/%d/", id, n)
	v := &version{N: n, Upload: upload, Built: time.Now().UTC().Truncate(time.Second), Findings: res.Findings,
		Files: map[string]string{"zip": base + "zip", "workbook": base + "workbook"}, Preview: base + "preview"}
	for _, f := range res.Files {
		ext := strings.TrimPrefix(filepath.Ext(f), ".")
		v.Files[ext] = base + ext
	}
	if v.Findings == nil {
		v.Findings = []check.Finding{}
	}
	return v, nil
}

// zipFiles packs files under names base.ext, with a fixed time so that
// the same build gives the same archive. The entries are deflated by
// klauspost/compress (zipdeflate), as the DOCX's are: compress/flate's
// archive of Thạch An's files is 7% smaller (263 against 281 kB: the
// files are compressed already) but took 10–12 ms of the upload, against
// 2.5–3 ms.
func zipFiles(files []string, base string) ([]byte, error) {
	var buf bytes.Buffer
	zw := zipdeflate.NewWriter(&buf)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if err := addZip(zw, base+filepath.Ext(f), data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var zipTime = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

func addZip(zw *zip.Writer, name string, data []byte) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime})
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// refuse answers a build that its data refused (422): the findings and
// what to do, in the request's language. An error that is no check's
// finding (the workbook cannot be read) is the one finding, at its cell
// when it names one.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, f *buildFailed) {
	lang := requestLang(r)
	resp := findingsResponse{Findings: findingsIn(f.findings, lang)}
	switch {
	case f.err != nil:
		resp.Error = msg.Local(lang, msg.Errorf("Could not build the report from this workbook: %w", f.err))
		if len(resp.Findings) == 0 {
			rf := build.ReaderFinding(check.Error, f.err, "")
			resp.Findings = []check.Finding{rf.In(lang)}
		}
	default:
		n := 0
		for _, x := range f.findings {
			if x.Severity == check.Error {
				n++
			}
		}
		resp.Error = msg.Sprintf("The workbook has %d error(s): no report was built. Correct the cells named and upload it again.", n).Localize(lang)
	}
	writeJSON(w, http.StatusUnprocessableEntity, resp)
}

// findingsIn is findings with their messages in lang; never nil, so that
// JSON has a list.
func findingsIn(findings []check.Finding, lang language.Tag) []check.Finding {
	out := make([]check.Finding, len(findings))
	for i, f := range findings {
		out[i] = f.In(lang)
	}
	return out
}

func (s *Server) createBuild(w http.ResponseWriter, r *http.Request) {
	e, upload, data, ok := s.upload(w, r, true)
	if !ok {
		return
	}
	defer r.MultipartForm.RemoveAll()
	rep := &report{ID: newID(), Template: e.Name, t: e}
	units, err := unitUploads(r, s.cfg.MaxUpload)
	if err != nil {
		apiError(w, r, http.StatusBadRequest, err)
		return
	}
	v, failed := s.buildVersion(e, rep.ID, 1, upload, data, units)
	if failed != nil {
		os.Remove(filepath.Join(s.dataDir, "builds", rep.ID))
		s.refuse(w, r, failed)
		return
	}
	rep.Versions = []*version{v}
	if err := s.save(rep); err != nil {
		os.RemoveAll(filepath.Join(s.dataDir, "builds", rep.ID))
		apiError(w, r, http.StatusInternalServerError, err)
		return
	}
	s.mu.Lock()
	s.builds[rep.ID] = rep
	s.mu.Unlock()
	w.Header().Set("Location", "/api/builds/"+rep.ID)
	writeJSON(w, http.StatusCreated, respond(rep, v, requestLang(r)))
}

// respond is the answer about version v of rep, its findings and those
// of every version in lang.
func respond(rep *report, v *version, lang language.Tag) buildResponse {
	versions := make([]*version, len(rep.Versions))
	for i, x := range rep.Versions {
		versions[i] = x.in(lang)
	}
	return buildResponse{ID: rep.ID, Template: rep.Template, Version: v.N, Findings: findingsIn(v.Findings, lang), Files: v.Files, Preview: v.Preview,
		Versions: versions}
}

// in is a copy of v with its findings in lang.
func (v *version) in(lang language.Tag) *version {
	c := *v
	c.Findings = findingsIn(v.Findings, lang)
	return &c
}

func (s *Server) report(w http.ResponseWriter, r *http.Request) *report {
	id := r.PathValue("id")
	s.mu.Lock()
	rep := s.builds[id]
	s.mu.Unlock()
	if !validID(id) || rep == nil {
		apiError(w, r, http.StatusNotFound, msg.Sprintf("There is no such report (the server may have restarted)."))
		return nil
	}
	return rep
}

// reportFile records a report's versions in its folder, so that the
// list survives a restart.
const reportFile = "report.json"

func (s *Server) save(rep *report) error {
	saved := savedReport{ID: rep.ID, Template: rep.Template}
	for _, v := range rep.Versions {
		sv := &savedVersion{version: *v, Findings: []savedFinding{}}
		for _, f := range v.Findings {
			sv.Findings = append(sv.Findings, savedFinding{Severity: f.Severity.String(), Finding: f.In(msg.Vietnamese), English: f.In(msg.English).Message})
		}
		saved.Versions = append(saved.Versions, sv)
	}
	data, err := json.MarshalIndent(saved, "", "  ")
	if err != nil {
		return err
	}
	return build.WriteFileAtomic(filepath.Join(s.dataDir, "builds", rep.ID, reportFile), data)
}

// savedReport is a report as report.json keeps it.
type savedReport struct {
	ID       string          `json:"id"`
	Template string          `json:"template"`
	Versions []*savedVersion `json:"versions"`
}

// savedVersion is a version as report.json keeps it.
type savedVersion struct {
	version
	Findings []savedFinding `json:"findings"`
}

// savedFinding is a finding as report.json keeps it: the severity as a
// word (check.Severity has no UnmarshalText), the message in Vietnamese
// and in English, since a finding read back has no Text to tell it again.
type savedFinding struct {
	Severity string `json:"severity"`
	check.Finding
	English string `json:"message_en,omitempty"`
}

// savedText is the message of a finding read back, in its two languages.
type savedText struct{ vi, en string }

func (t savedText) Localize(lang language.Tag) string {
	if lang == msg.English {
		return t.en
	}
	return t.vi
}

// loadReports reads the reports of earlier runs from the data folder. A
// folder that is not the server's (a name that is no ID, a report of a
// template no longer in the library, a version whose files are gone) is
// left out.
func (s *Server) loadReports() {
	dirs, err := os.ReadDir(filepath.Join(s.dataDir, "builds"))
	if err != nil {
		return
	}
	for _, d := range dirs {
		if !d.IsDir() || !validID(d.Name()) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(s.dataDir, "builds", d.Name(), reportFile))
		if err != nil {
			continue
		}
		var saved savedReport
		if err := json.Unmarshal(data, &saved); err != nil || saved.ID != d.Name() {
			s.cfg.Logf("%v", msg.Sprintf("left out %s: %v", filepath.Join("builds", d.Name(), reportFile), err))
			continue
		}
		e := s.lib.byName[saved.Template]
		if e == nil {
			continue
		}
		rep := &report{ID: saved.ID, Template: saved.Template, t: e}
		for _, sv := range saved.Versions {
			if _, err := os.Stat(filepath.Join(s.dataDir, "builds", rep.ID, "v"+strconv.Itoa(sv.N), "preview.html")); err != nil {
				continue
			}
			v := sv.version
			v.Findings = []check.Finding{}
			for _, f := range sv.Findings {
				if f.English != "" {
					f.Finding.Text = savedText{vi: f.Message, en: f.English}
				}
				f.Finding.Severity = check.Warning
				if f.Severity == check.Error.String() {
					f.Finding.Severity = check.Error
				}
				v.Findings = append(v.Findings, f.Finding)
			}
			rep.Versions = append(rep.Versions, &v)
		}
		if len(rep.Versions) > 0 {
			s.builds[rep.ID] = rep
		}
	}
}

// listBuilds lists the reports, the latest built first.
func (s *Server) listBuilds(w http.ResponseWriter, r *http.Request) {
	type item struct {
		ID       string    `json:"id"`
		Template string    `json:"template"`
		Title    string    `json:"title"`
		Version  int       `json:"version"`
		Upload   string    `json:"upload"`
		Built    time.Time `json:"built"`
		URL      string    `json:"url"`
	}
	s.mu.Lock()
	reps := make([]*report, 0, len(s.builds))
	for _, rep := range s.builds {
		reps = append(reps, rep)
	}
	s.mu.Unlock()
	list := []item{}
	for _, rep := range reps {
		rep.mu.Lock()
		v := rep.Versions[len(rep.Versions)-1]
		list = append(list, item{rep.ID, rep.Template, rep.t.Title, v.N, v.Upload, v.Built, "/api/builds/" + rep.ID})
		rep.mu.Unlock()
	}
	sort.Slice(list, func(i, j int) bool {
		if !list[i].Built.Equal(list[j].Built) {
			return list[i].Built.After(list[j].Built)
		}
		return list[i].ID < list[j].ID
	})
	writeJSON(w, http.StatusOK, list)
}

func (s *Server) getBuild(w http.ResponseWriter, r *http.Request) {
	rep := s.report(w, r)
	if rep == nil {
		return
	}
	rep.mu.Lock()
	defer rep.mu.Unlock()
	writeJSON(w, http.StatusOK, respond(rep, rep.Versions[len(rep.Versions)-1], requestLang(r)))
}

// addVersion builds a corrected workbook as the report's next version;
// the earlier ones stay.
func (s *Server) addVersion(w http.ResponseWriter, r *http.Request) {
	rep := s.report(w, r)
	if rep == nil {
		return
	}
	_, upload, data, ok := s.upload(w, r, false)
	if !ok {
		return
	}
	defer r.MultipartForm.RemoveAll()
	rep.mu.Lock()
	defer rep.mu.Unlock()
	n := rep.Versions[len(rep.Versions)-1].N + 1
	v, failed := s.buildVersion(rep.t, rep.ID, n, upload, data, nil)
	if failed != nil {
		s.refuse(w, r, failed)
		return
	}
	rep.Versions = append(rep.Versions, v)
	if err := s.save(rep); err != nil {
		rep.Versions = rep.Versions[:len(rep.Versions)-1]
		os.RemoveAll(filepath.Join(s.dataDir, "builds", rep.ID, "v"+strconv.Itoa(n)))
		apiError(w, r, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusCreated, respond(rep, v, requestLang(r)))
}

// diffResponse is the diff of a corrected workbook against the report's
// last version.
type diffResponse struct {
	Against int `json:"against"` // the version compared with
	*diff.Report
}

// diffBuild compares an uploaded workbook with the last version, as
// `baocao diff` does: the figures that changed, each with the places of
// the report it reaches, and the checks the new workbook fails.
func (s *Server) diffBuild(w http.ResponseWriter, r *http.Request) {
	rep := s.report(w, r)
	if rep == nil {
		return
	}
	_, upload, data, ok := s.upload(w, r, false)
	if !ok {
		return
	}
	defer r.MultipartForm.RemoveAll()
	rep.mu.Lock()
	last := rep.Versions[len(rep.Versions)-1]
	rep.mu.Unlock()
	t := rep.t.t
	oldPath := filepath.Join(s.dataDir, "builds", rep.ID, "v"+strconv.Itoa(last.N), "input.xlsx")
	busy <- struct{}{}
	defer func() { <-busy }()
	oldDS, err := build.ReadWorkbook(oldPath)
	if err != nil {
		apiError(w, r, http.StatusInternalServerError, msg.Errorf("Could not read the previous version again: %w", err))
		return
	}
	newDS, _, err := build.ReadWorkbookBytes(upload, data)
	if err != nil {
		s.refuse(w, r, &buildFailed{err: err})
		return
	}
	res, failing, err := t.Diff(oldDS, newDS, func() (*dataset.Dataset, error) { return build.ReadWorkbook(oldPath) })
	if err != nil {
		s.refuse(w, r, &buildFailed{findings: failing, err: err})
		return
	}
	if res.Changes == nil {
		res.Changes = []diff.Change{}
	}
	if res.Places == nil {
		res.Places = []diff.Place{}
	}
	for i := range res.Changes {
		if res.Changes[i].Reach == nil {
			res.Changes[i].Reach = []diff.Place{}
		}
	}
	writeJSON(w, http.StatusOK, diffResponse{Against: last.N, Report: res.In(requestLang(r))})
}

// version finds version n of the report in the request.
func (s *Server) version(w http.ResponseWriter, r *http.Request) (*report, *version) {
	rep := s.report(w, r)
	if rep == nil {
		return nil, nil
	}
	n, err := strconv.Atoi(r.PathValue("n"))
	rep.mu.Lock()
	defer rep.mu.Unlock()
	if err == nil {
		for _, v := range rep.Versions {
			if v.N == n {
				return rep, v
			}
		}
	}
	apiError(w, r, http.StatusNotFound, msg.Sprintf("There is no such version."))
	return nil, nil
}

func (s *Server) preview(w http.ResponseWriter, r *http.Request) {
	rep, v := s.version(w, r)
	if v == nil {
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	s.serveFile(w, r, filepath.Join(s.dataDir, "builds", rep.ID, "v"+strconv.Itoa(v.N), "preview.html"), "")
}

// download serves one file of a version; the file part of the address is
// a kind (docx, pdf, xlsx, zip, workbook), never a name on disk.
func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	rep, v := s.version(w, r)
	if v == nil {
		return
	}
	kind := r.PathValue("file")
	if _, ok := v.Files[kind]; !ok {
		apiError(w, r, http.StatusNotFound, msg.Sprintf("This version has no %s file.", kind))
		return
	}
	dir := filepath.Join(s.dataDir, "builds", rep.ID, "v"+strconv.Itoa(v.N))
	var p, name string
	switch kind {
	case "workbook":
		p, name = filepath.Join(dir, "input.xlsx"), fmt.Sprintf("%s-v%d-bang-tinh.xlsx", rep.Template, v.N)
	case "zip":
		p, name = filepath.Join(dir, outName+".zip"), fmt.Sprintf("%s-v%d.zip", rep.Template, v.N)
	default:
		p, name = filepath.Join(dir, "out", outName+"."+kind), fmt.Sprintf("%s-v%d.%s", rep.Template, v.N, kind)
	}
	w.Header().Set("Content-Type", contentTypes[kind])
	s.serveFile(w, r, p, name)
}

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, p, name string) {
	f, err := os.Open(p)
	if err != nil {
		apiError(w, r, http.StatusNotFound, msg.Sprintf("The file was not found."))
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		apiError(w, r, http.StatusNotFound, msg.Sprintf("The file was not found."))
		return
	}
	if name != "" {
		attachment(w, name)
	}
	http.ServeContent(w, r, "", st.ModTime(), f)
}

// attachment names a download; the name may hold Vietnamese letters
// (RFC 6266 filename*), with an ASCII fallback.
func attachment(w http.ResponseWriter, name string) {
	ascii := safename.Name(name, safename.ASCII())
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, ascii, url.PathEscape(name)))
}

// maxUnits bounds the unit workbooks of one consolidation upload: a
// province has about 100 units.
const maxUnits = 1000

// unitUploads reads the unit workbooks of a consolidating build: the
// field units, as several .xlsx files or one .zip of them (folders inside
// are walked; Excel's lock files ~$… and macOS's __MACOSX are skipped).
// Names are made safe; the visitor's paths are never used.
func unitUploads(r *http.Request, limit int64) ([]build.UnitFile, error) {
	if r.MultipartForm == nil {
		return nil, nil
	}
	var out []build.UnitFile
	add := func(name string, data []byte) error {
		if len(out) >= maxUnits {
			return msg.Errorf("too many unit workbooks: at most %d", maxUnits)
		}
		out = append(out, build.UnitFile{Name: safename.Name(strings.TrimSuffix(name, filepath.Ext(name))) + ".xlsx", Data: data})
		return nil
	}
	for _, h := range r.MultipartForm.File["units"] {
		f, err := h.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(io.LimitReader(f, limit+1))
		f.Close()
		if err != nil {
			return nil, err
		}
		base := h.Filename
		if i := strings.LastIndexAny(base, `/\`); i >= 0 {
			base = base[i+1:]
		}
		switch strings.ToLower(filepath.Ext(base)) {
		case ".zip":
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				return nil, msg.Errorf("%s is not a .zip file that can be read: %w", base, err)
			}
			for _, zf := range zr.File {
				name := zf.Name
				if i := strings.LastIndexAny(name, `/\`); i >= 0 {
					name = name[i+1:]
				}
				if zf.FileInfo().IsDir() || strings.HasPrefix(zf.Name, "__MACOSX") || strings.HasPrefix(name, "~$") || strings.ToLower(filepath.Ext(name)) != ".xlsx" {
					continue
				}
				if zf.UncompressedSize64 > uint64(limit) {
					return nil, msg.Errorf("%s in %s is too large: at most %d MB", name, base, limit>>20)
				}
				rc, err := zf.Open()
				if err != nil {
					return nil, err
				}
				b, err := io.ReadAll(io.LimitReader(rc, limit+1))
				rc.Close()
				if err != nil {
					return nil, msg.Errorf("%s in %s: %w", name, base, err)
				}
				if err := add(name, b); err != nil {
					return nil, err
				}
			}
		case ".xlsx", ".xlsm":
			if strings.HasPrefix(base, "~$") {
				continue
			}
			if err := add(base, data); err != nil {
				return nil, err
			}
		default:
			return nil, msg.Errorf("%s: a unit workbook is an .xlsx file, or a .zip file of .xlsx files", base)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}
