"""Đăng ký thi đua: for a year, every unit expected to register and to send its own plan, with its
state — a list the clerk chases ("Cần đôn đốc" shows only those still missing something, with the
head and phone), sets the days received, attaches the unit's plan, and exports the chase list.

Read and changed through the door (:mod:`desktop.movement.commitment_ops`); Ctrl+Z / Ctrl+Y over
the tab's steps.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.awards.attachments import viewer_folder, viewing_copy
from desktop.changes import Area, Change, Operation
from desktop.context import AppContext
from desktop.indicators.scope import plan_years
from desktop.models.periods import today
from desktop.movement import commitment_ops as ops
from desktop.movement.commitments import NO_PLAN, NOT_REGISTERED, CommitmentLine, year_lines
from desktop.text import wording
from desktop.ui.council.council_tab import button_row, table
from desktop.ui.council.dialogs import OperationDialog, date_edit, picked_date
from desktop.ui.errors import show_error
from desktop.ui.texts import help as th
from desktop.ui.texts import movement as t
from desktop.ui.texts import title_of
from desktop.ui.widgets.empty_hint import EmptyHint
from desktop.ui.widgets.file_dialogs import Purpose, open_file, save_file
from desktop.ui.widgets.table_model import Column, RecordSortProxy, RecordTableModel
from desktop.ui.widgets.undo_actions import UndoActions


def _day(value: date | None) -> str:
    return wording.short_date(value)


C = t.COM_COLUMNS
COLUMNS: list[Column[CommitmentLine]] = [
    Column(C["code"], lambda r: r.unit.code),
    Column(C["name"], lambda r: r.unit.name + ("" if r.expected else t.COM_NOT_EXPECTED)),
    Column(C["kind"], lambda r: r.unit.kind.label),
    Column(C["state"], lambda r: r.state),
    Column(C["registered"], lambda r: _day(r.commitment.registered_on if r.commitment else None)),
    Column(C["plan"], lambda r: _day(r.commitment.plan_received_on if r.commitment else None)),
    Column(C["files"], lambda r: "; ".join(f.original_name for f in r.files)),
    Column(C["head"], lambda r: r.unit.head_name),
    Column(C["phone"], lambda r: r.unit.phone),
    Column(C["note"], lambda r: r.commitment.note if r.commitment else ""),
]
# What "Hiện" keeps: (words, test of a line).
SHOWS: list[tuple[str, Callable[[CommitmentLine], bool]]] = [
    (t.COM_SHOW_ALL, lambda r: True),
    (t.COM_SHOW_CHASE, lambda r: r.to_chase),
    (t.COM_SHOW_MISSING, lambda r: r.expected and r.state == NOT_REGISTERED),
    (t.COM_SHOW_NO_PLAN, lambda r: r.expected and r.state == NO_PLAN),
]


class CommitmentsTab(QWidget):
    """The tab of the Phong trào page; see the module's docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_dialog: CommitmentDialog | None = None
        self.lines: list[CommitmentLine] = []
        years = ctx.door.read(plan_years)
        self.year = QSpinBox()
        self.year.setObjectName("commitment_year")
        self.year.setRange(years.start, years.stop - 1)
        self.year.setValue(min(max(today().year, years.start), years.stop - 1))
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.show_what = QComboBox()
        self.show_what.setObjectName("commitment_show")
        for words, _test in SHOWS:
            self.show_what.addItem(words)
        self.show_what.currentIndexChanged.connect(lambda _i: self._fill())
        self.search = QLineEdit()
        self.search.setObjectName("commitment_search")
        self.search.setPlaceholderText(t.COM_SEARCH)
        self.summary = QLabel()
        self.summary.setObjectName("commitment_summary")
        self.summary.setWordWrap(True)  # a long summary wraps: the tab stays narrow
        self.model: RecordTableModel[CommitmentLine] = RecordTableModel(COLUMNS, self)
        self.proxy = RecordSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self.proxy.set_query)
        self.view = table("commitments", self.proxy)
        self.empty_hint = EmptyHint(self.view, self._empty_text, self.model, th.HINT_FILTERED)
        self.view.doubleClicked.connect(lambda _index: self.record_selected())
        self.undo = UndoActions(ctx, ops.SCOPE, self, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        top = QHBoxLayout()
        top.addWidget(QLabel(t.COM_YEAR))
        top.addWidget(self.year)
        top.addWidget(QLabel(t.COM_SHOW))
        top.addWidget(self.show_what)
        top.addWidget(self.search, 1)
        buttons = button_row(
            self,
            (t.COM_RECORD, "record_commitment", self.record_selected),
            (t.COM_ATTACH, "attach_plan", self.attach_selected),
            (t.COM_OPEN, "open_plan", self.open_selected),
            (t.COM_CLEAR, "clear_commitment", self.clear_selected),
            (t.COM_EXPORT, "export_chase", self.export_chase),
        )
        for button in self.undo.buttons():
            buttons.insertWidget(buttons.count() - 1, button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.refresh()

    def _empty_text(self) -> str:
        return th.HINT_FILTERED if getattr(self, "lines", None) else th.HINT_COMMITMENTS

    def refresh(self) -> None:
        year = self.year.value()
        self.lines = self.ctx.door.read(lambda s: year_lines(s, year))
        expected = [r for r in self.lines if r.expected]
        self.summary.setText(
            t.COM_SUMMARY.format(
                year=year,
                registered=wording.count(sum(1 for r in self.lines if r.state != NOT_REGISTERED)),
                expected=wording.count(len(expected)),
                plans=wording.count(
                    sum(1 for r in self.lines if r.commitment and r.commitment.plan_received_on)
                ),
                missing=wording.count(sum(1 for r in expected if r.state == NOT_REGISTERED)),
                no_plan=wording.count(sum(1 for r in expected if r.state == NO_PLAN)),
            )
        )
        self._fill()

    def _fill(self) -> None:
        _words, test = SHOWS[self.show_what.currentIndex()]
        self.model.set_records([r for r in self.lines if test(r)])
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(1, min(self.view.columnWidth(1), 320))

    def on_change(self, change: Change) -> None:
        self.undo.refresh()
        if change.touches(Area.COMMITMENTS, Area.UNITS, Area.SETTINGS, Area.VALUES):
            self.refresh()

    def selected(self) -> CommitmentLine | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            QMessageBox.information(self, t.TAB_COMMITMENTS, t.COM_SELECT_FIRST)
            return None
        return self.model.record(self.proxy.mapToSource(rows[0]).row())

    def record_selected(self) -> None:
        line = self.selected()
        if line is None:
            return
        self.last_dialog = CommitmentDialog(self.ctx, self.year.value(), line, self)
        self.last_dialog.open()

    def attach_selected(self, path: Path | None = None) -> None:
        line = self.selected()
        if line is None:
            return
        if path is None:
            name = open_file(self, self.ctx, Purpose.ATTACHMENT, t.COM_CHOOSE_FILE)
            if not name:
                return
            path = Path(name)
        store = self.ctx.folder.attachments
        self._run(ops.attach_plan(store, self.year.value(), _id(line), path))

    def open_selected(self) -> Path | None:
        """A copy of the unit's (latest) plan for the system's viewer; the store is never edited."""
        line = self.selected()
        if line is None:
            return None
        if not line.files:
            QMessageBox.information(
                self, t.TAB_COMMITMENTS,
                t.COM_NO_FILE.format(unit=line.unit.name, year=self.year.value()),
            )  # fmt: skip
            return None
        folder = self.ctx.folder
        try:
            copy = viewing_copy(folder.attachments, line.files[-1], viewer_folder(folder))
        except Exception as error:
            show_error(self, error)
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))
        return copy

    def clear_selected(self) -> None:
        line = self.selected()
        if line is None or line.commitment is None:
            return
        year = self.year.value()
        answer = QMessageBox.question(
            self, t.TAB_COMMITMENTS, t.COM_CLEAR_CONFIRM.format(year=year, unit=line.unit.name)
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(ops.clear_commitment(year, _id(line), self.ctx.folder.attachments))

    def export_chase(self, path: Path | None = None) -> Path | None:
        from desktop.excel.commitments import export_chase_list

        year = self.year.value()
        if path is None:
            name = save_file(
                self, self.ctx, Purpose.EXCEL_EXPORT, title_of(t.COM_EXPORT),
                t.COM_EXPORT_FILE.format(year=year), "Excel (*.xlsx)",
            )  # fmt: skip
            if not name:
                return None
            path = Path(name)
        try:
            count = self.ctx.door.read(lambda s: export_chase_list(s, path, year))
        except Exception as error:
            show_error(self, error)
            return None
        self.summary.setText(t.COM_EXPORTED.format(count=wording.count(count), path=path))
        return path

    def _run(self, operation: Operation[Any]) -> None:
        try:
            self.ctx.door.run(operation)
        except Exception as error:
            show_error(self, error)


def _id(line: CommitmentLine) -> int:
    assert line.unit.id is not None  # read from the database
    return line.unit.id


class CommitmentDialog(OperationDialog):
    """Ghi ngày: the days the unit's registration and plan reached the ward, and a note."""

    def __init__(
        self, ctx: AppContext, year: int, line: CommitmentLine, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, t.COM_RECORD_TITLE.format(year=year, unit=line.unit.name), parent)
        self.year, self.line = year, line
        row = line.commitment
        self.registered = QCheckBox(t.COM_REGISTERED)
        self.registered.setObjectName("com_registered")
        self.registered_on = date_edit("com_registered_on", row.registered_on if row else None)
        self.plan = QCheckBox(t.COM_PLAN)
        self.plan.setObjectName("com_plan")
        self.plan_on = date_edit("com_plan_on", row.plan_received_on if row else None)
        self.note = QLineEdit(row.note if row else "")
        self.note.setObjectName("com_note")
        self.note.setMinimumWidth(320)
        for box, edit, value in (
            (self.registered, self.registered_on, row.registered_on if row else None),
            (self.plan, self.plan_on, row.plan_received_on if row else None),
        ):
            box.setChecked(value is not None)
            edit.setEnabled(value is not None)
            box.toggled.connect(edit.setEnabled)
            self.form.addRow(box, edit)
        self.form.addRow(t.COM_NOTE, self.note)

    def set_days(self, registered: date | None, plan: date | None) -> None:
        """What the clerk does with the boxes and calendars (used by the tests too)."""
        for box, edit, value in (
            (self.registered, self.registered_on, registered),
            (self.plan, self.plan_on, plan),
        ):
            box.setChecked(value is not None)
            if value is not None:
                edit.setDate(QDate(value.year, value.month, value.day))

    def operation(self) -> Operation[Any]:
        registered = picked_date(self.registered_on) if self.registered.isChecked() else None
        plan = picked_date(self.plan_on) if self.plan.isChecked() else None
        return ops.record_commitment(self.year, _id(self.line), registered, plan, self.note.text())
