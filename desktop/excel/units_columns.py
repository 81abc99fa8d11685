"""The columns of a unit roster in Excel (danh sách đơn vị): headers, other names, kinds of value.

Import finds a column by its header whatever the case, diacritics, spacing or punctuation
("MA DON VI", "Mã  đơn vị", "mã đơn-vị" all find ``code``); export and the blank template write
:attr:`RosterColumn.header`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from desktop.models import UnitKind
from desktop.models.periods import period_code, period_of_code
from desktop.text import search_key

ValueKind = Literal["text", "count", "kind", "active", "gender", "period"]


@dataclass(frozen=True)
class RosterColumn:
    field: str
    header: str
    aliases: tuple[str, ...] = ()
    kind: ValueKind = "text"
    width: int = 18


COLUMNS: tuple[RosterColumn, ...] = (
    RosterColumn("code", "Mã đơn vị", ("Mã", "Mã ĐV", "Mã số"), width=12),
    RosterColumn("name", "Tên đơn vị", ("Tên", "Đơn vị", "Tên cơ quan, đơn vị"), width=42),
    RosterColumn("kind", "Loại đơn vị", ("Loại", "Loại hình"), kind="kind", width=30),
    RosterColumn("head_name", "Người đứng đầu", ("Thủ trưởng", "Họ tên người đứng đầu"), width=24),
    RosterColumn("head_position", "Chức vụ", ("Chức vụ người đứng đầu",), width=18),
    RosterColumn("phone", "Điện thoại", ("Số điện thoại", "SĐT", "ĐT"), width=16),
    RosterColumn("email", "Email", ("E-mail", "Thư điện tử"), width=28),
    RosterColumn("address", "Địa chỉ", (), width=36),
    RosterColumn("staff_count", "Số CB, CC, VC, NLĐ", ("Số cán bộ", "Số CBCCVC"), "count", 12),
    RosterColumn("student_count", "Số học sinh", ("Học sinh",), "count", 12),
    RosterColumn("adult_count", "Số người trưởng thành", ("Người trưởng thành",), "count", 14),
    RosterColumn("worker_count", "Số người lao động", ("Người lao động",), "count", 12),
    RosterColumn("active", "Đang hoạt động", ("Hoạt động", "Trạng thái"), "active", 12),
    # The quarter a unit reports from, written "3/2025" (quý 3/2025); blank keeps what the register
    # holds (for a new unit: the quarter it is added in).
    RosterColumn(
        "reports_from",
        "Báo cáo từ quý",
        ("Từ quý", "Quý bắt đầu báo cáo", "Bắt đầu báo cáo", "Kỳ bắt đầu báo cáo"),
        "period",
        14,
    ),
    RosterColumn("note", "Ghi chú", (), width=30),
)
REQUIRED_FIELDS = ("name", "kind")
BY_FIELD = {column.field: column for column in COLUMNS}

# Short forms clerks write in the "Loại đơn vị" column, beside the full labels of UnitKind.
KIND_ALIASES: dict[str, UnitKind] = {
    "mam non": UnitKind.SCHOOL_PRESCHOOL,
    "tieu hoc": UnitKind.SCHOOL_PRIMARY,
    "thcs": UnitKind.SCHOOL_LOWER_SECONDARY,
    "thpt": UnitKind.SCHOOL_UPPER_SECONDARY,
    "dn": UnitKind.BUSINESS,
    "htx": UnitKind.COOPERATIVE,
    "tdp": UnitKind.RESIDENTIAL_GROUP,
    "doan the": UnitKind.FRONT_ORGANISATION,
    "mat tran": UnitKind.FRONT_ORGANISATION,
    "dang uy phuong": UnitKind.PARTY_COMMITTEE,
    "ubnd": UnitKind.PEOPLES_COMMITTEE,
    "ubnd phuong": UnitKind.PEOPLES_COMMITTEE,
    "uy ban nhan dan": UnitKind.PEOPLES_COMMITTEE,
}
YES_WORDS = frozenset({"co", "x", "1", "true", "dang hoat dong", "hoat dong", "yes"})
NO_WORDS = frozenset({"khong", "0", "false", "ngung", "ngung hoat dong", "no"})
ACTIVE_YES = "Có"
ACTIVE_NO = "Không"

_NOT_LETTERS = re.compile(r"[^0-9a-z]+")
# "3/2025", "q3/2025", "quý 3/2025", "3-2025" once compared without case and diacritics.
_PERIOD = re.compile(r"(?:quy|q)?\s*(\d{1,2})\s*[/\-.]\s*(\d{4})")
PERIOD_EXAMPLE = "3/2025"


def period_text(code: int | None) -> str | None:
    """A reporting period as the roster writes it: 20253 → "3/2025"; 0 (always) → None, a blank."""
    if not code:
        return None
    year, quarter = period_of_code(code)
    return f"{quarter}/{year}"


def period_from_text(text: str) -> int | None:
    """ "3/2025", "Q3/2025", "quý 3/2025" → 20253; None when the text is not a quarter."""
    match = _PERIOD.fullmatch(search_key(text).strip())
    if match is None:
        return None
    quarter, year = int(match.group(1)), int(match.group(2))
    if quarter not in (1, 2, 3, 4) or not 2000 <= year <= 2100:
        return None
    return period_code(year, quarter)


def header_key(text: str) -> str:
    """Header compared without case, diacritics, spaces or punctuation."""
    return _NOT_LETTERS.sub("", search_key(text))


HEADER_INDEX: dict[str, RosterColumn] = {
    header_key(name): column for column in COLUMNS for name in (column.header, *column.aliases)
}


def kind_from_text(text: str) -> UnitKind | None:
    kind = UnitKind.from_label(text)
    if kind is not None:
        return kind
    return KIND_ALIASES.get(search_key(text))
