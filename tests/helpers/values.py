"""What the database holds for one cell of the quarter grid, for tests to compare with."""

from __future__ import annotations

from sqlmodel import Session, select

from desktop.indicators.rules import Pair
from desktop.models import Indicator, QuarterValue, Unit
from desktop.storage import Database


def stored_pair(s: Session, unit_id: int, indicator_id: int, year: int, quarter: int) -> Pair | None:
    """The stored tử số / mẫu số of a cell, None when no row was written."""
    row = s.exec(
        select(QuarterValue).where(
            QuarterValue.unit_id == unit_id,
            QuarterValue.indicator_id == indicator_id,
            QuarterValue.year == year,
            QuarterValue.quarter == quarter,
        )
    ).first()
    return None if row is None else Pair(row.numerator, row.denominator)


def stored_pair_of(db: Database, unit: str, indicator: str, year: int, quarter: int) -> Pair | None:
    """The same, the unit and the indicator named by their codes."""
    with db.session() as s:
        unit_id = s.exec(select(Unit.id).where(Unit.code == unit)).one()
        indicator_id = s.exec(select(Indicator.id).where(Indicator.code == indicator)).one()
        return stored_pair(s, unit_id or 0, indicator_id or 0, year, quarter)
