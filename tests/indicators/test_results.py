"""Ward results: weighted ratios, completeness, the year's last quarter, lagging units, kinds."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from desktop.indicators.results import (
    indicator_series,
    lagging_units,
    missing_units,
    results_by_kind,
    unit_results,
    ward_results,
)
from desktop.models import Indicator, QuarterValue, Unit, UnitKind
from desktop.storage import Database


def _indicator(session: Session, code: str) -> Indicator:
    return session.exec(select(Indicator).where(Indicator.code == code)).one()


def _unit(session: Session, code: str, name: str, kind: UnitKind, active: bool = True) -> Unit:
    # A unit closed before the plan began: it stopped reporting from quý 1/2025.
    unit = Unit(code=code, name=name, kind=kind, active=active, stopped_from=None if active else 20251)
    session.add(unit)
    session.flush()
    return unit


def _value(
    session: Session,
    unit: Unit,
    indicator: Indicator,
    year: int,
    quarter: int,
    n: int | None,
    d: int | None,
) -> None:
    session.add(
        QuarterValue(
            unit_id=unit.id or 0,
            indicator_id=indicator.id or 0,
            year=year,
            quarter=quarter,
            numerator=n,
            denominator=d,
        )
    )


@pytest.fixture
def ward(db: Database) -> Database:
    """Three residential groups and two offices reporting DANSO (groups) and CBCC (offices)."""
    with db.session() as s:
        danso, cbcc = _indicator(s, "DANSO"), _indicator(s, "CBCC")
        a = _unit(s, "TDP01", "Tổ dân phố Đồng Hòa 1", UnitKind.RESIDENTIAL_GROUP)
        b = _unit(s, "TDP02", "Tổ dân phố Bắc Sơn 2", UnitKind.RESIDENTIAL_GROUP)
        _unit(s, "TDP03", "Tổ dân phố Đằng Hải", UnitKind.RESIDENTIAL_GROUP)  # never reports
        _unit(s, "TDP99", "Tổ dân phố đã giải thể", UnitKind.RESIDENTIAL_GROUP, active=False)
        office = _unit(s, "VP", "Văn phòng HĐND và UBND", UnitKind.WARD_OFFICE)
        center = _unit(s, "TTPV", "Trung tâm phục vụ hành chính công", UnitKind.WARD_OFFICE)
        # Quarter 1: a = 90/100 (90 %), b = 100/1000 (10 %): weighted 190/1100 = 17.27 %, mean 50 %.
        _value(s, a, danso, 2025, 1, 90, 100)
        _value(s, b, danso, 2025, 1, 100, 1000)
        # Quarter 2: only a reports; b has a copied denominator but no numerator yet.
        _value(s, a, danso, 2025, 2, 95, 100)
        _value(s, b, danso, 2025, 2, None, 1000)
        _value(s, office, cbcc, 2025, 1, 20, 25)
        _value(s, center, cbcc, 2025, 1, 30, 30)
        # A value of a unit of the wrong kind must not count for DANSO.
        _value(s, office, danso, 2025, 1, 1, 1000)
    return db


def _by_code(results: list, code: str):  # type: ignore[no-untyped-def,type-arg]
    return next(r for r in results if r.code == code)


def test_ward_value_is_weighted_not_the_mean_of_percentages(ward: Database) -> None:
    with ward.session() as s:
        danso = _by_code(ward_results(s, 2025, 1), "DANSO")
    assert (danso.numerator, danso.denominator) == (190, 1100)
    assert danso.percent == pytest.approx(190 / 1100 * 100)
    assert danso.target == 80
    # 2 of the 3 groups reported: no verdict on incomplete data, though the figure is behind.
    assert danso.met is None and danso.behind
    assert danso.gap == pytest.approx(80 - 190 / 1100 * 100)


def test_units_without_data_count_in_completeness_only(ward: Database) -> None:
    with ward.session() as s:
        q1 = _by_code(ward_results(s, 2025, 1), "DANSO")
        q2 = _by_code(ward_results(s, 2025, 2), "DANSO")
    # Three active groups are expected; the dissolved one is not.
    assert (q1.reported_units, q1.expected_units) == (2, 3)
    # A copied denominator without numerator is not a report.
    assert (q2.reported_units, q2.expected_units) == (1, 3)
    assert (q2.numerator, q2.denominator) == (95, 100)
    assert q2.completeness == pytest.approx(100 / 3)


def test_year_figure_is_each_units_latest_report(ward: Database) -> None:
    """Kế hoạch II.2 counts people who *have* the skill: a year's figure sums each unit's latest
    report of the year (a's quarter 2, b's quarter 1), not the last quarter anyone reported."""
    with ward.session() as s:
        year = ward_results(s, 2025)
    danso, cbcc = _by_code(year, "DANSO"), _by_code(year, "CBCC")
    assert (danso.numerator, danso.denominator) == (95 + 100, 100 + 1000)
    assert danso.quarter == 2 and danso.as_of == ((2, 1), (1, 1))
    assert cbcc.quarter == 1 and cbcc.percent == pytest.approx(50 / 55 * 100)
    assert cbcc.complete and cbcc.met is True  # 90,9 % is "trên 80%"


def test_nothing_reported_gives_no_percent(ward: Database) -> None:
    with ward.session() as s:
        vneid = _by_code(ward_results(s, 2025), "VNEID")
        later = _by_code(ward_results(s, 2029, 3), "DANSO")
    assert vneid.quarter is None and vneid.percent is None and vneid.met is None
    assert (vneid.reported_units, vneid.expected_units) == (0, 3)
    # 2029 has no target in the plan: the 2026 one is carried over ("duy trì"), and says so.
    assert later.target == 100 and later.carried_over


def test_unit_results_list_every_expected_unit(ward: Database) -> None:
    with ward.session() as s:
        danso_id = _indicator(s, "DANSO").id
        rows = unit_results(s, 2025, 1, indicator_id=danso_id)
    # Vietnamese order: "Bắc" < "Đằng" < "Đồng".
    assert [r.unit_code for r in rows] == ["TDP02", "TDP03", "TDP01"]
    assert [r.percent for r in rows] == [pytest.approx(10.0), None, pytest.approx(90.0)]
    assert sum(r.numerator or 0 for r in rows) == 190


def test_unit_results_of_one_unit_for_the_year(ward: Database) -> None:
    with ward.session() as s:
        unit_id = s.exec(select(Unit.id).where(Unit.code == "TDP02")).one()
        rows = unit_results(s, 2025, unit_id=unit_id)
    by_code = {r.indicator_code: r for r in rows}
    assert set(by_code) == {"DANSO", "VNEID"}  # the indicators a residential group reports
    # Its latest report of the year is quarter 1 (quarter 2 has a Mẫu số but no Tử số).
    assert by_code["DANSO"].quarter == 1 and by_code["DANSO"].percent == pytest.approx(10.0)


def test_lagging_units_sorted_by_gap(ward: Database) -> None:
    with ward.session() as s:
        danso_id = _indicator(s, "DANSO").id or 0
        behind = lagging_units(s, 2025, 1, danso_id)
        missing = missing_units(s, 2025, 1, danso_id)
    assert [r.unit_code for r in behind] == ["TDP02"]  # 10 % < 80 %; 90 % is on target
    assert behind[0].gap == pytest.approx(70.0)
    assert [r.unit_code for r in missing] == ["TDP03"]


def test_results_by_kind(ward: Database) -> None:
    with ward.session() as s:
        rows = [r for r in results_by_kind(s, 2025, 1) if r.code == "CBCC"]
    office = next(r for r in rows if r.unit_kind is UnitKind.WARD_OFFICE)
    school = next(r for r in rows if r.unit_kind is UnitKind.SCHOOL_PRIMARY)
    assert (office.numerator, office.denominator, office.reported_units, office.expected_units) == (
        50,
        55,
        2,
        2,
    )
    assert school.percent is None and school.expected_units == 0


def test_series_for_chart(ward: Database) -> None:
    with ward.session() as s:
        danso_id = _indicator(s, "DANSO").id or 0
        series = indicator_series(s, danso_id, 2025, 2026)
    assert len(series) == 8
    first = series[0]
    assert (first.year, first.quarter) == (2025, 1)
    assert first.percent == pytest.approx(190 / 1100 * 100)
    assert (first.reported_units, first.expected_units, first.complete) == (2, 3, False)
    assert series[1].percent == pytest.approx(95.0)
    assert series[2].percent is None
    assert series[4].target == 100  # the 2026 target


def test_bad_quarter_is_refused(ward: Database) -> None:
    with ward.session() as s, pytest.raises(ValueError, match="Quý"):
        ward_results(s, 2025, 5)


class _Rollback(Exception):
    """Raised to undo one generated example's rows."""


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    reports=st.lists(
        st.one_of(
            st.none(),
            st.tuples(st.integers(0, 500), st.integers(1, 500)).map(lambda p: (min(p), max(p))),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_ward_value_equals_the_sums_over_reporting_units(db: Database, reports: list) -> None:  # type: ignore[type-arg]
    """For any reports, the ward value is Σ numerators / Σ denominators of the units that reported."""
    with pytest.raises(_Rollback), db.session() as s:
        danso = _indicator(s, "DANSO")
        for n, report in enumerate(reports):
            unit = _unit(s, f"G{n}", f"Tổ {n}", UnitKind.RESIDENTIAL_GROUP)
            if report is not None:
                _value(s, unit, danso, 2026, 3, *report)
        s.flush()
        result = _by_code(ward_results(s, 2026, 3), "DANSO")
        given_ = [r for r in reports if r is not None]
        assert result.reported_units == len(given_)
        assert result.expected_units == len(reports)
        assert (result.numerator, result.denominator) == (
            sum(n for n, _ in given_),
            sum(d for _, d in given_),
        )
        if given_:
            assert result.percent == pytest.approx(100 * result.numerator / result.denominator)
        else:
            assert result.percent is None
        raise _Rollback
