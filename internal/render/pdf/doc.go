// Package pdf writes a [docmodel.Document] as a PDF laid out per Nghị định
// 30/2020/NĐ-CP, without a word processor in between.
//
// The package owns the whole page layout: it breaks lines itself (fpdf
// cannot justify a line that mixes bold, italic and superscript runs),
// places every word at a computed x, paginates with its own rules (headings
// kept with the next lines, no single widow or orphan line where another
// break exists, table header rows repeated, the closing block kept whole),
// and sets each footnote at the foot of the page that carries its
// reference. fpdf (codeberg.org/go-pdf/fpdf) is used only as the PDF
// serialiser: pages, text at a position, rules, the outline, metadata and
// font embedding.
//
// Layout runs in two passes. The first turns the model into pages of
// drawing operations in points (layout.go, blocks.go, table.go); the second
// replays them into fpdf (write.go). Keeping the passes apart lets the
// paginator look ahead (keep-with-next, widows, footnote room) without
// undoing drawing, and makes the output depend on the model alone, so two
// writes of one document give the same bytes.
//
// The typeface is Liberation Serif from package fonts, metric-compatible
// with the Times New Roman that ND30 prescribes; all measuring uses
// [fonts.Width], so the line breaks match the glyph advances embedded in
// the file.
package pdf
