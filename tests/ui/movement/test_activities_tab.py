"""The Hoạt động tab as the clerk uses it: the year's list and its totals, search without marks,
add through the dialog (a refusal keeps it open), a unit's Excel list previewed then saved whole or
refused whole, delete and Ctrl+Z."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from desktop.movement.activities import activity_views
from desktop.ui.movement.activities_tab import ActivitiesTab
from tests.helpers.activity_lists import a_list

CLASS_TITLE = "Lớp “Bình dân học vụ số” nâng cao tại Tổ dân phố số 10: dịch vụ công, thanh toán số"


@pytest.fixture
def tab(demo_db, ctx, qtbot) -> ActivitiesTab:  # type: ignore[no-untyped-def]
    widget = ActivitiesTab(ctx)
    qtbot.addWidget(widget)
    ctx.door.listen(widget.on_change)
    return widget


def titles(tab: ActivitiesTab) -> list[str]:
    return [v.title for v in tab.shown()]


def test_the_years_list_its_totals_and_a_search_without_marks(tab, ctx, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(tab.model)
    tab.year.setCurrentIndex(tab.year.findData(2026))
    stored = [v for v in ctx.door.read(activity_views) if v.held_on.year == 2026]
    assert sorted(titles(tab)) == sorted(v.title for v in stored)
    people = sum(v.participants or 0 for v in stored)
    assert tab.summary.text().startswith(f"{len(stored)} hoạt động, ")
    assert f"{people:,}".replace(",", ".") in tab.summary.text()
    # The totals by kind count every activity of the year once.
    by_kind = [tab.totals.record(r) for r in range(tab.totals.rowCount())]
    assert sum(r.activities for r in by_kind) == len(stored)
    qtbot.keyClicks(tab.search, "binh dan hoc vu so nang cao to dan pho so 10")
    assert titles(tab) == [CLASS_TITLE]


def test_added_through_the_dialog_after_a_refusal(tab, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: errors.append(str(a[2])))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: errors.append(str(a[2])))
    tab.add()
    dialog = tab.last_dialog
    dialog.participants.setValue(30)
    dialog.groups["residents"].setValue(40)  # more residents than participants: refused
    dialog.title_edit.setText("Hướng dẫn cài đặt VNeID cho người cao tuổi")
    dialog.save()
    assert dialog.isVisible() and errors
    assert "Hướng dẫn cài đặt VNeID cho người cao tuổi" not in titles(tab)
    dialog.groups["residents"].setValue(25)
    dialog.save()
    assert dialog.result() == 1
    assert "Hướng dẫn cài đặt VNeID cho người cao tuổi" in titles(tab)


ROW = [date(2026, 11, 20), "Tuyên truyền", "Tuyên truyền thanh toán không dùng tiền mặt",
       "Chợ Kiến An", "TDP10", 60, None, None, 60, None, ""]  # fmt: skip


def test_a_units_list_is_previewed_then_saved_or_refused_whole(tab, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    before = len(ctx.door.read(activity_views))
    bad = a_list(tmp_path / "sai.xlsx", [ROW, [*ROW[:4], "KHONG-CO", *ROW[5:]]])
    tab.preview_import(bad)
    dialog = tab.last_dialog
    assert not dialog.save_button.isEnabled()  # one bad row: nothing can be saved
    assert "KHONG-CO" in " ".join(r.reason for r in dialog.preview.rows)
    dialog.reject()
    assert len(ctx.door.read(activity_views)) == before
    good = a_list(tmp_path / "hoat-dong-tdp10.xlsx", [ROW])
    tab.preview_import(good)
    dialog = tab.last_dialog
    assert dialog.save_button.isEnabled()
    dialog.accept()
    assert len(ctx.door.read(activity_views)) == before + 1
    assert "hoat-dong-tdp10.xlsx" in tab.status.text()


def test_deleted_then_brought_back_with_ctrl_z(tab, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    tab.year.setCurrentIndex(tab.year.findData(2026))
    row = titles(tab).index(CLASS_TITLE)
    tab.view.selectRow(row)
    qtbot.mouseClick(tab.findChild(QPushButton, "delete_activity"), Qt.MouseButton.LeftButton)
    assert CLASS_TITLE not in titles(tab)
    tab.undo.undo.trigger()
    assert CLASS_TITLE in titles(tab)
