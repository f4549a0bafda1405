package docx

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"baocao/internal/docmodel"
	"baocao/internal/testtool"

	"golang.org/x/text/unicode/norm"
)

// writeSample writes the sample document to dir/sample.docx. With
// DOCX_KEEP=DIR set, the file (and the PDF the interop test makes) is
// also kept in DIR for a person to open.
func writeSample(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "sample.docx")
	if err := os.WriteFile(path, writeDoc(t, sampleDocument()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func keep(t *testing.T, files ...string) {
	dir := os.Getenv("DOCX_KEEP")
	if dir == "" {
		return
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644)
		}
		if err != nil {
			t.Logf("DOCX_KEEP: %v", err)
		}
	}
}

// TestSchemaValid runs the shared OOXML validator over the written file:
// every part must be valid against the ISO/IEC 29500 Transitional schemas.
func TestSchemaValid(t *testing.T) {
	script := testtool.OOXMLValidator(t)
	minimal := &docmodel.Document{Body: []docmodel.Block{&docmodel.Table{
		Columns: []docmodel.Column{{}, {}}, Rows: []docmodel.Row{{Cells: []docmodel.Cell{{}, {}}}}}}}
	portrait := sampleDocument()
	portrait.Appendices[0].Landscape = false
	portrait.KinhGui, portrait.Header.ParentAgency = nil, nil
	for _, tc := range []struct {
		name string
		doc  *docmodel.Document
	}{
		{"sample", sampleDocument()},
		{"portrait appendix", portrait},
		{"empty", &docmodel.Document{}},
		{"only a table", minimal},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "doc.docx")
			if err := os.WriteFile(path, writeDoc(t, tc.doc), 0o644); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			out, err := exec.CommandContext(ctx, "bash", script, "--all", "-v", path).CombinedOutput()
			if err != nil {
				t.Fatalf("validator failed: %v\n%s", err, out)
			}
			if !regexp.MustCompile(`(?m)^\d+ parts valid, 0 invalid$`).Match(out) {
				t.Fatalf("validator did not report every part valid:\n%s", out)
			}
		})
	}
}

