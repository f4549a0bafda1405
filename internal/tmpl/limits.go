package tmpl

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"text/template"
	"text/template/parse"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"

	"baocao/internal/dataset"
	"baocao/internal/docmodel"
	"baocao/internal/msg"
	"baocao/internal/vnfmt"
)

// Limits bound what filling a template may cost. text/template has no
// bound of its own: {{ range 1000000000000 }}{{ end }} runs for days and
// {{ $s = print $s $s }} in a loop fills memory, so every loop and every
// template call is counted (an action injected into the parse tree, see
// instrument), the output goes through a writer that stops at a size, and
// the functions that build strings check their size first.
type Limits struct {
	// Size is the largest report.md read, in bytes.
	Size int64
	// Output is the most text one filling may produce, front matter and
	// body together, in bytes; also the largest string print and printf
	// may build.
	Output int64
	// Steps is how many range iterations and template calls one filling
	// may take.
	Steps int64
	// Time is how long one filling may run.
	Time time.Duration
}

// DefaultLimits: the built-in reports are 20 and 91 KB of template that
// fill to 22 and 85 KB in 83 and 141 steps and under 0.2 s, so
// each limit is far above any real report and far below what would
// exhaust a machine's memory or a user's patience.
var DefaultLimits = Limits{
	Size:   2 << 20, // 2 MiB
	Output: 4 << 20, // 4 MiB, about 1,500 pages
	Steps:  1_000_000,
	Time:   10 * time.Second,
}

// MaxDecimals is the most decimals fixed prints: a float64 holds 15 to 17
// significant digits, so more only pads with zeros.
const MaxDecimals = vnfmt.MaxDecimals

// LimitError is a template that exceeds one of its Limits.
type LimitError struct {
	Limit string // "size", "output", "steps", "time", "decimals"
	Msg   msg.Text
}

func (e *LimitError) Error() string { return e.Msg.String() }

// Localize says the error in lang.
func (e *LimitError) Localize(lang language.Tag) string { return e.Msg.Localize(lang) }

// Format prints the error in the language of a msg printer.
func (e *LimitError) Format(s fmt.State, verb rune) { msg.Format(s, verb, e) }

// budget is what one filling has used of its limits.
type budget struct {
	lim      Limits
	steps    int64
	output   int64
	deadline time.Time
	// cells are where the facts and cells fetched lately came from, so
	// that a front-matter value the report cannot use names its cell.
	cells []dataset.Loc
	// keyCells are the cells of each dotted front-matter key.
	keyCells map[string][]dataset.Loc
	// sources are the sources of the figures printed, indexed by their
	// marks (see mark).
	sources []docmodel.Source
}

func newBudget(lim Limits) *budget {
	return &budget{lim: lim, deadline: time.Now().Add(lim.Time)}
}

// step counts one loop iteration or template call.
func (b *budget) step() (string, error) {
	b.steps++
	if b.steps > b.lim.Steps {
		return "", &LimitError{"steps", msg.Sprintf("the template takes more than %d steps (loop iterations and template calls; the limit is there to stop a loop that never ends)", b.lim.Steps)}
	}
	if time.Now().After(b.deadline) {
		return "", &LimitError{"time", msg.Sprintf("filling the template takes longer than %v (the limit is there to stop a loop that never ends)", b.lim.Time)}
	}
	return "", nil
}

// rangeOver checks what a range is about to iterate over: a count larger
// than the steps left fails at once instead of after the whole budget.
func (b *budget) rangeOver(x any) (any, error) {
	v := reflect.ValueOf(x)
	for v.IsValid() && (v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer) && !v.IsNil() {
		v = v.Elem()
	}
	n := int64(0)
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n = v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if v.Uint() > uint64(b.lim.Steps) {
			n = b.lim.Steps + 1
		} else {
			n = int64(v.Uint())
		}
	case reflect.Slice, reflect.Array, reflect.Map, reflect.String:
		n = int64(v.Len())
	case reflect.Func, reflect.Chan:
		return nil, msg.Errorf("range over a %s is not supported in a report", v.Kind())
	}
	if left := b.lim.Steps - b.steps; n > left {
		return nil, &LimitError{"steps", msg.Sprintf("range over %d items: more than the %d steps left of the limit of %d (loop iterations and template calls)", n, max(left, 0), b.lim.Steps)}
	}
	return x, nil
}

