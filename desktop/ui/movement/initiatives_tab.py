"""Sáng kiến - mô hình: the movement's initiatives, solutions and typical models, year by year.

A table filtered by year and by what the clerk types (name, unit, author, ignoring marks), the
dialog of one initiative, and Ctrl+Z / Ctrl+Y over the tab's steps. Everything is read and changed
through the door (:mod:`desktop.movement.initiative_ops`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import Area, Change
from desktop.context import AppContext
from desktop.indicators.scope import plan_years
from desktop.models.movement import RecognitionLevel
from desktop.movement import initiative_ops as ops
from desktop.movement.initiatives import InitiativeView, initiatives_in, short_area
from desktop.text import wording
from desktop.ui.council.council_tab import button_row, table
from desktop.ui.errors import show_error
from desktop.ui.movement.initiative_dialog import InitiativeDialog
from desktop.ui.texts import help as th
from desktop.ui.texts import movement as t
from desktop.ui.texts import title_of
from desktop.ui.widgets.empty_hint import EmptyHint
from desktop.ui.widgets.table_model import Column, RecordSortProxy, RecordTableModel
from desktop.ui.widgets.undo_actions import UndoActions

C = t.INI_COLUMNS
COLUMNS: list[Column[InitiativeView]] = [
    Column(C["year"], lambda v: v.year),
    Column(C["kind"], lambda v: v.kind.label),
    Column(C["title"], lambda v: v.title),
    Column(C["unit"], lambda v: v.unit_name),
    Column(C["authors"], lambda v: ", ".join(v.authors)),
    Column(C["area"], lambda v: short_area(v.content_area)),
    Column(C["recognition"], lambda v: v.recognition.label),
    Column(C["decision"], lambda v: v.decision),
]


class InitiativesTab(QWidget):
    """The tab of the Phong trào page; see the module's docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_dialog: InitiativeDialog | None = None
        self.years = ctx.door.read(plan_years)
        self.year = QComboBox()
        self.year.setObjectName("initiative_year")
        self.year.addItem(t.INI_ALL_YEARS, 0)
        for year in self.years:
            self.year.addItem(str(year), year)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search = QLineEdit()
        self.search.setObjectName("initiative_search")
        self.search.setPlaceholderText(t.INI_SEARCH)
        self.summary = QLabel()
        self.summary.setObjectName("initiative_summary")
        self.model: RecordTableModel[InitiativeView] = RecordTableModel(COLUMNS, self)
        self.proxy = RecordSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self._filter)
        self.view = table("initiatives", self.proxy)
        self.empty_hint = EmptyHint(
            self.view,
            lambda: (
                th.HINT_INITIATIVES_YEAR.format(year=self.year.currentData())
                if self.year.currentData()
                else th.HINT_INITIATIVES
            ),
            self.model,
            th.HINT_FILTERED,
        )
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.undo = UndoActions(ctx, ops.SCOPE, self, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        top = QHBoxLayout()
        top.addWidget(QLabel(t.INI_YEAR))
        top.addWidget(self.year)
        top.addWidget(self.search, 1)
        buttons = button_row(
            self,
            (t.INI_ADD, "add_initiative", self.add),
            (t.INI_EDIT, "edit_initiative", self.edit_selected),
            (t.INI_DELETE, "delete_initiative", self.delete_selected),
        )
        for button in self.undo.buttons():
            buttons.insertWidget(buttons.count() - 1, button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.refresh()

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        self._summarise()

    def refresh(self) -> None:
        year = int(self.year.currentData() or 0)
        first, last = (year, year) if year else (self.years.start, self.years.stop - 1)
        self.model.set_records(self.ctx.door.read(lambda s: initiatives_in(s, first, last)))
        self.view.resizeColumnsToContents()
        for column in (2, 4, 5):  # the long texts wrap within a fair width, not the page's
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), 300))
        self._summarise()

    def _summarise(self) -> None:
        shown = [self.model.record(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
                 for r in range(self.proxy.rowCount())]  # fmt: skip
        recognised = sum(1 for v in shown if v.recognition is not RecognitionLevel.NONE)
        self.summary.setText(
            t.INI_SUMMARY.format(
                count=wording.count(len(shown)), recognised=wording.count(recognised)
            )
        )

    def on_change(self, change: Change) -> None:
        self.undo.refresh()
        if change.touches(Area.INITIATIVES, Area.UNITS, Area.PERSONS, Area.SETTINGS):
            self.refresh()

    def selected(self) -> InitiativeView | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.record(self.proxy.mapToSource(rows[0]).row())

    def add(self) -> None:
        year = int(self.year.currentData() or 0) or None
        self.last_dialog = InitiativeDialog(self.ctx, None, year, self)
        self.last_dialog.open()

    def edit_selected(self) -> None:
        view = self.selected()
        if view is None:
            QMessageBox.information(self, t.INI_EDIT_TITLE, t.INI_SELECT_FIRST)
            return
        self.last_dialog = InitiativeDialog(self.ctx, view, None, self)
        self.last_dialog.open()

    def delete_selected(self) -> None:
        view = self.selected()
        if view is None:
            QMessageBox.information(self, title_of(t.INI_DELETE), t.INI_SELECT_FIRST)
            return
        answer = QMessageBox.question(
            self, title_of(t.INI_DELETE), t.INI_DELETE_CONFIRM.format(title=view.title)
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ctx.door.run(ops.delete_initiative(view.id))
        except Exception as error:
            show_error(self, error)
