"""The Sáng kiến - mô hình tab as the clerk uses it: filter, add through the dialog, refusals shown
with the dialog kept open, delete and Ctrl+Z."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from desktop.movement.initiatives import initiatives_in
from desktop.ui.movement.initiatives_tab import InitiativesTab


@pytest.fixture
def tab(demo_db, ctx, qtbot) -> InitiativesTab:  # type: ignore[no-untyped-def]
    widget = InitiativesTab(ctx)
    qtbot.addWidget(widget)
    ctx.door.listen(widget.on_change)
    return widget


def titles(tab: InitiativesTab) -> list[str]:
    return [tab.proxy.index(r, 2).data() for r in range(tab.proxy.rowCount())]


def test_the_demo_wards_initiatives_are_listed_and_filtered(tab, qtbot, qtmodeltester) -> None:
    qtmodeltester.check(tab.model)
    assert "Thư viện số của Trường THCS Trần Thành Ngọ" in titles(tab)
    tab.year.setCurrentIndex(tab.year.findData(2026))
    assert "Thư viện số của Trường THCS Trần Thành Ngọ" not in titles(tab)
    assert "Tổ công nghệ số cộng đồng của Đoàn Thanh niên" in titles(tab)
    tab.year.setCurrentIndex(0)
    qtbot.keyClicks(tab.search, "thu vien so")  # without marks, as typed quickly
    assert titles(tab) == ["Thư viện số của Trường THCS Trần Thành Ngọ"]
    assert tab.summary.text() == "1 sáng kiến, mô hình; 1 đã được công nhận."


def test_added_through_the_dialog_with_an_author(tab, ctx, qtbot, monkeypatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    tab.add()
    dialog = tab.last_dialog
    assert dialog is not None
    dialog.year.setValue(2026)
    dialog.title.setText("Số hóa sổ hộ tịch")
    dialog.unit.setCurrentIndex(dialog.unit.findText("Văn phòng HĐND và UBND phường (VP)"))
    dialog.author_pick.setCurrentIndex(0)
    dialog.add_author()
    dialog.recognition.setCurrentIndex(dialog.recognition.findData("ward"))
    dialog.accept()  # no decision for a recognised initiative: refused, the dialog stays
    assert dialog.isVisible()
    assert any("hãy ghi quyết định công nhận" in w for w in warnings)

    dialog.decision.setText("Quyết định số 30/QĐ-UBND ngày 20/11/2026")
    dialog.accept()
    assert dialog.result() == 1
    assert "Số hóa sổ hộ tịch" in titles(tab)
    (view,) = [
        v
        for v in ctx.door.read(lambda s: initiatives_in(s, 2026, 2026))
        if v.title == "Số hóa sổ hộ tịch"
    ]
    assert view.unit_name == "Văn phòng HĐND và UBND phường" and len(view.authors) == 1


def test_deleted_then_brought_back_with_ctrl_z(tab, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    row = titles(tab).index("Nhắc lịch khám và tiêm chủng qua tin nhắn")
    tab.view.selectRow(row)
    qtbot.mouseClick(tab.findChild(QPushButton, "delete_initiative"), Qt.MouseButton.LeftButton)
    assert "Nhắc lịch khám và tiêm chủng qua tin nhắn" not in titles(tab)
    tab.undo.undo.trigger()
    assert "Nhắc lịch khám và tiêm chủng qua tin nhắn" in titles(tab)
