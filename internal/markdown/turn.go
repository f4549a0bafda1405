package markdown

import (
	"bytes"
	"fmt"
	"regexp"

	"baocao/internal/docmodel"
	"baocao/internal/msg"
)

// A landscape part of the body is a fenced div, in the syntax of pandoc
// and of most Markdown editors' "container" extensions:
//
//	::: ngang
//	| Đơn vị | … a table too wide for a portrait page … |
//	:::
//
// The fences become docmodel.SectionBreak blocks around what they hold.
// goldmark does not parse fenced divs, so the fence lines are found here
// and blanked before it reads the text.
var (
	fenceOpen  = regexp.MustCompile(`^ {0,3}:{3,}\s*(\S.*?)\s*$`)
	fenceClose = regexp.MustCompile(`^ {0,3}:{3,}\s*$`)
)

// fence is one fence line: its 0-based line index and whether it opens.
type fence struct {
	line int
	open bool
}

// fences finds the fence lines of src and returns src with each of them
// replaced by spaces (so byte offsets, which the source marks use, and line
// numbers stay), and the fences in order. A fence must open with "ngang"
// (or "{.ngang}"), close what it opened, not nest, and hold something.
func fences(src []byte, opt Options) ([]byte, []fence, error) {
	if !bytes.Contains(src, []byte(":::")) {
		return src, nil, nil
	}
	var out []byte
	var fs []fence
	at := func(i int) string { return fmt.Sprintf("%s:%d", opt.File, opt.FirstLine+i) }
	start, open, openAt := 0, false, 0
	for i := 0; start <= len(src); i++ {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		line := src[start:end]
		isFence := false
		switch {
		case fenceClose.Match(line):
			if !open {
				return nil, nil, msg.Errorf(`%s: ":::" closes nothing; a landscape part opens with "::: ngang"`, at(i))
			}
			if len(bytes.TrimSpace(src[openAt:start])) == 0 {
				return nil, nil, msg.Errorf(`%s: the landscape part "::: ngang" of line %d holds nothing`, at(i), opt.FirstLine+fs[len(fs)-1].line)
			}
			open, isFence = false, true
			fs = append(fs, fence{line: i})
		case fenceOpen.Match(line):
			name := string(fenceOpen.FindSubmatch(line)[1])
			if name != "ngang" && name != "{.ngang}" {
				return nil, nil, msg.Errorf(`%s: unknown block "::: %s"; the only one is "::: ngang" (a landscape part of the body), closed by ":::"`, at(i), name)
			}
			if open {
				return nil, nil, msg.Errorf(`%s: "::: ngang" inside a landscape part; close the first with ":::"`, at(i))
			}
			open, isFence, openAt = true, true, end
			fs = append(fs, fence{line: i, open: true})
		}
		if isFence {
			if out == nil {
				out = append([]byte(nil), src...)
			}
			for k := start; k < end; k++ {
				out[k] = ' '
			}
		}
		start = end + 1
	}
	if open {
		return nil, nil, msg.Errorf(`%s: "::: ngang" is never closed; end the landscape part with a line ":::"`, at(fs[len(fs)-1].line))
	}
	if out == nil {
		return src, nil, nil
	}
	return out, fs, nil
}

// turn appends the section break of a fence. The headings right before a
// landscape part go over with it: left at the foot of the portrait page
// they would be cut off from the table they title.
func turn(blocks []docmodel.Block, landscape bool) []docmodel.Block {
	at := len(blocks)
	if landscape {
		for at > 0 {
			if _, ok := blocks[at-1].(*docmodel.Heading); !ok {
				break
			}
			at--
		}
	}
	blocks = append(blocks, nil)
	copy(blocks[at+1:], blocks[at:])
	blocks[at] = &docmodel.SectionBreak{Landscape: landscape}
	return blocks
}
