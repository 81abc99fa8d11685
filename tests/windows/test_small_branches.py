"""The other places that ask which system this is, each taken down its Windows road."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from desktop import paths
from desktop.backup import journal
from desktop.commands import selftest
from desktop.ui import translations


def test_lrelease_is_the_exe_beside_pyside6_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    here = translations.lrelease_program()
    with monkeypatch.context() as windows:
        windows.setattr(sys, "platform", "win32")
        program = translations.lrelease_program()
    assert program == here.with_name("lrelease.exe")


def test_windows_makes_renames_durable_itself_so_no_folder_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[object] = []

    def record(*args: object, **kwargs: object) -> int:
        opened.append(args)
        raise AssertionError("a folder has no handle to flush on Windows")

    with monkeypatch.context() as windows:
        windows.setattr(os, "name", "nt")
        windows.setattr(journal.os, "open", record)
        journal.fsync_folder(tmp_path)
    assert opened == []
    journal.fsync_folder(tmp_path)  # on this machine the folder is flushed, and nothing is said


def test_a_windowed_self_test_leaves_its_line_beside_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = tmp_path / "Chương trình ThiĐua" / "ThiDua.exe"
    program.parent.mkdir()
    monkeypatch.setattr(sys, "stdout", None)  # a windowed build on Windows has no console
    monkeypatch.setattr(sys, "executable", str(program))
    selftest._say("THIDUA SELF-TEST OK in 3,1 s — cơ sở dữ liệu: schema 0008")
    written = program.with_name("thidua-selftest.txt").read_text(encoding="utf-8")
    assert written == "THIDUA SELF-TEST OK in 3,1 s — cơ sở dữ liệu: schema 0008"


def test_the_frozen_program_on_a_stick_keeps_its_data_beside_it_when_portable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "USB Phường Hòa" / "ThiDua"
    stick.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(stick / "ThiDua.exe"))
    monkeypatch.delenv(paths.ENV_VAR, raising=False)
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert paths.executable_dir() == stick
    assert paths.resolve_data_folder(platform="win32").root == tmp_path / "Local" / "ThiDua"
    (stick / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.resolve_data_folder(platform="win32").root == stick / "data"
