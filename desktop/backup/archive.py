"""Writing a backup file: everything the clerk cannot make again, in one zip, optionally encrypted.

It holds the database snapshot, the attachments, the issued documents' PDFs (a reprint must be
identical), the window's settings when there are any, and the manifest. The file is written under a
hidden ``.part`` name, flushed to the disk, renamed, then read back and verified in full before the
caller is told it is done. A stick that is full, read-only or pulled out mid-write leaves no file
that looks like a backup, and other files in the folder are never touched; the hidden ``.part`` of
an earlier backup that was killed is removed the next time the folder is used.

A target inside the data folder is refused (a backup there would be lost with the disk and would
hold the earlier backups inside itself), except the data folder's own ``backups/`` for the app's
automatic and safety backups.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from desktop import __version__
from desktop.backup.crypto import EncryptingWriter
from desktop.backup.errors import BackupError, TargetError
from desktop.backup.hashing import HashingThread
from desktop.backup.journal import fsync_folder
from desktop.backup.manifest import (
    ATTACHMENTS,
    ATTACHMENTS_PREFIX,
    DATABASE,
    DATABASE_MEMBER,
    DOCUMENTS,
    DOCUMENTS_PREFIX,
    MANIFEST_NAME,
    WINDOW_SETTINGS,
    WINDOW_SETTINGS_MEMBER,
    Manifest,
    Member,
    comment_for,
)
from desktop.backup.progress import ProgressSink, SilentProgress
from desktop.backup.recovery import Removed
from desktop.backup.snapshot import read_facts, snapshot_database, table_counts
from desktop.backup.stored import expected_members
from desktop.backup.targets import windows_drive_problem
from desktop.models._base import now
from desktop.paths import DataFolder
from desktop.text import search_key

log = logging.getLogger("thidua.backup")
SUFFIX = ".tdbak"
READ_SIZE = 4 << 20
AUTO_TAG = "tu-dong"
SAFETY_TAG = "truoc-khoi-phuc"
# The only backups written inside the data folder: by the app itself, into its backups/.
OWN_TAGS = (AUTO_TAG, SAFETY_TAG)
PART_PATTERN = f".ThiDua-*{SUFFIX}.part"


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: Manifest
    encrypted: bool
    seconds: float
    swept: tuple[Removed, ...] = ()  # unfinished files of earlier backups removed from the target
    # Stored files the database refers to that the backup could not hold as stored (missing,
    # changed, a link in place of the file), in the clerk's words.
    left_out: tuple[str, ...] = ()

    def left_out_line(self) -> str | None:
        """ "Lưu ý: bản sao lưu không có 2 tệp …" or None."""
        if not self.left_out:
            return None
        from desktop.errors import more_lines
        from desktop.text import wording

        names = "; ".join(more_lines(list(self.left_out), 5))
        return (
            f"Lưu ý: bản sao lưu thiếu {wording.count(len(self.left_out))} tệp mà dữ liệu cần "
            f"(trong thư mục dữ liệu, tệp bị mất, bị thay đổi hoặc chỉ là lối tắt): {names}. "
            "Hãy đính kèm lại các tệp này từ bản gốc rồi sao lưu lại."
        )

    def swept_line(self) -> str | None:
        """ "Đã xóa 2 tệp sao lưu dở dang (1,2 GB) …" or None."""
        if not self.swept:
            return None
        from desktop.text import wording

        size = sum(item.size for item in self.swept)
        return (
            f"Đã xóa {wording.count(len(self.swept))} tệp sao lưu dở dang ({wording.size(size)}) "
            f"của lần sao lưu trước bị ngắt trên “{self.path.parent}”."
        )


def ward_slug(ward: str) -> str:
    """ "PHƯỜNG KIẾN AN" -> "PhuongKienAn": a file name any USB stick and any Windows accepts."""
    words = [w for w in search_key(ward).split() if w.isalnum()]
    return "".join(w.capitalize() for w in words) or "Phuong"


def backup_name(ward: str, at: datetime, tag: str = "") -> str:
    stamp = at.strftime("%Y%m%d-%H%M%S")
    return f"ThiDua-{ward_slug(ward)}-{stamp}{'-' + tag if tag else ''}{SUFFIX}"


def _attachment_files(folder: Path) -> Iterator[tuple[str, Path]]:
    """Regular files under ``attachments/``; links are skipped so a backup never follows them."""
    if not folder.is_dir():
        return
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            path = Path(root, name)
            if path.is_symlink() or not path.is_file():
                continue
            relative = path.relative_to(folder).as_posix()
            yield ATTACHMENTS_PREFIX + relative, path


def _document_files(folder: Path) -> Iterator[tuple[str, Path]]:
    """The issued documents' PDFs (``documents/<sha256>.pdf``); hidden ``.part`` files are not."""
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_symlink() or not path.is_file():
            continue
        yield DOCUMENTS_PREFIX + path.name, path


