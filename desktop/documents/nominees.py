"""Danh sách đề nghị khen thưởng: the list attached to a Tờ trình (``to`` ward or city).

It lists the same dossiers as its Tờ trình and is dated as it: while dossiers wait for a Tờ trình
(proposed by the council, not yet listed), it is the list of the Tờ trình to come, its number and
date left as dots; once the Tờ trình is issued and nothing new waits, it is that Tờ trình's list,
with its number and date. It has no number and no date line of its own (``TYPE_CODE`` "-",
``@nodate``): the line "(Kèm theo Tờ trình số … ngày … của …)" under its title dates it, so the
two can never disagree.

The words naming what is asked ("tặng Giấy khen của Chủ tịch Ủy ban nhân dân phường cho các tập
thể, cá nhân") are made here once, for the list and for its Tờ trình.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session

from desktop.decisions import submissions
from desktop.decisions.certificates import period_of
from desktop.decisions.submissions import Listed
from desktop.documents.common import DocumentRequest, this_year, ward_label
from desktop.documents.kinds import DocumentError
from desktop.documents.template import BLANK
from desktop.models import Campaign, IssuedDocument
from desktop.models.decisions import Authority
from desktop.models.ids import saved_id
from desktop.settings import WardSettings, load_settings
from desktop.text import wording

TEMPLATE = "danh-sach-de-nghi.txt"
TYPE_CODE = "-"
DATA_KEYS = ("campaign", "groups", "proposal", "submission", "issuer", "to_ward")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


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


def groups_of(listed: Sequence[Listed]) -> list[dict[str, Any]]:
    """The listed dossiers by award, highest first (as :func:`submissions.describe` sorts them)."""
    groups: dict[int, dict[str, Any]] = {}
    for row in listed:
        group = groups.setdefault(
            row.form_id, {"award": row.form, "collectives": [], "individuals": []}
        )
        entry = {
            "dossier_id": row.dossier_id,
            "name": row.name,
            "detail": row.detail,
            "note": row.note,
        }
        group["collectives" if row.collective else "individuals"].append(entry)
    out = list(groups.values())
    for index, group in enumerate(out):
        group["roman"] = ROMAN[index] if index < len(ROMAN) else str(index + 1)
    return out


def spelled(award: str) -> str:
    """An award's name as a sentence of a document spells it: "UBND" in full ("Giấy khen của
    Chủ tịch Ủy ban nhân dân phường"); a catalogue name keeps its short form in tables."""
    return " ".join("Ủy ban nhân dân" if word == "UBND" else word for word in award.split())


def counted(collectives: int, individuals: int, joiner: str = " và ") -> str:
    """ "2 tập thể và 2 cá nhân", "1 tập thể" — never "0 cá nhân" (``joiner`` ", " in a list)."""
    return wording.nominees(collectives, individuals, joiner)


def proposal(listed: Sequence[Listed]) -> dict[str, str]:
    """What a Tờ trình and its list ask, as its trích yếu reads: ``award`` "tặng Giấy khen của
    Chủ tịch Ủy ban nhân dân phường" when all the dossiers are for one form, else "khen thưởng";
    ``whom`` "các tập thể, cá nhân", "các tập thể", "tập thể", "cá nhân" … as they are."""
    forms = list(dict.fromkeys(row.form for row in listed))
    award = f"tặng {spelled(forms[0])}" if len(forms) == 1 else "khen thưởng"
    collectives = sum(1 for row in listed if row.collective)
    individuals = len(listed) - collectives
    if collectives and individuals or not listed:
        whom = "các tập thể, cá nhân"
    elif collectives:
        whom = "các tập thể" if collectives > 1 else "tập thể"
    else:
        whom = "các cá nhân" if individuals > 1 else "cá nhân"
    return {"award": award, "whom": whom}


def listed_now(
    session: Session, campaign_id: int, to: str
) -> tuple[list[Listed], IssuedDocument | None]:
    """What the Tờ trình to ``to`` lists: the dossiers waiting for it (no record yet), or, when
    none waits, those of the latest one issued (with its record)."""
    waiting = submissions.pending(session, campaign_id, to)
    if waiting:
        return waiting, None
    issued = submissions.submission_documents(session, campaign_id, submissions.authority_of(to))
    if not issued:
        return [], None
    latest = issued[-1]
    return submissions.describe(
        session, submissions.listed_ids(session, saved_id(latest.id))
    ), latest


def issuer_of(settings: WardSettings, to_ward: bool, ward_short: str) -> dict[str, Any]:
    """Who sends the Tờ trình and signs its list: the standing office to the Chairman, the UBND
    phường to the city."""
    if to_ward:
        return {
            "name": settings.office_name,
            "signature": [settings.office_head_title],
            "signer": settings.office_head_name,
        }
    return {
        "name": ward_short,
        "signature": [*settings.signing_authority.split("\n"), settings.signer_title],
        "signer": settings.signer_name,
    }


def gather(session: Session, request: DocumentRequest) -> dict[str, Any]:
    campaign = get_campaign(session, request)
    settings = load_settings(session)
    listed, record = listed_now(session, saved_id(campaign.id), request.to)
    to_ward = submissions.authority_of(request.to) is Authority.WARD
    short = f"{settings.agency_abbreviation} {ward_label(settings)}".strip()
    reference = (
        {"symbol": record.symbol, "date": wording.short_date(record.issued_on)}
        if record is not None
        else {"symbol": "", "date": ""}
    )
    return {
        "campaign": {"name": campaign.name, "year": campaign.year, "period": period_of(campaign)},
        "groups": groups_of(listed),
        "proposal": proposal(listed),
        "submission": reference,
        "issuer": issuer_of(settings, to_ward, short),
        "to_ward": to_ward,
    }


def blank_data(session: Session, request: DocumentRequest) -> dict[str, Any]:
    """One award with empty rows for collectives and individuals, signed as the ward's Tờ trình
    to the city (its blank form) is."""
    settings = load_settings(session)
    group = {"roman": "I", "award": BLANK, "collectives": BLANK, "individuals": BLANK}
    short = f"{settings.agency_abbreviation} {ward_label(settings)}".strip()
    return {
        "campaign": BLANK,
        "groups": [group],
        "proposal": {"award": BLANK, "whom": "các tập thể, cá nhân"},
        "submission": {"symbol": "", "date": ""},
        "issuer": issuer_of(settings, False, short),
        "to_ward": False,
    }
