"""Số liệu dùng để tính (the figures a result is made of): each expected unit's latest report.

The one place that decides which value of a unit stands in a result (Kế hoạch, mục II.2): for a
year, the unit's last reported quarter of the year; for a quarter, that quarter. Everything that
concludes — ward, unit kinds, units, the chart — reads its figures through here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Integer, and_, func, type_coerce
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from desktop.indicators.scope import YearScope, expected_in
from desktop.models import QuarterValue, Unit, UnitKind
from desktop.models.ids import IndicatorId, UnitId
from desktop.models.periods import QUARTERS, period_code
from desktop.text import sort_key


@dataclass(frozen=True)
class MissingUnit:
    """Đơn vị chưa báo cáo."""

    id: UnitId
    code: str
    name: str


def percent_of(numerator: int | None, denominator: int | None) -> float | None:
    """Numerator / denominator × 100, or None when the pair is not a valid report."""
    if numerator is None or denominator is None or denominator <= 0:
        return None
    return numerator / denominator * 100


def is_complete(reported: int, expected: int, threshold_percent: int) -> bool:
    """Đủ số liệu: the units that reported reach ``threshold_percent`` of those expected."""
    return expected > 0 and reported * 100 >= threshold_percent * expected


def reported() -> list[ColumnElement[bool]]:
    """The SQL condition of a usable report: a numerator and a positive denominator."""
    return [col(QuarterValue.numerator).is_not(None), col(QuarterValue.denominator) > 0]


def sum_of(column: object) -> ColumnElement[int]:
    return type_coerce(func.sum(column), Integer)


def expected_period(year: int, quarter: int | None) -> int:
    """The period whose units are expected: the quarter, or a year's fourth quarter."""
    return period_code(year, quarter or 4)


def latest_quarter(
    session: Session, year: int, quarter: int | None, indicator_id: IndicatorId
) -> int | None:
    """The quarter a figure starts from: the quarter asked for, or for a year the latest quarter in
    which any unit reported the indicator (None: nobody reported it that year)."""
    if quarter is not None:
        return quarter
    for q in reversed(QUARTERS):
        # EXISTS over the (year, quarter, indicator) index: stops at the first report found.
        found = session.exec(
            select(QuarterValue.id)
            .where(
                QuarterValue.year == year,
                QuarterValue.quarter == q,
                QuarterValue.indicator_id == indicator_id,
                *reported(),
            )
            .limit(1)
        ).first()
        if found is not None:
            return q
    return None


@dataclass
class Group:
    numerator: int = 0
    denominator: int = 0
    units: int = 0
    by_quarter: dict[int, int] = field(default_factory=dict)

    def add(self, quarter: int, numerator: int, denominator: int, units: int) -> None:
        self.numerator += numerator
        self.denominator += denominator
        self.units += units
        self.by_quarter[quarter] = self.by_quarter.get(quarter, 0) + units


@dataclass
class Latest:
    """Số liệu dùng để tính of one indicator in a period: the sums of each expected unit's latest
    report, by unit kind (or all kinds under None), and the expected units with none."""

    groups: dict[UnitKind | None, Group] = field(default_factory=dict)
    missing: tuple[MissingUnit, ...] = ()

    def group(self, kind: UnitKind | None) -> Group:
        return self.groups.setdefault(kind, Group())


def _expected_units(scope: YearScope, period: int) -> ColumnElement[bool]:
    return and_(expected_in(period), col(Unit.kind).in_(sorted(scope.kinds)))


