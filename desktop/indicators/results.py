"""Ward results (kết quả thực hiện chỉ tiêu): where the ward stands on each indicator of the plan.

The plan's indicators are stocks — people who *have* digital skills, schools that *do* teach them
(Kế hoạch, mục II.2: "80% người dân … có kỹ năng số") — so:

* the figure of a year is, per unit, its latest value reported in that year, summed over units
  (Σ tử số / Σ mẫu số, weighted by population); each part says as of which quarter it is
  (:func:`latest_reports` is the one place that says so);
* the figure of a quarter is the values of that quarter;
* a unit "reported" when it gave a numerator and a denominator > 0;
* the units expected are those whose kind the year's target covers (:mod:`.scope`) and that report
  in the period (a year: its fourth quarter) by their reporting periods;
* a verdict "Đạt"/"Chưa đạt" is given only on complete data — when the units that reported reach
  the share of those expected set in Cài đặt (100 % unless changed); otherwise the result says
  "Chưa đủ số liệu (k/n đơn vị)" and names the units missing;
* a yes/no indicator (TRUONGKNS) counts the units with "có" out of the units expected.

Aggregation runs in SQL (GROUP BY indicator, unit kind and quarter) so a ward of thousands of units
answers in milliseconds; only those few groups are combined in Python.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Integer, and_, exists, func, type_coerce
from sqlmodel import Session, col, select

from desktop.indicators.rules import ValueRefused
from desktop.indicators.scope import (
    YearScope,
    check_plan_period,
    expected_in,
    meets,
    year_scopes,
)
from desktop.models import Comparison, Indicator, QuarterValue, Unit, UnitKind
from desktop.models.ids import IndicatorId, UnitId, saved_id
from desktop.models.periods import QUARTERS, period_code
from desktop.settings import load_settings
from desktop.text import sort_key

__all__ = ["QUARTERS"]


@dataclass(frozen=True)
class MissingUnit:
    """Đơn vị chưa báo cáo."""

    id: UnitId
    code: str
    name: str


class AgainstTarget:
    """What every result compares: its figure against the year's ``target`` (in %).

    Mixed into the result dataclasses, which give the fields. ``met`` is None — no verdict — when
    there is no target, no figure, or the data is not complete.
    """

    numerator: int | None
    denominator: int | None
    percent: float | None
    target: float | None
    comparison: Comparison
    complete: bool
    reported_units: int
    expected_units: int

    @property
    def met(self) -> bool | None:
        """Đạt chỉ tiêu? None when there is no target, no figure or not enough data to judge."""
        if self.target is None or not self.complete or not self.denominator:
            return None
        return meets(self.numerator or 0, self.denominator, self.target, self.comparison)

    @property
    def gap(self) -> float | None:
        """Target − percent in points: > 0 means behind the target."""
        if self.target is None or self.percent is None:
            return None
        return self.target - self.percent

    @property
    def behind(self) -> bool:
        """A figure short of the target, whether or not the data is complete (for naming units)."""
        if self.target is None or not self.denominator or self.percent is None:
            return False
        return not meets(self.numerator or 0, self.denominator, self.target, self.comparison)


@dataclass(frozen=True)
class IndicatorResult(AgainstTarget):
    """Kết quả toàn phường của một chỉ tiêu trong một quý hoặc một năm."""

    indicator_id: IndicatorId
    code: str
    name: str
    year: int
    quarter: int | None  # the latest quarter in the figure; None when nothing was reported
    numerator: int
    denominator: int
    percent: float | None  # Σ numerators / Σ denominators × 100
    target: float | None  # the year's target percent; None when the year has no target
    reported_units: int
    expected_units: int
    comparison: Comparison = Comparison.AT_LEAST
    complete: bool = False
    carried_over: bool = False  # the target is "duy trì" from the plan's last year
    missing_units: tuple[MissingUnit, ...] = ()
    as_of: tuple[tuple[int, int], ...] = ()  # (quarter, units) of the parts of a year's figure
    kinds: tuple[UnitKind, ...] = ()
    yes_no: bool = False

    @property
    def completeness(self) -> float | None:
        """Share of expected units that reported, in percent (tỷ lệ đơn vị đã báo cáo)."""
        if self.expected_units == 0:
            return None
        return self.reported_units / self.expected_units * 100


@dataclass(frozen=True)
class UnitResult(AgainstTarget):
    """Kết quả của một đơn vị cho một chỉ tiêu; numbers are None when the unit has not reported."""

    unit_id: UnitId
    unit_code: str
    unit_name: str
    unit_kind: UnitKind
    indicator_id: IndicatorId
    indicator_code: str
    year: int
    quarter: int | None  # the quarter its value is of
    numerator: int | None
    denominator: int | None
    percent: float | None
    target: float | None
    comparison: Comparison = Comparison.AT_LEAST

    @property
    def reported(self) -> bool:
        return self.percent is not None

    @property
    def complete(self) -> bool:  # type: ignore[override]
        return self.reported

    @property
    def reported_units(self) -> int:  # type: ignore[override]
        return 1 if self.reported else 0

    @property
    def expected_units(self) -> int:  # type: ignore[override]
        return 1


@dataclass(frozen=True)
class KindResult(AgainstTarget):
    """Kết quả theo loại đơn vị: one indicator over the units of one kind."""

    indicator_id: IndicatorId
    code: str
    unit_kind: UnitKind
    year: int
    quarter: int | None
    numerator: int
    denominator: int
    percent: float | None
    target: float | None
    reported_units: int
    expected_units: int
    comparison: Comparison = Comparison.AT_LEAST
    complete: bool = False


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


def _sum(column: object) -> ColumnElement[int]:
    return type_coerce(func.sum(column), Integer)


def quarters_of(quarter: int | None) -> tuple[int, int]:
    """The quarters a figure reads: one quarter, or the whole year."""
    return (quarter, quarter) if quarter is not None else (1, 4)


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
class _Group:
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

    groups: dict[UnitKind | None, _Group] = field(default_factory=dict)
    missing: tuple[MissingUnit, ...] = ()

    def group(self, kind: UnitKind | None) -> _Group:
        return self.groups.setdefault(kind, _Group())


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
    condition = [
        QuarterValue.year == year,
        QuarterValue.quarter == quarter,
        col(QuarterValue.indicator_id).in_(indicator_ids),
        *reported(),
    ]
    if by_kind:
        statement = (
            select(
                QuarterValue.indicator_id,
                Unit.kind,
                _sum(QuarterValue.numerator),
                _sum(QuarterValue.denominator),
                func.count(),
            )
            .join(Unit, col(Unit.id) == QuarterValue.unit_id)
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
            _sum(QuarterValue.numerator),
            _sum(QuarterValue.denominator),
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
    """Expected units of the scope without a report in ``quarter`` (all of them when None)."""
    statement = select(Unit.id, Unit.code, Unit.name, Unit.kind).where(
        _expected_units(scope, period)
    )
    if quarter is not None:
        statement = statement.where(
            ~exists().where(
                QuarterValue.unit_id == Unit.id,
                QuarterValue.indicator_id == scope.indicator_id,
                QuarterValue.year == year,
                QuarterValue.quarter == quarter,
                *reported(),
            )
        )
    return [
        (MissingUnit(UnitId(saved_id(uid)), code, name), UnitKind(kind))
        for uid, code, name, kind in session.exec(statement)
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
            found[uid] = (int(q), int(n), int(d))
    return found


def expected_by_kind(session: Session, period: int) -> dict[UnitKind, int]:
    """Số đơn vị phải báo cáo trong kỳ, by unit kind."""
    rows = session.exec(
        select(Unit.kind, func.count()).where(expected_in(period)).group_by(col(Unit.kind))
    )
    return {UnitKind(kind): count for kind, count in rows}


def _combine(groups: Iterable[_Group], expected: int, yes_no: bool) -> tuple[int, int, int, dict[int, int]]:
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


def ward_results(
    session: Session, year: int, quarter: int | None = None, *, name_missing: bool = True
) -> list[IndicatorResult]:
    """Kết quả toàn phường, one row per active indicator in catalogue order.

    ``quarter`` None gives the year's figure (each unit's latest report of the year). The units
    missing are named unless ``name_missing`` is False (then only counted).
    """
    check_plan_period(session, year, quarter)
    scopes = year_scopes(session, year)
    figures = latest_reports(session, year, quarter, scopes, name_missing=name_missing)
    expected_kinds = expected_by_kind(session, expected_period(year, quarter))
    threshold = load_settings(session).complete_threshold_percent
    results = []
    for scope in scopes:
        expected = sum(expected_kinds.get(kind, 0) for kind in scope.kinds)
        figure = figures[scope.indicator_id]
        numerator, denominator, units, as_of = _combine(
            figure.groups.values(), expected, scope.yes_no
        )
        missing = figure.missing if name_missing else ()
        target = scope.target
        results.append(
            IndicatorResult(
                indicator_id=scope.indicator_id,
                code=scope.code,
                name=scope.name,
                year=year,
                quarter=max(as_of) if as_of else None,
                numerator=numerator,
                denominator=denominator,
                percent=percent_of(numerator, denominator),
                target=None if target is None else target.percent,
                reported_units=units,
                expected_units=expected,
                comparison=Comparison.AT_LEAST if target is None else target.comparison,
                complete=is_complete(units, expected, threshold),
                carried_over=target is not None and target.carried_over,
                missing_units=missing,
                as_of=tuple(sorted(as_of.items(), reverse=True)),
                kinds=tuple(k for k in UnitKind if k in scope.kinds),
                yes_no=scope.yes_no,
            )
        )
    return results


def results_by_kind(session: Session, year: int, quarter: int | None = None) -> list[KindResult]:
    """Kết quả theo loại đơn vị: for every indicator, one row per unit kind the year covers."""
    check_plan_period(session, year, quarter)
    scopes = year_scopes(session, year)
    figures = latest_reports(session, year, quarter, scopes, by_kind=True, name_missing=False)
    expected_kinds = expected_by_kind(session, expected_period(year, quarter))
    threshold = load_settings(session).complete_threshold_percent
    results = []
    for scope in scopes:
        target = scope.target
        for kind in (k for k in UnitKind if k in scope.kinds):
            expected = expected_kinds.get(kind, 0)
            group = figures[scope.indicator_id].groups.get(kind, _Group())
            numerator, denominator, units, as_of = _combine([group], expected, scope.yes_no)
            results.append(
                KindResult(
                    indicator_id=scope.indicator_id,
                    code=scope.code,
                    unit_kind=kind,
                    year=year,
                    quarter=max(as_of) if as_of else None,
                    numerator=numerator,
                    denominator=denominator,
                    percent=percent_of(numerator, denominator),
                    target=None if target is None else target.percent,
                    reported_units=units,
                    expected_units=expected,
                    comparison=Comparison.AT_LEAST if target is None else target.comparison,
                    complete=is_complete(units, expected, threshold),
                )
            )
    return results


def unit_results(
    session: Session,
    year: int,
    quarter: int | None = None,
    *,
    unit_id: int | None = None,
    indicator_id: int | None = None,
) -> list[UnitResult]:
    """Each expected unit's figure per indicator (None numbers for units that did not report).

    The figures are those :func:`ward_results` sums, so the units' rows add up to the ward's
    figure. Ordered by indicator, then unit name (Vietnamese order).
    """
    check_plan_period(session, year, quarter)
    scopes = [
        s for s in year_scopes(session, year) if indicator_id is None or s.indicator_id == indicator_id
    ]
    unit_statement = select(Unit.id, Unit.code, Unit.name, Unit.kind).where(
        expected_in(expected_period(year, quarter))
    )
    if unit_id is not None:
        unit_statement = unit_statement.where(Unit.id == unit_id)
    units = sorted(session.exec(unit_statement).all(), key=lambda u: sort_key(u[2]))
    values = _latest_values(
        session, year, quarter, scopes, [(saved_id(u[0]), UnitKind(u[3])) for u in units]
    )
    results = []
    for scope in scopes:
        target = scope.target
        for uid, code, name, kind in units:
            if UnitKind(kind) not in scope.kinds:
                continue
            q, numerator, denominator = values.get((saved_id(uid), scope.indicator_id), (None, None, None))
            results.append(
                UnitResult(
                    unit_id=UnitId(saved_id(uid)),
                    unit_code=code,
                    unit_name=name,
                    unit_kind=UnitKind(kind),
                    indicator_id=scope.indicator_id,
                    indicator_code=scope.code,
                    year=year,
                    quarter=q,
                    numerator=numerator,
                    denominator=denominator,
                    percent=percent_of(numerator, denominator),
                    target=None if target is None else target.percent,
                    comparison=Comparison.AT_LEAST if target is None else target.comparison,
                )
            )
    return results


def _latest_values(
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


def lagging_units(
    session: Session, year: int, quarter: int | None, indicator_id: IndicatorId
) -> list[UnitResult]:
    """Đơn vị chưa đạt: reporting units whose own figure falls short of the year's target, the
    largest gap first. Units that did not report are in :func:`missing_units` instead; units whose
    kind the year's target does not cover are in neither."""
    return unit_standing(session, year, quarter, indicator_id)[0]


