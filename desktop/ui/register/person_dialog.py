"""The form to add or change one person of a unit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models import Gender
from desktop.register.persons import PersonData
from desktop.ui.register.unit_dialog import parse_count
from desktop.ui.texts import units as t

SavePerson = Callable[[PersonData], list[str]]


class PersonDialog(QDialog):
    def __init__(
        self, data: PersonData, save: SavePerson, *, new: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(t.DIALOG_NEW_PERSON if new else t.DIALOG_EDIT_PERSON)
        self.setMinimumWidth(460)
        self._save = save
        self._unit_id = data.unit_id
        self.errors = QLabel()
        self.errors.setObjectName("errors")
        self.errors.setStyleSheet("color: #b00020;")
        self.errors.setWordWrap(True)
        self.errors.hide()
        self.full_name = QLineEdit(data.full_name)
        self.full_name.setObjectName("full_name")
        self.gender = QComboBox()
        self.gender.setObjectName("gender")
        self.gender.addItem(t.GENDER_UNKNOWN, None)
        for gender in Gender:
            self.gender.addItem(gender.value, gender)
        self.gender.setCurrentIndex(self.gender.findData(data.gender) if data.gender else 0)
        self.birth_year = QLineEdit("" if data.birth_year is None else str(data.birth_year))
        self.birth_year.setObjectName("birth_year")
        self.position = QLineEdit(data.position)
        self.position.setObjectName("position")
        self.phone = QLineEdit(data.phone)
        self.phone.setObjectName("phone")
        self.active = QCheckBox(t.FIELD_ACTIVE)
        self.active.setObjectName("active")
        self.active.setChecked(data.active)
        self.discipline_note = QLineEdit(data.discipline_note)
        self.discipline_note.setObjectName("discipline_note")
        self.note = QLineEdit(data.note)
        self.note.setObjectName("note")

        form = QFormLayout()
        form.addRow(t.FIELD_FULL_NAME, self.full_name)
        form.addRow(t.FIELD_GENDER, self.gender)
        form.addRow(t.FIELD_BIRTH_YEAR, self.birth_year)
        form.addRow(t.FIELD_POSITION, self.position)
        form.addRow(t.FIELD_PHONE, self.phone)
        form.addRow("", self.active)
        form.addRow(t.FIELD_DISCIPLINE, self.discipline_note)
        form.addRow(t.FIELD_NOTE, self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(t.BUTTON_SAVE)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t.BUTTON_CANCEL)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def values(self, problems: list[str]) -> PersonData:
        return PersonData(
            unit_id=self._unit_id,
            full_name=self.full_name.text(),
            gender=self.gender.currentData(),
            birth_year=parse_count(self.birth_year.text(), t.FIELD_BIRTH_YEAR, problems),
            position=self.position.text(),
            phone=self.phone.text(),
            active=self.active.isChecked(),
            discipline_note=self.discipline_note.text(),
            note=self.note.text(),
        )

    def accept(self) -> None:
        problems: list[str] = []
        data = self.values(problems)
        if not problems:
            problems = self._save(data)
        if problems:
            self.errors.setText("\n".join(f"• {p}" for p in problems))
            self.errors.show()
            return
        super().accept()
