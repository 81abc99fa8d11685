"""Tabs that read again only when a change they show has happened, and only once they are seen.

A change announced by the door marks the tab stale; a visible tab reloads at once, a hidden one
when it is shown — so a cell typed in the grid does not recompute the ward's results behind it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from desktop.changes import Area, Change


class ReloadingTab(QWidget):
    """Subclasses name the ``areas`` they show and read them in their ``reload``."""

    areas: tuple[Area, ...] = ()
    reload: Callable[[], None]  # what the tab reads; every subclass defines it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stale = True  # nothing read yet

    def on_change(self, change: Change) -> None:
        if change.touches(*self.areas):
            self.stale = True
            if self.isVisible():
                self.refresh()

    def refresh(self) -> None:
        self.stale = False
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh()