def missing_units(
    session: Session, year: int, quarter: int | None, indicator_id: IndicatorId
) -> list[UnitResult]:
    """Đơn vị chưa báo cáo: expected units with no usable report for the indicator."""
    return unit_standing(session, year, quarter, indicator_id)[1]


def behind_first(rows: Iterable[UnitResult]) -> list[UnitResult]:
    """The rows short of their target, the largest gap first, then by name."""
    behind = [r for r in rows if r.behind]
    return sorted(behind, key=lambda r: (-(r.gap or 0.0), sort_key(r.unit_name)))


def unit_standing(
    session: Session, year: int, quarter: int | None, indicator_id: IndicatorId
) -> tuple[list[UnitResult], list[UnitResult]]:
    """(lagging units sorted by the gap, units that did not report) from one read of the units."""
    rows = unit_results(session, year, quarter, indicator_id=indicator_id)
    return behind_first(rows), [r for r in rows if not r.reported]


@dataclass(frozen=True)
class SeriesPoint:
    """One quarter of an indicator's line in the chart."""

    year: int
    quarter: int
    percent: float | None
    target: float | None
    reported_units: int
    expected_units: int
    complete: bool


def indicator_series(
    session: Session, indicator_id: IndicatorId, first_year: int, last_year: int
) -> list[SeriesPoint]:
    """Every quarter of the years, each with its own values and coverage — for the chart, which
    marks incomplete quarters and never joins its line across a quarter without figures."""
    indicator = session.get(Indicator, indicator_id)
    if indicator is None:
        raise ValueRefused("Không tìm thấy chỉ tiêu.")
    scopes = {
        year: next(s for s in year_scopes(session, year) if s.indicator_id == indicator_id)
        for year in range(first_year, last_year + 1)
    } if indicator.active else {}
    if not scopes:
        return []
    period = QuarterValue.year * 10 + QuarterValue.quarter
    statement = (
        select(
            QuarterValue.year,
            QuarterValue.quarter,
            Unit.kind,
            _sum(QuarterValue.numerator),
            _sum(QuarterValue.denominator),
            func.count(),
        )
        .join(Unit, col(Unit.id) == QuarterValue.unit_id)
        .where(
            QuarterValue.indicator_id == indicator_id,
            col(QuarterValue.year).between(first_year, last_year),
            col(Unit.reports_from) <= period,
            (col(Unit.stopped_from).is_(None)) | (col(Unit.stopped_from) > period),
            *reported(),
        )
        .group_by(col(QuarterValue.year), col(QuarterValue.quarter), col(Unit.kind))
    )
    sums: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0, 0])
    for y, q, kind, n, d, c in session.exec(statement):
        if UnitKind(kind) in scopes[y].kinds:
            total = sums[(y, q)]
            total[0] += int(n)
            total[1] += int(d)
            total[2] += int(c)
    units = session.exec(select(Unit.kind, Unit.reports_from, Unit.stopped_from)).all()
    threshold = load_settings(session).complete_threshold_percent
    points = []
    for year in range(first_year, last_year + 1):
        scope = scopes[year]
        for quarter in QUARTERS:
            code = period_code(year, quarter)
            expected = sum(
                1
                for kind, start, stop in units
                if UnitKind(kind) in scope.kinds and start <= code and (stop is None or code < stop)
            )
            n, d, c = sums.get((year, quarter), [0, 0, 0])
            if scope.yes_no:
                d = expected
            points.append(
                SeriesPoint(
                    year,
                    quarter,
                    percent_of(n, d) if c else None,
                    None if scope.target is None else scope.target.percent,
                    c,
                    expected,
                    is_complete(c, expected, threshold),
                )
            )
    return points


def active_indicators(session: Session) -> list[Indicator]:
    statement = select(Indicator).where(col(Indicator.active).is_(True))
    return list(session.exec(statement.order_by(col(Indicator.ordinal), col(Indicator.id))))


def id_of(indicator: Indicator) -> IndicatorId:
    """The id of a stored indicator."""
    return IndicatorId(saved_id(indicator.id))
