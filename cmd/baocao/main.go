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
//	baocao version                       the version (also: baocao --version)
//	baocao help [command]
//
// The messages are Vietnamese; English with --lang en (before or after
// the command) or when LC_ALL, LC_MESSAGES or LANG names English.
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
	"slices"
	"strings"

	"golang.org/x/text/language"

	"baocao"
	"baocao/internal/build"
	"baocao/internal/check"
	"baocao/internal/dataset"
	"baocao/internal/gcpace"
	"baocao/internal/lazyre"
	"baocao/internal/msg"
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
		tr = msg.New(msg.FromEnv(getenv))
		os.Exit(doubleClicked(os.Stdout, os.Stderr))
	}
	if !slices.Contains(os.Args[1:2], "serve") {
		// A command that ends when its work is done is collected only
		// once it needs the memory (gcpace.ShortRun); the web page,
		// which stays, is collected as usual.
		gcpace.ShortRun()
	}
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	if droppedWorkbooks(os.Args[1:]) && noTerminal() {
		waitForEnter(os.Stdout)
	}
	os.Exit(code)
}

// tr prints every text of the command line in the language of the run
// (set by run). A package variable rather than a parameter of every
// function: one run prints in one language.
var tr = msg.New(msg.Vietnamese)

// getenv reads the environment's language; the tests replace it so that
// they do not depend on the machine's locale.
var getenv = os.Getenv

// takeLang removes the global --lang flag from args, wherever it stands
// before a "--", and returns the language it names (or the environment's).
// With ok false, --lang had the value bad, which names no language ("":
// no value at all).
func takeLang(args []string) (rest []string, lang language.Tag, bad string, ok bool) {
	lang = msg.FromEnv(getenv)
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		var v string
		switch {
		case a == "--lang" || a == "-lang":
			if i+1 == len(args) {
				return nil, lang, "", false
			}
			i++
			v = args[i]
		case strings.HasPrefix(a, "--lang=") || strings.HasPrefix(a, "-lang="):
			v = a[strings.Index(a, "=")+1:]
		default:
			rest = append(rest, a)
			continue
		}
		t, err := msg.Parse(v)
		if err != nil {
			return nil, lang, v, false
		}
		lang = t
	}
	return rest, lang, "", true
}

// usageError marks a problem with the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(args []string, stdout, stderr io.Writer) int {
	args, lang, bad, ok := takeLang(args)
	tr = msg.New(lang)
	if !ok {
		what := tr.Sprintf("flag needs an argument: %s", "-lang")
		if bad != "" {
			what = tr.Sprintf("--lang %q: expected vi or en", bad)
		}
		tr.Fprintf(stderr, "baocao: %v\n\n%s", what, tr.Sprintf(mainUsage))
		return exitUsage
	}
	if len(args) == 0 {
		tr.Fprint(stderr, tr.Sprintf(mainUsage))
		return exitUsage
	}
	var err error
	switch args[0] {
	case "version", "--version", "-version":
		printVersion(stdout)
		return exitOK
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
			tr.Fprintf(stderr, "baocao: %v\n\nRun \"baocao help %s\" for usage.\n", err, "diff")
			return exitUsage
		case err != nil:
			tr.Fprintf(stderr, "baocao: %v\n", err)
			return exitUsage
		case changed:
			return 1
		}
		return exitOK
	case "help", "-h", "-help", "--help":
		usage := mainUsage
		if len(args) > 1 {
			switch args[1] {
			case "build":
				usage = buildUsage
			case "validate":
				usage = validateUsage
			case "diff":
				usage = diffUsage
			case "workbook":
				usage = workbookUsage
			case "serve":
				usage = serveUsage
			case "version":
				usage = versionUsage
			}
		}
		if usage != mainUsage && usage != versionUsage {
			// The command's own -h: its usage and its flags.
			run([]string{"--lang", lang.String(), args[1], "-h"}, stdout, stdout)
			return exitOK
		}
		tr.Fprint(stdout, tr.Sprintf(usage))
		return exitOK
	default:
		if droppedWorkbooks(args) {
			return cmdDrop(args, stdout, stderr)
		}
		tr.Fprintf(stderr, "baocao: unknown command %q\n\n%s", args[0], tr.Sprintf(mainUsage))
		return exitUsage
	}
	var ue usageError
	var ce *build.CheckError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		tr.Fprintf(stderr, "baocao: %v\n\nRun \"baocao help %s\" for usage.\n", err, args[0])
		return exitUsage
	case errors.Is(err, errFindings):
		return exitData
	case errors.As(err, &ce):
		printCheckError(stderr, ce)
		return exitData
	default:
		tr.Fprintf(stderr, "baocao: %v\n", err)
		return exitData
	}
}

// printCheckError says, in the run's language, that the checks stopped
// the build; the findings are the checks' own words.
func printCheckError(w io.Writer, ce *build.CheckError) {
	tr.Fprintf(w, "baocao: the data fails %d check(s); nothing was written:\n", countErrors(ce))
	for _, f := range ce.Findings {
		if f.Severity == check.Error {
			tr.Fprintf(w, "  %s\n", f)
		}
	}
}

