"""The Đăng ký thi đua tab as the clerk uses it: the year's units and their state, the chase
filter, days set in the dialog, the plan attached and opened, the chase list exported, Ctrl+Z."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from desktop.movement.commitments import NOT_REGISTERED, PLAN_RECEIVED
from desktop.ui.movement.commitments_tab import CommitmentsTab


@pytest.fixture
def tab(demo_db, ctx, qtbot) -> CommitmentsTab:  # type: ignore[no-untyped-def]
    widget = CommitmentsTab(ctx)
    qtbot.addWidget(widget)
    ctx.door.listen(widget.on_change)
    return widget


def shown(tab: CommitmentsTab) -> dict[str, str]:
    """Unit code → state, as the table shows them."""
    return {
        tab.proxy.index(r, 0).data(): tab.proxy.index(r, 3).data()
        for r in range(tab.proxy.rowCount())
    }


def select(tab: CommitmentsTab, code: str) -> None:
    rows = [r for r in range(tab.proxy.rowCount()) if tab.proxy.index(r, 0).data() == code]
    tab.view.selectRow(rows[0])


def test_every_expected_unit_is_listed_and_the_chase_filter_keeps_the_missing(tab, qtmodeltester):
    qtmodeltester.check(tab.model)
    everything = shown(tab)
    assert tab.year.value() == 2026 and len(everything) == 42  # the closed cooperative left
    assert "HTXRS" not in everything
    tab.show_what.setCurrentIndex(1)  # Cần đôn đốc
    chase = shown(tab)
    assert chase and PLAN_RECEIVED not in chase.values()
    assert set(chase) == {c for c, s in everything.items() if s != PLAN_RECEIVED}
    assert "Năm 2026:" in tab.summary.text()


def test_days_recorded_in_the_dialog_then_undone(tab, ctx):
    tab.show_what.setCurrentIndex(2)  # Chưa đăng ký
    code = next(iter(shown(tab)))
    assert shown(tab)[code] == NOT_REGISTERED
    select(tab, code)
    tab.record_selected()
    dialog = tab.last_dialog
    assert dialog is not None
    dialog.set_days(date(2026, 3, 2), date(2026, 3, 20))
    dialog.accept()
    assert dialog.result() == 1
    tab.show_what.setCurrentIndex(0)
    assert shown(tab)[code] == PLAN_RECEIVED
    tab.undo.undo.trigger()
    assert shown(tab)[code] == NOT_REGISTERED


def test_the_plan_attached_opens_from_the_data_folder(tab, ctx, tmp_path: Path, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    plan = tmp_path / "Kế hoạch THPT Kiến An 2026.pdf"
    plan.write_bytes(b"%PDF-1.4 ke hoach cua truong")
    select(tab, "THPTKA")
    tab.attach_selected(plan)
    assert shown(tab)["THPTKA"] == PLAN_RECEIVED
    select(tab, "THPTKA")
    copy = tab.open_selected()
    assert copy is not None and copy.read_bytes() == plan.read_bytes()
    assert opened == [str(copy)] and ctx.folder.root in copy.parents


def test_the_chase_list_is_exported(tab, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    tab.show_what.setCurrentIndex(1)
    chase = shown(tab)
    target = tab.export_chase(tmp_path / "don doc.xlsx")
    assert target is not None
    rows = list(load_workbook(target).active.iter_rows(min_row=4, values_only=True))
    assert {r[1] for r in rows} == set(chase)
    assert "Đã xuất" in tab.summary.text()
