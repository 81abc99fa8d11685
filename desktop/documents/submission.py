"""Tờ trình đề nghị khen thưởng, to the authority that decides (``to``).

``to="ward"``: the council's standing office (Cài đặt: Phòng Văn hóa - Xã hội) asks the ward's
Chairman for the Giấy khen of the dossiers the council proposed (forms of level 1), numbered in the
office's own book (01/TTr-VHXH). ``to="city"``: the UBND phường asks the city, through its Ban Thi
đua - Khen thưởng, for the forms of level 2 and above (01/TTr-UBND). Each lists only what no issued
Tờ trình to the same authority has listed and no decision covers (:mod:`desktop.decisions.submissions`).

Issuing records what it listed, marks the papers "Tờ trình" and "Danh sách" present on those
dossiers, and, to the city, moves each to "Đã gửi cấp trên".
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from desktop.awards import papers
from desktop.awards.workflow import Act, move_dossier
from desktop.decisions import submissions
from desktop.decisions.certificates import period_of
from desktop.documents import nominees
from desktop.documents.common import DocumentRequest, ward_label
from desktop.documents.kinds import DocumentError
from desktop.documents.report import plan_reference
from desktop.documents.template import BLANK
from desktop.models import DossierStatus, IssuedDocument
from desktop.models.decisions import Authority
from desktop.models.ids import saved_id
from desktop.settings import load_settings
from desktop.text import wording

TEMPLATE = "to-trinh-de-nghi.txt"  # includes to-trinh-chu-tich.txt for the Chairman
TYPE_CODE = "TTr"
DATA_KEYS = (
    "campaign",
    "groups",
    "proposal",
    "totals",
    "plan_reference",
    "minutes",
    "to_ward",
    "office",
)


def title(session: Session, request: DocumentRequest) -> str:
    if request.blank:
        return "Tờ trình đề nghị khen thưởng"
    whom = "Chủ tịch UBND phường" if request.to == "ward" else "UBND thành phố"
    name = nominees.get_campaign(session, request).name
    return f"Tờ trình đề nghị khen thưởng ({whom}) — {name}"


def document_year(session: Session, request: DocumentRequest) -> int:
    return nominees.document_year(session, request)


def addressee(session: Session, to: str) -> str:
    """Whom a Tờ trình to ``to`` is addressed to, as the refusals name it."""
    settings = load_settings(session)
    if submissions.authority_of(to) is Authority.WARD:
        return f"Chủ tịch Ủy ban nhân dân {ward_label(settings)}"
    return f"Ủy ban nhân dân {settings.city_name}"


def gather(session: Session, request: DocumentRequest) -> dict[str, Any]:
    campaign = nominees.get_campaign(session, request)
    campaign_id = saved_id(campaign.id)
    listed = submissions.pending(session, campaign_id, request.to)
    groups = nominees.groups_of(listed)
    settings = load_settings(session)
    minutes = submissions.council_minutes(session, campaign_id)
    collectives = sum(len(g["collectives"]) for g in groups)
    individuals = sum(len(g["individuals"]) for g in groups)
    return {
        "campaign": {"name": campaign.name, "year": campaign.year, "period": period_of(campaign)},
        "groups": [
            {
                "award": g["award"],
                "counted": nominees.counted(
                    len(g["collectives"]), len(g["individuals"]), joiner=", "
                ),
            }
            for g in groups
        ],
        "proposal": nominees.proposal(listed),
        "totals": {
            "counted": nominees.counted(collectives, individuals),
            "any": bool(listed),
        },
        "plan_reference": plan_reference(session),
        "minutes": (
            {"symbol": minutes.symbol, "date": wording.short_date(minutes.issued_on)}
            if minutes is not None
            else None
        ),
        "to_ward": submissions.authority_of(request.to) is Authority.WARD,
        "office": {"title": settings.office_head_title, "name": settings.office_head_name},
    }


def blank_data(session: Session, request: DocumentRequest) -> dict[str, Any]:
    """The Tờ trình to the city with its counts and bases left as dots."""
    # Two lines of awards to fill (a Tờ trình to the city seldom asks more than two forms): six
    # would push the signature onto a page of its own.
    return {
        "campaign": BLANK,
        "groups": [{"award": BLANK, "counted": BLANK}] * 2,
        "proposal": {"award": BLANK, "whom": "các tập thể, cá nhân"},
        "totals": {"counted": BLANK, "any": True},
        "plan_reference": BLANK,
        "minutes": None,
        "to_ward": False,
        "office": BLANK,
    }


def check_issuable(session: Session, request: DocumentRequest) -> None:
    """A Tờ trình lists what the council proposed and no Tờ trình has listed yet: with nothing
    new, none is issued."""
    campaign = nominees.get_campaign(session, request)
    if not submissions.pending_ids(session, saved_id(campaign.id), request.to):
        raise DocumentError(
            "Không có hồ sơ nào Hội đồng đã đề nghị mà chưa trình "
            f"{addressee(session, request.to)} trong {campaign.name}; không cấp số Tờ trình."
        )


def on_issue(session: Session, record: IssuedDocument, request: DocumentRequest) -> None:
    """Record what the Tờ trình listed, mark its papers on those dossiers, send the city's up."""
    campaign = nominees.get_campaign(session, request)
    authority = submissions.authority_of(request.to)
    ids = submissions.pending_ids(session, saved_id(campaign.id), request.to)
    submissions.record_listed(session, saved_id(record.id), ids, authority)
    when = wording.short_date(record.issued_on)
    for dossier_id in ids:
        papers.mark_made(
            session, dossier_id, "submission", f"Tờ trình số {record.symbol} ngày {when}"
        )
        papers.mark_made(
            session,
            dossier_id,
            "nominees",
            f"Danh sách kèm Tờ trình số {record.symbol} ngày {when}",
        )
        if authority is Authority.CITY:
            move_dossier(
                session,
                dossier_id,
                DossierStatus.SENT_UP,
                act=Act.SUBMISSION,
                note=f"Tờ trình số {record.symbol} ngày {when}",
            )
