package msg

// The usage of each command, the keys of their Vietnamese texts below.
const (
	UsageMain = `baocao turns indicator workbooks (.xlsx) into Vietnamese administrative
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
  baocao version            the program's version (also --version)
  baocao FILE.xlsx ...      the report of each workbook, into a folder "Báo cáo" next to it;
                            the template is recognised from the workbook's sheets and facts
                            (dropping workbooks on baocao.exe does the same)
  baocao help [command]     show help

Global flag: --lang vi|en, the language of the messages (default: the
environment's, LC_ALL, LC_MESSAGES or LANG, else Vietnamese).
Run "baocao help build" or "baocao help validate" for the flags.
`

	UsageBuild = `Usage:
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
  baocao build --template DIR --data FILE.xlsx --units FOLDER
      A consolidating template (its du-lieu.yaml has tong_hop): FILE.xlsx
      holds the report's own facts, FOLDER the units' workbooks, each read
      and checked with the unit template; a unit that fails is left out
      and listed in the report, or stops the build, as the template says.

Flags:
`

	UsageValidate = `Usage:
  baocao validate
      Check every built-in sample workbook against its template's checks.
  baocao validate --template DIR --data FILE.xlsx [--format text|json]
      Read the workbook and run the checks of the template in DIR
      (kiem-tra.yaml beside report.md). Exit status 1 if any check fails
      with an error; warnings alone exit 0.

Flags:
`

	UsageDiff = `Usage:
  baocao diff --template DIR OLD.xlsx NEW.xlsx [--format text|json]
      List the figures that differ between two versions of a workbook
      (sheet, cell, label, old → new) and, for each, the places of the
      report it reaches: the sentence of the body (old and new wording),
      the footnote, the appendix cell, and the totals and rates that moved
      with it. DIR is a template folder, or the name of a built-in
      template (chi-so-cchc-9-thang, tong-ket-cchc-2021-2025).
      Exit status: 0 nothing changed, 1 something did, 2 trouble.
  baocao diff --template DIR --data FILE.xlsx OLD-FOLDER NEW-FOLDER
      For a consolidating template: the two folders of unit workbooks,
      each consolidated with FILE.xlsx; which units changed, which
      figures, and what it changed in the report (totals, ranks, the
      units left out).

Flags:
`

	UsageWorkbook = `Usage:
  baocao workbook --template DIR|NAME --out FILE.xlsx
      Write the blank workbook of a template: an instructions sheet, the
      fact sheet with every fact the template reads (its description,
      unit and example in the note, required ones in bold, the value cell
      checked by type), its indicator and table sheets with their headers,
      and formulas for derived columns. Fill it, then build the report
      from it. The template must have a data contract (du-lieu.yaml).

Flags:
`

	UsageServe = `Usage:
  baocao serve [--addr 127.0.0.1:8080] [--data-dir DIR] [--token T]
      Run the secretariat's web page (in Vietnamese) on this computer:
      choose a report type, download its blank workbook, upload the filled
      one, read the checks, preview and download the report (DOCX, PDF,
      XLSX, ZIP), compare a corrected workbook before building it, build a
      report per unit. Also a JSON API (see README). Every file is kept in
      the data folder (default: baocao-du-lieu in the user's documents or
      home folder); templates come from the program and DIR/templates.
      It listens on this computer only, unless --addr names another
      address: then an access token is required (--token, or the
      environment variable BAOCAO_TOKEN). Ctrl+C stops it.

Flags:
`

	UsageVersion = `Usage:
  baocao version
  baocao --version
      Print the program's version: the module version, the revision and
      time of the commit it was built from, and the Go version.
`
)
