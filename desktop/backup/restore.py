"""Restore (khôi phục): verify completely, keep a safety backup, then swap the data in atomically.

Nothing live is touched until the backup has passed every check (and an older schema has been
upgraded in the scratch folder). The current data is then backed up beside the automatic backups,
the app's engine is closed, and the files are swapped with ``os.replace`` on the same disk; the
database is reopened and the door announces ``EVERYTHING`` (every page reloads, every undo history
is emptied, dialogs on old records close). A "test restore" (khôi phục thử) does everything up to
the swap in a scratch folder and removes it.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.backup.archive import create_backup
from desktop.backup.errors import BackupError
from desktop.backup.manifest import Manifest
from desktop.backup.progress import ProgressSink, SilentProgress
from desktop.backup.verify import VerifiedBackup, verify_backup
from desktop.changes import EVERYTHING
from desktop.context import AppContext
from desktop.paths import DataFolder

log = logging.getLogger("thidua.backup")
SAFETY_TAG = "truoc-khoi-phuc"


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    manifest: Manifest
    encrypted: bool
    upgraded_from: str | None  # schema revision of an older backup, upgraded on restore
    safety_backup: Path | None  # the data as it was just before the restore
    test_only: bool


def _upgrade(database: Path) -> str | None:
    """Bring an older backup up to this app's schema in place; returns the old revision."""
    from desktop.storage import Database
    from desktop.storage.database import inspect_file
    from desktop.storage.schema import HEAD_REVISION

    revision = inspect_file(database)
    if revision == HEAD_REVISION:
        return None
    Database.open(database).close()
    return revision


def _settle(database: Path) -> None:
    """Fold the ``-wal`` into the main file and leave rollback-journal mode: one self-contained file.

    Done to the live file before it is replaced, so that no old WAL can ever be replayed onto the
    restored file, and to the restored file so that it arrives without companions.
    """
    try:
        with closing(sqlite3.connect(database, timeout=5)) as conn:
            conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    except sqlite3.OperationalError as error:
        if "malformed" in str(error) or "not a database" in str(error):
            return _drop_companions(database)  # damaged: its raw copy is the safety backup
        raise BackupError(
            "Tệp dữ liệu đang được một chương trình khác mở (hoặc một cửa sổ ThiĐua khác). Hãy đóng "
            f"chương trình đó rồi khôi phục lại; dữ liệu hiện tại không thay đổi. ({error})"
        ) from error
    except sqlite3.DatabaseError:
        pass  # damaged beyond SQLite's reach: its raw copy is the safety backup
    _drop_companions(database)


def _drop_companions(database: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)


def _safety_backup(folder: DataFolder, progress: ProgressSink) -> Path:
    """The current data as a verified backup; a file too damaged to snapshot is copied raw."""
    try:
        return create_backup(folder, folder.backups, tag=SAFETY_TAG, progress=progress).path
    except sqlite3.DatabaseError as error:
        log.warning("current data cannot be snapshotted (%s); keeping a raw copy", error)
    folder.backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder.backups / f"thidua-hong-{SAFETY_TAG}-{stamp}.sqlite3"
    for suffix in ("", "-wal"):
        source = Path(f"{folder.database}{suffix}")
        if source.exists():
            shutil.copy2(source, Path(f"{target}{suffix}"))
    return target


def trial_restore(
    path: Path,
    *,
    passphrase: str | None = None,
    work_dir: Path | None = None,
    progress: ProgressSink | None = None,
) -> RestoreResult:
    """Khôi phục thử: everything a restore checks, in a scratch folder; live data untouched."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix=".restore-test-", dir=work_dir) as scratch:
        members = Path(scratch) / "members"
        members.mkdir()
        verified = verify_backup(path, passphrase=passphrase, extract_to=members, progress=progress)
        upgraded = _upgrade_or_refuse(verified)
    return RestoreResult(Path(path), verified.manifest, verified.encrypted, upgraded, None, True)


def _upgrade_or_refuse(verified: VerifiedBackup) -> str | None:
    from desktop.storage.errors import StorageError

    assert verified.database is not None
    try:
        return _upgrade(verified.database)
    except StorageError as error:
        raise BackupError(
            f"Không nâng cấp được dữ liệu của bản sao lưu “{verified.path.name}”: {error}"
        ) from error


def restore_backup(
    ctx: AppContext,
    path: Path,
    *,
    passphrase: str | None = None,
    progress: ProgressSink | None = None,
) -> RestoreResult:
    """Replace the ward's data with a backup's. Raises BackupError with live data unchanged.

    May run on a worker thread: the door's listeners carry the announcement to the GUI thread.
    """
    progress = progress or SilentProgress()
    folder = ctx.folder
    scratch = folder.root / f".restore-{datetime.now():%Y%m%d-%H%M%S-%f}"
    scratch.mkdir()
    try:
        members = scratch / "members"
        members.mkdir()
        verified = verify_backup(path, passphrase=passphrase, extract_to=members, progress=progress)
        upgraded = _upgrade_or_refuse(verified)
        assert verified.database is not None and verified.attachments is not None
        _settle(verified.database)
        safety: Path | None = None
        if ctx.database_exists:
            progress.report(0, 0, "Đang sao lưu an toàn dữ liệu hiện tại…")
            safety = _safety_backup(folder, progress)
        progress.check()  # the last moment Hủy is honoured: from here the swap runs to its end
        ctx.close()
        _swap(folder.database, folder.attachments, verified, scratch)
    finally:
        _clean_scratch(scratch, folder.attachments)
    try:
        problems = ctx.db.integrity_problems()  # also reopens the database, on this thread
    finally:
        # The new file is in place: nothing a page shows, no undo step and no open dialog fits
        # it any more. Told after the reopening, so the pages read the restored file.
        ctx.door.announce(EVERYTHING)
    if problems:  # cannot happen after the checks above unless the disk fails under us
        log.error("restored data has problems: %s", problems)
        raise BackupError("Dữ liệu sau khi khôi phục có lỗi: " + "; ".join(problems[:3]))
    log.info("restored %s (safety backup %s)", path, safety)
    return RestoreResult(
        Path(path),
        verified.manifest,
        verified.encrypted,
        upgraded,
        safety,
        False,
    )


def _clean_scratch(scratch: Path, attachments: Path) -> None:
    """Remove the scratch folder, unless it holds the only copy of the attachments.

    That happens only if putting them back after a failed swap failed too; they are then left
    where they are (and named in the log) rather than deleted.
    """
    aside = scratch / "previous-attachments"
    if aside.exists() and not attachments.exists():
        log.error("attachments left in %s after a failed restore", aside)
        return
    shutil.rmtree(scratch, ignore_errors=True)


def _swap(database: Path, attachments: Path, verified: VerifiedBackup, scratch: Path) -> None:
    assert verified.database is not None and verified.attachments is not None
    restored_attachments = verified.attachments
    restored_attachments.mkdir(exist_ok=True)
    if database.exists():
        _settle(database)
    aside = scratch / "previous-attachments"
    moved_aside = False
    if attachments.exists():
        os.replace(attachments, aside)
        moved_aside = True
    try:
        os.replace(restored_attachments, attachments)
        try:
            os.replace(verified.database, database)  # the atomic step: old or new, never half
        except OSError:
            os.replace(attachments, restored_attachments)
            raise
    except OSError as error:
        if moved_aside:
            os.replace(aside, attachments)
        raise BackupError(
            f"Không thay được tệp dữ liệu: {error.strerror or error}. Dữ liệu hiện tại không thay "
            "đổi; hãy đóng các chương trình khác đang mở thư mục dữ liệu rồi thử lại."
        ) from error
