package server

import (
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"sync"
)

//go:embed static
var staticFiles embed.FS

// staticFS serves /static/… from the embedded folder: the page works
// offline, with nothing fetched from elsewhere.
var staticFS = func() fs.FS { return staticFiles }()

// pageTmpl is parsed on first use: every run of the program, a build
// too, would otherwise pay for it at start.
var pageTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.ParseFS(staticFiles, "static/index.html"))
})

// page is the one page of the application; it carries the visitor's
// session token for the posts its script makes.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	tok := session(w, r)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	pageTmpl().Execute(w, map[string]any{"CSRF": tok, "MaxMB": s.cfg.MaxUpload >> 20, "UnitSheet": DefaultUnitSheet})
}
