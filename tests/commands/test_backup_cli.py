"""``python -m desktop backup/restore/check`` as a script or the clerk would run them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from desktop.backup import crypto, list_backups
from desktop.cli import main


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 12)


def test_backup_restore_and_test_restore(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    assert main(["--data-dir", str(data_dir), "backup", "--to", str(usb)]) == 0
    out = capsys.readouterr().out
    assert "Đã sao lưu và kiểm tra lại" in out
    # Sizes and seconds in the one voice: a decimal comma, the unit the size calls for.
    assert re.search(r"\((\d+ KB|\d+,\d MB), \d+,\d giây\)", out), out
    [backup] = list_backups(usb)
    assert main(["--data-dir", str(data_dir), "restore", str(backup.path), "--test"]) == 0
    out = capsys.readouterr().out
    assert "Khôi phục thử thành công" in out
    assert re.search(r"Thời điểm:\s+\d\d/\d\d/\d{4} \d\d:\d\d$", out, re.MULTILINE), out
    assert re.search(r"^  Đơn vị\s+\d+$", out, re.MULTILINE), out  # the clerk's table names
    assert re.search(r"^  Số liệu quý\s+\d+$", out, re.MULTILINE), out
    assert main(["--data-dir", str(data_dir), "restore", str(backup.path)]) == 0
    assert "Đã khôi phục" in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "check"]) == 0


def test_encrypted_backup_with_passphrase_from_environment(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("THIDUA_BACKUP_PASSPHRASE", "mật khẩu dài dài")
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    assert main(["--data-dir", str(data_dir), "backup", "--to", str(tmp_path), "--encrypt"]) == 0
    [backup] = list_backups(tmp_path)
    assert backup.encrypted
    monkeypatch.setenv("THIDUA_BACKUP_PASSPHRASE", "sai mật khẩu")
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "restore", str(backup.path), "--test"]) == 4
    assert "Mật khẩu không đúng" in capsys.readouterr().err


def test_backup_to_missing_folder_fails_clearly(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    assert main(["--data-dir", str(data_dir), "backup", "--to", str(tmp_path / "không-có")]) == 1
    assert "Không tìm thấy thư mục" in capsys.readouterr().err


def test_restore_onto_a_new_computer(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The office PC died: a fresh data folder gets the ward back from the stick."""
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "info", "--json"]) == 0
    out = capsys.readouterr().out
    original = json.loads(out[out.index("{") :])  # as backed up (the backup then notes its date)
    assert main(["--data-dir", str(data_dir), "backup", "--to", str(usb)]) == 0
    [backup] = list_backups(usb)
    capsys.readouterr()
    new_pc = tmp_path / "new-pc"
    assert main(["--data-dir", str(new_pc), "restore", str(backup.path)]) == 0
    assert "Đã khôi phục" in capsys.readouterr().out
    assert main(["--data-dir", str(new_pc), "info", "--json"]) == 0
    out = capsys.readouterr().out
    restored = json.loads(out[out.index("{") :])
    # Every row came back, and the restore wrote its own record: one setting, its audit row.
    expected = dict(original["counts"])
    expected["setting"] += 1
    expected["auditentry"] += 1
    assert restored["counts"] == expected


def test_backup_whose_date_cannot_be_noted_is_told_as_good(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The file is written and verified; another window holding the database only delays the note."""
    from desktop.backup import ops
    from desktop.errors import BUSY, DataBusy

    def busy(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        def operation(session: object) -> None:
            raise DataBusy(BUSY)

        return operation

    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    monkeypatch.setattr(ops, "usb_backup_recorded", busy)
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "backup", "--to", str(tmp_path)]) == 0
    said = capsys.readouterr()
    assert "Đã sao lưu và kiểm tra lại" in said.out
    assert "Tệp sao lưu đã ghi và kiểm tra tốt; chỉ chưa ghi được ngày sao lưu" in said.err
    assert "thất bại" not in said.out + said.err and "không thành công" not in said.err
    [backup] = list_backups(tmp_path)
    assert backup.path.stat().st_size > 0
