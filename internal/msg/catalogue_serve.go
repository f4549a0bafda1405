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

// internal/server: the web page's answers and the server's log.
var serverEntries = []struct{ en, vi string }{
	{"the address is not this computer's own (loopback): an access token is required (--token or the environment variable %s)",
		"địa chỉ không phải máy này (loopback): cần mã truy cập (--token hoặc biến môi trường %s)"},
	{"--addr %s: %w", "--addr %s: %w"},
	{"the data folder is missing (--data-dir)", "thiếu thư mục dữ liệu (--data-dir)"},
	{"the data folder %s: %w", "thư mục dữ liệu %s: %w"},
	{"the data folder: %w", "thư mục dữ liệu: %w"},
	{"A request from another site is refused (protection against forged requests).", "Yêu cầu từ một trang khác bị từ chối (chống giả mạo yêu cầu)."},
	{"The session has expired or is not valid: reload the page.", "Phiên làm việc đã hết hạn hoặc không hợp lệ: hãy tải lại trang."},
	{"The host name is not valid: open http://127.0.0.1 or http://localhost.", "Tên máy không hợp lệ: hãy mở http://127.0.0.1 hoặc http://localhost."},
	{"An access token is required: open the page with ?token=… or send the header Authorization: Bearer ….", "Cần mã truy cập: mở trang với ?token=… hoặc gửi tiêu đề Authorization: Bearer …."},

	{"the template %s in %s has the name of a built-in template: left out", "mẫu %s trong %s trùng tên với một mẫu có sẵn: bỏ qua"},
	{"could not load the template %s: %v", "không nạp được mẫu %s: %v"},
	{"the built-in templates: %w", "mẫu có sẵn: %w"},
	{"the template folder %s: %w", "thư mục mẫu %s: %w"},
	{"There is no such report template.", "Không có mẫu báo cáo này."},
	{"This template has no %s yet, so it has no blank workbook.", "Mẫu này chưa có %s nên chưa có bảng tính trống."},
	{"Could not make the blank workbook: %w", "Không tạo được bảng tính trống: %w"},

	{"The file is too large: at most %d MB per upload.", "Tệp quá lớn: tối đa %d MB mỗi lần tải lên."},
	{"The request is not a multipart/form-data form: %w", "Yêu cầu không phải biểu mẫu multipart/form-data: %w"},
	{"Choose a report template of the library (the field template; see GET /api/templates).", "Hãy chọn một mẫu báo cáo có trong thư viện (trường template; xem GET /api/templates)."},
	{"The workbook is missing (the field workbook, an .xlsx file).", "Thiếu bảng tính (trường workbook, tệp .xlsx)."},
	{"Could not read the uploaded file: %w", "Không đọc được tệp tải lên: %w"},
	{"the build kept no document for the preview", "đã lập báo cáo nhưng không giữ lại văn bản để xem trước"},
	{"preview: internal failure: %v", "bản xem trước: lỗi bên trong chương trình: %v"},
	{"the consolidating template %s reads workbooks of the template %s, which the library does not have", "mẫu tổng hợp %s đọc bảng tính theo mẫu %s, nhưng thư viện không có mẫu này"},
	{"a consolidating template needs the workbooks of the units (template %s): choose several .xlsx files or one .zip file in the box \"Bảng tính của các đơn vị\"",
		"mẫu tổng hợp cần bảng tính của các đơn vị (mẫu %s): chọn nhiều tệp .xlsx hoặc một tệp .zip ở ô \"Bảng tính của các đơn vị\""},
	{"Could not build the report from this workbook: %w", "Không lập được báo cáo từ bảng tính này: %w"},
	{"The workbook has %d error(s): no report was built. Correct the cells named and upload it again.", "Bảng tính có %d lỗi: chưa lập báo cáo. Sửa các ô được nêu rồi tải lên lại."},
	{"There is no such report (the server may have restarted).", "Không có báo cáo này (có thể máy chủ đã khởi động lại)."},
	{"left out %s: %v", "bỏ qua %s: %v"},
	{"Could not read the previous version again: %w", "Không đọc lại được phiên bản trước: %w"},
	{"There is no such version.", "Không có phiên bản này."},
	{"This version has no %s file.", "Phiên bản này không có tệp %s."},
	{"The file was not found.", "Không tìm thấy tệp."},
	{"too many unit workbooks: at most %d", "quá nhiều bảng tính đơn vị: tối đa %d"},
	{"%s is not a .zip file that can be read: %w", "%s không phải tệp .zip đọc được: %w"},
	{"%s in %s is too large: at most %d MB", "%s trong %s quá lớn: tối đa %d MB"},
	{"%s in %s: %w", "%s trong %s: %w"},
	{"%s: a unit workbook is an .xlsx file, or a .zip file of .xlsx files", "%s: bảng tính đơn vị phải là tệp .xlsx hoặc một tệp .zip chứa các tệp .xlsx"},

	{"the unit sheet %q: %w", "trang đơn vị %q: %w"},
	{"Could not pack the reports: %w", "Không đóng gói được các báo cáo: %w"},
	{"This address does not take a %s request (it takes %s).", "Địa chỉ này không nhận yêu cầu %s (chỉ nhận %s)."},
	{"There is no such page or address: %s.", "Không có trang hay địa chỉ %s."},
	{"There is no such batch of reports.", "Không có lượt lập báo cáo hàng loạt này."},
	{"Not finished: wait until every unit is built.", "Chưa xong: hãy chờ đến khi lập xong mọi đơn vị."},
}

