package vnfmt

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestUpperLower(t *testing.T) {
	tests := []struct{ in, upper, lower string }{
		{"thành phố Sa Đéc", "THÀNH PHỐ SA ĐÉC", "thành phố sa đéc"},
		{"ủy ban nhân dân", "ỦY BAN NHÂN DÂN", "ủy ban nhân dân"},
		{"Cộng hòa xã hội chủ nghĩa Việt Nam", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "cộng hòa xã hội chủ nghĩa việt nam"},
		{"huyện Thạch An", "HUYỆN THẠCH AN", "huyện thạch an"},
		{"Độc lập - Tự do - Hạnh phúc", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", "độc lập - tự do - hạnh phúc"},
		{"ưu tiên ở đây", "ƯU TIÊN Ở ĐÂY", "ưu tiên ở đây"},
		{"CCHC 2025", "CCHC 2025", "cchc 2025"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := Upper(tt.in); got != tt.upper {
			t.Errorf("Upper(%q) = %q, want %q", tt.in, got, tt.upper)
		}
		if got := Lower(tt.in); got != tt.lower {
			t.Errorf("Lower(%q) = %q, want %q", tt.in, got, tt.lower)
		}
		nfd := norm.NFD.String(tt.in)
		if got := Upper(nfd); got != tt.upper {
			t.Errorf("Upper(NFD %q) = %q, want %q", tt.in, got, tt.upper)
		}
		if got := Lower(nfd); got != tt.lower {
			t.Errorf("Lower(NFD %q) = %q, want %q", tt.in, got, tt.lower)
		}
	}
}

func TestUpperNFDIsNFC(t *testing.T) {
	in := norm.NFD.String("thành phố Sa Đéc")
	if norm.NFC.IsNormalString(in) {
		t.Fatal("test premise: input should be decomposed")
	}
	got := Upper(in)
	if !norm.NFC.IsNormalString(got) {
		t.Errorf("Upper(NFD) = %q is not NFC", got)
	}
	if len([]rune(got)) != len([]rune("THÀNH PHỐ SA ĐÉC")) {
		t.Errorf("Upper(NFD) = %q has %d runes", got, len([]rune(got)))
	}
}

func TestCapitalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ủy ban", "Ủy ban"},
		{"ủy ban nhân dân thành phố Sa Đéc", "Ủy ban nhân dân thành phố Sa Đéc"},
		{"đánh giá CCHC", "Đánh giá CCHC"},
		{"Ủy ban", "Ủy ban"},
		{"“ủy ban”", "“Ủy ban”"},
		{"  ưu tiên", "  Ưu tiên"},
		{"3 xã", "3 xã"},
		{"", ""},
		{"...", "..."},
		{norm.NFD.String("ủy ban"), "Ủy ban"},
	}
	for _, tt := range tests {
		if got := Capitalize(tt.in); got != tt.want {
			t.Errorf("Capitalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestNFC compares NFC with norm on texts its fast path passes and on
// texts it must hand to norm (decomposed letters, a singleton, a mark
// after invalid UTF-8).
func TestNFC(t *testing.T) {
	for _, in := range []string{
		"", "Thành phố Sa Đéc – “2024” … 5‰", "ỦY BAN NHÂN DÂN",
		"\ue102Sa Đéc\ue104", "Tha\u0300nh", "Vie\u0323\u0302t", "a\u2000b", "e\u0301 ố", "\xff\u0301", "Ω\u0345", "ố\u0323",
	} {
		if got, want := NFC(in), norm.NFC.String(in); got != want {
			t.Errorf("NFC(%q) = %q, want norm's %q", in, got, want)
		}
	}
}
