package tmpl

import "testing"

// FuzzTemplate: any report.md parses and executes to a result or an
// error, never a panic.
func FuzzTemplate(f *testing.F) {
	f.Add(front + "# {{ fact \"ten\" }}\n")
	f.Add(front + "{{ with node \"1\" }}{{ pad .Score }}/{{ fixed 2 .Max }}{{ end }}\n")
	f.Add(front + "{{ range (table \"TTHC\").Rows }}{{ .Key }}{{ end }}\n")
	f.Add("---\n---\n")
	f.Add("---\nco_quan: [\n---\n")
	f.Fuzz(func(t *testing.T, src string) {
		tp, err := Parse("f/report.md", []byte(src))
		if err != nil {
			return
		}
		tp.Execute(testData())
	})
}
