package pdf

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
)

// NSND30 is the XMP namespace of the fields a document management system
// stores for an outgoing document under Nghị định 30/2020/NĐ-CP Phụ lục VI.
// The property names are Phụ lục VI's own (CodeNumber, CodeNotation,
// IssuedDate, OrganName, TypeName, Subject, Language, PageAmount,
// FullName, Position); docs/pdf.md describes them.
const NSND30 = "urn:baocao:nd30:1.0/"

// xmp is the document's metadata packet (ISO 16684-1): Dublin Core and
// the PDF schema repeating the Info dictionary, and the Phụ lục VI fields
// in the nd30 namespace. id identifies the content; the packet carries no
// clock.
func (w *writer) xmp(pages int, id []byte) []byte {
	m := w.d.Meta
	date := m.Date
	if date.IsZero() {
		date = fallbackDate
	}
	stamp := date.UTC().Format("2006-01-02T15:04:05Z")
	u := make([]byte, 16)
	copy(u, id)
	u[6] = u[6]&0x0f | 0x50 // a name-based UUID, version 5 layout
	u[8] = u[8]&0x3f | 0x80
	uuid := fmt.Sprintf("uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:])

	var b bytes.Buffer
	b.WriteString("<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">` + "\n")
	b.WriteString(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about=""` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/"` +
		` xmlns:xmp="http://ns.adobe.com/xap/1.0/"` +
		` xmlns:pdf="http://ns.adobe.com/pdf/1.3/"` +
		` xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"` +
		` xmlns:nd30="` + NSND30 + `">` + "\n")
	simple := func(name, v string) {
		if v == "" {
			return
		}
		b.WriteString("<" + name + ">")
		xml.EscapeText(&b, []byte(v))
		b.WriteString("</" + name + ">\n")
	}
	list := func(name, kind string, vs ...string) {
		n := 0
		for _, v := range vs {
			if v != "" {
				n++
			}
		}
		if n == 0 {
			return
		}
		b.WriteString("<" + name + "><rdf:" + kind + ">")
		for _, v := range vs {
			if v == "" {
				continue
			}
			if kind == "Alt" {
				b.WriteString(`<rdf:li xml:lang="x-default">`)
			} else {
				b.WriteString("<rdf:li>")
			}
			xml.EscapeText(&b, []byte(v))
			b.WriteString("</rdf:li>")
		}
		b.WriteString("</rdf:" + kind + "></" + name + ">\n")
	}
	lang := langTag(m.Language)
	simple("dc:format", "application/pdf")
	list("dc:title", "Alt", m.Title)
	list("dc:creator", "Seq", m.Author)
	list("dc:description", "Alt", m.Subject)
	list("dc:language", "Bag", lang)
	list("dc:date", "Seq", date.UTC().Format("2006-01-02"))
	simple("pdf:Keywords", m.Keywords)
	simple("pdf:Producer", "baocao")
	simple("xmp:CreatorTool", "baocao")
	simple("xmp:CreateDate", stamp)
	simple("xmp:ModifyDate", stamp)
	simple("xmp:MetadataDate", stamp)
	simple("xmpMM:DocumentID", uuid)
	simple("xmpMM:InstanceID", uuid)

	simple("nd30:CodeNumber", m.Number)
	simple("nd30:CodeNotation", m.Notation)
	if !m.Date.IsZero() {
		simple("nd30:IssuedDate", m.Date.Format("2006-01-02"))
	}
	simple("nd30:OrganName", m.Author)
	simple("nd30:TypeName", m.Kind)
	simple("nd30:Subject", m.Title)
	simple("nd30:Language", lang)
	simple("nd30:PageAmount", strconv.Itoa(pages))
	simple("nd30:FullName", m.Signer)
	list("nd30:Position", "Seq", m.Positions...)
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n")
	// Room for an editor to grow the packet in place (ISO 16684-1, 7.3).
	for range 20 {
		b.WriteString("                                                                                                   \n")
	}
	b.WriteString(`<?xpacket end="w"?>`)
	return b.Bytes()
}
