"""When the data was last carried away on a USB stick, as the status bar shows it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from desktop.models._base import now
from desktop.settings import get_value, load_settings, set_value

LAST_USB_BACKUP_KEY = "last_usb_backup_at"
LAST_FOLDER_KEY = "last_backup_folder"  # the stick or folder the clerk backed up to last time


def last_usb_backup(session: Session) -> datetime | None:
    text = get_value(session, LAST_USB_BACKUP_KEY)
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def record_usb_backup(session: Session, at: datetime | None = None) -> None:
    set_value(session, LAST_USB_BACKUP_KEY, (at or now()).isoformat(sep=" "))


@dataclass(frozen=True)
class UsbBackupNote:
    """The current data's note of its last USB backup, carried into a restored file: the backup
    restored is older than the stick's copy made since, and the reminder must not say otherwise."""

    at: datetime
    folder: str


def usb_backup_note(session: Session) -> UsbBackupNote | None:
    last = last_usb_backup(session)
    return None if last is None else UsbBackupNote(last, last_backup_folder(session))


def keep_usb_backup_note(session: Session, note: UsbBackupNote | None) -> None:
    """Write ``note`` into a restored file unless that file knows of a USB backup as recent."""
    if note is None:
        return
    restored = last_usb_backup(session)
    if restored is not None and restored >= note.at:
        return
    record_usb_backup(session, note.at)
    if note.folder:
        set_value(session, LAST_FOLDER_KEY, note.folder)


def last_backup_folder(session: Session) -> str:
    """Where the clerk backed up last time ("" if never), offered first in the backup dialog."""
    return get_value(session, LAST_FOLDER_KEY)


def warning_days(session: Session) -> int:
    return load_settings(session).usb_backup_warning_days


@dataclass(frozen=True)
class UsbBackupAge:
    """How old the last USB backup is, and whether the clerk should be warned (red)."""

    last: datetime | None
    days: int | None
    limit: int

    @property
    def late(self) -> bool:
        return self.days is None or self.days >= self.limit


def usb_backup_age(session: Session, today: datetime | None = None) -> UsbBackupAge:
    last = last_usb_backup(session)
    days = None if last is None else max(0, ((today or now()) - last).days)
    return UsbBackupAge(last, days, warning_days(session))
