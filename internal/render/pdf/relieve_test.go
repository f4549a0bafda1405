package pdf

import (
	"reflect"
	"testing"
)

// TestRelieve: a justified line that first fit left loose (it could not
// take the long code after it) takes words from the line above while the
// looser of the two gets less loose; a word pair is moved whole; ragged
// text, a line of one word and a forced break are left as they are.
func TestRelieve(t *testing.T) {
	mk := func(ws ...float64) []word {
		out := make([]word, len(ws))
		for i, w := range ws {
			out[i] = word{pieces: []piece{{s: "x"}}, w: w, glue: 2.5}
		}
		return out
	}
	natural := func(words []word, i, j int) float64 {
		n := 0.0
		for k := i; k < j; k++ {
			n += words[k].w
			if k < j-1 {
				n += words[k].glue
			}
		}
		return n
	}
	spans := func(words []word, breaks ...int) []lineSpan {
		var out []lineSpan
		i := 0
		for _, j := range append(breaks, len(words)) {
			out = append(out, lineSpan{i: i, j: j, avail: 100, natural: natural(words, i, j), last: j == len(words)})
			i = j
		}
		return out
	}
	// Six words of 14 fill the first line (96.5 of 100); the second holds
	// a word and a code of 60 (76.5: its one space widened by 2.35 em).
	words := mk(14, 14, 14, 14, 14, 14, 14, 60, 30)
	tests := []struct {
		name  string
		words []word
		align align
		in    []int // first fit's breaks
		want  []int
	}{
		{"one word moves down", words, alignJustify, []int{6, 8}, []int{5, 8}},
		{"ragged text is left", words, alignLeft, []int{6, 8}, []int{6, 8}},
		{"nothing fits below", mk(14, 14, 14, 14, 14, 14, 14, 70, 30), alignJustify, []int{6, 8}, []int{6, 8}},
	}
	for _, tt := range tests {
		br := newBreaker(parSpec{width: 100, size: 10, lineH: 12, align: tt.align})
		br.spans = spans(tt.words, tt.in...)
		br.relieve(tt.words)
		var got []int
		for _, s := range br.spans[:len(br.spans)-1] {
			got = append(got, s.j)
			if n := natural(tt.words, s.i, s.j); n != s.natural {
				t.Errorf("%s: span %d–%d natural %v, want %v", tt.name, s.i, s.j, s.natural, n)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: breaks %v, want %v", tt.name, got, tt.want)
		}
	}

	// A word pair ("Nghị định") moves whole, or not at all.
	pair := []word{{pieces: []piece{{s: "a"}}, w: 14, glue: 2.5}, {pieces: []piece{{s: "b"}}, w: 14, glue: 2.5}, {pieces: []piece{{s: "c"}}, w: 14, glue: 2.5},
		{pieces: []piece{{s: "d"}}, w: 14, glue: 2.5}, {pieces: []piece{{s: "Ủy"}}, w: 14, glue: 2.5}, {pieces: []piece{{s: "ban"}}, w: 14, glue: 2.5},
		{pieces: []piece{{s: "e"}}, w: 10, glue: 2.5}, {pieces: []piece{{s: "f"}}, w: 40, glue: 2.5}, {pieces: []piece{{s: "g"}}, w: 60, glue: 2.5}}
	br := newBreaker(parSpec{width: 100, size: 10, lineH: 12, align: alignJustify})
	br.spans = spans(pair, 6, 8)
	br.relieve(pair)
	if got := br.spans[0].j; got != 4 {
		t.Errorf("word pair: the first line ends at %d, want 4 (Ủy ban moved together)", got)
	}
}
