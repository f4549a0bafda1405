package samples

// PhuongTanMy2026 is the sample behind the third built-in template: the
// annual report of a UBND phường on administrative reform (Báo cáo kết quả
// thực hiện công tác cải cách hành chính năm 2026), as a ward writes it
// under today's two-level local government. The ward, its people and every
// figure are INVENTED, chosen only to be plausible and consistent: each
// quarter's files carried in are the previous quarter's files pending, and
// received = carried in + new online + new direct = resolved + pending.
func PhuongTanMy2026() *Workbook {
	return &Workbook{
		Title:   "Cải cách hành chính năm 2026 - phường Tân Mỹ (số liệu minh họa, không có thật)",
		Created: "2026-12-15T00:00:00Z",
		Facts: []Fact{
			{Note: "Văn bản"},
			{"ten_don_vi", "phường Tân Mỹ", "Tên đơn vị như viết trong câu (chữ thường)"},
			{"goi_tat", "Phường", "Cách gọi tắt đơn vị trong câu"},
			{"tinh", "Đồng Nai", "Tỉnh (tên đơn vị cấp trên)"},
			{"dia_danh", "Tân Mỹ", "Địa danh ở dòng ngày tháng"},
			{"so_van_ban", 215, "Số văn bản; gõ - nếu văn thư cấp số sau khi đăng ký"},
			{"ngay_ban_hanh", Date(2026, 12, 15), "Ngày ban hành"},
			{"nam", 2026, "Năm báo cáo"},
			{"ngay_so_lieu", Date(2026, 12, 14), "Số liệu tính đến ngày"},
			{"quyen_han_ky", "KT. Chủ tịch", "Quyền hạn ký (TM., KT., Q., TL., TUQ.)"},
			{"chuc_vu_ky", "Phó Chủ tịch", "Chức vụ người ký"},
			{"nguoi_ky", "Lê Thị Minh Thư", "Họ tên người ký"},

			{Note: "I. Công tác chỉ đạo, điều hành"},
			{"kh_cchc_so", "15/KH-UBND", "Kế hoạch CCHC năm của phường: số, ký hiệu"},
			{"kh_cchc_ngay", Date(2026, 1, 12), "Kế hoạch CCHC năm: ngày ban hành"},
			{"kh_nhiem_vu", 24, "Số nhiệm vụ trong Kế hoạch CCHC năm"},
			{"kh_hoan_thanh", 23, "Số nhiệm vụ đã hoàn thành"},
			{"kt_luot", 6, "Lượt kiểm tra CCHC tại các bộ phận, tổ dân phố"},
			{"tt_tin_bai", 36, "Tin, bài tuyên truyền CCHC trên trang thông tin điện tử, mạng xã hội"},
			{"tt_hoi_nghi", 4, "Hội nghị, buổi tuyên truyền CCHC"},

			{Note: "II. Kết quả thực hiện các nhiệm vụ"},
			{"vb_qppl", 3, "Văn bản quy phạm pháp luật HĐND, UBND phường ban hành"},
			{"vb_ra_soat", 42, "Văn bản được rà soát, hệ thống hóa"},
			{"tthc_tham_quyen", 212, "TTHC thuộc thẩm quyền giải quyết của UBND phường"},
			{"tthc_toan_trinh", 158, "Trong đó cung cấp dịch vụ công trực tuyến toàn trình"},
			{"tthc_mot_phan", 54, "Trong đó dịch vụ công trực tuyến một phần"},
			{"bien_che_giao", 48, "Biên chế công chức được giao"},
			{"bien_che_co_mat", 45, "Công chức có mặt"},
			{"thu_ngan_sach_du_toan", 18450, "Dự toán thu ngân sách (triệu đồng)"},
			{"thu_ngan_sach_thuc_hien", 19210, "Thực hiện thu ngân sách (triệu đồng)"},
			{"ky_so_ty_le", 100, "Văn bản đi được ký số (%)"},
			{"so_hoa_ty_le", 92, "Hồ sơ TTHC được số hóa khi tiếp nhận (%)"},
			{"thanh_toan_ty_le", 61, "Hồ sơ có phí được thanh toán trực tuyến (%)"},

			{Note: "III, IV. Đánh giá chung và phương hướng"},
			{"han_che", "Một số hồ sơ đất đai còn giải quyết quá hạn do phải xác minh nguồn gốc đất.\nTỷ lệ thanh toán trực tuyến chưa đạt chỉ tiêu của tỉnh.",
				"Tồn tại, hạn chế (mỗi dòng một ý: Alt+Enter)"},
			{"phuong_huong", "Tiếp tục rà soát, đơn giản hóa TTHC; công khai đầy đủ trên Cổng dịch vụ công quốc gia.\nNâng tỷ lệ hồ sơ trực tuyến toàn trình và thanh toán trực tuyến.\nTăng cường kiểm tra, giám sát kỷ luật, kỷ cương hành chính tại Bộ phận Một cửa.",
				"Phương hướng, nhiệm vụ năm sau (mỗi dòng một ý: Alt+Enter)"},
		},
		Tables: []Table{
			{
				Name:  "Hồ sơ TTHC",
				Title: "Tình hình tiếp nhận, giải quyết hồ sơ TTHC theo quý",
				Header: [][]string{
					{"Quý", "Từ kỳ trước", "Mới tiếp nhận", "", "Tổng số", "Đã giải quyết", "", "Đang giải quyết"},
					{"", "", "Trực tuyến", "Trực tiếp, bưu chính", "", "Trước hạn, đúng hạn", "Quá hạn", ""},
				},
				Rows: []Row{
					{"Quý I", []any{12, 410, 118, Formula("{Hồ sơ TTHC|Quý I|Từ kỳ trước}+{Hồ sơ TTHC|Quý I|Trực tuyến}+{Hồ sơ TTHC|Quý I|Trực tiếp, bưu chính}"), 520, 3, 17}},
					{"Quý II", []any{17, 455, 102, Formula("{Hồ sơ TTHC|Quý II|Từ kỳ trước}+{Hồ sơ TTHC|Quý II|Trực tuyến}+{Hồ sơ TTHC|Quý II|Trực tiếp, bưu chính}"), 556, 2, 16}},
					{"Quý III", []any{16, 498, 95, Formula("{Hồ sơ TTHC|Quý III|Từ kỳ trước}+{Hồ sơ TTHC|Quý III|Trực tuyến}+{Hồ sơ TTHC|Quý III|Trực tiếp, bưu chính}"), 590, 4, 15}},
					{"Quý IV", []any{15, 530, 88, Formula("{Hồ sơ TTHC|Quý IV|Từ kỳ trước}+{Hồ sơ TTHC|Quý IV|Trực tuyến}+{Hồ sơ TTHC|Quý IV|Trực tiếp, bưu chính}"), 611, 1, 21}},
				},
				Widths: []float64{14, 12, 12, 14, 12, 14, 12, 14},
			},
			{
				Name:  "Phản ánh, kiến nghị",
				Title: "Phản ánh, kiến nghị về quy định hành chính theo quý",
				Header: [][]string{
					{"Quý", "Tiếp nhận", "Đã xử lý", "Đang xử lý"},
				},
				Rows: []Row{
					{"Quý I", []any{3, 3, 0}},
					{"Quý II", []any{5, 4, 1}},
					{"Quý III", []any{2, 3, 0}},
					{"Quý IV", []any{4, 3, 1}},
				},
			},
		},
	}
}
