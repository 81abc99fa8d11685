"""Words of the council page: the Hội đồng TĐKT's members and meetings, the decisions on awards."""

PAGE_TITLE = "Hội đồng và quyết định"
TAB_COUNCIL = "Hội đồng TĐKT"
TAB_DECISIONS = "Quyết định khen thưởng"

# -- members ---------------------------------------------------------------------------------------
YEAR = "Năm:"
MEMBERS_HEADING = "<b>Thành viên Hội đồng năm {year}</b> ({count} người)"
MEMBER_COLUMNS = {"name": "Họ và tên", "position": "Chức vụ", "role": "Vai trò"}
ADD_MEMBER = "&Thêm thành viên…"
REMOVE_MEMBER = "&Xóa thành viên"
COPY_MEMBERS = "&Sao chép từ năm trước"
ADD_MEMBER_TITLE = "Thêm thành viên Hội đồng năm {year}"
MEMBER_NAME = "Họ và tên:"
MEMBER_POSITION = "Chức vụ:"
MEMBER_ROLE = "Vai trò trong Hội đồng:"
SELECT_MEMBER = "Hãy chọn một thành viên trong danh sách."
REMOVE_TITLE = "Xóa thành viên Hội đồng"
REMOVE_CONFIRM = "Xóa {name} khỏi Hội đồng năm {year}?"
MEMBER_KEPT = (
    "{name} đã dự phiên họp Hội đồng nên vẫn được giữ trong biên bản; từ nay không còn là "
    "thành viên đang hoạt động của Hội đồng năm {year}."
)
COPY_TITLE = "Sao chép thành viên Hội đồng"
COPIED = "Đã chép {count} thành viên của Hội đồng năm {source} sang năm {year}."

# -- meetings --------------------------------------------------------------------------------------
CAMPAIGN = "Đợt xét:"
NO_CAMPAIGN = "Chưa có đợt xét nào"
MEETINGS_HEADING = "<b>Phiên họp của đợt xét</b>"
MEETING_COLUMNS = {
    "date": "Ngày họp",
    "place": "Địa điểm",
    "attendees": "Số thành viên dự",
    "votes": "Số hồ sơ đã bỏ phiếu",
}
NEW_MEETING = "&Ghi phiên họp…"
RECORD_VOTE = "Ghi &kết quả bỏ phiếu…"
MEETING_TITLE = "Ghi phiên họp Hội đồng — {campaign}"
MEETING_DATE = "Ngày họp:"
MEETING_PLACE = "Địa điểm:"
MEETING_STARTS = "Giờ bắt đầu:"
MEETING_ENDS = "Giờ kết thúc:"
MEETING_HOUR_HINT = "ví dụ 8:00"
MEETING_ATTENDEES = "Thành viên dự họp (Hội đồng năm {year}):"
MEETING_NOTE = "Ghi chú:"
CHOOSE_CAMPAIGN = "Hãy chọn đợt xét trước."
SELECT_MEETING = "Hãy chọn một phiên họp trong danh sách."
VOTE_TITLE = "Ghi kết quả bỏ phiếu kín — phiên họp ngày {date}"
VOTE_DOSSIER = "Hồ sơ (đã trình Hội đồng phường):"
VOTE_DOSSIER_ITEM = "Số {id} · {nominee} · {award}"
VOTE_ISSUED = "Số phiếu phát ra:"
VOTE_VALID = "Số phiếu hợp lệ:"
VOTE_FOR = "Số phiếu đồng ý:"
VOTE_CONCLUSION = "Kết luận (để trống thì ghi theo số phiếu):"
VOTE_MEMBERS = "Hội đồng có {members} thành viên; {attendees} thành viên dự phiên họp này."
NO_SUBMITTED = (
    "Đợt xét này chưa có hồ sơ nào ở trạng thái “Đã trình Hội đồng phường”; hãy trình hồ sơ "
    "lên Hội đồng trên trang Hồ sơ khen thưởng trước."
)
VOTED = "Hồ sơ số {id} ({nominee}): {outcome}. {conclusion}"
VOTE_RESULT_TITLE = "Kết quả bỏ phiếu"

