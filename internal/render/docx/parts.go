package docx

import (
	"time"

	"baocao/internal/docmodel"
)

const (
	ctMain      = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	ctStyles    = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
	ctSettings  = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
	ctFontTable = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
	ctFootnotes = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
	ctHeader    = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
	ctCore      = "application/vnd.openxmlformats-package.core-properties+xml"
	ctApp       = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
	ctRels      = "application/vnd.openxmlformats-package.relationships+xml"

	relOD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

// Part names, in the order they are written to the zip. [Content_Types].xml
// comes first: some consumers sniff it at the start of the archive.
const (
	partContentTypes = "[Content_Types].xml"
	partRels         = "_rels/.rels"
	partCore         = "docProps/core.xml"
	partApp          = "docProps/app.xml"
	partDocument     = "word/document.xml"
	partStyles       = "word/styles.xml"
	partSettings     = "word/settings.xml"
	partFontTable    = "word/fontTable.xml"
	partFootnotes    = "word/footnotes.xml"
	partHeaderPage   = "word/header1.xml"
	partHeaderFirst  = "word/header2.xml"
	partDocRels      = "word/_rels/document.xml.rels"
)

func contentTypesXML(png bool) []byte {
	var b buf
	b.WriteString(xmlHeader)
	b.open("Types", "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")
	if png {
		b.empty("Default", "Extension", "png", "ContentType", ctPNG)
	}
	b.empty("Default", "Extension", "rels", "ContentType", ctRels)
	b.empty("Default", "Extension", "xml", "ContentType", "application/xml")
	for _, o := range [][2]string{
		{partDocument, ctMain}, {partStyles, ctStyles}, {partSettings, ctSettings},
		{partFontTable, ctFontTable}, {partFootnotes, ctFootnotes},
		{partHeaderPage, ctHeader}, {partHeaderFirst, ctHeader},
		{partCore, ctCore}, {partApp, ctApp},
	} {
		b.empty("Override", "PartName", "/"+o[0], "ContentType", o[1])
	}
	b.close("Types")
	return b.Bytes()
}

func relsXML(rels [][3]string) []byte {
	var b buf
	b.WriteString(xmlHeader)
	b.open("Relationships", "xmlns", nsRel)
	for _, r := range rels {
		b.empty("Relationship", "Id", r[0], "Type", r[1], "Target", r[2])
	}
	b.close("Relationships")
	return b.Bytes()
}

func packageRelsXML() []byte {
	return relsXML([][3]string{
		{"rId1", relOD + "officeDocument", partDocument},
		{"rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", partCore},
		{"rId3", relOD + "extended-properties", partApp},
	})
}

func documentRelsXML(d *docmodel.Document) []byte {
	rels := [][3]string{
		{ridStyles, relOD + "styles", "styles.xml"},
		{ridSettings, relOD + "settings", "settings.xml"},
		{ridFontTable, relOD + "fontTable", "fontTable.xml"},
		{ridFootnotes, relOD + "footnotes", "footnotes.xml"},
		{ridHeaderPage, relOD + "header", "header1.xml"},
		{ridHeaderFirst, relOD + "header", "header2.xml"},
	}
	for _, im := range docImages(d) {
		if im.img != nil {
			rels = append(rels, [3]string{im.rid, relOD + "image", im.part})
		}
	}
	return relsXML(rels)
}

// coreXML holds the document properties. Dates come from the model, never
// the clock, so the same input always gives the same file.
func coreXML(m docmodel.Meta) []byte {
	var b buf
	b.WriteString(xmlHeader)
	b.open("cp:coreProperties",
		"xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
		"xmlns:dc", "http://purl.org/dc/elements/1.1/",
		"xmlns:dcterms", "http://purl.org/dc/terms/",
		"xmlns:dcmitype", "http://purl.org/dc/dcmitype/",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
	for _, e := range [][2]string{
		{"dc:title", m.Title}, {"dc:subject", m.Subject}, {"dc:creator", m.Author},
		{"cp:keywords", m.Keywords}, {"dc:language", m.Language},
	} {
		if e[1] != "" {
			b.elem(e[0], e[1])
		}
	}
	if !m.Date.IsZero() {
		d := m.Date.UTC().Format(time.RFC3339)
		for _, tag := range []string{"dcterms:created", "dcterms:modified"} {
			b.open(tag, "xsi:type", "dcterms:W3CDTF")
			b.text(d)
			b.close(tag)
		}
	}
	b.close("cp:coreProperties")
	return b.Bytes()
}

func appXML(m docmodel.Meta) []byte {
	var b buf
	b.WriteString(xmlHeader)
	b.open("Properties",
		"xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
		"xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes")
	b.elem("Application", "baocao")
	b.elem("DocSecurity", "0")
	if m.Author != "" {
		b.elem("Company", m.Author)
	}
	b.elem("LinksUpToDate", "false")
	b.elem("SharedDoc", "false")
	b.elem("HyperlinksChanged", "false")
	b.close("Properties")
	return b.Bytes()
}

// settingsXML names the footnote separators (Word insists on seeing them
// here as well as in footnotes.xml) and pins the compatibility mode so
// Word 2013+ lays the file out without its legacy quirks.
func settingsXML() []byte {
	var b buf
	b.WriteString(xmlHeader)
	b.open("w:settings", "xmlns:w", nsW, "xmlns:r", nsR)
	b.empty("w:zoom", "w:percent", "100")
	b.empty("w:defaultTabStop", "w:val", "720")
	b.empty("w:characterSpacingControl", "w:val", "doNotCompress")
	b.open("w:footnotePr")
	b.empty("w:footnote", "w:id", "-1")
	b.empty("w:footnote", "w:id", "0")
	b.close("w:footnotePr")
	b.open("w:compat")
	b.empty("w:compatSetting", "w:name", "compatibilityMode",
		"w:uri", "http://schemas.microsoft.com/office/word", "w:val", "15")
	b.close("w:compat")
	b.empty("w:themeFontLang", "w:val", "vi-VN")
	b.empty("w:decimalSymbol", "w:val", ",")
	b.empty("w:listSeparator", "w:val", ";")
	b.close("w:settings")
	return b.Bytes()
}

func fontTableXML(face string) []byte {
	var b buf
	b.WriteString(xmlHeader)
	b.open("w:fonts", "xmlns:w", nsW)
	b.open("w:font", "w:name", face)
	if face == "Times New Roman" {
		// Lets Word and LibreOffice pick a metric-compatible substitute
		// (Liberation Serif) where Times New Roman is not installed.
		b.empty("w:panose1", "w:val", "02020603050405020304")
		b.empty("w:charset", "w:val", "00")
		b.empty("w:family", "w:val", "roman")
	} else {
		b.empty("w:family", "w:val", "auto")
	}
	b.empty("w:pitch", "w:val", "variable")
	b.close("w:font")
	b.close("w:fonts")
	return b.Bytes()
}

// headerXML is the header of every page but the first of each section:
// the PAGE field, centred in the top margin (ND30 Phụ lục I Mục I).
// firstPage gives the empty header of the first page instead.
func headerXML(firstPage bool) []byte {
	var b buf
	b.WriteString(xmlHeader)
	b.open("w:hdr", "xmlns:w", nsW, "xmlns:r", nsR)
	b.open("w:p")
	b.pPr(pProps{style: stHeader})
	if !firstPage {
		fld := func(typ string) {
			b.open("w:r")
			b.empty("w:fldChar", "w:fldCharType", typ)
			b.close("w:r")
		}
		fld("begin")
		b.open("w:r")
		b.open("w:instrText", "xml:space", "preserve")
		b.text(" PAGE ")
		b.close("w:instrText")
		b.close("w:r")
		fld("separate")
		// The cached result a consumer shows before it updates fields.
		b.open("w:r")
		b.open("w:rPr")
		b.empty("w:noProof")
		b.close("w:rPr")
		b.elem("w:t", "2")
		b.close("w:r")
		fld("end")
	}
	b.close("w:p")
	b.close("w:hdr")
	return b.Bytes()
}
