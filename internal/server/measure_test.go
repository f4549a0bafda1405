package server

import (
	"net/http"
	"runtime"
	"testing"
	"time"
)

// TestHeapAfterBuilds builds Thạch An 100 times through the API and
// compares the live heap before and after: what a build holds (the
// document, the rendered files) must be gone when it answers, and what
// the server keeps per report (its findings and file addresses) is small.
func TestHeapAfterBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("100 builds")
	}
	_, ts := newTest(t, nil)
	data := sample(t, "thach-an-2021-2025.xlsx")
	buildOnce := func() {
		resp := post(t, ts.URL+"/api/builds", map[string]string{"template": thachAn}, "thach-an.xlsx", data, nil)
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("status %d", resp.StatusCode)
		}
		readAll(t, resp)
	}
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	for range 5 { // warm up: templates parsed, pools and caches filled
		buildOnce()
	}
	before := heap()
	start := time.Now()
	const n = 100
	for range n {
		buildOnce()
	}
	elapsed := time.Since(start)
	after := heap()
	growth := int64(after) - int64(before)
	t.Logf("heap before %.1f MiB, after %d builds %.1f MiB (growth %.1f KiB, %.1f KiB per build); %v per build",
		float64(before)/(1<<20), n, float64(after)/(1<<20), float64(growth)/1024, float64(growth)/1024/n, elapsed/n)
	// A report keeps its findings and addresses (a few KiB); a leaked
	// document or PDF would be hundreds of KiB per build.
	if growth > 4<<20 {
		t.Errorf("heap grew by %.1f MiB over %d builds", float64(growth)/(1<<20), n)
	}
}

// BenchmarkUploadToPreview is the time a secretariat waits from the
// upload of the Thạch An workbook to the preview on the page: the build
// (checks, DOCX, PDF, XLSX, ZIP, preview) and the preview's download.
func BenchmarkUploadToPreview(b *testing.B) {
	_, ts := newTest(b, nil)
	data := sample(b, "thach-an-2021-2025.xlsx")
	b.ResetTimer()
	for b.Loop() {
		resp := post(b, ts.URL+"/api/builds", map[string]string{"template": thachAn}, "thach-an.xlsx", data, nil)
		if resp.StatusCode != http.StatusCreated {
			b.Fatalf("status %d", resp.StatusCode)
		}
		r := decode[tBuild](b, resp)
		pr, err := http.Get(ts.URL + r.Preview)
		if err != nil {
			b.Fatal(err)
		}
		readAll(b, pr)
	}
}
