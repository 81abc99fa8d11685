"""The "Sao lưu ra USB" dialog: pick a stick or folder, optionally a passphrase, back up with progress."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.backup import BackupResult, create_backup
from desktop.backup.crypto import passphrase_problem
from desktop.backup.ops import usb_backup_recorded
from desktop.backup.status import last_backup_folder
from desktop.backup.targets import removable_targets
from desktop.context import AppContext
from desktop.text import wording
from desktop.ui.errors import refusal_text, show_error
from desktop.ui.texts import backup as t
from desktop.ui.widgets.background import Cancelled, Operation, Progress, run_with_progress
from desktop.ui.widgets.elided import grow_to_fit
from desktop.ui.widgets.file_dialogs import Purpose, existing_folder

log = logging.getLogger("thidua.ui")


def error_text(parent: QWidget, error: BaseException) -> str:
    """The line a dialog shows for a failure: a refusal as worded; a bug is also told in the
    apology dialog (with where the log is) and the line says only that it failed."""
    text = refusal_text(error)
    if text is not None:
        return text
    show_error(parent, error)
    return t.FAILED_UNEXPECTEDLY


class BackupDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(t.BACKUP_TITLE)
        self.setMinimumWidth(560)
        self.operation: Operation | None = None
        self.result_: BackupResult | None = None

        self.target = QComboBox()
        self.target.setObjectName("target")
        choose = QPushButton(t.CHOOSE_FOLDER)
        choose.clicked.connect(self.choose_folder)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(choose)

        self.encrypt = QCheckBox(t.ENCRYPT)
        self.encrypt.setObjectName("encrypt")
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        hint = QLabel(t.PASSPHRASE_HINT)
        hint.setWordWrap(True)
        self.compress = QCheckBox(t.COMPRESS)
        self.compress.setObjectName("compress")
        self.encrypt.toggled.connect(self._update_enabled)

        form = QFormLayout()
        form.addRow(t.TARGET_LABEL, target_row)
        form.addRow(self.encrypt)
        form.addRow(t.PASSPHRASE, self.passphrase)
        form.addRow(t.PASSPHRASE_REPEAT, self.repeat)
        form.addRow(hint)
        form.addRow(self.compress)

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.start_button = QPushButton(t.START_BACKUP)
        self.start_button.setObjectName("start")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        close = QPushButton(t.CLOSE)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._fill_targets()
        self._update_enabled()

    # -- targets -----------------------------------------------------------------------------
    def _fill_targets(self) -> None:
        """Removable drives first (what the clerk plugged in), then the folder used last time."""
        self.target.clear()
        for target in removable_targets():
            self.target.addItem(t.TARGET_REMOVABLE.format(label=target.label), str(target.path))
        last = self.ctx.door.read(last_backup_folder)
        if last and Path(last).is_dir() and self.target.findData(last) < 0:
            self.target.addItem(t.TARGET_FOLDER.format(path=last), last)
        if self.target.count() == 0:
            self.target.addItem(t.TARGET_NONE, "")

    def set_target(self, folder: Path) -> None:
        value = str(folder)
        index = self.target.findData(value)
        if index < 0:
            self.target.insertItem(0, t.TARGET_FOLDER.format(path=value), value)
            index = 0
        none = self.target.findData("")
        if none >= 0 and none != index:
            self.target.removeItem(none)
            index = self.target.findData(value)
        self.target.setCurrentIndex(index)

    def choose_folder(self) -> None:
        folder = existing_folder(
            self, self.ctx, Purpose.BACKUP, t.CHOOSE_FOLDER_TITLE, self.target.currentData() or ""
        )
        if folder:
            self.set_target(Path(folder))

    def _update_enabled(self) -> None:
        on = self.encrypt.isChecked()
        self.passphrase.setEnabled(on)
        self.repeat.setEnabled(on)

    # -- running -----------------------------------------------------------------------------
    def _show(self, text: str, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        grow_to_fit(self)  # the message is read whole, the rows above it keep their height

    def start(self) -> None:
        folder = self.target.currentData() or ""
        if not folder:
            self._show(t.NO_TARGET, True)
            return
        passphrase = None
        if self.encrypt.isChecked():
            problem = passphrase_problem(self.passphrase.text(), self.repeat.text())
            if problem:
                self._show(problem, True)
                return
            passphrase = self.passphrase.text()
        compress = self.compress.isChecked()
        folder_path = Path(folder)
        self.start_button.setEnabled(False)
        self._show(t.BACKUP_RUNNING, False)

        def work(progress: Progress) -> BackupResult:
            return create_backup(
                self.ctx.folder,
                folder_path,
                passphrase=passphrase,
                compress=compress,
                progress=progress,
            )

        self.operation = run_with_progress(self, work, self._done, self._failed, t.BACKUP_RUNNING)

    def _done(self, result: BackupResult) -> None:
        self.result_ = result
        self.passphrase.clear()
        self.repeat.clear()
        self.start_button.setEnabled(True)
        done = t.BACKUP_DONE.format(
            path=result.path,
            size=wording.size(result.path.stat().st_size),
            seconds=wording.decimal(result.seconds),
        )
        swept = result.swept_line()
        if swept:
            done += "\n" + swept
        left_out = result.left_out_line()
        if left_out:
            done += "\n" + left_out
        warn = left_out is not None  # written and sound, but the clerk has something to redo
        try:  # the status bar and the Sao lưu page hear of it from the door
            self.ctx.door.run(usb_backup_recorded(result.path.parent))
        except Exception as error:  # the backup is written and verified; only the note failed
            # Not shown as a failure: the clerk may take the stick away, the backup is good.
            self._show(
                done + "\n" + t.BACKUP_NOT_NOTED.format(problem=error_text(self, error)), warn
            )
            return
        self._show(done, warn)

    def _failed(self, error: BaseException) -> None:
        self.start_button.setEnabled(True)
        if isinstance(error, Cancelled):
            self._show(t.BACKUP_CANCELLED, True)
            return
        log.warning("backup failed: %s", error)
        self._show(error_text(self, error), True)
