"""The plan's rules for results, each test naming the rule it checks (Kế hoạch, mục II.2 and II.3).

Verdicts only on complete data; each year's scope and comparison read from the plan's sentence;
a year's figure per unit's latest report; units' reporting periods; denominators from the register;
yes/no indicators; targets after 2026; the plan's years and the lock's guards.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from desktop.context import AppContext
from desktop.indicators import ops
from desktop.indicators.catalogue import load_catalogue
from desktop.indicators.results import unit_results, ward_results
from desktop.indicators.rules import Pair, ValueRefused
from desktop.indicators.values import ValueChange, check_values, load_grid, save_values
from desktop.models import (
    Comparison,
    Indicator,
    IndicatorTarget,
    QuarterLock,
    QuarterValue,
    Unit,
    UnitKind,
)
from desktop.models.ids import IndicatorId, UnitId
from desktop.paths import resource_path
from desktop.register import ops as register_ops
from desktop.register.records import RegisterKind
from desktop.register.units import UNITS, UnitData
from desktop.storage import Database
from desktop.text import wording

PRIMARY, LOWER, UPPER = (
    UnitKind.SCHOOL_PRIMARY,
    UnitKind.SCHOOL_LOWER_SECONDARY,
    UnitKind.SCHOOL_UPPER_SECONDARY,
)


def _indicator(session: Session, code: str) -> Indicator:
    return session.exec(select(Indicator).where(Indicator.code == code)).one()


def _iid(session: Session, code: str) -> IndicatorId:
    return IndicatorId(_indicator(session, code).id or 0)


def _unit(session: Session, code: str, kind: UnitKind, **values: object) -> UnitId:
    unit = Unit(code=code, name=f"Đơn vị {code}", kind=kind, **values)
    session.add(unit)
    session.flush()
    return UnitId(unit.id or 0)


def _value(
    session: Session, unit_id: int, indicator_id: int, year: int, quarter: int, n: int, d: int
) -> None:
    session.add(
        QuarterValue(
            unit_id=unit_id,
            indicator_id=indicator_id,
            year=year,
            quarter=quarter,
            numerator=n,
            denominator=d,
        )
    )


def _result(session: Session, code: str, year: int, quarter: int | None = None):  # type: ignore[no-untyped-def]
    return next(r for r in ward_results(session, year, quarter) if r.code == code)


@pytest.fixture
def schools(db: Database) -> Database:
    """Nine schools: three primary, three lower secondary, three upper secondary."""
    with db.session() as s:
        for kind, prefix in ((PRIMARY, "TH"), (LOWER, "THCS"), (UPPER, "THPT")):
            for n in range(1, 4):
                _unit(s, f"{prefix}{n}", kind, student_count=400, staff_count=30)
    return db


# -- what the plan's sentences say -----------------------------------------------------------------


def _plan_text() -> str:
    raw = resource_path("plan", "ke-hoach-phat-dong.txt").read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", re.sub(r"\n\n(?=[a-zđ])", " ", raw))


def _comparison_in(sentence: str) -> Comparison:
    """How a target sentence of the plan compares, read as a clerk reads it."""
    if sentence.startswith("Trên "):
        return Comparison.ABOVE
    if re.match(r"\d+% trở lên", sentence):
        return Comparison.AT_LEAST
    if sentence.startswith("100%"):
        return Comparison.EQUAL
    return Comparison.AT_LEAST


def _kinds_in(sentence: str, own: set[str]) -> set[str]:
    """The schools a sentence about pupils covers; any other sentence covers the indicator's kinds."""
    if "học sinh các trường trung học" in sentence:
        return {LOWER.value, UPPER.value}
    if "học sinh từ cấp tiểu học" in sentence:
        return {PRIMARY.value, LOWER.value, UPPER.value}
    return own


