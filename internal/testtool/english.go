package testtool

import (
	"strings"
	"testing"

	"baocao/internal/msg"
)

// EnglishLeft lists the words of words left in s, a message told in
// Vietnamese: each is matched whole, punctuation counting as a space, so
// that "sheet" is found in "(sheet C5)" and "a" is not in "và".
func EnglishLeft(s string, words []string) []string {
	var left []string
	padded := " " + strings.NewReplacer(",", " ", ":", " ", ";", " ", "(", " ", ")", " ").Replace(s) + " "
	for _, w := range words {
		if strings.Contains(padded, " "+w+" ") {
			left = append(left, w)
		}
	}
	return left
}

// SaysVietnamese checks a message as a Vietnamese reader meets it: v (an
// error or another text of internal/msg) told in Vietnamese holds want,
// and none of words, the English words the package's messages could leave
// behind. It returns the Vietnamese text for further checks.
func SaysVietnamese(t testing.TB, name string, v any, want string, words []string) string {
	t.Helper()
	vi := msg.Local(msg.Vietnamese, v)
	if !strings.Contains(vi, want) {
		t.Errorf("%s: %q\nwant it to contain %q", name, vi, want)
	}
	if left := EnglishLeft(vi, words); len(left) > 0 {
		t.Errorf("%s: English words %v left in %q", name, left, vi)
	}
	return vi
}
