"""Which dossiers a Tờ trình lists, and which Tờ trình have listed them.

Two authorities receive a Tờ trình (Luật Thi đua, khen thưởng 2022, Điều 80): the ward's Chairman
decides the forms of level 1 (Giấy khen), on the Tờ trình of the council's standing office; the
city decides every higher form, on the Tờ trình of the UBND phường. Each lists only the dossiers the
council proposed (Hội đồng đề nghị) that no issued Tờ trình of the same authority has listed yet
(:class:`~desktop.models.SubmissionItem`) and that no decision covers.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from desktop.decisions.errors import DecisionError
from desktop.models import (
    AwardForm,
    CouncilMeeting,
    Dossier,
    DossierStatus,
    IssuedDocument,
    Person,
    SubmissionItem,
    Unit,
)
from desktop.models.decisions import Authority
from desktop.models.ids import CampaignId, DocumentId, DossierId, saved_id
from desktop.text import sort_key

WARD_LEVEL = 1  # AwardForm.level of the forms the ward's Chairman decides


def authority_of(to: str) -> Authority:
    """ "ward" → the Chairman of the ward, "city" → the city (the request's ``to``)."""
    try:
        return Authority(to)
    except ValueError:
        raise DecisionError(
            "Nơi trình phải là “ward” (Chủ tịch UBND phường) hoặc “city” (UBND thành phố)."
        ) from None


def authority_of_level(level: int) -> Authority:
    return Authority.WARD if level <= WARD_LEVEL else Authority.CITY


@dataclass(frozen=True)
class Listed:
    """A dossier as a Tờ trình and its Danh sách list it."""

    dossier_id: DossierId
    form_id: int
    form: str  # the award's name
    level: int
    collective: bool  # a tập thể (unit, business) rather than a cá nhân
    name: str
    detail: str  # a collective's address or kind; a person's position and unit
    note: str


@dataclass(frozen=True)
class EarlierSubmission:
    """An issued Tờ trình of a campaign to one authority, and how many dossiers it listed."""

    document_id: DocumentId
    symbol: str
    issued_on: date
    dossiers: int


def _params(record: IssuedDocument) -> dict[str, object]:
    try:
        params = json.loads(record.params or "{}")
    except json.JSONDecodeError:
        return {}
    return params if isinstance(params, dict) else {}


def submission_documents(
    session: Session, campaign_id: int, authority: Authority
) -> list[IssuedDocument]:
    """The issued Tờ trình of the campaign to ``authority``, oldest first."""
    rows = session.exec(
        select(IssuedDocument)
        .where(IssuedDocument.kind == "submission")
        .order_by(col(IssuedDocument.issued_on), col(IssuedDocument.id))
    ).all()
    return [
        r
        for r in rows
        if _params(r).get("campaign_id") == campaign_id and _params(r).get("to") == authority.value
    ]


def listed_ids(session: Session, document_id: int) -> list[DossierId]:
    """The dossiers an issued Tờ trình listed."""
    rows = session.exec(
        select(SubmissionItem.dossier_id)
        .where(SubmissionItem.document_id == document_id)
        .order_by(col(SubmissionItem.id))
    ).all()
    return [DossierId(r) for r in rows]


def already_submitted(session: Session, authority: Authority) -> set[int]:
    rows = session.exec(
        select(SubmissionItem.dossier_id).where(SubmissionItem.authority == authority)
    ).all()
    return set(rows)


def pending_ids(session: Session, campaign_id: int, to: str) -> list[DossierId]:
    """The dossiers a Tờ trình to ``to`` ("ward" | "city") would list now."""
    authority = authority_of(to)
    forms = {
        saved_id(f.id): f
        for f in session.exec(select(AwardForm))
        if authority_of_level(f.level) is authority
    }
    dossiers = session.exec(
        select(Dossier).where(
            Dossier.campaign_id == campaign_id,
            Dossier.status == DossierStatus.COUNCIL_PROPOSED,
            col(Dossier.award_form_id).in_(list(forms)),
            col(Dossier.decision_id).is_(None),
        )
    ).all()
    done = already_submitted(session, authority)
    return [DossierId(saved_id(d.id)) for d in dossiers if saved_id(d.id) not in done]


def pending(session: Session, campaign_id: int, to: str) -> list[Listed]:
    """What a Tờ trình to ``to`` would list now, highest form first, then by name."""
    return describe(session, pending_ids(session, campaign_id, to))


def describe(session: Session, dossier_ids: Iterable[int]) -> list[Listed]:
    """The dossiers as listed: highest form first, collectives before persons, then by name."""
    ids = list(dossier_ids)
    dossiers = session.exec(select(Dossier).where(col(Dossier.id).in_(ids))).all()
    forms = {f.id: f for f in session.exec(select(AwardForm))}
    person_ids = {d.nominee_person_id for d in dossiers if d.nominee_person_id}
    persons = {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(person_ids)))}
    unit_ids = {d.nominee_unit_id for d in dossiers} | {p.unit_id for p in persons.values()}
    units = {u.id: u for u in session.exec(select(Unit).where(col(Unit.id).in_(unit_ids)))}
    out = []
    for dossier in dossiers:
        form = forms[dossier.award_form_id]
        if dossier.nominee_unit_id is not None:
            unit = units[dossier.nominee_unit_id]
            name, detail, collective = unit.name, unit.address or unit.kind.label, True
        else:
            person = persons[dossier.nominee_person_id]
            unit_name = units[person.unit_id].name if person.unit_id in units else ""
            name = person.full_name
            detail = ", ".join(p for p in (person.position, unit_name) if p)
            collective = False
        out.append(
            Listed(
                DossierId(saved_id(dossier.id)),
                saved_id(form.id),
                form.name,
                form.level,
                collective,
                name,
                detail,
                dossier.note,
            )
        )
    out.sort(key=lambda r: (-r.level, sort_key(r.form), not r.collective, sort_key(r.name)))
    return out


