"""The form to add or change one unit; the register's rules answer in the red line at its top."""

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
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models import UnitKind
from desktop.register.units import UnitData
from desktop.ui.texts import units as t

# The save function returns the problems (empty when saved), so the dialog stays open to fix them.
SaveUnit = Callable[[UnitData], list[str]]


def parse_count(text: str, label: str, problems: list[str]) -> int | None:
    """ "" → None; "1.250" or "1 250" → 1250; anything else adds a problem."""
    compact = text.strip().replace(" ", "").replace(".", "").replace(",", "")
    if not compact:
        return None
    if compact.isascii() and compact.lstrip("-").isdigit():
        return int(compact)
    problems.append(t.NOT_A_NUMBER.format(label=label, text=text.strip()))
    return None


class UnitDialog(QDialog):
    def __init__(self, data: UnitData, save: SaveUnit, *, new: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(t.DIALOG_NEW_UNIT if new else t.DIALOG_EDIT_UNIT)
        self.setMinimumWidth(560)
        self._save = save
        self.errors = QLabel()
        self.errors.setObjectName("errors")
        self.errors.setStyleSheet("color: #b00020;")
        self.errors.setWordWrap(True)
        self.errors.hide()

        self.code = self._line("code", data.code)
        self.name = self._line("name", data.name)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.addItem(t.CHOOSE_KIND, None)
        for kind in UnitKind:
            self.kind.addItem(kind.label, kind)
        self.kind.setCurrentIndex(self.kind.findData(data.kind) if data.kind else 0)
        self.head_name = self._line("head_name", data.head_name)
        self.head_position = self._line("head_position", data.head_position)
        self.phone = self._line("phone", data.phone)
        self.email = self._line("email", data.email)
        self.address = self._line("address", data.address)
        self.counts = {
            key: self._line(key, "" if getattr(data, key) is None else str(getattr(data, key)))
            for key in t.FIELD_COUNTS
        }
        for editor in self.counts.values():
            editor.setPlaceholderText(t.COUNT_PLACEHOLDER)
        self.active = QCheckBox(t.FIELD_ACTIVE)
        self.active.setObjectName("active")
        self.active.setChecked(data.active)
        self.discipline_note = self._line("discipline_note", data.discipline_note)
        self.note = QPlainTextEdit(data.note)
        self.note.setObjectName("note")
        self.note.setFixedHeight(60)

        form = QFormLayout()
        form.addRow(t.FIELD_CODE, self.code)
        form.addRow(t.FIELD_NAME, self.name)
        form.addRow(t.FIELD_KIND, self.kind)
        form.addRow(t.FIELD_HEAD, self.head_name)
        form.addRow(t.FIELD_HEAD_POSITION, self.head_position)
        form.addRow(t.FIELD_PHONE, self.phone)
        form.addRow(t.FIELD_EMAIL, self.email)
        form.addRow(t.FIELD_ADDRESS, self.address)
        for key, label in t.FIELD_COUNTS.items():
            form.addRow(label, self.counts[key])
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
        self.name.setFocus()

    def _line(self, name: str, value: str) -> QLineEdit:
        editor = QLineEdit(value)
        editor.setObjectName(name)
        return editor

    def values(self, problems: list[str]) -> UnitData:
        counts = {
            key: parse_count(self.counts[key].text(), t.FIELD_COUNTS[key], problems)
            for key in t.FIELD_COUNTS
        }
        return UnitData(
            code=self.code.text(),
            name=self.name.text(),
            kind=self.kind.currentData(),
            head_name=self.head_name.text(),
            head_position=self.head_position.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            address=self.address.text(),
            active=self.active.isChecked(),
            discipline_note=self.discipline_note.text(),
            note=self.note.toPlainText(),
            **counts,
        )

    def show_problems(self, problems: list[str]) -> None:
        self.errors.setText("\n".join(f"• {p}" for p in problems))
        self.errors.setVisible(bool(problems))

    def accept(self) -> None:
        problems: list[str] = []
        data = self.values(problems)
        if not problems:
            problems = self._save(data)
        if problems:
            self.show_problems(problems)
            return
        super().accept()
