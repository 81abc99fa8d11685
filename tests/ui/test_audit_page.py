"""Nhật ký thay đổi on screen: the record by its name, the change in one line of the clerk's
words, and the selected entry's fields before and after under the table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlmodel import select

from desktop.models import Dossier, DossierStatus
from desktop.ui.storage.audit_page import SUMMARY_COLUMN, AuditPage
from desktop.ui.texts import backup as t
from tests.helpers.typing import type_text

STATUS_CHANGE = "Trạng thái: Nháp → Đã trình Hội đồng phường"


def shown(page: AuditPage, row: int, column: int) -> str:
    return str(page.model.data(page.model.index(row, column)))


def audit_page(main_window) -> AuditPage:  # type: ignore[no-untyped-def]
    ctx = main_window.ctx
    with ctx.db.session() as session:
        dossier = session.exec(select(Dossier).where(Dossier.status == DossierStatus.DRAFT)).first()
        assert dossier is not None
        dossier.status = DossierStatus.SUBMITTED_TO_COUNCIL
    page = main_window.show_page("audit")
    assert isinstance(page, AuditPage)
    page.refresh()
    return page


def test_the_summary_column_reads_in_vietnamese(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = audit_page(main_window)
    header = page.model.headerData(SUMMARY_COLUMN, Qt.Orientation.Horizontal)
    assert header == "Thay đổi"
    summaries = [shown(page, r, SUMMARY_COLUMN) for r in range(page.model.rowCount())]
    assert summaries[0] == STATUS_CHANGE  # the newest entry first
    assert len(summaries) > 100
    assert not [s for s in summaries if "_" in s or "{" in s or '":' in s]
    assert all(": " in s for s in summaries)  # a field and its value, in the clerk's words
    record = shown(page, 0, t.AUDIT_COLUMNS.index("Bản ghi"))
    assert "Giấy khen" in record and not record.startswith("số ")


def test_selecting_a_row_shows_each_field_before_and_after(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = audit_page(main_window)
    assert page.detail.model.rowCount() == 0
    assert page.detail.title.text() == t.AUDIT_DETAIL_EMPTY
    page.view.setCurrentIndex(page.model.index(0, 0))
    detail = page.detail.model
    assert [detail.data(detail.index(0, c)) for c in range(3)] == [
        "Trạng thái",
        "Nháp",
        "Đã trình Hội đồng phường",
    ]
    assert "Sửa hồ sơ khen thưởng" in page.detail.title.text()
    inserted = next(
        r
        for r in range(page.model.rowCount())
        if (page.model.record(r).table_name, page.model.record(r).action) == ("unit", "insert")
    )
    page.view.setCurrentIndex(page.model.index(inserted, 0))
    fields = [detail.data(detail.index(r, 0)) for r in range(detail.rowCount())]
    assert "Tên đơn vị" in fields and "Loại đơn vị" in fields
    assert all(detail.data(detail.index(r, 1)) == "" for r in range(detail.rowCount()))
    assert "Thêm đơn vị" in page.detail.title.text()


def test_the_search_finds_the_clerks_words_without_diacritics(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = audit_page(main_window)
    everything = page.model.rowCount()
    type_text(page.search, "trang thai da trinh hoi dong")
    qtbot.waitUntil(lambda: page.model.rowCount() < everything, timeout=5_000)
    summaries = [shown(page, r, SUMMARY_COLUMN) for r in range(page.model.rowCount())]
    assert STATUS_CHANGE in summaries
