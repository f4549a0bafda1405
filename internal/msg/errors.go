package msg

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

// A Localizer is a text that can be told in a language: an error of
// Errorf, a Text of Sprintf, a Word, and the types of other packages that
// compose them (a location in a workbook, a check's finding).
type Localizer interface {
	Localize(lang language.Tag) string
}

// Error is an error made by Errorf. Its Error is fmt.Errorf's English; it
// keeps its format and arguments so that Localize can say it again in
// another language, arguments included (an error it wraps, a Word, a
// location).
type Error struct {
	format string
	args   []any
	err    error
}

// Errorf is fmt.Errorf, %w included, for a message a user reads. The
// format is the catalogue's key: its Vietnamese text is looked up when
// the error is printed in Vietnamese.
func Errorf(format string, args ...any) error {
	return &Error{format: format, args: args, err: fmt.Errorf(format, args...)}
}

func (e *Error) Error() string { return e.err.Error() }

// Unwrap returns what the format's %w wrapped, as fmt.Errorf does: one
// error, or several when the format has several %w.
func (e *Error) Unwrap() []error {
	switch u := e.err.(type) {
	case interface{ Unwrap() error }:
		return []error{u.Unwrap()}
	case interface{ Unwrap() []error }:
		return u.Unwrap()
	}
	return nil
}

// Localize says the error in lang.
func (e *Error) Localize(lang language.Tag) string { return sprintf(lang, e.format, e.args) }

// Format lets a Printer of this package, or fmt, print the error: in the
// printer's language, in English for fmt.
func (e *Error) Format(s fmt.State, verb rune) { Format(s, verb, e) }

// Text is a message made by Sprintf, for a finding or a note that is not
// an error. The zero Text is empty.
type Text struct {
	format string
	args   []any
}

// Sprintf keeps a message for later telling; format is the catalogue's
// key, as with Errorf.
func Sprintf(format string, args ...any) Text { return Text{format: format, args: args} }

// String is the English text.
func (t Text) String() string { return t.Localize(English) }

// IsZero reports whether t is the zero Text.
func (t Text) IsZero() bool { return t.format == "" && t.args == nil }

// Localize says t in lang.
func (t Text) Localize(lang language.Tag) string { return sprintf(lang, t.format, t.args) }

// Format prints t in the printer's language (English for fmt).
func (t Text) Format(s fmt.State, verb rune) { Format(s, verb, t) }

// Word is a word or phrase the code chooses and a message prints as an
// argument ("score" or "maximum" in "the %s of %s"), told in the
// reader's language. Write it as Word("literal"), so that the catalogue
// test finds it.
type Word string

func (w Word) String() string { return string(w) }

// Localize says w in lang.
func (w Word) Localize(lang language.Tag) string {
	if isVietnamese(lang) {
		if vi, ok := errorTexts()[string(w)]; ok {
			return vi
		}
	}
	return string(w)
}

// Format prints w in the printer's language (English for fmt).
func (w Word) Format(s fmt.State, verb rune) { Format(s, verb, w) }

// Of makes v a Localizer: an error or a Text kept as one field (a
// finding's message) whatever made it.
func Of(v any) Localizer {
	if l, ok := v.(Localizer); ok {
		return l
	}
	return value{v}
}

type value struct{ v any }

func (v value) Localize(lang language.Tag) string { return Local(lang, v.v) }

// Local says v in lang: a Localizer in its own words; another package's
// error in its words, with the part it wraps told in lang; an error of
// the file system in lang; anything else as fmt prints it.
func Local(lang language.Tag, v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case Localizer:
		return x.Localize(lang)
	case error:
		return localError(lang, x)
	}
	return fmt.Sprint(v)
}

func localError(lang language.Tag, err error) string {
	if l, ok := err.(Localizer); ok {
		return l.Localize(lang)
	}
	if isVietnamese(lang) {
		switch e := err.(type) {
		case *fs.PathError:
			return sprintf(lang, "%s %s: %v", []any{Word(opWord(e.Op)), e.Path, systemWord(e.Err)})
		case *os.LinkError:
			return sprintf(lang, "%s %s %s: %v", []any{Word(opWord(e.Op)), e.Old, e.New, systemWord(e.Err)})
		}
	}
	// An error of another package that wraps one of ours: its own words
	// stay, the part it wraps is told in lang.
	if u := errors.Unwrap(err); u != nil {
		s, us := err.Error(), u.Error()
		if strings.HasSuffix(s, us) {
			return s[:len(s)-len(us)] + localError(lang, u)
		}
	}
	return err.Error()
}

