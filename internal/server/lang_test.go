package server

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"baocao/internal/dataset"
	"baocao/internal/msg"
)

// englishWords are words that an answer told in Vietnamese must not keep
// in the parts this package words (the location, the frame).
var englishWords = []string{" the ", " sheet ", " cell ", " workbook ", " could not ", " file "}

func noEnglish(t *testing.T, what, s string) {
	t.Helper()
	for _, w := range englishWords {
		if strings.Contains(strings.ToLower(" "+s+" "), w) {
			t.Errorf("%s keeps the English %q: %s", what, w, s)
		}
	}
}

// TestRequestLang: ?lang= decides, then the first choice of
// Accept-Language; Vietnamese otherwise.
func TestRequestLang(t *testing.T) {
	for _, tt := range []struct {
		query, accept string
		want          string
	}{
		{"", "", "vi"},
		{"", "en-US,en;q=0.9,vi;q=0.8", "en"},
		{"", "vi-VN,vi;q=0.9,en-US;q=0.8", "vi"},
		{"", "fr-FR,en;q=0.9", "vi"},
		{"", "vi;q=0.5,en;q=0.9", "en"},
		{"", "not a language header", "vi"},
		{"lang=en", "vi", "en"},
		{"lang=vi", "en-GB", "vi"},
		{"lang=fr", "en", "en"},
	} {
		r, _ := http.NewRequest(http.MethodGet, "/api/builds?"+tt.query, nil)
		if tt.accept != "" {
			r.Header.Set("Accept-Language", tt.accept)
		}
		got, _ := requestLang(r).Base()
		if got.String() != tt.want {
			t.Errorf("?%s, Accept-Language %q: %s, want %s", tt.query, tt.accept, got, tt.want)
		}
	}
}

