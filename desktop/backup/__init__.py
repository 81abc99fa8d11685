"""Backups (sao lưu) and restore (khôi phục) of the ward's data.

* :mod:`archive` writes ``ThiDua-<phường>-YYYYMMDD-HHMMSS.tdbak`` (zip: database snapshot,
  attachments, manifest with SHA-256 of every member), optionally encrypted (:mod:`crypto`);
* :mod:`verify` checks a backup completely and refuses unsafe or damaged files;
* :mod:`restore` swaps a verified backup in, after a safety backup; :mod:`auto` keeps local backups;
* :mod:`health` is the start-up check;
* :mod:`ops` is how the window and the command line note and announce backups through the door
  (:mod:`desktop.changes`); a restore announces ``EVERYTHING`` itself.
"""

from desktop.backup.archive import BackupResult, create_backup
from desktop.backup.auto import AUTO_TAG, BackupFile, auto_backup, list_backups, newest_good_backup
from desktop.backup.errors import (
    BackupError,
    DamagedBackup,
    NewerBackup,
    PassphraseRequired,
    TargetError,
    UnsafeBackup,
    WrongPassphrase,
)
from desktop.backup.restore import SAFETY_TAG, RestoreResult, restore_backup, trial_restore
from desktop.backup.verify import VerifiedBackup, read_manifest, verify_backup

__all__ = [
    "AUTO_TAG",
    "SAFETY_TAG",
    "BackupError",
    "BackupFile",
    "BackupResult",
    "DamagedBackup",
    "NewerBackup",
    "PassphraseRequired",
    "RestoreResult",
    "TargetError",
    "UnsafeBackup",
    "VerifiedBackup",
    "WrongPassphrase",
    "auto_backup",
    "create_backup",
    "list_backups",
    "newest_good_backup",
    "read_manifest",
    "restore_backup",
    "trial_restore",
    "verify_backup",
]
