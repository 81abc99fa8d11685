"""Báo cáo kết quả: the ward's indicators against the year's targets, the units' reports, the units
behind, and an annex with one row per unit.

Every figure, coverage and verdict comes from :mod:`desktop.indicators.results` (a year's figure is
each unit's latest report in the year; "Đạt"/"Chưa đạt" only on complete data); this module only
words and orders them, so the report the clerk signs says what the results tab says:

* "có N chỉ tiêu đạt" counts only indicators judged — complete data and a target — and met
  ("chưa có chỉ tiêu nào đạt", never "0", :func:`~desktop.text.wording.how_many`); a quarter is
  judged against the whole year's target, and the report says so;
* the indicators are listed once, in the table of section I (Σ tử số, Σ mẫu số, the percent, the
  gap, the coverage, the verdict); the text says only what the table cannot: the summary, and for a
  year's report as of which quarters its figures are;
* a year without a target says so in words ("Không đặt"), never "chỉ tiêu năm —";
* an indicator without complete data reads "Chưa đủ số liệu (k/n đơn vị)", with the units that have
  not reported named (the first :data:`MISSING_NAMED`, "và N đơn vị khác"; the annex lists all);
* a target reads as the plan words it (:func:`~desktop.text.wording.target`: "trên 80%", "từ 80%
  trở lên", "100%", "(duy trì từ 2026)" when carried over); a year's figure says as of which
  quarters its parts are;
* the units behind are those :func:`~desktop.indicators.results.behind_first` gives: units whose
  kind the year's target does not cover, or that do not report in the period, never appear.

The annex heads each indicator's column with the catalogue's short name (``Indicator.label``),
never its code, and says which report it is attached to: the report's own number and date, which
only the layout knows (:data:`~desktop.documents.renderer.OWN_NUMBER`, dots on a draft).

Section IV, Phương hướng, đề xuất, is the clerk's own text (:mod:`desktop.documents.directions`);
until it is written a draft shows :func:`suggested_direction`, and the report cannot be issued
(:func:`on_issue`).

Nothing here depends on the clock or on units outside the period, so a locked quarter's report
reads, and prints, the same after the register changes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlmodel import Session, col, select

from desktop.documents import directions
from desktop.documents.common import DocumentRequest
from desktop.documents.renderer import OWN_DATE, OWN_NUMBER
from desktop.documents.template import BLANK, Blank
from desktop.indicators.results import (
    IndicatorResult,
    UnitResult,
    behind_first,
    unit_results,
    ward_results,
)
from desktop.models import Indicator, IssuedDocument
from desktop.models.periods import today
from desktop.text import sort_key, wording

TEMPLATE = "bao-cao-ket-qua.txt"
TYPE_CODE = "BC"
DATA_KEYS = ("report",)
LAGGARDS_NAMED = 5  # units named in the body for each indicator; the annex lists them all
MISSING_NAMED = LAGGARDS_NAMED  # units not reported, named the same way
NOT_REPORTED = "Chưa BC"  # an annex cell of a unit that did not report (chưa báo cáo), kept short
YES, NO = "Có", "Chưa"  # an annex cell of a yes/no indicator (TRUONGKNS)

AS_OF_ONE = "số liệu quý {quarter}"
AS_OF_PART = "quý {quarter} của {units} đơn vị"
NO_TARGET = "Không đặt"  # the table's cell of a year the plan sets no target for
# Section IV until the clerk writes it: what the ward usually writes (a draft shows it, the
# Phương hướng dialog starts from it); an issued report prints only the clerk's saved text.
SUGGESTED_LATE = (
    "Đề nghị các đơn vị chưa báo cáo gửi số liệu {period} để phường tổng hợp, đánh giá đầy đủ "
    "kết quả thực hiện các chỉ tiêu."
)
SUGGESTED = (
    "Tiếp tục đôn đốc các đơn vị chưa đạt chỉ tiêu và các đơn vị chưa báo cáo số liệu; đẩy mạnh "
    "tuyên truyền, hướng dẫn người dân, người lao động học tập kỹ năng số trên nền tảng “Bình dân "
    "học vụ số” và xác nhận phổ cập kỹ năng số trên VNeID."
)


def period_text(year: int, quarter: int | None) -> str:
    return directions.period_words(year, quarter)


def title(session: Session, request: DocumentRequest) -> str:
    year = document_year(session, request)
    return f"Báo cáo kết quả thực hiện Phong trào thi đua {period_text(year, request.quarter)}"


def document_year(session: Session, request: DocumentRequest) -> int:
    return request.year or today().year


def issued_plan(session: Session) -> IssuedDocument | None:
    """The Kế hoạch the ward's documents answer to: the latest one issued through the app."""
    return session.exec(
        select(IssuedDocument)
        .where(IssuedDocument.kind == "plan")
        .order_by(col(IssuedDocument.id).desc())
    ).first()


