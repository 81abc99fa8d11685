"""Totals of the activities (tổng hợp hoạt động): by kind, organising unit, quarter or year.

The yearly report, the sơ kết and tổng kết reports, the Phong trào page and ``activities list
--totals`` all read their figures here, so that every place says the same numbers. Each call is
one SQL pass over the activities of the years asked.

A participant count that was not given counts as 0 in the sums and is counted in ``unknown``, so
a reader can say "x hoạt động chưa có số người tham gia" instead of hiding it. An activity
organised by several units counts once for each of them in the ``"unit"`` grouping (the rows then
add up to more than the grand total) and once in every other grouping; one organised by no unit
counts in the row :data:`WARD_ITSELF`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import Integer, case, cast, func
from sqlmodel import col, select

from desktop.models import Activity, ActivityKind, ActivityUnit, Unit
from desktop.text import normal, wording

if TYPE_CHECKING:
    from sqlalchemy.sql.elements import ColumnElement
    from sqlmodel import Session

Grouping = Literal["kind", "unit", "quarter", "year"]
GROUPINGS: tuple[Grouping, ...] = ("kind", "unit", "quarter", "year")
WARD_ITSELF = "UBND phường"  # the row of the activities no unit organised
GRAND_TOTAL = "Tổng cộng"


@dataclass(frozen=True)
class ActivityTotals:
    """One row of totals.

    ``key`` says what the row is of: the kind's label, the unit's name, "Quý I/2025", "2025".
    ``participants`` is Σ participants with an unknown count taken as 0 (see ``unknown``, the
    number of activities whose participant count was not given).
    """

    key: str
    activities: int
    participants: int
    officials: int
    students: int
    residents: int
    workers: int
    unknown: int


def quarter_key(quarter: int, year: int) -> str:
    """ "Quý I/2025": the key of a quarter's row."""
    return f"Quý {wording.ROMAN[quarter]}/{year}"


def _bounds(first_year: int, last_year: int) -> tuple[date, date]:
    return date(first_year, 1, 1), date(last_year, 12, 31)


def _sums() -> list[ColumnElement[int]]:
    """The aggregate columns of a row, in the order of :class:`ActivityTotals` after ``key``."""

    def total(column: Any) -> ColumnElement[int]:
        return func.coalesce(func.sum(func.coalesce(column, 0)), 0)

    return [
        func.count(col(Activity.id)),
        total(Activity.participants),
        total(Activity.officials),
        total(Activity.students),
        total(Activity.residents),
        total(Activity.workers),
        func.coalesce(func.sum(case((col(Activity.participants).is_(None), 1), else_=0)), 0),
    ]


def _all(session: Session, statement: Any) -> Sequence[Sequence[Any]]:
    """The rows of an aggregate query (their columns vary with the grouping, hence Any)."""
    return session.exec(statement).all()


def _row(key: str, figures: Sequence[Any]) -> ActivityTotals:
    n, people, officials, students, residents, workers, unknown = (int(x) for x in figures)
    return ActivityTotals(key, n, people, officials, students, residents, workers, unknown)


def activity_totals(
    session: Session, first_year: int, last_year: int, by: Grouping
) -> list[ActivityTotals]:
    """One row per kind, unit, quarter or year that has activities in ``first_year..last_year``.

    Rows come in the reader's order: kinds as :class:`ActivityKind` lists them; :data:`WARD_ITSELF`
    first, then the units by their Vietnamese alphabetical name; quarters and years in time.
    """
    start, end = _bounds(first_year, last_year)
    in_years = col(Activity.held_on).between(start, end)
    if by == "unit":
        return _by_unit(session, in_years)
    if by == "kind":
        rows = _all(
            session,
            select(col(Activity.kind), *_sums()).where(in_years).group_by(col(Activity.kind)),
        )
        found = {ActivityKind(kind): list(rest) for kind, *rest in rows}
        return [_row(kind.label, found[kind]) for kind in ActivityKind if kind in found]
    # The date is stored as ISO text, so its year and month are read by strftime in the query.
    year = cast(func.strftime("%Y", col(Activity.held_on)), Integer)
    if by == "year":
        rows = _all(session, select(year, *_sums()).where(in_years).group_by(year).order_by(year))
        return [_row(str(y), rest) for y, *rest in rows]
    if by == "quarter":
        month = cast(func.strftime("%m", col(Activity.held_on)), Integer)
        quarter = (month + 2) // 3
        rows = _all(
            session,
            select(year, quarter, *_sums())
            .where(in_years)
            .group_by(year, quarter)
            .order_by(year, quarter),
        )
        return [_row(quarter_key(int(q), int(y)), rest) for y, q, *rest in rows]
    raise ValueError(f"unknown grouping {by!r}")


def _by_unit(session: Session, in_years: ColumnElement[bool]) -> list[ActivityTotals]:
    rows = _all(
        session,
        select(col(Unit.name), *_sums())
        .select_from(Activity)
        .join(ActivityUnit, col(ActivityUnit.activity_id) == col(Activity.id), isouter=True)
        .join(Unit, col(Unit.id) == col(ActivityUnit.unit_id), isouter=True)
        .where(in_years)
        .group_by(col(Unit.id)),
    )
    ward = [_row(WARD_ITSELF, rest) for name, *rest in rows if name is None]
    units = sorted(
        (_row(name, rest) for name, *rest in rows if name is not None),
        key=lambda r: normal.sort_key(r.key),
    )
    return ward + units


def activity_grand_total(session: Session, first_year: int, last_year: int) -> ActivityTotals:
    """All the activities of ``first_year..last_year`` in one row, keyed :data:`GRAND_TOTAL`."""
    start, end = _bounds(first_year, last_year)
    (figures,) = _all(session, select(*_sums()).where(col(Activity.held_on).between(start, end)))
    return _row(GRAND_TOTAL, figures)


def activities_in(session: Session, first_year: int, last_year: int) -> list[Activity]:
    """The activities held in ``first_year..last_year``, by date (then in the order typed)."""
    start, end = _bounds(first_year, last_year)
    return list(
        session.exec(
            select(Activity)
            .where(col(Activity.held_on).between(start, end))
            .order_by(col(Activity.held_on), col(Activity.id))
        ).all()
    )
