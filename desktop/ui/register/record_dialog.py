"""The one form that adds or changes a record of the register, configured by its fields.

A unit's form and a person's form are two :class:`FormSpec`\\ s of the same dialog; the register's
rules answer in the red line at its top, and the dialog stays open until they are satisfied. Each
editor is reachable by its field's name (``dialog.editors["name"]``, and ``dialog.name`` for the
tests that type into it as the clerk would).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.models.periods import period_code, period_of_code
from desktop.ui.texts import units as t
from desktop.ui.widgets.buttons import save_cancel
from desktop.ui.widgets.scrolling import keep_on_screen, scrolling

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    D = TypeVar("D", bound=DataclassInstance)
else:
    D = TypeVar("D")

EditorKind = Literal["line", "text", "count", "choice", "check", "period"]


@dataclass(frozen=True)
class FormField:
    """One value of the form: its name in the data, its label and how it is edited."""

    name: str
    label: str
    kind: EditorKind = "line"
    choices: Sequence[tuple[str, object]] = ()  # (label, value); the first is "none chosen"
    placeholder: str = ""


@dataclass(frozen=True)
class FormSpec:
    title_new: str
    title_edit: str
    fields: Sequence[FormField]
    width: int = 460
    focus: str | None = None  # the field the cursor starts in


# The save function returns the problems (empty when saved), so the dialog stays open to fix them.
Save = Callable[[D], list[str]]


def parse_count(text: str, label: str, problems: list[str]) -> int | None:
    """ "" → None; "1.250" or "1 250" → 1250; anything else adds a problem."""
    compact = text.strip().replace(" ", "").replace(".", "").replace(",", "")
    if not compact:
        return None
    if compact.isascii() and compact.lstrip("-").isdigit():
        return int(compact)
    problems.append(t.NOT_A_NUMBER.format(label=label, text=text.strip()))
    return None


class PeriodEdit(QWidget):
    """A quarter of the plan (quý + năm), as a period code (20253 = quý 3/2025).

    A value the clerk leaves as shown comes back as it was — even 0 ("always", shown as the plan's
    first quarter) — so that opening and saving a form changes nothing.
    """

    def __init__(self, value: int | None, years: range = range(2025, 2031)) -> None:
        super().__init__()
        self._given = value
        self._displayed = 0  # what the editor showed for the value given
        self.quarter = QComboBox()
        self.quarter.setObjectName("quarter")
        for quarter in (1, 2, 3, 4):
            self.quarter.addItem(t.QUARTER_ITEM.format(quarter=quarter), quarter)
        self.year = QSpinBox()
        self.year.setObjectName("year")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.quarter)
        layout.addWidget(QLabel(t.PERIOD_OF_YEAR))
        layout.addWidget(self.year)
        layout.addStretch(1)
        self.set_years(years)

    def set_years(self, years: range) -> None:
        """Offer the plan's ``years``, showing the value given again."""
        self.year.setRange(years.start, years.stop - 1)
        self.set_value(self._given)

    def set_value(self, value: int | None) -> None:
        self._given = value
        first = period_code(self.year.minimum(), 1)
        year, quarter = period_of_code(first if value is None or value < first else value)
        self.year.setValue(year)
        self.quarter.setCurrentIndex(quarter - 1)
        self._displayed = self.shown()

    def shown(self) -> int:
        return period_code(self.year.value(), self.quarter.currentIndex() + 1)

    def value(self) -> int | None:
        """The quarter chosen; the value given when the clerk left it as shown."""
        if self.shown() == self._displayed:
            return self._given
        return self.shown()


class RecordDialog(QDialog, Generic[D]):
    def __init__(
        self,
        spec: FormSpec,
        data: D,
        save: Save[D],
        *,
        new: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(spec.title_new if new else spec.title_edit)
        self.setMinimumWidth(spec.width)
        self.spec = spec
        self._data = data
        self._save = save
        self.errors = QLabel()
        self.errors.setObjectName("errors")
        self.errors.setStyleSheet("color: #b00020;")
        self.errors.setWordWrap(True)
        self.errors.hide()

        self.editors: dict[str, QWidget] = {}
        form = QFormLayout()
        for field in spec.fields:
            editor = _editor(field, getattr(data, field.name))
            editor.setObjectName(field.name)
            self.editors[field.name] = editor
            # The editors are also attributes, as the tests (and a reader of them) name them.
            setattr(self, field.name, editor)
            form.addRow("" if field.kind == "check" else field.label, editor)
        # A fact about the record the form does not edit (a unit that stopped reporting).
        self.note = QLabel()
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a5a00;")
        self.note.hide()
        self.buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors)
        layout.addWidget(scrolling(form), 1)  # a unit's long form scrolls on a small screen
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        if spec.focus is not None:
            self.editors[spec.focus].setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        keep_on_screen(self)

    def values(self, problems: list[str]) -> D:
        """The values in the form; a number that is not one adds a problem."""
        changes = {
            field.name: _value(field, self.editors[field.name], problems)
            for field in self.spec.fields
        }
        return replace(self._data, **changes)

    def show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

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


def _editor(field: FormField, value: Any) -> QWidget:
    if field.kind == "check":
        box = QCheckBox(field.label)
        box.setChecked(bool(value))
        return box
    if field.kind == "choice":
        combo = QComboBox()
        for label, choice in field.choices:
            combo.addItem(label, choice)
        combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
        return combo
    if field.kind == "period":
        return PeriodEdit(value)
    if field.kind == "text":
        text = QPlainTextEdit(value or "")
        text.setFixedHeight(60)
        return text
    line = QLineEdit("" if value is None else str(value))
    line.setPlaceholderText(field.placeholder)
    return line


def _value(field: FormField, editor: QWidget, problems: list[str]) -> Any:
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QComboBox):
        return editor.currentData()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, PeriodEdit):
        return editor.value()
    assert isinstance(editor, QLineEdit)  # the editor _editor made for a line or a count
    if field.kind == "count":
        return parse_count(editor.text(), field.label, problems)
    return editor.text()
