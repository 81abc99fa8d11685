"""Sao lưu: the backups kept in the data folder."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.ui.list_page import ListPage
from desktop.ui.table_model import Column


@dataclass(frozen=True)
class BackupFile:
    path: Path
    modified: datetime
    size: int


COLUMNS = [
    Column[BackupFile]("Tệp", lambda b: b.path.name),
    Column[BackupFile]("Thời điểm", lambda b: b.modified.strftime("%d/%m/%Y %H:%M")),
    Column[BackupFile]("Dung lượng (KB)", lambda b: f"{b.size / 1024:,.0f}", align_right=True),
]


class BackupPage(ListPage):
    title = "Sao lưu"
    columns = COLUMNS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.ctx = ctx
        super().__init__(parent)
        self.refresh()

    def load(self) -> list[BackupFile]:
        files = []
        for path in sorted(self.ctx.folder.backups.glob("*.tdbak"), reverse=True):
            stat = path.stat()
            files.append(BackupFile(path, datetime.fromtimestamp(stat.st_mtime), stat.st_size))
        return files
