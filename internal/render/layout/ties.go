package layout

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tiedPairs are two-syllable Vietnamese words and fixed names of the
// administration that a title or heading must not break between their
// syllables: a reader takes "HÀNH / CHÍNH" or "ủy ban nhân / dân" for a
// typist's slip. The list is of the words the built-in reports and ND30's
// own forms use in titles and headings; a break elsewhere is only
// penalised, never refused, so a missing word costs looks, not text.
// Lower case, NFC. A pair whose first syllable keeps its comma ("xã,
// thị") ties a list that reads as one unit ("các xã, thị trấn").
var tiedPairs = map[string]bool{}

func init() {
	for _, p := range []string{
		"hành chính", "cải cách", "cách hành", "ủy ban", "uỷ ban", "ban nhân", "nhân dân", "trực tuyến",
		"thị trấn", "thị xã", "xã, thị", "xã, phường", "phường, thị", "kết quả", "thực hiện",
		"nhiệm vụ", "chỉ đạo", "điều hành", "xã hội", "chủ nghĩa", "việt nam", "độc lập",
		"tự do", "hạnh phúc", "báo cáo", "công tác", "tổ chức", "bộ máy", "công vụ",
		"tài chính", "chính quyền", "điện tử", "chính phủ", "đánh giá", "phương hướng", "tồn tại",
		"hạn chế", "kinh tế", "văn hóa", "quốc phòng", "an ninh", "phát triển", "tổng kết",
		"giai đoạn", "thủ tục", "dịch vụ", "công chức", "viên chức", "cán bộ", "thể chế",
		"hiện đại", "kiểm tra", "tuyên truyền", "kế hoạch", "nguyên nhân", "giải pháp",
		"kiến nghị", "đề xuất", "tình hình", "số hóa", "chuyển đổi", "đổi mới", "nội vụ",
		"ngân sách", "đất đai", "môi trường", "tài nguyên", "giáo dục", "y tế", "lao động",
		"thương binh", "nông thôn", "nông nghiệp", "hội đồng", "quy phạm", "pháp luật",
		"văn bản", "hồ sơ", "chỉ tiêu", "mục tiêu", "chủ tịch", "phó chủ", "chủ yếu", "cơ bản",
		"trọng tâm", "quốc gia", "hệ thống", "thông tin", "dân cư", "ủy ban nhân",
		"thẩm quyền", "xếp loại", "vụ công", "công trực", "nhà nước", "sự nghiệp", "công lập",
		"đơn vị", "cơ quan", "chuyên môn", "cấp huyện", "cấp xã", "cấp tỉnh", "chỉ số",
	} {
		tiedPairs[p] = true
	}
}

// leaders are words that open the phrase after them ("của", "và", "các"):
// a line never ends with one, and a break before one is between phrases.
var leaders = map[string]bool{}

func init() {
	for _, w := range []string{"của", "và", "các", "những", "về", "cho", "với", "theo", "tại", "trong",
		"đối", "thuộc", "là", "được", "để", "từ", "đến", "trên", "giữa", "hoặc", "nhằm"} {
		leaders[w] = true
	}
}

// dateWords follow a day or a month number inside a date ("23 tháng 5
// năm 2025"), which is read as one.
var dateWords = map[string]bool{"tháng": true, "năm": true}

// trimPunct drops the punctuation that may follow a syllable.
func trimPunct(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsPunct(r) })
}

// isLabel reports whether s is a heading label such as "II.", "1.", "a)"
// or "1.2.": it belongs with the words it numbers.
func isLabel(s string) bool {
	if n := utf8.RuneCountInString(s); n < 2 || n > 8 {
		return false
	}
	last := s[len(s)-1]
	if last != '.' && last != ')' {
		return false
	}
	for _, r := range s[:len(s)-1] {
		if !(r == '.' || unicode.IsDigit(r) || strings.ContainsRune("IVXLC", r) || (unicode.IsLower(r) && utf8.RuneCountInString(s) == 2)) {
			return false
		}
	}
	return true
}

// Tied reports whether a line break between the words prev and next would
// split a listed word pair, separate a number or code from the word it
// counts ("NĂM / 2026", "Số / 15/KH-UBND"), or leave a heading label at a
// line end. Words are compared case-insensitively.
func Tied(prev, next string) bool {
	if prev == "" || next == "" {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(next); unicode.IsDigit(r) {
		return true
	}
	if isLabel(prev) {
		return true
	}
	p, n := strings.ToLower(prev), strings.ToLower(trimPunct(next))
	if leaders[p] {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(p); unicode.IsDigit(r) && dateWords[n] {
		return true
	}
	return tiedPairs[p+" "+n]
}

// PhraseBreak reports whether a break between prev and next is between
// phrases: after a comma, a semicolon, a colon or a dash, or before a word
// that opens a phrase ("của", "và").
func PhraseBreak(prev, next string) bool {
	return PhraseEnd(prev) || leaders[strings.ToLower(next)]
}

// PhraseEnd reports whether a break after word is between phrases: after
// a comma, a semicolon, a colon or a dash.
func PhraseEnd(word string) bool {
	if word == "-" || word == "–" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(word)
	return r == ',' || r == ';' || r == ':'
}

// NoBreakSpace joins two words a word processor must keep on one line.
const NoBreakSpace = "\u00a0"

// TieSpaces replaces the spaces of s that [Tied] says no line may end at
// with no-break spaces, for the DOCX titles and headings, where Word and
// LibreOffice break the lines themselves.
func TieSpaces(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	words := strings.Split(s, " ")
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			if Tied(words[i-1], w) {
				b.WriteString(NoBreakSpace)
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(w)
	}
	return b.String()
}
