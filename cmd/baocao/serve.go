package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"time"

	"baocao"
	"baocao/internal/server"
)

const serveUsage = `Usage:
  baocao serve [--addr 127.0.0.1:8080] [--data-dir DIR] [--token T]
      Run the secretariat's web page (in Vietnamese) on this computer:
      choose a report type, download its blank workbook, upload the filled
      one, read the checks, preview and download the report (DOCX, PDF,
      XLSX, ZIP), compare a corrected workbook before building it, build a
      report per unit. Also a JSON API (see README). Every file is kept in
      the data folder (default: baocao-du-lieu in the user's documents or
      home folder); templates come from the program and DIR/templates.
      It listens on this computer only, unless --addr names another
      address: then an access token is required (--token, or the
      environment variable BAOCAO_TOKEN). Ctrl+C stops it.

Flags:
`

func cmdServe(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (host:port)")
	dataDir := fs.String("data-dir", "", "folder for uploaded workbooks, built reports and extra templates (templates/)")
	token := fs.String("token", "", "access token; required when --addr is not a loopback address (or set "+server.TokenEnv+")")
	if err := parse(fs, args, serveUsage); err != nil {
		return err
	}
	if *token == "" {
		*token = os.Getenv(server.TokenEnv)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return serve(ctx, server.Config{Addr: *addr, DataDir: *dataDir, Token: *token}, false, stdout, stderr)
}

// defaultDataDir is where a secretariat finds its files again: a folder
// in Documents (or the home folder), not beside the program.
func defaultDataDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return "baocao-du-lieu"
	}
	if st, err := os.Stat(filepath.Join(home, "Documents")); err == nil && st.IsDir() {
		return filepath.Join(home, "Documents", "baocao-du-lieu")
	}
	return filepath.Join(home, "baocao-du-lieu")
}

// serve runs the server until ctx ends; with open, it opens the page in
// the default browser once the server listens.
func serve(ctx context.Context, cfg server.Config, open bool, stdout, stderr io.Writer) error {
	if cfg.DataDir == "" {
		cfg.DataDir = defaultDataDir()
	}
	cfg.Assets = baocao.Assets()
	cfg.Logf = func(format string, args ...any) { fmt.Fprintf(stderr, "baocao: "+format+"\n", args...) }
	srv, err := server.New(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil && open && addrInUse(err) {
		// Double-clicked again: the page most likely runs already.
		url := "http://" + cfg.Addr + "/"
		fmt.Fprintf(stdout, "Địa chỉ %s đang được dùng (có thể baocao đang chạy rồi): mở %s\n", cfg.Addr, url)
		if err := openBrowser(url); err != nil {
			return fmt.Errorf("không tự mở được trình duyệt: hãy mở %s (%w)", url, err)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("không mở được địa chỉ %s (có thể baocao đang chạy rồi): %w", cfg.Addr, err)
	}
	url := "http://" + ln.Addr().String() + "/"
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "baocao đang chạy tại %s\n", url)
	fmt.Fprintf(stdout, "Tệp được lưu trong %s\n", cfg.DataDir)
	if cfg.Token != "" {
		fmt.Fprintf(stdout, "Mở trang với mã truy cập: %s?token=…\n", url)
	}
	fmt.Fprintln(stdout, "Để dừng: đóng cửa sổ này hoặc bấm Ctrl+C.")
	if open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(stdout, "Không tự mở được trình duyệt (%v): hãy mở %s\n", err, url)
		}
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		hs.Shutdown(sctx)
		fmt.Fprintln(stdout, "Đã dừng baocao.")
		return nil
	}
}

// openBrowser opens url in the default browser.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}

// doubleClicked runs the page for a user who started baocao without a
// terminal (the Windows double-click): start, open the browser, and wait.
func doubleClicked(stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err := serve(ctx, server.Config{Addr: "127.0.0.1:8080"}, true, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "baocao: %v\n", err)
		if errors.Is(err, server.ErrNeedToken) {
			return exitUsage
		}
		// The window closes when the program ends: leave the message
		// on screen for a while.
		time.Sleep(30 * time.Second)
		return exitData
	}
	return exitOK
}