def plan_reference(session: Session) -> str:
    """The plan this report answers to: its number if the ward issued it through the app."""
    plan = issued_plan(session)
    if plan is None:
        return "Kế hoạch phát động Phong trào thi đua"
    return f"Kế hoạch số {plan.symbol} ngày {wording.short_date(plan.issued_on)}"


def as_of_text(result: IndicatorResult) -> str:
    """As of which quarters a year's figure is: "số liệu quý IV", or "số liệu quý IV của 11 đơn
    vị, quý III của 1 đơn vị" when some units' latest report is older; empty for no figure."""
    if not result.as_of:
        return ""
    if len(result.as_of) == 1:
        return AS_OF_ONE.format(quarter=wording.ROMAN[result.as_of[0][0]])
    parts = ", ".join(
        AS_OF_PART.format(quarter=wording.ROMAN[q], units=wording.count(n)) for q, n in result.as_of
    )
    return f"số liệu {parts}"


def named(names: Sequence[str], limit: int) -> str:
    """ "A, B, C và 4 đơn vị khác": the first ``limit`` names, then how many more."""
    shown = ", ".join(names[:limit])
    if len(names) > limit:
        return f"{shown} và {wording.count(len(names) - limit)} đơn vị khác"
    return shown


def indicator_row(
    index: int, r: IndicatorResult, yearly: bool = False, label: str = ""
) -> dict[str, Any]:
    """One indicator of the ward as the report words it (the table's row, the sentences of
    sections II and III); a year's figure (``yearly``) says as of which quarters it is, a
    quarter's is that quarter's. ``label`` is the catalogue's short name (the annex's heading)."""
    judged = r.met is not None
    as_of = as_of_text(r) if yearly else ""
    # No unit reported: no figure, even where a yes/no indicator's Mẫu số (schools expected) is set.
    percent = r.percent if r.reported_units else None
    figure = wording.NO_FIGURE
    if percent is not None:
        pair = f"{wording.count(r.numerator)}/{wording.count(r.denominator)}"
        figure = f"{wording.percent(percent)} ({pair}{'; ' + as_of if as_of else ''})"
    return {
        "index": index,
        "code": r.code,
        "name": r.name,
        "label": label or r.name,
        "target": wording.target(r.target, r.comparison, r.carried_from, empty=NO_TARGET),
        "percent": wording.percent(percent),
        "figure": figure,  # "81,5% (8.686/10.657; số liệu quý IV)"
        "numerator": r.numerator,
        "denominator": r.denominator,
        # The table's Σ tử số and Σ mẫu số: none before a unit reported.
        "numerator_text": wording.count(r.numerator) if percent is not None else wording.NO_FIGURE,
        "denominator_text": wording.count(r.denominator)
        if percent is not None
        else wording.NO_FIGURE,
        "as_of": as_of,
        "reported": r.reported_units,
        "expected": r.expected_units,
        # Units reported / expected; a year without a target that nobody reported asks nothing.
        "coverage": f"{wording.count(r.reported_units)}/{wording.count(r.expected_units)}"
        if r.target is not None or r.reported_units
        else wording.NO_FIGURE,
        "completeness": wording.percent(r.completeness),
        "verdict": wording.verdict(r),
        # The table's verdict: its "k/n đơn vị" is the column beside it.
        "verdict_short": wording.verdict_of(r.met, r.target),
        "has_target": r.target is not None,
        "has_figure": percent is not None,
        "judged": judged,
        "complete": r.complete,
        "met": r.met is True,
        "behind": r.met is False,
        "gap": wording.points(r.gap) if judged and r.gap is not None and r.gap > 0 else "",
        "missing": named([u.name for u in r.missing_units], MISSING_NAMED),
        "missing_count": len(r.missing_units),
    }


def summary(indicators: list[dict[str, Any]], year: int) -> str:
    """How many indicators are met, behind, without complete data, without a target: "có 3 chỉ
    tiêu đạt, 1 chỉ tiêu chưa đạt; 2 chỉ tiêu chưa đủ số liệu để đánh giá"."""
    met = sum(1 for i in indicators if i["met"])
    behind = sum(1 for i in indicators if i["behind"])
    incomplete = sum(1 for i in indicators if i["has_target"] and not i["judged"])
    untargeted = sum(1 for i in indicators if not i["has_target"])
    parts = []
    if met or behind:
        said_met = ("có " if met else "") + wording.how_many(met, "chỉ tiêu", "đạt")
        parts.append(
            said_met + (f", {wording.how_many(behind, 'chỉ tiêu', 'chưa đạt')}" if behind else "")
        )
    if incomplete:
        parts.append(wording.how_many(incomplete, "chỉ tiêu", "chưa đủ số liệu để đánh giá"))
    if untargeted:
        parts.append(
            wording.how_many(untargeted, "chỉ tiêu", f"Kế hoạch không đặt mức phải đạt năm {year}")
        )
    return "; ".join(parts)


