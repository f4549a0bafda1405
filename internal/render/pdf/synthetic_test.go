package pdf

import (
	"fmt"
	"strings"
	"time"

	"baocao/internal/docmodel"
)

// Test documents. Every footnote reference follows an anchor "[neo N]"
// and every note starts "Ghi chú [N]:", so a test can find both ends of
// note N in the text of a page.

func txt(s string) docmodel.Text     { return docmodel.Text{Text: s} }
func bold(s string) docmodel.Text    { return docmodel.Text{Text: s, Bold: true} }
func italic(s string) docmodel.Text  { return docmodel.Text{Text: s, Italic: true} }
func ref(n int) docmodel.FootnoteRef { return docmodel.FootnoteRef{Number: n} }
func anchor(n int) docmodel.Text     { return txt(fmt.Sprintf(" [neo %d]", n)) }
func par(in ...docmodel.Inline) *docmodel.Paragraph {
	return &docmodel.Paragraph{Content: in}
}

func heading(k docmodel.HeadingKind, label, content string) *docmodel.Heading {
	return &docmodel.Heading{Kind: k, Label: label, Content: []docmodel.Inline{txt(content)}}
}

var sentences = []string{
	"Thành phố đã hoàn thành kiểm tra công tác cải cách hành chính tại 05 phòng chuyên môn thuộc Ủy ban nhân dân Thành phố, 01 đơn vị sự nghiệp và 09 xã, phường trên địa bàn.",
	"Trang thông tin điện tử của thành phố Sa Đéc đã đăng 17 tin bài, cập nhật kịp thời các thông tin, tình hình cải cách hành chính quan trọng trên địa bàn.",
	"Tỷ lệ thủ tục hành chính cấp xã có phát sinh dịch vụ công trực tuyến toàn trình 3797/4771 đạt 79,58%, chưa đạt chỉ tiêu giao là 80%.",
	"Việc thực hiện dịch vụ công trực tuyến toàn trình và một phần vẫn còn ít hồ sơ phát sinh; một số thủ tục ở cấp huyện và cấp xã không có hồ sơ vì người dân không có nhu cầu.",
	"Đội ngũ cán bộ, công chức, viên chức nêu cao tinh thần trách nhiệm, chấp hành tốt kỷ luật, kỷ cương hành chính, phục vụ tốt cho Nhân dân và doanh nghiệp.",
	"Công tác phối hợp giữa các phòng chuyên môn trong thực hiện các nội dung tiêu chí có lúc còn đùn đẩy trách nhiệm, chưa nhịp nhàng, đồng bộ.",
}

// longPara is a justified paragraph with bold and italic runs and one
// footnote reference after its anchor.
func longPara(seed, note int, marker string) *docmodel.Paragraph {
	s := func(i int) string { return sentences[(seed+i)%len(sentences)] }
	in := []docmodel.Inline{
		txt(s(0) + " "), bold("Kết quả đạt được"), txt(" trong kỳ là "), italic("tương đối khá"), txt(", cụ thể: " + s(1)),
	}
	if note > 0 {
		in = append(in, anchor(note), ref(note))
	}
	in = append(in, txt(" "+s(2)+" "+s(3)))
	p := par(in...)
	p.Marker = marker
	return p
}

func noteText(n int) []*docmodel.Paragraph {
	body := fmt.Sprintf("Ghi chú [%d]: Kế hoạch số %d/KH-UBND ngày 19 tháng 3 năm 2024 của Ủy ban nhân dân Thành phố về tổ chức đối thoại với công dân.", n, 100+n)
	if n%9 == 4 {
		// long enough to need the next page when its reference falls low
		var b strings.Builder
		b.WriteString(body)
		for i := 0; i < 22; i++ {
			fmt.Fprintf(&b, " Năm %d: kiểm tra %02d cơ quan, đơn vị; ban hành %02d văn bản chấn chỉnh, khắc phục hạn chế sau kiểm tra và tổ chức kiểm điểm trách nhiệm người đứng đầu.", 2010+i, i+3, i+1)
		}
		fmt.Fprintf(&b, " Hết ghi chú %d.", n)
		body = b.String()
	}
	return []*docmodel.Paragraph{{Style: docmodel.Flush, Content: []docmodel.Inline{txt(body)}}}
}

