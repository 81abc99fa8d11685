"""The decisions on record (quyết định khen thưởng), of one campaign or of all, for the window and the
command line: what each one is, whom it awards now and for how much, and whether it was revoked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from desktop.awards.catalogue import get_campaign
from desktop.models import Attachment, Authority, AwardDecision, Campaign, Dossier
from desktop.models.ids import saved_id
from desktop.text import wording


@dataclass(frozen=True)
class DecisionRow:
    """One decision. ``collectives`` and ``persons`` count the dossiers it awards now (units —
    businesses included — and individuals): a revoked decision awards none. ``scan_id`` is the
    attachment holding the scan of a received decision; ``document_id`` the register's record of
    a decision issued here."""

    id: int
    campaign_id: int
    campaign: str
    authority: Authority
    number: str
    signed_on: date
    issuer: str
    collectives: int
    persons: int
    total_bonus: int
    revoked_on: date | None
    revoke_reason: str
    scan_id: int | None
    document_id: int | None

    @property
    def revoked(self) -> bool:
        return self.revoked_on is not None

    @property
    def covers(self) -> str:
        """ "3 tập thể, 1 cá nhân", as the decision's Điều 1 counts them."""
        return wording.nominees(self.collectives, self.persons) or "không còn hồ sơ nào"

    @property
    def state(self) -> str:
        if self.revoked_on is None:
            return "Có hiệu lực"
        return f"Đã hủy ngày {wording.short_date(self.revoked_on)}: {self.revoke_reason}"


def list_decisions(session: Session, campaign_id: int | None = None) -> list[DecisionRow]:
    """The decisions of a campaign (or of all), the latest signed first."""
    query = select(AwardDecision).order_by(
        col(AwardDecision.signed_on).desc(), col(AwardDecision.id).desc()
    )
    if campaign_id is not None:
        get_campaign(session, campaign_id)  # an unknown campaign is refused, not an empty list
        query = query.where(AwardDecision.campaign_id == campaign_id)
    decisions = session.exec(query).all()
    ids = [saved_id(d.id) for d in decisions]
    campaigns = {c.id: c.name for c in session.exec(select(Campaign))}
    awarded: dict[int, list[Dossier]] = {i: [] for i in ids}
    for dossier in session.exec(select(Dossier).where(col(Dossier.decision_id).in_(ids))):
        awarded[saved_id(dossier.decision_id)].append(dossier)
    scans: dict[int, int] = {}
    for attachment in session.exec(
        select(Attachment).where(col(Attachment.decision_id).in_(ids)).order_by(col(Attachment.id))
    ):
        scans[saved_id(attachment.decision_id)] = saved_id(attachment.id)  # the latest wins
    return [
        DecisionRow(
            id=saved_id(d.id),
            campaign_id=d.campaign_id,
            campaign=campaigns.get(d.campaign_id, ""),
            authority=d.authority,
            number=d.number,
            signed_on=d.signed_on,
            issuer=d.issuer,
            collectives=sum(1 for x in awarded[saved_id(d.id)] if x.nominee_person_id is None),
            persons=sum(1 for x in awarded[saved_id(d.id)] if x.nominee_person_id is not None),
            total_bonus=sum(x.bonus_amount for x in awarded[saved_id(d.id)]),
            revoked_on=d.revoked_on,
            revoke_reason=d.revoke_reason,
            scan_id=scans.get(saved_id(d.id)),
            document_id=d.document_id,
        )
        for d in decisions
    ]
