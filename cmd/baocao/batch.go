package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"baocao/internal/build"
	"baocao/internal/check"
)

// isTerminal reports whether w is a terminal, where a progress line that
// rewrites itself is better than a line per report.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

type outcome struct {
	job *build.Job
	res *build.Result
	err error
}

// runBatch builds the jobs on n workers. A failing job does not stop the
// others; the summary at the end lists what was built, skipped and failed,
// and the error says that some failed.
func runBatch(jobs []*build.Job, n int, stdout, stderr io.Writer, terminal bool) error {
	done := make(chan outcome)
	go func() {
		build.RunAll(jobs, n, func(i int, res *build.Result, err error) {
			done <- outcome{jobs[i], res, err}
		})
		close(done)
	}()

	var built, skipped []string
	var failed []outcome
	count := 0
	for o := range done {
		count++
		switch {
		case o.err != nil:
			failed = append(failed, o)
		case o.res.Skipped:
			skipped = append(skipped, o.job.Name)
		default:
			built = append(built, o.job.Name)
		}
		if terminal {
			tr.Fprintf(stderr, "\r[%d/%d] built %d, skipped %d, failed %d", count, len(jobs), len(built), len(skipped), len(failed))
			continue
		}
		switch {
		case o.err != nil:
			tr.Fprintf(stderr, "failed %s: %v\n", o.job.Name, o.err)
		case o.res.Skipped:
			tr.Fprintf(stdout, "skipped %s\n", o.job.Name)
		default:
			tr.Fprintf(stdout, "built %s\n", o.job.Name)
		}
	}
	if terminal {
		fmt.Fprintln(stderr)
	}
	tr.Fprintf(stdout, "%d report(s): %d built, %d skipped (unchanged), %d failed\n", len(jobs), len(built), len(skipped), len(failed))
	for _, o := range failed {
		// The error itself, not its Error(): the printer tells it in the
		// run's language.
		why := any(o.err)
		var ce *build.CheckError
		if errors.As(o.err, &ce) {
			why = tr.Sprintf("%d check(s) failed", countErrors(ce))
		}
		tr.Fprintf(stdout, "  failed %s: %s\n", o.job.Name, why)
	}
	if len(failed) > 0 {
		return errFindings
	}
	return nil
}

func countErrors(ce *build.CheckError) int {
	n := 0
	for _, f := range ce.Findings {
		if f.Severity == check.Error {
			n++
		}
	}
	return n
}
