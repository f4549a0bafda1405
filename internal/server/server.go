// Package server owns `baocao serve`: the secretariat's web page and the
// JSON API behind it. A visitor chooses a report type from the template
// library, downloads its blank workbook, uploads a filled one, reads the
// findings, previews the report and downloads it; a corrected workbook is
// compared with the last version before it becomes the next one; a
// workbook with a unit sheet builds one report per unit.
//
// Everything the page needs is embedded (static/); every build goes
// through package build, which writes the files under the data folder with
// names the server makes. The server is safe by default: loopback only
// unless a token guards it, upload limits, same-origin checks and a
// per-session token on every post, and templates only from the binary and
// the data folder.
package server

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"baocao/internal/msg"
)

// DefaultMaxUpload bounds a request body: a workbook of a district's five
// years is a few hundred kilobytes, so 32 MiB leaves room for photos a
// secretariat may have pasted into a sheet without letting a visitor fill
// the disk.
const DefaultMaxUpload = 32 << 20

// TokenEnv is the environment variable that holds the access token when
// --token is not given.
const TokenEnv = "BAOCAO_TOKEN"

// Config is what `baocao serve` is started with.
type Config struct {
	Addr      string // host:port; loopback unless Token is set
	DataDir   string // builds/, batches/ and templates/ live here
	Token     string // access token; required off loopback
	Assets    fs.FS  // the built-in templates/ (baocao.Assets())
	MaxUpload int64  // bytes per request; 0: DefaultMaxUpload
	Logf      func(format string, args ...any)
}

// ErrNeedToken refuses a server that would listen beyond this computer
// without an access token.
var ErrNeedToken = msg.Errorf("the address is not this computer's own (loopback): an access token is required (--token or the environment variable %s)", TokenEnv)

// Server is the web application.
type Server struct {
	cfg     Config
	lib     *library
	dataDir string // absolute

	mu      sync.Mutex
	builds  map[string]*report
	batches map[string]*batch

	mux *http.ServeMux
}

// IsLoopback reports whether the host of addr is this computer only.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// New checks the configuration, loads the template library and prepares
// the data folder.
func New(cfg Config) (*Server, error) {
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:8080"
	}
	if !IsLoopback(cfg.Addr) && cfg.Token == "" {
		return nil, msg.Errorf("--addr %s: %w", cfg.Addr, ErrNeedToken)
	}
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = DefaultMaxUpload
	}
	if cfg.Logf == nil {
		vi := msg.New(msg.Vietnamese)
		cfg.Logf = func(format string, args ...any) { log.Print(vi.Sprintf(format, args...)) }
	}
	if cfg.DataDir == "" {
		return nil, msg.Errorf("the data folder is missing (--data-dir)")
	}
	dir, err := filepath.Abs(cfg.DataDir)
	if err != nil {
		return nil, msg.Errorf("the data folder %s: %w", cfg.DataDir, err)
	}
	for _, sub := range []string{"builds", "batches"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return nil, msg.Errorf("the data folder: %w", err)
		}
	}
	lib, err := loadLibrary(cfg.Assets, filepath.Join(dir, "templates"), cfg.Logf)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, lib: lib, dataDir: dir, builds: map[string]*report{}, batches: map[string]*batch{}}
	s.loadReports()
	s.routes()
	return s, nil
}

// Handler is the whole application behind its guards.
func (s *Server) Handler() http.Handler {
	return s.guard(s.mux)
}

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.page)
	files := http.FileServerFS(staticFS)
	m.HandleFunc("GET /static/", func(w http.ResponseWriter, r *http.Request) {
		// Files only: no listing of the folder, no template source.
		if strings.HasSuffix(r.URL.Path, "/") || strings.HasSuffix(r.URL.Path, ".html") {
			apiError(w, r, http.StatusNotFound, msg.Sprintf("There is no such page or address: %s.", r.URL.Path))
			return
		}
		files.ServeHTTP(w, r)
	})
	m.HandleFunc("GET /api/templates", s.listTemplates)
	m.HandleFunc("GET /api/templates/{name}/workbook", s.blankWorkbook)
	m.HandleFunc("GET /api/builds", s.listBuilds)
	m.HandleFunc("POST /api/builds", s.createBuild)
	m.HandleFunc("GET /api/builds/{id}", s.getBuild)
	m.HandleFunc("POST /api/builds/{id}/diff", s.diffBuild)
	m.HandleFunc("POST /api/builds/{id}/versions", s.addVersion)
	m.HandleFunc("GET /api/builds/{id}/v/{n}/preview", s.preview)
	m.HandleFunc("GET /api/builds/{id}/v/{n}/{file}", s.download)
	m.HandleFunc("POST /api/batches", s.createBatch)
	m.HandleFunc("GET /api/batches/{id}", s.getBatch)
	m.HandleFunc("GET /api/batches/{id}/zip", s.batchZip)
	// Anything else: net/http would answer a plain English "404 page not
	// found" or "Method Not Allowed"; a client of the API, or a user who
	// typed an address, gets the reason in their language.
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		var allow []string
		for _, method := range []string{http.MethodGet, http.MethodPost} {
			probe := r.Clone(r.Context())
			probe.Method = method
			if _, pattern := m.Handler(probe); pattern != "" && pattern != "/" {
				allow = append(allow, method)
			}
		}
		if len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			apiError(w, r, http.StatusMethodNotAllowed, msg.Sprintf("This address does not take a %s request (it takes %s).", r.Method, strings.Join(allow, ", ")))
			return
		}
		apiError(w, r, http.StatusNotFound, msg.Sprintf("There is no such page or address: %s.", r.URL.Path))
	})
	s.mux = m
}

