"""Persons of the register (cá nhân): who in a unit may be nominated for an individual award."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import NamedTuple

from sqlalchemy import func
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from desktop.models import Dossier, Gender, Person, PriorAward, Unit
from desktop.register.rules import RegisterError, check_length, check_phone, name_key
from desktop.storage.hooks import set_audit_reason
from desktop.text import clean, clean_line

EARLIEST_BIRTH_YEAR = 1920
YOUNGEST_AGE = 15


@dataclass
class PersonData:
    unit_id: int
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

    def apply_to(self, person: Person) -> None:
        for f in fields(self):
            if getattr(person, f.name) != getattr(self, f.name):
                setattr(person, f.name, getattr(self, f.name))


class PersonRow(NamedTuple):
    id: int
    unit_id: int
    full_name: str
    gender: Gender | None
    birth_year: int | None
    position: str
    phone: str
    active: bool


def load_person_rows(session: Session, unit_id: int) -> list[PersonRow]:
    # sqlmodel's select() is typed for at most four columns; Select() is what it builds for more.
    columns: Select[int, int, str, Gender | None, int | None, str, str, bool] = Select(
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
    person = session.get(Person, person_id)
    if person is None:
        raise RegisterError(["Cá nhân này không còn trong sổ (có thể đã bị xóa)."])
    return person


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


def _cleaned(data: PersonData) -> PersonData:
    return PersonData(
        unit_id=data.unit_id,
        full_name=clean_line(data.full_name),
        gender=data.gender,
        birth_year=data.birth_year,
        position=clean_line(data.position),
        phone=clean_line(data.phone),
        active=data.active,
        discipline_note=clean(data.discipline_note),
        note=clean(data.note),
    )


def create_person(
    session: Session, data: PersonData, *, person_id: int | None = None, reason: str = ""
) -> Person:
    data = _cleaned(data)
    problems = check_person(session, data)
    if problems:
        raise RegisterError(problems)
    set_audit_reason(session, reason or "Thêm cá nhân")
    person = Person(id=person_id, unit_id=data.unit_id, full_name=data.full_name)
    data.apply_to(person)
    session.add(person)
    session.flush()
    return person


def update_person(
    session: Session, person_id: int, data: PersonData, *, reason: str = ""
) -> Person:
    data = _cleaned(data)
    person = get_person(session, person_id)
    problems = check_person(session, data, person_id)
    if problems:
        raise RegisterError(problems)
    set_audit_reason(session, reason or "Sửa thông tin cá nhân")
    data.apply_to(person)
    session.flush()
    return person


def set_person_active(
    session: Session, person_id: int, active: bool, *, reason: str = ""
) -> Person:
    person = get_person(session, person_id)
    set_audit_reason(
        session, reason or ("Cá nhân hoạt động trở lại" if active else "Ngừng theo dõi cá nhân")
    )
    person.active = active
    session.add(person)
    session.flush()
    return person


def person_dependants(session: Session, person_id: int) -> int:
    """Dossiers and prior awards of the person: any of them forbids deleting it."""
    dossiers = session.exec(
        select(func.count()).where(Dossier.nominee_person_id == person_id)
    ).one()
    awards = session.exec(select(func.count()).where(PriorAward.person_id == person_id)).one()
    return int(dossiers) + int(awards)


def delete_person(session: Session, person_id: int, *, reason: str = "") -> PersonData:
    person = get_person(session, person_id)
    if person_dependants(session, person_id):
        raise RegisterError(
            [
                f"Không thể xóa “{person.full_name}” vì đã có hồ sơ hoặc khen thưởng gắn với cá nhân "
                "này. Hãy dùng “Ngừng hoạt động”."
            ]
        )
    data = PersonData.of(person)
    set_audit_reason(session, reason or "Xóa cá nhân")
    session.delete(person)
    session.flush()
    return data


def load_person_row(session: Session, person_id: int) -> PersonRow | None:
    person = session.get(Person, person_id)
    if person is None:
        return None
    return PersonRow(
        person.id,  # type: ignore[arg-type]
        person.unit_id,
        person.full_name,
        person.gender,
        person.birth_year,
        person.position,
        person.phone,
        person.active,
    )
