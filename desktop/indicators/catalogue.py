"""The plan's catalogue (resources/catalogue/plan.json) loaded into a new database.

Content areas (II.1), indicators with their 2025 and 2026 targets (II.2), milestones (II.3), and the
six forms of award of III.1 with the standards of III.3 and the papers a dossier needs.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from typing import Any

from sqlmodel import Session, select

from desktop.indicators.scope import CARRIED_PREFIX, carried_from
from desktop.models import (
    AwardCategory,
    AwardCriterion,
    AwardForm,
    Campaign,
    CampaignKind,
    Comparison,
    ContentArea,
    DossierComponent,
    Indicator,
    IndicatorTarget,
    Milestone,
    NomineeKind,
    ValueKind,
)
from desktop.paths import resource_path

__all__ = [
    "CARRIED_PREFIX",
    "carried_from",
    "carry_over_targets",
    "entry_label",
    "load_catalogue",
]

PLAN_YEARS = range(2025, 2031)


def read_catalogue() -> dict[str, Any]:
    with resource_path("catalogue", "plan.json").open(encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=1)
def _entry_labels() -> dict[str, str]:
    kinds = read_catalogue().get("value_kinds", {})
    return {kind: spec.get("entry_label", "") for kind, spec in kinds.items()}


def entry_label(value_kind: ValueKind) -> str:
    """What the clerk enters for an indicator of this kind, in the plan's words ("1 = có,
    0 = chưa" for a yes/no one): a property of the kind, so an indicator the clerk adds has it too."""
    return _entry_labels().get(ValueKind(value_kind).value, "")


def is_loaded(session: Session) -> bool:
    return session.exec(select(Indicator.id).limit(1)).first() is not None


def load_catalogue(session: Session) -> None:
    """Fill an empty database with the plan's catalogue (does nothing if it is already there)."""
    if is_loaded(session):
        return
    data = read_catalogue()
    for ordinal, text in enumerate(data["content_areas"], start=1):
        session.add(ContentArea(ordinal=ordinal, text=text))
    for milestone in data["milestones"]:
        session.add(Milestone(**milestone))
    for ordinal, spec in enumerate(data["indicators"], start=1):
        indicator = Indicator(
            code=spec["code"],
            name=spec["name"],
            short_name=spec.get("short_name", ""),
            population=spec["population"],
            numerator_label=spec["numerator_label"],
            denominator_label=spec["denominator_label"],
            unit_kinds=",".join(spec["unit_kinds"]),
            ordinal=ordinal,
            value_kind=ValueKind(spec["value_kind"]),
        )
        session.add(indicator)
        session.flush()
        assert indicator.id is not None  # given by the flush
        for year, target in spec["targets"].items():
            session.add(
                IndicatorTarget(
                    indicator_id=indicator.id,
                    year=int(year),
                    target_percent=target["percent"],
                    comparison=Comparison(target["comparison"]),
                    unit_kinds=",".join(target["unit_kinds"]),
                    text=target["text"],
                )
            )
    for ordinal, spec in enumerate(data["award_forms"], start=1):
        form = AwardForm(
            code=spec["code"],
            name=spec["name"],
            category=AwardCategory(spec["category"]),
            level=spec["level"],
            level_label=spec["level_label"],
            issuer=spec["issuer"],
            for_collective=spec["for_collective"],
            for_business=spec["for_business"],
            for_individual=spec["for_individual"],
            ordinal=ordinal,
            unit_kinds=",".join(spec["unit_kinds"]),
            campaign_kinds=",".join(spec["campaign_kinds"]),
            bonus_individual_permille=spec["bonus_permille"]["individual"],
            bonus_collective_permille=spec["bonus_permille"]["collective"],
        )
        session.add(form)
        session.flush()
        assert form.id is not None  # given by the flush
        for i, criterion in enumerate(spec["criteria"], start=1):
            session.add(
                AwardCriterion(
                    award_form_id=form.id,
                    nominee_kind=NomineeKind(criterion["nominee_kind"]),
                    ordinal=i,
                    text=criterion["text"],
                    heading=criterion["heading"],
                )
            )
        for i, component in enumerate(spec["components"], start=1):
            session.add(
                DossierComponent(
                    award_form_id=form.id, ordinal=i, name=component["name"],
                    required=component["required"], made_by=component["made_by"],
                )
            )
    session.flush()
    carry_over_targets(session)
    _add_campaigns(session)


def carry_over_targets(session: Session) -> int:
    """Chỉ tiêu duy trì: the plan sets targets for 2025 and 2026 only, yet the 2027 sơ kết and the
    2030 tổng kết must judge against something; each later year of the plan without a target gets
    its indicator's last target, marked ``carried_over`` and worded so, for the clerk to change.
    Returns how many were added."""
    added = 0
    by_indicator: dict[int, dict[int, IndicatorTarget]] = {}
    for target in session.exec(select(IndicatorTarget)):
        by_indicator.setdefault(target.indicator_id, {})[target.year] = target
    for indicator_id, targets in by_indicator.items():
        planned = [t for t in targets.values() if not t.carried_over]
        if not planned:
            continue
        last = max(planned, key=lambda t: t.year)
        for year in range(last.year + 1, PLAN_YEARS.stop):
            if year in targets:
                continue
            session.add(
                IndicatorTarget(
                    indicator_id=indicator_id,
                    year=year,
                    target_percent=last.target_percent,
                    comparison=last.comparison,
                    unit_kinds=last.unit_kinds,
                    carried_over=True,
                    text=f"{CARRIED_PREFIX.format(year=last.year)}{last.text}",
                )
            )
            added += 1
    session.flush()
    return added




def _add_campaigns(session: Session) -> None:
    """One yearly round per year of the plan, plus the 2027 sơ kết and the 2030 tổng kết."""
    for year in PLAN_YEARS:
        session.add(
            Campaign(
                name=f"Khen thưởng năm {year}",
                kind=CampaignKind.YEARLY,
                year=year,
                deadline=date(year, 11, 30),
            )
        )
    session.add(
        Campaign(
            name="Sơ kết Phong trào thi đua năm 2027",
            kind=CampaignKind.PRELIMINARY_REVIEW,
            year=2027,
            deadline=date(2027, 10, 31),
        )
    )
    session.add(
        Campaign(
            name="Tổng kết Phong trào thi đua năm 2030",
            kind=CampaignKind.FINAL_REVIEW,
            year=2030,
            deadline=date(2030, 10, 31),
        )
    )
