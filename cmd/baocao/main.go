// Command baocao turns indicator workbooks into finished Vietnamese
// administrative reports (DOCX and PDF) laid out per Nghị định
// 30/2020/NĐ-CP.
//
// Usage:
//
//	baocao build                         build every built-in sample into output/
//	baocao build --template DIR --data FILE.xlsx [--out DIR] [--name NAME]
//	baocao validate [--template DIR --data FILE.xlsx] [--format text|json]
//	baocao diff --template DIR OLD.xlsx NEW.xlsx [--format text|json]
//	baocao help [command]
//
// Exit status: 0 on success, 1 when the data or a template is wrong (the
// message names the file, sheet and cell, or the template line), 2 on a
// usage error.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"

	"baocao"
	"baocao/internal/build"
	"baocao/internal/check"
	"baocao/internal/dataset"
	"baocao/internal/diff"
	"baocao/internal/docmodel"
	"baocao/internal/tmpl"
)

const (
	exitOK    = 0
	exitData  = 1
	exitUsage = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// usageError marks a problem with the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, mainUsage)
		return exitUsage
	}
	var err error
	switch args[0] {
	case "build":
		err = cmdBuild(args[1:], stdout, stderr)
	case "validate":
		err = cmdValidate(args[1:], stdout, stderr)
	case "diff":
		// Like diff(1): 0 nothing changed, 1 something did, 2 trouble.
		changed, err := cmdDiff(args[1:], stdout, stderr)
		var ue usageError
		switch {
		case errors.Is(err, flag.ErrHelp):
			return exitOK
		case errors.As(err, &ue):
			fmt.Fprintf(stderr, "baocao: %v\n\nRun \"baocao help diff\" for usage.\n", err)
			return exitUsage
		case err != nil:
			fmt.Fprintf(stderr, "baocao: %v\n", err)
			return exitUsage
		case changed:
			return 1
		}
		return exitOK
	case "help", "-h", "-help", "--help":
		switch {
		case len(args) > 1 && args[1] == "build":
			fmt.Fprint(stdout, buildUsage)
		case len(args) > 1 && args[1] == "validate":
			fmt.Fprint(stdout, validateUsage)
		case len(args) > 1 && args[1] == "diff":
			fmt.Fprint(stdout, diffUsage)
		default:
			fmt.Fprint(stdout, mainUsage)
		}
		return exitOK
	default:
		fmt.Fprintf(stderr, "baocao: unknown command %q\n\n%s", args[0], mainUsage)
		return exitUsage
	}
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "baocao: %v\n\nRun \"baocao help %s\" for usage.\n", err, args[0])
		return exitUsage
	case errors.Is(err, errFindings):
		return exitData
	default:
		fmt.Fprintf(stderr, "baocao: %v\n", err)
		return exitData
	}
}

const mainUsage = `baocao turns indicator workbooks (.xlsx) into Vietnamese administrative
reports (DOCX and PDF) in the layout of Nghị định 30/2020/NĐ-CP.

Usage:
  baocao build [flags]      build reports (with no flags: every built-in sample)
  baocao validate [flags]   check a workbook against a template's checks
  baocao diff [flags] OLD.xlsx NEW.xlsx
                            the figures that changed and where they reach in the report
  baocao help [command]     show help

Run "baocao help build" or "baocao help validate" for the flags.
`

const diffUsage = `Usage:
  baocao diff --template DIR OLD.xlsx NEW.xlsx [--format text|json]
      List the figures that differ between two versions of a workbook
      (sheet, cell, label, old → new) and, for each, the places of the
      report it reaches: the sentence of the body (old and new wording),
      the footnote, the appendix cell, and the totals and rates that moved
      with it. DIR is a template folder, or the name of a built-in
      template (chi-so-cchc-9-thang, tong-ket-cchc-2021-2025).
      Exit status: 0 nothing changed, 1 something did, 2 trouble.

Flags:
`

const validateUsage = `Usage:
  baocao validate
      Check every built-in sample workbook against its template's checks.
  baocao validate --template DIR --data FILE.xlsx [--format text|json]
      Read the workbook and run the checks of the template in DIR
      (kiem-tra.yaml beside report.md). Exit status 1 if any check fails
      with an error; warnings alone exit 0.

Flags:
`

const buildUsage = `Usage:
  baocao build
      Build every built-in template with its sample workbook into output/.
  baocao build --template DIR --data FILE.xlsx [--out DIR] [--name NAME]
      Fill the template in DIR (a folder holding report.md) with the
      workbook and write NAME.docx and NAME.pdf into the output folder, and
      NAME.xlsx with the appendix tables when the template defines any.
      A report whose template and workbook did not change since the last
      build is skipped (--force rebuilds); a replaced file is kept in
      OUT/.history as NAME.vN.ext.
  baocao build --template DIR --data FILE.xlsx --each SHEET [--jobs N]
      One report per row of the table sheet SHEET (one row per unit, xã or
      phường): the row's cells replace the facts named by its column
      headers, the row key names the files. Units are built in parallel;
      one that fails does not stop the others, and the exit status is 1
      if any failed.
  baocao build --template DIR --data FILE.xlsx --watch
      Build, then keep running: when the workbook or a template file
      changes, rebuild and print which figures changed (Ctrl+C stops).

Flags:
`

