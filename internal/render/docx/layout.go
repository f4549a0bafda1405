package docx

import (
	"math"

	"baocao/internal/docmodel"
	"baocao/internal/fonts"
	"baocao/internal/render/layout"
)

// normalisePage fills what a document left at zero from
// docmodel.DefaultPage, so a half-built model still yields a valid page
// instead of a zero-width one. SpaceBefore may legitimately be zero and is
// kept.
func normalisePage(p docmodel.PageSetup) docmodel.PageSetup {
	def := docmodel.DefaultPage()
	if p.Width <= 0 || p.Height <= 0 {
		p.Width, p.Height = def.Width, def.Height
	}
	for _, f := range []struct{ v, d *docmodel.Length }{
		{&p.MarginTop, &def.MarginTop}, {&p.MarginBottom, &def.MarginBottom},
		{&p.MarginLeft, &def.MarginLeft}, {&p.MarginRight, &def.MarginRight},
		{&p.HeaderDistance, &def.HeaderDistance}, {&p.FooterDistance, &def.FooterDistance},
		{&p.FirstLineIndent, &def.FirstLineIndent},
	} {
		if *f.v <= 0 {
			*f.v = *f.d
		}
	}
	if p.SpaceBefore < 0 {
		p.SpaceBefore = 0
	}
	if p.SpaceAfter < 0 {
		p.SpaceAfter = 0
	}
	if p.LineSpacing <= 0 {
		p.LineSpacing = 1
	}
	if p.FontFamily == "" {
		p.FontFamily = def.FontFamily
	}
	s, ds := &p.Sizes, def.Sizes
	for _, f := range []struct {
		v *float64
		d float64
	}{
		{&s.QuocHieu, ds.QuocHieu}, {&s.TieuNgu, ds.TieuNgu}, {&s.ParentAgency, ds.ParentAgency},
		{&s.Agency, ds.Agency}, {&s.Number, ds.Number}, {&s.PlaceDate, ds.PlaceDate},
		{&s.Kind, ds.Kind}, {&s.Summary, ds.Summary}, {&s.Body, ds.Body},
		{&s.Signature, ds.Signature}, {&s.NoiNhanLabel, ds.NoiNhanLabel},
		{&s.NoiNhanList, ds.NoiNhanList}, {&s.PageNumber, ds.PageNumber},
		{&s.Footnote, ds.Footnote}, {&s.Table, ds.Table},
	} {
		if *f.v <= 0 {
			*f.v = f.d
		}
	}
	return p
}

// textTwips is the printed width of s in twips. Word substitutes nothing
// for Times New Roman and LibreOffice uses Liberation Serif, which has the
// same advance widths, so this measure holds in both.
func textTwips(face fonts.Face, size float64, s string) int {
	return int(math.Ceil(fonts.Width(face, size, s) * 20))
}

func maxTwips(face fonts.Face, size float64, lines []string) int {
	m := 0
	for _, l := range lines {
		m = max(m, textTwips(face, size, l))
	}
	return m
}

// shortRuleRatio is shared with the PDF writer: see layout.RuleRatio.
const shortRuleRatio = layout.RuleRatio

// ruleIndent centres a rule of width rule inside room: the indent on each
// side. A rule wider than the room is clipped to it.
func ruleIndent(room, rule int) int {
	if rule >= room {
		return 0
	}
	return (room - rule) / 2
}

// twipsPt is a length in twips as points.
func twipsPt(tw int) float64 { return float64(tw) / 20 }

// columnWidths rounds the widths in points of layout.TableColumns to
// twips; the last column takes the rounding rest so the grid adds up to
// the table width total exactly.
func columnWidths(pts []float64, total int) []int {
	out := make([]int, len(pts))
	used := 0
	for i, p := range pts {
		w := int(math.Round(p * 20))
		if i == len(pts)-1 {
			w = total - used
		}
		out[i] = w
		used += w
	}
	return out
}
