"""The catalogue of indicators: the plan's targets, new indicators and targets for later years."""

from __future__ import annotations

import pytest
from sqlmodel import select

from desktop.indicators.results import ward_results
from desktop.indicators.rules import ValueRefused
from desktop.indicators.targets import (
    IndicatorInput,
    get_target,
    list_indicators,
    save_indicator,
    set_target,
)
from desktop.models import Indicator, UnitKind
from desktop.storage import Database


def _new(**changes: object) -> IndicatorInput:
    data = IndicatorInput(
        code="DVC",
        name="Hồ sơ thủ tục hành chính nộp trực tuyến",
        population="adults",
        numerator_label="Số hồ sơ trực tuyến",
        denominator_label="Tổng số hồ sơ",
        unit_kinds=[UnitKind.WARD_OFFICE],
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def test_plan_targets_are_in_the_catalogue(db: Database) -> None:
    with db.session() as s:
        rows = {r.indicator.code: r for r in list_indicators(s)}
    carried = {year: 100 for year in range(2027, 2031)}  # "duy trì" the 2026 target
    assert rows["CBCC"].targets == {2025: 80, 2026: 100, **carried}
    assert rows["HOCSINH"].indicator.unit_kind_list == [
        "school_primary",
        "school_lower_secondary",
        "school_upper_secondary",
    ]
    assert rows["VNEID"].indicator.unit_kind_list == ["residential_group"]


def test_add_an_indicator_with_targets_to_2030(db: Database) -> None:
    with db.session() as s:
        indicator = save_indicator(s, _new(code="dvc"))
        for year in range(2027, 2031):
            set_target(s, indicator.id or 0, year, 100, "100% hồ sơ trực tuyến toàn trình")
    with db.session() as s:
        row = next(r for r in list_indicators(s) if r.indicator.code == "DVC")
        assert row.targets == {2027: 100, 2028: 100, 2029: 100, 2030: 100}
        assert row.indicator.unit_kinds == "ward_office"
        assert get_target(s, row.indicator.id or 0, 2030) == (
            100,
            "100% hồ sơ trực tuyến toàn trình",
        )
        result = next(r for r in ward_results(s, 2030) if r.code == "DVC")
    assert result.target == 100 and result.expected_units == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"code": "x"}, "Mã chỉ tiêu"),
        ({"code": "CBCC"}, "đã có chỉ tiêu khác"),
        ({"name": "  "}, "Tên chỉ tiêu"),
        ({"unit_kinds": []}, "ít nhất một loại đơn vị"),
        ({"population": "trees"}, "đối tượng"),
        ({"denominator_label": ""}, "tử số và mẫu số"),
    ],
)
def test_bad_indicator_is_refused(db: Database, changes: dict[str, object], message: str) -> None:
    with db.session() as s, pytest.raises(ValueRefused, match=message):
        save_indicator(s, _new(**changes))
    with db.session() as s:
        assert s.exec(select(Indicator).where(Indicator.code == "DVC")).first() is None


def test_edit_reporting_kinds_and_retire(db: Database) -> None:
    with db.session() as s:
        vneid = s.exec(select(Indicator).where(Indicator.code == "VNEID")).one()
        data = _new(
            code="VNEID",
            name=vneid.name,
            unit_kinds=[UnitKind.RESIDENTIAL_GROUP, UnitKind.WARD_OFFICE],
            active=False,
            id=vneid.id,
        )
        save_indicator(s, data)
    with db.session() as s:
        vneid = s.exec(select(Indicator).where(Indicator.code == "VNEID")).one()
        assert vneid.unit_kind_list == ["ward_office", "residential_group"]
        assert "VNEID" not in [r.code for r in ward_results(s, 2025)]


@pytest.mark.parametrize(
    ("year", "percent", "message"),
    [(2031, 90.0, "2025 đến 2030"), (2027, 120.0, "0 đến 100"), (2024, 50.0, "nằm ngoài")],
)
def test_bad_target_is_refused(db: Database, year: int, percent: float, message: str) -> None:
    with db.session() as s:
        cbcc = s.exec(select(Indicator.id).where(Indicator.code == "CBCC")).one() or 0
    with db.session() as s, pytest.raises(ValueRefused, match=message):
        set_target(s, cbcc, year, percent)


def test_remove_a_target(db: Database) -> None:
    with db.session() as s:
        cbcc = s.exec(select(Indicator.id).where(Indicator.code == "CBCC")).one() or 0
        set_target(s, cbcc, 2026, None)
    with db.session() as s:
        assert get_target(s, cbcc, 2026) is None
        assert get_target(s, cbcc, 2025) is not None
