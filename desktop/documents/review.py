"""Báo cáo sơ kết (2025–2027) and tổng kết (2025–2030) of the movement, from the UBND phường to the
UBND thành phố through its Ban Thi đua - Khen thưởng (Kế hoạch, mục II.3 and VI.1).

What a review says, each part from the module that owns it, worded by the one voice:

* the indicators year by year — each year's ward figure, target, coverage and verdict, as
  :func:`desktop.indicators.results.ward_results` gives them and
  :func:`desktop.documents.report.indicator_row` words them for the yearly report — and, in the
  annex, each unit kind's figure per year (:func:`~desktop.indicators.results.results_by_kind`);
  a year's verdict is never made here, only counted ("3 chỉ tiêu đạt");
* the trend chart: the ward's figure per indicator over the years against each year's target
  (:mod:`desktop.documents.trend_chart`, vector graphics);
* the movement's record over the period (:mod:`desktop.documents.review_record`): activities and
  participants, units' commitments, initiatives, the awards made, and the commendations the
  review proposes (the dossiers of its round the council has proposed, or later);
* Khó khăn, vướng mắc and Phương hướng, nhiệm vụ, the clerk's own words
  (:mod:`desktop.documents.review_texts`): a draft leaves lines to write on; an issued review
  must carry both (:func:`check_issuable`).

The two reviews are told apart by their period only: "2025-2027" ends in the year of the sơ kết
round (:attr:`CampaignKind.PRELIMINARY_REVIEW`), "2025-2030" in the plan's last year.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from desktop.documents import review_record, review_texts, trend_chart
from desktop.documents.common import DocumentRequest
from desktop.documents.directions import paragraphs
from desktop.documents.kinds import DocumentError
from desktop.documents.renderer import OWN_DATE, OWN_NUMBER
from desktop.documents.report import (
    NO_TARGET,
    indicator_labels,
    indicator_row,
    plan_reference,
    summary,
)
from desktop.documents.template import BLANK, Blank
from desktop.indicators.results import IndicatorResult, KindResult, results_by_kind, ward_results
from desktop.indicators.scope import plan_years
from desktop.models import Campaign, CampaignKind, UnitKind
from desktop.models.ids import IndicatorId
from desktop.models.periods import today
from desktop.text import wording

TEMPLATE = "bao-cao-so-ket-tong-ket.txt"
TYPE_CODE = "BC"
DATA_KEYS = ("review",)
MOVEMENT = "“Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” và “Bình dân học vụ số”"
INCOMPLETE_MARK = "*"  # a kind's figure short of the units expected (the annex's note says so)
BAD_PERIOD = "Giai đoạn “{given}” không phải của sơ kết hay tổng kết; hãy chọn {choices}."
_PERIOD = re.compile(r"^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$")


@dataclass(frozen=True)
class ReviewPeriod:
    """The years a review covers: the sơ kết's (``final`` False) or the tổng kết's."""

    first: int
    last: int
    final: bool

    @property
    def key(self) -> str:
        """ "2025-2027", as the command line and the stored parameters write it."""
        return f"{self.first}-{self.last}"

    @property
    def years(self) -> range:
        return range(self.first, self.last + 1)

    @property
    def span(self) -> str:
        """ "2025 - 2027", as the plan writes a stage."""
        return f"{self.first} - {self.last}"

    @property
    def words(self) -> str:
        """ "sơ kết 03 năm (2025 - 2027)", "tổng kết giai đoạn 2025 - 2030": inside a sentence."""
        if self.final:
            return f"tổng kết giai đoạn {self.span}"
        return f"sơ kết {wording.day_number(len(self.years))} năm ({self.span})"


def review_periods(session: Session) -> tuple[ReviewPeriod, ReviewPeriod]:
    """The sơ kết's and the tổng kết's periods: from the plan's first year to the year of the
    sơ kết round (2027), and to the plan's last year (2030)."""
    years = plan_years(session)
    first, last = years.start, years.stop - 1
    interim = session.exec(
        select(Campaign.year).where(Campaign.kind == CampaignKind.PRELIMINARY_REVIEW)
    ).first()
    middle = interim if interim is not None and first <= interim < last else min(first + 2, last)
    return ReviewPeriod(first, middle, False), ReviewPeriod(first, last, True)


def period_choices(session: Session) -> list[tuple[str, str]]:
    """The periods the Văn bản page offers: ("2025-2027", "Sơ kết 2025 - 2027"), the tổng kết's."""
    return [
        (p.key, f"{'Tổng kết' if p.final else 'Sơ kết'} {p.span}") for p in review_periods(session)
    ]


