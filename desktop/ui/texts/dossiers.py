"""Words of the award pages: dossiers, their editor and workflow, the catalogue and campaigns."""

PAGE_TITLE = "Hồ sơ khen thưởng"
TAB_DOSSIERS = "Hồ sơ"
TAB_CATALOGUE = "Danh mục khen thưởng"
TAB_CAMPAIGNS = "Đợt xét"

ALL_CAMPAIGNS = "Mọi đợt xét"
ALL_STATUSES = "Mọi trạng thái"
ALL_LEVELS = "Mọi cấp"
ALL_KINDS = "Mọi đối tượng"
LEVEL_ITEM = "Cấp {level}: {label}"
NEW_DOSSIER = "&Tạo hồ sơ…"
OPEN_DOSSIER = "&Mở hồ sơ"
NOMINEE_HISTORY = "&Lịch sử khen thưởng…"
DELETE_DOSSIER = "&Xóa hồ sơ nháp…"
DELETE_REASON_TITLE = "Xóa hồ sơ nháp"
DELETE_REASON = "Lý do xóa hồ sơ số {id}:"
STATUS_COUNT = "{label}: {count}"
OVERDUE = "Quá hạn nộp"
FLAGGED = "Kỷ luật/khiếu nại"
OVERDUE_TIP = "Hồ sơ chưa trình mà đã quá hạn nộp {deadline} của đợt xét."
FLAGGED_TIP = "Đối tượng đang bị kỷ luật hoặc khiếu nại: {note}"
REFUSED_TITLE = "Không thực hiện được"
SELECT_FIRST = "Hãy chọn một hồ sơ trong danh sách."
CHECK_FILES = "&Kiểm tra tệp đính kèm"
EXPORT = "Xuất &Excel…"
EXPORT_TITLE = "Xuất danh sách hồ sơ ra Excel"
EXPORT_FILE = "danh-sach-ho-so-khen-thuong.xlsx"
EXPORT_FILTER = "Tệp Excel (*.xlsx)"
EXPORTING = "Đang ghi tệp Excel…"
EXPORTED = "Đã ghi {count} hồ sơ ra tệp:\n{path}"
CHECK_FILES_TITLE = "Kiểm tra tệp đính kèm"
FILES_OK = "Mọi tệp đính kèm đều còn đủ và đúng như khi đính kèm."
FILE_PROBLEM = "Hồ sơ số {id}: {problem}"
FILES_MISSING = (
    "{count} tệp đính kèm không còn dùng được:\n{lines}\n\nHãy đính kèm lại các tệp này "
    "(hoặc khôi phục thư mục dữ liệu từ bản sao lưu)."
)

COLUMNS = {
    "id": "Số",
    "nominee": "Đối tượng đề nghị",
    "kind": "Loại đối tượng",
    "award": "Danh hiệu / hình thức",
    "level": "Cấp",
    "campaign": "Đợt xét",
    "status": "Trạng thái",
    "flags": "Lưu ý",
}

# -- new dossier -------------------------------------------------------------------------------
NEW_TITLE = "Tạo hồ sơ khen thưởng"
FIELD_CAMPAIGN = "Đợt xét"
FIELD_AWARD = "Danh hiệu / hình thức"
FIELD_NOMINEE_KIND = "Đối tượng là"
NOMINEE_UNIT = "Đơn vị (tập thể, doanh nghiệp)"
NOMINEE_PERSON = "Cá nhân"
FIELD_NOMINEE = "Đối tượng đề nghị"
FIELD_PROPOSER = "Đơn vị đề nghị"
FIELD_NOTE = "Ghi chú"
PROPOSER_SAME = "(chính đơn vị được đề nghị / đơn vị của cá nhân)"
CREATED = "Đã tạo hồ sơ số {id}."
CHOOSE_NOMINEE = "Hãy chọn đối tượng đề nghị có trong danh sách (gõ vài chữ của tên rồi chọn)."

