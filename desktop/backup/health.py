"""The start-up check (kiểm tra khi khởi động): quick integrity and foreign keys of the live file."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def startup_problems(database: Path) -> list[str]:
    """``PRAGMA quick_check`` and ``foreign_key_check`` in Vietnamese; [] is healthy.

    Read-only and independent of the app's engine, so it can run before the database is opened
    (a damaged file is then never written to).
    """
    # Imported here: the window runs this check before it loads SQLAlchemy for the database.
    from desktop.storage.database import integrity_findings

    if not database.exists() or database.stat().st_size == 0:
        return []
    try:
        with closing(sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)) as conn:
            return integrity_findings(conn, "quick_check")
    except sqlite3.DatabaseError as error:
        return [f"Tệp dữ liệu không đọc được: {error}"]