def period_of(session: Session, request: DocumentRequest) -> ReviewPeriod:
    """The review ``request.period`` names; refused, with the two choices, when it names none."""
    periods = review_periods(session)
    if request.blank and not request.period:
        # The blank form without a period: the review still ahead (the sơ kết until its year ends).
        return periods[0] if today().year <= periods[0].last else periods[1]
    found = _PERIOD.match(request.period or "")
    if found is not None:
        for period in periods:
            if (period.first, period.last) == (int(found.group(1)), int(found.group(2))):
                return period
    choices = " hoặc ".join(f"{p.key} ({'tổng kết' if p.final else 'sơ kết'})" for p in periods)
    raise DocumentError(BAD_PERIOD.format(given=request.period, choices=choices))


def title(session: Session, request: DocumentRequest) -> str:
    period = period_of(session, request)
    if period.final:
        return f"Báo cáo tổng kết Phong trào thi đua giai đoạn {period.span}"
    return (
        f"Báo cáo sơ kết {wording.day_number(len(period.years))} năm thực hiện Phong trào thi đua "
        f"({period.span})"
    )


def document_year(session: Session, request: DocumentRequest) -> int:
    """The review's last year: the year the plan holds it in (2027, 2030)."""
    return period_of(session, request).last


def check_issuable(session: Session, request: DocumentRequest) -> None:
    """An issued review carries the clerk's Khó khăn and Phương hướng: without them nothing is
    issued and no number is taken."""
    period = period_of(session, request)
    review_texts.require_texts(session, period.last, period.words, period.key)


# -- the indicators --------------------------------------------------------------------------------


def _year_rows(
    yearly: dict[int, dict[IndicatorId, IndicatorResult]], indicator_id: IndicatorId
) -> list[dict[str, Any]]:
    """One indicator's row per year: the yearly report's wording of the year's result."""
    rows = []
    for year, results in yearly.items():
        result = results.get(indicator_id)
        if result is None:
            continue  # not in the catalogue that year
        row = indicator_row(0, result, yearly=True)
        pair = (
            f"{row['numerator_text']}/{row['denominator_text']}"
            if row["has_figure"]
            else wording.NO_FIGURE
        )
        rows.append(
            {
                **row,
                "year": year,
                "pair": pair,
                "raw_percent": result.percent if row["has_figure"] else None,
                "raw_target": result.target,
            }
        )
    return rows


def _movement_words(rows: list[dict[str, Any]]) -> str:
    """How the figure moved over the years it was reported: "từ 45,2% (năm 2025) lên 81,5% (năm
    2027)"; "" with fewer than two years of figures. Figures only: no verdict is said here."""
    shown = [r for r in rows if r["raw_percent"] is not None]
    if len(shown) < 2:
        return ""
    first, last = shown[0], shown[-1]
    move = "lên" if last["raw_percent"] > first["raw_percent"] else "xuống"
    if wording.percent(last["raw_percent"]) == wording.percent(first["raw_percent"]):
        return f"giữ ở mức {last['percent']} từ năm {first['year']} đến năm {last['year']}"
    return (
        f"từ {first['percent']} (năm {first['year']}) {move} {last['percent']} (năm {last['year']})"
    )


def _indicators(session: Session, period: ReviewPeriod) -> dict[str, Any]:
    yearly = {
        year: {r.indicator_id: r for r in ward_results(session, year, name_missing=False)}
        for year in period.years
    }
    labels = indicator_labels(session)
    catalogue = list(yearly[period.last].values())
    blocks = []
    for index, result in enumerate(catalogue, start=1):
        rows = _year_rows(yearly, result.indicator_id)
        blocks.append(
            {
                "index": index,
                "name": result.name,
                "label": labels.get(result.indicator_id) or result.name,
                "indicator_id": result.indicator_id,
                "rows": rows,
                "movement": _movement_words(rows),
            }
        )
    return {
        "blocks": blocks,
        "years": [_year_summary(year, yearly[year].values()) for year in period.years],
        "last_summary": _year_summary(period.last, yearly[period.last].values())["sentence"],
    }


def _year_summary(year: int, results: Any) -> dict[str, Any]:
    """How many of the year's indicators the results judged met, not met, or could not judge."""
    rows = [indicator_row(0, r, yearly=True) for r in results]
    met = sum(1 for r in rows if r["met"])
    behind = sum(1 for r in rows if r["behind"])
    incomplete = sum(1 for r in rows if r["has_target"] and not r["judged"])
    untargeted = sum(1 for r in rows if not r["has_target"])
    return {
        "year": year,
        "total": wording.count(len(rows)),
        "met": wording.count(met),
        "behind": wording.count(behind),
        "incomplete": wording.count(incomplete),
        "untargeted": wording.count(untargeted),
        "sentence": summary(rows, year),
    }


def _kind_cell(result: KindResult) -> str:
    if not result.reported_units:
        return wording.NO_FIGURE
    mark = "" if result.complete else INCOMPLETE_MARK
    return f"{wording.percent(result.percent)}{mark}"


