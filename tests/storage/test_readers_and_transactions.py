"""Reading commands create nothing and change nothing; writes begin IMMEDIATE, reads deferred;
a busy database is a message without the data that was being written."""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.cli import EXIT_REFUSED, main, parse
from desktop.commands import BY_NAME, COMMANDS, EVERY, only_reads
from desktop.context import AppContext
from desktop.storage import Database

ROOT = Path(__file__).resolve().parents[2]

# One reading invocation of each kind the table lists (arguments the parsers require included).
READERS = [
    ["check"],
    ["info"],
    ["results", "--year", "2025", "--quarter", "1"],
    ["targets", "list"],
    ["document", "list"],
    ["dossiers", "list"],
    ["awards", "decisions"],
    ["council", "meetings"],
]


def _tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("args", READERS, ids=lambda a: " ".join(a))
def test_check_on_mistyped_folder_creates_nothing(
    tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    mistyped = tmp_path / "ThiDuaa"
    assert main(["--data-dir", str(mistyped), *args]) == EXIT_REFUSED
    err = capsys.readouterr().err
    assert "chưa có dữ liệu ThiĐua" in err and "init" in err and str(mistyped) in err
    assert not mistyped.exists()
    assert _tree(tmp_path) == []


def test_reader_on_an_empty_folder_creates_nothing_in_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "trống"
    folder.mkdir()
    assert main(["--data-dir", str(folder), "check"]) == EXIT_REFUSED
    assert "Không có gì được tạo." in capsys.readouterr().err
    assert _tree(folder) == []


def test_reader_on_a_data_folder_that_is_a_file_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_folder = tmp_path / "bao-cao.xlsx"
    not_a_folder.write_bytes(b"PK")
    assert main(["--data-dir", str(not_a_folder), "check"]) == EXIT_REFUSED
    assert "là một tệp, không phải thư mục" in capsys.readouterr().err
    assert not_a_folder.read_bytes() == b"PK"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_reading_commands_leave_the_database_as_it_was(data_dir: Path) -> None:
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    database = data_dir / "thidua.sqlite3"
    before = _digest(database)
    for args in READERS:
        assert main(["--data-dir", str(data_dir), *args]) in (0, 1), args
    assert _digest(database) == before


def _parsed(*args: str) -> argparse.Namespace:
    return parse(["--data-dir", "/nowhere", *args])[1]


def test_the_table_says_which_invocations_write() -> None:
    for args in READERS:
        assert only_reads(_parsed(*args)), args
    writers = [
        ["demo"],
        ["init"],
        ["units", "import", "ds.xlsx"],
        ["values", "import", "a.xlsx"],
        ["document", "plan", "--out", "a.pdf", "--issue"],
        ["document", "direction", "--year", "2025", "--text", "Tiếp tục"],
        ["document", "certificates", "--decision", "1", "--out", "a.pdf"],
        ["awards", "register", "--add-earlier", "--unit", "A", "--year", "2020"],
        ["backup", "--to", "/media/usb"],
        ["restore", "a.tdbak"],
        ["dossiers", "create", "--campaign", "1", "--unit", "A", "--form", "x"],
    ]
    for args in writers:
        try:
            namespace = _parsed(*args)
        except SystemExit:  # an argument the parser wants differently: still a writer's word
            continue
        assert not only_reads(namespace), args


def test_the_reading_choices_of_the_table_are_the_parsers_own() -> None:
    """A misspelt word in the table would silently lock a reader; every word must be a choice."""
    import importlib

    for command in COMMANDS:
        named = command.reads - {EVERY} | command.writes
        if not named:
            continue
        parser = argparse.ArgumentParser()
        subparsers = parser.add_subparsers(dest="command")
        importlib.import_module(command.module).register(subparsers)
        own = subparsers.choices[command.name]
        choices: set[str] = set()
        for action in own._actions:
            if action.dest == command.action and action.choices is not None:
                choices |= set(action.choices)
        assert named <= choices, (command.name, named - choices)
    assert BY_NAME["check"].reads == {EVERY}


# -- transactions -------------------------------------------------------------------------------


def _begins(db: Database) -> list[str]:
    from sqlalchemy import event

    seen: list[str] = []

    def note(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.startswith("BEGIN"):
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", note)
    return seen


def test_write_transactions_begin_immediate(ctx: AppContext) -> None:
    from sqlmodel import select

    from desktop.changes import Done
    from desktop.models import Unit

    seen = _begins(ctx.db)
    with ctx.db.session() as session:
        session.exec(select(Unit.id)).all()
    assert seen == ["BEGIN IMMEDIATE"]
    ctx.door.run(lambda session: Done(session.exec(select(Unit.id)).all()))
    assert seen == ["BEGIN IMMEDIATE"] * 2


def test_reads_stay_deferred_and_never_wait_for_a_writer(ctx: AppContext) -> None:
    import sqlite3

    from sqlmodel import select

    from desktop.models import Unit

    seen = _begins(ctx.db)
    assert ctx.door.read(lambda session: session.exec(select(Unit.id)).all()) == []
    with ctx.db.session(write=False) as session:
        session.exec(select(Unit.id)).all()
    ctx.db.schema_revision()
    assert seen == ["BEGIN"] * 3
    other = sqlite3.connect(ctx.folder.database, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # a writer in the middle of saving
        assert ctx.door.read(lambda session: session.exec(select(Unit.id)).all()) == []
    finally:
        other.rollback()
        other.close()


def test_reading_command_database_reads_unless_told_it_writes(data_dir: Path) -> None:
    assert main(["--data-dir", str(data_dir), "init"]) == 0
    ctx = AppContext.from_args(data_dir, writes=False)
    try:
        seen = _begins(ctx.db)
        with ctx.db.session() as session:
            session.connection()  # a session begins when it first uses its connection
        with ctx.db.session(write=True) as session:
            session.connection()
        assert seen == ["BEGIN", "BEGIN IMMEDIATE"]
    finally:
        ctx.close()


# -- a busy database, two real processes -----------------------------------------------------

NAME, PHONE = "Nguyễn Thị Hồng Nhung", "0912 345 678"

BLOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
print("held", flush=True)
time.sleep(60)
"""


def test_busy_database_message_has_no_personal_data(tmp_path: Path) -> None:
    ward = tmp_path / "data"
    assert main(["--data-dir", str(ward), "init"]) == 0
    roster = tmp_path / "don-vi.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Người đứng đầu", "Điện thoại"])
    sheet.append(["THCS01", "Trường THCS Nguyễn Du", "THCS", NAME, PHONE])
    workbook.save(roster)
    blocker = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(BLOCK), str(ward / "thidua.sqlite3")],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert blocker.stdout is not None and blocker.stdout.readline().strip() == "held"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop",
                "--data-dir",
                str(ward),
                "units",
                "import",
                str(roster),
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=ROOT,
            env={**os.environ, "THIDUA_BUSY_TIMEOUT_MS": "300"},
            check=False,
            timeout=120,
        )
    finally:
        blocker.kill()
        blocker.wait(timeout=30)
        if blocker.stdout is not None:
            blocker.stdout.close()
    assert result.returncode == EXIT_REFUSED, (result.stdout, result.stderr)
    assert "đang được một cửa sổ hoặc lệnh ThiĐua khác ghi" in result.stderr
    assert "Dữ liệu không thay đổi." in result.stderr
    logged = (ward / "logs" / "thidua.log").read_text(encoding="utf-8")
    for text in (result.stderr, result.stdout, logged):
        assert NAME not in text and PHONE not in text and "0912" not in text
    assert "Traceback" not in result.stderr and "INSERT" not in result.stderr
    assert "database is locked" in logged  # what the driver said stays for support
