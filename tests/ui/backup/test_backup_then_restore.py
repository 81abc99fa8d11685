"""The clerk backs up to the stick, then restores an older backup: the dialog words the backup's
size and time with the decimal comma, and the status bar and the Sao lưu page still know of the
stick's copy (never the red "Chưa sao lưu ra USB" again minutes after one was made)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.backup import create_backup, crypto
from desktop.ui.backup.page import BackupPage

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 12)


def test_a_backup_to_the_stick_survives_the_restore_of_an_older_one(
    qtbot, main_window, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    ctx = main_window.ctx
    older_folder, stick = tmp_path / "cũ", tmp_path / "usb"
    older_folder.mkdir()
    stick.mkdir()
    older = create_backup(ctx.folder, older_folder)  # made before any backup to a stick
    page = main_window.show_page("backup")
    assert isinstance(page, BackupPage)
    dialog = page.open_backup_dialog()
    dialog.set_target(stick)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "thành công" in dialog.message.text(), timeout=20_000)
    assert re.search(r"\((?:\d+ KB|\d+,\d MB), \d+,\d giây\)", dialog.message.text())
    dialog.close()
    assert "hôm nay" in main_window.backup_label.text()

    restore = page.open_restore_dialog(trial=False)
    restore.set_file(older.path)
    qtbot.mouseClick(restore.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: restore.restore_button.isEnabled(), timeout=20_000)
    restore.ask_confirmation = lambda result: True  # type: ignore[method-assign]
    qtbot.mouseClick(restore.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã khôi phục" in restore.message.text(), timeout=20_000)
    restore.close()
    assert "hôm nay" in main_window.backup_label.text()
    assert "#b00020" not in main_window.backup_label.styleSheet()
    assert "hôm nay" in page.usb_status.text()
    assert "#b00020" not in page.usb_status.styleSheet()
