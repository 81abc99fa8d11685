"""Words of the "Sao lưu" page, the backup and restore dialogs, the start-up check and the audit log."""

PAGE_TITLE = "Sao lưu và khôi phục"
PAGE_INTRO = (
    "Dữ liệu của phường chỉ nằm trên máy này. Hãy sao lưu ra USB thường xuyên và cất USB ở nơi an "
    "toàn; nên đặt mật khẩu để người nhặt được USB không đọc được thông tin cá nhân."
)
LAST_USB_NEVER = "Chưa từng sao lưu ra USB."
LAST_USB = "Lần sao lưu ra USB gần nhất: {when} ({age})."
LAST_USB_LATE = " Đã quá {days} ngày — hãy sao lưu ngay."
LOCAL_HEADING = "Bản sao lưu tự động trong thư mục dữ liệu"

ACTION_BACKUP = "&Sao lưu ra USB…"
ACTION_RESTORE = "&Khôi phục…"
ACTION_TRIAL = "Khôi phục &thử…"
ACTION_AUTO_NOW = "Sao lưu tự động &ngay"
ACTION_RESTORE_SELECTED = "Khôi phục &bản đã chọn…"
ACTION_OPEN_FOLDER = "Mở thư mục sao lưu"

COLUMN_FILE = "Tệp"
COLUMN_TIME = "Thời điểm"
COLUMN_KIND = "Loại"
COLUMN_SIZE = "Dung lượng"
COLUMN_ENCRYPTED = "Mã hóa"
KIND_AUTO = "Tự động"
KIND_SAFETY = "Trước khi khôi phục"
KIND_MANUAL = "Sao lưu"
YES = "Có"
NO = "Không"
AUTO_DONE = "Đã sao lưu tự động: {name}"
AUTO_UNCHANGED = "Dữ liệu không đổi từ lần sao lưu tự động gần nhất; không cần sao lưu thêm."

# -- backup dialog ------------------------------------------------------------------------------
BACKUP_TITLE = "Sao lưu ra USB"
TARGET_LABEL = "Lưu vào:"
TARGET_REMOVABLE = "USB / ổ di động: {label}"
TARGET_FOLDER = "Thư mục: {path}"
TARGET_NONE = "(chưa chọn — hãy cắm USB hoặc chọn thư mục)"
CHOOSE_FOLDER = "Chọn &thư mục…"
CHOOSE_FOLDER_TITLE = "Chọn thư mục (ổ USB) để lưu bản sao lưu"
ENCRYPT = "&Mã hóa bằng mật khẩu (nên dùng khi mang USB ra ngoài)"
PASSPHRASE = "Mật khẩu:"
PASSPHRASE_REPEAT = "Nhập lại:"
PASSPHRASE_HINT = (
    "Mật khẩu không được lưu ở đâu cả. Quên mật khẩu thì không ai mở được bản sao lưu này — "
    "hãy ghi lại và cất riêng."
)
COMPRESS = "&Nén (tệp nhỏ hơn nhưng chậm hơn)"
START_BACKUP = "&Sao lưu"
CLOSE = "Đóng"
NO_TARGET = "Hãy chọn thư mục hoặc USB để lưu."
BACKUP_RUNNING = "Đang sao lưu…"
BACKUP_DONE = (
    "Đã sao lưu và kiểm tra lại thành công:\n{path}\n({size}, {seconds} giây). "
    "Có thể rút USB ra an toàn."
)
BACKUP_NOT_NOTED = (
    "Tệp sao lưu đã ghi và kiểm tra tốt; chỉ chưa ghi được ngày sao lưu này vào dữ liệu (dòng "
    "“Sao lưu USB gần nhất” sẽ chưa đổi): {problem}"
)
FAILED_UNEXPECTEDLY = (
    "Việc này chưa làm được vì một lỗi không lường trước (xem thông báo vừa hiện). Dữ liệu hiện "
    "tại không thay đổi."
)

