"""The restore dialog's file field shows the chosen backup and is chosen, never typed: it reads as
plain text, Tab passes it by, and a click on it opens the chooser like "Chọn tệp…"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QPushButton

from desktop.context import AppContext
from desktop.ui.backup import restore_dialog
from desktop.ui.backup.restore_dialog import RestoreDialog
from tests.helpers.typing import type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot, ctx: AppContext) -> RestoreDialog:  # type: ignore[no-untyped-def]
    shown = RestoreDialog(ctx)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_the_field_does_not_look_or_act_editable(qtbot, dialog: RestoreDialog) -> None:  # type: ignore[no-untyped-def]
    field = dialog.file
    assert field.isReadOnly()
    assert field.focusPolicy() == Qt.FocusPolicy.NoFocus  # Tab goes to "Chọn tệp…"
    assert field.placeholderText() == "Chưa chọn tệp — bấm “Chọn tệp…”"
    palette = field.palette()
    assert palette.color(QPalette.ColorRole.Base) == palette.color(QPalette.ColorRole.Window)
    type_text(field, "D:\\gõ tay.tdbak")
    assert field.text() == "" and dialog._path() is None


def test_a_click_on_the_field_or_the_button_opens_the_chooser(
    qtbot, dialog: RestoreDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    backup = tmp_path / "thidua-20261201.tdbak"
    backup.write_bytes(b"")
    asked: list[str] = []

    def chooser(*args: object) -> str:
        asked.append(str(args[-1]))  # where the chooser starts: the file chosen before
        return str(backup)

    monkeypatch.setattr(restore_dialog, "open_file", chooser)
    qtbot.mouseClick(dialog.file, Qt.MouseButton.LeftButton)
    assert dialog.file.text() == str(backup) and dialog._path() == backup
    assert dialog.file.toolTip() == str(backup)  # the whole path, however narrow the field
    button = dialog.findChild(QPushButton, "choose")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == ["", str(backup)]
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=10_000)
    assert "không" in dialog.message.text().lower()  # an empty file: refused in words