def test_each_target_is_stored_as_its_sentence_in_the_plan_says(db: Database) -> None:
    """Kế hoạch II.2: every sentence of 2.1 and 2.2 is in the plan's text, and the stored
    comparison and unit kinds are those the sentence states ("Trên 80%" → >, "80% trở lên" → ≥,
    "100%" → =; "học sinh các trường trung học" → THCS and THPT)."""
    plan = _plan_text()
    with db.session() as s:
        indicators = {i.id: i for i in s.exec(select(Indicator))}
        targets = [t for t in s.exec(select(IndicatorTarget)) if not t.carried_over]
    assert len(targets) == 11
    for target in targets:
        indicator = indicators[target.indicator_id]
        assert target.text in plan, target.text
        assert target.comparison == _comparison_in(target.text), target.text
        own = set(indicator.unit_kind_list)
        stored = set(target.unit_kind_list) or own
        assert stored == _kinds_in(target.text, own), (indicator.code, target.year)


def test_student_target_of_2025_expects_only_secondary_schools(schools: Database) -> None:
    """II.2.1: "100% học sinh các trường trung học" (2025) — primary schools are not expected in
    2025, nor named as lagging; from 2026 ("từ cấp tiểu học") they are."""
    with schools.session() as s:
        hocsinh = _iid(s, "HOCSINH")
        for uid, kind in s.exec(select(Unit.id, Unit.kind)):
            _value(s, uid or 0, hocsinh, 2025, 4, 300 if kind is PRIMARY else 390, 400)
            _value(s, uid or 0, hocsinh, 2026, 1, 300 if kind is PRIMARY else 390, 400)
    with schools.session() as s:
        y2025, y2026 = _result(s, "HOCSINH", 2025), _result(s, "HOCSINH", 2026)
        laggards = [r.unit_kind for r in unit_results(s, 2025, indicator_id=hocsinh) if r.behind]
    assert (y2025.reported_units, y2025.expected_units) == (6, 6)
    assert (y2025.numerator, y2025.denominator) == (6 * 390, 6 * 400)
    assert PRIMARY not in y2025.kinds and PRIMARY not in laggards
    assert (y2026.reported_units, y2026.expected_units) == (9, 9)


def test_exactly_80_percent_is_not_above_80(db: Database) -> None:
    """II.2.1: "Trên 80% cán bộ …" is met only by more than 80 %: 80,0 % is "Chưa đạt"."""
    with db.session() as s:
        office = _unit(s, "VP", UnitKind.WARD_OFFICE)
        _value(s, office, _iid(s, "CBCC"), 2025, 4, 80, 100)
    with db.session() as s:
        exact = _result(s, "CBCC", 2025)
        s.exec(select(QuarterValue)).one().numerator = 81
        s.flush()
        above = _result(s, "CBCC", 2025)
    assert exact.complete and exact.comparison is Comparison.ABOVE
    assert exact.met is False and wording.verdict(exact) == "Chưa đạt"
    assert above.met is True


def test_no_verdict_with_one_school_of_nine(schools: Database) -> None:
    """Coverage before verdict: with 1 of 9 schools reporting TRUONGKNS in 2026 Q3 the verdict is
    none — "Chưa đủ số liệu (1/9 đơn vị)" — and the 8 others are named."""
    with schools.session() as s:
        school = s.exec(select(Unit.id).where(Unit.code == "THCS1")).one() or 0
        _value(s, school, _iid(s, "TRUONGKNS"), 2026, 3, 1, 1)
    with schools.session() as s:
        result = _result(s, "TRUONGKNS", 2026, 3)
    assert result.met is None and not result.complete
    assert wording.verdict(result) == "Chưa đủ số liệu (1/9 đơn vị)"
    assert len(result.missing_units) == 8 and "THCS1" not in [u.code for u in result.missing_units]
    # A yes/no indicator counts schools with "có" out of the schools expected.
    assert (result.numerator, result.denominator) == (1, 9)


