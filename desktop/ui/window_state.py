"""Where the clerk left off: the page shown, the tab of a page with tabs, and what a page keeps of
its own (the quarter on Chỉ tiêu & số liệu, the kind on Văn bản), kept in ``window.ini`` of the
data folder (beside the window's geometry, and in the backups with it) across starts.

A page keeps more than its tab by having ``state()`` and ``restore_state(saved)``
(:class:`desktop.ui.pages.KeepsState`). Whatever was saved is only a wish: a page that no longer
exists, a tab renamed, a value a page cannot use is passed over and the default stays, silently.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.ui.pages import PAGES, KeepsState

log = logging.getLogger("thidua.ui")
PAGE_KEY = "main/page"
TAB = "tab"  # the entry of a page's group naming its tab (by the tab widget's class)


def settings_at(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def _group(key: str) -> str:
    return f"page_{key}"


def saved_page(settings: QSettings) -> str | None:
    """The key of the page shown at the last close, when it is still one of :data:`PAGES`."""
    value = settings.value(PAGE_KEY)
    return value if isinstance(value, str) and any(s.key == value for s in PAGES) else None


def saved_values(settings: QSettings, key: str) -> dict[str, str]:
    """What was kept of page ``key``: only text values (an .ini edited by hand may hold others)."""
    settings.beginGroup(_group(key))
    try:
        found = {name: settings.value(name) for name in settings.childKeys()}
    finally:
        settings.endGroup()
    return {name: value for name, value in found.items() if isinstance(value, str)}


def tabs_of(page: QWidget) -> QTabWidget | None:
    tabs = getattr(page, "tabs", None)
    return tabs if isinstance(tabs, QTabWidget) else None


def state_of(page: QWidget) -> dict[str, str]:
    """What to keep of ``page``: its tab and its own state."""
    kept: dict[str, str] = {}
    tabs = tabs_of(page)
    if tabs is not None and tabs.currentWidget() is not None:
        kept[TAB] = type(tabs.currentWidget()).__name__
    if isinstance(page, KeepsState):
        try:
            kept.update({name: str(value) for name, value in page.state().items()})
        except Exception:  # closing the window must not fail over what it remembers
            log.warning("state of %s not saved", page.objectName(), exc_info=True)
    return kept


def restore_page(page: QWidget, saved: Mapping[str, str]) -> None:
    """Bring ``page`` back to ``saved``; anything it cannot take leaves its default."""
    tabs = tabs_of(page)
    wanted = saved.get(TAB)
    if tabs is not None and wanted:
        for index in range(tabs.count()):
            if type(tabs.widget(index)).__name__ == wanted:
                tabs.setCurrentIndex(index)
                break
    if isinstance(page, KeepsState):
        own = {name: value for name, value in saved.items() if name != TAB}
        try:
            page.restore_state(own)
        except Exception:  # a saved wish must never stop a page from opening
            log.warning("saved state of %s not restored", page.objectName(), exc_info=True)


def save(settings: QSettings, shown: str | None, pages: Mapping[str, QWidget]) -> None:
    """Keep the page ``shown`` and the state of every page opened; pages not opened this time keep
    what they had."""
    if shown is not None:
        settings.setValue(PAGE_KEY, shown)
    for key, page in pages.items():
        kept = state_of(page)
        settings.beginGroup(_group(key))
        try:
            for name, value in kept.items():
                settings.setValue(name, value)
        finally:
            settings.endGroup()
    settings.sync()
