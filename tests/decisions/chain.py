"""Awarded dossiers for the tests of certificates and of the award register, made through the
workflow itself: a complete dossier goes to the council, is proposed by its vote, gets the papers
the app makes, and is awarded by a decision recorded with ``record_on_dossiers``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from sqlmodel import Session

from desktop.awards import papers
from desktop.awards.workflow import Act, move_dossier
from desktop.decisions.recording import record_on_dossiers
from desktop.models import AwardDecision, DossierStatus
from desktop.models.decisions import Authority
from desktop.models.ids import saved_id
from tests.decisions import proposing
from tests.decisions.proposing import complete_dossier

S = DossierStatus
MADE_HERE = ("submission", "nominees", "minutes")
WARD_ISSUER = "Chủ tịch UBND phường Kiến An"


def campaign_of(s: Session, year: int = 2025) -> int:
    return proposing.campaign_of(s, year)


def unit_of(s: Session, code: str) -> int:
    return proposing.unit_id(s, code)


def proposed_dossier(
    s: Session,
    form_code: str = "GKCTP",
    *,
    unit_code: str | None = None,
    person_id: int | None = None,
    year: int = 2025,
) -> int:
    """A complete dossier the council proposed, with the papers the app makes marked present."""
    dossier_id = complete_dossier(s, form_code, unit_code=unit_code, person_id=person_id, year=year)
    move_dossier(s, dossier_id, S.COUNCIL_PROPOSED, act=Act.VOTE, note="Hội đồng đề nghị 7/7 phiếu")
    for made_by in MADE_HERE:
        papers.mark_made(s, dossier_id, made_by, "Lập trên phần mềm")
    return dossier_id


def decide(
    s: Session,
    dossier_ids: Sequence[int],
    *,
    number: str = "125/QĐ-UBND",
    signed_on: date = date(2025, 12, 20),
    authority: Authority = Authority.WARD,
    issuer: str = WARD_ISSUER,
    bonuses: Mapping[int, int] | None = None,
    year: int = 2025,
) -> int:
    """An AwardDecision awarding the dossiers; returns its id."""
    decision = AwardDecision(
        campaign_id=campaign_of(s, year),
        authority=authority,
        number=number,
        signed_on=signed_on,
        issuer=issuer,
        base_salary=2_340_000,
    )
    s.add(decision)
    s.flush()
    record_on_dossiers(s, decision, dossier_ids, bonuses)
    s.flush()
    return saved_id(decision.id)


def awarded_ward_decision(
    s: Session, *, persons: Sequence[int] = (1, 7), number: str = "125/QĐ-UBND"
) -> tuple[int, list[int]]:
    """A ward decision giving Giấy khen to two residential groups and to ``persons``; returns the
    decision's id and its dossiers (collectives first)."""
    dossiers = [proposed_dossier(s, unit_code=code) for code in ("TDP01", "TDP02")]
    dossiers += [proposed_dossier(s, person_id=person) for person in persons]
    bonuses = {d: 702_000 if i < 2 else 351_000 for i, d in enumerate(dossiers)}
    return decide(s, dossiers, bonuses=bonuses, number=number), dossiers
