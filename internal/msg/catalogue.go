package msg

// entries: each English key with its Vietnamese text. The verbs (%s, %d,
// %q, %v) keep their order, so the arguments need no index.
var entries = []struct{ en, vi string }{
	// Severities of a check's finding.
	{"error", "lỗi"},
	{"warning", "cảnh báo"},

	// The frame around what went wrong.
	{"baocao: %v\n", "baocao: lỗi: %v\n"},
	{"baocao: %v\n\n%s", "baocao: lỗi: %v\n\n%s"},
	{"baocao: %v\n\nRun \"baocao help %s\" for usage.\n", "baocao: lỗi: %v\n\nXem cách dùng: \"baocao help %s\".\n"},
	{"baocao: unknown command %q\n\n%s", "baocao: lỗi: không có lệnh %q\n\n%s"},
	{"baocao: the data fails %d check(s); nothing was written:\n", "baocao: lỗi: số liệu không đạt %d phép kiểm tra; chưa ghi tệp nào:\n"},
	{"  %s\n", "  %s\n"},
	{"%s: %s\n", "%s: %s\n"},

	// The command line itself.
	{"unexpected argument %q", "thừa đối số %q"},
	{"expected %d arguments, got %d", "cần %d đối số, có %d"},
	{"flag provided but not defined: %s", "không có tùy chọn %s"},
	{"flag needs an argument: %s", "tùy chọn %s cần một giá trị"},
	{"bad flag syntax: %s", "tùy chọn viết sai: %s"},
	{"invalid value %s for flag %s: %s", "giá trị %s của tùy chọn %s không hợp lệ: %s"},
	{"invalid boolean value %s for %s: %s", "giá trị đúng/sai %s của %s không hợp lệ: %s"},
	{"invalid boolean flag %s: %s", "tùy chọn đúng/sai %s không hợp lệ: %s"},
	{"parse error", "không đọc được"},
	{"value out of range", "giá trị ngoài phạm vi"},
	{"--lang %q: expected vi or en", "--lang %q: cần vi hoặc en"},
	{" (default %q)", " (mặc định: %q)"},
	{" (default %v)", " (mặc định: %v)"},
	{"--each needs --template and --data", "--each cần --template và --data"},
	{"--watch needs --template and --data (one report)", "--watch cần --template và --data (một báo cáo)"},
	{"--name needs --template and --data", "--name cần --template và --data"},
	{"--template and --data go together", "--template và --data phải đi cùng nhau"},
	{"--template and --out are required", "cần cả --template và --out"},
	{"--template is required", "cần --template"},
	{"--format %q: expected text or json", "--format %q: cần text hoặc json"},
	{"--name %q: a file name without a folder is expected; choose the folder with --out", "--name %q: cần một tên tệp không kèm thư mục; chọn thư mục bằng --out"},
	{"--out %q: the blank workbook is an .xlsx file", "--out %q: bảng tính trống phải là tệp .xlsx"},
	{"template %s has no %s, so baocao does not know what its workbook holds", "mẫu %s không có %s nên baocao không biết bảng tính của nó gồm những gì"},

	// Flags.
	{"template folder (holding report.md)", "thư mục mẫu báo cáo (chứa report.md)"},
	{"template folder (holding report.md and kiem-tra.yaml)", "thư mục mẫu báo cáo (chứa report.md và kiem-tra.yaml)"},
	{"template folder, or the name of a built-in template", "thư mục mẫu báo cáo, hoặc tên một mẫu có sẵn"},
	{"workbook (.xlsx) with the figures", "bảng tính (.xlsx) chứa số liệu"},
	{"workbook (.xlsx) to check", "bảng tính (.xlsx) cần kiểm tra"},
	{"the workbook to write (.xlsx)", "bảng tính sẽ ghi (.xlsx)"},
	{"output folder", "thư mục lưu kết quả"},
	{"output file name without extension (default: the workbook's name)", "tên tệp kết quả, không có phần mở rộng (mặc định: tên bảng tính)"},
	{"rebuild even when the template and the workbook did not change", "lập lại cả khi mẫu và bảng tính không đổi"},
	{"build one report per row of this table sheet (a unit per row)", "lập một báo cáo cho mỗi dòng của trang bảng này (mỗi dòng một đơn vị)"},
	{"with --each: reports built at once", "với --each: số báo cáo lập cùng lúc"},
	{"folder of the units' workbooks, for a consolidating template", "thư mục bảng tính của các đơn vị, cho mẫu báo cáo tổng hợp"},
	{"--units needs --template and --data, and goes alone (not with --each or --watch)", "--units cần --template và --data, và không đi cùng --each hay --watch"},
	{"consolidated %d unit(s); left out %d: %s", "đã tổng hợp %d đơn vị; bỏ ra %d: %s"},

	// A workbook dropped on the program.
	{"%s: template %s\n", "%s: mẫu báo cáo %s\n"},
	{"Press Enter to close this window.\n", "Nhấn Enter để đóng cửa sổ.\n"},
	{"for a consolidating template: the report's own workbook (OLD and NEW are then folders of unit workbooks)", "với mẫu tổng hợp: bảng tính của chính báo cáo (khi đó CŨ và MỚI là thư mục bảng tính của các đơn vị)"},
	{"--data is required: the template consolidates, so OLD and NEW are folders of unit workbooks and --data the report's own workbook", "cần --data: mẫu này là mẫu tổng hợp, nên CŨ và MỚI là thư mục bảng tính của các đơn vị, còn --data là bảng tính của chính báo cáo"},
	{"keep running: rebuild when the workbook or the template changes, and say which figures changed", "chạy liên tục: lập lại khi bảng tính hoặc mẫu thay đổi, và cho biết số liệu nào đã đổi"},
	{"output format: text or json", "dạng kết quả: text hoặc json"},
	{"address to listen on (host:port)", "địa chỉ phục vụ (máy:cổng)"},
	{"folder for uploaded workbooks, built reports and extra templates (templates/)", "thư mục lưu bảng tính tải lên, báo cáo đã lập và mẫu bổ sung (templates/)"},
	{"access token; required when --addr is not a loopback address (or set %s)", "mã truy cập; bắt buộc khi --addr không phải địa chỉ của chính máy này (hoặc đặt biến %s)"},

	// What build did.
	{"wrote %s\n", "đã ghi %s\n"},
	{"kept the previous version as %s\n", "đã giữ bản trước thành %s\n"},
	{"skipped %s: template and data unchanged since the last build (--force rebuilds)\n", "bỏ qua %s: mẫu và số liệu không đổi từ lần lập trước (--force để lập lại)\n"},
	{"\r[%d/%d] built %d, skipped %d, failed %d", "\r[%d/%d] đã lập %d, bỏ qua %d, lỗi %d"},
	{"failed %s: %v\n", "lỗi %s: %v\n"},
	{"skipped %s\n", "bỏ qua %s\n"},
	{"built %s\n", "đã lập %s\n"},
	{"%d report(s): %d built, %d skipped (unchanged), %d failed\n", "%d báo cáo: đã lập %d, bỏ qua %d (không đổi), lỗi %d\n"},
	{"%d check(s) failed", "không đạt %d phép kiểm tra"},
	{"  failed %s: %s\n", "  lỗi %s: %s\n"},

	// validate.
	{"%d error(s), %d warning(s)\n", "%d lỗi, %d cảnh báo\n"},

	// diff and watch.
	{"%s fails %d check(s); build would refuse it until they are fixed:\n", "%s không đạt %d phép kiểm tra; lệnh build sẽ từ chối cho tới khi sửa xong:\n"},
	{"%s and %s give the same report.\n", "%s và %s cho cùng một báo cáo.\n"},
	{"%d figure(s) changed from %s to %s:\n", "%d số liệu đã đổi từ %s sang %s:\n"},
	{"%s%s:\n%s  was: %s\n%s  now: %s\n", "%s%s:\n%s  trước: %s\n%s  nay: %s\n"},
	{"    (a row, column or sheet added or removed: see the report changes below)\n", "    (một dòng, cột hoặc trang được thêm hay bỏ: xem các thay đổi của báo cáo bên dưới)\n"},
	{"    (not used by the report)\n", "    (báo cáo không dùng)\n"},
	{"    note: %s\n", "    ghi chú: %s\n"},
	{"\nAlso changed in the report (from the figures together):\n", "\nCũng đổi trong báo cáo (do các số liệu cùng tác động):\n"},
	{"no figure changed\n", "không số liệu nào thay đổi\n"},
	{"%d figure(s) changed:\n", "%d số liệu đã đổi:\n"},
	{"watching %s and %s (Ctrl+C to stop)\n", "đang theo dõi %s và %s (Ctrl+C để dừng)\n"},

	// serve.
	{"Address %s is in use (baocao may be running already): opening %s\n", "Địa chỉ %s đang được dùng (có thể baocao đang chạy rồi): mở %s\n"},
	{"baocao is running at %s\n", "baocao đang chạy tại %s\n"},
	{"Files are kept in %s\n", "Tệp được lưu trong %s\n"},
	{"Open the page with the access token: %s?token=…\n", "Mở trang với mã truy cập: %s?token=…\n"},
	{"To stop: close this window or press Ctrl+C.\n", "Để dừng: đóng cửa sổ này hoặc bấm Ctrl+C.\n"},
	{"Could not open the browser (%v): open %s\n", "Không tự mở được trình duyệt (%v): hãy mở %s\n"},
	{"baocao stopped.\n", "Đã dừng baocao.\n"},

	// version.
	{"baocao: no build information in this binary\n", "baocao: tệp chương trình này không có thông tin bản dựng\n"},
	{"(development build)", "(bản đang phát triển)"},
	{"baocao version %s\n", "baocao phiên bản %s\n"},
	{"  revision: %s (with uncommitted changes)\n", "  bản sửa đổi: %s (có thay đổi chưa commit)\n"},
	{"  revision: %s\n", "  bản sửa đổi: %s\n"},
	{"  revision: unknown (not recorded in the build)\n", "  bản sửa đổi: không rõ (bản dựng không ghi lại)\n"},
	{"  commit time: %s\n", "  thời điểm commit: %s\n"},
	{"  Go: %s\n", "  Go: %s\n"},

	// Usage of each command.
	{UsageMain, usageMainVI},
	{UsageBuild, usageBuildVI},
	{UsageValidate, usageValidateVI},
	{UsageDiff, usageDiffVI},
	{UsageWorkbook, usageWorkbookVI},
	{UsageServe, usageServeVI},
	{UsageVersion, usageVersionVI},
}
