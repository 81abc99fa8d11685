"""A restore leaves its trace in the audit log; a backup whose log was cut short is not trusted."""

from __future__ import annotations

import json
import re
import socket
import sqlite3
import zipfile
from contextlib import closing
from pathlib import Path

import pytest
from sqlmodel import col, select

from desktop.backup import ShorterAuditLog, create_backup, list_backups, restore_backup
from desktop.backup.manifest import MANIFEST_NAME
from desktop.backup.snapshot import table_counts
from desktop.cli import main
from desktop.context import AppContext
from desktop.models import Attachment, AuditEntry, Setting, Unit
from desktop.models.register import UnitKind
from desktop.storage import Database
from desktop.text import wording
from tests.helpers.forged_backups import age_the_log, with_database


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def test_restore_writes_audit_entry(ctx: AppContext, demo_db: Database, usb: Path) -> None:
    backup = create_backup(ctx.folder, usb)
    restore_backup(ctx, backup.path)
    with ctx.db.session() as session:
        [entry] = session.exec(
            select(AuditEntry).where(col(AuditEntry.reason).startswith("Khôi phục từ"))
        ).all()
        record = session.get(Setting, "last_restore")
    made = wording.date_time(backup.manifest.created)
    assert entry.table_name == "setting" and entry.action == "insert"
    assert entry.reason == (
        f"Khôi phục từ bản sao lưu “{backup.path.name}” (tạo lúc {made}) "
        f"trên máy “{socket.gethostname()}”"
    )
    assert record is not None
    noted = json.loads(record.value)
    assert noted["file"] == backup.path.name
    assert noted["made_at"] == backup.manifest.created_at
    assert noted["machine"] == socket.gethostname()
    assert noted["at"].startswith("2026-12-01")  # when: the clerk's day


def test_shorter_audit_log_warns(ctx: AppContext, demo_db: Database, usb: Path) -> None:
    """The issue's forgery: the log emptied (and its newest id with it), all else consistent."""
    age_the_log(ctx.folder.database)
    good = create_backup(ctx.folder, usb).path
    wiped = with_database(good, usb / "xoa-dau-vet.tdbak", "DELETE FROM auditentry;")
    before = ctx.folder.database.read_bytes()
    with pytest.raises(ShorterAuditLog) as refused:
        restore_backup(ctx, wiped)
    rows = table_counts(ctx.folder.database)["auditentry"]
    said = re.search(
        r"bản sao lưu có 0 dòng, trong khi dữ liệu hiện tại có (\d+) dòng ghi từ trước",
        refused.value.text(),
    )
    assert said is not None and int(said.group(1)) == rows
    assert "--confirm" in refused.value.text()
    assert ctx.folder.database.read_bytes() == before
    assert list_backups(ctx.folder.backups) == []  # refused before the safety backup
    restore_backup(ctx, wiped, accept_shorter_audit=True)  # the clerk read it and went on
    assert table_counts(ctx.folder.database)["auditentry"] == 1  # only the restore's own row


def test_shorter_audit_log_warns_even_when_the_backup_is_dated_before_everything(
    ctx: AppContext, demo_db: Database, usb: Path
) -> None:
    """The log, its newest id and the backup's date all forged: the records it holds still tell."""
    good = create_backup(ctx.folder, usb).path
    forged = with_database(
        good, usb / "gia-ngay.tdbak", "DELETE FROM auditentry;", made_at="2020-01-01T08:00:00"
    )
    with pytest.raises(ShorterAuditLog, match="bản sao lưu có 0 dòng"):
        restore_backup(ctx, forged)


