"""Thông tin phường: the ward settings every printed document is headed and signed with.

Read through the door and saved by the ``save_ward_settings`` operation, which announces
``Change(Area.SETTINGS)``: the status bar and the Cài đặt page read them again. Fields the clerk
must correct are refused with their messages, and the dialog stays open.
"""

from __future__ import annotations

from dataclasses import fields, replace

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.settings import SettingsError, WardSettings, load_settings, save_ward_settings
from desktop.ui.errors import show_error
from desktop.ui.texts import common as t

MULTILINE = {"signing_authority"}


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(t.SETTINGS_TITLE)
        self.setMinimumWidth(560)
        self.original = ctx.door.read(load_settings)
        form = QFormLayout()
        self.editors: dict[str, QWidget] = {}
        for f in fields(WardSettings):
            value = getattr(self.original, f.name)
            editor: QWidget
            if isinstance(value, int):
                spin = QSpinBox()
                spin.setRange(0, 1000)
                spin.setValue(value)
                editor = spin
            elif f.name in MULTILINE:
                text = QPlainTextEdit(value)
                text.setFixedHeight(60)
                editor = text
            else:
                editor = QLineEdit(value)
            editor.setObjectName(f.name)
            self.editors[f.name] = editor
            form.addRow(t.SETTINGS_FIELDS[f.name], editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def edited(self) -> WardSettings:
        values: dict[str, object] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QSpinBox):
                values[name] = editor.value()
            elif isinstance(editor, QPlainTextEdit):
                values[name] = editor.toPlainText()
            elif isinstance(editor, QLineEdit):
                values[name] = editor.text()
        return replace(self.original, **values)  # type: ignore[arg-type]

    def accept(self) -> None:
        settings = self.edited()
        try:
            self.ctx.door.run(save_ward_settings(settings))
        except Exception as error:  # a field to correct, a busy or read-only file, or a bug
            title = t.SETTINGS_INVALID_TITLE if isinstance(error, SettingsError) else ""
            show_error(self, error, title)
            return
        super().accept()
