"""The pages of the main window, in navigation order; each is imported when first shown.

A page class takes ``(ctx: AppContext, parent: QWidget | None)`` and has ``on_change(change)``:
the main window calls it after every change that went through the door
(:mod:`desktop.changes`), and the page reloads what it shows of that change — all of it when
``change.everything`` (a restore), when it also drops its undo actions' state. A page may also
keep what the clerk chose across starts (:class:`KeepsState`, :mod:`desktop.ui.window_state`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from desktop.changes import Change
from desktop.ui.texts import common as t
from desktop.ui.texts import council as tcouncil
from desktop.ui.texts import movement as tmovement


@runtime_checkable
class Page(Protocol):
    """What the main window asks of every page."""

    def on_change(self, change: Change) -> None: ...


@runtime_checkable
class KeepsState(Protocol):
    """A page that keeps some of its choices across starts, as text (besides its tab, which the
    window keeps for every page with ``tabs``)."""

    def state(self) -> dict[str, str]: ...

    def restore_state(self, saved: Mapping[str, str]) -> None:
        """Take what ``saved`` holds that still makes sense; leave the rest at its default."""
        ...


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    shortcut: str
    target: str  # "module:Class"


PAGES = [
    PageSpec("due", tmovement.DUE_PAGE_TITLE, "Ctrl+0", "desktop.ui.movement.due_page:DuePage"),
    PageSpec("units", t.PAGE_UNITS, "Ctrl+1", "desktop.ui.register.units_page:UnitsPage"),
    PageSpec("indicators", t.PAGE_INDICATORS, "Ctrl+2", "desktop.ui.indicators.page:IndicatorsPage"),
    PageSpec("dossiers", t.PAGE_DOSSIERS, "Ctrl+3", "desktop.ui.awards.page:DossiersPage"),
    PageSpec("council", tcouncil.PAGE_TITLE, "Ctrl+4", "desktop.ui.council.page:CouncilPage"),
    PageSpec("movement", tmovement.PAGE_TITLE, "Ctrl+5", "desktop.ui.movement.page:MovementPage"),
    PageSpec("documents", t.PAGE_DOCUMENTS, "Ctrl+6", "desktop.ui.documents.page:DocumentsPage"),
    PageSpec("backup", t.PAGE_BACKUP, "Ctrl+7", "desktop.ui.backup.page:BackupPage"),
    PageSpec("settings", t.PAGE_SETTINGS, "Ctrl+8", "desktop.ui.settings.page:SettingsPage"),
    PageSpec("audit", "Nhật ký thay đổi", "Ctrl+9", "desktop.ui.storage.audit_page:AuditPage"),
]
