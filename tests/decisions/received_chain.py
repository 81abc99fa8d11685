"""Dossiers taken along the award chain through the workflow itself, for the tests of decisions.

A dossier is completed (every standard ticked, every paper the units bring marked), sent to the
council, proposed by its vote, given the papers the app makes (Tờ trình, Danh sách, Biên bản), and
— for a form of the city and above — sent up by the Tờ trình to the city.
"""

from __future__ import annotations

from sqlmodel import Session, select

from desktop.awards import papers
from desktop.awards.catalogue import components_of, criteria_of
from desktop.awards.dossiers import (
    NewDossier,
    achievement_sections,
    create_dossier,
    save_achievement,
    set_component,
    set_criterion,
)
from desktop.awards.nominees import find_nominee
from desktop.awards.workflow import Act, move_dossier
from desktop.models import AwardForm, Campaign, CampaignKind, DossierStatus, Person, Unit
from desktop.models.ids import AwardFormId, CampaignId, PersonId, UnitId, saved_id

S = DossierStatus
MADE_HERE = ("submission", "nominees", "minutes")


def campaign_id(s: Session, year: int = 2026) -> int:
    campaign = s.exec(
        select(Campaign).where(Campaign.year == year, Campaign.kind == CampaignKind.YEARLY)
    ).one()
    return saved_id(campaign.id)


def form_id(s: Session, code: str) -> int:
    return saved_id(s.exec(select(AwardForm).where(AwardForm.code == code)).one().id)


def unit_id(s: Session, code: str) -> int:
    return saved_id(s.exec(select(Unit).where(Unit.code == code)).one().id)


def person_ids(s: Session, how_many: int) -> list[int]:
    people = s.exec(select(Person).where(Person.active).order_by(Person.id)).all()
    return [saved_id(p.id) for p in people if not p.discipline_note][:how_many]


def complete_dossier(
    s: Session,
    form_code: str,
    *,
    unit_code: str | None = None,
    person_id: int | None = None,
    year: int = 2026,
) -> int:
    """A Nháp with nothing missing that the clerk can fill in."""
    form = form_id(s, form_code)
    dossier = create_dossier(
        s,
        NewDossier(
            CampaignId(campaign_id(s, year)),
            AwardFormId(form),
            nominee_unit_id=UnitId(unit_id(s, unit_code)) if unit_code else None,
            nominee_person_id=PersonId(person_id) if person_id is not None else None,
        ),
    )
    dossier_id = saved_id(dossier.id)
    kind = find_nominee(s, dossier.nominee_unit_id, dossier.nominee_person_id).kind
    for criterion in criteria_of(s, form, kind):
        if not criterion.heading:
            set_criterion(s, dossier_id, saved_id(criterion.id), True, "Minh chứng kèm theo")
    for component in components_of(s, form):
        if component.required and not component.made_by:
            set_component(s, dossier_id, saved_id(component.id), True, "Bản giấy")
    save_achievement(
        s,
        dossier_id,
        {section.key: "Hoàn thành tốt nhiệm vụ" for section in achievement_sections()},
    )
    return dossier_id


def proposed(s: Session, dossier_id: int) -> int:
    """Trình Hội đồng, the council's vote for it, and the papers the app makes marked present."""
    move_dossier(s, dossier_id, S.SUBMITTED_TO_COUNCIL)
    move_dossier(s, dossier_id, S.COUNCIL_PROPOSED, act=Act.VOTE, note="Hội đồng đề nghị 7/7 phiếu")
    for kind in MADE_HERE:
        papers.mark_made(s, dossier_id, kind, f"{kind} lập trên phần mềm")
    return dossier_id


def sent_up(s: Session, dossier_id: int) -> int:
    """Proposed by the council and sent to the city by the Tờ trình."""
    proposed(s, dossier_id)
    move_dossier(s, dossier_id, S.SENT_UP, act=Act.SUBMISSION, note="Tờ trình số 12/TTr-UBND")
    return dossier_id