# -- the editor ----------------------------------------------------------------------------------
EDITOR_TITLE = "Hồ sơ số {id} — {nominee}"
HEADER = "<b>{nominee}</b> ({kind}) — đề nghị <b>{award}</b> ({category}, {level})<br>Đợt xét: {campaign}{deadline} — Trạng thái: <b>{status}</b>"
HEADER_DEADLINE = ", hạn nộp {deadline}"
HEADER_DECISION = "<br>Quyết định số {number} ngày {date} của {issuer}"
HEADER_INCOMPLETE = "<br><i>Chuyển khi chưa đầy đủ, lý do: {reason}</i>"
WARNING_LINE = "<span style='color:#b00020'>⚠ {text}</span>"
MISSING_HEADING = "<b>Còn thiếu:</b>"
COMPLETE = "<span style='color:#1b5e20'>Hồ sơ đã đủ thành phần bắt buộc và tiêu chuẩn.</span>"
LOCKED = "Hồ sơ đã trình: nội dung chỉ sửa được khi hồ sơ ở trạng thái Nháp hoặc Trả lại bổ sung."
TAB_GENERAL = "Thông tin chung"
TAB_ACHIEVEMENT = "Báo cáo thành tích"
TAB_CRITERIA = "Tiêu chuẩn"
TAB_COMPONENTS = "Thành phần hồ sơ"
TAB_ATTACHMENTS = "Tệp đính kèm"
TAB_RESULTS = "Kết quả chỉ tiêu"
TAB_PRIOR = "Khen thưởng đã nhận"
TAB_EVENTS = "Lịch sử xử lý"
SAVE = "&Lưu"
OK = "Đồng ý"
SAVED = "Đã lưu hồ sơ."
SAVED_AT = "Đã lưu lúc {time}."  # under the editor's buttons, until the next edit
FIELD_DISCIPLINE = "Kỷ luật / khiếu nại"
DISCIPLINE_HINT = (
    "Ghi nếu đối tượng đang bị kỷ luật, thanh tra hoặc khiếu nại (để trống nếu không có)"
)
DISCIPLINE_SAVE = "Ghi nhận"
CLOSE = "Đóng"

CRITERIA_COLUMNS = ("Đạt", "Đối tượng", "Tiêu chuẩn", "Minh chứng")
COMPONENT_COLUMNS = ("Đã có", "Thành phần", "Bắt buộc", "Tệp đính kèm", "Ghi chú")
ATTACHMENT_COLUMNS = ("Tên tệp", "Thành phần", "Dung lượng", "Ngày thêm", "Tình trạng")
RESULT_COLUMNS = (
    "Năm",
    "Mã",
    "Chỉ tiêu",
    "Quý",
    "Tử số",
    "Mẫu số",
    "Tỷ lệ",
    "Chỉ tiêu năm",
    "Đánh giá",
)
PRIOR_COLUMNS = ("Năm", "Danh hiệu / hình thức", "Quyết định", "Tình trạng")
EVENT_COLUMNS = ("Thời điểm", "Từ", "Sang", "Nội dung")
YES, NO = "Có", "Không"
FILE_OK, FILE_MISSING = "Có trong thư mục dữ liệu", "THIẾU TỆP"
RESULTS_NOTE = "Số liệu lấy tự động từ số liệu quý (quý báo cáo cuối của năm) của {unit}."
NO_RESULTS = "Chưa có số liệu chỉ tiêu nào cho đối tượng này."

ATTACH_FOR = "Đính kèm cho:"
ATTACH_GENERAL = "(không gắn với thành phần nào)"
ADD_FILES = "&Thêm tệp…"
OPEN_FILE = "&Mở tệp"
REMOVE_FILE = "&Gỡ tệp"
CHOOSE_FILES = "Chọn tệp đính kèm"
ATTACHING = "Đang chép tệp vào thư mục dữ liệu…"
ATTACHED = "Đã đính kèm {count} tệp."
REMOVE_FILE_CONFIRM = "Gỡ tệp “{name}” khỏi hồ sơ? (Ctrl+Z đưa tệp trở lại.)"

