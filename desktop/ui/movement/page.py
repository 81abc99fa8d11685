"""Phong trào: the movement's own record, one tab per kind of record.

Each tab is a widget taking ``(ctx, parent)`` with ``on_change(change)``; it is built when the page
is, and reloads what it shows of a change itself.
"""

from __future__ import annotations

from importlib import import_module

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.changes import Change
from desktop.context import AppContext
from desktop.movement.deadlines import Target
from desktop.ui.texts import movement as t

# (tab title, "module:Class"), in the order the clerk reads them.
TABS: list[tuple[str, str]] = [
    (t.TAB_ACTIVITIES, "desktop.ui.movement.activities_tab:ActivitiesTab"),
    (t.TAB_INITIATIVES, "desktop.ui.movement.initiatives_tab:InitiativesTab"),
    (t.TAB_COMMITMENTS, "desktop.ui.movement.commitments_tab:CommitmentsTab"),
]


class MovementPage(QWidget):
    """The page of the main window; see the module's docstring."""

    title = t.PAGE_TITLE

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.parts: dict[str, QWidget] = {}
        for label, target in TABS:
            module, _, name = target.partition(":")
            tab = getattr(import_module(module), name)(ctx, self)
            self.parts[name] = tab
            self.tabs.addTab(tab, label)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{self.title}</h2>"))
        layout.addWidget(self.tabs, 1)

    def open_target(self, target: Target) -> None:
        """Opened from Việc cần làm: the tab the item names ("commitments": CommitmentsTab), told
        of the item when it can take it."""
        for name, tab in self.parts.items():
            if target.tab and name.lower().startswith(target.tab):
                self.tabs.setCurrentWidget(tab)
                opener = getattr(tab, "open_target", None)
                if callable(opener):
                    opener(target)

    def on_change(self, change: Change) -> None:
        for tab in self.parts.values():
            tab.on_change(change)  # type: ignore[attr-defined]
