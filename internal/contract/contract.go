// Package contract reads a template's data contract, du-lieu.yaml beside
// report.md: what the workbook must hold for the template to print right.
// It declares the facts (key, type, unit, whether required, a Vietnamese
// description and an example) and the tables (sheet, key column, and each
// column with its kind: how it aggregates over the rows of a period or of
// the units).
//
//	thong_tin:
//	  - khoa: ten_don_vi
//	    kieu: van-ban          # van-ban | dien-giai | so-nguyen | so | phan-tram | ngay
//	    bat_buoc: true
//	    mo_ta: Tên đơn vị như viết trong câu
//	    vi_du: phường Sa Đéc
//	bang:
//	  - ten: TTHC             # the sheet
//	    khoa: Năm             # the key column's header
//	    cot:
//	      - {ten: Trực tuyến, loai: luong}                   # a flow: summed
//	      - {ten: Từ kỳ trước, loai: dau-ky}                 # opening stock: the first row
//	      - {ten: Đang giải quyết, loai: cuoi-ky}            # closing stock: the last row
//	      - {ten: Tổng số, loai: tong, thanh_phan: [Trực tuyến, Từ kỳ trước]}  # the sum of other columns
//	      - {ten: Tỷ lệ trực tuyến, loai: ty-le, tu: Trực tuyến, mau: Tổng số} # recomputed, never summed
//	      - {ten: Ghi chú, loai: van-ban}                    # text: no total
//
// A contract is checked when the template loads (a column named twice, a
// rate without its parts, a part that is not a column of the table: an
// error at its line) and a dataset is checked against it before anything
// else runs (a missing sheet or column, a value of the wrong type, a
// required fact left blank: a finding naming the cell). Totals over rows
// follow the column kinds (Total), so an appendix's total row, the body and
// the checks cannot disagree about what a period's total is.
package contract

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"baocao/internal/appendix"
	"baocao/internal/dataset"
	"baocao/internal/figures"
	"baocao/internal/msg"
	"baocao/internal/yamllist"
)

// FileName is the contract file inside a template folder.
const FileName = "du-lieu.yaml"

// Fact types (kieu).
const (
	Text      = "van-ban"   // a name, a number with its symbol ("76/NQ-CP")
	Narrative = "dien-giai" // paragraphs the officer writes each period
	Integer   = "so-nguyen"
	Number    = "so"
	Percent   = "phan-tram"
	Date      = "ngay"
)

var types = []string{Text, Narrative, Integer, Number, Percent, Date}

// Column kinds (loai): how a column aggregates over rows.
const (
	Flow    = "luong"   // summed: files received, cases resolved
	Opening = "dau-ky"  // the first row's: files carried in
	Closing = "cuoi-ky" // the last row's: files pending at the end
	Sum     = "tong"    // the sum of other columns (thanh_phan), each by its own kind
	Rate    = "ty-le"   // tu / mau, recomputed from their totals
	Label   = "van-ban" // text: no total
)

var kinds = []string{Flow, Opening, Closing, Sum, Rate, Label}

// Contract is a template's du-lieu.yaml.
type Contract struct {
	Facts  []Fact  `yaml:"thong_tin"`
	Tables []Table `yaml:"bang"`
	// Trees are the indicator sheets (Mã | Nội dung | Điểm tối đa | …).
	Trees []Tree `yaml:"chi_so"`
	// Derived are the derived figures (chỉ tiêu), in an order where each
	// comes after those it reads.
	Derived []Derived `yaml:"chi_tieu"`
	// Consolidation makes the template a consolidating one (tong_hop).
	Consolidation *Consolidation `yaml:"tong_hop"`
	file          string
}

// Derived is a declared derived figure: a name, what it means, and its
// formula in the language of package figures.
type Derived struct {
	Name        string `yaml:"ten"`
	Description string `yaml:"mo_ta"`
	Formula     string `yaml:"cong_thuc"`
	line        int
	expr        *figures.Expr
}

// Tree is a declared indicator sheet.
type Tree struct {
	Sheet       string `yaml:"ten"`
	Description string `yaml:"mo_ta"`
	line        int
}

