"""The restore dialog warns of a backup whose audit log was forged before it asks to restore,
even when the forgery kept the log's length (rows of one table deleted, others copied in)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.backup import create_backup
from desktop.context import AppContext
from desktop.storage import Database
from desktop.ui.backup.restore_dialog import RestoreDialog
from tests.helpers.forged_backups import age_the_log, with_database

pytestmark = pytest.mark.gui

PADDED = (
    "CREATE TEMP TABLE gone AS SELECT * FROM auditentry WHERE table_name = 'unit';"
    "DELETE FROM auditentry WHERE table_name = 'unit';"
    "INSERT INTO auditentry SELECT id + 1000000, at, 'person', record_id, action, field,"
    " old_value, new_value, reason FROM gone;"
)


@pytest.fixture
def forged(ctx: AppContext, demo_db: Database, tmp_path: Path) -> Path:
    usb = tmp_path / "usb"
    usb.mkdir()
    age_the_log(ctx.folder.database)
    good = create_backup(ctx.folder, usb).path
    return with_database(good, usb / "thay-dong.tdbak", PADDED)


def _checked(qtbot, ctx: AppContext, backup: Path) -> RestoreDialog:  # type: ignore[no-untyped-def]
    dialog = RestoreDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_file(backup)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.checked is not None, timeout=30_000)
    return dialog


def test_a_log_padded_to_its_length_is_warned_of_before_the_restore(
    qtbot, ctx: AppContext, forged: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    dialog = _checked(qtbot, ctx, forged)
    assert dialog.audit_warning is not None and "thiếu hoặc đã sửa" in dialog.audit_warning
    assert "thiếu hoặc đã sửa" in dialog.message.text()
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    before = ctx.folder.database.read_bytes()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert asked and "thiếu hoặc đã sửa" in asked[0]  # the question repeats the warning
    qtbot.waitUntil(lambda: "Đã khôi phục" in dialog.message.text(), timeout=30_000)
    assert ctx.folder.database.read_bytes() != before  # the clerk read it, said yes: restored
