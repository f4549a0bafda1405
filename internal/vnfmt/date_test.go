package vnfmt

import (
	"testing"
	"time"
)

func TestDates(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		t                  time.Time
		long, short, month string
	}{
		{d(2024, 10, 9), "ngày 09 tháng 10 năm 2024", "09/10/2024", "tháng 10 năm 2024"},
		{d(2025, 2, 5), "ngày 05 tháng 02 năm 2025", "05/02/2025", "tháng 02 năm 2025"},
		{d(2019, 6, 29), "ngày 29 tháng 6 năm 2019", "29/6/2019", "tháng 6 năm 2019"},
		{d(2020, 1, 5), "ngày 05 tháng 01 năm 2020", "05/01/2020", "tháng 01 năm 2020"},
		{d(2024, 1, 8), "ngày 08 tháng 01 năm 2024", "08/01/2024", "tháng 01 năm 2024"},
		{d(2021, 7, 15), "ngày 15 tháng 7 năm 2021", "15/7/2021", "tháng 7 năm 2021"},
		{d(2025, 3, 6), "ngày 06 tháng 3 năm 2025", "06/3/2025", "tháng 3 năm 2025"},
		{d(2025, 2, 14), "ngày 14 tháng 02 năm 2025", "14/02/2025", "tháng 02 năm 2025"},
		{d(2025, 3, 31), "ngày 31 tháng 3 năm 2025", "31/3/2025", "tháng 3 năm 2025"},
		{d(2024, 12, 10), "ngày 10 tháng 12 năm 2024", "10/12/2024", "tháng 12 năm 2024"},
		{d(2024, 12, 31), "ngày 31 tháng 12 năm 2024", "31/12/2024", "tháng 12 năm 2024"},
		{d(2024, 9, 1), "ngày 01 tháng 9 năm 2024", "01/9/2024", "tháng 9 năm 2024"},
	}
	for _, tt := range tests {
		if got := Date(tt.t); got != tt.long {
			t.Errorf("Date(%v) = %q, want %q", tt.t, got, tt.long)
		}
		if got := ShortDate(tt.t); got != tt.short {
			t.Errorf("ShortDate(%v) = %q, want %q", tt.t, got, tt.short)
		}
		if got := MonthYear(tt.t); got != tt.month {
			t.Errorf("MonthYear(%v) = %q, want %q", tt.t, got, tt.month)
		}
	}
}

// The date is read in the time's own location: 23:30 UTC on 8 January is
// already 9 January in Hà Nội (UTC+7).
func TestDateUsesLocation(t *testing.T) {
	utc := time.Date(2024, 1, 8, 23, 30, 0, 0, time.UTC)
	if got := ShortDate(utc); got != "08/01/2024" {
		t.Errorf("ShortDate(UTC) = %q", got)
	}
	ict := utc.In(time.FixedZone("ICT", 7*3600))
	if got := ShortDate(ict); got != "09/01/2024" {
		t.Errorf("ShortDate(ICT) = %q", got)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // yyyy-mm-dd, "" for no date
	}{
		{"09/10/2024", "2024-10-09"},
		{"9/10/2024", "2024-10-09"},
		{" 15/7/2021 ", "2021-07-15"},
		{"09-10-2024", "2024-10-09"},
		{"09.10.2024", "2024-10-09"},
		{"2024-10-09", "2024-10-09"},
		{"31/02/2024", ""},
		{"10/2024", ""},
		{"", ""},
		{"ngày 09 tháng 10", ""},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		if tt.want == "" {
			if ok {
				t.Errorf("ParseDate(%q) = %v, want no date", tt.in, got)
			}
			continue
		}
		if !ok || got.Format("2006-01-02") != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", tt.in, got, ok, tt.want)
		}
	}
}
