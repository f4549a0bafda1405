package legacyvn

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var phrases = []string{
	"Cộng hòa xã hội chủ nghĩa Việt Nam",
	"Độc lập - Tự do - Hạnh phúc",
	"Ủy ban nhân dân thành phố Sa Đéc",
	"Cải cách hành chính",
	"Thủ tục hành chính",
	"Số hồ sơ đã giải quyết",
	"Trước hạn, Đúng hạn, Quá hạn",
	"Báo cáo kết quả thực hiện nhiệm vụ",
	"Tổng số hồ sơ tiếp nhận trong kỳ",
	"Tỷ lệ giải quyết đúng hạn (%)",
	"Phòng Tư pháp",
	"Sở Kế hoạch và Đầu tư",
	"Chủ tịch",
	"Nơi nhận:",
	"Lưu: VT, VP.",
	"Người lập biểu",
	"Thủ trưởng đơn vị",
	"Kinh phí thực hiện năm 2024",
	"Đơn vị tính: triệu đồng",
	"Chỉ tiêu",
	"Ghi chú",
	"Quyết định số 72/2002/QĐ-TTg",
	"Nghị định 30/2020/NĐ-CP về công tác văn thư",
	"Khuyến khích ứng dụng công nghệ thông tin",
	"Người dân hài lòng",
	"Xã Tân Khánh Đông",
	"Phường 1, thành phố Sa Đéc, tỉnh Đồng Tháp",
	"Dịch vụ công trực tuyến mức độ 3, 4",
	"Hồ sơ quá hạn chưa giải quyết",
	"Tiếp nhận và trả kết quả",
	"Kiểm soát thủ tục hành chính",
	"Chỉ số hài lòng của người dân",
	"Nguyễn Văn Anh",
	"Trần Thị Bích Ngọc",
	"Lê Hoàng Yến",
	"Phạm Quốc Huy",
	"Tài liệu",
	"Kết quả",
	"Giữ gìn",
	"Khuya, thuở, quyển, nguyễn, ngoằn ngoèo, khuỷu tay",
}

