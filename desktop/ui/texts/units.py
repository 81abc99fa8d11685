"""Words of the "Đơn vị" page, its dialogs and the roster import preview."""

PAGE_TITLE = "Đơn vị"

COLUMN_CODE = "Mã"
COLUMN_NAME = "Tên đơn vị"
COLUMN_KIND = "Loại"
COLUMN_HEAD = "Người đứng đầu"
COLUMN_PHONE = "Điện thoại"
COLUMN_ACTIVE = "Hoạt động"
YES = "Có"
NO = "Không"

COLUMN_PERSON_NAME = "Họ và tên"
COLUMN_GENDER = "Giới tính"
COLUMN_BIRTH_YEAR = "Năm sinh"
COLUMN_POSITION = "Chức vụ"

ALL_KINDS = "Tất cả loại đơn vị"
STATUS_ALL = "Tất cả"
STATUS_ACTIVE = "Đang hoạt động"
STATUS_INACTIVE = "Ngừng hoạt động"
SEARCH_UNITS = "Tìm theo mã, tên, người đứng đầu, điện thoại (gõ không dấu cũng được)…"
SEARCH_PERSONS = "Tìm cá nhân…"

ACTION_ADD = "&Thêm đơn vị"
ACTION_EDIT = "&Sửa"
ACTION_DEACTIVATE = "&Ngừng hoạt động"
ACTION_ACTIVATE = "&Hoạt động trở lại"
ACTION_DELETE = "&Xóa"
ACTION_IMPORT = "Nhập từ &Excel…"
ACTION_IMPORT_PERSONS = "Nhập &cá nhân từ Excel…"
ACTION_EXPORT = "&Xuất ra Excel…"
ACTION_TEMPLATE = "Tải tệp &mẫu…"
ACTION_ADD_PERSON = "Thêm cá nhân"
ACTION_EDIT_PERSON = "Sửa cá nhân"
ACTION_TOGGLE_PERSON = "Ngừng / hoạt động lại"
ACTION_DELETE_PERSON = "Xóa cá nhân"

NO_UNIT_SELECTED = "Chọn một đơn vị trong bảng để xem cá nhân."
PERSONS_OF = "Cá nhân của “{name}”"

DIALOG_NEW_UNIT = "Thêm đơn vị"
DIALOG_EDIT_UNIT = "Sửa thông tin đơn vị"
DIALOG_NEW_PERSON = "Thêm cá nhân"
DIALOG_EDIT_PERSON = "Sửa thông tin cá nhân"
FIELD_CODE = "Mã đơn vị"
FIELD_NAME = "Tên đơn vị (*)"
FIELD_KIND = "Loại đơn vị (*)"
FIELD_HEAD = "Người đứng đầu"
FIELD_HEAD_POSITION = "Chức vụ người đứng đầu"
FIELD_PHONE = "Điện thoại"
FIELD_EMAIL = "Email"
FIELD_ADDRESS = "Địa chỉ"
FIELD_COUNTS = {
    "staff_count": "Số CB, CC, VC, NLĐ",
    "student_count": "Số học sinh",
    "adult_count": "Số người trưởng thành",
    "worker_count": "Số người lao động",
}
FIELD_REPORTS_FROM = "Báo cáo từ quý"
QUARTER_ITEM = "Quý {quarter}"
PERIOD_OF_YEAR = "năm"
REPORTS_FROM_TIP = (
    "Quý đầu tiên đơn vị phải báo cáo số liệu chỉ tiêu. Đơn vị mới: quý hiện tại; chọn quý sớm "
    "hơn nếu đơn vị đã báo cáo từ trước (không chọn được quý đã chốt số liệu)."
)
STOPPED_FROM = "Ngừng báo cáo từ {period}"
FIELD_ACTIVE = "Đang hoạt động"
FIELD_DISCIPLINE = "Kỷ luật / khiếu nại đang xử lý"
FIELD_NOTE = "Ghi chú"
FIELD_FULL_NAME = "Họ và tên (*)"
FIELD_GENDER = "Giới tính"
FIELD_BIRTH_YEAR = "Năm sinh"
FIELD_POSITION = "Chức vụ"
GENDER_UNKNOWN = "(chưa ghi)"
COUNT_PLACEHOLDER = "bỏ trống nếu không áp dụng"
NOT_A_NUMBER = "{label}: “{text}” không phải là số nguyên."
CHOOSE_KIND = "— chọn loại —"

