"""The restore dialog: choose a file, check it completely, see what it holds, then restore (or not).

In "khôi phục thử" mode the dialog stops after the check: the backup is verified and upgraded in the
data folder's temporary area and the live data is never touched. A backup whose audit log was cut
short (:func:`desktop.backup.trail.shorter_audit_log`) is shown with the warning, and the question
before the restore repeats it.

A restore announces ``EVERYTHING`` to the door once the new file is in place
(:func:`desktop.backup.restore.restore_backup`): every page reloads, every undo history is
emptied and the main window closes the dialogs that showed old records — all but this one, which
carries the ``keep_on_reload`` property so that the clerk reads how the restore went.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.backup import RestoreResult, restore_backup, trial_restore
from desktop.backup.crypto import is_encrypted
from desktop.backup.trail import shorter_audit_log
from desktop.context import AppContext
from desktop.text import wording
from desktop.ui.backup.backup_dialog import error_text
from desktop.ui.main_window import KEEP_ON_RELOAD
from desktop.ui.texts import backup as t
from desktop.ui.widgets.background import Cancelled, Operation, Progress, run_with_progress
from desktop.ui.widgets.elided import grow_to_fit
from desktop.ui.widgets.file_dialogs import Purpose, open_file

log = logging.getLogger("thidua.ui")


def summary_html(result: RestoreResult) -> str:
    m = result.manifest
    counts = m.counts
    return t.SUMMARY.format(
        ward=m.ward,
        when=wording.date_time(m.created),
        version=m.app_version,
        schema=m.schema_revision,
        upgrade=t.SUMMARY_UPGRADE if result.upgraded_from else "",
        units=wording.count(counts.get("unit", 0)),
        persons=wording.count(counts.get("person", 0)),
        values=wording.count(counts.get("quartervalue", 0)),
        dossiers=wording.count(counts.get("dossier", 0)),
        documents=wording.count(counts.get("issueddocument", 0)),
        attachments=wording.count(m.attachment_count),
    )


class ChosenFile(QLineEdit):
    """The chosen backup's path, shown and never typed: it reads as plain text on the dialog's
    colour, Tab passes it by, and a click on it opens the chooser as "Chọn tệp…" does."""

    clicked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setReadOnly(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setPlaceholderText(t.NO_FILE_CHOSEN)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        self.setPalette(palette)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        event.accept()


class RestoreDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        trial: bool = False,
        path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.trial = trial
        self.checked: RestoreResult | None = None
        self.audit_warning: str | None = None  # the checked backup's audit log was cut short
        self.operation: Operation | None = None
        self.setWindowTitle(t.TRIAL_TITLE if trial else t.RESTORE_TITLE)
        self.setProperty(KEEP_ON_RELOAD, True)  # it made the reload: it stays to tell the outcome
        self.setMinimumWidth(600)

        self.chosen: Path | None = None
        self.file = ChosenFile()
        self.file.setObjectName("file")
        self.file.clicked.connect(self.choose_file)
        choose = QPushButton(t.CHOOSE_FILE)
        choose.setObjectName("choose")
        choose.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(choose)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_note = QLabel(t.ENCRYPTED_NOTE)
        form = QFormLayout()
        form.addRow(t.FILE_LABEL, file_row)
        form.addRow(self.passphrase_note)
        form.addRow(t.PASSPHRASE, self.passphrase)
        self._passphrase_label = form.labelForField(self.passphrase)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)

        self.check_button = QPushButton(t.CHECK)
        self.check_button.setObjectName("check")
        self.check_button.clicked.connect(self.check)
        self.restore_button = QPushButton(t.RESTORE)
        self.restore_button.setObjectName("restore")
        self.restore_button.clicked.connect(self.confirm_and_restore)
        self.restore_button.setVisible(not trial)
        self.restore_button.setEnabled(False)
        close = QPushButton(t.CLOSE)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.passphrase.textChanged.connect(self._forget_check)
        self.set_file(path)

    # -- choosing ----------------------------------------------------------------------------
    def choose_file(self) -> None:
        name = open_file(
            self, self.ctx, Purpose.BACKUP, t.CHOOSE_FILE_TITLE, t.FILE_FILTER, str(self.chosen or "")
        )
        if name:
            self.set_file(Path(name))

    def set_file(self, path: Path | None) -> None:
        self.chosen = path
        self.file.setText(str(path) if path else "")
        self.file.setToolTip(str(path) if path else "")
        self.file.setCursorPosition(0)
        encrypted = False
        if path is not None and path.is_file():
            try:
                encrypted = is_encrypted(path)
            except OSError:
                encrypted = False
        for widget in (self.passphrase_note, self.passphrase, self._passphrase_label):
            if widget is not None:
                widget.setVisible(encrypted)
        self._forget_check()

    def _forget_check(self) -> None:
        self.checked = None
        self.audit_warning = None
        self.restore_button.setEnabled(False)
        self.summary.clear()
        self.message.clear()

    def _path(self) -> Path | None:
        return self.chosen

    def _passphrase(self) -> str | None:
        return self.passphrase.text() if not self.passphrase.isHidden() else None

    def _show(self, text: str, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        grow_to_fit(self)  # the message is read whole, the rows above it keep their height

    # -- checking ----------------------------------------------------------------------------
    def check(self) -> None:
        path = self._path()
        if path is None:
            self._show(t.NO_FILE, True)
            return
        passphrase = self._passphrase()
        self._forget_check()
        self.check_button.setEnabled(False)
        work_dir = self.ctx.folder.scratch  # nothing decrypted ever leaves the data folder

        def work(progress: Progress) -> RestoreResult:
            return trial_restore(path, passphrase=passphrase, work_dir=work_dir, progress=progress)

        self.operation = run_with_progress(self, work, self._checked, self._failed, t.CHECKING)

    def _checked(self, result: RestoreResult) -> None:
        self.check_button.setEnabled(True)
        self.checked = result
        self.summary.setText(summary_html(result))
        grow_to_fit(self)
        if self.ctx.database_exists:
            self.audit_warning = self.ctx.door.read(
                shorter_audit_log(
                    result.source, result.manifest, result.newest_ids, result.audit_rows
                )
            )
        if self.audit_warning is not None:
            self._show(self.audit_warning, True)
        elif self.trial:
            self._show(t.TRIAL_OK, False)
        if not self.trial:
            self.restore_button.setEnabled(True)

    def _failed(self, error: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.restore_button.setEnabled(False)
        if isinstance(error, Cancelled):
            self._show(t.RESTORE_CANCELLED, True)
            return
        log.warning("restore check failed: %s", error)
        self._show(error_text(self, error), True)

    # -- restoring ---------------------------------------------------------------------------
    def ask_confirmation(self, result: RestoreResult) -> bool:
        text = t.CONFIRM_TEXT.format(when=wording.date_time(result.manifest.created))
        if self.audit_warning is not None:
            text = t.CONFIRM_SHORTER_AUDIT.format(warning=self.audit_warning, question=text)
        answer = QMessageBox.question(
            self,
            t.CONFIRM_TITLE,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def confirm_and_restore(self) -> None:
        path = self._path()
        if self.checked is None or path is None or not self.ask_confirmation(self.checked):
            return
        passphrase = self._passphrase()
        accepted = self.audit_warning is not None  # the clerk read the warning and said yes
        self.restore_button.setEnabled(False)
        self.check_button.setEnabled(False)

        def work(progress: Progress) -> RestoreResult:
            return restore_backup(
                self.ctx,
                path,
                passphrase=passphrase,
                progress=progress,
                accept_shorter_audit=accepted,
            )

        self.operation = run_with_progress(self, work, self._restored, self._failed, t.RESTORING)

    def _restored(self, result: RestoreResult) -> None:
        self.check_button.setEnabled(True)
        self.passphrase.clear()
        self._show(
            t.RESTORE_DONE.format(
                when=wording.date_time(result.manifest.created), safety=result.safety_backup or ""
            ),
            False,
        )
