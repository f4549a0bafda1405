package main

import (
	"baocao/internal/msg"
	"context"
	"errors"
	"flag"
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

const serveUsage = msg.UsageServe

func cmdServe(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", tr.Sprintf("address to listen on (host:port)"))
	dataDir := fs.String("data-dir", "", tr.Sprintf("folder for uploaded workbooks, built reports and extra templates (templates/)"))
	token := fs.String("token", "", tr.Sprintf("access token; required when --addr is not a loopback address (or set %s)", server.TokenEnv))
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
	// The server's log in the run's language: its lines are msg texts.
	cfg.Logf = func(format string, args ...any) { tr.Fprint(stderr, "baocao: "+tr.Sprintf(format, args...)+"\n") }
	srv, err := server.New(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil && open && addrInUse(err) {
		// Double-clicked again: the page most likely runs already.
		url := "http://" + cfg.Addr + "/"
		tr.Fprintf(stdout, "Address %s is in use (baocao may be running already): opening %s\n", cfg.Addr, url)
		if err := openBrowser(url); err != nil {
			return msg.Errorf("could not open the browser: open %s (%w)", url, err)
		}
		return nil
	}
	if err != nil {
		return msg.Errorf("could not listen on %s (baocao may be running already): %w", cfg.Addr, err)
	}
	url := "http://" + ln.Addr().String() + "/"
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	tr.Fprintf(stdout, "baocao is running at %s\n", url)
	tr.Fprintf(stdout, "Files are kept in %s\n", cfg.DataDir)
	if cfg.Token != "" {
		tr.Fprintf(stdout, "Open the page with the access token: %s?token=…\n", url)
	}
	tr.Fprintf(stdout, "To stop: close this window or press Ctrl+C.\n")
	if open {
		if err := openBrowser(url); err != nil {
			tr.Fprintf(stdout, "Could not open the browser (%v): open %s\n", err, url)
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
		tr.Fprintf(stdout, "baocao stopped.\n")
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
		printError(stderr, err)
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
