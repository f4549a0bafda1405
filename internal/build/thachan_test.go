package build

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"baocao/internal/dataset"
	"baocao/internal/docmodel"
	"baocao/internal/testtool"
)

const thachAn = "thach-an-tong-ket-2021-2025"

// thachAnFigures are the strings a reader of the Thạch An report must find:
// the header and closing, and every figure of shared/research/seed-figures.md
// part B as templates/tong-ket-cchc-2021-2025 prints it (its README lists
// where and why it differs from the seed: 57.385, 99,64%, 0,36%, 28
// appointments, "từ năm 2021 đến năm 2024 … 46 lượt").
var thachAnFigures = []string{
	// B1
	"ỦY BAN NHÂN DÂN", "HUYỆN THẠCH AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
	"Số: 270/BC-UBND", "Thạch An, ngày 23 tháng 5 năm 2025", "BÁO CÁO",
	"Tổng kết công tác Cải cách hành chính nhà nước huyện Thạch An", "giai đoạn 2021 - 2025; đề xuất nhiệm vụ, giải pháp trọng tâm đẩy mạnh",
	"cải cách hành chính nhà nước giai đoạn 2026 - 2030", "Phần thứ nhất", "TÌNH HÌNH TRIỂN KHAI VÀ KẾT QUẢ THỰC HIỆN",
	"Phần thứ hai", "ĐỀ XUẤT NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", "Phần thứ ba", "NHỮNG KIẾN NGHỊ, ĐỀ XUẤT",
	"I. TÌNH HÌNH TRIỂN KHAI", "II. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN", "III. ĐÁNH GIÁ CHUNG", "2.1. Kết quả đạt được", "a) Mặt tích cực đạt được:",
	"Một là,", "Bốn là,", "Bảy là,", "(Có biểu phụ lục kèm theo).",
	"Trên đây là Báo cáo Tổng kết công tác Cải cách hành chính nhà nước giai đoạn 2021 - 2025; đề xuất nhiệm vụ, giải pháp trọng tâm đẩy mạnh cải cách hành chính nhà nước giai đoạn 2026 - 2030 của Ủy ban nhân dân huyện Thạch An./.",
	"Nơi nhận:", "- Sở Nội vụ (b/c);", "- TT. Huyện ủy;", "- Chủ tịch, các PCT UBND huyện;", "- UBND các xã, thị trấn;", "- Lưu: VT.", "CHỦ TỊCH", "Nông Thế Phúc",
	// B2
	"Kế hoạch số 17/KH-UBND ngày 08/01/2021", "Kế hoạch số 1921/KH-UBND ngày 31/12/2021", "49/KH-UBND ngày 10/01/2023", "47/KH-UBND ngày 10/01/2024",
	"64/KH-UBND ngày 10/01/2025", "1353/KH-UBND ngày 26/12/2020", "119/KH-UBND ngày 30/01/2023", "62/KH-UBND ngày 12/01/2024", "175/KH-UBND ngày 25/01/2025",
	"937/KH-UBND ngày 22/7/2021", "917/KH-UBND ngày 18/6/2022", "1117/KH-UBND ngày 29/6/2023", "592/KH-UBND ngày 29/3/2024", "382/KH-UBND ngày 06/3/2025",
	"180/QĐ-UBND ngày 29/01/2021", "539/QĐ-UBND ngày 28/02/2022", "362/QĐ-UBND ngày 20/02/2023", "75/QĐ-UBND ngày 15/3/2024", "597/QĐ-UBND ngày 13/3/2025",
	"76/NQ-CP ngày 15/7/2021", "2439/KH-UBND ngày 14/9/2021", "1828/KH-UBND ngày 15/12/2021", "536/KH-UBND ngày 20/4/2022", "1562/HD-UBND ngày 31/8/2023",
	"12/CT-UBND ngày 07/10/2016", "01/CT-UBND ngày 26/01/2018", "15/CT-UBND ngày 23/11/2022", "468/QĐ-TTg ngày 27/3/2021", "02/2017/TT-VPCP ngày 31/10/2017",
	"442/UBND-NV ngày 12/4/2022", "01/ĐA-UBND ngày 05/12/2022", "01/ĐA-UBND ngày 14/02/2025", "12-ĐA/TU ngày 08/11/2018", "1029/KH-UBND ngày 11/4/2025",
	"74/NQ-CP ngày 07/4/2025", "71/2014/TTLT-BTC-BNV ngày 30/5/2014", "1454/QĐ-UBND ngày 10/10/2022",
	// B3
	"cụ thể 06 nội dung", "ban hành 244 văn bản", "ban hành 985 văn bản", "14/14 xã, thị trấn xếp loại khá trở lên", "kết hợp 02 hình thức khảo sát",
	"khen thưởng cho 07 tập thể, 02 cá nhân", "từ năm 2021 đến năm 2024 đã kiểm tra được 46 lượt", "kết quả khắc phục đạt 100%", "thực hiện 43 tin bài", "có 01 tin bài",
	"Lễ Hội xuân 02/02 âm lịch", "Năm 2021 xếp thứ 5; năm 2022 xếp thứ 6; năm 2023 xếp thứ 9; năm 2024 xếp thứ 2)", "năm 2024 xếp thứ 2/10 huyện, thành phố",
	// B4
	"ban hành 13 văn bản QPPL", "321 cuộc với 26.380 người nghe", "giai đoạn 2018 - 2022",
	// B5
	"đơn giản hóa 15 TTHC, cấp xã 58 TTHC", "378 thủ tục", "tổng cộng 312 TTHC", "234 TTHC cấp huyện, 78 TTHC cấp xã",
	"190 TTHC trực tuyến toàn trình (trong đó: 149 TTHC cấp huyện, 41 TTHC cấp xã)", "122 TTHC trực tuyến một phần (trong đó: 85 TTHC cấp huyện, 37 TTHC cấp xã)",
	"Cấp xã: 14/14 đơn vị", "khoảng 30 m²", "01 điện thoại bàn, 01 máy tính, 01 máy in, 01 máy Scan, 01 ki ốt",
	"đã giải quyết 57.286/57.385 hồ sơ tiếp nhận", "trước hạn 57.078 hồ sơ, đạt tỷ lệ 99,64%", "quá hạn 208 hồ sơ, chiếm tỷ lệ 0,36%",
	// B6
	"ban hành 13 VBQPPL", "của 12 cơ quan chuyên môn", "giải thể 01 phòng chuyên môn", "giảm từ 13 phòng ban còn 10 phòng ban", "sáp nhập 04 trường",
	"tách 02 trường", "tổ chức lại 01", "tiếp nhận và quản lý 01 trường", "trực thuộc là: 36 đơn vị", "tinh giản biên chế cho 12 CBCCVC", "chính quyền địa phương 02 cấp",
	// B7
	"Biên chế hành chính 74/79 (93,7%); Sự nghiệp giáo dục 648/706 (91,8%); Sự nghiệp Văn hóa - Thể thao - Truyền hình 11/16 (68,75%); Kinh tế 12/13 (92,3%); Sự nghiệp khác 01/01 (100%)",
	"35 đơn vị sự nghiệp công lập; 04 tổ chức hội", "12/12 người lao động", "năm học 2024 - 2025 48 hợp đồng", "08 công chức cấp xã xét tuyển", "tuyển mới 15 công chức cấp huyện",
	"04 công chức cấp xã không qua thi tuyển (năm 2023)", "tuyển dụng mới 04 công chức cấp xã", "điều động và bổ nhiệm 28 cán bộ quản lý cấp phòng",
	"kéo dài thời gian bổ nhiệm 46 viên chức quản lý trường học", "cử 1.247 lượt", "kỷ luật đối với 15 cán bộ", "có 88 viên chức giáo viên thăng hạng",
	"16 giáo viên mầm non hạng IV", "03 CCVC được bổ nhiệm ngạch chuyên viên chính", "188 viên chức", "297 viên chức", "Bổ nhiệm 08/08 viên chức", "đối với 09 người",
	"tổng số cán bộ, công chức xã là 270",
	"Tổng số cán bộ là 141 người. Trình độ chuyên môn: Đại học sau đại học 74; Trung cấp hoặc Cao đẳng 65; Sơ cấp, chưa qua đào tạo 02.",
	"Tổng số công chức là 129 người. Trình độ chuyên môn: Đại học sau đại học 98; Trung cấp hoặc Cao đẳng 31.",
	// B8
	"24/24 cơ quan, đơn vị gồm: 10 phòng ban và 14 xã, thị trấn", "tiết kiệm 10% chi thường xuyên",
	"36 đơn vị sự nghiệp công lập, trong đó: 33 đơn vị trường học, văn hóa 01 đơn vị; kinh tế 01 đơn vị; 01 đơn vị tự bảo đảm chi thường xuyên", "chỉ có 01/36 đơn vị",
	// B9
	"Trên 80% hồ sơ công việc tại cấp huyện và 60% hồ sơ", "điện tử giữa các cơ quan nhà nước đạt trên 90%", "hộp thư điện tử công vụ đạt trên 90%",
	"ngày càng cao, đạt 99,85%", "đạt từ 98% trở lên", "toàn huyện đạt 68,4%", "đạt 97,51% (số liệu tính đến năm 2024)",
}

