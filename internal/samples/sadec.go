package samples

// SaDec2024 is the workbook behind Báo cáo 371/BC-UBND of UBND thành phố
// Sa Đéc (09/10/2024): the PAR Index self-assessment at 30/9/2024 and the
// figures its narrative quotes. Sources: shared/research/seed-figures.md
// part A; the seed's own inconsistencies are kept (see the template's
// README), so that the build reports them.
func SaDec2024() *Workbook {
	return &Workbook{
		Title: "Chỉ số CCHC thành phố Sa Đéc 2024 (ước đến 30/9/2024)",
		Facts: []Fact{
			{Note: "Văn bản"},
			{"ten_don_vi", "thành phố Sa Đéc", "Tên đơn vị như viết trong câu (chữ thường)"},
			{"goi_tat", "Thành phố", "Cách gọi tắt đơn vị trong câu (Thành phố, Phường, Xã, Tỉnh)"},
			{"dia_danh", "Sa Đéc", "Địa danh ở dòng ngày tháng"},
			{"so_van_ban", 371, "Số văn bản; gõ - nếu văn thư cấp số sau khi đăng ký"},
			{"ngay_ban_hanh", Date(2024, 10, 9), "Ngày ban hành"},
			{"ky_bao_cao", "09 tháng đầu năm 2024", "Kỳ báo cáo"},
			{"nam", 2024, "Năm đánh giá"},
			{"ngay_uoc_tinh", Date(2024, 9, 30), "Kết quả ước tính đến ngày"},
			{"quyen_han_ky", "TM. Ủy ban nhân dân", "Quyền hạn ký"},
			{"chuc_vu_ky", "", "Chức vụ người ký (bản OCR không còn dòng này)"},
			{"nguoi_ky", "Nguyễn Văn Hòn", "Họ tên người ký (bản OCR đọc không chắc chắn)"},

			{Note: "Lĩnh vực 1: Công tác chỉ đạo, điều hành"},
			{"kh_cchc_uoc_dat", 90, "Tiêu chí (1): mức thực hiện Kế hoạch CCHC ước đạt (%)"},
			{"kt_phong", 5, "Tiêu chí (3): số phòng chuyên môn được kiểm tra"},
			{"kt_don_vi_su_nghiep", 1, "Tiêu chí (3): số đơn vị sự nghiệp được kiểm tra"},
			{"kt_xa", 9, "Tiêu chí (3): số xã, phường được kiểm tra"},
			{"kt_hoan_thanh", 100, "Tiêu chí (3): tỷ lệ hoàn thành kế hoạch kiểm tra (%)"},
			{"tt_tin_bai_don_vi", 17, "Tiêu chí (4): tin bài CCHC trên Trang thông tin điện tử thành phố"},
			{"tt_tin_bai_tinh", 1, "Tiêu chí (4): tin bài trên trang CCHC tỉnh"},
			{"tt_ky_phat_thanh", 2, "Tiêu chí (4): số kỳ phát thanh mỗi tháng"},
			{"mh_toan_don_vi", 14, "Tiêu chí (5): mô hình trên địa bàn toàn thành phố"},
			{"mh_qd_so", "04/QĐ-UBND-HC", "Tiêu chí (5): số, ký hiệu quyết định về các mô hình"},
			{"mh_qd_ngay", Date(2024, 1, 8), "Tiêu chí (5): ngày quyết định"},
			{"mh_co_so", 38, "Tiêu chí (5): mô hình tại các phòng chuyên môn và UBND các xã, phường"},
			{"nv_truoc_han", 10, "Tiêu chí (6): nhiệm vụ UBND tỉnh giao hoàn thành trước hạn"},
			{"nv_dung_han", 31, "Tiêu chí (6): nhiệm vụ hoàn thành đúng hạn"},
			{"dt_kh1_so", "112/KH-UBND", "Tiêu chí (7): kế hoạch đối thoại thứ nhất"},
			{"dt_kh1_ngay", Date(2024, 3, 19), "Tiêu chí (7): ngày kế hoạch thứ nhất"},
			{"dt_kh2_so", "117/KH-UBND", "Tiêu chí (7): kế hoạch đối thoại thứ hai"},
			{"dt_kh2_ngay", Date(2024, 3, 21), "Tiêu chí (7): ngày kế hoạch thứ hai"},

			{Note: "Lĩnh vực 5, 6, 7"},
			{"dtbd_dat", 8, "LV5 (5): nội dung đào tạo, bồi dưỡng đã thực hiện"},
			{"dtbd_ke_hoach", 9, "LV5 (5): nội dung theo Kế hoạch của thành phố"},
			{"dtbd_chi_tieu_dat", 23, "LV5 (5): nội dung đạt so với chỉ tiêu Sở Nội vụ phân bổ"},
			{"dtbd_chi_tieu", 24, "LV5 (5): chỉ tiêu Sở Nội vụ phân bổ"},
			{"tc6_1_diem", 1.0, "LV6 (1): điểm nêu trong báo cáo gốc (chưa đối chiếu được với điểm lĩnh vực)"},
			{"tc6_4_diem", 0.5, "LV6 (4): điểm nêu trong báo cáo gốc (chưa đối chiếu được với điểm lĩnh vực)"},
			{"dvc_huyen_ty_le", 31.94, "LV7: tỷ lệ TTHC cấp huyện có phát sinh DVC trực tuyến toàn trình (%)"},
			{"dvc_chi_tieu", 80, "LV7: chỉ tiêu giao về DVC trực tuyến toàn trình (%)"},
			{"dvc_phat_sinh_cap_xa", 3797, "LV7: TTHC cấp xã có phát sinh DVC trực tuyến toàn trình"},
			{"dvc_tong_cap_xa", 4771, "LV7: tổng số TTHC cấp xã"},

			{Note: "Đánh giá chung"},
			{"ky_so_chi_tieu", 100, "Chỉ tiêu ký số 02 lớp trên iDesk (%)"},
			{"so_hoa_chi_tieu", 80, "Chỉ tiêu số hóa kết quả giải quyết TTHC còn hiệu lực (%)"},
			{"so_hoa_noi_vu", 40, "Phòng Nội vụ đạt (%)"},
			{"so_hoa_ho_so_chi_tieu", 100, "Chỉ tiêu số hóa hồ sơ, kết quả giải quyết TTHC (%)"},
		},
		Sheet: "Chỉ số CCHC",
		Nodes: []Node{
			{Code: "Tổng", Name: "Chỉ số CCHC (thang điểm 100)", Max: 100},

			{Code: "1", Name: "Công tác chỉ đạo điều hành", Max: 16.5, Score: 13.8},
			{Code: "1.1", Name: "Kế hoạch CCHC", Max: 2, Score: 1.8},
			{Code: "1.2", Name: "Thực hiện chế độ báo cáo CCHC"},
			{Code: "1.3", Name: "Công tác kiểm tra CCHC"},
			{Code: "1.4", Name: "Công tác tuyên truyền CCHC", Max: 2, Score: 1.5},
			{Code: "1.5", Name: "Đổi mới, sáng tạo thực hiện CCHC"},
			{Code: "1.6", Name: "Thực hiện các nhiệm vụ được UBND Tỉnh, Chủ tịch UBND Tỉnh giao"},
			{Code: "1.7", Name: "Đối thoại của lãnh đạo địa phương với người dân, doanh nghiệp"},
			{Code: "1.8", Name: "Thực hiện điều tra xã hội học đối với các tiêu chí về sự năng động, quyết tâm của lãnh đạo trong CCHC", Max: 2, Survey: 2},

			{Code: "2", Name: "Cải cách thể chế", Max: 7, Score: 3},
			{Code: "2.1", Name: "Tiến độ xây dựng văn bản Quy phạm pháp luật (QPPL) theo quy định"},
			{Code: "2.2", Name: "Tuân thủ quy trình, thủ tục xây dựng văn bản QPPL theo quy định"},
			{Code: "2.3", Name: "Thực hiện điều tra xã hội học đối với các tiêu chí đánh giá tác động của cải cách đến chất lượng văn bản QPPL", Max: 4, Survey: 4},

			{Code: "3", Name: "Cải cách thủ tục hành chính", Max: 29, Score: 19},
			{Code: "3.1", Name: "Cập nhật, công khai TTHC và công khai tiến độ, kết quả giải quyết TTHC"},
			{Code: "3.2", Name: "Thực hiện cơ chế một cửa, cơ chế một cửa liên thông"},
			{Code: "3.3", Name: "Kết quả giải quyết TTHC"},
			{Code: "3.4", Name: "Thực hiện kiểm soát TTHC"},
			{Code: "3.5", Name: "Công tác tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết của địa phương"},
			{Code: "3.6", Name: "Thực hiện khảo sát đo lường sự hài lòng của cá nhân, tổ chức đối với sự phục vụ và giải quyết TTHC của địa phương (Chỉ số SIPAS)", Max: 10, Survey: 10},

			{Code: "4", Name: "Cải cách tổ chức bộ máy hành chính", Max: 8, Score: 6},
			{Code: "4.1", Name: "Thực hiện Quy định của UBND Tỉnh về hướng dẫn của các bộ, ngành về tổ chức bộ máy"},
			{Code: "4.2", Name: "Thực hiện quy định về sử dụng biên chế được cấp có thẩm quyền giao"},
			{Code: "4.3", Name: "Thực hiện phân cấp quản lý"},
			{Code: "4.4", Name: "Điều tra xã hội học (tiêu chí thành phần)", Max: 2, Survey: 2},

			{Code: "5", Name: "Cải cách chế độ công vụ", Max: 14, Score: 5.9583},
			{Code: "5.1", Name: "Thực hiện cơ cấu công chức, viên chức theo vị trí việc làm"},
			{Code: "5.2", Name: "Công tác quản lý, sử dụng đội ngũ CBCCVC"},
			{Code: "5.3", Name: "Thực hiện quy định về bổ nhiệm vị trí lãnh đạo tại các cơ quan hành chính"},
			{Code: "5.4", Name: "Đánh giá, phân loại công chức, viên chức"},
			{Code: "5.5", Name: "Thực hiện kế hoạch đào tạo, bồi dưỡng CBCCVC", Max: 1, ScoreFormula: "ROUND(%s/%s,4)", ScoreFacts: []string{"dtbd_chi_tieu_dat", "dtbd_chi_tieu"}},
			{Code: "5.6", Name: "Cán bộ, công chức cấp xã"},
			{Code: "5.7", Name: "Thực hiện điều tra xã hội học đối với các tiêu chí thành phần, như: Tính công khai, minh bạch trong công tác bổ nhiệm các chức danh lãnh đạo, quản lý; Tình trạng tiêu cực trong thi nâng ngạch công chức, thăng hạng viên chức và thực hiện điều tra xã hội học đối với tác động của cải cách đến chất lượng đội ngũ công chức, viên chức", Max: 8, Survey: 8},

			// The seed prints 03/04 for this field: the maximum 4 is the
			// seed's (it must be 7: self-assessed 4 + ĐTXHH 3), kept so
			// that the build warns.
			{Code: "6", Name: "Cải cách tài chính công", Max: 4, Score: 3},
			{Code: "6.1", Name: "Thực hiện giải ngân Kế hoạch đầu tư vốn ngân sách nhà nước"},
			{Code: "6.2", Name: "Thực hiện và báo cáo thực hiện cơ chế tự chủ, tự chịu trách nhiệm về sử dụng kinh phí hành chính tại địa phương (Các phòng chuyên môn, đơn vị sự nghiệp trực thuộc, UBND cấp xã)"},
			{Code: "6.3", Name: "Thực hiện tiết kiệm kinh phí hành chính, tăng thu nhập tại các cơ quan, đơn vị, địa phương"},
			{Code: "6.4", Name: "Thực hiện chuyển đổi đơn vị sự nghiệp công lập trực thuộc do ngân sách bảo đảm chi thường xuyên hoặc tự chủ đảm bảo chi thường xuyên"},
			{Code: "6.5", Name: "Thực hiện quy định về phân phối kết quả tài chính hoặc sử dụng kinh phí tiết kiệm chi thường xuyên trong năm tại các đơn vị sự nghiệp công lập"},
			{Code: "6.6", Name: "Thực hiện điều tra xã hội học đối với các tiêu chí đánh giá tác động của cải cách đến quản lý tài chính công", Max: 3, Survey: 3},

			{Code: "7", Name: "Xây dựng chính quyền điện tử, chính quyền số"},
			{Code: "7.1", Name: "Phát triển các ứng dụng, dịch vụ trong nội bộ cơ quan nhà nước"},
			{Code: "7.1.1", Name: "Tỷ lệ trao đổi văn bản điện tử (Có ký số) đạt trên 90% trên phần mềm iDesk", Max: 1.5, Score: 0.5},
			{Code: "7.1.2", Name: "Các tiêu chí thành phần còn lại", Max: 3, Score: 3},
			{Code: "7.2", Name: "Phát triển ứng dụng, dịch vụ phục vụ người dân, tổ chức"},
			{Code: "7.2.1", Name: "Tỷ lệ TTHC thuộc thẩm quyền giải quyết cấp huyện có phát sinh dịch vụ công trực tuyến toàn trình", Max: 0.75, Score: 0},
			{Code: "7.2.2", Name: "Tỷ lệ TTHC thuộc thẩm quyền giải quyết cấp xã có phát sinh dịch vụ công trực tuyến toàn trình", Max: 0.75, Score: 0},
			{Code: "7.2.3", Name: "Triển khai số hóa TTHC cấp huyện và cấp xã", Max: 3, Score: 0.91},
			{Code: "7.2.4", Name: "Thực hiện thanh toán trực tuyến đối với TTHC cấp huyện", Max: 1, Score: 0.82},
			{Code: "7.2.5", Name: "Thực hiện thanh toán trực tuyến đối với TTHC cấp xã", Max: 1, Score: 0.88},
			{Code: "7.2.6", Name: "Các tiêu chí thành phần còn lại", Max: 2.5, Score: 2.5},
			{Code: "7.2.7", Name: "Chất lượng cung cấp thông tin trên Trang thông tin điện tử của địa phương", Max: 1, Survey: 1},

			{Code: "8", Name: "Tác động của cải cách hành chính đến phát triển Kinh tế - Xã hội"},
			{Code: "8.1", Name: "Mức độ thu hút đầu tư", Max: 1, Score: 0.5},
			{Code: "8.2", Name: "Mức độ phát triển doanh nghiệp, hộ kinh doanh trên địa bàn", Max: 1, Score: 0.6},
			{Code: "8.3", Name: "Tiến độ, kết quả thực hiện thu ngân sách nhà nước", Max: 1, Score: 0.6},
			{Code: "8.4", Name: "Mức độ thực hiện các chỉ tiêu phát triển Kinh tế - Xã hội do HĐND cùng cấp giao", Max: 1, Score: 0.82},
		},
	}
}