def _kinds(session: Session, period: ReviewPeriod, blocks: list[dict[str, Any]]) -> dict[str, Any]:
    """The annex: each indicator × unit kind, its figure in each year ("" where the year's target
    does not ask that kind)."""
    cells: dict[tuple[IndicatorId, UnitKind], list[str]] = {}
    raw: dict[tuple[IndicatorId, UnitKind], list[float | None]] = {}
    positions = {year: i for i, year in enumerate(period.years)}
    incomplete = False
    for year in period.years:
        for result in results_by_kind(session, year):
            key = (result.indicator_id, result.unit_kind)
            cells.setdefault(key, [""] * len(positions))[positions[year]] = _kind_cell(result)
            raw.setdefault(key, [None] * len(positions))[positions[year]] = (
                result.percent if result.reported_units else None
            )
            incomplete = incomplete or (bool(result.reported_units) and not result.complete)
    rows = []
    for block in blocks:
        for kind in UnitKind:
            key = (block["indicator_id"], kind)
            if key in cells:
                rows.append(
                    {
                        "label": block["label"],
                        "kind": kind.label,
                        "cells": cells[key],
                        "percents": raw[key],
                    }
                )
    return {"rows": rows, "headers": [f"Năm {y}" for y in period.years], "marked": incomplete}


# -- the whole -------------------------------------------------------------------------------------


def gather(session: Session, request: DocumentRequest) -> dict[str, Any]:
    period = period_of(session, request)
    indicators = _indicators(session, period)
    texts = review_texts.saved_texts(session, period.last)
    plan_last = plan_years(session).stop - 1
    return {
        "review": {
            "key": period.key,
            "final": period.final,
            "first": period.first,
            "last": period.last,
            "span": period.span,
            "words": period.words,
            "summary_line": _summary_line(period),
            "movement": MOVEMENT,
            "plan_reference": plan_reference(session),
            # What the Phương hướng looks ahead to: the rest of the plan, or beyond it.
            "next_stage": _next_stage(period, plan_last),
            "indicators": indicators["blocks"],
            "years": indicators["years"],
            "last_summary": indicators["last_summary"],
            "kinds": _kinds(session, period, indicators["blocks"]),
            "chart": trend_chart.of_blocks(indicators["blocks"]),
            "record": review_record.gather(session, period.first, period.last, period.final),
            "difficulties": paragraphs(texts.difficulties),
            "direction": paragraphs(texts.direction),
            "by_hand": False,
            "no_target": NO_TARGET,
            "own_number": OWN_NUMBER,
            "own_date": OWN_DATE,
        }
    }


def _next_stage(period: ReviewPeriod, plan_last: int) -> str:
    """What the Phương hướng looks ahead to: the rest of the plan, or beyond it."""
    if period.final or period.last >= plan_last:
        return "thời gian tới"
    return f"giai đoạn {period.last + 1} - {plan_last}"


def _summary_line(period: ReviewPeriod) -> str:
    """The trích yếu: "Sơ kết 03 năm thực hiện Phong trào thi đua “…” và “…” (2025 - 2027)"."""
    if period.final:
        return f"Tổng kết Phong trào thi đua {MOVEMENT} giai đoạn {period.span}"
    years = wording.day_number(len(period.years))
    return f"Sơ kết {years} năm thực hiện Phong trào thi đua {MOVEMENT} ({period.span})"


class _BlankReview(Blank):
    """The blank form (đề cương) a unit fills by hand for its own sơ kết or tổng kết: the
    period's words and the parts printed, dots for every figure and dotted lines for the texts,
    and no chart (a chart of dots tells nothing)."""

    chart = None
    by_hand = True

    def __init__(self, period: ReviewPeriod, plan_last: int) -> None:
        self.key = period.key
        self.final = period.final
        self.span = period.span
        self.words = period.words
        self.summary_line = _summary_line(period)
        self.movement = MOVEMENT
        self.next_stage = _next_stage(period, plan_last)
        self.difficulties: list[str] = []
        self.direction: list[str] = []

    def __getattr__(self, name: str) -> Blank:
        # Every other value, and every row of a table, is a plain blank: a row must not print
        # the period's own words (its "key" is the period, a row's "key" is its year).
        if name.startswith("__"):
            raise AttributeError(name)
        return BLANK


def blank_data(session: Session, request: DocumentRequest) -> dict[str, Any]:
    period = period_of(session, request)
    return {"review": _BlankReview(period, plan_years(session).stop - 1)}


def tables(request: DocumentRequest) -> Callable[[Session], tuple[str, dict[str, Any]]]:
    """A read for the door: the review's title and its data, for the workbook beside the PDF."""
    return lambda session: (title(session, request), gather(session, request)["review"])
