"""Tệp đính kèm of one dossier: add files (copied in the background), open a copy, take one off."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.awards.attachments import (
    attach_file,
    prune_store,
    remove_attachment,
    stored_problem,
    viewing_copy,
)
from desktop.awards.detail import DossierDetail
from desktop.awards.errors import DossierError
from desktop.context import AppContext
from desktop.models import Attachment
from desktop.ui.awards.dossier_widgets import table_view
from desktop.ui.texts import common as tc
from desktop.ui.texts import dossiers as t
from desktop.ui.widgets.background import Progress, run_with_progress
from desktop.ui.widgets.table_model import Column, RecordTableModel


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


class AttachmentsTab(QWidget):
    """Emits ``changed`` after a file was added or taken off, so the dossier is read again."""

    changed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        dossier_id: int,
        refuse: Callable[[DossierError], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.dossier_id, self._refuse = ctx, dossier_id, refuse
        self.detail: DossierDetail | None = None
        self._operation: Any = None
        self.attach_for = QComboBox()
        self.attach_for.setObjectName("attach_for")
        top = QHBoxLayout()
        top.addWidget(QLabel(t.ATTACH_FOR))
        top.addWidget(self.attach_for, 1)
        for text, name, slot in (
            (t.ADD_FILES, "add_files", self.choose_files),
            (t.OPEN_FILE, "open_file", self.open_selected),
            (t.REMOVE_FILE, "remove_file", self.remove_selected),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            top.addWidget(button)
        self.rows: RecordTableModel[Attachment] = RecordTableModel(
            [
                Column[Attachment](t.ATTACHMENT_COLUMNS[0], lambda a: a.original_name),
                Column[Attachment](t.ATTACHMENT_COLUMNS[1], self._component_name),
                Column[Attachment](
                    t.ATTACHMENT_COLUMNS[2], lambda a: _size(a.size), align_right=True
                ),
                Column[Attachment](
                    t.ATTACHMENT_COLUMNS[3], lambda a: f"{a.added_at:%d/%m/%Y %H:%M}"
                ),
                Column[Attachment](t.ATTACHMENT_COLUMNS[4], self._file_state),
            ],
            self,
        )
        self.view = table_view(self.rows, "attachments")
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def show_detail(self, detail: DossierDetail) -> None:
        self.detail = detail
        chosen = self.attach_for.currentData()
        self.attach_for.clear()
        self.attach_for.addItem(t.ATTACH_GENERAL, None)
        for line in detail.components:
            self.attach_for.addItem(line.component.name, line.component.id)
        self.attach_for.setCurrentIndex(max(0, self.attach_for.findData(chosen)))
        self.rows.set_records(detail.attachments)

    def _component_name(self, attachment: Attachment) -> str:
        if self.detail is None or attachment.component_id is None:
            return ""
        names = {c.component.id: c.component.name for c in self.detail.components}
        return names.get(attachment.component_id, "")

    def _file_state(self, attachment: Attachment) -> str:
        missing = stored_problem(self.ctx.folder.attachments, attachment)
        return t.FILE_MISSING if missing else t.FILE_OK

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, t.CHOOSE_FILES)
        if names:
            self.attach([Path(n) for n in names])

    def attach(self, paths: list[Path]) -> None:
        """Copy the files in the background (a scan can be large); all are attached or none."""
        component_id = self.attach_for.currentData()
        store, dossier_id, db = self.ctx.folder.attachments, self.dossier_id, self.ctx.db

        def work(progress: Progress) -> int:
            with db.session() as session:
                for done, path in enumerate(paths):
                    progress.check()
                    progress.report(done, len(paths), path.name)
                    attach_file(session, store, dossier_id, path, component_id)
            return len(paths)

        def failed(error: BaseException) -> None:
            if isinstance(error, DossierError):
                self._refuse(error)
            elif type(error).__name__ != "Cancelled":
                QMessageBox.warning(self, tc.ERROR_TITLE, tc.UNEXPECTED_ERROR.format(error=error))

        self._operation = run_with_progress(
            self, work, lambda _count: self.changed.emit(), failed, t.ATTACHING
        )

    def selected(self) -> Attachment | None:
        rows = self.view.selectionModel().selectedRows()
        return self.rows.record(rows[0].row()) if rows else None

    def open_selected(self) -> None:
        """A copy under the original name goes to the system viewer; the store is never edited."""
        attachment = self.selected()
        if attachment is None:
            return
        try:
            copy = viewing_copy(self.ctx.folder.attachments, attachment)
        except DossierError as error:
            self._refuse(error)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))

    def remove_selected(self) -> None:
        attachment = self.selected()
        if attachment is None:
            return
        answer = QMessageBox.question(
            self, t.REMOVE_FILE, t.REMOVE_FILE_CONFIRM.format(name=attachment.original_name)
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        with self.ctx.db.session() as session:
            remove_attachment(session, attachment.id or 0)
        with self.ctx.db.session() as session:
            # After the commit, so a file still in use is never deleted.
            prune_store(session, self.ctx.folder.attachments)
        self.changed.emit()