// TestAnswersInLanguage: the refusals of the API in Vietnamese by default
// and in English when the request asks: a workbook with a cell that
// cannot be read (422, the error saying "trang …, ô …", its finding at
// the cell, saying the cause only, since the page shows the place), a check
// that fails, an upload too large, a template that does not exist, a
// missing token.
func TestAnswersInLanguage(t *testing.T) {
	_, ts := newTest(t, func(c *Config) { c.MaxUpload = 2 << 20 })
	unreadable := edit(t, "sa-dec-2024.xlsx", "Chỉ số CCHC", map[string]any{"E4": "nhiều"})
	overMax := edit(t, "sa-dec-2024.xlsx", "Chỉ số CCHC", map[string]any{"E4": 5})
	en := http.Header{"Accept-Language": {"en-US,en;q=0.9"}}
	viHdr := http.Header{"Accept-Language": {"vi-VN,vi;q=0.9,en;q=0.8"}}
	tests := []struct {
		name      string
		url       string
		fields    map[string]string
		data      []byte
		hdr       http.Header
		code      int
		error     string // prefix of the answer's error
		finding   string // the message of a finding at E4, if any: the cause, the place being its sheet and cell
		isEnglish bool
	}{
		{"unreadable cell", "/api/builds", map[string]string{"template": "chi-so-cchc-9-thang"}, unreadable, nil, 422,
			`Không lập được báo cáo từ bảng tính này: sa-dec.xlsx, trang "Chỉ số CCHC", ô E4: `, `cần một số cho điểm đạt, có "nhiều"`, false},
		{"unreadable cell, Vietnamese asked", "/api/builds", map[string]string{"template": "chi-so-cchc-9-thang"}, unreadable, viHdr, 422,
			`Không lập được báo cáo từ bảng tính này: sa-dec.xlsx, trang "Chỉ số CCHC", ô E4: `, `cần một số cho điểm đạt, có "nhiều"`, false},
		{"unreadable cell, English", "/api/builds", map[string]string{"template": "chi-so-cchc-9-thang"}, unreadable, en, 422,
			`Could not build the report from this workbook: sa-dec.xlsx, sheet "Chỉ số CCHC", cell E4: `, `expected a number for the score (điểm đạt), found "nhiều"`, true},
		{"unreadable cell, ?lang=en", "/api/builds?lang=en", map[string]string{"template": "chi-so-cchc-9-thang"}, unreadable, viHdr, 422,
			`Could not build the report from this workbook: `, `expected a number for the score (điểm đạt), found "nhiều"`, true},
		{"failed check", "/api/builds", map[string]string{"template": "chi-so-cchc-9-thang"}, overMax, nil, 422,
			"Bảng tính có 1 lỗi: chưa lập báo cáo. Sửa các ô được nêu rồi tải lên lại.", "", false},
		{"failed check, English", "/api/builds", map[string]string{"template": "chi-so-cchc-9-thang"}, overMax, en, 422,
			"The workbook has 1 error(s): no report was built.", "", true},
		{"too large", "/api/builds", map[string]string{"template": thachAn}, make([]byte, 3<<20), nil, 413, "Tệp quá lớn: tối đa 2 MB mỗi lần tải lên.", "", false},
		{"too large, English", "/api/builds", map[string]string{"template": thachAn}, make([]byte, 3<<20), en, 413, "The file is too large: at most 2 MB per upload.", "", true},
		{"unknown template", "/api/builds", map[string]string{"template": "khong-co"}, overMax, nil, 400, "Hãy chọn một mẫu báo cáo có trong thư viện", "", false},
		{"unknown template, English", "/api/builds", map[string]string{"template": "khong-co"}, overMax, en, 400, "Choose a report template of the library", "", true},
		{"no such report", "/api/builds/" + strings.Repeat("a", 32) + "/versions", nil, overMax, nil, 404, "Không có báo cáo này", "", false},
		{"no such report, English", "/api/builds/" + strings.Repeat("a", 32) + "/versions", nil, overMax, en, 404, "There is no such report", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := post(t, ts.URL+tt.url, tt.fields, "sa-dec.xlsx", tt.data, tt.hdr)
			if resp.StatusCode != tt.code {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.code, readAll(t, resp))
			}
			r := decode[tRefused](t, resp)
			if !strings.HasPrefix(r.Error, tt.error) {
				t.Errorf("error %q, want %q", r.Error, tt.error)
			}
			if !tt.isEnglish {
				noEnglish(t, "error", strings.TrimSuffix(r.Error, strings.TrimPrefix(r.Error, tt.error)))
			}
			if tt.finding == "" {
				return
			}
			found := false
			for _, f := range r.Findings {
				if f.Sheet == "Chỉ số CCHC" && f.Cell == "E4" && f.Severity == "error" {
					found = true
					if f.Message != tt.finding {
						t.Errorf("finding %q, want %q (the page shows the sheet and the cell beside it)", f.Message, tt.finding)
					}
				}
			}
			if !found {
				t.Errorf("no finding at E4: %+v", r.Findings)
			}
		})
	}

	// The access token's refusal.
	_, guarded := newTest(t, func(c *Config) { c.Token = "bí-mật" })
	for lang, want := range map[string]string{"": "Cần mã truy cập: ", "?lang=en": "An access token is required: "} {
		resp, err := http.Get(guarded.URL + "/api/templates" + lang)
		if err != nil {
			t.Fatal(err)
		}
		if r := decode[tRefused](t, resp); resp.StatusCode != http.StatusUnauthorized || !strings.HasPrefix(r.Error, want) {
			t.Errorf("token %q: %d %q, want %q", lang, resp.StatusCode, r.Error, want)
		}
	}
}

