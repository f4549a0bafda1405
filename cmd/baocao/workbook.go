package main

import (
	"baocao/internal/msg"
	"bytes"
	"flag"
	"io"
	"path/filepath"
	"strings"

	"baocao/internal/build"
	"baocao/internal/contract"
	"baocao/internal/workbook"
)

const workbookUsage = msg.UsageWorkbook

func cmdWorkbook(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("workbook", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tmplDir := fs.String("template", "", tr.Sprintf("template folder, or the name of a built-in template"))
	out := fs.String("out", "", tr.Sprintf("the workbook to write (.xlsx)"))
	if _, err := parseN(fs, args, workbookUsage, 0); err != nil {
		return err
	}
	if *tmplDir == "" || *out == "" {
		return usageError{tr.Sprintf("--template and --out are required")}
	}
	if !strings.EqualFold(filepath.Ext(*out), ".xlsx") {
		return usageError{tr.Sprintf("--out %q: the blank workbook is an .xlsx file", *out)}
	}
	t, err := loadTemplate(*tmplDir)
	if err != nil {
		return err
	}
	if t.Contract == nil {
		return msg.Errorf("template %s has no %s, so baocao does not know what its workbook holds", *tmplDir, contract.FileName)
	}
	var buf bytes.Buffer
	if err := workbook.Write(&buf, t.Contract, filepath.Base(strings.TrimRight(*tmplDir, `/\`))); err != nil {
		return msg.Errorf("the blank workbook: %w", err)
	}
	if err := build.WriteFileAtomic(*out, buf.Bytes()); err != nil {
		return err
	}
	tr.Fprintf(stdout, "wrote %s\n", *out)
	return nil
}
