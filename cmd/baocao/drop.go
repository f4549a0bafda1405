package main

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"baocao"
	"baocao/internal/build"
	"baocao/internal/contract"
	"baocao/internal/msg"
	"baocao/internal/safename"
	"baocao/internal/xlsxdata"
)

// dropFolder is the folder, next to a dropped workbook, that receives its
// report: never the workbook's own folder, so that NAME.xlsx of the
// appendices cannot meet the workbook NAME.xlsx.
const dropFolder = "Báo cáo"

// droppedWorkbooks reports whether args are workbooks given with no
// command, as Windows gives the files dropped on baocao.exe (or chosen
// with "Open with"): each a regular .xlsx or .xlsm file.
func droppedWorkbooks(args []string) bool {
	if len(args) == 0 {
		return false
	}
	for _, a := range args {
		switch strings.ToLower(filepath.Ext(a)) {
		case ".xlsx", ".xlsm":
		default:
			return false
		}
		if fi, err := os.Stat(a); err != nil || !fi.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// cmdDrop builds the report of each dropped workbook with the built-in
// template the workbook was made for, into the folder dropFolder next to
// it. It carries on past a workbook that fails, so that one wrong file
// does not hide the reports of the others.
func cmdDrop(paths []string, stdout, stderr io.Writer) int {
	templates, err := dropTemplates()
	if err != nil {
		printError(stderr, err)
		return exitData
	}
	code := exitOK
	for _, p := range paths {
		if err := dropOne(p, templates, stdout, stderr); err != nil {
			if !errors.Is(err, errFindings) {
				printError(stderr, err)
			}
			code = exitData
		}
	}
	return code
}

type namedTemplate struct {
	name string
	t    *build.Template
	// consolidates: the template also needs its units' workbooks, so a
	// workbook of its shape is recognised only to say so.
	consolidates bool
}

// dropTemplates loads the built-in templates with a data contract (the
// shape to recognise).
func dropTemplates() ([]namedTemplate, error) {
	entries, err := fs.ReadDir(baocao.Assets(), "templates")
	if err != nil {
		return nil, err
	}
	var out []namedTemplate
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		// From the program itself, never a folder of the same name in
		// the current one (as loadTemplate would prefer).
		dir := "templates/" + e.Name()
		t, err := build.LoadTemplateFS(baocao.Assets(), dir, dir)
		if err != nil {
			return nil, err
		}
		if t.Contract == nil {
			continue
		}
		out = append(out, namedTemplate{e.Name(), t, t.Contract.Consolidation != nil})
	}
	return out, nil
}

// recognise finds the template whose data contract the workbook has the
// whole shape of (every fact row, indicator sheet, table and column it
// declares, filled or not). It never guesses: none or several is an error
// that says what the closest template lacks, or which ones fit.
func recognise(path string, src []byte, templates []namedTemplate) (namedTemplate, error) {
	ds, _, err := build.ReadWorkbookBytes(path, src)
	if err != nil {
		return namedTemplate{}, err
	}
	var fits []namedTemplate
	best, bestLacks := -1, []contract.Lack(nil)
	for i, t := range templates {
		lacks := t.t.Contract.Lacks(ds)
		if len(lacks) == 0 {
			fits = append(fits, t)
			continue
		}
		if best < 0 || len(lacks) < len(bestLacks) {
			best, bestLacks = i, lacks
		}
	}
	switch {
	case len(fits) == 1 && fits[0].consolidates:
		return namedTemplate{}, msg.Errorf("%s: this is the workbook of the consolidating template %s, which also needs its units' workbooks; build it on the web page (double-click baocao) or with baocao build --template %s --data FILE.xlsx --units FOLDER", path, fits[0].name, fits[0].name)
	case len(fits) == 1:
		return fits[0], nil
	case len(fits) > 1:
		var names []string
		for _, t := range fits {
			names = append(names, t.name)
		}
		sort.Strings(names)
		return namedTemplate{}, msg.Errorf("%s: the workbook fits several templates (%s); choose one on the web page (double-click baocao) or with baocao build --template", path, strings.Join(names, ", "))
	case best < 0:
		return namedTemplate{}, msg.Errorf("%s: no built-in template reads a single workbook", path)
	}
	// (The explicit indexes keep these keys this command's own.)
	parts := msg.List{Sep: ", "}
	for i, l := range bestLacks {
		if i == 5 {
			parts.Items = append(parts.Items, msg.Sprintf("and %[1]d more", len(bestLacks)-5))
			break
		}
		switch {
		case l.Fact != "":
			parts.Items = append(parts.Items, msg.Sprintf("the fact %[1]s", l.Fact))
		case l.Column != "":
			parts.Items = append(parts.Items, msg.Sprintf("the column %[1]q of sheet %[2]q", l.Column, l.Sheet))
		default:
			parts.Items = append(parts.Items, msg.Sprintf("the sheet %[1]q", l.Sheet))
		}
	}
	return namedTemplate{}, msg.Errorf("%s: no built-in template fits this workbook; the closest, %s, needs %s. Start from the blank workbook of the template (the web page, or baocao workbook --template NAME)", path, templates[best].name, parts)
}

func dropOne(path string, templates []namedTemplate, stdout, stderr io.Writer) error {
	src, err := xlsxdata.ReadInput(path)
	if err != nil {
		return err
	}
	t, err := recognise(path, src, templates)
	if err != nil {
		return err
	}
	tr.Fprintf(stdout, "%s: template %s\n", path, t.name)
	name := safename.Name(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	j, err := build.NewJob(name, t.t, path, src, filepath.Join(filepath.Dir(path), dropFolder))
	if err != nil {
		return err
	}
	j.InputPaths = []string{path}
	j.ImagesBeside(path)
	return runJob(j, stdout, stderr)
}

// waitForEnter keeps the window of a drop open until the user has read
// it: Windows closes a console the program owns when the program ends.
var waitForEnter = func(stdout io.Writer) {
	tr.Fprintf(stdout, "Press Enter to close this window.\n")
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
}
