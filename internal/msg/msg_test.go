package msg

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// TestEveryKeyTranslated: every entry has a Vietnamese text in NFC with
// the same verbs in the same order as its key, no key comes twice, and
// each printer says its own language.
func TestEveryKeyTranslated(t *testing.T) {
	seen := map[string]bool{}
	vi, en := New(Vietnamese), New(English)
	for _, e := range entries {
		if seen[e.en] {
			t.Errorf("key %q twice", e.en)
		}
		seen[e.en] = true
		if e.vi == "" {
			t.Errorf("%q: no Vietnamese", e.en)
		}
		if !norm.NFC.IsNormalString(e.vi) {
			t.Errorf("%q: Vietnamese text not in NFC", e.en)
		}
		if a, b := verb.FindAllString(e.en, -1), verb.FindAllString(e.vi, -1); !slices.Equal(a, b) {
			t.Errorf("%q: verbs %v, Vietnamese %q has %v", e.en, a, e.vi, b)
		}
		if !Has(e.en) {
			t.Errorf("Has(%q) = false", e.en)
		}
		if verb.MatchString(e.en) {
			continue
		}
		if got := vi.Sprintf(e.en); got != e.vi {
			t.Errorf("Vietnamese printer: %q, want %q", got, e.vi)
		}
		if got := en.Sprintf(e.en); got != e.en {
			t.Errorf("English printer: %q, want %q", got, e.en)
		}
	}
	if Has("no such key") {
		t.Error("Has of an unknown key")
	}
}

func TestPrinterFormats(t *testing.T) {
	tests := []struct {
		lang language.Tag
		key  string
		args []any
		want string
	}{
		{Vietnamese, "%d error(s), %d warning(s)\n", []any{2, 19}, "2 lỗi, 19 cảnh báo\n"},
		{English, "%d error(s), %d warning(s)\n", []any{2, 19}, "2 error(s), 19 warning(s)\n"},
		// Numbers as Vietnamese write them.
		{Vietnamese, "%d report(s): %d built, %d skipped (unchanged), %d failed\n", []any{1200, 1199, 0, 1}, "1.200 báo cáo: đã lập 1.199, bỏ qua 0 (không đổi), lỗi 1\n"},
		{Vietnamese, "wrote %s\n", []any{"Kết quả/Số liệu quý 3.docx"}, "đã ghi Kết quả/Số liệu quý 3.docx\n"},
		{Vietnamese, "baocao: %v\n", []any{"x.xlsx: no sheet"}, "baocao: lỗi: x.xlsx: no sheet\n"},
		{English, "baocao: %v\n", []any{"x.xlsx: no sheet"}, "baocao: x.xlsx: no sheet\n"},
		// A text outside the catalogue prints as it is.
		{Vietnamese, "not a key %s", []any{"x"}, "not a key x"},
	}
	for _, tt := range tests {
		if got := New(tt.lang).Sprintf(tt.key, tt.args...); got != tt.want {
			t.Errorf("%v %q: %q, want %q", tt.lang, tt.key, got, tt.want)
		}
	}
}

func TestFromEnv(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want language.Tag
	}{
		{nil, Vietnamese},
		{map[string]string{"LANG": "en_US.UTF-8"}, English},
		{map[string]string{"LANG": "C.UTF-8"}, Vietnamese},
		{map[string]string{"LANG": "vi_VN.UTF-8"}, Vietnamese},
		{map[string]string{"LANG": "en_GB.UTF-8", "LC_MESSAGES": "vi_VN"}, Vietnamese},
		{map[string]string{"LANG": "vi_VN", "LC_MESSAGES": "en_US"}, English},
		{map[string]string{"LC_ALL": "en", "LC_MESSAGES": "vi_VN", "LANG": "vi_VN"}, English},
		{map[string]string{"LC_ALL": "POSIX", "LANG": "en_US"}, Vietnamese},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, Vietnamese},
	}
	for _, tt := range tests {
		if got := FromEnv(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("%v: %v, want %v", tt.env, got, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	for s, want := range map[string]language.Tag{"vi": Vietnamese, "en": English, "EN": English, "en_US.UTF-8": English, "vi-VN": Vietnamese} {
		if got, err := Parse(s); err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, s := range []string{"", "fr", "english"} {
		if _, err := Parse(s); err == nil {
			t.Errorf("Parse(%q): no error", s)
		}
	}
}

// TestCompileOnUse: entries are compiled as printers ask for them, from
// several goroutines at once, and each reads as its entry says.
func TestCompileOnUse(t *testing.T) {
	vi, en := New(Vietnamese), New(English)
	var wg sync.WaitGroup
	for _, e := range entries {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if strings.Contains(e.en, "%") {
				return // formats with verbs are checked with their arguments elsewhere
			}
			if got := vi.Sprintf(e.en); got != e.vi {
				t.Errorf("Vietnamese %q = %q, want %q", e.en, got, e.vi)
			}
			if got := en.Sprintf(e.en); got != e.en {
				t.Errorf("English %q = %q", e.en, got)
			}
		}()
	}
	wg.Wait()
}
