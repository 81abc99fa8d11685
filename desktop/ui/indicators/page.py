"""Chỉ tiêu & số liệu: quarterly entry, ward results with charts, and the catalogue of indicators.

The main window tells the page of every change (:meth:`IndicatorsPage.on_change`); each tab reads
again what it shows of it — the results and the catalogue only once they are seen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.changes import Change
from desktop.context import AppContext
from desktop.movement.deadlines import Target
from desktop.ui.indicators.catalogue import IndicatorCatalogue
from desktop.ui.indicators.results_tab import ResultsTab
from desktop.ui.indicators.values_entry import QuarterEntry
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
