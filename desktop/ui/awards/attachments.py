"""Tệp đính kèm of one dossier: add files (copied in the background), open a copy, take one off.

Adding and taking off go through the door (:mod:`desktop.awards.attachment_ops`) and can be taken
back with Ctrl+Z; the dossier editor reloads this tab when the change is announced.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.awards.attachment_ops import attach_files, detach
from desktop.awards.attachments import stored_problem
from desktop.awards.detail import DossierDetail
from desktop.context import AppContext
from desktop.models import Attachment
from desktop.models.ids import AttachmentId, DossierId, saved_id
from desktop.text import wording
from desktop.ui.awards.dossier_widgets import table_view
from desktop.ui.errors import show_error
from desktop.ui.texts import dossiers as t
from desktop.ui.texts import title_of
from desktop.ui.widgets.attachment_viewer import open_attachment
from desktop.ui.widgets.background import Cancelled, Operation, Progress, run_with_progress
from desktop.ui.widgets.file_dialogs import Purpose, open_files
from desktop.ui.widgets.table_model import Column, RecordTableModel


class AttachmentsTab(QWidget):
    """The files of one dossier; :meth:`show_detail` is called by the editor on every reload."""

    def __init__(
        self, ctx: AppContext, dossier_id: DossierId, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.dossier_id = ctx, dossier_id
        self.detail: DossierDetail | None = None
        self._operation: Operation | None = None
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
                    t.ATTACHMENT_COLUMNS[2], lambda a: wording.size(a.size), align_right=True
                ),
                Column[Attachment](
                    t.ATTACHMENT_COLUMNS[3], lambda a: wording.date_time(a.added_at)
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
        names = open_files(self, self.ctx, Purpose.ATTACHMENT, t.CHOOSE_FILES)
        if names:
            self.attach([Path(n) for n in names])

    def attach(self, paths: list[Path]) -> None:
        """Copy the files in the background (a scan can be large); all are attached or none."""
        door, store = self.ctx.door, self.ctx.folder.attachments
        # Read on the GUI thread: the worker must not touch widgets.
        dossier_id, component_id = self.dossier_id, self.attach_for.currentData()

        def work(progress: Progress) -> list[AttachmentId]:
            return door.run(attach_files(store, dossier_id, paths, component_id, progress))

        def failed(error: BaseException) -> None:
            if not isinstance(error, Cancelled):
                show_error(self, error)

        self._operation = run_with_progress(self, work, lambda _ids: None, failed, t.ATTACHING)

    def selected(self) -> Attachment | None:
        rows = self.view.selectionModel().selectedRows()
        return self.rows.record(rows[0].row()) if rows else None

    def open_selected(self) -> None:
        attachment = self.selected()
        if attachment is not None:
            open_attachment(self, self.ctx, attachment)

    def remove_selected(self) -> None:
        attachment = self.selected()
        if attachment is None:
            return
        answer = QMessageBox.question(
            self, title_of(t.REMOVE_FILE), t.REMOVE_FILE_CONFIRM.format(name=attachment.original_name)
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        attachment_id = AttachmentId(saved_id(attachment.id))
        try:
            self.ctx.door.run(detach(self.ctx.folder.attachments, attachment_id))
        except Exception as error:
            show_error(self, error)
