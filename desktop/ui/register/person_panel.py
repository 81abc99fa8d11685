"""Persons of the unit selected on the "Đơn vị" page: list, search, add, edit, deactivate, delete."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from desktop.context import AppContext
from desktop.register.persons import (
    PersonData,
    PersonRow,
    create_person,
    delete_person,
    get_person,
    load_person_row,
    load_person_rows,
    person_dependants,
    set_person_active,
    update_person,
)
from desktop.register.rules import RegisterError
from desktop.register.units import UnitRow
from desktop.ui.register.commands import RegisterCommand
from desktop.ui.register.person_dialog import PersonDialog
from desktop.ui.register.table import FastFilterProxy, RegisterTableModel, TableColumn
from desktop.ui.texts import common as tc
from desktop.ui.texts import units as t

COLUMNS = [
    TableColumn[PersonRow](t.COLUMN_PERSON_NAME, lambda p: p.full_name, by_given_name=True),
    TableColumn[PersonRow](t.COLUMN_GENDER, lambda p: p.gender.value if p.gender else ""),
    TableColumn[PersonRow](
        t.COLUMN_BIRTH_YEAR, lambda p: p.birth_year, lambda p: p.birth_year or 0, align_right=True
    ),
    TableColumn[PersonRow](t.COLUMN_POSITION, lambda p: p.position),
    TableColumn[PersonRow](t.COLUMN_PHONE, lambda p: p.phone),
    TableColumn[PersonRow](t.COLUMN_ACTIVE, lambda p: t.YES if p.active else t.NO),
]


class PersonPanel(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        undo_stack: QUndoStack,
        report: Callable[[str, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = undo_stack
        self._report = report
        self.unit: UnitRow | None = None
        self.dialog: PersonDialog | None = None
        self.model: RegisterTableModel[PersonRow] = RegisterTableModel(
            COLUMNS, self, is_inactive=lambda p: not p.active
        )
        self.proxy = FastFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.title = QLabel(t.NO_UNIT_SELECTED)
        self.search = QLineEdit()
        self.search.setObjectName("person_search")
        self.search.setPlaceholderText(t.SEARCH_PERSONS)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.count_label = QLabel()
        self.table = QTableView()
        self.table.setObjectName("person_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(lambda _index: self.edit_person())

        self.add_button = QPushButton(t.ACTION_ADD_PERSON)
        self.edit_button = QPushButton(t.ACTION_EDIT_PERSON)
        self.toggle_button = QPushButton(t.ACTION_TOGGLE_PERSON)
        self.delete_button = QPushButton(t.ACTION_DELETE_PERSON)
        self.add_button.clicked.connect(self.add_person)
        self.edit_button.clicked.connect(self.edit_person)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.delete_button.clicked.connect(self.delete_person)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.toggle_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._enable()

    # -- showing -------------------------------------------------------------------------------
    def set_unit(self, unit: UnitRow | None) -> None:
        self.unit = unit
        if unit is None:
            self.title.setText(t.NO_UNIT_SELECTED)
            self.model.set_rows([])
        else:
            self.title.setText(t.PERSONS_OF.format(name=unit.name))
            with self.ctx.db.session() as session:
                self.model.set_rows(load_person_rows(session, unit.id))
            self.table.resizeColumnsToContents()
        self._update_count()
        self._enable()

    def _enable(self) -> None:
        for button in (self.add_button, self.edit_button, self.toggle_button, self.delete_button):
            button.setEnabled(self.unit is not None)

    def _filter(self, text: str) -> None:
        keep = self.selected()
        self.proxy.set_query(text)
        if keep is not None:  # the person selected stays selected while still shown
            self.select(keep.id)
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(
            tc.COUNT_SHOWN.format(shown=self.proxy.rowCount(), total=self.model.rowCount())
        )

    def selected(self) -> PersonRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.rows[self.proxy.mapToSource(index).row()]

    def sync(self, person_id: int) -> None:
        """Show the person as the register now holds it (or no longer, after a delete)."""
        with self.ctx.db.session() as session:
            row = load_person_row(session, person_id)
        at = self.model.row_where(lambda p: p.id == person_id)
        if row is not None and self.unit is not None and row.unit_id != self.unit.id:
            row = None
        if row is None and at is not None:
            self.model.remove_row(at)
        elif row is not None and at is None:
            self.model.append_row(row)
        elif row is not None and at is not None:
            self.model.replace_row(at, row)
        self._update_count()
        self.select(person_id)

    def select(self, person_id: int) -> None:
        at = self.model.row_where(lambda p: p.id == person_id)
        if at is not None:
            index = self.proxy.mapFromSource(self.model.index(at, 0))
            if index.isValid():
                self.table.setCurrentIndex(index)

    # -- changes -------------------------------------------------------------------------------
    def _push(
        self,
        text: str,
        person_id: int,
        forward: Callable[[Session], object],
        backward: Callable[[Session], object],
    ) -> None:
        self.undo_stack.push(
            RegisterCommand(
                self.ctx, text, forward, backward, lambda: self.sync(person_id), self._report
            )
        )
        self.sync(person_id)

    def add_person(self) -> None:
        if self.unit is None:
            return
        self.dialog = PersonDialog(
            PersonData(unit_id=self.unit.id, full_name=""), self._create, new=True, parent=self
        )
        self.dialog.open()

    def _create(self, data: PersonData) -> list[str]:
        try:
            with self.ctx.db.session() as session:
                person_id = create_person(session, data).id
        except RegisterError as error:
            return error.problems
        assert person_id is not None

        def again(session: Session) -> None:
            create_person(session, data, person_id=person_id)

        self._push(
            t.UNDO_ADD.format(name=data.full_name),
            person_id,
            again,
            lambda s: delete_person(s, person_id),
        )
        return []

    def edit_person(self) -> None:
        row = self.selected()
        if row is None:
            return
        with self.ctx.db.session() as session:
            before = PersonData.of(get_person(session, row.id))
        self.dialog = PersonDialog(
            before, lambda after: self._update(row.id, before, after), new=False, parent=self
        )
        self.dialog.open()

    def _update(self, person_id: int, before: PersonData, after: PersonData) -> list[str]:
        try:
            with self.ctx.db.session() as session:
                update_person(session, person_id, after)
        except RegisterError as error:
            return error.problems
        self._push(
            t.UNDO_EDIT.format(name=after.full_name),
            person_id,
            lambda s: update_person(s, person_id, after),
            lambda s: update_person(s, person_id, before),
        )
        return []

    def toggle_active(self) -> None:
        row = self.selected()
        if row is None:
            return
        active = not row.active
        with self.ctx.db.session() as session:
            set_person_active(session, row.id, active)
        text = (t.UNDO_ACTIVATE if active else t.UNDO_DEACTIVATE).format(name=row.full_name)
        self._push(
            text,
            row.id,
            lambda s: set_person_active(s, row.id, active),
            lambda s: set_person_active(s, row.id, not active),
        )

    def delete_person(self) -> None:
        row = self.selected()
        if row is None:
            return
        with self.ctx.db.session() as session:
            blocked = person_dependants(session, row.id)
        if not blocked:
            answer = QMessageBox.question(
                self,
                t.CONFIRM_DELETE_PERSON_TITLE,
                t.CONFIRM_DELETE_PERSON.format(name=row.full_name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            with self.ctx.db.session() as session:
                before = delete_person(session, row.id)
        except RegisterError as error:
            QMessageBox.warning(self, t.CANNOT_DELETE_TITLE, "\n".join(error.problems))
            return
        self._push(
            t.UNDO_DELETE.format(name=row.full_name),
            row.id,
            lambda s: delete_person(s, row.id),
            lambda s: create_person(s, before, person_id=row.id),
        )