// thachAnNotes are texts of footnotes, prose and generated from the tables
// (plans, ranks, classification, ballots, commendations, inspections, QPPL,
// TTHC records, quotas, recruitment, appointments).
var thachAnNotes = []string{
	"Kế hoạch số 1828/KH-UBND ngày 15/12/2021 về CCHC nhà nước huyện Thạch An giai đoạn 2021 - 2025.",
	"Kế hoạch số 64/KH-UBND ngày 10/01/2025 về CCHC nhà nước huyện Thạch An năm 2025.",
	"Năm 2022: 05/14 xã, thị trấn xếp loại tốt (có Chỉ số từ 90% trở lên); 09/14 xã, thị trấn xếp loại khá;",
	"Năm 2024: 01/14 xã, thị trấn xếp loại tốt; 13/14 xã, thị trấn xếp loại khá.",
	"Năm 2022: 150 phiếu; Năm 2024: 188 phiếu; Năm 2025: 21 phiếu.",
	"Năm 2023: khen thưởng 03 tập thể; Năm 2024: 04 tập thể, 02 cá nhân.",
	"(kiểm tra trực tiếp 11/14 xã, thị trấn, kiểm tra gián tiếp qua báo cáo 03 xã, thị trấn còn lại);",
	"(dự kiến kiểm tra 10/14 xã, thị trấn và 01 phòng chuyên môn trực thuộc UBND huyện trong quý III/2025).",
	"Năm 2022: 10 văn bản; Năm 2024: 02 văn bản; Năm 2025: 01 văn bản.",
	"Trong đó: Số TTHC cấp huyện: 265 thủ tục; Số TTHC cấp xã: 113 thủ tục.",
	"Năm 2021: Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo: 23.870, trong đó: trực tuyến: 0;",
	"giải quyết trước hạn: 152, đúng hạn: 15.488, quá hạn: 59.",
	"Năm 2023: Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo: 8.778",
	"giải quyết trước hạn: 8.365, đúng hạn: 349, quá hạn: 56.",
	"Năm 2024: Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo: 7.330",
	"giải quyết trước hạn và đúng hạn: 7.306, quá hạn: 15 (trong đó 01 hồ sơ kiểm tra hệ thống).",
	"Từ 05/12/2024 đến 31/3/2025: Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo: 1.643",
	"giải quyết trước hạn và đúng hạn: 1.633, quá hạn: 02.",
	"Năm 2021: 80 biên chế; Năm 2022: 82 biên chế; Năm 2023: 82 biên chế; Năm 2024: 80 biên chế; Năm 2025: 79 biên chế.",
	"Năm 2021: 660 biên chế; Năm 2022: 687 biên chế; Năm 2023: 701 biên chế; Năm 2024: 701 biên chế; Năm 2025: 701 biên chế.",
	"Năm 2021: 01 công chức; Năm 2022: 02 công chức; Năm 2023: 05 công chức.",
	"Năm 2022: 08 công chức; Năm 2023: 05 công chức; Năm 2024: 02 công chức.",
	"Năm 2022: 21 viên chức; Năm 2023: 07 viên chức.",
	"Năm 2023: 02 công chức; Năm 2024: 02 công chức.",
	"Năm 2021: Quyết định bổ nhiệm, bổ nhiệm lại, điều động và bổ nhiệm 15 cán bộ quản lý cấp phòng và tương đương; Năm 2023: Quyết định bổ nhiệm 04 công chức; Năm 2024: Bổ nhiệm mới 03 đ/c; tiếp nhận và bổ nhiệm 05 đ/c; điều động và bổ nhiệm 01 đ/c.",
	"Năm 2021: Quyết định bổ nhiệm, bổ nhiệm lại 02 viên chức quản lý trường học; Năm 2022: Bổ nhiệm, bổ nhiệm lại, kéo dài thời gian bổ nhiệm đối với 24 viên chức quản lý các trường học; Năm 2023: Điều động, bổ nhiệm và bổ nhiệm mới 11 viên chức lãnh đạo, quản lý trường học; Năm 2024: Bổ nhiệm mới, bổ nhiệm lại 09 viên chức.",
	"Năm 2021: 282 biên chế; từ năm 2022 đến 31/3/2025 số lượng cán bộ, công chức cấp xã được quy định theo Nghị định số 34/2019/NĐ-CP là 278 người.",
	"Năm 2021: ban hành Quyết định số 180/QĐ-UBND ngày 29/01/2021; Năm 2022: ban hành Quyết định số 539/QĐ-UBND ngày 28/02/2022; Năm 2023: ban hành Quyết định số 362/QĐ-UBND ngày 20/02/2023; Năm 2024: ban hành Quyết định số 75/QĐ-UBND ngày 15/3/2024; Năm 2025: ban hành Quyết định số 597/QĐ-UBND ngày 13/3/2025.",
	"sáp nhập trường PTCS Danh Sỹ và trường PTCS Lê Lợi để thành lập trường TH&THCS Lê Lợi.",
}

