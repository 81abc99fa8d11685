"""Quyết định khen thưởng of the ward's Chairman (Giấy khen), made from the ward Tờ trình's list.

It covers the dossiers listed by the issued Tờ trình to the Chairman of the campaign that still
await a decision; the clerk types only its number (the ward's book of Quyết định) and its date.
Điều 2 gives the bonus of each nominee (:mod:`desktop.decisions.bonus`); the list attached on the
next page prints each amount, and they add up to Điều 2's total. Issuing records the decision
(:class:`~desktop.models.AwardDecision`) and awards every listed dossier with it at once.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlmodel import Session

from desktop.decisions import bonus, submissions
from desktop.decisions.certificates import period_of
from desktop.decisions.recording import record_on_dossiers
from desktop.documents import nominees
from desktop.documents.common import DocumentRequest, ward_label
from desktop.documents.kinds import DocumentError
from desktop.documents.renderer import OWN_DATE, OWN_NUMBER
from desktop.documents.report import plan_reference
from desktop.documents.template import BLANK
from desktop.models import AwardDecision, AwardForm, IssuedDocument
from desktop.models.decisions import Authority
from desktop.models.ids import DossierId, saved_id
from desktop.settings import WardSettings, load_settings
from desktop.text import wording

TEMPLATE = "quyet-dinh-khen-thuong.txt"
SHORT_BLANK = "……"
TYPE_CODE = "QĐ"
DATA_KEYS = (
    "campaign",
    "chairman",
    "plan_reference",
    "office",
    "submission",
    "totals",
    "base_salary",
    "rates",
    "total",
    "groups",
    "own",
)


def title(session: Session, request: DocumentRequest) -> str:
    if request.blank:
        return "Quyết định khen thưởng"
    return f"Quyết định tặng Giấy khen — {nominees.get_campaign(session, request).name}"


def document_year(session: Session, request: DocumentRequest) -> int:
    return nominees.document_year(session, request)


def issuer_of(settings: WardSettings) -> str:
    """ "Chủ tịch UBND phường Kiến An", as the decision's issuer is recorded."""
    return f"Chủ tịch UBND {ward_label(settings)}"


def office_head(settings: WardSettings) -> str:
    """ "Trưởng phòng Văn hóa - Xã hội": the title, then the office without repeating "Phòng"."""
    title = settings.office_head_title.capitalize()
    office = settings.office_name
    first, _, rest = office.partition(" ")
    if rest and title.split()[-1:] == [first.lower()]:
        office = rest
    return f"{title} {office}".strip()


def to_decide(session: Session, campaign_id: int) -> tuple[list[IssuedDocument], list[DossierId]]:
    """The ward Tờ trình the decision answers to and the dossiers it covers; refused without one."""
    waiting = submissions.undecided_of_ward_submissions(session, campaign_id)
    if not waiting:
        issued = submissions.submission_documents(session, campaign_id, Authority.WARD)
        if not issued:
            raise DocumentError(
                "Chưa có Tờ trình đề nghị Chủ tịch UBND phường tặng Giấy khen của đợt này đã cấp "
                "số; hãy ban hành Tờ trình (nơi trình: phường) trước khi lập Quyết định."
            )
        raise DocumentError(
            "Mọi hồ sơ trong Tờ trình đề nghị Chủ tịch UBND phường của đợt này đã có quyết định "
            "khen thưởng; không còn hồ sơ nào để lập Quyết định."
        )
    records = [record for record, _ in waiting]
    ids = [dossier_id for _, kept in waiting for dossier_id in kept]
    return records, ids


def nominees_text(collectives: int, individuals: int) -> dict[str, Any]:
    """ "3 tập thể và 2 cá nhân", "2 cá nhân": only what the decision awards, never "0 cá nhân"."""
    text = wording.nominees(collectives, individuals, " và ")
    return {"collectives": collectives, "individuals": individuals, "text": text}


def bonuses_of(session: Session, ids: list[DossierId], base_salary: int) -> dict[int, int]:
    return {dossier_id: bonus.bonus_of(session, dossier_id, base_salary) for dossier_id in ids}


