"""An indicator quarter by quarter (diễn biến theo quý), for the results chart: each quarter with its
own values and coverage, so the chart marks incomplete quarters and never joins its line across a
quarter without figures."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from desktop.indicators.latest import is_complete, percent_of, reported, sum_of
from desktop.indicators.rules import ValueRefused
from desktop.indicators.scope import year_scopes
from desktop.models import Indicator, QuarterValue, Unit, UnitKind
from desktop.models.ids import IndicatorId
from desktop.models.periods import QUARTERS, period_code
from desktop.settings import load_settings


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
    carried_over: bool = False  # the year's target is "duy trì" from the plan's last year


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
    period = col(QuarterValue.year) * 10 + col(QuarterValue.quarter)
    # sqlmodel's select() is typed for at most four columns; Select() is what it builds.
    columns: Select[int, int, UnitKind, int, int, int] = Select(
        col(QuarterValue.year),
        col(QuarterValue.quarter),
        col(Unit.kind),
        sum_of(QuarterValue.numerator),
        sum_of(QuarterValue.denominator),
        func.count(),
    )
    statement = (
        columns.join(Unit, col(Unit.id) == QuarterValue.unit_id)
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
                    scope.target is not None and scope.target.carried_over,
                )
            )
    return points


