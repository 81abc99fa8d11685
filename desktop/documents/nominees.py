"""Danh sách đề nghị khen thưởng of a campaign, grouped by award (highest level first).

It is the attachment of the Tờ trình, so it has no number of its own (``TYPE_CODE`` "-").
Dossiers returned for more papers or not awarded are left out; every other status is listed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from desktop.documents.common import DocumentRequest, this_year
from desktop.documents.kinds import DocumentError
from desktop.documents.template import BLANK
from desktop.models import AwardForm, Campaign, Dossier, DossierStatus, IssuedDocument, Person, Unit
from desktop.models.ids import CampaignId, saved_id
from desktop.text import sort_key, wording

TEMPLATE = "danh-sach-de-nghi.txt"
TYPE_CODE = "-"
DATA_KEYS = ("campaign", "groups", "submission")
LEFT_OUT = (DossierStatus.RETURNED, DossierStatus.NOT_AWARDED)
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@dataclass
class AwardGroup:
    award: str
    level: int
    collectives: list[dict[str, Any]] = field(default_factory=list)
    individuals: list[dict[str, Any]] = field(default_factory=list)


def get_campaign(session: Session, request: DocumentRequest) -> Campaign:
    campaign = session.get(Campaign, request.campaign_id) if request.campaign_id else None
    if campaign is None:
        raise DocumentError(f"Không tìm thấy đợt xét khen thưởng số {request.campaign_id}.")
    return campaign


def title(session: Session, request: DocumentRequest) -> str:
    if request.blank:
        return "Danh sách đề nghị khen thưởng"
    return f"Danh sách đề nghị khen thưởng — {get_campaign(session, request).name}"


def document_year(session: Session, request: DocumentRequest) -> int:
    if request.blank:
        return request.year or this_year()
    return get_campaign(session, request).year


def award_groups(session: Session, campaign_id: CampaignId) -> list[AwardGroup]:
    dossiers = session.exec(
        select(Dossier).where(
            Dossier.campaign_id == campaign_id, col(Dossier.status).not_in(LEFT_OUT)
        )
    ).all()
    forms = {f.id: f for f in session.exec(select(AwardForm))}
    unit_ids = {d.nominee_unit_id for d in dossiers} | {d.proposing_unit_id for d in dossiers}
    person_ids = {d.nominee_person_id for d in dossiers if d.nominee_person_id}
    persons = {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(person_ids)))}
    unit_ids |= {p.unit_id for p in persons.values()}
    units = {u.id: u for u in session.exec(select(Unit).where(col(Unit.id).in_(unit_ids)))}
    groups: dict[int, AwardGroup] = {}
    for dossier in dossiers:
        form = forms[dossier.award_form_id]
        group = groups.setdefault(saved_id(form.id), AwardGroup(form.name, form.level))
        if dossier.nominee_unit_id is not None:
            unit = units[dossier.nominee_unit_id]
            group.collectives.append(
                {"name": unit.name, "detail": unit.address or unit.kind.label, "note": dossier.note}
            )
        else:
            person = persons[dossier.nominee_person_id]
            unit_name = units[person.unit_id].name if person.unit_id in units else ""
            detail = ", ".join(p for p in (person.position, unit_name) if p)
            group.individuals.append(
                {"name": person.full_name, "detail": detail, "note": dossier.note}
            )
    ordered = sorted(groups.values(), key=lambda g: (-g.level, sort_key(g.award)))
    for group in ordered:
        group.collectives.sort(key=lambda r: sort_key(r["name"]))
        group.individuals.sort(key=lambda r: sort_key(r["name"]))
    return ordered


def submission_reference(session: Session, campaign_id: CampaignId) -> dict[str, str]:
    """The issued Tờ trình of the campaign this list goes with, if the ward has issued it."""
    rows = session.exec(
        select(IssuedDocument)
        .where(IssuedDocument.kind == "submission")
        .order_by(col(IssuedDocument.id).desc())
    ).all()
    for row in rows:
        try:
            params = json.loads(row.params or "{}")
        except json.JSONDecodeError:
            continue
        if params.get("campaign_id") == campaign_id:
            return {"symbol": row.symbol, "date": wording.short_date(row.issued_on)}
    return {"symbol": "", "date": ""}


def gather(session: Session, request: DocumentRequest) -> dict[str, Any]:
    campaign = get_campaign(session, request)
    campaign_id = CampaignId(saved_id(campaign.id))
    groups = award_groups(session, campaign_id)
    return {
        "campaign": {"name": campaign.name, "year": campaign.year},
        "groups": [
            {
                "roman": ROMAN[i] if i < len(ROMAN) else str(i + 1),
                "award": g.award,
                "collectives": g.collectives,
                "individuals": g.individuals,
            }
            for i, g in enumerate(groups)
        ],
        "submission": submission_reference(session, campaign_id),
    }


def blank_data(session: Session) -> dict[str, Any]:
    """One award with empty rows for collectives and individuals."""
    group = {"roman": "I", "award": BLANK, "collectives": BLANK, "individuals": BLANK}
    return {"campaign": BLANK, "groups": [group], "submission": {"symbol": "", "date": ""}}
