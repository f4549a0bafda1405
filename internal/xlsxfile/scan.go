package xlsxfile

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"baocao/internal/msg"
)

// scanner is a pull tokenizer for the XML of an .xlsx part. It is
// hand-written rather than encoding/xml because a worksheet of 50,000 rows
// is half a million elements: encoding/xml allocates a token, a name and
// an attribute slice for each and reads about 20 MB/s, which alone spends
// the whole read budget (issue 14). The parts are produced by programs
// and use a small subset of XML: no DTD (refused, so no entity expansion
// can happen), the five predefined entities and character references,
// comments, processing instructions and CDATA sections.
type scanner struct {
	data []byte
	pos  int
}

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokText
)

type token struct {
	kind tokKind
	// name is the local name (any namespace prefix dropped).
	name []byte
	// attrs is the raw attribute text of a start tag.
	attrs []byte
	// empty is set on a self-closing start tag (<c r="A1"/>).
	empty bool
	// text is the raw text of a text token (entities not decoded); cdata
	// marks text from a CDATA section, which has none to decode.
	text  []byte
	cdata bool
}

var errSyntax = msg.Errorf("XML syntax error")

// syntaxError is malformed XML at a byte offset of the part.
type syntaxError struct {
	off int
	msg msg.Text
}

func (e *syntaxError) Error() string { return e.Localize(msg.English) }

// Localize says the error in lang.
func (e *syntaxError) Localize(lang language.Tag) string {
	return msg.Sprintf("XML syntax error at byte %d: %s", e.off, e.msg).Localize(lang)
}
func (e *syntaxError) Unwrap() error { return errSyntax }

// fail's format is a key of the msg catalogue.
func (s *scanner) fail(format string, args ...any) error {
	return &syntaxError{off: s.pos, msg: msg.Sprintf(format, args...)}
}

// next reads one token. Comments and processing instructions are skipped.
func (s *scanner) next() (token, error) {
	for {
		if s.pos >= len(s.data) {
			return token{kind: tokEOF}, nil
		}
		if s.data[s.pos] != '<' {
			end := bytes.IndexByte(s.data[s.pos:], '<')
			if end < 0 {
				end = len(s.data) - s.pos
			}
			t := token{kind: tokText, text: s.data[s.pos : s.pos+end]}
			s.pos += end
			return t, nil
		}
		rest := s.data[s.pos:]
		if len(rest) < 2 {
			return token{}, s.fail("the part ends inside a tag")
		}
		switch rest[1] {
		case '?':
			end := bytes.Index(rest, []byte("?>"))
			if end < 0 {
				return token{}, s.fail("unterminated processing instruction")
			}
			s.pos += end + 2
			continue
		case '!':
			switch {
			case bytes.HasPrefix(rest, []byte("<!--")):
				end := bytes.Index(rest[4:], []byte("-->"))
				if end < 0 {
					return token{}, s.fail("unterminated comment")
				}
				s.pos += 4 + end + 3
				continue
			case bytes.HasPrefix(rest, []byte("<![CDATA[")):
				end := bytes.Index(rest[9:], []byte("]]>"))
				if end < 0 {
					return token{}, s.fail("unterminated CDATA section")
				}
				t := token{kind: tokText, text: rest[9 : 9+end], cdata: true}
				s.pos += 9 + end + 3
				return t, nil
			}
			// A DOCTYPE could declare entities (billion laughs, XXE);
			// no program writes one into an .xlsx.
			return token{}, s.fail("a document type declaration (<!DOCTYPE …>) is not allowed in an .xlsx part")
		case '/':
			end := bytes.IndexByte(rest, '>')
			if end < 0 {
				return token{}, s.fail("unterminated end tag")
			}
			name := rest[2:end]
			for len(name) > 0 && isSpace(name[len(name)-1]) {
				name = name[:len(name)-1]
			}
			s.pos += end + 1
			return token{kind: tokEnd, name: local(name)}, nil
		}
		// A start tag: the name runs to a space, '/' or '>'; the
		// attributes to the '>' outside quotes.
		i := 1
		for i < len(rest) && !isSpace(rest[i]) && rest[i] != '>' && rest[i] != '/' {
			i++
		}
		if i == 1 {
			return token{}, s.fail("a '<' that starts no tag")
		}
		name := rest[1:i]
		j := tagEnd(rest, i)
		if j >= len(rest) {
			return token{}, s.fail("unterminated start tag")
		}
		t := token{kind: tokStart, name: local(name), attrs: rest[i:j]}
		if j > i && rest[j-1] == '/' {
			t.empty = true
			t.attrs = rest[i : j-1]
		}
		s.pos += j + 1
		return t, nil
	}
}