# -- restore dialog -----------------------------------------------------------------------------
RESTORE_TITLE = "Khôi phục dữ liệu từ bản sao lưu"
TRIAL_TITLE = "Khôi phục thử (chỉ kiểm tra, không thay đổi dữ liệu)"
FILE_LABEL = "Tệp sao lưu:"
CHOOSE_FILE = "Chọn &tệp…"
NO_FILE_CHOSEN = "Chưa chọn tệp — bấm “Chọn tệp…”"
CHOOSE_FILE_TITLE = "Chọn tệp sao lưu ThiĐua"
FILE_FILTER = "Bản sao lưu ThiĐua (*.tdbak);;Mọi tệp (*)"
ENCRYPTED_NOTE = "Bản sao lưu này được mã hóa; hãy nhập mật khẩu đã đặt khi sao lưu."
CHECK = "&Kiểm tra"
RESTORE = "&Khôi phục"
NO_FILE = "Hãy chọn tệp sao lưu."
CHECKING = "Đang kiểm tra bản sao lưu…"
RESTORING = "Đang khôi phục…"
SUMMARY = (
    "<b>Bản sao lưu hợp lệ.</b><br>Phường: {ward}<br>Thời điểm sao lưu: {when}<br>"
    "Phiên bản: ThiĐua {version}, cấu trúc dữ liệu {schema}{upgrade}<br>"
    "Đơn vị: {units} · Cá nhân: {persons} · Số liệu quý: {values} · Hồ sơ: {dossiers} · "
    "Văn bản: {documents} · Tệp đính kèm: {attachments}"
)
SUMMARY_UPGRADE = " (sẽ được nâng cấp lên cấu trúc mới)"
TRIAL_OK = (
    "Khôi phục thử thành công: bản sao lưu đầy đủ và đọc được. Dữ liệu hiện tại không thay đổi."
)
CONFIRM_TITLE = "Xác nhận khôi phục"
CONFIRM_SHORTER_AUDIT = "Cảnh báo: {warning}\n\n{question}"
CONFIRM_TEXT = (
    "Toàn bộ dữ liệu hiện tại sẽ được thay bằng dữ liệu của bản sao lưu ngày {when}.\n\n"
    "Trước khi thay, dữ liệu hiện tại được sao lưu an toàn vào thư mục sao lưu, nên vẫn lấy lại "
    "được nếu cần. Tiếp tục khôi phục?"
)
RESTORE_DONE = (
    "Đã khôi phục dữ liệu của bản sao lưu ngày {when}.\nDữ liệu trước khi khôi phục được giữ ở:\n"
    "{safety}"
)
RESTORE_FAILED = "Không khôi phục được"

# -- start-up check -----------------------------------------------------------------------------
STARTUP_TITLE = "Dữ liệu có lỗi"
STARTUP_TEXT = (
    "Kiểm tra khi khởi động phát hiện tệp dữ liệu có lỗi:\n{problems}\n\n"
    "Tệp dữ liệu chưa bị thay đổi."
)
STARTUP_OFFER = "\n\nCó bản sao lưu tốt gần nhất lúc {when} ({name}). Khôi phục từ bản này?"
STARTUP_NO_BACKUP = (
    "\n\nKhông tìm thấy bản sao lưu tự động còn tốt. Nếu có bản sao lưu trên USB, hãy vào trang "
    "Sao lưu → Khôi phục."
)
STARTUP_RESTORE = "&Khôi phục bản sao lưu"
STARTUP_CONTINUE = "&Tiếp tục với dữ liệu hiện tại"
STARTUP_QUIT = "&Thoát"
STARTUP_RESTORED = "Đã khôi phục từ {name}."

AUTO_ON_EXIT = "Đang sao lưu tự động trước khi đóng…"

# -- audit log page -----------------------------------------------------------------------------
AUDIT_TITLE = "Nhật ký thay đổi"
AUDIT_SEARCH = "Tìm trong nhật ký (bản ghi, trường, giá trị, lý do; gõ không dấu cũng được)…"
AUDIT_ALL_TABLES = "Tất cả bảng"
AUDIT_ALL_ACTIONS = "Mọi thao tác"
AUDIT_PERIODS = {
    "all": "Mọi thời gian",
    "today": "Hôm nay",
    "7": "7 ngày qua",
    "30": "30 ngày qua",
    "year": "Năm nay",
}
AUDIT_EXPORT = "&Xuất Excel…"
AUDIT_EXPORT_TITLE = "Xuất nhật ký thay đổi ra Excel"
AUDIT_EXPORT_FILTER = "Tệp Excel (*.xlsx)"
AUDIT_EXPORT_NAME = "nhat-ky-thay-doi.xlsx"
AUDIT_EXPORT_DONE = "Đã xuất {count} dòng nhật ký ra {path}"
AUDIT_COUNT = "{shown} thay đổi"
AUDIT_COUNT_MORE = "{shown} thay đổi mới nhất (còn nữa — hãy lọc để thu hẹp)"
AUDIT_COLUMNS = ("Thời điểm", "Bảng", "Bản ghi", "Thao tác", "Thay đổi", "Lý do")
AUDIT_DETAIL_COLUMNS = ("Trường", "Trước", "Sau")
AUDIT_DETAIL_EMPTY = "Chọn một dòng trong nhật ký để xem chi tiết từng trường trước và sau."
AUDIT_DETAIL_HEADING = "<b>{action} {table}</b> {record} · {at}"
AUDIT_DETAIL_NUMBER = " (mã bản ghi {number})"
AUDIT_DETAIL_REASON = "<br>Lý do: {reason}"
BACKUP_CANCELLED = "Đã hủy: không có bản sao lưu nào được ghi, dữ liệu không thay đổi."
RESTORE_CANCELLED = "Đã hủy: dữ liệu hiện tại không thay đổi."
SELECT_BACKUP_FIRST = "Hãy chọn một bản sao lưu trong danh sách trước."
