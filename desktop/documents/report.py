"""Báo cáo kết quả: the ward's indicators against the year's targets, completeness of the units'
reports, the units behind, and an annex with one row per unit.

Every figure comes from :mod:`desktop.indicators.results` (weighted sums, the year's last reported quarter);
this module only words and orders them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlmodel import Session, col, select

from desktop.documents.common import DocumentRequest, this_year
from desktop.indicators.results import IndicatorResult, UnitResult, unit_results, ward_results
from desktop.models import IssuedDocument
from desktop.text import sort_key, wording

TEMPLATE = "bao-cao-ket-qua.txt"
TYPE_CODE = "BC"
DATA_KEYS = ("report",)
LAGGARDS_NAMED = 5  # units named in the body for each indicator; the annex lists them all
NOT_REPORTED = "Chưa BC"  # an annex cell of a unit that did not report (chưa báo cáo), kept short


def period_text(year: int, quarter: int | None) -> str:
    return wording.quarter(quarter, year) if quarter else f"năm {year}"


def title(session: Session, request: DocumentRequest) -> str:
    year = document_year(session, request)
    return f"Báo cáo kết quả thực hiện Phong trào thi đua {period_text(year, request.quarter)}"


def document_year(session: Session, request: DocumentRequest) -> int:
    return request.year or this_year()


def plan_reference(session: Session) -> str:
    """The plan this report answers to: its number if the ward issued it through the app."""
    plan = session.exec(
        select(IssuedDocument)
        .where(IssuedDocument.kind == "plan")
        .order_by(col(IssuedDocument.id).desc())
    ).first()
    if plan is None:
        return "Kế hoạch phát động Phong trào thi đua"
    return f"Kế hoạch số {plan.symbol} ngày {wording.short_date(plan.issued_on)}"


def units_behind(per_unit: list[UnitResult], indicator_id: int) -> list[UnitResult]:
    """The rows :func:`desktop.indicators.results.lagging_units` gives, taken from rows already fetched.

    One ``unit_results`` call serves the annex and every indicator's laggards, instead of one call
    per indicator: on 5,000 units that halves the time of the yearly report. The rule (a gap above
    zero, the largest gap first) is the one of ``lagging_units``; a test keeps the two equal.
    """
    behind = [
        r for r in per_unit if r.indicator_id == indicator_id and r.gap is not None and r.gap > 0
    ]
    return sorted(behind, key=lambda r: (-(r.gap or 0.0), sort_key(r.unit_name)))


def indicator_row(index: int, r: IndicatorResult) -> dict[str, Any]:
    """One indicator of the ward as the report words it (the sentence and the table's row)."""
    return {
        "index": index,
        "code": r.code,
        "name": r.name,
        "target": wording.percent(r.target),
        "percent": wording.percent(r.percent),
        "numerator": r.numerator,
        "denominator": r.denominator,
        "quarter": f"Quý {wording.ROMAN[r.quarter]}" if r.quarter else wording.NO_FIGURE,
        "reported": r.reported_units,
        "expected": r.expected_units,
        "completeness": wording.percent(r.completeness),
        "verdict": wording.verdict(r),
        "met": r.met is True,
        "behind": r.met is False,
        "gap": wording.points(r.gap) if r.gap is not None and r.gap > 0 else "",
    }


def gather(session: Session, request: DocumentRequest) -> dict[str, Any]:
    year = document_year(session, request)
    quarter = request.quarter
    results = ward_results(session, year, quarter)
    indicators = [indicator_row(index, r) for index, r in enumerate(results, start=1)]
    per_unit = unit_results(session, year, quarter)
    laggards = []
    for r in results:
        behind = units_behind(per_unit, r.indicator_id)
        if behind:
            named = ", ".join(
                f"{u.unit_name} ({wording.percent(u.percent)})" for u in behind[:LAGGARDS_NAMED]
            )
            more = (
                f" và {len(behind) - LAGGARDS_NAMED} đơn vị khác"
                if len(behind) > LAGGARDS_NAMED
                else ""
            )
            laggards.append({"name": r.name, "count": len(behind), "units": named + more})
    incomplete = [i for i in indicators if i["reported"] < i["expected"]]
    return {
        "report": {
            "period": period_text(year, quarter),
            "period_title": period_text(year, quarter).capitalize(),
            "plan_reference": plan_reference(session),
            "indicators": indicators,
            "total": len(indicators),
            "met_count": sum(1 for i in indicators if i["met"]),
            "behind_count": sum(1 for i in indicators if i["behind"]),
            "laggards": laggards,
            "incomplete": incomplete,
            "indicator_codes": [i["code"] for i in indicators],
            "unit_rows": _unit_rows(per_unit, [r.indicator_id for r in results]),
        }
    }


def _unit_rows(per_unit: list[UnitResult], order: list[int]) -> list[dict[str, Any]]:
    """One row per unit: its percentage on each indicator ("" where the unit does not report it)."""
    position = {indicator_id: i for i, indicator_id in enumerate(order)}
    units: dict[int, dict[str, Any]] = {}
    met: dict[int, list[bool]] = defaultdict(list)
    for r in per_unit:
        row = units.get(r.unit_id)
        if row is None:
            row = {
                "code": r.unit_code,
                "name": r.unit_name,
                "kind": r.unit_kind.label,
                "percents": [""] * len(order),
            }
            units[r.unit_id] = row
        row["percents"][position[r.indicator_id]] = (
            wording.percent(r.percent) if r.reported else NOT_REPORTED
        )
        if r.gap is not None:
            met[r.unit_id].append(r.gap <= 0)
    rows = sorted(units.items(), key=lambda item: sort_key(item[1]["name"]))
    for unit_id, row in rows:
        judged = met.get(unit_id, [])
        row["met"] = f"{sum(judged)}/{len(judged)}" if judged else wording.NO_FIGURE
    return [row for _, row in rows]
