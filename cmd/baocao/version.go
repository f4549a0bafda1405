package main

import (
	"baocao/internal/msg"
	"io"
	"runtime/debug"
)

const versionUsage = msg.UsageVersion

// printVersion writes what the build info says about this binary.
func printVersion(w io.Writer) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		tr.Fprintf(w, "baocao: no build information in this binary\n")
		return
	}
	writeVersion(w, bi)
}

func writeVersion(w io.Writer, bi *debug.BuildInfo) {
	v := bi.Main.Version
	if v == "" || v == "(devel)" {
		v = tr.Sprintf("(development build)")
	}
	tr.Fprintf(w, "baocao version %s\n", v)
	var rev, when, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev != "" {
		if modified == "true" {
			tr.Fprintf(w, "  revision: %s (with uncommitted changes)\n", rev)
		} else {
			tr.Fprintf(w, "  revision: %s\n", rev)
		}
	} else {
		tr.Fprintf(w, "  revision: unknown (not recorded in the build)\n")
	}
	if when != "" {
		tr.Fprintf(w, "  commit time: %s\n", when)
	}
	tr.Fprintf(w, "  Go: %s\n", bi.GoVersion)
}
