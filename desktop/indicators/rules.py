"""Rules of a quarterly value (số liệu quý), needing no set-up.

Errors refuse the value: a count must be a whole number ≥ 0, the denominator (mẫu số) must be > 0
and the numerator (tử số) cannot exceed it. A jump of more than ``change_warning_points`` against the
unit's previous quarter is only a warning: the clerk is asked for a note but may save.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.errors import Refusal
from desktop.models import periods
from desktop.text import search_key, wording

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_DIGITS = re.compile(r"\d+")
_DECIMAL = re.compile(r"[+-]?\d*[.,]\d+")
MAX_COUNT = 10_000_000  # more people than a ward could hold: surely a typing slip


class ValueRefused(Refusal, ValueError):
    """A value that cannot be saved; ``str(error)`` is the clerk's message."""


@dataclass(frozen=True)
class Pair:
    """Tử số / mẫu số of one cell; None = not entered."""

    numerator: int | None
    denominator: int | None

    @property
    def empty(self) -> bool:
        return self.numerator is None and self.denominator is None

    @property
    def percent(self) -> float | None:
        if self.numerator is None or not self.denominator:
            return None
        return self.numerator / self.denominator * 100


EMPTY = Pair(None, None)


def parse_count(value: object, what: str = "Giá trị") -> int | None:
    """A count typed, pasted or read from Excel → int, None for blank; ValueRefused otherwise.

    Spaces (also Excel's non-breaking ones) between digit groups are allowed; a dot or comma is
    not, since "1.5" and "1,5" are decimals and "1.234" is ambiguous in Vietnamese writing.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueRefused(f"{what} phải là số nguyên.")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise ValueRefused(f"{what} phải là số nguyên, không có phần thập phân ({value:g}).")
        number = int(value)
    else:
        text = _SPACES.sub("", str(value))
        if not text:
            return None
        if text.startswith("-") and _DIGITS.fullmatch(text[1:]):
            raise ValueRefused(f"{what} không được là số âm ({text}).")
        if _DECIMAL.fullmatch(text):
            raise ValueRefused(f"{what} phải là số nguyên, không có phần thập phân ({text}).")
        if not _DIGITS.fullmatch(text):
            raise ValueRefused(
                f"{what} phải là số nguyên ≥ 0; “{str(value).strip()}” không phải là số."
            )
        number = int(text)
    if number < 0:
        raise ValueRefused(f"{what} không được là số âm ({number}).")
    if number > MAX_COUNT:
        # A pasted 1e300 would otherwise fill the message with three hundred digits.
        digits = str(number)
        shown = digits if len(digits) <= 15 else f"có {len(digits)} chữ số"
        raise ValueRefused(f"{what} quá lớn ({shown}); hãy kiểm tra lại.")
    return number


MISSING_DENOMINATOR = "Chưa có mẫu số: tỷ lệ chưa được tính cho đến khi nhập mẫu số."


def pair_error(pair: Pair) -> str | None:
    """The clerk's message when the pair cannot be saved, else None.

    A blank pair and a pair still waiting for one of its numbers are fine: the clerk types the
    tử số, then the mẫu số, and each is saved as it is typed. Such a pair is not a report (results
    count only a numerator with a positive denominator) until it is complete.
    """
    if pair.denominator is not None and pair.denominator <= 0:
        return "Mẫu số phải lớn hơn 0."
    if (
        pair.numerator is not None
        and pair.denominator is not None
        and pair.numerator > pair.denominator
    ):
        return f"Tử số ({pair.numerator}) không được lớn hơn mẫu số ({pair.denominator})."
    return None


def change_warning(previous: Pair | None, new: Pair, threshold_points: float) -> str | None:
    """A warning when the percentage moved more than ``threshold_points`` since last quarter."""
    if previous is None or previous.percent is None or new.percent is None:
        return None
    change = new.percent - previous.percent
    if abs(change) <= threshold_points:
        return None
    direction = "tăng" if change > 0 else "giảm"
    return (
        f"Tỷ lệ {direction} {wording.decimal(abs(change))} điểm so với quý trước "
        f"({wording.percent(previous.percent)} → {wording.percent(new.percent)}), "
        f"vượt ngưỡng {wording.decimal(threshold_points).removesuffix(',0')} điểm. "
        "Hãy ghi chú lý do."
    )


YES = Pair(1, 1)
NO = Pair(0, 1)
_YES_WORDS = {"1", "co", "x", "dat", "yes"}
_NO_WORDS = {"0", "chua", "khong"}


def parse_yes_no(value: object, code: str = "") -> Pair:
    """A yes/no cell typed, pasted or read from Excel: "Có"/1/x → 1/1, "Chưa"/0 → 0/1, blank →
    empty; anything else is refused (the indicator counts schools, one tick each)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return EMPTY
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, int | float) and value in (0, 1):
        return YES if value == 1 else NO
    word = search_key(str(value)).strip()
    if word in _YES_WORDS:
        return YES
    if word in _NO_WORDS:
        return NO
    raise ValueRefused(
        f"Chỉ tiêu {code} ghi “Có” (hoặc 1) hay “Chưa” (hoặc 0) cho mỗi đơn vị; "
        f"“{str(value).strip()}” không hợp lệ."
    )


def yes_no_error(code: str, pair: Pair) -> str | None:
    """A yes/no indicator holds 1/1 (có), 0/1 (chưa) or nothing: 30/40 is refused."""
    if pair.empty or pair in (YES, NO):
        return None
    return (
        f"Chỉ tiêu {code} là có/chưa cho mỗi đơn vị: ghi 1 (có) hoặc 0 (chưa), mẫu số là 1 "
        f"(đã nhập {wording.count(pair.numerator, '')}/{wording.count(pair.denominator, '')})."
    )


def previous_period(year: int, quarter: int) -> tuple[int, int]:
    return periods.previous_period(year, quarter)


def format_percent(value: float | None) -> str:
    """A percent in the one voice (:func:`desktop.text.wording.percent`); None → ""."""
    return wording.percent(value, empty="")
