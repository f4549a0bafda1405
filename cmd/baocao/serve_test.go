package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"baocao/internal/server"
)

func TestServeRefusesWithoutToken(t *testing.T) {
	t.Setenv(server.TokenEnv, "")
	var stdout, stderr bytes.Buffer
	code := run([]string{"serve", "--addr", "0.0.0.0:0", "--data-dir", t.TempDir()}, &stdout, &stderr)
	if code != exitData || !strings.Contains(stderr.String(), "cần mã truy cập") {
		t.Errorf("exit %d\n%s", code, &stderr)
	}
}

func TestServeStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	err := serve(ctx, server.Config{Addr: "127.0.0.1:0", DataDir: t.TempDir()}, false, &stdout, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"baocao đang chạy tại http://127.0.0.1:", "Để dừng: đóng cửa sổ này hoặc bấm Ctrl+C.", "Đã dừng baocao."} {
		if !strings.Contains(stdout.String(), s) {
			t.Errorf("no %q in\n%s", s, &stdout)
		}
	}
	// With a token it listens beyond loopback.
	ctx, cancel = context.WithCancel(context.Background())
	cancel()
	err = serve(ctx, server.Config{Addr: "0.0.0.0:0", DataDir: t.TempDir(), Token: "bí-mật"}, false, &stdout, &stderr)
	if errors.Is(err, server.ErrNeedToken) {
		t.Error(err)
	}
}

func TestNoArgumentsWithTerminalPrintsUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(nil, &stdout, &stderr); code != exitUsage || !strings.Contains(stderr.String(), "baocao serve") {
		t.Errorf("exit %d\n%s", code, &stderr)
	}
}
