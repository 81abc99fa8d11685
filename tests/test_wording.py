"""One voice: every figure the clerk reads is worded the same way wherever it is shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from desktop.text import wording as w


@dataclass
class Result:
    met: bool | None
    target: float | None
    reported_units: int = 9
    expected_units: int = 9


@pytest.mark.parametrize(
    ("met", "target", "reported", "said"),
    [
        (True, 80.0, 9, "Đạt"),
        (False, 80.0, 9, "Chưa đạt"),
        # No verdict on incomplete data: the result says how many units reported.
        (None, 80.0, 1, "Chưa đủ số liệu (1/9 đơn vị)"),
        (True, None, 9, "Không có chỉ tiêu"),
    ],
)
def test_the_verdict(met: bool | None, target: float | None, reported: int, said: str) -> None:
    assert w.verdict(Result(met, target, reported, 9)) == said


def test_a_verdict_without_units_expected_says_no_data() -> None:
    assert w.verdict(Result(None, 80.0, 0, 0)) == "Chưa đủ số liệu"


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


def test_excel_keeps_figures_as_numbers_in_the_one_voices_formats() -> None:
    # Excel's own percent: the fraction, under a format that shows one decimal and the % sign.
    assert w.excel_percent(85.3) == pytest.approx(0.853)
    assert w.excel_percent(None) is None  # an empty cell, not "0%"
    assert (w.EXCEL_PERCENT, w.EXCEL_POINTS, w.EXCEL_COUNT) == ("0.0%", '0.0 "điểm %"', "#,##0")


@pytest.mark.parametrize("value", [0.0, 4.9, 80.0, 85.25, 99.95, 100.0, 1234.5, -2.5])
def test_a_worded_percent_or_gap_reads_back_as_the_number_it_shows(value: float) -> None:
    shown = round(float(w.decimal(value).replace(".", "").replace(",", ".")), 1)
    number, number_format = w.excel_figure(w.percent(value)) or (None, "")
    assert number == pytest.approx(shown / 100) and number_format == w.EXCEL_PERCENT
    number, number_format = w.excel_figure(w.points(value)) or (None, "")
    assert number == pytest.approx(shown) and number_format == w.EXCEL_POINTS


@pytest.mark.parametrize("value", [0, 7, 999, 1000, 1234567, -1234])
def test_a_worded_count_reads_back_as_the_same_count(value: int) -> None:
    assert w.excel_figure(w.count(value)) == (value, w.EXCEL_COUNT)


@pytest.mark.parametrize(
    "text", ["Đạt", w.Verdict.NO_DATA.value, w.NO_FIGURE, "", "12/15", "2025", "01", "1.23", "85 %"]
)
def test_other_text_stays_text_in_excel(text: str) -> None:
    assert w.excel_figure(text) is None


@pytest.mark.parametrize(
    ("percent", "comparison", "carried", "said"),
    [
        (80.0, ">", None, "trên 80%"),
        (80.0, ">=", None, "từ 80% trở lên"),
        (100.0, "=", None, "100%"),
        (90.0, "=", None, "bằng 90%"),
        (100.0, "=", 2026, "100% (duy trì từ 2026)"),
        (None, ">=", None, "—"),
    ],
)
def test_a_target_reads_as_the_plan_words_it(
    percent: float | None, comparison: str, carried: int | None, said: str
) -> None:
    """Kế hoạch II.2: "Trên 80%", "80% trở lên", "100%" — the same words on screen, CLI and paper."""
    assert w.target(percent, comparison, carried) == said


def test_money_is_the_one_voice_of_every_bonus() -> None:
    from desktop.text import wording

    assert wording.money(2_340_000) == "2.340.000 đồng"
    assert wording.money(0) == "0 đồng"


def test_who_is_counted_names_only_what_there_is() -> None:
    assert w.nominees(2, 1) == "2 tập thể, 1 cá nhân"
    assert w.nominees(3, 2, " và ") == "3 tập thể và 2 cá nhân"
    assert w.nominees(1, 0) == "1 tập thể"
    assert w.nominees(0, 1_250) == "1.250 cá nhân"
    assert w.nominees(0, 0) == ""


def test_an_hour_on_a_form_and_in_a_biên_bản() -> None:
    from datetime import time

    assert w.clock(time(8, 5)) == "8:05"
    assert w.hours_text(time(14, 30)) == "14 giờ 30 phút"
    assert w.hours_text(time(8, 0)) == "8 giờ 00 phút"


def test_the_gap_to_a_target_reads_short_or_past() -> None:
    assert w.gap(4.5, behind=True) == "4,5 điểm %"
    assert w.gap(0.0, behind=True) == "0 điểm %"  # "trên 80%" met only at 80%
    assert w.gap(-1.5, behind=False) == "Vượt 1,5 điểm %"
    assert w.gap(-0.04, behind=False) == ""  # past by less than the one decimal shows
    assert w.gap(0.0, behind=False) == ""
    assert w.gap(None, behind=False) == ""
