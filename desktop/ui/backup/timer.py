"""The daily automatic backup while the app stays open (a clerk may not close it for days).

Once an hour the window checks whether the newest automatic backup is a day old; if so one is
written in the background (no dialog: it is quick and the clerk need not wait for it). Closing
the window takes one too (``backup_on_exit``).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer

from desktop.backup import AUTO_TAG, BackupResult, list_backups
from desktop.backup.ops import auto_backup_now
from desktop.context import AppContext
from desktop.ui.widgets.background import Operation, Progress

log = logging.getLogger("thidua.ui")
CHECK_EVERY_MS = 60 * 60 * 1000
MAX_AGE = timedelta(days=1)


class DailyBackup(QObject):
    def __init__(self, ctx: AppContext, parent: QObject) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.operation: Operation | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.run_if_due)
        self.timer.start()

    def due(self, now: datetime | None = None) -> bool:
        autos = [b for b in list_backups(self.ctx.folder.backups) if b.tag == AUTO_TAG]
        return not autos or (now or datetime.now()) - autos[0].created >= MAX_AGE

    def run_if_due(self) -> bool:
        """Start a background automatic backup if one is due; True when one was started."""
        if self.operation is not None or not self.ctx.is_open or not self.due():
            return False
        door, folder = self.ctx.door, self.ctx.folder

        def work(progress: Progress) -> BackupResult | None:
            return auto_backup_now(door, folder, progress)  # the Sao lưu page is told of a new file

        self.operation = Operation(work, self)
        self.operation.done.connect(self._finished)
        self.operation.error.connect(self._failed)
        self.operation.start()
        return True

    def _finished(self, result: BackupResult | None) -> None:
        self.operation = None
        log.info("daily automatic backup: %s", result.path.name if result else "unchanged")

    def _failed(self, error: BaseException) -> None:
        self.operation = None
        log.warning("daily automatic backup failed: %s", error)
