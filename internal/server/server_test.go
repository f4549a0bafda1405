package server

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"baocao"
	"baocao/internal/build"
)

// The API's answers as a client reads them (check.Severity has no
// UnmarshalText: a client sees "error" and "warning").
type tFinding struct {
	Severity, Check, File, Sheet, Cell, Message, Expected, Found string
}

type tVersion struct {
	N        int               `json:"version"`
	Upload   string            `json:"upload"`
	Findings []tFinding        `json:"findings"`
	Files    map[string]string `json:"files"`
	Preview  string            `json:"preview"`
}

type tBuild struct {
	ID       string            `json:"id"`
	Template string            `json:"template"`
	Version  int               `json:"version"`
	Findings []tFinding        `json:"findings"`
	Files    map[string]string `json:"files"`
	Preview  string            `json:"preview"`
	Versions []tVersion        `json:"versions"`
}

type tRefused struct {
	Error    string     `json:"error"`
	Findings []tFinding `json:"findings"`
}

func hasErrors(fs []tFinding) bool {
	for _, f := range fs {
		if f.Severity == "error" {
			return true
		}
	}
	return false
}

func decode[T any](t testing.TB, r *http.Response) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(readAll(t, r), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestTemplates(t *testing.T) {
	// A template of the data folder, with a Vietnamese folder name.
	dd := filepath.Join(t.TempDir(), "dữ liệu")
	src := filepath.Join("..", "..", "templates", thachAn)
	dst := filepath.Join(dd, "templates", "Mẫu huyện")
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dst, "README.md"), []byte("# Tổng kết của huyện\n\nMẫu riêng của\nvăn phòng `huyện`.\n\nĐoạn sau.\n"), 0o644)
	_, ts := newTest(t, func(c *Config) { c.DataDir = dd })
	resp, err := http.Get(ts.URL + "/api/templates")
	if err != nil {
		t.Fatal(err)
	}
	list := decode[[]entry](t, resp)
	got := map[string]entry{}
	for _, e := range list {
		got[e.Name] = e
	}
	for _, tc := range []struct{ name, title, desc, source, period, unit string }{
		{thachAn, "tổng kết CCHC giai đoạn 2021 - 2025 (cấp huyện)", "The five-year review a district", "built-in", "Giai đoạn tổng kết: 2021 - 2025", "huyện Thạch An"},
		{"chi-so-cchc-9-thang", "báo cáo kết quả cải thiện Chỉ số CCHC (9 tháng)", "The report a commune", "built-in", "Kỳ báo cáo: 09 tháng đầu năm 2024", "thành phố Sa Đéc"},
		{"cchc-nam-xa-phuong", "Báo cáo kết quả thực hiện công tác cải cách hành chính năm (UBND xã, phường)", "The annual CCHC report", "built-in", "Năm báo cáo: 2026", "phường Tân Mỹ"},
		{"Mẫu huyện", "Tổng kết của huyện", "Mẫu riêng của văn phòng huyện.", "data-dir", "Giai đoạn tổng kết: 2021 - 2025", "huyện Thạch An"},
	} {
		e, ok := got[tc.name]
		if !ok {
			t.Errorf("%s not listed: %v", tc.name, list)
			continue
		}
		if e.Title != tc.title || !strings.HasPrefix(e.Description, tc.desc) || e.Source != tc.source || !e.HasContract ||
			e.Period != tc.period || e.Unit != tc.unit {
			t.Errorf("%s: %+v", tc.name, e)
		}
	}
	// The four built-in templates (one consolidating) and the data
	// folder's.
	if len(list) != 5 {
		t.Errorf("%d templates, want 5", len(list))
	}
	// The blank workbook of the data folder's template, by its escaped name.
	resp, err = http.Get(ts.URL + got["Mẫu huyện"].Workbook)
	if err != nil {
		t.Fatal(err)
	}
	b := readAll(t, resp)
	if resp.StatusCode != 200 || !bytes.HasPrefix(b, []byte("PK")) || !strings.Contains(resp.Header.Get("Content-Disposition"), "filename*=UTF-8''M%E1%BA%ABu") {
		t.Errorf("blank workbook: %d %q %q", resp.StatusCode, resp.Header.Get("Content-Disposition"), b[:min(len(b), 40)])
	}
}

