"""Words of the page “Chỉ tiêu và số liệu”: catalogue, quarterly entry, results and charts."""

PAGE_TITLE = "Chỉ tiêu và số liệu"
TAB_ENTRY = "&Nhập số liệu quý"
TAB_RESULTS = "&Kết quả"
TAB_CATALOGUE = "&Danh mục chỉ tiêu"

YEAR = "Năm:"
QUARTER = "Quý:"
QUARTER_ITEM = "Quý {quarter}"
WHOLE_YEAR = "Cả năm (quý báo cáo gần nhất)"
FIND_UNIT = "Tìm đơn vị (gõ tên hoặc mã)…"
NUMERATOR = "Tử số"
DENOMINATOR = "Mẫu số"
COLUMN_HEADER = "{code}\n{part}"
UNIT_HEADER = "{code} — {name}"
NOT_REPORTED_TIP = "{kind} không báo cáo chỉ tiêu này."
NOTE_TIP = "Ghi chú: {note}"

COPY_DENOMINATORS = "Chép &mẫu số quý trước"
COPY_DENOMINATORS_NONE = (
    "Không có mẫu số nào để chép: các ô đã có mẫu số hoặc quý trước chưa có số liệu."
)
COPY_DENOMINATORS_DONE = "Đã chép {count} mẫu số từ quý trước (Ctrl+Z để hoàn tác)."
LOCK = "C&hốt số liệu"
UNLOCK = "Mở c&hốt…"
LOCK_CONFIRM = (
    "Chốt số liệu quý {quarter}/{year}? Sau khi chốt, số liệu chỉ xem được; muốn sửa phải mở chốt "
    "và ghi lý do."
)
UNLOCK_TITLE = "Mở chốt số liệu"
UNLOCK_PROMPT = "Lý do mở chốt số liệu quý {quarter}/{year} (được ghi vào nhật ký):"
LOCKED_BANNER = "Quý {quarter}/{year} đã chốt số liệu — chỉ xem. Bấm “Mở chốt…” để sửa."
REOPENED_BANNER = "Quý {quarter}/{year} đang mở chốt (lý do: {reason}). Mọi thay đổi được ghi để in phiếu đính chính."
CORRECTION_NOTE = "In &phiếu đính chính…"
CORRECTION_NONE = "Quý {quarter}/{year} chưa có đính chính nào sau khi mở chốt."
CORRECTION_SAVED = "Đã lưu phiếu đính chính: {path}"
EXPORT_GRID = "&Xuất Excel…"
EXPORT_DONE = "Đã xuất: {path}"
FORMS = "Tạo &biểu mẫu thu thập…"
FORMS_DONE = "Đã tạo {count} biểu mẫu trong thư mục {folder}"
IMPORT = "Nhập biểu mẫu đã điền…"
IMPORT_PREVIEW_TITLE = "Xem trước số liệu nhập"
IMPORT_PREVIEW = (
    "Sẽ nhập {values} ô số liệu từ {files} tệp. Tệp có lỗi không được nhập (xem bên dưới)."
)
IMPORT_DONE = "Đã nhập {values} ô số liệu từ {files} tệp."
IMPORT_NOTHING = "Không có tệp nào nhập được."
EXCEL_FILTER = "Bảng tính Excel (*.xlsx)"
PROGRESS_EXPORT = "Đang xuất bảng tính…"
PROGRESS_FORMS = "Đang tạo biểu mẫu…"
PROGRESS_IMPORT = "Đang đọc các biểu mẫu…"
CANCELLED = "Đã hủy."

WARNING_TITLE = "Thay đổi lớn so với quý trước"
WARNING_PROMPT = "{warnings}\n\nGhi chú lý do (để trống cũng được lưu; bấm Hủy để không lưu):"
REFUSED_TITLE = "Không lưu được"
PASTE_TOO_BIG = (
    "Khối dán có {rows} dòng × {columns} cột, vượt ra ngoài bảng (từ ô đang chọn chỉ còn {room_rows} "
    "dòng × {room_columns} cột). Không có gì thay đổi."
)
PASTE_HEADER = (
    "Dòng đầu của khối dán là chữ (“{text}”) — có vẻ là dòng tiêu đề. Hãy chỉ chép các ô số rồi dán "
    "lại. Không có gì thay đổi."
)
PASTE_EMPTY = "Bộ nhớ tạm không có số liệu để dán."
PASTE_NOT_REPORTED = "{unit} không báo cáo chỉ tiêu {code}."
PASTE_CELL = "Dòng {row}, cột {column}: {message}"
UNDO_EDIT = "sửa ô {code} của {unit}"
UNDO_PASTE = "dán {count} ô"
UNDO_CLEAR = "xóa {count} ô"
UNDO_COPY = "chép mẫu số quý trước"
STATUS_SAVED = "Đã lưu."
STATUS_COUNT = "{units} đơn vị × {indicators} chỉ tiêu"

RESULTS_COLUMNS = (
    "Mã",
    "Chỉ tiêu",
    "Quý",
    "Tử số",
    "Mẫu số",
    "Tỷ lệ",
    "Chỉ tiêu năm",
    "Còn thiếu",
    "Kết luận",
    "Đã báo cáo",
)
LAGGING_TITLE = "Chỉ tiêu {code}: {behind} đơn vị chưa đạt (thiếu nhiều nhất trước), {missing} đơn vị chưa báo cáo."
LAGGING_COLUMNS = ("Mã", "Đơn vị", "Loại", "Tử số", "Mẫu số", "Tỷ lệ", "Còn thiếu")
KIND_TITLE = "Kết quả của chỉ tiêu theo loại đơn vị:"
KIND_COLUMNS = ("Chỉ tiêu", "Loại đơn vị", "Tỷ lệ", "Đã báo cáo")
CHART_TITLE = "{code}: tỷ lệ toàn phường theo quý"
CHART_SERIES = "Tỷ lệ toàn phường"
CHART_TARGET = "Chỉ tiêu năm"
CHART_FROM = "Từ năm:"
CHART_TO = "đến năm:"
EXPORT_RESULTS = "Xuất &kết quả ra Excel…"

CATALOGUE_COLUMNS = ("Mã", "Chỉ tiêu", "Đơn vị báo cáo", "Đang theo dõi")
TARGET_COLUMN = "Năm {year}"
NEW_INDICATOR = "&Thêm chỉ tiêu…"
EDIT_INDICATOR = "&Sửa chỉ tiêu…"
SET_TARGET = "Đặt chỉ tiêu &năm…"
INDICATOR_DIALOG = "Chỉ tiêu"
FIELD_CODE = "Mã:"
FIELD_NAME = "Tên chỉ tiêu:"
FIELD_POPULATION = "Đối tượng:"
FIELD_NUMERATOR = "Tử số là:"
FIELD_DENOMINATOR = "Mẫu số là:"
FIELD_KINDS = "Loại đơn vị báo cáo:"
FIELD_ACTIVE = "Đang theo dõi"
TARGET_DIALOG = "Chỉ tiêu năm"
FIELD_YEAR = "Năm:"
FIELD_TARGET = "Tỷ lệ phải đạt:"
FIELD_TARGET_TEXT = "Diễn đạt theo kế hoạch:"
SAVED = "Đã lưu."
CHOOSE_INDICATOR = "Hãy chọn một chỉ tiêu trong bảng."
BUTTON_OK = "Đồng ý"
BUTTON_SAVE = "&Lưu"
BUTTON_CANCEL = "Hủy"
BUTTON_IMPORT = "&Nhập các tệp hợp lệ"
BUTTON_LOCK = "Chốt"
BUTTON_UNLOCK = "Mở chốt"
