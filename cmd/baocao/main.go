// Command baocao turns indicator workbooks into finished Vietnamese
// administrative reports (DOCX and PDF) laid out per Nghị định
// 30/2020/NĐ-CP.
//
// Usage:
//
//	baocao build                         build every built-in sample into output/
//	baocao build --template DIR --data FILE.xlsx [--out DIR] [--name NAME]
//	baocao help [command]
//
// Exit status: 0 on success, 1 when the data or a template is wrong (the
// message names the file, sheet and cell, or the template line), 2 on a
// usage error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"baocao"
	"baocao/internal/build"
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
	case "help", "-h", "-help", "--help":
		if len(args) > 1 && args[1] == "build" {
			fmt.Fprint(stdout, buildUsage)
		} else {
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
		fmt.Fprintf(stderr, "baocao: %v\n\n%s", err, buildUsage)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "baocao: %v\n", err)
		return exitData
	}
}

const mainUsage = `baocao turns indicator workbooks (.xlsx) into Vietnamese administrative
reports (DOCX and PDF) in the layout of Nghị định 30/2020/NĐ-CP.

Usage:
  baocao build [flags]     build reports (with no flags: every built-in sample)
  baocao help [command]    show help

Run "baocao help build" for the flags of build.
`

const buildUsage = `Usage:
  baocao build
      Build every built-in template with its sample workbook into output/.
  baocao build --template DIR --data FILE.xlsx [--out DIR] [--name NAME]
      Fill the template in DIR (a folder holding report.md) with the
      workbook and write NAME.docx and NAME.pdf into the output folder.

Flags:
`

func cmdBuild(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tmplDir := fs.String("template", "", "template folder (holding report.md)")
	data := fs.String("data", "", "workbook (.xlsx) with the figures")
	out := fs.String("out", "output", "output folder")
	name := fs.String("name", "", "output file name without extension (default: the workbook's name)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), buildUsage)
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
	var jobs []*build.Job
	switch {
	case *tmplDir == "" && *data == "":
		if *name != "" {
			return usageError{"--name needs --template and --data"}
		}
		assets := baocao.Assets()
		samples, err := build.Samples(assets)
		if err != nil {
			return err
		}
		for _, s := range samples {
			j, err := build.SampleJob(assets, s, *out)
			if err != nil {
				return err
			}
			jobs = append(jobs, j)
		}
	case *tmplDir == "" || *data == "":
		return usageError{"--template and --data go together"}
	default:
		t, err := tmpl.Load(*tmplDir)
		if err != nil {
			return err
		}
		ds, err := build.ReadWorkbook(*data)
		if err != nil {
			return err
		}
		n := *name
		if n == "" {
			n = strings.TrimSuffix(filepath.Base(*data), filepath.Ext(*data))
		}
		jobs = append(jobs, &build.Job{Name: n, Template: t, Data: ds, OutDir: *out})
	}
	for _, j := range jobs {
		res, err := j.Run()
		if res != nil {
			for _, w := range res.Warnings {
				fmt.Fprintf(stderr, "warning: %v\n", w)
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