ADD_PRIOR = "&Thêm khen thưởng đã nhận…"
PRIOR_TITLE = "Khen thưởng đã nhận"
PRIOR_YEAR = "Năm"
PRIOR_NAME = "Danh hiệu / hình thức"
PRIOR_DECISION = "Số quyết định"
REMOVE_PRIOR = "&Xóa khen thưởng đã nhận"
REMOVE_PRIOR_CONFIRM = "Xóa “{award}” năm {year} khỏi khen thưởng đã nhận? (Ctrl+Z đưa trở lại.)"
PRIOR_NOT_BY_HAND = (
    "Chỉ xóa được khen thưởng đã nhận ghi bằng tay; khen thưởng theo hồ sơ nằm trong hồ sơ số {id}."
)
SELECT_PRIOR = "Hãy chọn một dòng khen thưởng đã nhận."

# -- undo (the actions' words are common: desktop.ui.texts.common) -------------------------------
STEP_TIP = "Bước xử lý được ghi vào lịch sử hồ sơ và nhật ký thay đổi; không hoàn tác bằng Ctrl+Z."
DOSSIER_GONE = "Hồ sơ số {id} không còn trong dữ liệu; cửa sổ hồ sơ đã được đóng."

# -- a workflow step --------------------------------------------------------------------------------
STEP_TITLE = "{action} — hồ sơ số {id}"
STEP_DATE = "Ngày thực hiện"
STEP_NOTE = "Nội dung"
STEP_NOTE_RETURNED = "Nội dung cần bổ sung (bắt buộc)"
STEP_NOTE_REFUSED = "Lý do không được khen thưởng (bắt buộc)"
STEP_NOTE_REOPEN = "Lý do mở lại cho lần xét mới (bắt buộc)"
STEP_REASON = "Lý do vẫn chuyển đi khi hồ sơ chưa đầy đủ"
STEP_BLOCKING = "<b>Hồ sơ chưa đầy đủ</b> — muốn chuyển tiếp phải ghi lý do:"
DECISION_NUMBER = "Số quyết định"
DECISION_DATE = "Ngày ký quyết định"
DECISION_ISSUER = "Cơ quan / người quyết định"
STEP_DONE = "Hồ sơ số {id}: {status}."

# -- nominee history ---------------------------------------------------------------------------------
HISTORY_TITLE = "Lịch sử khen thưởng — {name}"
HISTORY_CHOOSE = "Chọn đơn vị hoặc cá nhân"
HISTORY_NONE = "Chưa có khen thưởng nào được ghi nhận."
HISTORY_UNIT = "Đơn vị: {name}"
HISTORY_PERSON = "Cá nhân: {name} — {unit}"

# -- catalogue ---------------------------------------------------------------------------------------
CATALOGUE_COLUMNS = ("Loại", "Tên", "Cấp", "Người quyết định", "Đối tượng", "Đang dùng")
FORM_NAME = "Tên"
FORM_CODE = "Mã"
FORM_CATEGORY = "Loại"
FORM_LEVEL = "Cấp"
FORM_LEVEL_LABEL = "Tên cấp"
FORM_ISSUER = "Người / cơ quan quyết định"
FORM_FOR = "Dành cho"
FOR_COLLECTIVE = "Tập thể"
FOR_BUSINESS = "Doanh nghiệp"
FOR_INDIVIDUAL = "Cá nhân"
FORM_ACTIVE = "Đang sử dụng"
FORM_NOTE = "Ghi chú"
FORM_ROUNDS = "Xét trong đợt"
FORM_UNIT_KINDS = "Tập thể được đề nghị (không chọn: mọi loại)"
FORM_VOTE = "Hội đồng đề nghị khi số phiếu đồng ý"
FORM_VOTE_AFTER = "tổng số thành viên Hội đồng"
FORM_BONUS = "Tiền thưởng (lần mức lương cơ sở)"
BONUS_INDIVIDUAL = "cá nhân"
BONUS_COLLECTIVE = "tập thể"
VOTE_ABOVE = "trên"
VOTE_AT_LEAST = "từ … trở lên"
NEW_FORM = "&Thêm mục mới"
SAVE_FORM = "&Lưu mục này"
FORM_SAVED = "Đã lưu “{name}”."
CRITERIA_HEADING = "<b>Tiêu chuẩn (mục III.3 của Kế hoạch)</b>"
COMPONENTS_HEADING = "<b>Thành phần hồ sơ</b>"
ADD = "Thêm…"
EDIT = "Sửa…"
REMOVE = "Xóa"
CRITERION_TITLE = "Tiêu chuẩn"
CRITERION_KIND = "Áp dụng cho"
CRITERION_TEXT = "Nội dung"
CRITERION_HEADING = "Dòng giới thiệu các tiêu chuẩn bên dưới (không đánh dấu)"
COMPONENT_TITLE = "Thành phần hồ sơ"
COMPONENT_NAME = "Tên thành phần"
COMPONENT_REQUIRED = "Bắt buộc"
CATALOGUE_COMPONENT_COLUMNS = ("Thành phần", "Bắt buộc")
CATALOGUE_CRITERIA_COLUMNS = ("Áp dụng cho", "Nội dung")

