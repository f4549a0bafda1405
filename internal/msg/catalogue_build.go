package msg

// The messages of the build side: templates (internal/tmpl), the build
// itself (internal/build), the report's blocks (internal/report), the
// document model, Markdown, appendices, the renderers, fonts, samples.

// internal/tmpl: report.md, its front matter, its functions and limits.
var tmplEntries = []struct{ en, vi string }{
	{"template %s: %w", "mẫu %s: %w"},
	{"%s:1: expected the front matter to start with a line \"---\"", "%s:1: phần đầu của mẫu phải bắt đầu bằng một dòng \"---\""},
	{"%s:1: the front matter has no closing line \"---\"", "%s:1: phần đầu của mẫu thiếu dòng \"---\" kết thúc"},
	{"%s: front matter: %w", "%s: phần đầu: %w"},
	{"%s:%d: the front matter must be a list of \"key: value\" lines", "%s:%d: phần đầu phải gồm các dòng \"khóa: giá trị\""},
	{"%s: in %s: %w", "%s: tại %s: %w"},
	{"%s:%d: %s (%s) is blank after filling %q; the header block needs it", "%s:%d: %s (%s) bị trống sau khi điền %q; phần đầu văn bản bắt buộc có thông tin này"},
	{"%s:%d: %s (%s) is blank: the workbook leaves fact %s empty; type it in the workbook (the header block needs it)", "%s:%d: %s (%s) bị trống: bảng tính để trống dữ kiện %s; hãy nhập vào bảng tính (phần đầu văn bản bắt buộc có thông tin này)"},
	{"the issuing agency", "cơ quan ban hành"},
	{"the document number", "số văn bản"},
	{"the document symbol", "ký hiệu văn bản"},
	{"the place name", "địa danh"},
	{"the date", "ngày ban hành"},
	{"the signer's name", "họ tên người ký"},
	{"%s:%d: unknown front-matter key %q", "%s:%d: phần đầu không có khóa %q (khóa viết sai?)"},
	{"%s:%d: co_chu %q: expected 13/14/14 or 12/13/13 (ND30 Phụ lục I, Mục V)", "%s:%d: co_chu %q: cần 13/14/14 hoặc 12/13/13 (Nghị định 30, Phụ lục I, Mục V)"},
	{"%s:%d: phat_hanh %q: expected %s (paper) or %s (a draft for the electronic document system, số and ngày left blank)", "%s:%d: phat_hanh %q: cần %s (bản giấy) hoặc %s (bản dự thảo chuyển vào hệ thống quản lý văn bản điện tử, để trống số và ngày)"},
	{"%s:%d: front matter needs %s", "%s:%d: phần đầu thiếu khóa bắt buộc %s"},
	{"%s:%d: front matter needs co_quan (the issuing agency, one or more lines)", "%s:%d: phần đầu thiếu khóa bắt buộc co_quan (cơ quan ban hành, một hoặc nhiều dòng)"},
	{"%s:%d: danh_so %q: expected one of %s", "%s:%d: danh_so %q: cần một trong các giá trị %s"},
	{"%s:%d: trang.gian_dong %v: ND30 allows single (1) to 1.5 line spacing", "%s:%d: trang.gian_dong %v: Nghị định 30 cho phép giãn dòng từ 1 đến 1,5 dòng"},
	{"no dataset", "chưa có số liệu"},
	{"no chỉ tiêu %q: define it under chi_tieu in du-lieu.yaml", "không có chỉ tiêu %q: hãy khai báo chỉ tiêu này trong mục chi_tieu của du-lieu.yaml"},
	{"chỉ tiêu %s (%s) cannot be computed: %w", "không tính được chỉ tiêu %s (%s): %w"},
	{"lietke takes the sheet and at most two separators", "lietke nhận tên trang và nhiều nhất hai dấu ngăn cách"},
	{"fixed %d: expected 0 to %d decimals", "fixed %d: cần từ 0 đến %d chữ số thập phân"},
	{"%s: %d decimals; expected 0 to 6", "%s: %d chữ số thập phân; cần từ 0 đến 6"},
	{"pct: %d arguments after the two figures; expected at most one, the decimals (pct a b 1)", "pct: %d đối số sau hai số liệu; chỉ được thêm nhiều nhất một, là số chữ số thập phân (pct a b 1)"},
	{"division by zero", "chia cho 0"},
	{"the figure is blank", "số liệu để trống"},
	{"expected a number, got the text %q", "cần một số, có chữ %q"},
	{"expected a number, got %T", "cần một số, có %T"},
	{"%s: expected a whole number, got %s", "%s: cần một số nguyên, có %s"},
	{"expected a whole number, got %s", "cần một số nguyên, có %s"},
	{"expected a date (dd/mm/yyyy), got %q", "cần một ngày (dd/mm/yyyy), có %q"},
	{"expected a date, got %T", "cần một ngày, có %T"},
	{"eq: missing argument for comparison", "eq: thiếu giá trị để so sánh"},
	{"quy %d: a quarter is 1 to 4", "quy %d: quý chỉ từ 1 đến 4"},
	{"thang %d: a month is 1 to 12", "thang %d: tháng chỉ từ 1 đến 12"},
	{"cannot compare %T", "không so sánh được %T"},
	{"cannot compare the number %s with %s", "không so sánh được số %s với %s"},
	{"cannot compare %s with the number %s", "không so sánh được %s với số %s"},
	{"the text of %s", "chữ ở %s"},
	{"the text %q", "chữ %q"},
	{"sheet %q has no rows", "trang %q không có dòng nào"},
	{"expected a name, got %T", "cần một tên, có %T"},
	{"the template takes more than %d steps (loop iterations and template calls; the limit is there to stop a loop that never ends)", "mẫu cần hơn %d bước (lượt lặp và lượt gọi mẫu con; giới hạn này để dừng một vòng lặp không bao giờ kết thúc)"},
	{"filling the template takes longer than %v (the limit is there to stop a loop that never ends)", "điền mẫu mất hơn %v (giới hạn này để dừng một vòng lặp không bao giờ kết thúc)"},
	{"range over a %s is not supported in a report", "báo cáo không cho phép range trên một %s"},
	{"range over %d items: more than the %d steps left of the limit of %d (loop iterations and template calls)", "range trên %d phần tử: nhiều hơn %d bước còn lại của giới hạn %d (lượt lặp và lượt gọi mẫu con)"},
	{"the filled template is larger than %s (the limit is there to stop a loop that prints without end)", "mẫu sau khi điền lớn hơn %s (giới hạn này để dừng một vòng lặp in mãi không dừng)"},
	{"%d MiB", "%d MiB"},
	{"%d bytes", "%d byte"},
	{"printf %q: a width or precision above 1000", "printf %q: độ rộng hoặc độ chính xác lớn hơn 1000"},
	{"printf %q: a width or precision taken from an argument (*) is not supported", "printf %q: không cho phép lấy độ rộng hoặc độ chính xác từ một đối số (*)"},
	{"%s is not a regular file (%s); a template file must be an ordinary file", "%s không phải là tệp thông thường (%s); tệp của mẫu phải là một tệp thông thường"},
	{"a folder", "một thư mục"},
	{"a named pipe", "một đường ống có tên"},
	{"a device", "một thiết bị"},
	{"a socket", "một socket"},
	{"%s is %d bytes, more than the limit of %s for a template file", "%s có %d byte, quá giới hạn %s của một tệp mẫu"},
	// text/template's own messages (tmpl/goerrors.go).
	{"%s: executing %s at <%s>: %s", "%[1]s: khi điền %[2]s, tại <%[3]s>: %[4]s"},
	{"missing value for %s", "thiếu giá trị cho %s"},
	{"function %s not defined", "không có hàm %s"},
	{"template %s not defined", "không có mẫu con %s"},
	{"unclosed action", "lệnh {{ … }} chưa được đóng bằng }}"},
	{"unclosed left paren", "thiếu dấu \")\" đóng ngoặc"},
	{"unexpected {{%s}}", "{{%s}} không đúng chỗ (không có lệnh mở tương ứng)"},
	{"unterminated quoted string", "chuỗi trong ngoặc kép chưa được đóng"},
	{"undefined variable %s", "chưa khai báo biến %s"},
	{"unexpected %s in operand", "%s không đúng chỗ trong đối số"},
	{"unexpected EOF", "hết tệp mà lệnh vẫn còn mở (thiếu {{ end }}?)"},
	{"wrong number of args for %s: want %s got %s", "số đối số của %s không đúng: cần %s, có %s"},
	{"can't evaluate field %s in type %s", "không có trường %s trong kiểu %s"},
}

