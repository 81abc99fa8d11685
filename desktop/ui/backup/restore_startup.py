"""The start-up check: a damaged data file is told, and the newest good backup is offered.

Called by ``desktop.ui.app.open_window`` before the first page opens the database, and again when
opening it failed because the file is damaged. Nothing is written to the damaged file: restoring
keeps a (raw, if need be) copy of it among the backups first. The restore announces
``EVERYTHING`` to the door itself, so a page opened before the question reads the restored file.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.backup import BackupFile, newest_good_backup, restore_backup
from desktop.backup.health import startup_problems
from desktop.context import AppContext
from desktop.errors import more_lines, refusal_of
from desktop.text import wording
from desktop.ui.errors import show_error
from desktop.ui.texts import backup as t

log = logging.getLogger("thidua.ui")
RESTORE, CONTINUE, QUIT = "restore", "continue", "quit"
STARTUP_PROBLEMS_SHOWN = 5


def ask(parent: QWidget | None, text: str, choices: list[str]) -> str:
    """Ask the clerk; returns one of ``choices`` (tests replace this function)."""
    box = QMessageBox(parent)
    box.setWindowTitle(t.STARTUP_TITLE)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setText(text)
    labels = {RESTORE: t.STARTUP_RESTORE, CONTINUE: t.STARTUP_CONTINUE, QUIT: t.STARTUP_QUIT}
    buttons = {box.addButton(labels[c], QMessageBox.ButtonRole.ActionRole): c for c in choices}
    box.setDefaultButton(next(iter(buttons)))
    box.exec()
    return buttons.get(box.clickedButton(), QUIT)  # type: ignore[call-overload]


def inform(parent: QWidget | None, text: str, error: bool = False) -> None:
    if error:
        QMessageBox.critical(parent, t.RESTORE_FAILED, text)
    else:
        QMessageBox.information(parent, t.RESTORE_TITLE, text)


def offer_restore(
    ctx: AppContext, parent: QWidget | None, problems: str, allow_continue: bool
) -> bool:
    """Tell the problems and offer the newest good backup; True when the app may go on."""
    backup: BackupFile | None = newest_good_backup(ctx.folder)
    text = t.STARTUP_TEXT.format(problems=problems)
    choices = []
    if backup is not None:
        text += t.STARTUP_OFFER.format(
            when=wording.date_time(backup.created), name=backup.path.name
        )
        choices.append(RESTORE)
    else:
        text += t.STARTUP_NO_BACKUP
    if allow_continue:
        choices.append(CONTINUE)
    choices.append(QUIT)
    choice = ask(parent, text, choices)
    if choice == CONTINUE:
        return True
    if choice != RESTORE or backup is None:
        return False
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        # The app's own newest good backup, against a file found damaged: its log is no yardstick.
        result = restore_backup(ctx, backup.path, accept_shorter_audit=True)
    except Exception as error:
        QApplication.restoreOverrideCursor()
        refusal = refusal_of(error)
        if refusal is None:  # a bug: the apology with where the log is
            show_error(parent, error)
        else:
            log.error("start-up restore failed: %s", refusal.message)
            inform(parent, refusal.text(), error=True)
        return False
    QApplication.restoreOverrideCursor()
    inform(
        parent,
        t.RESTORE_DONE.format(
            when=wording.date_time(result.manifest.created), safety=result.safety_backup
        ),
    )
    return True


def startup_check(ctx: AppContext, parent: QWidget | None) -> bool:
    """Quick integrity and foreign-key check of an existing file; True when the app may go on."""
    problems = startup_problems(ctx.folder.database)
    if not problems:
        return True
    log.error("start-up check found problems: %s", problems[:10])
    shown = "\n".join(f"• {p}" for p in more_lines(problems, STARTUP_PROBLEMS_SHOWN))
    return offer_restore(ctx, parent, shown, allow_continue=True)