const (
	authCookie    = "baocao_auth"
	sessionCookie = "baocao_session"
	csrfHeader    = "X-Baocao-Csrf"
)

// guard runs before every handler: the Host check that stops DNS
// rebinding on loopback, the access token, the same-origin check of
// posts and the per-session token of browser posts.
func (s *Server) guard(next http.Handler) http.Handler {
	// net/http's own check of Sec-Fetch-Site and Origin: a post from
	// another site is refused before any handler reads it.
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		apiError(w, r, http.StatusForbidden, msg.Sprintf("A request from another site is refused (protection against forged requests)."))
	}))
	checked := cop.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && fromBrowser(r) && !s.sessionOK(r) {
			apiError(w, r, http.StatusForbidden, msg.Sprintf("The session has expired or is not valid: reload the page."))
			return
		}
		next.ServeHTTP(w, r)
	}))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "no-referrer")
		w.Header().Set("X-Frame-Options", "DENY")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
		if s.cfg.Token == "" && IsLoopback(s.cfg.Addr) && !loopbackHost(r.Host) {
			// A page of another site whose name was pointed at 127.0.0.1
			// (DNS rebinding) would otherwise be same-origin with us.
			apiError(w, r, http.StatusMisdirectedRequest, msg.Sprintf("The host name is not valid: open http://127.0.0.1 or http://localhost."))
			return
		}
		if s.cfg.Token != "" && !s.authorized(w, r) {
			return
		}
		checked.ServeHTTP(w, r)
	})
}

// fromBrowser: browsers send Sec-Fetch-Site (or at least Origin) with a
// post; a program such as curl sends neither and has no session to ride.
func fromBrowser(r *http.Request) bool {
	return r.Header.Get("Sec-Fetch-Site") != "" || r.Header.Get("Origin") != ""
}

func loopbackHost(host string) bool {
	h := host
	if hh, _, err := net.SplitHostPort(host); err == nil {
		h = hh
	}
	h = strings.Trim(h, "[]")
	if strings.EqualFold(h, "localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// authorized accepts "Authorization: Bearer T", the auth cookie, or
// ?token=T once (which sets the cookie and drops the token from the
// address bar).
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	eq := func(v string) bool { return subtle.ConstantTimeCompare([]byte(v), []byte(s.cfg.Token)) == 1 }
	if v, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok && eq(v) {
		return true
	}
	// The cookie holds a hash of the token: a token may hold letters a
	// cookie cannot carry.
	if c, err := r.Cookie(authCookie); err == nil && subtle.ConstantTimeCompare([]byte(c.Value), []byte(s.tokenCookie())) == 1 {
		return true
	}
	if q := r.URL.Query().Get("token"); q != "" && eq(q) && r.Method == http.MethodGet {
		http.SetCookie(w, &http.Cookie{Name: authCookie, Value: s.tokenCookie(), Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
		u := *r.URL
		q := u.Query()
		q.Del("token")
		u.RawQuery = q.Encode()
		http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
		return false
	}
	apiError(w, r, http.StatusUnauthorized, msg.Sprintf("An access token is required: open the page with ?token=… or send the header Authorization: Bearer …."))
	return false
}

func (s *Server) tokenCookie() string {
	sum := sha256.Sum256([]byte("baocao-auth\x00" + s.cfg.Token))
	return hex.EncodeToString(sum[:])
}

// sessionOK: the page echoes the token of its session cookie in a header
// that another site can neither read nor set.
func (s *Server) sessionOK(r *http.Request) bool {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.Header.Get(csrfHeader))) == 1
}

// session returns the visitor's session token, making one if needed.
func session(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(sessionCookie); err == nil && len(c.Value) == 32 {
		return c.Value
	}
	v := newID()
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: v, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	return v
}

// newID is a random name for a session, a build or a batch: 128 bits as
// hex, so it is also a safe file name.
func newID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return hex.EncodeToString(b[:])
}

// validID: the ids the server made, nothing else reaches a path.
func validID(s string) bool {
	if len(s) != 32 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil && strings.ToLower(s) == s
}

type apiErr struct {
	Error string `json:"error"`
}

// apiError answers code with a message (an error, a msg.Text) told in
// the request's language.
func apiError(w http.ResponseWriter, r *http.Request, code int, m any) {
	writeJSON(w, code, apiErr{msg.Local(requestLang(r), m)})
}

// requestLang is the language of the answers to r: ?lang=vi or ?lang=en
// when the address names one; otherwise English when the first choice of
// Accept-Language is English; otherwise Vietnamese, the product's
// language.
func requestLang(r *http.Request) language.Tag {
	if q := r.URL.Query().Get("lang"); q != "" {
		if t, err := msg.Parse(q); err == nil {
			return t
		}
	}
	if tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language")); err == nil && len(tags) > 0 {
		if b, _ := tags[0].Base(); b.String() == "en" {
			return msg.English
		}
	}
	return msg.Vietnamese
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}
