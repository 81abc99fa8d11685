"""Initiatives and models (sáng kiến, giải pháp, mô hình điển hình) as the pages and reports read them.

One view per initiative, with its unit's name, its authors' full names and the plan's content area
(mục II.1) written out, so that a table, the yearly report and a báo cáo thành tích print the same
words. The rules and changes live in :mod:`desktop.movement.initiative_ops`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlmodel import Session, col, or_, select
from sqlmodel.sql.expression import SelectOfScalar

from desktop.models import ContentArea, Person, Unit
from desktop.models.ids import saved_id
from desktop.models.movement import (
    DossierInitiative,
    Initiative,
    InitiativeKind,
    InitiativePerson,
    RecognitionLevel,
)
from desktop.text import sort_key


@dataclass(frozen=True)
class InitiativeView:
    """One initiative as the clerk reads it (tên, đơn vị, tác giả, lĩnh vực, hiệu quả, công nhận)."""

    id: int
    year: int
    kind: InitiativeKind
    title: str
    unit_id: int | None
    unit_name: str
    authors: tuple[str, ...]  # full names, in the order they were given
    content_area: str  # the plan's II.1 text, "" when none
    effect: str
    recognition: RecognitionLevel
    decision: str
    note: str = ""
    author_ids: tuple[int, ...] = ()
    content_area_id: int | None = None


def initiatives_in(
    session: Session,
    first_year: int,
    last_year: int,
    *,
    unit_id: int | None = None,
    person_id: int | None = None,
) -> list[InitiativeView]:
    """The initiatives of the years ``first_year``–``last_year``, by year then title.

    ``unit_id``: only the unit's own; ``person_id``: only those the person is an author of.
    """
    statement = select(Initiative).where(
        col(Initiative.year) >= first_year, col(Initiative.year) <= last_year
    )
    if unit_id is not None:
        statement = statement.where(Initiative.unit_id == unit_id)
    if person_id is not None:
        statement = statement.where(col(Initiative.id).in_(_authored_by(person_id)))
    rows = list(session.exec(statement))
    rows.sort(key=lambda i: (i.year, sort_key(i.title), saved_id(i.id)))
    return views_of(session, rows)


def nominee_initiatives(
    session: Session,
    first_year: int,
    last_year: int,
    *,
    unit_id: int | None,
    person_id: int | None,
) -> list[InitiativeView]:
    """What a nominee may put in its báo cáo thành tích: a unit's own initiatives; a person's, as
    an author or of the unit they belong to."""
    statement = select(Initiative).where(
        col(Initiative.year) >= first_year, col(Initiative.year) <= last_year
    )
    if person_id is not None:
        person = session.get(Person, person_id)
        own_unit = person.unit_id if person is not None else None
        statement = statement.where(
            or_(
                col(Initiative.id).in_(_authored_by(person_id)),
                col(Initiative.unit_id) == own_unit,
            )
        )
    elif unit_id is not None:
        statement = statement.where(Initiative.unit_id == unit_id)
    else:
        return []
    rows = list(session.exec(statement))
    rows.sort(key=lambda i: (i.year, sort_key(i.title), saved_id(i.id)))
    return views_of(session, rows)


def chosen_for(session: Session, dossier_id: int) -> list[InitiativeView]:
    """The initiatives chosen into a dossier's báo cáo thành tích, in the order chosen."""
    rows = session.exec(
        select(Initiative)
        .join(DossierInitiative, col(DossierInitiative.initiative_id) == col(Initiative.id))
        .where(DossierInitiative.dossier_id == dossier_id)
        .order_by(col(DossierInitiative.ordinal), col(DossierInitiative.id))
    ).all()
    return views_of(session, list(rows))


