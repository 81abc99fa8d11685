"""Words of the user guide's window (Trợ giúp → Hướng dẫn sử dụng) and of the hints an empty
page shows in place of its table (desktop.ui.widgets.empty_hint)."""

ACTION_GUIDE = "&Hướng dẫn sử dụng"
GUIDE_TITLE = "Hướng dẫn sử dụng ThiĐua"
GUIDE_CONTENTS = "&Mục lục"
GUIDE_BACK = "&Quay lại"
GUIDE_FORWARD = "&Tiếp"
GUIDE_CLOSE = "Đóng"
GUIDE_MISSING = (
    "Không tìm thấy tệp hướng dẫn trong thư mục chương trình ({folder}). Hãy cài lại ThiĐua."
)

# -- the hints of empty pages: what to do first -------------------------------------------------
HINT_UNITS = "Chưa có đơn vị nào: bấm “Thêm đơn vị” hoặc “Nhập từ Excel…”."
HINT_PERSONS = "Đơn vị này chưa có cá nhân nào: bấm “Thêm cá nhân” hoặc nhập cá nhân từ Excel."
HINT_ENTRY = "Chưa có đơn vị nào phải báo cáo quý này: thêm đơn vị ở trang Đơn vị (Ctrl+1)."
HINT_NO_CAMPAIGN = "Chưa có đợt xét nào: tạo đợt xét ở thẻ “Đợt xét” trước."
HINT_DOSSIERS = "Chưa có hồ sơ nào: bấm “Tạo hồ sơ…” hoặc “Nhập danh sách đề nghị…”."
HINT_CAMPAIGNS = "Chưa có đợt xét nào: bấm “Thêm đợt xét…”."
HINT_MEMBERS = (
    "Chưa có thành viên Hội đồng năm {year}: bấm “Thêm thành viên…” hoặc “Sao chép từ năm trước”."
)
HINT_MEETINGS = "Đợt xét này chưa có phiên họp: bấm “Ghi phiên họp…”."
HINT_MEETINGS_NO_CAMPAIGN = "Chưa có đợt xét nào: tạo đợt xét ở trang Hồ sơ khen thưởng trước."
HINT_DECISIONS = (
    "Chưa có quyết định khen thưởng: ban hành Quyết định ở trang Văn bản & báo cáo, hoặc bấm "
    "“Ghi nhận quyết định của cấp trên…”."
)
HINT_AWARD_REGISTER = "Chưa có khen thưởng nào được ghi nhận."
HINT_ACTIVITIES = "Chưa có hoạt động nào: bấm “Thêm…” hoặc “Nhập Excel…”."
HINT_ACTIVITIES_YEAR = "Năm {year} chưa có hoạt động nào: bấm “Thêm…” hoặc “Nhập Excel…”."
HINT_INITIATIVES = "Chưa có sáng kiến, mô hình nào: bấm “Thêm…”."
HINT_INITIATIVES_YEAR = "Năm {year} chưa có sáng kiến, mô hình nào: bấm “Thêm…”."
HINT_COMMITMENTS = "Chưa có đơn vị nào để đăng ký thi đua: thêm đơn vị ở trang Đơn vị (Ctrl+1)."
HINT_DOCUMENTS = (
    "Chưa có văn bản nào được cấp số: chọn văn bản, “Xem trước” rồi “Cấp số và ban hành…”."
)
HINT_BACKUPS = (
    "Chưa có bản sao lưu tự động nào: bấm “Sao lưu tự động ngay”, hoặc sao lưu ra USB ở trên."
)
HINT_AUDIT = "Chưa có thay đổi nào được ghi trong nhật ký."
HINT_FILTERED = "Không có dòng nào khớp với điều kiện lọc."