func bigTable(rows int) *docmodel.Table {
	c := func(s string) docmodel.Cell {
		return docmodel.Cell{Content: []*docmodel.Paragraph{{Style: docmodel.Flush, Content: []docmodel.Inline{txt(s)}}}}
	}
	t := &docmodel.Table{
		Columns: []docmodel.Column{
			{Width: 0.6, Align: docmodel.AlignCenter}, {Width: 4}, {Width: 1.3, Align: docmodel.AlignRight},
			{Width: 1.3, Align: docmodel.AlignRight}, {Width: 1.3, Align: docmodel.AlignRight},
		},
		HeaderRows: 2,
		Borders:    true,
		Caption:    "Biểu 01: Kết quả giải quyết thủ tục hành chính",
	}
	h1 := []docmodel.Cell{c("STT"), c("Lĩnh vực, công việc giải quyết theo cấp"), c("Số hồ sơ đã giải quyết")}
	h1[0].RowSpan, h1[1].RowSpan, h1[2].ColSpan = 2, 2, 3
	t.Rows = append(t.Rows, docmodel.Row{Cells: h1})
	t.Rows = append(t.Rows, docmodel.Row{Cells: []docmodel.Cell{c("Tổng số"), c("Đúng hạn"), c("Quá hạn")}})
	for i := 1; i <= rows; i++ {
		name := fmt.Sprintf("Lĩnh vực số %d thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp huyện", i)
		if i%5 == 0 {
			name = fmt.Sprintf("Lĩnh vực %d", i)
		}
		cells := []docmodel.Cell{c(fmt.Sprint(i)), c(name), c(fmt.Sprintf("%d.%03d", i, i*7%1000)), c(fmt.Sprint(i * 3)), c("0")}
		if i%11 == 3 && i < rows {
			cells[1].RowSpan = 2 // merged vertically with the next row
			t.Rows = append(t.Rows, docmodel.Row{Cells: cells})
			i++
			t.Rows = append(t.Rows, docmodel.Row{Cells: []docmodel.Cell{c(fmt.Sprint(i)), c("61,88"), c("12"), c("0")}})
			continue
		}
		t.Rows = append(t.Rows, docmodel.Row{Cells: cells})
	}
	total := []docmodel.Cell{c("Tổng cộng"), c("57.286"), c("26.380"), c("0")}
	total[0].ColSpan = 2
	t.Rows = append(t.Rows, docmodel.Row{Cells: total, Bold: true})
	return t
}