// thachAnPeriods are the whole sentences of footnote 19, checked in the
// document model (in print a long note may run on to the next page, with
// body text between its parts).
var thachAnPeriods = []string{
	"Năm 2021: Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo: 23.870, trong đó: trực tuyến: 0; trực tiếp và qua dịch vụ bưu chính: 23.838; số từ kỳ trước chuyển qua: 32. Số lượng hồ sơ đã giải quyết: 23.861; trong đó, giải quyết trước hạn: 7.242, đúng hạn: 16.543, quá hạn: 76. Số lượng hồ sơ đang giải quyết: 09; trong đó, trong hạn: 09, quá hạn: 0.",
	"Năm 2022: Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo: 15.797, trong đó: trực tuyến: 1.214; trực tiếp và qua dịch vụ bưu chính: 14.574; số từ kỳ trước chuyển qua: 09. Số lượng hồ sơ đã giải quyết: 15.699; trong đó, giải quyết trước hạn: 152, đúng hạn: 15.488, quá hạn: 59. Số lượng hồ sơ đang giải quyết: 98; trong đó, trong hạn: 98, quá hạn: 0.",
	"Năm 2023: Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo: 8.778, trong đó: trực tuyến: 6.791; trực tiếp và qua dịch vụ bưu chính: 1.981; số từ kỳ trước chuyển qua: 06. Số lượng hồ sơ đã giải quyết: 8.770; trong đó, giải quyết trước hạn: 8.365, đúng hạn: 349, quá hạn: 56. Số lượng hồ sơ đang giải quyết: 08; trong đó, trong hạn: 07, quá hạn: 01.",
	"Năm 2024: Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo: 7.330, trong đó: trực tuyến: 7.285; trực tiếp và qua dịch vụ bưu chính: 37; số từ kỳ trước chuyển qua: 08. Số lượng hồ sơ đã giải quyết: 7.321; trong đó, giải quyết trước hạn và đúng hạn: 7.306, quá hạn: 15 (trong đó 01 hồ sơ kiểm tra hệ thống). Số lượng hồ sơ đang giải quyết: 09; trong đó, trong hạn: 09.",
	"Từ 05/12/2024 đến 31/3/2025: Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo: 1.643, trong đó: trực tuyến: 1.608; trực tiếp và qua dịch vụ bưu chính: 25; số từ kỳ trước chuyển qua: 10. Số lượng hồ sơ đã giải quyết: 1.635; trong đó, giải quyết trước hạn và đúng hạn: 1.633, quá hạn: 02. Số lượng hồ sơ đang giải quyết: 08; trong đó, trong hạn: 08.",
}

