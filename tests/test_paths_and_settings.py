from __future__ import annotations

from pathlib import Path

import pytest

from desktop import paths
from desktop.paths import resolve_data_folder
from desktop.settings import WardSettings, load_settings, save_settings
from desktop.storage import Database


def test_command_line_beats_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_folder(tmp_path / "cli").root == (tmp_path / "cli").resolve()
    assert resolve_data_folder(None).root == (tmp_path / "env").resolve()


def test_portable_marker_keeps_data_beside_the_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("THIDUA_DATA_DIR", raising=False)
    monkeypatch.setattr(paths, "executable_dir", lambda: tmp_path)
    (tmp_path / "portable.txt").write_text("")
    assert resolve_data_folder(None).root == tmp_path / "data"


def test_default_is_the_users_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("THIDUA_DATA_DIR", raising=False)
    monkeypatch.setattr(paths, "executable_dir", lambda: tmp_path)
    folder = resolve_data_folder(None)
    assert folder.root.name == "ThiDua"
    assert folder.database.name == "thidua.sqlite3"
    assert folder.attachments.name == "attachments"


def test_ensure_creates_every_folder(tmp_path: Path) -> None:
    folder = resolve_data_folder(tmp_path / "ThiDua").ensure()
    for child in (folder.attachments, folder.backups, folder.logs, folder.documents):
        assert child.is_dir()


def test_a_data_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    from desktop.errors import Refusal

    mistaken = tmp_path / "so-lieu.xlsx"
    mistaken.write_bytes(b"PK")
    with pytest.raises(Refusal, match="là một tệp, không phải thư mục"):
        resolve_data_folder(mistaken).ensure()


def test_a_log_folder_that_cannot_be_made_does_not_stop_the_data_folder(tmp_path: Path) -> None:
    root = tmp_path / "ThiDua"
    root.mkdir()
    (root / "logs").write_text("một tệp chiếm chỗ thư mục nhật ký", encoding="utf-8")
    folder = resolve_data_folder(root).ensure()
    assert folder.documents.is_dir() and folder.logs.is_file()


def test_defaults_follow_the_plans_signature_block(db: Database) -> None:
    with db.session() as s:
        settings = load_settings(s)
    assert settings.signing_authority.splitlines() == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    assert (settings.signer_title, settings.signer_name) == ("PHÓ CHỦ TỊCH", "Trần Thị Phương")
    assert settings.office_name == "Phòng Văn hóa - Xã hội"


def test_settings_round_trip_and_validation(db: Database) -> None:
    with db.session() as s:
        save_settings(s, WardSettings(signer_name="Nguyễn Văn Hùng", change_warning_points=15))
    with db.session() as s:
        loaded = load_settings(s)
    assert loaded.signer_name == "Nguyễn Văn Hùng" and loaded.change_warning_points == 15
    with pytest.raises(ValueError, match="Họ tên người ký không được để trống"), db.session() as s:
        save_settings(s, WardSettings(signer_name="  "))
    with db.session() as s:
        assert load_settings(s).signer_name == "Nguyễn Văn Hùng"


def test_usb_backup_age_turns_late_after_the_set_days(db: Database) -> None:
    from datetime import datetime

    from desktop.backup.status import record_usb_backup, usb_backup_age

    with db.session() as s:
        assert usb_backup_age(s).late and usb_backup_age(s).days is None
        record_usb_backup(s, datetime(2026, 11, 1, 9, 0))
    with db.session() as s:
        assert usb_backup_age(s, datetime(2026, 11, 5, 9, 0)).days == 4
        assert not usb_backup_age(s, datetime(2026, 11, 5, 9, 0)).late
        assert usb_backup_age(s, datetime(2026, 11, 8, 9, 0)).late  # 7 days by default
