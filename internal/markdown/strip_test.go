package markdown

import (
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"
	"unicode/utf8"
)

// stripMarksSlow and hasMarksSlow are stripMarks and hasMarks as they
// were before their scans for the byte EE, to check that those change
// nothing.
func stripMarksSlow(src []byte) ([]byte, []span) {
	if !hasMarksSlow(src) {
		return src, nil
	}
	out := make([]byte, 0, len(src))
	var spans []span
	open := -1 // start of the current figure's text in out, or -1
	id := -1
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		switch r {
		case srcOpen:
			// The id runs to srcMid; anything else there is no mark.
			j := i + n
			for j < len(src) && src[j] >= '0' && src[j] <= '9' && j-i-n < 9 {
				j++
			}
			m, mn := utf8.DecodeRune(src[j:])
			open, id = -1, -1
			if m == srcMid && j > i+n {
				id, _ = strconv.Atoi(string(src[i+n : j]))
				open = len(out)
				i = j + mn
				continue
			}
			i += n
			continue
		case srcMid:
			i += n
			continue
		case srcClose:
			if open >= 0 && len(out) > open {
				spans = append(spans, span{open, len(out), id})
			}
			open, id = -1, -1
			i += n
			continue
		}
		out = append(out, src[i:i+n]...)
		i += n
	}
	return out, spans
}
func hasMarksSlow(b []byte) bool {
	// The three marks share their first two UTF-8 bytes: EE 84.
	for i := 0; i+2 < len(b); i++ {
		if b[i] == 0xEE && b[i+1] == 0x84 && b[i+2] >= 0x82 && b[i+2] <= 0x84 {
			return true
		}
	}
	return false
}

func TestStripMarksSame(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", "ạ", "1.168", " ", "\n", "\xee", "\xee\x84", "\xe1", "\xff", string(rune(srcOpen)), string(rune(srcMid)), string(rune(srcClose)), "12", "\ue105", "\ue084"}
	for i := 0; i < 20000; i++ {
		var b []byte
		for n := r.IntN(12); n > 0; n-- {
			if r.IntN(4) == 0 {
				b = append(b, Figure(r.IntN(100), strconv.Itoa(r.IntN(1000)))...)
				continue
			}
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		if hasMarks(b) != hasMarksSlow(b) {
			t.Fatalf("hasMarks(%q) = %v", b, hasMarks(b))
		}
		got, gs := stripMarks(append([]byte(nil), b...))
		want, ws := stripMarksSlow(append([]byte(nil), b...))
		if string(got) != string(want) || !reflect.DeepEqual(gs, ws) {
			t.Fatalf("stripMarks(%q) = %q %v, want %q %v", b, got, gs, want, ws)
		}
	}
}
