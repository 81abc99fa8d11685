"""Backups (sao lưu) and restore (khôi phục) of the ward's data.

* :mod:`archive` writes ``ThiDua-<phường>-YYYYMMDD-HHMMSS.tdbak`` (zip: database snapshot,
  attachments, issued documents' PDFs, window settings, manifest with SHA-256 of every member),
  optionally encrypted (:mod:`crypto`);
* :mod:`verify` checks a backup completely and refuses unsafe or damaged files;
* :mod:`restore` swaps a verified backup in, after a safety backup, under the journal of
  :mod:`journal`; :mod:`trail` writes it into the audit log; :mod:`auto` keeps local backups;
* :mod:`recovery` settles an unfinished restore and sweeps a crash's debris at every start;
  :mod:`health` is the start-up check; :mod:`stored` checks attachments and PDFs by their hashes;
* :mod:`ops` is how the window and the command line note and announce backups through the door
  (:mod:`desktop.changes`); a restore announces ``EVERYTHING`` itself.

The names below, but the errors, are loaded when first used: every start imports this package (for
the start-up sweep of :mod:`recovery`), and ``check`` or ``info`` must not pay for zip, encryption
and the database layer they do not use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from desktop.backup.errors import (
    BackupError,
    DamagedBackup,
    NewerBackup,
    PassphraseRequired,
    TargetError,
    UnsafeBackup,
    WrongPassphrase,
)

if TYPE_CHECKING:
    from desktop.backup.archive import BackupResult, create_backup
    from desktop.backup.auto import (
        AUTO_TAG,
        BackupFile,
        auto_backup,
        list_backups,
        newest_good_backup,
    )
    from desktop.backup.restore import SAFETY_TAG, RestoreResult, restore_backup, trial_restore
    from desktop.backup.trail import ShorterAuditLog
    from desktop.backup.verify import VerifiedBackup, read_manifest, verify_backup

_LAZY = {
    "BackupResult": "desktop.backup.archive",
    "create_backup": "desktop.backup.archive",
    "AUTO_TAG": "desktop.backup.auto",
    "BackupFile": "desktop.backup.auto",
    "auto_backup": "desktop.backup.auto",
    "list_backups": "desktop.backup.auto",
    "newest_good_backup": "desktop.backup.auto",
    "SAFETY_TAG": "desktop.backup.restore",
    "RestoreResult": "desktop.backup.restore",
    "restore_backup": "desktop.backup.restore",
    "trial_restore": "desktop.backup.restore",
    "ShorterAuditLog": "desktop.backup.trail",
    "VerifiedBackup": "desktop.backup.verify",
    "read_manifest": "desktop.backup.verify",
    "verify_backup": "desktop.backup.verify",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:  # a submodule (``from desktop.backup import crypto``) is imported by Python
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


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
    "ShorterAuditLog",
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
