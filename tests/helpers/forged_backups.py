"""Backups forged as a hostile user would: the database inside edited by SQL and the manifest
made to agree, so that only the audit log's own rows can tell (tests of the shorter-log check)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from contextlib import closing
from pathlib import Path

from desktop.backup.manifest import DATABASE_MEMBER, MANIFEST_NAME, comment_for
from desktop.backup.snapshot import table_counts


def age_the_log(database: Path) -> None:
    """The log as a ward's is: written over the weeks before the backup, not in its very second."""
    with closing(sqlite3.connect(database)) as conn, conn:
        conn.execute("UPDATE auditentry SET at = datetime(at, '-7 days')")


def with_database(
    source: Path, target: Path, edit_database: str, made_at: str | None = None
) -> Path:
    """The backup with its database edited by SQL and its manifest made to agree (a forgery)."""
    work = target.with_suffix(".sqlite3")
    with zipfile.ZipFile(source) as original:
        work.write_bytes(original.read(DATABASE_MEMBER))
        manifest = json.loads(original.read(MANIFEST_NAME))
        with closing(sqlite3.connect(work)) as conn:
            conn.executescript(edit_database)
            last = conn.execute("SELECT coalesce(max(id), 0) FROM auditentry").fetchone()[0]
        content = work.read_bytes()
        manifest["counts"] = table_counts(work)
        manifest["last_audit_id"] = last
        if made_at is not None:
            manifest["created_at"] = made_at
        for member in manifest["members"]:
            if member["name"] == DATABASE_MEMBER:
                member["size"], member["sha256"] = len(content), hashlib.sha256(content).hexdigest()
        raw = json.dumps(manifest).encode()
        with zipfile.ZipFile(target, "w") as out:
            for info in original.infolist():
                if info.filename == DATABASE_MEMBER:
                    out.writestr(info.filename, content)
                elif info.filename != MANIFEST_NAME:
                    out.writestr(info.filename, original.read(info))
            out.writestr(MANIFEST_NAME, raw)
            out.comment = comment_for(hashlib.sha256(raw).hexdigest())
    return target
