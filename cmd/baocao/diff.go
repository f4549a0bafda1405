package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"baocao/internal/msg"

	"baocao/internal/build"
	"baocao/internal/check"
	"baocao/internal/dataset"
	"baocao/internal/diff"
)

const diffUsage = msg.UsageDiff

func cmdDiff(args []string, stdout, stderr io.Writer) (bool, error) {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tmplDir := fs.String("template", "", tr.Sprintf("template folder, or the name of a built-in template"))
	format := fs.String("format", "text", tr.Sprintf("output format: text or json"))
	base := fs.String("data", "", tr.Sprintf("for a consolidating template: the report's own workbook (OLD and NEW are then folders of unit workbooks)"))
	files, err := parseN(fs, args, diffUsage, 2)
	if err != nil {
		return false, err
	}
	if *tmplDir == "" {
		return false, usageError{tr.Sprintf("--template is required")}
	}
	if *format != "text" && *format != "json" {
		return false, usageError{tr.Sprintf("--format %q: expected text or json", *format)}
	}
	t, err := loadTemplate(*tmplDir)
	if err != nil {
		return false, err
	}
	// A consolidating template compares two folders of unit workbooks,
	// each consolidated with the report's own workbook: which units
	// changed, which figures, and what it changed in the report.
	read := build.ReadWorkbook
	if t.Contract != nil && t.Contract.Consolidation != nil {
		if *base == "" {
			return false, usageError{tr.Sprintf("--data is required: the template consolidates, so OLD and NEW are folders of unit workbooks and --data the report's own workbook")}
		}
		read = func(folder string) (*dataset.Dataset, error) {
			j, err := consolidationJob(*tmplDir, *base, folder, "", "", io.Discard)
			if err != nil {
				return nil, err
			}
			return j.Data, nil
		}
	}
	oldDS, err := read(files[0])
	if err != nil {
		return false, err
	}
	newDS, err := read(files[1])
	if err != nil {
		return false, err
	}
	// The checks build would run on NEW: a diff of a workbook that build
	// refuses says so, with the findings, before the changes.
	rep, failing, err := t.Diff(oldDS, newDS, func() (*dataset.Dataset, error) { return read(files[0]) })
	if err != nil {
		if len(failing) == 0 {
			return false, err
		}
		// NEW cannot be built at all: its failing checks explain why.
		printFailing(stderr, failing, files[1])
		return false, err
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if rep.Changes == nil {
			rep.Changes = []diff.Change{}
		}
		if rep.Places == nil {
			rep.Places = []diff.Place{}
		}
		return !rep.Empty(), enc.Encode(rep.In(tr.Language()))
	}
	printDiff(stdout, rep, files[0], files[1])
	return !rep.Empty(), nil
}

// printFailing says that NEW fails its checks, as build would refuse it.
func printFailing(w io.Writer, findings []check.Finding, newName string) {
	tr.Fprintf(w, "%s fails %d check(s); build would refuse it until they are fixed:\n", newName, len(findings))
	for _, f := range findings {
		tr.Fprintf(w, "  %s\n", f)
	}
}

func printDiff(w io.Writer, rep *diff.Report, oldName, newName string) {
	// Labels, notes and the findings in the run's language.
	lang := tr.Language()
	rep = rep.In(lang)
	if len(rep.NewFindings) > 0 {
		printFailing(w, rep.NewFindings, newName)
		fmt.Fprintln(w)
	}
	if rep.Empty() {
		tr.Fprintf(w, "%s and %s give the same report.\n", oldName, newName)
		return
	}
	tr.Fprintf(w, "%d figure(s) changed from %s to %s:\n", len(rep.Changes), oldName, newName)
	reached := map[string]bool{}
	place := func(p diff.Place, indent string) {
		reached[p.Where+"\x00"+p.New] = true
		if p.Kind == "appendix" || (len(p.Old) < 40 && len(p.New) < 40) {
			fmt.Fprintf(w, "%s%s: %s → %s\n", indent, p.Where, orDash(p.Old), orDash(p.New))
			return
		}
		tr.Fprintf(w, "%s%s:\n%s  was: %s\n%s  now: %s\n", indent, p.Where, indent, orDash(p.Old), indent, orDash(p.New))
	}
	for _, c := range rep.Changes {
		fmt.Fprintf(w, "\n%s\n", c.Localize(lang))
		switch {
		case !c.Replayable():
			tr.Fprintf(w, "    (a row, column or sheet added or removed: see the report changes below)\n")
		case len(c.Reach) == 0:
			tr.Fprintf(w, "    (not used by the report)\n")
		}
		for _, p := range c.Reach {
			place(p, "    ")
		}
		for _, n := range c.Notes {
			tr.Fprintf(w, "    note: %s\n", n)
		}
	}
	var rest []diff.Place
	for _, p := range rep.Places {
		if !reached[p.Where+"\x00"+p.New] {
			rest = append(rest, p)
		}
	}
	if len(rest) > 0 {
		tr.Fprintf(w, "\nAlso changed in the report (from the figures together):\n")
		for _, p := range rest {
			place(p, "    ")
		}
	}
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
