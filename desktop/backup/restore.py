"""Restore (khôi phục): verify completely, keep a safety backup, then swap the data in by journal.

Nothing live is touched until the backup has passed every check (and an older schema has been
upgraded in the scratch folder), and the restore has been written into the restored database's
audit log (:mod:`desktop.backup.trail`). A backup whose audit log was cut short is refused unless
the clerk confirms. The current data is then backed up beside the automatic backups, the app's
engine is closed, and the database, ``attachments/``, ``documents/`` and ``window.ini`` are swapped
with ``os.replace`` on the same disk, step by step under the restore journal
(:mod:`desktop.backup.journal`), so that a kill at any moment is finished or undone at the next
start. The database is reopened and the door announces ``EVERYTHING`` (every page reloads, every
undo history is emptied, dialogs on old records close). A "test restore" (khôi phục thử) does
everything up to the swap in the data folder's temporary area and removes it.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.backup import journal
from desktop.backup.archive import SAFETY_TAG, create_backup
from desktop.backup.errors import BackupError
from desktop.backup.manifest import DOCUMENTS, WINDOW_SETTINGS, Manifest
from desktop.backup.progress import ProgressSink, SilentProgress
from desktop.backup.trail import (
    CONFIRM_HINT,
    ShorterAuditLog,
    audit_rows,
    note_restore,
    shorter_audit_log,
)
from desktop.backup.verify import VerifiedBackup, verify_backup
from desktop.changes import EVERYTHING
from desktop.context import AppContext
from desktop.paths import DATABASE_NAME, DataFolder

if TYPE_CHECKING:
    from desktop.backup.status import UsbBackupNote

log = logging.getLogger("thidua.backup")
__all__ = ["SAFETY_TAG", "RestoreResult", "restore_backup", "trial_restore"]


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    manifest: Manifest
    encrypted: bool
    upgraded_from: str | None  # schema revision of an older backup, upgraded on restore
    safety_backup: Path | None  # the data as it was just before the restore
    test_only: bool
    names_cleaned: int = 0  # attachment names from the backup that were not safe, renamed
    newest_ids: dict[str, int] = field(default_factory=dict)  # of the backup's tables, as read
    # The backup's audit rows (hashed), for :func:`shorter_audit_log` (a trial restore's only).
    audit_rows: frozenset[int] = frozenset()


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
    work_dir: Path,
    passphrase: str | None = None,
    progress: ProgressSink | None = None,
) -> RestoreResult:
    """Khôi phục thử: everything a restore checks, in ``work_dir``; live data untouched.

    ``work_dir`` is the data folder's temporary area (:attr:`DataFolder.scratch`): the decrypted
    archive and the extracted members never leave the data folder, and a kill leaves them where
    the next start sweeps them.
    """
    import tempfile

    work_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".restore-test-", dir=work_dir) as scratch:
        members = Path(scratch) / "members"
        members.mkdir()
        verified = verify_backup(
            path,
            passphrase=passphrase,
            extract_to=members,
            work_dir=Path(scratch),
            progress=progress,
        )
        upgraded = _upgrade_or_refuse(verified)
        assert verified.database is not None
        held = audit_rows(verified.database)
    return RestoreResult(
        Path(path),
        verified.manifest,
        verified.encrypted,
        upgraded,
        None,
        True,
        newest_ids=verified.newest_ids,
        audit_rows=held,
    )


def _upgrade_or_refuse(verified: VerifiedBackup) -> str | None:
    from desktop.storage.errors import StorageError

    assert verified.database is not None
    try:
        return _upgrade(verified.database)
    except StorageError as error:
        raise BackupError(
            f"Không nâng cấp được dữ liệu của bản sao lưu “{verified.path.name}”: {error}"
        ) from error


def _refuse_shorter_log(ctx: AppContext, path: Path, verified: VerifiedBackup) -> None:
    from sqlalchemy.exc import DatabaseError

    from desktop.errors import Refusal

    try:
        assert verified.database is not None
        held = audit_rows(verified.database)  # before the restore's own row is written into it
        warning = ctx.door.read(
            shorter_audit_log(path, verified.manifest, verified.newest_ids, held)
        )
    except (Refusal, DatabaseError) as error:  # a damaged current file has no log to compare
        log.warning("current audit log not readable before restore: %s", error)
        return
    if warning is not None:
        raise ShorterAuditLog(f"{warning} {CONFIRM_HINT}")


def _usb_backup_note(ctx: AppContext) -> UsbBackupNote | None:
    """The current data's last USB backup, or None when the current file cannot be read."""
    from sqlalchemy.exc import DatabaseError

    from desktop.backup.status import usb_backup_note
    from desktop.errors import Refusal

    try:
        return ctx.door.read(usb_backup_note)
    except (Refusal, DatabaseError, sqlite3.DatabaseError) as error:  # damaged: nothing to carry
        log.warning("current USB backup note not readable before restore: %s", error)
        return None


