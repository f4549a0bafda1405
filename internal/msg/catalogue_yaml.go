package msg

// The YAML library's errors said again (internal/yamllist/explain.go).
// "a text", "a whole number" and "a number" are the contract's words
// (catalogue_read.go).
var yamlEntries = []struct{ en, vi string }{
	{"line %s: %s", "dòng %s: %s"},
	{"did not find expected key", "thiếu một khóa ở chỗ này (thường do thụt lề không đều: các khóa cùng cấp phải thẳng hàng)"},
	{"did not find expected ',' or ']'", "thiếu dấu ',' hoặc ']': một danh sách [...] chưa được đóng"},
	{"did not find expected ',' or '}'", "thiếu dấu ',' hoặc '}': một nhóm {...} chưa được đóng"},
	{"did not find expected '-' indicator", "thiếu dấu '-' đầu mục: các mục của danh sách phải thụt lề như nhau"},
	{"did not find expected node content", "thiếu giá trị ở chỗ này"},
	{"did not find expected comment or line break", "có chữ thừa sau một giá trị (sau dấu ngoặc kép đóng chẳng hạn); hãy xuống dòng"},
	{"mapping values are not allowed in this context", "không được có dấu ':' ở đây: một văn bản có dấu ':' cần đặt trong ngoặc kép, hoặc thụt lề đang sai"},
	{"block sequence entries are not allowed in this context", "không được bắt đầu một mục '- ' ở đây: thụt lề đang sai"},
	{"found character that cannot start any token", "có một ký tự không được đứng đầu giá trị (như @, ` hoặc %); hãy đặt văn bản trong ngoặc kép"},
	{"could not find expected ':'", "thiếu dấu ':' sau tên khóa"},
	{"found a tab character that violates indentation", "có ký tự tab trong phần thụt lề; YAML chỉ dùng dấu cách để thụt lề"},
	{"found a tab character where an indentation space is expected", "có ký tự tab trong phần thụt lề; YAML chỉ dùng dấu cách để thụt lề"},
	{"found unexpected end of stream", "tệp hết giữa chừng: một dấu ngoặc kép hay một dấu ngoặc chưa được đóng"},
	{"found unknown escape character", "có dấu \\ không hợp lệ trong ngoặc kép; dùng ngoặc đơn '...' hoặc viết \\\\"},
	{"control characters are not allowed", "tệp có ký tự điều khiển không được phép"},
	{"the file is not UTF-8 text: save it as UTF-8", "tệp không phải văn bản UTF-8: hãy lưu tệp với bảng mã UTF-8"},
	{"%s (%s)", "%s (%s)"},
	{"the key %q is written twice (first at line %s)", "khóa %q được viết hai lần (lần đầu ở dòng %s)"},
	{"YAML syntax: %s", "lỗi cú pháp YAML: %s"},
	{"line %s: %s is %s, but %s is expected here", "dòng %s: %s là %s, nhưng ở đây cần %s"},
	{"line %s: %s is given, but %s is expected here", "dòng %s: ở đây có %s, nhưng cần %s"},
	{"true or false", "true hoặc false"},
	{"a list", "một danh sách"},
	{"a set of keys", "một nhóm khóa (khóa: giá trị)"},
	{"nothing", "giá trị rỗng"},
}

func init() { errorEntries = append(errorEntries, yamlEntries) }
