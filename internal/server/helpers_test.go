package server

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao"
)

const thachAn = "tong-ket-cchc-2021-2025"

// newTest starts the server on an httptest listener with a fresh data
// folder.
func newTest(t testing.TB, mod func(*Config)) (*Server, *httptest.Server) {
	t.Helper()
	cfg := Config{Addr: "127.0.0.1:0", DataDir: filepath.Join(t.TempDir(), "du-lieu"), Assets: baocao.Assets(), Logf: t.Logf}
	if mod != nil {
		mod(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

// form is a multipart body with text fields and one workbook.
func form(t testing.TB, fields map[string]string, fileName string, data []byte) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	if data != nil {
		w, err := mw.CreateFormFile("workbook", fileName)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	mw.Close()
	return &buf, mw.FormDataContentType()
}

func post(t testing.TB, url string, fields map[string]string, fileName string, data []byte, hdr http.Header) *http.Response {
	t.Helper()
	body, ct := form(t, fields, fileName, data)
	req, err := http.NewRequest(http.MethodPost, url, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", ct)
	for k, v := range hdr {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func readAll(t testing.TB, r *http.Response) []byte {
	t.Helper()
	defer r.Body.Close()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func sample(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "data", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// edit changes cells of a sample workbook: sheet → cell → value, or, for
// the fact sheet "Thông tin", key → value (the row is found by its key).
func edit(t testing.TB, name string, sheet string, cells map[string]any) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(sample(t, name)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range cells {
		cell := k
		if sheet == "Thông tin" {
			cell = ""
			for i, r := range rows {
				if len(r) > 0 && r[0] == k {
					cell = fmt.Sprintf("B%d", i+1)
				}
			}
			if cell == "" {
				t.Fatalf("no fact %s in %s", k, name)
			}
		}
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// unitsBook is the Sa Đéc sample with a unit sheet "Đơn vị" of n units,
// as cmd/baocao/batch_test.go makes it; unit 7 has a document number that
// is not a number, so its report fails.
func unitsBook(t testing.TB, n int) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(sample(t, "sa-dec-2024.xlsx")))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sh := DefaultUnitSheet
	if _, err := f.NewSheet(sh); err != nil {
		t.Fatal(err)
	}
	f.SetSheetRow(sh, "A1", &[]any{"Đơn vị", "ten_don_vi", "dia_danh", "so_van_ban", "nguoi_ky"})
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("Phường %d", i+1)
		if i == 3 {
			name = "../../etc/passwd"
		}
		so := any(100 + i)
		if i == 6 {
			so = "một trăm"
		}
		row := []any{name, strings.ToLower(fmt.Sprintf("phường %d", i+1)), fmt.Sprintf("Phường %d", i+1), so, "Trần Văn An"}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		f.SetSheetRow(sh, cell, &row)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
