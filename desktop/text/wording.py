"""The one voice: every verdict, number, percent, date and size the clerk reads.

The window, the command line, Excel and the PDF templates all word their figures here, so that a
result reads the same wherever it is shown. Numbers use the Vietnamese decimal comma and the dot
between thousands ("1.234,5"); dates follow Nghị định 30/2020 (a leading zero for days below 10 and
for months 1 and 2 only: "ngày 05 tháng 7 năm 2025", "ngày 15 tháng 02 năm 2026").
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Protocol

from desktop.text import fields

NO_FIGURE = "—"


class Verdict(StrEnum):
    """Kết luận of a figure against its target."""

    MET = "Đạt"
    NOT_MET = "Chưa đạt"
    NO_DATA = "Chưa đủ số liệu"
    NO_TARGET = "Không có chỉ tiêu"


class Judged(Protocol):
    """Anything judged against a target, as every result is: ``met`` None means no verdict."""

    @property
    def met(self) -> bool | None: ...

    @property
    def target(self) -> float | None: ...

    @property
    def reported_units(self) -> int: ...

    @property
    def expected_units(self) -> int: ...


def verdict_of(
    met: bool | None, target: float | None, reported: int | None = None, expected: int | None = None
) -> str:
    """ "Đạt", "Chưa đạt", "Chưa đủ số liệu (3/9 đơn vị)" or "Không có chỉ tiêu"."""
    if target is None:
        return Verdict.NO_TARGET.value
    if met is None:
        if reported is not None and expected:
            return f"{Verdict.NO_DATA.value} ({count(reported)}/{count(expected)} đơn vị)"
        return Verdict.NO_DATA.value
    return (Verdict.MET if met else Verdict.NOT_MET).value


def target(
    value: float | None,
    comparison: str,
    carried_from: int | None = None,
    empty: str = NO_FIGURE,
) -> str:
    """A year's target as the plan words it: "trên 80%" (``>``), "từ 80% trở lên" (``>=``),
    "100%" (``=`` all), "bằng 90%"; "… (duy trì từ 2026)" when carried over; ``empty`` ("—")
    without one (a document says it in words: "Không đặt")."""
    if value is None:
        return empty
    share = percent(value)
    if comparison == ">":
        text = f"trên {share}"
    elif comparison == "=":
        text = share if value == 100 else f"bằng {share}"
    else:
        text = f"từ {share} trở lên"
    return f"{text} (duy trì từ {carried_from})" if carried_from else text


def verdict(result: Judged) -> str:
    """The verdict of a result; without complete data it says how many units reported."""
    return verdict_of(result.met, result.target, result.reported_units, result.expected_units)


_STEPS = {digits: Decimal(1).scaleb(-digits) for digits in range(4)}


def decimal(value: float, digits: int = 1) -> str:
    """12345.67 → "12.345,7"; halves round up as the clerk rounds them (85,25 → "85,3"); trailing
    zeros of the fraction are kept ("80,0")."""
    step = _STEPS.get(digits) or Decimal(1).scaleb(-digits)
    rounded = Decimal(repr(float(value))).quantize(step, ROUND_HALF_UP) + 0  # + 0: no "-0,0"
    if -1000 < rounded < 1000:  # nothing to group in thousands: the common case of a percent
        return str(rounded).replace(".", ",")
    text = f"{rounded:,.{digits}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def percent(value: float | None, empty: str = NO_FIGURE) -> str:
    """85.25 → "85,3%"; 80 → "80%"; None → ``empty``."""
    if value is None:
        return empty
    return decimal(value, 1).removesuffix(",0") + "%"


def points(value: float | None, empty: str = NO_FIGURE) -> str:
    """A gap in percentage points: 4.5 → "4,5 điểm %"."""
    if value is None:
        return empty
    return decimal(value, 1).removesuffix(",0") + " điểm %"


def count(value: int | None, empty: str = NO_FIGURE) -> str:
    """12345 → "12.345"."""
    if value is None:
        return empty
    return f"{int(value):,}".replace(",", ".")


def how_many(number: int, noun: str, predicate: str) -> str:
    """A count in a sentence: "3 chỉ tiêu đạt", and never "0 chỉ tiêu đạt" but "chưa có chỉ
    tiêu nào đạt" (``noun`` "chỉ tiêu", ``predicate`` "đạt")."""
    if number == 0:
        return f"chưa có {noun} nào {predicate}".rstrip()
    return f"{count(number)} {noun} {predicate}".rstrip()


