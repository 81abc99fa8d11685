"""The start-up check: a damaged data file is told, and the newest good backup is offered.

Called by ``desktop.ui.app.open_window`` before the first page opens the database, and again when
opening it failed because the file is damaged. Nothing is written to the damaged file: restoring
keeps a (raw, if need be) copy of it among the backups first.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.backup import BackupError, BackupFile, newest_good_backup, restore_backup
from desktop.backup.health import startup_problems
from desktop.context import AppContext
from desktop.ui.texts import backup as t

log = logging.getLogger("thidua.ui")
RESTORE, CONTINUE, QUIT = "restore", "continue", "quit"


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
            when=f"{backup.created:%d/%m/%Y %H:%M}", name=backup.path.name
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
        result = restore_backup(ctx, backup.path)
    except BackupError as error:
        log.error("start-up restore failed: %s", error)
        QApplication.restoreOverrideCursor()
        inform(parent, str(error), error=True)
        return False
    QApplication.restoreOverrideCursor()
    inform(
        parent,
        t.RESTORE_DONE.format(
            when=f"{result.manifest.created:%d/%m/%Y %H:%M}", safety=result.safety_backup
        ),
    )
    return True


def startup_check(ctx: AppContext, parent: QWidget | None) -> bool:
    """Quick integrity and foreign-key check of an existing file; True when the app may go on."""
    problems = startup_problems(ctx.folder.database)
    if not problems:
        return True
    log.error("start-up check found problems: %s", problems[:10])
    shown = "\n".join(f"• {p}" for p in problems[:5])
    if len(problems) > 5:
        shown += f"\n… (+{len(problems) - 5})"
    return offer_restore(ctx, parent, shown, allow_continue=True)
