// Package a1 owns the A1 names of SpreadsheetML: a column's letters (1 is
// A, 27 is AA) and a cell's name (C5). The reader names every cell it
// reads by them, the formula evaluator its references, the writers the
// cells they write and merge: one definition, so that a cell is named the
// same wherever a message or a file names it.
package a1

import (
	"slices"
	"strconv"
)

// maxName is the longest name AppendCell writes: more letters than any
// column of a real workbook (XFD, 16,384, has three) and any row number.
const maxName = 24

// Column is the letters of column col (1 is A, 27 is AA); "?" for a
// column below 1, which only a damaged file or a bad reference names.
func Column(col int) string {
	if col < 1 {
		return "?"
	}
	return string(AppendColumn(nil, col))
}

// AppendColumn appends the letters of column col, which is at least 1.
func AppendColumn(b []byte, col int) []byte {
	var tmp [16]byte // 26^14 > 2^63: room for any int
	i := len(tmp)
	for col > 0 && i > 0 {
		col--
		i--
		tmp[i] = byte('A' + col%26)
		col /= 26
	}
	return append(b, tmp[i:]...)
}

// Cell is the A1 name of a cell (3, 5 is C5); a column below 1 is "?".
func Cell(col, row int) string {
	var b [maxName]byte
	return string(AppendCell(b[:0], col, row))
}

// AppendCell appends the A1 name of a cell to b, for a reader that names
// every cell it reads without an allocation each.
func AppendCell(b []byte, col, row int) []byte {
	if col < 1 || row < 1 {
		b = append(b, Column(col)...)
		return strconv.AppendInt(b, int64(row), 10)
	}
	// The name is written in place, from its end: a reader names each
	// of half a million cells, and copying a few bytes from a buffer
	// cost more than making them.
	digits, letters := 1, 0
	for r := row; r >= 10; r /= 10 {
		digits++
	}
	for c := col; c > 0; c = (c - 1) / 26 {
		letters++
	}
	letters = min(letters, maxName-digits) // as many as a name of maxName bytes holds
	start := len(b)
	b = slices.Grow(b, letters+digits)[:start+letters+digits]
	for i := start + letters + digits - 1; i >= start+letters; i-- {
		b[i] = byte('0' + row%10)
		row /= 10
	}
	for i := start + letters - 1; i >= start; i-- {
		col--
		b[i] = byte('A' + col%26)
		col /= 26
	}
	return b
}
