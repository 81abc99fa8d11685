"""The dialogs of the Hoạt động tab: one activity, its attached files, an import's preview.

Each shows and changes through the door only (:mod:`desktop.movement.activity_ops`,
:mod:`desktop.movement.activity_files`, :mod:`desktop.excel.activities`); a refusal is shown as
worded and the dialog stays open with what the clerk typed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.awards.attachments import stored_problem
from desktop.context import AppContext
from desktop.excel.activities import ActivityImportPreview, PreviewRow
from desktop.models import ActivityKind, Attachment
from desktop.models.ids import AttachmentId, saved_id
from desktop.models.periods import today
from desktop.movement import activity_files, activity_ops
from desktop.movement.activities import GROUPS, ActivityData, ActivityView, unit_choices
from desktop.text import matches, wording
from desktop.ui.council.council_tab import button_row, table
from desktop.ui.errors import show_error
from desktop.ui.texts import movement as t
from desktop.ui.texts import title_of
from desktop.ui.widgets.attachment_viewer import open_attachment
from desktop.ui.widgets.background import Cancelled, Operation, Progress, run_with_progress
from desktop.ui.widgets.buttons import save_cancel
from desktop.ui.widgets.file_dialogs import Purpose, open_files
from desktop.ui.widgets.table_model import Column, RecordTableModel

UNKNOWN = -1  # a count spin box at its minimum: "chưa rõ"


def _count_box(name: str) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(UNKNOWN, 1_000_000)
    box.setSpecialValueText(t.ACT_UNKNOWN)
    box.setGroupSeparatorShown(True)
    box.setValue(UNKNOWN)
    return box


class ActivityDialog(QDialog):
    """Thêm / Sửa one activity; saves through the door and closes, or shows why not."""

    def __init__(
        self, ctx: AppContext, view: ActivityView | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.view = ctx, view
        self.saved_id: int | None = None
        self.setWindowTitle(t.ACT_EDIT_TITLE if view else t.ACT_ADD_TITLE)
        self.held_on = QDateEdit()
        self.held_on.setObjectName("held_on")
        self.held_on.setDisplayFormat("dd/MM/yyyy")
        self.held_on.setCalendarPopup(True)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in ActivityKind:
            self.kind.addItem(kind.label, kind.value)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title")
        self.place = QLineEdit()
        self.place.setObjectName("place")
        self.unit_filter = QLineEdit()
        self.unit_filter.setObjectName("unit_filter")
        self.unit_filter.setPlaceholderText(t.ACT_UNITS_FILTER)
        self.unit_filter.textChanged.connect(self._filter_units)
        self.units = QListWidget()
        self.units.setObjectName("units")
        for unit_id, code, name in ctx.door.read(unit_choices):
            item = QListWidgetItem(f"{name} ({code})")
            item.setData(Qt.ItemDataRole.UserRole, unit_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.units.addItem(item)
        self.participants = _count_box("participants")
        self.groups = {name: _count_box(name) for name in GROUPS}
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setFixedHeight(60)
        groups = QGridLayout()
        for i, (name, box) in enumerate(self.groups.items()):
            groups.addWidget(QLabel(t.ACT_GROUPS[name]), i // 2, (i % 2) * 2)
            groups.addWidget(box, i // 2, (i % 2) * 2 + 1)
        form = QFormLayout()
        form.addRow(t.ACT_FIELD_DATE, self.held_on)
        form.addRow(t.ACT_FIELD_KIND, self.kind)
        form.addRow(t.ACT_FIELD_TITLE, self.title_edit)
        form.addRow(t.ACT_FIELD_PLACE, self.place)
        units = QVBoxLayout()
        units.addWidget(self.unit_filter)
        units.addWidget(self.units)
        units.addWidget(QLabel(t.ACT_UNITS_HINT))
        form.addRow(t.ACT_FIELD_UNITS, units)
        form.addRow(t.ACT_FIELD_PARTICIPANTS, self.participants)
        form.addRow(t.ACT_FIELD_GROUPS, groups)
        form.addRow(t.ACT_FIELD_NOTE, self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(save_cancel(self, self.save))
        self.resize(720, 640)
        self._fill(view.data() if view else None)

    def _fill(self, data: ActivityData | None) -> None:
        day = data.held_on if data else today()
        self.held_on.setDate(QDate(day.year, day.month, day.day))
        if data is None:
            return
        self.kind.setCurrentIndex(self.kind.findData(data.kind.value))
        self.title_edit.setText(data.title)
        self.place.setText(data.place)
        chosen = set(data.unit_ids)
        for row in range(self.units.count()):
            item = self.units.item(row)
            if item.data(Qt.ItemDataRole.UserRole) in chosen:
                item.setCheckState(Qt.CheckState.Checked)
        self.participants.setValue(UNKNOWN if data.participants is None else data.participants)
        for name, box in self.groups.items():
            value = getattr(data, name)
            box.setValue(UNKNOWN if value is None else value)
        self.note.setPlainText(data.note)

    def _filter_units(self, text: str) -> None:
        for row in range(self.units.count()):
            item = self.units.item(row)
            item.setHidden(bool(text) and not matches(text, item.text()))

    def data(self) -> ActivityData:
        def count(box: QSpinBox) -> int | None:
            return None if box.value() == UNKNOWN else box.value()

        day = self.held_on.date()
        chosen = [
            int(self.units.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.units.count())
            if self.units.item(r).checkState() == Qt.CheckState.Checked
        ]
        groups = {name: count(box) for name, box in self.groups.items()}
        return ActivityData(
            held_on=day.toPython(),  # type: ignore[arg-type]
            title=self.title_edit.text(),
            kind=ActivityKind(self.kind.currentData()),
            place=self.place.text(),
            unit_ids=tuple(chosen),
            participants=count(self.participants),
            note=self.note.toPlainText(),
            **groups,
        )

    def save(self) -> None:
        try:
            if self.view is None:
                self.saved_id = self.ctx.door.run(activity_ops.add_activity(self.data()))
            else:
                self.ctx.door.run(activity_ops.edit_activity(self.view.id, self.data()))
                self.saved_id = self.view.id
        except Exception as error:
            show_error(self, error)
            return
        self.accept()


class ActivityFilesDialog(QDialog):
    """Photos and lists of one activity: attach (copied in the background), open, take off."""

    def __init__(self, ctx: AppContext, view: ActivityView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.activity = ctx, view
        self._operation: Operation | None = None
        self.setWindowTitle(t.ACT_FILES_TITLE.format(title=view.title))
        store = ctx.folder.attachments
        names = t.ACT_FILES_COLUMNS
        self.model: RecordTableModel[Attachment] = RecordTableModel(
            [
                Column[Attachment](names[0], lambda a: a.original_name),
                Column[Attachment](names[1], lambda a: wording.size(a.size), align_right=True),
                Column[Attachment](names[2], lambda a: wording.date_time(a.added_at)),
                Column[Attachment](
                    names[3],
                    lambda a: t.ACT_FILE_MISSING if stored_problem(store, a) else t.ACT_FILE_OK,
                ),
            ],
            self,
        )
        self.view = table("activity_files", self.model)
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        buttons = button_row(
            self,
            (t.ACT_FILES_ADD, "add_files", self.choose_files),
            (t.ACT_FILES_OPEN, "open_file", self.open_selected),
            (t.ACT_FILES_REMOVE, "remove_file", self.remove_selected),
        )
        close = QPushButton(t.ACT_FILES_CLOSE)
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(640, 320)
        self.reload()

    def reload(self) -> None:
        self.model.set_records(self.ctx.door.read(activity_files.activity_files(self.activity.id)))
        self.view.resizeColumnsToContents()

    def choose_files(self) -> None:
        names = open_files(self, self.ctx, Purpose.ATTACHMENT, t.ACT_FILES_CHOOSE)
        if names:
            self.attach([Path(n) for n in names])

    def attach(self, paths: list[Path]) -> None:
        """Copy in the background (a photo can be large); every file is attached or none."""
        door, store, activity_id = self.ctx.door, self.ctx.folder.attachments, self.activity.id

        def work(progress: Progress) -> list[AttachmentId]:
            return door.run(activity_files.attach_files(store, activity_id, paths, progress))

        def failed(error: BaseException) -> None:
            if not isinstance(error, Cancelled):
                show_error(self, error)

        self._operation = run_with_progress(
            self, work, lambda _ids: self.reload(), failed, t.ACT_FILES_ATTACHING
        )

    def selected(self) -> Attachment | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def open_selected(self) -> None:
        attachment = self.selected()
        if attachment is not None:
            open_attachment(self, self.ctx, attachment)

    def remove_selected(self) -> None:
        attachment = self.selected()
        if attachment is None:
            return
        answer = QMessageBox.question(
            self,
            title_of(t.ACT_FILES_REMOVE),
            t.ACT_FILES_REMOVE_CONFIRM.format(name=attachment.original_name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        file_id = AttachmentId(saved_id(attachment.id))
        try:
            self.ctx.door.run(activity_files.detach_file(self.ctx.folder.attachments, file_id))
        except Exception as error:
            show_error(self, error)
        self.reload()


STATUS_COLOURS = {"new": "#1b7f3b", "duplicate": "#777777", "error": "#b00020"}
STATUS_ORDER = {"error": 0, "new": 1, "duplicate": 2}


class PreviewModel(RecordTableModel[PreviewRow]):
    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == 1:
            return QBrush(QColor(STATUS_COLOURS[self.record(index.row()).status]))
        return super().data(index, role)


class ActivityImportDialog(QDialog):
    """What the file would do, row by row; "Lưu" only when no row is refused (all or nothing)."""

    def __init__(self, preview: ActivityImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(t.ACT_IMPORT_TITLE.format(name=preview.file_name))
        names = t.ACT_IMPORT_COLUMNS
        self.model = PreviewModel(
            [
                Column[PreviewRow](names[0], lambda r: r.row, align_right=True),
                Column[PreviewRow](names[1], lambda r: r.status_label),
                Column[PreviewRow](names[2], lambda r: r.held_on),
                Column[PreviewRow](names[3], lambda r: r.kind),
                Column[PreviewRow](names[4], lambda r: r.title),
                Column[PreviewRow](names[5], lambda r: r.units),
                Column[PreviewRow](names[6], lambda r: r.participants, align_right=True),
                Column[PreviewRow](names[7], lambda r: r.reason),
            ],
            self,
        )
        # The refused rows first: those are what the clerk must send back to the unit.
        self.model.set_records(sorted(preview.rows, key=lambda r: (STATUS_ORDER[r.status], r.row)))
        self.view = table("import_rows", self.model)
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(4, min(self.view.columnWidth(4), 320))
        self.summary = QLabel(preview.summary())
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.save_button = self.buttons.addButton(
            t.ACT_IMPORT_SAVE.format(count=wording.count(len(preview.of("new")))),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.save_button.setObjectName("save_import")
        self.save_button.setEnabled(preview.can_save)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.resize(1100, 480)
