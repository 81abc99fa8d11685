"""The register of units (sổ đơn vị): reads, and the rules of adding, changing and removing a unit.

Units are one configuration (:data:`UNITS`) of the register's common mechanism
(:mod:`desktop.register.records`), which checks the values and raises :class:`RegisterError` with
the clerk's messages in Vietnamese when they are wrong. A unit that other records point to
(persons, quarterly values, dossiers, prior awards) can only be deactivated (ngừng hoạt động),
never deleted, so no history is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import NamedTuple

from sqlalchemy import func, or_
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select, SelectOfScalar

from desktop.changes import Area
from desktop.models import Dossier, Person, PriorAward, QuarterValue, Unit, UnitKind
from desktop.models.ids import UnitId, saved_id
from desktop.register import records
from desktop.register.periods import place_unit, stop_or_restart
from desktop.register.records import Reasons, RegisterKind, SessionRules
from desktop.register.rules import (
    RegisterError,
    check_count,
    check_email,
    check_length,
    check_phone,
    name_key,
)
from desktop.text import clean, clean_line, sort_key
from desktop.text.wording import count

__all__ = [
    "UNITS",
    "Dependants",
    "RegisterError",
    "UnitData",
    "UnitRow",
    "check_unit",
    "check_unit_values",
    "clash_problems",
    "create_unit",
    "delete_unit",
    "find_same_name",
    "get_unit",
    "list_persons",
    "list_units",
    "load_unit_row",
    "load_unit_rows",
    "next_unit_code",
    "set_unit_active",
    "unit_dependants",
    "update_unit",
]

CODE_ALLOWED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_./")
COUNT_FIELDS = {
    "staff_count": "Số CB, CC, VC, NLĐ",
    "student_count": "Số học sinh",
    "adult_count": "Số người trưởng thành",
    "worker_count": "Số người lao động",
}


@dataclass
class UnitData:
    """The values of one unit as the clerk enters them (in a form or a row of a roster)."""

    code: str
    name: str
    kind: UnitKind | None
    head_name: str = ""
    head_position: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    staff_count: int | None = None
    student_count: int | None = None
    adult_count: int | None = None
    worker_count: int | None = None
    active: bool = True
    discipline_note: str = ""
    note: str = ""
    # Báo cáo từ quý (period code, 20261 = quý 1/2026); None: keep it, or today's for a new unit.
    reports_from: int | None = None

    @classmethod
    def of(cls, unit: Unit) -> UnitData:
        return cls(**{f.name: getattr(unit, f.name) for f in fields(cls)})

    def cleaned(self) -> UnitData:
        """Text trimmed and NFC, single-line fields on one line, the code in capitals."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        for key, value in values.items():
            if isinstance(value, str) and not isinstance(value, UnitKind):
                values[key] = (
                    clean(value) if key in ("note", "discipline_note") else clean_line(value)
                )
        values["code"] = values["code"].upper()
        return UnitData(**values)

    def apply_to(self, unit: Unit) -> None:
        for f in fields(self):
            if f.name == "reports_from":
                continue  # set by place_unit, which checks it against the locked quarters
            if getattr(unit, f.name) != getattr(self, f.name):
                setattr(unit, f.name, getattr(self, f.name))


class UnitRow(NamedTuple):
    """One line of the register table, read without building ORM objects (fast for 20,000 units)."""

    id: UnitId
    code: str
    name: str
    kind: UnitKind
    head_name: str
    phone: str
    active: bool


@dataclass(frozen=True)
class Dependants:
    """What points to a unit; any of it means the unit can be deactivated but not deleted."""

    persons: int = 0
    values: int = 0
    dossiers: int = 0
    prior_awards: int = 0

    def __bool__(self) -> bool:
        return any((self.persons, self.values, self.dossiers, self.prior_awards))

    def describe(self) -> str:
        parts = [
            f"{count(number)} {label}"
            for number, label in (
                (self.persons, "cá nhân"),
                (self.values, "số liệu quý"),
                (self.dossiers, "hồ sơ khen thưởng"),
                (self.prior_awards, "khen thưởng đã nhận"),
            )
            if number
        ]
        return ", ".join(parts)


