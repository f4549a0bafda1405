package msg

// The serving side's messages: what changed between two workbooks
// (internal/diff), the watch of a template and a workbook
// (internal/watch), the web page's answers (internal/server) and the
// command line's own errors (cmd/baocao).

// internal/diff: the label of a change, its notes, and why it could not
// be replayed.
var diffEntries = []struct{ en, vi string }{
	{"(none)", "(không có)"},
	{"(empty)", "(trống)"},
	{"(whole sheet)", "(cả trang)"},
	{"(added)", "(mới thêm)"},
	{"(present)", "(có)"},
	{"(%d rows)", "(%d dòng)"},
	{"(the report)", "(báo cáo)"},
	{"row %[1]q", "dòng %[1]q"},
	{"column %[1]q", "cột %[1]q"},
	{"indicator %[1]s (%[2]s)", "chỉ số %[1]s (%[2]s)"},
	{"total: maximum (điểm tối đa)", "dòng tổng: điểm tối đa"},
	{"total: survey points (điểm ĐTXHH)", "dòng tổng: điểm điều tra xã hội học"},
	{"total: score (điểm đạt)", "dòng tổng: điểm đạt"},
	{"total: survey score (điểm ĐTXHH đạt)", "dòng tổng: điểm điều tra xã hội học đạt"},
	{"indicator %s (%s): maximum (điểm tối đa)", "chỉ số %s (%s): điểm tối đa"},
	{"indicator %s (%s): survey points (điểm ĐTXHH)", "chỉ số %s (%s): điểm điều tra xã hội học"},
	{"indicator %s (%s): score (điểm đạt)", "chỉ số %s (%s): điểm đạt"},
	{"indicator %s (%s): survey score (điểm ĐTXHH đạt)", "chỉ số %s (%s): điểm điều tra xã hội học đạt"},
	{"the maximum (điểm tối đa) of the total", "điểm tối đa của dòng tổng"},
	{"the survey points (điểm ĐTXHH) of the total", "điểm điều tra xã hội học của dòng tổng"},
	{"the score (điểm đạt) of the total", "điểm đạt của dòng tổng"},
	{"the survey score (điểm ĐTXHH đạt) of the total", "điểm điều tra xã hội học đạt của dòng tổng"},
	{"the maximum (điểm tối đa) of indicator %s (%s)", "điểm tối đa của chỉ số %s (%s)"},
	{"the survey points (điểm ĐTXHH) of indicator %s (%s)", "điểm điều tra xã hội học của chỉ số %s (%s)"},
	{"the score (điểm đạt) of indicator %s (%s)", "điểm đạt của chỉ số %s (%s)"},
	{"the survey score (điểm ĐTXHH đạt) of indicator %s (%s)", "điểm điều tra xã hội học đạt của chỉ số %s (%s)"},
	{"%s is typed in cell %s (%s) and did not move with this change; check it, or clear it to have it computed",
		"%s được nhập sẵn ở ô %s (%s) nên không đổi theo thay đổi này; hãy kiểm tra lại ô đó, hoặc xóa trắng ô để chương trình tự tính"},
	{"the workbook has no fact sheet", "bảng tính không có trang thông tin"},
	{"the workbook has no indicator sheet %q", "bảng tính không có trang chỉ số %q"},
	{"the old workbook: %w", "bảng tính cũ: %w"},
	{"the new workbook: %w", "bảng tính mới: %w"},
	{"replaying the change %v: %w", "áp dụng riêng thay đổi %v: %w"},
}

func init() { errorEntries = append(errorEntries, diffEntries) }

// internal/watch: why a watch could not start, or stopped.
var watchEntries = []struct{ en, vi string }{
	{"watch: no file to watch", "theo dõi: không có tệp nào để theo dõi"},
	{"watch: nothing to call on a change", "theo dõi: không có việc gì để làm khi tệp thay đổi"},
	{"watch: the file %s: %w", "theo dõi: tệp %s: %w"},
	{"watch: cannot watch the files: %w", "theo dõi: không theo dõi được các tệp: %w"},
	{"watch: the folder %s does not exist", "theo dõi: không có thư mục %s"},
	{"watch: cannot watch the folder %s: %w", "theo dõi: không theo dõi được thư mục %s: %w"},
	{"watch: the system stopped the watch", "theo dõi: hệ thống đã ngừng theo dõi tệp"},
}

func init() { errorEntries = append(errorEntries, watchEntries) }