// severity names a finding's severity: "lỗi" or "cảnh báo".
func severity(s check.Severity) string {
	if s == check.Error {
		return tr.Sprintf("error")
	}
	return tr.Sprintf("warning")
}

// translateFlagError puts the flag package's English messages into the
// run's language; the flag package has no catalogue of its own.
func translateFlagError(s string) string {
	for _, f := range flagErrors {
		args := f.re.Args(s)
		if args == nil {
			continue
		}
		for i, v := range args {
			if t, ok := flagReasons[v.(string)]; ok {
				args[i] = tr.Sprintf(t)
			}
		}
		return tr.Sprintf(f.key, args...)
	}
	return s
}

// flagErrors are the flag package's messages (flag.go, failf's callers);
// each key's verbs take the submatches in order.
var flagErrors = []struct {
	re  *lazyre.Regexp
	key string
}{
	{lazyre.New(`^flag provided but not defined: (.*)$`), "flag provided but not defined: %s"},
	{lazyre.New(`^flag needs an argument: (.*)$`), "flag needs an argument: %s"},
	{lazyre.New(`^bad flag syntax: (.*)$`), "bad flag syntax: %s"},
	{lazyre.New(`^invalid value (".*") for flag (\S+): (.*)$`), "invalid value %s for flag %s: %s"},
	{lazyre.New(`^invalid boolean value (".*") for (\S+): (.*)$`), "invalid boolean value %s for %s: %s"},
	{lazyre.New(`^invalid boolean flag (\S+): (.*)$`), "invalid boolean flag %s: %s"},
}

// flagReasons are the flag package's reasons for refusing a value.
var flagReasons = map[string]string{"parse error": "parse error", "value out of range": "value out of range"}

const mainUsage = msg.UsageMain

const buildUsage = msg.UsageBuild

// parse parses a command's flags; it takes no positional arguments.
func parse(fs *flag.FlagSet, args []string, usage string) error {
	_, err := parseN(fs, args, usage, 0)
	return err
}

// parseN parses flags followed by exactly n arguments; flags may also come
// after the arguments.
func parseN(fs *flag.FlagSet, args []string, usage string, n int) ([]string, error) {
	// The flag package prints its own (English) error before the usage;
	// that line is dropped, and run prints it translated.
	out := fs.Output()
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		tr.Fprint(out, tr.Sprintf(usage))
		printDefaults(out, fs)
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, usageError{translateFlagError(err.Error())}
	}
	var pos []string
	for fs.NArg() > 0 {
		pos = append(pos, fs.Arg(0))
		if err := fs.Parse(fs.Args()[1:]); err != nil {
			return nil, usageError{translateFlagError(err.Error())}
		}
	}
	if len(pos) > n {
		return nil, usageError{tr.Sprintf("unexpected argument %q", pos[n])}
	}
	if len(pos) < n {
		return nil, usageError{tr.Sprintf("expected %d arguments, got %d", n, len(pos))}
	}
	return pos, nil
}

// printDefaults lists a command's flags like flag.PrintDefaults, with the
// words around them ("default") in the run's language; the descriptions
// were translated where the flags are defined.
func printDefaults(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		line := "  -" + f.Name
		if name != "" {
			line += " " + name
		}
		line += "\n    \t" + strings.ReplaceAll(usage, "\n", "\n    \t")
		switch {
		case f.DefValue == "" || f.DefValue == "false" || f.DefValue == "0":
		case name == "string":
			line += tr.Sprintf(" (default %q)", f.DefValue)
		default:
			line += tr.Sprintf(" (default %v)", f.DefValue)
		}
		tr.Fprint(w, line+"\n")
	})
}

func cmdBuild(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tmplDir := fs.String("template", "", tr.Sprintf("template folder (holding report.md)"))
	data := fs.String("data", "", tr.Sprintf("workbook (.xlsx) with the figures"))
	out := fs.String("out", "output", tr.Sprintf("output folder"))
	name := fs.String("name", "", tr.Sprintf("output file name without extension (default: the workbook's name)"))
	force := fs.Bool("force", false, tr.Sprintf("rebuild even when the template and the workbook did not change"))
	each := fs.String("each", "", tr.Sprintf("build one report per row of this table sheet (a unit per row)"))
	workers := fs.Int("jobs", runtime.NumCPU(), tr.Sprintf("with --each: reports built at once"))
	watchFlag := fs.Bool("watch", false, tr.Sprintf("keep running: rebuild when the workbook or the template changes, and say which figures changed"))
	unitsDir := fs.String("units", "", tr.Sprintf("folder of the units' workbooks, for a consolidating template"))
	if err := parse(fs, args, buildUsage); err != nil {
		return err
	}
	if *unitsDir != "" {
		if *tmplDir == "" || *data == "" || *each != "" || *watchFlag {
			return usageError{tr.Sprintf("--units needs --template and --data, and goes alone (not with --each or --watch)")}
		}
		j, err := consolidationJob(*tmplDir, *data, *unitsDir, *out, *name, stderr)
		if err != nil {
			return err
		}
		j.Force = *force
		return runJob(j, stdout, stderr)
	}
	if *each != "" && *data == "" {
		return usageError{tr.Sprintf("--each needs --template and --data")}
	}
	if *watchFlag {
		if *data == "" || *each != "" {
			return usageError{tr.Sprintf("--watch needs --template and --data (one report)")}
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
			tr.Fprintf(stderr, "%s: %s\n", severity(f.Severity), f)
		}
	}
	if err != nil {
		return err
	}
	if res.Skipped {
		tr.Fprintf(stdout, "skipped %s: template and data unchanged since the last build (--force rebuilds)\n", j.Name)
	}
	for _, f := range res.Kept {
		tr.Fprintf(stdout, "kept the previous version as %s\n", f)
	}
	for _, f := range res.Files {
		tr.Fprintf(stdout, "wrote %s\n", f)
	}
	return nil
}

