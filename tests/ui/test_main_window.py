"""The main window as the clerk meets it: first start, every page, a setting changed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox
from sqlmodel import select

from desktop.models import Unit, UnitKind
from desktop.settings import load_settings
from desktop.ui.pages import PAGES
from tests.helpers.typing import type_text


def test_first_start_builds_the_demo_ward_and_shows_units(main_window, qtbot) -> None:
    page = main_window.page("units")
    qtbot.waitUntil(lambda: page.model.rowCount() > 30)
    with main_window.ctx.db.session() as s:
        assert len(s.exec(select(Unit)).all()) == page.model.rowCount()
    assert "thidua.sqlite3" in main_window.data_label.text()
    assert main_window.backup_label.text() == "Chưa sao lưu ra USB"


def test_every_page_opens(main_window, qtbot) -> None:
    for row, spec in enumerate(PAGES):
        main_window.navigation.setCurrentRow(row)
        assert main_window.stack.currentWidget().objectName() == f"page_{spec.key}"


def test_keyboard_shortcut_goes_to_a_page(main_window, qtbot) -> None:
    qtbot.keyClick(main_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert main_window.stack.currentWidget().objectName() == "page_dossiers"


def test_search_box_filters_units(main_window, qtbot) -> None:
    page = main_window.page("units")
    qtbot.keyClicks(page.search, "truong thcs")
    assert page.proxy.rowCount() == 3
    assert "Hiển thị 3/" in page.count_label.text()


def test_change_a_setting(main_window, qtbot, monkeypatch) -> None:
    from desktop.ui.settings.dialog import SettingsDialog

    dialog = SettingsDialog(main_window.ctx, main_window)
    qtbot.addWidget(dialog)
    editor = dialog.findChild(QLineEdit, "signer_name")
    editor.clear()
    type_text(editor, "Nguyễn Văn Hùng")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    with main_window.ctx.db.session() as s:
        assert load_settings(s).signer_name == "Nguyễn Văn Hùng"


def test_empty_signer_is_refused_with_a_message(main_window, qtbot, monkeypatch) -> None:
    from desktop.ui.settings.dialog import SettingsDialog

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    dialog = SettingsDialog(main_window.ctx, main_window)
    qtbot.addWidget(dialog)
    dialog.findChild(QLineEdit, "signer_name").clear()
    dialog.accept()
    assert shown and "Họ tên người ký" in shown[0]
    with main_window.ctx.db.session() as s:
        assert load_settings(s).signer_name == "Trần Thị Phương"


def test_window_geometry_is_remembered(main_window, qtbot, ctx) -> None:
    from desktop.ui.main_window import MainWindow

    main_window.showNormal()  # it opened maximised on the small test screen; the clerk chose
    qtbot.waitUntil(lambda: not main_window.isMaximized())
    main_window.resize(700, 500)  # as narrow as its pages allow
    chosen = main_window.size()
    main_window.close()
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert not again.isMaximized()
    assert again.height() == chosen.height() == 500
    assert again.frameGeometry().right() <= again.screen().availableGeometry().right()


def test_every_page_is_told_of_changes_and_a_unit_added_elsewhere_shows_at_once(
    main_window, qtbot, ctx
) -> None:
    from desktop.register import ops
    from desktop.register.units import UNITS, UnitData
    from desktop.ui.pages import Page

    pages = [main_window.show_page(spec.key) for spec in PAGES]
    assert all(isinstance(page, Page) for page in pages)
    units = main_window.show_page("units")
    before = units.model.rowCount()
    data = UnitData(code="TDP99", name="Tổ dân phố số 99", kind=UnitKind.RESIDENTIAL_GROUP)
    ctx.door.run(ops.add(UNITS, data))
    assert units.model.rowCount() == before + 1
