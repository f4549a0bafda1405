// Package pdf writes a [docmodel.Document] as a PDF laid out per Nghị định
// 30/2020/NĐ-CP, without a word processor in between.
//
// The package owns the whole page layout: it breaks lines itself, places
// every word at a computed x, paginates with its own rules (headings kept
// with the next lines, no single widow or orphan line where another break
// exists, table header rows repeated, the closing block kept whole), and
// sets each footnote at the foot of the page that carries its reference.
//
// Layout runs in two passes. The first turns the model into pages of
// drawing operations in points (layout.go, blocks.go, table.go); the second
// replays them into content streams and writes the file (write.go,
// serial.go, xmp.go). Keeping the passes apart lets the paginator look
// ahead (keep-with-next, widows, footnote room) without undoing drawing,
// and makes the output depend on the model alone, so two writes of one
// document give the same bytes.
//
// The serialiser is our own, not a PDF library. Until 2026-12 fpdf
// (codeberg.org/go-pdf/fpdf v0.12.0) wrote the file, and it was the source
// of most interop defects: PDF 1.3, /Count 0 on outline items with
// children (pdfcpu validate -m strict fails), no trailer /ID, no XMP, no
// subset tag, an empty /Names /EmbeddedFiles tree, no /PageLabels; and of
// 79% of the time of a write (profile of the Thạch An PDF: font handling,
// re-parsing the TTF per document, a new zlib writer per stream).
// signintech/gopdf v0.33.0 has the same gaps (no XMP, no /PageLabels, /ID
// only with encryption, font names without a subset tag). With layout
// already placing every glyph, what is left is small: PDF 1.7 objects,
// Type 0 / CIDFontType2 fonts addressed by glyph index with a ToUnicode
// map, the outline, page labels, Info and XMP. Fonts are parsed once per
// process and their subsets (package fonts) and compressed programs are
// cached per glyph set; zlib writers (klauspost/compress) are pooled. Each
// page stream is compressed on a second goroutine as soon as the page is
// drawn; once the last one is, the writer's goroutine compresses the font
// programs and then shares the pages still waiting, and the second one
// takes the fonts left after its pages, so a write uses two compressors;
// [Prepare] runs those two once ahead, on a core that would wait, so that
// the first write does not pay for their fresh memory. In a build the two
// cores are already busy from the PDF's start to its last stream (the
// DOCX and XLSX run beside it), so layout and drawing stay on one
// goroutine. docs/pdf.md records the measurements and the XMP fields.
//
// Tagged PDF (a structure tree) is not written. With this serialiser it
// costs marked-content sequences (BDC/EMC with MCIDs) around each op group
// in the content streams, which the layout already groups by block, plus
// a StructTreeRoot with a ParentTree: roughly 300 lines here and a block
// kind carried on each op, no new dependency.
//
// The typeface is Liberation Serif from package fonts, metric-compatible
// with the Times New Roman that ND30 prescribes; all measuring uses
// [fonts.Width], so the line breaks match the glyph advances embedded in
// the file.
package pdf
