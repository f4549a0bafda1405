package legacyvn

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// negatives must never be detected as legacy.
var negatives = []string{
	"", " ", "0", "1.234.567,89", "12/2024", "—", "(*) – ghi chú", "“Trích yếu”…",
	"STT", "Ha Noi", "Sa Dec, Dong Thap", "Report 2024: 95% on time",
	"The quick brown fox jumps over the lazy dog.",
	"Le café est déjà prêt à Noël, où êtes-vous ?",
	"Größe und Gewicht der Bücher für Herrn Müller",
	"El niño y la señora comen piña mañana",
	"Smørrebrød på Østerbro, blåbær",
	"São Paulo, coração, ação",
	"Crème brûlée, façade, naïve, rôle",
	"© 2024 ® ™ £100 ½ kg ¼ ¾ × ÷ ± µm °C",
	"Ñu", "Ça va", "Österreich", "Zürich",
	"Tòa án", "Có", "Chú ý", "Bà Rịa", "Cà Mau", "Tây Ninh", "Tôi là",
	"Tòa án nhân dân", "Cà phê", "Bến Tre", "Sóc Trăng",
	norm.NFD.String("Cộng hòa xã hội chủ nghĩa Việt Nam"),
	"Uỷ ban nhân dân", "Cộng hoà xã hội", "hoá đơn", "Tuỳ",
	"Dân số: 100.000 người", "Sa Đéc",
}

func init() {
	negatives = append(negatives, phrases...)
	for _, p := range phrases {
		negatives = append(negatives, strings.ToUpper(p), norm.NFD.String(p))
	}
}

func TestDetectNegatives(t *testing.T) {
	for _, s := range negatives {
		if got := Detect(s); got != Unicode {
			t.Errorf("Detect(%q) = %s, want Unicode", s, got)
		}
		if out, enc, _ := Fix(s, "Arial"); enc != Unicode || out != norm.NFC.String(s) {
			t.Errorf("Fix(%q) = %q, %s", s, out, enc)
		}
	}
}

func TestDetectLiterature(t *testing.T) {
	for _, c := range literature {
		want := c.enc
		if want == TCVN3Upper {
			want = TCVN3 // not tellable from the bytes
		}
		got := Detect(c.in)
		switch {
		case got == want:
		case got == Unicode && strings.Count(c.in, " ") < 2:
			t.Logf("miss (short): %q", c.in) // conservative by design
		default:
			t.Errorf("Detect(%q) = %s, want %s", c.in, got, want)
		}
	}
}

// TestDetectAccuracy measures detection on the generated legacy forms of
// the phrases (and their upper-case forms for VNI) and on the negatives.
func TestDetectAccuracy(t *testing.T) {
	type sample struct {
		s    string
		want Encoding
	}
	var samples []sample
	for _, p := range phrases {
		if enc, ok := encodeTCVN3(tcvn3Lower(p)); ok {
			samples = append(samples, sample{enc, TCVN3})
		}
		samples = append(samples, sample{encodeVNI(p), VNI}, sample{encodeVNI(strings.ToUpper(p)), VNI})
	}
	for _, c := range literature {
		want := c.enc
		if want == TCVN3Upper {
			want = TCVN3
		}
		samples = append(samples, sample{c.in, want})
	}
	hit := map[Encoding]int{}
	total := map[Encoding]int{}
	wrong := 0
	for _, sm := range samples {
		total[sm.want]++
		switch got := Detect(sm.s); got {
		case sm.want:
			hit[sm.want]++
		case Unicode:
			t.Logf("miss %s: %q", sm.want, sm.s)
		default:
			wrong++
			t.Errorf("Detect(%q) = %s, want %s", sm.s, got, sm.want)
		}
	}
	fp := 0
	for _, s := range negatives {
		if Detect(s) != Unicode {
			fp++
		}
	}
	fixHit := 0
	for _, sm := range samples {
		if _, enc, _ := Fix(sm.s, ""); enc == sm.want {
			fixHit++
		}
	}
	t.Logf("Detect: TCVN3 %d/%d, VNI %d/%d, wrong encoding %d, false positives %d/%d; Fix without font %d/%d",
		hit[TCVN3], total[TCVN3], hit[VNI], total[VNI], wrong, fp, len(negatives), fixHit, len(samples))
	for _, e := range []Encoding{TCVN3, VNI} {
		if hit[e]*10 < total[e]*9 {
			t.Errorf("%s detection %d/%d below 90%%", e, hit[e], total[e])
		}
	}
}

