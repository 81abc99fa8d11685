"""Words of the movement page (Phong trào) and of its tabs."""

PAGE_TITLE = "Phong trào"

# -- Hoạt động ----------------------------------------------------------------------------------------
TAB_ACTIVITIES = "Hoạt động"
ACT_YEAR = "Năm:"
ACT_ALL_YEARS = "Tất cả các năm"
ACT_KIND = "Loại:"
ACT_ALL_KINDS = "Tất cả các loại"
ACT_SEARCH = "Tìm (tên, địa điểm, đơn vị tổ chức)…"
ACT_COLUMNS = {
    "date": "Ngày",
    "kind": "Loại",
    "title": "Tên hoạt động",
    "place": "Địa điểm",
    "units": "Đơn vị tổ chức",
    "participants": "Số người",
    "officials": "CB, CC, VC",
    "students": "Học sinh",
    "residents": "Người dân",
    "workers": "Người LĐ",
    "files": "Tệp",
}
ACT_UNKNOWN = "chưa rõ"
ACT_SUMMARY = "{count} hoạt động, {people} lượt người tham gia."
ACT_SUMMARY_UNKNOWN = " {unknown} hoạt động chưa rõ số người."
ACT_TOTALS_BY = "Tổng hợp theo:"
ACT_TOTALS_CHOICES = {
    "kind": "Loại hoạt động",
    "unit": "Đơn vị tổ chức",
    "quarter": "Quý",
    "year": "Năm",
}
ACT_TOTALS_COLUMNS = {
    "key": "",
    "activities": "Số hoạt động",
    "participants": "Lượt người",
    "officials": "CB, CC, VC",
    "students": "Học sinh",
    "residents": "Người dân",
    "workers": "Người LĐ",
    "unknown": "Chưa rõ số người",
}
ACT_TOTALS_NOTE = "Hoạt động do nhiều đơn vị cùng tổ chức được tính cho mỗi đơn vị."
ACT_ADD = "&Thêm…"
ACT_EDIT = "&Sửa…"
ACT_DELETE = "&Xóa"
ACT_IMPORT = "&Nhập Excel…"
ACT_EXPORT = "Xuất &Excel…"
ACT_EXPORT_LIST = "Danh sách hoạt động đang xem"
ACT_EXPORT_TEMPLATE = "Mẫu trống cho các đơn vị điền"
ACT_FILES = "Tệp đính &kèm…"
ACT_SELECT_FIRST = "Hãy chọn một hoạt động trong danh sách trước."
ACT_DELETE_TITLE = "Xóa hoạt động"
ACT_DELETE_CONFIRM = (
    "Xóa hoạt động “{title}” ngày {day} (cả tệp đính kèm)? Có thể hoàn tác bằng Ctrl+Z."
)
ACT_ADD_TITLE = "Thêm hoạt động"
ACT_EDIT_TITLE = "Sửa hoạt động"
ACT_FIELD_DATE = "Ngày tổ chức:"
ACT_FIELD_KIND = "Loại hoạt động:"
ACT_FIELD_TITLE = "Tên hoạt động:"
ACT_FIELD_PLACE = "Địa điểm:"
ACT_FIELD_UNITS = "Đơn vị tổ chức:"
ACT_UNITS_FILTER = "Gõ để tìm đơn vị…"
ACT_UNITS_HINT = "Không đánh dấu đơn vị nào: UBND phường tổ chức."
ACT_FIELD_PARTICIPANTS = "Số người tham gia:"
ACT_FIELD_GROUPS = "Trong đó:"
ACT_GROUPS = {
    "officials": "Cán bộ, công chức, viên chức",
    "students": "Học sinh",
    "residents": "Người dân",
    "workers": "Người lao động",
}
ACT_FIELD_NOTE = "Ghi chú:"
ACT_FILES_TITLE = "Tệp đính kèm: {title}"
ACT_FILES_COLUMNS = ("Tên tệp", "Dung lượng", "Thêm lúc", "Tình trạng")
ACT_FILES_ADD = "&Đính kèm tệp…"
ACT_FILES_OPEN = "&Mở"
ACT_FILES_REMOVE = "&Gỡ tệp"
ACT_FILES_CHOOSE = "Chọn ảnh, danh sách… của hoạt động"
ACT_FILES_ATTACHING = "Đang chép tệp vào thư mục dữ liệu…"
ACT_FILES_REMOVE_CONFIRM = "Gỡ tệp “{name}” khỏi hoạt động? Có thể hoàn tác bằng Ctrl+Z."
ACT_FILE_OK = "Có"
ACT_FILE_MISSING = "Không còn trong thư mục dữ liệu"
ACT_FILES_CLOSE = "Đóng"
ACT_IMPORT_CHOOSE = "Chọn danh sách hoạt động (Excel) do đơn vị gửi"
ACT_IMPORT_TITLE = "Xem trước khi nhập: {name}"
ACT_IMPORT_COLUMNS = (
    "Dòng",
    "Kết quả",
    "Ngày",
    "Loại",
    "Tên hoạt động",
    "Đơn vị tổ chức",
    "Số người",
    "Lý do",
)
ACT_IMPORT_SAVE = "Lưu {count} hoạt động"
ACT_IMPORTED = "Đã lưu {added} hoạt động từ “{name}”; bỏ qua {skipped} dòng trùng."
ACT_NOTHING_NEW = "Tệp “{name}” không có hoạt động mới: mọi dòng đều trùng với hoạt động đã có."
ACT_EXPORT_FILE = "hoat-dong-{year}.xlsx"
ACT_TEMPLATE_FILE = "mau-danh-sach-hoat-dong.xlsx"
ACT_EXPORTED = "Đã xuất {count} hoạt động ra {path}."
ACT_TEMPLATE_WRITTEN = "Đã ghi mẫu danh sách hoạt động: {path}"

