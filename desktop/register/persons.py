"""Persons of the register (cá nhân): who in a unit may be nominated for an individual award.

Persons are the second configuration (:data:`PERSONS`) of the register's common mechanism
(:mod:`desktop.register.records`), beside units.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import NamedTuple

from sqlalchemy import func
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from desktop.changes import Area
from desktop.models import Dossier, Gender, Person, PriorAward, Unit
from desktop.models.ids import PersonId, UnitId, saved_id
from desktop.register import records
from desktop.register.records import Reasons, RegisterKind, SessionRules
from desktop.register.rules import check_length, check_phone, name_key
from desktop.text import clean, clean_line

EARLIEST_BIRTH_YEAR = 1920
YOUNGEST_AGE = 15


@dataclass
class PersonData:
    """The values of one person as the clerk enters them (in a form or a row of a roster)."""

    unit_id: UnitId
    full_name: str
    gender: Gender | None = None
    birth_year: int | None = None
    position: str = ""
    phone: str = ""
    active: bool = True
    discipline_note: str = ""
    note: str = ""

    @classmethod
    def of(cls, person: Person) -> PersonData:
        return cls(**{f.name: getattr(person, f.name) for f in fields(cls)})

    def cleaned(self) -> PersonData:
        """Text trimmed and NFC; the name, position and phone on one line."""
        return PersonData(
            unit_id=self.unit_id,
            full_name=clean_line(self.full_name),
            gender=self.gender,
            birth_year=self.birth_year,
            position=clean_line(self.position),
            phone=clean_line(self.phone),
            active=self.active,
            discipline_note=clean(self.discipline_note),
            note=clean(self.note),
        )

    def apply_to(self, person: Person) -> None:
        for f in fields(self):
            if getattr(person, f.name) != getattr(self, f.name):
                setattr(person, f.name, getattr(self, f.name))


class PersonRow(NamedTuple):
    """One line of a unit's persons table."""

    id: PersonId
    unit_id: UnitId
    full_name: str
    gender: Gender | None
    birth_year: int | None
    position: str
    phone: str
    active: bool


def load_person_rows(session: Session, unit_id: int) -> list[PersonRow]:
    # sqlmodel's select() is typed for at most four columns; Select() is what it builds for more.
    columns: Select[PersonId, UnitId, str, Gender | None, int | None, str, str, bool] = Select(
        col(Person.id),
        col(Person.unit_id),
        col(Person.full_name),
        col(Person.gender),
        col(Person.birth_year),
        col(Person.position),
        col(Person.phone),
        col(Person.active),
    )
    query = columns.where(Person.unit_id == unit_id).order_by(col(Person.id))
    return [PersonRow(*row) for row in session.connection().execute(query)]


def get_person(session: Session, person_id: int) -> Person:
    return records.get(PERSONS, session, person_id)


def load_person_row(
    session: Session, person_id: int, unit_id: int | None = None
) -> PersonRow | None:
    """One person as a table shows it; None if gone, or not of ``unit_id`` when one is given."""
    person = session.get(Person, person_id)
    if person is None or (unit_id is not None and person.unit_id != unit_id):
        return None
    return PersonRow(
        PersonId(saved_id(person.id)),
        UnitId(person.unit_id),
        person.full_name,
        person.gender,
        person.birth_year,
        person.position,
        person.phone,
        person.active,
    )


def check_person(session: Session, data: PersonData, person_id: int | None = None) -> list[str]:
    problems: list[str] = []
    if not data.full_name:
        problems.append("Họ và tên không được để trống.")
    problems += check_length(data.full_name, "Họ và tên", 120)
    problems += check_length(data.position, "Chức vụ", 160)
    latest = date.today().year - YOUNGEST_AGE
    if data.birth_year is not None and not EARLIEST_BIRTH_YEAR <= data.birth_year <= latest:
        problems.append(f"Năm sinh phải từ {EARLIEST_BIRTH_YEAR} đến {latest}.")
    problems += check_phone(data.phone)
    unit = session.get(Unit, data.unit_id)
    if unit is None:
        problems.append("Đơn vị của cá nhân không còn trong sổ.")
    elif data.full_name:
        same = session.exec(
            select(Person).where(Person.unit_id == data.unit_id, Person.id != (person_id or -1))
        )
        for other in same:
            if (
                name_key(other.full_name) == name_key(data.full_name)
                and other.birth_year == data.birth_year
            ):
                problems.append(
                    f"“{unit.name}” đã có cá nhân “{other.full_name}” cùng năm sinh; "
                    "nếu là hai người khác nhau, hãy ghi năm sinh cho đúng."
                )
                break
    return problems


def person_dependants(session: Session, person_id: int) -> int:
    """Dossiers and prior awards of the person: any of them forbids deleting it."""
    dossiers = session.exec(
        select(func.count()).where(Dossier.nominee_person_id == person_id)
    ).one()
    awards = session.exec(select(func.count()).where(PriorAward.person_id == person_id)).one()
    return int(dossiers) + int(awards)


def _why_not_deleted(session: Session, person: Person) -> str | None:
    if not person_dependants(session, saved_id(person.id)):
        return None
    return (
        f"Không thể xóa “{person.full_name}” vì đã có hồ sơ hoặc khen thưởng gắn với cá nhân "
        "này. Hãy dùng “Ngừng hoạt động”."
    )


PERSONS: RegisterKind[Person, PersonData, PersonId] = RegisterKind(
    noun="cá nhân",
    area=Area.PERSONS,
    model=Person,
    typed_id=PersonId,
    data_of=PersonData.of,
    title=lambda data: data.full_name,
    rules=lambda session: SessionRules(session, check_person),
    why_not_deleted=_why_not_deleted,
    gone="Cá nhân này không còn trong sổ (có thể đã bị xóa).",
    reasons=Reasons(
        add="Thêm cá nhân",
        edit="Sửa thông tin cá nhân",
        activate="Cá nhân hoạt động trở lại",
        deactivate="Ngừng theo dõi cá nhân",
        delete="Xóa cá nhân",
    ),
)


# -- changes (the entry points of the common mechanism for persons) ----------------------------


def create_person(
    session: Session, data: PersonData, *, person_id: int | None = None, reason: str = ""
) -> Person:
    return records.create(PERSONS, session, data, record_id=person_id, reason=reason)


def update_person(
    session: Session, person_id: int, data: PersonData, *, reason: str = ""
) -> Person:
    return records.update(PERSONS, session, person_id, data, reason=reason)


def set_person_active(
    session: Session, person_id: int, active: bool, *, reason: str = ""
) -> Person:
    return records.set_active(PERSONS, session, person_id, active, reason=reason)


def delete_person(session: Session, person_id: int, *, reason: str = "") -> PersonData:
    return records.delete(PERSONS, session, person_id, reason=reason)