def _rates(
    session: Session, listed: list[submissions.Listed], amounts: dict[int, int], base: int
) -> list[dict[str, Any]]:
    """One line of Điều 2 per award and kind of nominee: coefficient, amount, count, total."""
    by_kind: dict[tuple[int, bool], list[submissions.Listed]] = defaultdict(list)
    for row in listed:
        by_kind[(row.form_id, row.collective)].append(row)
    rates = []
    for (form_id, collective), rows in by_kind.items():
        form = session.get(AwardForm, form_id)
        assert form is not None  # the dossiers' own forms
        coefficient = bonus.coefficient_of(form, collective)
        each = bonus.bonus_amount(coefficient, base)
        rates.append(
            {
                "award": form.name,
                "who": "tập thể" if collective else "cá nhân",
                "unit": "tập thể" if collective else "cá nhân",
                "coefficient": bonus.coefficient_text(coefficient),
                "amount": wording.money(each),
                "count": wording.count(len(rows)),
                "total": wording.money(sum(amounts[r.dossier_id] for r in rows)),
            }
        )
    return rates


def gather(session: Session, request: DocumentRequest) -> dict[str, Any]:
    campaign = nominees.get_campaign(session, request)
    settings = load_settings(session)
    records, ids = to_decide(session, saved_id(campaign.id))
    listed = submissions.describe(session, ids)
    amounts = bonuses_of(session, ids, settings.base_salary)
    groups = nominees.groups_of(listed)
    for group in groups:
        for row in (*group["collectives"], *group["individuals"]):
            row["amount"] = wording.count(amounts[row["dossier_id"]])
    references = [f"số {r.symbol} ngày {wording.short_date(r.issued_on)}" for r in records]
    return {
        "campaign": {"name": campaign.name, "year": campaign.year, "period": period_of(campaign)},
        "chairman": {
            "heading": f"CHỦ TỊCH {settings.agency_name.upper()} {settings.ward_name.upper()}",
            "authority": settings.chairman_authority,
            "title": settings.chairman_title,
            "name": settings.chairman_name,
        },
        "plan_reference": plan_reference(session),
        "office": {"head": office_head(settings)},
        "submission": {"text": "Tờ trình " + ", ".join(references)},
        "totals": nominees_text(
            sum(1 for r in listed if r.collective), sum(1 for r in listed if not r.collective)
        ),
        "base_salary": wording.money(settings.base_salary),
        "rates": _rates(session, listed, amounts, settings.base_salary),
        "total": wording.money(sum(amounts.values())),
        "groups": groups,
        "own": {"number": OWN_NUMBER, "date": OWN_DATE},
    }


def blank_data(session: Session, request: DocumentRequest) -> dict[str, Any]:
    settings = load_settings(session)
    group = {"roman": "I", "award": BLANK, "collectives": BLANK, "individuals": BLANK}
    data: dict[str, Any] = {key: BLANK for key in DATA_KEYS}
    data["chairman"] = {
        "heading": f"CHỦ TỊCH {settings.agency_name.upper()} {settings.ward_name.upper()}",
        "authority": settings.chairman_authority,
        "title": settings.chairman_title,
        "name": BLANK,
    }
    data["campaign"] = {"name": BLANK, "year": BLANK, "period": f"năm {SHORT_BLANK}"}
    data["totals"] = {"text": f"{SHORT_BLANK} tập thể và {SHORT_BLANK} cá nhân"}
    data["groups"] = [group]
    # Điều 2 by hand: one line for the collectives and one for the individuals, each blank as long
    # as what is written there (a coefficient is short, an award's name is not).
    data["rates"] = [
        {
            "award": BLANK,
            "who": who,
            "unit": who,
            "coefficient": SHORT_BLANK,
            "amount": f"{BLANK} đồng",
            "count": SHORT_BLANK,
            "total": f"{BLANK} đồng",
        }
        for who in ("tập thể", "cá nhân")
    ]
    data["own"] = {"number": OWN_NUMBER, "date": OWN_DATE}
    return data


def on_issue(session: Session, record: IssuedDocument, request: DocumentRequest) -> None:
    """Record the decision and award every dossier it covers, with its bonus, at once."""
    campaign = nominees.get_campaign(session, request)
    settings = load_settings(session)
    records, ids = to_decide(session, saved_id(campaign.id))
    decision = AwardDecision(
        campaign_id=saved_id(campaign.id),
        authority=Authority.WARD,
        number=record.symbol,
        signed_on=record.issued_on,
        issuer=issuer_of(settings),
        document_id=saved_id(record.id),
        submission_document_id=saved_id(records[-1].id),
        base_salary=settings.base_salary,
    )
    session.add(decision)
    session.flush()
    record_on_dossiers(
        session,
        decision,
        ids,
        bonuses_of(session, ids, settings.base_salary),
        note=f"Quyết định số {record.symbol} ngày {wording.short_date(record.issued_on)}",
    )