// makeJobs prepares the built-in samples (no template and no data) or one
// job for the user's template and workbook.
func makeJobs(tmplDir, data, out, name string) ([]*build.Job, error) {
	switch {
	case tmplDir == "" && data == "":
		if name != "" {
			return nil, usageError{tr.Sprintf("--name needs --template and --data")}
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
		return nil, usageError{tr.Sprintf("--template and --data go together")}
	}
	// The workbook is read while the template loads: each is a few
	// milliseconds of one core. The template's error, if both fail, is
	// the one said, as when they were read one after the other.
	var (
		ds         *dataset.Dataset
		sum        string
		readErr    error
		readerDone = make(chan struct{})
	)
	go func() {
		defer close(readerDone)
		src, err := xlsxdata.ReadInput(data)
		if err != nil {
			readErr = err
			return
		}
		ds, sum, readErr = build.ReadWorkbookBytes(data, src)
	}()
	t, err := loadTemplate(tmplDir)
	<-readerDone
	if err != nil {
		return nil, err
	}
	if readErr != nil {
		return nil, readErr
	}
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(data), filepath.Ext(data))
	} else if strings.ContainsAny(name, `/\`) || name == "." || name == ".." {
		return nil, usageError{tr.Sprintf("--name %q: a file name without a folder is expected; choose the folder with --out", name)}
	}
	// Like the names of a batch: no device name (CON), no leading dot or
	// dash, nothing a file system of another platform refuses.
	name = safename.Name(name)
	j := build.NewJobRead(name, t, data, ds, sum, out)
	j.InputPaths = []string{data}
	j.ImagesBeside(data)
	if _, err := os.Stat(filepath.Join(tmplDir, tmpl.FileName)); err == nil {
		for _, f := range build.TemplateFiles {
			j.InputPaths = append(j.InputPaths, filepath.Join(tmplDir, f))
		}
	}
	return []*build.Job{j}, nil
}

// consolidationJob prepares a consolidating template's job: its own
// workbook and the unit workbooks of a folder, read with the workbook
// limits; it says which units were left out, and why.
func consolidationJob(tmplDir, data, unitsDir, out, name string, stderr io.Writer) (*build.Job, error) {
	t, err := loadTemplate(tmplDir)
	if err != nil {
		return nil, err
	}
	if t.Contract == nil || t.Contract.Consolidation == nil {
		return nil, msg.Errorf("%s: the template does not consolidate: its du-lieu.yaml has no tong_hop", tmplDir)
	}
	unit, err := loadTemplate(t.Contract.Consolidation.UnitTemplate)
	if err != nil {
		return nil, err
	}
	src, err := xlsxdata.ReadInput(data)
	if err != nil {
		return nil, err
	}
	units, err := build.UnitFilesFS(os.DirFS(unitsDir), ".", func(n string) ([]byte, error) {
		return xlsxdata.ReadInput(filepath.Join(unitsDir, n))
	})
	if err != nil {
		return nil, err
	}
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(data), filepath.Ext(data))
	}
	j, res, err := build.NewConsolidationJob(safename.Name(name), t, unit, data, src, units, out)
	if err != nil {
		return nil, err
	}
	j.InputPaths = []string{data}
	j.ImagesBeside(data)
	for _, u := range units {
		j.InputPaths = append(j.InputPaths, filepath.Join(unitsDir, u.Name))
	}
	var left []string
	for _, u := range res.Missing {
		left = append(left, u.File)
	}
	tr.Fprintf(stderr, "consolidated %d unit(s); left out %d: %s", len(res.Units)-len(res.Missing), len(res.Missing), strings.Join(left, ", "))
	fmt.Fprintln(stderr)
	return j, nil
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
		return nil, msg.Errorf("the template folder %s: %w", dir, err)
	}
	return build.LoadTemplateFS(os.DirFS(dir), ".", dir)
}

// printError says what went wrong, framed in the run's language
// ("baocao: lỗi: …"); the message itself is the internal package's.
func printError(w io.Writer, err error) {
	var ce *build.CheckError
	if errors.As(err, &ce) {
		printCheckError(w, ce)
		return
	}
	tr.Fprintf(w, "baocao: %v\n", err)
}