# -- reads -------------------------------------------------------------------------------------


def list_units(session: Session, include_inactive: bool = True) -> list[Unit]:
    query = select(Unit)
    if not include_inactive:
        query = query.where(Unit.active)
    return sorted(session.exec(query).all(), key=lambda u: sort_key(u.name))


def list_persons(session: Session, unit_id: int | None = None) -> list[Person]:
    query = select(Person)
    if unit_id is not None:
        query = query.where(Person.unit_id == unit_id)
    return sorted(session.exec(query).all(), key=lambda p: sort_key(p.full_name))


def load_unit_rows(session: Session) -> list[UnitRow]:
    """Every unit as a :class:`UnitRow`, in the order of the file (the table sorts)."""
    result = session.connection().execute(_unit_rows().order_by(col(Unit.id)))
    return [UnitRow(*row) for row in result]


def _unit_rows() -> Select[UnitId, str, str, UnitKind, str, str, bool]:
    """The columns of :class:`UnitRow` (sqlmodel's ``select`` is typed for four at most)."""
    return Select(
        col(Unit.id),
        col(Unit.code),
        col(Unit.name),
        col(Unit.kind),
        col(Unit.head_name),
        col(Unit.phone),
        col(Unit.active),
    )


def get_unit(session: Session, unit_id: int) -> Unit:
    return records.get(UNITS, session, unit_id)


def load_unit_row(session: Session, unit_id: int) -> UnitRow | None:
    row = session.connection().execute(_unit_rows().where(Unit.id == unit_id)).first()
    return None if row is None else UnitRow(*row)


def unit_dependants(session: Session, unit_id: int) -> Dependants:
    def number(query: SelectOfScalar[int]) -> int:
        return int(session.exec(query).one())

    return Dependants(
        persons=number(select(func.count()).where(Person.unit_id == unit_id)),
        values=number(select(func.count()).where(QuarterValue.unit_id == unit_id)),
        dossiers=number(
            select(func.count()).where(
                or_(
                    col(Dossier.nominee_unit_id) == unit_id,
                    col(Dossier.proposing_unit_id) == unit_id,
                )
            )
        ),
        prior_awards=number(select(func.count()).where(PriorAward.unit_id == unit_id)),
    )


def next_unit_code(session: Session, prefix: str = "DV") -> str:
    """The first free code of the form DV0001, DV0002, … ."""
    taken = {
        code.upper() for code in session.exec(select(Unit.code).where(Unit.code.startswith(prefix)))
    }
    number = 1
    while f"{prefix}{number:04d}" in taken:
        number += 1
    return f"{prefix}{number:04d}"


# -- checks ------------------------------------------------------------------------------------


def check_unit_values(data: UnitData) -> list[str]:
    """Problems of the values alone (no database needed); [] when they are acceptable."""
    problems: list[str] = []
    if not data.code:
        problems.append("Mã đơn vị không được để trống.")
    elif not set(data.code) <= CODE_ALLOWED:
        problems.append(
            f"Mã đơn vị “{data.code}” chỉ được gồm chữ cái không dấu, chữ số và các dấu - _ . /"
        )
    if not data.name:
        problems.append("Tên đơn vị không được để trống.")
    if data.kind is None:
        problems.append("Hãy chọn loại đơn vị.")
    for key, label, limit in (
        ("code", "Mã đơn vị", 32),
        ("name", "Tên đơn vị", 255),
        ("head_name", "Người đứng đầu", 120),
        ("head_position", "Chức vụ", 120),
        ("address", "Địa chỉ", 255),
    ):
        problems += check_length(getattr(data, key), label, limit)
    problems += check_phone(data.phone)
    problems += check_email(data.email)
    for key, label in COUNT_FIELDS.items():
        problems += check_count(getattr(data, key), label)
    return problems