def as_of_notes(indicators: list[dict[str, Any]]) -> str:
    """As of which quarters a year's figures are, by group of indicators of the table: "chỉ tiêu
    số 1, 2: số liệu quý IV; chỉ tiêu số 3, 4: số liệu quý IV của 11 đơn vị, quý III của 1 đơn vị"
    ("" when no indicator has a figure)."""
    groups: dict[str, list[int]] = {}
    for item in indicators:
        if item["as_of"]:
            groups.setdefault(item["as_of"], []).append(item["index"])
    return "; ".join(
        f"chỉ tiêu số {', '.join(str(i) for i in numbers)}: {as_of}"
        for as_of, numbers in groups.items()
    )


def suggested_direction(session: Session, year: int, quarter: int | None) -> str:
    """Section IV as a draft shows it before the clerk writes it, and as the dialog offers it."""
    late = any(
        r.target is not None and r.missing_units for r in ward_results(session, year, quarter)
    )
    parts = [SUGGESTED_LATE.format(period=period_text(year, quarter))] if late else []
    return "\n\n".join([*parts, SUGGESTED])


def indicator_labels(session: Session) -> dict[int, str]:
    """The catalogue's short name of each indicator (its name when it has none)."""
    return {
        saved: indicator.label
        for indicator in session.exec(select(Indicator))
        if (saved := indicator.id) is not None
    }


def laggard_groups(
    results: Iterable[IndicatorResult], behind: dict[int, list[UnitResult]]
) -> list[dict[str, Any]]:
    """Per indicator, the units whose own figure falls short of the year's target, the largest
    gap first (``behind``: :func:`by_indicator_behind`)."""
    groups = []
    for r in results:
        rows = behind.get(r.indicator_id, [])
        if rows:
            names = [f"{u.unit_name} ({wording.percent(u.percent)})" for u in rows]
            groups.append(
                {
                    "name": r.name,
                    "target": wording.target(r.target, r.comparison, empty=NO_TARGET),
                    "count": len(rows),
                    "units": named(names, LAGGARDS_NAMED),
                }
            )
    return groups


def by_indicator_behind(per_unit: list[UnitResult]) -> dict[int, list[UnitResult]]:
    """Per indicator, the rows :func:`desktop.indicators.results.lagging_units` gives, taken from
    rows already fetched.

    One ``unit_results`` call serves the annex and every indicator's laggards, instead of one call
    per indicator: on 5,000 units that halves the time of the yearly report. The rule is
    ``behind_first``'s, the one of ``lagging_units``; a test keeps the two equal.
    """
    rows: dict[int, list[UnitResult]] = defaultdict(list)
    for r in per_unit:
        rows[r.indicator_id].append(r)
    return {indicator_id: behind_first(group) for indicator_id, group in rows.items()}


def units_behind(per_unit: list[UnitResult], indicator_id: int) -> list[UnitResult]:
    """One indicator's rows of :func:`by_indicator_behind`."""
    return behind_first(r for r in per_unit if r.indicator_id == indicator_id)


