package xlsxfile

import (
	"reflect"
	"testing"
	"unicode/utf8"

	"baocao/internal/a1"
)

// FuzzParse: no input makes the reader panic, and every sheet it reads
// answers lookups inside and outside its used area.
func FuzzParse(f *testing.F) {
	f.Add(book(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><f t="shared" ref="B1:B2" si="0">A1</f><v>1</v></c></row><row r="2"><c r="B2"><f t="shared" si="0"/></c></row>`,
		`<mergeCells><mergeCell ref="A3:B4"/></mergeCells>`).bytes(f))
	f.Add(book(`<row><c t="inlineStr"><is><r><t>a_x000A_</t></r><rPh><t>b</t></rPh></is></c></row>`, "").bytes(f))
	f.Add(ole("EncryptionInfo"))
	f.Add([]byte("PK\x03\x04"))
	lim := DefaultLimits
	lim.FileSize, lim.PartSize, lim.Rows, lim.Cells = 1<<20, 1<<20, 1000, 10000
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Parse(data, lim)
		if err != nil {
			return
		}
		for i := range b.Sheets {
			s, err := b.Sheet(i)
			if err != nil {
				continue
			}
			for row := 0; row <= s.MaxRow+1; row++ {
				for col := 0; col <= s.MaxCol+1; col++ {
					c := s.Cell(col, row)
					if c.Type == String && !utf8.ValidString(c.Value) && !utf8.ValidString(DecodeEscapes(c.Value)) {
						t.Errorf("%s: invalid UTF-8", a1.Cell(col, row))
					}
					s.Merge(col, row)
				}
				s.Width(row)
			}
		}
	})
}

func FuzzDecodeEscapes(f *testing.F) {
	for _, s := range []string{"_x0041_", "_x005F_x0041_", "dvc_xa_phat", "_xD83D__xDE00_", "_xD83D_", "__x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := DecodeEscapes(s)
		if !HasEscape(s) && got != s {
			t.Errorf("DecodeEscapes(%q) = %q without an escape", s, got)
		}
		if len(got) > len(s) {
			t.Errorf("DecodeEscapes(%q) grew to %q", s, got)
		}
	})
}

// FuzzPlainCell: a sheet reads the same with plainStart and plainCell as
// with the tokenizer alone, cells, errors and all.
func FuzzPlainCell(f *testing.F) {
	for _, s := range []string{
		`<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="inlineStr"><is><t>Xã 00001</t></is></c><c r="C1" t="s"><v>0</v></c></row>`,
		`<row><c><v></v></c><c t="inlineStr"><is><t></t></is></c><c t="str"><v>a&amp;b</v></c><c><v>1</v> </c></row>`,
		`<row><c><is><t>x</t></is></c><c t="s"><v>7</v></c><c t="b"><v>true</v></c><c><v>1<!-- -->2</v></c></row>`,
		`<row><c r="A1"><v>1</v><f>B1</f></c><c r="B2"><is><t>a</t><t>b</t></is></c><c><v>x</v></c ></row>`,
		`<row><c t="e"><v>#N/A</v></c><c t="d"><v>2024-01-01</v></c><c t="x"><v>1</v></c><c><v>` + "\x01" + `</v></c></row>`,
		`<row><c><is><t>a</t></is></c></row><row><c><v>1</v></row>`,
		`<row><c r="A1" s="2" t="s"><v>0</v></c><c r="B1" r="C1"><v>1</v></c><c r="" t=""><v>2</v></c><c s="x" cm="1"><v>3</v></c></row>`,
		`<row><c  r="A1"><v>1</v></c><c r='B1'><v>1</v></c><c r="C1" /><c r="D1"/><c R="E1"><v>1</v></c><c x:r="F1"><v>1</v></c><c r="G1>"><v>1</v></c></row>`,
	} {
		f.Add([]byte(`<worksheet><sheetData>` + s + `</sheetData></worksheet>`))
	}
	lim := DefaultLimits
	lim.Rows, lim.Cells = 1000, 10000
	b := &Book{lim: lim, strings: []sstItem{{s: "Khóa"}}}
	f.Fuzz(func(t *testing.T, data []byte) {
		defer func() { tokenizeCells = false }()
		tokenizeCells = false
		fast, ferr := b.parseSheet("S", data)
		tokenizeCells = true
		slow, serr := b.parseSheet("S", data)
		if (ferr == nil) != (serr == nil) || ferr != nil && ferr.Error() != serr.Error() {
			t.Fatalf("errors differ: with plainCell %v, without %v", ferr, serr)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("sheets differ:\nwith plainCell %+v\nwithout        %+v", fast, slow)
		}
	})
}

// FuzzTagEnd: tagEnd finds the end of a start tag where looking at each
// byte for a '>' outside quotes does.
func FuzzTagEnd(f *testing.F) {
	for _, s := range []string{`<c r="A1">`, `<c a='>' b=">">`, `<c a="x>`, `<c`, `<c a=">"`, `<c a="'">`, `<c/>`, `<c a="1"b='2'>x>`} {
		f.Add([]byte(s))
	}
	ref := func(rest []byte, j int) int {
		var quote byte
		for j < len(rest) {
			c := rest[j]
			if quote != 0 {
				if c == quote {
					quote = 0
				}
			} else if c == '"' || c == '\'' {
				quote = c
			} else if c == '>' {
				break
			}
			j++
		}
		return j
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for i := 0; i <= len(data); i++ {
			if got, want := tagEnd(data, i), ref(data, i); got != want {
				t.Fatalf("tagEnd(%q, %d) = %d, want %d", data, i, got, want)
			}
		}
	})
}