// cliBuild builds the Thạch An sample as `baocao build` does and returns
// its files by extension.
func cliBuild(t testing.TB) map[string][]byte {
	t.Helper()
	samples, err := build.Samples(baocao.Assets())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range samples {
		if s.Template != thachAn {
			continue
		}
		j, err := build.SampleJob(baocao.Assets(), s, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		res, err := j.Run()
		if err != nil {
			t.Fatal(err)
		}
		out := map[string][]byte{}
		for _, f := range res.Files {
			out[strings.TrimPrefix(filepath.Ext(f), ".")], _ = os.ReadFile(f)
		}
		return out
	}
	t.Fatal("no Thạch An sample")
	return nil
}

func TestBuildAndDownload(t *testing.T) {
	_, ts := newTest(t, nil)
	resp := post(t, ts.URL+"/api/builds", map[string]string{"template": thachAn}, "thach-an-2021-2025.xlsx", sample(t, "thach-an-2021-2025.xlsx"), nil)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("status %d: %s", resp.StatusCode, readAll(t, resp))
	}
	b := decode[tBuild](t, resp)
	if !validID(b.ID) || b.Version != 1 || len(b.Versions) != 1 {
		t.Errorf("response %+v", b)
	}
	// The 9 data warnings of `baocao validate`, each at its cell, and the
	// signature block without its TM. line (no cell: it is the report's).
	if len(b.Findings) != 10 {
		t.Errorf("%d findings, want the 10 warnings of `baocao validate`", len(b.Findings))
	}
	for _, f := range b.Findings {
		if f.Severity != "warning" || (f.Sheet == "" || f.Cell == "") && f.Check != "chu-ky" || f.Message == "" {
			t.Errorf("finding without its place: %+v", f)
		}
	}
	want := cliBuild(t)
	for ext, ct := range map[string]string{"docx": "wordprocessingml", "pdf": "application/pdf", "xlsx": "spreadsheetml"} {
		resp, err := http.Get(ts.URL + b.Files[ext])
		if err != nil {
			t.Fatal(err)
		}
		got := readAll(t, resp)
		if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Type"), ct) ||
			!strings.Contains(resp.Header.Get("Content-Disposition"), thachAn+"-v1."+ext) {
			t.Errorf("%s: %d %v", ext, resp.StatusCode, resp.Header)
		}
		// Same template, same workbook: the same bytes as the CLI's.
		if !bytes.Equal(got, want[ext]) {
			t.Errorf("%s differs from the CLI build (%d bytes, want %d)", ext, len(got), len(want[ext]))
		}
	}
	resp, _ = http.Get(ts.URL + b.Files["zip"])
	z := readAll(t, resp)
	zr, err := zip.NewReader(bytes.NewReader(z), int64(len(z)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if strings.Join(names, " ") != thachAn+"-v1.docx "+thachAn+"-v1.pdf "+thachAn+"-v1.xlsx" {
		t.Errorf("zip holds %v", names)
	}
	resp, _ = http.Get(ts.URL + b.Preview)
	page := string(readAll(t, resp))
	for _, s := range []string{"BÁO CÁO", "Phần thứ nhất", `<ol class="footnotes">`, "<table", "Phụ lục I", "57.385"} {
		if !strings.Contains(page, s) {
			t.Errorf("preview lacks %q", s)
		}
	}
	resp, _ = http.Get(ts.URL + b.Files["workbook"])
	if !bytes.Equal(readAll(t, resp), sample(t, "thach-an-2021-2025.xlsx")) {
		t.Error("the stored workbook is not the uploaded one")
	}
}

func TestBuildRefused(t *testing.T) {
	_, ts := newTest(t, nil)
	// Điểm đạt of 1.1 above its maximum (2): a check of error severity.
	bad := edit(t, "sa-dec-2024.xlsx", "Chỉ số CCHC", map[string]any{"E4": 5})
	for _, tc := range []struct {
		name       string
		data       []byte
		sheet      string
		cell, text string
	}{
		{"score", bad, "Chỉ số CCHC", "E4", "Bảng tính có 1 lỗi"},
		{"not a workbook", []byte("this is not a workbook"), "", "", "Không lập được báo cáo"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp := post(t, ts.URL+"/api/builds", map[string]string{"template": "chi-so-cchc-9-thang"}, "sa-dec.xlsx", tc.data, nil)
			if resp.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d", resp.StatusCode)
			}
			r := decode[tRefused](t, resp)
			if !strings.HasPrefix(r.Error, tc.text) || !hasErrors(r.Findings) {
				t.Errorf("%+v", r)
			}
			if tc.sheet != "" {
				found := false
				for _, f := range r.Findings {
					found = found || (f.Severity == "error" && f.Sheet == tc.sheet && f.Cell == tc.cell)
				}
				if !found {
					t.Errorf("no error at %s!%s: %+v", tc.sheet, tc.cell, r.Findings)
				}
			}
		})
	}
	for _, tc := range []struct {
		name   string
		fields map[string]string
		data   []byte
	}{
		{"no template", map[string]string{}, sample(t, "sa-dec-2024.xlsx")},
		{"unknown template", map[string]string{"template": "../../templates/" + thachAn}, sample(t, "sa-dec-2024.xlsx")},
		{"no workbook", map[string]string{"template": thachAn}, nil},
	} {
		resp := post(t, ts.URL+"/api/builds", tc.fields, "a.xlsx", tc.data, nil)
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: status %d", tc.name, resp.StatusCode)
		}
		readAll(t, resp)
	}
}

