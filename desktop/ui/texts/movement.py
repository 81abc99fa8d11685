"""Words of the movement page (Phong trào) and of its tabs."""

PAGE_TITLE = "Phong trào"

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
INI_PICKER_HEADING = "Sáng kiến, giải pháp, mô hình ({period}): đánh dấu để đưa vào báo cáo thành tích"
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
COM_CLEAR_CONFIRM = "Xóa đăng ký thi đua năm {year} của “{unit}” (cả tệp kế hoạch)? Có thể hoàn tác bằng Ctrl+Z."
COM_NO_FILE = "“{unit}” chưa có tệp kế hoạch năm {year}."
COM_CHOOSE_FILE = "Chọn tệp kế hoạch của đơn vị"
COM_EXPORT_FILE = "don-doc-dang-ky-thi-dua-{year}.xlsx"
COM_EXPORTED = "Đã xuất {count} đơn vị cần đôn đốc ra {path}."