// checkThachAn looks for the figures and notes in a text. In printed text
// (pdftotext) a line that ends on a hyphen is joined to the next without
// it ("2021 -⏎2025" reads "2021 2025", "62/KH-⏎UBND" "62/KHUBND"), so
// hyphens are left out of both sides there.
func checkThachAn(t *testing.T, what, text string, printed bool, lists ...[]string) {
	t.Helper()
	if !norm.NFC.IsNormalString(text) {
		t.Errorf("%s: text is not NFC", what)
	}
	fold := func(s string) string {
		if printed {
			s = space.ReplaceAllString(strings.ReplaceAll(s, "-", " "), " ")
		}
		return s
	}
	text = fold(text)
	for _, list := range append([][]string{thachAnFigures, thachAnNotes}, lists...) {
		for _, f := range list {
			if !strings.Contains(text, fold(f)) {
				t.Errorf("%s lacks %q", what, f)
			}
		}
	}
}

// modelText is the text of a document model, blocks then footnotes, with
// white space folded.
func modelText(d *docmodel.Document) string {
	var b strings.Builder
	b.WriteString(strings.Join(d.Header.Agency, " ") + " " + d.Header.QuocHieu + " " + d.Header.TieuNgu + " " + d.Header.Number + " " + d.Header.PlaceDate + " ")
	b.WriteString(d.Title.Kind + " " + strings.Join(d.Title.Summary, " ") + " ")
	for _, blk := range d.Body {
		switch v := blk.(type) {
		case *docmodel.Heading:
			b.WriteString(v.Label + " " + docmodel.PlainText(v.Content) + " ")
		case *docmodel.Paragraph:
			b.WriteString(v.Marker + " " + docmodel.PlainText(v.Content) + " ")
		}
	}
	for _, fn := range d.Footnotes {
		for _, p := range fn.Content {
			b.WriteString(docmodel.PlainText(p.Content) + " ")
		}
	}
	b.WriteString("Nơi nhận: " + strings.Join(d.Closing.Recipients, " ") + " " + strings.Join(d.Closing.Signature.Lines, " ") + " " + d.Closing.Signature.Name)
	return space.ReplaceAllString(b.String(), " ")
}

