"""Faults at start end in messages: a read-only folder, a full disk, permission denied, a data
folder that is a file — a Vietnamese message, a non-zero exit, nothing changed, no traceback.

Folder modes are meaningless to root (``os.geteuid() == 0``): the chmod cases are skipped there
and the same faults are injected as the ``OSError`` the disk would raise.
"""

from __future__ import annotations

import errno
import hashlib
import logging.handlers
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import desktop.backup.recovery
import desktop.storage.lock
from desktop.cli import EXIT_REFUSED, main
from desktop.storage.lock import held_here

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
READ_ONLY = "chỉ cho phép đọc"
NOTHING_CHANGED = "Dữ liệu không thay đổi."


@pytest.fixture
def ward(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "init"]) == 0
    return folder


def unit_count(folder: Path) -> int:
    with sqlite3.connect(f"{(folder / 'thidua.sqlite3').as_uri()}?mode=ro", uri=True) as conn:
        count: int = conn.execute("SELECT count(*) FROM unit").fetchone()[0]
    return count


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def failing(code: int) -> Any:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code), str(args[0]) if args else None)

    return fail


def no_log_yet() -> None:
    """The log file of an earlier test let go of, so that this start sets up its own."""
    logger = logging.getLogger("thidua")
    for handler in list(logger.handlers):
        if isinstance(handler, logging.FileHandler):
            logger.removeHandler(handler)
            handler.close()


def assert_refused(err: str, *words: str) -> None:
    assert "Traceback" not in err
    for word in words:
        assert word in err, err


@pytest.fixture
def read_only_folder(ward: Path) -> Iterator[Path]:
    """The ward's folder and files made read-only (0o555 / 0o444); undone after the test."""
    changed = [(path, path.stat().st_mode) for path in [ward, *ward.rglob("*")]]
    for path, _ in changed:
        path.chmod(0o555 if path.is_dir() else 0o444)
    yield ward
    for path, mode in reversed(changed):
        path.chmod(mode)


@pytest.mark.skipif(AS_ROOT or sys.platform == "win32", reason="root ignores folder modes")
def test_read_only_folder_gives_message_not_traceback(
    read_only_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(read_only_folder / "thidua.sqlite3")
    assert main(["--data-dir", str(read_only_folder), "demo"]) == EXIT_REFUSED
    assert_refused(capsys.readouterr().err, READ_ONLY, str(read_only_folder), NOTHING_CHANGED)
    assert digest(read_only_folder / "thidua.sqlite3") == before


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
def test_read_only_folder_injected_gives_message_not_traceback(
    ward: Path, code: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """What a read-only stick says: the log cannot open, nor can the lock file."""
    before = digest(ward / "thidua.sqlite3")
    monkeypatch.setattr(logging.handlers, "RotatingFileHandler", failing(code))
    monkeypatch.setattr(desktop.storage.lock, "_open", failing(code))
    no_log_yet()  # as in a new process
    assert main(["--data-dir", str(ward), "demo"]) == EXIT_REFUSED
    err = capsys.readouterr().err
    assert_refused(err, READ_ONLY, NOTHING_CHANGED)
    assert len(err.strip().splitlines()) == 1  # the log fell back silently: one line, the message
    assert digest(ward / "thidua.sqlite3") == before


def test_reader_on_a_read_only_folder_still_answers(
    ward: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``info`` cannot take the lock for recovery on a read-only stick: it skips it and reads."""
    monkeypatch.setattr(desktop.storage.lock, "_open", failing(errno.EROFS))
    assert main(["--data-dir", str(ward), "info"]) == 0
    captured = capsys.readouterr()
    assert "Cấu trúc:" in captured.out and captured.err == ""


@pytest.mark.parametrize(
    ("code", "clerk_reads"), [(errno.ENOSPC, "đã đầy"), (errno.EIO, "lỗi đọc ghi ổ đĩa")]
)
def test_full_disk_at_start_gives_message_and_frees_the_lock(
    ward: Path,
    code: int,
    clerk_reads: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(desktop.storage.lock, "_write_record", failing(code))
        assert main(["--data-dir", str(ward), "demo"]) == EXIT_REFUSED
    assert_refused(capsys.readouterr().err, clerk_reads, NOTHING_CHANGED)
    assert unit_count(ward) == 0
    assert not held_here(ward / "thidua.lock")
    assert main(["--data-dir", str(ward), "demo"]) == 0  # the disk has room again


def test_failing_recovery_at_start_gives_message_and_frees_the_lock(
    ward: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(desktop.backup.recovery, "recover_at_start", failing(errno.ENOSPC))
        assert main(["--data-dir", str(ward), "demo"]) == EXIT_REFUSED
    assert_refused(capsys.readouterr().err, "đã đầy")
    assert unit_count(ward) == 0 and not held_here(ward / "thidua.lock")


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS, errno.ENOSPC])
def test_data_folder_that_cannot_be_created_gives_message_and_creates_nothing(
    tmp_path: Path, code: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ThiDua"
    monkeypatch.setattr(Path, "mkdir", failing(code))
    assert main(["--data-dir", str(folder), "init"]) == EXIT_REFUSED
    assert_refused(capsys.readouterr().err, str(folder))
    assert not folder.exists()


def test_data_folder_that_is_a_file_refuses_a_writer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_folder = tmp_path / "bao-cao.xlsx"
    not_a_folder.write_bytes(b"PK")
    assert main(["--data-dir", str(not_a_folder), "demo"]) == EXIT_REFUSED
    assert_refused(capsys.readouterr().err, "là một tệp, không phải thư mục", str(not_a_folder))
    assert not_a_folder.read_bytes() == b"PK"


def test_log_that_cannot_open_falls_back_silently(
    ward: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(logging.handlers, "RotatingFileHandler", failing(errno.EACCES))
    no_log_yet()
    assert main(["--data-dir", str(ward), "demo"]) == 0
    assert capsys.readouterr().err == ""
    assert unit_count(ward) > 0