func init() { errorEntries = append(errorEntries, tmplEntries) }

// internal/report: the header, number, page and signature block.
var reportEntries = []struct{ en, vi string }{
	{"%s: front matter: %s", "%s: phần đầu: %s"},
	{"%s: %s (printed by %s, front matter %s)", "%s: %s (giá trị do %s in ra, khóa %s của phần đầu)"},
	{"ngay %q: expected a date such as 09/10/2024", "ngay %q: cần một ngày dạng 09/10/2024"},
	{"trang.%s %v mm: ND30 allows %v to %v mm", "trang.%s %v mm: Nghị định 30 cho phép từ %v đến %v mm"},
	{"%s: the report body is empty", "%s: thân báo cáo trống"},
	{"ky_hieu %q: expected groups joined by \"-\" with no spaces or \"/\", such as BC-UBND", "ky_hieu %q: cần các nhóm chữ nối bằng \"-\", không có dấu cách hay \"/\", ví dụ BC-UBND"},
	{"so %q: expected a whole number", "so %q: cần một số nguyên"},
	{"so %q: expected a number from 1", "so %q: cần một số từ 1 trở lên"},
	{"%s: front matter: ky.hinh_thuc %q: expected TM., KT., Q., TL., TUQ. or khong", "%s: phần đầu: ky.hinh_thuc %q: cần TM., KT., Q., TL., TUQ. hoặc khong"},
	{"%s: front matter: ky.thieu %q: expected canh-bao or loi", "%s: phần đầu: ky.thieu %q: cần canh-bao hoặc loi"},
	{"the signature block %s (ND30 Phụ lục I, Mục II.7)", "khối chữ ký %s (Nghị định 30, Phụ lục I, Mục II.7)"},
	{"has the authority line %q, but the template says the head signs in their own name (hinh_thuc: khong)", "có dòng quyền hạn %q, nhưng mẫu quy định người đứng đầu ký trực tiếp (hinh_thuc: khong)"},
	{"has no authority line: the template signs %s (as in \"%s\"); the data leaves it blank", "thiếu dòng quyền hạn: mẫu ký %s (ví dụ \"%s\"); số liệu để trống dòng này"},
	{"opens its authority line %q with %q, but the template signs %s", "có dòng quyền hạn %q mở đầu bằng %q, nhưng mẫu ký %s"},
	{"has the authority line %q, which opens with none of TM., KT., Q., TL., TUQ.", "có dòng quyền hạn %q không mở đầu bằng TM., KT., Q., TL. hay TUQ."},
	{"has no chức vụ line (CHỦ TỊCH, PHÓ CHỦ TỊCH …) between the authority and the name", "thiếu dòng chức vụ (CHỦ TỊCH, PHÓ CHỦ TỊCH …) giữa dòng quyền hạn và họ tên"},
	{"has no name under the chức vụ", "thiếu họ tên dưới dòng chức vụ"},
}