// limitedWriter stops the template once the budget's output is spent:
// text/template aborts execution on a write error.
type limitedWriter struct {
	w io.Writer
	b *budget
}

func (l limitedWriter) Write(p []byte) (int, error) {
	l.b.output += int64(len(p))
	if l.b.output > l.b.lim.Output {
		return 0, l.b.outputError()
	}
	return l.w.Write(p)
}

func (b *budget) outputError() error {
	return &LimitError{"output", msg.Sprintf("the filled template is larger than %s (the limit is there to stop a loop that prints without end)", size(b.lim.Output))}
}

func size(n int64) msg.Text {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return msg.Sprintf("%d MiB", n>>20)
	}
	return msg.Sprintf("%d bytes", n)
}

// Names of the functions instrument injects; execError leaves them out of
// messages, which then point at the line of the range or template.
const (
	stepFunc  = "baocao_step"
	rangeFunc = "baocao_range"
)

// instrument adds a step to every range body and to the start of every
// template (a template call), and passes what every range ranges over
// through rangeOver.
func instrument(t *template.Template) {
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		tr := tt.Tree
		tr.Root.Nodes = append([]parse.Node{stepAction(tr, tr.Root.Pos, 0)}, tr.Root.Nodes...)
		walk(tr, tr.Root)
	}
}

func walk(tr *parse.Tree, n parse.Node) {
	switch v := n.(type) {
	case *parse.ListNode:
		if v == nil {
			return
		}
		for _, c := range v.Nodes {
			walk(tr, c)
		}
	case *parse.IfNode:
		walk(tr, v.List)
		walk(tr, v.ElseList)
	case *parse.WithNode:
		walk(tr, v.List)
		walk(tr, v.ElseList)
	case *parse.RangeNode:
		walk(tr, v.List)
		walk(tr, v.ElseList)
		if v.Pipe != nil {
			v.Pipe.Cmds = append(v.Pipe.Cmds, &parse.CommandNode{NodeType: parse.NodeCommand, Pos: v.Pos,
				Args: []parse.Node{parse.NewIdentifier(rangeFunc).SetTree(tr).SetPos(v.Pos)}})
		}
		if v.List != nil {
			v.List.Nodes = append([]parse.Node{stepAction(tr, v.Pos, v.Line)}, v.List.Nodes...)
		}
	}
}

func stepAction(tr *parse.Tree, pos parse.Pos, line int) *parse.ActionNode {
	return &parse.ActionNode{NodeType: parse.NodeAction, Pos: pos, Line: line, Pipe: &parse.PipeNode{NodeType: parse.NodePipe, Pos: pos, Line: line,
		Cmds: []*parse.CommandNode{{NodeType: parse.NodeCommand, Pos: pos, Args: []parse.Node{parse.NewIdentifier(stepFunc).SetTree(tr).SetPos(pos)}}}}}
}

// printFuncs replace text/template's print, printf and println: the same
// output, but a string larger than the output limit is refused before it
// is built ({{ $s = print $s $s }} doubles a string each time), and so is
// a printf width or precision beyond 1000 ({{ printf "%0999999999d" 1 }}
// would build a gigabyte).
func (b *budget) printFuncs() template.FuncMap {
	check := func(n int64) error {
		if n > b.lim.Output {
			return b.outputError()
		}
		return nil
	}
	return template.FuncMap{
		"print": func(args ...any) (string, error) {
			if err := check(argsSize(args)); err != nil {
				return "", err
			}
			return fmt.Sprint(args...), nil
		},
		"println": func(args ...any) (string, error) {
			if err := check(argsSize(args) + int64(len(args))); err != nil {
				return "", err
			}
			return fmt.Sprintln(args...), nil
		},
		"printf": func(format string, args ...any) (string, error) {
			verbs, err := checkFormat(format)
			if err != nil {
				return "", err
			}
			largest := int64(0)
			for _, a := range args {
				largest = max(largest, argSize(a))
			}
			// Each verb prints one argument (explicit indexes may repeat
			// one), at most 1000 wide.
			if err := check(int64(len(format)) + int64(verbs)*(largest+1000)); err != nil {
				return "", err
			}
			return fmt.Sprintf(format, args...), nil
		},
	}
}

