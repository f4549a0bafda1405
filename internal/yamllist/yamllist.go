// Package yamllist reads the YAML files of a template folder that are
// lists of definitions (kiem-tra.yaml, phu-luc.yaml): each item is decoded
// into a struct and remembers its line, so that a mistake is reported at
// the line the user wrote.
package yamllist

import (
	"errors"
	"fmt"
	"io/fs"
	"path"

	"go.yaml.in/yaml/v3"
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
// what describes an item for the message when src is not a list.
func Decode[T any](name string, src []byte, what string, check func(item *T, line int) error) ([]T, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	list := doc.Content[0]
	if list.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s:%d: expected a list of %s", name, list.Line, what)
	}
	var out []T
	for _, item := range list.Content {
		var v T
		if err := item.Decode(&v); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, item.Line, err)
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
