package testtool

import "strings"

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
