"""One voice: every figure the clerk reads is worded the same way wherever it is shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from desktop.text import wording as w


@dataclass
class Result:
    percent: float | None
    target: float | None


@pytest.mark.parametrize(
    ("percent", "target", "said"),
    [
        (85.0, 80.0, "Đạt"),
        (80.0, 80.0, "Đạt"),
        (79.9, 80.0, "Chưa đạt"),
        (None, 80.0, "Chưa đủ số liệu"),
        (100.0, None, "Không có chỉ tiêu"),
    ],
)
def test_the_verdict(percent: float | None, target: float | None, said: str) -> None:
    assert w.verdict(Result(percent, target)) == said


def test_numbers_use_the_decimal_comma_and_the_thousands_dot() -> None:
    assert w.percent(85.25) == "85,3%"  # halves round up, not to even
    assert w.percent(80) == "80%"
    assert w.percent(None) == "—"
    assert w.percent(-0.04) == "0%"  # never "-0%"
    assert w.decimal(-1234.5) == "-1.234,5"
    assert w.percent(None, empty="") == ""
    assert w.count(1234567) == "1.234.567"
    assert w.decimal(12345.67) == "12.345,7"
    assert w.points(4.5) == "4,5 điểm %"


def test_sizes() -> None:
    assert w.size(900) == "900 byte"
    assert w.size(12 * 1024) == "12 KB"
    assert w.size(int(1.5 * 1024 * 1024)) == "1,5 MB"


def test_dates_follow_decree_30() -> None:
    assert w.long_date(date(2025, 7, 5)) == "ngày 05 tháng 7 năm 2025"
    assert w.long_date(date(2026, 2, 15)) == "ngày 15 tháng 02 năm 2026"
    assert w.long_date(date(2025, 12, 1)) == "ngày 01 tháng 12 năm 2025"
    assert w.short_date(date(2025, 2, 5)) == "05/02/2025"
    assert w.quarter(2, 2025) == "quý II năm 2025"
