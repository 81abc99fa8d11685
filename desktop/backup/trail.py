"""What a restore leaves in the audit log (nhật ký thay đổi), and what it checks in it first.

* :func:`note_restore` writes, into the restored database and before it is swapped in, that a
  restore happened: when, from which file, when that backup was made, on which machine. It is a
  change of the ``last_restore`` setting made through the storage's hooks, so the audit row is
  written by the same rule as every other (:mod:`desktop.storage.hooks`) with the restore as its
  reason; the attachments' names from the backup are cleaned in the same transaction. Done before
  the swap, the entry arrives with the restore or not at all, even if the swap is killed. The
  current data's note of its last USB backup goes along when newer than the backup's: the copy on
  the stick made since still exists, and the reminder must not turn red again.
* :func:`shorter_audit_log` warns of a backup whose log lacks rows the current log holds from
  before the backup was made — a log cut short (a crafted backup can empty it), not just an older
  one, whose log is the current one minus the changes made since.
"""

from __future__ import annotations

import json
import logging
import socket
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.backup.errors import BackupError
from desktop.backup.manifest import Manifest
from desktop.text import wording

if TYPE_CHECKING:
    from sqlmodel import Session

    from desktop.backup.status import UsbBackupNote
    from desktop.changes import Query

# The database's modules are imported when a restore runs: every start imports this package
# (:mod:`desktop.backup.recovery`) before any database is opened.
log = logging.getLogger("thidua.backup")
RESTORE_KEY = "last_restore"
AUDIT_TABLE = "auditentry"
CONFIRM_HINT = "Nếu vẫn muốn khôi phục, chạy lại lệnh với --confirm."


class ShorterAuditLog(BackupError):
    """The backup's audit log lacks rows the current one holds from before it was made."""


def machine_name() -> str:
    try:
        return socket.gethostname() or "không rõ"
    except OSError:
        return "không rõ"


def restore_reason(source: Path, manifest: Manifest) -> str:
    return (
        f"Khôi phục từ bản sao lưu “{source.name}” (tạo lúc "
        f"{wording.date_time(manifest.created)}) trên máy “{machine_name()}”"
    )


def note_restore(
    database: Path, source: Path, manifest: Manifest, usb_backup: UsbBackupNote | None = None
) -> int:
    """Record the restore in the backup's database (still in the scratch folder), with the
    current data's note of its last USB backup when that is newer than the backup's own.

    Returns how many attachment names were cleaned; the caller then settles the file.
    """
    from desktop.awards.attachments import clean_stored_names
    from desktop.backup.status import keep_usb_backup_note
    from desktop.models._base import now
    from desktop.settings import set_value
    from desktop.storage import Database
    from desktop.storage.hooks import set_audit_reason

    record = {
        "at": now().isoformat(sep=" ", timespec="seconds"),
        "file": source.name,
        "made_at": manifest.created_at,
        "machine": machine_name(),
    }
    restored = Database.open(database, quick_check=False)
    try:
        with restored.session() as session:
            set_audit_reason(session, restore_reason(source, manifest))
            set_value(session, RESTORE_KEY, json.dumps(record, ensure_ascii=False, sort_keys=True))
            keep_usb_backup_note(session, usb_backup)
            renamed = clean_stored_names(session)
    finally:
        restored.close()
    if renamed:
        log.warning("restore from %s: %d attachment names cleaned", source.name, renamed)
    return renamed


def _rows_before(session: Session, manifest: Manifest, newest_ids: dict[str, int]) -> int:
    """The current log's rows the backup's own log must hold (see :func:`shorter_audit_log`)."""
    from datetime import datetime

    from sqlalchemy import func
    from sqlmodel import col, select

    from desktop.models import AuditEntry

    counted = select(func.count()).select_from(AuditEntry)
    by_id = session.exec(counted.where(col(AuditEntry.id) <= manifest.last_audit_id)).one()
    made = datetime.fromisoformat(manifest.created_at)
    by_time = session.exec(counted.where(col(AuditEntry.at) < made)).one()
    by_records = 0
    for table, newest in newest_ids.items():
        if table == AUDIT_TABLE:
            continue
        made_before = counted.where(
            AuditEntry.table_name == table,
            AuditEntry.action == "insert",
            col(AuditEntry.record_id) <= newest,
        )
        by_records += int(session.exec(made_before).one())
    return max(int(by_id), int(by_time), by_records)


