"""The data folder's own check (``check``): the database, and every stored file by its hash.

Attachments are stored under their SHA-256 (``attachments/ab/abcd…``) and issued documents' PDFs
under theirs (``documents/<sha256>.pdf``, :attr:`IssuedDocument.pdf_sha256`): each is read again
and hashed, so a file replaced by other bytes of the same size is caught, not only a missing one.
Everything is read through read-only connections: a check never creates, migrates or writes the
database (a mistyped folder has no database, and is told so).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from desktop.paths import DataFolder

READ_SIZE = 1 << 20


# The two stores' layouts, as their writers make them (``desktop.awards.attachments.stored_path``,
# ``desktop.documents.register.pdf_path``; a test holds them equal): importing those writers would
# load the PDF renderer and the database layer into a command that needs neither.
def attachment_file(folder: DataFolder, sha256: str) -> Path:
    return folder.attachments / sha256[:2] / sha256


def document_file(folder: DataFolder, sha256: str) -> Path:
    return folder.documents / f"{sha256}.pdf"


@dataclass
class FolderCheck:
    """What ``check`` found; ``problems`` are the clerk's lines, empty when all is well."""

    database_problems: list[str] = field(default_factory=list)
    file_problems: list[str] = field(default_factory=list)
    attachments_checked: int = 0
    documents_checked: int = 0

    @property
    def problems(self) -> list[str]:
        return [*self.database_problems, *self.file_problems]


# What file_sha256 says of a link in place of a stored file: the backup skips links (it must never
# follow one out of the data folder), so a stored file that is one would be lost with the disk.
LINKED = "liên kết"
LINK_WORDS = (
    "chỉ là một lối tắt (liên kết) tới nơi khác, không phải tệp nằm trong thư mục dữ liệu: bản "
    "sao lưu không chép nó. Hãy chép lại tệp thật vào chỗ này."
)


def file_sha256(path: Path) -> str | None:
    """The file's SHA-256, None when it is missing or cannot be read, :data:`LINKED` for a link."""
    if path.is_symlink():
        return LINKED
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(READ_SIZE):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _read_only(database: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def database_problems(database: Path) -> list[str]:
    """``integrity_check`` and ``foreign_key_check``, read-only, in Vietnamese."""
    from desktop.storage.database import integrity_findings

    with closing(_read_only(database)) as conn:
        return integrity_findings(conn)


def _attachment_rows(conn: sqlite3.Connection) -> Iterator[tuple[str, list[int]]]:
    """Each stored content once, with the ids of the attachments that show it."""
    if "attachment" not in _tables(conn):
        return
    by_hash: dict[str, list[int]] = {}
    for row_id, sha in conn.execute("SELECT id, sha256 FROM attachment ORDER BY id"):
        by_hash.setdefault(str(sha), []).append(int(row_id))
    yield from by_hash.items()


def _ids(ids: list[int]) -> str:
    shown = ", ".join(f"#{i}" for i in ids[:5])
    return shown + (f" và {len(ids) - 5} tệp khác" if len(ids) > 5 else "")


def attachment_problems(folder: DataFolder, conn: sqlite3.Connection) -> tuple[list[str], int]:
    problems: list[str] = []
    checked = 0
    for sha, ids in _attachment_rows(conn):
        checked += 1
        found = file_sha256(attachment_file(folder, sha))
        if found is None:
            problems.append(f"Thiếu tệp đính kèm {_ids(ids)} (mã băm {sha[:12]}…).")
        elif found == LINKED:
            problems.append(f"Tệp đính kèm {_ids(ids)} {LINK_WORDS}")
        elif found != sha:
            problems.append(
                f"Tệp đính kèm {_ids(ids)} đã bị thay đổi: nội dung không khớp mã băm {sha[:12]}…."
            )
    return problems, checked


def document_problems(folder: DataFolder, conn: sqlite3.Connection) -> tuple[list[str], int]:
    if "issueddocument" not in _tables(conn):
        return [], 0
    problems: list[str] = []
    checked = 0
    rows = conn.execute(
        "SELECT id, symbol, pdf_sha256 FROM issueddocument WHERE pdf_sha256 != '' ORDER BY id"
    )
    for row_id, symbol, sha in rows:
        checked += 1
        found = file_sha256(document_file(folder, sha))
        if found is None:
            problems.append(f"Thiếu tệp PDF của văn bản {symbol} (mã {row_id}).")
        elif found == LINKED:
            problems.append(f"Tệp PDF của văn bản {symbol} (mã {row_id}) {LINK_WORDS}")
        elif found != sha:
            problems.append(
                f"Tệp PDF của văn bản {symbol} (mã {row_id}) đã bị thay đổi: nội dung không khớp "
                "mã băm đã lưu."
            )
    return problems, checked


def check_folder(folder: DataFolder) -> FolderCheck:
    """The database (already known to be ours), then every stored file against its hash."""
    result = FolderCheck()
    try:
        result.database_problems = database_problems(folder.database)
        with closing(_read_only(folder.database)) as conn:
            attachments, result.attachments_checked = attachment_problems(folder, conn)
            documents, result.documents_checked = document_problems(folder, conn)
    except sqlite3.DatabaseError as error:  # damaged beyond what integrity_check can list
        result.database_problems.append(f"Lỗi toàn vẹn: {error}")
        return result
    result.file_problems = attachments + documents
    return result


def expected_members(database: Path) -> dict[str, tuple[str, str]]:
    """The stored files a database refers to: archive member name → (SHA-256, the clerk's name
    of it), so that a backup can say which of them it could not hold (missing, changed, a link)."""
    from desktop.backup.manifest import ATTACHMENTS_PREFIX, DOCUMENTS_PREFIX

    expected: dict[str, tuple[str, str]] = {}
    with closing(_read_only(database)) as conn:
        names: dict[int, str] = {}
        if "attachment" in _tables(conn):
            names = dict(conn.execute("SELECT id, original_name FROM attachment"))
        for sha, ids in _attachment_rows(conn):
            name = f"{ATTACHMENTS_PREFIX}{sha[:2]}/{sha}"
            # By the name the clerk attached it under: an id alone means nothing to them.
            expected[name] = (sha, f"tệp đính kèm “{names.get(ids[0], '')}” ({_ids(ids)})")
        if "issueddocument" in _tables(conn):
            rows = conn.execute(
                "SELECT id, symbol, pdf_sha256 FROM issueddocument WHERE pdf_sha256 != '' "
                "ORDER BY id"
            )
            for row_id, symbol, sha in rows:
                name = f"{DOCUMENTS_PREFIX}{sha}.pdf"
                expected[name] = (str(sha), f"tệp PDF của văn bản {symbol} (mã {row_id})")
    return expected
