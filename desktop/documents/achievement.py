"""Báo cáo thành tích of one dossier, pre-filled: the clerk's sections (Dossier.achievement), the
nominee's indicator results, its activities and the initiatives chosen into the dossier, and the
standards ticked with their evidence.

A yearly round's report shows the campaign's year; a sơ kết or tổng kết round's shows every year
of the stage it reviews (2025–2027, 2025–2030), one block a year, so the council reads the
nominee's whole record. The activities are those its unit organised in those years
(:class:`~desktop.models.ActivityUnit`; a person's: its unit's), the initiatives those the clerk
chose into the dossier (:func:`desktop.movement.initiatives.chosen_for`), never text retyped.

The report follows the decree's form for a themed campaign ("khen thưởng theo chuyên đề"), in two
templates: a collective's, headed by its own name under the ward and confirmed by the authority
that submits it ("cấp trình khen thưởng"); an individual's, with no agency block, signed by the
person and confirmed by the head of the unit. Neither has a number of the ward's register.

Every verdict printed comes from the results module and the one voice: the table's rows and the
sentence that sums them up say the same (a sentence never claims what its table does not show).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from desktop.awards.dossiers import EDITABLE_STATUSES, achievement_sections, read_achievement
from desktop.decisions.certificates import period_of
from desktop.documents.common import DocumentRequest, this_year
from desktop.documents.kinds import DocumentError
from desktop.documents.template import BLANK
from desktop.indicators.results import UnitResult, unit_results
from desktop.indicators.scope import plan_years
from desktop.models import (
    Activity,
    ActivityUnit,
    AwardCriterion,
    AwardForm,
    Campaign,
    CampaignKind,
    Dossier,
    DossierCriterionCheck,
    Indicator,
    Person,
    Unit,
)
from desktop.models.ids import saved_id
from desktop.models.movement import RecognitionLevel
from desktop.movement.initiatives import InitiativeView, chosen_for
from desktop.text import wording

TEMPLATE = "bao-cao-thanh-tich.txt"  # includes the collective's or the individual's form
TYPE_CODE = "-"
DATA_KEYS = ("achievement",)
LAST_QUARTER = 4


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


@dataclass(frozen=True)
class Row:
    """One indicator of the nominee's unit as the report prints it: by its name (never its
    code), with the results module's own verdict."""

    label: str
    result: UnitResult


def result_row(r: UnitResult, label: str) -> dict[str, Any]:
    """One indicator of the nominee's unit; the form words it with the ``pct`` and ``verdict``
    filters. The unit's own figure is judged by the plan's comparison when it reported ("met");
    without a report it reads "Chưa đủ số liệu" — one unit, so no "k/n đơn vị" — and a figure
    without a target "Không có chỉ tiêu"."""
    return {
        "label": label,
        "percent": r.percent,
        "target": r.target,
        "met": r.met,
    }


def results_summary(unit_name: str, year: int, rows: Sequence[Row]) -> str:
    """The sentence under the table, from the very verdicts of its rows: how many of the
    year's indicators with a target the unit met, and by name those it has not met or has no
    figure for. Empty when no row has a target (the table says "Không có chỉ tiêu")."""
    judged = [r for r in rows if r.result.target is not None]
    if not judged:
        return ""
    met = [r.label for r in judged if r.result.met is True]
    short = [r.label for r in judged if r.result.met is False]
    missing = [r.label for r in judged if r.result.met is None]
    total = len(judged)
    if len(met) == total:
        if total == 1:
            return f"{unit_name} đạt chỉ tiêu năm {year} ({met[0]})."
        return f"{unit_name} đạt cả {wording.count(total)} chỉ tiêu năm {year}."
    head = (
        f"{unit_name}: {wording.how_many(len(met), 'chỉ tiêu', 'đạt')} trong "
        f"{wording.count(total)} chỉ tiêu năm {year}"
    )
    parts = [head]
    if short:
        parts.append(f"{wording.Verdict.NOT_MET.value.lower()}: {', '.join(short)}")
    if missing:
        parts.append(f"{wording.Verdict.NO_DATA.value.lower()}: {', '.join(missing)}")
    return "; ".join(parts) + "."


