"""Chỉ tiêu & số liệu: quarterly entry, ward results with charts, and the catalogue of indicators.

The main window tells the page of every change (:meth:`IndicatorsPage.on_change`); each tab reads
again what it shows of it — the results and the catalogue only once they are seen.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.changes import Change
from desktop.context import AppContext
from desktop.indicators.scope import plan_years
from desktop.movement.deadlines import Target
from desktop.ui.indicators.catalogue import IndicatorCatalogue
from desktop.ui.indicators.results_tab import ResultsTab
from desktop.ui.indicators.values_entry import QuarterEntry, current_period
from desktop.ui.texts import indicators as t


class IndicatorsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entry = QuarterEntry(ctx, self)
        self.results = ResultsTab(ctx, self)
        self.catalogue = IndicatorCatalogue(ctx, self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("indicator_tabs")
        self.tabs.addTab(self.entry, t.TAB_ENTRY)
        self.tabs.addTab(self.results, t.TAB_RESULTS)
        self.tabs.addTab(self.catalogue, t.TAB_CATALOGUE)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{t.PAGE_TITLE}</h2>"))
        layout.addWidget(self.tabs, 1)

    def on_change(self, change: Change) -> None:
        """Units, indicators, values or everything: each tab takes what it shows."""
        self.entry.on_change(change)
        self.results.on_change(change)
        self.catalogue.on_change(change)

    def open_target(self, target: Target) -> None:
        """Opened from Việc cần làm: the entry of the item's quarter, on its first unit missing."""
        if target.year is None or target.quarter is None:
            return
        self.tabs.setCurrentWidget(self.entry)
        self.entry.show_quarter(target.year, target.quarter, target.unit_ids)

    # The quarter chosen is kept with the quarter then being collected: once the calendar has moved
    # on to collecting another, the entry opens on that one instead.
    def state(self) -> dict[str, str]:
        return {
            "quarter": _period_text(self.entry.period),
            "collecting": _period_text(current_period(self.ctx.door.read(plan_years))),
        }

    def restore_state(self, saved: Mapping[str, str]) -> None:
        chosen = _period_of(saved.get("quarter", ""))
        collecting = _period_of(saved.get("collecting", ""))
        if chosen is None or collecting != current_period(self.ctx.door.read(plan_years)):
            return
        self.entry.show_quarter(*chosen)  # a year the plan no longer has is passed over


def _period_text(period: tuple[int, int]) -> str:
    return f"{period[0]}-{period[1]}"


def _period_of(text: str) -> tuple[int, int] | None:
    """(2026, 3) from "2026-3"; None for anything else."""
    year, _, quarter = text.partition("-")
    if not (year.isdigit() and quarter in ("1", "2", "3", "4")):
        return None
    return int(year), int(quarter)