func init() { errorEntries = append(errorEntries, reportEntries) }

// internal/build: writing a report's files, the output folder, its lock,
// the findings of a build, several units and the built-in samples.
var buildEntries = []struct{ en, vi string }{
	{"the report cannot be built: %v", "không lập được báo cáo: %v"},
	{"sheet %q has no rows: nothing to build", "trang %q không có dòng nào: không có báo cáo nào để lập"},
	{"output name %q is not a plain file name (safe: %q): name the report without a folder, \"..\" or a device name, and choose the folder with --out", "tên tệp kết quả %q không phải là một tên tệp đơn giản (tên an toàn: %q): đặt tên báo cáo không kèm thư mục, \"..\" hay tên thiết bị, và chọn thư mục bằng --out"},
	{"manifest: %w", "tệp manifest: %w"},
	{"output folder: %w", "thư mục lưu kết quả: %w"},
	{"the output would overwrite an input", "tệp kết quả sẽ ghi đè lên một tệp đầu vào"},
	{"%w: writing %s would replace the input %s (the same file), which baocao only reads; choose another --out folder or another --name; nothing was written", "%w: ghi %s sẽ thay thế tệp đầu vào %s (cùng một tệp), tệp mà baocao chỉ đọc; hãy chọn thư mục --out khác hoặc tên --name khác; chưa ghi tệp nào"},
	{"write %s: %w", "ghi %s: %w"},
	{"data/samples.yaml: %w", "data/samples.yaml: %w"},
	{"data/samples.yaml: entry %d needs ten (a file name), mau and du_lieu", "data/samples.yaml: mục thứ %d cần ten (tên tệp), mau và du_lieu"},
	{"data/samples.yaml: %s has don_vi, but template %s does not consolidate", "data/samples.yaml: %s có don_vi, nhưng mẫu %s không phải mẫu tổng hợp"},
	{"%s is %s, not a folder: baocao keeps old versions there and does not follow links; replace it by a folder (move the files it holds into it) and build again", "%s là %s, không phải thư mục: baocao lưu các phiên bản cũ ở đó và không đi theo liên kết; hãy thay nó bằng một thư mục (chuyển các tệp nó chứa vào thư mục đó) rồi lập lại"},
	{"%s is %s: baocao replaces only regular files and does not write through links; remove it and build again", "%s là %s: baocao chỉ thay thế tệp thông thường và không ghi qua liên kết; hãy xóa nó rồi lập lại"},
	{"nothing to write", "không có gì để ghi"},
	{"keep previous versions: %w", "lưu các phiên bản trước: %w"},
	{"%w; putting the previous files back failed too (%v): the next build into %s completes this one", "%w; đặt lại các tệp trước cũng không được (%v): lần lập tiếp theo vào %s sẽ hoàn tất lần này"},
	{"%w (the previous files are back in place)", "%w (các tệp trước đã được đặt lại như cũ)"},
	{"keep previous %s: %w", "lưu bản trước của %s: %w"},
	{"%s is %s, not a folder: baocao writes new files there and does not follow links; remove it and build again", "%s là %s, không phải thư mục: baocao ghi tệp mới vào đó và không đi theo liên kết; hãy xóa nó rồi lập lại"},
	{"%s is %s: remove it: %w", "%s là %s: xóa nó: %w"},
	{"completing an interrupted build in %s: %w", "hoàn tất lần lập bị gián đoạn trong %s: %w"},
	{"the template does not consolidate: its %s has no tong_hop", "mẫu không phải mẫu tổng hợp: %s của mẫu không có tong_hop"},
	{"unit %s is left out of the consolidation: %v", "đơn vị %s bị bỏ ra khỏi bản tổng hợp: %v"},
	{"unit folder %s: %w", "thư mục bảng tính của các đơn vị %s: %w"},
	{"unit folder %s holds no .xlsx workbook", "thư mục bảng tính của các đơn vị %s không có bảng tính .xlsx nào"},
	{"output folder is in use by another build", "thư mục lưu kết quả đang được một lần lập khác sử dụng"},
	{"lock held", "đang bị khóa"},
	{"lock %s: %w", "khóa %s: %w"},
	{"%w: waited %v for the lock on %s; wait for the other build to finish, or build into another --out folder", "%w: đã chờ %v để khóa %s; hãy chờ lần lập kia xong, hoặc lập vào thư mục --out khác"},
	{"%s is %s: baocao locks it while it writes and does not follow links; remove it and build again", "%s là %s: baocao khóa tệp này trong khi ghi và không đi theo liên kết; hãy xóa nó rồi lập lại"},
	{"%s: not a regular file (%s)", "%s: không phải tệp thông thường (%s)"},
	{"%s: not a regular file (it changed while being opened)", "%s: không phải tệp thông thường (tệp đã thay đổi trong khi mở)"},
	{"a special file", "một tệp đặc biệt"},
	{"%s: %d bytes, more than the %d expected", "%s: %d byte, nhiều hơn %d byte dự kiến"},
	{"%s changed while being read", "%s đã thay đổi trong khi đọc"},
	{"a symbolic link", "một liên kết tượng trưng"},
	{"a FIFO", "một đường ống (FIFO)"},
}

