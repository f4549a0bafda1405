package vnfmt_test

import (
	"fmt"
	"time"

	"baocao/internal/vnfmt"
)

func ExampleNumber() {
	// A spreadsheet sum of scores whose float64 value is 61.888299999999994.
	var total float64
	for _, score := range []float64{3, 19, 6, 2.52, 3, 8.61, 13.8, 5.9583} {
		total += score
	}
	fmt.Println(vnfmt.Number(total, 4))
	fmt.Println(vnfmt.Number(total, 2))
	fmt.Println(vnfmt.Number(1.005, 2))
	fmt.Println(vnfmt.Number(57286, 0))
	fmt.Println(vnfmt.Number(-0.001, 2))
	// Output:
	// 61,8883
	// 61,89
	// 1,01
	// 57.286
	// 0,00
}

func ExampleAuto() {
	fmt.Println(vnfmt.Auto(13.8, 4), vnfmt.Auto(19, 4), vnfmt.Auto(5.9583, 4))
	// Output: 13,8 19 5,9583
}

func ExamplePercent() {
	fmt.Println(vnfmt.Percent(99.4812, 2))
	// Output: 99,48%
}

func ExampleRatio() {
	s, _ := vnfmt.Ratio(3797, 4771, 2)
	fmt.Println(s)
	_, err := vnfmt.Ratio(1, 0, 2)
	fmt.Println(err)
	// Output:
	// 79,58%
	// vnfmt: ratio of a zero whole
}

func ExamplePad() {
	fmt.Println(vnfmt.Pad(8), "tiêu chí;", vnfmt.Pad(14), "mô hình;", vnfmt.Pad(26380), "hồ sơ")
	// Output: 08 tiêu chí; 14 mô hình; 26.380 hồ sơ
}

func ExampleDate() {
	fmt.Println("Sa Đéc, " + vnfmt.Date(time.Date(2024, 10, 9, 0, 0, 0, 0, time.UTC)))
	fmt.Println(vnfmt.Date(time.Date(2025, 2, 5, 0, 0, 0, 0, time.UTC)))
	fmt.Println(vnfmt.Date(time.Date(2019, 6, 29, 0, 0, 0, 0, time.UTC)))
	// Output:
	// Sa Đéc, ngày 09 tháng 10 năm 2024
	// ngày 05 tháng 02 năm 2025
	// ngày 29 tháng 6 năm 2019
}

func ExampleShortDate() {
	fmt.Println(vnfmt.ShortDate(time.Date(2024, 1, 8, 0, 0, 0, 0, time.UTC)))
	fmt.Println(vnfmt.ShortDate(time.Date(2021, 7, 15, 0, 0, 0, 0, time.UTC)))
	// Output:
	// 08/01/2024
	// 15/7/2021
}

func ExampleUpper() {
	fmt.Println("TM. " + vnfmt.Upper("ủy ban nhân dân"))
	fmt.Println(vnfmt.Upper("thành phố Sa Đéc"))
	// Output:
	// TM. ỦY BAN NHÂN DÂN
	// THÀNH PHỐ SA ĐÉC
}

func ExampleCapitalize() {
	fmt.Println(vnfmt.Capitalize("ủy ban nhân dân thành phố Sa Đéc"))
	// Output: Ủy ban nhân dân thành phố Sa Đéc
}

func ExampleRoman() {
	fmt.Println("Phần "+vnfmt.Roman(1), "Mục "+vnfmt.Roman(4), vnfmt.Roman(12))
	// Output: Phần I Mục IV XII
}

func ExampleAlpha() {
	for n := 3; n <= 6; n++ {
		fmt.Print(vnfmt.Alpha(n), ") ")
	}
	fmt.Println(vnfmt.Alpha(24))
	// Output: c) d) đ) e) aa
}

func ExampleOrdinal() {
	fmt.Println("Phần thứ " + vnfmt.Ordinal(1))
	fmt.Println("Phần thứ " + vnfmt.Ordinal(4))
	// Output:
	// Phần thứ nhất
	// Phần thứ tư
}

func ExampleCardinal() {
	fmt.Println(vnfmt.Cardinal(1)+" là, …;", vnfmt.Cardinal(2)+" là, …")
	// Output: Một là, …; Hai là, …
}
