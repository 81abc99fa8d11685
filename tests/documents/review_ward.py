"""A synthetic ward for the review reports' tests: units reporting every quarter of 2025–2027,
the movement's record of those years and a sơ kết round with a few dossiers
(desktop/demo/synthetic_movement.py), on the day the sơ kết is held."""

from __future__ import annotations

from sqlmodel import Session, col, select

from desktop.demo.synthetic_movement import MovementSize, add_synthetic_movement
from desktop.demo.ward import SyntheticSize, build_synthetic_ward
from desktop.models import Campaign, CampaignKind, Dossier, DossierStatus
from desktop.storage import Database

REVIEW_DAY = "2027-11-20"  # THIDUA_TODAY: the sơ kết round is under way
UNITS = 60


def build_review_ward(db: Database, last_year: int = 2027, units: int = UNITS) -> None:
    build_synthetic_ward(db, SyntheticSize(units, 2025, last_year, indicators=6))
    add_synthetic_movement(db, MovementSize(2025, last_year))


def review_dossiers(session: Session, kind: CampaignKind) -> list[Dossier]:
    campaign = session.exec(select(Campaign).where(Campaign.kind == kind)).one()
    return list(
        session.exec(
            select(Dossier).where(Dossier.campaign_id == campaign.id).order_by(col(Dossier.id))
        )
    )


def proposed_collective(session: Session) -> Dossier:
    """A unit's dossier of the sơ kết round that the council proposed."""
    return next(
        d
        for d in review_dossiers(session, CampaignKind.PRELIMINARY_REVIEW)
        if d.status is DossierStatus.COUNCIL_PROPOSED and d.nominee_unit_id is not None
    )
