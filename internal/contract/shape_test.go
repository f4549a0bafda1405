package contract

import (
	"fmt"
	"testing"

	"baocao/internal/dataset"
)

// TestLacks: the shape only — rows, sheets, columns — never the values;
// a rate column may be left to baocao.
func TestLacks(t *testing.T) {
	c, err := Parse("d.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	allFacts := func() *dataset.Facts {
		f := dataset.NewFacts("Thông tin")
		for i, k := range []string{"ten_don_vi", "so_van_ban", "ngay_ban_hanh", "muc"} {
			// Empty values: a blank workbook has the shape.
			f.Add(k, dataset.Value{}, dataset.Loc{Cell: fmt.Sprintf("A%d", i+2)})
		}
		return f
	}
	noRate := dataset.NewTable("Hồ sơ", "Tháng", [][]string{{"Tổng số"}, {"Mới"}, {"Từ kỳ trước"}, {"Đang giải quyết"}, {"Ghi chú"}}, make([]dataset.Loc, 5))
	noStock := dataset.NewTable("Hồ sơ", "Tháng", [][]string{{"Tổng số"}, {"Mới"}, {"Từ kỳ trước"}, {"Ghi chú"}}, make([]dataset.Loc, 4))
	someFacts := dataset.NewFacts("Thông tin")
	someFacts.Add("TEN_DON_VI", dataset.Value{}, dataset.Loc{}) // keys match folded
	someFacts.Add("muc", dataset.Value{}, dataset.Loc{})
	tests := []struct {
		name string
		ds   *dataset.Dataset
		want string
	}{
		{"whole shape, values empty", &dataset.Dataset{Facts: allFacts(), Tables: map[string]*dataset.Table{"Hồ sơ": months()}}, "[]"},
		{"rate column left out", &dataset.Dataset{Facts: allFacts(), Tables: map[string]*dataset.Table{"Hồ sơ": noRate}}, "[]"},
		{"a stock column missing", &dataset.Dataset{Facts: allFacts(), Tables: map[string]*dataset.Table{"Hồ sơ": noStock}}, "[{ Hồ sơ Đang giải quyết}]"},
		{"facts and table missing", &dataset.Dataset{Facts: someFacts}, "[{so_van_ban  } {ngay_ban_hanh  } { Hồ sơ }]"},
		{"no fact sheet", &dataset.Dataset{Tables: map[string]*dataset.Table{"Hồ sơ": months()}}, "[{ Thông tin }]"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(c.Lacks(tt.ds)); got != tt.want {
			t.Errorf("%s: Lacks = %s, want %s", tt.name, got, tt.want)
		}
	}
	cons := *c
	cons.Consolidation = &Consolidation{}
	if got := cons.Lacks(&dataset.Dataset{Facts: allFacts()}); len(got) != 0 {
		t.Errorf("a consolidating contract's tables come from its units; Lacks = %v", got)
	}
}