def latest_reports(
    session: Session,
    year: int,
    quarter: int | None,
    scopes: Sequence[YearScope],
    *,
    by_kind: bool = False,
    name_missing: bool = True,
) -> dict[IndicatorId, Latest]:
    """Số liệu dùng để tính: per indicator, the sums of each expected unit's latest report.

    For a year (``quarter`` None) a unit's figure is its last reported quarter of the year: the
    plan's indicators count people who *have* a skill (Kế hoạch, mục II.2: "80% người dân … có kỹ
    năng số"), so a unit's latest figure stands for it, and the ward's figure is the sum over units
    of their latest figures — never the last quarter in which any unit reported, never a sum of
    quarters. For one quarter it is that quarter's values.

    Read the way most units report — every quarter: first the latest quarter anyone reported, in
    one pass of the period index per group of indicators; then, only for the units without a
    report in it, their own latest earlier report. Units expected but with no report at all are
    ``missing`` (named when ``name_missing``).
    """
    period = expected_period(year, quarter)
    starts = {s.indicator_id: latest_quarter(session, year, quarter, s.indicator_id) for s in scopes}
    figures = {s.indicator_id: Latest() for s in scopes}
    batches: dict[tuple[int, frozenset[UnitKind]], list[YearScope]] = defaultdict(list)
    for scope in scopes:
        start = starts[scope.indicator_id]
        if start is not None:
            batches[(start, scope.kinds)].append(scope)
    for (start, _kinds), batch in batches.items():
        for indicator_id, kind, n, d, units in _sums(session, year, start, period, batch, by_kind):
            figures[indicator_id].group(kind).add(start, n, d, units)
    expected = expected_by_kind(session, period)
    for scope in scopes:
        figure = figures[scope.indicator_id]
        wanted = sum(expected.get(kind, 0) for kind in scope.kinds)
        found = sum(g.units for g in figure.groups.values())
        if found >= wanted or (quarter is not None and not name_missing):
            continue
        start = starts[scope.indicator_id]
        lacking = _lacking(session, year, start, period, scope)
        earlier: dict[int, tuple[int, int, int]] = {}
        if quarter is None and start is not None and start > 1:
            earlier = _earlier_latest(
                session, year, start, scope.indicator_id, [u.id for u, _ in lacking]
            )
        for unit, kind in lacking:
            if unit.id in earlier:
                q, n, d = earlier[unit.id]
                figure.group(kind if by_kind else None).add(q, n, d, 1)
        figure.missing = tuple(
            sorted(
                (u for u, _ in lacking if u.id not in earlier),
                key=lambda u: (sort_key(u.name), u.code),
            )
        )
    return figures


def _sums(
    session: Session,
    year: int,
    quarter: int,
    period: int,
    scopes: list[YearScope],
    by_kind: bool,
) -> Iterable[tuple[IndicatorId, UnitKind | None, int, int, int]]:
    """(indicator, kind or None, Σ tử số, Σ mẫu số, units) of one quarter over the expected units
    of the scopes (which share their unit kinds).

    The ward's sums filter units by ``unit_id IN (SELECT …)`` rather than a join, which spares a
    lookup of the unit row for each of the tens of thousands of values and lets SQLite group in
    index order; the sums by kind need the unit's kind, hence the join.
    """
    indicator_ids = [s.indicator_id for s in scopes]
    condition: list[ColumnElement[bool]] = [
        col(QuarterValue.year) == year,
        col(QuarterValue.quarter) == quarter,
        col(QuarterValue.indicator_id).in_(indicator_ids),
        *reported(),
    ]
    if by_kind:
        # sqlmodel's select() is typed for at most four columns; Select() is what it builds.
        columns: Select[int, UnitKind, int, int, int] = Select(
            col(QuarterValue.indicator_id),
            col(Unit.kind),
            sum_of(QuarterValue.numerator),
            sum_of(QuarterValue.denominator),
            func.count(),
        )
        statement = (
            columns.join(Unit, col(Unit.id) == QuarterValue.unit_id)
            .where(*condition, _expected_units(scopes[0], period))
            .group_by(col(QuarterValue.indicator_id), col(Unit.kind))
        )
        for indicator_id, kind, n, d, units in session.exec(statement):
            yield IndicatorId(indicator_id), UnitKind(kind), int(n), int(d), int(units)
        return
    units_expected = select(Unit.id).where(_expected_units(scopes[0], period))
    ward = (
        select(
            QuarterValue.indicator_id,
            sum_of(QuarterValue.numerator),
            sum_of(QuarterValue.denominator),
            func.count(),
        )
        # "+ 0" keeps SQLite from probing the index unit by unit (the (year, indicator, unit)
        # index of 0004 would invite it): it scans the quarter's rows in period-index order.
        .where(*condition, (col(QuarterValue.unit_id) + 0).in_(units_expected))
        .group_by(col(QuarterValue.indicator_id))
    )
    for indicator_id, n, d, units in session.exec(ward):
        yield IndicatorId(indicator_id), None, int(n), int(d), int(units)


