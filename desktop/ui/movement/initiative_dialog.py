"""The dialog of one initiative (sáng kiến, giải pháp, mô hình): add or edit.

Authors are picked from the register's working persons by typing part of a name (marks ignored);
a refusal of the rules (no title, a recognition without its decision …) is shown as worded and the
dialog stays open.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import Operation
from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.indicators.scope import plan_years
from desktop.models.movement import InitiativeKind, RecognitionLevel
from desktop.models.periods import today
from desktop.movement import initiative_ops as ops
from desktop.movement.initiatives import (
    InitiativeView,
    area_choices,
    author_choices,
    unit_choices,
)
from desktop.ui.council.dialogs import OperationDialog
from desktop.ui.errors import show_error
from desktop.ui.texts import movement as t
from desktop.ui.widgets.picker import picked_data, searchable_combo


class InitiativeDialog(OperationDialog):
    """Thêm (``view`` None) or sửa one initiative."""

    def __init__(
        self,
        ctx: AppContext,
        view: InitiativeView | None,
        year: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, t.INI_EDIT_TITLE if view else t.INI_ADD_TITLE, parent)
        self.view = view
        years = ctx.door.read(plan_years)
        units, persons, areas = ctx.door.read(
            lambda s: (unit_choices(s), author_choices(s), area_choices(s))
        )
        self.names = {c.id: c.text for c in persons}
        if view is not None:  # an author who stopped working stays listed under their name
            self.names.update(zip(view.author_ids, view.authors, strict=True))
        self.year = QSpinBox()
        self.year.setObjectName("ini_year")
        self.year.setRange(years.start, years.stop - 1)
        self.year.setValue(
            view.year if view else year or min(max(today().year, years.start), years.stop - 1)
        )
        self.kind = QComboBox()
        self.kind.setObjectName("ini_kind")
        for kind in InitiativeKind:
            self.kind.addItem(kind.label, kind.value)
        self.title = QLineEdit(view.title if view else "")
        self.title.setObjectName("ini_title")
        self.title.setMinimumWidth(460)
        self.unit = searchable_combo("ini_unit")
        self.unit.addItem(t.INI_NO_UNIT, None)
        for choice in units:
            self.unit.addItem(choice.text, choice.id)
        self.authors = QListWidget()
        self.authors.setObjectName("ini_authors")
        self.authors.setMaximumHeight(90)
        self.author_pick = searchable_combo("ini_author_pick", t.INI_AUTHOR_PICK)
        for choice in persons:
            self.author_pick.addItem(choice.text, choice.id)
        self.author_pick.setCurrentIndex(-1)
        add_author = QPushButton(t.INI_AUTHOR_ADD)
        add_author.setObjectName("ini_author_add")
        add_author.clicked.connect(self.add_author)
        remove_author = QPushButton(t.INI_AUTHOR_REMOVE)
        remove_author.setObjectName("ini_author_remove")
        remove_author.clicked.connect(self.remove_author)
        pick = QHBoxLayout()
        pick.addWidget(self.author_pick, 1)
        pick.addWidget(add_author)
        pick.addWidget(remove_author)
        authors = QVBoxLayout()
        authors.addWidget(self.authors)
        authors.addLayout(pick)
        self.area = QComboBox()
        self.area.setObjectName("ini_area")
        self.area.addItem(t.INI_NO_AREA, None)
        for choice in areas:
            self.area.addItem(choice.text, choice.id)
        self.effect = QPlainTextEdit(view.effect if view else "")
        self.effect.setObjectName("ini_effect")
        self.effect.setMaximumHeight(80)
        self.recognition = QComboBox()
        self.recognition.setObjectName("ini_recognition")
        for level in RecognitionLevel:
            self.recognition.addItem(level.label, level.value)
        self.decision = QLineEdit(view.decision if view else "")
        self.decision.setObjectName("ini_decision")
        self.decision.setPlaceholderText(t.INI_DECISION_HINT)
        self.note = QLineEdit(view.note if view else "")
        self.note.setObjectName("ini_note")
        if view is not None:
            self.kind.setCurrentIndex(self.kind.findData(view.kind.value))
            self.unit.setCurrentIndex(max(0, self.unit.findData(view.unit_id)))
            self.area.setCurrentIndex(max(0, self.area.findData(view.content_area_id)))
            self.recognition.setCurrentIndex(self.recognition.findData(view.recognition.value))
            for person_id in view.author_ids:
                self._list_author(person_id)
        for label, field in (
            (t.INI_FIELD_YEAR, self.year),
            (t.INI_FIELD_KIND, self.kind),
            (t.INI_FIELD_TITLE, self.title),
            (t.INI_FIELD_UNIT, self.unit),
        ):
            self.form.addRow(label, field)
        self.form.addRow(t.INI_FIELD_AUTHORS, authors)
        fields: tuple[tuple[str, QWidget], ...] = (
            (t.INI_FIELD_AREA, self.area),
            (t.INI_FIELD_EFFECT, self.effect),
            (t.INI_FIELD_RECOGNITION, self.recognition),
            (t.INI_FIELD_DECISION, self.decision),
            (t.INI_FIELD_NOTE, self.note),
        )
        for label, widget in fields:
            self.form.addRow(label, widget)

    def _list_author(self, person_id: int) -> None:
        if person_id in self.author_ids():
            return
        item = QListWidgetItem(self.names.get(person_id, str(person_id)))
        item.setData(Qt.ItemDataRole.UserRole, person_id)
        self.authors.addItem(item)

    def add_author(self) -> None:
        if not self.author_pick.currentText().strip():
            return
        try:
            person_id = picked_data(self.author_pick, t.INI_FIELD_AUTHORS)
        except Refusal as refusal:  # a name that is not among the register's working persons
            show_error(self, refusal, self.windowTitle())
            return
        self._list_author(int(person_id))
        self.author_pick.setCurrentIndex(-1)

    def remove_author(self) -> None:
        for item in self.authors.selectedItems():
            self.authors.takeItem(self.authors.row(item))

    def author_ids(self) -> list[int]:
        return [
            int(self.authors.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.authors.count())
        ]

    def data(self) -> ops.InitiativeData:
        return ops.InitiativeData(
            year=self.year.value(),
            title=self.title.text(),
            kind=InitiativeKind(self.kind.currentData()),
            unit_id=picked_data(self.unit, t.INI_FIELD_UNIT),
            author_ids=tuple(self.author_ids()),
            content_area_id=self.area.currentData(),
            effect=self.effect.toPlainText(),
            recognition=RecognitionLevel(self.recognition.currentData()),
            decision=self.decision.text(),
            note=self.note.text(),
        )

    def operation(self) -> Operation[Any]:
        if self.view is None:
            return ops.add_initiative(self.data())
        return ops.edit_initiative(self.view.id, self.data())
