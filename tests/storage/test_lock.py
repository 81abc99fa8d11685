"""One process per data folder: the lock file, its holder named, a crash's lock taken over.

The second process is always a real one (``python -m desktop``); the first holds the folder either
in this process or in a subprocess that sleeps holding it.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import EXIT_REFUSED, main
from desktop.context import AppContext
from desktop.storage.lock import WINDOW, Holder, held_here, program_of_command, read_holder

ROOT = Path(__file__).resolve().parents[2]

HOLD = """
import sys, time
from desktop.context import AppContext
ctx = AppContext.from_args(sys.argv[1], program=sys.argv[2])
print("held", flush=True)
time.sleep(60)
"""


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        check=False,
        timeout=120,
    )


@pytest.fixture
def ward(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "init"]) == 0
    return folder


class Holding:
    """A subprocess holding a data folder's lock until it is stopped or killed."""

    def __init__(self, folder: Path, program: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(HOLD), str(folder), program],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line.strip() == "held", self.process.stderr.read() if self.process.stderr else ""

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.kill()
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def holding() -> Iterator[list[Holding]]:
    started: list[Holding] = []
    yield started
    for holder in started:
        holder.stop()


def hold(started: list[Holding], folder: Path, program: str) -> Holding:
    holder = Holding(folder, program)
    started.append(holder)
    return holder


def unit_count(folder: Path) -> int:
    import sqlite3

    with sqlite3.connect(folder / "thidua.sqlite3") as conn:
        count: int = conn.execute("SELECT count(*) FROM unit").fetchone()[0]
    return count


def test_second_writer_gets_message_naming_holder(ward: Path, holding: list[Holding]) -> None:
    holder = hold(holding, ward, WINDOW)
    result = run_cli("--data-dir", str(ward), "demo")
    assert result.returncode == EXIT_REFUSED, result.stderr
    assert "Traceback" not in result.stderr
    said = result.stderr
    assert "đang được cửa sổ ThiĐua trên máy" in said
    assert socket.gethostname() in said and f"(tiến trình {holder.process.pid})" in said
    assert read_holder(ward / "thidua.lock") is not None
    since = read_holder(ward / "thidua.lock").since.strftime("%H:%M")  # type: ignore[union-attr]
    assert f"mở từ {since}" in said
    assert "Dữ liệu không thay đổi." in said
    assert unit_count(ward) == 0


def test_second_writer_is_told_which_command_holds_the_folder(
    ward: Path, holding: list[Holding]
) -> None:
    hold(holding, ward, program_of_command("units import"))
    result = run_cli(
        "--data-dir", str(ward), "targets", "clear", "--indicator", "1", "--year", "2026"
    )
    assert result.returncode == EXIT_REFUSED, result.stderr
    assert "đang được lệnh “units import” ThiĐua" in result.stderr
    assert "chờ lệnh xong" in result.stderr


def test_second_window_is_refused_while_a_command_runs(ward: Path) -> None:
    """The holder in this process, the second in another: the record is written by this one."""
    ctx = AppContext.from_args(ward, program=program_of_command("demo"))
    try:
        result = run_cli("--data-dir", str(ward), "init")
    finally:
        ctx.close()
    assert result.returncode == EXIT_REFUSED
    assert f"lệnh “demo” ThiĐua trên máy {socket.gethostname()}" in result.stderr
    assert f"(tiến trình {os.getpid()})" in result.stderr


def test_readers_run_while_another_holds_the_folder(ward: Path, holding: list[Holding]) -> None:
    hold(holding, ward, WINDOW)
    for args in (["info"], ["check"], ["targets", "list"], ["document", "list"]):
        result = run_cli("--data-dir", str(ward), *args)
        assert result.returncode == 0, (args, result.stderr)
        assert "đang được" not in result.stderr


def test_stale_lock_after_crash_is_taken_over(ward: Path, holding: list[Holding]) -> None:
    holder = hold(holding, ward, program_of_command("units import"))
    crashed = holder.process.pid
    holder.kill()  # SIGKILL: the OS frees the lock, the record stays
    stale = read_holder(ward / "thidua.lock")
    assert stale is not None and stale.pid == crashed
    result = run_cli("--data-dir", str(ward), "demo")
    assert result.returncode == 0, result.stderr
    assert "Lần trước ThiĐua bị tắt đột ngột (lệnh “units import”" in result.stderr
    assert f"tiến trình {crashed}" in result.stderr and "tiếp quản" in result.stderr
    assert unit_count(ward) > 0
    # A clean end leaves no record: the next start is not told of a crash.
    assert read_holder(ward / "thidua.lock") is None
    again = run_cli("--data-dir", str(ward), "targets", "list")
    assert again.returncode == 0 and "đột ngột" not in again.stderr


