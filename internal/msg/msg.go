// Package msg owns the command line's message catalogue: every text that
// cmd/baocao prints (usage, summaries, severities, the frame around an
// error) in Vietnamese, the default, and in English.
//
// The keys are the English texts, as with gettext: the code reads as it
// prints in English, and a key without a Vietnamese entry is caught by the
// tests (TestEveryKeyTranslated here, and cmd/baocao's scan of its own
// calls). The catalogue is golang.org/x/text/message's, so a printer also
// writes numbers the way its language does (1.234 in Vietnamese).
// Messages that internal packages build (an error naming a cell, a check's
// finding) are not keys: the command line frames them ("lỗi: …").
package msg

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// The languages of the catalogue.
var (
	Vietnamese = language.Vietnamese
	English    = language.English
)

var cat = func() *catalog.Builder {
	b := catalog.NewBuilder()
	for _, e := range entries {
		// Errors here are a malformed entry; TestEveryKeyTranslated
		// formats each one, so they surface there.
		_ = b.SetString(English, e.en, e.en)
		_ = b.SetString(Vietnamese, e.en, e.vi)
	}
	return b
}()

var vietnamese = func() map[string]string {
	m := make(map[string]string, len(entries))
	for _, e := range entries {
		m[e.en] = e.vi
	}
	return m
}()

// New returns a printer for lang (Vietnamese or English).
func New(lang language.Tag) *message.Printer {
	return message.NewPrinter(lang, message.Catalog(cat))
}

// Has reports whether key has a Vietnamese translation.
func Has(key string) bool {
	_, ok := vietnamese[key]
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
	return Vietnamese, fmt.Errorf("--lang %q: expected vi or en", s)
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
