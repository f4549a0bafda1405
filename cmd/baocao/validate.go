package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"baocao/internal/check"
)

const validateUsage = `Usage:
  baocao validate
      Check every built-in sample workbook against its template's checks.
  baocao validate --template DIR --data FILE.xlsx [--format text|json]
      Read the workbook and run the checks of the template in DIR
      (kiem-tra.yaml beside report.md). Exit status 1 if any check fails
      with an error; warnings alone exit 0.

Flags:
`

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
