"""Undo and redo of register changes (Ctrl+Z / Ctrl+Y) as QUndoCommands over the domain.

A command is pushed after its change has been made and saved (so a refused change never enters
the stack); undo and redo then call the domain again, each in its own transaction. If the register
no longer allows the step (a unit added, then given persons, cannot be "un-added"), the clerk is
told why and the command leaves the stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from sqlmodel import Session

from desktop.context import AppContext
from desktop.register.rules import RegisterError

Step = Callable[[Session], object]


class RegisterCommand(QUndoCommand):
    def __init__(
        self,
        ctx: AppContext,
        text: str,
        forward: Step,
        backward: Step,
        after: Callable[[], None],
        report: Callable[[str, str], None],
    ) -> None:
        super().__init__(text)
        self._ctx = ctx
        self._forward = forward
        self._backward = backward
        self._after = after
        self._report = report
        self._already_done = True

    def redo(self) -> None:
        if self._already_done:  # the change was made before the push
            self._already_done = False
            return
        self._run(self._forward)

    def undo(self) -> None:
        self._run(self._backward)

    def _run(self, step: Step) -> None:
        try:
            with self._ctx.db.session() as session:
                step(session)
        except RegisterError as error:
            self.setObsolete(True)
            self._report(self.text(), "\n".join(error.problems))
        self._after()
