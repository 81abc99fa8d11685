"""The spec's Windows branch, run here: a window app (no console), the .ico, a Vietnamese version
resource made from desktop/__init__.py's version, what a build on Windows leaves out.

PyInstaller's ``versioninfo`` (which needs pefile, a Windows build's own) is stood in for by classes
that keep what they are given; the spec's text of it is written where the EXE is pointed.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest

import desktop
from desktop.ui import help_window, translations
from tests.build.spec_run import ROOT, run_spec


class _Piece:
    made: list[_Piece] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        _Piece.made.append(self)

    def __repr__(self) -> str:
        inside = [repr(a) for a in self.args] + [f"{k}={v!r}" for k, v in self.kwargs.items()]
        return f"{type(self).__name__}({', '.join(inside)})"


def _versioninfo() -> types.ModuleType:
    module = types.ModuleType("PyInstaller.utils.win32.versioninfo")
    for name in ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable",
                 "StringStruct", "VarFileInfo", "VarStruct"):  # fmt: skip
        setattr(module, name, type(name, (_Piece,), {}))
    return module


@pytest.fixture
def windows_spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    _Piece.made = []
    for parent in ("PyInstaller", "PyInstaller.utils", "PyInstaller.utils.win32"):
        if parent not in sys.modules:  # a machine without PyInstaller: empty packages will do
            try:
                __import__(parent)
            except ImportError:
                monkeypatch.setitem(sys.modules, parent, types.ModuleType(parent))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.win32.versioninfo", _versioninfo())
    lrelease = translations.lrelease_program()  # this machine's, before the platform says Windows
    monkeypatch.setattr(translations, "lrelease_program", lambda: lrelease)
    assert help_window.guide_folder().is_dir()  # imported before the platform says Windows
    with monkeypatch.context() as windows:
        windows.setattr(sys, "platform", "win32")
        return run_spec(tmp_path / "work")


def _strings() -> dict[str, str]:
    return {p.args[0]: p.args[1] for p in _Piece.made if type(p).__name__ == "StringStruct"}


def test_a_windows_build_is_a_window_app_with_its_icon_and_unstripped(windows_spec: Any) -> None:
    exe = windows_spec.exe
    assert exe["console"] is False and exe["strip"] is False and exe["name"] == "ThiDua"
    icon = Path(exe["icon"])
    assert icon == ROOT / "resources" / "icons" / "thidua.ico" and icon.is_file()


def test_the_version_resource_is_vietnamese_and_carries_the_apps_version(windows_spec: Any) -> None:
    strings = _strings()
    assert strings["FileVersion"] == strings["ProductVersion"] == desktop.__version__
    assert strings["ProductName"] == "ThiĐua" and strings["CompanyName"] == desktop.PUBLISHER
    assert "thi đua" in strings["FileDescription"]
    (table,) = [p for p in _Piece.made if type(p).__name__ == "StringTable"]
    assert table.args[0] == "042A04B0"  # Vietnamese, Unicode
    (translation,) = [p for p in _Piece.made if type(p).__name__ == "VarStruct"]
    assert translation.args == ("Translation", [0x042A, 1200])
    (fixed,) = [p for p in _Piece.made if type(p).__name__ == "FixedFileInfo"]
    numbers = fixed.kwargs["filevers"]
    assert len(numbers) == 4 and all(isinstance(n, int) for n in numbers)
    parts = tuple(int(part) for part in desktop.__version__.split("."))
    assert numbers[: len(parts)] == parts and not any(numbers[len(parts) :])
    text = Path(windows_spec.exe["version"]).read_text(encoding="utf-8")
    assert "StringStruct('ProductName', 'ThiĐua')" in text


def test_a_windows_build_leaves_out_what_windows_qt_brings_for_nothing(windows_spec: Any) -> None:
    unwanted = windows_spec.namespace["unwanted"]
    assert unwanted("PySide6\\opengl32sw.dll") and unwanted("PySide6\\Qt6Network.dll")
    assert unwanted("PySide6\\plugins\\imageformats\\qwebp.dll")
    assert not unwanted("PySide6\\plugins\\platforms\\qwindows.dll")
    names = {name for name, _, _ in windows_spec.collected}
    assert "resources/translations/qtbase_vi.qm" in names