def test_audit_rows_replaced_by_filler_keeping_the_count_warn(
    ctx: AppContext, demo_db: Database, usb: Path
) -> None:
    """A subtler forgery than emptying: the rows of one table deleted and as many copies of
    others put in, under new ids, so the count, the newest id and the date all still agree."""
    age_the_log(ctx.folder.database)
    good = create_backup(ctx.folder, usb).path
    forged = with_database(
        good,
        usb / "thay-dong.tdbak",
        "CREATE TEMP TABLE gone AS SELECT * FROM auditentry WHERE table_name = 'unit';"
        "DELETE FROM auditentry WHERE table_name = 'unit';"
        "INSERT INTO auditentry SELECT id + 1000000, at, 'person', record_id, action, field,"
        " old_value, new_value, reason FROM gone;",
    )
    gone = len(_unit_audit_rows(ctx.folder.database))
    assert gone > 0
    assert table_counts(ctx.folder.database)["auditentry"] <= _audit_count(forged)
    before = ctx.folder.database.read_bytes()
    with pytest.raises(ShorterAuditLog) as refused:
        restore_backup(ctx, forged)
    said = refused.value.text()
    assert f"thiếu hoặc đã sửa {gone} dòng" in said and "--confirm" in said
    assert ctx.folder.database.read_bytes() == before
    restore_backup(ctx, forged, accept_shorter_audit=True)  # the clerk read it and went on


def _unit_audit_rows(database: Path) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(database)) as conn:
        return conn.execute("SELECT * FROM auditentry WHERE table_name = 'unit'").fetchall()


def _audit_count(backup: Path) -> int:
    with zipfile.ZipFile(backup) as archive:
        return int(json.loads(archive.read(MANIFEST_NAME))["counts"]["auditentry"])


def test_older_backup_with_its_whole_log_does_not_warn(
    ctx: AppContext, demo_db: Database, usb: Path
) -> None:
    """Changes made since a backup are not a shorter log: restoring it asks nothing more."""
    backup = create_backup(ctx.folder, usb).path
    with ctx.db.session() as session:
        session.add(Unit(code="SAU03", name="Đơn vị sau sao lưu", kind=UnitKind.BUSINESS))
    restore_backup(ctx, backup)
    again = create_backup(ctx.folder, usb).path
    with ctx.db.session() as session:
        session.add(Unit(code="SAU04", name="Đơn vị sau lần khôi phục", kind=UnitKind.BUSINESS))
    restore_backup(ctx, backup)  # older than the restore that was made since: still its whole log
    restore_backup(ctx, again)


def test_shorter_audit_log_stops_the_command_unless_confirmed(
    data_dir: Path, usb: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(data_dir)]
    assert main([*data, "demo"]) == 0
    age_the_log(data_dir / "thidua.sqlite3")
    assert main([*data, "backup", "--to", str(usb)]) == 0
    [good] = list_backups(usb)
    wiped = with_database(good.path, usb / "xoa.tdbak", "DELETE FROM auditentry WHERE id > 10;")
    capsys.readouterr()
    assert main([*data, "restore", str(wiped), "--test"]) == 0  # the trial says it, changes nothing
    tried = capsys.readouterr().out
    assert "Khôi phục thử thành công" in tried and "Lưu ý: Nhật ký thay đổi" in tried
    assert main([*data, "restore", str(wiped)]) == 1
    said = capsys.readouterr().err
    assert "Nhật ký thay đổi của bản sao lưu “xoa.tdbak” ngắn hơn" in said
    assert "chạy lại lệnh với --confirm" in said
    assert main([*data, "restore", str(wiped), "--confirm"]) == 0


def test_restored_attachment_names_are_cleaned(
    ctx: AppContext, demo_db: Database, usb: Path
) -> None:
    """A crafted backup's name with a path in it never reaches the viewer."""
    dossier_id = 1
    with ctx.db.session() as session:
        session.add(
            Attachment(dossier_id=dossier_id, sha256="ab" * 32, original_name="x.pdf", size=3)
        )
    good = create_backup(ctx.folder, usb).path
    crafted = with_database(
        good,
        usb / "ten-doc.tdbak",
        "UPDATE attachment SET original_name = '..\\..\\Startup\\evil.exe' WHERE sha256 = '"
        + "ab" * 32
        + "';",
    )
    result = restore_backup(ctx, crafted)
    assert result.names_cleaned == 1
    with ctx.db.session() as session:
        [name] = session.exec(
            select(Attachment.original_name).where(Attachment.sha256 == "ab" * 32)
        ).all()
    assert "\\" not in name and "/" not in name and ".." not in name
