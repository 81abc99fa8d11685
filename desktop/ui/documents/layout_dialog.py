"""Lề trang và cỡ chữ: the page margins and body size of printed documents, within the decree's ranges."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from desktop.context import AppContext
from desktop.documents.layout import LEGAL_RANGES, PageLayout, load_layout, save_layout
from desktop.ui.texts import documents as t


class LayoutDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(t.LAYOUT_TITLE)
        with ctx.db.session() as session:
            current = load_layout(session)
        form = QFormLayout(self)
        note = QLabel(t.LAYOUT_NOTE)
        note.setWordWrap(True)
        form.addRow(note)
        self.editors: dict[str, QDoubleSpinBox] = {}
        for f in fields(PageLayout):
            low, high, label = LEGAL_RANGES[f.name]
            editor = QDoubleSpinBox(objectName=f.name)
            editor.setDecimals(1)
            editor.setSingleStep(0.5)
            # Wider than the law on purpose, so a wrong value gets an explanation, not a silent clamp.
            editor.setRange(0, 100)
            editor.setSuffix(" pt" if f.name == "body_size" else " mm")
            editor.setValue(getattr(current, f.name))
            editor.setToolTip(t.LAYOUT_RANGE.format(low=f"{low:g}", high=f"{high:g}"))
            form.addRow(f"{label}:", editor)
            self.editors[f.name] = editor
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def layout_value(self) -> PageLayout:
        return PageLayout(**{name: editor.value() for name, editor in self.editors.items()})

    def save(self) -> None:
        try:
            with self.ctx.db.session() as session:
                save_layout(session, self.layout_value())
        except ValueError as error:
            QMessageBox.warning(self, t.LAYOUT_TITLE, str(error))
            return
        self.accept()
