package vnfmt

import (
	"strconv"
	"time"
)

// day pads days below 10, as ND 30 Phụ lục I Mục II.4 requires.
func day(d int) string {
	if d < 10 {
		return "0" + strconv.Itoa(d)
	}
	return strconv.Itoa(d)
}

// month pads only January and February, as ND 30 does; the usual reading is
// that only "1" and "2" could be altered into another month ("11", "12").
func month(m time.Month) string {
	if m <= time.February {
		return "0" + strconv.Itoa(int(m))
	}
	return strconv.Itoa(int(m))
}

// Date writes t as in the header of an ND 30 document:
// "ngày 09 tháng 10 năm 2024", "ngày 29 tháng 6 năm 2019". The place name
// and comma before it ("Sa Đéc, ngày …") are the caller's.
func Date(t time.Time) string {
	y, m, d := t.Date()
	return "ngày " + day(d) + " tháng " + month(m) + " năm " + strconv.Itoa(y)
}

// ShortDate writes t as running text cites dates: "08/01/2024",
// "15/7/2021", with the same zero rule as [Date].
func ShortDate(t time.Time) string {
	y, m, d := t.Date()
	return day(d) + "/" + month(m) + "/" + strconv.Itoa(y)
}

// MonthYear writes "tháng 6 năm 2019" or "tháng 01 năm 2025", for reporting
// periods.
func MonthYear(t time.Time) string {
	y, m, _ := t.Date()
	return "tháng " + month(m) + " năm " + strconv.Itoa(y)
}
