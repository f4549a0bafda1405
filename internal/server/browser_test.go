package server

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"baocao/internal/testtool"
)

// TestBrowser drives Debian's chromium, headless, through the whole flow
// a secretariat follows, and keeps a screenshot of each step in
// $BAOCAO_SCREENSHOTS (or a temporary folder, named in the log).
func TestBrowser(t *testing.T) {
	testtool.Need(t, "chromium", "pdftotext")
	if testing.Short() {
		t.Skip("browser")
	}
	_, ts := newTest(t, nil)
	shots := os.Getenv("BAOCAO_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	os.MkdirAll(shots, 0o755)
	downloads := t.TempDir()
	files := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(files, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	thachAnFile := write("thach-an-2021-2025.xlsx", sample(t, "thach-an-2021-2025.xlsx"))
	fixedFile := write("thach-an-da-sua.xlsx", edit(t, "thach-an-2021-2025.xlsx", "Thông tin", map[string]any{"tin_bai_cchc": 47}))
	unitsFile := write("don-vi.xlsx", unitsBook(t, 20))

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(testtool.Path(t, "chromium")),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	defer cancel()
	// The first call starts the browser and must not carry a timeout.
	if _, err := chromedp.CallBrowser(bctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads}); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	ctx, cancel := context.WithTimeout(bctx, 4*time.Minute)
	defer cancel()

	step := 0
	shot := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			buf, err := chromedp.CaptureScreenshot()(ctx, tg)
			if err != nil {
				return err
			}
			step++
			return os.WriteFile(filepath.Join(shots, fmt.Sprintf("%02d-%s.png", step, name)), buf, 0o644)
		})
	}
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return v
	}
	count := func(sel string) int {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf("document.querySelectorAll(%q).length", sel)))
		if err != nil {
			t.Fatalf("count %s: %v", sel, err)
		}
		return v
	}
	// download waits for a complete downloaded file of that name.
	download := func(name string) []byte {
		t.Helper()
		p := filepath.Join(downloads, name)
		for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if b, err := os.ReadFile(p); err == nil && len(b) > 0 {
				return b
			}
		}
		entries, _ := os.ReadDir(downloads)
		t.Fatalf("no download %s (folder holds %v)", name, entries)
		return nil
	}
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }

	// 1. The page and its template library.
	do("open the page",
		chromedp.Navigate(ts.URL),
		chromedp.WaitVisible(css(`.card[data-name="`+thachAn+`"]`)),
		shot("thu-vien-mau"))
	if n := count(".card"); n != 4 {
		t.Errorf("%d templates on the page, want 4", n)
	}
	// 2. Choose Thạch An and upload its workbook.
	do("choose Thạch An", chromedp.Click(css(`.card[data-name="`+thachAn+`"] h3`)))
	if chosen := text("#mau-chon"); !strings.Contains(chosen, "tổng kết CCHC giai đoạn 2021 - 2025") {
		t.Errorf("chosen: %q", chosen)
	}
	start := time.Now()
	do("upload",
		chromedp.SetUploadFiles(css(`#tep`), []string{thachAnFile}),
		chromedp.WaitVisible(css(`#xem-truoc article.doc`)))
	t.Logf("upload to preview in the browser: %v", time.Since(start))
	// 3. The findings, each with its sheet and cell.
	do("findings", chromedp.ScrollIntoView(css(`#buoc-3`)), shot("ket-qua-kiem-tra"))
	notice, findings, rows := text("#thong-bao"), text("#ket-qua tbody"), count("#ket-qua tbody tr")
	if rows != 10 || !strings.Contains(notice, "10 cảnh báo") || !strings.Contains(findings, "Đối chiếu\tB3") || !strings.Contains(findings, "TTHC\tF7") {
		t.Errorf("findings (%d rows): %q\n%q", rows, notice, findings)
	}
	// 4. The preview, and the PDF, whose text is the CLI build's.
	preview := text("#xem-truoc")
	for _, s := range []string{"BÁO CÁO", "57.385", "Phụ lục I", "Nơi nhận:"} {
		if !strings.Contains(preview, s) {
			t.Errorf("preview lacks %q", s)
		}
	}
	// Figure provenance: pointing at 57.385 shows its chỉ tiêu and formula;
	// Tab from it moves to the next figure, whose source shows too.
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("evaluate %s: %v", js, err)
		}
		return v
	}
	js := func(code string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool]("("+code+", true)")(ctx, tg)
			return err
		})
	}
	const popover = `(e => getComputedStyle(e, "::after").content)`
	const fig = `[...document.querySelectorAll("#xem-truoc .nguon")].find(e => e.textContent === "57.385" && e.dataset.nguon.includes("tiep_nhan"))`
	if c := eval(popover + `(` + fig + `)`); c != "none" {
		t.Errorf("a popover before pointing at the figure: %s", c)
	}
	xy, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(e => { e.scrollIntoView({block: "center"}); const r = e.getBoundingClientRect(); return [r.x + r.width/2, r.y + r.height/2]; })(`+fig+`)`))
	if err != nil || len(xy) != 2 {
		t.Fatalf("the figure 57.385 with its chỉ tiêu: %v %v", xy, err)
	}
	do("point at 57.385", chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, xy[0], xy[1]), chromedp.Sleep(200*time.Millisecond), shot("nguon-chi-tieu"))
	if c := eval(popover + `(` + fig + `)`); !strings.Contains(c, `tiep_nhan = tong(\"TTHC\", \"Số hồ sơ nhận giải quyết / Tổng số\")`) || !strings.Contains(c, "Chỉ tiêu Hồ sơ tiếp nhận") {
		t.Errorf("pointing at 57.385 shows %s", c)
	} else {
		t.Logf("pointing at 57.385 shows %s", c)
	}
	do("Tab to the next figure", chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 0, 0), js(fig+`.focus()`), chromedp.KeyEvent("\t"), chromedp.Sleep(200*time.Millisecond), shot("nguon-ban-phim"))
	// The focused element is the next figure, and its popover shows its own source.
	const focused = `(e => e.classList.contains("nguon") && e !== ` + fig + ` && ` + popover + `(e) === JSON.stringify(e.dataset.nguon) ? e.textContent + ": " + e.dataset.nguon : "")(document.activeElement)`
	if c := eval(focused); c == "" || (!strings.Contains(c, "công thức: ") && !strings.Contains(c, ", ô ")) {
		t.Errorf("Tab from 57.385 focuses %q", eval(`document.activeElement.outerHTML.slice(0, 200)`))
	} else {
		t.Logf("Tab from 57.385 to %s", c)
	}
	do("leave the figure", js(`document.activeElement.blur()`), js(`document.getElementById("xem-truoc").scrollTop = 0`))
	do("preview",
		chromedp.ScrollIntoView(css(`#buoc-4`)),
		shot("xem-truoc"),
		chromedp.ScrollIntoView(css(`#xem-truoc .footnotes`)),
		shot("xem-truoc-chu-thich"),
		chromedp.ScrollIntoView(css(`#xem-truoc .appendix`)),
		shot("xem-truoc-phu-luc"),
		chromedp.Click(css(`#tai-pdf`)))
	pdf := download(thachAn + "-v1.pdf")
	if got, want := pdfText(t, pdf), pdfText(t, cliBuild(t)["pdf"]); got != want {
		t.Errorf("the page's PDF text differs from the CLI build's (%d and %d characters)", len(got), len(want))
	}
	// 5. A corrected workbook: the diff, then version 2; version 1 stays.
	do("diff",
		chromedp.SetUploadFiles(css(`#tep-sua`), []string{fixedFile}),
		chromedp.WaitVisible(css(`#khac-biet .change`)),
		chromedp.ScrollIntoView(css(`#buoc-5`)),
		shot("khac-biet"))
	if d := text("#khac-biet"); !strings.Contains(d, "1 số liệu thay đổi so với phiên bản 1") ||
		!strings.Contains(d, "tin_bai_cchc: 43 → 47") || !strings.Contains(d, "47 tin") {
		t.Errorf("diff:\n%s", d)
	}
	do("new version",
		chromedp.Click(css(`#lap-moi`)),
		chromedp.WaitVisible(css(`#da-lap-moi`)),
		chromedp.WaitVisible(css(`#phien-ban tr[data-version="2"]`)),
		chromedp.ScrollIntoView(css(`#phien-ban`)),
		shot("phien-ban"))
	if n := count("#phien-ban tbody tr"); n != 2 {
		t.Errorf("%d versions listed", n)
	}
	if p := text("#xem-truoc"); !strings.Contains(p, "47 tin") {
		t.Error("the preview is not version 2's")
	}
	do("download version 1's zip", chromedp.Click(css(`#phien-ban tr[data-version="1"] a[href$="/zip"]`)))
	if z := download(thachAn + "-v1.zip"); !bytes.HasPrefix(z, []byte("PK")) {
		t.Error("version 1's zip")
	}
	// 6. A batch of 20 units, one of which fails.
	do("batch",
		chromedp.Click(css(`.card[data-name="chi-so-cchc-9-thang"] h3`)),
		chromedp.SetUploadFiles(css(`#tep-loat`), []string{unitsFile}),
		chromedp.WaitVisible(css(`#tien-do`)),
		chromedp.ScrollIntoView(css(`#buoc-6`)),
		shot("hang-loat-tien-do"),
		chromedp.WaitVisible(css(`#zip-loat`)),
		chromedp.ScrollIntoView(css(`#buoc-6`)),
		shot("hang-loat-xong"),
		chromedp.Click(css(`#zip-loat`)))
	if sum := text("#tom-tat"); !strings.Contains(sum, "lập được 19/20 báo cáo; 1 đơn vị lỗi") || !strings.Contains(sum, "Phường-7") {
		t.Errorf("batch summary:\n%s", sum)
	}
	z := download("chi-so-cchc-9-thang-hang-loat.zip")
	zr, err := zip.NewReader(bytes.NewReader(z), int64(len(z)))
	if err != nil {
		t.Fatal(err)
	}
	pdfs := 0
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, ".pdf") {
			pdfs++
		}
		if strings.Contains(f.Name, "/") || strings.Contains(f.Name, "..") {
			t.Errorf("zip entry %q", f.Name)
		}
	}
	if pdfs != 19 {
		t.Errorf("%d PDFs in the batch zip, want 19", pdfs)
	}
	// 7. Reopened from the list of reports made earlier.
	do("reopen",
		chromedp.Navigate(ts.URL),
		chromedp.WaitVisible(css(`#da-lap tbody tr`)),
		shot("da-lap"),
		chromedp.Click(css(`#da-lap tbody tr button`)),
		chromedp.WaitVisible(css(`#xem-truoc article.doc`)),
		chromedp.WaitVisible(css(`#phien-ban tr[data-version="2"]`)))
	if n := count("#da-lap tbody tr"); n != 1 {
		t.Errorf("%d reports listed, want 1 (a batch is not one)", n)
	}
	// 8. A consolidating report: the units' workbooks, then its own.
	var wards []string
	for _, n := range []string{"ward-01.xlsx", "ward-02.xlsx", "ward-03.xlsx"} {
		p, err := filepath.Abs(filepath.Join("..", "..", "data", "tong-hop-tinh", n))
		if err != nil {
			t.Fatal(err)
		}
		wards = append(wards, p)
	}
	province, err := filepath.Abs(filepath.Join("..", "..", "data", "tinh-nam-son-2026.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	do("consolidate",
		chromedp.Navigate(ts.URL),
		chromedp.WaitVisible(css(`.card[data-name="tong-hop-cchc-tinh"]`)),
		chromedp.Click(css(`.card[data-name="tong-hop-cchc-tinh"] h3`)),
		chromedp.WaitVisible(css(`#don-vi`)),
		chromedp.SetUploadFiles(css(`#tep-don-vi`), wards),
		chromedp.SetUploadFiles(css(`#tep`), []string{province}),
		chromedp.WaitVisible(css(`#xem-truoc article.doc`)),
		shot("tong-hop"))
	if p := text("#xem-truoc"); !strings.Contains(p, "03 xã, phường") || !strings.Contains(p, "Toàn tỉnh") {
		t.Errorf("the consolidated preview:\n%.600s", p)
	}
	t.Logf("screenshots in %s", shots)
}

func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	cmd := exec.Command("pdftotext", "-layout", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		t.Fatalf("pdftotext: %v: %s", err, ee.Stderr)
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
