"""Hoạt động: the movement's propaganda events, training courses, classes, meetings, inspections.

The list (filtered by year and kind through the door, searched as the clerk types, diacritics
aside), the totals of the same year by kind, unit, quarter or year
(:mod:`desktop.movement.activity_totals`, the figures the reports print), the dialogs of one
activity and of its files, and Excel both ways: the list or a blank template out, a unit's list in
after its preview. Ctrl+Z / Ctrl+Y take the tab's steps back and again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import Area, Change
from desktop.context import AppContext
from desktop.excel.activities import (
    ActivityImportPreview,
    export_activities,
    import_operation,
    read_activities,
    write_template,
)
from desktop.indicators.scope import plan_years
from desktop.models import ActivityKind
from desktop.models.periods import today
from desktop.movement import activity_ops
from desktop.movement.activities import ActivityView, activity_views
from desktop.movement.activity_totals import ActivityTotals, activity_totals
from desktop.text import wording
from desktop.ui.council.council_tab import button_row, table
from desktop.ui.errors import show_error
from desktop.ui.movement.activity_dialogs import (
    ActivityDialog,
    ActivityFilesDialog,
    ActivityImportDialog,
)
from desktop.ui.texts import help as th
from desktop.ui.texts import movement as t
from desktop.ui.texts import title_of
from desktop.ui.widgets.empty_hint import EmptyHint
from desktop.ui.widgets.file_dialogs import Purpose, open_file, save_file
from desktop.ui.widgets.table_model import SORT_ROLE, Column, RecordSortProxy, RecordTableModel
from desktop.ui.widgets.undo_actions import UndoActions

C = t.ACT_COLUMNS


def _count(value: int | None) -> str:
    return wording.count(value, "")


COLUMNS: list[Column[ActivityView]] = [
    Column(C["date"], lambda v: wording.short_date(v.held_on)),
    Column(C["kind"], lambda v: v.kind.label),
    Column(C["title"], lambda v: v.title),
    Column(C["place"], lambda v: v.place),
    Column(C["units"], lambda v: v.organisers),
    Column(C["participants"], lambda v: wording.count(v.participants, t.ACT_UNKNOWN), True),
    Column(C["officials"], lambda v: _count(v.officials), True),
    Column(C["students"], lambda v: _count(v.students), True),
    Column(C["residents"], lambda v: _count(v.residents), True),
    Column(C["workers"], lambda v: _count(v.workers), True),
    Column(C["files"], lambda v: v.attachments or "", True),
]
# What a column sorts by when it is not its text: the day, the counts as numbers.
SORTS: dict[int, Any] = {
    0: lambda v: v.held_on,
    5: lambda v: -1 if v.participants is None else v.participants,
    6: lambda v: v.officials or 0,
    7: lambda v: v.students or 0,
    8: lambda v: v.residents or 0,
    9: lambda v: v.workers or 0,
    10: lambda v: v.attachments,
}
T = t.ACT_TOTALS_COLUMNS
TOTALS_COLUMNS: list[Column[ActivityTotals]] = [
    Column(T["key"], lambda r: r.key),
    Column(T["activities"], lambda r: wording.count(r.activities), True),
    Column(T["participants"], lambda r: wording.count(r.participants), True),
    Column(T["officials"], lambda r: wording.count(r.officials), True),
    Column(T["students"], lambda r: wording.count(r.students), True),
    Column(T["residents"], lambda r: wording.count(r.residents), True),
    Column(T["workers"], lambda r: wording.count(r.workers), True),
    Column(T["unknown"], lambda r: wording.count(r.unknown) if r.unknown else "", True),
]


class ActivityModel(RecordTableModel[ActivityView]):
    """The list's model: the day and the counts sort as what they are, not as their text."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == SORT_ROLE and index.isValid() and index.column() in SORTS:
            return SORTS[index.column()](self.record(index.row()))
        return super().data(index, role)


