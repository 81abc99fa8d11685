"""Báo cáo thành tích of one dossier, pre-filled: the clerk's sections (Dossier.achievement), the
nominee's indicator results for the campaign's year, and the standards ticked with their evidence.

A collective's report is headed by its own name under the ward; an individual's has no agency
block. Neither has a number of the ward's register.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from desktop.awards.dossiers import achievement_sections, read_achievement
from desktop.documents.common import DocumentRequest, this_year
from desktop.documents.kinds import DocumentError
from desktop.documents.template import BLANK
from desktop.indicators.results import UnitResult, unit_results
from desktop.indicators.scope import plan_years
from desktop.models import (
    AwardCriterion,
    AwardForm,
    Campaign,
    Dossier,
    DossierCriterionCheck,
    Person,
    Unit,
)

TEMPLATE = "bao-cao-thanh-tich.txt"
TYPE_CODE = "-"
DATA_KEYS = ("achievement",)


def _dossier(session: Session, request: DocumentRequest) -> Dossier:
    dossier = session.get(Dossier, request.dossier_id) if request.dossier_id else None
    if dossier is None:
        raise DocumentError(f"Không tìm thấy hồ sơ khen thưởng số {request.dossier_id}.")
    return dossier


def title(session: Session, request: DocumentRequest) -> str:
    if request.blank:
        return "Báo cáo thành tích"
    return f"Báo cáo thành tích — {_nominee_name(session, _dossier(session, request))}"


def document_year(session: Session, request: DocumentRequest) -> int:
    if request.blank:
        return request.year or this_year()
    campaign = session.get(Campaign, _dossier(session, request).campaign_id)
    return campaign.year if campaign else 0


def _nominee_name(session: Session, dossier: Dossier) -> str:
    if dossier.nominee_unit_id is not None:
        unit = session.get(Unit, dossier.nominee_unit_id)
        return unit.name if unit else ""
    person = session.get(Person, dossier.nominee_person_id)
    return person.full_name if person else ""


def result_row(r: UnitResult) -> dict[str, Any]:
    """One indicator of the nominee's unit; the form words it with the ``pct`` and ``verdict``
    filters. The unit's own figure is judged by the plan's comparison when it reported ("met");
    without a report it reads "Chưa đủ số liệu" — one unit, so no "k/n đơn vị" — and a figure
    without a target "Không có chỉ tiêu"."""
    return {"code": r.indicator_code, "percent": r.percent, "target": r.target, "met": r.met}


def gather(session: Session, request: DocumentRequest) -> dict[str, Any]:
    dossier = _dossier(session, request)
    form = session.get(AwardForm, dossier.award_form_id)
    campaign = session.get(Campaign, dossier.campaign_id)
    assert form is not None and campaign is not None  # foreign keys
    person = session.get(Person, dossier.nominee_person_id) if dossier.nominee_person_id else None
    unit = session.get(Unit, dossier.nominee_unit_id or (person.unit_id if person else None))
    texts = read_achievement(dossier)
    sections = [
        {"title": s.title, "text": texts.get(s.key, "").strip()} for s in achievement_sections()
    ]
    results = []
    if unit is not None and campaign.year in plan_years(session):  # no figures outside the plan
        results = [
            result_row(r) for r in unit_results(session, campaign.year, None, unit_id=unit.id)
        ]
    checks = session.exec(
        select(DossierCriterionCheck, AwardCriterion)
        .join(AwardCriterion, col(AwardCriterion.id) == DossierCriterionCheck.criterion_id)
        .where(DossierCriterionCheck.dossier_id == dossier.id, DossierCriterionCheck.met == True)  # noqa: E712
        .order_by(col(AwardCriterion.ordinal))
    ).all()
    return {
        "achievement": {
            "collective": person is None,
            "name": person.full_name if person else (unit.name if unit else ""),
            "name_upper": (unit.name if unit else "").upper(),
            "award": form.name,
            "campaign": campaign.name,
            "year": campaign.year,
            "birth_year": person.birth_year if person and person.birth_year else "",
            "gender": person.gender.value if person and person.gender else "",
            "position": person.position if person else "",
            "unit_name": unit.name if unit else "",
            "address": unit.address if unit else "",
            "head_title": (unit.head_position or "Thủ trưởng đơn vị").upper()
            if unit
            else "THỦ TRƯỞNG ĐƠN VỊ",
            "head_name": unit.head_name if unit else "",
            "sections": sections,
            "results": results,
            "criteria": [{"text": c.text, "evidence": k.evidence} for k, c in checks],
        }
    }


def blank_data(session: Session) -> dict[str, Any]:
    """The form a unit fills by hand: the real section titles, dotted lines under each."""
    sections = [{"title": s.title, "text": ""} for s in achievement_sections()]
    achievement: dict[str, Any] = {
        key: BLANK for key in ("name", "name_upper", "award", "campaign")
    }
    achievement.update(
        collective=True,
        sections=sections,
        results=[],
        criteria=[],
        year=BLANK,
        address="",
        head_title="THỦ TRƯỞNG ĐƠN VỊ",
        head_name="",
    )
    return {"achievement": achievement}