func init() { errorEntries = append(errorEntries, buildEntries) }

// internal/appendix (phu-luc.yaml), internal/markdown (the report's body)
// and internal/docmodel (a table's shape).
var bodyEntries = []struct{ en, vi string }{
	{"needs tieu_de and bang", "cần tieu_de và bang"},
	{"column %q: ty_le needs two columns, [numerator, denominator]", "cột %q: ty_le cần hai cột, [tử số, mẫu số]"},
	{"column %q: give exactly one of khoa, du_lieu, ty_le", "cột %q: cần đúng một trong các khóa khoa, du_lieu, ty_le"},
	{"a column has no nhan (label)", "có một cột thiếu nhan (tên cột)"},
	{"needs exactly one key column (khoa: true), found %d", "cần đúng một cột khóa (khoa: true), có %d"},
	{"group %q has no columns", "nhóm cột %q không có cột nào"},
	{"column %q: %v", "cột %q: %v"},
	{"total of %q: %v", "tổng của %q: %v"},
	{"column %q: rong %v; give a positive relative width, or none to size the column from its content", "cột %q: rong %v; hãy cho một độ rộng tương đối dương, hoặc bỏ trống để độ rộng cột theo nội dung"},
	{"%s: \":::\" closes nothing; a landscape part opens with \"::: ngang\"", "%s: \":::\" không đóng phần nào; phần trang ngang mở bằng \"::: ngang\""},
	{"%s: the landscape part \"::: ngang\" of line %d holds nothing", "%s: phần trang ngang \"::: ngang\" ở dòng %d không có nội dung"},
	{"%s: unknown block \"::: %s\"; the only one is \"::: ngang\" (a landscape part of the body), closed by \":::\"", "%s: không có khối \"::: %s\"; chỉ có \"::: ngang\" (một phần trang ngang của thân báo cáo), đóng bằng \":::\""},
	{"%s: \"::: ngang\" inside a landscape part; close the first with \":::\"", "%s: \"::: ngang\" nằm trong một phần trang ngang; hãy đóng phần trước bằng \":::\""},
	{"%s: \"::: ngang\" is never closed; end the landscape part with a line \":::\"", "%s: \"::: ngang\" chưa được đóng; hãy kết thúc phần trang ngang bằng một dòng \":::\""},
	{"%s:%d: footnote [^%s] is defined but never referenced", "%s:%d: chú thích [^%s] có nội dung nhưng không được dẫn ở đâu"},
	{"%s: footnote %d is referenced but has no text", "%s: chú thích %d được dẫn nhưng không có nội dung"},
	{"raw HTML is not supported in a report; use Markdown", "báo cáo không dùng được mã HTML; hãy viết bằng Markdown"},
	{"block quotes (lines starting with \">\") are not supported in a report", "báo cáo không dùng được đoạn trích dẫn (dòng bắt đầu bằng \">\")"},
	{"code blocks are not supported in a report (an indented line of 4 spaces starts one)", "báo cáo không dùng được khối mã (một dòng thụt vào 4 dấu cách là bắt đầu khối mã)"},
	{"unsupported Markdown element %s", "báo cáo không dùng được thành phần Markdown %s"},
	{"a footnote may hold only paragraphs", "chú thích chỉ được gồm các đoạn văn"},
	{"footnote [^%s] is empty", "chú thích [^%s] không có nội dung"},
	{"footnote %d is referenced twice; a Word footnote has one reference, so give the second place its own note", "chú thích %d được dẫn hai lần; một chú thích của Word chỉ có một chỗ dẫn, hãy cho chỗ thứ hai một chú thích riêng"},
	{"raw HTML %q is not supported in a report", "báo cáo không dùng được mã HTML %q"},
	{"images are not supported in a report yet", "báo cáo chưa chèn được hình ảnh"},
	{"table has no columns", "bảng không có cột nào"},
	{"table has %d header rows but %d rows", "bảng có %d dòng tiêu đề nhưng chỉ có %d dòng"},
	{"row %d, cell %d: spans past column %d", "dòng %d, ô thứ %d: trải quá cột %d"},
	{"row %d, cell %d: spans %d rows past the end of the table", "dòng %d, ô thứ %d: trải %d dòng, quá cuối bảng"},
	{"row %d, cell %d: overlaps the cell from row %d, column %d", "dòng %d, ô thứ %d: chồng lên ô của dòng %d, cột %d"},
	{"row %d has no cell at column %d", "dòng %d không có ô ở cột %d"},
}

