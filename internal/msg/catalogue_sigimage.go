package msg

// The signature and seal images (internal/sigimage).
var sigimageEntries = []struct{ en, vi string }{
	{"signature image (ô 7c)", "ảnh chữ ký (ô 7c)"},
	{"seal image (ô 8)", "ảnh dấu (ô 8)"},
	{"%s: no folder to look for the image in", "%s: không có thư mục nào để tìm ảnh"},
	{"%s: no such file in %s; put the PNG there, or correct the name", "%s: không có tệp này trong %s; hãy đặt tệp PNG vào đó, hoặc sửa lại tên"},
	{"the image has no file name", "ảnh chưa có tên tệp"},
	{"%q: give a file name only, without a folder (the image is looked for beside the workbook and in the template folder)", "%q: chỉ ghi tên tệp, không kèm thư mục (ảnh được tìm bên cạnh bảng tính và trong thư mục mẫu)"},
	{"%s: not a .png file; ND30 (Phụ lục I, Mục II.7.d, II.8.a) asks for a PNG with a transparent background: save the image as PNG", "%s: không phải tệp .png; Nghị định 30 (Phụ lục I, Mục II.7.d, II.8.a) yêu cầu ảnh PNG nền trong suốt: hãy lưu ảnh dạng PNG"},
	{"is a symbolic link; baocao does not follow links: copy the image itself into the folder", "là một liên kết (symbolic link); baocao không đi theo liên kết: hãy chép chính tệp ảnh vào thư mục"},
	{"is not a regular file (%s)", "không phải một tệp thông thường (%s)"},
	{"is %d bytes, more than the %d MiB an image may have; save it smaller (a seal needs at most about 1000 × 1000 pixels)", "có %d byte, quá giới hạn %d MiB của một ảnh; hãy lưu ảnh nhỏ hơn (ảnh dấu chỉ cần khoảng 1000 × 1000 điểm ảnh)"},
	{"changed while it was being read; build again", "đã thay đổi trong lúc đang đọc; hãy lập lại báo cáo"},
	{"is more than the %d MiB an image may have", "quá giới hạn %d MiB của một ảnh"},
	{"not a PNG file (the name ends in .png, the content is %s); save the %s as PNG", "không phải tệp PNG (tên có đuôi .png nhưng nội dung là %s); hãy lưu %s dạng PNG"},
	{"a damaged PNG file: %w", "tệp PNG bị hỏng: %w"},
	{"%d × %d pixels, more than the %d × %d (%d million pixels) an image may have; save it smaller", "%d × %d điểm ảnh, quá giới hạn %d × %d (%d triệu điểm ảnh) của một ảnh; hãy lưu ảnh nhỏ hơn"},
	{"every pixel is transparent: the %s shows nothing", "mọi điểm ảnh đều trong suốt: %s không hiện gì"},
	{"%s: the %s has no transparent background (ND30 Phụ lục I, Mục II.7.d, II.8.a: PNG \"nền trong suốt\"): its background will hide what lies under it; save it with a transparent background", "%s: %s không có nền trong suốt (Nghị định 30, Phụ lục I, Mục II.7.d, II.8.a: PNG \"nền trong suốt\"): nền ảnh sẽ che phần nằm dưới; hãy lưu ảnh với nền trong suốt"},
	{"%s: the %s is not blue (its ink averages R %d, G %d, B %d); ND30 Phụ lục I, Mục II.7.d asks for \"màu xanh\"", "%s: %s không có màu xanh (màu mực trung bình R %d, G %d, B %d); Nghị định 30, Phụ lục I, Mục II.7.d yêu cầu \"màu xanh\""},
	{"%s: the %s is not red (its ink averages R %d, G %d, B %d); ND30 Phụ lục I, Mục II.8.a asks for \"màu đỏ\"", "%s: %s không có màu đỏ (màu mực trung bình R %d, G %d, B %d); Nghị định 30, Phụ lục I, Mục II.8.a yêu cầu \"màu đỏ\""},
}

func init() { errorEntries = append(errorEntries, sigimageEntries) }
