"""What the "Văn bản & báo cáo" page offers to choose from: campaigns and dossiers, as labels."""

from __future__ import annotations

from sqlmodel import Session, col, select

from desktop.awards.dossiers import list_dossiers
from desktop.models import Campaign
from desktop.models.ids import CampaignId, DossierId, MeetingId, saved_id


def campaign_choices(session: Session) -> list[tuple[CampaignId, str]]:
    """Đợt xét khen thưởng, newest first: (id, "Khen thưởng năm 2025")."""
    rows = session.exec(
        select(Campaign).order_by(col(Campaign.year).desc(), col(Campaign.id).desc())
    )
    return [(CampaignId(saved_id(c.id)), c.name) for c in rows]


def meeting_choices(
    session: Session, campaign_id: CampaignId | None
) -> list[tuple[MeetingId, str]]:
    """Phiên họp Hội đồng of a campaign: (id, "Phiên họp ngày 10/12/2025 — Hội trường …")."""
    from desktop.council.meetings import list_meetings
    from desktop.text import wording

    return [
        (MeetingId(m.id), f"Phiên họp ngày {wording.short_date(m.held_on)} — {m.place}")
        for m in list_meetings(session, campaign_id)
    ]


def dossier_choices(
    session: Session, campaign_id: CampaignId | None = None
) -> list[tuple[DossierId, str]]:
    """Hồ sơ of a campaign (or all): (id, "Tên đối tượng — hình thức khen thưởng")."""
    rows = list_dossiers(session)
    return [
        (DossierId(saved_id(r.dossier.id)), f"{r.nominee} — {r.award}")
        for r in rows
        if campaign_id is None or r.dossier.campaign_id == campaign_id
    ]