func init() { errorEntries = append(errorEntries, bodyEntries) }

// internal/render/docx, pdf, xlsx: what a writer refuses in a document
// (most are faults of the program, not of the data, but they are told in
// the reader's language all the same).
var renderEntries = []struct{ en, vi string }{
	{"docx: %w", "docx: %w"},
	{"docx: %s: %w", "docx: %s: %w"},
	{"docx: nil document", "docx: không có văn bản"},
	{"body: %w", "thân văn bản: %w"},
	{"appendix %d (%s): %w", "phụ lục %d (%s): %w"},
	{"footnote %d is never referenced: Word would drop it silently", "chú thích %d không được dẫn ở đâu: Word sẽ lặng lẽ bỏ nó đi"},
	{"nil block", "khối văn bản rỗng"},
	{"unknown block type %T", "không biết loại khối văn bản %T"},
	{"block %d: %w", "khối %d: %w"},
	{"nil heading", "đề mục rỗng"},
	{"unknown heading kind %v", "không biết loại đề mục %v"},
	{"unknown paragraph style %d", "không biết kiểu đoạn văn %d"},
	{"nil paragraph", "đoạn văn rỗng"},
	{"inline %d: unknown type %T", "thành phần %d trong dòng: không biết loại %T"},
	{"footnote reference %d inside a footnote", "chỗ dẫn chú thích %d nằm trong một chú thích"},
	{"footnote reference %d: the document has %d footnotes", "chỗ dẫn chú thích %d: văn bản chỉ có %d chú thích"},
	{"footnote %d is referenced before footnote %d: Word numbers notes in reference order", "chú thích %d được dẫn trước chú thích %d: Word đánh số chú thích theo thứ tự được dẫn"},
	{"footnote %d carries number %d", "chú thích %d mang số %d"},
	{"footnote %d, paragraph %d is nil", "chú thích %d, đoạn %d rỗng"},
	{"footnote %d, paragraph %d: %w", "chú thích %d, đoạn %d: %w"},
	{"nil table", "bảng rỗng"},
	{"table: %w", "bảng: %w"},
	{"table: column %d has width %v", "bảng: cột %d có độ rộng %v"},
	{"table: column %d has no width", "bảng: cột %d không có độ rộng"},
	{"table row %d, column %d: %w", "bảng, dòng %d, cột %d: %w"},
	{"paragraph %d is nil", "đoạn %d rỗng"},
	{"paragraph %d: %w", "đoạn %d: %w"},
	{"pdf: %w", "pdf: %w"},
	{"pdf: nil document", "pdf: không có văn bản"},
	{"pdf: internal failure: %w", "pdf: lỗi bên trong chương trình: %w"},
	{"pdf: internal failure: %v", "pdf: lỗi bên trong chương trình: %v"},
	{"embedding fonts: %w", "nhúng phông chữ: %w"},
	{"writing: %w", "ghi: %w"},
	{"page size %d × %d twips is not positive", "khổ giấy %d × %d twip không dương"},
	{"page margins must not be negative", "lề trang không được âm"},
	{"page margins leave too little room for text", "lề trang để lại quá ít chỗ cho chữ"},
	{"font size Sizes.%s = %v is not a usable size", "cỡ chữ Sizes.%s = %v không dùng được"},
	{"line spacing %v is not usable", "giãn dòng %v không dùng được"},
	{"indent and paragraph spacing must not be negative", "thụt lề và khoảng cách đoạn không được âm"},
	{"body block %d: %w", "khối %d của thân văn bản: %w"},
	{"appendix %d, block %d: %w", "phụ lục %d, khối %d: %w"},
	{"footnote %d: %w", "chú thích %d: %w"},
	{"footnote reference %d, but the document has %d footnotes", "chỗ dẫn chú thích %d, nhưng văn bản chỉ có %d chú thích"},
	{"table column %d has width %v", "cột %d của bảng có độ rộng %v"},
	{"the document has no appendix table", "văn bản không có biểu phụ lục nào"},
	{"nil document", "không có văn bản"},
}