// parse parses a command's flags; it takes no positional arguments.
func parse(fs *flag.FlagSet, args []string, usage string) error {
	_, err := parseN(fs, args, usage, 0)
	return err
}

// parseN parses flags followed by exactly n arguments; flags may also come
// after the arguments.
func parseN(fs *flag.FlagSet, args []string, usage string, n int) ([]string, error) {
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, usageError{err.Error()}
	}
	var pos []string
	for fs.NArg() > 0 {
		pos = append(pos, fs.Arg(0))
		if err := fs.Parse(fs.Args()[1:]); err != nil {
			return nil, usageError{err.Error()}
		}
	}
	if len(pos) > n {
		return nil, usageError{fmt.Sprintf("unexpected argument %q", pos[n])}
	}
	if len(pos) < n {
		return nil, usageError{fmt.Sprintf("expected %d arguments, got %d", n, len(pos))}
	}
	return pos, nil
}

func cmdBuild(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tmplDir := fs.String("template", "", "template folder (holding report.md)")
	data := fs.String("data", "", "workbook (.xlsx) with the figures")
	out := fs.String("out", "output", "output folder")
	name := fs.String("name", "", "output file name without extension (default: the workbook's name)")
	force := fs.Bool("force", false, "rebuild even when the template and the workbook did not change")
	each := fs.String("each", "", "build one report per row of this table sheet (a unit per row)")
	workers := fs.Int("jobs", runtime.NumCPU(), "with --each: reports built at once")
	watchFlag := fs.Bool("watch", false, "keep running: rebuild when the workbook or the template changes, and say which figures changed")
	if err := parse(fs, args, buildUsage); err != nil {
		return err
	}
	if *each != "" && *data == "" {
		return usageError{"--each needs --template and --data"}
	}
	if *watchFlag {
		if *data == "" || *each != "" {
			return usageError{"--watch needs --template and --data (one report)"}
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		return watchBuild(ctx, *tmplDir, *data, *out, *name, stdout, stderr)
	}
	jobs, err := makeJobs(*tmplDir, *data, *out, *name)
	if err != nil {
		return err
	}
	if *each != "" {
		units, err := jobs[0].Each(*each)
		if err != nil {
			return err
		}
		for _, u := range units {
			u.Force = *force
		}
		return runBatch(units, max(*workers, 1), stdout, stderr, isTerminal(stderr))
	}
	for _, j := range jobs {
		j.Force = *force
		res, err := j.Run()
		var ce *build.CheckError
		if res != nil && !errors.As(err, &ce) {
			for _, f := range res.Findings {
				fmt.Fprintf(stderr, "%s: %s\n", f.Severity, f)
			}
		}
		if err != nil {
			return err
		}
		if res.Skipped {
			fmt.Fprintf(stdout, "skipped %s: template and data unchanged since the last build (--force rebuilds)\n", j.Name)
		}
		for _, f := range res.Kept {
			fmt.Fprintf(stdout, "kept the previous version as %s\n", f)
		}
		for _, f := range res.Files {
			fmt.Fprintf(stdout, "wrote %s\n", f)
		}
	}
	return nil
}

// makeJobs prepares the built-in samples (no template and no data) or one
// job for the user's template and workbook.
func makeJobs(tmplDir, data, out, name string) ([]*build.Job, error) {
	switch {
	case tmplDir == "" && data == "":
		if name != "" {
			return nil, usageError{"--name needs --template and --data"}
		}
		assets := baocao.Assets()
		samples, err := build.Samples(assets)
		if err != nil {
			return nil, err
		}
		var jobs []*build.Job
		for _, s := range samples {
			j, err := build.SampleJob(assets, s, out)
			if err != nil {
				return nil, err
			}
			jobs = append(jobs, j)
		}
		return jobs, nil
	case tmplDir == "" || data == "":
		return nil, usageError{"--template and --data go together"}
	}
	t, err := loadTemplate(tmplDir)
	if err != nil {
		return nil, err
	}
	src, err := os.ReadFile(data)
	if err != nil {
		return nil, err
	}
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(data), filepath.Ext(data))
	}
	j, err := build.NewJob(name, t, data, src, out)
	if err != nil {
		return nil, err
	}
	return []*build.Job{j}, nil
}

