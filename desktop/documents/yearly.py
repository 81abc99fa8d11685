"""Báo cáo kết quả thực hiện Phong trào thi đua năm N: the ward's yearly report on the movement, sent
by the UBND phường to the UBND thành phố through its Ban Thi đua - Khen thưởng (plan, mục VI.1).

It gathers what the other parts of the app record; every figure comes from the module that owns
it, so the report says what the pages say:

* I. Công tác chỉ đạo, triển khai — the launch plan (:func:`desktop.documents.report.plan_reference`)
  and the units' commitments of the year (:func:`desktop.movement.commitments.standing`:
  registered, own plan sent, not registered; names up to :data:`NAMED`, "và N đơn vị khác");
* II.1 the indicators — the very rows, summary and notes of the Báo cáo kết quả
  (:mod:`desktop.documents.report` over :func:`desktop.indicators.results.ward_results`), in the
  same table (``forms/bang-ket-qua-chi-tieu.txt``, included by both templates);
* II.2 activities and participants, by kind and by the four groups of Quyết định 757/QĐ-BKHCN
  (:mod:`desktop.movement.activity_totals`);
* II.3 initiatives and models, by recognition level, and their list
  (:mod:`desktop.movement.initiatives`);
* II.4 commendations of the year's round from the award decisions, by form, collective and
  individual (:func:`desktop.decisions.register.award_register`, revoked decisions left out);
* III. Khó khăn, vướng mắc and IV. Phương hướng, đề xuất — the clerk's words
  (:mod:`desktop.documents.directions`: the row of the year, ``quarter`` 0); without both the
  report is not issued (:func:`check_issuable`);
* a page of charts: the ward's figure of each quarter against the year's target
  (:mod:`desktop.documents.charts`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from sqlmodel import Session

from desktop.decisions.register import RegisterFilter, award_register
from desktop.documents import directions, report
from desktop.documents.charts import ChartGrid, ChartPanel, Series, TargetLine
from desktop.documents.common import DocumentRequest
from desktop.documents.renderer import OWN_DATE, OWN_NUMBER
from desktop.documents.template import Blank
from desktop.indicators.results import IndicatorResult, ward_results
from desktop.models import NomineeKind
from desktop.models.movement import InitiativeKind, RecognitionLevel
from desktop.movement.activity_totals import ActivityTotals, activity_grand_total, activity_totals
from desktop.movement.commitments import standing
from desktop.movement.initiatives import initiative_counts, initiatives_in
from desktop.text import wording

TEMPLATE = "bao-cao-phong-trao-nam.txt"
TYPE_CODE = "BC"
DATA_KEYS = ("report",)
NAMED = 10  # units named in a sentence of section I; "và N đơn vị khác" for the rest
QUARTERS = (1, 2, 3, 4)
CHART_HEIGHT = 188.0  # three rows of two charts and the page's headings fit one A4 page
SUGGESTED_DIFFICULTIES = (
    "Một số đơn vị báo cáo số liệu chưa đầy đủ, chưa đúng thời hạn; việc xác nhận phổ cập kỹ năng "
    "số trên VNeID của người dân cao tuổi còn gặp khó khăn."
)


def title(session: Session, request: DocumentRequest) -> str:
    return f"Báo cáo kết quả thực hiện Phong trào thi đua năm {document_year(session, request)}"


def document_year(session: Session, request: DocumentRequest) -> int:
    return report.document_year(session, request)


# -- I. the commitments --------------------------------------------------------------------------


def commitments_scope(session: Session, year: int) -> dict[str, Any]:
    """Where the units stand on the year's đăng ký thi đua, worded."""
    found = standing(session, year)
    without = found.without_plan
    return {
        "expected": wording.count(found.expected),
        "registered": wording.count(len(found.registered)),
        "plan_received": wording.count(len(found.plan_received)),
        "without_plan": wording.count(len(without)),
        "missing": wording.count(len(found.missing)),
        "registered_any": bool(found.registered),
        # "3 đơn vị đã gửi kế hoạch thực hiện về phường", never "0 đơn vị"
        "plan_sentence": wording.how_many(
            len(found.plan_received), "đơn vị", "đã gửi kế hoạch thực hiện về phường"
        ),
        "without_plan_names": report.named([u.name for u, _ in without], NAMED),
        "missing_names": report.named([u.name for u in found.missing], NAMED),
        "rows": [
            {
                "name": unit.name,
                "registered_on": wording.short_date(c.registered_on),
                "plan_received_on": wording.short_date(c.plan_received_on, "Chưa gửi"),
            }
            for unit, c in found.registered
        ],
        "missing_rows": [{"name": u.name} for u in found.missing],
    }


