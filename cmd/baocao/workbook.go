package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"baocao/internal/build"
	"baocao/internal/contract"
	"baocao/internal/workbook"
)

const workbookUsage = `Usage:
  baocao workbook --template DIR|NAME --out FILE.xlsx
      Write the blank workbook of a template: an instructions sheet, the
      fact sheet with every fact the template reads (its description,
      unit and example in the note, required ones in bold, the value cell
      checked by type), its indicator and table sheets with their headers,
      and formulas for derived columns. Fill it, then build the report
      from it. The template must have a data contract (du-lieu.yaml).

Flags:
`

func cmdWorkbook(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("workbook", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tmplDir := fs.String("template", "", "template folder, or the name of a built-in template")
	out := fs.String("out", "", "the workbook to write (.xlsx)")
	if _, err := parseN(fs, args, workbookUsage, 0); err != nil {
		return err
	}
	if *tmplDir == "" || *out == "" {
		return usageError{"--template and --out are required"}
	}
	if !strings.EqualFold(filepath.Ext(*out), ".xlsx") {
		return usageError{fmt.Sprintf("--out %q: the blank workbook is an .xlsx file", *out)}
	}
	t, err := loadTemplate(*tmplDir)
	if err != nil {
		return err
	}
	if t.Contract == nil {
		return fmt.Errorf("template %s has no %s, so baocao does not know what its workbook holds", *tmplDir, contract.FileName)
	}
	var buf bytes.Buffer
	if err := workbook.Write(&buf, t.Contract, filepath.Base(strings.TrimRight(*tmplDir, `/\`))); err != nil {
		return fmt.Errorf("blank workbook: %w", err)
	}
	if err := build.WriteFileAtomic(*out, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return nil
}
