"""Figures the command line prints read as the clerk writes them: a decimal comma ("0,6 MB"),
never the point ("0.6 MB")."""

from __future__ import annotations

import re
from collections import namedtuple
from pathlib import Path

import pytest

from desktop.backup import crypto, list_backups, verify
from desktop.cli import main

POINT_DECIMAL = re.compile(r"\d\.\d+ (?:MB|GB|KB|giây)")
COMMA_SIZE = re.compile(r"\d+,\d (?:MB|GB)|\d+ KB")


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 12)


def test_info_prints_the_size_with_a_decimal_comma(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "info"]) == 0
    out = capsys.readouterr().out
    [line] = [line for line in out.splitlines() if line.startswith("Tệp dữ liệu:")]
    assert COMMA_SIZE.search(line), line
    assert not POINT_DECIMAL.search(out), out


def test_synthetic_demo_prints_seconds_and_size_with_a_decimal_comma(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["demo", "--units", "3", "--years", "2025-2025", "--indicators", "2"]
    assert main(["--data-dir", str(data_dir), *args]) == 0
    out = capsys.readouterr().out
    assert re.search(r"\d+,\d giây, tệp (?:\d+,\d MB|\d+ KB)$", out.strip()), out
    assert not POINT_DECIMAL.search(out), out


def test_backup_prints_size_and_seconds_with_a_decimal_comma(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    assert main(["--data-dir", str(data_dir), "backup", "--to", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"\((?:\d+,\d MB|\d+ KB), \d+,\d giây\)", out), out
    assert not POINT_DECIMAL.search(out), out


def test_no_room_to_check_a_backup_words_the_room_needed(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    assert main(["--data-dir", str(data_dir), "backup", "--to", str(tmp_path)]) == 0
    [backup] = list_backups(tmp_path)
    capsys.readouterr()
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(verify.shutil, "disk_usage", lambda _path: usage(1, 1, 0))
    assert main(["--data-dir", str(data_dir), "restore", str(backup.path), "--test"]) != 0
    err = capsys.readouterr().err
    assert "Không đủ chỗ trống" in err
    assert re.search(r"cần khoảng (?:\d+,\d MB|\d+ KB)\)", err), err