// Fact is one declared fact.
type Fact struct {
	// Heading, alone on an entry, groups the facts below it for the
	// reader of the fact sheet ("Lĩnh vực 1: …"); it declares nothing.
	Heading     string `yaml:"nhom"`
	Key         string `yaml:"khoa"`
	Type        string `yaml:"kieu"`
	Unit        string `yaml:"don_vi"`
	Required    bool   `yaml:"bat_buoc"`
	Description string `yaml:"mo_ta"`
	Example     string `yaml:"vi_du"`
	// Values lists the allowed values of a text fact, if any.
	Values []string `yaml:"gia_tri"`
	line   int
}

// Table is one declared table sheet.
type Table struct {
	Sheet       string   `yaml:"ten"`
	Key         string   `yaml:"khoa"`
	Description string   `yaml:"mo_ta"`
	Columns     []Column `yaml:"cot"`
	line        int
}

// Column is one declared column of a table.
type Column struct {
	Name        string   `yaml:"ten"`
	Kind        string   `yaml:"loai"`
	Type        string   `yaml:"kieu"` // so-nguyen (default for flows and stocks), so, phan-tram
	Unit        string   `yaml:"don_vi"`
	Parts       []string `yaml:"thanh_phan"` // Sum
	Num         string   `yaml:"tu"`         // Rate
	Den         string   `yaml:"mau"`        // Rate
	Description string   `yaml:"mo_ta"`
	line        int
	// folded and foldedLast are the folds of Name and of its last part
	// (after the last "/"), made once by Parse: every lookup of a column
	// by name compares them, and folding every name again at each lookup
	// was most of the time of the checks (issue 14).
	folded, foldedLast string
}

// folds are the column's folded name and last part, made now for a
// Column that Parse did not read.
func (c *Column) folds() (full, last string) {
	if c.folded == "" && c.Name != "" {
		full = fold(c.Name)
		if i := strings.LastIndexByte(c.Name, '/'); i >= 0 {
			return full, fold(c.Name[i+1:])
		}
		return full, full
	}
	return c.folded, c.foldedLast
}

// Load reads dir/du-lieu.yaml from disk; a template without one has no
// contract (nil, nil).
func Load(dir string) (*Contract, error) {
	return LoadFS(os.DirFS(dir), ".", filepath.Join(dir, FileName))
}

// LoadFS reads dir/du-lieu.yaml from fsys; name is used in messages.
func LoadFS(fsys fs.FS, dir, name string) (*Contract, error) {
	src, found, err := yamllist.ReadFS(fsys, dir, FileName)
	if err != nil || !found {
		return nil, err
	}
	return Parse(name, src)
}

// Parse reads a contract.
func Parse(name string, src []byte) (*Contract, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, msg.Errorf("%s: %w", name, yamllist.Explain(err))
	}
	c := &Contract{file: name}
	if len(doc.Content) == 0 {
		return c, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, msg.Errorf("%s:%d: expected the keys thong_tin (facts), bang (tables), chi_so (indicator sheets) and chi_tieu (derived figures)", name, root.Line)
	}
	if err := yamllist.Strict(name, root, reflect.TypeOf(*c)); err != nil {
		return nil, err
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i].Value, root.Content[i+1]
		if key == "tong_hop" {
			var ct Consolidation
			if err := val.Decode(&ct); err != nil {
				return nil, msg.Errorf("%s:%d: tong_hop: %w", name, val.Line, yamllist.Explain(err))
			}
			ct.line = val.Line
			c.Consolidation = &ct
			continue
		}
		if val.Kind != yaml.SequenceNode {
			return nil, msg.Errorf("%s:%d: %s: expected a list, each item starting with \"- \"", name, val.Line, key)
		}
		for _, item := range val.Content {
			var err error
			switch key {
			case "thong_tin":
				var f Fact
				if err = item.Decode(&f); err == nil {
					f.line = item.Line
					c.Facts = append(c.Facts, f)
				}
			case "tong_hop":
				// a mapping, not a list: decoded below
			case "chi_tieu":
				var d Derived
				if err = item.Decode(&d); err == nil {
					d.line = item.Line
					c.Derived = append(c.Derived, d)
				}
			case "chi_so":
				var t Tree
				if err = item.Decode(&t); err == nil {
					t.line = item.Line
					c.Trees = append(c.Trees, t)
				}
			case "bang":
				var t Table
				if err = item.Decode(&t); err == nil {
					t.line = item.Line
					for j, cn := range item.Content {
						if cn.Value == "cot" && j+1 < len(item.Content) {
							for k, col := range item.Content[j+1].Content {
								if k < len(t.Columns) {
									t.Columns[k].line = col.Line
								}
							}
						}
					}
					for k := range t.Columns {
						col := &t.Columns[k]
						col.folded, col.foldedLast = col.folds()
					}
					c.Tables = append(c.Tables, t)
				}
			}
			if err != nil {
				return nil, msg.Errorf("%s: %w", name, yamllist.Explain(err)) // the library names the line
			}
		}
	}
	return c, c.validate()
}