def nominees(collectives: int, individuals: int, joiner: str = ", ") -> str:
    """Who is counted, as a sentence names them: "2 tập thể, 1 cá nhân", "1 tập thể" (never
    "0 cá nhân"); ``joiner`` " và " inside a sentence ("cho 3 tập thể và 2 cá nhân"); "" for none."""
    parts = [
        f"{count(n)} {noun}"
        for n, noun in ((collectives, "tập thể"), (individuals, "cá nhân"))
        if n
    ]
    return joiner.join(parts)


def money(amount: int) -> str:
    """Tiền thưởng: 2340000 → "2.340.000 đồng"."""
    return f"{count(amount)} đồng"


def size(byte_count: int) -> str:
    """File sizes as the clerk reads them: "980 byte", "12 KB", "1,5 MB", "2,1 GB"."""
    if byte_count < 1024:
        return f"{byte_count} byte"
    if byte_count < 1024 * 1024:
        return f"{byte_count / 1024:.0f} KB"
    if byte_count < 1024**3:
        return decimal(byte_count / 1024 / 1024, 1) + " MB"
    return decimal(byte_count / 1024**3, 1) + " GB"


def short_date(value: date | None, empty: str = "") -> str:
    """05/02/2025 (tables and lists)."""
    return value.strftime("%d/%m/%Y") if value is not None else empty


def day_month(day: int, month: int) -> str:
    """A day that recurs each year, as a list writes it: 15/12, 05/01."""
    return f"{day:02d}/{month:02d}"


def days_from(day: date, today: date) -> str:
    """How far a deadline is from today: "còn 5 ngày", "hôm nay", "quá hạn 3 ngày"."""
    gap = (day - today).days
    if gap == 0:
        return "hôm nay"
    if gap > 0:
        return f"còn {count(gap)} ngày"
    return f"quá hạn {count(-gap)} ngày"


def date_time(value: datetime | None, empty: str = "", seconds: bool = False) -> str:
    """05/02/2025 14:30 (or 14:30:05 where the second matters: the audit log, backups)."""
    if value is None:
        return empty
    return value.strftime("%d/%m/%Y %H:%M:%S" if seconds else "%d/%m/%Y %H:%M")


def day_number(day: int) -> str:
    """A day of the month as documents write it: a leading zero below 10."""
    return f"{day:02d}"


def month_number(month: int) -> str:
    """A month as documents write it: a leading zero for 1 and 2 only (Nghị định 30/2020)."""
    return f"{month:02d}" if month < 3 else str(month)


def long_date(value: date) -> str:
    """ "ngày 05 tháng 7 năm 2025" (the date line of a document)."""
    return f"ngày {day_number(value.day)} tháng {month_number(value.month)} năm {value.year}"


def clock(value: time) -> str:
    """An hour as a clerk writes it on a form: "8:05", "14:30"."""
    return f"{value.hour}:{value.minute:02d}"


def hours_text(value: time) -> str:
    """An hour as a Biên bản states it: "8 giờ 00 phút", "14 giờ 30 phút"."""
    return f"{value.hour} giờ {value.minute:02d} phút"


def quarter(number: int, year: int) -> str:
    """ "quý II năm 2025"."""
    return f"quý {ROMAN[number]} năm {year}"


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


# ----------------------------------------------------------------------------- Excel
# In a workbook a figure stays a number, so that the clerk and the city's board can sort, filter,
# chart and compute with it; these number formats make Excel show it as the one voice words it.
# The format codes are Excel's own (a point before the decimals, a comma between thousands):
# Excel swaps in the decimal comma and the thousands dot of the reader's Vietnamese locale, so
# 0.853 under EXCEL_PERCENT reads "85,3%" and 12345 under EXCEL_COUNT reads "12.345". A verdict
# stays the text of verdict(); a figure that is missing is an empty cell (or NO_FIGURE).

