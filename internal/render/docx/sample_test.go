package docx

import (
	"time"

	"baocao/internal/docmodel"
)

// sampleDocument is a report with every element the writer knows: the
// header block with a parent agency, headings of every kind, dash, plus
// and numbered paragraphs, bold, italic and superscript runs, a line
// break, two footnotes (one referenced twice), a table with a colspan, a
// rowspan and header rows, Kính gửi, the closing block and a landscape
// appendix with a table. The text is the Sa Đéc report's, so what the
// renderer prints can be read against the reference.
func sampleDocument() *docmodel.Document {
	t := func(s string) docmodel.Text { return docmodel.Text{Text: s} }
	para := func(style docmodel.ParagraphStyle, marker string, in ...docmodel.Inline) *docmodel.Paragraph {
		return &docmodel.Paragraph{Style: style, Marker: marker, Content: in}
	}
	body := func(s string) *docmodel.Paragraph { return para(docmodel.BodyText, "", t(s)) }
	cell := func(s string) docmodel.Cell {
		return docmodel.Cell{Content: []*docmodel.Paragraph{para(docmodel.Flush, "", t(s))}}
	}
	long := "Thủ trưởng các cơ quan, đơn vị có nhiều đổi mới, sáng tạo trong việc triển khai thực hiện nhiệm vụ " +
		"về cải cách hành chính, thường xuyên đôn đốc, kiểm tra, kịp thời khắc phục những khó khăn, hạn chế, " +
		"đề ra những giải pháp thực hiện tốt hơn trong thời gian tới."

	d := &docmodel.Document{
		Meta: docmodel.Meta{
			Title:    "Kết quả cải thiện Chỉ số cải cách hành chính thành phố Sa Đéc 09 tháng đầu năm 2024",
			Author:   "Ủy ban nhân dân thành phố Sa Đéc",
			Subject:  "Báo cáo 371/BC-UBND",
			Keywords: "PAR Index; CCHC; Sa Đéc",
			Date:     time.Date(2024, 10, 9, 0, 0, 0, 0, time.UTC),
			Language: "vi-VN",
		},
		Page: docmodel.DefaultPage(),
		Header: docmodel.Header{
			ParentAgency: []string{"UBND TỈNH ĐỒNG THÁP"},
			Agency:       []string{"ỦY BAN NHÂN DÂN", "THÀNH PHỐ SA ĐÉC"},
			Number:       "Số: 371/BC-UBND",
			QuocHieu:     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
			TieuNgu:      "Độc lập - Tự do - Hạnh phúc",
			PlaceDate:    "Sa Đéc, ngày 09 tháng 10 năm 2024",
		},
		Title: docmodel.Title{
			Kind:    "BÁO CÁO",
			Summary: []string{"Kết quả cải thiện Chỉ số cải cách hành chính thành phố Sa Đéc", "09 tháng đầu năm 2024"},
		},
		KinhGui: []string{"- Ủy ban nhân dân tỉnh Đồng Tháp;", "- Sở Nội vụ tỉnh Đồng Tháp."},
		Body: []docmodel.Block{
			&docmodel.Heading{Kind: docmodel.KindPart, Level: 1, Label: "Phần thứ nhất",
				Content: []docmodel.Inline{t("KẾT QUẢ THỰC HIỆN")}},
			&docmodel.Heading{Kind: docmodel.KindSection, Level: 2, Label: "I.",
				Content: []docmodel.Inline{t("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH")}},
			&docmodel.Heading{Kind: docmodel.KindClause, Level: 3, Label: "1.",
				Content: []docmodel.Inline{t("Tổng quan về cải cách hành chính")}},
			para(docmodel.BodyText, "",
				t("Chỉ số đánh giá cải cách hành chính bao gồm 08 chỉ số nội dung: (1) Công tác chỉ đạo điều hành; "),
				docmodel.Text{Text: "(2) Cải cách thể chế", Bold: true}, t("; "),
				docmodel.Text{Text: "(3) Cải cách thủ tục hành chính", Italic: true},
				t("; diện tích 25 km"), docmodel.Text{Text: "2", Superscript: true}, t(".")),
			&docmodel.Heading{Kind: docmodel.KindSubClause, Level: 4, Label: "2.1/",
				Content: []docmodel.Inline{t("Công tác chỉ đạo, điều hành CCHC")}},
			para(docmodel.BodyText, "-", t("Kết quả chỉ đạo, điều hành công tác CCHC năm 2024 được đánh giá qua 08 tiêu chí.")),
			para(docmodel.BodyText, "+",
				t("(3) Công tác kiểm tra CCHC: Thành phố đã hoàn thành kiểm tra công tác CCHC tại 05 phòng chuyên môn "+
					"thuộc UBND Thành phố, 01 đơn vị sự nghiệp thuộc UBND Thành phố và 09 xã, phường trên địa bàn Thành phố"),
				docmodel.FootnoteRef{Number: 1}, t(". Hoàn thành 100% Kế hoạch.")),
			&docmodel.Heading{Kind: docmodel.KindPoint, Level: 5, Label: "a)",
				Content: []docmodel.Inline{t("Chỉ số thành phần")}},
			&docmodel.Heading{Kind: docmodel.KindMinor, Level: 6, Label: "-",
				Content: []docmodel.Inline{t("Tiêu chí thành phần")}},
			para(docmodel.BodyText, "", t("Chỉ số này ước Thành phố đạt 13,8/16,50 điểm"),
				docmodel.FootnoteRef{Number: 2}, t("; nhắc lại chú thích"), docmodel.FootnoteRef{Number: 1},
				t("."), docmodel.LineBreak{}, t("Dòng sau ngắt dòng  giữ hai dấu cách.")),
			&docmodel.Table{
				Caption:    "Bảng 1. Điểm các lĩnh vực",
				Columns:    []docmodel.Column{{Width: 1, Align: docmodel.AlignCenter}, {Width: 5}, {Width: 2, Align: docmodel.AlignRight}, {Width: 2, Align: docmodel.AlignRight}},
				HeaderRows: 2,
				Borders:    true,
				Rows: []docmodel.Row{
					{Cells: []docmodel.Cell{
						{Content: []*docmodel.Paragraph{para(docmodel.Flush, "", t("TT"))}, RowSpan: 2},
						{Content: []*docmodel.Paragraph{para(docmodel.Flush, "", t("Lĩnh vực"))}, RowSpan: 2},
						{Content: []*docmodel.Paragraph{para(docmodel.Flush, "", t("Điểm"))}, ColSpan: 2},
					}},
					{Cells: []docmodel.Cell{cell("Tối đa"), cell("Đạt")}},
					{Cells: []docmodel.Cell{cell("1"), cell("Công tác chỉ đạo, điều hành CCHC"), cell("16,50"), cell("13,8")}},
					{Cells: []docmodel.Cell{cell("2"), cell("Cải cách thể chế"), cell("07"), cell("03")}},
					{Bold: true, Cells: []docmodel.Cell{
						{Content: []*docmodel.Paragraph{para(docmodel.Centered, "", t("Tổng cộng"))}, ColSpan: 2},
						cell("23,50"), cell("16,8")}},
				},
			},
			&docmodel.Heading{Kind: docmodel.KindSection, Level: 2, Label: "II.",
				Content: []docmodel.Inline{t("ĐÁNH GIÁ CHUNG")}},
			body(long), body(long), body(long), body(long), body(long), body(long),
			&docmodel.Heading{Kind: docmodel.KindSection, Level: 2, Label: "III.",
				Content: []docmodel.Inline{t("GIẢI PHÁP THỰC HIỆN TRONG THỜI GIAN TỚI")}},
			para(docmodel.BodyText, "1.", t("Tiếp tục đẩy mạnh công tác tuyên truyền CCHC.")),
			para(docmodel.BodyText, "2.", t("Thực hiện các giải pháp nâng cao chất lượng giải quyết TTHC.")),
			para(docmodel.Centered, "", t("(Có biểu phụ lục kèm theo)")),
			para(docmodel.Flush, "", t("Đoạn không thụt đầu dòng.")),
			para(docmodel.RightText, "", docmodel.Text{Text: "Đoạn căn phải", Italic: true}),
			body("Trên đây là báo cáo kết quả cải thiện Chỉ số cải cách hành chính của thành phố Sa Đéc 09 tháng đầu năm 2024./."),
		},
		Footnotes: []docmodel.Footnote{
			{Number: 1, Content: []*docmodel.Paragraph{para(docmodel.Flush, "",
				t("Kết quả kiểm tra công tác CCHC Thành phố năm 2024 bước đầu cho thấy chất lượng thực hiện công tác "+
					"CCHC của các cơ quan, đơn vị tiếp tục được nâng cao."))}},
			{Number: 2, Content: []*docmodel.Paragraph{
				para(docmodel.Flush, "", t("Năm 2023: 12,5 điểm; "), docmodel.Text{Text: "năm 2024", Italic: true}, t(": 13,8 điểm.")),
				para(docmodel.Flush, "-", t("Tiêu chí (8) ĐTXHH: 02 điểm chưa xác định được.")),
			}},
		},
		Closing: docmodel.Closing{
			Recipients: []string{
				"- TT.TU, TT.HĐND Thành phố (B/c);",
				"- CT, các Phó Chủ tịch UBND Thành phố (B/c);",
				"- Thành viên BCĐCCHC Thành phố;",
				"- Chủ tịch UBND các xã, phường;",
				"- Lưu: VT.",
			},
			Signature: docmodel.Signature{Lines: []string{"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}, Name: "Nguyễn Văn Hòn"},
		},
		Appendices: []docmodel.Appendix{{
			Label:     "Phụ lục I",
			Title:     []string{"KẾT QUẢ TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"},
			Subtitle:  "(Kèm theo Báo cáo số 371/BC-UBND ngày 09 tháng 10 năm 2024 của UBND thành phố Sa Đéc)",
			Landscape: true,
			Body: []docmodel.Block{&docmodel.Table{
				Columns:    []docmodel.Column{{Width: 1, Align: docmodel.AlignCenter}, {Width: 8}, {Width: 2, Align: docmodel.AlignRight}},
				HeaderRows: 1,
				Borders:    true,
				Rows: []docmodel.Row{
					{Cells: []docmodel.Cell{cell("TT"), cell("Lĩnh vực"), cell("Điểm")}},
					{Cells: []docmodel.Cell{cell("1"), cell("Xây dựng và phát triển chính quyền điện tử, chính quyền số"), cell("8,61")}},
					{Cells: []docmodel.Cell{cell("2"), cell("Tác động của CCHC đến phát triển Kinh tế - Xã hội"), cell("2,52")}},
				},
			}},
		}},
	}
	return d
}