def record_listed(
    session: Session, document_id: int, dossier_ids: Iterable[int], authority: Authority
) -> None:
    for dossier_id in dossier_ids:
        session.add(
            SubmissionItem(document_id=document_id, dossier_id=dossier_id, authority=authority)
        )
    session.flush()


def earlier_of(session: Session, campaign_id: int, to: str) -> list[EarlierSubmission]:
    authority = authority_of(to)
    return [
        EarlierSubmission(
            DocumentId(saved_id(r.id)),
            r.symbol,
            r.issued_on,
            len(listed_ids(session, saved_id(r.id))),
        )
        for r in submission_documents(session, campaign_id, authority)
    ]


def earlier_submissions(
    campaign_id: CampaignId, to: str
) -> Callable[[Session], list[EarlierSubmission]]:
    """Read for the window and the command line: the Tờ trình already issued for the campaign
    to that authority (issuing another asks first)."""
    return lambda session: earlier_of(session, campaign_id, to)


def pending_submission(campaign_id: CampaignId, to: str) -> Callable[[Session], list[Listed]]:
    """Read for the window: what a Tờ trình to ``to`` would list now."""
    return lambda session: pending(session, campaign_id, to)


def undecided_of_ward_submissions(
    session: Session, campaign_id: int
) -> list[tuple[IssuedDocument, list[DossierId]]]:
    """The issued ward Tờ trình of the campaign with the dossiers each listed that still await the
    Chairman's decision (proposed, no decision recorded)."""
    out = []
    for record in submission_documents(session, campaign_id, Authority.WARD):
        ids = listed_ids(session, saved_id(record.id))
        waiting = session.exec(
            select(Dossier.id).where(
                col(Dossier.id).in_(ids),
                Dossier.status == DossierStatus.COUNCIL_PROPOSED,
                col(Dossier.decision_id).is_(None),
            )
        ).all()
        kept = [DossierId(i) for i in ids if i in set(waiting)]
        if kept:
            out.append((record, kept))
    return out


def council_minutes(session: Session, campaign_id: int) -> IssuedDocument | None:
    """The latest issued Biên bản of a council meeting about the campaign, if any."""
    meetings = set(
        session.exec(
            select(CouncilMeeting.id).where(CouncilMeeting.campaign_id == campaign_id)
        ).all()
    )
    rows = session.exec(
        select(IssuedDocument)
        .where(IssuedDocument.kind == "minutes")
        .order_by(col(IssuedDocument.issued_on).desc(), col(IssuedDocument.id).desc())
    ).all()
    return next((r for r in rows if _params(r).get("meeting_id") in meetings), None)