// loadTemplate reads a template folder from disk, or a built-in template
// by its name ("chi-so-cchc-9-thang") when there is no such folder.
func loadTemplate(dir string) (*build.Template, error) {
	if _, err := os.Stat(dir); err != nil && !strings.ContainsAny(dir, `/\`) {
		assets := baocao.Assets()
		if _, e := fs.Stat(assets, "templates/"+dir+"/"+tmpl.FileName); e == nil {
			return build.LoadTemplateFS(assets, "templates/"+dir, "templates/"+dir)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, tmpl.FileName)); err != nil {
		return nil, fmt.Errorf("template %s: %w", dir, err)
	}
	return build.LoadTemplateFS(os.DirFS(dir), ".", dir)
}

// errFindings: the findings were printed; exit 1 without another message.
var errFindings = errors.New("checks failed")

func cmdValidate(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tmplDir := fs.String("template", "", "template folder (holding report.md and kiem-tra.yaml)")
	data := fs.String("data", "", "workbook (.xlsx) to check")
	format := fs.String("format", "text", "output format: text or json")
	if err := parse(fs, args, validateUsage); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usageError{fmt.Sprintf("--format %q: expected text or json", *format)}
	}
	jobs, err := makeJobs(*tmplDir, *data, "", "")
	if err != nil {
		return err
	}
	var all []check.Finding
	for _, j := range jobs {
		all = append(all, j.Validate()...)
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if all == nil {
			all = []check.Finding{}
		}
		if err := enc.Encode(all); err != nil {
			return err
		}
	} else {
		errs, warns := 0, 0
		for _, f := range all {
			fmt.Fprintf(stdout, "%s: %s\n", f.Severity, f)
			if f.Severity == check.Error {
				errs++
			} else {
				warns++
			}
		}
		fmt.Fprintf(stdout, "%d error(s), %d warning(s)\n", errs, warns)
	}
	if check.HasErrors(all) {
		return errFindings
	}
	return nil
}

func cmdDiff(args []string, stdout, stderr io.Writer) (bool, error) {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tmplDir := fs.String("template", "", "template folder, or the name of a built-in template")
	format := fs.String("format", "text", "output format: text or json")
	files, err := parseN(fs, args, diffUsage, 2)
	if err != nil {
		return false, err
	}
	if *tmplDir == "" {
		return false, usageError{"--template is required"}
	}
	if *format != "text" && *format != "json" {
		return false, usageError{fmt.Sprintf("--format %q: expected text or json", *format)}
	}
	t, err := loadTemplate(*tmplDir)
	if err != nil {
		return false, err
	}
	oldDS, err := build.ReadWorkbook(files[0])
	if err != nil {
		return false, err
	}
	newDS, err := build.ReadWorkbook(files[1])
	if err != nil {
		return false, err
	}
	doc := func(ds *dataset.Dataset) (*docmodel.Document, error) {
		j := &build.Job{Template: t.Report, Appendices: t.Appendices, Data: ds}
		return j.Document()
	}
	rep, err := diff.Run(oldDS, newDS, doc, func() (*dataset.Dataset, error) { return build.ReadWorkbook(files[0]) })
	if err != nil {
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
		return !rep.Empty(), enc.Encode(rep)
	}
	printDiff(stdout, rep, files[0], files[1])
	return !rep.Empty(), nil
}

func printDiff(w io.Writer, rep *diff.Report, oldName, newName string) {
	if rep.Empty() {
		fmt.Fprintf(w, "%s and %s give the same report.\n", oldName, newName)
		return
	}
	fmt.Fprintf(w, "%d figure(s) changed from %s to %s:\n", len(rep.Changes), oldName, newName)
	reached := map[string]bool{}
	place := func(p diff.Place, indent string) {
		reached[p.Where+"\x00"+p.New] = true
		if p.Kind == "appendix" || (len(p.Old) < 40 && len(p.New) < 40) {
			fmt.Fprintf(w, "%s%s: %s → %s\n", indent, p.Where, orDash(p.Old), orDash(p.New))
			return
		}
		fmt.Fprintf(w, "%s%s:\n%s  was: %s\n%s  now: %s\n", indent, p.Where, indent, orDash(p.Old), indent, orDash(p.New))
	}
	for _, c := range rep.Changes {
		fmt.Fprintf(w, "\n%s\n", c)
		switch {
		case !c.Replayable():
			fmt.Fprintln(w, "    (a row, column or sheet added or removed: see the report changes below)")
		case len(c.Reach) == 0:
			fmt.Fprintln(w, "    (not used by the report)")
		}
		for _, p := range c.Reach {
			place(p, "    ")
		}
	}
	var rest []diff.Place
	for _, p := range rep.Places {
		if !reached[p.Where+"\x00"+p.New] {
			rest = append(rest, p)
		}
	}
	if len(rest) > 0 {
		fmt.Fprintf(w, "\nAlso changed in the report (from the figures together):\n")
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
