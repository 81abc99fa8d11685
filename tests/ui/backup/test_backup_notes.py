"""The backup dialog tells a good backup as good, even when its date could not be noted."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.backup import list_backups
from desktop.errors import BUSY, DataBusy
from desktop.ui.backup import backup_dialog
from desktop.ui.backup.page import BackupPage

pytestmark = pytest.mark.gui


def test_backup_whose_date_cannot_be_noted_is_shown_as_good(  # type: ignore[no-untyped-def]
    qtbot, main_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def busy(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        def operation(session: object) -> None:
            raise DataBusy(BUSY)

        return operation

    monkeypatch.setattr(backup_dialog, "usb_backup_recorded", busy)
    page = main_window.show_page("backup")
    assert isinstance(page, BackupPage)
    dialog = page.open_backup_dialog()
    dialog.set_target(tmp_path)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "chưa ghi được ngày" in dialog.message.text(), timeout=20_000)
    text = dialog.message.text()
    assert "Đã sao lưu và kiểm tra lại thành công" in text
    assert "Tệp sao lưu đã ghi và kiểm tra tốt" in text
    assert "#b00020" not in dialog.message.styleSheet()  # not shown as a failure
    assert len(list_backups(tmp_path)) == 1
    dialog.close()


def test_stale_part_files_swept_are_told_in_the_dialog(  # type: ignore[no-untyped-def]
    qtbot, main_window, tmp_path: Path
) -> None:
    (tmp_path / ".ThiDua-PhuongKienAn-20261130-101010.tdbak.part").write_bytes(b"\0" * 4000)
    page = main_window.show_page("backup")
    dialog = page.open_backup_dialog()
    dialog.set_target(tmp_path)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "thành công" in dialog.message.text(), timeout=20_000)
    assert "Đã xóa 1 tệp sao lưu dở dang" in dialog.message.text()
    assert not list(tmp_path.glob(".*.part"))
    dialog.close()
