"""The register's operations through the door: units and persons changed, undone and audited alike."""

from __future__ import annotations

import pytest
from sqlmodel import select

from desktop.changes import Area, Change
from desktop.models import AuditEntry, Person, Unit, UnitKind
from desktop.register import ops
from desktop.register.index import UnitIndex
from desktop.register.lookup import unit_by_code
from desktop.register.persons import PERSONS, PersonData, create_person
from desktop.register.rules import RegisterError
from desktop.register.units import UNITS, UnitData, check_unit


def audit(ctx, table: str, record_id: int) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(action, reason) of every audit row of one record, oldest first."""

    def read(session):  # type: ignore[no-untyped-def]
        rows = session.exec(
            select(AuditEntry)
            .where(AuditEntry.table_name == table, AuditEntry.record_id == record_id)
            .order_by(AuditEntry.id)
        )
        return [(row.action, row.reason) for row in rows]

    return ctx.door.read(read)


def heard(ctx) -> list[Change]:  # type: ignore[no-untyped-def]
    changes: list[Change] = []
    ctx.door.listen(changes.append)
    return changes


def test_a_unit_added_is_told_undone_and_redone_with_its_reasons(db, ctx) -> None:
    changes = heard(ctx)
    data = UnitData(code="htxtm", name="Hợp tác xã Tràng Minh", kind=UnitKind.COOPERATIVE)
    unit_id = ctx.door.run(ops.add(UNITS, data))
    assert changes[-1].ids_of(Area.UNITS) == {unit_id}
    assert ctx.door.history.undo_label("register") == "thêm “Hợp tác xã Tràng Minh”"

    assert ctx.door.undo("register") == "thêm “Hợp tác xã Tràng Minh”"
    assert ctx.door.read(lambda s: s.get(Unit, unit_id)) is None
    assert changes[-1].ids_of(Area.UNITS) == {unit_id}
    assert ctx.door.redo("register") == "thêm “Hợp tác xã Tràng Minh”"
    assert ctx.door.read(lambda s: s.get(Unit, unit_id)).code == "HTXTM"  # under its old id

    reasons = [reason for action, reason in audit(ctx, "unit", unit_id) if action != "update"]
    assert reasons == [
        "Thêm đơn vị",
        "Hoàn tác: thêm “Hợp tác xã Tràng Minh”",
        "Làm lại: thêm “Hợp tác xã Tràng Minh”",
    ]


def test_a_person_is_undone_with_its_reason_like_a_unit(demo_db, ctx) -> None:
    unit_id = ctx.door.read(lambda s: unit_by_code(s, "TDP01").id)
    data = PersonData(unit_id=unit_id, full_name="Hoàng Văn Em", birth_year=1975)
    person_id = ctx.door.run(ops.add(PERSONS, data))
    ctx.door.run(
        ops.edit(PERSONS, person_id, PersonData(unit_id, "Hoàng Văn Em", position="Tổ phó"))
    )
    assert ctx.door.history.undo_label("register") == "sửa “Hoàng Văn Em”"

    assert ctx.door.undo("register") == "sửa “Hoàng Văn Em”"
    assert ctx.door.read(lambda s: s.get(Person, person_id)).position == ""
    assert ctx.door.undo("register") == "thêm “Hoàng Văn Em”"
    assert ctx.door.read(lambda s: s.get(Person, person_id)) is None

    trail = audit(ctx, "person", person_id)
    assert ("insert", "Thêm cá nhân") in trail
    assert ("update", "Sửa thông tin cá nhân") in trail
    assert ("update", "Hoàn tác: sửa “Hoàng Văn Em”") in trail
    assert trail[-1] == ("delete", "Hoàn tác: thêm “Hoàng Văn Em”")


def test_deactivating_and_deleting_are_undone_alike_for_both_kinds(demo_db, ctx) -> None:
    unit = ctx.door.read(lambda s: unit_by_code(s, "VHXH"))
    ctx.door.run(ops.set_active(UNITS, UNITS.typed_id(unit.id), False))
    assert ctx.door.history.undo_label("register") == f"ngừng hoạt động “{unit.name}”"
    ctx.door.undo("register")
    assert ctx.door.read(lambda s: s.get(Unit, unit.id)).active is True

    person_id = ctx.door.run(ops.add(PERSONS, PersonData(UNITS.typed_id(unit.id), "Trần Văn Nam")))
    assert ctx.door.read(ops.deletable(PERSONS, person_id))
    before = ctx.door.run(ops.delete(PERSONS, person_id))
    assert before.full_name == "Trần Văn Nam"
    assert ctx.door.undo("register") == "xóa “Trần Văn Nam”"
    assert ctx.door.read(ops.data_of(PERSONS, person_id)).full_name == "Trần Văn Nam"
    assert audit(ctx, "person", person_id)[-1] == ("insert", "Hoàn tác: xóa “Trần Văn Nam”")


def test_a_step_the_register_no_longer_allows_is_refused_and_leaves_the_history(db, ctx) -> None:
    unit_id = ctx.door.run(
        ops.add(
            UNITS,
            UnitData(code="CHKH", name="Chi hội Khuyến học", kind=UnitKind.FRONT_ORGANISATION),
        )
    )
    with ctx.db.session() as s:  # the unit is given a person outside the history
        create_person(s, PersonData(unit_id=unit_id, full_name="Trần Văn Nam"))
    changes = heard(ctx)
    with pytest.raises(RegisterError, match="1 cá nhân"):
        ctx.door.undo("register")
    assert not ctx.door.history.can_undo("register")
    assert changes[-1].touches(Area.UNITS, Area.PERSONS)  # the page reads again what it shows
    assert ctx.door.read(lambda s: s.get(Unit, unit_id)) is not None


def test_a_refused_change_writes_nothing_and_is_not_an_undo_step(db, ctx) -> None:
    changes = heard(ctx)
    with pytest.raises(RegisterError, match="Tên đơn vị không được để trống"):
        ctx.door.run(ops.add(UNITS, UnitData(code="X", name=" ", kind=UnitKind.BUSINESS)))
    assert changes == [] and not ctx.door.history.can_undo("register")
    assert ctx.door.read(lambda s: s.exec(select(Unit)).all()) == []


def test_the_index_of_an_import_finds_what_the_database_finds(demo_db, ctx) -> None:
    def both(session, data: UnitData, unit: Unit | None):  # type: ignore[no-untyped-def]
        index = UnitIndex.of(session)
        record = None if unit is None else index.with_code(unit.code)
        return index.problems(data, record), check_unit(
            session, data, None if unit is None else unit.id
        )

    def compare(session) -> None:  # type: ignore[no-untyped-def]
        school = unit_by_code(session, "THCSTTN")
        other = unit_by_code(session, "VHXH")
        cases = [
            (UnitData(code="vhxh", name="Khác", kind=UnitKind.BUSINESS), None),
            (UnitData(code="MOI", name=school.name.upper(), kind=school.kind), None),
            (UnitData(code="MOI", name=school.name, kind=UnitKind.BUSINESS), None),
            (UnitData.of(school), school),
            (UnitData(code=other.code, name=school.name, kind=school.kind), school),
            (UnitData(code="", name="", kind=None, phone="12"), None),
        ]
        for data, unit in cases:
            from_index, from_database = both(session, data.cleaned(), unit)
            assert from_index == from_database

    ctx.door.read(compare)