CONFIRM_DELETE_TITLE = "Xóa đơn vị"
CONFIRM_DELETE = (
    "Xóa hẳn “{name}” khỏi sổ đơn vị? Đơn vị chưa có cá nhân, số liệu hay hồ sơ nào.\n"
    "Có thể hoàn tác bằng Ctrl+Z."
)
CONFIRM_DELETE_PERSON_TITLE = "Xóa cá nhân"
CONFIRM_DELETE_PERSON = "Xóa hẳn “{name}” khỏi danh sách cá nhân? Có thể hoàn tác bằng Ctrl+Z."
CANNOT_DELETE_TITLE = "Không xóa được"
STATUS_SAVED = "Đã lưu."
UPDATE_DENOMINATORS_TITLE = "Số liệu trong sổ đã thay đổi"
UPDATE_DENOMINATORS = (
    "Số CB, CC, VC, NLĐ / học sinh / người trưởng thành / người lao động của “{name}” đã thay "
    "đổi.\n\nCập nhật mẫu số quý {quarter}/{year} của đơn vị theo số mới?\n(Các quý trước giữ "
    "nguyên số đã báo cáo.)"
)
BUTTON_UPDATE = "&Cập nhật"
BUTTON_LATER = "Để &sau"
UNDO_UPDATE_DENOMINATORS = "cập nhật mẫu số của {name} theo sổ đơn vị"
UPDATED_DENOMINATORS = (
    "Đã cập nhật {count} ô mẫu số quý {quarter}/{year} của “{name}” theo sổ đơn vị "
    "(Ctrl+Z trong bảng nhập số liệu để hoàn tác)."
)

EXCEL_FILTER = "Tệp Excel (*.xlsx)"
IMPORT_CHOOSE = "Chọn tệp danh sách đơn vị"
IMPORT_PERSONS_CHOOSE = "Chọn tệp danh sách cá nhân (trang “Cá nhân”)"
EXPORT_CHOOSE = "Lưu sổ đơn vị ra Excel"
TEMPLATE_CHOOSE = "Lưu tệp mẫu danh sách đơn vị"
EXPORT_DEFAULT_NAME = "so-don-vi.xlsx"
TEMPLATE_DEFAULT_NAME = "mau-danh-sach-don-vi.xlsx"
READING = "Đang đọc và kiểm tra tệp…"
IMPORTING = "Đang nhập danh sách đơn vị…"
EXPORTING = "Đang xuất sổ đơn vị…"
IMPORT_FAILED_TITLE = "Không nhập được"
EXPORT_FAILED_TITLE = "Không xuất được"
EXPORT_DONE = "Đã xuất {count} đơn vị ra {path}"
TEMPLATE_DONE = "Đã lưu tệp mẫu {path}"
IMPORT_DONE = (
    "Đã nhập từ “{file}”: {new} đơn vị mới, {updated} đơn vị được cập nhật "
    "(việc nhập không hoàn tác bằng Ctrl+Z được)."
)
IMPORT_PERSONS_DONE = (
    "Đã nhập từ “{file}”: {new} cá nhân mới, {updated} cá nhân được cập nhật "
    "(việc nhập không hoàn tác bằng Ctrl+Z được)."
)
IMPORTING_PERSONS = "Đang nhập danh sách cá nhân…"
IMPORT_NOTHING = "Tệp không có thay đổi nào so với sổ đơn vị."

PREVIEW_TITLE = "Xem trước khi nhập: {file}"
PREVIEW_IGNORED = "Các cột không dùng (bị bỏ qua): {headers}"
PREVIEW_ONLY_PROBLEMS = "Chỉ hiện dòng lỗi và dòng thay đổi"
PREVIEW_SKIP_ERRORS = "Bỏ qua {count} dòng lỗi, nhập các dòng còn lại"
PREVIEW_IMPORT = "&Nhập {count} dòng"
PREVIEW_HAS_ERRORS = (
    "Tệp còn {count} dòng lỗi: sửa tệp rồi nhập lại, hoặc chọn bỏ qua các dòng lỗi."
)
PREVIEW_NO_CHANGES = "Không có dòng nào cần nhập."
PREVIEW_COLUMN_LINE = "Dòng"
PREVIEW_COLUMN_STATUS = "Kết quả"
PREVIEW_COLUMN_REASON = "Lý do / thay đổi"
AUTO_CODE = "(tự cấp)"
BUTTON_SAVE = "&Lưu"
BUTTON_CANCEL = "&Hủy"
