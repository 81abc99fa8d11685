"""Words of the "Văn bản & báo cáo" page."""

PAGE_TITLE = "Văn bản và báo cáo"
KIND = "Loại văn bản:"
YEAR = "Năm:"
QUARTER = "Kỳ:"
PERIOD = "Giai đoạn:"  # sơ kết 2025 - 2027, tổng kết 2025 - 2030
WHOLE_YEAR = "Cả năm"
QUARTER_N = "Quý {roman}"
CAMPAIGN = "Đợt xét khen thưởng:"
DOSSIER = "Hồ sơ:"
NO_DOSSIER = "(đợt này chưa có hồ sơ)"
MEETING = "Phiên họp Hội đồng:"
ISSUE_NUMBER = "Số quyết định (vào sổ của phường)"
NEXT_NUMBER = "số tiếp theo trong sổ"
NO_MEETING = "(đợt này chưa có phiên họp)"
ADDRESSEE = "Trình:"
TO_WARD = "Chủ tịch UBND phường (Giấy khen của phường)"
TO_CITY = "UBND thành phố (khen thưởng cấp thành phố trở lên)"
BLANK = "Mẫu trắng để đơn vị điền tay"
PREVIEW = "&Xem trước"
PRINT = "&In…"
SAVE_PDF = "Lưu &PDF…"
SAVE_XLSX = "Lưu &Excel…"
ISSUE = "&Cấp số và ban hành…"
REPRINT = "In &lại văn bản đã chọn"
REGISTER = "Sổ văn bản đã ban hành"
RENDERING = "Đang dàn trang văn bản…"
PREVIEW_EMPTY = "Chọn văn bản rồi bấm “Xem trước”."
PREVIEW_DRAFT = "Bản nháp (chưa cấp số): {title} — {pages} trang"
PREVIEW_ISSUED = "Văn bản số {symbol}: {title} — {pages} trang"
MORE_PAGES = "… và {count} trang nữa (lưu PDF để xem toàn bộ)."
PDF_FILTER = "Tệp PDF (*.pdf)"
XLSX_FILTER = "Tệp Excel (*.xlsx)"
SAVED = "Đã lưu {path}"
ERROR_TITLE = "Không làm được văn bản"
ISSUE_TITLE = "Cấp số và ban hành"
ISSUE_DATE = "Ngày ban hành:"
ISSUE_CONFIRM = "Văn bản sẽ được cấp số tiếp theo trong năm và ghi vào sổ văn bản. Số đã cấp không lấy lại được."
ISSUED = "Đã cấp số {symbol} ngày {date}."
NOTHING_TO_PRINT = "Chưa có văn bản để in. Hãy bấm “Xem trước” trước."
PRINT_FAILED = "Không in được: máy in không sẵn sàng."

COL_SYMBOL = "Số, ký hiệu"
COL_DATE = "Ngày"
COL_TITLE = "Trích yếu"

LAYOUT_BUTTON = "&Lề trang và cỡ chữ…"
LAYOUT_TITLE = "Lề trang và cỡ chữ của văn bản"
LAYOUT_NOTE = (
    "Theo Nghị định 30/2020/NĐ-CP: lề trên, lề dưới 20–25 mm; lề trái 30–35 mm; lề phải 15–20 mm; "
    "chữ nội dung cỡ 13–14."
)
LAYOUT_RANGE = "Từ {low} đến {high}"

PREVIEW_STALE = (
    "Dữ liệu đã thay đổi sau khi xem trước; bản nháp đang hiện chưa có thay đổi đó. "
    "Bấm “Xem trước” để cập nhật."
)
RELOADED = "Dữ liệu vừa được khôi phục; hãy chọn lại văn bản rồi bấm “Xem trước”."

DIRECTION_BUTTON = "P&hương hướng, đề xuất…"
DIRECTION_TITLE = "Phương hướng, đề xuất của báo cáo {period}"
DIRECTION_NOTE = (
    "Phần IV của báo cáo, do phường viết. Mỗi dòng là một đoạn. Báo cáo chỉ được cấp số khi "
    "phần này đã được lưu."
)
DIRECTION_SUGGESTED = (
    "Chưa lưu: đây là lời gợi ý bản nháp đang in. Sửa cho đúng việc của phường rồi bấm “Lưu”."
)
DIRECTION_SAVED = "Đã lưu phần Phương hướng, đề xuất của báo cáo {period}."
DIRECTION_CLEARED = "Đã xóa phần Phương hướng, đề xuất của báo cáo {period}."
DIRECTION_UNSAVED = "Chưa viết"
DIFFICULTIES_LABEL = "Phần III. Khó khăn, vướng mắc (mỗi dòng là một đoạn):"
DIRECTION_LABEL = "Phần IV. Phương hướng, đề xuất (mỗi dòng là một đoạn):"
YEARLY_NOTE = (
    "Báo cáo kết quả thực hiện Phong trào thi đua năm chỉ được cấp số khi cả hai phần đã được lưu."
)
REVIEW_TEXTS_TITLE = "Khó khăn, Phương hướng của báo cáo {period}"
REVIEW_TEXTS_NOTE = (
    "Phần V và VI của báo cáo, do phường viết; các số liệu khác lấy từ dữ liệu của phường. "
    "Mỗi dòng là một đoạn. Báo cáo chỉ được cấp số khi cả hai phần đã được lưu."
)
REVIEW_DIFFICULTIES_LABEL = "Phần V. Khó khăn, vướng mắc (mỗi dòng là một đoạn):"
REVIEW_DIRECTION_LABEL = "Phần VI. Phương hướng, nhiệm vụ (mỗi dòng là một đoạn):"
REVIEW_DIFFICULTIES_HINT = "Những việc chưa làm được trong giai đoạn, nguyên nhân…"
REVIEW_DIRECTION_HINT = "Nhiệm vụ, giải pháp của giai đoạn tiếp theo, đề xuất với thành phố…"
REVIEW_TEXTS_SAVED = "Đã lưu phần Khó khăn, Phương hướng của báo cáo {period}."
REVIEW_TEXTS_MISSING = "Đã lưu; báo cáo {period} còn thiếu phần: {missing}."
ISSUE_QUESTION = "Trước khi cấp số, xin lưu ý:\n\n{reasons}\n\nVẫn cấp số và ban hành?"
ISSUE_NOT_ASKED = "Chưa cấp số."
