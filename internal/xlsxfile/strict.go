package xlsxfile

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The small parts of the package (the relationships, workbook.xml and
// styles.xml) were decoded with encoding/xml, which on a real workbook
// costs more than reading every sheet with the scanner: its reflection,
// a namespace map copied at each element (styles.xml declares fifty), a
// token and an attribute slice per element. They are read here by
// strictWalk instead, which accepts only what encoding/xml accepts and
// gives each element the attributes encoding/xml would (names and
// namespaces resolved the same way, values decoded the same way). Any
// part it is not sure of (a syntax error, a CDATA section, an entity or
// a name outside the plain forms, a character encoding other than UTF-8)
// is left to encoding/xml, so that every error, and its message, is what
// it was; FuzzStrictParts compares the two on mutated parts.

// xmlAttr is an attribute of an element as encoding/xml's Token gives it:
// space is the namespace its prefix names, or the prefix itself when no
// declaration in scope names one ("" without a prefix); value is raw, its
// references checked but not decoded (see text).
type xmlAttr struct {
	space []byte
	local []byte
	value []byte
}

// text is the attribute's value decoded as encoding/xml decodes it.
func (a *xmlAttr) text() string {
	if bytes.IndexByte(a.value, '&') < 0 {
		return string(a.value)
	}
	b, _ := decodeRefs(nil, a.value)
	return string(b)
}

// xmlNS is a namespace declaration in scope: prefix names uri within the
// element at depth.
type xmlNS struct {
	prefix, uri []byte
	depth       int
}

const (
	xmlnsPrefix = "xmlns"
	xmlPrefix   = "xml"
	xmlURL      = "http://www.w3.org/XML/1998/namespace"
	// strictDepth bounds the elements' nesting; encoding/xml stops at
	// 10,000 levels of what it decodes, and no part nests a tenth of this.
	strictDepth = 256
)

// strictWalk reads data as encoding/xml's Decoder.Decode reads a document
// into a struct: up to the end of its root element, the prolog before it
// and the elements within it checked as encoding/xml checks them (names,
// attribute syntax, references, characters, matching end tags). It calls
// start for each start element with the local names of its ancestors and
// its own (path[0] is the root's) and its attributes. It returns false,
// having stopped, where encoding/xml would fail or where it is not sure
// that encoding/xml would read the same, and when start returns false.
func strictWalk(data []byte, start func(path [][]byte, attrs []xmlAttr) bool) bool {
	var (
		pos   int
		open  [][]byte // the qualified names of the open elements
		path  [][]byte // their local names
		ns    []xmlNS
		attrs []xmlAttr
	)
	// The prolog: white space, comments and the XML declaration.
	for {
		for pos < len(data) && isSpace(data[pos]) {
			pos++
		}
		rest := data[pos:]
		switch {
		case len(rest) == 0 || rest[0] != '<':
			// No root element, or text before it.
			return false
		case bytes.HasPrefix(rest, []byte("<!--")):
			n, ok := commentEnd(rest)
			if !ok {
				return false
			}
			pos += n
			continue
		case bytes.HasPrefix(rest, []byte("<?")):
			if !bytes.HasPrefix(rest, []byte("<?xml")) {
				return false // a processing instruction other than the declaration
			}
			n, ok := declaration(rest)
			if !ok {
				return false
			}
			pos += n
			continue
		}
		break
	}
	for {
		rest := data[pos:]
		if len(rest) == 0 {
			return false // the part ends before its root element does
		}
		if rest[0] != '<' {
			n := bytes.IndexByte(rest, '<')
			if n < 0 {
				return false
			}
			if !checkContent(rest[:n], false) {
				return false
			}
			pos += n
			continue
		}
		if len(rest) < 2 {
			return false
		}
		switch rest[1] {
		case '!':
			if !bytes.HasPrefix(rest, []byte("<!--")) {
				return false // CDATA, or a declaration
			}
			n, ok := commentEnd(rest)
			if !ok {
				return false
			}
			pos += n
			continue
		case '?':
			return false
		case '/':
			n := nameEnd(rest[2:])
			name := rest[2 : 2+n]
			if n == 0 || len(open) == 0 || !bytes.Equal(name, open[len(open)-1]) {
				return false
			}
			i := 2 + n
			for i < len(rest) && isSpace(rest[i]) {
				i++
			}
			if i >= len(rest) || rest[i] != '>' {
				return false
			}
			pos += i + 1
			for len(ns) > 0 && ns[len(ns)-1].depth == len(open) {
				ns = ns[:len(ns)-1]
			}
			open, path = open[:len(open)-1], path[:len(path)-1]
			if len(open) == 0 {
				return true // the root's end: encoding/xml reads no further
			}
			continue
		}
		// A start tag.
		n := nameEnd(rest[1:])
		name := rest[1 : 1+n]
		_, local, ok := splitName(name)
		if !ok || len(open) >= strictDepth {
			return false
		}
		i := 1 + n
		attrs = attrs[:0]
		empty := false
		for {
			for i < len(rest) && isSpace(rest[i]) {
				i++
			}
			if i >= len(rest) {
				return false
			}
			if rest[i] == '/' {
				if i+1 >= len(rest) || rest[i+1] != '>' {
					return false
				}
				empty = true
				i += 2
				break
			}
			if rest[i] == '>' {
				i++
				break
			}
			an := nameEnd(rest[i:])
			prefix, alocal, ok := splitName(rest[i : i+an])
			if !ok {
				return false
			}
			i += an
			for i < len(rest) && isSpace(rest[i]) {
				i++
			}
			if i >= len(rest) || rest[i] != '=' {
				return false
			}
			i++
			for i < len(rest) && isSpace(rest[i]) {
				i++
			}
			if i >= len(rest) || rest[i] != '"' && rest[i] != '\'' {
				return false
			}
			q := rest[i]
			end := bytes.IndexByte(rest[i+1:], q)
			if end < 0 {
				return false
			}
			val := rest[i+1 : i+1+end]
			if bytes.IndexByte(val, '<') >= 0 || bytes.IndexByte(val, '\r') >= 0 || !checkContent(val, true) {
				return false
			}
			i += 1 + end + 1
			attrs = append(attrs, xmlAttr{space: prefix, local: alocal, value: val})
		}
		pos += i
		depth := len(open) + 1
		// Declarations apply to the element's own attributes, so they
		// are taken first, as encoding/xml does.
		for _, a := range attrs {
			if string(a.space) == xmlnsPrefix {
				if string(a.local) == xmlnsPrefix || string(a.local) == xmlPrefix {
					return false
				}
				uri := a.value
				if bytes.IndexByte(uri, '&') >= 0 {
					uri, _ = decodeRefs(nil, uri)
				}
				ns = append(ns, xmlNS{prefix: a.local, uri: uri, depth: depth})
			}
		}
		for k := range attrs {
			a := &attrs[k]
			switch string(a.space) {
			case "", xmlnsPrefix:
			case xmlPrefix:
				a.space = []byte(xmlURL)
			default:
				for j := len(ns) - 1; j >= 0; j-- {
					if bytes.Equal(ns[j].prefix, a.space) {
						a.space = ns[j].uri
						break
					}
				}
			}
		}
		open, path = append(open, name), append(path, local)
		if !start(path, attrs) {
			return false
		}
		if empty {
			for len(ns) > 0 && ns[len(ns)-1].depth == len(open) {
				ns = ns[:len(ns)-1]
			}
			open, path = open[:len(open)-1], path[:len(path)-1]
			if len(open) == 0 {
				return true
			}
		}
	}
}

// nameEnd is the length of the name at the start of b, as far as
// encoding/xml reads a name: up to a byte that is not one of a name's
// ASCII bytes (a byte of a multi-byte character is read on, then refused
// by splitName).
func nameEnd(b []byte) int {
	for i, c := range b {
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == ':' || c == '.' || c == '-' || c >= utf8.RuneSelf) {
			return i
		}
	}
	return len(b)
}

