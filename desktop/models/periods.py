"""Quarters as the plan counts them (quý), and the one number a period is stored as.

A period is stored as ``year * 10 + quarter`` (20253 is quarter 3 of 2025): one integer column
orders and compares like the period itself, and reads as what it is in the database.
"""

from __future__ import annotations

import os
from datetime import date

QUARTERS = (1, 2, 3, 4)


def period_code(year: int, quarter: int) -> int:
    """(2025, 3) → 20253."""
    return year * 10 + quarter


def period_of_code(code: int) -> tuple[int, int]:
    """20253 → (2025, 3)."""
    return divmod(code, 10)


def quarter_of(day: date) -> tuple[int, int]:
    """The (year, quarter) a day falls in."""
    return day.year, (day.month - 1) // 3 + 1


def first_day(year: int, quarter: int) -> date:
    """The first day of a quarter: 1/1, 1/4, 1/7 or 1/10."""
    return date(year, 3 * (quarter - 1) + 1, 1)


def has_started(year: int, quarter: int, today: date) -> bool:
    return first_day(year, quarter) <= today


def next_period(year: int, quarter: int) -> tuple[int, int]:
    return (year, quarter + 1) if quarter < 4 else (year + 1, 1)


def previous_period(year: int, quarter: int) -> tuple[int, int]:
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


def quarter_text(code: int) -> str:
    """20253 → "quý 3/2025", as the clerk writes a period in a sentence."""
    year, quarter = period_of_code(code)
    return f"quý {quarter}/{year}"


def today() -> date:
    """Hôm nay, as the app dates a change of the register or a lock.

    ``THIDUA_TODAY`` (YYYY-MM-DD) stands in for the clock: the demo ward and the tests are dated
    so, and a clerk's machine never sets it.
    """
    override = os.environ.get("THIDUA_TODAY")
    if override:
        return date.fromisoformat(override)
    return date.today()
