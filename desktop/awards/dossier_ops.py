"""The changes the clerk makes to dossiers (hồ sơ khen thưởng), as operations for the one door.

Each function takes plain inputs and returns an :data:`~desktop.changes.Operation`: the door runs it
in one transaction and announces the :class:`~desktop.changes.Change` (``Area.DOSSIERS`` with the
dossier's id). What the clerk fills in while the dossier is with them — the texts, the ticks of the
two checklists, the awards received before — can be taken back with Ctrl+Z: those operations
return an :class:`~desktop.changes.Undo` of scope :data:`SCOPE` whose two steps put the record back
exactly as it was, or refuse if the dossier has moved on since (a submitted dossier stays as
judged). A workflow step, a new dossier, a deleted draft and a note of discipline are recorded acts
with their own reason in the audit log: they are not undone by Ctrl+Z.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlmodel import Session, select

from desktop.awards.dossiers import (
    Created,
    NewDossier,
    add_dossier,
    delete_dossier,
    editable_dossier,
    get_dossier,
    read_achievement,
    save_achievement,
    save_details,
    set_component,
    set_criterion,
)
from desktop.awards.errors import DossierError
from desktop.awards.history import add_prior_award, remove_prior_award
from desktop.awards.nominees import Nominee, find_nominee, record_discipline
from desktop.awards.workflow import Decision, act_of_clerk_step, move_dossier
from desktop.changes import Area, Change, Done, Operation, Undo
from desktop.models import (
    AwardCriterion,
    Dossier,
    DossierComponent,
    DossierComponentCheck,
    DossierCriterionCheck,
    DossierStatus,
    PriorAward,
)
from desktop.models.ids import DossierId, PersonId, UnitId, saved_id

T = TypeVar("T")
SCOPE = "dossiers"  # the undo history of what the clerk fills in on dossiers


def dossier_changed(*dossier_ids: int) -> Change:
    return Change.of(Area.DOSSIERS, *dossier_ids)


def _short(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def nominee_dossier_ids(
    session: Session, unit_id: UnitId | None, person_id: PersonId | None
) -> list[DossierId]:
    """The dossiers of one nominee: what a change to the nominee shows up in."""
    where = (
        Dossier.nominee_unit_id == unit_id
        if unit_id is not None
        else Dossier.nominee_person_id == person_id
    )
    return [DossierId(i) for i in session.exec(select(Dossier.id).where(where)) if i is not None]


# -- creating, deleting, the workflow (recorded acts, not undone) --------------------------------
def new_dossier(new: NewDossier) -> Operation[DossierId]:
    """Tạo hồ sơ: a Nháp with the first line of its history (see :func:`create`)."""

    def operation(session: Session) -> Done[DossierId]:
        done = create(new)(session)
        return Done(done.value.dossier_id, done.change)

    return operation


def create(new: NewDossier) -> Operation[Created]:
    """Tạo hồ sơ, and with ``new.replace`` close the nominee's lower dossier it replaces; the
    change names both."""

    def operation(session: Session) -> Done[Created]:
        created = add_dossier(session, new)
        closed = [r.dossier_id for r in created.replaced]
        return Done(created, dossier_changed(created.dossier_id, *closed))

    return operation


def delete_draft(dossier_id: DossierId, reason: str) -> Operation[None]:
    """Xóa hồ sơ nháp, with the reason in the audit log; the stored files go with a prune after."""

    def operation(session: Session) -> Done[None]:
        delete_dossier(session, dossier_id, reason)
        return Done(None, dossier_changed(dossier_id))

    return operation


def take_step(
    dossier_id: DossierId,
    to: DossierStatus,
    *,
    note: str = "",
    reason: str = "",
    decision: Decision | None = None,
    at: datetime | None = None,
) -> Operation[None]:
    """One step of the workflow. It writes a line of the dossier's history and is not undone by
    Ctrl+Z: a dossier sent back by mistake is moved on again by the next step."""

    def operation(session: Session) -> Done[None]:
        move_dossier(
            session,
            dossier_id,
            to,
            note=note,
            reason=reason,
            decision=decision,
            at=at,
            act=act_of_clerk_step(to),
        )
        return Done(None, dossier_changed(dossier_id))

    return operation


def note_discipline(
    unit_id: UnitId | None, person_id: PersonId | None, note: str, reason: str = ""
) -> Operation[Nominee]:
    """Ghi (or clear, with an empty note and a ``reason``) kỷ luật / khiếu nại on the nominee;
    every dossier of it is flagged while the note stands."""

    def operation(session: Session) -> Done[Nominee]:
        nominee = record_discipline(session, unit_id, person_id, note, reason)
        register = (
            Change.of(Area.UNITS, unit_id)
            if unit_id is not None
            else Change.of(Area.PERSONS, person_id)
        )
        changed = dossier_changed(*nominee_dossier_ids(session, unit_id, person_id))
        return Done(nominee, register | changed)

    return operation


# -- the texts of a dossier -------------------------------------------------------------------------
@dataclass(frozen=True)
class DossierFields:
    """What the clerk types in a dossier and saves with Lưu: proposer, note, achievement report."""

    proposing_unit_id: UnitId | None
    note: str
    achievement: Mapping[str, str]

    @classmethod
    def of(cls, dossier: Dossier) -> DossierFields:
        proposer = dossier.proposing_unit_id
        return cls(
            UnitId(proposer) if proposer is not None else None,
            dossier.note,
            read_achievement(dossier),
        )


def _write_fields(session: Session, dossier_id: DossierId, fields: DossierFields) -> DossierFields:
    save_achievement(session, dossier_id, dict(fields.achievement))
    save_details(session, dossier_id, fields.proposing_unit_id, fields.note)
    return DossierFields.of(get_dossier(session, dossier_id))


def _put_fields(dossier_id: DossierId, fields: DossierFields) -> Operation[None]:
    def operation(session: Session) -> Done[None]:
        _write_fields(session, dossier_id, fields)
        return Done(None, dossier_changed(dossier_id))

    return operation


def save_fields(dossier_id: DossierId, fields: DossierFields) -> Operation[bool]:
    """Lưu: keep the texts; True when something changed (then Ctrl+Z puts the old texts back)."""

    def operation(session: Session) -> Done[bool]:
        before = DossierFields.of(editable_dossier(session, dossier_id))
        after = _write_fields(session, dossier_id, fields)
        if after == before:
            return Done(False)
        label = f"sửa nội dung hồ sơ số {dossier_id}"
        undo = Undo(SCOPE, label, _put_fields(dossier_id, before), _put_fields(dossier_id, after))
        return Done(True, dossier_changed(dossier_id), undo)

    return operation


# -- the two checklists -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Check:
    """One line of a checklist as stored: ticked or not, and its note (minh chứng, ghi chú)."""

    ticked: bool
    note: str


def _criterion_check(
    session: Session, dossier_id: int, criterion_id: int
) -> DossierCriterionCheck | None:
    return session.exec(
        select(DossierCriterionCheck).where(
            DossierCriterionCheck.dossier_id == dossier_id,
            DossierCriterionCheck.criterion_id == criterion_id,
        )
    ).first()


def _component_check(
    session: Session, dossier_id: int, component_id: int
) -> DossierComponentCheck | None:
    return session.exec(
        select(DossierComponentCheck).where(
            DossierComponentCheck.dossier_id == dossier_id,
            DossierComponentCheck.component_id == component_id,
        )
    ).first()


def _put_criterion(
    dossier_id: DossierId, criterion_id: int, check: Check | None
) -> Operation[None]:
    """The line as it was; None: it had never been touched (no row), so the row goes."""

    def operation(session: Session) -> Done[None]:
        if check is not None:
            set_criterion(session, dossier_id, criterion_id, check.ticked, check.note)
        else:
            editable_dossier(session, dossier_id)
            row = _criterion_check(session, dossier_id, criterion_id)
            if row is not None:
                session.delete(row)
                session.flush()
        return Done(None, dossier_changed(dossier_id))

    return operation


def _put_component(
    dossier_id: DossierId, component_id: int, check: Check | None
) -> Operation[None]:
    def operation(session: Session) -> Done[None]:
        if check is not None:
            set_component(session, dossier_id, component_id, check.ticked, check.note)
        else:
            editable_dossier(session, dossier_id)
            row = _component_check(session, dossier_id, component_id)
            if row is not None:
                session.delete(row)
                session.flush()
        return Done(None, dossier_changed(dossier_id))

    return operation


def _check_label(before: Check | None, after: Check, ticked: str, unticked: str, noted: str) -> str:
    was_ticked = before is not None and before.ticked
    if after.ticked != was_ticked:
        return ticked if after.ticked else unticked
    return noted


def check_criterion(
    dossier_id: DossierId, criterion_id: int, met: bool, evidence: str = ""
) -> Operation[None]:
    """Tick (or untick) one standard with its evidence (minh chứng); Ctrl+Z puts it back."""

    def operation(session: Session) -> Done[None]:
        row = _criterion_check(session, dossier_id, criterion_id)
        before = Check(row.met, row.evidence) if row is not None else None
        stored = set_criterion(session, dossier_id, criterion_id, met, evidence)
        after = Check(stored.met, stored.evidence)
        if after == before:
            return Done(None)
        criterion = session.get(AwardCriterion, criterion_id)
        name = f"“{_short(criterion.text)}”" if criterion is not None else ""
        label = (
            _check_label(
                before,
                after,
                f"đánh dấu đạt tiêu chuẩn {name}",
                f"bỏ đánh dấu đạt tiêu chuẩn {name}",
                f"sửa minh chứng của tiêu chuẩn {name}",
            )
            + f" (hồ sơ số {dossier_id})"
        )
        undo = Undo(
            SCOPE,
            label,
            _put_criterion(dossier_id, criterion_id, before),
            _put_criterion(dossier_id, criterion_id, after),
        )
        return Done(None, dossier_changed(dossier_id), undo)

    return operation


def check_component(
    dossier_id: DossierId, component_id: int, present: bool, note: str = ""
) -> Operation[None]:
    """Mark one paper as present on paper (or not) with a note; Ctrl+Z puts it back."""

    def operation(session: Session) -> Done[None]:
        row = _component_check(session, dossier_id, component_id)
        before = Check(row.present, row.note) if row is not None else None
        stored = set_component(session, dossier_id, component_id, present, note)
        after = Check(stored.present, stored.note)
        if after == before:
            return Done(None)
        component = session.get(DossierComponent, component_id)
        name = f"“{_short(component.name)}”" if component is not None else ""
        label = (
            _check_label(
                before,
                after,
                f"đánh dấu đã có {name}",
                f"bỏ đánh dấu đã có {name}",
                f"sửa ghi chú của {name}",
            )
            + f" (hồ sơ số {dossier_id})"
        )
        undo = Undo(
            SCOPE,
            label,
            _put_component(dossier_id, component_id, before),
            _put_component(dossier_id, component_id, after),
        )
        return Done(None, dossier_changed(dossier_id), undo)

    return operation


# -- awards received before (khen thưởng đã nhận) ------------------------------------------------
@dataclass(frozen=True)
class PriorCopy:
    """A prior award as it was stored, to put it back under the same number."""

    id: int
    unit_id: UnitId | None
    person_id: PersonId | None
    year: int
    award_name: str
    decision: str

    @classmethod
    def of(cls, prior: PriorAward) -> PriorCopy:
        return cls(
            saved_id(prior.id),
            UnitId(prior.unit_id) if prior.unit_id is not None else None,
            PersonId(prior.person_id) if prior.person_id is not None else None,
            prior.year,
            prior.award_name,
            prior.decision,
        )

    @property
    def label(self) -> str:
        return f"khen thưởng đã nhận “{_short(self.award_name)}” năm {self.year}"

    def changed(self, session: Session) -> Change:
        return dossier_changed(*nominee_dossier_ids(session, self.unit_id, self.person_id))


def _insert_prior(copy: PriorCopy) -> Operation[None]:
    def operation(session: Session) -> Done[None]:
        find_nominee(session, copy.unit_id, copy.person_id)  # refuses if the nominee is gone
        if session.get(PriorAward, copy.id) is not None:
            raise DossierError(
                f"Không đưa lại được {copy.label}: số ghi {copy.id} đã được dùng cho mục khác."
            )
        session.add(
            PriorAward(
                id=copy.id,
                unit_id=copy.unit_id,
                person_id=copy.person_id,
                year=copy.year,
                award_name=copy.award_name,
                decision=copy.decision,
            )
        )
        session.flush()
        return Done(None, copy.changed(session))

    return operation


def _delete_prior(copy: PriorCopy) -> Operation[None]:
    def operation(session: Session) -> Done[None]:
        prior = session.get(PriorAward, copy.id)
        if prior is None or PriorCopy.of(prior) != copy:
            raise DossierError(
                f"{copy.label.capitalize()} không còn như lúc ghi; không gỡ lại được."
            )
        remove_prior_award(session, copy.id)
        return Done(None, copy.changed(session))

    return operation


def add_prior(
    year: int,
    award_name: str,
    decision: str = "",
    *,
    unit_id: UnitId | None = None,
    person_id: PersonId | None = None,
) -> Operation[int]:
    """Thêm khen thưởng đã nhận of a unit or a person; Ctrl+Z takes it off again."""

    def operation(session: Session) -> Done[int]:
        prior = add_prior_award(
            session, year, award_name, decision, unit_id=unit_id, person_id=person_id
        )
        copy = PriorCopy.of(prior)
        undo = Undo(SCOPE, f"thêm {copy.label}", _delete_prior(copy), _insert_prior(copy))
        return Done(copy.id, copy.changed(session), undo)

    return operation


def remove_prior(prior_award_id: int) -> Operation[None]:
    """Xóa khen thưởng đã nhận entered by hand; Ctrl+Z puts it back under its number."""

    def operation(session: Session) -> Done[None]:
        prior = session.get(PriorAward, prior_award_id)
        if prior is None:
            raise DossierError("Không tìm thấy khen thưởng đã nhận cần xóa.")
        copy = PriorCopy.of(prior)
        remove_prior_award(session, prior_award_id)
        undo = Undo(SCOPE, f"xóa {copy.label}", _insert_prior(copy), _delete_prior(copy))
        return Done(None, copy.changed(session), undo)

    return operation


def fill_checklists(
    dossier_id: DossierId,
    standards: list[int] | None,
    papers: list[int] | None,
    met: bool = True,
    evidence: str = "",
) -> Operation[int]:
    """Tick (or untick) several standards and papers of a dossier at once, by their numbers as
    ``dossiers show`` lists them (1, 2, … among the lines that can be ticked; None: all of them).
    One transaction: an unknown number refuses the whole. Returns how many lines were set."""

    def operation(session: Session) -> Done[int]:
        from desktop.awards.detail import load_detail

        detail = load_detail(session, dossier_id)
        tickable = [c.criterion for c in detail.criteria if not c.criterion.heading]
        documents = [c.component for c in detail.components]
        chosen_standards = _numbered(tickable, standards, "tiêu chuẩn")
        chosen_papers = _numbered(documents, papers, "thành phần hồ sơ")
        for criterion in chosen_standards:
            set_criterion(session, dossier_id, saved_id(criterion.id), met, evidence)
        for component in chosen_papers:
            set_component(session, dossier_id, saved_id(component.id), met, evidence)
        return Done(len(chosen_standards) + len(chosen_papers), dossier_changed(dossier_id))

    return operation


def _numbered(lines: list[T], numbers: list[int] | None, what: str) -> list[T]:
    if numbers is None:
        return list(lines)
    wrong = [n for n in numbers if not 1 <= n <= len(lines)]
    if wrong:
        raise DossierError(
            f"Hồ sơ không có {what} số {', '.join(map(str, wrong))} "
            f"(có {len(lines)}: xem “dossiers show”)."
        )
    return [lines[n - 1] for n in numbers]