func TestDiffAndVersions(t *testing.T) {
	_, ts := newTest(t, nil)
	resp := post(t, ts.URL+"/api/builds", map[string]string{"template": thachAn}, "v1.xlsx", sample(t, "thach-an-2021-2025.xlsx"), nil)
	b := decode[tBuild](t, resp)
	fixed := edit(t, "thach-an-2021-2025.xlsx", "Thông tin", map[string]any{"tin_bai_cchc": 47})
	resp = post(t, ts.URL+"/api/builds/"+b.ID+"/diff", nil, "v2.xlsx", fixed, nil)
	if resp.StatusCode != 200 {
		t.Fatalf("diff: %d %s", resp.StatusCode, readAll(t, resp))
	}
	var d struct {
		Against int `json:"against"`
		Changes []struct {
			Sheet, Cell, Label, Old, New string
			Reach                        []struct{ Where, Kind, Old, New string }
		} `json:"changes"`
	}
	if err := json.Unmarshal(readAll(t, resp), &d); err != nil {
		t.Fatal(err)
	}
	if d.Against != 1 || len(d.Changes) != 1 {
		t.Fatalf("diff %+v", d)
	}
	c := d.Changes[0]
	if c.Sheet != "Thông tin" || c.Label != "tin_bai_cchc" || c.Old != "43" || c.New != "47" || len(c.Reach) == 0 ||
		!strings.Contains(c.Reach[0].Old, "43") || !strings.Contains(c.Reach[0].New, "47") {
		t.Errorf("change %+v", c)
	}
	// The diff alone builds nothing.
	resp, _ = http.Get(ts.URL + "/api/builds/" + b.ID)
	if g := decode[tBuild](t, resp); len(g.Versions) != 1 {
		t.Errorf("%d versions after a diff", len(g.Versions))
	}
	resp = post(t, ts.URL+"/api/builds/"+b.ID+"/versions", nil, "v2.xlsx", fixed, nil)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("version: %d", resp.StatusCode)
	}
	v2 := decode[tBuild](t, resp)
	if v2.ID != b.ID || v2.Version != 2 || len(v2.Versions) != 2 {
		t.Fatalf("%+v", v2)
	}
	// Both versions downloadable, each with its own figure.
	for n, want := range map[int]string{1: "43 tin", 2: "47 tin"} {
		resp, _ := http.Get(ts.URL + v2.Versions[n-1].Preview)
		if page := pageText(readAll(t, resp)); !strings.Contains(page, want) {
			t.Errorf("version %d preview lacks %q", n, want)
		}
		resp, _ = http.Get(ts.URL + v2.Versions[n-1].Files["pdf"])
		if b := readAll(t, resp); resp.StatusCode != 200 || !bytes.HasPrefix(b, []byte("%PDF")) {
			t.Errorf("version %d pdf: %d", n, resp.StatusCode)
		}
	}
}

