"""Indicators (chỉ tiêu) and their yearly targets."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from desktop.models import Indicator, IndicatorTarget


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    targets: dict[int, float]


def list_indicators(session: Session) -> list[IndicatorRow]:
    targets: dict[int, dict[int, float]] = {}
    for target in session.exec(select(IndicatorTarget)):
        targets.setdefault(target.indicator_id, {})[target.year] = target.target_percent
    indicators = session.exec(select(Indicator).order_by(Indicator.ordinal)).all()
    return [IndicatorRow(i, targets.get(i.id or 0, {})) for i in indicators]
