// Package yamllist reads the YAML files of a template folder that are
// lists of definitions (kiem-tra.yaml, phu-luc.yaml): each item is decoded
// into a struct and remembers its line, so that a mistake is reported at
// the line the user wrote.
package yamllist

import (
	"errors"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"baocao/internal/msg"
)

// ReadFS reads dir/file from fsys; found is false when the file does not
// exist, which is not an error: the template simply has none.
func ReadFS(fsys fs.FS, dir, file string) (src []byte, found bool, err error) {
	src, err = fs.ReadFile(fsys, path.Join(dir, file))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	return src, err == nil, err
}

// Decode reads src, named name in messages, as a YAML list and decodes each
// item into a T; check, when not nil, validates an item given its line.
// what describes an item for the message when src is not a list (a
// string, or a msg.Word told in the reader's language).
func Decode[T any](name string, src []byte, what any, check func(item *T, line int) error) ([]T, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, msg.Errorf("%s: %w", name, Explain(err))
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	list := doc.Content[0]
	if list.Kind != yaml.SequenceNode {
		return nil, msg.Errorf("%s:%d: expected a list of %s", name, list.Line, what)
	}
	var out []T
	for _, item := range list.Content {
		var v T
		if err := Strict(name, item, reflect.TypeOf(v)); err != nil {
			return nil, err
		}
		if err := item.Decode(&v); err != nil {
			return nil, msg.Errorf("%s: %w", name, Explain(err)) // the library names the line
		}
		if check != nil {
			if err := check(&v, item.Line); err != nil {
				return nil, err
			}
		}
		out = append(out, v)
	}
	return out, nil
}

// Strict reports the first mapping key of n that the Go type t does not
// declare (by its yaml tags), at its line. yaml.v3 ignores unknown keys
// when decoding a Node, and a template author's typo, or a comma that YAML
// flow syntax reads as a separator ({nhan: Cán bộ, công chức cấp xã}),
// then loses text without a word.
func Strict(name string, n *yaml.Node, t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch n.Kind {
	case yaml.DocumentNode, yaml.AliasNode:
		for _, c := range n.Content {
			if err := Strict(name, c, t); err != nil {
				return err
			}
		}
		if n.Alias != nil {
			return Strict(name, n.Alias, t)
		}
	case yaml.SequenceNode:
		if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
			for _, c := range n.Content {
				if err := Strict(name, c, t.Elem()); err != nil {
					return err
				}
			}
		}
	case yaml.MappingNode:
		switch t.Kind() {
		case reflect.Map:
			for i := 1; i < len(n.Content); i += 2 {
				if err := Strict(name, n.Content[i], t.Elem()); err != nil {
					return err
				}
			}
		case reflect.Struct:
			fields := yamlFields(t)
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				ft, ok := fields[k.Value]
				if !ok {
					known := make([]string, 0, len(fields))
					for f := range fields {
						known = append(known, f)
					}
					sort.Strings(known)
					if n.Style&yaml.FlowStyle != 0 {
						return msg.Errorf("%s:%d: unknown key %q (expected one of %s); in {…} a comma separates keys, so quote a text that holds one", name, k.Line, k.Value, strings.Join(known, ", "))
					}
					return msg.Errorf("%s:%d: unknown key %q (expected one of %s)", name, k.Line, k.Value, strings.Join(known, ", "))
				}
				if err := Strict(name, n.Content[i+1], ft); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// fieldsOf caches yamlFields by type: a contract checks a struct of the
// same few types for each of its hundreds of items.
var fieldsOf sync.Map // reflect.Type → map[string]reflect.Type

// yamlFields are the keys a struct type declares by its yaml tags, with
// their types; the map is shared and must not be changed.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	if f, ok := fieldsOf.Load(t); ok {
		return f.(map[string]reflect.Type)
	}
	fields := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if tag == "" || tag == "-" || !f.IsExported() {
			continue
		}
		fields[tag] = f.Type
	}
	fieldsOf.Store(t, fields)
	return fields
}