# -- Việc cần làm (the main window's first page) -----------------------------------------------------
DUE_PAGE_TITLE = "Việc cần làm"
DUE_HEADING = "Việc cần làm ngày {day}"
DUE_COUNTS = "{total} việc: {parts}."
DUE_NOTHING = "Không có việc nào quá hạn hay sắp đến hạn."
DUE_NEXT = "Hạn tiếp theo: {day} — {text}."
DUE_NO_NEXT = "Không còn hạn nào trong các năm của Kế hoạch."
DUE_OPEN = "&Mở"
DUE_OPEN_TIP = "Mở trang để giải quyết việc đã chọn (hoặc nhấp đúp, Enter)."
DUE_SELECT_FIRST = "Hãy chọn một việc trong danh sách trước."
DUE_HINT = (
    "Nhấp đúp (hoặc Enter) vào một việc để mở trang giải quyết việc đó. Các hạn đặt ở Cài đặt."
)
DUE_MARKS = {"late": "Quá hạn", "soon": "Sắp đến hạn", "info": "Để biết"}
DUE_NAMES_TIP = "Tất cả: {names}"

# -- Sáng kiến - mô hình ------------------------------------------------------------------------------
TAB_INITIATIVES = "Sáng kiến - mô hình"
INI_YEAR = "Năm:"
INI_ALL_YEARS = "Tất cả các năm"
INI_SEARCH = "Tìm (tên, đơn vị, tác giả)…"
INI_COLUMNS = {
    "year": "Năm",
    "kind": "Loại",
    "title": "Tên sáng kiến, giải pháp, mô hình",
    "unit": "Đơn vị",
    "authors": "Tác giả",
    "area": "Lĩnh vực (mục II.1)",
    "recognition": "Công nhận",
    "decision": "Quyết định",
}
INI_SUMMARY = "{count} sáng kiến, mô hình; {recognised} đã được công nhận."
INI_ADD = "&Thêm…"
INI_EDIT = "&Sửa…"
INI_DELETE = "&Xóa"
INI_ADD_TITLE = "Thêm sáng kiến, giải pháp, mô hình"
INI_EDIT_TITLE = "Sửa sáng kiến, giải pháp, mô hình"
INI_DELETE_CONFIRM = "Xóa “{title}”? Có thể hoàn tác bằng Ctrl+Z."
INI_SELECT_FIRST = "Hãy chọn một sáng kiến, mô hình trong danh sách trước."
INI_FIELD_YEAR = "Năm:"
INI_FIELD_KIND = "Loại:"
INI_FIELD_TITLE = "Tên:"
INI_FIELD_UNIT = "Đơn vị thực hiện:"
INI_NO_UNIT = "(Phường, không thuộc đơn vị nào)"
INI_FIELD_AUTHORS = "Tác giả:"
INI_AUTHOR_PICK = "Gõ tên để tìm người trong sổ cá nhân…"
INI_AUTHOR_ADD = "Thêm tác giả"
INI_AUTHOR_REMOVE = "Bỏ tác giả đã chọn"
INI_FIELD_AREA = "Lĩnh vực:"
INI_NO_AREA = "(Chưa chọn)"
INI_FIELD_EFFECT = "Hiệu quả, phạm vi áp dụng:"
INI_FIELD_RECOGNITION = "Công nhận:"
INI_FIELD_DECISION = "Quyết định công nhận:"
INI_DECISION_HINT = "Ví dụ: Quyết định số 12/QĐ-UBND ngày 05/11/2025"
INI_FIELD_NOTE = "Ghi chú:"
# The dossier editor's picker (báo cáo thành tích)
INI_PICKER_HEADING = (
    "Sáng kiến, giải pháp, mô hình ({period}): đánh dấu để đưa vào báo cáo thành tích"
)
INI_PICKER_CHECK = "Đưa vào báo cáo thành tích"
INI_PICKER_NONE = (
    "Đối tượng này chưa có sáng kiến, mô hình nào trong {period}. Thêm ở trang Phong trào, thẻ "
    "“Sáng kiến - mô hình”."
)
INI_PICKER_LOCKED = "Hồ sơ đã trình: chỉ xem các sáng kiến đã đưa vào báo cáo thành tích."
INI_PICKER_TAB = "Sáng kiến - mô hình"

