"""Ctrl+Z / Ctrl+Y over the door's undo history of one scope (the dossiers' one here).

The actions read :attr:`desktop.changes.Door.history`: enabled when there is a step to take back,
with the step's label in the tooltip. Whoever owns them calls :meth:`UndoActions.refresh` from its
``on_change``, so the state follows every change, including a restore (which empties the history).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton, QWidget

from desktop.context import AppContext
from desktop.ui.errors import show_error
from desktop.ui.texts import dossiers as t


class UndoActions(QObject):
    """Two actions on ``owner`` (shortcuts live where ``context`` says) for ``scope``."""

    def __init__(
        self,
        ctx: AppContext,
        scope: str,
        owner: QWidget,
        context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
    ) -> None:
        super().__init__(owner)
        self.ctx, self.scope, self.owner = ctx, scope, owner
        self.undo = QAction(t.UNDO, owner)
        self.undo.setObjectName("undo")
        self.undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo = QAction(t.REDO, owner)
        self.redo.setObjectName("redo")
        self.redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        for action in (self.undo, self.redo):
            action.setShortcutContext(context)
            owner.addAction(action)
        self.undo.triggered.connect(lambda: self._replay(redo=False))
        self.redo.triggered.connect(lambda: self._replay(redo=True))
        self.refresh()

    def buttons(self) -> list[QToolButton]:
        """Buttons showing the two actions, for a row of buttons."""
        found = []
        for action in (self.undo, self.redo):
            button = QToolButton()
            button.setObjectName(f"{action.objectName()}_button")
            button.setDefaultAction(action)
            found.append(button)
        return found

    def refresh(self) -> None:
        history = self.ctx.door.history
        undo, redo = history.undo_label(self.scope), history.redo_label(self.scope)
        self.undo.setEnabled(undo is not None)
        self.undo.setToolTip(t.UNDO_TIP.format(label=undo) if undo else t.NOTHING_TO_UNDO)
        self.redo.setEnabled(redo is not None)
        self.redo.setToolTip(t.REDO_TIP.format(label=redo) if redo else t.NOTHING_TO_REDO)

    def _replay(self, redo: bool) -> None:
        try:
            if redo:
                self.ctx.door.redo(self.scope)
            else:
                self.ctx.door.undo(self.scope)
        except Exception as error:  # a refusal is shown as worded, a bug as an apology
            show_error(self.owner, error, t.UNDO_FAILED_TITLE)
        self.refresh()
