"""The automatic local backup taken when the main window closes (if the data changed)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from desktop.backup.ops import auto_backup_now
from desktop.context import AppContext
from desktop.ui.texts import backup as t

log = logging.getLogger("thidua.ui")


def backup_on_exit(window: QMainWindow, ctx: AppContext) -> None:
    """Never stops the window from closing: a failure is logged and the next exit tries again.

    Only data that was opened (and so passed the checks of ``Database.open``) is backed up, so a
    damaged file never pushes good backups out of the kept ones.
    """
    if not ctx.is_open:
        return
    window.statusBar().showMessage(t.AUTO_ON_EXIT)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = auto_backup_now(ctx.door, ctx.folder)
        if result is not None:
            log.info("automatic backup on exit: %s", result.path.name)
    except Exception:
        log.exception("automatic backup on exit failed")
    finally:
        QApplication.restoreOverrideCursor()
