"""Dossiers the council proposed, for the tests of the Tờ trình and of the Chairman's decision.

A complete dossier (every standard that is not a heading ticked, every paper the units bring
present) goes to the council and is proposed by its vote through the workflow itself; the papers
the app makes (Tờ trình, Danh sách) are left for the Tờ trình to mark. The 2026 round of the demo
ward is used: the demo's own dossiers are in 2025.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from desktop.awards import papers
from desktop.awards.catalogue import components_of, criteria_of
from desktop.awards.dossiers import NewDossier, create_dossier, set_component, set_criterion
from desktop.awards.nominees import find_nominee
from desktop.awards.workflow import Act, move_dossier
from desktop.models import AwardForm, Campaign, CampaignKind, DossierStatus, Person, Unit
from desktop.models.ids import AwardFormId, CampaignId, PersonId, UnitId, saved_id

S = DossierStatus
YEAR = 2026


def campaign_of(s: Session, year: int = YEAR) -> int:
    campaign = s.exec(
        select(Campaign).where(Campaign.year == year, Campaign.kind == CampaignKind.YEARLY)
    ).one()
    return saved_id(campaign.id)


def unit_id(s: Session, code: str) -> int:
    return saved_id(s.exec(select(Unit).where(Unit.code == code)).one().id)


def person_named(s: Session, person_id: int) -> str:
    person = s.get(Person, person_id)
    assert person is not None
    return person.full_name


def unit_named(s: Session, code: str) -> str:
    return s.exec(select(Unit).where(Unit.code == code)).one().name


def complete_dossier(
    s: Session,
    form_code: str = "GKCTP",
    *,
    unit_code: str | None = None,
    person_id: int | None = None,
    year: int = YEAR,
    to_council: bool = True,
) -> int:
    """A dossier with every standard ticked and every paper the units bring, sent to the council
    (or left a draft)."""
    form = saved_id(s.exec(select(AwardForm).where(AwardForm.code == form_code)).one().id)
    dossier = create_dossier(
        s,
        NewDossier(
            CampaignId(campaign_of(s, year)),
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
        if not component.made_by:
            set_component(s, dossier_id, saved_id(component.id), True, "Bản giấy")
    if to_council:
        move_dossier(s, dossier_id, S.SUBMITTED_TO_COUNCIL)
    return dossier_id


def proposed(s: Session, dossier_id: int) -> int:
    """The council's vote proposes it, its biên bản marked present as recording a vote does (the
    council's own code records the ballot itself)."""
    move_dossier(s, dossier_id, S.COUNCIL_PROPOSED, act=Act.VOTE, note="Hội đồng đề nghị 7/7 phiếu")
    papers.mark_made(s, dossier_id, "minutes", "Biên bản họp Hội đồng")
    return dossier_id


@dataclass(frozen=True)
class Round:
    campaign: int
    ward_units: tuple[int, ...]  # Giấy khen proposed to two residential groups
    ward_persons: tuple[int, ...]  # and to two persons
    city_unit: int  # Bằng khen of the city, proposed
    city_person: int
    at_council: int  # a Giấy khen still before the council
    draft: int  # a Giấy khen still a draft

    @property
    def ward(self) -> list[int]:
        return [*self.ward_units, *self.ward_persons]

    @property
    def city(self) -> list[int]:
        return [self.city_unit, self.city_person]


def build_round(s: Session) -> Round:
    """The 2026 round: four Giấy khen and two Bằng khen proposed, one before the council, one draft."""
    ward_units = tuple(proposed(s, complete_dossier(s, unit_code=c)) for c in ("TDP01", "TDP02"))
    ward_persons = tuple(proposed(s, complete_dossier(s, person_id=p)) for p in (1, 7))
    return Round(
        campaign_of(s),
        ward_units,
        ward_persons,
        proposed(s, complete_dossier(s, "BKCTTP", unit_code="THCSLL")),
        proposed(s, complete_dossier(s, "BKCTTP", person_id=5)),
        complete_dossier(s, unit_code="TDP03"),
        complete_dossier(s, unit_code="TDP04", to_council=False),
    )
