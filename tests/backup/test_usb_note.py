"""A restore keeps the note of a USB backup made since the backup it restores: the copy on the stick
is still there, so "Chưa sao lưu ra USB" must not turn red again minutes after one was made."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from desktop.backup import create_backup, crypto, list_backups, restore_backup
from desktop.backup.ops import usb_backup_recorded
from desktop.backup.status import (
    UsbBackupNote,
    keep_usb_backup_note,
    last_backup_folder,
    last_usb_backup,
    record_usb_backup,
    usb_backup_age,
)
from desktop.cli import main
from desktop.context import AppContext
from desktop.models._base import now
from desktop.movement.deadlines import due_items
from desktop.storage import Database


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 12)


def backup_reminders(ctx: AppContext) -> list[str]:
    items = ctx.door.read(lambda session: due_items(session, now().date()))
    return [item.text for item in items if item.kind == "backup"]


def test_a_usb_backup_made_after_the_restored_one_is_still_known(
    ctx: AppContext, demo_db: Database, tmp_path: Path
) -> None:
    month_ago = now() - timedelta(days=30)
    ctx.door.run(usb_backup_recorded(tmp_path / "cũ", at=month_ago))
    older = create_backup(ctx.folder, tmp_path)  # its data says: last on a stick a month ago
    stick = tmp_path / "usb"
    just_now = now() - timedelta(minutes=5)
    ctx.door.run(usb_backup_recorded(stick, at=just_now))
    assert backup_reminders(ctx) == []
    restore_backup(ctx, older.path)
    age = ctx.door.read(usb_backup_age)
    assert age.last == just_now and not age.late
    assert ctx.door.read(last_backup_folder) == str(stick)  # offered first next time
    assert backup_reminders(ctx) == []


def test_a_restored_file_that_knows_a_newer_usb_backup_keeps_its_own(
    ctx: AppContext, demo_db: Database
) -> None:
    newer = now() - timedelta(hours=1)
    with demo_db.session() as session:
        record_usb_backup(session, newer)
        keep_usb_backup_note(session, UsbBackupNote(newer - timedelta(days=3), "E:\\"))
        assert last_usb_backup(session) == newer
        keep_usb_backup_note(session, None)
        assert last_usb_backup(session) == newer
        keep_usb_backup_note(session, UsbBackupNote(newer + timedelta(minutes=1), "F:\\"))
        assert last_usb_backup(session) == newer + timedelta(minutes=1)
        assert last_backup_folder(session) == "F:\\"


def test_restore_on_the_command_line_after_a_backup_to_the_stick(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The clerk backs up to the stick, then restores yesterday's automatic backup: the status
    still says the stick's copy is from today."""
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    automatic = tmp_path / "tự động"
    automatic.mkdir()
    assert main(["--data-dir", str(data_dir), "backup", "--to", str(automatic)]) == 0
    [older] = list_backups(automatic)  # made before any note of a USB backup
    stick = tmp_path / "usb"
    stick.mkdir()
    assert main(["--data-dir", str(data_dir), "backup", "--to", str(stick)]) == 0
    assert main(["--data-dir", str(data_dir), "restore", str(older.path)]) == 0
    capsys.readouterr()
    db = Database.open(data_dir / "thidua.sqlite3")
    try:
        with db.session() as session:
            age = usb_backup_age(session)
    finally:
        db.close()
    assert age.days == 0 and not age.late
