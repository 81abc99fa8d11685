"""The plan's recipients (III.2) in the register: a Đảng ủy and the UBND phường as collectives,
accepted everywhere and reporting the staff indicator (CBCC)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from sqlmodel import select

from desktop.excel.units_columns import kind_from_text
from desktop.excel.units_export import export_units
from desktop.excel.units_import import RowStatus, apply_import, plan_import
from desktop.excel.units_read import read_roster
from desktop.indicators.scope import kinds_of
from desktop.models import Indicator, IndicatorTarget, Unit, UnitKind
from desktop.register.units import UnitData, create_unit

NEW = (UnitKind.PARTY_COMMITTEE, UnitKind.PEOPLES_COMMITTEE)


def test_the_new_kinds_are_read_from_their_labels_and_short_forms() -> None:
    assert kind_from_text("Đảng ủy") is UnitKind.PARTY_COMMITTEE
    assert kind_from_text("dang uy phuong") is UnitKind.PARTY_COMMITTEE
    assert kind_from_text("UBND phường") is UnitKind.PEOPLES_COMMITTEE
    assert kind_from_text("Ủy ban nhân dân phường") is UnitKind.PEOPLES_COMMITTEE


def test_the_register_and_its_workbook_take_the_new_kinds(db, tmp_path: Path) -> None:
    with db.session() as s:
        create_unit(s, UnitData(code="DUP", name="Đảng ủy phường", kind=UnitKind.PARTY_COMMITTEE))
    path = tmp_path / "don-vi.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Số CB, CC, VC, NLĐ"])
    sheet.append(["UBND", "Ủy ban nhân dân phường Kiến An", "UBND phường", 40])
    workbook.save(path)
    with db.session() as s:
        apply_import(s, read_roster(path))
    with db.session() as s:
        kinds = {u.code: u.kind for u in s.exec(select(Unit))}
        assert kinds == {"DUP": UnitKind.PARTY_COMMITTEE, "UBND": UnitKind.PEOPLES_COMMITTEE}
        assert export_units(s, tmp_path / "xuat.xlsx") == 2
    with db.session() as s:  # the export reads back as it is: the kinds' labels are understood
        again = plan_import(s, read_roster(tmp_path / "xuat.xlsx"))
        assert again.count(RowStatus.SAME) == 2 and not again.errors


def test_both_kinds_report_the_staff_indicator_every_year(db) -> None:
    with db.session() as s:
        cbcc = s.exec(select(Indicator).where(Indicator.code == "CBCC")).one()
        assert set(NEW) <= kinds_of(cbcc.unit_kinds)
        for target in s.exec(
            select(IndicatorTarget).where(IndicatorTarget.indicator_id == cbcc.id)
        ):
            assert set(NEW) <= kinds_of(target.unit_kinds or cbcc.unit_kinds), target.year
        others = s.exec(select(Indicator).where(Indicator.code != "CBCC")).all()
        assert not any(set(NEW) & kinds_of(i.unit_kinds) for i in others)
