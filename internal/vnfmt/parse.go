package vnfmt

import (
	"strings"
	"time"
)

// ParseDate reads a date written the Vietnamese way, day first: 09/10/2024,
// 9/10/2024, 09-10-2024, 09.10.2024; or in ISO form, 2024-10-09. It is the
// inverse of ShortDate for the reader of workbooks and front matter.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2/1/2006", "2-1-2006", "2.1.2006", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
