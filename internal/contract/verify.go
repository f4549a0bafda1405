package contract

import (
	"math"
	"strconv"
	"strings"

	"baocao/internal/check"
	"baocao/internal/dataset"
	"baocao/internal/msg"
)

// Check checks a dataset against the contract, before the template's own
// checks: every declared fact is present with a value of its type (a
// required one not blank), every declared table has its sheet, key and
// columns, and every figure of a numeric column is a number. Findings
// name the cell and say what was expected in words a secretariat officer
// reads; all are errors but a blank optional figure, which is fine.
func (c *Contract) Check(ds *dataset.Dataset) []check.Finding {
	if c == nil {
		return nil
	}
	var out []check.Finding
	// add's format is a key of the msg catalogue; expected and found are
	// figures or values (strings), or words (msg.Localizers).
	add := func(loc dataset.Loc, expected, found any, format string, args ...any) {
		if loc.File == "" {
			loc.File = ds.Source
		}
		out = append(out, check.NewFinding(check.Error, "du-lieu", loc, expected, found, msg.Sprintf(format, args...)))
	}
	for _, f := range c.Facts {
		if f.Heading != "" {
			continue
		}
		if ds.Facts == nil {
			add(dataset.Loc{}, "", "", "the workbook has no fact sheet (columns Khóa, Giá trị); it needs the fact %s (%s)", f.Key, f.Description)
			break
		}
		v, ok := ds.Facts.Get(f.Key)
		if !ok {
			add(dataset.Loc{File: ds.Source, Sheet: ds.Facts.Sheet}, "", "", "the fact sheet has no row for %s (%s); add a row with the key %s", f.Key, describe(f), f.Key)
			continue
		}
		if v.Kind == dataset.Empty {
			if f.Required {
				add(v.Loc, typeWords(f.Type), msg.Word("an empty cell"), "%s (%s) is required; type it", f.Key, describe(f))
			}
			continue
		}
		if why := typeMismatch(f.Type, v); why != nil {
			add(v.Loc, typeWords(f.Type), found(v), "%s (%s): %s", f.Key, describe(f), why)
			continue
		}
		if len(f.Values) > 0 && !allowed(f.Values, v.Text) {
			add(v.Loc, strings.Join(f.Values, ", "), v.Text, "%s (%s) must be one of the listed values", f.Key, describe(f))
		}
	}
	for _, t := range c.Trees {
		if _, err := ds.Tree(t.Sheet); err != nil {
			add(dataset.Loc{File: ds.Source}, "", "", "the workbook has no indicator sheet %q (columns Mã, Nội dung, Điểm tối đa, Điểm ĐTXHH, Điểm đạt); the template needs it", t.Sheet)
		}
	}
	for _, t := range c.Tables {
		tab, err := ds.Table(t.Sheet)
		if err != nil {
			add(dataset.Loc{File: ds.Source}, "", "", "the workbook has no sheet %q with a header row (%s); the template needs it", t.Sheet, t.Description)
			continue
		}
		if dataset.FoldKey(tab.Key) != dataset.FoldKey(t.Key) {
			add(dataset.Loc{File: ds.Source, Sheet: tab.Sheet, Cell: "A1"}, t.Key, tab.Key, "the first column of sheet %q must be %q", t.Sheet, t.Key)
		}
		for _, col := range t.Columns {
			if col.Kind == Rate && !tableHas(tab, col.Name) {
				continue // a rate may be left to baocao to compute
			}
			if _, err := tab.Column(col.Name); err != nil {
				add(dataset.Loc{File: ds.Source, Sheet: tab.Sheet}, col.Name, "", "sheet %q needs the column %q: %v", t.Sheet, col.Name, err)
				continue
			}
			if col.Kind == Label {
				continue
			}
			for _, r := range tab.Rows {
				v, _ := r.Get(col.Name)
				if v.Kind == dataset.Empty {
					continue
				}
				want := col.Type
				if want == "" {
					want = Number
				}
				if why := typeMismatch(want, v); why != nil {
					add(v.Loc, typeWords(want), found(v), "%s, %s: %s", r.Key, col.Name, why)
				}
			}
		}
	}
	return out
}

func tableHas(t *dataset.Table, col string) bool {
	_, err := t.Column(col)
	return err == nil
}

// describe is the fact's description, or the words of its type.
func describe(f Fact) any {
	if f.Description != "" {
		return f.Description
	}
	return typeWords(f.Type)
}

func allowed(list []string, v string) bool {
	for _, x := range list {
		if dataset.FoldKey(x) == dataset.FoldKey(v) {
			return true
		}
	}
	return false
}

// typeWords names a type of du-lieu.yaml in the reader's language.
func typeWords(t string) msg.Localizer {
	switch t {
	case Text:
		return msg.Word("a text")
	case Narrative:
		return msg.Word("a text of one or more paragraphs")
	case Integer:
		return msg.Word("a whole number")
	case Number:
		return msg.Word("a number")
	case Percent:
		return msg.Word("a percent")
	case Date:
		return msg.Word("a date (dd/mm/yyyy)")
	}
	return msg.Sprintf("%s", t)
}

// found is what a cell holds: a word for an empty cell, a quoted text, a
// figure.
func found(v dataset.Value) any {
	switch v.Kind {
	case dataset.Empty:
		return msg.Word("an empty cell")
	case dataset.TextKind:
		return strconv.Quote(v.Text)
	}
	return v.String()
}

// typeMismatch says why v is not of type t, or nil.
func typeMismatch(t string, v dataset.Value) msg.Localizer {
	switch t {
	case Text, Narrative:
		return nil // any value prints as text
	case Integer:
		if v.Kind != dataset.NumberKind {
			return msg.Word("expected a whole number")
		}
		if v.Num != math.Trunc(v.Num) {
			return msg.Word("expected a whole number, without decimals")
		}
	case Number, Percent:
		if v.Kind != dataset.NumberKind {
			return msg.Word("expected a number")
		}
	case Date:
		if v.Kind != dataset.DateKind {
			return msg.Word("expected a date such as 09/10/2024")
		}
	}
	return nil
}