// tagEnd is the index of the '>' that ends the start tag in rest whose
// attributes start at i, outside quoted values; len(rest) when there is
// none.
func tagEnd(rest []byte, i int) int {
	// The tag ends at its first '>' unless a quoted value holds one:
	// when the text before that '>' has no ' and an even number of ", it
	// is the end, found without looking at each byte (a sheet has a
	// million tags).
	k := bytes.IndexByte(rest[i:], '>')
	if k < 0 {
		return len(rest)
	}
	if seg := rest[i : i+k]; bytes.IndexByte(seg, '\'') < 0 && bytes.Count(seg, []byte{'"'})%2 == 0 {
		return i + k
	}
	j := i
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

// skip skips the rest of the element whose start tag was just read.
func (s *scanner) skip(start token) error {
	if start.empty {
		return nil
	}
	depth := 1
	for depth > 0 {
		t, err := s.next()
		if err != nil {
			return err
		}
		switch t.kind {
		case tokEOF:
			return s.fail("the part ends inside <%s>", string(start.name))
		case tokStart:
			if !t.empty {
				depth++
			}
		case tokEnd:
			depth--
		}
	}
	return nil
}

// text reads the character content of the element whose start tag was
// just read, up to its end tag, decoded; child elements are skipped.
func (s *scanner) text(start token, buf []byte) ([]byte, error) {
	buf = buf[:0]
	if start.empty {
		return buf, nil
	}
	depth := 1
	for {
		t, err := s.next()
		if err != nil {
			return nil, err
		}
		switch t.kind {
		case tokEOF:
			return nil, s.fail("the part ends inside <%s>", string(start.name))
		case tokText:
			if depth == 1 {
				if t.cdata {
					buf = append(buf, t.text...)
				} else if buf, err = unescape(buf, t.text); err != nil {
					return nil, err
				}
			}
		case tokStart:
			if !t.empty {
				depth++
			}
		case tokEnd:
			depth--
			if depth == 0 {
				return buf, nil
			}
		}
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func local(name []byte) []byte {
	// A loop: names are a few bytes, shorter than IndexByte's setup.
	for i, c := range name {
		if c == ':' {
			return name[i+1:]
		}
	}
	return name
}

// attr finds an attribute by its local name and returns its decoded value.
func attr(attrs []byte, name string) (string, bool) {
	for {
		key, val, rest, ok := nextAttr(attrs)
		if !ok {
			return "", false
		}
		if string(key) == name {
			if bytes.IndexByte(val, '&') < 0 {
				return string(val), true
			}
			b, err := unescape(nil, val)
			if err != nil {
				return "", false
			}
			return string(b), true
		}
		attrs = rest
	}
}

// unescape appends raw XML text to buf with its entity and character
// references decoded.
func unescape(buf, raw []byte) ([]byte, error) {
	for {
		amp := bytes.IndexByte(raw, '&')
		if amp < 0 {
			return append(buf, raw...), nil
		}
		buf = append(buf, raw[:amp]...)
		raw = raw[amp:]
		semi := bytes.IndexByte(raw, ';')
		if semi < 0 || semi > 12 {
			return nil, &syntaxError{msg: msg.Sprintf("a '&' that starts no entity (write &amp;)")}
		}
		ent := string(raw[1:semi])
		raw = raw[semi+1:]
		switch ent {
		case "amp":
			buf = append(buf, '&')
		case "lt":
			buf = append(buf, '<')
		case "gt":
			buf = append(buf, '>')
		case "quot":
			buf = append(buf, '"')
		case "apos":
			buf = append(buf, '\'')
		default:
			var n uint64
			var err error
			switch {
			case strings.HasPrefix(ent, "#x"):
				n, err = strconv.ParseUint(ent[2:], 16, 32)
			case strings.HasPrefix(ent, "#"):
				n, err = strconv.ParseUint(ent[1:], 10, 32)
			default:
				return nil, &syntaxError{msg: msg.Sprintf("unknown entity %s", "&"+ent+";")}
			}
			if err != nil || !legalChar(rune(n)) {
				return nil, &illegalChar{r: rune(n)}
			}
			buf = utf8.AppendRune(buf, rune(n))
		}
	}
}

// illegalChar is a character XML 1.0 does not allow (a control character
// such as U+0001), or bytes that are not UTF-8.
type illegalChar struct {
	r       rune
	badUTF8 bool
}

func (e *illegalChar) Error() string { return e.Localize(msg.English) }

// Localize says the error in lang.
func (e *illegalChar) Localize(lang language.Tag) string {
	if e.badUTF8 {
		return msg.Sprintf("text that is not valid UTF-8").Localize(lang)
	}
	return msg.Sprintf("the character U+%04X, which XML does not allow", e.r).Localize(lang)
}

func legalChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// checkText reports the first character of b XML does not allow.
func checkText(b []byte) error {
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return &illegalChar{r: rune(c)}
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return &illegalChar{badUTF8: true}
		}
		if !legalChar(r) {
			return &illegalChar{r: r}
		}
		i += n
	}
	return nil
}
