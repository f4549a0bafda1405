package tmpl

import (
	"errors"
	"strings"

	"baocao/internal/lazyre"
	"baocao/internal/msg"
)

// text/template's own messages are Go's English. The ones a template's
// author meets most are told in the reader's language too: each pattern
// matches Go's text and its key, whose English is that text again, says
// it in the catalogue's words. Any other message stays Go's.
var goDetails = []struct {
	re  *lazyre.Regexp
	key string
}{
	{lazyre.New(`^missing value for (.+)$`), "missing value for %s"},
	{lazyre.New(`^function ("[^"]*") not defined$`), "function %s not defined"},
	{lazyre.New(`^template ("[^"]*") not defined$`), "template %s not defined"},
	{lazyre.New(`^unclosed action$`), "unclosed action"},
	{lazyre.New(`^unclosed left paren$`), "unclosed left paren"},
	{lazyre.New(`^unexpected \{\{(end|else)\}\}$`), "unexpected {{%s}}"},
	{lazyre.New(`^unterminated quoted string$`), "unterminated quoted string"},
	{lazyre.New(`^undefined variable ("[^"]*")$`), "undefined variable %s"},
	{lazyre.New(`^unexpected (.+) in operand$`), "unexpected %s in operand"},
	{lazyre.New(`^unexpected EOF$`), "unexpected EOF"},
	{lazyre.New(`^wrong number of args for (\S+): want (\d+) got (\d+)$`), "wrong number of args for %s: want %s got %s"},
	{lazyre.New(`^can't evaluate field (\S+) in type (.+)$`), "can't evaluate field %s in type %s"},
}

// goDetail is Go's message s as a msg.Text when it is one of goDetails,
// else s itself.
func goDetail(s string) any {
	for _, d := range goDetails {
		if args := d.re.Args(s); args != nil {
			if t := msg.Sprintf(d.key, args...); t.String() == s {
				return t
			}
		}
	}
	return s
}

// parseError is a syntax error of text/template, "report.md:11: missing
// value for if", its message told in the reader's language when it can be.
func parseError(name, text string) error {
	if rest, ok := strings.CutPrefix(text, name+":"); ok {
		if i := strings.Index(rest, ": "); i >= 0 {
			if err := msg.Errorf("%s: %s", name+":"+rest[:i], goDetail(rest[i+2:])); err.Error() == text {
				return err
			}
		}
	}
	return errors.New(text)
}

// execError is an error of text/template while filling, that calls none
// of the template's functions: `report.md:1:3: executing "report.md" at
// <fact>: wrong number of args for fact: want 1 got 0`.
var execFrame = lazyre.New(`^(.*?): executing ("[^"]*") at <(.*?)>: (.*)$`)

func goExecError(text string) error {
	if m := execFrame.FindStringSubmatch(text); m != nil {
		if err := msg.Errorf("%s: executing %s at <%s>: %s", m[1], m[2], m[3], goDetail(m[4])); err.Error() == text {
			return err
		}
	}
	return errors.New(text)
}
