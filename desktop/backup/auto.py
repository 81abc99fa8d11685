"""Automatic local backups (sao lưu tự động) in the data folder, and the list of backups there.

One is written when the app closes if the data changed since the last one; at most one is kept per
day (a later one the same day replaces the earlier), and only the newest ``local_backups_kept`` days
are kept. Safety backups taken before a restore are never thinned automatically.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.backup.archive import AUTO_TAG, SUFFIX, BackupResult, create_backup
from desktop.backup.crypto import is_encrypted
from desktop.backup.progress import ProgressSink
from desktop.backup.snapshot import read_facts, table_counts
from desktop.backup.verify import read_manifest, verify_backup
from desktop.paths import DataFolder

log = logging.getLogger("thidua.backup")
_STAMP = re.compile(r"-(\d{8}-\d{6})(?:-([a-z-]+))?\.tdbak$")


@dataclass(frozen=True)
class BackupFile:
    """A backup file in a folder, as the Sao lưu page lists it."""

    path: Path
    created: datetime
    size: int
    tag: str  # "" for a backup the clerk made, AUTO_TAG, SAFETY_TAG

    @property
    def encrypted(self) -> bool:
        return is_encrypted(self.path)


def list_backups(folder: Path) -> list[BackupFile]:
    """ThiĐua backups in ``folder``, newest first; ``.part`` files of unfinished writes are left out."""
    found: list[BackupFile] = []
    if not folder.is_dir():
        return found
    for path in folder.glob(f"*{SUFFIX}"):
        match = _STAMP.search(path.name)
        if path.name.startswith(".") or match is None or not path.is_file():
            continue
        try:
            created = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
        except ValueError:
            continue
        found.append(BackupFile(path, created, path.stat().st_size, match.group(2) or ""))
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def data_changed_since(folder: DataFolder, backup: BackupFile | None) -> bool:
    if backup is None:
        return True
    manifest = read_manifest(backup.path)
    if manifest is None:
        return True
    _, _, last_audit = read_facts(folder.database)
    return manifest.last_audit_id != last_audit or manifest.counts != table_counts(folder.database)


def auto_backup(
    folder: DataFolder, kept: int, progress: ProgressSink | None = None
) -> BackupResult | None:
    """Write an automatic backup if the data changed since the newest one; then thin."""
    if not folder.database.exists():
        return None
    newest = next((b for b in list_backups(folder.backups) if b.tag == AUTO_TAG), None)
    if not data_changed_since(folder, newest):
        return None
    folder.backups.mkdir(parents=True, exist_ok=True)
    result = create_backup(folder, folder.backups, tag=AUTO_TAG, progress=progress)
    thin_auto_backups(folder.backups, kept)
    return result


def thin_auto_backups(folder: Path, kept: int) -> list[Path]:
    """Keep the newest automatic backup of each day, and of those the newest ``kept``."""
    autos = [b for b in list_backups(folder) if b.tag == AUTO_TAG]
    days_kept: set[object] = set()
    removed = []
    for backup in autos:  # newest first
        day = backup.created.date()
        if day in days_kept or len(days_kept) >= max(kept, 1):
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
            continue
        days_kept.add(day)
    if removed:
        log.info("thinned %d automatic backups", len(removed))
    return removed


def newest_good_backup(folder: DataFolder) -> BackupFile | None:
    """The newest unencrypted backup in the data folder that passes every check (for start-up)."""
    for backup in list_backups(folder.backups):
        if backup.encrypted:
            continue
        try:
            folder.scratch.mkdir(exist_ok=True)
            verify_backup(backup.path, work_dir=folder.scratch)
        except Exception as error:  # any failure: try the next older one
            log.warning("backup %s not usable: %s", backup.path.name, error)
            continue
        return backup
    return None
