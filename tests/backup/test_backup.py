"""Backups: written under a temporary name, verified, encrypted on request, thinned when automatic."""

from __future__ import annotations

import errno
import hashlib
import shutil
import sqlite3
import zipfile
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from desktop.backup import (
    AUTO_TAG,
    TargetError,
    auto_backup,
    create_backup,
    crypto,
    list_backups,
    read_manifest,
    verify_backup,
)
from desktop.backup import archive as archive_module
from desktop.backup.auto import thin_auto_backups
from desktop.backup.manifest import DATABASE_MEMBER
from desktop.context import AppContext
from desktop.models import Unit
from desktop.models.register import UnitKind
from desktop.storage import Database


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests use a cheaper (still real) scrypt cost; the file records it, so reading is unchanged."""
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 12)


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def add_attachment(ctx: AppContext, content: bytes) -> Path:
    digest = hashlib.sha256(content).hexdigest()
    path = ctx.folder.attachments / digest[:2] / digest
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def test_backup_holds_snapshot_attachments_and_manifest(
    ctx: AppContext, demo_db: Database, usb: Path
) -> None:
    attachment = add_attachment(ctx, "Giấy khen — bản chụp".encode() * 100)
    result = create_backup(ctx.folder, usb)
    assert result.path.parent == usb
    assert result.path.name.startswith("ThiDua-PhuongKienAn-")
    assert result.path.suffix == ".tdbak"
    assert [p.name for p in usb.iterdir()] == [result.path.name]  # no .part left behind
    manifest = result.manifest
    assert manifest.schema_revision == demo_db.schema_revision()
    assert manifest.ward == "PHƯỜNG KIẾN AN"
    assert 35 <= manifest.counts["unit"] <= 50
    with zipfile.ZipFile(result.path) as archive:
        names = set(archive.namelist())
        member = "attachments/" + attachment.relative_to(ctx.folder.attachments).as_posix()
        assert {DATABASE_MEMBER, "manifest.json", member} == names
        assert archive.read(member) == attachment.read_bytes()
        for m in manifest.members:
            assert hashlib.sha256(archive.read(m.name)).hexdigest() == m.sha256


def test_snapshot_includes_commits_still_in_the_wal(
    ctx: AppContext, demo_db: Database, usb: Path
) -> None:
    with demo_db.session() as session:
        session.add(
            Unit(code="WAL01", name="Tổ dân phố chỉ có trong WAL", kind=UnitKind.RESIDENTIAL_GROUP)
        )
    assert Path(f"{ctx.folder.database}-wal").exists()
    result = create_backup(ctx.folder, usb, compress=True)
    verified = verify_backup(result.path, extract_to=usb / "x", work_dir=ctx.folder.scratch)
    assert verified.database is not None
    with closing(sqlite3.connect(verified.database)) as conn:
        assert conn.execute("SELECT name FROM unit WHERE code='WAL01'").fetchone() is not None


def test_encrypted_backup_reveals_nothing_without_the_passphrase(
    ctx: AppContext, demo_db: Database, usb: Path
) -> None:
    add_attachment(ctx, b"CCCD 031234567890 Nguyen Van A")
    result = create_backup(ctx.folder, usb, passphrase="Mật khẩu rất dài")
    raw = result.path.read_bytes()
    assert raw.startswith(crypto.MAGIC)
    assert b"SQLite format 3" not in raw and b"031234567890" not in raw
    assert not zipfile.is_zipfile(result.path)
    assert read_manifest(result.path) is None  # encrypted: the list cannot peek inside
    verified = verify_backup(
        result.path, passphrase="Mật khẩu rất dài", work_dir=ctx.folder.scratch
    )
    assert verified.encrypted and verified.manifest.counts == result.manifest.counts


def test_two_backups_in_one_second_keep_both(ctx: AppContext, demo_db: Database, usb: Path) -> None:
    first = create_backup(ctx.folder, usb)
    second = create_backup(ctx.folder, usb)
    assert first.path != second.path and first.path.exists() and second.path.exists()


class FailingSink:
    """A stick that stops taking bytes part way (full, write-protected or pulled out)."""

    def __init__(self, sink: Any, limit: int, error: OSError, on_fail: Any = None) -> None:
        self.sink, self.limit, self.error, self.on_fail = sink, limit, error, on_fail
        self.written = 0

    def write(self, data: bytes) -> int:
        if self.written + len(data) > self.limit:
            if self.on_fail:
                self.on_fail()
            raise self.error
        self.written += len(data)
        return self.sink.write(data)

    def flush(self) -> None:
        self.sink.flush()


def fail_writes_after(
    monkeypatch: pytest.MonkeyPatch, limit: int, error: OSError, on_fail: Any = None
) -> None:
    original = archive_module._write_archive

    def failing(sink: Any, *args: Any) -> None:
        original(FailingSink(sink, limit, error, on_fail), *args)

    monkeypatch.setattr(archive_module, "_write_archive", failing)


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "đã đầy"),
        (errno.EROFS, "chỉ đọc"),
        (errno.EIO, "bị rút ra"),
    ],
)
def test_failed_write_leaves_no_backup_and_keeps_older_ones(
    ctx: AppContext,
    demo_db: Database,
    usb: Path,
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    words: str,
) -> None:
    older = create_backup(ctx.folder, usb)
    older_bytes = older.path.read_bytes()
    fail_writes_after(monkeypatch, 100_000, OSError(code, "simulated"))
    with pytest.raises(TargetError) as refused:
        create_backup(ctx.folder, usb, passphrase="mật khẩu 12345")
    assert words in str(refused.value)
    assert "không thay đổi" in str(refused.value)
    assert sorted(p.name for p in usb.iterdir()) == [older.path.name]
    assert older.path.read_bytes() == older_bytes
    assert [b.path for b in list_backups(usb)] == [older.path]


def test_stick_pulled_out_mid_write(
    ctx: AppContext, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    fail_writes_after(
        monkeypatch, 50_000, OSError(errno.ENOENT, "gone"), lambda: shutil.rmtree(stick)
    )
    with pytest.raises(TargetError, match="bị rút ra"):
        create_backup(ctx.folder, stick)
    assert not stick.exists()
    assert not list(ctx.folder.root.glob(".backup-*"))  # scratch snapshot removed


def test_missing_target_folder_is_refused(
    ctx: AppContext, demo_db: Database, tmp_path: Path
) -> None:
    with pytest.raises(TargetError, match="Không tìm thấy thư mục"):
        create_backup(ctx.folder, tmp_path / "không-có")


def test_auto_backup_only_when_changed_and_thinned_to_one_per_day(
    ctx: AppContext, demo_db: Database
) -> None:
    first = auto_backup(ctx.folder, kept=3)
    assert first is not None and first.path.parent == ctx.folder.backups
    assert auto_backup(ctx.folder, kept=3) is None  # nothing changed since
    with demo_db.session() as session:
        session.add(Unit(code="AUTO1", name="Tổ dân phố mới", kind=UnitKind.RESIDENTIAL_GROUP))
    second = auto_backup(ctx.folder, kept=3)
    assert second is not None
    autos = [b for b in list_backups(ctx.folder.backups) if b.tag == AUTO_TAG]
    assert [b.path for b in autos] == [second.path]  # same day: the later replaces the earlier


def test_thinning_keeps_the_newest_days(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    for day in range(1, 8):
        for hour in (9, 17):
            (
                folder / f"ThiDua-PhuongKienAn-202601{day:02d}-{hour:02d}0000-tu-dong.tdbak"
            ).write_bytes(b"x")
    (folder / "ThiDua-PhuongKienAn-20260101-080000-truoc-khoi-phuc.tdbak").write_bytes(b"x")
    (folder / "ThiDua-PhuongKienAn-20260101-070000.tdbak").write_bytes(b"x")
    thin_auto_backups(folder, kept=3)
    left = sorted(p.name for p in folder.iterdir())
    assert left == [
        "ThiDua-PhuongKienAn-20260101-070000.tdbak",
        "ThiDua-PhuongKienAn-20260101-080000-truoc-khoi-phuc.tdbak",
        "ThiDua-PhuongKienAn-20260105-170000-tu-dong.tdbak",
        "ThiDua-PhuongKienAn-20260106-170000-tu-dong.tdbak",
        "ThiDua-PhuongKienAn-20260107-170000-tu-dong.tdbak",
    ]


def test_part_files_are_not_listed_as_backups(tmp_path: Path) -> None:
    (tmp_path / ".ThiDua-PhuongKienAn-20260101-070000.tdbak.part").write_bytes(b"x")
    (tmp_path / "ThiDua-PhuongKienAn-20260101-070000.tdbak").write_bytes(b"x")
    assert [b.path.name for b in list_backups(tmp_path)] == [
        "ThiDua-PhuongKienAn-20260101-070000.tdbak"
    ]


def test_a_write_the_stick_garbled_is_caught_by_the_read_back(
    ctx: AppContext, demo_db: Database, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.backup import DamagedBackup

    real_replace = archive_module.os.replace

    def garble_then_replace(source: Path, target: Path) -> None:
        raw = bytearray(Path(source).read_bytes())
        raw[len(raw) // 2] ^= 0x01  # one bit the stick did not keep
        Path(source).write_bytes(bytes(raw))
        real_replace(source, target)

    monkeypatch.setattr(archive_module.os, "replace", garble_then_replace)
    with pytest.raises(DamagedBackup):
        create_backup(ctx.folder, usb)
    assert list(usb.iterdir()) == []  # the bad file is not left to look like a backup


class CancelAfter:
    """The clerk presses Hủy after a few steps."""

    def __init__(self, steps: int) -> None:
        self.steps = steps

    def report(self, done: int, total: int, text: str = "") -> None:
        pass

    def check(self) -> None:
        self.steps -= 1
        if self.steps < 0:
            raise KeyboardInterrupt("Hủy")


@pytest.mark.parametrize("steps", [0, 2])
def test_cancelled_backup_leaves_nothing(
    ctx: AppContext, demo_db: Database, usb: Path, steps: int
) -> None:
    add_attachment(ctx, b"a" * 10)
    add_attachment(ctx, b"b" * 10)
    with pytest.raises(KeyboardInterrupt):
        create_backup(ctx.folder, usb, progress=CancelAfter(steps))
    assert list(usb.iterdir()) == []
    assert not list(ctx.folder.root.glob(".backup-*"))


def test_passphrase_typed_with_another_vietnamese_keyboard_opens_it(
    ctx: AppContext, demo_db: Database, usb: Path
) -> None:
    import unicodedata

    typed_here = unicodedata.normalize("NFC", "Kiến An mùa thu")
    typed_there = unicodedata.normalize("NFD", typed_here)  # combining marks, same letters
    assert typed_here != typed_there
    result = create_backup(ctx.folder, usb, passphrase=typed_here)
    assert verify_backup(result.path, passphrase=typed_there, work_dir=ctx.folder.scratch).encrypted