func argsSize(args []any) int64 {
	n := int64(0)
	for _, a := range args {
		n += argSize(a) + 1
	}
	return n
}

// argSize is about the length of a printed argument.
func argSize(a any) int64 {
	v := reflect.ValueOf(a)
	if v.Kind() == reflect.String {
		return int64(v.Len())
	}
	return int64(len(fmt.Sprint(a)))
}

// checkFormat counts the verbs of a printf format and refuses widths and
// precisions beyond 1000 and "*" (a width taken from an argument).
func checkFormat(f string) (int, error) {
	verbs := 0
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		i++
		if i < len(f) && f[i] == '%' {
			continue
		}
		verbs++
		num := 0
		for ; i < len(f); i++ {
			c := f[i]
			switch {
			case c >= '0' && c <= '9':
				num = num*10 + int(c-'0')
				if num > 1000 {
					return 0, &LimitError{"output", msg.Sprintf("printf %q: a width or precision above 1000", f)}
				}
				continue
			case c == '*':
				return 0, msg.Errorf("printf %q: a width or precision taken from an argument (*) is not supported", f)
			case c == '.' || c == '[' || c == ']' || strings.IndexByte("+-# ", c) >= 0:
				num = 0
				continue
			}
			break
		}
		if i < len(f) {
			_, n := utf8.DecodeRuneInString(f[i:])
			i += n - 1
		}
	}
	return verbs, nil
}

// ReadFile reads a template file of fsys: only a regular file (a FIFO or a
// device would block or never end) and at most limit bytes. Template files
// are small, so a larger one is a mistake, or a file that is not a
// template.
func ReadFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	return readOpened(name, info, limit, func() (io.ReadCloser, error) { return fsys.Open(name) })
}

// readPath is ReadFile for a path of the operating system.
func readPath(path string, limit int64) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	return readOpened(path, info, limit, func() (io.ReadCloser, error) { return os.Open(path) })
}

func readOpened(name string, info fs.FileInfo, limit int64, open func() (io.ReadCloser, error)) ([]byte, error) {
	if !info.Mode().IsRegular() {
		return nil, msg.Errorf("%s is not a regular file (%s); a template file must be an ordinary file", name, kind(info.Mode()))
	}
	if info.Size() > limit {
		return nil, sizeError(name, info.Size(), limit)
	}
	f, err := open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, sizeError(name, int64(len(data)), limit)
	}
	return data, nil
}

func sizeError(name string, n, limit int64) error {
	return &LimitError{"size", msg.Sprintf("%s is %d bytes, more than the limit of %s for a template file", name, n, size(limit))}
}

func kind(m fs.FileMode) any {
	switch {
	case m.IsDir():
		return msg.Word("a folder")
	case m&fs.ModeNamedPipe != 0:
		return msg.Word("a named pipe")
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return msg.Word("a device")
	case m&fs.ModeSocket != 0:
		return msg.Word("a socket")
	}
	return m.Type().String()
}

// IsLimit reports whether err is a template exceeding one of its limits.
func IsLimit(err error) bool {
	var le *LimitError
	return errors.As(err, &le)
}

// LimitFS is fsys whose every file read is a template file read: only
// regular files, at most limit bytes. Loading a template through it keeps a
// FIFO or /dev/zero among its files (kiem-tra.yaml, phu-luc.yaml,
// du-lieu.yaml) from blocking or exhausting memory, whoever reads them.
func LimitFS(fsys fs.FS, limit int64) fs.FS { return limitFS{fsys, limit} }

type limitFS struct {
	fsys  fs.FS
	limit int64
}

func (l limitFS) Open(name string) (fs.File, error) {
	info, err := fs.Stat(l.fsys, name)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		if !info.Mode().IsRegular() {
			return nil, msg.Errorf("%s is not a regular file (%s); a template file must be an ordinary file", name, kind(info.Mode()))
		}
		if info.Size() > l.limit {
			return nil, sizeError(name, info.Size(), l.limit)
		}
	}
	return l.fsys.Open(name)
}

func (l limitFS) ReadFile(name string) ([]byte, error) { return ReadFile(l.fsys, name, l.limit) }
