"""The dossier's pickers found as the register's search finds (marks and case ignored, words in any
order), free text refused; the editor's Lưu says when it saved."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QMessageBox

from desktop.awards.detail import load_detail
from desktop.ui.widgets.picker import name_filter
from tests.helpers.typing import type_text

# The offscreen platform cannot raise a window or grab the keyboard for a completer's popup.
pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard"),
]


@pytest.fixture
def page(main_window, qtbot):  # type: ignore[no-untyped-def]
    page = main_window.show_page("dossiers")
    qtbot.waitUntil(lambda: page.model.rowCount() == 5)
    return page


@pytest.fixture
def warnings(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    # No box may wait for a click, whatever a failing test leads to.
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    return shown


def retype(combo: QComboBox, text: str) -> None:
    line = combo.lineEdit()
    assert line is not None
    line.clear()
    type_text(line, text)


def listed(combo: QComboBox) -> list[str]:
    names = name_filter(combo)
    assert names is not None
    return [names.index(row, 0).data() for row in range(names.rowCount())]


def choose_first_listed(combo: QComboBox, qtbot) -> None:  # type: ignore[no-untyped-def]
    popup = combo.completer().popup()
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def ok(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def new_dialog(page):  # type: ignore[no-untyped-def]
    page.dossiers.new_dossier()
    dialog = page.dossiers.new_dialog
    dialog.award.setCurrentIndex(
        next(
            i
            for i in range(dialog.award.count())
            if "Bằng khen của Chủ tịch UBND thành phố" in dialog.award.itemText(i)
        )
    )
    return dialog


def test_the_new_dossiers_unit_is_found_typed_without_marks(page, qtbot, warnings) -> None:
    dialog = new_dialog(page)
    retype(dialog.nominee, "tran thanh ngo")
    assert listed(dialog.nominee) == [
        "Trường THCS Trần Thành Ngọ",
        "Trường Tiểu học Trần Thành Ngọ",
    ]
    retype(dialog.nominee, "thcs tran thanh ngo")
    assert listed(dialog.nominee) == ["Trường THCS Trần Thành Ngọ"]
    choose_first_listed(dialog.nominee, qtbot)
    assert dialog.nominee.currentText() == "Trường THCS Trần Thành Ngọ"
    retype(dialog.proposer, "phong van hoa")
    choose_first_listed(dialog.proposer, qtbot)
    assert dialog.proposer.currentText() == "Phòng Văn hóa - Xã hội"
    assert dialog.isVisible()  # Enter on the list's line chooses it, it does not create yet
    ok(dialog)
    assert warnings == []
    editor = page.dossiers.editor
    detail = page.ctx.door.read(lambda s: load_detail(s, editor.dossier_id))
    assert detail.nominee.name == "Trường THCS Trần Thành Ngọ"
    assert editor.proposer.currentText() == "Phòng Văn hóa - Xã hội"


def test_the_new_dossiers_person_is_found_typed_without_marks(page, qtbot, warnings) -> None:
    dialog = new_dialog(page)
    dialog.as_person.setChecked(True)
    retype(dialog.nominee, "chi le thi")
    assert listed(dialog.nominee) == ["Lê Thị Chi — Phòng Văn hóa - Xã hội"]
    choose_first_listed(dialog.nominee, qtbot)
    assert dialog.nominee.currentText() == "Lê Thị Chi — Phòng Văn hóa - Xã hội"
    assert dialog.nominee.currentData() is not None and dialog.isVisible()


def test_free_text_is_refused_and_the_dialog_stays_open(page, qtbot, warnings) -> None:
    dialog = new_dialog(page)
    retype(dialog.nominee, "Trường THCS Ngô Quyền")  # not in the demo ward's register
    ok(dialog)
    assert dialog.isVisible() and page.model.rowCount() == 5
    assert warnings[-1].startswith("Hãy chọn đối tượng đề nghị có trong danh sách")
    retype(dialog.nominee, "thcs le loi")
    retype(dialog.proposer, "phong khong co")
    ok(dialog)
    assert dialog.isVisible() and page.model.rowCount() == 5
    assert warnings[-1].startswith("“phong khong co” không có trong danh sách “Đơn vị đề nghị”")


def test_the_editor_says_when_lu_saved_until_the_next_edit(page, qtbot, warnings) -> None:
    page.dossiers.open_dossier(5)
    editor = page.dossiers.editor
    assert editor.saved_line.text() == ""
    type_text(editor.sections["thanh_tich"], " Thêm 30 hộ.")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert re.fullmatch(r"Đã lưu lúc \d{1,2}:\d\d\.", editor.saved_line.text())
    assert editor.saved_line.isVisible()
    type_text(editor.note, "x")  # the next edit: what is shown is no longer all saved
    assert editor.saved_line.text() == ""

    retype(editor.proposer, "thcs le loi")  # the proposer is picked as in the new dossier's dialog
    qtbot.keyClick(editor.proposer.lineEdit(), Qt.Key.Key_Return)
    assert editor.proposer.currentText() == "Trường THCS Lê Lợi"
    assert editor.save() and editor.saved_line.text().startswith("Đã lưu lúc")
    detail = page.ctx.door.read(lambda s: load_detail(s, 5))
    assert detail.dossier.proposing_unit_id == editor.proposer.currentData()

    retype(editor.proposer, "khong co don vi nay")
    assert editor.saved_line.text() == ""
    assert not editor.save()  # refused, nothing saved, no saved line
    assert warnings[-1].startswith("“khong co don vi nay” không có trong danh sách")
    assert editor.saved_line.text() == ""
    detail = page.ctx.door.read(lambda s: load_detail(s, 5))
    assert detail.dossier.proposing_unit_id is not None


def test_the_unit_picker_finds_ngo_quyen_typed_without_marks(
    main_window, qtbot, warnings
) -> None:
    """The issue's own words: a school named "Ngô Quyền" in the register is found in Tạo hồ sơ
    from "ngo quyen", as the register's search finds it."""
    from desktop.models import UnitKind
    from desktop.register.ops import add
    from desktop.register.units import UNITS, UnitData

    school = UnitData("THCSNQ", "Trường THCS Ngô Quyền", UnitKind.SCHOOL_LOWER_SECONDARY)
    main_window.ctx.door.run(add(UNITS, school))
    page = main_window.show_page("dossiers")
    qtbot.waitUntil(lambda: page.model.rowCount() == 5)
    dialog = new_dialog(page)
    retype(dialog.nominee, "ngo quyen")
    assert listed(dialog.nominee) == ["Trường THCS Ngô Quyền"]