// errorAt is an error at a line of du-lieu.yaml; format is a key of the
// msg catalogue.
func (c *Contract) errorAt(line int, format string, args ...any) error {
	return msg.Errorf("%s:%d: %s", c.file, line, msg.Sprintf(format, args...))
}

func oneOf(v string, list []string) bool {
	for _, x := range list {
		if v == x {
			return true
		}
	}
	return false
}

func fold(s string) string { return dataset.FoldKey(s) }

func (c *Contract) validate() error {
	seen := map[string]int{}
	for _, f := range c.Facts {
		if f.Heading != "" {
			if f.Key != "" || f.Type != "" {
				return c.errorAt(f.line, "nhom %q stands alone: a heading over the facts that follow, without khoa or kieu", f.Heading)
			}
			continue
		}
		if strings.TrimSpace(f.Key) == "" {
			return c.errorAt(f.line, "a fact needs khoa (its key)")
		}
		if !oneOf(f.Type, types) {
			return c.errorAt(f.line, "fact %s: kieu %q: expected one of %s", f.Key, f.Type, strings.Join(types, ", "))
		}
		if l, dup := seen[fold(f.Key)]; dup {
			return c.errorAt(f.line, "fact %s is declared twice (first at line %d)", f.Key, l)
		}
		seen[fold(f.Key)] = f.line
	}
	sheets := map[string]int{}
	for ti := range c.Tables {
		t := &c.Tables[ti]
		if strings.TrimSpace(t.Sheet) == "" || strings.TrimSpace(t.Key) == "" {
			return c.errorAt(t.line, "a table needs ten (its sheet) and khoa (the header of its key column)")
		}
		if l, dup := sheets[fold(t.Sheet)]; dup {
			return c.errorAt(t.line, "table %q is declared twice (first at line %d)", t.Sheet, l)
		}
		sheets[fold(t.Sheet)] = t.line
		cols := map[string]*Column{}
		for i := range t.Columns {
			col := &t.Columns[i]
			if strings.TrimSpace(col.Name) == "" {
				return c.errorAt(col.line, "table %q: a column needs ten", t.Sheet)
			}
			if !oneOf(col.Kind, kinds) {
				return c.errorAt(col.line, "column %q: loai %q: expected one of %s", col.Name, col.Kind, strings.Join(kinds, ", "))
			}
			if col.Type != "" && !oneOf(col.Type, []string{Integer, Number, Percent}) {
				return c.errorAt(col.line, "column %q: kieu %q: expected so-nguyen, so or phan-tram", col.Name, col.Type)
			}
			if _, dup := cols[fold(col.Name)]; dup {
				return c.errorAt(col.line, "table %q: column %q is declared twice", t.Sheet, col.Name)
			}
			cols[fold(col.Name)] = col
		}
		for i := range t.Columns {
			col := &t.Columns[i]
			need := func(role, name string) error {
				if strings.TrimSpace(name) == "" {
					return c.errorAt(col.line, "column %q (%s) needs %s", col.Name, col.Kind, role)
				}
				if _, ok := t.column(name); !ok {
					return c.errorAt(col.line, "column %q: %s %q is not a column of table %q", col.Name, role, name, t.Sheet)
				}
				return nil
			}
			switch col.Kind {
			case Rate:
				if err := need("tu", col.Num); err != nil {
					return err
				}
				if err := need("mau", col.Den); err != nil {
					return err
				}
			case Sum:
				if len(col.Parts) == 0 {
					return c.errorAt(col.line, "column %q (tong) needs thanh_phan, the columns it adds", col.Name)
				}
				for _, p := range col.Parts {
					if err := need("thanh_phan", p); err != nil {
						return err
					}
				}
			default:
				if col.Num != "" || col.Den != "" || len(col.Parts) > 0 {
					return c.errorAt(col.line, "column %q: tu, mau and thanh_phan belong to ty-le and tong columns", col.Name)
				}
			}
		}
		if err := t.cycles(c); err != nil {
			return err
		}
	}
	if err := c.validateDerived(); err != nil {
		return err
	}
	return c.validateConsolidation()
}

