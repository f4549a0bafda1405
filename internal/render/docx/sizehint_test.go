package docx

import "testing"

// TestSizeHints keeps the hints near the parts they size: far under, the
// array is grown by doubling after all; far over, memory is held for
// nothing.
func TestSizeHints(t *testing.T) {
	d := sampleDocument()
	parts, err := build(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		part string
		hint int
	}{
		{partDocument, documentHint(d)},
		{partFootnotes, notesHint(d)},
	} {
		for _, p := range parts {
			if p.name != tc.part {
				continue
			}
			if n := len(p.data); tc.hint < n/2 || tc.hint > 2*n+4096 {
				t.Errorf("%s: hint %d bytes for %d", tc.part, tc.hint, n)
			}
		}
	}
}
