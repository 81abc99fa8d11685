"""Persons of the unit selected on the "Đơn vị" page: list, search, add, edit, deactivate, delete.

The second :class:`~desktop.ui.register.register_list.RegisterList` of the page, the same as the
units' one but for :data:`~desktop.register.persons.PERSONS` and scoped to one unit. Its changes
go into the same "register" undo history as the units'.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.models import Gender
from desktop.models.ids import PersonId
from desktop.register.ops import Query
from desktop.register.persons import (
    PERSONS,
    PersonData,
    PersonRow,
    load_person_row,
    load_person_rows,
)
from desktop.register.units import UnitRow
from desktop.ui.register.record_dialog import FormField, FormSpec
from desktop.ui.register.register_list import RegisterList, RegisterView
from desktop.ui.register.table import TableColumn
from desktop.ui.texts import help as th
from desktop.ui.texts import units as t
from desktop.ui.widgets.empty_hint import EmptyHint

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

PERSON_FORM = FormSpec(
    title_new=t.DIALOG_NEW_PERSON,
    title_edit=t.DIALOG_EDIT_PERSON,
    width=460,
    fields=(
        FormField("full_name", t.FIELD_FULL_NAME),
        FormField(
            "gender",
            t.FIELD_GENDER,
            "choice",
            ((t.GENDER_UNKNOWN, None), *((gender.value, gender) for gender in Gender)),
        ),
        FormField("birth_year", t.FIELD_BIRTH_YEAR, "count"),
        FormField("position", t.FIELD_POSITION),
        FormField("phone", t.FIELD_PHONE),
        FormField("active", t.FIELD_ACTIVE, "check"),
        FormField("discipline_note", t.FIELD_DISCIPLINE),
        FormField("note", t.FIELD_NOTE),
    ),
)

PERSON_VIEW = RegisterView[PersonRow, PersonData, PersonId](
    kind=PERSONS,
    columns=COLUMNS,
    form=PERSON_FORM,
    id_of=lambda p: p.id,
    name_of=lambda p: p.full_name,
    confirm_delete_title=t.CONFIRM_DELETE_PERSON_TITLE,
    confirm_delete=t.CONFIRM_DELETE_PERSON,
    search_placeholder=t.SEARCH_PERSONS,
)


class PersonPanel(RegisterList[PersonRow, PersonData, PersonId]):
    def __init__(
        self, ctx: AppContext, say: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx,
            PERSON_VIEW,
            rows=self._rows_of_unit,
            row=self._row_of_unit,
            blank=self._blank_person,
            say=say,
            parent=parent,
        )
        self.unit: UnitRow | None = None
        self.title = QLabel(t.NO_UNIT_SELECTED)
        self.search.setObjectName("person_search")
        self.table.setObjectName("person_table")
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        # Nothing to say before a unit is chosen: the title above already asks for one.
        self.empty_hint = EmptyHint(
            self.table, lambda: th.HINT_PERSONS if self.unit else "", self.model, th.HINT_FILTERED
        )

        self.add_button = QPushButton(t.ACTION_ADD_PERSON)
        self.edit_button = QPushButton(t.ACTION_EDIT_PERSON)
        self.toggle_button = QPushButton(t.ACTION_TOGGLE_PERSON)
        self.delete_button = QPushButton(t.ACTION_DELETE_PERSON)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.delete_button.clicked.connect(self.delete)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        buttons = QHBoxLayout()
        for button in self._buttons():
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._enable()

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.add_button, self.edit_button, self.toggle_button, self.delete_button)

    # -- what the list holds: the persons of one unit --------------------------------------------
    def _rows_of_unit(self) -> Query[list[PersonRow]] | None:
        unit = self.unit
        if unit is None:
            return None
        return lambda session: load_person_rows(session, unit.id)

    def _row_of_unit(self, person_id: PersonId) -> Query[PersonRow | None]:
        unit = self.unit
        if unit is None:
            return lambda session: None
        return lambda session: load_person_row(session, person_id, unit_id=unit.id)

    def _blank_person(self) -> PersonData | None:
        return None if self.unit is None else PersonData(unit_id=self.unit.id, full_name="")

    def set_unit(self, unit: UnitRow | None) -> None:
        self.unit = unit
        self.title.setText(
            t.NO_UNIT_SELECTED if unit is None else t.PERSONS_OF.format(name=unit.name)
        )
        self.reload()
        if unit is not None:
            self.table.resizeColumnsToContents()
        self._enable()

    def _enable(self) -> None:
        for button in self._buttons():
            button.setEnabled(self.unit is not None)