// tcvn3Lower lowers the capitals VN3 cannot hold, as a typist in .VnTime
// had to.
func tcvn3Lower(s string) string {
	var b strings.Builder
	for _, r := range s {
		if _, ok := encodeTCVN3(string(r)); !ok {
			r = []rune(strings.ToLower(string(r)))[0]
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestRoundTripPhrases(t *testing.T) {
	for _, p := range phrases {
		// VNI holds every letter.
		v := encodeVNI(p)
		if got := Convert(v, VNI); got != p {
			t.Errorf("VNI %q → %q, want %q", v, got, p)
		}
		// TCVN3 with the capitals it lacks lowered.
		want := tcvn3Lower(p)
		enc, ok := encodeTCVN3(want)
		if !ok {
			t.Fatalf("cannot encode %q", want)
		}
		if got := Convert(enc, TCVN3); got != want {
			t.Errorf("TCVN3 %q → %q, want %q", enc, got, want)
		}
		// The capitals font: lower-case code points render as capitals.
		enc, _ = encodeTCVN3(strings.ToLower(p))
		if got, want := Convert(enc, TCVN3Upper), strings.ToUpper(p); got != want {
			t.Errorf("TCVN3Upper %q → %q, want %q", enc, got, want)
		}
		if got := ConvertUpper(enc); got != strings.ToUpper(p) {
			t.Errorf("ConvertUpper %q → %q", enc, got)
		}
	}
}

func TestEveryLetter(t *testing.T) {
	lower, upper := allLetters()
	if len(lower) != 73 || len(upper) != 73 {
		t.Fatalf("letters: %d %d", len(lower), len(upper))
	}
	for _, set := range [][]rune{lower, upper} {
		for _, r := range set {
			s := string(r)
			// Alone, and inside a word, and before a mark-looking letter.
			for _, w := range []string{s, "x" + s + "n", s + s} {
				if got := Convert(encodeVNI(w), VNI); got != w {
					t.Errorf("VNI %q: %q → %q", w, encodeVNI(w), got)
				}
			}
		}
	}
	for _, r := range lower {
		s := string(r)
		enc, ok := encodeTCVN3(s)
		if !ok {
			t.Fatalf("TCVN3 cannot hold %q", s)
		}
		if got := Convert(enc, TCVN3); got != s {
			t.Errorf("TCVN3 %q → %q, want %q", enc, got, s)
		}
		if got, want := Convert(enc, TCVN3Upper), strings.ToUpper(s); got != want {
			t.Errorf("TCVN3Upper %q → %q, want %q", enc, got, want)
		}
	}
	// VN3's own capitals.
	for _, s := range []string{"Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"} {
		enc, ok := encodeTCVN3(s)
		if !ok || Convert(enc, TCVN3) != s {
			t.Errorf("TCVN3 capital %q: %q %v", s, enc, ok)
		}
	}
	// 74 VN3 letters: 67 lower-case + 7 capitals, all distinct codes.
	n := 0
	for _, r := range tcvn3 {
		if r != 0 {
			n++
		}
	}
	if n != 74 || len(tcvn3Enc) != 74 {
		t.Errorf("VN3 table has %d codes, %d letters; want 74", n, len(tcvn3Enc))
	}
}

// Legacy strings copied from the literature, with the tone placement of
// the source.
var literature = []struct {
	in   string
	enc  Encoding
	want string
	src  string
}{
	{"Céng hoµ x· héi chñ nghÜa ViÖt Nam", TCVN3, "Cộng hoà xã hội chủ nghĩa Việt Nam", "domain.md §6"},
	{"§éc lËp - Tù do - H¹nh phóc", TCVN3, "Độc lập - Tự do - Hạnh phúc", "national motto, ABC"},
	{"Uû ban nh©n d©n", TCVN3, "Uỷ ban nhân dân", "ABC headers"},
	{"Xin chµo c¸c b¹n", TCVN3, "Xin chào các bạn", "duydev/vietnamese-conversion tests"},
	{"T«i ®i häc", TCVN3, "Tôi đi học", "duydev/vietnamese-conversion tests"},
	{"B¶o Th¾ng", TCVN3, "Bảo Thắng", "Ductrung03/DuBaoMatRung server/test.js"},
	{"M\u00adêng Kh\u00ad¬ng", TCVN3, "Mường Khương", "Ductrung03/DuBaoMatRung (ư is U+00AD, invisible when printed)"},
	{"B¸t X¸t", TCVN3, "Bát Xát", "Ductrung03/DuBaoMatRung"},
	{"Ninh B×nh", TCVN3, "Ninh Bình", "backupvietsoft/HRM ConvertVNI"},
	{"céng hoµ x· héi chñ nghÜa viÖt nam", TCVN3Upper, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", ".VnTimeH header"},
	{"Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", VNI, "Cộng hòa xã hội chủ nghĩa Việt Nam", "domain.md §6"},
	{"Xin chaøo caùc baïn", VNI, "Xin chào các bạn", "duydev/vietnamese-conversion README"},
	{"Toâi ñi hoïc", VNI, "Tôi đi học", "duydev/vietnamese-conversion tests"},
	{"Ñoäc laäp - Töï do - Haïnh phuùc", VNI, "Độc lập - Tự do - Hạnh phúc", "national motto, VNI"},
	{"COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", VNI, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "VNI capitals"},
	{"UÛy ban nhaân daân", VNI, "Ủy ban nhân dân", "VNI"},
	{"nöôùc, ngöôøi, thuôû, Quyeát", VNI, "nước, người, thuở, Quyết", "VNI ươ, uơ"},
}

func TestLiterature(t *testing.T) {
	for _, c := range literature {
		if got := Convert(c.in, c.enc); got != c.want {
			t.Errorf("%s %q → %q, want %q (%s)", c.enc, c.in, got, c.want, c.src)
		}
	}
}

func TestConvertPassThrough(t *testing.T) {
	for _, e := range []Encoding{Unicode, TCVN3, VNI} {
		for _, s := range []string{"", "ABC 123", "Sa Dec, 2024-10-09", "a–b “c” …"} {
			if got := Convert(s, e); got != s {
				t.Errorf("%s %q → %q", e, s, got)
			}
		}
	}
	// Unicode: NFC only.
	nfd := norm.NFD.String("Cộng hòa")
	if got := Convert(nfd, Unicode); got != "Cộng hòa" {
		t.Errorf("NFC: %q", got)
	}
	if got := Convert("a\xffb", Unicode); got != "a\uFFFDb" || !utf8.ValidString(got) {
		t.Errorf("invalid UTF-8: %q", got)
	}
	// The capitals font upper-cases ASCII too, as its glyphs do.
	if got := Convert("hµ néi", TCVN3Upper); got != "HÀ NỘI" {
		t.Errorf("TCVN3Upper: %q", got)
	}
}

func TestByFont(t *testing.T) {
	tests := []struct {
		font string
		want Encoding
	}{
		{".VnTime", TCVN3},
		{" .VnTime ", TCVN3},
		{".VnArial", TCVN3},
		{".VnArial Narrow", TCVN3},
		{".vntime", TCVN3},
		{"VnTime", TCVN3},
		{".VnTimeH", TCVN3Upper},
		{".VnArialH", TCVN3Upper},
		{".VnAvantH", TCVN3Upper},
		{"VnTimeH", TCVN3Upper},
		{"VNI-Times", VNI},
		{"vni-times", VNI},
		{"VNI-Helve", VNI},
		{"VNI Times", VNI},
		{"Times New Roman", Unicode},
		{"Arial", Unicode},
		{"Calibri", Unicode},
		{"", Unicode},
		{".", Unicode},
		{"VNI", Unicode},
		{"VnExpress", Unicode},
		{"Vni", Unicode},
	}
	for _, tt := range tests {
		if got := ByFont(tt.font); got != tt.want {
			t.Errorf("ByFont(%q) = %s, want %s", tt.font, got, tt.want)
		}
	}
}

func TestEncodingString(t *testing.T) {
	for e, want := range map[Encoding]string{Unicode: "Unicode", TCVN3: "TCVN3", TCVN3Upper: "TCVN3Upper", VNI: "VNI", 9: "Encoding(9)"} {
		if got := e.String(); got != want {
			t.Errorf("%d: %q", int(e), got)
		}
	}
}

func TestFix(t *testing.T) {
	tests := []struct {
		s, font string
		want    string
		enc     Encoding
		changed bool
	}{
		{"Céng hoµ x· héi chñ nghÜa ViÖt Nam", ".VnTime", "Cộng hoà xã hội chủ nghĩa Việt Nam", TCVN3, true},
		{"céng hoµ x· héi chñ nghÜa viÖt nam", ".VnTimeH", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", TCVN3Upper, true},
		{"Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "VNI-Times", "Cộng hòa xã hội chủ nghĩa Việt Nam", VNI, true},
		// Retyped in Unicode but the old font kept: left alone.
		{"Cộng hòa xã hội chủ nghĩa Việt Nam", ".VnTime", "Cộng hòa xã hội chủ nghĩa Việt Nam", Unicode, false},
		{"Cộng hòa xã hội chủ nghĩa Việt Nam", "VNI-Times", "Cộng hòa xã hội chủ nghĩa Việt Nam", Unicode, false},
		{"Núi Sam", ".VnTime", "Núi Sam", Unicode, false}, // "Nỳi" is no syllable
		{"Tòa án", "VNI-Times", "Tịa án", VNI, true},      // limitation: both readings are syllables
		{"Xin chào các bạn", ".VnTime", "Xin chào các bạn", Unicode, false},
		{"Céng", ".VnTime", "Cộng", TCVN3, true},
		{"Toøa aùn", "VNI-Times", "Tòa án", VNI, true},
		// ASCII in a legacy font is unchanged.
		{"STT", ".VnTime", "STT", TCVN3, false},
		// No font hint: confident detection converts.
		{"Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Arial", "Cộng hoà xã hội chủ nghĩa Việt Nam", TCVN3, true},
		{"Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "", "Cộng hòa xã hội chủ nghĩa Việt Nam", VNI, true},
		// …but a single word is not enough without the font.
		{"ViÖt", "Arial", "ViÖt", Unicode, false},
		{"Cộng hòa xã hội", "Arial", "Cộng hòa xã hội", Unicode, false},
		{"Größe der Bücher", "Arial", "Größe der Bücher", Unicode, false},
		{norm.NFD.String("Việt Nam"), "Arial", "Việt Nam", Unicode, true},
	}
	for _, tt := range tests {
		out, enc, changed := Fix(tt.s, tt.font)
		if out != tt.want || enc != tt.enc || changed != tt.changed {
			t.Errorf("Fix(%q, %q) = %q, %s, %v; want %q, %s, %v", tt.s, tt.font, out, enc, changed, tt.want, tt.enc, tt.changed)
		}
	}
}

// TestFixFastPath: Fix skips the analysis of text without a rune foreign
// to Vietnamese; on such text the analysis must never have been
// confident, or the fast path would change what Fix returns. Random words
// over Vietnamese letters, Latin-1 letters that legacy text is read as,
// and punctuation, plus every corpus string.
func TestFixFastPath(t *testing.T) {
	alphabet := []rune("aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵÂÊÔĐ ,.-–0123456789")
	foreign := []rune("µÖøñ¬¹¸ßÎÑ")
	rng := rand.New(rand.NewPCG(1, 2))
	var cases []string
	for _, c := range literature {
		cases = append(cases, c.in)
	}
	cases = append(cases, negatives...)
	for range 20000 {
		n := 1 + rng.IntN(30)
		rs := make([]rune, n)
		for i := range rs {
			if rng.IntN(8) == 0 {
				rs[i] = foreign[rng.IntN(len(foreign))]
			} else {
				rs[i] = alphabet[rng.IntN(len(alphabet))]
			}
		}
		cases = append(cases, string(rs))
	}
	skipped := 0
	for _, s := range cases {
		if mayBeLegacy(s) {
			continue
		}
		skipped++
		if analyze(s).confident(true) {
			t.Errorf("the fast path skips %q, which the analysis would convert", s)
		}
	}
	if skipped == 0 {
		t.Fatal("no case took the fast path")
	}
}