def as_of_note(year: int, rows: Sequence[Row]) -> str:
    """Said when the year's figures are those of a quarter before the fourth (the year is not
    over, or the unit's last report is older): the verdicts hold them against the full year's
    target, and the reader is told so."""
    quarters = [r.result.quarter for r in rows if r.result.percent is not None and r.result.quarter]
    if not quarters or min(quarters) >= LAST_QUARTER:
        return ""
    latest = min(quarters)
    return (
        f"Số liệu đến hết {wording.quarter(latest, year)}, đánh giá so với chỉ tiêu cả năm {year}."
    )


def _rows(session: Session, unit: Unit, year: int) -> list[Row]:
    """The unit's indicators of the year that say something: a figure or a target (a row with
    neither would print "—, —, Không có chỉ tiêu" and tell the council nothing)."""
    labels = {i.id: i.label for i in session.exec(select(Indicator))}
    return [
        Row(labels[r.indicator_id], r)
        for r in unit_results(session, year, None, unit_id=unit.id)
        if r.percent is not None or r.target is not None
    ]


def _criteria_title(dossier: Dossier, measures_shown: bool = False) -> str:
    """The part of II listing the standards ticked comes after "2. … giải pháp", which is left
    out of a submitted report that has no text, activity or initiative for it: numbered 3, or 2
    in its place."""
    measures = read_achievement(dossier).get("giai_phap", "").strip()
    shown = bool(measures) or measures_shown or dossier.status in EDITABLE_STATUSES
    return f"{3 if shown else 2}. Tiêu chuẩn khen thưởng đã đạt"


def _criterion(text: str, evidence: str) -> dict[str, str]:
    """A standard ticked, as an item of the list: its text from a capital letter (the catalogue
    words it as the end of "Giấy khen … để"), the evidence the clerk noted after it."""
    text = text.strip().rstrip(".;")
    evidence = evidence.strip().rstrip(".;")
    return {
        "text": text[:1].upper() + text[1:],
        "evidence": f" (minh chứng: {evidence})" if evidence else "",
    }


def _sections(dossier: Dossier | None) -> dict[str, dict[str, str]]:
    """The clerk's sections by key (the form places each where the decree's form has it)."""
    texts = read_achievement(dossier) if dossier is not None else {}
    return {
        s.key: {"title": s.title, "text": texts.get(s.key, "").strip()}
        for s in achievement_sections()
    }


def reviewed_years(session: Session, campaign: Campaign) -> list[int]:
    """The years the report shows: a yearly round's year; a sơ kết or tổng kết round's every year
    of the plan up to it (2025–2027, 2025–2030). None outside the plan: no figures there."""
    plan = plan_years(session)
    first = campaign.year if campaign.kind is CampaignKind.YEARLY else plan.start
    return [year for year in range(first, campaign.year + 1) if year in plan]


def _year_block(session: Session, unit: Unit, year: int) -> dict[str, Any]:
    """One year of the nominee's unit: its table's rows, the sentence and the as-of note."""
    rows = _rows(session, unit, year)
    return {
        "year": year,
        "results": [result_row(r.result, r.label) for r in rows],
        "summary": results_summary(unit.name, year, rows),
        "as_of": as_of_note(year, rows),
    }


def _activities(session: Session, unit: Unit, years: Sequence[int]) -> list[dict[str, Any]]:
    """The activities the unit organised in the years, by date."""
    if not years:
        return []
    found = session.exec(
        select(Activity)
        .join(ActivityUnit, col(ActivityUnit.activity_id) == col(Activity.id))
        .where(
            ActivityUnit.unit_id == unit.id,
            col(Activity.held_on).between(date(years[0], 1, 1), date(years[-1], 12, 31)),
        )
        .order_by(col(Activity.held_on), col(Activity.id))
    ).all()
    return [
        {
            "date": wording.short_date(a.held_on),
            "kind": a.kind.label,
            "title": a.title,
            "participants": wording.count(a.participants),
        }
        for a in found
    ]


def _initiative(view: InitiativeView) -> dict[str, str]:
    """A chosen initiative as a line of the report: what, when, its effect and recognition."""
    recognition = (
        ""
        if view.recognition is RecognitionLevel.NONE
        else f"; công nhận {view.recognition.label.lower()}"
        + (f", {view.decision}" if view.decision else "")
    )
    effect = view.effect.strip().rstrip(".")
    return {
        "kind": view.kind.label,
        "title": view.title,
        "year": str(view.year),
        "authors": f"; tác giả: {', '.join(view.authors)}" if view.authors else "",
        "effect": f" Hiệu quả: {effect}." if effect else "",
        "recognition": recognition,
    }


