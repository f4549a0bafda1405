package msg

// The words of the file system's errors (errors.go: localError).
var fileSystemEntries = []struct{ en, vi string }{
	{"%s %s: %v", "%s %s: %v"},
	{"%s %s %s: %v", "%s %s sang %s: %v"},
	{"open", "không mở được"},
	{"look at", "không xem được"},
	{"read", "không đọc được"},
	{"write", "không ghi được"},
	{"create the folder", "không tạo được thư mục"},
	{"remove", "không xóa được"},
	{"rename", "không đổi tên được"},
	{"no such file or folder", "không có tệp hay thư mục này"},
	{"permission denied (the file may be open in another program, or read-only)", "không có quyền (tệp có thể đang mở trong một chương trình khác, hoặc chỉ cho đọc)"},
	{"it exists already", "đã có rồi"},
}

func init() { errorEntries = append(errorEntries, fileSystemEntries) }

// The words of a location in a workbook (dataset.Loc).
var locationEntries = []struct{ en, vi string }{
	{", sheet %q", ", trang %q"},
	{", cell %s", ", ô %s"},
	{"--lang %q: expected vi or en", "--lang %q: cần vi hoặc en"},
}

func init() { errorEntries = append(errorEntries, locationEntries) }

// The frame of a check's finding (check.Finding).
var findingEntries = []struct{ en, vi string }{
	{" (expected %s, found %s)", " (cần %s, có %s)"},
}

func init() { errorEntries = append(errorEntries, findingEntries) }
