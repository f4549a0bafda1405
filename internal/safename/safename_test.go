package safename

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestName(t *testing.T) {
	tests := []struct {
		in, want, ascii string
	}{
		{"Phường Bình Thạnh", "Phường-Bình-Thạnh", "Phuong-Binh-Thanh"},
		{"Xã Đắk Lắk", "Xã-Đắk-Lắk", "Xa-Dak-Lak"},
		{"UBND thành phố Sa Đéc", "UBND-thành-phố-Sa-Đéc", "UBND-thanh-pho-Sa-Dec"},
		{"Huyện Thạch An", "Huyện-Thạch-An", "Huyen-Thach-An"},
		{"Thừa Thiên Huế", "Thừa-Thiên-Huế", "Thua-Thien-Hue"},
		{"ĐẮK NÔNG", "ĐẮK-NÔNG", "DAK-NONG"},
		{"Tổ dân phố số 5: khu A*?", "Tổ-dân-phố-số-5-khu-A", "To-dan-pho-so-5-khu-A"},
		{"Hà Nội (cũ)", "Hà-Nội-(cũ)", "Ha-Noi-(cu)"},
		{"Phường Bình Thạnh - Quận 3", "Phường-Bình-Thạnh-Quận-3", "Phuong-Binh-Thanh-Quan-3"},
		// Traversal and separators.
		{"../../etc/passwd", "etc-passwd", "etc-passwd"},
		{"..\\..\\Windows\\System32", "Windows-System32", "Windows-System32"},
		{"a/b\\c", "a-b-c", "a-b-c"},
		{"/", Empty, Empty},
		{"..", Empty, Empty},
		{".", Empty, Empty},
		{"...", Empty, Empty},
		{".hidden", "hidden", "hidden"},
		{"a..b", "a.b", "a.b"},
		{"a/../b", "a-.-b", "a-.-b"},
		{"bao.cao.2024", "bao.cao.2024", "bao.cao.2024"},
		// Windows' forbidden characters, one by one.
		{`a<b>c:d"e/f\g|h?i*j`, "a-b-c-d-e-f-g-h-i-j", "a-b-c-d-e-f-g-h-i-j"},
		{`<>:"/\|?*`, Empty, Empty},
		// Control and invisible characters.
		{"a\x00b", "a-b", "a-b"},
		{"a\tb\nc\r\n", "a-b-c", "a-b-c"},
		{"a\x7fb\u0085c", "a-b-c", "a-b-c"},
		{"\u202eabc\u200b\ufeff", "abc", "abc"},
		{"a\xffb", "a-b", "a-b"},
		// Whitespace, dashes, trailing dot or space.
		{"", Empty, Empty},
		{"  ", Empty, Empty},
		{"\t\u00a0\u3000", Empty, Empty},
		{"-", Empty, Empty},
		{"--a---b--", "a-b", "a-b"},
		{"a - - b", "a-b", "a-b"},
		{"file.", "file", "file"},
		{"file. . .", "file", "file"},
		{"name ", "name", "name"},
		{"-rf", "rf", "rf"},
		// Reserved names, alone and with an extension.
		{"CON", "CON_", "CON_"},
		{"con", "con_", "con_"},
		{"Con.txt", "Con_.txt", "Con_.txt"},
		{"nul.tar.gz", "nul_.tar.gz", "nul_.tar.gz"},
		{"CON.", "CON_", "CON_"},
		{" aux ", "aux_", "aux_"},
		{"COM¹", "COM¹_", "COM1_"},
		{"CONOUT$", "CONOUT$_", "CONOUT$_"},
		{"CONSOLE", "CONSOLE", "CONSOLE"},
		{"COM10", "COM10", "COM10"},
		{"xCON", "xCON", "xCON"},
		{"CON-1", "CON-1", "CON-1"},
		// Other scripts.
		{"Straße Łódź", "Straße-Łódź", "Strasse-Lodz"},
		{"Ｐｈường ２", "Ｐｈường-２", "Phuong-2"},
		{"北京 市", "北京-市", Empty},
		{"Xã 北京", "Xã-北京", "Xa"},
	}
	for _, tt := range tests {
		if got := Name(tt.in); got != tt.want {
			t.Errorf("Name(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Name(tt.in, ASCII()); got != tt.ascii {
			t.Errorf("Name(%q, ASCII()) = %q, want %q", tt.in, got, tt.ascii)
		}
		// NFD input (as macOS file names and some copy-pastes give) reads the same.
		if got := Name(norm.NFD.String(tt.in)); got != tt.want {
			t.Errorf("Name(NFD %q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Name(norm.NFD.String(tt.in), ASCII()); got != tt.ascii {
			t.Errorf("Name(NFD %q, ASCII()) = %q, want %q", tt.in, got, tt.ascii)
		}
	}
}

func TestNameNFC(t *testing.T) {
	nfd := norm.NFD.String("Phường Bình Thạnh")
	if nfd == "Phường Bình Thạnh" {
		t.Fatal("test input is not decomposed")
	}
	got := Name(nfd)
	if !norm.NFC.IsNormalString(got) {
		t.Errorf("Name(NFD) = %q is not NFC", got)
	}
	if got != "Phường-Bình-Thạnh" {
		t.Errorf("Name(NFD) = %q", got)
	}
}

// TestReserved checks every reserved device name, in several cases and with
// extensions.
func TestReserved(t *testing.T) {
	var devs []string
	devs = append(devs, "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$")
	for _, d := range []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"} {
		devs = append(devs, "COM"+d, "LPT"+d)
	}
	for _, d := range devs {
		for _, in := range []string{d, strings.ToLower(d), strings.ToUpper(d[:1]) + strings.ToLower(d[1:]), d + ".txt", d + ".docx.pdf", d + " ", d + "."} {
			for _, opts := range [][]Option{nil, {ASCII()}} {
				got := Name(in, opts...)
				if _, ok := reserved(got); ok {
					t.Errorf("Name(%q) = %q is reserved", in, got)
				}
				stem, _, _ := strings.Cut(got, ".")
				if !strings.HasSuffix(stem, "_") {
					t.Errorf("Name(%q) = %q, want the device part suffixed with _", in, got)
				}
			}
		}
	}
}

func TestLong(t *testing.T) {
	long := strings.Repeat("Phường Bình Thạnh ", 17) // 306 characters
	if n := utf8.RuneCountInString(long); n < 300 {
		t.Fatalf("input has %d characters", n)
	}
	inputs := []string{
		long,
		norm.NFD.String(long),
		strings.Repeat("ệ", 300), // 3 bytes each: 200 is not a multiple of 3
		strings.Repeat("ế", 300),
		"a" + strings.Repeat("ườ", 150), // offset by one byte
		"ab" + strings.Repeat("Đắk Lắk ", 40),
		strings.Repeat("x", 199) + "ư",            // the cut falls inside ư
		strings.Repeat("x", 199) + ".docx",        // the cut leaves a trailing dot
		strings.Repeat("x", 199) + " y",           // the cut leaves a trailing dash
		"CON." + strings.Repeat("ả", 100),         // reserved and long
		strings.Repeat("e\u0301", 150),            // composes to é
		"e" + strings.Repeat("\u0323\u0302", 150), // many marks on one letter
	}
	for _, in := range inputs {
		for _, opts := range [][]Option{nil, {ASCII()}} {
			got := Name(in, opts...)
			if len(got) > MaxLen {
				t.Errorf("Name(%.20q…) has %d bytes", in, len(got))
			}
			if !utf8.ValidString(got) {
				t.Errorf("Name(%.20q…) = %q is not valid UTF-8", in, got)
			}
			if strings.HasSuffix(got, "-") || strings.HasSuffix(got, ".") {
				t.Errorf("Name(%.20q…) = %q ends badly", in, got)
			}
			if _, ok := reserved(got); ok {
				t.Errorf("Name(%.20q…) = %q is reserved", in, got)
			}
			if len(opts) == 0 && len(got) < MaxLen-20 && len(in) > MaxLen+20 && in[0] != 'e' {
				t.Errorf("Name(%.20q…) = %q was cut too much (%d bytes)", in, got, len(got))
			}
			if len(got)+len(".v12.docx") > 255 {
				t.Errorf("no room for a suffix in %q", got)
			}
		}
	}
	// The kept part is a prefix of the whole name, cut between letters.
	full := strings.TrimSuffix(strings.ReplaceAll(long, " ", "-"), "-")
	got := Name(long)
	if !strings.HasPrefix(full, got) {
		t.Errorf("Name(long) = %q is not a prefix of %q", got, full)
	}
	if next, _ := utf8.DecodeRuneInString(full[len(got):]); unicode.Is(unicode.Mn, next) {
		t.Errorf("Name(long) split a letter from its mark")
	}
	if got := Name(strings.Repeat("x", 199) + "ư"); got != strings.Repeat("x", 199) {
		t.Errorf("cut inside ư gave %q", got)
	}
	if got := Name("CON." + strings.Repeat("ả", 100)); !strings.HasPrefix(got, "CON_.ả") {
		t.Errorf("long reserved name gave %q", got)
	}
}

func TestUnique(t *testing.T) {
	long := Name(strings.Repeat("Phường ", 40))
	tests := []struct {
		in, want []string
	}{
		{nil, []string{}},
		{[]string{"a", "b"}, []string{"a", "b"}},
		{[]string{"a", "a", "a"}, []string{"a", "a-2", "a-3"}},
		{[]string{"Phường-1", "phường-1", "PHƯỜNG-1"}, []string{"Phường-1", "phường-1-2", "PHƯỜNG-1-3"}},
		// A name already distinct keeps its name, and suffixes skip it.
		{[]string{"a", "a", "a-2"}, []string{"a", "a-3", "a-2"}},
		{[]string{"a-2", "A", "a"}, []string{"a-2", "A", "a-3"}},
		// Two groups, interleaved.
		{[]string{"x", "y", "X", "Y", "x"}, []string{"x", "y", "X-2", "Y-2", "x-3"}},
		// NFD and NFC spellings are one name on macOS.
		{[]string{"Xã-Đắk-Lắk", norm.NFD.String("Xã-Đắk-Lắk")}, []string{"Xã-Đắk-Lắk", norm.NFD.String("Xã-Đắk-Lắk") + "-2"}},
		// ß folds to ss.
		{[]string{"Straße", "STRASSE"}, []string{"Straße", "STRASSE-2"}},
	}
	for _, tt := range tests {
		got := Unique(tt.in)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) || len(got) != len(tt.want) {
			t.Errorf("Unique(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}

	// Long names stay within MaxLen once suffixed.
	in := []string{long, long, long}
	got := Unique(in)
	if got[0] != long {
		t.Errorf("first long name changed")
	}
	for i, g := range got[1:] {
		suffix := fmt.Sprintf("-%d", i+2)
		if len(g) > MaxLen || !utf8.ValidString(g) || !strings.HasSuffix(g, suffix) {
			t.Errorf("Unique long name %d = %q (%d bytes)", i+1, g, len(g))
		}
	}

	// Many duplicates: all distinct, deterministic.
	var many []string
	for i := range 50 {
		many = append(many, []string{"Xã", "XÃ", "xã"}[i%3])
	}
	a, b := Unique(many), Unique(many)
	seen := map[string]bool{}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("Unique is not deterministic at %d: %q, %q", i, a[i], b[i])
		}
		k := strings.ToLower(a[i])
		if seen[k] {
			t.Errorf("duplicate %q", a[i])
		}
		seen[k] = true
	}
	// The input is not changed.
	if many[1] != "XÃ" {
		t.Errorf("input changed")
	}
}