func TestValidSyllable(t *testing.T) {
	for _, w := range []string{"Việt", "nghĩa", "quyết", "giữ", "gì", "người", "khuỷu", "ngoằn", "thuở", "Đồng", "uỷ", "ủy", "hoà", "hòa", "kỳ", "tỷ"} {
		if !validSyllable(w) {
			t.Errorf("validSyllable(%q) = false", w)
		}
	}
	for _, w := range []string{"", "Müller", "café", "ViÖt", "caùc", "hoøa", "tàc", "ăn̂", "xyz", "ng", "Ê£", "bbbbbbbbbb", "hóà"} {
		if validSyllable(w) {
			t.Errorf("validSyllable(%q) = true", w)
		}
	}
}

// latin1Words are Unicode words whose letters are all in Latin-1:
// Vietnamese ones (they carry no ư, ộ … to give them away) and Western ones
// whose letters are TCVN3 or VNI code points.
var latin1Words = []string{
	"Tòa", "án", "Có", "chú", "ý", "Bà", "Cà", "Tôi", "là", "cà", "phê", "Hoà", "Bình", "Khoá", "Núi",
	"Thái", "mèo", "kéo", "cái", "Hóa", "Bùi", "Hà", "Lê", "Lò", "Võ", "Tô", "Vân", "Châu", "Sóc", "cô",
	"bé", "và", "các", "mà", "khô", "Tâm", "Thì", "Nhà", "Máy", "Xã", "Gò", "Cái", "Bè", "Tháp", "Hòa",
	"Thành", "Tân", "Phú", "Hàm", "Ông", "Tám", "Tú", "Thúy", "Lý", "Chín", "Sáu", "Giàu", "Chánh",
	"Phòng", "Cán", "lên",
	"café", "déjà", "à", "été", "Noël", "über", "für", "Größe", "Müller", "niño", "año", "señor", "São",
	"ação", "naïve", "rôle", "crème", "brûlée", "Øst", "blåbær", "mañana", "qué", "sí", "más", "très",
	"ça", "élève", "père", "mère", "frère", "tête", "fête", "hôtel", "garçon", "Zürich", "Köln", "Straße",
	"Ärger", "schön", "grün", "Bär", "Käse", "Öl", "de", "la", "el", "y", "è", "é", "ò", "ó", "ì", "í",
	"ù", "ú", "â", "ê", "ô", "ã", "õ", "ü", "ö", "ä",
}

// TestDetectLatin1Combos checks every two- and three-word phrase of
// latin1Words: none may be detected as legacy. Words glued together
// without a space are measured and logged only (they are not words).
func TestDetectLatin1Combos(t *testing.T) {
	n, fpGlued := 0, 0
	for _, a := range latin1Words {
		for _, b := range latin1Words {
			for _, s := range []string{a + " " + b, a + " " + b + " " + a, a + ", " + b + " và " + b} {
				n++
				if e := Detect(s); e != Unicode {
					t.Errorf("Detect(%q) = %s", s, e)
				}
			}
			if Detect(a+b) != Unicode {
				fpGlued++
			}
		}
	}
	t.Logf("phrases: %d, false positives 0; glued pairs: %d false positives of %d", n, fpGlued, len(latin1Words)*len(latin1Words))
}