def gather(session: Session, request: DocumentRequest) -> dict[str, Any]:
    year = document_year(session, request)
    quarter = request.quarter
    results = ward_results(session, year, quarter)
    labels = indicator_labels(session)
    indicators = [
        indicator_row(index, r, yearly=quarter is None, label=labels.get(r.indicator_id, ""))
        for index, r in enumerate(results, start=1)
    ]
    per_unit = unit_results(session, year, quarter)
    behind = by_indicator_behind(per_unit)
    # The annex and the reports' section show what the year asks or what was reported: an
    # indicator the plan sets no target for this year, and that nobody reported, has no column.
    shown = [
        r for r, i in zip(results, indicators, strict=True) if i["has_target"] or i["has_figure"]
    ]
    coverage = [i for i in indicators if i["has_target"] and i["missing_count"]]
    written = directions.saved_text(session, year, quarter)
    direction = written or suggested_direction(session, year, quarter)
    return {
        "report": {
            "period": period_text(year, quarter),
            "period_title": period_text(year, quarter).capitalize(),
            "year": year,
            "yearly": quarter is None,
            "plan_reference": plan_reference(session),
            "indicators": indicators,
            "total": len(indicators),
            "summary": summary(indicators, year),
            # A quarter is judged against the whole year's target: the sentence says so.
            "judged_against": f"chỉ tiêu năm {year}"
            + ("" if quarter is None else f" (mức phải đạt của cả năm {year})"),
            "as_of_notes": as_of_notes(indicators) if quarter is None else "",
            "met_count": sum(1 for i in indicators if i["met"]),
            "behind_count": sum(1 for i in indicators if i["behind"]),
            "incomplete_count": sum(1 for i in indicators if i["has_target"] and not i["judged"]),
            "laggards": laggard_groups(results, behind),
            "incomplete": coverage,
            "indicator_codes": [r.code for r in shown],  # the annex's columns, by code
            "indicator_labels": [labels.get(r.indicator_id) or r.name for r in shown],
            "unit_rows": _unit_rows(per_unit, shown, behind),
            "direction": directions.paragraphs(direction),
            "direction_written": bool(written),
            "by_hand": False,  # a blank form (every value BLANK) leaves dotted lines instead
            # The annex names the report it goes with: only the layout knows its number and date.
            "own_number": OWN_NUMBER,
            "own_date": OWN_DATE,
        }
    }


class _BlankReport(Blank):
    """The blank form's report: dots for every value, but the catalogue's indicators by name in
    section I's table and by short name over the annex's columns (a heading of dots would be one
    word too wide for its column), and dotted lines for section IV."""

    by_hand = True

    def __init__(self, indicators: list[dict[str, Any]], labels: list[str]) -> None:
        self.indicators = indicators
        self.indicator_labels = labels


def blank_data(session: Session, request: DocumentRequest) -> dict[str, Any]:
    catalogue = session.exec(
        select(Indicator).where(col(Indicator.active)).order_by(col(Indicator.ordinal))
    ).all()
    rows = []
    for index, indicator in enumerate(catalogue, start=1):
        row: dict[str, Any] = dict.fromkeys(BLANK_ROW_KEYS, BLANK)
        row.update(index=index, name=indicator.name)
        rows.append(row)
    return {"report": _BlankReport(rows, [indicator.label for indicator in catalogue])}


BLANK_ROW_KEYS = (
    "target",
    "numerator_text",
    "denominator_text",
    "percent",
    "gap",
    "coverage",
    "verdict_short",
)


def check_issuable(session: Session, request: DocumentRequest) -> None:
    """An issued report carries the clerk's Phương hướng, đề xuất: without it, nothing is issued
    and no number is taken."""
    directions.require_direction(session, document_year(session, request), request.quarter)


def _cell(r: UnitResult, yes_no: bool) -> str:
    if not r.reported:
        return NOT_REPORTED
    if yes_no:
        return YES if r.numerator else NO
    return wording.percent(r.percent)


def _unit_rows(
    per_unit: list[UnitResult], shown: list[IndicatorResult], behind: dict[int, list[UnitResult]]
) -> list[dict[str, Any]]:
    """One row per unit: its figure on each indicator ("" where the unit does not report it) and
    how many of the indicators judged on its own figures it meets.

    A unit's own result is judged when it reported and the year has a target; it is then met
    exactly when it is not behind, so the rows ``behind`` already holds decide it (comparing each
    figure again would double the time of a 5,000-unit annex).
    """
    position = {r.indicator_id: i for i, r in enumerate(shown)}
    yes_no = {r.indicator_id for r in shown if r.yes_no}
    short = {(r.unit_id, r.indicator_id) for rows in behind.values() for r in rows}
    units: dict[int, dict[str, Any]] = {}
    met: dict[int, list[bool]] = defaultdict(list)
    for r in per_unit:
        if r.indicator_id not in position:
            continue
        row = units.get(r.unit_id)
        if row is None:
            row = {
                "code": r.unit_code,
                "name": r.unit_name,
                "kind": r.unit_kind.label,
                "percents": [""] * len(shown),
            }
            units[r.unit_id] = row
        row["percents"][position[r.indicator_id]] = _cell(r, r.indicator_id in yes_no)
        if r.reported and r.target is not None:
            met[r.unit_id].append((r.unit_id, r.indicator_id) not in short)
    rows = sorted(units.items(), key=lambda item: (sort_key(item[1]["name"]), item[1]["code"]))
    for unit_id, row in rows:
        judged = met.get(unit_id, [])
        row["met"] = f"{sum(judged)}/{len(judged)}" if judged else wording.NO_FIGURE
    return [row for _, row in rows]
