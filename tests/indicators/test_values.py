"""Quarterly entry: every validation rule, batches all or nothing, lock/unlock and the audit trail."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from desktop.indicators.lock import (
    QuarterLocked,
    corrections,
    lock_quarter,
    lock_state,
    unlock_quarter,
)
from desktop.indicators.results import ward_results
from desktop.indicators.rules import Pair, ValueRefused, change_warning, format_percent, parse_count
from desktop.indicators.values import (
    CellsRefused,
    ValueChange,
    check_values,
    load_grid,
    proposed_denominators,
    save_value,
    save_values,
)
from desktop.models import AuditEntry, Indicator, QuarterValue, Unit, UnitKind
from desktop.storage import Database
from tests.helpers.values import stored_pair


@pytest.fixture
def ward(db: Database) -> tuple[Database, dict[str, int]]:
    with db.session() as s:
        ids = {i.code: i.id or 0 for i in s.exec(select(Indicator))}
        for code, name, kind in (
            ("TDP01", "Tổ dân phố 1", UnitKind.RESIDENTIAL_GROUP),
            ("TDP02", "Tổ dân phố 2", UnitKind.RESIDENTIAL_GROUP),
            ("THCS", "Trường THCS Trần Thành Ngọ", UnitKind.SCHOOL_LOWER_SECONDARY),
        ):
            unit = Unit(code=code, name=name, kind=kind)
            s.add(unit)
            s.flush()
            ids[code] = unit.id or 0
    return db, ids


def _stored(
    s: Session, unit_id: int, indicator_id: int, year: int = 2025, quarter: int = 1
) -> Pair | None:
    return stored_pair(s, unit_id, indicator_id, year, quarter)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12", 12), (" 1 234 ", 1234), ("0", 0), ("", None), (None, None), (7.0, 7), (15, 15)],
)
def test_counts_that_are_accepted(text: object, expected: int | None) -> None:
    assert parse_count(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "không phải là số"),
        ("12a", "không phải là số"),
        ("1,5", "thập phân"),
        ("2.5", "thập phân"),
        (2.5, "thập phân"),
        ("-3", "âm"),
        (-3, "âm"),
        ("99999999999", "quá lớn"),
    ],
)
def test_counts_that_are_refused(text: object, message: str) -> None:
    with pytest.raises(ValueRefused, match=message):
        parse_count(text, "Tử số")


def test_a_huge_pasted_number_is_refused_without_its_three_hundred_digits() -> None:
    with pytest.raises(ValueRefused) as refused:
        parse_count(1e300, "Tử số")
    assert "có 301 chữ số" in str(refused.value) and "0000000000" not in str(refused.value)


def test_pair_rules(ward: tuple[Database, dict[str, int]]) -> None:
    db, ids = ward
    cases = [
        (Pair(5, 0), "Mẫu số phải lớn hơn 0"),
        (Pair(11, 10), "không được lớn hơn mẫu số"),
    ]
    for pair, message in cases:
        with db.session() as s, pytest.raises(CellsRefused, match=message):
            save_value(s, 2025, 1, ids["TDP01"], ids["DANSO"], pair)
    with db.session() as s:
        assert _stored(s, ids["TDP01"], ids["DANSO"]) is None
        assert (
            s.exec(select(AuditEntry).where(AuditEntry.table_name == "quartervalue")).first()
            is None
        )


def test_a_numerator_typed_first_waits_for_its_denominator(
    ward: tuple[Database, dict[str, int]],
) -> None:
    db, ids = ward
    with db.session() as s:
        save_value(s, 2025, 1, ids["TDP01"], ids["DANSO"], Pair(30, None))
    with db.session() as s:
        danso = next(r for r in ward_results(s, 2025, 1) if r.code == "DANSO")
        assert danso.reported_units == 0 and danso.percent is None
        save_value(s, 2025, 1, ids["TDP01"], ids["DANSO"], Pair(30, 40))
    with db.session() as s, pytest.raises(CellsRefused, match="không được lớn hơn"):
        save_value(s, 2025, 1, ids["TDP01"], ids["DANSO"], Pair(30, 20))


def test_a_unit_only_reports_its_indicators(ward: tuple[Database, dict[str, int]]) -> None:
    db, ids = ward
    with db.session() as s, pytest.raises(CellsRefused, match="không báo cáo chỉ tiêu VNEID"):
        save_value(s, 2025, 1, ids["THCS"], ids["VNEID"], Pair(1, 2))


def test_saved_value_is_audited_and_shown_in_the_grid(
    ward: tuple[Database, dict[str, int]],
) -> None:
    db, ids = ward
    with db.session() as s:
        before = save_value(s, 2025, 1, ids["TDP01"], ids["DANSO"], Pair(45, 50))
    assert before == Pair(None, None)
    with db.session() as s:
        grid = load_grid(s, 2025, 1)
        audit = s.exec(select(AuditEntry).where(AuditEntry.table_name == "quartervalue")).all()
    assert grid.value(ids["TDP01"], ids["DANSO"]) == Pair(45, 50)
    assert [u.code for u in grid.units] == ["TDP01", "TDP02", "THCS"]  # "Tổ" before "Trường"
    assert [a.action for a in audit] == ["insert"]


def test_a_batch_with_one_bad_cell_saves_nothing(ward: tuple[Database, dict[str, int]]) -> None:
    db, ids = ward
    changes = [
        ValueChange(ids["TDP01"], ids["DANSO"], Pair(10, 20)),
        ValueChange(ids["TDP02"], ids["DANSO"], Pair(30, 20)),
    ]
    with db.session() as s, pytest.raises(CellsRefused) as refused:
        save_values(s, 2025, 1, changes)
    assert [p.unit_id for p in refused.value.cells] == [ids["TDP02"]]
    assert "Tổ dân phố 2" in str(refused.value)
    with db.session() as s:
        assert _stored(s, ids["TDP01"], ids["DANSO"]) is None


def test_big_change_against_last_quarter_is_a_warning_not_a_block(
    ward: tuple[Database, dict[str, int]],
) -> None:
    db, ids = ward
    with db.session() as s:
        save_value(s, 2025, 1, ids["TDP01"], ids["DANSO"], Pair(20, 100))
    jump = [ValueChange(ids["TDP01"], ids["DANSO"], Pair(90, 100), note="Tổ rà soát lại danh sách")]
    small = [ValueChange(ids["TDP01"], ids["DANSO"], Pair(35, 100))]
    with db.session() as s:
        check = check_values(s, 2025, 2, jump)
        assert check.problems == [] and len(check.warnings) == 1
        assert (
            "tăng 70,0 điểm" in check.warnings[0].message
            and "(20% → 90%)" in check.warnings[0].message
        )
        assert check_values(s, 2025, 2, small).warnings == []
        save_values(s, 2025, 2, jump)
    with db.session() as s:
        assert _stored(s, ids["TDP01"], ids["DANSO"], 2025, 2) == Pair(90, 100)
        row = s.exec(select(QuarterValue).where(QuarterValue.quarter == 2)).one()
        assert row.note == "Tổ rà soát lại danh sách"


def test_change_warning_threshold() -> None:
    assert change_warning(Pair(50, 100), Pair(70, 100), 20) is None
    assert "giảm" in (change_warning(Pair(50, 100), Pair(29, 100), 20) or "")
    assert change_warning(None, Pair(1, 100), 20) is None


def test_locked_quarter_is_read_only(ward: tuple[Database, dict[str, int]]) -> None:
    db, ids = ward
    with db.session() as s:
        save_value(s, 2025, 1, ids["TDP01"], ids["DANSO"], Pair(45, 50))
        lock_quarter(s, 2025, 1)
    with db.session() as s, pytest.raises(QuarterLocked, match="đã được chốt"):
        save_value(s, 2025, 1, ids["TDP01"], ids["DANSO"], Pair(46, 50))
    with db.session() as s:
        assert _stored(s, ids["TDP01"], ids["DANSO"]) == Pair(45, 50)
        assert load_grid(s, 2025, 1).locked
        # Other quarters stay open.
        save_value(s, 2025, 2, ids["TDP01"], ids["DANSO"], Pair(47, 50))


def test_unlock_needs_a_reason_and_corrections_are_kept(
    ward: tuple[Database, dict[str, int]],
) -> None:
    db, ids = ward
    with db.session() as s:
        save_value(s, 2025, 1, ids["TDP01"], ids["DANSO"], Pair(45, 50))
        save_value(s, 2025, 1, ids["TDP02"], ids["DANSO"], Pair(10, 40))
        lock_quarter(s, 2025, 1)
    with db.session() as s, pytest.raises(ValueRefused, match="lý do"):
        unlock_quarter(s, 2025, 1, "  ")
    with db.session() as s:
        assert lock_state(s, 2025, 1).locked
        unlock_quarter(s, 2025, 1, "Tổ dân phố 1 báo cáo lại")
    with db.session() as s:
        save_value(s, 2025, 1, ids["TDP01"], ids["DANSO"], Pair(48, 52))
    with db.session() as s:
        save_value(s, 2025, 1, ids["TDP01"], ids["DANSO"], Pair(49, 52))
        save_value(s, 2025, 1, ids["TDP01"], ids["VNEID"], Pair(5, 52))
        lock_quarter(s, 2025, 1)
    with db.session() as s:
        note = corrections(s, 2025, 1)
        unlock_audit = s.exec(
            select(AuditEntry).where(
                AuditEntry.table_name == "quarterlock", AuditEntry.field == "locked"
            )
        ).all()
    assert [(c.indicator_code, c.old, c.new) for c in note] == [
        ("DANSO", Pair(45, 50), Pair(48, 52)),
        ("DANSO", Pair(48, 52), Pair(49, 52)),
        ("VNEID", Pair(None, None), Pair(5, 52)),
    ]
    assert all(c.reason == "Tổ dân phố 1 báo cáo lại" and c.unit_code == "TDP01" for c in note)
    assert any(a.reason == "Tổ dân phố 1 báo cáo lại" for a in unlock_audit)


def test_lock_twice_and_unlock_an_open_quarter_are_refused(db: Database) -> None:
    with db.session() as s:
        lock_quarter(s, 2025, 3)
    with db.session() as s, pytest.raises(ValueRefused, match="đã được chốt"):
        lock_quarter(s, 2025, 3)
    with db.session() as s, pytest.raises(ValueRefused, match="chưa được chốt"):
        unlock_quarter(s, 2025, 4, "Không có gì để mở")


def test_copy_denominators_from_previous_quarter(ward: tuple[Database, dict[str, int]]) -> None:
    db, ids = ward
    with db.session() as s:
        save_value(s, 2025, 1, ids["TDP01"], ids["DANSO"], Pair(45, 50))
        save_value(s, 2025, 1, ids["TDP02"], ids["DANSO"], Pair(10, 40))
        save_value(s, 2025, 2, ids["TDP02"], ids["DANSO"], Pair(12, 41))  # already has one: kept
    with db.session() as s:
        changes = proposed_denominators(s, 2025, 2)
        save_values(s, 2025, 2, changes)
    with db.session() as s:
        assert _stored(s, ids["TDP01"], ids["DANSO"], 2025, 2) == Pair(None, 50)
        assert _stored(s, ids["TDP02"], ids["DANSO"], 2025, 2) == Pair(12, 41)
    assert len(changes) == 1


def test_bad_period_is_refused(db: Database) -> None:
    with db.session() as s, pytest.raises(ValueRefused, match="Quý"):
        load_grid(s, 2025, 0)


def test_format_percent() -> None:
    """The grid's percent is the one voice's (desktop.text.wording.percent), blank for none."""
    assert format_percent(90.0) == "90%"
    assert format_percent(84.25) == "84,3%"
    assert format_percent(None) == ""
