package safename

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// MaxLen is the largest length of a name, in bytes. With ".v12.docx" or a
// similar suffix it stays well below the 255-byte limit of ext4, APFS and NTFS.
const MaxLen = 200

// Empty is the name given to an input that has nothing usable left
// ("", "   ", "../..", "???").
const Empty = "khong-ten"

// forbidden are the characters that Windows does not allow in a file name;
// '/' and '\\' are also the path separators.
const forbidden = `<>:"/\|?*`

// trimSet is what a name may neither start nor end with: a leading dot makes
// a hidden file (and "." or ".." a directory reference), a trailing dot or
// space is dropped by Windows, and a leading '-' reads as a command-line flag.
const trimSet = "-. "

// Option changes how Name builds a name.
type Option func(*config)

type config struct {
	ascii bool
}

// ASCII makes Name transliterate to ASCII: diacritics are stripped, đ becomes
// d and Đ becomes D, so "Phường Bình Thạnh" gives "Phuong-Binh-Thanh".
// Compatibility forms are unfolded (full-width "Ａ" gives "A", "²" gives "2"),
// a few other Latin letters without a decomposition (ß, æ, ø, ł, œ, þ) get
// their usual spelling, and any other non-ASCII character acts as a word
// separator.
func ASCII() Option { return func(c *config) { c.ascii = true } }

// Name returns a file name, without extension, made from s: Vietnamese letters
// are kept (in NFC) unless ASCII is given, spaces and forbidden characters
// become "-", runs of "-" are collapsed, runs of "." become one, and leading
// and trailing "-", "." and spaces are trimmed. A name longer than MaxLen
// bytes is cut at a character boundary. A reserved Windows device name (CON,
// PRN, AUX, NUL, COM0–COM9, LPT0–LPT9, CONIN$, CONOUT$, in any case, alone or
// before an extension) gets "_" after the device name: "CON" gives "CON_",
// "nul.txt" gives "nul_.txt". An empty result gives Empty.
func Name(s string, opts ...Option) string {
	var c config
	for _, o := range opts {
		o(&c)
	}
	s = norm.NFC.String(strings.ToValidUTF8(s, "-"))
	if c.ascii {
		s = transliterate(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	sep := func(r byte) {
		// Collapse runs of the same separator: "a   b" gives "a-b", "a..b" gives "a.b".
		if str := b.String(); len(str) > 0 && str[len(str)-1] == r {
			return
		}
		b.WriteByte(r)
	}
	for _, r := range s {
		switch {
		case r == '.':
			sep('.')
		case r == '-' || unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune(forbidden, r):
			sep('-')
		case unicode.Is(unicode.Cf, r):
			// Format characters (zero-width joiners, bidi overrides, BOM) are
			// invisible and can disguise a name: drop them.
		case r == utf8.RuneError:
			sep('-')
		case c.ascii && r >= utf8.RuneSelf:
			sep('-')
		default:
			b.WriteRune(r)
		}
	}
	// Dropping a format character may have put a base letter next to a
	// combining mark that now composes with it.
	out := norm.NFC.String(b.String())
	out = fit(out, MaxLen)
	if out == "" {
		return Empty
	}
	if i, ok := reserved(out); ok {
		out = fit(out[:i]+"_"+out[i:], MaxLen)
	}
	return out
}

// fit cuts s to at most n bytes at a character boundary (preferably one
// where no combining mark is split from its base) and trims trimSet from
// both ends.
func fit(s string, n int) string {
	s = strings.Trim(s, trimSet)
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if norm.NFC.FirstBoundaryInString(s[cut:]) != 0 {
		// s[cut:] starts with a combining mark: cut before its base letter.
		if b := norm.NFC.LastBoundary([]byte(s[:cut])); b > 0 {
			cut = b
		}
	}
	// Cutting at a boundary keeps NFC; trimming may shorten further only.
	return strings.Trim(s[:cut], trimSet)
}

// devices are the names Windows reserves for devices, upper-cased. The
// superscript digits ¹²³ count as digits there too.
var devices = func() map[string]bool {
	m := map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true, "CONIN$": true, "CONOUT$": true}
	for _, d := range []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"} {
		m["COM"+d] = true
		m["LPT"+d] = true
	}
	return m
}()

// reserved reports whether name is a reserved Windows device name, alone or
// with an extension, and the end of the device part.
func reserved(name string) (int, bool) {
	stem := name
	if i := strings.IndexByte(name, '.'); i >= 0 {
		stem = name[:i]
	}
	// Windows ignores trailing spaces before the extension ("CON .txt").
	stem = strings.TrimRight(stem, " ")
	if len(stem) > len("CONOUT$") {
		return 0, false
	}
	return len(stem), devices[strings.ToUpper(stem)]
}

// special spells the Latin letters that have no canonical decomposition.
var special = map[rune]string{
	'đ': "d", 'Đ': "D", 'ð': "d", 'Ð': "D",
	'ß': "ss", 'ẞ': "SS", 'æ': "ae", 'Æ': "AE", 'œ': "oe", 'Œ': "OE",
	'ø': "o", 'Ø': "O", 'ł': "l", 'Ł': "L", 'þ': "th", 'Þ': "TH", 'ı': "i",
}

// transliterate strips combining marks from the NFKD form of s and spells
// the letters of special; other non-ASCII characters are left for Name to
// treat as separators.
func transliterate(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFKD.String(s) {
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
		case special[r] != "":
			b.WriteString(special[r])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Unique returns names made distinct as a case-insensitive, normalisation-
// insensitive file system (macOS, Windows) compares them. A name that is
// already distinct is kept as it is, wherever it stands; of a group of equal
// names the first keeps its name and the others, in input order, get "-2",
// "-3", … (skipping any suffix that would clash with another name of the
// input). A suffixed name is cut so that it stays within MaxLen bytes. The
// names are expected to come from Name; the result is the same for the same
// input.
func Unique(names []string) []string {
	fold := cases.Fold()
	key := func(s string) string { return norm.NFC.String(fold.String(norm.NFC.String(s))) }
	taken := make(map[string]bool, len(names))
	for _, n := range names {
		taken[key(n)] = true
	}
	out := make([]string, len(names))
	first := make(map[string]bool, len(names)) // keys whose first holder has been given its name
	next := make(map[string]int)               // next suffix to try for a key
	for i, n := range names {
		k := key(n)
		if !first[k] {
			first[k] = true
			out[i] = n
			continue
		}
		for j := max(next[k], 2); ; j++ {
			suffix := "-" + strconv.Itoa(j)
			cand := fit(n, MaxLen-len(suffix)) + suffix
			if ck := key(cand); !taken[ck] {
				taken[ck] = true
				next[k] = j + 1
				out[i] = cand
				break
			}
		}
	}
	return out
}