func init() { errorEntries = append(errorEntries, renderEntries) }

// internal/render/sml: writing the SpreadsheetML of the appendix and the
// blank workbook.
var smlEntries = []struct{ en, vi string }{
	{"a sheet needs a name", "trang tính phải có tên"},
	{"a workbook needs at least one sheet", "bảng tính phải có ít nhất một trang"},
	{"sheet %q is already written", "trang %q đã ghi xong"},
	{"sheet %q, %s: the list of allowed values has %d characters; Excel allows at most %d", "trang %q, %s: danh sách giá trị được chọn dài %d ký tự; Excel chỉ cho phép tối đa %d"},
	{"sheet %q, cell %s: outside the used area or out of order", "trang %q, ô %s: nằm ngoài vùng dữ liệu hoặc sai thứ tự cột"},
	{"sheet %q: row %d after row %d; rows go in ascending order", "trang %q: dòng %d đứng sau dòng %d; các dòng phải theo thứ tự tăng dần"},
	{"sheet %q: row %d is below the sheet's used area, %d rows", "trang %q: dòng %d nằm dưới vùng dữ liệu của trang (%d dòng)"},
	{"sheet name %q begins or ends with an apostrophe, which Excel does not allow", "tên trang %q bắt đầu hoặc kết thúc bằng dấu nháy đơn, Excel không cho phép"},
	{"sheet name %q has %d characters; Excel allows at most 31", "tên trang %q dài %d ký tự; Excel chỉ cho phép tối đa 31"},
	{"sheet name %q holds one of the characters : \\ / ? * [ ], which Excel does not allow", "tên trang %q có một trong các ký tự : \\ / ? * [ ], Excel không cho phép"},
	{"two sheets are named %q", "có hai trang cùng tên %q"},
	{"xlsx: %s: %w", "xlsx: %s: %w"},
	{"xlsx: %w", "xlsx: %w"},
	{"xlsx: sheet %q: %w", "xlsx: trang %q: %w"},
}

