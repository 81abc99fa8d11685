"""The demo ward tells a believable story under the plan's rules (issue 12), as it stands on the day
it is built: 2025 mostly complete and judged, one kind lagging; 2026 Q1–Q2 locked, Q3 still being
collected with a few units late, Q4 under way; Mẫu số from the register; one school a tick.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import pytest
from sqlmodel import Session, col, select

from desktop.context import AppContext
from desktop.demo.ward import SyntheticSize, build_demo_ward, build_synthetic_ward
from desktop.indicators.denominators import HeadCounts
from desktop.indicators.results import ward_results
from desktop.models import Indicator, QuarterValue, Unit, UnitKind
from desktop.register.periods import locked_periods
from desktop.storage import Database


@pytest.fixture
def demo(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> Iterator[Session]:
    """The demo ward built on 1 December 2026, open for reading."""
    monkeypatch.setenv("THIDUA_TODAY", "2026-12-01")
    build_demo_ward(ctx.db)
    with ctx.db.session() as session:
        yield session


def _codes(session: Session) -> dict[int, str]:
    return {i.id: i.code for i in session.exec(select(Indicator)) if i.id is not None}


def _values(session: Session, code: str) -> list[tuple[QuarterValue, Unit]]:
    statement = (
        select(QuarterValue, Unit)
        .join(Unit, col(Unit.id) == QuarterValue.unit_id)
        .join(Indicator, col(Indicator.id) == QuarterValue.indicator_id)
        .where(Indicator.code == code)
    )
    return [(v, u) for v, u in session.exec(statement)]


def test_2025_is_mostly_complete_and_judged_with_one_kind_lagging(demo: Session) -> None:
    """A year's figure is each unit's latest report: the two units that never sent 2025 Q4 count
    with their Q3, so every 2025 target is judged; most are met, residential groups lag on VNEID."""
    year = {r.code: r for r in ward_results(demo, 2025)}
    judged = [r for r in year.values() if r.target is not None]
    assert len(judged) == 5 and all(r.complete and r.met is not None for r in judged)
    assert sum(1 for r in judged if r.met) >= 4
    assert year["VNEID"].met is False
    assert year["TRUONGKNS"].target is None  # the plan sets it from 2026
    assert any(len(r.as_of) == 2 for r in judged)  # some parts as of Q3
    q4 = {r.code: r for r in ward_results(demo, 2025, 4)}
    late = {u.code for r in q4.values() if r.target is not None for u in r.missing_units}
    assert 1 <= len(late) <= 2
    for quarter in (1, 2, 3):
        assert all(r.complete for r in ward_results(demo, 2025, quarter) if r.target is not None)


def test_2026_q1_q2_are_locked_and_complete_q3_is_late_q4_not_reported(demo: Session) -> None:
    """The clerk locked every quarter before the one being collected; 2026 Q3 is open with named
    units missing, so its results read "Chưa đủ số liệu"; nothing of 2026 Q4 is in yet."""
    locked = set(locked_periods(demo))
    assert {20251, 20252, 20253, 20254, 20261, 20262} == locked
    for quarter in (1, 2):
        assert all(r.complete for r in ward_results(demo, 2026, quarter))
    q3 = ward_results(demo, 2026, 3)
    incomplete = [r for r in q3 if not r.complete]
    assert incomplete and all(r.met is None and r.missing_units for r in incomplete)
    missing = {u.code for r in incomplete for u in r.missing_units}
    assert 2 <= len(missing) <= 5
    assert any(r.complete for r in q3)  # not every kind is late
    assert all(r.reported_units == 0 for r in ward_results(demo, 2026, 4))


def test_no_primary_school_reports_students_in_2025(demo: Session) -> None:
    """Kế hoạch II.2.1: 2025 asks "100% học sinh các trường trung học"; from 2026 every school."""
    by_year: dict[int, set[UnitKind]] = defaultdict(set)
    for value, unit in _values(demo, "HOCSINH"):
        by_year[value.year].add(unit.kind)
    secondary = {UnitKind.SCHOOL_LOWER_SECONDARY, UnitKind.SCHOOL_UPPER_SECONDARY}
    assert by_year[2025] == secondary
    assert by_year[2026] == secondary | {UnitKind.SCHOOL_PRIMARY}


def test_truongkns_is_one_tick_per_school_from_2026(demo: Session) -> None:
    """TRUONGKNS is a yes/no per school ("1 = có, 0 = chưa"): only 1/1 or 0/1, none in 2025."""
    values = _values(demo, "TRUONGKNS")
    assert values and {(v.numerator, v.denominator) for v, _ in values} <= {(1, 1), (0, 1)}
    assert {(v.numerator, v.denominator) for v, _ in values} == {(1, 1), (0, 1)}
    assert {v.year for v, _ in values} == {2026}


def test_denominators_are_the_registers_head_counts(demo: Session) -> None:
    """Mẫu số = the register's head-count of the indicator's population; DANSO and VNEID of a
    group share its adults."""
    population = {i.code: i.population for i in demo.exec(select(Indicator))}
    codes = _codes(demo)
    adults: dict[tuple[int, int, int], set[int]] = defaultdict(set)
    for value, unit in demo.exec(
        select(QuarterValue, Unit).join(Unit, col(Unit.id) == QuarterValue.unit_id)
    ):
        code = codes[value.indicator_id]
        counts = HeadCounts(
            unit.staff_count, unit.student_count, unit.adult_count, unit.worker_count
        )
        assert value.denominator == counts.of(population[code]), (unit.code, code)
        if code in ("DANSO", "VNEID") and value.denominator is not None:
            adults[(value.unit_id, value.year, value.quarter)].add(value.denominator)
    assert adults and all(len(d) == 1 for d in adults.values())


def test_units_report_from_2025_one_added_this_quarter_one_closed(demo: Session) -> None:
    """Units that existed when the plan began report from quý 1/2025; the one added in December
    reports from 2026 Q4 and has no figures; the one closed has none from the quarter it stopped."""
    units = list(demo.exec(select(Unit)))
    assert {u.reports_from for u in units if u.code != "DNGPS"} == {20251}
    new = next(u for u in units if u.code == "DNGPS")
    assert new.reports_from == 20264 and new.active
    closed = [u for u in units if u.stopped_from is not None]
    assert len(closed) == 1 and not closed[0].active
    stop = closed[0].stopped_from
    assert stop is not None
    periods = {
        v.year * 10 + v.quarter
        for v in demo.exec(select(QuarterValue).where(QuarterValue.unit_id == closed[0].id))
    }
    assert periods and max(periods) < stop
    assert not demo.exec(select(QuarterValue).where(QuarterValue.unit_id == new.id)).all()


def test_the_story_is_dated_by_the_day_it_is_built(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Built on 10 May 2027, the ward has 2027 Q1 being collected and 2026 Q4 locked."""
    monkeypatch.setenv("THIDUA_TODAY", "2027-05-10")
    build_demo_ward(ctx.db)
    with ctx.db.session() as session:
        assert max(locked_periods(session)) == 20264
        q1 = ward_results(session, 2027, 1)
        assert any(not r.complete and r.reported_units for r in q1)
        assert all(r.reported_units == 0 for r in ward_results(session, 2027, 2))
        new = session.exec(select(Unit).where(Unit.code == "DNGPS")).one()
        assert new.reports_from == 20272


def test_synthetic_wards_still_build_for_the_benchmarks(db: Database) -> None:
    """build_synthetic_ward: every unit reports every indicator each quarter; a yes/no indicator
    holds 1/1 or 0/1 even there."""
    count = build_synthetic_ward(db, SyntheticSize(units=20, first_year=2025, last_year=2026))
    with db.session() as session:
        assert count == len(session.exec(select(QuarterValue)).all()) > 0
        ticks = _values(session, "TRUONGKNS")
        assert ticks and {(v.numerator, v.denominator) for v, _ in ticks} <= {(1, 1), (0, 1)}
