// Package msg owns the command line's message catalogue: every text that
// cmd/baocao prints (usage, summaries, severities, the frame around an
// error) in Vietnamese, the default, and in English.
//
// The keys are the English texts, as with gettext: the code reads as it
// prints in English, and a key without a Vietnamese entry is caught by the
// tests (TestEveryKeyTranslated here, and cmd/baocao's scan of its own
// calls). The catalogue is golang.org/x/text/message's, so a printer also
// writes numbers the way its language does (1.234 in Vietnamese).
//
// Messages that internal packages build (an error naming a cell, a check's
// finding) are told in the reader's language too: they are made with
// Errorf, Sprintf and Word (errors.go), which keep the English format and
// its arguments, and a printer of this package writes them in its own
// language when it prints them with %v or %s (the Formatter of each type
// asks the printer its language). The web page, which has no printer, asks
// Local. Their Vietnamese texts are in the catalogue_*.go files.
package msg

import (
	"io"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// The languages of the catalogue.
var (
	Vietnamese = language.Vietnamese
	English    = language.English
)

// cat holds the entries a run has asked for. Each is compiled the first
// time a printer formats it (compile): compiling all of them took 0.4 ms
// at the start of every command, before any work, for the dozen a
// command uses (its flags' texts, its summary).
var cat = catalog.NewBuilder()

// compiled are the keys compile has put in cat.
var compiled sync.Map

// compile puts the entry of key in cat, once. A key without an entry is
// left out: the printer writes it as its own format, in English.
func compile(key string) {
	if _, ok := compiled.Load(key); ok {
		return
	}
	if vi, ok := vietnamese()[key]; ok {
		// Errors here are a malformed entry; TestEveryKeyTranslated
		// formats each one, so they surface there.
		_ = cat.SetString(English, key, key)
		_ = cat.SetString(Vietnamese, key, vi)
	}
	compiled.Store(key, struct{}{})
}

var vietnamese = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, len(entries))
	for _, e := range entries {
		m[e.en] = e.vi
	}
	return m
})

// Printer writes the command line's texts in one language. The
// x/text printer under it is made on first use (see cat).
type Printer struct {
	lang language.Tag
	p    func() *message.Printer
}

// New returns a printer for lang (Vietnamese or English).
func New(lang language.Tag) *Printer {
	return &Printer{lang: lang, p: sync.OnceValue(func() *message.Printer {
		// The catalogue's languages are known from its first entry; the
		// printer matches its language against them when it is made.
		compile(entries[0].en)
		return message.NewPrinter(lang, message.Catalog(cat))
	})}
}

// Language is the printer's language.
func (p *Printer) Language() language.Tag { return p.lang }

// Sprintf formats the catalogue's text for key in the printer's language.
func (p *Printer) Sprintf(key string, args ...any) string {
	compile(key)
	return p.p().Sprintf(key, p.local(args)...)
}

// Fprintf writes the catalogue's text for key in the printer's language.
func (p *Printer) Fprintf(w io.Writer, key string, args ...any) (int, error) {
	compile(key)
	return p.p().Fprintf(w, key, p.local(args)...)
}

// Fprint writes args in the printer's language.
func (p *Printer) Fprint(w io.Writer, args ...any) (int, error) {
	return p.p().Fprint(w, p.local(args)...)
}

// local tells the errors among args in the printer's language: ours would
// say it through their Formatter, but an error of another package (the
// file system's, or one that wraps ours) is only its English Error.
func (p *Printer) local(args []any) []any {
	var out []any
	for i, a := range args {
		if err, ok := a.(error); ok {
			if out == nil {
				out = slices.Clone(args)
			}
			out[i] = Local(p.lang, err)
		}
	}
	if out == nil {
		return args
	}
	return out
}

// Has reports whether key has a Vietnamese translation.
func Has(key string) bool {
	_, ok := vietnamese()[key]
	return ok
}

// Parse reads the value of --lang: vi or en (a region or encoding, as in
// en_US.UTF-8, is allowed and ignored).
func Parse(s string) (language.Tag, error) {
	switch base(s) {
	case "vi":
		return Vietnamese, nil
	case "en":
		return English, nil
	}
	return Vietnamese, Errorf("--lang %q: expected vi or en", s)
}

// FromEnv chooses the language from the environment the way POSIX
// programs do: the first of LC_ALL, LC_MESSAGES and LANG that is set
// decides; English when it names English, Vietnamese otherwise (C, POSIX,
// vi_VN and anything else: the product is Vietnamese).
func FromEnv(getenv func(string) string) language.Tag {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := getenv(v); s != "" {
			if base(s) == "en" {
				return English
			}
			return Vietnamese
		}
	}
	return Vietnamese
}

// base is the language of a locale name: "en" for en_US.UTF-8 or en-GB.
func base(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "_-.@"); i >= 0 {
		s = s[:i]
	}
	return s
}
