package pdf_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"baocao"
	"baocao/internal/build"
	"baocao/internal/docmodel"
	"baocao/internal/render/pdf"
	"baocao/internal/testtool"
)

// sampleDocs are the document models of the built-in samples, by name.
func sampleDocs(tb testing.TB) map[string]*docmodel.Document {
	tb.Helper()
	list, err := build.Samples(baocao.Assets())
	if err != nil {
		tb.Fatal(err)
	}
	docs := make(map[string]*docmodel.Document, len(list))
	for _, s := range list {
		j, err := build.SampleJob(baocao.Assets(), s, tb.TempDir())
		if err != nil {
			tb.Fatal(err)
		}
		d, err := j.Document()
		if err != nil {
			tb.Fatal(err)
		}
		docs[s.Name] = d
	}
	return docs
}

// BenchmarkSamples writes the PDF of each built-in sample (Sa Đéc, Thạch
// An) from its document model.
func BenchmarkSamples(b *testing.B) {
	docs := sampleDocs(b)
	for _, name := range []string{"sa-dec-9-thang-2024", "thach-an-tong-ket-2021-2025"} {
		d := docs[name]
		if d == nil {
			b.Fatalf("no sample %q", name)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := pdf.Write(&buf, d); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}

var sampleOrder = []string{"sa-dec-9-thang-2024", "thach-an-tong-ket-2021-2025"}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	testtool.Need(t, name)
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// TestSamplesInterop checks the PDFs of the built-in samples against what
// other programs expect (issue 12): pdfcpu's strict validation (outline
// counts among others), a version of at least 1.4 (ND30 Phụ lục I, Phần
// II, I.2.a), a trailer /ID, subset-tagged fonts, no empty name trees,
// and page labels that restart with each appendix.
func TestSamplesInterop(t *testing.T) {
	docs := sampleDocs(t)
	dir := t.TempDir()
	for _, name := range sampleOrder {
		d := docs[name]
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := pdf.Write(&buf, d); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, name+".pdf")
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			raw := buf.String()
			t.Run("pdfcpu strict", func(t *testing.T) {
				out := run(t, "pdfcpu", "validate", "-m", "strict", path)
				if !strings.Contains(out, "validation ok") {
					t.Errorf("pdfcpu:\n%s", out)
				}
			})
			t.Run("version", func(t *testing.T) {
				m := regexp.MustCompile(`(?m)^PDF version:\s+1\.(\d+)`).FindStringSubmatch(run(t, "pdfinfo", path))
				if m == nil {
					t.Fatal("pdfinfo shows no 1.x version")
				}
				if v, _ := strconv.Atoi(m[1]); v < 4 {
					t.Errorf("PDF 1.%d, ND30 asks for 1.4 or later", v)
				}
			})
			t.Run("ID", func(t *testing.T) {
				m := regexp.MustCompile(`trailer\s*<<.*/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>\s*\]`).FindStringSubmatch(raw)
				if m == nil {
					t.Fatal("no /ID of two 16-byte strings in the trailer")
				}
			})
			t.Run("fonts", func(t *testing.T) {
				out := run(t, "pdffonts", path)
				lines := strings.Split(strings.TrimSpace(out), "\n")[2:]
				if len(lines) == 0 {
					t.Fatal("no fonts")
				}
				tag := regexp.MustCompile(`^[A-Z]{6}\+LiberationSerif`)
				for _, l := range lines {
					if !tag.MatchString(l) {
						t.Errorf("font without a subset tag: %s", l)
					}
				}
				if strings.Contains(raw, "/EmbeddedFiles") || strings.Contains(raw, "/Names") {
					t.Error("the file carries a name tree; nothing is embedded or named")
				}
			})
			t.Run("page labels", func(t *testing.T) {
				var js struct {
					PageLabels []struct {
						Index int
						Label map[string]any
					}
				}
				if err := json.Unmarshal([]byte(run(t, "qpdf", "--json", "--json-key=pagelabels", path)), &js); err != nil {
					t.Fatal(err)
				}
				// Find the first page of each appendix from the text.
				var starts []int
				n := len(d.Appendices)
				pages := pageCount(t, path)
				for i := 1; i <= pages && len(starts) < n; i++ {
					p := strconv.Itoa(i)
					txt := strings.TrimSpace(run(t, "pdftotext", "-f", p, "-l", p, path, "-"))
					if strings.HasPrefix(txt, d.Appendices[len(starts)].Label) {
						starts = append(starts, i-1)
					}
				}
				if len(starts) != n {
					t.Fatalf("found %d of %d appendix first pages", len(starts), n)
				}
				want := map[int]string{0: ""}
				for i, s := range starts {
					want[s] = d.Appendices[i].Label + "-"
				}
				got := map[int]string{}
				for _, l := range js.PageLabels {
					if l.Label["/S"] != "/D" {
						t.Errorf("page %d: label style %v, want decimal", l.Index+1, l.Label["/S"])
					}
					if st, ok := l.Label["/St"].(float64); ok && st != 1 {
						t.Errorf("page %d: numbering starts at %v, want 1", l.Index+1, st)
					}
					p, _ := l.Label["/P"].(string)
					got[l.Index] = strings.TrimPrefix(p, "u:")
				}
				if len(got) != len(want) {
					t.Errorf("label ranges start at %v, want %v", got, want)
				}
				for i, p := range want {
					if g, ok := got[i]; !ok || g != p {
						t.Errorf("page %d: label prefix %q, want %q (present %v)", i+1, g, p, ok)
					}
				}
			})
			t.Run("XMP", func(t *testing.T) { checkXMP(t, raw, d) })
		})
	}
}

