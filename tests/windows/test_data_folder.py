"""Where the data folder is on Windows: %LOCALAPPDATA%\\ThiDua, a user name with Vietnamese
letters and spaces included; the folder works there (database, backup, restore check)."""

from __future__ import annotations

from pathlib import Path

import pytest
from platformdirs import user_data_dir

from desktop import paths
from desktop.backup import create_backup, verify_backup
from desktop.context import AppContext
from desktop.demo.ward import build_demo_ward
from desktop.paths import DataFolder, resolve_data_folder, user_data_root


@pytest.fixture
def no_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Neither --data-dir, THIDUA_DATA_DIR nor a portable marker: the per-user folder decides."""
    monkeypatch.delenv(paths.ENV_VAR, raising=False)
    monkeypatch.setattr(paths, "executable_dir", lambda: tmp_path / "chương trình")


def test_on_windows_the_data_folder_is_localappdata_thidua(
    no_override: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    local = tmp_path / "Users" / "Nguyễn Văn Á" / "AppData" / "Local"
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))  # never the roaming one
    folder = resolve_data_folder(platform="win32")
    assert folder == DataFolder(local / "ThiDua")
    assert folder.database == local / "ThiDua" / "thidua.sqlite3"


def test_a_windows_without_localappdata_asks_platformdirs(
    no_override: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    expected = Path(user_data_dir("ThiDua", appauthor=False, roaming=False))
    assert user_data_root("win32") == expected
    monkeypatch.setenv("LOCALAPPDATA", "  ")
    assert user_data_root("win32") == expected


def test_localappdata_is_read_on_windows_only(
    no_override: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert user_data_root("linux") == Path(user_data_dir("ThiDua", appauthor=False, roaming=False))
    assert user_data_root("win32", {"LOCALAPPDATA": "D:\\Hồ sơ"}) == Path("D:\\Hồ sơ") / "ThiDua"


def test_the_command_line_and_thidua_data_dir_still_come_first(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "Biến môi trường"))
    assert resolve_data_folder(platform="win32").root == tmp_path / "Biến môi trường"
    cli = tmp_path / "Thư mục dòng lệnh"
    assert resolve_data_folder(cli, platform="win32").root == cli


def test_a_data_folder_under_a_vietnamese_user_name_with_spaces_works(
    no_override: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    local = tmp_path / "Trần Thị Ánh" / "Local"  # short: a Windows runner's tmp is deep already
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    root = resolve_data_folder(platform="win32").root
    assert root == local / "ThiDua"
    ctx = AppContext.from_args(root)
    try:
        build_demo_ward(ctx.db)
        stick = tmp_path / "USB Phường Hòa" / "Sao lưu tháng 12"
        stick.mkdir(parents=True)
        result = create_backup(ctx.folder, stick)
        assert result.path.parent == stick
        verified = verify_backup(result.path, work_dir=ctx.folder.scratch)
        assert verified.manifest.ward == result.manifest.ward
    finally:
        ctx.close()
    assert (local / "ThiDua" / "thidua.sqlite3").is_file()
