"""The command line's one way out: every refusal path ends in a Vietnamese message, never a traceback.

Each test runs ``python -m desktop …`` as the clerk would, in its own process. Failures of the
machine underneath (a second writer, a read-only folder, a full or failing disk, a log folder
that cannot be written) are produced for real where a test can do so and injected from the test's
side otherwise (``python -c`` patches, then calls :func:`desktop.cli.main`).
"""

from __future__ import annotations

import ctypes
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.cli import EXIT_BUG, EXIT_REFUSED, main

ROOT = Path(__file__).resolve().parents[2]
NOTHING_CHANGED = "Dữ liệu không thay đổi."


def run_cli(
    *args: str,
    inject: str = "",
    env: dict[str, str] | None = None,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python -m desktop ARGS`` in a new process; ``inject`` runs first, in that process."""
    if inject:
        code = "\n".join(
            [textwrap.dedent(inject), "from desktop.cli import main", "raise SystemExit(main())"]
        )
        command = [sys.executable, "-c", code, *args]
    else:
        command = [sys.executable, "-m", "desktop", *args]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        preexec_fn=preexec_fn,
        check=False,
        timeout=120,
    )


def assert_refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == EXIT_REFUSED, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    for word in words:
        assert word in result.stderr, result.stderr


@pytest.fixture
def ward(tmp_path: Path) -> Path:
    """A data folder holding the plan's catalogue and no unit yet: ``demo`` will write to it."""
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "init"]) == 0
    return folder


def unit_count(folder: Path) -> int:
    with sqlite3.connect(folder / "thidua.sqlite3") as conn:
        count: int = conn.execute("SELECT count(*) FROM unit").fetchone()[0]
    return count


# --- two writers at once ---------------------------------------------------------------------


