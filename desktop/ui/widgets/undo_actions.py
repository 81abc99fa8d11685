"""Ctrl+Z / Ctrl+Y over the door's undo history of one scope, the same on every page.

The register ("register"), the quarter grid ("values") and the dossiers ("dossiers") each keep their
steps in :attr:`desktop.changes.Door.history`; :class:`UndoActions` is the one pair of actions over
it. They are enabled when there is a step to take back (or do again) and name it in their tooltip;
whoever owns them calls :meth:`UndoActions.refresh` from its ``on_change``, so the state follows
every change, a restore included (which empties the history). Triggering one replays the step
through the door; the owner may word the success in its status line (``on_done``). A step the data
no longer allows (it left the history) is explained in a dialog naming the step and the rule; a
bug gets the apology of :func:`desktop.ui.errors.show_error`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QToolButton, QWidget

from desktop.context import AppContext
from desktop.ui.errors import refusal_text, show_error
from desktop.ui.texts import common as t

# Told of a step taken back (redo False) or done again (redo True), with the step's label.
OnDone = Callable[[str, bool], None]


def done_text(label: str, redo: bool) -> str:
    """What a status line says after Ctrl+Z / Ctrl+Y: "Đã hoàn tác: …" / "Đã làm lại: …"."""
    return (t.REDONE if redo else t.UNDONE).format(label=label)


class UndoActions(QObject):
    """Two actions on ``owner`` for ``scope``; their shortcuts work where ``context`` says.

    ``key_in_tip`` adds the shortcut to the tooltip, for the small buttons of a window where no
    menu or toolbar shows the keys.
    """

    def __init__(
        self,
        ctx: AppContext,
        scope: str,
        owner: QWidget,
        context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
        *,
        on_done: OnDone | None = None,
        key_in_tip: bool = False,
    ) -> None:
        super().__init__(owner)
        self.ctx, self.scope, self.owner = ctx, scope, owner
        self.on_done = on_done
        self.key_in_tip = key_in_tip
        self.undo = QAction(t.UNDO, owner)
        self.undo.setObjectName("undo")
        self.undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo = QAction(t.REDO, owner)
        self.redo.setObjectName("redo")
        self.redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        for action in (self.undo, self.redo):
            action.setShortcutContext(context)
            owner.addAction(action)
        self.undo.triggered.connect(lambda: self.replay(redo=False))
        self.redo.triggered.connect(lambda: self.replay(redo=True))
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
        """Enable the actions and name their steps from the door's history of the scope."""
        history = self.ctx.door.history
        for action, label, tip, name in (
            (self.undo, history.undo_label(self.scope), t.UNDO_TIP, t.UNDO),
            (self.redo, history.redo_label(self.scope), t.REDO_TIP, t.REDO),
        ):
            action.setEnabled(label is not None)
            if label is None:
                action.setToolTip(name.replace("&", ""))
            elif self.key_in_tip:
                key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                action.setToolTip(t.TIP_WITH_KEY.format(tip=tip.format(label=label), key=key))
            else:
                action.setToolTip(tip.format(label=label))

    def replay(self, redo: bool) -> str | None:
        """Take back (or do again) the newest step; its label, None if nothing was replayed."""
        history = self.ctx.door.history
        label = history.redo_label(self.scope) if redo else history.undo_label(self.scope)
        if label is None:
            return None
        try:
            if redo:
                self.ctx.door.redo(self.scope)
            else:
                self.ctx.door.undo(self.scope)
        except Exception as error:
            self._refused(error, label, redo)
            self.refresh()
            return None
        self.refresh()
        if self.on_done is not None:
            self.on_done(label, redo)
        return label

    def _refused(self, error: Exception, label: str, redo: bool) -> None:
        problem = refusal_text(error)
        if problem is None:  # a bug: the apology and the log
            show_error(self.owner, error)
            return
        # The data no longer allows the step (a unit added, then given persons); it left the history.
        title = t.REDO_FAILED_TITLE if redo else t.UNDO_FAILED_TITLE
        QMessageBox.warning(self.owner, title, t.UNDO_FAILED.format(action=label, problem=problem))