def test_the_completeness_rule_is_one_setting(schools: Database) -> None:
    """The threshold of Cài đặt (default 100 %) decides when a verdict is given."""
    from desktop.settings import load_settings, save_settings

    with schools.session() as s:
        truongkns = _iid(s, "TRUONGKNS")
        for uid in list(s.exec(select(Unit.id)))[:8]:
            _value(s, uid or 0, truongkns, 2026, 3, 1, 1)
    with schools.session() as s:
        assert _result(s, "TRUONGKNS", 2026, 3).met is None
        settings_ = load_settings(s)
        settings_.complete_threshold_percent = 80
        save_settings(s, settings_)
    with schools.session() as s:
        result = _result(s, "TRUONGKNS", 2026, 3)
    assert result.complete and result.met is True  # 8 of 9 schools "có" is ≥ 80 %


def test_a_yes_no_indicator_refuses_a_free_pair(schools: Database) -> None:
    """TRUONGKNS is one tick per school ("1 = có, 0 = chưa"): 30/40 and 812/813 are refused."""
    with schools.session() as s:
        school = UnitId(s.exec(select(Unit.id).where(Unit.code == "TH1")).one() or 0)
        truongkns = _iid(s, "TRUONGKNS")
        check = check_values(
            s,
            2026,
            1,
            [ValueChange(school, truongkns, Pair(30, 40)), ValueChange(school, truongkns, Pair(1, 1))],
        )
    assert len(check.problems) == 1 and "có/chưa" in check.problems[0].message


# -- reporting periods ------------------------------------------------------------------------------


@pytest.fixture
def clerk(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppContext]:
    """The clerk's app on 1 December 2026 over the plan's catalogue and two groups."""
    monkeypatch.setenv("THIDUA_TODAY", "2026-12-01")
    with ctx.db.session() as s:
        load_catalogue(s)
        danso = _iid(s, "DANSO")
        for code in ("TDP01", "TDP02"):
            uid = _unit(s, code, UnitKind.RESIDENTIAL_GROUP, adult_count=1000, reports_from=20251)
            for year in (2025, 2026):
                for quarter in (1, 2, 3, 4) if year == 2025 else (1, 2, 3):
                    _value(s, uid, danso, year, quarter, 850, 1000)
        s.add(QuarterLock(year=2026, quarter=3))
    yield ctx


def _new_group(code: str) -> UnitData:
    return UnitData(code=code, name=f"Tổ dân phố {code}", kind=UnitKind.RESIDENTIAL_GROUP, adult_count=900)


def _add(ctx: AppContext, kind: RegisterKind, data: UnitData) -> int:  # type: ignore[type-arg]
    return int(ctx.door.run(register_ops.add(kind, data)))


def test_adding_a_unit_today_leaves_2025_and_locked_quarters_unchanged(clerk: AppContext) -> None:
    """A unit added in December 2026 reports from quý 4/2026: the 2025 results and the locked
    2026 Q3 keep "2/2 đã báo cáo"; only the open quarter expects it."""
    before = clerk.door.read(lambda s: (ward_results(s, 2025), ward_results(s, 2026, 3)))
    _add(clerk, UNITS, _new_group("TDP03"))
    after = clerk.door.read(lambda s: (ward_results(s, 2025), ward_results(s, 2026, 3)))
    assert after == before
    q4 = clerk.door.read(lambda s: _result(s, "DANSO", 2026, 4))
    assert q4.expected_units == 3
    unit = clerk.door.read(
        lambda s: s.exec(select(Unit).where(Unit.code == "TDP03")).one().reports_from
    )
    assert unit == 20264


def test_a_unit_cannot_be_dated_into_a_locked_quarter(clerk: AppContext) -> None:
    """Báo cáo từ quý inside a locked quarter would change its results: refused, nothing saved."""
    from desktop.errors import Refusal

    data = _new_group("TDP04")
    data.reports_from = 20261
    with pytest.raises(Refusal, match="đã chốt"):
        _add(clerk, UNITS, data)
    assert clerk.door.read(lambda s: s.exec(select(Unit).where(Unit.code == "TDP04")).first()) is None


