package samples

import (
	"fmt"
	"math"
)

// wardNames are the units of the consolidation sample. The province, the
// wards and communes and every figure are INVENTED: they exist only to
// show a consolidation at work.
var wardNames = []string{
	"phường An Bình", "phường Bình Minh", "phường Đông Hòa", "phường Hòa Lợi", "phường Long Tâm",
	"phường Minh Khai", "phường Phú Mỹ", "phường Tân Mỹ", "phường Thanh Bình", "phường Trung Dũng",
	"xã An Phước", "xã Bình Sơn", "xã Đồng Tâm", "xã Hòa Hiệp", "xã Long Phước",
	"xã Mỹ Lộc", "xã Phước Thái", "xã Suối Nho", "xã Tân Hạnh", "xã Vĩnh Thanh",
}

// Wards are the unit workbooks of the consolidation sample: each is the
// phường sample (PhuongTanMy2026) with its own name, number and figures,
// consistent quarter by quarter (each quarter carries in the previous
// quarter's pending files; received = carried in + new = resolved +
// pending). The file names are ward-NN.xlsx.
func Wards() []*Workbook {
	var out []*Workbook
	for i, name := range wardNames {
		w := PhuongTanMy2026()
		w.Title = "Cải cách hành chính năm 2026 - " + name + " (số liệu minh họa, không có thật)"
		place := name[len("phường "):]
		if name[0] == 'x' {
			place = name[len("xã "):]
		}
		k := 0.5 + float64((i*37)%17)/10 // a size from 0,5 to 2,1
		for j := range w.Facts {
			f := &w.Facts[j]
			switch f.Key {
			case "ten_don_vi":
				f.Value = name
			case "goi_tat":
				if name[0] == 'x' {
					f.Value = "Xã"
				}
			case "dia_danh":
				f.Value = place
			case "so_van_ban":
				f.Value = 180 + i*3
			case "nguoi_ky":
				f.Value = []string{"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"}[i%5]
			case "kh_nhiem_vu":
				f.Value = 20 + i%6
			case "kh_hoan_thanh":
				f.Value = 20 + i%6 - i%3
			case "tthc_tham_quyen":
				f.Value = 200 + i%13
			case "thu_ngan_sach_du_toan":
				f.Value = int(math.Round(18450 * k))
			case "thu_ngan_sach_thuc_hien":
				f.Value = int(math.Round(18450 * k * (0.94 + 0.01*float64(i%12))))
			}
		}
		t := &w.Tables[0] // Hồ sơ TTHC by quarter
		carried := int(math.Round(12 * k))
		for q := range t.Rows {
			online := int(math.Round(float64(410+45*q) * k * (1 + 0.02*float64(i%5))))
			direct := int(math.Round(float64(118-10*q) * k))
			late := (i + q) % 4
			pending := 8 + (i*(q+1))%14
			total := carried + online + direct
			key := t.Rows[q].Key
			cell := func(col string) string { return fmt.Sprintf("{Hồ sơ TTHC|%s|%s}", key, col) }
			t.Rows[q].Cells = []any{carried, online, direct,
				Formula(cell("Từ kỳ trước") + "+" + cell("Trực tuyến") + "+" + cell("Trực tiếp, bưu chính")),
				total - late - pending, late, pending}
			carried = pending
		}
		p := &w.Tables[1] // Phản ánh, kiến nghị by quarter
		open := 0
		for q := range p.Rows {
			recv := (i + 2*q) % 6
			done := recv + open
			if q == len(p.Rows)-1 && i%3 == 0 && done > 0 {
				done-- // one still open at the end of the year
			}
			open = recv + open - done
			p.Rows[q].Cells = []any{recv, done, open}
		}
		out = append(out, w)
	}
	return out
}

// WardFile is the file name of the i-th ward workbook (0-based).
func WardFile(i int) string { return fmt.Sprintf("ward-%02d.xlsx", i+1) }

// Province is the consolidating report's own workbook: the province's
// name, number, date and signer (invented).
func Province() *Workbook {
	return &Workbook{
		Title:   "Tổng hợp cải cách hành chính năm 2026 của các xã, phường - tỉnh Nam Sơn (số liệu minh họa, không có thật)",
		Created: "2026-12-28T00:00:00Z",
		Facts: []Fact{
			{Note: "Văn bản"},
			{"co_quan_chu_quan", "Ủy ban nhân dân tỉnh Nam Sơn", "Cơ quan chủ quản"},
			{"ten_don_vi", "Sở Nội vụ", "Cơ quan ban hành"},
			{"tinh", "Nam Sơn", "Tỉnh (tên không có thật)"},
			{"dia_danh", "Nam Sơn", "Địa danh ở dòng ngày tháng"},
			{"so_van_ban", 512, "Số văn bản; gõ - nếu văn thư cấp số sau khi đăng ký"},
			{"ngay_ban_hanh", Date(2026, 12, 28), "Ngày ban hành"},
			{"nam", 2026, "Năm báo cáo"},
			{"quyen_han_ky", "KT. Giám đốc", "Quyền hạn ký"},
			{"chuc_vu_ky", "Phó Giám đốc", "Chức vụ người ký"},
			{"nguoi_ky", "Đỗ Minh Quân", "Họ tên người ký"},
			{"muc_tieu_dung_han", 99.7, "Chỉ tiêu tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn (%)"},
		},
	}
}