func (c *Contract) validateConsolidation() error {
	ct := c.Consolidation
	if ct == nil {
		return nil
	}
	if strings.TrimSpace(ct.UnitTemplate) == "" || strings.TrimSpace(ct.NameFact) == "" {
		return c.errorAt(ct.line, "tong_hop needs mau_don_vi (the unit template) and ten_don_vi (the fact naming a unit)")
	}
	switch ct.OnError {
	case "", "bo-qua", "dung":
	default:
		return c.errorAt(ct.line, "tong_hop.khi_loi %q: expected bo-qua (leave the unit out, listed as missing) or dung (stop)", ct.OnError)
	}
	seen := map[string]bool{}
	for _, col := range ct.Columns {
		if strings.TrimSpace(col.Name) == "" {
			return c.errorAt(ct.line, "tong_hop: a column needs ten")
		}
		if seen[fold(col.Name)] {
			return c.errorAt(ct.line, "tong_hop: column %q is declared twice", col.Name)
		}
		seen[fold(col.Name)] = true
		if !oneOf(col.Kind, kinds) && col.Kind != "" {
			return c.errorAt(ct.line, "tong_hop: column %q: loai %q: expected one of %s", col.Name, col.Kind, strings.Join(kinds, ", "))
		}
		if col.Kind == Rate {
			if col.Num == "" || col.Den == "" {
				return c.errorAt(ct.line, "tong_hop: column %q (ty-le) needs tu_so and mau_so, two columns of the table", col.Name)
			}
			continue
		}
		if col.From == "" {
			return c.errorAt(ct.line, "tong_hop: column %q needs tu (a fact or chỉ tiêu of the unit)", col.Name)
		}
	}
	if ct.RankBy != "" && !seen[fold(ct.RankBy)] {
		return c.errorAt(ct.line, "tong_hop.xep_hang %q: not a column of tong_hop.cot", ct.RankBy)
	}
	for _, col := range ct.Columns {
		if col.Kind == Rate && (!seen[fold(col.Num)] || !seen[fold(col.Den)]) {
			return c.errorAt(ct.line, "tong_hop: column %q: tu_so and mau_so must be columns of the table", col.Name)
		}
	}
	return nil
}

// validateDerived parses every chỉ tiêu and checks what it reads: each
// name is a declared fact or another chỉ tiêu, each table and column is
// declared (when the contract declares any), and no chỉ tiêu depends on
// itself. The order of the file is kept for evaluation, so a chỉ tiêu may
// only read those above it.
func (c *Contract) validateDerived() error {
	facts := map[string]bool{}
	for _, f := range c.Facts {
		if f.Key != "" {
			facts[fold(f.Key)] = true
		}
	}
	seen := map[string]bool{}
	for i := range c.Derived {
		d := &c.Derived[i]
		if strings.TrimSpace(d.Name) == "" || strings.TrimSpace(d.Formula) == "" {
			return c.errorAt(d.line, "a chỉ tiêu needs ten and cong_thuc")
		}
		if seen[fold(d.Name)] {
			return c.errorAt(d.line, "chỉ tiêu %s is declared twice", d.Name)
		}
		if facts[fold(d.Name)] {
			return c.errorAt(d.line, "chỉ tiêu %s has the name of a fact; give it another", d.Name)
		}
		e, err := figures.Parse(d.Formula)
		if err != nil {
			return c.errorAt(d.line, "chỉ tiêu %s: %v", d.Name, err)
		}
		for _, n := range e.Names() {
			switch {
			case seen[fold(n)]:
			case fold(n) == fold(d.Name):
				return c.errorAt(d.line, "chỉ tiêu %s reads itself", d.Name)
			case c.FactDeclared(n):
			case c.derivedIndex(n) > i:
				return c.errorAt(d.line, "chỉ tiêu %s reads %s, which is defined below it; move %s above", d.Name, n, n)
			case len(facts) > 0:
				return c.errorAt(d.line, "chỉ tiêu %s reads %s, which is neither a declared fact nor a chỉ tiêu above it", d.Name, n)
			}
		}
		if len(c.Tables) > 0 {
			for _, tc := range e.Columns() {
				t, ok := c.Table(tc[0])
				if !ok {
					return c.errorAt(d.line, "chỉ tiêu %s reads table %q, which is not declared", d.Name, tc[0])
				}
				if tc[1] != "" {
					if _, ok := t.column(tc[1]); !ok {
						return c.errorAt(d.line, "chỉ tiêu %s reads column %q of table %q, which is not declared", d.Name, tc[1], tc[0])
					}
				}
			}
		}
		d.expr = e
		seen[fold(d.Name)] = true
	}
	return nil
}