def test_a_deactivated_unit_stops_after_the_locked_quarters(clerk: AppContext) -> None:
    """Ngừng hoạt động in December 2026: the unit is still expected in every past quarter."""

    uid = clerk.door.read(lambda s: s.exec(select(Unit.id).where(Unit.code == "TDP02")).one())
    clerk.door.run(register_ops.set_active(UNITS, UnitId(uid or 0), False))
    stopped = clerk.door.read(lambda s: s.get(Unit, uid).stopped_from)  # type: ignore[union-attr]
    assert stopped == 20264
    assert clerk.door.read(lambda s: _result(s, "DANSO", 2025).expected_units) == 2
    assert clerk.door.read(lambda s: _result(s, "DANSO", 2026, 4).expected_units) == 1


# -- denominators from the register ---------------------------------------------------------------


def test_a_new_schools_denominators_come_from_the_register(db: Database) -> None:
    """The register's head-counts are the denominators (README; II.2): a new school with 42 staff
    and 856 pupils is proposed 42 for CBCC and 856 for HOCSINH; a yes/no indicator 1."""
    with db.session() as s:
        school = _unit(s, "THCS9", LOWER, staff_count=42, student_count=856)
    with db.session() as s:
        grid = load_grid(s, 2026, 1)
    unit = next(u for u in grid.units if u.id == school)
    proposed = {i.code: grid.proposed_denominator(unit, i) for i in grid.indicators}
    assert proposed["CBCC"] == 42 and proposed["HOCSINH"] == 856 and proposed["TRUONGKNS"] == 1


def test_a_denominator_far_from_the_register_asks_for_a_note(db: Database) -> None:
    """10/500 for an office of 18 staff is not refused, but the clerk must say why."""
    with db.session() as s:
        office = _unit(s, "VP", UnitKind.WARD_OFFICE, staff_count=18)
        cbcc = _iid(s, "CBCC")
        far = check_values(s, 2026, 1, [ValueChange(office, cbcc, Pair(10, 500))])
        near = check_values(s, 2026, 1, [ValueChange(office, cbcc, Pair(10, 19))])
        noted = check_values(s, 2026, 1, [ValueChange(office, cbcc, Pair(10, 500), note="Tính cả hợp đồng")])
    assert far.problems == [] and "sổ đơn vị (18)" in far.warnings[0].message
    assert near.warnings == [] and noted.warnings == []


def test_danso_and_vneid_share_the_adults_of_a_group(db: Database) -> None:
    """DANSO and VNEID are measured on the same adults of a residential group: a different Mẫu số
    asks for a note."""
    with db.session() as s:
        group = _unit(s, "TDP", UnitKind.RESIDENTIAL_GROUP)
        danso, vneid = _iid(s, "DANSO"), _iid(s, "VNEID")
        save_values(s, 2026, 1, [ValueChange(group, danso, Pair(700, 1000))])
        check = check_values(s, 2026, 1, [ValueChange(group, vneid, Pair(600, 1200))])
        same = check_values(s, 2026, 1, [ValueChange(group, vneid, Pair(600, 1000))])
    assert "DANSO (1.000)" in check.warnings[0].message
    assert same.warnings == []


def test_fill_denominators_is_one_step_from_the_register(ctx: AppContext) -> None:
    """Điền mẫu số writes the register's head-counts into the empty Mẫu số, one undoable step."""
    with ctx.db.session() as s:
        load_catalogue(s)
        school = _unit(s, "THCS9", LOWER, staff_count=42, student_count=856)
    saved = ctx.door.run(ops.fill_denominators(2026, 1, "điền mẫu số"))
    assert {p.denominator for p in saved.after.values()} == {42, 856}
    assert all(k[0] == school for k in saved.after)
    assert ctx.door.undo("values") == "điền mẫu số"


# -- targets after 2026, the plan's years, locks ----------------------------------------------------


def test_targets_after_2026_are_the_2026_ones_carried_over(db: Database) -> None:
    """II.2 sets no target after 2026, yet the 2027 sơ kết and 2030 tổng kết must judge: each
    later year carries the 2026 target, marked so."""
    with db.session() as s:
        for year in (2027, 2030):
            result = _result(s, "DANSO", year)
            assert result.target == 100 and result.carried_over
        assert _result(s, "TRUONGKNS", 2025).target is None  # the plan starts it in 2026