# -- II.2 activities -----------------------------------------------------------------------------


def _activity_row(row: ActivityTotals) -> dict[str, Any]:
    return {
        "key": row.key,
        "activities": wording.count(row.activities),
        "participants": wording.count(row.participants),
        "officials": wording.count(row.officials),
        "students": wording.count(row.students),
        "residents": wording.count(row.residents),
        "workers": wording.count(row.workers),
    }


def activities_scope(session: Session, year: int) -> dict[str, Any]:
    """The year's activities by kind, their total and the sentence of the four groups."""
    total = activity_grand_total(session, year, year)
    rows = [_activity_row(r) for r in activity_totals(session, year, year, by="kind")]
    groups = [
        (total.officials, "cán bộ, công chức, viên chức"),
        (total.students, "học sinh"),
        (total.residents, "người dân"),
        (total.workers, "người lao động trong doanh nghiệp"),
    ]
    return {
        "count": total.activities,
        "count_text": wording.count(total.activities),
        "participants": wording.count(total.participants),
        "groups": "; ".join(f"{wording.count(n)} lượt {who}" for n, who in groups if n),
        "unknown": wording.count(total.unknown) if total.unknown else "",
        "rows": [*rows, _activity_row(total)] if rows else [],
    }


# -- II.3 initiatives ----------------------------------------------------------------------------


def initiatives_scope(session: Session, year: int) -> dict[str, Any]:
    """The year's initiatives and models: how many of each kind and level, and the list."""
    views = initiatives_in(session, year, year)
    kinds = Counter(v.kind for v in views)
    levels = initiative_counts(session, year, year)
    return {
        "count": len(views),
        "count_text": wording.count(len(views)),
        "kinds": ", ".join(
            f"{wording.count(kinds[k])} {k.label.lower()}" for k in InitiativeKind if kinds[k]
        ),
        "levels": "; ".join(
            f"{level.label.lower()}: {wording.count(levels[level])}"
            for level in RecognitionLevel
            if levels[level]
        ),
        "rows": [
            {
                "title": v.title,
                "unit": ", ".join([v.unit_name, *v.authors]) if v.authors else v.unit_name,
                "kind": v.kind.label,
                "area": v.content_area,
                "recognition": v.recognition.label + (f" ({v.decision})" if v.decision else ""),
            }
            for v in views
        ],
    }


# -- II.4 commendations --------------------------------------------------------------------------


def commendations_scope(session: Session, year: int) -> dict[str, Any]:
    """The year's commendations by form (collectives, individuals) and the decisions."""
    register = award_register(session, RegisterFilter(year=year))
    # Earlier awards typed by hand are history, not the year's commendations; a revoked
    # decision's dossiers no longer stand awarded, so the register counts none of them.
    rows = [r for r in register.rows if not r.earlier]
    by_form: dict[str, list[int]] = {}
    for row in rows:
        counts = by_form.setdefault(row.award, [0, 0])
        counts[1 if row.nominee_kind is NomineeKind.INDIVIDUAL else 0] += 1
    collectives = sum(c for c, _ in by_form.values())
    individuals = sum(i for _, i in by_form.values())
    table = [
        {
            "award": award,
            "collectives": wording.count(c),
            "individuals": wording.count(i),
            "total": wording.count(c + i),
        }
        for award, (c, i) in by_form.items()
    ]
    if table:
        table.append(
            {
                "award": "Tổng cộng",
                "collectives": wording.count(collectives),
                "individuals": wording.count(individuals),
                "total": wording.count(collectives + individuals),
            }
        )
    decisions = [d for d in register.decisions if not d.revoked]
    return {
        "count": len(rows),
        "who": wording.nominees(collectives, individuals),
        "decisions": "; ".join(
            f"Quyết định số {d.number} ngày {wording.short_date(d.signed_on)} của {d.issuer}"
            for d in decisions
        ),
        "rows": table,
    }