func init() { errorEntries = append(errorEntries, smlEntries) }

// internal/fonts: reading and subsetting the embedded fonts.
var fontEntries = []struct{ en, vi string }{
	{"table too short", "bảng dữ liệu của phông quá ngắn"},
	{"fonts: %v: %w", "phông chữ %v: %w"},
	{"fonts: %v: table directory: %w", "phông chữ %v: danh mục bảng: %w"},
	{"fonts: %v: table %q out of the file", "phông chữ %v: bảng %q nằm ngoài tệp"},
	{"fonts: %v: table %q missing or short", "phông chữ %v: bảng %q bị thiếu hoặc quá ngắn"},
	{"fonts: %v: PostScript name: %w", "phông chữ %v: tên PostScript: %w"},
	{"fonts: %v: loca: %w", "phông chữ %v: loca: %w"},
	{"fonts: %v: loca entry %d out of glyf", "phông chữ %v: mục loca %d nằm ngoài glyf"},
	{"fonts: %v: hmtx: %w", "phông chữ %v: hmtx: %w"},
	{"fonts: subsetting %v: %w", "phông chữ: lấy tập con của %v: %w"},
	{"glyph %d: composite record: %w", "glyph %d: bản ghi glyph ghép: %w"},
	{"glyph %d: component %d out of range", "glyph %d: thành phần %d ngoài phạm vi"},
}

