package msg

// The Vietnamese usage of each command.
const (
	usageMainVI = `baocao lập báo cáo hành chính tiếng Việt (DOCX và PDF) theo thể thức của
Nghị định 30/2020/NĐ-CP từ bảng tính số liệu (.xlsx).

Cách dùng:
  baocao build [tùy chọn]      lập báo cáo (không có tùy chọn: mọi mẫu có sẵn với số liệu mẫu)
  baocao validate [tùy chọn]   kiểm tra bảng tính theo các phép kiểm tra của mẫu
  baocao diff [tùy chọn] CŨ.xlsx MỚI.xlsx
                               các số liệu đã đổi và những chỗ chúng đi tới trong báo cáo
  baocao workbook --template TÊN --out TỆP.xlsx
                               ghi bảng tính trống mà một mẫu cần
  baocao serve [--addr 127.0.0.1:8080] [--data-dir THƯ-MỤC]
                               trang web (tiếng Việt) làm được mọi việc trên
  baocao version               phiên bản của chương trình (hoặc --version)
  baocao TỆP.xlsx ...          lập báo cáo của từng bảng tính, vào thư mục "Báo cáo" cạnh tệp;
                               mẫu báo cáo được nhận ra từ các sheet và thông tin của bảng tính
                               (kéo thả bảng tính vào baocao.exe cũng vậy)
  baocao help [lệnh]           xem hướng dẫn

Tùy chọn chung: --lang vi|en, ngôn ngữ của thông báo (mặc định: theo môi
trường, LC_ALL, LC_MESSAGES hoặc LANG; không có thì tiếng Việt).
Xem các tùy chọn của một lệnh: "baocao help build", "baocao help validate", ...
`

	usageBuildVI = `Cách dùng:
  baocao build
      Lập mọi mẫu có sẵn với bảng tính mẫu của nó, ghi vào output/.
  baocao build --template THƯ-MỤC --data TỆP.xlsx [--out THƯ-MỤC] [--name TÊN]
      Điền số liệu của bảng tính vào mẫu trong THƯ-MỤC (thư mục chứa
      report.md), ghi TÊN.docx và TÊN.pdf vào thư mục kết quả, và TÊN.xlsx
      với các bảng phụ lục khi mẫu có phụ lục. TÊN (mặc định: tên bảng
      tính) được làm cho an toàn như tên các báo cáo lập theo lô. Báo cáo
      có mẫu và bảng tính không đổi từ lần lập trước thì được bỏ qua
      (--force để lập lại); tệp bị thay được giữ trong OUT/.history thành
      TÊN.vN.ext. Kết quả nào sẽ ghi đè lên bảng tính hay một tệp của mẫu
      thì bị từ chối.
  baocao build --template THƯ-MỤC --data TỆP.xlsx --each TRANG [--jobs N]
      Một báo cáo cho mỗi dòng của trang bảng TRANG (mỗi dòng một đơn vị,
      xã hoặc phường): các ô của dòng thay cho các dữ kiện mang tên tiêu
      đề cột, khóa của dòng đặt tên cho các tệp. Các đơn vị được lập song
      song; đơn vị lỗi không làm dừng các đơn vị khác, và mã thoát là 1
      nếu có đơn vị lỗi.
  baocao build --template THƯ-MỤC --data TỆP.xlsx --watch
      Lập báo cáo rồi chạy tiếp: mỗi khi bảng tính hoặc một tệp của mẫu
      thay đổi thì lập lại và cho biết số liệu nào đã đổi (Ctrl+C để dừng).
  baocao build --template THƯ-MỤC --data TỆP.xlsx --units THƯ-MỤC-ĐƠN-VỊ
      Mẫu báo cáo tổng hợp (du-lieu.yaml có tong_hop): TỆP.xlsx chứa thông
      tin của chính báo cáo, THƯ-MỤC-ĐƠN-VỊ chứa bảng tính của các đơn vị;
      mỗi bảng tính được đọc và kiểm tra theo mẫu của đơn vị; đơn vị không
      đạt bị bỏ ra và được liệt kê trong báo cáo, hoặc làm dừng việc lập,
      theo quy định của mẫu.

Tùy chọn:
`

	usageValidateVI = `Cách dùng:
  baocao validate
      Kiểm tra mọi bảng tính mẫu có sẵn theo các phép kiểm tra của mẫu.
  baocao validate --template THƯ-MỤC --data TỆP.xlsx [--format text|json]
      Đọc bảng tính và chạy các phép kiểm tra của mẫu trong THƯ-MỤC
      (kiem-tra.yaml bên cạnh report.md). Mã thoát là 1 nếu có phép kiểm
      tra báo lỗi; chỉ có cảnh báo thì mã thoát là 0.

Tùy chọn:
`

	usageDiffVI = `Cách dùng:
  baocao diff --template THƯ-MỤC CŨ.xlsx MỚI.xlsx [--format text|json]
      Liệt kê các số liệu khác nhau giữa hai phiên bản của một bảng tính
      (trang, ô, nhãn, cũ → mới) và, với mỗi số liệu, những chỗ của báo
      cáo mà nó đi tới: câu trong phần nội dung (lời cũ và lời mới), chú
      thích, ô của phụ lục, và các tổng, tỷ lệ đổi theo. THƯ-MỤC là thư
      mục mẫu, hoặc tên một mẫu có sẵn (chi-so-cchc-9-thang,
      tong-ket-cchc-2021-2025).
      Mã thoát: 0 không có gì đổi, 1 có thay đổi, 2 có trục trặc.
  baocao diff --template THƯ-MỤC --data TỆP.xlsx THƯ-MỤC-CŨ THƯ-MỤC-MỚI
      Với mẫu tổng hợp: hai thư mục bảng tính của các đơn vị, mỗi thư mục
      được tổng hợp cùng TỆP.xlsx; đơn vị nào đổi, số liệu nào, và báo cáo
      tổng hợp đổi ở đâu (các tổng, xếp hạng, đơn vị bị bỏ ra).

Tùy chọn:
`

	usageWorkbookVI = `Cách dùng:
  baocao workbook --template THƯ-MỤC|TÊN --out TỆP.xlsx
      Ghi bảng tính trống của một mẫu: một trang hướng dẫn, trang dữ kiện
      với mọi dữ kiện mẫu cần (mô tả, đơn vị và ví dụ trong ghi chú, dữ
      kiện bắt buộc in đậm, ô giá trị được kiểm tra theo kiểu), các trang
      chỉ số và trang bảng với tiêu đề, và công thức cho các cột tính ra.
      Điền vào rồi lập báo cáo từ đó. Mẫu phải có phần mô tả dữ liệu
      (du-lieu.yaml).

Tùy chọn:
`

	usageServeVI = `Cách dùng:
  baocao serve [--addr 127.0.0.1:8080] [--data-dir THƯ-MỤC] [--token MÃ]
      Chạy trang web của bộ phận văn phòng (tiếng Việt) trên máy này: chọn
      loại báo cáo, tải bảng tính trống, tải lên bảng tính đã điền, xem
      kết quả kiểm tra, xem trước và tải báo cáo (DOCX, PDF, XLSX, ZIP),
      so sánh bảng tính đã sửa trước khi lập, lập báo cáo cho từng đơn vị.
      Kèm một API JSON (xem README). Mọi tệp được lưu trong thư mục dữ liệu
      (mặc định: baocao-du-lieu trong thư mục Documents hoặc thư mục nhà
      của người dùng); mẫu lấy từ chương trình và THƯ-MỤC/templates.
      Chỉ phục vụ trên chính máy này, trừ khi --addr chỉ một địa chỉ khác:
      khi đó bắt buộc có mã truy cập (--token, hoặc biến môi trường
      BAOCAO_TOKEN). Ctrl+C để dừng.

Tùy chọn:
`

	usageVersionVI = `Cách dùng:
  baocao version
  baocao --version
      In phiên bản của chương trình: phiên bản mô-đun, bản sửa đổi và thời
      điểm của commit đã dựng ra nó, và phiên bản Go.
`
)
