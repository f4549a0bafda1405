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

	"baocao/internal/build"
	"baocao/internal/check"
	"baocao/internal/dataset"
	"baocao/internal/diff"
	"baocao/internal/safename"
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
			apiError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("Tệp quá lớn: tối đa %d MB mỗi lần tải lên.", s.cfg.MaxUpload>>20))
			return nil, "", nil, false
		}
		apiError(w, http.StatusBadRequest, "Yêu cầu không phải biểu mẫu multipart/form-data: "+err.Error())
		return nil, "", nil, false
	}
	// On a refusal the parts spooled to disk go now; on success the
	// handler removes them when it is done.
	refuse := func(code int, msg string) (*entry, string, []byte, bool) {
		r.MultipartForm.RemoveAll()
		apiError(w, code, msg)
		return nil, "", nil, false
	}
	if needTemplate {
		e = s.lib.byName[r.FormValue("template")]
		if e == nil {
			return refuse(http.StatusBadRequest, "Hãy chọn một mẫu báo cáo có trong thư viện (trường template; xem GET /api/templates).")
		}
	}
	f, hdr, err := r.FormFile("workbook")
	if err != nil {
		return refuse(http.StatusBadRequest, "Thiếu bảng tính (trường workbook, tệp .xlsx).")
	}
	defer f.Close()
	data, err = io.ReadAll(f)
	if err != nil {
		return refuse(http.StatusBadRequest, "Không đọc được tệp tải lên: "+err.Error())
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
			return fail(nil, fmt.Errorf("mẫu tổng hợp %s đọc bảng tính theo mẫu %s, nhưng thư viện không có mẫu này", e.Name, e.UnitTemplate))
		case len(units) == 0:
			return fail(nil, fmt.Errorf("mẫu tổng hợp cần bảng tính của các đơn vị (mẫu %s): chọn nhiều tệp .xlsx hoặc một tệp .zip ở ô \"Bảng tính của các đơn vị\"", e.UnitTemplate))
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
	res, err := j.Run()
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
	doc, err := j.Document()
	if err != nil {
		return fail(res.Findings, err)
	}
	var page bytes.Buffer
	if err := renderDocument(&page, doc); err != nil {
		return fail(res.Findings, err)
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
// the same build gives the same archive.
func zipFiles(files []string, base string) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
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

func (s *Server) refuse(w http.ResponseWriter, f *buildFailed) {
	resp := findingsResponse{Findings: f.findings}
	if resp.Findings == nil {
		resp.Findings = []check.Finding{}
	}
	switch {
	case f.err != nil:
		resp.Error = "Không lập được báo cáo từ bảng tính này: " + f.err.Error()
		if len(resp.Findings) == 0 {
			resp.Findings = []check.Finding{{Severity: check.Error, Check: "reader", Message: f.err.Error()}}
		}
	default:
		n := 0
		for _, x := range f.findings {
			if x.Severity == check.Error {
				n++
			}
		}
		resp.Error = fmt.Sprintf("Bảng tính có %d lỗi: chưa lập báo cáo. Sửa các ô được nêu rồi tải lên lại.", n)
	}
	writeJSON(w, http.StatusUnprocessableEntity, resp)
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
		apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	v, failed := s.buildVersion(e, rep.ID, 1, upload, data, units)
	if failed != nil {
		os.Remove(filepath.Join(s.dataDir, "builds", rep.ID))
		s.refuse(w, failed)
		return
	}
	rep.Versions = []*version{v}
	if err := s.save(rep); err != nil {
		os.RemoveAll(filepath.Join(s.dataDir, "builds", rep.ID))
		apiError(w, http.StatusInternalServerError, err.Error())
		return
	}
	s.mu.Lock()
	s.builds[rep.ID] = rep
	s.mu.Unlock()
	w.Header().Set("Location", "/api/builds/"+rep.ID)
	writeJSON(w, http.StatusCreated, respond(rep, v))
}

func respond(rep *report, v *version) buildResponse {
	return buildResponse{ID: rep.ID, Template: rep.Template, Version: v.N, Findings: v.Findings, Files: v.Files, Preview: v.Preview,
		Versions: append([]*version(nil), rep.Versions...)}
}

func (s *Server) report(w http.ResponseWriter, r *http.Request) *report {
	id := r.PathValue("id")
	s.mu.Lock()
	rep := s.builds[id]
	s.mu.Unlock()
	if !validID(id) || rep == nil {
		apiError(w, http.StatusNotFound, "Không có báo cáo này (có thể máy chủ đã khởi động lại).")
		return nil
	}
	return rep
}

// reportFile records a report's versions in its folder, so that the
// list survives a restart.
const reportFile = "report.json"

func (s *Server) save(rep *report) error {
	data, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	return build.WriteFileAtomic(filepath.Join(s.dataDir, "builds", rep.ID, reportFile), data)
}

// savedVersion reads a version back; check.Severity has no UnmarshalText.
type savedVersion struct {
	version
	Findings []struct {
		Severity string `json:"severity"`
		check.Finding
	} `json:"findings"`
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
		var saved struct {
			ID       string          `json:"id"`
			Template string          `json:"template"`
			Versions []*savedVersion `json:"versions"`
		}
		if err := json.Unmarshal(data, &saved); err != nil || saved.ID != d.Name() {
			s.cfg.Logf("bỏ qua %s: %v", filepath.Join("builds", d.Name(), reportFile), err)
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
	writeJSON(w, http.StatusOK, respond(rep, rep.Versions[len(rep.Versions)-1]))
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
		s.refuse(w, failed)
		return
	}
	rep.Versions = append(rep.Versions, v)
	if err := s.save(rep); err != nil {
		rep.Versions = rep.Versions[:len(rep.Versions)-1]
		os.RemoveAll(filepath.Join(s.dataDir, "builds", rep.ID, "v"+strconv.Itoa(n)))
		apiError(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, http.StatusCreated, respond(rep, v))
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
		apiError(w, http.StatusInternalServerError, "Không đọc lại được phiên bản trước: "+err.Error())
		return
	}
	newDS, _, err := build.ReadWorkbookBytes(upload, data)
	if err != nil {
		s.refuse(w, &buildFailed{err: err})
		return
	}
	res, failing, err := t.Diff(oldDS, newDS, func() (*dataset.Dataset, error) { return build.ReadWorkbook(oldPath) })
	if err != nil {
		s.refuse(w, &buildFailed{findings: failing, err: err})
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
	writeJSON(w, http.StatusOK, diffResponse{Against: last.N, Report: res})
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
	apiError(w, http.StatusNotFound, "Không có phiên bản này.")
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
		apiError(w, http.StatusNotFound, "Phiên bản này không có tệp "+kind+".")
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
		apiError(w, http.StatusNotFound, "Không tìm thấy tệp.")
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		apiError(w, http.StatusNotFound, "Không tìm thấy tệp.")
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
			return fmt.Errorf("quá nhiều bảng tính đơn vị: tối đa %d", maxUnits)
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
				return nil, fmt.Errorf("%s không phải tệp .zip đọc được: %v", base, err)
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
					return nil, fmt.Errorf("%s trong %s quá lớn: tối đa %d MB", name, base, limit>>20)
				}
				rc, err := zf.Open()
				if err != nil {
					return nil, err
				}
				b, err := io.ReadAll(io.LimitReader(rc, limit+1))
				rc.Close()
				if err != nil {
					return nil, fmt.Errorf("%s trong %s: %v", name, base, err)
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
			return nil, fmt.Errorf("%s: bảng tính đơn vị phải là tệp .xlsx hoặc một tệp .zip chứa các tệp .xlsx", base)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}