func baseDoc() *docmodel.Document {
	return &docmodel.Document{
		Meta: docmodel.Meta{
			Title:    "Kết quả cải thiện Chỉ số cải cách hành chính thành phố Sa Đéc 09 tháng đầu năm 2024",
			Author:   "Ủy ban nhân dân thành phố Sa Đéc",
			Subject:  "Báo cáo 371/BC-UBND",
			Keywords: "cải cách hành chính; PAR Index",
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
		Closing: docmodel.Closing{
			Recipients: []string{
				"- TT.TU, TT.HĐND Thành phố (B/c);",
				"- CT, các Phó Chủ tịch UBND Thành phố (B/c);",
				"- Thành viên Ban Chỉ đạo cải cách hành chính Thành phố và Tổ giúp việc Ban Chỉ đạo;",
				"- Chủ tịch UBND các xã, phường;",
				"- Lưu: VT.",
			},
			Signature: docmodel.Signature{Lines: []string{"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}, Name: "Nguyễn Văn Hòn", Space: 60 * docmodel.Point},
		},
	}
}

// synthetic builds a report of about 3 + 2.7×sections pages with
// 6×sections footnotes, a long table and a landscape appendix.
func synthetic(sections int) *docmodel.Document {
	d := baseDoc()
	d.KinhGui = []string{"Sở Nội vụ tỉnh Đồng Tháp;", "Ban Chỉ đạo cải cách hành chính tỉnh."}
	note := 0
	next := func() int {
		note++
		d.Footnotes = append(d.Footnotes, docmodel.Footnote{Number: note, Content: noteText(note)})
		return note
	}
	b := &d.Body
	add := func(x docmodel.Block) { *b = append(*b, x) }
	add(&docmodel.Heading{Kind: docmodel.KindPart, Label: "Phần thứ nhất", Content: []docmodel.Inline{txt("TÌNH HÌNH TRIỂN KHAI VÀ KẾT QUẢ THỰC HIỆN")}})
	roman := []string{"I.", "II.", "III.", "IV.", "V.", "VI.", "VII.", "VIII.", "IX.", "X.", "XI.", "XII.", "XIII.", "XIV.", "XV."}
	for s := 0; s < sections; s++ {
		add(heading(docmodel.KindSection, roman[s%len(roman)], "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"))
		add(heading(docmodel.KindClause, "1.", "Tổng quan về cải cách hành chính"))
		add(longPara(s, next(), ""))
		add(par(txt("Kết quả ước đến ngày 30 tháng 9 năm 2024, Thành phố tự đánh giá đạt "), bold("61,88 điểm/70 điểm"), txt("; 0/30 điểm ĐTXHH.")))
		add(heading(docmodel.KindSubClause, "1.1.", "Công tác chỉ đạo, điều hành cải cách hành chính"))
		add(longPara(s+1, next(), "-"))
		add(longPara(s+2, next(), "+"))
		add(heading(docmodel.KindPoint, "a)", "Kết quả đạt được"))
		add(longPara(s+3, next(), "1."))
		add(heading(docmodel.KindMinor, "(1)", "Kế hoạch cải cách hành chính"))
		add(longPara(s+4, next(), ""))
		p := longPara(s+5, next(), "")
		p.Content = append(p.Content, docmodel.LineBreak{}, italic("(Có biểu phụ lục kèm theo)."))
		add(p)
		if s == 1 {
			add(bigTable(45))
		}
	}
	add(par(txt("Trên đây là báo cáo kết quả cải thiện Chỉ số cải cách hành chính của thành phố Sa Đéc 09 tháng đầu năm 2024./.")))

	at := bigTable(12)
	at.Caption = ""
	at.Columns = append(at.Columns, docmodel.Column{Width: 2})
	for i := range at.Rows {
		extra := docmodel.Cell{Content: []*docmodel.Paragraph{{Content: []docmodel.Inline{txt("Ghi chú")}}}}
		if i == 0 {
			extra.RowSpan = 2
		}
		if i == 1 {
			continue
		}
		at.Rows[i].Cells = append(at.Rows[i].Cells, extra)
	}
	n := next()
	d.Appendices = []docmodel.Appendix{{
		Label:     "Phụ lục I",
		Title:     []string{"KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH NĂM 2024"},
		Subtitle:  "(Kèm theo Báo cáo số 371/BC-UBND ngày 09 tháng 10 năm 2024 của UBND thành phố Sa Đéc)",
		Landscape: true,
		Body: []docmodel.Block{
			heading(docmodel.KindSection, "I.", "SỐ LIỆU TỔNG HỢP"),
			par(txt("Số liệu tổng hợp từ Cổng dịch vụ công của tỉnh"), anchor(n), ref(n), txt(", tính đến ngày 30 tháng 9 năm 2024.")),
			at,
		},
	}}
	return d
}

// shortDoc is a three-page report.
func shortDoc() *docmodel.Document {
	d := baseDoc()
	d.Body = []docmodel.Block{
		heading(docmodel.KindSection, "I.", "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"),
	}
	for i := 0; i < 7; i++ {
		d.Footnotes = append(d.Footnotes, docmodel.Footnote{Number: i + 1, Content: noteText(i + 1)})
		if i%3 == 0 {
			d.Body = append(d.Body, heading(docmodel.KindClause, fmt.Sprintf("%d.", i/3+1), "Tổng quan về cải cách hành chính"))
		}
		d.Body = append(d.Body, longPara(i, i+1, ""))
	}
	return d
}
