"""Award dossiers (hồ sơ khen thưởng): reads for lists."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from desktop.models import AwardForm, Campaign, Dossier, DossierStatus, Person, Unit


@dataclass(frozen=True)
class DossierRow:
    dossier: Dossier
    nominee: str
    award: str
    campaign: str

    @property
    def status(self) -> DossierStatus:
        return self.dossier.status


def list_dossiers(session: Session) -> list[DossierRow]:
    units = {u.id: u.name for u in session.exec(select(Unit))}
    persons = {p.id: p.full_name for p in session.exec(select(Person))}
    forms = {f.id: f.name for f in session.exec(select(AwardForm))}
    campaigns = {c.id: c.name for c in session.exec(select(Campaign))}
    rows = []
    for dossier in session.exec(select(Dossier).order_by(Dossier.id)):
        nominee = (
            units.get(dossier.nominee_unit_id, "")
            if dossier.nominee_unit_id
            else persons.get(dossier.nominee_person_id, "")
        )
        rows.append(
            DossierRow(
                dossier, nominee, forms[dossier.award_form_id], campaigns[dossier.campaign_id]
            )
        )
    return rows
