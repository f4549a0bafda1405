package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// syncBuffer is a bytes.Buffer safe for the watcher's goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func waitFor(t *testing.T, buf *syncBuffer, want string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(buf.String(), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no %q within 20 s; output:\n%s", want, buf.String())
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWatch: a saved correction is rebuilt and its figure named.
func TestWatch(t *testing.T) {
	saved := watchDebounce
	watchDebounce = 50 * time.Millisecond
	defer func() { watchDebounce = saved }()
	dir := t.TempDir()
	tpl := filepath.Join(dir, "mau")
	os.MkdirAll(tpl, 0o755)
	for _, f := range []string{"report.md", "kiem-tra.yaml"} {
		copyFile(t, filepath.Join("../../templates/chi-so-cchc-9-thang", f), filepath.Join(tpl, f))
	}
	data := filepath.Join(dir, "so-lieu.xlsx")
	copyFile(t, "../../data/sa-dec-2024.xlsx", data)

	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	go func() { done <- watchBuild(ctx, tpl, data, filepath.Join(dir, "out"), "", &stdout, &stderr) }()
	waitFor(t, &stdout, "đang theo dõi")
	if !strings.Contains(stdout.String(), "đã ghi ") {
		t.Errorf("no first build: %s", stdout.String())
	}

	// Save a correction the way a spreadsheet program does: a new file
	// renamed over the old one.
	f, err := excelize.OpenFile(data)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("Chỉ số CCHC", "E36", 3.5)
	tmp := filepath.Join(dir, "~so-lieu-tam.xlsx")
	if err := f.SaveAs(tmp); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Rename(tmp, data); err != nil {
		t.Fatal(err)
	}
	waitFor(t, &stdout, "1 số liệu đã đổi:\n  Chỉ số CCHC!E36  chỉ số 6 (Cải cách tài chính công): điểm đạt: 3 → 3,5")
	waitFor(t, &stdout, "đã giữ bản trước thành")
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("watch returned %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("watch did not stop after cancel")
	}
}