func TestThachAnDocumentModel(t *testing.T) {
	j := sampleJob(t, thachAn, t.TempDir())
	d, err := j.Document()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Footnotes) != 37 {
		t.Errorf("%d footnotes, want 37", len(d.Footnotes))
	}
	checkThachAn(t, "document model", modelText(d), false, thachAnPeriods)
}

// TestThachAnValidate: validate lists each known inconsistency of the seed
// once, as a warning: early/on-time not split (2024, last period), the two
// carry-over breaks, and the five stated totals of the source that the
// tables do not give (sheet "Đối chiếu").
func TestThachAnValidate(t *testing.T) {
	j := sampleJob(t, thachAn, t.TempDir())
	var got []string
	for _, f := range j.Validate() {
		got = append(got, f.Severity.String()+" "+f.Sheet+"!"+f.Cell)
	}
	want := []string{
		"warning TTHC!F7", "warning TTHC!F8", // resolved ≠ early + on time + late: only the sum of the two is given
		"warning TTHC!E6", "warning TTHC!E8", // carried over 6 (2022 left 98), 10 (2024 left 9)
		"warning Đối chiếu!B3",  // 57.377 received, mixed bases (57.385)
		"warning Đối chiếu!B7",  // 99,48% (99,64%)
		"warning Đối chiếu!B8",  // 0,52% (0,36%)
		"warning Đối chiếu!B9",  // 46 inspections "2021 - 2025" (57 with 2025 planned)
		"warning Đối chiếu!B19", // 40 appointments (the years add up to 28)
		"warning !",             // the signature block without "TM. ỦY BAN NHÂN DÂN", which the seed lost
	}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("findings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// setCell changes a figure of a table row in the in-memory dataset.
func setCell(t *testing.T, tab *dataset.Table, key, column string, v float64) {
	t.Helper()
	r, err := tab.Row(key)
	if err != nil {
		t.Fatal(err)
	}
	c, err := tab.Column(column)
	if err != nil {
		t.Fatal(err)
	}
	for i := range tab.Columns {
		if tab.Columns[i].Name == c.Name {
			r.Cells[i].Kind, r.Cells[i].Num = dataset.NumberKind, v
			return
		}
	}
	t.Fatalf("column %q not found", column)
}

// TestThachAnYearChange corrects the 2023 TTHC records (1.000 more files
// received online and resolved late) and checks that the body total, the
// rates and footnote 19 change, and nothing else in the text.
func TestThachAnYearChange(t *testing.T) {
	j := sampleJob(t, thachAn, t.TempDir())
	d, err := j.Document()
	if err != nil {
		t.Fatal(err)
	}
	before := strings.Fields(modelText(d))
	tab, err := j.Data.Table("TTHC")
	if err != nil {
		t.Fatal(err)
	}
	setCell(t, tab, "2023", "Số hồ sơ nhận giải quyết / Tổng số", 9778)
	setCell(t, tab, "2023", "Số hồ sơ nhận giải quyết / Trực tuyến", 7791)
	setCell(t, tab, "2023", "Số hồ sơ đã giải quyết / Tổng số", 9770)
	setCell(t, tab, "2023", "Số hồ sơ đã giải quyết / Quá hạn", 1056)
	d, err = j.Document()
	if err != nil {
		t.Fatal(err)
	}
	after := strings.Fields(modelText(d))
	if len(before) != len(after) {
		t.Fatalf("the text has %d words, %d before", len(after), len(before))
	}
	var diff []string
	for i := range before {
		if before[i] != after[i] {
			diff = append(diff, before[i]+" → "+after[i])
		}
	}
	want := []string{
		"57.286/57.385 → 58.286/58.385",                                         // body: resolved / received
		"99,64%; → 97,93%;",                                                     // rate on time (57.078 unchanged)
		"208 → 1.208",                                                           // late
		"0,36%19. → 2,07%19.",                                                   // late rate, footnote 19
		"8.778, → 9.778,", "6.791; → 7.791;", "8.770; → 9.770;", "56. → 1.056.", // footnote 19, 2023
	}
	if strings.Join(diff, "\n") != strings.Join(want, "\n") {
		t.Errorf("changed words:\n%s\nwant:\n%s", strings.Join(diff, "\n"), strings.Join(want, "\n"))
	}
}

// TestThachAnPrinted reads the text of our PDF and of the DOCX printed by
// LibreOffice.
func TestThachAnPrinted(t *testing.T) {
	testtool.Need(t, "pdftotext")
	dir := t.TempDir()
	res, err := sampleJob(t, thachAn, dir).Run()
	if err != nil {
		t.Fatal(err)
	}
	checkThachAn(t, "our PDF", pdfText(t, res.Files[1]), true)
	loPDF := soffice(t, res.Files[0], "pdf", ".pdf", filepath.Join(dir, "lo"))
	checkThachAn(t, "DOCX printed by LibreOffice", pdfText(t, loPDF), true)
	// The Phụ lục I total row says what the body says: 57.385 received
	// (the body's "57.286/57.385"), 32 carried over (the first period's),
	// 8 pending (the last period's), in both renderings.
	total := regexp.MustCompile(`Tổng cộng\s+57\.385\s+16\.898\s+40\.455\s+32\s+57\.286\s+15\.759\s+32\.380\s+208\s+8\s+8\s+0\s`)
	for name, f := range map[string]string{"our PDF": res.Files[1], "DOCX printed by LibreOffice": loPDF} {
		if !strings.Contains(pdfText(t, f), "57.286/57.385") {
			t.Errorf("%s: the body lacks 57.286/57.385", name)
		}
		layout, err := exec.Command("pdftotext", "-layout", f, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if !total.Match(layout) {
			t.Errorf("%s: the Phụ lục I total row is not the body's figures", name)
		}
	}
}

// TestThachAnTotalRowIsTheBody: in the document model, the Phụ lục I total
// row's received, carried-over and pending cells are the chỉ tiêu the body
// prints, so body and appendix cannot disagree.
func TestThachAnTotalRowIsTheBody(t *testing.T) {
	j := sampleJob(t, thachAn, t.TempDir())
	d, err := j.Document()
	if err != nil {
		t.Fatal(err)
	}
	cells := appendixCells(d)
	// Row 7 is the total; columns: STT, key, received (2), online (3),
	// direct (4), carried over (5), resolved (6), …, pending (10).
	for col, want := range map[int]string{2: "57.385", 5: "32", 6: "57.286", 10: "8"} {
		if got := cells[fmt.Sprintf("1/7/%d", col)]; got != want {
			t.Errorf("Phụ lục I total, column %d: %q, want %q", col, got, want)
		}
	}
	if v := j.Data.Derived["tiep_nhan"]; v.Value != 57385 {
		t.Errorf("chỉ tiêu tiep_nhan = %v", v)
	}
}

// appendixCells lists the text of every cell of the appendix tables, as
// "appendix/row/column=text".
func appendixCells(d *docmodel.Document) map[string]string {
	out := map[string]string{}
	for i, a := range d.Appendices {
		for _, b := range a.Body {
			t, ok := b.(*docmodel.Table)
			if !ok {
				continue
			}
			for r, row := range t.Rows {
				for c, cell := range row.Cells {
					text := ""
					for _, p := range cell.Content {
						text += docmodel.PlainText(p.Content)
					}
					out[fmt.Sprintf("%d/%d/%d", i+1, r, c)] = text
				}
			}
		}
	}
	return out
}

// TestThachAnYearChangeReachesAppendix: a corrected year changes its row
// of Phụ lục I and the total row, and no other cell of any appendix.
func TestThachAnYearChangeReachesAppendix(t *testing.T) {
	j := sampleJob(t, thachAn, t.TempDir())
	d, err := j.Document()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Appendices) != 5 {
		t.Fatalf("%d appendices, want 5", len(d.Appendices))
	}
	before := appendixCells(d)
	tab, _ := j.Data.Table("TTHC")
	setCell(t, tab, "2023", "Số hồ sơ nhận giải quyết / Tổng số", 9778)
	setCell(t, tab, "2023", "Số hồ sơ nhận giải quyết / Trực tuyến", 7791)
	if d, err = j.Document(); err != nil {
		t.Fatal(err)
	}
	after := appendixCells(d)
	var diff []string
	for k, v := range before {
		if after[k] != v {
			diff = append(diff, k+": "+v+" → "+after[k])
		}
	}
	sort.Strings(diff)
	// Phụ lục I: two header rows, then 2021, 2022, 2023 (table row 4), …,
	// the total (row 7); columns: STT, key, received total (2), online (3),
	// …, online rate (13).
	want := []string{
		"1/4/13: 77,36% → 79,68%", "1/4/2: 8.778 → 9.778", "1/4/3: 6.791 → 7.791",
		"1/7/13: 29,45% → 30,66%", "1/7/2: 57.385 → 58.385", "1/7/3: 16.898 → 17.898",
	}
	if strings.Join(diff, "\n") != strings.Join(want, "\n") {
		t.Errorf("changed cells:\n%s\nwant:\n%s", strings.Join(diff, "\n"), strings.Join(want, "\n"))
	}
}

// TestThachAnWorkbook: the appendix workbook opens in LibreOffice, which
// recalculates its totals to the figures the report prints.
func TestThachAnWorkbook(t *testing.T) {
	dir := t.TempDir()
	res, err := sampleJob(t, thachAn, dir).Run()
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 3 || !strings.HasSuffix(res.Files[2], ".xlsx") {
		t.Fatalf("files %v", res.Files)
	}
	raw, err := os.ReadFile(soffice(t, res.Files[2], "csv:Text - txt - csv (StarCalc):44,34,76,1", ".csv", dir))
	if err != nil {
		t.Fatal(err)
	}
	// The first sheet is Phụ lục I; its total row, recalculated. It
	// follows the column kinds of du-lieu.yaml, as the body does: received
	// 57.385 (new files of each period and the 32 carried in from 2020,
	// not 57.418, which counted each period's carry-over again), carried
	// over 32 (the first period's), pending 8 (the last period's).
	var total string
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.Contains(line, "Tổng cộng") {
			total = line
		}
	}
	for _, want := range []string{`"Tổng cộng","57,385","16,898","40,455",32,"57,286"`, `208,8,8,0,29.45%,0.36%`} {
		if !strings.Contains(total, want) {
			t.Errorf("recalculated total row %q lacks %s", total, want)
		}
	}
}

var (
	refNote = regexp.MustCompile(`(?m)^\[\^(\d+)\]:`)
	word    = regexp.MustCompile(`[\p{L}\p{N}]+`)
)

// similarity is 2·LCS / (|a| + |b|) over the words of a and b (lower case).
func similarity(a, b string) float64 {
	x, y := word.FindAllString(strings.ToLower(a), -1), word.FindAllString(strings.ToLower(b), -1)
	if len(x)+len(y) == 0 {
		return 1
	}
	prev, cur := make([]int, len(y)+1), make([]int, len(y)+1)
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			switch {
			case x[i-1] == y[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return 2 * float64(prev[len(y)]) / float64(len(x)+len(y))
}

// TestThachAnFootnotesMatchReference: each of the 37 notes is the note of
// the same number in the restored reference, word for word but for the
// decisions in the template README (notes 19 and 34 are rebuilt from the
// tables and lose a duplicated paragraph, hence the margin).
func TestThachAnFootnotesMatchReference(t *testing.T) {
	ref, err := os.ReadFile(testtool.Shared(t, "reference/thach-an-tong-ket-2021-2025.md"))
	if err != nil {
		t.Fatal(err)
	}
	// A note runs from its "[^N]:" to the next one or to an HTML comment.
	want := map[int]string{}
	text := string(ref)
	locs := refNote.FindAllStringSubmatchIndex(text, -1)
	for i, l := range locs {
		end := len(text)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		body := text[l[1]:end]
		if c := strings.Index(body, "<!--"); c >= 0 {
			body = body[:c]
		}
		n, _ := strconv.Atoi(text[l[2]:l[3]])
		want[n] = body
	}
	d, err := sampleJob(t, thachAn, t.TempDir()).Document()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Footnotes) != 37 || len(want) != 37 {
		t.Fatalf("%d notes, reference %d", len(d.Footnotes), len(want))
	}
	for _, fn := range d.Footnotes {
		var got strings.Builder
		for _, p := range fn.Content {
			got.WriteString(p.Marker + " " + docmodel.PlainText(p.Content) + " ")
		}
		if s := similarity(want[fn.Number], got.String()); s < 0.7 {
			t.Errorf("note %d reads %.2f like the reference's note %d:\n got %.200s\nwant %.200s", fn.Number, s, fn.Number, got.String(), want[fn.Number])
		}
	}
}