# -- the charts page -----------------------------------------------------------------------------


def _target_words(r: IndicatorResult) -> str:
    return "Mục tiêu " + wording.target(r.target, r.comparison)


def chart(session: Session, year: int, shown: list[IndicatorResult]) -> ChartGrid | None:
    """One chart per indicator of the table: the ward's figure of each quarter of ``year`` (a
    quarter nobody reported has none) against the year's target."""
    if not shown:
        return None
    quarters = {q: {r.indicator_id: r for r in ward_results(session, year, q)} for q in QUARTERS}
    labels = report.indicator_labels(session)
    panels = []
    for r in shown:
        points = []
        for q in QUARTERS:
            found = quarters[q].get(r.indicator_id)
            value = found.percent if found is not None and found.reported_units else None
            points.append((f"Quý {wording.ROMAN[q]}", value))
        targets = () if r.target is None else (TargetLine(r.target, _target_words(r)),)
        panels.append(
            ChartPanel(
                labels.get(r.indicator_id) or r.name,
                (Series("Toàn phường", tuple(points)),),
                targets,
            )
        )
    return ChartGrid(tuple(panels), columns=2, height=CHART_HEIGHT)


# -- the whole -----------------------------------------------------------------------------------


def gather(session: Session, request: DocumentRequest) -> dict[str, Any]:
    year = document_year(session, request)
    results = ward_results(session, year, None)
    labels = report.indicator_labels(session)
    indicators = [
        report.indicator_row(index, r, yearly=True, label=labels.get(r.indicator_id, ""))
        for index, r in enumerate(results, start=1)
    ]
    shown = [
        r for r, i in zip(results, indicators, strict=True) if i["has_target"] or i["has_figure"]
    ]
    direction = directions.saved_text(session, year, None)
    difficulties = directions.saved_difficulties(session, year)
    return {
        "report": {
            "year": year,
            "period": f"năm {year}",
            "plan_reference": report.plan_reference(session),
            "indicators": indicators,
            "total": len(indicators),
            "summary": report.summary(indicators, year),
            "judged_against": f"chỉ tiêu năm {year}",
            "as_of_notes": report.as_of_notes(indicators),
            "commitments": commitments_scope(session, year),
            "activities": activities_scope(session, year),
            "initiatives": initiatives_scope(session, year),
            "commendations": commendations_scope(session, year),
            # Until the clerk writes them, a draft shows what a ward usually writes.
            "difficulties": directions.paragraphs(difficulties or SUGGESTED_DIFFICULTIES),
            "direction": directions.paragraphs(
                direction or report.suggested_direction(session, year, None)
            ),
            "texts_written": bool(direction and difficulties),
            "chart": chart(session, year, shown),
            "by_hand": False,  # the blank form (every value BLANK) leaves dotted lines instead
            "own_number": OWN_NUMBER,
            "own_date": OWN_DATE,
        }
    }


class _BlankYearly(Blank):
    """The blank form: dots for every value, dotted lines for the clerk's two sections, and no
    page of charts (a chart of dots tells nothing; the hand draws none)."""

    by_hand = True
    chart = None


def blank_data(session: Session, request: DocumentRequest) -> dict[str, Any]:
    return {"report": _BlankYearly()}


def tables(request: DocumentRequest) -> Callable[[Session], tuple[str, dict[str, Any]]]:
    """The report's title and data, for its workbook (:mod:`desktop.excel.yearly_report`)."""
    return lambda session: (title(session, request), gather(session, request)["report"])


def check_issuable(session: Session, request: DocumentRequest) -> None:
    """Issued only with the clerk's Khó khăn, vướng mắc and Phương hướng, đề xuất: without
    either, nothing is issued and no number is taken."""
    year = document_year(session, request)
    directions.require_difficulties(session, year)
    directions.require_direction(session, year, None)