func (c *Contract) derivedIndex(name string) int {
	for i, d := range c.Derived {
		if fold(d.Name) == fold(name) {
			return i
		}
	}
	return -1
}

// FactDeclared reports whether the contract declares the fact key.
func (c *Contract) FactDeclared(key string) bool {
	_, ok := c.FactDecl(key)
	return ok
}

// column finds a declared column by its name, or by its last part ("Tổng
// số" of "Số hồ sơ nhận / Tổng số") when only one column ends so, as the
// dataset's tables match their columns.
func (t *Table) column(name string) (*Column, bool) {
	want := fold(name)
	var byPart []*Column
	for i := range t.Columns {
		c := &t.Columns[i]
		full, last := c.folds()
		if full == want {
			return c, true
		}
		if last == want {
			byPart = append(byPart, c)
		}
	}
	if len(byPart) == 1 {
		return byPart[0], true
	}
	return nil, false
}

// cycles refuses a tong or ty-le column that depends on itself.
func (t *Table) cycles(c *Contract) error {
	state := map[*Column]int{}
	var visit func(col *Column) error
	visit = func(col *Column) error {
		switch state[col] {
		case 1:
			return c.errorAt(col.line, "column %q depends on itself through its parts", col.Name)
		case 2:
			return nil
		}
		state[col] = 1
		deps := col.Parts
		if col.Kind == Rate {
			deps = []string{col.Num, col.Den}
		}
		for _, d := range deps {
			if dc, ok := t.column(d); ok {
				if err := visit(dc); err != nil {
					return err
				}
			}
		}
		state[col] = 2
		return nil
	}
	for i := range t.Columns {
		if err := visit(&t.Columns[i]); err != nil {
			return err
		}
	}
	return nil
}

// Table returns the declared table of a sheet.
func (c *Contract) Table(sheet string) (*Table, bool) {
	if c == nil {
		return nil, false
	}
	for i := range c.Tables {
		if fold(c.Tables[i].Sheet) == fold(sheet) {
			return &c.Tables[i], true
		}
	}
	return nil, false
}

// Column returns the declared column of a table by name (or last part).
func (t *Table) Column(name string) (*Column, bool) { return t.column(name) }

// Line is the line of the declaration in du-lieu.yaml.
func (c *Column) Line() int { return c.line }

// factCalls returns, for every match of the regexp \bfact\s+"([^"]+)"
// in src, the start of the match and the start and end of the key, as
// FindAllSubmatchIndex would. The regexp opens with \b, which keeps Go's
// matcher from skipping ahead to the literal "fact", so it ran over every
// byte of every template file at each load; this scan jumps from one
// "fact" to the next. TestFactCalls compares the two.
func factCalls(src []byte) [][3]int {
	var out [][3]int
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte("fact"))
		if j < 0 {
			return out
		}
		start := i + j
		i = start + 1
		if start > 0 && isWordByte(src[start-1]) {
			continue
		}
		k := start + 4
		ws := k
		for k < len(src) && (src[k] == ' ' || src[k] == '\t' || src[k] == '\n' || src[k] == '\f' || src[k] == '\r') {
			k++
		}
		if k == ws || k >= len(src) || src[k] != '"' {
			continue
		}
		q := bytes.IndexByte(src[k+1:], '"')
		if q <= 0 { // no closing quote, or an empty key
			continue
		}
		out = append(out, [3]int{start, k + 1, k + 1 + q})
		i = k + 2 + q
	}
}