// splitName splits a qualified name into its prefix and local name; ok is
// false unless both (or the local name alone) are plain ASCII names, which
// encoding/xml reads the same way.
func splitName(name []byte) (prefix, local []byte, ok bool) {
	plain := func(s []byte) bool {
		if len(s) == 0 || !('A' <= s[0] && s[0] <= 'Z' || 'a' <= s[0] && s[0] <= 'z' || s[0] == '_') {
			return false
		}
		for _, c := range s[1:] {
			if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '-') {
				return false
			}
		}
		return true
	}
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		prefix, local = name[:i], name[i+1:]
		return prefix, local, plain(prefix) && plain(local)
	}
	return nil, name, plain(name)
}

// commentEnd is the length of the comment at the start of b; ok is false
// when it does not end, or holds "--", which encoding/xml refuses.
func commentEnd(b []byte) (int, bool) {
	i := bytes.Index(b[4:], []byte("--"))
	if i < 0 || 4+i+2 >= len(b) || b[4+i+2] != '>' {
		return 0, false
	}
	return 4 + i + 3, true
}

// declaration is the length of the XML declaration at the start of b; ok
// is false unless encoding/xml would accept it (version 1.0, UTF-8).
func declaration(b []byte) (int, bool) {
	i := len("<?xml")
	if i >= len(b) || !isSpace(b[i]) && b[i] != '?' {
		return 0, false // another processing instruction, <?xml-stylesheet …
	}
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	end := bytes.Index(b[i:], []byte("?>"))
	if end < 0 {
		return 0, false
	}
	content := string(b[i : i+end])
	if v := procInst("version", content); v != "" && v != "1.0" {
		return 0, false
	}
	if e := procInst("encoding", content); e != "" && !strings.EqualFold(e, "utf-8") {
		return 0, false
	}
	return i + end + 2, true
}