func init() { errorEntries = append(errorEntries, fontEntries) }

// internal/samples: the built-in sample workbooks.
var sampleEntries = []struct{ en, vi string }{
	{"sample %q: %w", "bảng tính mẫu %q: %w"},
	{"node %s: formula uses unknown fact %q", "tiêu chí %s: công thức dùng dữ kiện %q không có"},
	{"sheet %q: column %q is ambiguous", "trang %q: tên cột %q trùng với nhiều cột"},
	{"sheet %q: no column %q", "trang %q: không có cột %q"},
	{"sheet %q: no row %q", "trang %q: không có dòng %q"},
	{"formula %s: no table %q", "công thức %s: không có bảng %q"},
	{"sheet %q: header row %d has %d cells, want %d", "trang %q: dòng tiêu đề %d có %d ô, cần %d"},
	{"sheet %q: row %v has %d cells, the header %d", "trang %q: dòng %v có %d ô, dòng tiêu đề có %d"},
	{"sheet %q, cell %s: %w", "trang %q, ô %s: %w"},
}

func init() { errorEntries = append(errorEntries, sampleEntries) }

// The signature and seal images (report/images.go, tmpl/front.go,
// render/pdf/image.go).
var imageEntries = []struct{ en, vi string }{
	{"%s:%d: unknown key ky.%s; the ky block takes quyen_han, chuc_vu, ho_ten, hinh_thuc, thieu, anh_chu_ky, rong_chu_ky, anh_dau, duong_kinh_dau", "%s:%d: không có khóa ky.%s; khối ky chỉ gồm các khóa quyen_han, chuc_vu, ho_ten, hinh_thuc, thieu, anh_chu_ky, rong_chu_ky, anh_dau, duong_kinh_dau"},
	{"%s:%d: ky.%s %v mm: expected %v to %v mm", "%s:%d: ky.%s %v mm: cần từ %v đến %v mm"},
	{"%s: %d × %d pixels print %.0f mm tall at %v mm wide, more than the %v mm a signature block has room for; crop the %s close to its ink", "%s: %d × %d điểm ảnh, in ra cao %.0f mm khi rộng %v mm, quá %v mm chỗ trống của khối chữ ký; hãy cắt %s sát nét mực"},
	{"%s: %s (printed by %s): %w", "%s: %s (giá trị do %s in ra): %w"},
	{"%s: front matter %s: %w", "%s: khóa %s của phần đầu: %w"},
	{"%d × %d pixels: more than an image may have", "%d × %d điểm ảnh: quá kích thước một ảnh được phép có"},
	{"image %d (%s): %w", "ảnh %d (%s): %w"},
	{"embedding images: %w", "nhúng ảnh: %w"},
}

func init() { errorEntries = append(errorEntries, imageEntries) }