# -- decisions -------------------------------------------------------------------------------------
DECISION_COLUMNS = {
    "number": "Số quyết định",
    "signed_on": "Ngày ký",
    "issuer": "Cơ quan, người ký",
    "authority": "Cấp",
    "covers": "Khen thưởng",
    "bonus": "Tổng tiền thưởng",
    "state": "Hiệu lực",
}
AUTHORITY = {"ward": "Phường", "city": "Cấp trên"}
RECORD_RECEIVED = "Ghi &nhận quyết định của cấp trên…"
CORRECT = "Đính &chính…"
REVOKE = "&Hủy quyết định…"
PRINT_CERTIFICATES = "In &Giấy khen…"
CALIBRATION = "&Trang thử căn lề phôi…"
BLANK_PAPER = "In lên &phôi"
BLANK_PAPER_TIP = "In lên phôi Giấy khen in sẵn, theo độ lệch máy in đã chỉnh trong Cài đặt."
SELECT_DECISION = "Hãy chọn một quyết định trong danh sách."
RECEIVED_TITLE = "Ghi nhận quyết định khen thưởng của cấp trên"
RECEIVED_CAMPAIGN = "Đợt xét:"
RECEIVED_NUMBER = "Số quyết định:"
RECEIVED_NUMBER_HINT = "ví dụ 2345/QĐ-UBND"
RECEIVED_DATE = "Ngày ký:"
RECEIVED_ISSUER = "Cơ quan, người ký:"
RECEIVED_ISSUER_HINT = "để trống: nơi quyết định hình thức khen thưởng (theo danh mục)"
RECEIVED_DOSSIERS = "Hồ sơ được khen thưởng (đã gửi cấp trên):"
RECEIVED_SCAN = "Bản quét:"
NO_SCAN = "Chưa chọn tệp"
CHOOSE_SCAN = "Chọn &tệp…"
CLEAR_SCAN = "&Bỏ tệp"
SCAN_TITLE = "Chọn bản quét của quyết định"
SCAN_FILTER = "Bản quét (*.pdf *.jpg *.jpeg *.png)"
NO_SENT_UP = "Đợt xét này không có hồ sơ nào đang chờ quyết định của cấp trên."
CORRECT_TITLE = "Đính chính quyết định số {number}"
CORRECT_NUMBER = "Số quyết định:"
CORRECT_DATE = "Ngày ký:"
CORRECT_ISSUER = "Cơ quan, người ký:"
REASON = "Lý do:"
REVOKE_TITLE = "Hủy quyết định số {number}"
REVOKE_REASON = "Lý do hủy quyết định số {number} (các hồ sơ trở lại chờ quyết định):"
CERTIFICATES_TITLE = "In Giấy khen"
NOT_WARD = (
    "Quyết định số {number} do cấp trên ban hành; Giấy khen chỉ in theo quyết định của "
    "Chủ tịch UBND phường."
)
SAVE_PDF_FILTER = "Tệp PDF (*.pdf)"
CERTIFICATES_FILE = "giay-khen-{number}.pdf"
CALIBRATION_TITLE = "Trang thử căn lề phôi Giấy khen"
CALIBRATION_FILE = "trang-thu-can-le-phoi.pdf"
PRINTED = "Đã in {count} Giấy khen (số vào sổ {numbers}) vào tệp:\n{path}"
SAVED = "Đã lưu tệp:\n{path}"

TAB_REGISTER = "Sổ theo dõi khen thưởng"
REGISTER_YEAR = "Năm:"
REGISTER_ALL_YEARS = "Cả phong trào"
REGISTER_EXCEL = "Xuất Excel…"
REGISTER_SUMMARY = "{who}; tiền thưởng {bonus}"
REGISTER_NOBODY = "Chưa có khen thưởng nào"
REGISTER_COLUMNS = {
    "year": "Năm",
    "award": "Hình thức khen thưởng",
    "nominee": "Tập thể, cá nhân",
    "unit": "Đơn vị",
    "decision": "Quyết định",
    "bonus": "Tiền thưởng",
    "certificate": "Số vào sổ",
}
