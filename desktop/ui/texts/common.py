"""Words of the main window, the status bar and dialogs shared by every page."""

APP_TITLE = "ThiĐua — Phong trào thi đua chuyển đổi số và Bình dân học vụ số"

PAGE_UNITS = "Đơn vị"
PAGE_INDICATORS = "Chỉ tiêu && số liệu"
PAGE_DOSSIERS = "Hồ sơ khen thưởng"
PAGE_DOCUMENTS = "Văn bản && báo cáo"
PAGE_BACKUP = "Sao lưu"
PAGE_SETTINGS = "Cài đặt"

MENU_FILE = "&Tệp"
MENU_GO = "&Trang"
MENU_HELP = "Trợ &giúp"
ACTION_QUIT = "&Thoát"
ACTION_SETTINGS = "Thông tin &phường…"
ACTION_ABOUT = "&Giới thiệu"
ACTION_OPEN_DATA_FOLDER = "Mở thư mục &dữ liệu"

STATUS_DATA_FILE = "Dữ liệu: {path}"
STATUS_NO_BACKUP = "Chưa sao lưu ra USB"
STATUS_BACKUP_AGE = "Sao lưu USB gần nhất: {age}"
AGE_TODAY = "hôm nay"
AGE_DAYS = "{days} ngày trước"

FIRST_RUN_TITLE = "Bắt đầu sử dụng ThiĐua"
FIRST_RUN_TEXT = (
    "Chưa có dữ liệu trong thư mục:\n{folder}\n\n"
    "Chọn “Phường mẫu” để làm quen với chương trình bằng dữ liệu giả định của một phường, "
    "hoặc “Phường trống” để bắt đầu nhập dữ liệu thật (danh mục chỉ tiêu và hình thức khen thưởng "
    "của Kế hoạch đã có sẵn)."
)
FIRST_RUN_DEMO = "Phường &mẫu"
FIRST_RUN_EMPTY = "Phường &trống"

OPEN_FAILED_TITLE = "Không mở được dữ liệu"
STALE_LOCK_TITLE = "ThiĐua bị tắt đột ngột lần trước"
STALE_LOCK_QUESTION = (
    "Nếu không còn cửa sổ ThiĐua nào khác đang mở thư mục dữ liệu này, chọn “Tiếp tục”: chương "
    "trình sẽ dọn các tệp tạm còn sót lại rồi mở dữ liệu. Tiếp tục?"
)
STALE_LOCK_CONTINUE = "&Tiếp tục"
STALE_LOCK_QUIT = "&Thoát"
LOADING = "Đang mở dữ liệu…"

SETTINGS_TITLE = "Thông tin phường"
SETTINGS_SAVED = "Đã lưu thông tin phường."
SETTINGS_INVALID_TITLE = "Thông tin chưa hợp lệ"
SETTINGS_FIELDS = {
    "superior_name": "Cơ quan cấp trên (nếu có)",
    "agency_name": "Tên cơ quan ban hành",
    "ward_name": "Tên phường",
    "agency_abbreviation": "Viết tắt cơ quan (trong số ký hiệu)",
    "city_name": "Thành phố",
    "place_name": "Địa danh ghi ngày tháng",
    "signing_authority": "Thẩm quyền ký (mỗi dòng một cấp)",
    "signer_title": "Chức vụ người ký",
    "signer_name": "Họ tên người ký",
    "office_name": "Phòng chủ trì",
    "office_abbreviation": "Viết tắt phòng (dòng Lưu)",
    "change_warning_points": "Ngưỡng cảnh báo thay đổi số liệu (điểm %)",
    "local_backups_kept": "Số bản sao lưu tự động giữ lại",
    "usb_backup_warning_days": "Nhắc sao lưu USB sau (ngày)",
    "office_head_title": "Chức vụ người ký Tờ trình của phòng",
    "office_head_name": "Họ tên người ký Tờ trình của phòng",
    "chairman_authority": "Thẩm quyền ký Quyết định khen thưởng (trống hoặc KT. CHỦ TỊCH)",
    "chairman_title": "Chức vụ người ký Quyết định khen thưởng",
    "chairman_name": "Họ tên người ký Quyết định, Giấy khen",
}

