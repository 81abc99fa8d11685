"""Dialogs whose form can be taller than a small screen (1366×768 at 150 % is 911×512): the form
scrolls inside the dialog, and the dialog opens within the screen's available area, its buttons
always on screen."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QWidget

MARGIN = 40  # pixels kept free around a dialog: its title bar and the task bar


class FormArea(QScrollArea):
    """A form in a frameless area that scrolls vertically when the dialog is lower than the
    form; as long as it fits, it asks for and takes the bare form's size."""

    def __init__(self, layout: QLayout) -> None:
        super().__init__()
        inner = QWidget()
        inner.setLayout(layout)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(inner)

    def sizeHint(self) -> QSize:
        # A scroll area alone asks for little; this one for its whole form.
        inner = self.widget()
        hint = inner.sizeHint() if inner is not None else QSize()
        bar = self.verticalScrollBar().sizeHint().width()
        return hint.grownBy(self.contentsMargins()) + QSize(bar, 0)


def scrolling(layout: QLayout) -> FormArea:
    """``layout`` (a form) in a :class:`FormArea`."""
    return FormArea(layout)


def keep_on_screen(dialog: QWidget) -> None:
    """Shrink ``dialog`` to its screen's available area (less a margin) where it is larger."""
    room = dialog.screen().availableGeometry()
    width = min(dialog.width(), room.width() - MARGIN)
    height = min(dialog.height(), room.height() - MARGIN)
    if (width, height) != (dialog.width(), dialog.height()):
        dialog.resize(width, height)
