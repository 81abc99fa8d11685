"""The pages of the main window, in navigation order; each is imported when first shown.

A page class takes ``(ctx: AppContext, parent: QWidget | None)`` and may define ``refresh()``,
called each time the page is shown again.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.ui.texts import common as t


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    shortcut: str
    target: str  # "module:Class"


PAGES = [
    PageSpec("units", t.PAGE_UNITS, "Ctrl+1", "desktop.ui.pages.units:UnitsPage"),
    PageSpec("indicators", t.PAGE_INDICATORS, "Ctrl+2", "desktop.ui.pages.indicators:IndicatorsPage"),
    PageSpec("dossiers", t.PAGE_DOSSIERS, "Ctrl+3", "desktop.ui.pages.dossiers:DossiersPage"),
    PageSpec("documents", t.PAGE_DOCUMENTS, "Ctrl+4", "desktop.ui.pages.documents:DocumentsPage"),
    PageSpec("backup", t.PAGE_BACKUP, "Ctrl+5", "desktop.ui.pages.backup:BackupPage"),
    PageSpec("settings", t.PAGE_SETTINGS, "Ctrl+6", "desktop.ui.pages.settings:SettingsPage"),
    PageSpec("audit", "Nhật ký thay đổi", "Ctrl+7", "desktop.ui.pages.audit:AuditPage"),
]