func init() { errorEntries = append(errorEntries, serverEntries) }

// cmd/baocao: the command line's own errors (its other texts are in
// catalogue.go, printed with its Printer). Keys written with explicit
// indexes (%[1]s) are so only to keep them this command's own: their
// English is that of the plain verbs.
var commandEntries = []struct{ en, vi string }{
	{"checks failed", "số liệu không đạt các phép kiểm tra"},
	{"%s: the template does not consolidate: its du-lieu.yaml has no tong_hop", "%s: mẫu này không phải mẫu tổng hợp: du-lieu.yaml của mẫu không có tong_hop"},
	{"template %s has no %s, so baocao does not know what its workbook holds", "mẫu %s không có %s nên baocao không biết bảng tính của nó gồm những gì"},
	{"the blank workbook: %w", "bảng tính trống: %w"},
	{"could not open the browser: open %s (%w)", "không tự mở được trình duyệt: hãy mở %s (%w)"},
	{"could not listen on %s (baocao may be running already): %w", "không mở được địa chỉ %s (có thể baocao đang chạy rồi): %w"},

	// A workbook dropped on the program.
	{"%s: this is the workbook of the consolidating template %s, which also needs its units' workbooks; build it on the web page (double-click baocao) or with baocao build --template %s --data FILE.xlsx --units FOLDER",
		"%s: đây là bảng tính của mẫu báo cáo tổng hợp %s, mẫu này cần cả bảng tính của các đơn vị; hãy lập trên trang web (nháy đúp baocao) hoặc bằng baocao build --template %s --data TỆP.xlsx --units THƯ-MỤC"},
	{"%s: the workbook fits several templates (%s); choose one on the web page (double-click baocao) or with baocao build --template",
		"%s: bảng tính khớp với nhiều mẫu báo cáo (%s); hãy chọn mẫu trên trang web (nháy đúp baocao) hoặc bằng baocao build --template"},
	{"%s: no built-in template reads a single workbook", "%s: không có mẫu báo cáo sẵn có nào lập từ một bảng tính"},
	{"%s: no built-in template fits this workbook; the closest, %s, needs %s. Start from the blank workbook of the template (the web page, or baocao workbook --template NAME)",
		"%s: bảng tính không khớp với mẫu báo cáo sẵn có nào; gần nhất là mẫu %s, còn thiếu %s. Hãy điền số liệu vào bảng tính mẫu của mẫu báo cáo (tải trên trang web, hoặc baocao workbook --template TÊN)"},
	{"and %[1]d more", "và %[1]d mục khác"},
	{"the fact %[1]s", "dữ kiện %[1]s"},
	{"the column %[1]q of sheet %[2]q", "cột %[1]q của trang %[2]q"},
	{"the sheet %[1]q", "trang %[1]q"},
}

func init() { errorEntries = append(errorEntries, commandEntries) }
