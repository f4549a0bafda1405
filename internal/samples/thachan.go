package samples

// ThachAn2025 is the workbook behind Báo cáo 270/BC-UBND of UBND huyện
// Thạch An (23/5/2025), the 2021 - 2025 summary of administrative reform.
// Sources: shared/research/seed-figures.md part B (every figure) and part C
// (the seed's inconsistencies, which the sample keeps: see the sheet
// "Đối chiếu" and templates/tong-ket-cchc-2021-2025/README.md).
func ThachAn2025() *Workbook {
	const tt = "Trực tiếp, dịch vụ bưu chính"
	return &Workbook{
		Title:   "Tổng kết CCHC huyện Thạch An giai đoạn 2021 - 2025 (số liệu đến 31/3/2025)",
		Created: "2025-05-23T00:00:00Z",
		Facts: []Fact{
			{Note: "Văn bản"},
			{"co_quan", "Ủy ban nhân dân", "Cơ quan ban hành (dòng 1)"},
			{"ten_don_vi", "huyện Thạch An", "Tên đơn vị như viết trong câu (chữ thường)"},
			{"tinh", "Cao Bằng", "Tỉnh"},
			{"dia_danh", "Thạch An", "Địa danh ở dòng ngày tháng"},
			{"so_van_ban", 270, "Số văn bản"},
			{"ngay_ban_hanh", Date(2025, 5, 23), "Ngày ban hành"},
			{"giai_doan", "2021 - 2025", "Giai đoạn tổng kết"},
			{"giai_doan_sau", "2026 - 2030", "Giai đoạn đề xuất"},
			{"ngay_so_lieu", Date(2025, 3, 31), "Số liệu tính đến ngày"},
			{"quyen_han_ky", "", "Quyền hạn ký (TM. Ủy ban nhân dân): bản OCR của nguồn không có dòng này, mẫu không tự thêm"},
			{"chuc_vu_ky", "Chủ tịch", "Chức vụ người ký"},
			{"nguoi_ky", "Nông Thế Phúc", "Họ tên người ký (OCR \"Néng Thé Phiic\")"},
			{"so_xa", 14, "Số xã, thị trấn"},

			{Note: "Văn bản được trích dẫn (số, ký hiệu và ngày)"},
			{"nq76_so", "76/NQ-CP", "Nghị quyết của Chính phủ ban hành Chương trình tổng thể CCHC nhà nước giai đoạn 2021 - 2030"},
			{"nq76_ngay", Date(2021, 7, 15), ""},
			{"kh_tinh_so", "2439/KH-UBND", "Kế hoạch của UBND tỉnh về CCHC nhà nước giai đoạn 2021 - 2025"},
			{"kh_tinh_ngay", Date(2021, 9, 14), ""},
			{"kh_giai_doan_so", "1828/KH-UBND", "Kế hoạch CCHC nhà nước huyện Thạch An giai đoạn 2021 - 2025 (chú thích 1)"},
			{"kh_giai_doan_ngay", Date(2021, 12, 15), ""},
			{"kh_thi_dua_so", "536/KH-UBND", "Kế hoạch phát động phong trào thi đua đẩy mạnh CCHC gắn với chuyển đổi số"},
			{"kh_thi_dua_ngay", Date(2022, 4, 20), ""},
			{"hd_khen_thuong_so", "1562/HD-UBND", "Hướng dẫn khen thưởng phong trào thi đua"},
			{"hd_khen_thuong_ngay", Date(2023, 8, 31), ""},
			{"ct12_so", "12/CT-UBND", "Chỉ thị của Chủ tịch UBND tỉnh về đẩy mạnh CCHC, kỷ luật, kỷ cương"},
			{"ct12_ngay", Date(2016, 10, 7), ""},
			{"ct01_so", "01/CT-UBND", "Chỉ thị của Chủ tịch UBND tỉnh về tăng cường kỷ luật, kỷ cương"},
			{"ct01_ngay", Date(2018, 1, 26), ""},
			{"ct15_so", "15/CT-UBND", "Chỉ thị của Chủ tịch UBND tỉnh về kỷ luật kỷ cương, đẩy mạnh CCHC"},
			{"ct15_ngay", Date(2022, 11, 23), ""},
			{"qd468_so", "468/QĐ-TTg", "Quyết định của Thủ tướng Chính phủ về đổi mới cơ chế một cửa (bản gốc ghi \"của Chính phủ\")"},
			{"qd468_ngay", Date(2021, 3, 27), ""},
			{"tt02_so", "02/2017/TT-VPCP", "Thông tư hướng dẫn nghiệp vụ kiểm soát TTHC (bản gốc ghi \"02/TT-VPCP\")"},
			{"tt02_ngay", Date(2017, 10, 31), ""},
			{"cv_chuc_nang_so", "442/UBND-NV", "Công văn hướng dẫn quy định chức năng, nhiệm vụ cơ quan chuyên môn (chú thích 20)"},
			{"cv_chuc_nang_ngay", Date(2022, 4, 12), ""},
			{"da_giai_the_so", "01/ĐA-UBND", "Đề án giải thể Phòng Y tế (chú thích 21)"},
			{"da_giai_the_ngay", Date(2022, 12, 5), ""},
			{"da_hop_nhat_so", "01/ĐA-UBND", "Đề án hợp nhất các cơ quan chuyên môn (chú thích 22)"},
			{"da_hop_nhat_ngay", Date(2025, 2, 14), ""},
			{"da_tinh_uy_so", "12-ĐA/TU", "Đề án của Tỉnh ủy về sắp xếp đơn vị sự nghiệp công lập"},
			{"da_tinh_uy_ngay", Date(2018, 11, 8), ""},
			{"kh_sap_xep_so", "1029/KH-UBND", "Kế hoạch của UBND tỉnh về sắp xếp đơn vị hành chính"},
			{"kh_sap_xep_ngay", Date(2025, 4, 11), ""},
			{"nq74_so", "74/NQ-CP", "Nghị quyết của Chính phủ về sắp xếp đơn vị hành chính"},
			{"nq74_ngay", Date(2025, 4, 7), ""},
			{"ttlt71_so", "71/2014/TTLT-BTC-BNV", "Thông tư liên tịch về tự chủ biên chế, kinh phí (bản gốc ghi \"TTLTBTCBNV\")"},
			{"ttlt71_ngay", Date(2014, 5, 30), ""},

			{Note: "I. Tình hình triển khai"},
			{"so_noi_dung_ct", 6, "Nội dung của Chương trình tổng thể CCHC"},
			{"vb_chi_dao_huyen", 244, "Văn bản lãnh đạo, chỉ đạo CCHC của UBND huyện, 2021 - 2025 (chú thích 3)"},
			{"vb_chi_dao_xa", 985, "Văn bản của UBND các xã, thị trấn, 2021 - 2025 (chú thích 4)"},
			{"hinh_thuc_khao_sat", 2, "Hình thức khảo sát hài lòng (phiếu giấy, quét mã QR)"},
			{"khac_phuc_kiem_tra", 100, "Kết quả khắc phục sau kiểm tra (%)"},
			{"tin_bai_cchc", 43, "Tin bài chuyên đề CCHC, 2021 - 2025 (chú thích 10)"},
			{"tin_bai_truyen_hinh", 1, "Trong đó phát trên Đài truyền hình tỉnh"},

			{Note: "II.1. Cải cách thể chế"},
			{"gdpl_cuoc", 321, "Cuộc tuyên truyền, phổ biến GDPL, 2021 - 2025 (chú thích 12)"},
			{"gdpl_nguoi_nghe", 26380, "Người nghe"},

			{Note: "II.2. Cải cách TTHC"},
			{"dien_tich_mot_cua", 30, "Diện tích phòng Bộ phận TN&TKQ huyện (m2, khoảng)"},

			{Note: "II.3. Tổ chức bộ máy"},
			{"co_quan_chuyen_mon_quy_dinh", 12, "Cơ quan chuyên môn được quy định chức năng, nhiệm vụ từ năm 2022"},
			{"giai_the_phong", 1, "Phòng chuyên môn giải thể (Phòng Y tế, 2022)"},
			{"phong_truoc", 13, "Số phòng ban chuyên môn trước sắp xếp"},
			{"phong_sau", 10, "Số phòng ban chuyên môn sau sắp xếp"},
			{"truong_sap_nhap", 4, "Trường sáp nhập (chú thích 23)"},
			{"truong_tach", 2, "Trường tách (chú thích 24)"},
			{"truong_to_chuc_lai", 1, "Trường tổ chức lại (chú thích 25)"},
			{"truong_tiep_nhan", 1, "Trường tiếp nhận (chú thích 26)"},
			{"dvsncl", 36, "Đơn vị sự nghiệp công lập trực thuộc (04/2025)"},
			{"tinh_gian", 12, "CBCCVC được giải quyết tinh giản biên chế, 2021 - 2025"},

			{Note: "II.4. Chế độ công vụ"},
			{"vtvl_dvsncl", 35, "Đơn vị sự nghiệp công lập có đề án vị trí việc làm (nguồn: 35; hiện có 36 đơn vị)"},
			{"vtvl_hoi", 4, "Tổ chức hội có đề án vị trí việc làm"},
			{"hdld_111", 12, "Hợp đồng lao động theo NĐ 111/2022/NĐ-CP tại ĐVSNCL được phê duyệt"},
			{"hdld_111_tong", 12, "Tổng số người lao động theo danh sách"},
			{"hdld_giao_duc", 48, "Hợp đồng chuyên môn tại cơ sở giáo dục, năm học 2024 - 2025"},
			{"tuyen_khong_thi_cap_xa", 4, "Công chức cấp xã tuyển dụng không qua thi tuyển"},
			{"tuyen_khong_thi_nam_cap_xa", 2023, "Năm tuyển dụng không qua thi tuyển"},
			{"dao_tao_luot", 1247, "Lượt CBCC tham gia đào tạo, bồi dưỡng, 2021 - 2025"},
			{"ky_luat", 15, "CBCCVC bị xử lý kỷ luật trong kỳ báo cáo"},

			{Note: "II.5. Tài chính công"},
			{"tu_chu_phong", 10, "Phòng ban thực hiện tự chủ"},
			{"tiet_kiem_luong", 10, "Tiết kiệm chi thường xuyên để cải cách tiền lương (%)"},
			{"dvsncl_truong", 33, "ĐVSNCL: trường học"},
			{"dvsncl_van_hoa", 1, "ĐVSNCL: văn hóa"},
			{"dvsncl_kinh_te", 1, "ĐVSNCL: kinh tế"},
			{"dvsncl_tu_bao_dam", 1, "ĐVSNCL tự bảo đảm chi thường xuyên (nguồn gộp với các lĩnh vực: 33 + 1 + 1 + 1 = 36)"},

			{Note: "II.6, III.1. Chính quyền điện tử, chính quyền số"},
			{"ho_so_mang_huyen", 80, "Hồ sơ công việc cấp huyện xử lý trên môi trường mạng (trên, %)"},
			{"ho_so_mang_xa", 60, "Hồ sơ công việc cấp xã xử lý trên môi trường mạng (%)"},
			{"vb_dien_tu", 90, "Văn bản trao đổi hoàn toàn điện tử (trên, %)"},
			{"hop_thu", 90, "CBCCVC có hộp thư công vụ (trên, %)"},
			{"ty_le_nop_truc_tuyen", 99.85, "Tỷ lệ nộp hồ sơ trực tuyến (toàn trình và một phần), % - số của nguồn, không suy ra được từ sheet TTHC"},
			{"so_hoa_tiep_nhan", 98, "Số hóa hồ sơ, kết quả giải quyết TTHC khi tiếp nhận (từ, %)"},
			{"thanh_toan_truc_tuyen", 68.4, "Hồ sơ TTHC thanh toán trực tuyến qua Cổng DVCQG (%)"},
			{"so_hoa_luu_kho", 97.51, "Số hóa lưu kho dữ liệu huyện và xã, đến năm 2024 (%)"},
		},
		Tables: []Table{
			{
				Name:  "TTHC",
				Title: "Biểu 06/VPCP/KSTT - Tình hình, kết quả giải quyết TTHC toàn huyện (chú thích 19)",
				Header: [][]string{
					{"Kỳ báo cáo", "Số hồ sơ nhận giải quyết", "", "", "", "Số hồ sơ đã giải quyết", "", "", "", "Số hồ sơ đang giải quyết", "", "", "Quá hạn do kiểm tra hệ thống", "Ghi chú"},
					{"", "Tổng số", "Trực tuyến", tt, "Từ kỳ trước", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn", "", ""},
				},
				Widths: []float64{28, 10, 10, 12, 10, 10, 10, 10, 10, 10, 10, 10, 12, 40},
				Rows: []Row{
					{2021, []any{23870, 0, 23838, 32, 23861, 7242, 16543, 76, 9, 9, 0}},
					// The seed does not state the 2022 total ("Số mới tiếp
					// nhận trong kỳ: 15.788" is online + direct); the cell
					// gives it as its parts imply, by formula.
					{2022, []any{Formula("{TTHC|2022|Trực tuyến}+{TTHC|2022|" + tt + "}+{TTHC|2022|Từ kỳ trước}"), 1214, 14574, 9, 15699, 152, 15488, 59, 98, 98, 0, nil,
						"Tổng số không có trong nguồn: công thức cộng các thành phần. Nguồn viết \"15,488\" cho 15.488."}},
					// Carried over 6, though 2022 left 98 pending (seed).
					{2023, []any{8778, 6791, 1981, 6, 8770, 8365, 349, 56, 8, 7, 1}},
					// Early and on time are given together (7.306).
					{2024, []any{7330, 7285, 37, 8, 7321, nil, nil, 15, 9, 9, nil, 1,
						"Nguồn chỉ cho số trước hạn và đúng hạn gộp (7.306)."}},
					// Carried over 10, though 2024 left 9 pending (seed).
					{"Từ 05/12/2024 đến 31/3/2025", []any{1643, 1608, 25, 10, 1635, nil, nil, 2, 8, 8, nil, nil,
						"Nguồn chỉ cho số trước hạn và đúng hạn gộp (1.633)."}},
				},
			},
			{
				Name:  "TTHC, DVC",
				Title: "TTHC thuộc thẩm quyền, dịch vụ công trực tuyến, đề xuất đơn giản hóa (chú thích 16)",
				Header: [][]string{
					{"Cấp", "TTHC thuộc thẩm quyền", "Đề xuất đơn giản hóa", "Cung cấp trên Cổng DVC", "Toàn trình", "Một phần"},
				},
				Rows: []Row{
					{"Cấp huyện", []any{265, 15, 234, 149, 85}},
					{"Cấp xã", []any{113, 58, 78, 41, 37}},
				},
			},
			{
				Name:  "Kế hoạch",
				Title: "Kế hoạch CCHC, kế hoạch kiểm soát TTHC, quyết định thực hành tiết kiệm hằng năm (chú thích 2, 13, 37)",
				Header: [][]string{
					{"Năm", "Kế hoạch CCHC", "", "", "Kế hoạch kiểm soát TTHC", "", "", "Quyết định thực hành tiết kiệm", ""},
					{"", "Số, ký hiệu", "Ngày", "Trích yếu", "Số, ký hiệu", "Ngày", "Trích yếu", "Số, ký hiệu", "Ngày"},
				},
				Widths: []float64{8, 14, 12, 50, 14, 12, 60, 14, 12},
				Rows: []Row{
					{2021, []any{"17/KH-UBND", Date(2021, 1, 8), "về Cải cách hành chính nhà nước năm 2021",
						"1353/KH-UBND", Date(2020, 12, 26), "về kiểm soát TTHC triển khai cơ chế một cửa, một cửa liên thông và thực hiện TTHC trên môi trường điện tử năm 2021",
						"180/QĐ-UBND", Date(2021, 1, 29)}},
					// 1921/KH-UBND is cited for two different plans (seed).
					{2022, []any{"1921/KH-UBND", Date(2021, 12, 31), "về Cải cách hành chính nhà nước huyện Thạch An năm 2022",
						"1921/KH-UBND", Date(2021, 12, 31), "về kiểm soát TTHC triển khai cơ chế một cửa năm 2022",
						"539/QĐ-UBND", Date(2022, 2, 28)}},
					{2023, []any{"49/KH-UBND", Date(2023, 1, 10), "về Cải cách hành chính nhà nước huyện Thạch An năm 2023",
						"119/KH-UBND", Date(2023, 1, 30), "về kiểm soát TTHC triển khai cơ chế một cửa năm 2023",
						"362/QĐ-UBND", Date(2023, 2, 20)}},
					{2024, []any{"47/KH-UBND", Date(2024, 1, 10), "về Cải cách hành chính nhà nước huyện Thạch An năm 2024",
						"62/KH-UBND", Date(2024, 1, 12), "về kiểm soát TTHC năm 2024",
						"75/QĐ-UBND", Date(2024, 3, 15)}},
					{2025, []any{"64/KH-UBND", Date(2025, 1, 10), "về CCHC nhà nước huyện Thạch An năm 2025",
						"175/KH-UBND", Date(2025, 1, 25), "về kiểm soát TTHC năm 2025",
						"597/QĐ-UBND", Date(2025, 3, 13)}},
				},
			},
			{
				Name:  "Kiểm tra",
				Title: "Kiểm tra công tác CCHC, kỷ luật, kỷ cương hành chính hằng năm (chú thích 9)",
				Header: [][]string{
					{"Năm", "Kế hoạch số", "Ngày", "Trích yếu", "Xã kiểm tra trực tiếp", "Xã kiểm tra gián tiếp", "Phòng chuyên môn", "Dự kiến"},
				},
				Widths: []float64{8, 14, 12, 60, 10, 10, 10, 20},
				Rows: []Row{
					{2021, []any{"937/KH-UBND", Date(2021, 7, 22), "về việc kiểm tra công tác thực hiện kỷ luật, kỷ cương hành chính và công tác cải cách hành chính năm 2021", 11, 3, nil}},
					{2022, []any{"917/KH-UBND", Date(2022, 6, 18), "về kiểm tra công tác thực hiện kỷ luật, kỷ cương hành chính và cải cách hành chính năm 2022", 11, nil, nil}},
					{2023, []any{"1117/KH-UBND", Date(2023, 6, 29), "về kiểm tra công tác kỷ luật, kỷ cương hành chính và công tác CCHC năm 2023", 10, nil, 2}},
					{2024, []any{"592/KH-UBND", Date(2024, 3, 29), "về việc kiểm tra công tác thực hiện kỷ luật kỷ cương hành chính và công tác cải cách hành chính năm 2024", 11, nil, 1}},
					{2025, []any{"382/KH-UBND", Date(2025, 3, 6), "về việc kiểm tra công tác cải cách hành chính năm 2025", 10, nil, 1, "trong quý III/2025"}},
				},
			},
			{
				Name:  "Xếp hạng, xếp loại",
				Title: "Xếp hạng Chỉ số CCHC của huyện và xếp loại Chỉ số CCHC các xã, thị trấn (chú thích 5, 6)",
				Header: [][]string{
					{"Năm", "Xếp hạng của huyện", "Số đơn vị cấp huyện", "Mức", "Xã xếp loại tốt", "Xã xếp loại khá"},
				},
				Rows: []Row{
					{2021, []any{5, nil, "Khá", 0, 14}},
					{2022, []any{6, nil, "Khá", 5, 9}},
					{2023, []any{9, nil, "Khá", 0, 14}},
					{2024, []any{2, 10, "Khá", 1, 13}},
				},
			},
			{
				Name:  "Khảo sát, khen thưởng",
				Title: "Phiếu khảo sát sự hài lòng; khen thưởng CCHC của Chủ tịch UBND huyện (chú thích 7, 8)",
				Header: [][]string{
					{"Năm", "Phiếu khảo sát", "Khen thưởng tập thể", "Khen thưởng cá nhân"},
				},
				Rows: []Row{
					{2022, []any{150, nil, nil}},
					{2023, []any{nil, 3, nil}},
					{2024, []any{188, 4, 2}},
					{2025, []any{21, nil, nil}},
				},
			},
			{
				Name:  "Văn bản QPPL",
				Title: "Văn bản QPPL (chú thích 11; II.1)",
				Header: [][]string{
					{"Năm", "VB QPPL quy định chức năng, nhiệm vụ CQCM", "VB QPPL của UBND xã, thị trấn"},
				},
				Rows: []Row{
					{2022, []any{10, nil}},
					{2024, []any{2, 13}},
					{2025, []any{1, nil}},
				},
			},
			{
				Name:  "Biên chế",
				Title: "Biên chế được giao hằng năm (chú thích 27, 28, 36)",
				Header: [][]string{
					{"Năm", "Công chức hành chính", "Sự nghiệp và tổ chức hội", "CBCC cấp xã"},
				},
				Rows: []Row{
					{2021, []any{80, 660, 282}},
					{2022, []any{82, 687, 278}},
					{2023, []any{82, 701, 278}},
					{2024, []any{80, 701, 278}},
					{2025, []any{79, 701, 278}},
				},
			},
			{
				Name:  "Tuyển dụng",
				Title: "Tuyển dụng công chức, viên chức (chú thích 29 - 32)",
				Header: [][]string{
					{"Năm", "Công chức cấp xã xét chuyển cấp huyện", "Tuyển mới công chức cấp huyện", "Tuyển viên chức", "Tuyển mới công chức cấp xã"},
				},
				Rows: []Row{
					{2021, []any{1, nil, nil, nil}},
					{2022, []any{2, 8, 21, nil}},
					{2023, []any{5, 5, 7, 2}},
					{2024, []any{nil, 2, nil, 2}},
				},
			},
			{
				Name:  "Bổ nhiệm",
				Title: "Bổ nhiệm cán bộ, viên chức quản lý (chú thích 33, 34)",
				Header: [][]string{
					{"Năm", "Cán bộ quản lý cấp phòng", "", "", "", "", "", "Viên chức quản lý trường học", "", ""},
					{"", "Số người", "Hình thức", "Đối tượng", "Bổ nhiệm mới", "Tiếp nhận và bổ nhiệm", "Điều động và bổ nhiệm", "Số người", "Hình thức", "Đối tượng"},
				},
				Widths: []float64{8, 10, 40, 30, 10, 10, 10, 10, 40, 30},
				Rows: []Row{
					{2021, []any{15, "Quyết định bổ nhiệm, bổ nhiệm lại, điều động và bổ nhiệm", "cán bộ quản lý cấp phòng và tương đương", nil, nil, nil,
						2, "Quyết định bổ nhiệm, bổ nhiệm lại", "viên chức quản lý trường học"}},
					// The seed gives no 2022 figure for cấp phòng; its body
					// says 40 in all, the years add up to 28.
					{2022, []any{nil, nil, nil, nil, nil, nil,
						24, "Bổ nhiệm, bổ nhiệm lại, kéo dài thời gian bổ nhiệm đối với", "viên chức quản lý các trường học"}},
					{2023, []any{4, "Quyết định bổ nhiệm", "công chức", nil, nil, nil,
						11, "Điều động, bổ nhiệm và bổ nhiệm mới", "viên chức lãnh đạo, quản lý trường học"}},
					{2024, []any{Formula("{Bổ nhiệm|2024|Bổ nhiệm mới}+{Bổ nhiệm|2024|Tiếp nhận và bổ nhiệm}+{Bổ nhiệm|2024|Điều động và bổ nhiệm}"), nil, nil, 3, 5, 1,
						9, "Bổ nhiệm mới, bổ nhiệm lại", "viên chức"}},
				},
			},
			{
				Name:  "Vị trí việc làm",
				Title: "Sắp xếp công chức, viên chức theo đề án vị trí việc làm, đến 31/3/2025",
				Header: [][]string{
					{"Khối", "Bố trí", "Biên chế", "Tỷ lệ (%)"},
				},
				Widths: []float64{44, 10, 10, 10},
				Rows: []Row{
					{"Biên chế hành chính", []any{74, 79, 93.7}},
					{"Sự nghiệp giáo dục", []any{648, 706, 91.8}},
					{"Sự nghiệp Văn hóa - Thể thao - Truyền hình", []any{11, 16, 68.75}},
					{"Kinh tế", []any{12, 13, 92.3}},
					{"Sự nghiệp khác", []any{1, 1, 100}},
				},
			},
			{
				Name:  "CBCC cấp xã",
				Title: "Cán bộ, công chức cấp xã, đến 31/3/2025",
				Header: [][]string{
					{"Nhóm", "Tổng số", "Đại học, sau đại học", "Trung cấp hoặc Cao đẳng", "Sơ cấp, chưa qua đào tạo"},
				},
				Rows: []Row{
					{"Cán bộ", []any{141, 74, 65, 2}},
					{"Công chức", []any{129, 98, 31, nil}},
				},
			},
			{
				Name:  "Đối chiếu",
				Title: "Đối chiếu số tổng nêu trong báo cáo gốc với số tính từ các bảng (cột C là công thức)",
				Header: [][]string{
					{"Nội dung", "Nêu trong báo cáo", "Tính từ bảng", "Ghi chú"},
				},
				Widths: []float64{50, 14, 14, 70},
				Rows: []Row{
					{"Hồ sơ TTHC tiếp nhận", []any{57377, Formula("SUM({TTHC||Trực tuyến})+SUM({TTHC||" + tt + "})+{TTHC|2021|Từ kỳ trước}"),
						"Nguồn cộng số mới tiếp nhận 2021, 2022 với tổng số (cả từ kỳ trước) 2023 - 2025; đúng là số mới tiếp nhận cả giai đoạn cộng số từ năm 2020 chuyển sang"}},
					{"Hồ sơ TTHC đã giải quyết", []any{57286, Formula("SUM({TTHC||Số hồ sơ đã giải quyết / Tổng số})"), nil}},
					{"Hồ sơ giải quyết trước hạn và đúng hạn", []any{57078, Formula("SUM({TTHC||Số hồ sơ đã giải quyết / Tổng số})-SUM({TTHC||Số hồ sơ đã giải quyết / Quá hạn})"), nil}},
					{"Hồ sơ giải quyết quá hạn", []any{208, Formula("SUM({TTHC||Số hồ sơ đã giải quyết / Quá hạn})"), nil}},
					{"Tỷ lệ giải quyết trước hạn và đúng hạn (%)", []any{99.48, Formula("ROUND((SUM({TTHC||Số hồ sơ đã giải quyết / Tổng số})-SUM({TTHC||Số hồ sơ đã giải quyết / Quá hạn}))/SUM({TTHC||Số hồ sơ đã giải quyết / Tổng số})*100,2)"),
						"Nguồn chia cho 57.377 hồ sơ tiếp nhận; trên số đã giải quyết là 99,64%"}},
					{"Tỷ lệ giải quyết quá hạn (%)", []any{0.52, Formula("ROUND(SUM({TTHC||Số hồ sơ đã giải quyết / Quá hạn})/SUM({TTHC||Số hồ sơ đã giải quyết / Tổng số})*100,2)"),
						"Nguồn lấy 100 - 99,48"}},
					{"Lượt kiểm tra CCHC năm 2021 - 2025", []any{46, Formula("SUM({Kiểm tra||Xã kiểm tra trực tiếp})+SUM({Kiểm tra||Phòng chuyên môn})"),
						"46 = các năm 2021 - 2024 đã kiểm tra; năm 2025 là dự kiến"}},
					{"Khen thưởng tập thể", []any{7, Formula("SUM({Khảo sát, khen thưởng||Khen thưởng tập thể})"), nil}},
					{"Khen thưởng cá nhân", []any{2, Formula("SUM({Khảo sát, khen thưởng||Khen thưởng cá nhân})"), nil}},
					{"VB QPPL quy định chức năng, nhiệm vụ CQCM", []any{13, Formula("SUM({Văn bản QPPL||VB QPPL quy định chức năng, nhiệm vụ CQCM})"), nil}},
					{"TTHC thuộc thẩm quyền", []any{378, Formula("SUM({TTHC, DVC||TTHC thuộc thẩm quyền})"), nil}},
					{"TTHC cung cấp trên Cổng DVC", []any{312, Formula("SUM({TTHC, DVC||Cung cấp trên Cổng DVC})"), nil}},
					{"Công chức cấp xã xét chuyển cấp huyện", []any{8, Formula("SUM({Tuyển dụng||Công chức cấp xã xét chuyển cấp huyện})"), nil}},
					{"Tuyển mới công chức cấp huyện", []any{15, Formula("SUM({Tuyển dụng||Tuyển mới công chức cấp huyện})"), nil}},
					{"Tuyển viên chức", []any{28, Formula("SUM({Tuyển dụng||Tuyển viên chức})"), nil}},
					{"Tuyển mới công chức cấp xã", []any{4, Formula("SUM({Tuyển dụng||Tuyển mới công chức cấp xã})"), nil}},
					{"Bổ nhiệm cán bộ quản lý cấp phòng", []any{40, Formula("SUM({Bổ nhiệm||Cán bộ quản lý cấp phòng / Số người})"),
						"Nguồn ghi 40 (OCR \"403\"), chú thích 33 cộng lại 28 (không có năm 2022)"}},
					{"Bổ nhiệm viên chức quản lý trường học", []any{46, Formula("SUM({Bổ nhiệm||Viên chức quản lý trường học / Số người})"), nil}},
					{"Cán bộ, công chức cấp xã", []any{270, Formula("SUM({CBCC cấp xã||Tổng số})"), nil}},
				},
			},
		},
	}
}
