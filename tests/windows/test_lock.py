"""The data folder's lock on Windows: ``msvcrt.locking`` (stubbed) on one byte far past the record."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest

from desktop.storage import lock
from desktop.storage.lock import WINDOWS_LOCK_OFFSET, FolderInUse, Holder
from tests.windows.fakes import FakeMsvcrt


@pytest.fixture
def msvcrt(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    monkeypatch.setattr(lock, "ON_WINDOWS", True)
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    return fake


@pytest.fixture
def lock_file(tmp_path: Path) -> Path:
    folder = tmp_path / "Dữ liệu Thi đua" / "Phường Hòa An"  # Vietnamese letters and spaces
    folder.mkdir(parents=True)
    return folder / "thidua.lock"


def test_the_lock_is_one_byte_far_past_the_record_and_is_let_go_on_release(
    msvcrt: FakeMsvcrt, lock_file: Path
) -> None:
    held = lock.acquire(lock_file, lock.WINDOW)
    assert held is not None and held.stale is None
    assert msvcrt.calls == [(FakeMsvcrt.LK_NBLCK, WINDOWS_LOCK_OFFSET, 1)]
    # The record stays readable by a second program while the lock is held.
    holder = lock.read_holder(lock_file)
    assert holder is not None and holder.program == lock.WINDOW and holder.pid == held.holder.pid
    assert lock.held_here(lock_file)
    held.release()
    assert msvcrt.calls[-1] == (FakeMsvcrt.LK_UNLCK, WINDOWS_LOCK_OFFSET, 1)
    assert msvcrt.held == {} and lock_file.read_bytes() == b""
    assert not lock.held_here(lock_file)
    again = lock.acquire(lock_file, "lệnh “units import”")  # free again for the next program
    assert again is not None
    again.release()


def test_a_folder_another_program_holds_is_refused_naming_it(
    msvcrt: FakeMsvcrt, lock_file: Path
) -> None:
    since = datetime(2026, 11, 30, 8, 15)
    other = Holder(lock.WINDOW, 4321, "MAY-VAN-THU", since)
    with open(lock_file, "a+b") as theirs:  # the other process: its record and its lock
        theirs.write(other.to_text().encode("utf-8"))
        theirs.flush()
        theirs.seek(WINDOWS_LOCK_OFFSET)
        msvcrt.locking(theirs.fileno(), FakeMsvcrt.LK_NBLCK, 1)
        with pytest.raises(FolderInUse) as refused:
            lock.acquire(lock_file, "lệnh “backup”")
        message = str(refused.value)
        assert "MAY-VAN-THU" in message and "4321" in message and "08:15 ngày 30/11/2026" in message
        assert "Hãy đóng cửa sổ kia" in message
        assert lock.try_acquire(lock_file, "lệnh “backup”") is None
        assert not lock.held_here(lock_file)
        assert lock.read_holder(lock_file) == other  # the holder's record is left as it was


def test_a_record_left_by_a_crash_is_taken_over_once_the_lock_is_free(
    msvcrt: FakeMsvcrt, lock_file: Path
) -> None:
    crashed = Holder(lock.WINDOW, 99, "MAY-VAN-THU", datetime(2026, 11, 30, 17, 2))
    lock_file.write_text(crashed.to_text(), encoding="utf-8")
    held = lock.acquire(lock_file, lock.WINDOW)
    assert held is not None and held.stale == crashed
    assert msvcrt.held  # held by this process now
    held.release()
    assert msvcrt.held == {}


def test_declining_a_stale_record_unlocks_at_the_same_byte(
    msvcrt: FakeMsvcrt, lock_file: Path
) -> None:
    crashed = Holder(lock.WINDOW, 99, "MAY-VAN-THU", datetime(2026, 11, 30, 17, 2))
    lock_file.write_text(crashed.to_text(), encoding="utf-8")
    assert lock.acquire(lock_file, lock.WINDOW, take_over=lambda stale: False) is None
    assert [mode for mode, _, _ in msvcrt.calls] == [FakeMsvcrt.LK_NBLCK, FakeMsvcrt.LK_UNLCK]
    assert {offset for _, offset, _ in msvcrt.calls} == {WINDOWS_LOCK_OFFSET}
    assert msvcrt.held == {} and lock.read_holder(lock_file) == crashed