// procInst is encoding/xml's reading of a parameter of the declaration,
// copied so that this reader accepts the same declarations.
func procInst(param, s string) string {
	param = param + "="
	lenp := len(param)
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || lenp+k >= len(sub) {
			return ""
		}
		i += lenp + k + 1
		if c := sub[lenp+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}

// checkContent reports whether encoding/xml accepts raw as the text of an
// element (attr false) or an attribute value: every reference one of the
// five entities or a character reference to a character XML allows, every
// character allowed and UTF-8, and, in text, no "]]>".
func checkContent(raw []byte, attr bool) bool {
	if !attr && bytes.Contains(raw, []byte("]]>")) {
		return false
	}
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '&':
			n, ok := refEnd(raw[i:])
			if !ok {
				return false
			}
			i += n
		case c < utf8.RuneSelf:
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			i++
		default:
			r, n := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && n <= 1 || !legalChar(r) {
				return false
			}
			i += n
		}
	}
	return true
}

// refEnd is the length of the reference at the start of b; ok is false
// unless it is one encoding/xml decodes to an allowed character.
func refEnd(b []byte) (int, bool) {
	semi := bytes.IndexByte(b, ';')
	if semi < 2 || semi > 12 {
		return 0, false
	}
	switch ref := b[1:semi]; string(ref) {
	case "lt", "gt", "amp", "apos", "quot":
		return semi + 1, true
	default:
		r, ok := charRef(ref)
		return semi + 1, ok && r != 0
	}
}

// charRef reads "#65" or "#x41"; ok is false for anything else, or a
// character XML does not allow (a surrogate among them: encoding/xml
// would read it as U+FFFD).
func charRef(ref []byte) (rune, bool) {
	if len(ref) < 2 || ref[0] != '#' {
		return 0, false
	}
	digits, base := ref[1:], 10
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 || len(digits) > 8 {
		return 0, false
	}
	var n rune
	for _, c := range digits {
		var d rune
		switch {
		case '0' <= c && c <= '9':
			d = rune(c - '0')
		case base == 16 && 'a' <= c && c <= 'f':
			d = rune(c-'a') + 10
		case base == 16 && 'A' <= c && c <= 'F':
			d = rune(c-'A') + 10
		default:
			return 0, false
		}
		n = n*rune(base) + d
	}
	return n, legalChar(n)
}

// decodeRefs appends raw to buf with its references decoded; raw has
// been checked by checkContent.
func decodeRefs(buf, raw []byte) ([]byte, bool) {
	for {
		amp := bytes.IndexByte(raw, '&')
		if amp < 0 {
			return append(buf, raw...), true
		}
		buf = append(buf, raw[:amp]...)
		raw = raw[amp:]
		semi := bytes.IndexByte(raw, ';')
		if semi < 0 {
			return buf, false
		}
		switch ref := raw[1:semi]; string(ref) {
		case "lt":
			buf = append(buf, '<')
		case "gt":
			buf = append(buf, '>')
		case "amp":
			buf = append(buf, '&')
		case "apos":
			buf = append(buf, '\'')
		case "quot":
			buf = append(buf, '"')
		default:
			r, ok := charRef(ref)
			if !ok {
				return buf, false
			}
			buf = utf8.AppendRune(buf, r)
		}
		raw = raw[semi+1:]
	}
}

// attrInt is an attribute read into an int field as encoding/xml reads
// it; ok is false where encoding/xml would fail.
func attrInt(s string) (int, bool) {
	if s == "" {
		return 0, true
	}
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, strconv.IntSize)
	return int(n), err == nil
}