class ActivitiesTab(QWidget):
    """The tab of the Phong trào page; see the module's docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_dialog: ActivityDialog | ActivityFilesDialog | ActivityImportDialog | None = None
        self.status = QLabel()
        self.status.setObjectName("activity_status")
        self.years = ctx.door.read(plan_years)
        self.year = QComboBox()
        self.year.setObjectName("activity_year")
        self.year.addItem(t.ACT_ALL_YEARS, 0)
        for year in self.years:
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(today().year)))
        self.kind = QComboBox()
        self.kind.setObjectName("activity_kind")
        self.kind.addItem(t.ACT_ALL_KINDS, "")
        for kind in ActivityKind:
            self.kind.addItem(kind.label, kind.value)
        self.search = QLineEdit()
        self.search.setObjectName("activity_search")
        self.search.setPlaceholderText(t.ACT_SEARCH)
        self.search.setClearButtonEnabled(True)
        self.summary = QLabel()
        self.summary.setObjectName("activity_summary")
        self.summary.setWordWrap(True)  # a long summary wraps: the tab stays narrow
        self.model = ActivityModel(COLUMNS, self)
        self.proxy = RecordSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = table("activities", self.proxy)
        self.empty_hint = EmptyHint(self.view, self._empty_text, self.model, th.HINT_FILTERED)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.totals_by = QComboBox()
        self.totals_by.setObjectName("totals_by")
        for key, label in t.ACT_TOTALS_CHOICES.items():
            self.totals_by.addItem(label, key)
        self.totals: RecordTableModel[ActivityTotals] = RecordTableModel(TOTALS_COLUMNS, self)
        self.totals_view = table("activity_totals", self.totals)
        self.totals_note = QLabel()
        self.undo = UndoActions(
            ctx, activity_ops.SCOPE, self, Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search.textChanged.connect(self._filter)
        self.totals_by.currentIndexChanged.connect(lambda _i: self._refresh_totals())
        self._lay_out()
        self.refresh()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(t.ACT_YEAR))
        top.addWidget(self.year)
        top.addWidget(QLabel(t.ACT_KIND))
        top.addWidget(self.kind)
        top.addWidget(self.search, 1)
        buttons = button_row(
            self,
            (t.ACT_ADD, "add_activity", self.add),
            (t.ACT_EDIT, "edit_activity", self.edit_selected),
            (t.ACT_DELETE, "delete_activity", self.delete_selected),
            (t.ACT_FILES, "activity_files", self.files_of_selected),
            (t.ACT_IMPORT, "import_activities", self.choose_import),
        )
        export = QPushButton(t.ACT_EXPORT, self)
        export.setObjectName("export_activities")
        menu = QMenu(export)
        menu.addAction(t.ACT_EXPORT_LIST, self.choose_export)
        menu.addAction(t.ACT_EXPORT_TEMPLATE, self.choose_template)
        export.setMenu(menu)
        buttons.insertWidget(buttons.count() - 1, export)
        for button in self.undo.buttons():
            buttons.insertWidget(buttons.count() - 1, button)
        totals = QWidget()
        totals_layout = QVBoxLayout(totals)
        totals_layout.setContentsMargins(0, 0, 0, 0)
        by = QHBoxLayout()
        by.addWidget(QLabel(t.ACT_TOTALS_BY))
        by.addWidget(self.totals_by)
        by.addWidget(self.totals_note, 1)
        totals_layout.addLayout(by)
        totals_layout.addWidget(self.totals_view, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(totals)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    # -- what is shown ---------------------------------------------------------------------------

    def _empty_text(self) -> str:
        if self.kind.currentData():  # none of the kind chosen: the year may hold others
            return th.HINT_FILTERED
        year = self.chosen_year()
        return th.HINT_ACTIVITIES_YEAR.format(year=year) if year else th.HINT_ACTIVITIES

    def chosen_year(self) -> int | None:
        return int(self.year.currentData() or 0) or None

    def refresh(self) -> None:
        year = self.chosen_year()
        kind = ActivityKind(self.kind.currentData()) if self.kind.currentData() else None
        self.model.set_records(self.ctx.door.read(lambda s: activity_views(s, year, kind)))
        self.view.resizeColumnsToContents()
        for column, width in ((2, 360), (3, 200), (4, 240)):  # long texts: a fair width
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), width))
        self._summarise()
        self._refresh_totals()

    def _refresh_totals(self) -> None:
        year = self.chosen_year()
        first, last = (year, year) if year else (self.years.start, self.years.stop - 1)
        by = self.totals_by.currentData()
        self.totals.set_records(self.ctx.door.read(lambda s: activity_totals(s, first, last, by)))
        self.totals_view.resizeColumnsToContents()
        self.totals_note.setText(t.ACT_TOTALS_NOTE if by == "unit" else "")

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        self._summarise()

    def shown(self) -> list[ActivityView]:
        return [
            self.model.record(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            for row in range(self.proxy.rowCount())
        ]

    def _summarise(self) -> None:
        shown = self.shown()
        people = sum(v.participants or 0 for v in shown)
        unknown = sum(1 for v in shown if v.participants is None)
        text = t.ACT_SUMMARY.format(count=wording.count(len(shown)), people=wording.count(people))
        if unknown:
            text += t.ACT_SUMMARY_UNKNOWN.format(unknown=wording.count(unknown))
        self.summary.setText(text)

    def on_change(self, change: Change) -> None:
        self.undo.refresh()
        if change.touches(Area.ACTIVITIES, Area.UNITS, Area.SETTINGS):
            self.refresh()

    def selected(self) -> ActivityView | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.record(self.proxy.mapToSource(rows[0]).row())

    def _selected_or_say(self, title: str) -> ActivityView | None:
        view = self.selected()
        if view is None:
            QMessageBox.information(self, title_of(title), t.ACT_SELECT_FIRST)
        return view

    # -- the clerk's actions ---------------------------------------------------------------------

    def add(self) -> None:
        self.last_dialog = ActivityDialog(self.ctx, None, self)
        self.last_dialog.open()

    def edit_selected(self) -> None:
        view = self._selected_or_say(t.ACT_EDIT_TITLE)
        if view is not None:
            self.last_dialog = ActivityDialog(self.ctx, view, self)
            self.last_dialog.open()

    def files_of_selected(self) -> None:
        view = self._selected_or_say(title_of(t.ACT_FILES))
        if view is not None:
            self.last_dialog = ActivityFilesDialog(self.ctx, view, self)
            self.last_dialog.open()

    def delete_selected(self) -> None:
        view = self._selected_or_say(t.ACT_DELETE_TITLE)
        if view is None:
            return
        question = t.ACT_DELETE_CONFIRM.format(
            title=view.title, day=wording.short_date(view.held_on)
        )
        answer = QMessageBox.question(self, t.ACT_DELETE_TITLE, question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ctx.door.run(activity_ops.delete_activity(self.ctx.folder.attachments, view.id))
        except Exception as error:
            show_error(self, error)

    def choose_import(self) -> None:
        name = open_file(
            self, self.ctx, Purpose.EXCEL_IMPORT, t.ACT_IMPORT_CHOOSE, "Excel (*.xlsx)"
        )
        if name:
            self.preview_import(Path(name))

    def preview_import(self, path: Path) -> None:
        """Read and check the file (nothing saved), then show the preview to confirm."""
        try:
            preview = self.ctx.door.read(lambda s: read_activities(s, path))
        except Exception as error:
            show_error(self, error)
            return
        dialog = ActivityImportDialog(preview, self)
        dialog.accepted.connect(lambda: self._save_import(preview))
        self.last_dialog = dialog
        dialog.open()

    def _save_import(self, preview: ActivityImportPreview) -> None:
        try:
            done = self.ctx.door.run(import_operation(preview))
        except Exception as error:
            show_error(self, error)
            return
        skipped = len(preview.of("duplicate")) + len(done.duplicates)
        self.status.setText(
            t.ACT_IMPORTED.format(
                added=wording.count(len(done.added)), name=preview.file_name, skipped=skipped
            )
        )

    def choose_export(self) -> None:
        year = self.chosen_year()
        suggested = t.ACT_EXPORT_FILE.format(year=year or "tat-ca")
        name = save_file(
            self, self.ctx, Purpose.EXCEL_EXPORT, title_of(t.ACT_EXPORT), suggested, "Excel (*.xlsx)"
        )
        if not name:
            return
        try:
            count = self.ctx.door.read(lambda s: export_activities(s, Path(name), year=year))
        except Exception as error:
            show_error(self, error)
            return
        self.status.setText(t.ACT_EXPORTED.format(count=wording.count(count), path=name))

    def choose_template(self) -> None:
        name = save_file(
            self, self.ctx, Purpose.EXCEL_EXPORT, t.ACT_EXPORT_TEMPLATE, t.ACT_TEMPLATE_FILE,
            "Excel (*.xlsx)",
        )  # fmt: skip
        if not name:
            return
        try:
            self.ctx.door.read(lambda s: write_template(s, Path(name)))
        except Exception as error:
            show_error(self, error)
            return
        self.status.setText(t.ACT_TEMPLATE_WRITTEN.format(path=name))