def _lacking(
    session: Session, year: int, quarter: int | None, period: int, scope: YearScope
) -> list[tuple[MissingUnit, UnitKind]]:
    """Expected units of the scope without a report in ``quarter`` (all of them when None).

    SQLite asks the (unit, indicator, year, quarter) key of each expected unit and returns only
    the few lacking; read through the connection, without the ORM's row handling.
    """
    statement = select(Unit.id, Unit.code, Unit.name, Unit.kind).where(
        expected_in(period), col(Unit.kind).in_(sorted(scope.kinds))
    )
    if quarter is not None:
        # EXISTS over an indexed column, not "SELECT *": SQLite answers from the index alone.
        report = select(QuarterValue.unit_id).where(
            col(QuarterValue.unit_id) == col(Unit.id),
            col(QuarterValue.indicator_id) == scope.indicator_id,
            col(QuarterValue.year) == year,
            col(QuarterValue.quarter) == quarter,
            *reported(),
        )
        statement = statement.where(~report.exists())
    return [
        (MissingUnit(UnitId(uid), code, name), UnitKind(kind))
        for uid, code, name, kind in session.connection().execute(statement)
    ]


def _earlier_latest(
    session: Session, year: int, before: int, indicator_id: int, unit_ids: Sequence[int]
) -> dict[int, tuple[int, int, int]]:
    """unit → (quarter, tử số, mẫu số) of its latest report of the year before quarter ``before``.

    SQLite gives the bare columns of a ``MAX()`` aggregate from the row holding the maximum, so one
    pass over the (year, indicator, unit, quarter) index finds each unit's latest row.
    """
    found: dict[int, tuple[int, int, int]] = {}
    for start in range(0, len(unit_ids), 500):
        statement = (
            select(
                QuarterValue.unit_id,
                func.max(QuarterValue.quarter),
                QuarterValue.numerator,
                QuarterValue.denominator,
            )
            .where(
                QuarterValue.year == year,
                QuarterValue.indicator_id == indicator_id,
                QuarterValue.quarter < before,
                col(QuarterValue.unit_id).in_(unit_ids[start : start + 500]),
                *reported(),
            )
            .group_by(col(QuarterValue.unit_id))
        )
        for uid, q, n, d in session.exec(statement):
            found[uid] = (int(q), int(n or 0), int(d or 0))
    return found


def expected_by_kind(session: Session, period: int) -> dict[UnitKind, int]:
    """Số đơn vị phải báo cáo trong kỳ, by unit kind."""
    rows = session.exec(
        select(Unit.kind, func.count()).where(expected_in(period)).group_by(col(Unit.kind))
    )
    return {UnitKind(kind): count for kind, count in rows}


def combine(groups: Iterable[Group], expected: int, yes_no: bool) -> tuple[int, int, int, dict[int, int]]:
    numerator = denominator = units = 0
    as_of: dict[int, int] = {}
    for group in groups:
        numerator += group.numerator
        denominator += group.denominator
        units += group.units
        for q, n in group.by_quarter.items():
            as_of[q] = as_of.get(q, 0) + n
    if yes_no:
        denominator = expected  # trường có / trường phải báo cáo
    return numerator, denominator, units, as_of


def latest_values(
    session: Session,
    year: int,
    quarter: int | None,
    scopes: Sequence[YearScope],
    units: Sequence[tuple[int, UnitKind]],
) -> dict[tuple[int, int], tuple[int, int, int]]:
    """(unit, indicator) → (quarter, tử số, mẫu số) of each unit's latest report, read as
    :func:`latest_reports` reads its sums: the latest quarter anyone reported, then each unit
    without a report there from its own earlier quarters."""
    wanted = {uid for uid, _ in units}
    values: dict[tuple[int, int], tuple[int, int, int]] = {}
    for scope in scopes:
        start = latest_quarter(session, year, quarter, scope.indicator_id)
        if start is None:
            continue
        statement = select(
            QuarterValue.unit_id, QuarterValue.numerator, QuarterValue.denominator
        ).where(
            QuarterValue.year == year,
            QuarterValue.quarter == start,
            QuarterValue.indicator_id == scope.indicator_id,
            *reported(),
        )
        if len(wanted) == 1:
            statement = statement.where(QuarterValue.unit_id == next(iter(wanted)))
        for uid, n, d in session.exec(statement):
            if uid in wanted:
                values[(uid, scope.indicator_id)] = (start, int(n or 0), int(d or 0))
        if quarter is not None or start == 1:
            continue
        lacking = [
            uid
            for uid, kind in units
            if kind in scope.kinds and (uid, scope.indicator_id) not in values
        ]
        for uid, found in _earlier_latest(
            session, year, start, scope.indicator_id, lacking
        ).items():
            values[(uid, scope.indicator_id)] = found
    return values