def test_a_changed_carried_target_is_the_wards_own(ctx: AppContext) -> None:
    with ctx.db.session() as s:
        load_catalogue(s)
        danso = _iid(s, "DANSO")
    ctx.door.run(ops.set_target(danso, 2027, 95, "95% người dân", comparison=Comparison.AT_LEAST))
    result = ctx.door.read(lambda s: _result(s, "DANSO", 2027))
    assert (result.target, result.carried_over) == (95, False)


@pytest.mark.parametrize("year", [2019, 2024, 2031])
def test_values_outside_the_plans_years_are_refused(db: Database, year: int) -> None:
    with db.session() as s, pytest.raises(ValueRefused, match="2025 đến 2030"):
        group = _unit(s, "TDP", UnitKind.RESIDENTIAL_GROUP)
        save_values(s, year, 1, [ValueChange(group, _iid(s, "DANSO"), Pair(1, 2))])


def test_a_quarter_not_begun_cannot_be_locked(ctx: AppContext) -> None:
    from datetime import date

    with ctx.db.session() as s:
        load_catalogue(s)
    with pytest.raises(ValueRefused, match="chưa bắt đầu"):
        ctx.door.run(ops.lock_quarter(2030, 4, today=date(2026, 12, 1)))


def test_a_lock_with_units_missing_asks_first(clerk: AppContext) -> None:
    """Locking 2026 Q4 before the groups reported would fix results without them: refused with
    the coverage of each indicator until the clerk agrees."""
    from datetime import date

    with pytest.raises(ops.LockIncomplete) as refused:
        clerk.door.run(ops.lock_quarter(2026, 4, today=date(2026, 12, 1)))
    assert "DANSO: 0/2 đơn vị đã báo cáo" in refused.value.problems
    clerk.door.run(ops.lock_quarter(2026, 4, today=date(2026, 12, 1), allow_incomplete=True))


# -- a year's figure: each unit's latest report -----------------------------------------------------


class _Rollback(Exception):
    """Raised to undo one generated example's rows."""


_report = st.one_of(
    st.none(),
    st.tuples(st.integers(0, 300), st.integers(1, 300)).map(lambda p: (min(p), max(p))),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(reports=st.lists(st.lists(_report, min_size=4, max_size=4), min_size=1, max_size=6))
def test_year_figure_equals_the_sum_of_each_units_latest_report(
    db: Database, reports: list[list[tuple[int, int] | None]]
) -> None:
    """For any units × quarters with gaps, the year's figure is Σ over units of each unit's latest
    reported pair in the year — computed here the naive way, quarter by quarter."""
    with pytest.raises(_Rollback), db.session() as s:
        danso = _iid(s, "DANSO")
        for n, quarters in enumerate(reports):
            uid = _unit(s, f"TDP{n}", UnitKind.RESIDENTIAL_GROUP)
            for quarter, pair in enumerate(quarters, start=1):
                if pair is not None:
                    _value(s, uid, danso, 2025, quarter, *pair)
        s.flush()
        result = _result(s, "DANSO", 2025)
        latest = [next((p for p in reversed(q) if p is not None), None) for q in reports]
        reported = [p for p in latest if p is not None]
        assert result.numerator == sum(p[0] for p in reported)
        assert result.denominator == sum(p[1] for p in reported)
        assert (result.reported_units, result.expected_units) == (len(reported), len(reports))
        assert result.complete == (len(reported) == len(reports))
        newest = [max(i for i, p in enumerate(q, 1) if p is not None) for q in reports if any(q)]
        assert dict(result.as_of) == {q: newest.count(q) for q in set(newest)}
        # The units' rows (the report's annex, the dossiers' evidence) add up to the same figure.
        rows = unit_results(s, 2025, indicator_id=danso)
        assert sum(r.numerator or 0 for r in rows) == result.numerator
        assert sorted(r.quarter for r in rows if r.reported) == sorted(newest)
        raise _Rollback
