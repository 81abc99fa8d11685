"""The drives a backup is offered on Windows (kernel32 stubbed), and a stick pulled out in between."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest

from desktop.backup import TargetError, create_backup, list_backups, targets
from desktop.backup import archive as archive_module
from desktop.backup.targets import Target
from desktop.context import AppContext
from desktop.storage import Database
from tests.windows.fakes import DRIVE_CDROM, FIXED, REMOVABLE, Drive, FakeKernel32, windows_error


def test_only_removable_drives_with_a_medium_are_offered_named_by_letter_and_label() -> None:
    kernel = FakeKernel32(
        {
            "C": Drive(FIXED, "Windows"),
            "D": Drive(FIXED, "DATA"),
            "E": Drive(REMOVABLE, "KINGSTON"),
            "F": Drive(DRIVE_CDROM, "CD"),
            "G": Drive(REMOVABLE, has_medium=False),  # an empty card-reader slot
            "H": Drive(REMOVABLE, "USB Phường Hòa"),
            "K": Drive(REMOVABLE, ""),
        }
    )
    assert targets.windows_drives(kernel) == [
        Target("E:\\ (KINGSTON)", Path("E:\\"), True),
        Target("H:\\ (USB Phường Hòa)", Path("H:\\"), True),
        Target("K:\\", Path("K:\\"), True),
    ]
    assert kernel.asked == ["C:\\", "D:\\", "E:\\", "F:\\", "G:\\", "H:\\", "K:\\"]


def test_a_pc_with_fixed_drives_only_offers_no_stick() -> None:
    kernel = FakeKernel32({"C": Drive(FIXED, "OS"), "D": Drive(FIXED, "")})
    assert targets.windows_drives(kernel) == []


def test_removable_targets_asks_windows_on_win32_and_the_mounts_elsewhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stick = [Target("E:\\", Path("E:\\"), True)]
    mounts = [Target("USB", Path("/media/thu/USB"), True)]
    monkeypatch.setattr(targets, "windows_drives", lambda: stick)
    monkeypatch.setattr(targets, "_mounted_media", lambda: mounts)
    assert targets.removable_targets("win32") == stick
    assert targets.removable_targets("linux") == mounts


def test_a_failing_drive_listing_offers_nothing_rather_than_failing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken() -> list[Target]:
        raise windows_error(21, "The device is not ready")

    monkeypatch.setattr(targets, "windows_drives", broken)
    assert targets.removable_targets("win32") == []


@pytest.mark.parametrize(
    ("winerror", "words"),
    [
        (21, "USB đã bị rút ra"),  # ERROR_NOT_READY, errno EACCES on Windows
        (1167, "USB đã bị rút ra"),  # ERROR_DEVICE_NOT_CONNECTED, errno EINVAL
        (55, "USB đã bị rút ra"),  # ERROR_DEV_NOT_EXIST
        (112, "đã đầy"),  # ERROR_DISK_FULL
        (39, "đã đầy"),  # ERROR_HANDLE_DISK_FULL, errno EINVAL
        (19, "chống ghi"),  # ERROR_WRITE_PROTECT
    ],
)
def test_windows_codes_are_worded_for_the_clerk_before_their_errno(
    winerror: int, words: str, tmp_path: Path
) -> None:
    message = str(archive_module.target_error(windows_error(winerror), tmp_path))
    assert words in message and "không thay đổi" in message
    assert "simulated" not in message  # Windows's own (English) text is not shown


def test_without_a_windows_code_the_errno_still_decides(tmp_path: Path) -> None:
    assert "chỉ đọc" in str(archive_module.target_error(OSError(errno.EACCES, "x"), tmp_path))
    assert "bị rút ra" in str(archive_module.target_error(OSError(errno.EIO, "x"), tmp_path))


def test_a_stick_listed_then_pulled_out_before_the_backup_is_refused_in_vietnamese(
    ctx: AppContext, demo_db: Database, tmp_path: Path
) -> None:
    stick = tmp_path / "E"
    stick.mkdir()
    listed = Target("E:\\ (KINGSTON)", stick, True)
    stick.rmdir()  # pulled out while the dialog was open
    with pytest.raises(TargetError) as refused:
        create_backup(ctx.folder, listed.path)
    assert "Hãy cắm USB" in str(refused.value) and "không thay đổi" in str(refused.value)
    assert not stick.exists()
    assert not list(ctx.folder.root.glob(".backup-*"))


class _PulledOut:
    """A stick that takes ``limit`` bytes, then answers as Windows does once it is gone."""

    def __init__(self, sink: Any, limit: int) -> None:
        self.sink, self.limit, self.written = sink, limit, 0

    def write(self, data: bytes) -> int:
        if self.written + len(data) > self.limit:
            raise windows_error(1167, "The device is not connected")
        self.written += len(data)
        return int(self.sink.write(data))

    def flush(self) -> None:
        self.sink.flush()


def test_a_stick_pulled_out_mid_write_leaves_nothing_half_written(
    ctx: AppContext, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "USB Phường Hòa"
    stick.mkdir()
    older = create_backup(ctx.folder, stick)
    original = archive_module._write_archive

    def failing(sink: Any, *args: Any) -> None:
        original(_PulledOut(sink, 60_000), *args)

    monkeypatch.setattr(archive_module, "_write_archive", failing)
    with pytest.raises(TargetError) as refused:
        create_backup(ctx.folder, stick, passphrase="mật khẩu 12345")
    message = str(refused.value)
    assert "USB đã bị rút ra" in message and "Dữ liệu hiện tại và các bản sao lưu cũ" in message
    assert sorted(p.name for p in stick.iterdir()) == [older.path.name]  # no .part, no new file
    assert [b.path for b in list_backups(stick)] == [older.path]
    assert not list(ctx.folder.root.glob(".backup-*"))