def initiative_counts(
    session: Session, first_year: int, last_year: int
) -> dict[RecognitionLevel, int]:
    """How many initiatives of the years each recognition level has (every level, 0 included)."""
    counts = dict.fromkeys(RecognitionLevel, 0)
    rows = session.exec(
        select(Initiative.recognition).where(
            col(Initiative.year) >= first_year, col(Initiative.year) <= last_year
        )
    )
    for level in rows:
        counts[RecognitionLevel(level)] += 1
    return counts


def view_of(session: Session, initiative_id: int) -> InitiativeView | None:
    """One initiative's view (None: it is not there)."""
    initiative = session.get(Initiative, initiative_id)
    return None if initiative is None else views_of(session, [initiative])[0]


def views_of(session: Session, rows: list[Initiative]) -> list[InitiativeView]:
    """The views of ``rows``, with their units, authors and areas read in three queries."""
    if not rows:
        return []
    ids = [saved_id(i.id) for i in rows]
    authors: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for initiative_id, person_id, name in session.exec(
        select(InitiativePerson.initiative_id, Person.id, Person.full_name)
        .join(Person, col(Person.id) == col(InitiativePerson.person_id))
        .where(col(InitiativePerson.initiative_id).in_(ids))
        .order_by(col(InitiativePerson.id))
    ):
        authors[initiative_id].append((saved_id(person_id), name))
    unit_ids = {i.unit_id for i in rows if i.unit_id is not None}
    units = dict(session.exec(select(Unit.id, Unit.name).where(col(Unit.id).in_(unit_ids))).all())
    areas = dict(session.exec(select(ContentArea.id, ContentArea.text)).all())
    return [
        InitiativeView(
            id=saved_id(i.id),
            year=i.year,
            kind=InitiativeKind(i.kind),
            title=i.title,
            unit_id=i.unit_id,
            unit_name=units.get(i.unit_id, "") if i.unit_id is not None else "",
            authors=tuple(name for _, name in authors[saved_id(i.id)]),
            content_area=areas.get(i.content_area_id, "") if i.content_area_id else "",
            effect=i.effect,
            recognition=RecognitionLevel(i.recognition),
            decision=i.decision,
            note=i.note,
            author_ids=tuple(pid for pid, _ in authors[saved_id(i.id)]),
            content_area_id=i.content_area_id,
        )
        for i in rows
    ]


def _authored_by(person_id: int) -> SelectOfScalar[int]:
    return select(InitiativePerson.initiative_id).where(InitiativePerson.person_id == person_id)


# -- what the forms offer ----------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    """One line of a drop-down list: the record's id and what the clerk reads."""

    id: int
    text: str


def short_area(text: str) -> str:
    """A content area's first clause, for a list ("Thi đua phát triển xã hội số")."""
    for mark in (".", ";", ","):
        head, found, _ = text.partition(mark)
        if found and len(head) >= 12:
            text = head
    return text.strip()


def area_choices(session: Session) -> list[Choice]:
    """The plan's content areas (mục II.1), numbered as in the plan, in its order."""
    rows = session.exec(select(ContentArea).order_by(col(ContentArea.ordinal)))
    return [Choice(saved_id(a.id), f"{a.ordinal}. {short_area(a.text)}") for a in rows]


def unit_choices(session: Session) -> list[Choice]:
    """Every unit of the register (a closed one may still own an earlier initiative)."""
    rows = session.exec(select(Unit.id, Unit.name, Unit.code)).all()
    return [
        Choice(saved_id(uid), f"{name} ({code})")
        for uid, name, code in sorted(rows, key=lambda r: sort_key(r[1]))
    ]


def author_choices(session: Session) -> list[Choice]:
    """The persons who may be added as authors (working ones), "Họ tên — đơn vị"."""
    rows = session.exec(
        select(Person.id, Person.full_name, Unit.name)
        .join(Unit, col(Unit.id) == col(Person.unit_id))
        .where(col(Person.active).is_(True))
    ).all()
    return [
        Choice(saved_id(pid), f"{name} — {unit}")
        for pid, name, unit in sorted(rows, key=lambda r: (sort_key(r[1]), sort_key(r[2])))
    ]
