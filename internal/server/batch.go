package server

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"baocao/internal/build"
	"baocao/internal/msg"
	"baocao/internal/zipdeflate"
)

// A batch builds one report per row of a workbook's unit sheet, in the
// background; the page polls its status. Its folder is batches/ID: the
// workbook as input.xlsx, the reports in out/, and bao-cao.zip at the end.
type batch struct {
	mu     sync.Mutex
	status batchStatus
}

type batchStatus struct {
	ID       string       `json:"id"`
	Template string       `json:"template"`
	Sheet    string       `json:"sheet"`
	Total    int          `json:"total"`
	Done     int          `json:"done"`
	Built    int          `json:"built"`
	Failed   []unitFailed `json:"failed"`
	Finished bool         `json:"finished"`
	Error    string       `json:"error,omitempty"`
	Zip      string       `json:"zip,omitempty"`
	// err is Error, to be told in the language of each request.
	err error
}

type unitFailed struct {
	Unit  string `json:"unit"`
	Error string `json:"error"`
	err   error
}

// DefaultUnitSheet is the unit sheet a batch reads when the form names
// none.
const DefaultUnitSheet = "Đơn vị"

func (s *Server) createBatch(w http.ResponseWriter, r *http.Request) {
	e, upload, data, ok := s.upload(w, r, true)
	if !ok {
		return
	}
	defer r.MultipartForm.RemoveAll()
	sheet := strings.TrimSpace(r.FormValue("sheet"))
	if sheet == "" {
		sheet = DefaultUnitSheet
	}
	id := newID()
	dir := filepath.Join(s.dataDir, "batches", id)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		apiError(w, r, http.StatusInternalServerError, err)
		return
	}
	input := filepath.Join(dir, "input.xlsx")
	if err := build.WriteFileAtomic(input, data); err != nil {
		apiError(w, r, http.StatusInternalServerError, err)
		return
	}
	j, err := build.NewJob(outName, e.t, upload, data, filepath.Join(dir, "out"))
	if err != nil {
		os.RemoveAll(dir)
		s.refuse(w, r, &buildFailed{err: err})
		return
	}
	units, err := j.Each(sheet)
	if err != nil {
		os.RemoveAll(dir)
		s.refuse(w, r, &buildFailed{err: msg.Errorf("the unit sheet %q: %w", sheet, err)})
		return
	}
	b := &batch{status: batchStatus{ID: id, Template: e.Name, Sheet: sheet, Total: len(units), Failed: []unitFailed{}}}
	s.mu.Lock()
	s.batches[id] = b
	s.mu.Unlock()
	for _, u := range units {
		u.InputPaths = []string{input}
		u.Force = true
	}
	go s.runBatch(b, dir, units)
	writeJSON(w, http.StatusAccepted, b.snapshot(requestLang(r)))
}

// snapshot is the batch's status now, its errors told in lang.
func (b *batch) snapshot(lang language.Tag) batchStatus {
	b.mu.Lock()
	defer b.mu.Unlock()
	st := b.status
	st.Failed = make([]unitFailed, len(b.status.Failed))
	for i, f := range b.status.Failed {
		f.Error = msg.Local(lang, f.err)
		st.Failed[i] = f
	}
	if st.err != nil {
		st.Error = msg.Local(lang, st.err)
	}
	return st
}

// runBatch builds the units on as many workers as cores (one failing unit
// does not stop the others), then packs the reports and a summary into
// one ZIP.
func (s *Server) runBatch(b *batch, dir string, units []*build.Job) {
	type outcome struct {
		name  string
		files []string
	}
	var (
		mu   sync.Mutex
		outs []outcome
		wg   sync.WaitGroup
		work = make(chan *build.Job)
	)
	for range max(runtime.NumCPU(), 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range work {
				busy <- struct{}{}
				res, err := u.Run()
				<-busy
				b.mu.Lock()
				b.status.Done++
				if err != nil {
					b.status.Failed = append(b.status.Failed, unitFailed{Unit: u.Name, Error: err.Error(), err: err})
				} else {
					b.status.Built++
					mu.Lock()
					outs = append(outs, outcome{u.Name, res.Files})
					mu.Unlock()
				}
				b.mu.Unlock()
			}
		}()
	}
	for _, u := range units {
		work <- u
	}
	close(work)
	wg.Wait()

	sort.Slice(outs, func(i, j int) bool { return outs[i].name < outs[j].name })
	b.mu.Lock()
	failed := append([]unitFailed(nil), b.status.Failed...)
	b.mu.Unlock()
	sort.Slice(failed, func(i, j int) bool { return failed[i].Unit < failed[j].Unit })
	var buf bytes.Buffer
	zw := zipdeflate.NewWriter(&buf) // as zipFiles
	err := func() error {
		for _, o := range outs {
			for _, f := range o.files {
				data, err := os.ReadFile(f)
				if err != nil {
					return err
				}
				if err := addZip(zw, o.name+filepath.Ext(f), data); err != nil {
					return err
				}
			}
		}
		var sum strings.Builder
		fmt.Fprintf(&sum, "Mẫu báo cáo: %s\nTrang tính đơn vị: %s\nSố đơn vị: %d; lập được %d báo cáo; lỗi %d.\n",
			b.status.Template, b.status.Sheet, len(units), len(outs), len(failed))
		if len(failed) > 0 {
			sum.WriteString("\nĐơn vị chưa lập được báo cáo:\n")
			for _, f := range failed {
				fmt.Fprintf(&sum, "- %s: %s\n", f.Unit, msg.Local(msg.Vietnamese, f.err))
			}
		}
		if err := addZip(zw, "tom-tat.txt", []byte(sum.String())); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
		return build.WriteFileAtomic(filepath.Join(dir, outName+".zip"), buf.Bytes())
	}()
	b.mu.Lock()
	defer b.mu.Unlock()
	b.status.Failed = failed
	b.status.Finished = true
	if err != nil {
		b.status.err = msg.Errorf("Could not pack the reports: %w", err)
		b.status.Error = b.status.err.Error()
		return
	}
	b.status.Zip = "/api/batches/" + b.status.ID + "/zip"
}

func (s *Server) batch(w http.ResponseWriter, r *http.Request) *batch {
	id := r.PathValue("id")
	s.mu.Lock()
	b := s.batches[id]
	s.mu.Unlock()
	if !validID(id) || b == nil {
		apiError(w, r, http.StatusNotFound, msg.Sprintf("There is no such batch of reports."))
		return nil
	}
	return b
}

func (s *Server) getBatch(w http.ResponseWriter, r *http.Request) {
	if b := s.batch(w, r); b != nil {
		writeJSON(w, http.StatusOK, b.snapshot(requestLang(r)))
	}
}

func (s *Server) batchZip(w http.ResponseWriter, r *http.Request) {
	b := s.batch(w, r)
	if b == nil {
		return
	}
	st := b.snapshot(msg.Vietnamese)
	if st.Zip == "" {
		apiError(w, r, http.StatusConflict, msg.Sprintf("Not finished: wait until every unit is built."))
		return
	}
	w.Header().Set("Content-Type", contentTypes["zip"])
	s.serveFile(w, r, filepath.Join(s.dataDir, "batches", st.ID, outName+".zip"), st.Template+"-hang-loat.zip")
}
