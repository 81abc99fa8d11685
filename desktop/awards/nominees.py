"""The nominee of a dossier (đối tượng đề nghị khen thưởng): a unit of the register or a person."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from desktop.awards.errors import DossierError
from desktop.models import Dossier, NomineeKind, Person, Unit, UnitKind
from desktop.models.ids import PersonId, UnitId, saved_id
from desktop.storage.hooks import set_audit_reason
from desktop.text import clean

BUSINESS_KINDS = (UnitKind.BUSINESS, UnitKind.COOPERATIVE)


def unit_nominee_kind(unit: Unit) -> NomineeKind:
    """Businesses and cooperatives are judged as doanh nghiệp (III.2); every other unit as a tập thể."""
    return NomineeKind.BUSINESS if unit.kind in BUSINESS_KINDS else NomineeKind.COLLECTIVE


@dataclass(frozen=True)
class Nominee:
    kind: NomineeKind
    name: str
    active: bool
    discipline_note: str
    unit_id: UnitId | None = None
    person_id: PersonId | None = None
    results_unit_id: UnitId | None = None  # whose indicator results speak for the nominee

    @property
    def flagged(self) -> bool:
        """Kỷ luật / khiếu nại on record: awards wait (NĐ 152/2025, Điều 4)."""
        return bool(self.discipline_note.strip())


def nominee_from_unit(unit: Unit) -> Nominee:
    return Nominee(
        kind=unit_nominee_kind(unit),
        name=unit.name,
        active=unit.active,
        discipline_note=unit.discipline_note,
        unit_id=UnitId(saved_id(unit.id)),
        results_unit_id=UnitId(saved_id(unit.id)),
    )


def nominee_from_person(person: Person) -> Nominee:
    return Nominee(
        kind=NomineeKind.INDIVIDUAL,
        name=person.full_name,
        active=person.active,
        discipline_note=person.discipline_note,
        person_id=PersonId(saved_id(person.id)),
        results_unit_id=UnitId(person.unit_id),
    )


def find_nominee(session: Session, unit_id: int | None, person_id: int | None) -> Nominee:
    """The nominee named by exactly one of the two ids; a clear refusal otherwise."""
    if (unit_id is None) == (person_id is None):
        raise DossierError("Hãy chọn một đối tượng đề nghị: một đơn vị hoặc một cá nhân.")
    if unit_id is not None:
        unit = session.get(Unit, unit_id)
        if unit is None:
            raise DossierError(f"Không tìm thấy đơn vị số {unit_id} trong sổ đăng ký.")
        return nominee_from_unit(unit)
    person = session.get(Person, person_id)
    if person is None:
        raise DossierError(f"Không tìm thấy cá nhân số {person_id} trong sổ đăng ký.")
    return nominee_from_person(person)


def nominee_of(session: Session, dossier: Dossier) -> Nominee:
    return find_nominee(session, dossier.nominee_unit_id, dossier.nominee_person_id)


def record_discipline(
    session: Session, unit_id: int | None, person_id: int | None, note: str, reason: str = ""
) -> Nominee:
    """Ghi (or clear, with an empty note) kỷ luật / khiếu nại on the nominee itself, so every dossier
    of that unit or person is flagged, whatever campaign it belongs to.

    Clearing a note stands for a decision (the review ended, the complaint was settled): it needs a
    reason, kept in the audit log as "Gỡ ghi chú kỷ luật: <lý do>" beside the old note.
    """
    find_nominee(session, unit_id, person_id)
    record: Unit | Person | None = (
        session.get(Unit, unit_id) if unit_id is not None else session.get(Person, person_id)
    )
    assert record is not None  # find_nominee has refused a missing one
    note, reason = clean(note), clean(reason)
    name = record.name if isinstance(record, Unit) else record.full_name
    if not note:
        if not record.discipline_note:
            raise DossierError(
                f"“{name}” không có ghi chú kỷ luật, thanh tra hoặc khiếu nại để gỡ."
            )
        if not reason:
            raise DossierError(
                f"Hãy ghi lý do gỡ ghi chú kỷ luật của “{name}” (ví dụ: kết luận thanh tra số …)."
            )
        set_audit_reason(session, f"Gỡ ghi chú kỷ luật: {reason}")
    else:
        why = "Ghi kỷ luật / khiếu nại"
        set_audit_reason(session, f"{why}: {reason}" if reason else why)
    record.discipline_note = note
    session.add(record)
    session.flush()
    return find_nominee(session, unit_id, person_id)