def gather(session: Session, request: DocumentRequest) -> dict[str, Any]:
    dossier = _dossier(session, request)
    form = session.get(AwardForm, dossier.award_form_id)
    campaign = session.get(Campaign, dossier.campaign_id)
    assert form is not None and campaign is not None  # foreign keys
    person = session.get(Person, dossier.nominee_person_id) if dossier.nominee_person_id else None
    unit = session.get(Unit, dossier.nominee_unit_id or (person.unit_id if person else None))
    years = reviewed_years(session, campaign)
    blocks = [_year_block(session, unit, year) for year in years] if unit is not None else []
    blocks = [b for b in blocks if b["results"]]
    last = blocks[-1] if blocks else {"results": [], "summary": "", "as_of": ""}
    activities = _activities(session, unit, years) if unit is not None else []
    initiatives = [_initiative(v) for v in chosen_for(session, saved_id(dossier.id))]
    checks = session.exec(
        select(DossierCriterionCheck, AwardCriterion)
        .join(AwardCriterion, col(AwardCriterion.id) == DossierCriterionCheck.criterion_id)
        .where(DossierCriterionCheck.dossier_id == dossier.id, DossierCriterionCheck.met == True)  # noqa: E712
        .order_by(col(AwardCriterion.ordinal))
    ).all()
    unit_name = unit.name if unit else ""
    return {
        "achievement": {
            "collective": person is None,
            # While the clerk may still fill the dossier in, an empty section keeps lines to write
            # on; once it has gone to the council the report is as submitted: no dots.
            "open": dossier.status in EDITABLE_STATUSES,
            "name": person.full_name if person else unit_name,
            "name_upper": unit_name.upper(),
            "award": form.name,
            "campaign": campaign.name,
            "period": period_of(campaign),
            "year": campaign.year,
            "birth_year": person.birth_year if person and person.birth_year else "",
            "gender": person.gender.value if person and person.gender else "",
            "position": person.position if person else "",
            "unit_name": unit_name,
            "unit_kind": unit.kind.label if unit else "",
            "address": unit.address if unit else "",
            "head_title": (unit.head_position or "Thủ trưởng đơn vị").upper()
            if unit
            else "THỦ TRƯỞNG ĐƠN VỊ",
            "head": ", ".join(p for p in (unit.head_name, unit.head_position) if p) if unit else "",
            "head_name": unit.head_name if unit else "",
            "section": _sections(dossier),
            # The campaign's year (the last block): what a yearly report shows.
            "results": last["results"],
            "summary": last["summary"],
            "as_of": last["as_of"],
            "years": blocks,
            "review": len(years) > 1,
            "span": f"{years[0]} - {years[-1]}" if years else "",
            "activities": activities,
            "initiatives": initiatives,
            # The unit whose figures the tables are: a person's report names it as its workplace.
            "whose": unit_name if person is None else f"đơn vị công tác, {unit_name}",
            "period_words": f"giai đoạn {years[0]} - {years[-1]}"
            if len(years) > 1
            else f"năm {campaign.year}",
            "measures_shown": bool(
                read_achievement(dossier).get("giai_phap", "").strip()
                or activities
                or initiatives
                or dossier.status in EDITABLE_STATUSES
            ),
            "criteria": [_criterion(c.text, k.evidence) for k, c in checks],
            "criteria_title": _criteria_title(dossier, bool(activities or initiatives)),
        }
    }


def blank_data(session: Session, request: DocumentRequest) -> dict[str, Any]:
    """The form a collective fills by hand: the real section titles, dotted lines under each."""
    achievement: dict[str, Any] = {
        key: BLANK
        for key in (
            "name",
            "name_upper",
            "award",
            "campaign",
            "period",
            "unit_name",
            "unit_kind",
            "address",
        )
    }
    achievement.update(
        collective=True,
        open=True,
        section=_sections(None),
        results=[],
        years=[],
        review=False,
        span="",
        activities=[],
        initiatives=[],
        whose=BLANK,
        period_words=BLANK,
        measures_shown=True,
        summary="",
        as_of="",
        criteria=[],
        criteria_title="3. Tiêu chuẩn khen thưởng đã đạt",
        year=BLANK,
        head_title="THỦ TRƯỞNG ĐƠN VỊ",
        head="",
        head_name="",
    )
    return {"achievement": achievement}
