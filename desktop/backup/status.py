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