def test_stale_lock_is_not_taken_over_when_the_caller_declines(ward: Path) -> None:
    lock_file = ward / "thidua.lock"
    lock_file.write_text(Holder(WINDOW, 4242, "may-cu", Holder.this_process("x").since).to_text())
    asked: list[Holder] = []

    def decline(stale: Holder) -> bool:
        asked.append(stale)
        return False

    with pytest.raises(Exception, match="Chưa mở thư mục dữ liệu"):
        AppContext.from_args(ward, program=WINDOW, take_over=decline)
    assert [h.pid for h in asked] == [4242]
    assert read_holder(lock_file) == asked[0]  # the record is left as it was
    assert not held_here(lock_file)


def test_lock_is_reentrant_within_one_process(ward: Path) -> None:
    first = AppContext.from_args(ward)
    second = AppContext.from_args(ward)
    assert main(["--data-dir", str(ward), "demo"]) == 0  # the command line, in this process
    second.close()
    assert held_here(ward / "thidua.lock")
    assert run_cli("--data-dir", str(ward), "init").returncode == EXIT_REFUSED
    first.close()
    assert not held_here(ward / "thidua.lock")
    assert run_cli("--data-dir", str(ward), "init").returncode == 0


def test_closing_a_context_twice_does_not_free_another_hold(ward: Path) -> None:
    first = AppContext.from_args(ward)
    second = AppContext.from_args(ward)
    second.close()
    second.close()
    assert held_here(ward / "thidua.lock")
    first.close()
    assert not held_here(ward / "thidua.lock")


def test_writer_start_sweeps_crash_debris_before_opening_and_says_so(ward: Path) -> None:
    (ward / ".tmp").mkdir(exist_ok=True)
    (ward / ".tmp" / "archive.zip").write_bytes(b"x" * 4096)
    (ward / ".backup-1234").mkdir()
    result = run_cli("--data-dir", str(ward), "demo")
    assert result.returncode == 0, result.stderr
    assert "Đã dọn" in result.stderr and "lần chạy trước bị ngắt" in result.stderr
    assert not (ward / ".backup-1234").exists()
    assert not (ward / ".tmp" / "archive.zip").exists()


def test_last_sessions_viewing_copies_go_without_a_word_of_a_crash(ward: Path) -> None:
    """An attachment opened in the viewer leaves its copy in .tmp/xem/ after a normal close: the
    next start removes it, and does not tell the clerk that the last run was cut short."""
    copy = ward / ".tmp" / "xem" / "7" / "Kế hoạch.pdf"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(b"%PDF")
    result = run_cli("--data-dir", str(ward), "demo")
    assert result.returncode == 0, result.stderr
    assert "Đã dọn" not in result.stderr and not copy.exists()


def test_reader_skips_recovery_while_another_holds_the_folder(
    ward: Path, holding: list[Holding]
) -> None:
    holder = hold(holding, ward, WINDOW)
    # What the holder itself is using right now: never the reader's to sweep.
    (ward / ".tmp").mkdir(exist_ok=True)
    in_use = ward / ".tmp" / "viewer-copy.pdf"
    in_use.write_bytes(b"%PDF")
    result = run_cli("--data-dir", str(ward), "info")
    assert result.returncode == 0 and "Đã dọn" not in result.stderr
    assert in_use.exists()
    holder.kill()
    # Nobody holds it any more: the reader takes the lock for the moment of recovery.
    after = run_cli("--data-dir", str(ward), "info")
    assert after.returncode == 0, after.stderr
    assert "tắt đột ngột" in after.stderr and "Đã dọn" in after.stderr
    assert not in_use.exists()
    assert not held_here(ward / "thidua.lock") and read_holder(ward / "thidua.lock") is None


def test_a_lock_file_linked_to_another_file_leaves_that_file_untouched(
    ward: Path, tmp_path: Path
) -> None:
    # Measured: thidua.lock made a link to another file, and the next command emptied that file.
    other = tmp_path / "van-ban.txt"
    other.write_text("Tờ trình đã ký", encoding="utf-8")
    (ward / "thidua.lock").unlink(missing_ok=True)
    (ward / "thidua.lock").symlink_to(other)
    done = run_cli("--data-dir", str(ward), "init")
    assert done.returncode == EXIT_REFUSED
    assert "“thidua.lock” không phải tệp khóa của ThiĐua mà là một lối tắt" in done.stderr
    assert "Traceback" not in done.stderr
    assert other.read_text(encoding="utf-8") == "Tờ trình đã ký"
    assert run_cli("--data-dir", str(ward), "info").returncode == 0  # a reader still reads


def test_a_folder_under_the_lock_files_name_is_refused_in_words(ward: Path) -> None:
    # Measured: a folder named thidua.lock ended in "lỗi không lường trước" (exit 70).
    (ward / "thidua.lock").unlink(missing_ok=True)
    (ward / "thidua.lock").mkdir()
    done = run_cli("--data-dir", str(ward), "init")
    assert done.returncode == EXIT_REFUSED
    assert "mà là một thư mục" in done.stderr and "lường trước" not in done.stderr
