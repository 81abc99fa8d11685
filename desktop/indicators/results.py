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

from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, select

from desktop.indicators.latest import (
    Group,
    MissingUnit,
    combine,
    expected_by_kind,
    expected_period,
    is_complete,
    latest_reports,
    latest_values,
    percent_of,
)
from desktop.indicators.scope import check_plan_period, expected_in, meets, year_scopes
from desktop.indicators.series import SeriesPoint, indicator_series
from desktop.models import Comparison, Unit, UnitKind
from desktop.models.ids import IndicatorId, UnitId, saved_id
from desktop.models.periods import QUARTERS
from desktop.settings import load_settings
from desktop.text import sort_key, wording

__all__ = ["QUARTERS", "MissingUnit", "SeriesPoint", "indicator_series", "percent_of"]


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
    target_text: str = ""  # the plan's sentence of the year's target
    carried_from: int | None = None  # the year whose target a "duy trì" one repeats
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


class OneUnit(AgainstTarget):
    """A figure of one unit: its coverage is whether it reported, so it is judged when it did."""

    @property
    def reported(self) -> bool:
        """Đã báo cáo: the unit gave a usable figure in the period."""
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

    @property
    def verdict(self) -> str:
        """"Đạt", "Chưa đạt", "Chưa đủ số liệu" (the unit has not reported) or "Không có chỉ
        tiêu": a single unit's coverage is reported or not, so no "k/n đơn vị" follows."""
        return wording.verdict_of(self.met, self.target)


@dataclass(frozen=True)
class UnitResult(OneUnit):
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
        numerator, denominator, units, as_of = combine(
            figure.groups.values(), expected, scope.yes_no
        )
        # A year without a target asks nothing of the units: none of them is "missing".
        missing = figure.missing if name_missing and scope.target is not None else ()
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
                percent=percent_of(numerator, denominator) if units else None,
                target=None if target is None else target.percent,
                reported_units=units,
                expected_units=expected,
                comparison=Comparison.AT_LEAST if target is None else target.comparison,
                complete=is_complete(units, expected, threshold),
                carried_over=target is not None and target.carried_over,
                target_text="" if target is None else target.text,
                carried_from=None if target is None else target.carried_from,
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
            group = figures[scope.indicator_id].groups.get(kind, Group())
            numerator, denominator, units, as_of = combine([group], expected, scope.yes_no)
            results.append(
                KindResult(
                    indicator_id=scope.indicator_id,
                    code=scope.code,
                    unit_kind=kind,
                    year=year,
                    quarter=max(as_of) if as_of else None,
                    numerator=numerator,
                    denominator=denominator,
                    percent=percent_of(numerator, denominator) if units else None,
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
    # Each row's id and kind converted once: a 5,000-unit annex reads them 30,000 times.
    units = [
        (UnitId(saved_id(uid)), code, name, UnitKind(kind))
        for uid, code, name, kind in sorted(
            session.exec(unit_statement).all(), key=lambda u: sort_key(u[2])
        )
    ]
    values = latest_values(session, year, quarter, scopes, [(u[0], u[3]) for u in units])
    results = []
    for scope in scopes:
        target = scope.target
        for uid, code, name, kind in units:
            if kind not in scope.kinds:
                continue
            q, numerator, denominator = values.get((uid, scope.indicator_id), (None, None, None))
            results.append(
                UnitResult(
                    unit_id=uid,
                    unit_code=code,
                    unit_name=name,
                    unit_kind=kind,
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
