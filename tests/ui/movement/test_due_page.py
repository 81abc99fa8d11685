"""Việc cần làm, the window's first page, as the clerk meets it on the demo ward (1/12/2026):
the late in red, each line opening the page that resolves it, the list following every change."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QSpinBox
from sqlmodel import Session

from desktop.backup.status import record_usb_backup
from desktop.changes import Area, Change, Done
from desktop.context import AppContext
from desktop.documents import ops as documents
from desktop.documents.common import DocumentRequest
from desktop.indicators import ops as indicators
from desktop.movement.deadline_settings import load_deadlines
from desktop.movement.deadlines import Severity
from desktop.storage import Database
from desktop.ui.movement.due_page import COLOURS, DuePage
from tests.helpers.typing import type_text


def _row_of(page: DuePage, kind: str) -> int:
    return next(row for row, item in enumerate(page.items) if item.kind == kind)


def _activate(qtbot, page: DuePage, kind: str) -> None:  # type: ignore[no-untyped-def]
    """Select the line of ``kind`` and press Enter on it, as the clerk would."""
    page.list.setCurrentRow(_row_of(page, kind))
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Return)


def test_the_window_opens_on_the_due_list_the_late_first_and_in_red(main_window) -> None:  # type: ignore[no-untyped-def]
    assert main_window.stack.currentWidget().objectName() == "page_due"
    page = main_window.page("due")
    assert page.list.count() == len(page.items) > 0
    first = page.list.item(0)
    assert page.items[0].severity is Severity.LATE
    assert first.text().startswith("Quá hạn — ")
    assert first.foreground().color().name() == COLOURS[Severity.LATE]
    texts = [page.list.item(row).text() for row in range(page.list.count())]
    assert any(text.startswith("Quá hạn — Quý 3/2026:") for text in texts)
    assert "quá hạn" in page.counts.text() and not page.empty.isVisible()


def test_ctrl_0_comes_back_to_the_due_list(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    main_window.show_page("units")
    qtbot.keyClick(main_window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert main_window.stack.currentWidget().objectName() == "page_due"


def test_a_quarter_not_collected_opens_its_entry_on_a_unit_missing(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = main_window.page("due")
    item = page.items[_row_of(page, "collection")]
    _activate(qtbot, page, "collection")
    assert main_window.stack.currentWidget().objectName() == "page_indicators"
    entry = main_window.page("indicators").entry
    assert main_window.page("indicators").tabs.currentWidget() is entry
    assert entry.period == (2026, 3) and entry.model.period == (2026, 3)
    shown = entry.model.unit_at(entry.view.currentIndex().row())
    assert shown.id in item.target.unit_ids and shown.name in item.names


def test_a_late_dossier_opens_the_dossiers_of_its_campaign_on_it(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = main_window.page("due")
    item = page.items[_row_of(page, "dossiers")]
    page.list.setCurrentRow(_row_of(page, "dossiers"))
    page.open_button.click()
    dossiers = main_window.page("dossiers")
    assert main_window.stack.currentWidget() is dossiers
    panel = dossiers.dossiers
    assert panel.campaign.currentData() == item.target.campaign_id
    selected = panel.selected()
    assert selected is not None and selected.dossier.id == item.target.dossier_id
    assert selected.overdue and selected.nominee in item.names


def test_a_report_not_issued_opens_the_documents_page_on_that_report(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = main_window.page("due")
    row = next(
        r for r, i in enumerate(page.items) if i.kind == "yearly_report" and i.target.year == 2025
    )
    page.list.setCurrentRow(row)
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Return)
    documents_page = main_window.page("documents")
    assert main_window.stack.currentWidget() is documents_page
    assert documents_page.kind.currentData() == "yearly" and documents_page.year.value() == 2025


def test_the_backup_line_opens_the_backup_page(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _activate(qtbot, main_window.page("due"), "backup")
    assert main_window.stack.currentWidget().objectName() == "page_backup"


def test_the_list_follows_a_change_made_elsewhere(main_window, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    page = main_window.page("due")
    assert "collection" in [i.kind for i in page.items]
    ctx.door.run(indicators.lock_quarter(2026, 3, allow_incomplete=True))
    assert "collection" not in [i.kind for i in page.items]


def test_nothing_due_says_so_with_the_next_date(
    qtbot, ctx: AppContext, db: Database, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    """A ward with its plan issued and a fresh USB backup, early in 2025: nothing is due yet."""
    monkeypatch.setenv("THIDUA_TODAY", "2025-02-05")
    ctx.door.run(documents.issue(DocumentRequest("plan"), date(2025, 2, 5), ctx.folder.documents))

    def backed_up(session: Session) -> Done[None]:
        record_usb_backup(session, datetime.combine(date(2025, 2, 5), time(0, 0)))
        return Done(None, Change.of(Area.BACKUPS))

    ctx.door.run(backed_up)
    page = DuePage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.items == [] and not page.list.isVisible()
    assert "Không có việc nào quá hạn hay sắp đến hạn." in page.empty.text()
    assert "Hạn tiếp theo: 31/03/2025 — Đơn vị đăng ký thi đua năm 2025." in page.empty.text()


def test_the_settings_group_saves_the_dates_and_the_list_follows(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    settings = main_window.show_page("settings")
    group = settings.deadlines
    day = group.findChild(QSpinBox, "deadline_collection_day")
    day.setValue(5)
    yearly = group.findChild(QLineEdit, "deadline_yearly_report")
    yearly.clear()
    type_text(yearly, "31/12")
    group.save_button.click()
    assert group.status.text() == "Đã lưu mốc thời gian và hạn."
    saved = main_window.ctx.door.read(load_deadlines)
    assert (saved.collection_day, saved.yearly_report) == (5, (31, 12))
    due = main_window.show_page("due")
    texts = " ".join(i.text for i in due.items)
    assert "hạn 05/10/2026" in texts and "năm 2026 gửi thành phố" not in texts


def test_a_wrong_date_in_the_settings_is_refused_and_nothing_saved(
    main_window, qtbot, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    group = main_window.show_page("settings").deadlines
    review = group.findChild(QLineEdit, "deadline_so_ket")
    review.clear()
    type_text(review, "15/12/2026")
    group.save_button.click()
    assert shown and "phải trong năm 2027 hoặc 2028" in shown[0]
    assert main_window.ctx.door.read(load_deadlines).so_ket is None