func TestUploadTooLarge(t *testing.T) {
	_, ts := newTest(t, func(c *Config) { c.MaxUpload = 64 << 10 })
	resp := post(t, ts.URL+"/api/builds", map[string]string{"template": thachAn}, "big.xlsx", bytes.Repeat([]byte("x"), 200<<10), nil)
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d, want 413", resp.StatusCode)
	}
	readAll(t, resp)
}

// TestNamesStayInside: the visitor's file name, template name and the
// parts of an address never name a file outside the data folder.
func TestNamesStayInside(t *testing.T) {
	root := t.TempDir()
	dd := filepath.Join(root, "du-lieu")
	_, ts := newTest(t, func(c *Config) { c.DataDir = dd })
	for _, name := range []string{"../../../escaped.xlsx", `..\..\escaped.xlsx`, "/tmp/escaped.xlsx", "CON.xlsx"} {
		resp := post(t, ts.URL+"/api/builds", map[string]string{"template": thachAn}, name, sample(t, "thach-an-2021-2025.xlsx"), nil)
		if resp.StatusCode != http.StatusCreated {
			t.Errorf("%s: %d", name, resp.StatusCode)
		}
		b := decode[tBuild](t, resp)
		if u := b.Versions[0].Upload; strings.ContainsAny(u, `/\`) || strings.Contains(u, "..") {
			t.Errorf("%s shown as %q", name, u)
		}
	}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if rel, _ := filepath.Rel(dd, p); p != root && strings.HasPrefix(rel, "..") {
			t.Errorf("written outside the data folder: %s", p)
		}
		if strings.Contains(d.Name(), "escaped") {
			t.Errorf("a client name became a file: %s", p)
		}
		return nil
	})
	if _, err := os.Stat("/tmp/escaped.xlsx"); !errors.Is(err, fs.ErrNotExist) {
		t.Error("/tmp/escaped.xlsx exists")
	}
	os.WriteFile(filepath.Join(root, "secret.txt"), []byte("secret"), 0o644)
	for _, p := range []string{
		"/api/builds/..%2F..%2Fsecret.txt/v/1/pdf",
		"/api/builds/" + strings.Repeat("0", 32) + "/v/1/pdf",
		"/api/builds/x/v/1/..%2F..%2F..%2Fsecret.txt",
		"/api/batches/..%2F..%2Fsecret.txt/zip",
		"/api/templates/..%2F..%2F..%2Fetc/workbook",
		"/static/..%2F..%2Fserver.go",
		"/static/",
		"/static/index.html",
	} {
		resp, err := http.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		if b := readAll(t, resp); resp.StatusCode < 400 || bytes.Contains(b, []byte("secret")) || bytes.Contains(b, []byte("package server")) {
			t.Errorf("%s: %d %q", p, resp.StatusCode, b)
		}
	}
}

func TestCrossSite(t *testing.T) {
	_, ts := newTest(t, nil)
	data := sample(t, "thach-an-2021-2025.xlsx")
	fields := map[string]string{"template": thachAn}
	// The page's session: its cookie and the token in its meta tag.
	resp, err := http.Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	page := string(readAll(t, resp))
	var cookie *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == sessionCookie {
			cookie = c
		}
	}
	if cookie == nil || !strings.Contains(page, `<meta name="csrf" content="`+cookie.Value+`">`) {
		t.Fatalf("no session token in the page (cookie %v)", cookie)
	}
	for _, tc := range []struct {
		name string
		hdr  http.Header
		want int
	}{
		{"cross-site form post", http.Header{"Origin": {"https://evil.example"}, "Sec-Fetch-Site": {"cross-site"}}, http.StatusForbidden},
		{"old browser, other origin", http.Header{"Origin": {"https://evil.example"}}, http.StatusForbidden},
		{"same site, other port", http.Header{"Sec-Fetch-Site": {"same-site"}, "Origin": {"http://127.0.0.1:1"}}, http.StatusForbidden},
		{"same origin without the session token", http.Header{"Sec-Fetch-Site": {"same-origin"}, "Origin": {ts.URL}, "Cookie": {cookie.String()}}, http.StatusForbidden},
		{"same origin, wrong token", http.Header{"Sec-Fetch-Site": {"same-origin"}, "Origin": {ts.URL}, "Cookie": {cookie.String()}, csrfHeader: {strings.Repeat("a", 32)}}, http.StatusForbidden},
		{"the page", http.Header{"Sec-Fetch-Site": {"same-origin"}, "Origin": {ts.URL}, "Cookie": {cookie.String()}, csrfHeader: {cookie.Value}}, http.StatusCreated},
		{"a program (curl)", nil, http.StatusCreated},
	} {
		resp := post(t, ts.URL+"/api/builds", fields, "a.xlsx", data, tc.hdr)
		if resp.StatusCode != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, resp.StatusCode, tc.want)
		}
		readAll(t, resp)
	}
	// DNS rebinding: a page of another name that resolves to 127.0.0.1.
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/api/templates", nil)
	req.Host = "evil.example:80"
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("foreign Host: %d", resp.StatusCode)
	}
	readAll(t, resp)
}

func TestToken(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:8080", "192.168.1.10:8080", ":8080", "example.org:80"} {
		_, err := New(Config{Addr: addr, DataDir: t.TempDir(), Assets: baocao.Assets()})
		if !errors.Is(err, ErrNeedToken) {
			t.Errorf("%s without a token: %v", addr, err)
		}
	}
	for _, addr := range []string{"127.0.0.1:8080", "localhost:8080", "[::1]:8080"} {
		if _, err := New(Config{Addr: addr, DataDir: t.TempDir(), Assets: baocao.Assets(), Logf: t.Logf}); err != nil {
			t.Errorf("%s: %v", addr, err)
		}
	}
	_, ts := newTest(t, func(c *Config) { c.Addr, c.Token = "0.0.0.0:8080", "bí-mật" })
	get := func(path string, hdr http.Header) *http.Response {
		req, _ := http.NewRequest(http.MethodGet, ts.URL+path, nil)
		if hdr != nil {
			req.Header = hdr
		}
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		readAll(t, resp)
		return resp
	}
	if r := get("/api/templates", nil); r.StatusCode != http.StatusUnauthorized {
		t.Errorf("no token: %d", r.StatusCode)
	}
	if r := get("/api/templates", http.Header{"Authorization": {"Bearer sai"}}); r.StatusCode != http.StatusUnauthorized {
		t.Errorf("wrong token: %d", r.StatusCode)
	}
	if r := get("/api/templates", http.Header{"Authorization": {"Bearer bí-mật"}}); r.StatusCode != http.StatusOK {
		t.Errorf("bearer: %d", r.StatusCode)
	}
	r := get("/?token=b%C3%AD-m%E1%BA%ADt", nil)
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/" || len(r.Cookies()) == 0 {
		t.Fatalf("?token=: %d %v", r.StatusCode, r.Header)
	}
	if r := get("/api/templates", http.Header{"Cookie": {r.Cookies()[0].String()}}); r.StatusCode != http.StatusOK {
		t.Errorf("cookie: %d", r.StatusCode)
	}
	resp := post(t, ts.URL+"/api/builds", map[string]string{"template": thachAn}, "a.xlsx", sample(t, "thach-an-2021-2025.xlsx"), nil)
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("post without token: %d", resp.StatusCode)
	}
	readAll(t, resp)
}

func TestBatch(t *testing.T) {
	_, ts := newTest(t, nil)
	resp := post(t, ts.URL+"/api/batches", map[string]string{"template": "chi-so-cchc-9-thang"}, "don-vi.xlsx", unitsBook(t, 8), nil)
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("status %d: %s", resp.StatusCode, readAll(t, resp))
	}
	st := decode[batchStatus](t, resp)
	if st.Total != 8 || st.Sheet != DefaultUnitSheet || !validID(st.ID) {
		t.Fatalf("%+v", st)
	}
	for deadline := time.Now().Add(2 * time.Minute); !st.Finished && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		r, err := http.Get(ts.URL + "/api/batches/" + st.ID)
		if err != nil {
			t.Fatal(err)
		}
		st = decode[batchStatus](t, r)
		if !st.Finished {
			if r, _ := http.Get(ts.URL + "/api/batches/" + st.ID + "/zip"); r.StatusCode != http.StatusConflict {
				t.Errorf("zip before the end: %d", r.StatusCode)
			}
		}
	}
	if !st.Finished || st.Done != 8 || st.Built != 7 || len(st.Failed) != 1 || st.Failed[0].Unit != "Phường-7" ||
		!strings.Contains(st.Failed[0].Error, `"một trăm"`) || st.Zip == "" {
		t.Fatalf("%+v", st)
	}
	// The failure in English too, at the same cell.
	if r, err := http.Get(ts.URL + "/api/batches/" + st.ID + "?lang=en"); err != nil {
		t.Fatal(err)
	} else if en := decode[batchStatus](t, r); len(en.Failed) != 1 || !strings.Contains(en.Failed[0].Error, `cell D8`) {
		t.Errorf("in English: %+v", en.Failed)
	}
	resp, err := http.Get(ts.URL + st.Zip)
	if err != nil {
		t.Fatal(err)
	}
	z := readAll(t, resp)
	zr, err := zip.NewReader(bytes.NewReader(z), int64(len(z)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if f.Name == "tom-tat.txt" {
			rc, _ := f.Open()
			var b bytes.Buffer
			b.ReadFrom(rc)
			if !strings.Contains(b.String(), "lập được 7 báo cáo; lỗi 1") || !strings.Contains(b.String(), "- Phường-7: ") {
				t.Errorf("tom-tat.txt:\n%s", &b)
			}
		}
	}
	all := strings.Join(names, " ")
	if len(names) != 7*2+1 || !strings.Contains(all, "etc-passwd.pdf") || strings.Contains(all, "/") {
		t.Errorf("zip holds %v", names)
	}
	resp = post(t, ts.URL+"/api/batches", map[string]string{"template": "chi-so-cchc-9-thang", "sheet": "Không có"}, "don-vi.xlsx", unitsBook(t, 2), nil)
	if r := decode[tRefused](t, resp); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Error, `"Không có"`) {
		t.Errorf("missing sheet: %d %+v", resp.StatusCode, r)
	}
}

// TestRestart: the reports and their versions are found again by a server
// started later on the same data folder.
func TestRestart(t *testing.T) {
	dd := filepath.Join(t.TempDir(), "du-lieu")
	_, ts := newTest(t, func(c *Config) { c.DataDir = dd })
	resp := post(t, ts.URL+"/api/builds", map[string]string{"template": thachAn}, "v1.xlsx", sample(t, "thach-an-2021-2025.xlsx"), nil)
	b := decode[tBuild](t, resp)
	resp = post(t, ts.URL+"/api/builds/"+b.ID+"/versions", nil, "v2.xlsx", edit(t, "thach-an-2021-2025.xlsx", "Thông tin", map[string]any{"tin_bai_cchc": 47}), nil)
	readAll(t, resp)
	// The findings' messages in both languages, before the restart.
	messages := func(url string) (vi, en string) {
		for lang, m := range map[string]*string{"": &vi, "?lang=en": &en} {
			resp, err := http.Get(url + "/api/builds/" + b.ID + lang)
			if err != nil {
				t.Fatal(err)
			}
			g := decode[tBuild](t, resp)
			if len(g.Versions) == 0 || len(g.Versions[0].Findings) == 0 {
				t.Fatalf("%+v", g)
			}
			*m = g.Versions[0].Findings[0].Message
		}
		return vi, en
	}
	vi, en := messages(ts.URL)
	// A folder that is not the server's is left alone.
	os.MkdirAll(filepath.Join(dd, "builds", "khong-phai-id"), 0o755)
	os.WriteFile(filepath.Join(dd, "builds", "khong-phai-id", reportFile), []byte(`{"id":"khong-phai-id","template":"`+thachAn+`"}`), 0o644)
	ts.Close()

	_, ts2 := newTest(t, func(c *Config) { c.DataDir = dd })
	resp, err := http.Get(ts2.URL + "/api/builds")
	if err != nil {
		t.Fatal(err)
	}
	var list []struct {
		ID      string `json:"id"`
		Version int    `json:"version"`
		Upload  string `json:"upload"`
		Title   string `json:"title"`
	}
	if err := json.Unmarshal(readAll(t, resp), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID != b.ID || list[0].Version != 2 || list[0].Upload != "v2.xlsx" || !strings.HasPrefix(list[0].Title, "tổng kết CCHC") {
		t.Fatalf("after a restart: %+v", list)
	}
	resp, _ = http.Get(ts2.URL + "/api/builds/" + b.ID)
	g := decode[tBuild](t, resp)
	if len(g.Versions) != 2 || len(g.Versions[0].Findings) != 10 || g.Versions[0].Findings[0].Severity != "warning" || g.Versions[0].Findings[0].Cell == "" {
		t.Fatalf("%+v", g)
	}
	if vi2, en2 := messages(ts2.URL); vi2 != vi || en2 != en {
		t.Errorf("after a restart, the messages %q and %q; before %q and %q", vi2, en2, vi, en)
	}
	for _, v := range g.Versions {
		resp, _ := http.Get(ts2.URL + v.Files["pdf"])
		if b := readAll(t, resp); resp.StatusCode != 200 || !bytes.HasPrefix(b, []byte("%PDF")) {
			t.Errorf("version %d after a restart: %d", v.N, resp.StatusCode)
		}
	}
}

// TestConsolidationUpload: a consolidating template takes the report's
// own workbook and its units' workbooks, as .xlsx files or one .zip; a
// unit that fails its checks is left out and named in the findings.
func TestConsolidationUpload(t *testing.T) {
	_, ts := newTest(t, nil)
	base := sample(t, "tinh-nam-son-2026.xlsx")
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	for _, n := range []string{"ward-01.xlsx", "ward-02.xlsx", "ward-03.xlsx"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "data", "tong-hop-tinh", n))
		if err != nil {
			t.Fatal(err)
		}
		w, _ := zw.Create("Các xã/" + n)
		w.Write(data)
	}
	w, _ := zw.Create("Các xã/sai-mau.xlsx")
	w.Write(sample(t, "sa-dec-2024.xlsx"))
	zw.Close()

	post := func(units []byte) *http.Response {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		mw.WriteField("template", "tong-hop-cchc-tinh")
		fw, _ := mw.CreateFormFile("workbook", "tinh.xlsx")
		fw.Write(base)
		if units != nil {
			fw, _ = mw.CreateFormFile("units", "don-vi.zip")
			fw.Write(units)
		}
		mw.Close()
		req, _ := http.NewRequest("POST", ts.URL+"/api/builds", &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	resp := post(zbuf.Bytes())
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("status %d: %s", resp.StatusCode, readAll(t, resp))
	}
	b := decode[tBuild](t, resp)
	found := false
	for _, f := range b.Findings {
		found = found || strings.Contains(f.Message, "đơn vị sai-mau.xlsx bị bỏ ra khỏi bản tổng hợp")
	}
	if !found {
		t.Errorf("the unit left out is not among the findings: %+v", b.Findings)
	}
	if b.Files["pdf"] == "" || b.Files["xlsx"] == "" {
		t.Errorf("files %v", b.Files)
	}
	if resp := post(nil); resp.StatusCode != http.StatusUnprocessableEntity && resp.StatusCode != http.StatusBadRequest {
		t.Errorf("without units: status %d", resp.StatusCode)
	} else if body := string(readAll(t, resp)); !strings.Contains(body, "bảng tính của các đơn vị") {
		t.Errorf("without units: %s", body)
	}
}
