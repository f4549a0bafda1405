// Package watch owns the noticing of changes to a build's input files for
// watch mode: it watches a set of files (a workbook, the files of a template
// folder), lets a burst of file-system events settle, and reports which of
// those files changed, one call per burst. It survives editors and office
// suites that save by writing a temporary file and renaming it over the
// original, because it watches the files' parent directories and filters
// events by name rather than watching the files themselves.
package watch
