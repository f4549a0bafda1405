package msg

// The reading side's messages: the workbook reader (xlsxfile, xlsxdata,
// formula), the dataset, the checks and the contract of a template. One
// slice per package; each key is the English format of the message.

func init() {
	errorEntries = append(errorEntries, datasetEntries)
}

// internal/dataset: values, facts, tables and indicator trees.
var datasetEntries = []struct{ en, vi string }{
	{"expected a number, found %s", "cần một số, có %s"},
	{"expected a date, found %s", "cần một ngày, có %s"},
	{"an empty cell", "ô trống"},
	{"the number %s", "số %s"},
	{"the date %s", "ngày %s"},
	{" and ", " và "},
	{" or ", " hoặc "},
	{"%s and %s", "%s và %s"},
	{"cell %s", "ô %s"},
	{"cells %s", "các ô %s"},
	{"key %q is defined twice (first at cell %s)", "khóa %q được ghi hai lần (lần đầu ở ô %s)"},
	{"key %q is the key %q of cell %s written differently (keys match without regard to case and diacritics); keep one of them", "khóa %q chính là khóa %q ở ô %s viết khác đi (khóa được so khớp không phân biệt chữ hoa, chữ thường và dấu); hãy giữ lại một trong hai"},
	{"%s has no fact sheet, so fact %q is not available", "%s không có trang dữ kiện nên không có dữ kiện %q"},
	{"no fact with key %q", "không có dữ kiện nào có khóa %q"},
	{"%s has no indicator sheet (columns Mã, Nội dung, Điểm tối đa)", "%s không có trang chỉ số (các cột Mã, Nội dung, Điểm tối đa)"},
	{"%s has %d indicator sheets (%s); name the one to use", "%s có %d trang chỉ số (%s); hãy nêu tên trang cần dùng"},
	{"%s has no indicator sheet %q", "%s không có trang chỉ số %q"},
	{"%s has no table sheet %q (tables: %s)", "%s không có trang bảng %q (các bảng hiện có: %s)"},
	{"%q equals the first row, as an opening stock does", "%q bằng dòng đầu, như số tồn đầu kỳ"},
	{"%q equals the last row, as a closing stock does", "%q bằng dòng cuối, như số tồn cuối kỳ"},
	{"the total row %q gives %s for %q, but the %d rows above it add up to %s; correct the total or the rows (baocao computes totals from the rows and does not use this row)", "dòng tổng %q ghi %s ở cột %q, nhưng %d dòng phía trên cộng lại được %s; hãy sửa dòng tổng hoặc các dòng số liệu (baocao tự tính tổng từ các dòng và không dùng dòng này)"},
	{"the total row %q is not data: baocao set it aside and computes totals from the %d rows above it, which agree with it (%s)", "dòng tổng %q không phải số liệu: baocao để riêng dòng này và tự tính tổng từ %d dòng phía trên, khớp với dòng tổng (%s)"},
	{"the total row %q is not data: baocao set it aside and computes totals from the %d rows above it, which agree with it", "dòng tổng %q không phải số liệu: baocao để riêng dòng này và tự tính tổng từ %d dòng phía trên, khớp với dòng tổng"},
	{"row %q is already in the table (cell %s)", "dòng %q đã có trong bảng (ô %s)"},
	{"sheet %q has no column %q (it has %s)", "trang %q không có cột %q (các cột hiện có: %s)"},
	{"sheet %q: column %q is ambiguous (%s); use the full name", "trang %q: không rõ cột %q là cột nào (%s); hãy ghi đủ tên cột"},
	{"sheet %q has no row %q in its %s column (rows: %s)", "trang %q không có dòng %q ở cột %s (các dòng hiện có: %s)"},
	{"sheet %q: column %q has no total (text, or a rate over 0)", "trang %q: cột %q không có tổng (cột chữ, hoặc tỷ lệ có mẫu số bằng 0)"},
	{"sheet %q: column %q depends on itself", "trang %q: cột %q được tính từ chính nó"},
	{"maximum (điểm tối đa)", "điểm tối đa"},
	{"survey points (điểm ĐTXHH)", "điểm ĐTXHH"},
	{"score (điểm đạt)", "điểm đạt"},
	{"survey score (điểm ĐTXHH đạt)", "điểm ĐTXHH đạt"},
	{"sheet %q has no indicator with code %q", "trang %q không có chỉ số nào mã %q"},
	{"empty indicator code", "mã chỉ số để trống"},
	{"indicator code %q: expected numbers separated by dots, such as 1, 1.2 or 1.2.3", "mã chỉ số %q: cần các số cách nhau bằng dấu chấm, như 1, 1.2 hoặc 1.2.3"},
	{"indicator code %q is used twice (first at cell %s)", "mã chỉ số %q được dùng hai lần (lần đầu ở ô %s)"},
	{"indicator %q comes before its parent %q", "chỉ số %q đứng trước chỉ số cấp trên của nó là %q; hãy đặt chỉ số cấp trên lên trước"},
	{"the %s of %s is typed as %s, but its %d children add up to %s; the report uses %s", "%s của %s được ghi là %s, nhưng %d chỉ số cấp dưới cộng lại được %s; báo cáo dùng %s"},
	{"the %s %s of %s is more than its self-assessed maximum %s (%s %s less %s %s)", "%s %s của %s vượt điểm tối đa tự đánh giá %s (%s %s trừ %s %s)"},
	{"inconsistent figures in %s", "số liệu không khớp ở %s"},
	{"%s has its %s typed (%s), but of its %d children, %s give none, so the typed figures cannot be checked against them and do not follow a correction to a child; type the children's figures, or clear the typed ones to have them computed", "%s có %s được ghi sẵn (%s), nhưng trong %d chỉ số cấp dưới, %s không ghi số liệu, nên không đối chiếu được các số đã ghi với chỉ số cấp dưới và các số này không đổi theo khi sửa một chỉ số cấp dưới; hãy ghi số liệu của các chỉ số cấp dưới, hoặc xóa các số đã ghi để chương trình tự tính"},
	{"the total", "dòng tổng"},
	{"indicator %s (%s)", "chỉ số %s (%s)"},
	{"%s of %s is not in the workbook and cannot be computed from its children", "%s của %s không có trong bảng tính và không tính được từ các chỉ số cấp dưới"},
}