def _plan(scratch: Path, source: Path, verified: VerifiedBackup) -> journal.Journal:
    """The items to swap: the database first (the point of no return), then the folders.

    Items a backup does not hold (documents in a format-1 backup, a window.ini never saved) are
    left as they are: a reprint still finds its PDF, the window keeps its sizes.
    """
    assert verified.folder is not None
    holds = verified.manifest.holds

    def inside(path: Path | None) -> str:
        assert path is not None
        return path.relative_to(scratch).as_posix()

    items = [
        journal.SwapItem(DATABASE_NAME, inside(verified.database), link=True),
        journal.SwapItem("attachments", inside(verified.attachments)),
    ]
    if DOCUMENTS in holds:
        items.append(journal.SwapItem("documents", inside(verified.documents)))
    if WINDOW_SETTINGS in holds:
        items.append(journal.SwapItem("window.ini", inside(verified.window_settings)))
    return journal.Journal(scratch.name, str(source), verified.manifest.created_at, items)


def restore_backup(
    ctx: AppContext,
    path: Path,
    *,
    passphrase: str | None = None,
    progress: ProgressSink | None = None,
    accept_shorter_audit: bool = False,
) -> RestoreResult:
    """Replace the ward's data with a backup's. Raises BackupError with live data unchanged.

    :class:`ShorterAuditLog` when the backup's audit log was cut short, unless
    ``accept_shorter_audit`` (the clerk was asked). May run on a worker thread: the door's
    listeners carry the announcement to the GUI thread.
    """
    progress = progress or SilentProgress()
    folder = ctx.folder
    scratch = folder.root / f".restore-{datetime.now():%Y%m%d-%H%M%S-%f}"
    scratch.mkdir()
    folder.scratch.mkdir(exist_ok=True)
    path = Path(path)
    try:
        members = scratch / "members"
        members.mkdir()
        verified = verify_backup(
            path,
            passphrase=passphrase,
            extract_to=members,
            work_dir=folder.scratch,
            progress=progress,
        )
        upgraded = _upgrade_or_refuse(verified)
        if ctx.database_exists and not accept_shorter_audit:
            _refuse_shorter_log(ctx, path, verified)
        assert verified.database is not None and verified.attachments is not None
        assert verified.documents is not None
        verified.attachments.mkdir(exist_ok=True)
        if DOCUMENTS in verified.manifest.holds:
            verified.documents.mkdir(exist_ok=True)
        usb_backup = _usb_backup_note(ctx) if ctx.database_exists else None
        cleaned = note_restore(verified.database, path, verified.manifest, usb_backup)
        _settle(verified.database)
        safety: Path | None = None
        if ctx.database_exists:
            progress.report(0, 0, "Đang sao lưu an toàn dữ liệu hiện tại…")
            safety = _safety_backup(folder, progress)
        progress.check()  # the last moment Hủy is honoured: from here the swap runs to its end
        ctx.close()
        _swap(folder, _plan(scratch, path, verified))
    finally:
        _clean_scratch(folder, scratch)
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
        path, verified.manifest, verified.encrypted, upgraded, safety, False, cleaned
    )


def _clean_scratch(folder: DataFolder, scratch: Path) -> None:
    """Remove the scratch folder, unless an unsettled journal still needs it.

    That happens only if putting the old items back after a failed swap failed too; they are then
    left where they are (and named in the log), and the next start settles them.
    """
    try:
        pending = journal.read_journal(folder.root)
    except journal.JournalUnreadable:
        log.error("restore journal unreadable; %s kept", scratch)
        return
    if pending is not None and pending.scratch == scratch.name:
        log.error("items of a failed restore left in %s for the next start", scratch)
        return
    shutil.rmtree(scratch, ignore_errors=True)


def _swap(folder: DataFolder, plan: journal.Journal) -> None:
    """Swap under the journal; a failure puts every old item back before it is reported.

    A failure once the new database is in place (a flush of the folder refused, say) finishes the
    swap instead, if it can: the restore then did all it was asked, and says so. The journal's
    removal is the last step and may fail harmlessly: the next start finds nothing left to do.
    """
    root = folder.root
    database = folder.database
    if database.exists():
        _settle(database)  # no old WAL may ever be replayed onto the new file
    try:
        journal.swap(root, plan)
    except OSError as error:
        if not _finished_anyway(root, plan, error):
            _undo(root, plan, error)
    try:
        journal.remove_journal(root)
    except OSError as error:
        log.warning("restore journal not removed (%s); the next start removes it", error)


def _finished_anyway(root: Path, plan: journal.Journal, error: OSError) -> bool:
    if not (journal.committed(root, plan) and journal.can_finish(root, plan)):
        return False
    try:
        journal.roll_forward(root, plan)
    except OSError as second:
        log.error("restore could not be finished after %s: %s; undoing it", error, second)
        return False
    log.warning("restore finished despite %s after its database was in place", error)
    return True


def _undo(root: Path, plan: journal.Journal, error: OSError) -> None:
    """Put every old item back and refuse; if even that fails, the next start settles it."""
    try:
        journal.roll_back(root, plan)
    except OSError as second:
        log.error("restore could not be undone now (%s); the next start will settle it", second)
        raise BackupError(
            f"Không thay được tệp dữ liệu: {error.strerror or error}. Các tệp cũ được giữ "
            "nguyên trong thư mục tạm của lần khôi phục; hãy đóng các chương trình khác đang "
            "mở thư mục dữ liệu rồi mở lại ThiĐua để trả lại dữ liệu như trước."
        ) from error
    journal.remove_journal(root)
    raise BackupError(
        f"Không thay được tệp dữ liệu: {error.strerror or error}. Dữ liệu hiện tại không thay "
        "đổi; hãy đóng các chương trình khác đang mở thư mục dữ liệu rồi thử lại."
    ) from error
