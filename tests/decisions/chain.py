"""Awarded dossiers for the tests of certificates and of the award register, made through the
workflow itself: a complete dossier goes to the council, is proposed by its vote, gets the papers
the app makes, and is awarded by a decision recorded with ``record_on_dossiers``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from sqlmodel import Session, select

from desktop.awards import papers
from desktop.awards.catalogue import components_of, criteria_of
from desktop.awards.dossiers import NewDossier, create_dossier, set_component, set_criterion
from desktop.awards.nominees import find_nominee
from desktop.awards.workflow import Act, move_dossier
from desktop.decisions.recording import record_on_dossiers
from desktop.models import AwardDecision, AwardForm, Campaign, CampaignKind, DossierStatus, Unit
from desktop.models.decisions import Authority
from desktop.models.ids import AwardFormId, CampaignId, PersonId, UnitId, saved_id

S = DossierStatus
MADE_HERE = ("submission", "nominees", "minutes")
WARD_ISSUER = "Chủ tịch UBND phường Kiến An"


def campaign_of(s: Session, year: int = 2025) -> int:
    campaign = s.exec(
        select(Campaign).where(Campaign.year == year, Campaign.kind == CampaignKind.YEARLY)
    ).one()
    return saved_id(campaign.id)


def unit_of(s: Session, code: str) -> int:
    return saved_id(s.exec(select(Unit).where(Unit.code == code)).one().id)


def proposed_dossier(
    s: Session,
    form_code: str = "GKCTP",
    *,
    unit_code: str | None = None,
    person_id: int | None = None,
    year: int = 2025,
) -> int:
    """A complete dossier the council proposed, with the papers the app makes marked present."""
    form = saved_id(s.exec(select(AwardForm).where(AwardForm.code == form_code)).one().id)
    dossier = create_dossier(
        s,
        NewDossier(
            CampaignId(campaign_of(s, year)),
            AwardFormId(form),
            nominee_unit_id=UnitId(unit_of(s, unit_code)) if unit_code else None,
            nominee_person_id=PersonId(person_id) if person_id is not None else None,
        ),
    )
    dossier_id = saved_id(dossier.id)
    kind = find_nominee(s, dossier.nominee_unit_id, dossier.nominee_person_id).kind
    for criterion in criteria_of(s, form, kind):
        if not criterion.heading:
            set_criterion(s, dossier_id, saved_id(criterion.id), True, "Minh chứng kèm theo")
    for component in components_of(s, form):
        if not component.made_by:
            set_component(s, dossier_id, saved_id(component.id), True, "Bản giấy")
    move_dossier(s, dossier_id, S.SUBMITTED_TO_COUNCIL)
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
