"""Hội đồng và quyết định: the council's members, meetings and ballots; the decisions on awards;
the register of every award (sổ theo dõi khen thưởng).

The page reloads what it shows when a change touches the council, the decisions or the dossiers
(a ballot moves a dossier, a decision awards several), and everything after a restore.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.changes import Area, Change
from desktop.context import AppContext
from desktop.ui.council.council_tab import CouncilTab
from desktop.ui.council.decisions_tab import DecisionsTab
from desktop.ui.council.register_tab import RegisterTab
from desktop.ui.texts import council as t


class CouncilPage(QWidget):
    """The page of the main window; see the module's docstring."""

    title = t.PAGE_TITLE

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.council = CouncilTab(ctx, self)
        self.decisions = DecisionsTab(ctx, self)
        self.register = RegisterTab(ctx, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.council, t.TAB_COUNCIL)
        self.tabs.addTab(self.decisions, t.TAB_DECISIONS)
        self.tabs.addTab(self.register, t.TAB_REGISTER)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{self.title}</h2>"))
        layout.addWidget(self.tabs, 1)

    def on_change(self, change: Change) -> None:
        if change.everything or change.touches(Area.AWARDS):
            self.council.refresh()  # campaigns come and go with the catalogue
        elif change.touches(Area.COUNCIL, Area.DOSSIERS):
            self.council.refresh_members()
            self.council.refresh_meetings()
        if change.everything or change.touches(Area.DECISIONS, Area.DOSSIERS):
            self.decisions.refresh()
            self.register.refresh()
