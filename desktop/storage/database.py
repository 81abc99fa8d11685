"""The one SQLite file of the ward: checked before use, migrated on open, written in transactions.

Every connection runs with foreign keys on, the WAL journal and ``synchronous=FULL`` so that a
commit that returned survives a power cut. A file that is not ours, is damaged or was written by a
newer app is refused before anything is written to it.

A write transaction begins ``IMMEDIATE``: it takes the file's write lock before its first read,
so two writers queue at ``BEGIN`` instead of both reading and one failing at its first write
(SQLite cannot wait there: a deferred transaction that meets a writer fails at once). A read
(:meth:`Database.session` with ``write=False``, :meth:`desktop.changes.Door.read`) stays deferred
and never waits for a writer in WAL mode. A file another program is writing makes ``BEGIN
IMMEDIATE`` wait up to ``busy_timeout`` (5 s; the ``THIDUA_BUSY_TIMEOUT_MS`` environment variable
shortens it, for the tests of two writers) and then fail with SQLite's "database is locked", which
:func:`desktop.errors.refusal_of` words for the clerk. SQL parameters — a person's name, a phone number — never appear in an error's message or
in the log: the engine hides them.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from desktop.errors import refusal_of
from desktop.storage import migrate
from desktop.storage.errors import DamagedDatabase, NewerDatabase, NotThiDuaDatabase
from desktop.storage.hooks import ThiDuaSession
from desktop.storage.schema import APPLICATION_ID, HEAD_REVISION, KNOWN_REVISIONS, SQLITE_HEADER

log = logging.getLogger("thidua.storage")
BUSY_TIMEOUT_MS = 5000
BUSY_TIMEOUT_VARIABLE = "THIDUA_BUSY_TIMEOUT_MS"
MMAP_BYTES = 256 * 1024 * 1024


def inspect_file(path: Path, quick_check: bool = True) -> str | None:
    """Check an existing file without writing to it; return its schema revision (None: empty DB).

    Raises a :class:`StorageError` with the clerk's message when the file must not be opened.
    ``quick_check=False`` skips the scan of every page (half a second on a large ward) for a
    caller that has just run it itself; the header, owner and schema are still checked.
    """
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotThiDuaDatabase(
            f"Tệp “{path.name}” không phải là cơ sở dữ liệu ThiĐua. Tệp được giữ nguyên; "
            "hãy chọn đúng tệp dữ liệu hoặc khôi phục từ bản sao lưu."
        )
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
            if quick_check:
                check = conn.execute("PRAGMA quick_check").fetchone()[0]
                if check != "ok":
                    raise DamagedDatabase(_damaged(path, check))
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if app_id != APPLICATION_ID:
                if not tables:
                    return None
                raise NotThiDuaDatabase(
                    f"Tệp “{path.name}” là cơ sở dữ liệu SQLite của một chương trình khác, không "
                    "phải của ThiĐua. Tệp được giữ nguyên."
                )
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        # A file that is locked, cannot be opened for want of rights, or sits on a failing disk
        # is not damaged: say what it is.
        refusal = refusal_of(error, str(path.parent))
        if refusal is not None:
            raise refusal from error
        raise DamagedDatabase(_damaged(path, str(error))) from error
    revision = row[0] if row else None
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise NewerDatabase(
            f"Tệp dữ liệu “{path.name}” được tạo bởi phiên bản ThiĐua mới hơn (cấu trúc {revision}). "
            "Hãy cài phiên bản ThiĐua mới nhất để mở tệp này; tệp được giữ nguyên."
        )
    return revision


def integrity_findings(conn: sqlite3.Connection, pragma: str = "integrity_check") -> list[str]:
    """What ``PRAGMA integrity_check`` (or ``quick_check``) and ``foreign_key_check`` find, in
    Vietnamese, one line each; [] is healthy. The one wording of every check of the file."""
    problems = [
        f"Lỗi toàn vẹn: {line}" for (line,) in conn.execute(f"PRAGMA {pragma}") if line != "ok"
    ]
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
        problems.append(f"Bảng {table}, dòng {rowid}: tham chiếu tới bảng {parent} không tồn tại")
    return problems


def _damaged(path: Path, detail: str) -> str:
    return (
        f"Tệp dữ liệu “{path.name}” bị hỏng ({detail}). Tệp được giữ nguyên; hãy khôi phục "
        "từ bản sao lưu gần nhất (trang Sao lưu)."
    )


def _configure_connection(dbapi_connection: sqlite3.Connection, record: Any) -> None:
    # The driver's own transaction handling is switched off; SQLAlchemy emits BEGIN itself so
    # that DDL in migrations is transactional too.
    dbapi_connection.isolation_level = None
    for pragma in (
        "PRAGMA foreign_keys = ON",
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = FULL",
        f"PRAGMA busy_timeout = {busy_timeout_ms()}",
        # Reads through memory mapping skip a copy per page; writes still go through the WAL.
        f"PRAGMA mmap_size = {MMAP_BYTES}",
    ):
        dbapi_connection.execute(pragma)


def busy_timeout_ms() -> int:
    """How long a connection waits for another writer before "database is locked"."""
    value = os.environ.get(BUSY_TIMEOUT_VARIABLE, "").strip()
    return int(value) if value.isdigit() else BUSY_TIMEOUT_MS


# The execution option a reading session's connections carry (see :meth:`Database.session`).
READ_ONLY_OPTION = "thidua_read_only"


def _begin(connection: Any) -> None:
    reads_only = connection.get_execution_options().get(READ_ONLY_OPTION, False)
    connection.exec_driver_sql("BEGIN" if reads_only else "BEGIN IMMEDIATE")


def make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
        # A pooled connection serves one thread at a time; background work (import, backup,
        # reports) runs on worker threads.
        connect_args={"check_same_thread": False},
        # Errors and logs show the SQL, never its values (names, phone numbers of the register).
        hide_parameters=True,
    )
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin)
    return engine


class Database:
    """An open ThiĐua database. Use :meth:`session` for every read and write."""

    def __init__(self, path: Path, engine: Engine, reads_only: bool = False) -> None:
        self.path = path
        self.engine = engine
        # A database opened by a reading command: its sessions read unless told they write.
        self.reads_only = reads_only
        self._reading_engine = engine.execution_options(**{READ_ONLY_OPTION: True})

    @classmethod
    def open(cls, path: Path, quick_check: bool = True, reads_only: bool = False) -> Database:
        """Open (creating if missing) and migrate the file; refuse foreign, damaged or newer files.

        ``reads_only``: the sessions of a reading command begin deferred unless they say they
        write (the file is still migrated, by a transaction of its own that writes).
        """
        path = Path(path)
        exists = path.exists() and path.stat().st_size > 0
        revision = inspect_file(path, quick_check) if exists else None
        path.parent.mkdir(parents=True, exist_ok=True)
        if exists and revision != HEAD_REVISION:
            copy = migrate.copy_aside(path, revision)
            log.info("copied %s aside to %s before migrating from %s", path, copy, revision)
        engine = make_engine(path)
        if revision != HEAD_REVISION:
            with engine.begin() as connection:
                migrate.upgrade(connection)
            log.info("schema of %s upgraded from %s to %s", path, revision, HEAD_REVISION)
        return cls(path, engine, reads_only)

    @contextmanager
    def session(self, write: bool | None = None) -> Iterator[ThiDuaSession]:
        """One transaction: committed when the block ends, rolled back entirely on any error.

        ``write`` (default: unless the database was opened ``reads_only``) begins it IMMEDIATE;
        ``write=False`` is a read that never waits for another writer.
        """
        writes = (not self.reads_only) if write is None else write
        bind = self.engine if writes else self._reading_engine
        session = ThiDuaSession(bind, expire_on_commit=False)
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def schema_revision(self) -> str | None:
        with self._reading_engine.connect() as connection:
            row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None

    def integrity_problems(self) -> list[str]:
        """``PRAGMA integrity_check`` and ``foreign_key_check`` findings, in Vietnamese; [] is healthy."""
        with self._reading_engine.connect() as connection:
            driver = connection.connection.driver_connection
            assert isinstance(driver, sqlite3.Connection)
            return integrity_findings(driver)

    def close(self) -> None:
        self.engine.dispose()