def clash_problems(data: UnitData, same_code: Unit | None, same_name: Unit | None) -> list[str]:
    """What the clerk reads when another unit already has the code, or the name and kind."""
    problems = []
    if same_code is not None:
        problems.append(f"Mã “{data.code}” đã được dùng cho đơn vị “{same_code.name}”.")
    if same_name is not None:
        problems.append(f"Đã có đơn vị cùng tên và loại: “{same_name.name}” (mã {same_name.code}).")
    return problems


def check_unit(session: Session, data: UnitData, unit_id: int | None = None) -> list[str]:
    """Problems of ``data`` as the unit ``unit_id`` (None: a new unit), the register considered."""
    same_code = None
    if data.code:
        same_code = session.exec(
            select(Unit).where(
                func.upper(Unit.code) == data.code.upper(), Unit.id != (unit_id or -1)
            )
        ).first()
    same_name = None
    if data.name and data.kind is not None:
        same_name = find_same_name(session, data.name, data.kind, exclude_id=unit_id)
    return check_unit_values(data) + clash_problems(data, same_code, same_name)


def find_same_name(
    session: Session, name: str, kind: UnitKind, exclude_id: int | None = None
) -> Unit | None:
    """A unit of the same kind whose name is the same up to case, spacing and Unicode form."""
    wanted = name_key(name)
    for unit in session.exec(select(Unit).where(Unit.kind == kind)):
        if unit.id != exclude_id and name_key(unit.name) == wanted:
            return unit
    return None


def _why_not_deleted(session: Session, unit: Unit) -> str | None:
    dependants = unit_dependants(session, saved_id(unit.id))
    if not dependants:
        return None
    return (
        f"Không thể xóa “{unit.name}” vì đơn vị đã có {dependants.describe()}. "
        "Hãy dùng “Ngừng hoạt động” để giữ lại lịch sử."
    )


UNITS: RegisterKind[Unit, UnitData, UnitId] = RegisterKind(
    noun="đơn vị",
    area=Area.UNITS,
    model=Unit,
    typed_id=UnitId,
    data_of=UnitData.of,
    title=lambda data: data.name,
    rules=lambda session: SessionRules(session, check_unit),
    why_not_deleted=_why_not_deleted,
    gone="Đơn vị này không còn trong sổ (có thể đã bị xóa).",
    placed=lambda session, unit, data, created: place_unit(
        session, unit, data.reports_from, created
    ),
    activated=stop_or_restart,
    reasons=Reasons(
        add="Thêm đơn vị",
        edit="Sửa thông tin đơn vị",
        activate="Cho đơn vị hoạt động trở lại",
        deactivate="Ngừng hoạt động đơn vị",
        delete="Xóa đơn vị",
    ),
)


# -- changes (the entry points of the common mechanism for units) ------------------------------


def create_unit(
    session: Session, data: UnitData, *, unit_id: int | None = None, reason: str = ""
) -> Unit:
    """Add a unit; ``unit_id`` brings a deleted unit back under its old number (undo of a delete)."""
    return records.create(UNITS, session, data, record_id=unit_id, reason=reason)


def update_unit(session: Session, unit_id: int, data: UnitData, *, reason: str = "") -> Unit:
    return records.update(UNITS, session, unit_id, data, reason=reason)


def set_unit_active(session: Session, unit_id: int, active: bool, *, reason: str = "") -> Unit:
    """Ngừng hoạt động / hoạt động trở lại: the unit stays in the register with all its history."""
    return records.set_active(UNITS, session, unit_id, active, reason=reason)


def delete_unit(session: Session, unit_id: int, *, reason: str = "") -> UnitData:
    """Remove a unit nothing points to; returns its values (so the deletion can be undone)."""
    return records.delete(UNITS, session, unit_id, reason=reason)
