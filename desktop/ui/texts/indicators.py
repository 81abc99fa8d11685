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
# A column is headed by the indicator's short label over its part; the code is in the tooltip.
COLUMN_HEADER = "{label}\n{part}"
HEADER_TIP = "{code} — {name}\n{part}: {what}"
YES_NO_HEADER_TIP = "{code} — {name}\n{what}: {entry} (đánh dấu ✓ nếu đơn vị đã đạt)"
UNIT_HEADER = "{code} — {name}"
UNIT_HEADER_TIP = "{code} — {name}\n{kind}"
NOT_REPORTED_TIP = "{kind} không báo cáo chỉ tiêu “{indicator}” năm {year}."
NOT_REPORTED_SCOPE = "Chỉ tiêu năm {year} áp dụng cho: {kinds}."
NOT_REPORTED_NOBODY = "Năm {year} chưa có loại đơn vị nào báo cáo chỉ tiêu này."
NOTE_TIP = "Ghi chú: {note}"
YES_NO_HEADER = "Có / chưa"
YES_NO_NO_DENOMINATOR = "–"
YES = "Có"
NO = "Chưa"
YES_NO_TIP = (
    "{entry}: bấm vào ô vuông (hoặc phím cách) để đánh dấu ✓ nếu đơn vị đã đạt, bỏ dấu nếu "
    "chưa; gõ 1 / 0 (“Có” / “Chưa”) cũng được; Delete để xóa."
)
YES_NO_EMPTY_TIP = "Chưa nhập (ô vuông mờ): đơn vị chưa báo cáo."
YES_NO_DENOMINATOR_TIP = (
    "Chỉ tiêu “{indicator}” là có / chưa cho mỗi đơn vị: không có mẫu số (mỗi đơn vị tính là 1)."
)
YES_NO_PASTE_DENOMINATOR = (
    "Chỉ tiêu “{indicator}” là có / chưa, không có mẫu số; “{text}” không dán được vào cột này."
)
PROPOSED_FROM_REGISTER = "Mẫu số đề xuất theo sổ đơn vị ({count}) — được lưu khi nhập tử số."
PROPOSED_FROM_PREVIOUS = "Mẫu số đề xuất theo quý trước ({count}) — được lưu khi nhập tử số."

FILL_DENOMINATORS = "Điền &mẫu số"
FILL_DENOMINATORS_TIP = (
    "Điền vào các ô mẫu số còn trống: số trong sổ đơn vị (số CB, CC, VC, NLĐ; số học sinh; số "
    "người trưởng thành; số người lao động), nơi sổ chưa có thì lấy mẫu số quý trước."
)
FILL_DENOMINATORS_NONE = (
    "Không có mẫu số nào để điền: các ô đã có mẫu số, hoặc sổ đơn vị và quý trước đều chưa có số."
)
FILL_DENOMINATORS_DONE = (
    "Đã điền {count} mẫu số (theo sổ đơn vị, nơi chưa có theo quý trước; Ctrl+Z để hoàn tác)."
)
LOCK = "C&hốt số liệu"
UNLOCK = "Mở c&hốt…"
LOCK_CONFIRM = (
    "Chốt số liệu quý {quarter}/{year}? Sau khi chốt, số liệu chỉ xem được; muốn sửa phải mở chốt "
    "và ghi lý do."
)
LOCK_INCOMPLETE_TITLE = "Còn đơn vị chưa báo cáo"
LOCK_INCOMPLETE = "{message}\n\n{problems}\n\nVẫn chốt số liệu quý {quarter}/{year}?"
BUTTON_LOCK_ANYWAY = "&Vẫn chốt"
LOCK_REFUSED_TITLE = "Không chốt / mở chốt được"
LOCK_DONE = "Đã chốt số liệu quý {quarter}/{year}."
LOCK_CANCELLED = "Chưa chốt số liệu quý {quarter}/{year}."
UNLOCK_DONE = "Đã mở chốt số liệu quý {quarter}/{year}."
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
IMPORT_UNCHANGED = "Không có gì thay đổi: số liệu trên các biểu mẫu giống số liệu đã lưu."
IMPORT_CLEAR_BLANK = "&Xóa các ô để trống (ô trống trên biểu mẫu xóa số liệu đã lưu)"
IMPORT_KEPT_BLANK = (
    "Các ô để trống trên biểu mẫu giữ nguyên số liệu đã lưu ({count} ô). Chỉ chọn “Xóa các ô "
    "để trống” khi đơn vị muốn xóa các số đó."
)
EXCEL_FILTER = "Bảng tính Excel (*.xlsx)"
PROGRESS_EXPORT = "Đang xuất bảng tính…"
PROGRESS_FORMS = "Đang tạo biểu mẫu…"
PROGRESS_IMPORT = "Đang đọc các biểu mẫu…"
CANCELLED = "Đã hủy."

