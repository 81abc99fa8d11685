"""Kết quả thực hiện chỉ tiêu of a nominee, pulled into its dossier from the quarterly values.

A unit speaks for itself; a person is judged with the results of their unit. The figures come from
:func:`desktop.indicators.results.unit_results` (the year's last reported quarter), one line per indicator and
year of the campaign — a yearly round reports its year, the reviews every year of the plan so far.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from desktop.awards.catalogue import campaign_years, get_campaign
from desktop.awards.nominees import nominee_of
from desktop.indicators.results import AgainstTarget, unit_results
from desktop.models import Dossier, Indicator


@dataclass(frozen=True)
class ResultLine(AgainstTarget):
    indicator_code: str
    indicator_name: str
    year: int
    quarter: int | None
    numerator: int | None
    denominator: int | None
    percent: float | None
    target: float | None


def dossier_results(session: Session, dossier: Dossier) -> list[ResultLine]:
    campaign = get_campaign(session, dossier.campaign_id)
    unit_id = nominee_of(session, dossier).results_unit_id
    if unit_id is None:
        return []
    names = {i.id: i.name for i in session.exec(select(Indicator))}
    lines = []
    for year in campaign_years(campaign):
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
                )
            )
    return lines
