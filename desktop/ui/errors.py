"""The one way out for errors in the window.

A :class:`~desktop.errors.Refusal` (including a busy, read-only or full disk, which
:func:`~desktop.errors.refusal_of` recognises) is shown to the clerk in a dialog as it is worded;
anything else is a bug: it is logged with its traceback and the clerk reads a short apology with
where the log file is. :func:`install_excepthook` routes every exception that escapes a slot here,
so that nothing ends only in the terminal.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.changes import Door, Operation
from desktop.errors import Refusal, refusal_of
from desktop.logs import log_file
from desktop.ui.texts import common as t

log = logging.getLogger("thidua.ui")


def show_error(parent: QWidget | None, error: BaseException, title: str = "") -> None:
    """Tell the clerk about ``error``: its message if it is a refusal, an apology if it is a bug."""
    refusal = refusal_of(error)
    if refusal is not None:
        log.info("refused: %s", refusal.message)
        QMessageBox.warning(parent, title or t.REFUSED_TITLE, refusal.text())
        return
    log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    QMessageBox.critical(parent, t.BUG_TITLE, t.BUG_TEXT.format(log=log_file() or "—"))


def refusal_text(error: BaseException) -> str | None:
    """The clerk's message for a refusal (for a status line), None for a bug."""
    refusal = refusal_of(error)
    return refusal.text() if refusal is not None else None


def _hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    error.__traceback__ = tb
    app = QApplication.instance()
    parent = QApplication.activeWindow() if isinstance(app, QApplication) else None
    if isinstance(error, Refusal) or refusal_of(error) is not None:
        show_error(parent, error)
        return
    log.critical("uncaught exception", exc_info=(kind, error, tb))
    if isinstance(app, QApplication):
        QMessageBox.critical(parent, t.BUG_TITLE, t.BUG_TEXT.format(log=log_file() or "—"))


def install_excepthook() -> None:
    sys.excepthook = _hook


def ran(parent: QWidget | None, door: Door, operation: Operation[Any], title: str = "") -> bool:
    """Run ``operation`` through the door; on failure tell the clerk (as :func:`show_error` does)
    and say so. What a button does when all it needs to know is whether the change went through."""
    try:
        door.run(operation)
    except Exception as error:  # a refusal is shown as worded, a bug as an apology
        show_error(parent, error, title)
        return False
    return True