WARNING_TITLE = "Cần ghi chú lý do"
WARNING_PROMPT = (
    "{warnings}\n\nGhi chú lý do, được lưu vào các ô trên (ví dụ: đã đối chiếu với đơn vị; "
    "để trống cũng được lưu; bấm Hủy để không lưu):"
)
WARNING_MORE = "… và {count} ô khác."
CELL_MESSAGE = "{unit} — {indicator}: {message}"
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
PASTE_NOT_REPORTED = "{unit} không báo cáo chỉ tiêu “{indicator}” năm {year}."
UNDO_EDIT = "sửa ô “{indicator}” của {unit}"
UNDO_PASTE = "dán {count} ô"
UNDO_CLEAR = "xóa {count} ô"
UNDO_FILL = "điền mẫu số"
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
LAGGING_COLUMNS = ("Mã", "Đơn vị", "Loại", "Tử số", "Mẫu số", "Tỷ lệ", "Còn thiếu")
KIND_COLUMNS = ("Chỉ tiêu", "Loại đơn vị", "Tỷ lệ", "Đã báo cáo")

CATALOGUE_COLUMNS = ("Mã", "Chỉ tiêu", "Loại", "Đơn vị báo cáo", "Đang theo dõi")
VALUE_KIND_SHORT = {"ratio": "Tỷ lệ", "yes_no": "Có / chưa"}
TARGET_COLUMN = "Năm {year}"
TARGET_CELL_CARRIED = "{target}\n(duy trì)"
TARGETS_OF = "Chỉ tiêu năm của {code} — {name} (bấm đúp một năm để sửa):"
TARGETS_NONE = "Chọn một chỉ tiêu để xem chỉ tiêu từng năm."
TARGET_COLUMNS = ("Năm", "Tỷ lệ", "So sánh", "Loại đơn vị báo cáo năm đó", "Ghi chú", "Diễn đạt")
TARGET_CARRIED_FROM = "Duy trì từ {year}"
TARGET_CARRIED = "Duy trì"
NEW_INDICATOR = "&Thêm chỉ tiêu…"
EDIT_INDICATOR = "&Sửa chỉ tiêu…"
SET_TARGET = "Đặt chỉ tiêu &năm…"
INDICATOR_DIALOG = "Chỉ tiêu"
FIELD_CODE = "Mã:"
FIELD_NAME = "Tên chỉ tiêu:"
FIELD_SHORT_NAME = "Tên ngắn (in ở tiêu đề cột):"
SHORT_NAME_HINT = "bỏ trống: tiêu đề cột là tên chỉ tiêu"
FIELD_POPULATION = "Đối tượng:"
FIELD_NUMERATOR = "Tử số là:"
FIELD_DENOMINATOR = "Mẫu số là:"
FIELD_KINDS = "Loại đơn vị báo cáo:"
FIELD_VALUE_KIND = "Cách báo cáo:"
FIELD_ACTIVE = "Đang theo dõi"
TARGET_DIALOG = "Chỉ tiêu năm"
FIELD_YEAR = "Năm:"
FIELD_TARGET = "Tỷ lệ phải đạt:"
FIELD_COMPARISON = "So sánh:"
FIELD_YEAR_KINDS = "Loại đơn vị báo cáo năm này:"
FIELD_TARGET_TEXT = "Diễn đạt theo kế hoạch:"
TARGET_STATE_PLAN = "Năm {year} đã có chỉ tiêu; lưu để sửa."
TARGET_STATE_CARRIED = (
    "Năm {year} đang dùng chỉ tiêu duy trì từ {source} (Kế hoạch không đặt chỉ tiêu năm này). "
    "Lưu để thành chỉ tiêu của phường cho năm {year}."
)
TARGET_PLAN_LAST = "năm cuối của Kế hoạch"
TARGET_STATE_NEW = "Năm {year} chưa có chỉ tiêu; các ô điền sẵn theo năm trước."
YEAR_KINDS_TIP = (
    "Chỉ những loại đơn vị được đánh dấu báo cáo chỉ tiêu trong năm này (ví dụ năm 2025 chỉ "
    "tiêu học sinh chỉ áp dụng cho trường trung học); chỉ chọn được trong các loại của chỉ tiêu."
)
SAVED = "Đã lưu."
CHOOSE_INDICATOR = "Hãy chọn một chỉ tiêu trong bảng."
BUTTON_OK = "Đồng ý"
BUTTON_SAVE = "&Lưu"
BUTTON_CANCEL = "Hủy"
BUTTON_IMPORT = "&Nhập các tệp hợp lệ"
BUTTON_LOCK = "Chốt"
BUTTON_UNLOCK = "Mở chốt"
