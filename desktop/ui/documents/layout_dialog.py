"""Lề trang và cỡ chữ: the page margins and body size of printed documents, within the decree's ranges."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from desktop.context import AppContext
from desktop.documents import ops
from desktop.documents.layout import LEGAL_RANGES, PageLayout, figure
from desktop.errors import Refusal
from desktop.ui.errors import show_error
from desktop.ui.texts import documents as t
from desktop.ui.widgets.buttons import save_cancel


class LayoutDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(t.LAYOUT_TITLE)
        current = ctx.door.read(ops.page_layout)
        form = QFormLayout(self)
        note = QLabel(t.LAYOUT_NOTE)
        note.setWordWrap(True)
        form.addRow(note)
        self.editors: dict[str, QDoubleSpinBox] = {}
        for f in fields(PageLayout):
            low, high, label = LEGAL_RANGES[f.name]
            editor = QDoubleSpinBox()
            editor.setObjectName(f.name)
            editor.setDecimals(1)
            editor.setSingleStep(0.5)
            # Wider than the law on purpose, so a wrong value gets an explanation, not a silent clamp.
            editor.setRange(0, 100)
            editor.setSuffix(" pt" if f.name == "body_size" else " mm")
            editor.setValue(getattr(current, f.name))
            editor.setToolTip(t.LAYOUT_RANGE.format(low=figure(low), high=figure(high)))
            form.addRow(f"{label}:", editor)
            self.editors[f.name] = editor
        form.addRow(save_cancel(self, self.save))

    def layout_value(self) -> PageLayout:
        return PageLayout(**{name: editor.value() for name, editor in self.editors.items()})

    def save(self) -> None:
        try:
            self.ctx.door.run(ops.save_page_layout(self.layout_value()))
        except Refusal as error:  # a value outside the decree's range: the dialog stays open
            show_error(self, error, t.LAYOUT_TITLE)
            return
        self.accept()
