"""Reading a backup file back and trusting nothing in it until it has been checked.

Order of checks: the zip's structure, then every member's name (no "../", no absolute path, no
link, nothing but our own layout) and size (no zip bomb), then the manifest against the hash sealed
in the zip comment, then every member's SHA-256 and size against the manifest, and for a restore the
database itself (``PRAGMA integrity_check``, foreign keys, schema version, row counts).
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import stat
import tempfile
import zipfile
import zlib
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from desktop.backup.crypto import decrypt_file, is_encrypted
from desktop.backup.errors import BackupError, DamagedBackup, NewerBackup, UnsafeBackup
from desktop.backup.hashing import HashingThread
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
    manifest_hash_from_comment,
)
from desktop.backup.progress import ProgressSink, SilentProgress
from desktop.backup.snapshot import newest_ids, read_facts, table_counts
from desktop.storage.schema import KNOWN_REVISIONS
from desktop.text import wording

READ_SIZE = 4 << 20
# Deflate can reach about 1000:1 on crafted input; a real ward database compresses far less.
MAX_RATIO = 200
RATIO_SLACK = 16 << 20
MAX_MANIFEST_SIZE = 32 << 20
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError)


@dataclass(frozen=True)
class VerifiedBackup:
    """A backup that passed every check; ``folder`` holds its extracted members (if asked)."""

    path: Path
    manifest: Manifest
    encrypted: bool
    folder: Path | None
    # The highest id of each table of the database inside, read from it (a deep check only).
    newest_ids: dict[str, int] = field(default_factory=dict)

    @property
    def database(self) -> Path | None:
        return self.folder / DATABASE_MEMBER if self.folder else None

    @property
    def attachments(self) -> Path | None:
        return self.folder / ATTACHMENTS_PREFIX.rstrip("/") if self.folder else None

    @property
    def documents(self) -> Path | None:
        return self.folder / DOCUMENTS_PREFIX.rstrip("/") if self.folder else None

    @property
    def window_settings(self) -> Path | None:
        return self.folder / WINDOW_SETTINGS_MEMBER if self.folder else None


def _damaged(name: str, detail: str = "") -> DamagedBackup:
    extra = f" ({detail})" if detail else ""
    return DamagedBackup(
        f"Bản sao lưu “{name}” bị hỏng hoặc bị cắt cụt{extra}. Hãy dùng một bản sao lưu khác; "
        "dữ liệu hiện tại không thay đổi."
    )


def _check_name(member: str, backup: str) -> None:
    path = PurePosixPath(member)
    if (
        member.startswith(("/", "\\"))
        or "\\" in member
        or ":" in member
        or any(part in ("", ".", "..") for part in member.split("/"))
        or path.is_absolute()
    ):
        raise UnsafeBackup(
            f"Bản sao lưu “{backup}” chứa đường dẫn không an toàn (“{member}”: đường dẫn tuyệt đối "
            "hoặc trỏ ra ngoài thư mục). Tệp bị từ chối; dữ liệu hiện tại không thay đổi."
        )
    document = member.removeprefix(DOCUMENTS_PREFIX)
    ours = (
        member in (MANIFEST_NAME, DATABASE_MEMBER, WINDOW_SETTINGS_MEMBER)
        or (member.startswith(ATTACHMENTS_PREFIX) and len(member) > len(ATTACHMENTS_PREFIX))
        # Documents lie flat, one PDF per content; never a hidden file (a ``.part``).
        or (
            member.startswith(DOCUMENTS_PREFIX)
            and "/" not in document
            and document[:1] not in ("", ".")
        )
    )
    if not ours:
        raise DamagedBackup(
            f"Bản sao lưu “{backup}” chứa tệp lạ “{member}”, không phải do ThiĐua tạo. "
            "Tệp bị từ chối; dữ liệu hiện tại không thay đổi."
        )


def _check_layout(archive: zipfile.ZipFile, backup: str, archive_size: int) -> None:
    seen: set[str] = set()
    declared = 0
    for info in archive.infolist():
        _check_name(info.filename, backup)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode) or info.is_dir():
            raise UnsafeBackup(
                f"Bản sao lưu “{backup}” chứa liên kết (link) hoặc thư mục “{info.filename}”. "
                "Tệp bị từ chối; dữ liệu hiện tại không thay đổi."
            )
        if info.flag_bits & 0x1:  # zip's own (weak) password protection: never ours
            raise DamagedBackup(
                f"Bản sao lưu “{backup}” có tệp đặt mật khẩu kiểu zip (“{info.filename}”), không phải "
                "do ThiĐua tạo. Tệp bị từ chối; dữ liệu hiện tại không thay đổi."
            )
        if info.filename in seen:
            raise _damaged(backup, f"tệp “{info.filename}” xuất hiện hai lần")
        seen.add(info.filename)
        declared += info.file_size
        if info.file_size > MAX_RATIO * info.compress_size + RATIO_SLACK:
            raise _bomb(backup)
    if declared > MAX_RATIO * archive_size + RATIO_SLACK:
        raise _bomb(backup)


def _bomb(backup: str) -> UnsafeBackup:
    return UnsafeBackup(
        f"Bản sao lưu “{backup}” khi giải nén sẽ lớn bất thường so với kích thước tệp (nghi là "
        "“bom nén”). Tệp bị từ chối; dữ liệu hiện tại không thay đổi."
    )


def _read_manifest(archive: zipfile.ZipFile, backup: str) -> Manifest:
    expected = manifest_hash_from_comment(archive.comment, backup)
    try:
        info = archive.getinfo(MANIFEST_NAME)
    except KeyError:
        raise _damaged(backup, "thiếu bản kê manifest") from None
    if info.file_size > MAX_MANIFEST_SIZE:
        raise _bomb(backup)
    raw = archive.read(info)
    if hashlib.sha256(raw).hexdigest() != expected:
        raise _damaged(backup, "bản kê manifest đã bị sửa đổi")
    manifest = Manifest.from_json(raw, backup)
    if manifest.schema_revision is not None and manifest.schema_revision not in KNOWN_REVISIONS:
        raise NewerBackup(
            f"Bản sao lưu “{backup}” được tạo bởi ThiĐua {manifest.app_version} với cấu trúc dữ liệu "
            f"mới hơn ({manifest.schema_revision}). Hãy cài phiên bản ThiĐua mới nhất rồi khôi phục; "
            "dữ liệu hiện tại không thay đổi."
        )
    listed = [m.name for m in manifest.members]
    for name in listed:
        _check_name(name, backup)
    present = {i.filename for i in archive.infolist()} - {MANIFEST_NAME}
    if sorted(listed) != sorted(present) or DATABASE_MEMBER not in present:
        raise _damaged(backup, "danh sách tệp không khớp bản kê")
    _check_holds(manifest, present, backup)
    return manifest


def _check_holds(manifest: Manifest, present: set[str], backup: str) -> None:
    """What the manifest says the backup holds agrees with its members (format 1: no documents)."""
    holds = set(manifest.holds)
    known = {DATABASE, ATTACHMENTS, DOCUMENTS, WINDOW_SETTINGS}
    has_documents = any(name.startswith(DOCUMENTS_PREFIX) for name in present)
    if (
        not holds <= known
        or not {DATABASE, ATTACHMENTS} <= holds
        or len(holds) != len(manifest.holds)
        or (has_documents and DOCUMENTS not in holds)
        or (WINDOW_SETTINGS in holds) != (WINDOW_SETTINGS_MEMBER in present)
    ):
        raise _damaged(backup, "phần “holds” của bản kê không khớp các tệp")


class _StoredReader:
    """The bytes of a stored (uncompressed) member, read straight from the file.

    The member's SHA-256 is checked against the manifest anyway, so zipfile's CRC-32 on top would
    only double the reading cost of the largest member (the database).
    """

    def __init__(self, path: Path, info: zipfile.ZipInfo, backup: str) -> None:
        self._handle = path.open("rb")
        self._handle.seek(info.header_offset)
        header = self._handle.read(30)
        if len(header) != 30 or header[:4] != b"PK\x03\x04":
            self.close()
            raise _damaged(backup, f"phần đầu của “{info.filename}” sai")
        name_length = int.from_bytes(header[26:28], "little")
        extra_length = int.from_bytes(header[28:30], "little")
        if self._handle.read(name_length).decode("utf-8", "replace") != info.orig_filename:
            self.close()
            raise _damaged(backup, f"tên tệp “{info.filename}” không khớp")
        self._handle.seek(extra_length, 1)
        self._left = info.compress_size

    def read(self, size: int) -> bytes:
        chunk = self._handle.read(min(size, self._left))
        self._left -= len(chunk)
        return chunk

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> _StoredReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _open_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, backup: str) -> Any:
    stored = info.compress_type == zipfile.ZIP_STORED and info.compress_size == info.file_size
    if stored and not info.flag_bits & 0x1:
        return _StoredReader(path, info, backup)
    return archive.open(info)


def _check_members(
    archive: zipfile.ZipFile,
    path: Path,
    manifest: Manifest,
    backup: str,
    extract_to: Path | None,
    progress: ProgressSink,
    check_hashes: bool = True,
) -> None:
    total, done = manifest.total_size, 0
    if extract_to is not None and shutil.disk_usage(extract_to).free < total + (16 << 20):
        raise BackupError(
            f"Không đủ chỗ trống trên ổ đĩa để kiểm tra bản sao lưu “{backup}” (cần khoảng "
            f"{wording.size(total)}). Hãy giải phóng ổ đĩa rồi thử lại; dữ liệu hiện tại không thay đổi."
        )
    for member in manifest.members:
        info = archive.getinfo(member.name)
        if info.file_size != member.size:
            raise _damaged(backup, f"kích thước của “{member.name}” không khớp bản kê")
        digest = hashlib.sha256()
        size = 0
        out = None
        if extract_to is not None:
            target = extract_to.joinpath(*member.name.split("/"))
            if not target.resolve().is_relative_to(extract_to.resolve()):
                raise UnsafeBackup(f"Bản sao lưu “{backup}” chứa đường dẫn không an toàn.")
            target.parent.mkdir(parents=True, exist_ok=True)
            out = target.open("xb")
        try:
            # Without hashes (the read-back right after writing) zipfile's CRC-32 checks every byte.
            opened = (
                _open_member(archive, info, path, backup) if check_hashes else archive.open(info)
            )
            with opened as handle, HashingThread(digest if check_hashes else None) as hasher:
                while chunk := handle.read(READ_SIZE):
                    progress.check()
                    size += len(chunk)
                    if size > member.size:
                        raise _bomb(backup)
                    hasher.update(chunk)
                    if out is not None:
                        out.write(chunk)
                    progress.report(done + size, total, f"Đang kiểm tra {member.name}…")
        finally:
            if out is not None:
                out.close()
        if size != member.size or (check_hashes and digest.hexdigest() != member.sha256):
            raise _damaged(backup, f"mã băm SHA-256 của “{member.name}” không khớp bản kê")
        done += size


def check_database(database: Path, manifest: Manifest, backup: str) -> None:
    """The extracted database: ours, intact, foreign keys sound, row counts as the manifest says."""
    from desktop.storage.database import inspect_file
    from desktop.storage.errors import NewerDatabase, StorageError

    try:
        inspect_file(database)
        with closing(sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)) as conn:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
            problems += [
                f"khóa ngoại bảng {r[0]}" for r in conn.execute("PRAGMA foreign_key_check")
            ]
    except NewerDatabase as error:
        raise NewerBackup(str(error)) from None
    except (StorageError, sqlite3.DatabaseError) as error:
        raise _damaged(backup, str(error)) from None
    if problems:
        raise _damaged(backup, "; ".join(problems[:3]))
    if table_counts(database) != manifest.counts:
        raise _damaged(backup, "số bản ghi không khớp bản kê")
    if read_facts(database)[2] != manifest.last_audit_id:  # the shorter-log check relies on it
        raise _damaged(backup, "mã dòng nhật ký cuối không khớp bản kê")


def verify_backup(
    path: Path,
    *,
    work_dir: Path,
    passphrase: str | None = None,
    extract_to: Path | None = None,
    deep: bool = True,
    check_hashes: bool = True,
    progress: ProgressSink | None = None,
) -> VerifiedBackup:
    """Check a backup completely; extract into ``extract_to`` (an empty folder) if given.

    An encrypted backup is decrypted inside ``work_dir`` — the data folder's own temporary area
    (:attr:`desktop.paths.DataFolder.scratch`), never the system's temporary folder, so that no
    plaintext copy of the ward's data is left where the clerk did not put it. ``deep`` also checks the database inside (integrity, foreign keys, counts); it needs a folder
    to extract into, so one is made and removed when ``extract_to`` is None. ``check_hashes=False``
    (the read-back right after writing) relies on the CRC-32 of every member instead of SHA-256.
    """
    progress = progress or SilentProgress()
    path = Path(path)
    name = path.name
    try:
        if not path.is_file():
            raise BackupError(f"Không tìm thấy tệp sao lưu “{path}”.")
        work_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="verify-", dir=work_dir) as scratch:
            plain, encrypted = path, is_encrypted(path)
            if encrypted:
                progress.report(0, 0, "Đang giải mã bản sao lưu…")
                plain = Path(scratch) / "archive.zip"
                decrypt_file(path, plain, passphrase, progress)
            folder = extract_to
            if folder is not None:
                folder.mkdir(parents=True, exist_ok=True)
            if folder is None and deep:
                folder = Path(scratch) / "members"
                folder.mkdir()
            manifest = _verify_zip(plain, name, folder, progress, check_hashes)
            ids: dict[str, int] = {}
            if deep and folder is not None:
                progress.report(0, 0, "Đang kiểm tra toàn vẹn cơ sở dữ liệu…")
                check_database(folder / DATABASE_MEMBER, manifest, name)
                ids = newest_ids(folder / DATABASE_MEMBER)
    except OSError as error:
        raise BackupError(
            f"Không đọc được bản sao lưu “{name}”: {error.strerror or error}. Hãy kiểm tra USB "
            "rồi thử lại; dữ liệu hiện tại không thay đổi."
        ) from error
    return VerifiedBackup(path, manifest, encrypted, extract_to, ids)


def _verify_zip(
    plain: Path, name: str, folder: Path | None, progress: ProgressSink, check_hashes: bool = True
) -> Manifest:
    if not zipfile.is_zipfile(plain):
        raise DamagedBackup(
            f"Tệp “{name}” không phải là bản sao lưu ThiĐua hoặc đã bị cắt cụt (ví dụ do rút USB khi "
            "đang chép). Hãy dùng một bản sao lưu khác; dữ liệu hiện tại không thay đổi."
        )
    try:
        with zipfile.ZipFile(plain) as archive:
            _check_layout(archive, name, plain.stat().st_size)
            manifest = _read_manifest(archive, name)
            _check_members(archive, plain, manifest, name, folder, progress, check_hashes)
    except _READ_ERRORS as error:
        raise _damaged(name, str(error)) from None
    return manifest


def read_manifest(path: Path) -> Manifest | None:
    """What a plain backup holds, trusting only its sealed manifest (cheap: for lists of backups).

    None for an encrypted backup (its manifest needs the passphrase) or a file that is not sound.
    """
    try:
        if is_encrypted(path) or not zipfile.is_zipfile(path):
            return None
        with zipfile.ZipFile(path) as archive:
            _check_layout(archive, path.name, path.stat().st_size)
            return _read_manifest(archive, path.name)
    except (BackupError, OSError, *_READ_ERRORS):
        return None
