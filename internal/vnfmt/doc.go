// Package vnfmt owns every piece of Vietnamese surface formatting in baocao:
// numbers, percentages, dates, letter case, Unicode normalisation and the
// labels of the numbered body (Phần, Mục, điểm). The template engine exposes
// these as template functions (see [Funcs]) and the appendix writers call
// them directly, so a figure is formatted in exactly one place. All functions
// are pure and safe for concurrent use.
//
// # Numbers
//
// The decimal separator is a comma and thousands are grouped with a dot
// ("57.286", "61,89"), as Luật Kế toán 88/2015/QH13 Điều 11 prescribes and as
// CLDR/ICU locale "vi" (decimal ",", group ".", percent pattern "#,##0%")
// confirms. The percent sign follows the number without a space ("99,48%").
//
// Rounding is half away from zero on the decimal value the user typed, not on
// the binary float: a spreadsheet sum such as 61.888299999999994 is first
// reduced to its 15-significant-digit decimal form (61.8883) and only then
// rounded, so 1.005 becomes "1,01" and float noise never reaches a report.
// The seed reports truncate in places (61,8883 shown as "61,88"); baocao
// rounds ("61,89") because truncation understates results.
//
// Years and document numbers must not go through [Number]: they are never
// grouped ("2025", not "2.025").
//
// # Dates
//
// ND 30/2020/NĐ-CP Phụ lục I Mục II.4 writes dates in full with Arabic digits
// and a leading zero for days below 10 and for months 1 and 2 only:
// "ngày 05 tháng 01 năm 2020", "ngày 29 tháng 6 năm 2019". Running text in
// practice uses the short form with the same zero rule: "08/01/2024",
// "15/7/2021". Dates are formatted in the location of the time.Time given;
// nothing is converted.
//
// # Counts
//
// ND 30 pads document numbers and dates below 10; its own text and the seed
// reports pad small counts too ("05 phòng", "lập 02 bản"). [Pad] applies that
// practice to counts in running text.
//
// # Text
//
// Output text is NFC (TCVN 6909:2001 Unicode, precomposed "dựng sẵn"), the
// form ND 30's own files use; decomposed input from macOS or web forms is
// normalised on the way through. Upper and lower case follow
// golang.org/x/text/cases for language.Vietnamese, so diacritics survive
// ("ủy ban" → "ỦY BAN"). Tone-mark placement ("hòa"/"hoà") is not changed:
// NFC does not fix it and this package does not pick a style.
//
// # Numbering
//
// ND 30 Phụ lục I Mục II.6.đ numbers Phần with Roman numerals ([Roman]),
// Mục with Roman numerals, khoản with Arabic numerals and điểm with letters of
// the Vietnamese alphabet ([Alpha]). The seed reports write "Phần thứ nhất"
// ([Ordinal]) and "Một là, Hai là" ([Cardinal]); that is practice, not rule.
package vnfmt
