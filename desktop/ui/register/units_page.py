"""Đơn vị: the register of units — search, filter, sort, add, edit, deactivate, undo, Excel.

The table reads light rows (:class:`desktop.register.units.UnitRow`) and filters them through
:class:`desktop.ui.register.table.FastFilterProxy`, so 20,000 units open and filter at typing speed.
Every change goes through :mod:`desktop.register.units` and onto the page's undo stack; the persons of the
selected unit are listed below the table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from desktop.context import AppContext
from desktop.models import UnitKind
from desktop.register.units import (
    RegisterError,
    UnitData,
    UnitRow,
    create_unit,
    delete_unit,
    get_unit,
    load_unit_row,
    load_unit_rows,
    next_unit_code,
    register_stamp,
    set_unit_active,
    unit_dependants,
    update_unit,
)
from desktop.ui.register.commands import RegisterCommand
from desktop.ui.register.excel_actions import UnitExcelActions
from desktop.ui.register.person_panel import PersonPanel
from desktop.ui.register.table import FastFilterProxy, RegisterTableModel, TableColumn
from desktop.ui.register.unit_dialog import UnitDialog
from desktop.ui.texts import common as tc
from desktop.ui.texts import units as t

KIND_ORDER = {kind: n for n, kind in enumerate(UnitKind)}
COLUMNS = [
    TableColumn[UnitRow](t.COLUMN_CODE, lambda u: u.code),
    TableColumn[UnitRow](t.COLUMN_NAME, lambda u: u.name),
    TableColumn[UnitRow](t.COLUMN_KIND, lambda u: u.kind.label, lambda u: KIND_ORDER[u.kind]),
    TableColumn[UnitRow](t.COLUMN_HEAD, lambda u: u.head_name, by_given_name=True),
    TableColumn[UnitRow](t.COLUMN_PHONE, lambda u: u.phone),
    TableColumn[UnitRow](
        t.COLUMN_ACTIVE,
        lambda u: t.YES if u.active else t.NO,
        lambda u: not u.active,
        searchable=False,
    ),
]
NAME_COLUMN = 1
KIND_LABELS = {kind: kind.label for kind in UnitKind}


def search_fields(u: UnitRow) -> str:
    """What the search box looks in: the searchable columns, kept apart by FIELD_SEPARATOR."""
    return f"{u.code}\x1f{u.name}\x1f{KIND_LABELS[u.kind]}\x1f{u.head_name}\x1f{u.phone}"


class UnitsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: UnitDialog | None = None
        self._refiltering = False
        self._stamp: tuple[int, int | None, int | None] | None = None  # of the rows shown
        self.undo_stack = QUndoStack(self)
        self.model: RegisterTableModel[UnitRow] = RegisterTableModel(
            COLUMNS, self, is_inactive=lambda u: not u.active, search_fields=search_fields
        )
        self.proxy = FastFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.excel = UnitExcelActions(self)

        self._build_filters()
        self._build_table()
        self.persons = PersonPanel(ctx, self.undo_stack, self._report_failure, self)
        self.toolbar = self._build_actions()
        self._lay_out()
        self.refresh()

    def _build_filters(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(t.SEARCH_UNITS)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kind_filter")
        self.kind_filter.addItem(t.ALL_KINDS, None)
        for kind in UnitKind:
            self.kind_filter.addItem(kind.label, kind)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        for text, value in (
            (t.STATUS_ALL, None),
            (t.STATUS_ACTIVE, True),
            (t.STATUS_INACTIVE, False),
        ):
            self.status_filter.addItem(text, value)
        self.kind_filter.currentIndexChanged.connect(self._apply_condition)
        self.status_filter.currentIndexChanged.connect(self._apply_condition)
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        self.message = QLabel()
        self.message.setObjectName("message")

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NAME_COLUMN, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((90, 360, 210, 170, 130)):
            header.resizeSection(column, width)
        self.table.activated.connect(lambda _index: self.edit_unit())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.proxy.modelReset.connect(self._current_changed)

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.kind_filter, 2)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.count_label)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(filters)
        upper_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(self.persons)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{t.PAGE_TITLE}</h2>"))
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

    def _build_actions(self) -> QToolBar:
        toolbar = QToolBar()
        self.actions_: dict[str, QAction] = {}

        def action(
            key: str, text: str, slot: Callable[[], Any], *keys: QKeySequence | str
        ) -> QAction:
            act = QAction(text, self)
            act.setObjectName(f"action_{key}")
            if keys:
                act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            toolbar.addAction(act)
            self.actions_[key] = act
            return act

        action("add", t.ACTION_ADD, self.add_unit, "Ctrl+N", "Ins")
        action("edit", t.ACTION_EDIT, self.edit_unit, "F2")
        action("toggle", t.ACTION_DEACTIVATE, self.toggle_active)
        action("delete", t.ACTION_DELETE, self.delete_unit, QKeySequence.StandardKey.Delete)
        toolbar.addSeparator()
        for key, text, slot, keys in (
            ("undo", t.ACTION_UNDO, self.undo, ("Ctrl+Z",)),
            ("redo", t.ACTION_REDO, self.redo, ("Ctrl+Y", "Ctrl+Shift+Z")),
        ):
            act = action(key, text, slot, *keys)
            act.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(self.actions_["undo"].setEnabled)
        self.undo_stack.canRedoChanged.connect(self.actions_["redo"].setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda text: self.actions_["undo"].setToolTip(f"{t.ACTION_UNDO}: {text}")
        )
        self.undo_stack.redoTextChanged.connect(
            lambda text: self.actions_["redo"].setToolTip(f"{t.ACTION_REDO}: {text}")
        )
        toolbar.addSeparator()
        action("import", t.ACTION_IMPORT, self.excel.choose_import)
        action("import_persons", t.ACTION_IMPORT_PERSONS, self.excel.choose_import_persons)
        action("export", t.ACTION_EXPORT, self.excel.choose_export)
        action("template", t.ACTION_TEMPLATE, self.excel.choose_template)
        return toolbar

    # -- showing -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the register again if it changed since the last reading (another page, an import)."""
        keep = self.selected()
        with self.ctx.db.session() as session:
            stamp = register_stamp(session)
            rows = load_unit_rows(session) if stamp != self._stamp else None
        if rows is None:
            self.persons.set_unit(keep)  # persons may have changed elsewhere
            return
        self._stamp = stamp
        self.model.set_rows(rows)
        self._update_count()
        if keep is not None:
            self.select(keep.id)

    def _filter(self, text: str) -> None:
        self._refilter(lambda: self.proxy.set_query(text))

    def _refilter(self, change: Callable[[], None]) -> None:
        """Filter, keeping the selected unit selected if it is still shown.

        The persons below follow the selection only once the filter is done, not through the
        moment of the reset when nothing is selected (that would read them twice per keystroke).
        """
        keep = self.selected()
        self._refiltering = True
        try:
            change()
            if keep is not None:
                self.select(keep.id)
        finally:
            self._refiltering = False
        self._update_count()
        self._current_changed()

    def _apply_condition(self) -> None:
        self._refilter(self._set_condition)

    def _set_condition(self) -> None:
        kind = self.kind_filter.currentData()
        active = self.status_filter.currentData()
        if kind is None and active is None:
            self.proxy.set_condition(None)
        else:
            self.proxy.set_condition(
                lambda u: (
                    (kind is None or u.kind == kind) and (active is None or u.active == active)
                )
            )

    def _update_count(self) -> None:
        self.count_label.setText(
            tc.COUNT_SHOWN.format(shown=self.proxy.rowCount(), total=self.model.rowCount())
        )

    def selected(self) -> UnitRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.rows[self.proxy.mapToSource(index).row()]

    def select(self, unit_id: int) -> bool:
        at = self.model.row_where(lambda u: u.id == unit_id)
        if at is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(at, 0))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _current_changed(self, *args: Any) -> None:
        if self._refiltering:
            return
        unit = self.selected()
        if self.persons.unit != unit:
            self.persons.set_unit(unit)
        toggle = self.actions_["toggle"]
        toggle.setText(
            t.ACTION_ACTIVATE if unit is not None and not unit.active else t.ACTION_DEACTIVATE
        )
        for key in ("edit", "toggle", "delete"):
            self.actions_[key].setEnabled(unit is not None)

    def sync_unit(self, unit_id: int) -> None:
        """Show one unit as the register now holds it: changed, added back, or gone."""
        with self.ctx.db.session() as session:
            row = load_unit_row(session, unit_id)
        at = self.model.row_where(lambda u: u.id == unit_id)
        if row is None and at is not None:
            self.model.remove_row(at)
        elif row is not None and at is None:
            self.model.append_row(row)
        elif row is not None and at is not None:
            self.model.replace_row(at, row)
        self._update_count()
        if row is not None:
            self.select(unit_id)
        self._current_changed()

    def _report_failure(self, action: str, problem: str) -> None:
        QMessageBox.warning(
            self, t.UNDO_FAILED_TITLE, t.UNDO_FAILED.format(action=action, problem=problem)
        )

    def _push(
        self,
        text: str,
        unit_id: int,
        forward: Callable[[Session], Any],
        backward: Callable[[Session], Any],
    ) -> None:
        self.undo_stack.push(
            RegisterCommand(
                self.ctx,
                text,
                forward,
                backward,
                lambda: self.sync_unit(unit_id),
                self._report_failure,
            )
        )
        self.message.setText(t.STATUS_SAVED)
        self.sync_unit(unit_id)

    # -- changes -------------------------------------------------------------------------------
    def undo(self) -> None:
        if self.undo_stack.canUndo():
            action = self.undo_stack.undoText()
            self.undo_stack.undo()
            self.message.setText(t.STATUS_UNDONE.format(action=action))

    def redo(self) -> None:
        if self.undo_stack.canRedo():
            action = self.undo_stack.redoText()
            self.undo_stack.redo()
            self.message.setText(t.STATUS_REDONE.format(action=action))

    def add_unit(self) -> None:
        with self.ctx.db.session() as session:
            code = next_unit_code(session)
        self.dialog = UnitDialog(
            UnitData(code=code, name="", kind=None), self._create, new=True, parent=self
        )
        self.dialog.open()

    def _create(self, data: UnitData) -> list[str]:
        try:
            with self.ctx.db.session() as session:
                unit_id = create_unit(session, data).id
        except RegisterError as error:
            return error.problems
        assert unit_id is not None
        self._push(
            t.UNDO_ADD.format(name=data.name.strip()),
            unit_id,
            lambda s: create_unit(s, data, unit_id=unit_id),
            lambda s: delete_unit(s, unit_id, reason="Hoàn tác thêm đơn vị"),
        )
        return []

    def edit_unit(self) -> None:
        row = self.selected()
        if row is None:
            return
        with self.ctx.db.session() as session:
            before = UnitData.of(get_unit(session, row.id))
        self.dialog = UnitDialog(
            before, lambda after: self._update(row.id, before, after), new=False, parent=self
        )
        self.dialog.open()

    def _update(self, unit_id: int, before: UnitData, after: UnitData) -> list[str]:
        try:
            with self.ctx.db.session() as session:
                update_unit(session, unit_id, after)
        except RegisterError as error:
            return error.problems
        self._push(
            t.UNDO_EDIT.format(name=after.name.strip()),
            unit_id,
            lambda s: update_unit(s, unit_id, after),
            lambda s: update_unit(s, unit_id, before, reason="Hoàn tác sửa đơn vị"),
        )
        return []

    def toggle_active(self) -> None:
        row = self.selected()
        if row is None:
            return
        active = not row.active
        with self.ctx.db.session() as session:
            set_unit_active(session, row.id, active)
        text = (t.UNDO_ACTIVATE if active else t.UNDO_DEACTIVATE).format(name=row.name)
        self._push(
            text,
            row.id,
            lambda s: set_unit_active(s, row.id, active),
            lambda s: set_unit_active(s, row.id, not active),
        )

    def delete_unit(self) -> None:
        row = self.selected()
        if row is None:
            return
        with self.ctx.db.session() as session:
            dependants = unit_dependants(session, row.id)
        if not dependants:
            answer = QMessageBox.question(
                self, t.CONFIRM_DELETE_TITLE, t.CONFIRM_DELETE.format(name=row.name)
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            with self.ctx.db.session() as session:
                before = delete_unit(session, row.id)
        except RegisterError as error:
            QMessageBox.warning(self, t.CANNOT_DELETE_TITLE, "\n".join(error.problems))
            return
        self._push(
            t.UNDO_DELETE.format(name=row.name),
            row.id,
            lambda s: delete_unit(s, row.id),
            lambda s: create_unit(s, before, unit_id=row.id, reason="Hoàn tác xóa đơn vị"),
        )

    def after_import(self) -> None:
        """Undo steps taken before an import may no longer fit the register it produced."""
        self.undo_stack.clear()
        self.refresh()
        self.persons.set_unit(self.selected())
