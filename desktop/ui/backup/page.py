"""Sao lưu: back up to USB, restore, test a backup, and the automatic backups in the data folder.

The page reads what it shows through the door and reloads in :meth:`BackupPage.on_change` when a
backup was noted or written (``Area.BACKUPS``), when the ward settings changed (the USB reminder's
days) and after a restore (``EVERYTHING``, announced by the restore itself).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.backup import AUTO_TAG, SAFETY_TAG, BackupFile, BackupResult, list_backups
from desktop.backup.ops import auto_backup_now
from desktop.backup.status import usb_backup_age
from desktop.changes import Area, Change
from desktop.context import AppContext
from desktop.text import wording
from desktop.ui.backup.backup_dialog import BackupDialog, error_text
from desktop.ui.backup.restore_dialog import RestoreDialog
from desktop.ui.texts import backup as t
from desktop.ui.texts import common as tc
from desktop.ui.texts import help as th
from desktop.ui.widgets.background import Cancelled, Operation, Progress, run_with_progress
from desktop.ui.widgets.empty_hint import EmptyHint
from desktop.ui.widgets.table_model import Column, RecordSortProxy, RecordTableModel


@dataclass(frozen=True, order=True)
class Worded:
    """A cell worded in the one voice ("1,5 MB", "05/02/2025 14:30") but sorted by its quantity."""

    key: float
    text: str = field(compare=False)

    def __str__(self) -> str:
        return self.text


def _kind(backup: BackupFile) -> str:
    return {AUTO_TAG: t.KIND_AUTO, SAFETY_TAG: t.KIND_SAFETY}.get(backup.tag, t.KIND_MANUAL)


COLUMNS = [
    Column[BackupFile](
        t.COLUMN_TIME,
        lambda b: Worded(b.created.timestamp(), wording.date_time(b.created, seconds=True)),
    ),
    Column[BackupFile](t.COLUMN_KIND, _kind),
    Column[BackupFile](
        t.COLUMN_SIZE, lambda b: Worded(b.size, wording.size(b.size)), align_right=True
    ),
    Column[BackupFile](t.COLUMN_ENCRYPTED, lambda b: t.YES if b.encrypted else t.NO),
    Column[BackupFile](t.COLUMN_FILE, lambda b: b.path.name),
]


class BackupPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.operation: Operation | None = None
        heading = QLabel(f"<h2>{t.PAGE_TITLE}</h2>")
        intro = QLabel(t.PAGE_INTRO)
        intro.setWordWrap(True)
        self.usb_status = QLabel()
        self.usb_status.setObjectName("usb_status")
        self.usb_status.setWordWrap(True)

        self.backup_button = QPushButton(t.ACTION_BACKUP)
        self.backup_button.setObjectName("backup")
        self.backup_button.clicked.connect(self.open_backup_dialog)
        self.restore_button = QPushButton(t.ACTION_RESTORE)
        self.restore_button.setObjectName("restore")
        self.restore_button.clicked.connect(lambda: self.open_restore_dialog(trial=False))
        self.trial_button = QPushButton(t.ACTION_TRIAL)
        self.trial_button.setObjectName("trial")
        self.trial_button.clicked.connect(lambda: self.open_restore_dialog(trial=True))
        actions = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.trial_button):
            actions.addWidget(button)
        actions.addStretch(1)

        self.model: RecordTableModel[BackupFile] = RecordTableModel(COLUMNS, self)
        self.proxy = RecordSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("table")
        self.empty_hint = EmptyHint(self.table, th.HINT_BACKUPS)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.doubleClicked.connect(lambda _: self.restore_selected())

        self.auto_button = QPushButton(t.ACTION_AUTO_NOW)
        self.auto_button.setObjectName("auto")
        self.auto_button.clicked.connect(self.auto_now)
        self.restore_selected_button = QPushButton(t.ACTION_RESTORE_SELECTED)
        self.restore_selected_button.setObjectName("restore_selected")
        self.restore_selected_button.clicked.connect(self.restore_selected)
        open_folder = QPushButton(t.ACTION_OPEN_FOLDER)
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.folder.backups)))
        )
        local_actions = QHBoxLayout()
        for button in (self.auto_button, self.restore_selected_button, open_folder):
            local_actions.addWidget(button)
        local_actions.addStretch(1)
        self.local_message = QLabel()
        self.local_message.setObjectName("local_message")

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.usb_status)
        layout.addLayout(actions)
        layout.addSpacing(12)
        layout.addWidget(QLabel(f"<b>{t.LOCAL_HEADING}</b>"))
        layout.addLayout(local_actions)
        layout.addWidget(self.local_message)
        layout.addWidget(self.table, 1)
        self.refresh()

    def on_change(self, change: Change) -> None:
        if change.touches(Area.BACKUPS, Area.SETTINGS):
            self.refresh()

    def refresh(self) -> None:
        age = self.ctx.door.read(usb_backup_age)
        if age.last is None or age.days is None:
            text = t.LAST_USB_NEVER
        else:
            ago = tc.AGE_TODAY if age.days == 0 else tc.AGE_DAYS.format(days=age.days)
            text = t.LAST_USB.format(when=wording.date_time(age.last), age=ago)
            if age.late:
                text += t.LAST_USB_LATE.format(days=age.limit)
        late = age.late
        self.usb_status.setText(text)
        self.usb_status.setStyleSheet("color: #b00020; font-weight: bold;" if late else "")
        self.model.set_records(list_backups(self.ctx.folder.backups))
        self.table.resizeColumnsToContents()

    def selected_backup(self) -> BackupFile | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.record(self.proxy.mapToSource(rows[0]).row())

    # -- actions -----------------------------------------------------------------------------
    def open_backup_dialog(self) -> BackupDialog:
        dialog = BackupDialog(self.ctx, self)
        dialog.open()
        return dialog

    def open_restore_dialog(self, trial: bool, backup: BackupFile | None = None) -> RestoreDialog:
        """The restore dialog; what a restore changes reaches every page through the door."""
        dialog = RestoreDialog(self.ctx, self, trial=trial, path=backup.path if backup else None)
        dialog.open()
        return dialog

    def restore_selected(self) -> RestoreDialog | None:
        backup = self.selected_backup()
        if backup is None:
            self.local_message.setText(t.SELECT_BACKUP_FIRST)
            return None
        return self.open_restore_dialog(trial=False, backup=backup)

    def auto_now(self) -> None:
        door, folder = self.ctx.door, self.ctx.folder
        self.auto_button.setEnabled(False)

        def work(progress: Progress) -> BackupResult | None:
            return auto_backup_now(door, folder, progress)  # a new file is announced: listed

        def done(result: BackupResult | None) -> None:
            self.auto_button.setEnabled(True)
            self.local_message.setText(
                t.AUTO_DONE.format(name=result.path.name) if result else t.AUTO_UNCHANGED
            )

        def failed(error: BaseException) -> None:
            self.auto_button.setEnabled(True)
            cancelled = isinstance(error, Cancelled)
            self.local_message.setText(t.BACKUP_CANCELLED if cancelled else error_text(self, error))

        self.operation = run_with_progress(self, work, done, failed, t.BACKUP_RUNNING)