EXCEL_PERCENT = "0.0%"
EXCEL_POINTS = '0.0 "điểm %"'
EXCEL_COUNT = "#,##0"


def excel_percent(value: float | None) -> float | None:
    """A percent as Excel holds one, a fraction: 85.3 → 0.853 (shown "85,3%" under
    EXCEL_PERCENT); None stays None, an empty cell."""
    return None if value is None else value / 100


_GROUPED = r"(?:0|[1-9]\d{0,2}(?:\.\d{3})*)"
_WORDED = (
    (re.compile(rf"(-?{_GROUPED}(?:,\d+)?)%"), EXCEL_PERCENT, 100),
    (re.compile(rf"(-?{_GROUPED}(?:,\d+)?) điểm %"), EXCEL_POINTS, 1),
    (re.compile(rf"(-?{_GROUPED})"), EXCEL_COUNT, 0),
)


def excel_figure(text: str) -> tuple[float | int, str] | None:
    """A figure this module worded, read back as the number Excel should hold and its format:
    "85,3%" → (0.853, EXCEL_PERCENT), "4,5 điểm %" → (4.5, EXCEL_POINTS), "1.234" →
    (1234, EXCEL_COUNT); None for any other text ("Đạt", "12/15", "2025", "01", NO_FIGURE).

    For tables that arrive already worded, as a document's do. Only the exact spellings of
    percent(), points() and count() are read, so a year ("2025": count() would group it), a code
    with a leading zero or a fraction of counts stays text.
    """
    for pattern, number_format, scale in _WORDED:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        digits = match.group(1).replace(".", "")
        if not scale:
            return int(digits), number_format
        return float(digits.replace(",", ".")) / scale, number_format
    return None


# ----------------------------------------------------------------------------- the change log
# The tables and fields the audit log names, as the clerk knows them (the table is text/fields.py).

YES_WORD = "Có"
NO_WORD = "Không"
EMPTY_VALUE = "(trống)"


def yes_no(value: bool) -> str:
    """A stored yes/no as a page shows it: "Có" / "Không"."""
    return YES_WORD if value else NO_WORD


def table_name(table: str) -> str:
    """ "dossier" → "Hồ sơ khen thưởng"; an unknown table in readable words, never snake_case."""
    return fields.TABLES.get(table) or _readable(table)


def field_name(table: str, field: str) -> str | None:
    """The clerk's name of a field of a table ("dossier", "decision_number" → "Số quyết định");
    None when the wording has none (see :func:`field_label`). A setting's value is logged as
    "value.<key>": named by the setting ("value.signer_name" → "Họ tên người ký")."""
    if table == "setting" and field.startswith("value."):
        return setting_name(field.removeprefix("value."))
    return fields.FIELDS.get(table, {}).get(field) or fields.SHARED.get(field)


def field_label(table: str, field: str) -> str:
    """:func:`field_name`, or for a field without one its name in readable words ("extra_note"
    → "Extra note"), never snake_case."""
    return field_name(table, field) or _readable(field)


def setting_name(key: str) -> str:
    """A setting by its key: "signer_name" → "Họ tên người ký"."""
    if key in fields.SETTINGS:
        return fields.SETTINGS[key]
    return _readable(key.rpartition(".")[2])


def _readable(name: str) -> str:
    words = name.removesuffix("_id").replace("_", " ").replace(".", " ").strip()
    return words[:1].upper() + words[1:] if words else name


# ----------------------------------------------------------------------------- the gap to a target


def gap(value: float | None, behind: bool) -> str:
    """Còn thiếu: the points a figure is short of its target ("4,5 điểm %", "0 điểm %" when
    "trên 80%" is met only at 80%); past the target, by how much ("Vượt 1,5 điểm %"); "" when it
    meets it exactly or has no figure. ``value`` is target − percent."""
    if value is None:
        return ""
    if behind:
        return points(max(value, 0.0))
    over = points(-value)
    return "" if value >= 0 or over == "0 điểm %" else f"Vượt {over}"
