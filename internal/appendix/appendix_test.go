package appendix

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"baocao/internal/dataset"
	"baocao/internal/docmodel"
)

// TTHC is a small table of records by period, as the reader builds it.
func TTHC() *dataset.Dataset {
	cols := [][]string{{"Tiếp nhận", "Tổng số"}, {"Tiếp nhận", "Trực tuyến"}, {"Đã giải quyết", "Tổng số"}, {"Đã giải quyết", "Quá hạn"}}
	t := dataset.NewTable("TTHC", "Năm", cols, make([]dataset.Loc, len(cols)))
	n := func(x float64) dataset.Value { return dataset.Value{Kind: dataset.NumberKind, Num: x} }
	t.AddRow("2021", dataset.Loc{}, []dataset.Value{n(23870), n(0), n(23861), n(76)})
	t.AddRow("2022", dataset.Loc{}, []dataset.Value{n(15788), n(1214), n(15699), n(59)})
	t.AddRow("Từ 05/12/2024 đến 31/3/2025", dataset.Loc{}, []dataset.Value{n(1643), n(1608), n(1635), {}})
	return &dataset.Dataset{Source: "d.xlsx", Tables: map[string]*dataset.Table{"TTHC": t}}
}

// Def1 is a definition with a group, a rate and a total row.
const Def1 = `- so: I
  tieu_de: Kết quả giải quyết thủ tục hành chính
  bang: TTHC
  ngang: true
  don_vi: "Đơn vị tính: hồ sơ"
  stt: true
  cot:
    - {nhan: Năm, khoa: true}
    - nhom: Số hồ sơ nhận giải quyết
      cot:
        - {nhan: Tổng số, du_lieu: "Tiếp nhận / Tổng số"}
        - {nhan: Trực tuyến, du_lieu: "Tiếp nhận / Trực tuyến"}
    - {nhan: Tỷ lệ trực tuyến, ty_le: ["Tiếp nhận / Trực tuyến", "Tiếp nhận / Tổng số"], chu_so: 2}
    - {nhan: Quá hạn, du_lieu: "Quá hạn"}
  dong_tong: Tổng cộng
  ghi_chu: Số liệu đến 31/3/2025.
`

func Doc() *docmodel.Document {
	return &docmodel.Document{Header: docmodel.Header{Number: "Số: 270/BC-UBND", Agency: []string{"ỦY BAN NHÂN DÂN", "HUYỆN THẠCH AN"}},
		Title: docmodel.Title{Kind: "BÁO CÁO"}, Meta: docmodel.Meta{Author: "Ủy ban nhân dân huyện Thạch An", Date: time.Date(2025, 5, 23, 0, 0, 0, 0, time.UTC)}}
}

func cellText(c docmodel.Cell) string {
	if len(c.Content) == 0 {
		return ""
	}
	return docmodel.PlainText(c.Content[0].Content)
}

func TestBuild(t *testing.T) {
	defs, err := Parse("phu-luc.yaml", []byte(Def1))
	if err != nil {
		t.Fatal(err)
	}
	as, err := Build(defs, TTHC(), Doc())
	if err != nil {
		t.Fatal(err)
	}
	a := as[0]
	if a.Label != "Phụ lục I" || a.Title[0] != "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH" || !a.Landscape ||
		a.Subtitle != "(Kèm theo Báo cáo số 270/BC-UBND ngày 23 tháng 5 năm 2025 của Ủy ban nhân dân huyện Thạch An)" {
		t.Errorf("appendix head: %q %q %q", a.Label, a.Title, a.Subtitle)
	}
	tab := a.Body[1].(*docmodel.Table)
	if tab.HeaderRows != 2 || len(tab.Columns) != 6 || len(tab.Rows) != 2+3+1 {
		t.Fatalf("table: %d header rows, %d columns, %d rows", tab.HeaderRows, len(tab.Columns), len(tab.Rows))
	}
	var rows []string
	for _, r := range tab.Rows {
		var cs []string
		for _, c := range r.Cells {
			cs = append(cs, cellText(c))
		}
		rows = append(rows, strings.Join(cs, "|"))
	}
	want := []string{
		"STT|Năm|Số hồ sơ nhận giải quyết|Tỷ lệ trực tuyến|Quá hạn",
		"Tổng số|Trực tuyến",
		"1|2021|23.870|0|0,00%|76",
		"2|2022|15.788|1.214|7,69%|59",
		"3|Từ 05/12/2024 đến 31/3/2025|1.643|1.608|97,87%|",
		"|Tổng cộng|41.301|2.822|6,83%|135",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	total := tab.Rows[5].Cells
	if f := total[2].Number.Formula; f == nil || f.Kind != docmodel.SumRows || f.From != 2 || f.To != 4 {
		t.Errorf("total formula %+v", f)
	}
	if f := total[4].Number.Formula; f == nil || f.Kind != docmodel.Ratio || f.Num != 3 || f.Den != 2 {
		t.Errorf("rate formula %+v", f)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"- so: I\n  bang: TTHC\n", "needs tieu_de and bang"},
		{"- so: I\n  tieu_de: X\n  bang: TTHC\n  cot:\n    - {nhan: A, du_lieu: x}\n", "needs exactly one key column"},
		{"- so: I\n  tieu_de: X\n  bang: TTHC\n  cot:\n    - {nhan: Năm, khoa: true, du_lieu: x}\n", "give exactly one of khoa, du_lieu, ty_le"},
		{"- so: I\n  tieu_de: X\n  bang: TTHC\n  cot:\n    - {nhan: Năm, khoa: true}\n    - {nhan: R, ty_le: [a]}\n", "ty_le needs two columns"},
		{"so: I\n", "expected a list of appendix tables"},
		{"- so: I\n  tieu_de: X\n  bang: TTHC\n  cot:\n    - {nhan: Năm, khoa: true, rong: -2}\n", `column "Năm": rong -2`},
	}
	for _, tt := range tests {
		if _, err := Parse("p.yaml", []byte(tt.src)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse error %v, want %q", err, tt.want)
		}
	}
	defs, _ := Parse("p.yaml", []byte("- so: II\n  tieu_de: X\n  bang: TTHC\n  cot:\n    - {nhan: Năm, khoa: true}\n    - {nhan: A, du_lieu: Không có}\n"))
	if _, err := Build(defs, TTHC(), Doc()); err == nil || !strings.Contains(err.Error(), `p.yaml:1: phụ lục II: column "A": sheet "TTHC" has no column "Không có"`) {
		t.Errorf("Build error %v", err)
	}
	defs, _ = Parse("p.yaml", []byte("- so: II\n  tieu_de: X\n  bang: Khác\n  cot:\n    - {nhan: Năm, khoa: true}\n"))
	if _, err := Build(defs, TTHC(), Doc()); err == nil || !strings.Contains(err.Error(), `no table sheet "Khác"`) {
		t.Errorf("Build error %v", err)
	}
}

