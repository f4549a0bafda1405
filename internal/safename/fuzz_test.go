package safename

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func FuzzName(f *testing.F) {
	for _, s := range []string{
		"Phường Bình Thạnh", "Xã Đắk Lắk", "../../etc/passwd", "CON", "a/b\\c", "  ",
		"Tổ dân phố số 5: khu A*?", "con.txt", "COM¹", "..", ".", "file. ", "\x00", "\xff\xfe",
		"\u202eabc", "e\u0301\u0323", strings.Repeat("Phường ", 50), norm.NFD.String("Thạch An"),
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, ascii bool) {
		var opts []Option
		if ascii {
			opts = append(opts, ASCII())
		}
		out := Name(s, opts...)
		check(t, s, out)
		if ascii {
			for _, r := range out {
				if r >= utf8.RuneSelf {
					t.Fatalf("Name(%q, ASCII()) = %q is not ASCII", s, out)
				}
			}
		}
		if again := Name(out, opts...); again != out {
			t.Fatalf("Name is not idempotent: Name(%q) = %q, Name(%q) = %q", s, out, out, again)
		}
	})
}

func check(t *testing.T, in, out string) {
	t.Helper()
	switch {
	case !utf8.ValidString(out):
		t.Fatalf("Name(%q) = %q is not valid UTF-8", in, out)
	case out == "":
		t.Fatalf("Name(%q) is empty", in)
	case len(out) > MaxLen:
		t.Fatalf("Name(%q) has %d bytes", in, len(out))
	case strings.ContainsAny(out, forbidden):
		t.Fatalf("Name(%q) = %q has a forbidden character", in, out)
	case strings.IndexFunc(out, unicode.IsControl) >= 0:
		t.Fatalf("Name(%q) = %q has a control character", in, out)
	case strings.Contains(out, ".."), strings.HasPrefix(out, "."):
		t.Fatalf("Name(%q) = %q has a leading dot or ..", in, out)
	case strings.HasSuffix(out, "."), strings.HasSuffix(out, " "):
		t.Fatalf("Name(%q) = %q ends with a dot or space", in, out)
	case filepath.Base(out) != out:
		t.Fatalf("Name(%q) = %q: filepath.Base gives %q", in, out, filepath.Base(out))
	case !norm.NFC.IsNormalString(out):
		t.Fatalf("Name(%q) = %q is not NFC", in, out)
	}
	if _, ok := reserved(out); ok {
		t.Fatalf("Name(%q) = %q is a reserved name", in, out)
	}
	// Independent of reserved(): the part before the first dot, upper-cased.
	stem, _, _ := strings.Cut(out, ".")
	switch u := strings.ToUpper(stem); {
	case u == "CON" || u == "PRN" || u == "AUX" || u == "NUL",
		len(u) == 4 && (strings.HasPrefix(u, "COM") || strings.HasPrefix(u, "LPT")) && u[3] >= '0' && u[3] <= '9':
		t.Fatalf("Name(%q) = %q is a reserved name", in, out)
	}
}