def _members(folder: DataFolder) -> tuple[list[str], list[tuple[str, Path]]]:
    """What the backup holds, and its files other than the database."""
    holds = [DATABASE, ATTACHMENTS, DOCUMENTS]
    files = [*_attachment_files(folder.attachments), *_document_files(folder.documents)]
    settings = folder.window_settings
    if settings.is_file() and not settings.is_symlink():
        holds.append(WINDOW_SETTINGS)
        files.append((WINDOW_SETTINGS_MEMBER, settings))
    return holds, files


def refuse_target_in_data_folder(folder: DataFolder, target_dir: Path, tag: str = "") -> None:
    """A backup inside the data folder (attachments/, backups/, any subfolder) is refused."""
    root = folder.root.resolve()
    target = Path(target_dir).resolve()
    if not target.is_relative_to(root):
        return
    if tag in OWN_TAGS and target == folder.backups.resolve():
        return
    raise TargetError(
        f"Không sao lưu vào “{target_dir}” được: thư mục này nằm trong thư mục dữ liệu “{root}”, "
        "nên bản sao lưu sẽ chứa cả chính các bản sao lưu trước và mất theo khi ổ đĩa hỏng. Hãy "
        "chọn USB hoặc một thư mục ngoài thư mục dữ liệu. Dữ liệu hiện tại không thay đổi."
    )


def sweep_parts(target_dir: Path) -> list[Removed]:
    """Remove the hidden ``.part`` files that killed backups left in the target folder.

    A writer holds its data folder's lock for the whole backup, and a ward has one data folder: a
    ``.part`` found when a backup starts is a dead one's, never one being written.
    """
    removed: list[Removed] = []
    for part in sorted(target_dir.glob(PART_PATTERN)):
        try:
            if part.is_symlink() or not part.is_file():
                continue
            size = part.stat().st_size
            part.unlink()
        except OSError as error:
            log.warning("could not remove %s left by an earlier backup: %s", part, error)
            continue
        log.info("removed %s (%d bytes) left by an earlier backup", part, size)
        removed.append(Removed(part, size))
    return removed


_ERRNO_PROBLEMS = {
    errno.ENOSPC: "full",
    errno.EROFS: "read-only",
    errno.EACCES: "read-only",
    errno.EPERM: "read-only",
    errno.ENOENT: "gone",
    errno.ENODEV: "gone",
    errno.EIO: "gone",
    errno.ENXIO: "gone",
}


def target_error(error: OSError, folder: Path) -> TargetError:
    """The clerk's words for a write that failed on the target folder or stick."""
    # Windows's own code first: Python words a pulled-out stick as EACCES (ERROR_NOT_READY).
    kind = windows_drive_problem(error) or _ERRNO_PROBLEMS.get(error.errno or 0)
    if kind == "full":
        text = f"Thư mục “{folder}” (hoặc USB) đã đầy. Hãy xóa bớt tệp hoặc dùng USB khác."
    elif kind == "read-only":
        text = (
            f"Không ghi được vào “{folder}”: thư mục chỉ đọc hoặc không có quyền ghi. Hãy mở khóa "
            "chống ghi của USB hoặc chọn thư mục khác."
        )
    elif kind == "gone":
        text = (
            f"Không ghi được vào “{folder}”: USB đã bị rút ra hoặc thư mục không còn tồn tại. "
            "Hãy cắm lại USB rồi sao lưu lại."
        )
    else:
        text = f"Không ghi được vào “{folder}”: {error.strerror or error}."
    return TargetError(text + " Dữ liệu hiện tại và các bản sao lưu cũ không thay đổi.")


def _copy_member(
    archive: zipfile.ZipFile,
    name: str,
    source: Path,
    compress: bool,
    stamp: tuple[int, int, int, int, int, int],
    progress: ProgressSink,
) -> Member:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.external_attr = 0o100644 << 16  # a regular file, never a link
    digest = hashlib.sha256()
    size = 0
    with (
        source.open("rb") as handle,
        archive.open(info, "w", force_zip64=True) as out,
        HashingThread(digest) as hasher,
    ):
        while chunk := handle.read(READ_SIZE):
            progress.check()
            hasher.update(chunk)
            out.write(chunk)
            size += len(chunk)
    return Member(name, size, digest.hexdigest())


def _write_archive(
    sink: BinaryIO,
    database: Path,
    others: list[tuple[str, Path]],
    manifest: Manifest,
    compress: bool,
    progress: ProgressSink,
) -> None:
    stamp = datetime.now().timetuple()[:6]
    total = database.stat().st_size + sum(p.stat().st_size for _, p in others)
    done = 0
    level = 1 if compress else None  # level 1: most of the saving for a fraction of the time
    with zipfile.ZipFile(
        sink, "w", compression=zipfile.ZIP_STORED, allowZip64=True, compresslevel=level
    ) as archive:
        for name, path in [(DATABASE_MEMBER, database), *others]:
            progress.report(done, total, f"Đang ghi {name}…")
            member = _copy_member(archive, name, path, compress, stamp, progress)
            manifest.members.append(member)
            done += member.size
        raw = manifest.to_json()
        info = zipfile.ZipInfo(MANIFEST_NAME, date_time=stamp)
        info.external_attr = 0o100644 << 16
        archive.writestr(info, raw, compress_type=zipfile.ZIP_DEFLATED)
        archive.comment = comment_for(hashlib.sha256(raw).hexdigest())


