"""The clerk on "Văn bản & báo cáo": preview a report, save it, issue a plan, reprint it, fail clearly."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

pytestmark = pytest.mark.gui


def _choose(combo, key) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(key))


def test_preview_of_the_quarterly_report_shows_its_pages(
    main_window, qtbot, tmp_path: Path
) -> None:
    page = main_window.show_page("documents")
    _choose(page.kind, "report")
    page.year.setValue(2025)
    _choose(page.quarter, 2)
    assert page.quarter.isEnabled() and not page.dossier.isEnabled()
    page.preview_button.click()
    qtbot.waitUntil(lambda: page.shown is not None, timeout=20_000)
    rects = page.preview.page_rects
    assert len(rects) >= 2
    assert rects[0].height() / rects[0].width() == pytest.approx(297 / 210, rel=0.01)  # an A4 page
    assert rects[1].top() > rects[0].bottom()  # pages one under another
    assert rects[-1].width() > rects[-1].height()  # the annex is landscape
    sheet = page.preview.sheet.pixmap()
    assert sheet.height() >= sum(r.height() for r in rects)  # full size; the area scrolls
    assert page.preview.sheet.height() == sheet.height()
    assert "Bản nháp (chưa cấp số)" in page.status.text()
    assert "quý II năm 2025" in page.status.text()
    page.grab().save(str(tmp_path / "documents-page.png"))
    target = tmp_path / "bao-cao.pdf"
    page.write_pdf(target)
    assert target.read_bytes() == page.shown.pdf


def test_issue_the_plan_then_reprint_it_from_the_register(main_window, qtbot) -> None:
    page = main_window.show_page("documents")
    _choose(page.kind, "plan")
    assert page.issue_button.isEnabled()
    page.issue_on(date(2025, 2, 5))
    assert page.status.text() == "Đã cấp số 01/KH-UBND ngày 05/02/2025."
    assert page.register_model.rowCount() == 1
    issued = page.shown.pdf
    page.register.selectRow(0)
    page.shown = None
    page.reprint_button.click()
    assert page.shown is not None and page.shown.pdf == issued
    assert "01/KH-UBND" in page.status.text()


def test_an_achievement_report_without_a_dossier_is_refused_in_vietnamese(
    main_window, qtbot, monkeypatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    page = main_window.show_page("documents")
    _choose(page.kind, "achievement")
    page.dossier.clear()
    page.dossier.addItem("(đợt này chưa có hồ sơ)", None)
    page.preview_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "cần chọn hồ sơ khen thưởng" in shown[0]


def test_nominee_list_of_a_campaign_with_dossiers(main_window, qtbot) -> None:
    page = main_window.show_page("documents")
    _choose(page.kind, "nominees")
    for index in range(page.campaign.count()):
        page.campaign.setCurrentIndex(index)
        if page.dossier.currentData() is not None:
            break
    assert not page.issue_button.isEnabled()  # an attachment of the Tờ trình has no number
    page.preview_button.click()
    qtbot.waitUntil(lambda: page.shown is not None, timeout=20_000)
    assert page.shown.title.startswith("Danh sách đề nghị khen thưởng")


def test_margins_outside_the_decree_are_refused_and_legal_ones_kept(
    main_window, qtbot, monkeypatch
) -> None:
    from desktop.documents.layout import load_layout
    from desktop.ui.documents.layout_dialog import LayoutDialog

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    dialog = LayoutDialog(main_window.ctx, main_window)
    qtbot.addWidget(dialog)
    dialog.editors["margin_left"].setValue(25)
    dialog.save()
    assert "Lề trái phải từ 30 đến 35 mm" in shown[0]
    dialog.editors["margin_left"].setValue(35)
    dialog.editors["body_size"].setValue(13)
    dialog.save()
    with main_window.ctx.db.session() as session:
        layout = load_layout(session)
    assert (layout.margin_left, layout.body_size) == (35, 13)


def test_printing_draws_every_page_of_the_document(main_window, qtbot, tmp_path: Path) -> None:
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from desktop.documents.common import DocumentRequest
    from desktop.documents.service import render
    from desktop.ui.documents.preview import paint_pages

    with main_window.ctx.db.session() as session:
        pdf = render(session, DocumentRequest("plan"))
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert paint_pages(printer, pdf) == pages
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == pages
