"""Words and grouping of the settings the clerk edits in Cài đặt (thông tin phường, số liệu, sao lưu).

The ward's header and signature fields are labelled in :mod:`desktop.ui.texts.common`
(``SETTINGS_FIELDS``); the rules of results added by issue 12 read as the sentence the clerk
completes ("Kết luận khi số đơn vị đã báo cáo đạt [100] % số phải báo cáo"), so each number field
here carries the words before and after its box.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from desktop.settings import WardSettings
from desktop.text.wording import percent
from desktop.ui.texts import common


@dataclass(frozen=True)
class NumberField:
    """A number the clerk sets, worded as a sentence around its box."""

    before: str  # the row's label
    suffix: str = ""  # inside the box, after the number ("%", " ngày")
    after: str = ""  # after the box
    hint: str = ""  # one line under it: what the number changes
    low: int = 0  # the box's range; the rule itself is WardSettings.validation_errors
    high: int = 1000

    def summary(self, value: int) -> str:
        """The value as the Cài đặt page prints it: "100% số phải báo cáo"."""
        shown = percent(value) if self.suffix == "%" else f"{value}{self.suffix}"
        return f"{shown} {self.after}".strip()


NUMBER_FIELDS = {
    "complete_threshold_percent": NumberField(
        before="Kết luận khi số đơn vị đã báo cáo đạt",
        suffix="%",
        after="số phải báo cáo",
        hint=(
            "100%: chỉ kết luận “Đạt/Chưa đạt” khi mọi đơn vị phải báo cáo đã báo cáo; chưa đủ "
            "thì kết quả ghi “Chưa đủ số liệu (k/n đơn vị)”."
        ),
        high=100,
    ),
    "denominator_tolerance_percent": NumberField(
        before="Mẫu số lệch khỏi sổ đơn vị quá",
        suffix="%",
        after="cần ghi chú",
        hint="Cảnh báo, không chặn: Mẫu số khác số người trong sổ đơn vị quá tỷ lệ này phải có ghi chú.",
        high=100,
    ),
    "plan_first_year": NumberField(
        before="Kế hoạch từ năm",
        hint="Số liệu và chỉ tiêu ngoài các năm của Kế hoạch bị từ chối.",
        low=1900,
        high=2199,
    ),
    "plan_last_year": NumberField(before="đến năm", low=1900, high=2199),
    "base_salary": NumberField(
        before="Mức lương cơ sở",
        suffix=" đồng",
        hint="Tiền thưởng = hệ số của hình thức khen thưởng × mức lương cơ sở, làm tròn lên hàng chục nghìn.",
        low=1,
        high=100_000_000,
    ),
    "certificate_offset_x_mm": NumberField(
        before="Khi in lên phôi Giấy khen, dịch sang phải",
        suffix=" mm",
        hint="In trang thử căn lề lên một phôi, đo độ lệch rồi ghi vào đây (số âm: sang trái, lên trên).",
        low=-50,
        high=50,
    ),
    "certificate_offset_y_mm": NumberField(
        before="và dịch xuống dưới", suffix=" mm", low=-50, high=50
    ),
}

WARD_TAB = "Thông tin phường"
RESULTS_TAB = "Số liệu và kết luận"
BACKUP_TAB = "Sao lưu"
AWARDS_TAB = "Khen thưởng"
OTHER_TAB = "Khác"
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        WARD_TAB,
        (
            "superior_name",
            "agency_name",
            "ward_name",
            "agency_abbreviation",
            "city_name",
            "place_name",
            "signing_authority",
            "signer_title",
            "signer_name",
            "office_name",
            "office_abbreviation",
        ),
    ),
    (
        RESULTS_TAB,
        (
            "complete_threshold_percent",
            "denominator_tolerance_percent",
            "change_warning_points",
            "plan_first_year",
            "plan_last_year",
        ),
    ),
    (BACKUP_TAB, ("local_backups_kept", "usb_backup_warning_days")),
    (
        AWARDS_TAB,
        (
            "office_head_title",
            "office_head_name",
            "chairman_authority",
            "chairman_title",
            "chairman_name",
            "base_salary",
            "certificate_offset_x_mm",
            "certificate_offset_y_mm",
        ),
    ),
)
PLAN_YEARS = "Các năm của Kế hoạch"
PLAN_YEARS_VALUE = "{first}–{last}"
EDIT_RESULTS = "Số liệu và &kết luận…"
RESULTS_SAVED = "Đã lưu cài đặt số liệu và kết luận."
DATA_FOLDER = "Thư mục dữ liệu: {folder}"
SAVE = "&Lưu"


def groups() -> list[tuple[str, list[str]]]:
    """The tabs and their fields; a field of WardSettings no group names goes to "Khác", so a new
    setting is never left out of the dialog."""
    names = [f.name for f in fields(WardSettings)]
    grouped = [(title, [n for n in members if n in names]) for title, members in GROUPS]
    placed = {n for _title, members in grouped for n in members}
    rest = [n for n in names if n not in placed]
    return grouped + ([(OTHER_TAB, rest)] if rest else [])


def label(name: str) -> str:
    """The label of a field: its sentence's beginning, or the ward field's name."""
    if name in NUMBER_FIELDS:
        return NUMBER_FIELDS[name].before
    return common.SETTINGS_FIELDS.get(name, name)