// TestFindingsInLanguage: a build's findings come out in the request's
// language, those of every version too; a diff's labels and notes as
// well.
func TestFindingsInLanguage(t *testing.T) {
	_, ts := newTest(t, nil)
	resp := post(t, ts.URL+"/api/builds", map[string]string{"template": "chi-so-cchc-9-thang"}, "v1.xlsx", sample(t, "sa-dec-2024.xlsx"), nil)
	b := decode[tBuild](t, resp)
	if len(b.Findings) == 0 || len(b.Versions) != 1 {
		t.Fatalf("%+v", b)
	}
	// The score of criterion 5.5, under field 5 whose score is typed.
	fixed := edit(t, "sa-dec-2024.xlsx", "Chỉ số CCHC", map[string]any{"E33": 0.9167})
	type tDiff struct {
		Changes []struct {
			Label string
			Notes []string
		} `json:"changes"`
	}
	for _, tt := range []struct {
		hdr         http.Header
		label, note string
	}{
		{nil, "chỉ số 5.5 (", "điểm đạt của chỉ số 5 (Cải cách chế độ công vụ) được nhập sẵn ở ô E28"},
		{http.Header{"Accept-Language": {"en"}}, "indicator 5.5 (", "the score (điểm đạt) of indicator 5 (Cải cách chế độ công vụ) is typed in cell E28"},
	} {
		resp := post(t, ts.URL+"/api/builds/"+b.ID+"/diff", nil, "v2.xlsx", fixed, tt.hdr)
		if resp.StatusCode != 200 {
			t.Fatalf("diff: %d %s", resp.StatusCode, readAll(t, resp))
		}
		d := decode[tDiff](t, resp)
		if len(d.Changes) != 1 || !strings.HasPrefix(d.Changes[0].Label, tt.label) || len(d.Changes[0].Notes) != 1 || !strings.HasPrefix(d.Changes[0].Notes[0], tt.note) {
			t.Errorf("diff %+v, want %q and %q", d, tt.label, tt.note)
		}
	}
}

// TestBatchStatusInLanguage: a unit's failure and the batch's error are
// told in the language of each request, their location included.
func TestBatchStatusInLanguage(t *testing.T) {
	loc := dataset.Loc{File: "don-vi.xlsx", Sheet: "Đơn vị", Cell: "D8"}
	b := &batch{status: batchStatus{Failed: []unitFailed{{Unit: "Phường 7", err: &dataset.Error{Loc: loc, Err: msg.Errorf("too many unit workbooks: at most %d", 3)}}},
		err: msg.Errorf("Could not pack the reports: %w", errors.New("disk full"))}}
	vi, en := b.snapshot(msg.Vietnamese), b.snapshot(msg.English)
	if got, want := vi.Failed[0].Error, `don-vi.xlsx, trang "Đơn vị", ô D8: quá nhiều bảng tính đơn vị: tối đa 3`; got != want {
		t.Errorf("Vietnamese %q, want %q", got, want)
	}
	if got, want := en.Failed[0].Error, `don-vi.xlsx, sheet "Đơn vị", cell D8: too many unit workbooks: at most 3`; got != want {
		t.Errorf("English %q, want %q", got, want)
	}
	if vi.Error != "Không đóng gói được các báo cáo: disk full" || en.Error != "Could not pack the reports: disk full" {
		t.Errorf("batch error %q / %q", vi.Error, en.Error)
	}
	j, _ := json.Marshal(vi)
	if !strings.Contains(string(j), `"error":"Không đóng gói`) {
		t.Errorf("JSON %s", j)
	}
}

// TestUnknownAddresses: an address the API does not have, or a method it
// does not take there, is answered in JSON in the request's language,
// not with net/http's English text; 405 says which methods are allowed.
func TestUnknownAddresses(t *testing.T) {
	_, ts := newTest(t, nil)
	for _, tt := range []struct {
		method, path string
		code         int
		allow, want  string
	}{
		{http.MethodGet, "/api/khong-co", 404, "", "Không có trang hay địa chỉ /api/khong-co."},
		{http.MethodGet, "/api/khong-co?lang=en", 404, "", "There is no such page or address: /api/khong-co."},
		{http.MethodGet, "/static/", 404, "", "Không có trang hay địa chỉ /static/."},
		{http.MethodDelete, "/api/builds", 405, "GET, POST", "Địa chỉ này không nhận yêu cầu DELETE (chỉ nhận GET, POST)."},
		{http.MethodGet, "/api/batches?lang=en", 405, "POST", "This address does not take a GET request (it takes POST)."},
	} {
		req, _ := http.NewRequest(tt.method, ts.URL+tt.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var body struct{ Error string }
		err = json.NewDecoder(resp.Body).Decode(&body)
		resp.Body.Close()
		if resp.StatusCode != tt.code || err != nil || body.Error != tt.want || resp.Header.Get("Allow") != tt.allow {
			t.Errorf("%s %s: %d %q (Allow %q, %v), want %d %q (Allow %q)", tt.method, tt.path, resp.StatusCode, body.Error, resp.Header.Get("Allow"), err, tt.code, tt.want, tt.allow)
		}
	}
}
