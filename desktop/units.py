"""The register of units (sổ đơn vị) and persons: reads and the rules of changing it."""

from __future__ import annotations

from sqlmodel import Session, select

from desktop.models import Person, Unit
from desktop.text import sort_key


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