def test_second_writer_is_told_the_file_is_busy_and_nothing_changes(ward: Path) -> None:
    other = sqlite3.connect(ward / "thidua.sqlite3", isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")  # another window in the middle of saving
        result = run_cli(
            "--data-dir", str(ward), "demo", env={"THIDUA_BUSY_TIMEOUT_MS": "200"}
        )
    finally:
        other.rollback()
        other.close()
    assert_refused(result, "đang được một cửa sổ hoặc lệnh ThiĐua khác ghi", NOTHING_CHANGED)
    assert unit_count(ward) == 0


# --- a read-only data folder -----------------------------------------------------------------

PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


def _without_root_override() -> None:
    """In the child: give up root's power to write where the permissions say no.

    Dropped from the bounding set before ``exec``, the two capabilities are not given to the new
    program, so root is held to a folder's mode bits as any user is.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _as_plain_user() -> Callable[[], None] | None:
    if not hasattr(os, "geteuid") or sys.platform != "linux":
        pytest.skip("permissions of a read-only folder are tested on Linux only")
    if os.geteuid() != 0:
        return None  # an ordinary user is already held to the folder's mode
    probe = subprocess.run(
        [sys.executable, "-c", "pass"], preexec_fn=_without_root_override, check=False
    )
    if probe.returncode != 0:
        pytest.skip("running as root and unable to drop CAP_DAC_OVERRIDE for the child process")
    return _without_root_override


@pytest.fixture
def read_only() -> Iterator[Callable[[Path], None]]:
    """Makes folders read-only (0o555, and their files 0o444); undone after the test."""
    changed: list[tuple[Path, int]] = []

    def make(folder: Path) -> None:
        for path in [folder, *folder.rglob("*")]:
            changed.append((path, path.stat().st_mode))
            path.chmod(0o555 if path.is_dir() else 0o444)

    yield make
    for path, mode in reversed(changed):
        path.chmod(mode)


def test_read_only_data_folder_is_refused_with_its_name(
    ward: Path, read_only: Callable[[Path], None]
) -> None:
    as_user = _as_plain_user()
    read_only(ward)
    result = run_cli("--data-dir", str(ward), "demo", preexec_fn=as_user)
    assert_refused(result, "chỉ cho phép đọc", str(ward), NOTHING_CHANGED)
    assert unit_count(ward) == 0


def test_new_data_folder_on_a_read_only_disk_is_refused(
    tmp_path: Path, read_only: Callable[[Path], None]
) -> None:
    as_user = _as_plain_user()
    stick = tmp_path / "usb"
    stick.mkdir()
    read_only(stick)
    result = run_cli("--data-dir", str(stick / "ThiDua"), "init", preexec_fn=as_user)
    assert_refused(result, "chỉ cho phép đọc", str(stick / "ThiDua"))


def test_data_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "bao-cao.xlsx"
    not_a_folder.write_bytes(b"PK")
    result = run_cli("--data-dir", str(not_a_folder), "info")
    assert_refused(result, "là một tệp, không phải thư mục", str(not_a_folder))


# --- a full or failing disk ------------------------------------------------------------------

FAILING_WRITES = """
    import sqlite3
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "before_cursor_execute")
    def _disk(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("INSERT INTO UNIT"):
            raise sqlite3.OperationalError({message!r})
"""


@pytest.mark.parametrize(
    ("driver_says", "clerk_reads"),
    [
        ("database or disk is full", "đã đầy"),
        ("disk I/O error", "lỗi đọc ghi ổ đĩa"),
    ],
)
def test_database_write_on_a_failing_disk_is_refused_without_the_values(
    ward: Path, driver_says: str, clerk_reads: str
) -> None:
    result = run_cli(
        "--data-dir", str(ward), "demo", inject=FAILING_WRITES.format(message=driver_says)
    )
    assert_refused(result, clerk_reads, str(ward), NOTHING_CHANGED)
    assert unit_count(ward) == 0
    # The log keeps what the driver said for support, with the SQL but not the unit's phone.
    logged = (ward / "logs" / "thidua.log").read_text(encoding="utf-8")
    assert driver_says in logged
    assert "parameters hidden" in logged and "[parameters:" not in logged


FULL_DISK_ON_MKDIR = """
    import errno, os, pathlib
    def _full(self, mode=0o777, parents=False, exist_ok=False):
        raise OSError({code}, os.strerror({code}), str(self))
    pathlib.Path.mkdir = _full
"""


@pytest.mark.parametrize(
    ("code", "clerk_reads"),
    [("errno.ENOSPC", "đã đầy"), ("errno.EIO", "lỗi đọc ghi ổ đĩa")],
)
def test_new_data_folder_on_a_full_or_failing_disk_is_refused(
    tmp_path: Path, code: str, clerk_reads: str
) -> None:
    folder = tmp_path / "ThiDua"
    result = run_cli("--data-dir", str(folder), "init", inject=FULL_DISK_ON_MKDIR.format(code=code))
    assert_refused(result, clerk_reads, str(folder))


# --- a log folder that cannot be written -----------------------------------------------------


def test_unwritable_log_folder_does_not_stop_a_command(ward: Path, tmp_path: Path) -> None:
    shutil.rmtree(ward / "logs")
    (ward / "logs").write_text("không phải thư mục", encoding="utf-8")  # mkdir there fails
    temp = tmp_path / "temp"
    temp.mkdir()
    result = run_cli("--data-dir", str(ward), "info", env={"TMPDIR": str(temp)})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "Cấu trúc:" in result.stdout
    # The log went to the temporary folder instead.
    assert (temp / "ThiDua-logs" / "thidua.log").exists()


def test_a_start_with_its_log_in_the_data_folder_writes_nothing_in_the_system_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Finding the system's temporary folder writes a probe file in it, which a kill at that
    moment would leave there: a start whose log folder works never looks for it."""
    import logging
    import tempfile

    from desktop.logs import setup_logging

    def no_probe() -> str:
        raise AssertionError("the system's temporary folder was looked for")

    monkeypatch.setattr(tempfile, "gettempdir", no_probe)
    logger = logging.getLogger("thidua")
    kept = list(logger.handlers)
    try:
        assert setup_logging(tmp_path / "logs") == tmp_path / "logs" / "thidua.log"
    finally:
        for handler in list(logger.handlers):
            if handler not in kept:
                logger.removeHandler(handler)
                handler.close()
        for handler in kept:
            if handler not in logger.handlers:
                logger.addHandler(handler)


BROKEN_INFO = """
    import desktop.commands.basic as basic
    def _broken(args, ctx):
        raise RuntimeError("lỗi lập trình: Nguyễn Văn An 0912345678")
    basic.run_info = _broken
"""


def test_bug_with_unwritable_log_folder_names_the_log_it_could_write(
    ward: Path, tmp_path: Path
) -> None:
    shutil.rmtree(ward / "logs")
    (ward / "logs").write_text("không phải thư mục", encoding="utf-8")
    temp = tmp_path / "temp"
    temp.mkdir()
    result = run_cli("--data-dir", str(ward), "info", inject=BROKEN_INFO, env={"TMPDIR": str(temp)})
    assert result.returncode == EXIT_BUG
    fallback = temp / "ThiDua-logs" / "thidua.log"
    assert str(fallback) in result.stderr
    assert "Traceback" in fallback.read_text(encoding="utf-8")


def test_bug_when_no_log_can_be_written_is_still_one_line(ward: Path) -> None:
    no_log_anywhere = BROKEN_INFO + """
    import logging.handlers
    def _refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    logging.handlers.RotatingFileHandler = _refuse
"""
    result = run_cli("--data-dir", str(ward), "info", inject=no_log_anywhere)
    assert result.returncode == EXIT_BUG
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "không ghi được tệp nhật ký" in lines[0]
    assert "RuntimeError" in lines[0] and "0912345678" not in lines[0]


# --- an unexpected bug -----------------------------------------------------------------------


def test_bug_prints_one_vietnamese_line_and_logs_the_traceback(ward: Path) -> None:
    result = run_cli("--data-dir", str(ward), "info", inject=BROKEN_INFO)
    assert result.returncode == EXIT_BUG
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    log_file = ward / "logs" / "thidua.log"
    assert lines[0].startswith("Xin lỗi, ThiĐua gặp một lỗi không lường trước")
    assert str(log_file) in lines[0]
    # What went wrong stays in the log, for support: not on the clerk's screen.
    assert "0912345678" not in result.stderr and "Traceback" not in result.stderr
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "RuntimeError: lỗi lập trình" in logged


def test_bug_while_building_the_parser_is_caught_too(tmp_path: Path) -> None:
    broken_module = """
    import desktop.commands as commands
    commands.BY_NAME["info"] = commands.Command("info", "desktop.commands.khong_co", "")
"""
    temp = tmp_path / "temp"
    temp.mkdir()
    result = run_cli("info", inject=broken_module, env={"TMPDIR": str(temp)})
    assert result.returncode == EXIT_BUG
    assert "Traceback" not in result.stderr
    assert "ModuleNotFoundError" in (temp / "ThiDua-logs" / "thidua.log").read_text("utf-8")


def test_usage_errors_keep_argparse_exit_code_in_vietnamese(tmp_path: Path) -> None:
    result = run_cli("--data-dir", str(tmp_path), "khong-co-lenh-nay")
    assert result.returncode == 2
    assert "cách dùng: python -m desktop" in result.stderr
    assert "lựa chọn không hợp lệ: 'khong-co-lenh-nay'" in result.stderr
    result = run_cli("--data-dir", str(tmp_path), "document")
    assert result.returncode == 2
    assert "còn thiếu tham số bắt buộc" in result.stderr