func pageCount(t *testing.T, path string) int {
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(run(t, "pdfinfo", path))
	if m == nil {
		t.Fatal("pdfinfo shows no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// checkXMP parses the metadata packet and checks the document's số, ký
// hiệu, ngày ban hành and cơ quan ban hành, against the model and against
// the header as printed.
func checkXMP(t *testing.T, raw string, d *docmodel.Document) {
	i := strings.Index(raw, "<?xpacket begin=")
	j := strings.Index(raw, `<?xpacket end="w"?>`)
	if i < 0 || j < i {
		t.Fatal("no XMP packet (uncompressed, as ISO 16684-1 recommends)")
	}
	if !strings.Contains(raw, "/Type/Metadata/Subtype/XML") {
		t.Error("no metadata stream dictionary")
	}
	fields := map[string]string{}
	dec := xml.NewDecoder(strings.NewReader(raw[i : j+len(`<?xpacket end="w"?>`)]))
	var path []xml.Name
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			t.Fatalf("XMP does not parse: %v", err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			path = append(path, v.Name)
		case xml.EndElement:
			path = path[:len(path)-1]
		case xml.CharData:
			for k := len(path) - 1; k >= 0; k-- {
				if path[k].Space == pdf.NSND30 || path[k].Space == "http://purl.org/dc/elements/1.1/" {
					if s := strings.TrimSpace(string(v)); s != "" {
						key := path[k].Space + path[k].Local
						if fields[key] != "" {
							s = fields[key] + "|" + s
						}
						fields[key] = s
					}
					break
				}
			}
		}
	}
	nd := func(k string) string { return fields[pdf.NSND30+k] }
	if got, want := "Số: "+nd("CodeNumber")+"/"+nd("CodeNotation"), d.Header.Number; got != want {
		t.Errorf("số/ký hiệu %q, header prints %q", got, want)
	}
	if nd("CodeNumber") == "" {
		t.Error("no CodeNumber")
	}
	if got, want := nd("IssuedDate"), d.Meta.Date.Format("2006-01-02"); got != want {
		t.Errorf("IssuedDate %q, want %q", got, want)
	}
	// The printed place and date name the same day.
	if day := d.Meta.Date.Format("02"); !strings.Contains(d.Header.PlaceDate, "ngày "+day) {
		t.Errorf("header %q is not of day %s", d.Header.PlaceDate, day)
	}
	if got, want := nd("OrganName"), strings.Join(d.Header.Agency, " "); !strings.EqualFold(got, want) || got == "" {
		t.Errorf("OrganName %q, header prints %q", got, want)
	}
	if got := nd("FullName"); got == "" || got != d.Closing.Signature.Name {
		t.Errorf("FullName %q, signature %q", got, d.Closing.Signature.Name)
	}
	if got := nd("Subject"); got == "" || got != strings.Join(d.Title.Summary, " ") {
		t.Errorf("Subject %q, trích yếu %q", got, d.Title.Summary)
	}
	if got := fields["http://purl.org/dc/elements/1.1/title"]; got != d.Meta.Title {
		t.Errorf("dc:title %q, want %q", got, d.Meta.Title)
	}
	if got := fields["http://purl.org/dc/elements/1.1/creator"]; got != d.Meta.Author {
		t.Errorf("dc:creator %q, want %q", got, d.Meta.Author)
	}
}

// TestSamplesDeterministic writes the samples in turns: the font caches
// shared across writes must not change a byte.
func TestSamplesDeterministic(t *testing.T) {
	docs := sampleDocs(t)
	first := map[string][]byte{}
	for round := range 2 {
		for _, name := range sampleOrder {
			var buf bytes.Buffer
			if err := pdf.Write(&buf, docs[name]); err != nil {
				t.Fatal(err)
			}
			if round == 0 {
				first[name] = buf.Bytes()
			} else if !bytes.Equal(first[name], buf.Bytes()) {
				t.Errorf("%s: second write differs", name)
			}
		}
	}
}

// TestSamplesConcurrent writes both samples from several goroutines at
// once, as a batch may: the shared font and compressor caches must give
// every write the bytes of a write alone.
func TestSamplesConcurrent(t *testing.T) {
	docs := sampleDocs(t)
	want := map[string][]byte{}
	for _, name := range sampleOrder {
		var buf bytes.Buffer
		if err := pdf.Write(&buf, docs[name]); err != nil {
			t.Fatal(err)
		}
		want[name] = buf.Bytes()
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for i := range 8 {
		name := sampleOrder[i%len(sampleOrder)]
		wg.Go(func() {
			var buf bytes.Buffer
			if err := pdf.Write(&buf, docs[name]); err != nil {
				errs <- err.Error()
			} else if !bytes.Equal(buf.Bytes(), want[name]) {
				errs <- name + ": a concurrent write differs"
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