# The columns of an audit row, in a fixed order: a row of the backup and one of the current log
# are the same row when every one of them is equal.
AUDIT_COLUMNS = "id, at, table_name, record_id, action, field, old_value, new_value, reason"


def audit_rows(database: Path) -> frozenset[int]:
    """The rows of a backup's audit log (its extracted database, read-only), as hashes.

    Compared within this process only, so Python's own hash of the row's values suffices and a
    large log costs a few bytes a row.
    """
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)) as conn:
        try:
            rows = conn.execute(f"SELECT {AUDIT_COLUMNS} FROM {AUDIT_TABLE}")
        except sqlite3.OperationalError:  # no log at all: nothing of the current one is held
            return frozenset()
        return frozenset(hash(tuple(row)) for row in rows)


def _rows_missing(session: Session, manifest: Manifest, held_rows: frozenset[int]) -> int:
    """The current log's rows dated before the backup was made that its log lacks or holds changed.

    Only rows dated before the backup: those it must hold whatever happened since (a restore of
    an older backup, an id reused after a deletion), so that an honest backup is never doubted.
    """
    from sqlalchemy import text

    made = manifest.created_at.replace("T", " ")
    rows = session.connection().execute(
        text(f"SELECT {AUDIT_COLUMNS} FROM {AUDIT_TABLE} WHERE at < :made"),
        {"made": made},
    )
    return sum(1 for row in rows if hash(tuple(row)) not in held_rows)


def shorter_audit_log(
    source: Path,
    manifest: Manifest,
    newest_ids: dict[str, int],
    held_rows: frozenset[int] | None = None,
) -> Query[str | None]:
    """The warning for a backup whose audit log was cut short, or None.

    The backup's own log must hold the current log's rows from before it was made: those up to its
    newest audit id, those dated before its moment, and the insertion of every record it holds
    (``newest_ids``, read from its database: a record with an id up to a table's newest was made
    before the backup). A forgery can empty the log and lower its id and its date together, but
    not keep the records whose making the current log remembers. The current log's other rows are
    the changes made since, which the backup cannot hold.
    """

    def query(session: Session) -> str | None:
        held = manifest.counts.get(AUDIT_TABLE, 0)
        expected = _rows_before(session, manifest, newest_ids)
        if held >= expected:
            missing = _rows_missing(session, manifest, held_rows) if held_rows is not None else 0
            if not missing:
                return None
            # The count kept, the rows not: some were deleted and others put in their place.
            return (
                f"Nhật ký thay đổi của bản sao lưu “{source.name}” thiếu hoặc đã sửa "
                f"{wording.count(missing)} dòng mà dữ liệu hiện tại ghi từ trước lúc bản sao lưu "
                f"được tạo ({wording.date_time(manifest.created)}). Bản sao lưu có thể đã bị sửa "
                "để xóa dấu vết; khôi phục sẽ làm mất các dòng nhật ký đó. Dữ liệu hiện tại không "
                "thay đổi."
            )
        return (
            f"Nhật ký thay đổi của bản sao lưu “{source.name}” ngắn hơn của dữ liệu hiện tại: bản "
            f"sao lưu có {wording.count(held)} dòng, trong khi dữ liệu hiện tại có "
            f"{wording.count(expected)} dòng ghi từ trước lúc bản sao lưu được tạo "
            f"({wording.date_time(manifest.created)}). Bản sao lưu có thể đã bị sửa để xóa dấu "
            "vết; khôi phục sẽ làm mất các dòng nhật ký đó. Dữ liệu hiện tại không thay đổi."
        )

    return query