// isWordByte is \w of RE2: an ASCII letter, digit or underscore.
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// CheckTemplate reports a fact that the template file src (named name in
// messages) reads by a literal key, {{ fact "kt_xa" }}, but the contract
// does not declare: a misspelt key is a template error at its line, not a
// blank in one report out of a hundred. A contract that declares no fact
// checks nothing.
func (c *Contract) CheckTemplate(name string, src []byte) error {
	if c == nil {
		return nil
	}
	declared := map[string]bool{}
	for _, f := range c.Facts {
		if f.Key != "" {
			declared[fold(f.Key)] = true
		}
	}
	if len(declared) == 0 {
		return nil
	}
	for _, m := range factCalls(src) {
		key := string(src[m[1]:m[2]])
		if !declared[fold(key)] {
			line := 1 + bytes.Count(src[:m[0]], []byte("\n"))
			return msg.Errorf("%s:%d: fact %q is not declared in %s; declare it there (khoa, kieu, mo_ta) or correct the key", name, line, key, c.file)
		}
	}
	return nil
}

// FactDecl returns the declaration of a fact.
func (c *Contract) FactDecl(key string) (Fact, bool) {
	if c != nil {
		for _, f := range c.Facts {
			if f.Key != "" && fold(f.Key) == fold(key) {
				return f, true
			}
		}
	}
	return Fact{}, false
}

// IsHeading reports whether text is one of the contract's group headings
// (nhom): a fact sheet repeats them as rows without a value.
func (c *Contract) IsHeading(text string) bool {
	if c != nil {
		for _, f := range c.Facts {
			if f.Heading != "" && fold(f.Heading) == fold(text) {
				return true
			}
		}
	}
	return false
}

// CheckAppendices refuses, at load, an appendix total row over a table the
// contract does not declare, or over a column it does not declare: with a
// contract, every total follows a declared kind. A contract that declares
// no table checks nothing.
func (c *Contract) CheckAppendices(defs []appendix.Def) error {
	if c == nil || len(c.Tables) == 0 {
		return nil
	}
	for _, d := range defs {
		if d.Total == "" {
			continue
		}
		t, ok := c.Table(d.Sheet)
		if !ok {
			return msg.Errorf("%s: phụ lục %s has a total row (dong_tong) over table %q, which %s does not declare; declare it with the kinds of its columns", d.File(), d.Number, d.Sheet, c.file)
		}
		for _, n := range d.DataColumns() {
			if _, ok := t.column(n); !ok {
				return msg.Errorf("%s: phụ lục %s: column %q of table %q is not declared in %s", d.File(), d.Number, n, d.Sheet, c.file)
			}
		}
	}
	return nil
}

// Consolidation is the tong_hop section of a consolidating template's
// contract: the unit template whose workbooks it reads, the fact that
// names a unit, what a failing unit does, the per-unit columns and the
// unit tables added up across units.
type Consolidation struct {
	// UnitTemplate is the unit template's name (a built-in one or a
	// folder of the data directory).
	UnitTemplate string `yaml:"mau_don_vi"`
	NameFact     string `yaml:"ten_don_vi"`
	// OnError: bo-qua leaves a failing unit out and lists it as missing;
	// dung stops the build.
	OnError string        `yaml:"khi_loi"`
	Columns []UnitsColumn `yaml:"cot"`
	Tables  []string      `yaml:"bang"`
	// RankBy ranks the units by a column (xep_hang): a column "Xếp
	// hạng", highest first, ties alike (đồng hạng).
	RankBy string `yaml:"xep_hang"`
	line   int
}

// UnitsColumn is a column of the one-row-per-unit table: a unit's fact
// or chỉ tiêu (tu), with its kind across units.
type UnitsColumn struct {
	Name string `yaml:"ten"`
	From string `yaml:"tu"`
	Kind string `yaml:"loai"`
	// Num and Den: a ty-le column recomputed from two columns of the
	// table, per unit and over all units.
	Num string `yaml:"tu_so"`
	Den string `yaml:"mau_so"`
}