def _forget_cached(descriptor: int) -> None:
    """Drop the file's pages from the OS cache, so that the read-back reads what is on the stick."""
    if hasattr(os, "posix_fadvise"):
        os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)


def create_backup(
    folder: DataFolder,
    target_dir: Path,
    *,
    passphrase: str | None = None,
    compress: bool = False,
    tag: str = "",
    progress: ProgressSink | None = None,
    verify: bool = True,
) -> BackupResult:
    """Write ``ThiDua-<ward>-YYYYMMDD-HHMMSS[-tag].tdbak`` into ``target_dir`` and verify it.

    Raises :class:`TargetError` for a target inside the data folder (but the app's own tagged
    backups into ``backups/``), and removes the ``.part`` files earlier killed backups left there.
    """
    from desktop.backup.verify import verify_backup

    progress = progress or SilentProgress()
    started = datetime.now()
    target_dir = Path(target_dir)
    if not folder.database.exists():
        raise BackupError("Chưa có dữ liệu để sao lưu.")
    if not target_dir.is_dir():
        raise TargetError(
            f"Không tìm thấy thư mục “{target_dir}”. Hãy cắm USB hoặc chọn thư mục khác. "
            "Dữ liệu hiện tại không thay đổi."
        )
    refuse_target_in_data_folder(folder, target_dir, tag)
    swept = tuple(sweep_parts(target_dir))
    with tempfile.TemporaryDirectory(prefix=".backup-", dir=folder.root) as scratch:
        snapshot = Path(scratch) / "snapshot.sqlite3"
        progress.report(0, 0, "Đang chụp bản sao cơ sở dữ liệu…")
        snapshot_database(folder.database, snapshot, progress)
        revision, ward, last_audit = read_facts(snapshot)
        manifest = Manifest(
            app_version=__version__,
            schema_revision=revision,
            # On the audit log's clock (:func:`desktop.models._base.now`): the shorter-log check
            # compares the two (:mod:`desktop.backup.trail`).
            created_at=now().isoformat(),
            ward=ward,
            counts=table_counts(snapshot),
            last_audit_id=last_audit,
        )
        manifest.holds, others = _members(folder)
        expected = expected_members(snapshot)
        final = target_dir / backup_name(ward, started, tag)
        bump = 0
        while final.exists():  # two backups in one second: never overwrite the earlier one
            bump += 1
            final = target_dir / backup_name(ward, started + timedelta(seconds=bump), tag)
        part = target_dir / f".{final.name}.part"
        try:
            with part.open("wb") as handle:
                if passphrase:
                    writer = EncryptingWriter(handle, passphrase)
                    _write_archive(writer, snapshot, others, manifest, compress, progress)  # type: ignore[arg-type]
                    writer.close()
                else:
                    _write_archive(handle, snapshot, others, manifest, compress, progress)
                handle.flush()
                os.fsync(handle.fileno())
                _forget_cached(handle.fileno())
            os.replace(part, final)
            fsync_folder(target_dir)
        except OSError as error:
            _remove_quietly(part)
            log.warning("backup to %s failed: %s", target_dir, error)
            raise target_error(error, target_dir) from error
        except BaseException:
            _remove_quietly(part)
            raise
    if verify:
        progress.report(0, 0, "Đang đọc lại và kiểm tra bản sao lưu…")
        try:
            folder.scratch.mkdir(exist_ok=True)
            verify_backup(
                final,
                passphrase=passphrase,
                work_dir=folder.scratch,
                progress=progress,
                deep=False,
                check_hashes=False,
            )
        except BaseException:
            _remove_quietly(final)
            raise
    seconds = (datetime.now() - started).total_seconds()
    log.info("backup written to %s (%d members, %.1f s)", final, len(manifest.members), seconds)
    # Each member was hashed as it was written: what the database needs and did not go in as
    # stored is known without reading anything again.
    held = {member.name: member.sha256 for member in manifest.members}
    left_out = tuple(
        label for name, (sha, label) in expected.items() if held.get(name) != sha
    )
    if left_out:
        log.warning("backup to %s lacks %d stored files", final, len(left_out))
    return BackupResult(final, manifest, bool(passphrase), seconds, swept, left_out)


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:  # the stick is gone: nothing to remove, and nothing named like a backup remains
        log.warning("could not remove %s", path)
