"""The command line: demo, check, info, help — run as the clerk would run them."""

from __future__ import annotations

import argparse
import importlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import desktop.commands.basic
from desktop.cli import EXIT_BUG, EXIT_REFUSED, main
from desktop.commands import COMMAND_MODULES, COMMANDS
from desktop.errors import Refusal
from desktop.storage.schema import HEAD_REVISION


def test_help_lists_the_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for command in ("demo", "check", "info", "values", "results", "targets"):
        assert command in out


def test_demo_then_info_and_check(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    assert main(["--data-dir", str(data_dir), "info", "--json"]) == 0
    out = capsys.readouterr().out
    info = json.loads(out[out.index("{"):])
    assert info["schema_revision"] == HEAD_REVISION
    assert 35 <= info["counts"]["unit"] <= 50
    assert info["counts"]["quartervalue"] > 100
    assert info["counts"]["dossier"] >= 3
    assert main(["--data-dir", str(data_dir), "check"]) == 0
    assert "toàn vẹn" in capsys.readouterr().out


def test_a_command_leaves_the_cycle_collector_as_it_found_it(data_dir: Path) -> None:
    import gc

    assert gc.isenabled()
    assert main(["--data-dir", str(data_dir), "init"]) == 0  # info reads: it needs data
    assert main(["--data-dir", str(data_dir), "info"]) == 0
    assert gc.isenabled()


def test_demo_refuses_to_overwrite(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    assert main(["--data-dir", str(data_dir), "demo"]) == 1
    assert "không tạo dữ liệu mẫu đè lên" in capsys.readouterr().out


def test_synthetic_ward(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "demo", "--units", "30", "--years", "2025-2026"]) == 0
    assert "30 đơn vị, 2880 số liệu quý" in capsys.readouterr().out
    # With the movement's own record of its years, so that every report has its parts.
    assert main(["--data-dir", str(data_dir), "activities", "list", "--year", "2026"]) == 0
    listed = capsys.readouterr().out.strip().splitlines()
    assert len(listed) >= 12


def test_bad_year_range_is_explained(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "demo", "--units", "3", "--years", "hai nghìn"]) == 2
    assert "không hợp lệ" in capsys.readouterr().out


def test_check_lists_problems_and_fails(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    with sqlite3.connect(data_dir / "thidua.sqlite3") as conn:
        conn.execute("UPDATE person SET unit_id = 9999 WHERE id = 1")
    assert main(["--data-dir", str(data_dir), "check"]) == 1
    assert "person" in capsys.readouterr().out


def test_foreign_file_gives_a_message_not_a_traceback(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "thidua.sqlite3").write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    assert main(["--data-dir", str(data_dir), "info"]) == 3
    assert "không phải là cơ sở dữ liệu ThiĐua" in capsys.readouterr().err


def test_python_dash_m_desktop_runs(tmp_path: Path) -> None:
    assert main(["--data-dir", str(tmp_path), "init"]) == 0  # info reads: it needs data
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path), "info"],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert result.returncode == 0, result.stderr
    assert f"Cấu trúc:        {HEAD_REVISION}" in result.stdout


def test_the_table_lists_each_command_as_its_module_registers_it() -> None:
    """The help is built from the table without importing the modules: the two must agree."""
    for module in COMMAND_MODULES:
        subparsers = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(module).register(subparsers)
        registered = {action.dest: action.help for action in subparsers._choices_actions}
        assert registered == {c.name: c.help for c in COMMANDS if c.module == module}, module


def test_refusal_from_a_command_is_its_message_on_stderr(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    problems = [f"Dòng {n}: thiếu mã đơn vị." for n in range(2, 14)]

    def refuse(args: argparse.Namespace, ctx: object) -> int:
        raise Refusal("Không nhập được tệp.", problems)

    monkeypatch.setattr(desktop.commands.basic, "run_info", refuse)
    assert main(["--data-dir", str(data_dir), "init"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "info"]) == EXIT_REFUSED
    err = capsys.readouterr().err
    assert err.startswith("Không nhập được tệp.\nDòng 2: thiếu mã đơn vị.")
    assert "… và 4 dòng khác." in err


def test_bug_in_a_command_is_one_line_naming_the_log(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(args: argparse.Namespace, ctx: object) -> int:
        raise KeyError("unit_id")

    monkeypatch.setattr(desktop.commands.basic, "run_info", broken)
    assert main(["--data-dir", str(data_dir), "init"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "info"]) == EXIT_BUG
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(data_dir / "logs" / "thidua.log") in err
    assert "KeyError: 'unit_id'" in (data_dir / "logs" / "thidua.log").read_text(encoding="utf-8")


def test_usage_error_is_argparse_exit_2_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["info", "--khong-co"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "cách dùng:" in err and "tham số không hiểu được: --khong-co" in err
    # argparse speaks English again once the command line is parsed.
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]
