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
//	baocao workbook --template DIR --out FILE.xlsx
//	baocao serve [--addr 127.0.0.1:8080] [--data-dir DIR] [--token T]
//	baocao help [command]
//
// Exit status: 0 on success, 1 when the data or a template is wrong (the
// message names the file, sheet and cell, or the template line), 2 on a
// usage error.
//
// Started with no arguments and no terminal (double-clicked on Windows),
// baocao runs serve and opens the page in the default browser.
package main

import (
	"context"
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
	"baocao/internal/safename"
	"baocao/internal/tmpl"
	"baocao/internal/xlsxdata"
)

const (
	exitOK    = 0
	exitData  = 1
	exitUsage = 2
)

func main() {
	if len(os.Args) == 1 && noTerminal() {
		os.Exit(doubleClicked(os.Stdout, os.Stderr))
	}
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
	case "workbook":
		err = cmdWorkbook(args[1:], stdout, stderr)
	case "serve":
		err = cmdServe(args[1:], stdout, stderr)
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
		case len(args) > 1 && args[1] == "workbook":
			fmt.Fprint(stdout, workbookUsage)
		case len(args) > 1 && args[1] == "serve":
			fmt.Fprint(stdout, serveUsage)
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
  baocao workbook --template NAME --out FILE.xlsx
                            write the blank workbook a template needs
  baocao serve [--addr 127.0.0.1:8080] [--data-dir DIR]
                            the web page (in Vietnamese) that does all of this
  baocao help [command]     show help

Run "baocao help build" or "baocao help validate" for the flags.
`

const buildUsage = `Usage:
  baocao build
      Build every built-in template with its sample workbook into output/.
  baocao build --template DIR --data FILE.xlsx [--out DIR] [--name NAME]
      Fill the template in DIR (a folder holding report.md) with the
      workbook and write NAME.docx and NAME.pdf into the output folder, and
      NAME.xlsx with the appendix tables when the template defines any.
      NAME (default: the workbook's name) is made safe like the names of a
      batch. A report whose template and workbook did not change since the
      last build is skipped (--force rebuilds); a replaced file is kept in
      OUT/.history as NAME.vN.ext. An output that would replace the
      workbook or a template file is refused.
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
		if err := runJob(j, stdout, stderr); err != nil {
			return err
		}
	}
	return nil
}

// runJob builds one report and says what happened: the checks' findings
// (unless they stopped the build: the error lists them), what was skipped,
// kept in .history and written.
func runJob(j *build.Job, stdout, stderr io.Writer) error {
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
	src, err := xlsxdata.ReadInput(data)
	if err != nil {
		return nil, err
	}
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(data), filepath.Ext(data))
	} else if strings.ContainsAny(name, `/\`) || name == "." || name == ".." {
		return nil, usageError{fmt.Sprintf("--name %q: a file name without a folder is expected; choose the folder with --out", name)}
	}
	// Like the names of a batch: no device name (CON), no leading dot or
	// dash, nothing a file system of another platform refuses.
	name = safename.Name(name)
	j, err := build.NewJob(name, t, data, src, out)
	if err != nil {
		return nil, err
	}
	j.InputPaths = []string{data}
	if _, err := os.Stat(filepath.Join(tmplDir, tmpl.FileName)); err == nil {
		for _, f := range build.TemplateFiles {
			j.InputPaths = append(j.InputPaths, filepath.Join(tmplDir, f))
		}
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
