package main

import (
	"baocao/internal/msg"
	"encoding/json"
	"flag"
	"io"

	"baocao/internal/check"
)

const validateUsage = msg.UsageValidate

// errFindings: the findings were printed; exit 1 without another message.
var errFindings = msg.Errorf("checks failed")

func cmdValidate(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tmplDir := fs.String("template", "", tr.Sprintf("template folder (holding report.md and kiem-tra.yaml)"))
	data := fs.String("data", "", tr.Sprintf("workbook (.xlsx) to check"))
	format := fs.String("format", "text", tr.Sprintf("output format: text or json"))
	if err := parse(fs, args, validateUsage); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usageError{tr.Sprintf("--format %q: expected text or json", *format)}
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
		// The messages in the run's language, as the text output.
		out := make([]check.Finding, len(all))
		for i, f := range all {
			out[i] = f.In(tr.Language())
		}
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		errs, warns := 0, 0
		for _, f := range all {
			tr.Fprintf(stdout, "%s: %s\n", severity(f.Severity), f)
			if f.Severity == check.Error {
				errs++
			} else {
				warns++
			}
		}
		tr.Fprintf(stdout, "%d error(s), %d warning(s)\n", errs, warns)
	}
	if check.HasErrors(all) {
		return errFindings
	}
	return nil
}
