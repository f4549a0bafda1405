// Command baocao turns indicator workbooks into finished Vietnamese
// administrative reports (DOCX and PDF) laid out per Nghị định
// 30/2020/NĐ-CP.
//
// Usage:
//
//	baocao build                         build every built-in sample into output/
//	baocao build --template DIR --data FILE.xlsx [--out DIR] [--name NAME]
//	baocao validate [--template DIR --data FILE.xlsx] [--format text|json]
//	baocao help [command]
//
// Exit status: 0 on success, 1 when the data or a template is wrong (the
// message names the file, sheet and cell, or the template line), 2 on a
// usage error.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"baocao"
	"baocao/internal/appendix"
	"baocao/internal/build"
	"baocao/internal/check"
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
	case "help", "-h", "-help", "--help":
		switch {
		case len(args) > 1 && args[1] == "build":
			fmt.Fprint(stdout, buildUsage)
		case len(args) > 1 && args[1] == "validate":
			fmt.Fprint(stdout, validateUsage)
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
  baocao help [command]     show help

Run "baocao help build" or "baocao help validate" for the flags.
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

Flags:
`

// parse parses a command's flags; it takes no positional arguments.
func parse(fs *flag.FlagSet, args []string, usage string) error {
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	return nil
}

func cmdBuild(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tmplDir := fs.String("template", "", "template folder (holding report.md)")
	data := fs.String("data", "", "workbook (.xlsx) with the figures")
	out := fs.String("out", "output", "output folder")
	name := fs.String("name", "", "output file name without extension (default: the workbook's name)")
	if err := parse(fs, args, buildUsage); err != nil {
		return err
	}
	jobs, err := makeJobs(*tmplDir, *data, *out, *name)
	if err != nil {
		return err
	}
	for _, j := range jobs {
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
	t, err := tmpl.Load(tmplDir)
	if err != nil {
		return nil, err
	}
	checks, err := check.Load(tmplDir)
	if err != nil {
		return nil, err
	}
	defs, err := appendix.Load(tmplDir)
	if err != nil {
		return nil, err
	}
	ds, err := build.ReadWorkbook(data)
	if err != nil {
		return nil, err
	}
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(data), filepath.Ext(data))
	}
	return []*build.Job{{Name: name, Template: t, Checks: checks, Appendices: defs, Data: ds, OutDir: out}}, nil
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
