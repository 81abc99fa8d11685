"""Cài đặt: the ward settings every printed document is headed and signed with, the rules the
results are judged by, and the backups — one dialog, one tab per group.

Read through the door and saved by the ``save_ward_settings`` operation, which announces
``Change(Area.SETTINGS)``: the status bar, the Cài đặt page and the results (whose verdicts follow
the completeness threshold) read them again. The rules of every field are
``WardSettings.validation_errors``: fields the clerk must correct are refused with their messages,
and the dialog stays open.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.settings import SettingsError, WardSettings, load_settings, save_ward_settings
from desktop.ui.errors import show_error
from desktop.ui.settings.labels import NUMBER_FIELDS, NumberField, groups, label
from desktop.ui.texts import common as t
from desktop.ui.widgets.buttons import save_cancel

MULTILINE = {"signing_authority"}
# Fields shown on the row of the one before them ("Kế hoạch từ năm [2025] đến năm [2030]").
SAME_ROW = {
    "plan_last_year": "plan_first_year",
    "certificate_offset_y_mm": "certificate_offset_x_mm",
}


class SettingsDialog(QDialog):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, tab: str | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(t.SETTINGS_TITLE)
        self.setMinimumWidth(600)
        self.original = ctx.door.read(load_settings)
        self.editors: dict[str, QWidget] = {}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        for title, names in groups():
            self.tabs.addTab(self._page(names), title)
            if title == tab:
                self.tabs.setCurrentIndex(self.tabs.count() - 1)
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _page(self, names: list[str]) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows: dict[str, QHBoxLayout] = {}
        for name in names:
            editor = self._editor(name, getattr(self.original, name))
            self.editors[name] = editor
            spec = NUMBER_FIELDS.get(name)
            if name in SAME_ROW and SAME_ROW[name] in rows:
                row = rows[SAME_ROW[name]]
                row.insertWidget(row.count() - 1, QLabel(label(name)))
                row.insertWidget(row.count() - 1, editor)
                continue
            if isinstance(editor, QSpinBox):
                row = QHBoxLayout()
                row.addWidget(editor)
                if spec is not None and spec.after:
                    row.addWidget(QLabel(spec.after))
                row.addStretch(1)
                rows[name] = row
                form.addRow(label(name), row)
            else:
                form.addRow(label(name), editor)
            if spec is not None and spec.hint:
                hint = QLabel(spec.hint)
                hint.setWordWrap(True)
                hint.setObjectName(f"{name}_hint")
                hint.setStyleSheet("color: #5f6368;")
                form.addRow("", hint)
        return page

    def _editor(self, name: str, value: object) -> QWidget:
        editor: QWidget
        if isinstance(value, int):
            spec = NUMBER_FIELDS.get(name, NumberField(""))
            spin = QSpinBox()
            # The box only keeps the number plausible; the rule (and its message) is the domain's.
            spin.setRange(spec.low, spec.high)
            spin.setSuffix(spec.suffix)
            spin.setValue(value)
            editor = spin
        elif name in MULTILINE:
            text = QPlainTextEdit(str(value))
            text.setFixedHeight(60)
            editor = text
        else:
            editor = QLineEdit(str(value))
        editor.setObjectName(name)
        return editor

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
