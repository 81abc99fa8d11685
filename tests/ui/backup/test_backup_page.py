"""The clerk backs up to a stick, checks a backup, restores one, and reads the audit log."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from desktop.backup import create_backup, crypto, list_backups
from desktop.models import Unit
from desktop.ui.backup.backup_dialog import BackupDialog
from desktop.ui.backup.page import BackupPage
from desktop.ui.backup.restore_dialog import RestoreDialog
from desktop.ui.storage.audit_page import AuditPage
from tests.helpers.typing import type_text

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 12)


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def backup_page(window) -> BackupPage:  # type: ignore[no-untyped-def]
    page = window.show_page("backup")
    assert isinstance(page, BackupPage)
    return page


def test_encrypted_backup_to_a_stick(qtbot, main_window, usb: Path) -> None:  # type: ignore[no-untyped-def]
    page = backup_page(main_window)
    assert "Chưa từng sao lưu" in page.usb_status.text()
    dialog = page.open_backup_dialog()
    assert isinstance(dialog, BackupDialog)
    dialog.set_target(usb)
    dialog.encrypt.setChecked(True)
    type_text(dialog.passphrase, "Mật khẩu Kiến An")
    type_text(dialog.repeat, "Mật khẩu Kiến An")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "thành công" in dialog.message.text(), timeout=20_000)
    [backup] = list_backups(usb)
    assert backup.encrypted
    assert dialog.passphrase.text() == ""  # not kept after use
    assert "hôm nay" in main_window.backup_label.text()
    assert "hôm nay" in page.usb_status.text()
    dialog.close()


def test_mismatched_passphrase_writes_nothing(qtbot, main_window, usb: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = backup_page(main_window).open_backup_dialog()
    dialog.set_target(usb)
    dialog.encrypt.setChecked(True)
    type_text(dialog.passphrase, "Mật khẩu Kiến An")
    type_text(dialog.repeat, "Mat khau Kien An")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert "không khớp" in dialog.message.text()
    assert list(usb.iterdir()) == []
    dialog.close()


def test_backup_to_a_missing_stick_says_so(qtbot, main_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = backup_page(main_window).open_backup_dialog()
    dialog.set_target(tmp_path / "E-drive-pulled-out")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Không tìm thấy thư mục" in dialog.message.text(), timeout=20_000)
    dialog.close()


def test_restore_shows_the_contents_then_swaps_the_data_in(qtbot, main_window, usb: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = main_window.ctx
    backup = create_backup(ctx.folder, usb)
    with ctx.db.session() as session:
        count_before = len(session.exec(select(Unit)).all())
        session.add(Unit(code="MOI01", name="Đơn vị thêm sau", kind="business"))
    units_page = main_window.page("units")
    page = backup_page(main_window)
    dialog = page.open_restore_dialog(trial=False)
    assert isinstance(dialog, RestoreDialog)
    dialog.set_file(backup.path)
    assert dialog.passphrase.isHidden()  # a plain backup asks no passphrase
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=20_000)
    assert "PHƯỜNG KIẾN AN" in dialog.summary.text()
    assert f"Đơn vị: {count_before}" in dialog.summary.text()
    asked: list[bool] = []
    dialog.ask_confirmation = lambda result: asked.append(True) or True  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã khôi phục" in dialog.message.text(), timeout=20_000)
    assert asked == [True]
    with ctx.db.session() as session:
        assert len(session.exec(select(Unit)).all()) == count_before
    assert units_page.model.rowCount() == count_before  # the open pages show the restored data
    assert any(b.tag == "truoc-khoi-phuc" for b in list_backups(ctx.folder.backups))
    assert page.model.rowCount() >= 1
    dialog.close()


def test_declining_the_confirmation_changes_nothing(qtbot, main_window, usb: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = main_window.ctx
    backup = create_backup(ctx.folder, usb)
    before = ctx.folder.database.read_bytes()
    dialog = backup_page(main_window).open_restore_dialog(trial=False)
    dialog.set_file(backup.path)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=20_000)
    dialog.ask_confirmation = lambda result: False  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert ctx.folder.database.read_bytes() == before
    assert list_backups(ctx.folder.backups) == []
    dialog.close()


def test_trial_restore_of_an_encrypted_backup(qtbot, main_window, usb: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = main_window.ctx
    backup = create_backup(ctx.folder, usb, passphrase="mật khẩu đúng")
    dialog = backup_page(main_window).open_restore_dialog(trial=True, backup=list_backups(usb)[0])
    assert not dialog.passphrase.isHidden() and dialog.restore_button.isHidden()
    type_text(dialog.passphrase, "mật khẩu sai")
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Mật khẩu không đúng" in dialog.message.text(), timeout=20_000)
    dialog.passphrase.clear()
    type_text(dialog.passphrase, "mật khẩu đúng")
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Khôi phục thử thành công" in dialog.message.text(), timeout=20_000)
    assert backup.path.exists()
    dialog.close()


def test_a_damaged_backup_is_refused_in_the_dialog(qtbot, main_window, usb: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = main_window.ctx
    good = create_backup(ctx.folder, usb).path
    bad = usb / "ThiDua-PhuongKienAn-20260101-000000.tdbak"
    bad.write_bytes(good.read_bytes()[:-5000])
    assert not zipfile.is_zipfile(bad)
    dialog = backup_page(main_window).open_restore_dialog(trial=False)
    dialog.set_file(bad)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cắt cụt" in dialog.message.text(), timeout=20_000)
    assert not dialog.restore_button.isEnabled()
    dialog.close()


def test_automatic_backup_now_lists_it(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = backup_page(main_window)
    qtbot.mouseClick(page.auto_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã sao lưu tự động" in page.local_message.text(), timeout=20_000)
    assert page.model.rowCount() == 1
    qtbot.mouseClick(page.auto_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "không cần" in page.local_message.text(), timeout=20_000)


def test_audit_page_filters_and_exports(qtbot, main_window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ctx = main_window.ctx
    with ctx.db.session() as session:
        unit = session.exec(select(Unit).order_by(Unit.id)).first()
        assert unit is not None
        unit.name = "Trường Tiểu học Quỳnh Khôi"
    page = main_window.show_page("audit")
    assert isinstance(page, AuditPage)
    page.refresh()
    everything = page.model.rowCount()
    assert everything > 10
    type_text(page.search, "quynh khoi")
    qtbot.waitUntil(lambda: page.model.rowCount() < everything, timeout=5_000)
    # The log names a unit wherever an entry points to it (its persons, its figures): the rename
    # alone is the one entry of the units' table that the new name finds.
    page.table_filter.setCurrentIndex(page.table_filter.findData("unit"))
    assert page.model.rowCount() == 1
    row = page.model.record(0)
    assert row.field == "name" and row.action_label == "Sửa"
    page.action_filter.setCurrentIndex(page.action_filter.findData("delete"))
    assert page.model.rowCount() == 0
    page.action_filter.setCurrentIndex(0)
    target = tmp_path / "nhat-ky.xlsx"
    monkeypatch.setattr(
        "desktop.ui.widgets.file_dialogs.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã xuất 1 dòng" in page.count_label.text(), timeout=20_000)
    assert target.exists()


def test_cancelling_a_backup_says_nothing_was_written(
    qtbot, main_window, usb: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import time

    from desktop.ui.backup import backup_dialog

    def slow_backup(folder, target, *, progress, **options):  # type: ignore[no-untyped-def]
        for step in range(500):
            progress.report(step, 500, "Đang ghi…")
            progress.check()
            time.sleep(0.01)
        raise AssertionError("the backup was not cancelled")

    monkeypatch.setattr(backup_dialog, "create_backup", slow_backup)
    dialog = backup_page(main_window).open_backup_dialog()
    dialog.set_target(usb)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.operation is not None and not dialog.start_button.isEnabled()
    dialog.operation.progress.cancel()  # what the Hủy button of the progress dialog does
    qtbot.waitUntil(lambda: "Đã hủy" in dialog.message.text(), timeout=10_000)
    assert dialog.start_button.isEnabled()
    assert list(usb.iterdir()) == []
    dialog.close()


def test_the_list_of_backups_speaks_the_one_voice_and_sorts_by_quantity(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime

    from desktop.backup.auto import AUTO_TAG as AUTO
    from desktop.text import wording

    ctx = main_window.ctx
    small = create_backup(ctx.folder, ctx.folder.backups, tag=AUTO).path
    big = ctx.folder.backups / "ThiDua-PhuongKienAn-20240101-080000-tu-dong.tdbak"
    big.write_bytes(small.read_bytes() + b"\0" * (3 << 20))  # listed by its name, never opened
    page = backup_page(main_window)
    page.refresh()
    assert page.model.rowCount() == 2
    shown = {
        page.model.index(row, 4).data(): (page.model.index(row, 0).data(), page.model.index(row, 2).data())
        for row in range(page.model.rowCount())
    }
    assert shown[big.name] == (wording.date_time(datetime(2024, 1, 1, 8, 0), seconds=True), wording.size(big.stat().st_size))
    assert "," in shown[big.name][1] and shown[big.name][1].endswith(" MB")
    page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # by size, not by the text "3,1 MB"
    assert page.proxy.index(0, 4).data() == big.name
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by moment, not day-first text
    assert page.proxy.index(0, 4).data() == big.name


def test_the_usb_reminder_follows_the_settings(qtbot, main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from PySide6.QtWidgets import QDialogButtonBox, QSpinBox

    from desktop.backup.ops import usb_backup_recorded
    from desktop.models._base import now
    from desktop.ui.settings.dialog import SettingsDialog

    ctx = main_window.ctx
    page = backup_page(main_window)
    ctx.door.run(usb_backup_recorded(at=now() - timedelta(days=8, hours=1)))
    assert "8 ngày trước" in page.usb_status.text() and "quá 7 ngày" in page.usb_status.text()
    assert "8 ngày trước" in main_window.backup_label.text()
    assert "b00020" in main_window.backup_label.styleSheet()  # late: red
    dialog = SettingsDialog(ctx, main_window)
    qtbot.addWidget(dialog)
    dialog.findChild(QSpinBox, "usb_backup_warning_days").setValue(10)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert "quá" not in page.usb_status.text()  # the Sao lưu page heard of the new setting
    assert main_window.backup_label.styleSheet() == ""
    settings_page = main_window.page("settings")
    assert "Nhắc sao lưu USB sau (ngày)</td><td><b>10</b>" in settings_page.summary.text()


def test_a_restore_closes_dialogs_on_old_data_but_not_itself(
    qtbot, main_window, usb: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.settings.dialog import SettingsDialog

    told: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.main_window.QMessageBox.information", lambda parent, title, text: told.append(text)
    )
    ctx = main_window.ctx
    backup = create_backup(ctx.folder, usb)
    stale = SettingsDialog(ctx, main_window)  # the ward's settings, as they are before the restore
    qtbot.addWidget(stale)
    stale.show()
    dialog = backup_page(main_window).open_restore_dialog(trial=False)
    assert dialog.property("keep_on_reload") is True
    dialog.set_file(backup.path)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=20_000)
    dialog.ask_confirmation = lambda result: True  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã khôi phục" in dialog.message.text(), timeout=20_000)
    assert not stale.isVisible() and stale.result() == stale.DialogCode.Rejected
    assert len(told) == 1 and "Thông tin phường" in told[0]
    assert dialog.isVisible()
    dialog.close()


def test_a_bug_while_backing_up_is_an_apology_not_a_traceback(
    qtbot, main_window, usb: Path, monkeypatch, expects_logged_errors
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.backup import backup_dialog

    def broken_backup(folder, target, **options):  # type: ignore[no-untyped-def]
        raise RuntimeError("a bug in the backup code")

    apologies: list[str] = []
    monkeypatch.setattr(backup_dialog, "create_backup", broken_backup)
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: apologies.append(text))
    dialog = backup_page(main_window).open_backup_dialog()
    dialog.set_target(usb)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(apologies), timeout=10_000)
    assert "nhật ký" in apologies[0] and "a bug" not in apologies[0]
    assert "không lường trước" in dialog.message.text()
    assert dialog.start_button.isEnabled()
    dialog.close()


def test_the_audit_page_reads_again_after_a_change(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from desktop.settings import load_settings, save_ward_settings

    ctx = main_window.ctx

    def rename_signer(name: str) -> None:
        ctx.door.run(save_ward_settings(replace(ctx.door.read(load_settings), signer_name=name)))

    def listed(name: str) -> bool:
        return any(name in page.model.record(r).new_text for r in range(page.model.rowCount()))

    page = main_window.show_page("audit")
    assert isinstance(page, AuditPage)
    rename_signer("Lê Văn Tám")  # while the page is on screen
    assert listed("Lê Văn Tám")
    main_window.show_page("units")
    rename_signer("Phạm Thị Hoa")  # while it is hidden: read when shown again
    assert not listed("Phạm Thị Hoa")
    main_window.show_page("audit")
    assert listed("Phạm Thị Hoa")
    assert page.count_label.text().endswith(" thay đổi")
