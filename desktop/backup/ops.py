"""The backup capability's ways in for the window and the command line (see :mod:`desktop.changes`).

A backup written to a stick is noted in the data (the status bar's "Sao lưu USB gần nhất") by
:func:`usb_backup_recorded`, an operation run through the door. The files themselves (automatic
backups in the data folder) are not in the database: writing one is announced to the door as
:data:`BACKUPS_CHANGED`, so that the Sao lưu page lists it wherever it was started from (the page,
the hourly timer). A restore announces ``EVERYTHING`` itself (:func:`desktop.backup.restore.restore_backup`).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlmodel import Session

from desktop.backup.archive import BackupResult
from desktop.backup.auto import auto_backup
from desktop.backup.progress import ProgressSink
from desktop.backup.status import LAST_FOLDER_KEY, record_usb_backup
from desktop.changes import Area, Change, Done, Door, Operation
from desktop.paths import DataFolder
from desktop.settings import load_settings, set_value

BACKUPS_CHANGED = Change.areas_of(Area.BACKUPS)


def usb_backup_recorded(folder: Path | None = None, at: datetime | None = None) -> Operation[None]:
    """Note that a backup was just written to a stick (and, if given, remember its folder)."""

    def operation(session: Session) -> Done[None]:
        record_usb_backup(session, at)
        if folder is not None:
            set_value(session, LAST_FOLDER_KEY, str(folder))
        return Done(None, BACKUPS_CHANGED)

    return operation


def local_backups_kept(session: Session) -> int:
    """How many days of automatic backups the data folder keeps (a ward setting)."""
    return load_settings(session).local_backups_kept


def auto_backup_now(
    door: Door, folder: DataFolder, progress: ProgressSink | None = None
) -> BackupResult | None:
    """Write an automatic backup if the data changed since the last one, and say so to the door.

    Safe on a worker thread: the door reads in a session of its own and its listeners (the main
    window's relay) carry the announcement to the GUI thread.
    """
    kept = door.read(local_backups_kept)
    result = auto_backup(folder, kept, progress=progress)
    if result is not None:
        door.announce(BACKUPS_CHANGED)
    return result
