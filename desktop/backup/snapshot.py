"""A consistent copy of the live database with SQLite's online backup API (never a file copy).

The live file may be open in WAL mode with commits in its ``-wal``; ``Connection.backup`` reads a
consistent state through SQLite itself. The copy is switched to a rollback journal so it is one
self-contained file.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from desktop.backup.progress import ProgressSink, SilentProgress

PAGES_PER_STEP = 4096


def snapshot_database(source: Path, target: Path, progress: ProgressSink | None = None) -> None:
    progress = progress or SilentProgress()

    def report(status: int, remaining: int, total: int) -> None:
        progress.report(total - remaining, total)
        progress.check()

    try:
        with (
            closing(sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)) as live,
            closing(sqlite3.connect(target)) as copy,
        ):
            # The copy is scratch until it is archived and verified: no need to flush it to disk
            # page by page (a crash leaves only a temporary file to throw away).
            copy.execute("PRAGMA synchronous = OFF")
            copy.execute("PRAGMA journal_mode = OFF")
            live.backup(copy, pages=PAGES_PER_STEP, progress=report)
            copy.execute("PRAGMA journal_mode = DELETE")
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def table_counts(path: Path) -> dict[str, int]:
    """Rows per table of a database file, read-only."""
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        return {
            name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names
        }


def read_facts(path: Path) -> tuple[str | None, str, int]:
    """Schema revision, ward name and the newest audit id of a database file (read-only)."""
    from desktop.settings import WardSettings

    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = ward = None
        audit = 0
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        if "setting" in tables:
            row = conn.execute("SELECT value FROM setting WHERE key = 'ward_name'").fetchone()
            ward = row[0] if row else None
        if "auditentry" in tables:
            audit = conn.execute("SELECT coalesce(max(id), 0) FROM auditentry").fetchone()[0]
    return revision, ward or WardSettings().ward_name, int(audit)


def newest_ids(path: Path) -> dict[str, int]:
    """The highest ``id`` of every table that has one (read-only): how far each table had got.

    SQLite gives a new row the highest id plus one, so a record whose id is at most this was made
    before the file was (the shorter-log check of :mod:`desktop.backup.trail` relies on it).
    """
    found: dict[str, int] = {}
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for name in names:
            columns = {r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')}
            if "id" in columns:
                top = conn.execute(f'SELECT max(id) FROM "{name}"').fetchone()[0]
                if isinstance(top, int):
                    found[name] = top
    return found