// opWord is the catalogue's word for a file-system operation: os's op
// names are verbs ("open", "lstat"), and the reader needs to know what
// the program was doing, not which call failed.
func opWord(op string) string {
	switch op {
	case "open", "openat":
		return "open"
	case "stat", "lstat", "fstat", "statat":
		return "look at"
	case "read", "readdirent", "readdir", "readlink":
		return "read"
	case "write", "sync", "truncate", "close":
		return "write"
	case "mkdir", "mkdirat":
		return "create the folder"
	case "remove", "unlinkat", "rmdir":
		return "remove"
	case "rename":
		return "rename"
	}
	return op
}

// systemWord names the common failures of the file system in the
// catalogue's words; others keep the system's text.
func systemWord(err error) any {
	for _, k := range []struct {
		target error
		word   Word
	}{
		{fs.ErrNotExist, "no such file or folder"},
		{fs.ErrPermission, "permission denied (the file may be open in another program, or read-only)"},
		{fs.ErrExist, "it exists already"},
	} {
		if errors.Is(err, k.target) {
			return k.word
		}
	}
	return err
}

// Format is the Formatter of the Localizers, this package's and others'
// (their Format method calls it): the language is the printer's when
// fmt.State is one (x/text's printer has Language), and English under fmt.
func Format(s fmt.State, verb rune, l Localizer) {
	lang := English
	if ls, ok := s.(interface{ Language() language.Tag }); ok {
		lang = ls.Language()
	}
	text := l.Localize(lang)
	if verb == 'q' {
		text = strconv.Quote(text)
	}
	io.WriteString(s, text)
}

// sprintf formats the catalogue's text for key in lang, each argument that
// can be told in lang told in it.
func sprintf(lang language.Tag, key string, args []any) string {
	f := key
	if isVietnamese(lang) {
		if vi, ok := errorTexts()[key]; ok {
			f = vi
		}
	}
	// %w is Errorf's verb; Sprintf does not know it.
	f = strings.ReplaceAll(f, "%w", "%v")
	local := make([]any, len(args))
	for i, a := range args {
		switch a.(type) {
		case Localizer, error:
			local[i] = Local(lang, a)
		default:
			local[i] = a
		}
	}
	return fmt.Sprintf(f, local...)
}

var viBase, _ = Vietnamese.Base()

func isVietnamese(lang language.Tag) bool {
	if lang == Vietnamese {
		return true
	}
	b, _ := lang.Base()
	return b == viBase
}

// errorEntries are the Vietnamese texts of the messages internal packages
// make (Errorf, Sprintf, Word), one slice per catalogue_*.go file.
var errorEntries [][]struct{ en, vi string }

var errorTexts = sync.OnceValue(func() map[string]string {
	n := 0
	for _, es := range errorEntries {
		n += len(es)
	}
	m := make(map[string]string, n)
	for _, es := range errorEntries {
		for _, e := range es {
			m[e.en] = e.vi
		}
	}
	return m
})

// HasText reports whether key, a format of Errorf or Sprintf or a Word,
// has a Vietnamese text.
func HasText(key string) bool {
	_, ok := errorTexts()[key]
	return ok
}

// List is items told one after the other in the reader's language, each
// as Local tells it, and joined with Sep: the facts a header field reads,
// the cells a value came from, what a workbook lacks.
type List struct {
	Sep   string
	Items []any
}

// Localize joins the items told in lang.
func (l List) Localize(lang language.Tag) string {
	parts := make([]string, len(l.Items))
	for i, x := range l.Items {
		parts[i] = Local(lang, x)
	}
	return strings.Join(parts, l.Sep)
}

// String is the list in English.
func (l List) String() string { return l.Localize(English) }

// Format prints the list in the language of a msg printer.
func (l List) Format(s fmt.State, verb rune) { Format(s, verb, l) }
