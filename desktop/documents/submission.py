"""Tờ trình đề nghị khen thưởng: the cover submission of a campaign's list to the city."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from desktop.documents import nominees
from desktop.documents.common import DocumentRequest
from desktop.documents.report import plan_reference
from desktop.models.ids import CampaignId, saved_id

TEMPLATE = "to-trinh-de-nghi.txt"
TYPE_CODE = "TTr"
DATA_KEYS = ("campaign", "groups", "totals", "plan_reference")


def title(session: Session, request: DocumentRequest) -> str:
    if request.blank:
        return "Tờ trình đề nghị khen thưởng"
    return f"Tờ trình đề nghị khen thưởng — {nominees.get_campaign(session, request).name}"


def document_year(session: Session, request: DocumentRequest) -> int:
    return nominees.document_year(session, request)


def gather(session: Session, request: DocumentRequest) -> dict[str, Any]:
    campaign = nominees.get_campaign(session, request)
    groups = nominees.award_groups(session, CampaignId(saved_id(campaign.id)))
    return {
        "campaign": {"name": campaign.name, "year": campaign.year},
        "groups": [
            {"award": g.award, "collectives": len(g.collectives), "individuals": len(g.individuals)}
            for g in groups
        ],
        "totals": {
            "collectives": sum(len(g.collectives) for g in groups),
            "individuals": sum(len(g.individuals) for g in groups),
        },
        "plan_reference": plan_reference(session),
    }
