"""Ward settings (thông tin phường): who issues, where, who signs; read and written as one record.

The window and the command line read them with ``door.read(load_settings)`` and change them with
``door.run(save_ward_settings(settings))``, which announces ``Change(Area.SETTINGS)``: the status
bar and the pages that print the ward's name read them again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from sqlmodel import Session, select

from desktop.changes import Area, Change, Done, Operation
from desktop.errors import Refusal
from desktop.models import Setting
from desktop.text import clean


class SettingsError(Refusal, ValueError):
    """Ward settings the clerk must correct first; one problem per field, in Vietnamese."""


@dataclass
class WardSettings:
    """What every printed document's header, date line and signature block is made of.

    ``signing_authority`` holds the authority lines above the title, one per line, e.g.
    "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH"; ``signer_title`` is "PHÓ CHỦ TỊCH".
    """

    superior_name: str = ""
    agency_name: str = "ỦY BAN NHÂN DÂN"
    ward_name: str = "PHƯỜNG KIẾN AN"
    agency_abbreviation: str = "UBND"
    city_name: str = "thành phố Hải Phòng"
    place_name: str = "Kiến An"
    signing_authority: str = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"
    signer_title: str = "PHÓ CHỦ TỊCH"
    signer_name: str = "Trần Thị Phương"
    office_name: str = "Phòng Văn hóa - Xã hội"
    office_abbreviation: str = "VHXH"
    # Cơ quan thường trực của Hội đồng TĐKT phường (office_name) signs the ward Tờ trình.
    office_head_title: str = "TRƯỞNG PHÒNG"
    office_head_name: str = ""
    # Người ký Quyết định khen thưởng của Chủ tịch UBND phường.
    chairman_authority: str = ""  # "" (the Chairman signs) or "KT. CHỦ TỊCH"
    chairman_title: str = "CHỦ TỊCH"
    chairman_name: str = ""
    # Mức lương cơ sở (đồng) that tiền thưởng is counted on (Nghị định 73/2024: 2.340.000 đ).
    base_salary: int = 2340000
    # Lệch của máy in khi in lên phôi Giấy khen, mm (dương: sang phải, xuống dưới).
    certificate_offset_x_mm: int = 0
    certificate_offset_y_mm: int = 0
    # Một thay đổi lớn hơn số điểm phần trăm này so với quý trước cần ghi chú (cảnh báo, không chặn).
    change_warning_points: int = 20
    local_backups_kept: int = 10
    usb_backup_warning_days: int = 7
    # Kết luận "Đạt"/"Chưa đạt" chỉ khi số đơn vị đã báo cáo đạt tỷ lệ này của số phải báo cáo.
    complete_threshold_percent: int = 100
    # Mẫu số lệch khỏi số người trong sổ đơn vị quá tỷ lệ này cần ghi chú (cảnh báo, không chặn).
    denominator_tolerance_percent: int = 10
    # Những năm của Kế hoạch: số liệu và chỉ tiêu ngoài các năm này bị từ chối.
    plan_first_year: int = 2025
    plan_last_year: int = 2030

    def validation_errors(self) -> list[str]:
        errors = []
        for name, label in (
            ("agency_name", "Tên cơ quan"),
            ("ward_name", "Tên phường"),
            ("place_name", "Địa danh ghi ngày tháng"),
            ("signer_name", "Họ tên người ký"),
            ("signer_title", "Chức vụ người ký"),
        ):
            if not getattr(self, name).strip():
                errors.append(f"{label} không được để trống.")
        if not 1 <= self.change_warning_points <= 100:
            errors.append("Ngưỡng cảnh báo thay đổi phải từ 1 đến 100 điểm phần trăm.")
        if not 1 <= self.local_backups_kept <= 365:
            errors.append("Số bản sao lưu tự động giữ lại phải từ 1 đến 365.")
        if not 1 <= self.usb_backup_warning_days <= 365:
            errors.append("Số ngày nhắc sao lưu ra USB phải từ 1 đến 365.")
        if not 1 <= self.complete_threshold_percent <= 100:
            errors.append("Tỷ lệ đơn vị đã báo cáo để kết luận phải từ 1 đến 100%.")
        if not 0 <= self.denominator_tolerance_percent <= 100:
            errors.append("Độ lệch mẫu số cho phép so với sổ đơn vị phải từ 0 đến 100%.")
        if not 0 < self.base_salary <= 100_000_000:
            errors.append("Mức lương cơ sở phải là số đồng dương (ví dụ 2340000).")
        for offset, axis in (
            (self.certificate_offset_x_mm, "ngang"),
            (self.certificate_offset_y_mm, "dọc"),
        ):
            if not -50 <= offset <= 50:
                errors.append(f"Độ lệch {axis} khi in phôi Giấy khen phải từ -50 đến 50 mm.")
        if not 2000 <= self.plan_first_year <= self.plan_last_year <= 2100:
            errors.append(
                "Năm đầu và năm cuối của Kế hoạch phải từ 2000 đến 2100, năm đầu không sau năm cuối."
            )
        return errors


def load_settings(session: Session) -> WardSettings:
    stored = {s.key: s.value for s in session.exec(select(Setting))}
    values: dict[str, object] = {}
    for f in fields(WardSettings):
        if f.name in stored:
            raw = stored[f.name]
            values[f.name] = int(raw) if f.type in (int, "int") else raw
    return WardSettings(**values)  # type: ignore[arg-type]


def save_settings(session: Session, settings: WardSettings) -> None:
    """Validate, then write every field; raises SettingsError (a ValueError) with the clerk's
    messages, one per line."""
    errors = settings.validation_errors()
    if errors:
        raise SettingsError(problems=errors)
    for key, value in asdict(settings).items():
        text = clean(str(value))
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=text))
        elif row.value != text:
            row.value = text


def get_value(session: Session, key: str, default: str = "") -> str:
    row = session.get(Setting, key)
    return row.value if row else default


def set_value(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    elif row.value != value:
        row.value = value


def save_ward_settings(settings: WardSettings) -> Operation[WardSettings]:
    """The operation that stores the ward settings the clerk edited (checked first)."""

    def operation(session: Session) -> Done[WardSettings]:
        save_settings(session, settings)
        return Done(settings, Change.of(Area.SETTINGS))

    return operation
