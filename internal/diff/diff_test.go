package diff_test

import (
	"strings"
	"testing"

	"baocao"
	"baocao/internal/build"
	"baocao/internal/dataset"
	"baocao/internal/diff"
	"baocao/internal/docmodel"
	"baocao/internal/msg"
)

// sample reads a built-in sample afresh: its job and a function that
// builds the document of any dataset with the sample's template.
func sample(t *testing.T, name string) (*build.Job, func(*dataset.Dataset) (*docmodel.Document, error)) {
	t.Helper()
	samples, err := build.Samples(baocao.Assets())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range samples {
		if s.Name == name {
			j, err := build.SampleJob(baocao.Assets(), s, t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			return j, func(ds *dataset.Dataset) (*docmodel.Document, error) {
				return (&build.Job{Template: j.Template, Appendices: j.Appendices, Contract: j.Contract, Data: ds}).Document()
			}
		}
	}
	t.Fatalf("no sample %s", name)
	return nil, nil
}

func run(t *testing.T, name string, edit func(t *testing.T, ds *dataset.Dataset)) *diff.Report {
	t.Helper()
	old, doc := sample(t, name)
	cur, _ := sample(t, name)
	edit(t, cur.Data)
	rep, err := diff.Run(old.Data, cur.Data, doc, func() (*dataset.Dataset, error) {
		j, _ := sample(t, name)
		return j.Data, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func reach(c diff.Change) string {
	var b strings.Builder
	for _, p := range c.Reach {
		b.WriteString(p.Where + ": " + p.Old + " → " + p.New + "\n")
	}
	return b.String()
}

func TestNothingChanged(t *testing.T) {
	rep := run(t, "sa-dec-9-thang-2024", func(*testing.T, *dataset.Dataset) {})
	if !rep.Empty() {
		t.Errorf("changes %v, places %v", rep.Changes, rep.Places)
	}
}

// TestScoreReach: one criterion's score reaches its field's sentence, the
// list of limitations, and the total.
func TestScoreReach(t *testing.T) {
	rep := run(t, "sa-dec-9-thang-2024", func(t *testing.T, ds *dataset.Dataset) {
		tr, _ := ds.Tree("")
		n, _ := tr.Lookup("8.1")
		n.Set(dataset.Score, 0.7, n.Get(dataset.Score).Loc)
		tr.Recompute()
	})
	if len(rep.Changes) != 1 {
		t.Fatalf("changes: %v", rep.Changes)
	}
	c := rep.Changes[0]
	if got := c.String(); got != "Chỉ số CCHC!E56  indicator 8.1 (Mức độ thu hút đầu tư): score (điểm đạt): 0,5 → 0,7" {
		t.Errorf("change %q", got)
	}
	r := reach(c)
	for _, want := range []string{
		"I. › 2. › 2.8. ¶2: - Chỉ số này ước Thành phố đạt 2,52/04 điểm. → - Chỉ số này ước Thành phố đạt 2,72/04 điểm.",
		"(1) Mức độ thu hút đầu tư 0,5/01 điểm; → ",
		"tự đánh giá đạt 61,89 điểm/70 điểm; → ", "62,09 điểm/70 điểm;",
	} {
		if !strings.Contains(r, want) {
			t.Errorf("reach lacks %q:\n%s", want, r)
		}
	}
	if strings.Count(r, "\n") != 3 {
		t.Errorf("reach has %d places, want 3 (field sentence, limitation, total):\n%s", strings.Count(r, "\n"), r)
	}
}

// TestNarrativeEdit: a text fact reaches every sentence that quotes it.
func TestNarrativeEdit(t *testing.T) {
	rep := run(t, "sa-dec-9-thang-2024", func(t *testing.T, ds *dataset.Dataset) {
		v, _ := ds.Facts.Get("ky_bao_cao")
		v.Text = "năm 2024"
		ds.Facts.Set("ky_bao_cao", v)
	})
	if len(rep.Changes) != 1 || rep.Changes[0].Old != "09 tháng đầu năm 2024" || rep.Changes[0].New != "năm 2024" {
		t.Fatalf("changes %v", rep.Changes)
	}
	r := reach(rep.Changes[0])
	for _, want := range []string{"trích yếu: ", "Trên đây là báo cáo kết quả cải thiện Chỉ số cải cách hành chính của thành phố Sa Đéc năm 2024./."} {
		if !strings.Contains(r, want) {
			t.Errorf("reach lacks %q:\n%s", want, r)
		}
	}
}

// TestRowAdded: a new year in a table is a change that cannot be replayed
// alone; the report's appendix shows the new row.
func TestRowAdded(t *testing.T) {
	rep := run(t, "thach-an-tong-ket-2021-2025", func(t *testing.T, ds *dataset.Dataset) {
		tab, err := ds.Table("Biên chế")
		if err != nil {
			t.Fatal(err)
		}
		n := func(x float64) dataset.Value { return dataset.Value{Kind: dataset.NumberKind, Num: x} }
		if _, err := tab.AddRow("2026", dataset.Loc{Sheet: "Biên chế", Cell: "A9"}, []dataset.Value{n(78), n(700), n(270)}); err != nil {
			t.Fatal(err)
		}
	})
	if len(rep.Changes) != 1 || rep.Changes[0].Replayable() || rep.Changes[0].Label != `row "2026"` {
		t.Fatalf("changes %v", rep.Changes)
	}
	var got []string
	for _, p := range rep.Places {
		if strings.HasPrefix(p.Where, "Phụ lục IV › 2026") {
			got = append(got, p.Where+"="+p.New)
		}
	}
	if len(got) != 5 {
		t.Errorf("Phụ lục IV row 2026: %v (all places %v)", got, rep.Places)
	}
}

// TestTypedParentNoted: criterion 5.5 sits under field 5, whose score is
// typed: the change reaches 5.5's sentence, and the diff says that field
// 5 did not move.
func TestTypedParentNoted(t *testing.T) {
	rep := run(t, "sa-dec-9-thang-2024", func(t *testing.T, ds *dataset.Dataset) {
		tr, _ := ds.Tree("")
		n, _ := tr.Lookup("5.5")
		n.Set(dataset.Score, 0.9167, n.Get(dataset.Score).Loc)
		tr.Recompute()
	})
	if len(rep.Changes) != 1 {
		t.Fatalf("changes: %v", rep.Changes)
	}
	notes := strings.Join(rep.Changes[0].Notes, "\n")
	if !strings.Contains(notes, "the score (điểm đạt) of indicator 5 (Cải cách chế độ công vụ) is typed in cell E28 (5,9583) and did not move") {
		t.Errorf("notes: %q", notes)
	}
}

// englishWords are words that a message told in Vietnamese must not keep.
var englishWords = []string{" the ", " sheet ", " cell ", " expected ", " found ", " indicator ", " score ", " row ", " total", " typed ", "(none)", "(added)"}

func vietnameseOnly(t *testing.T, what, s string) {
	t.Helper()
	for _, w := range englishWords {
		if strings.Contains(" "+s+" ", w) {
			t.Errorf("%s keeps the English %q: %s", what, w, s)
		}
	}
}

// TestInVietnamese: a change's label, old and new values and notes are
// told in Vietnamese by In and by a Vietnamese printer; English stays
// the default.
func TestInVietnamese(t *testing.T) {
	typed := run(t, "sa-dec-9-thang-2024", func(t *testing.T, ds *dataset.Dataset) {
		tr, _ := ds.Tree("")
		n, _ := tr.Lookup("5.5")
		n.Set(dataset.Score, 0.9167, n.Get(dataset.Score).Loc)
		tr.Recompute()
	})
	row := run(t, "thach-an-tong-ket-2021-2025", func(t *testing.T, ds *dataset.Dataset) {
		tab, _ := ds.Table("Biên chế")
		n := func(x float64) dataset.Value { return dataset.Value{Kind: dataset.NumberKind, Num: x} }
		if _, err := tab.AddRow("2026", dataset.Loc{Sheet: "Biên chế", Cell: "A9"}, []dataset.Value{n(78), n(700), n(270)}); err != nil {
			t.Fatal(err)
		}
	})
	tests := []struct {
		name   string
		c      diff.Change
		vi, en string
		notes  string
	}{
		{"score", typed.Changes[0], "Chỉ số CCHC!E33  chỉ số 5.5 (Thực hiện kế hoạch đào tạo, bồi dưỡng CBCCVC): điểm đạt: 0,9583 → 0,9167", "indicator 5.5", "điểm đạt của chỉ số 5 (Cải cách chế độ công vụ) được nhập sẵn ở ô E28 (5,9583) nên không đổi theo thay đổi này"},
		{"row added", row.Changes[0], `Biên chế!A9  dòng "2026": (không có) → (mới thêm)`, `row "2026": (none) → (added)`, ""},
	}
	for _, tt := range tests {
		vi := tt.c.In(msg.Vietnamese)
		got := msg.Local(msg.Vietnamese, tt.c)
		if got != tt.vi {
			t.Errorf("%s: Vietnamese %q, want %q", tt.name, got, tt.vi)
		}
		if p := msg.New(msg.Vietnamese).Sprintf("%v", tt.c); p != got {
			t.Errorf("%s: printer %q, Local %q", tt.name, p, got)
		}
		vietnameseOnly(t, tt.name, got)
		notes := strings.Join(vi.Notes, "\n")
		if !strings.Contains(notes, tt.notes) {
			t.Errorf("%s: notes %q, want %q", tt.name, notes, tt.notes)
		}
		vietnameseOnly(t, tt.name+" notes", notes)
		if en := tt.c.String(); !strings.Contains(en, tt.en) {
			t.Errorf("%s: English %q, want %q", tt.name, en, tt.en)
		}
	}
	// The report's In tells its changes; the report itself is untouched.
	if r := typed.In(msg.Vietnamese); !strings.HasPrefix(r.Changes[0].Label, "chỉ số 5.5") || !strings.HasPrefix(typed.Changes[0].Label, "indicator 5.5") {
		t.Errorf("In: %q, the report's own %q", r.Changes[0].Label, typed.Changes[0].Label)
	}
}
