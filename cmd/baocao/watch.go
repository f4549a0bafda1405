package main

import (
	"context"
	"io"
	"path/filepath"
	"time"

	"baocao/internal/build"
	"baocao/internal/dataset"
	"baocao/internal/diff"
	"baocao/internal/watch"
)

// watchDebounce lets an editor finish saving (write, rename, touch)
// before the build reads the files.
var watchDebounce = 300 * time.Millisecond

// watchBuild builds once, then again whenever the workbook or a file of the
// template changes, printing the figures that changed since the last build.
// A broken save (a half-written workbook, a template error) is reported and
// the next save is awaited; it never stops the watch.
func watchBuild(ctx context.Context, tmplDir, data, out, name string, stdout, stderr io.Writer) error {
	var prev *dataset.Dataset
	once := func() {
		jobs, err := makeJobs(tmplDir, data, out, name)
		if err != nil {
			printError(stderr, err)
			return
		}
		j := jobs[0]
		if prev != nil {
			changes := diff.Data(prev, j.Data)
			if len(changes) == 0 {
				tr.Fprintf(stdout, "no figure changed\n")
			} else {
				tr.Fprintf(stdout, "%d figure(s) changed:\n", len(changes))
				for _, c := range changes {
					tr.Fprintf(stdout, "  %s\n", c)
				}
			}
		}
		if err := runJob(j, stdout, stderr); err != nil {
			printError(stderr, err)
			return
		}
		prev = j.Data
	}
	once()
	paths := []string{data}
	for _, f := range build.TemplateFiles {
		paths = append(paths, filepath.Join(tmplDir, f))
	}
	tr.Fprintf(stdout, "watching %s and %s (Ctrl+C to stop)\n", data, tmplDir)
	return watch.Watch(ctx, paths, watchDebounce, func([]string) { once() })
}