// TestSubtitleElectronic: the "(Kèm theo …)" line repeats the header's
// number and date as printed, blanks included, for a draft for the
// electronic document system.
func TestSubtitleElectronic(t *testing.T) {
	d := Doc()
	d.Header.Number, d.Header.Date = "Số:      /BC-UBND", "ngày    tháng    năm 2025"
	if got, want := Subtitle(d), "(Kèm theo Báo cáo số      /BC-UBND ngày    tháng    năm 2025 của Ủy ban nhân dân huyện Thạch An)"; got != want {
		t.Errorf("Subtitle = %q, want %q", got, want)
	}
}

// TestOmitEmpty: an appendix marked bo_neu_trong is left out when its
// table has no row, and a lone appendix left is not numbered.
func TestOmitEmpty(t *testing.T) {
	ds := TTHC()
	ds.Tables["Trống"] = dataset.NewTable("Trống", "Tệp", [][]string{{"Lý do"}}, make([]dataset.Loc, 1))
	src := Def1 + "\n- so: II\n  tieu_de: Các đơn vị chưa được tổng hợp\n  bang: Trống\n  bo_neu_trong: true\n  cot:\n    - {nhan: Tệp, khoa: true}\n    - {nhan: Lý do, du_lieu: Lý do}\n"
	defs, err := Parse("phu-luc.yaml", []byte(strings.Replace(src, "- so: I\n", "- so: I\n", 1)))
	if err != nil {
		t.Fatal(err)
	}
	as, err := Build(defs, ds, Doc())
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Label != "Phụ lục" {
		t.Errorf("%d appendices, the first %q", len(as), as[0].Label)
	}
	ds.Tables["Trống"].AddRow("x.xlsx", dataset.Loc{}, []dataset.Value{{Kind: dataset.TextKind, Text: "sai mẫu"}})
	if as, err = Build(defs, ds, Doc()); err != nil || len(as) != 2 || as[1].Label != "Phụ lục II" {
		t.Errorf("with a row: %d appendices (%v)", len(as), err)
	}
}

// TestWidths: a column without rong is left to the writers (Width 0, sized
// from its content); rong is kept as the template's relative width.
func TestWidths(t *testing.T) {
	src := strings.Replace(Def1, "- {nhan: Quá hạn, du_lieu: \"Quá hạn\"}", "- {nhan: Quá hạn, du_lieu: \"Quá hạn\", rong: 1.5}", 1)
	defs, err := Parse("p.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	as, err := Build(defs, TTHC(), Doc())
	if err != nil {
		t.Fatal(err)
	}
	var tab *docmodel.Table
	for _, b := range as[0].Body {
		if x, ok := b.(*docmodel.Table); ok {
			tab = x
		}
	}
	var got []float64
	for _, c := range tab.Columns {
		got = append(got, c.Width)
	}
	if want := []float64{0, 0, 0, 0, 0, 1.5}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("widths %v, want %v (STT, Năm, Tổng số, Trực tuyến, Tỷ lệ, Quá hạn)", got, want)
	}
}
