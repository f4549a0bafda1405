// Package baocao holds what the program carries inside it: the built-in
// report templates (templates/) and the sample workbooks that reproduce the
// reference reports (data/). The code lives under cmd/ and internal/.
package baocao

import (
	"embed"
	"io/fs"
)

//go:embed templates data/*.xlsx data/tong-hop-tinh/*.xlsx data/samples.yaml
var assets embed.FS

// Assets is the read-only tree of templates/ and data/.
func Assets() fs.FS { return assets }
