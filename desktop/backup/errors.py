"""Why a backup could not be written, read or restored; ``str(error)`` is the clerk's message.

Every error is raised before live data is touched (or after it has been put back), so each message
can honestly end with "dữ liệu hiện tại không thay đổi".
"""

from __future__ import annotations

from desktop.errors import Refusal


class BackupError(Refusal):
    """A backup or restore that did not happen; the message says why and what to do next."""


class TargetError(BackupError):
    """The folder or stick to write to is full, read-only, missing or was pulled out."""


class DamagedBackup(BackupError):
    """Truncated, bit-flipped, re-zipped, or a member whose hash does not match the manifest."""


class UnsafeBackup(BackupError):
    """Members that climb out of the folder, absolute paths, links, or a zip bomb."""


class NewerBackup(BackupError):
    """Made by a newer ThiĐua whose schema this app does not know."""


class PassphraseRequired(BackupError):
    """An encrypted backup opened without a passphrase."""


class WrongPassphrase(BackupError):
    """The passphrase does not open this (intact) encrypted backup."""