// TestLibreOffice converts the file to PDF with LibreOffice and reads the
// PDF back: the strings of the header, headings, a figure, the footnote
// and the recipients must come out with their diacritics, pages must be
// A4 (the appendix A4 landscape), page 1 must carry no number and page 2
// must carry "2".
func TestLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("converts with LibreOffice")
	}
	soffice := testtool.Path(t, "soffice")
	testtool.Need(t, "pdftotext", "pdfinfo")
	dir := t.TempDir()
	path := writeSample(t, dir)

	// A private profile: parallel runs and a user's own LibreOffice do not
	// share (and lock) one.
	profile := "file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation="+profile,
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, path)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "sample.pdf")
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("soffice wrote no PDF: %v", err)
	}
	keep(t, path, pdf)

	run := func(name string, args ...string) string {
		t.Helper()
		out, err := exec.CommandContext(ctx, name, args...).Output()
		if err != nil {
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				t.Fatalf("%s: %v\n%s", name, err, ee.Stderr)
			}
			t.Fatalf("%s: %v", name, err)
		}
		return string(out)
	}

	text := norm.NFC.String(run("pdftotext", "-layout", pdf, "-"))
	for _, want := range []string{
		"UBND TỈNH ĐỒNG THÁP", "ỦY BAN NHÂN DÂN", "THÀNH PHỐ SA ĐÉC",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"Số: 371/BC-UBND", "Sa Đéc, ngày 09 tháng 10 năm 2024",
		"BÁO CÁO", "Kết quả cải thiện Chỉ số cải cách hành chính thành phố Sa Đéc",
		"Kính gửi:", "- Sở Nội vụ tỉnh Đồng Tháp.",
		"Phần thứ nhất", "KẾT QUẢ THỰC HIỆN",
		"I. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", "1. Tổng quan về cải cách hành chính",
		"2.1/ Công tác chỉ đạo, điều hành CCHC", "a) Chỉ số thành phần",
		"13,8/16,50 điểm", "16,50",
		"Kết quả kiểm tra công tác CCHC Thành phố năm 2024",
		"Tiêu chí (8) ĐTXHH: 02 điểm chưa xác định được.",
		"Nơi nhận:", "- CT, các Phó Chủ tịch UBND Thành phố (B/c);", "- Lưu: VT.",
		"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Hòn",
		"Phụ lục I", "KẾT QUẢ TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	// The text as printed must already be NFC: pdftotext gives back what
	// the PDF holds, and a decomposed letter there means a broken glyph.
	if raw := run("pdftotext", "-layout", pdf, "-"); !norm.NFC.IsNormalString(raw) {
		t.Error("the PDF text is not NFC")
	}

	info := run("pdfinfo", pdf)
	if !strings.Contains(info, "595.") || !strings.Contains(info, "x 841.") {
		t.Errorf("page 1 is not A4 portrait:\n%s", info)
	}
	pages := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(info)
	if pages == nil {
		t.Fatalf("pdfinfo gives no page count:\n%s", info)
	}
	if n, _ := strconv.Atoi(pages[1]); n < 3 {
		t.Fatalf("want at least 3 pages (2 of report, 1 of appendix):\n%s", info)
	}
	last := pages[1]
	lastInfo := run("pdfinfo", "-f", last, "-l", last, pdf)
	if !regexp.MustCompile(`841\.\d+ x 595\.\d+`).MatchString(lastInfo) {
		t.Errorf("the appendix page is not A4 landscape:\n%s", lastInfo)
	}

	firstLine := func(page string) string {
		for _, l := range strings.Split(run("pdftotext", "-layout", "-f", page, "-l", page, pdf, "-"), "\n") {
			if s := strings.TrimSpace(l); s != "" {
				return s
			}
		}
		return ""
	}
	if l := firstLine("1"); !strings.Contains(l, "UBND TỈNH ĐỒNG THÁP") {
		t.Errorf("page 1 starts with %q, want the header block (no page number)", l)
	}
	if l := firstLine("2"); l != "2" {
		t.Errorf("page 2 starts with %q, want its number 2", l)
	}
	if l := firstLine(last); !strings.HasPrefix(l, "Phụ lục I") {
		t.Errorf("the appendix page starts with %q, want its label (its page 1 is unnumbered)", l)
	}
	// Page 1's text starts at the top margin (20 mm here; ND30 allows 20
	// to 25): the top of the first word's box, which pdftotext puts at the
	// font's ascent above the baseline, where LibreOffice starts the line.
	// It was 25,6 mm while LibreOffice put a paragraph of its own before
	// the header block table (document.go, separateTable).
	m := regexp.MustCompile(`<word xMin="[0-9.]+" yMin="([0-9.]+)"`).FindStringSubmatch(run("pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-"))
	if m == nil {
		t.Fatal("pdftotext -bbox gives no word on page 1")
	}
	top, _ := strconv.ParseFloat(m[1], 64)
	topMM, marginMM := top*25.4/72, float64(sampleDocument().Page.MarginTop)/1440*25.4
	if topMM < marginMM-0.5 || topMM > marginMM+1 || topMM > 25 {
		t.Errorf("page 1's text starts %.2f mm from the top edge, want the %.0f mm margin (at most 25 mm)", topMM, marginMM)
	}
	t.Logf("page 1's text starts %.2f mm from the top edge", topMM)

	page1 := norm.NFC.String(run("pdftotext", "-layout", "-f", "1", "-l", "1", pdf, "-"))
	if !strings.Contains(page1, "Kết quả kiểm tra công tác CCHC") {
		t.Error("footnote 1 is not at the foot of page 1, where it is referenced")
	}
	if bytes.Contains([]byte(text), []byte("\ufffd")) {
		t.Error("the PDF text has replacement characters")
	}
}
