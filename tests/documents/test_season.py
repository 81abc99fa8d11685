"""The report in season: the yearly report from November to January, else the quarter's."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.documents.season import InSeason, in_season, review_ahead


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 12, 2), InSeason("yearly", 2026, 3)),
        (date(2026, 11, 1), InSeason("yearly", 2026, 3)),
        (date(2027, 1, 31), InSeason("yearly", 2026, 4)),
        (date(2027, 2, 1), InSeason("report", 2026, 4)),
        (date(2027, 4, 20), InSeason("report", 2027, 1)),
        (date(2027, 10, 31), InSeason("report", 2027, 3)),
    ],
)
def test_the_report_in_season(today: date, expected: InSeason) -> None:
    assert in_season(today) == expected


def test_the_review_ahead_is_the_sơ_kết_until_its_year_ends() -> None:
    spans = [(2025, 2027), (2025, 2030)]
    assert review_ahead(spans, date(2027, 12, 31)) == 0
    assert review_ahead(spans, date(2028, 1, 1)) == 1
    assert review_ahead(spans, date(2031, 6, 1)) == 1
    assert review_ahead([], date(2026, 1, 1)) == 0
