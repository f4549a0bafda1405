package legacyvn

// Tones, in the order of the rows of vowels.
const (
	toneNone  = iota
	toneGrave // huyền
	toneHook  // hỏi
	toneTilde // ngã
	toneAcute // sắc
	toneDot   // nặng
)

// vowels lists the twelve Vietnamese vowel letters, each with its six tones
// in the order none, grave, hook, tilde, acute, dot.
var vowels = [12][6]rune{
	{'a', 'à', 'ả', 'ã', 'á', 'ạ'},
	{'ă', 'ằ', 'ẳ', 'ẵ', 'ắ', 'ặ'},
	{'â', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ'},
	{'e', 'è', 'ẻ', 'ẽ', 'é', 'ẹ'},
	{'ê', 'ề', 'ể', 'ễ', 'ế', 'ệ'},
	{'i', 'ì', 'ỉ', 'ĩ', 'í', 'ị'},
	{'o', 'ò', 'ỏ', 'õ', 'ó', 'ọ'},
	{'ô', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ'},
	{'ơ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ'},
	{'u', 'ù', 'ủ', 'ũ', 'ú', 'ụ'},
	{'ư', 'ừ', 'ử', 'ữ', 'ứ', 'ự'},
	{'y', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ'},
}

// vowelInfo is the base vowel and tone of a lower-case toned letter.
type vowelInfo struct {
	base rune
	tone int8
}

var (
	toneOf  = map[rune]vowelInfo{} // lower-case letter → base, tone
	compose = map[rune]*[6]rune{}  // base → its six toned forms
)

func init() {
	for i := range vowels {
		row := &vowels[i]
		compose[row[0]] = row
		for t, r := range row {
			toneOf[r] = vowelInfo{row[0], int8(t)}
		}
	}
}

// tcvn3 maps a TCVN3 (ABC, VN3) code point 0xA1–0xFE to its letter; zero
// means the code is not a VN3 letter and is passed through. Byte values as
// in bogoengine src/charset.hpp (utf8ToTCVN3) and xvnkb tcvn.h.
var tcvn3 = [256]rune{
	// Capitals without tone and đ family.
	0xA1: 'Ă', 0xA2: 'Â', 0xA3: 'Ê', 0xA4: 'Ô', 0xA5: 'Ơ', 0xA6: 'Ư', 0xA7: 'Đ',
	0xA8: 'ă', 0xA9: 'â', 0xAA: 'ê', 0xAB: 'ô', 0xAC: 'ơ', 0xAD: 'ư', 0xAE: 'đ',
	// a
	0xB5: 'à', 0xB6: 'ả', 0xB7: 'ã', 0xB8: 'á', 0xB9: 'ạ',
	// ă
	0xBB: 'ằ', 0xBC: 'ẳ', 0xBD: 'ẵ', 0xBE: 'ắ', 0xC6: 'ặ',
	// â
	0xC7: 'ầ', 0xC8: 'ẩ', 0xC9: 'ẫ', 0xCA: 'ấ', 0xCB: 'ậ',
	// e
	0xCC: 'è', 0xCE: 'ẻ', 0xCF: 'ẽ', 0xD0: 'é', 0xD1: 'ẹ',
	// ê
	0xD2: 'ề', 0xD3: 'ể', 0xD4: 'ễ', 0xD5: 'ế', 0xD6: 'ệ',
	// i
	0xD7: 'ì', 0xD8: 'ỉ', 0xDC: 'ĩ', 0xDD: 'í', 0xDE: 'ị',
	// o
	0xDF: 'ò', 0xE1: 'ỏ', 0xE2: 'õ', 0xE3: 'ó', 0xE4: 'ọ',
	// ô
	0xE5: 'ồ', 0xE6: 'ổ', 0xE7: 'ỗ', 0xE8: 'ố', 0xE9: 'ộ',
	// ơ
	0xEA: 'ờ', 0xEB: 'ở', 0xEC: 'ỡ', 0xED: 'ớ', 0xEE: 'ợ',
	// u
	0xEF: 'ù', 0xF1: 'ủ', 0xF2: 'ũ', 0xF3: 'ú', 0xF4: 'ụ',
	// ư
	0xF5: 'ừ', 0xF6: 'ử', 0xF7: 'ữ', 0xF8: 'ứ', 0xF9: 'ự',
	// y
	0xFA: 'ỳ', 0xFB: 'ỷ', 0xFC: 'ỹ', 0xFD: 'ý', 0xFE: 'ỵ',
}

// VNI-Windows mark bytes, lower-case forms; each capital form is the byte
// minus 0x20 (ù/Ù = 0xF9/0xD9 …). Source: xvnkb vni.h and
// duydev/vietnamese-conversion src/charsets.ts.
var (
	// vniTone follows any vowel letter: a e i o u y ơ ư.
	vniTone = map[rune]int8{
		'ø': toneGrave, // 0xF8
		'û': toneHook,  // 0xFB
		'õ': toneTilde, // 0xF5
		'ù': toneAcute, // 0xF9
		'ï': toneDot,   // 0xEF
	}
	// vniCirc follows a, e, o: circumflex with a tone (â ê ô).
	vniCirc = map[rune]int8{
		'â': toneNone,  // 0xE2
		'à': toneGrave, // 0xE0
		'å': toneHook,  // 0xE5
		'ã': toneTilde, // 0xE3
		'á': toneAcute, // 0xE1
		'ä': toneDot,   // 0xE4
	}
	// vniBreve follows a: breve with a tone (ă).
	vniBreve = map[rune]int8{
		'ê': toneNone,  // 0xEA
		'è': toneGrave, // 0xE8
		'ú': toneHook,  // 0xFA
		'ü': toneTilde, // 0xFC
		'é': toneAcute, // 0xE9
		'ë': toneDot,   // 0xEB
	}
	// vniLetter holds the one-byte letters.
	vniLetter = map[rune]rune{
		'ô': 'ơ', // 0xF4, also a base for vniTone
		'ö': 'ư', // 0xF6, also a base for vniTone
		'ñ': 'đ', // 0xF1
		'ì': 'ì', // 0xEC
		'æ': 'ỉ', // 0xE6
		'ó': 'ĩ', // 0xF3
		'í': 'í', // 0xED
		'ò': 'ị', // 0xF2
		'î': 'ỵ', // 0xEE
	}
)

// latin1Lower lower-cases a Latin-1 letter (A–Z, À–Þ except ×) and reports
// whether it was upper-case; other runes are returned unchanged.
func latin1Lower(r rune) (rune, bool) {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + 0x20, true
	case r >= 0xC0 && r <= 0xDE && r != 0xD7:
		return r + 0x20, true
	}
	return r, false
}

// cp1252 holds the printable Windows-1252 characters of 0x80–0x9F: legacy
// text read through Windows-1252 may contain them (– — ‘ ’ “ ” …).
var cp1252 = map[rune]bool{
	'€': true, '‚': true, 'ƒ': true, '„': true, '…': true, '†': true, '‡': true,
	'ˆ': true, '‰': true, 'Š': true, '‹': true, 'Œ': true, 'Ž': true, '‘': true,
	'’': true, '“': true, '”': true, '•': true, '–': true, '—': true, '˜': true,
	'™': true, 'š': true, '›': true, 'œ': true, 'ž': true, 'Ÿ': true,
}

// legacyRepresentable reports whether every rune of s could come from an
// 8-bit legacy byte read as Windows-1252 (or Latin-1). Text with any other
// rune (ư, ộ, a combining mark, CJK …) is Unicode already.
func legacyRepresentable(s string) bool {
	for _, r := range s {
		if r > 0xFF && !cp1252[r] {
			return false
		}
	}
	return true
}