# -- Đăng ký thi đua ----------------------------------------------------------------------------------
TAB_COMMITMENTS = "Đăng ký thi đua"
COM_YEAR = "Năm:"
COM_SHOW = "Hiện:"
COM_SHOW_ALL = "Tất cả đơn vị"
COM_SHOW_MISSING = "Chưa đăng ký"
COM_SHOW_NO_PLAN = "Chưa gửi kế hoạch"
COM_SHOW_CHASE = "Cần đôn đốc (chưa đăng ký hoặc chưa gửi kế hoạch)"
COM_SEARCH = "Tìm đơn vị…"
COM_COLUMNS = {
    "code": "Mã",
    "name": "Tên đơn vị",
    "kind": "Loại đơn vị",
    "state": "Tình trạng",
    "registered": "Ngày đăng ký",
    "plan": "Ngày nhận kế hoạch",
    "files": "Tệp kế hoạch",
    "head": "Người đứng đầu",
    "phone": "Điện thoại",
    "note": "Ghi chú",
}
COM_NOT_EXPECTED = " (không còn hoạt động)"
COM_SUMMARY = (
    "Năm {year}: {registered}/{expected} đơn vị đã đăng ký thi đua, {plans} đã gửi kế hoạch; "
    "{missing} chưa đăng ký, {no_plan} chưa gửi kế hoạch."
)
COM_RECORD = "&Ghi ngày…"
COM_ATTACH = "Đính &kèm kế hoạch…"
COM_OPEN = "&Mở tệp"
COM_CLEAR = "&Xóa đăng ký"
COM_EXPORT = "&Xuất danh sách đôn đốc…"
COM_SELECT_FIRST = "Hãy chọn một đơn vị trong danh sách trước."
COM_RECORD_TITLE = "Đăng ký thi đua năm {year}: {unit}"
COM_REGISTERED = "Đã nhận bản đăng ký ngày:"
COM_PLAN = "Đã nhận kế hoạch của đơn vị ngày:"
COM_NOTE = "Ghi chú:"
COM_CLEAR_CONFIRM = (
    "Xóa đăng ký thi đua năm {year} của “{unit}” (cả tệp kế hoạch)? Có thể hoàn tác bằng Ctrl+Z."
)
COM_NO_FILE = "“{unit}” chưa có tệp kế hoạch năm {year}."
COM_CHOOSE_FILE = "Chọn tệp kế hoạch của đơn vị"
COM_EXPORT_FILE = "don-doc-dang-ky-thi-dua-{year}.xlsx"
COM_EXPORTED = "Đã xuất {count} đơn vị cần đôn đốc ra {path}."

# -- Cài đặt: Mốc thời gian và hạn ------------------------------------------------------------------
DUE_SETTINGS_GROUP = "Mốc thời gian và hạn"
DUE_SETTINGS_MILESTONES = "Mốc của Kế hoạch (mục II.3):"
DUE_SETTINGS_COLLECTION = "Thu số liệu quý trước ngày"
DUE_SETTINGS_COLLECTION_AFTER = "của tháng sau mỗi quý (10: quý 3 hạn 10/10)"
DUE_SETTINGS_YEARLY = "Gửi báo cáo năm trước ngày (ngày/tháng)"
DUE_SETTINGS_COMMITMENT = "Đơn vị đăng ký thi đua trước ngày (ngày/tháng)"
DUE_SETTINGS_REVIEW = "Gửi báo cáo {name} năm {year} trước ngày"
DUE_SETTINGS_SOON = "Nhắc trước hạn"
DUE_SETTINGS_SOON_SUFFIX = " ngày"
DUE_SETTINGS_CAMPAIGNS = (
    "Hạn nộp hồ sơ của các đợt xét (sửa ở trang Hồ sơ khen thưởng, thẻ Đợt xét):"
)
DUE_SETTINGS_NO_DEADLINE = "không đặt hạn"
DUE_SETTINGS_SAVE = "Lưu các hạn"
DUE_SETTINGS_SAVED = "Đã lưu mốc thời gian và hạn."
DUE_SETTINGS_INVALID = "Các hạn chưa lưu được"