ABOUT_TEXT = (
    "<b>ThiĐua</b> {version}<br>Quản lý Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và "
    "chuyển đổi số” và “Bình dân học vụ số” của phường.<br><br>Thư mục dữ liệu: {folder}<br>"
    "Tệp nhật ký: {log}"
)

WORKING = "Đang xử lý…"
CANCEL = "Hủy"
ERROR_TITLE = "Có lỗi"
UNEXPECTED_ERROR = (
    "Đã xảy ra lỗi không mong muốn: {error}\n\nDữ liệu đã lưu trước đó không bị ảnh hưởng. "
    "Chi tiết được ghi trong tệp nhật ký."
)
SEARCH_PLACEHOLDER = "Tìm kiếm (không phân biệt hoa thường, dấu)…"
COUNT_SHOWN = "Hiển thị {shown}/{total}"

REFUSED_TITLE = "Không thực hiện được"
BUG_TITLE = "Xin lỗi, ThiĐua gặp lỗi"
BUG_TEXT = (
    "ThiĐua gặp một lỗi không lường trước nên chưa làm được việc vừa chọn. Dữ liệu đã lưu trước "
    "đó không bị ảnh hưởng.\n\nChi tiết đã được ghi vào tệp nhật ký:\n{log}\n\nHãy gửi tệp này "
    "cho người hỗ trợ nếu lỗi lặp lại."
)
DATA_REPLACED = (
    "Dữ liệu vừa được thay toàn bộ (khôi phục hoặc đổi thư mục dữ liệu): mọi trang đã được đọc lại."
)
DIALOG_CLOSED_STALE = (
    "Dữ liệu vừa được thay toàn bộ (khôi phục hoặc đổi thư mục dữ liệu), nên cửa sổ “{title}” "
    "đã được đóng: những gì nó hiển thị không còn đúng. Hãy mở lại nếu cần."
)

# -- Ctrl+Z / Ctrl+Y, the same on every page (desktop.ui.widgets.undo_actions) -------------------
UNDO = "&Hoàn tác"
REDO = "Làm &lại"
UNDO_TIP = "Hoàn tác: {label}"
REDO_TIP = "Làm lại: {label}"
TIP_WITH_KEY = "{tip} ({key})"
UNDONE = "Đã hoàn tác: {label}"
REDONE = "Đã làm lại: {label}"
UNDO_FAILED_TITLE = "Không hoàn tác được"
REDO_FAILED_TITLE = "Không làm lại được"
UNDO_FAILED = "Không thực hiện được “{action}”:\n{problem}"

# The standard buttons of a dialog (Qt's own read "OK", "Save", "Cancel" without a translator).
BUTTON_OK = "Đồng ý"
BUTTON_SAVE = "&Lưu"
BUTTON_CANCEL = "&Hủy"

# The PDF preview's zoom (documents/preview.py)
ZOOM_OUT = "Thu nhỏ"
ZOOM_IN = "Phóng to"
ZOOM_ACTUAL = "100 %"
ZOOM_FIT_WIDTH = "Vừa chiều rộng"
ZOOM_OUT_TIP = "Thu nhỏ trang (Ctrl+-)"
ZOOM_IN_TIP = "Phóng to trang (Ctrl+=)"
ZOOM_ACTUAL_TIP = "Cỡ thật của trang giấy (Ctrl+0)"
ZOOM_FIT_TIP = "Trang vừa khung xem, không bị cắt bên phải"
ZOOM_SHOWN = "Cỡ: {percent}"

# Ô chọn đơn vị, cá nhân (desktop/ui/widgets/picker.py): what is typed must name a listed line.
NOT_IN_LIST = (
    "“{typed}” không có trong danh sách “{field}”. Hãy gõ vài chữ của tên (có dấu hay không đều "
    "được) rồi chọn một dòng trong danh sách hiện ra."
)