# -- campaigns ---------------------------------------------------------------------------------------
CAMPAIGN_COLUMNS = ("Tên đợt xét", "Loại", "Năm", "Hạn nộp hồ sơ", "Ghi chú")
NEW_CAMPAIGN = "&Thêm đợt xét…"
EDIT_CAMPAIGN = "&Sửa…"
REMOVE_CAMPAIGN = "&Xóa"
CAMPAIGN_TITLE = "Đợt xét khen thưởng"
CAMPAIGN_NAME = "Tên đợt xét"
CAMPAIGN_KIND = "Loại"
CAMPAIGN_YEAR = "Năm"
CAMPAIGN_HAS_DEADLINE = "Có hạn nộp hồ sơ"
CAMPAIGN_DEADLINE = "Hạn nộp"
CAMPAIGN_NOTE = "Ghi chú"
CONFIRM_REMOVE = "Xóa “{name}”?"

DISCIPLINE_CLEAR_TITLE = "Gỡ ghi chú kỷ luật, khiếu nại"
DISCIPLINE_CLEAR_REASON = "Lý do gỡ ghi chú (ví dụ: kết luận thanh tra số …):"
SCAN_PROBLEM = "Bản quét quyết định mã {id}: {problem}"
REPLACE_TITLE = "Thay bằng hình thức cao hơn"
REPLACE_QUESTION = "Tạo hồ sơ mới thay cho hồ sơ cũ (hồ sơ cũ được khép lại, có ghi lý do)?"

# -- nominations (danh sách đề nghị của các đơn vị) -----------------------------------------------
NOMINATION_TEMPLATE = "Mẫu danh sách đề nghị…"
NOMINATION_IMPORT = "Nhập danh sách đề nghị…"
NOMINATION_TEMPLATE_TITLE = "Lưu mẫu danh sách đề nghị khen thưởng"
NOMINATION_TEMPLATE_FILE = "mau-danh-sach-de-nghi.xlsx"
NOMINATION_TEMPLATE_SAVED = "Đã ghi mẫu danh sách đề nghị của đợt “{name}” ra tệp:\n{path}"
NOMINATION_IMPORT_TITLE = "Nhập danh sách đề nghị khen thưởng"
NOMINATION_CHOOSE_CAMPAIGN = "Đợt xét nhận danh sách đề nghị:"
NOMINATION_NO_CAMPAIGN = "Chưa có đợt xét nào; hãy thêm đợt xét ở thẻ “Đợt xét” trước."
NOMINATION_DO_IMPORT = "&Nhập"
NOMINATION_CLOSE = "Đóng"
NOMINATION_NOTHING_WRITTEN = "Không hồ sơ nào được tạo; hãy sửa tệp rồi nhập lại."
NOMINATION_IMPORTED = "Đã tạo {count} hồ sơ Nháp (số {numbers})."
NOMINATION_PERSONS_ADDED = "Đã thêm {count} cá nhân vào sổ đăng ký."
