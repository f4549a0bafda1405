// Package docx writes a [docmodel.Document] as a Word document (.docx,
// WordprocessingML, ISO/IEC 29500 Transitional), laid out as Nghị định
// 30/2020/NĐ-CP prescribes.
//
// The package owns the translation of the model into WordprocessingML and
// every visual decision the model leaves to writers: the named styles
// (one per ND30 element and per heading rung, so a user can restyle in
// Word), the borderless tables that place the header block and the
// closing block, the rules under the agency, the Tiêu ngữ and the trích
// yếu, the page-number header that skips page 1, real footnotes, and one
// section per appendix with its own page numbering. It never formats
// numbers or dates or changes case: the model's text is printed as given.
//
// It is written directly over archive/zip with escaped text, not through a
// DOCX library (none usable here writes real footnotes; see
// shared/research/deps.md §4). The output is deterministic: fixed part
// order, zip times from the document date, no rsids or random ids, so the
// same document always gives the same bytes.
package docx

import (
	"bytes"
	"io"

	"baocao/internal/docmodel"
	"baocao/internal/freelist"
	"baocao/internal/msg"
	"baocao/internal/render/zcache"
	"baocao/internal/zipdeflate"
)

// compressed keeps the parts that the documents of a batch share
// (styles, settings, headers and footers) compressed once.
var compressed = zcache.New(4 << 20)

type part struct {
	name string
	data []byte
}

// Write writes d as a .docx package to w.
func Write(w io.Writer, d *docmodel.Document) error {
	parts, err := build(d)
	if err != nil {
		return err
	}
	z := zipdeflate.NewCachedWriter(w, compressed)
	for _, p := range parts {
		f, err := z.CreateHeader(zipdeflate.Header(p.name, d.Meta.Date))
		if err != nil {
			return msg.Errorf("docx: %s: %w", p.name, err)
		}
		if _, err := f.Write(p.data); err != nil {
			return msg.Errorf("docx: %s: %w", p.name, err)
		}
	}
	err = z.Close()
	// The zip writer has copied the parts: the arrays of the two that
	// grow with the document serve the next one.
	for _, p := range parts {
		if p.name == partDocument || p.name == partFootnotes {
			bufs.Put(p.data)
		}
	}
	if err != nil {
		return msg.Errorf("docx: %w", err)
	}
	return nil
}

// The arrays of document.xml and footnotes.xml are kept in a free list:
// growing them anew by doubling for each report of a batch was a fifth
// of the DOCX writer's allocated bytes. Output does not depend on it.
var bufs = freelist.NewBytes(4, 8<<20)

// newBuf returns a buf for about size bytes, which writes into a kept
// array when there is one.
func newBuf(size int) buf { return buf{*bytes.NewBuffer(bufs.Fit(size, true))} }

// build renders every part in package order.
func build(d *docmodel.Document) ([]part, error) {
	if d == nil {
		return nil, msg.Errorf("docx: nil document")
	}
	page := normalisePage(d.Page)
	dw := &docWriter{
		d:      d,
		page:   page,
		sect:   sectProps{page: page},
		fnSeen: make([]bool, len(d.Footnotes)),
		fnNext: 1,
		b:      newBuf(documentHint(d)),
	}
	if err := dw.document(); err != nil {
		return nil, msg.Errorf("docx: %w", err)
	}
	document := dw.b.Bytes()
	footnotes, err := dw.footnotesXML()
	if err != nil {
		return nil, msg.Errorf("docx: %w", err)
	}
	parts := []part{
		{partContentTypes, contentTypesXML(hasImages(d))},
		{partRels, packageRelsXML()},
		{partCore, coreXML(d.Meta)},
		{partApp, appXML(d.Meta)},
		{partDocument, document},
		{partStyles, stylesXML(page)},
		{partSettings, settingsXML()},
		{partFontTable, fontTableXML(page.FontFamily)},
		{partFootnotes, footnotes},
		{partHeaderPage, headerXML(false)},
		{partHeaderFirst, headerXML(true)},
		{partDocRels, documentRelsXML(d)},
	}
	for _, im := range docImages(d) {
		if im.img != nil {
			parts = append(parts, part{"word/" + im.part, im.img.PNG})
		}
	}
	return parts, nil
}
