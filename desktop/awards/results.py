"""Kết quả thực hiện chỉ tiêu of a nominee, pulled into its dossier from the quarterly values.

A unit speaks for itself; a person is judged with the results of their unit. The figures come from
:func:`desktop.indicators.results.unit_results` — the unit's latest report in each year of the
campaign (a yearly round reports its year, the reviews every year of the plan so far), on the
indicators the year's target asks of the unit's kind. A unit's own result is complete when it
reported: only then is it judged "Đạt"/"Chưa đạt" by the plan's comparison ("trên 80%" is more than
80 %); without a report it reads "Chưa đủ số liệu", and without a target "Không có chỉ tiêu".
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from desktop.awards.catalogue import campaign_years, get_campaign
from desktop.awards.nominees import nominee_of
from desktop.indicators.results import OneUnit, unit_results
from desktop.indicators.scope import plan_years
from desktop.models import Comparison, Dossier, Indicator


@dataclass(frozen=True)
class ResultLine(OneUnit):
    """One indicator of the nominee's unit in one year (chỉ tiêu của đơn vị trong năm)."""

    indicator_code: str
    indicator_name: str
    year: int
    quarter: int | None  # the quarter the unit's figure is of; None when it did not report
    numerator: int | None
    denominator: int | None
    percent: float | None
    target: float | None
    comparison: Comparison = Comparison.AT_LEAST



def dossier_results(session: Session, dossier: Dossier) -> list[ResultLine]:
    """The nominee's results, year by year of the campaign; years outside the plan have none."""
    campaign = get_campaign(session, dossier.campaign_id)
    unit_id = nominee_of(session, dossier).results_unit_id
    if unit_id is None:
        return []
    names = {i.id: i.name for i in session.exec(select(Indicator))}
    years = plan_years(session)
    lines = []
    for year in campaign_years(campaign):
        if year not in years:
            continue
        for r in unit_results(session, year, unit_id=unit_id):
            lines.append(
                ResultLine(
                    indicator_code=r.indicator_code,
                    indicator_name=names.get(r.indicator_id, r.indicator_code),
                    year=r.year,
                    quarter=r.quarter,
                    numerator=r.numerator,
                    denominator=r.denominator,
                    percent=r.percent,
                    target=r.target,
                    comparison=r.comparison,
                )
            )
    return lines
