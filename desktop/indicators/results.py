"""Ward results (kết quả thực hiện chỉ tiêu): where the ward stands on each indicator of the plan.

The indicators are levels at a point in time (a share of a population), so:

* the ward value of an indicator in a quarter is Σ numerators / Σ denominators over the units that
  reported it — weighted by population, never the mean of the units' percentages;
* the result of a year is the value of its last reported quarter, not a sum of quarters;
* a unit "reported" a quarter when it gave both a numerator and a denominator > 0; units without
  data are left out of the ratio but counted in completeness (đơn vị đã báo cáo / phải báo cáo);
* expected units are the active units whose kind reports the indicator (``Indicator.unit_kinds``).

Aggregation runs in SQL (GROUP BY indicator and unit kind) so a ward of thousands of units answers
in milliseconds; only the small per-kind groups are combined in Python.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Integer, func, type_coerce
from sqlalchemy.sql.elements import TypeCoerce
from sqlmodel import Session, col, select

from desktop.indicators.rules import ValueRefused
from desktop.models import Indicator, IndicatorTarget, QuarterValue, Unit, UnitKind
from desktop.models._base import stored_id
from desktop.models.ids import IndicatorId, UnitId, saved_id
from desktop.text import sort_key

QUARTERS = (1, 2, 3, 4)


class AgainstTarget:
    """What every result compares: its ``percent`` against the year's ``target`` (both in %).

    Mixed into the result dataclasses, which give the two fields.
    """

    percent: float | None
    target: float | None

    @property
    def met(self) -> bool | None:
        """Đạt chỉ tiêu? None when there is no target or no figure to judge."""
        if self.target is None or self.percent is None:
            return None
        return self.percent >= self.target

    @property
    def gap(self) -> float | None:
        """Target − percent in points: > 0 means behind the target."""
        if self.target is None or self.percent is None:
            return None
        return self.target - self.percent


@dataclass(frozen=True)
class IndicatorResult(AgainstTarget):
    """Kết quả toàn phường của một chỉ tiêu trong một quý (or a year: its last reported quarter)."""

    indicator_id: IndicatorId
    code: str
    name: str
    year: int
    quarter: int | None  # the quarter used; None when nothing was reported that year
    numerator: int
    denominator: int
    percent: float | None  # Σ numerators / Σ denominators × 100
    target: float | None  # the year's target percent; None when the year has no target
    reported_units: int
    expected_units: int

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
    quarter: int | None
    numerator: int | None
    denominator: int | None
    percent: float | None
    target: float | None

    @property
    def reported(self) -> bool:
        return self.percent is not None


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


def percent_of(numerator: int | None, denominator: int | None) -> float | None:
    """Numerator / denominator × 100, or None when the pair is not a valid report."""
    if numerator is None or denominator is None or denominator <= 0:
        return None
    return numerator / denominator * 100


def _reported() -> list[ColumnElement[bool]]:
    """The SQL condition of a usable report: a numerator and a positive denominator."""
    return [col(QuarterValue.numerator).is_not(None), col(QuarterValue.denominator) > 0]


def _reported_sum(column: int | None) -> TypeCoerce[int]:
    """SUM of a column over rows kept by :func:`_reported`: never NULL, as every row has a value."""
    return type_coerce(func.sum(column), Integer)


def active_indicators(session: Session) -> list[Indicator]:
    statement = select(Indicator).where(col(Indicator.active).is_(True))
    return list(session.exec(statement.order_by(col(Indicator.ordinal), col(Indicator.id))))


def id_of(indicator: Indicator) -> IndicatorId:
    """The id of a stored indicator."""
    return IndicatorId(saved_id(indicator.id))


def targets_for_year(session: Session, year: int) -> dict[int, float]:
    """Chỉ tiêu năm: indicator id → target percent for ``year``."""
    rows = session.exec(
        select(IndicatorTarget.indicator_id, IndicatorTarget.target_percent).where(
            IndicatorTarget.year == year
        )
    )
    return {indicator_id: target for indicator_id, target in rows}


def active_units_by_kind(session: Session) -> dict[UnitKind, int]:
    rows = session.exec(
        select(Unit.kind, func.count()).where(col(Unit.active).is_(True)).group_by(Unit.kind)
    )
    return {UnitKind(kind): count for kind, count in rows}


def last_reported_quarter(session: Session, year: int, indicator_id: IndicatorId) -> int | None:
    """The latest quarter of ``year`` in which any unit reported the indicator."""
    for quarter in reversed(QUARTERS):
        # EXISTS over the (year, quarter, indicator) index: stops at the first report found.
        found = session.exec(
            select(QuarterValue.id)
            .where(
                QuarterValue.year == year,
                QuarterValue.quarter == quarter,
                QuarterValue.indicator_id == indicator_id,
                *_reported(),
            )
            .limit(1)
        ).first()
        if found is not None:
            return quarter
    return None


def _quarters_used(
    session: Session, year: int, quarter: int | None, indicators: Iterable[Indicator]
) -> dict[IndicatorId, int | None]:
    if quarter is not None:
        _check_period(year, quarter)
        return {id_of(i): quarter for i in indicators}
    return {
        id_of(i): last_reported_quarter(session, year, id_of(i)) for i in indicators
    }


def _check_period(year: int, quarter: int | None) -> None:
    if quarter is not None and quarter not in QUARTERS:
        raise ValueRefused(f"Quý phải từ 1 đến 4 (đã nhập {quarter}).")
    if not 2000 <= year <= 2100:
        raise ValueRefused(f"Năm {year} không hợp lệ.")


def _indicator_kinds(indicator: Indicator) -> list[UnitKind]:
    return [UnitKind(k) for k in indicator.unit_kind_list if k in UnitKind._value2member_map_]


def _sum(
    session: Session, year: int, quarter: int, indicator_ids: list[int], kinds: Iterable[UnitKind]
) -> dict[int, tuple[int, int, int]]:
    """(Σ numerator, Σ denominator, units reported) per indicator over the active units of ``kinds``.

    The units are filtered by ``unit_id IN (SELECT …)`` rather than a join, which spares a lookup of
    the unit row for each of the tens of thousands of values and lets SQLite group in index order.
    """
    units = select(Unit.id).where(col(Unit.active).is_(True), col(Unit.kind).in_(sorted(kinds)))
    statement = (
        select(
            QuarterValue.indicator_id,
            _reported_sum(QuarterValue.numerator),
            _reported_sum(QuarterValue.denominator),
            func.count(),
        )
        .where(
            QuarterValue.year == year,
            QuarterValue.quarter == quarter,
            col(QuarterValue.indicator_id).in_(indicator_ids),
            col(QuarterValue.unit_id).in_(units),
            *_reported(),
        )
        .group_by(col(QuarterValue.indicator_id))
    )
    return {
        indicator_id: (int(numerator), int(denominator), int(count))
        for indicator_id, numerator, denominator, count in session.exec(statement)
    }


def _sums_by_indicator(
    session: Session,
    year: int,
    quarters: dict[IndicatorId, int | None],
    indicators: list[Indicator],
) -> dict[int, tuple[int, int, int]]:
    """Ward sums per indicator; indicators sharing their quarter and kinds go in one query."""
    batches: dict[tuple[int, frozenset[UnitKind]], list[int]] = defaultdict(list)
    for indicator in indicators:
        quarter = quarters[id_of(indicator)]
        if quarter is not None:
            batches[(quarter, frozenset(_indicator_kinds(indicator)))].append(
                id_of(indicator)
            )
    sums: dict[int, tuple[int, int, int]] = {}
    for (quarter, kinds), indicator_ids in batches.items():
        sums.update(_sum(session, year, quarter, indicator_ids, kinds))
    return sums


def _sums_by_kind(
    session: Session,
    year: int,
    quarters: dict[IndicatorId, int | None],
    indicators: list[Indicator],
) -> dict[tuple[int, UnitKind], tuple[int, int, int]]:
    """Sums per (indicator, unit kind): one query per kind and quarter."""
    batches: dict[tuple[int, UnitKind], list[int]] = defaultdict(list)
    for indicator in indicators:
        quarter = quarters[id_of(indicator)]
        if quarter is not None:
            for kind in _indicator_kinds(indicator):
                batches[(quarter, kind)].append(id_of(indicator))
    sums: dict[tuple[int, UnitKind], tuple[int, int, int]] = {}
    for (quarter, kind), indicator_ids in batches.items():
        for indicator_id, values in _sum(session, year, quarter, indicator_ids, [kind]).items():
            sums[(indicator_id, kind)] = values
    return sums


def ward_results(session: Session, year: int, quarter: int | None = None) -> list[IndicatorResult]:
    """Kết quả toàn phường, one row per active indicator in catalogue order.

    ``quarter`` None gives the year's result: each indicator's last reported quarter.
    """
    _check_period(year, quarter)
    indicators = active_indicators(session)
    quarters = _quarters_used(session, year, quarter, indicators)
    sums = _sums_by_indicator(session, year, quarters, indicators)
    targets = targets_for_year(session, year)
    units = active_units_by_kind(session)
    results = []
    for indicator in indicators:
        iid = id_of(indicator)
        numerator, denominator, reported = sums.get(iid, (0, 0, 0))
        expected = sum(units.get(kind, 0) for kind in _indicator_kinds(indicator))
        results.append(
            IndicatorResult(
                indicator_id=iid,
                code=indicator.code,
                name=indicator.name,
                year=year,
                quarter=quarters[iid],
                numerator=numerator,
                denominator=denominator,
                percent=percent_of(numerator, denominator),
                target=targets.get(iid),
                reported_units=reported,
                expected_units=expected,
            )
        )
    return results


def results_by_kind(session: Session, year: int, quarter: int | None = None) -> list[KindResult]:
    """Kết quả theo loại đơn vị: for every indicator, one row per unit kind that reports it."""
    _check_period(year, quarter)
    indicators = active_indicators(session)
    quarters = _quarters_used(session, year, quarter, indicators)
    sums = _sums_by_kind(session, year, quarters, indicators)
    targets = targets_for_year(session, year)
    units = active_units_by_kind(session)
    results = []
    for indicator in indicators:
        iid = id_of(indicator)
        for kind in _indicator_kinds(indicator):
            n, d, c = sums.get((iid, kind), (0, 0, 0))
            results.append(
                KindResult(
                    indicator_id=iid,
                    code=indicator.code,
                    unit_kind=kind,
                    year=year,
                    quarter=quarters[iid],
                    numerator=n,
                    denominator=d,
                    percent=percent_of(n, d),
                    target=targets.get(iid),
                    reported_units=c,
                    expected_units=units.get(kind, 0),
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
    """Each expected unit's value per indicator (None numbers for units that did not report).

    With ``quarter`` None each indicator uses the same quarter as :func:`ward_results`, so the
    units' rows add up to the ward's figure. Ordered by indicator, then unit name (Vietnamese order).
    """
    _check_period(year, quarter)
    indicators = [
        i for i in active_indicators(session) if indicator_id is None or i.id == indicator_id
    ]
    quarters = _quarters_used(session, year, quarter, indicators)
    targets = targets_for_year(session, year)
    unit_statement = select(stored_id(Unit.id), Unit.code, Unit.name, Unit.kind).where(
        col(Unit.active).is_(True)
    )
    if unit_id is not None:
        unit_statement = unit_statement.where(Unit.id == unit_id)
    units = sorted(session.exec(unit_statement).all(), key=lambda u: sort_key(u[2]))
    values = _values(session, year, quarters, unit_id)
    results = []
    for indicator in indicators:
        iid = id_of(indicator)
        kinds = set(_indicator_kinds(indicator))
        for uid, code, name, kind in units:
            if UnitKind(kind) not in kinds:
                continue
            numerator, denominator = values.get((uid, iid), (None, None))
            percent = percent_of(numerator, denominator)
            if percent is None:
                numerator = denominator = None
            results.append(
                UnitResult(
                    unit_id=UnitId(uid),
                    unit_code=code,
                    unit_name=name,
                    unit_kind=UnitKind(kind),
                    indicator_id=iid,
                    indicator_code=indicator.code,
                    year=year,
                    quarter=quarters[iid],
                    numerator=numerator,
                    denominator=denominator,
                    percent=percent,
                    target=targets.get(iid),
                )
            )
    return results


def _values(
    session: Session, year: int, quarters: dict[IndicatorId, int | None], unit_id: int | None
) -> dict[tuple[int, int], tuple[int | None, int | None]]:
    by_quarter: dict[int, list[int]] = defaultdict(list)
    for iid, quarter in quarters.items():
        if quarter is not None:
            by_quarter[quarter].append(iid)
    values: dict[tuple[int, int], tuple[int | None, int | None]] = {}
    for quarter, indicator_ids in by_quarter.items():
        statement = select(
            QuarterValue.unit_id,
            QuarterValue.indicator_id,
            QuarterValue.numerator,
            QuarterValue.denominator,
        ).where(
            QuarterValue.year == year,
            QuarterValue.quarter == quarter,
            col(QuarterValue.indicator_id).in_(indicator_ids),
        )
        if unit_id is not None:
            statement = statement.where(QuarterValue.unit_id == unit_id)
        for uid, indicator, numerator, denominator in session.exec(statement):
            values[(uid, indicator)] = (numerator, denominator)
    return values


def lagging_units(
    session: Session, year: int, quarter: int | None, indicator_id: IndicatorId
) -> list[UnitResult]:
    """Đơn vị chưa đạt: reporting units below the year's target, the largest gap first.

    Units that did not report are not in this list (see :func:`missing_units`); an indicator
    without a target that year has no lagging units.
    """
    return unit_standing(session, year, quarter, indicator_id)[0]


def missing_units(
    session: Session, year: int, quarter: int | None, indicator_id: IndicatorId
) -> list[UnitResult]:
    """Đơn vị chưa báo cáo: expected units with no usable report for the indicator."""
    return unit_standing(session, year, quarter, indicator_id)[1]


def unit_standing(
    session: Session, year: int, quarter: int | None, indicator_id: IndicatorId
) -> tuple[list[UnitResult], list[UnitResult]]:
    """(lagging units sorted by the gap, units that did not report) from one read of the units."""
    rows = unit_results(session, year, quarter, indicator_id=indicator_id)
    behind = [r for r in rows if r.gap is not None and r.gap > 0]
    behind.sort(key=lambda r: (-(r.gap or 0.0), sort_key(r.unit_name)))
    return behind, [r for r in rows if not r.reported]


def indicator_series(
    session: Session, indicator_id: IndicatorId, first_year: int, last_year: int
) -> list[tuple[int, int, float | None, float | None]]:
    """(year, quarter, ward percent, target) for every quarter of the years — for charts."""
    indicator = session.get(Indicator, indicator_id)
    if indicator is None:
        raise ValueRefused("Không tìm thấy chỉ tiêu.")
    kinds = _indicator_kinds(indicator)
    statement = (
        select(
            QuarterValue.year,
            QuarterValue.quarter,
            _reported_sum(QuarterValue.numerator),
            _reported_sum(QuarterValue.denominator),
        )
        .join(Unit, col(Unit.id) == QuarterValue.unit_id)
        .where(
            QuarterValue.indicator_id == indicator_id,
            col(QuarterValue.year).between(first_year, last_year),
            col(Unit.active).is_(True),
            col(Unit.kind).in_(kinds),
            *_reported(),
        )
        .group_by(col(QuarterValue.year), col(QuarterValue.quarter))
    )
    sums = {(y, q): percent_of(int(n), int(d)) for y, q, n, d in session.exec(statement)}
    targets = {
        t.year: t.target_percent
        for t in session.exec(
            select(IndicatorTarget).where(IndicatorTarget.indicator_id == indicator_id)
        )
    }
    return [
        (year, quarter, sums.get((year, quarter)), targets.get(year))
        for year in range(first_year, last_year + 1)
        for quarter in QUARTERS
    ]
