"""The clerk on "Văn bản & báo cáo": preview a report, save it, issue a plan, reprint it, fail clearly."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.documents.directions import save_direction

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


def test_the_council_minutes_and_the_ward_submission_are_chosen_on_the_page(
    main_window, qtbot
) -> None:
    """Issue 13: the Biên bản of a meeting of the chosen round, and the Tờ trình to the right
    authority, from the window as from the command line."""
    page = main_window.show_page("documents")
    _choose(page.kind, "minutes")
    page.campaign.setCurrentIndex(page.campaign.findText("Khen thưởng năm 2025"))
    assert page.meeting.isEnabled() and page.meeting.currentText().startswith(
        "Phiên họp ngày 10/12/2025"
    )
    assert not page.to.isEnabled()
    page.preview_button.click()
    qtbot.waitUntil(lambda: page.shown is not None, timeout=20_000)
    assert page.shown.request.meeting_id == page.meeting.currentData()
    _choose(page.kind, "submission")
    assert page.to.isEnabled() and not page.meeting.isEnabled()
    page.to.setCurrentIndex(page.to.findData("city"))
    request = page.request()
    assert (request.kind, request.to, request.meeting_id) == ("submission", "city", None)


def test_margins_outside_the_decree_are_refused_and_legal_ones_kept(
    main_window, qtbot, monkeypatch
) -> None:
    from desktop.documents import ops
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
    layout = main_window.ctx.door.read(ops.page_layout)
    assert (layout.margin_left, layout.body_size) == (35, 13)


def test_printing_draws_every_page_of_the_document(main_window, qtbot, tmp_path: Path) -> None:
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from desktop.documents import ops
    from desktop.documents.common import DocumentRequest
    from desktop.ui.documents.preview import paint_pages

    pdf = main_window.ctx.door.read(ops.draft(DocumentRequest("plan"))).pdf
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert paint_pages(printer, pdf) == pages
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == pages


def test_a_new_campaign_is_offered_as_soon_as_it_is_saved(main_window, qtbot) -> None:
    from desktop.awards.catalogue_ops import save_round
    from desktop.models import CampaignKind

    page = main_window.show_page("documents")
    _choose(page.kind, "submission")
    before = page.campaign.count()
    main_window.ctx.door.run(
        save_round("Khen thưởng đột xuất 2026", CampaignKind.YEARLY, 2026, None)
    )
    assert page.campaign.count() == before + 1
    assert page.campaign.findText("Khen thưởng đột xuất 2026") >= 0


def test_a_draft_on_screen_is_marked_out_of_date_when_the_data_behind_it_change(
    main_window, qtbot
) -> None:
    from desktop.settings import load_settings, save_ward_settings

    page = main_window.show_page("documents")
    _choose(page.kind, "plan")
    page.preview_button.click()
    qtbot.waitUntil(lambda: page.shown is not None, timeout=20_000)
    assert "Bản nháp (chưa cấp số)" in page.status.text()
    ctx = main_window.ctx
    settings = ctx.door.read(load_settings)
    settings.signer_name = "Nguyễn Văn Bình"
    ctx.door.run(save_ward_settings(settings))
    assert "Bấm “Xem trước” để cập nhật" in page.status.text()
    page.preview_button.click()
    qtbot.waitUntil(lambda: "Bản nháp" in page.status.text(), timeout=20_000)


def test_after_a_restore_the_register_shows_the_restored_documents(
    main_window, qtbot, tmp_path: Path
) -> None:
    from desktop.backup.archive import create_backup
    from desktop.backup.restore import restore_backup

    ctx = main_window.ctx
    page = main_window.show_page("documents")
    _choose(page.kind, "plan")
    page.issue_on(date(2025, 2, 5))
    # The report of quarter II of 2025, with its Phương hướng written (issue 14).
    ctx.door.run(save_direction(2025, 2, "Tiếp tục đôn đốc các đơn vị."))
    backup = create_backup(ctx.folder, tmp_path).path
    _choose(page.kind, "report")
    page.year.setValue(2025)
    _choose(page.quarter, 2)
    page.issue_on(date(2025, 7, 3))
    assert page.status.text() == "Đã cấp số 01/BC-UBND ngày 03/07/2025."
    assert [page.register_model.record(r).symbol for r in range(2)] == ["01/BC-UBND", "01/KH-UBND"]
    restore_backup(ctx, backup)
    qtbot.waitUntil(lambda: page.register_model.rowCount() == 1, timeout=10_000)
    assert page.register_model.record(0).symbol == "01/KH-UBND"
    assert page.shown is None and page.preview.page_rects == []
    assert "khôi phục" in page.status.text()
    page.issue_on(date(2025, 7, 4))  # the report's number is free again in the restored register
    assert page.status.text() == "Đã cấp số 01/BC-UBND ngày 04/07/2025."


def test_a_pdf_that_cannot_be_saved_is_refused_in_a_dialog(
    main_window, qtbot, monkeypatch, tmp_path: Path
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    page = main_window.show_page("documents")
    page.write_pdf(tmp_path / "x.pdf")
    assert shown == ["Chưa có văn bản để in. Hãy bấm “Xem trước” trước."]
    _choose(page.kind, "plan")
    page.preview_button.click()
    qtbot.waitUntil(lambda: page.shown is not None, timeout=20_000)
    occupied = tmp_path / "tệp.txt"
    occupied.write_text("không phải thư mục", encoding="utf-8")
    page.write_pdf(occupied / "ke-hoach.pdf")
    assert "Không ghi được tệp" in shown[-1] and "nơi lưu không phải là một thư mục" in shown[-1]
    assert "Không ghi được tệp" in page.status.text()


def test_a_decision_is_issued_with_the_number_the_clerk_gives_it(main_window, qtbot) -> None:
    """Issue 13, 3: only the number and the date of the Quyết định are typed."""
    from desktop.ui.documents.page import IssueDialog

    page = main_window.show_page("documents")
    dialog = IssueDialog(page, own_number=True)
    qtbot.addWidget(dialog)
    assert dialog.chosen_number() is None  # 0: the next number of the register
    dialog.number.setValue(130)
    assert dialog.chosen_number() == 130
    plain = IssueDialog(page)
    qtbot.addWidget(plain)
    assert not plain.number.isVisibleTo(plain)  # other documents take the register's number


def test_the_clerk_writes_the_reports_direction_before_issuing_it(
    main_window, qtbot, monkeypatch
) -> None:
    """Issue 14: issuing a report whose Phương hướng, đề xuất is empty is refused; the button
    opens the dialog, which starts from the draft's sentences; Lưu saves through the door, and
    the report is then issued with the clerk's words."""
    from desktop.documents import ops
    from desktop.ui.documents.direction_dialog import DirectionDialog

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    page = main_window.show_page("documents")
    _choose(page.kind, "plan")
    assert not page.direction_button.isVisibleTo(page)  # only a Báo cáo kết quả has one
    _choose(page.kind, "report")
    page.year.setValue(2026)
    _choose(page.quarter, 3)
    assert page.direction_button.isVisibleTo(page) and page.direction_button.isEnabled()
    page.issue_on(date(2026, 10, 5))
    assert "Hãy viết phần Phương hướng, đề xuất của báo cáo quý III năm 2026" in shown[-1]
    assert page.register_model.rowCount() == 0
    opened: list[DirectionDialog] = []

    def write(dialog: DirectionDialog) -> int:
        opened.append(dialog)
        assert "Đề nghị các đơn vị chưa báo cáo gửi số liệu quý III năm 2026" in (
            dialog.editor.toPlainText()
        )
        assert "Chưa lưu" in dialog.findChild(type(page.status), "direction_note").text()
        dialog.editor.setPlainText("Đôn đốc Tổ dân phố số 7 gửi số liệu.\nĐề xuất tập huấn.")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(DirectionDialog, "exec", write)
    page.direction_button.click()
    assert opened and page.status.text() == (
        "Đã lưu phần Phương hướng, đề xuất của báo cáo quý III năm 2026."
    )
    ctx = main_window.ctx
    assert ctx.door.read(ops.report_direction(2026, 3)).text == (
        "Đôn đốc Tổ dân phố số 7 gửi số liệu.\nĐề xuất tập huấn."
    )
    reopened = DirectionDialog(ctx, 2026, 3, page)
    qtbot.addWidget(reopened)
    assert reopened.editor.toPlainText().startswith("Đôn đốc Tổ dân phố số 7")
    page.issue_on(date(2026, 10, 5))
    assert page.status.text() == "Đã cấp số 01/BC-UBND ngày 05/10/2026."
    _choose(page.kind, "report")
    page.blank.setChecked(True)
    assert not page.direction_button.isEnabled()  # a blank form leaves it to the pen


def test_issuing_asks_once_with_every_reason_and_issues_only_on_yes(
    main_window, qtbot, monkeypatch
) -> None:
    """Issue 14, 4: a Báo cáo dated before the Kế hoạch it cites, and before its own quarter: the
    page asks once, listing both reasons; "No" issues nothing, "Yes" issues."""
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def question(parent, title, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    ctx = main_window.ctx
    page = main_window.show_page("documents")
    _choose(page.kind, "plan")
    page.issue_on(date(2025, 7, 7))
    assert asked == []  # nothing out of order: issued without a question
    ctx.door.run(save_direction(2025, 3, "Tiếp tục đôn đốc các đơn vị."))
    _choose(page.kind, "report")
    page.year.setValue(2025)
    _choose(page.quarter, 3)
    page.issue_on(date(2025, 6, 30))
    assert len(asked) == 1
    assert "Kế hoạch số 01/KH-UBND ngày 07/07/2025" in asked[0]
    assert "quý III năm 2025" in asked[0] and "Vẫn cấp số và ban hành?" in asked[0]
    assert page.register_model.rowCount() == 1 and page.status.text() == "Chưa cấp số."
    page.issue_on(date(2025, 6, 30))
    assert len(asked) == 2 and page.register_model.rowCount() == 2
    assert page.status.text() == "Đã cấp số 01/BC-UBND ngày 30/06/2025."


def test_the_page_dialogs_say_lưu_and_hủy(main_window, qtbot) -> None:
    """Qt's own buttons read "Save" / "Cancel" without a translator: the clerk reads Vietnamese."""
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.ui.documents.direction_dialog import DirectionDialog
    from desktop.ui.documents.layout_dialog import LayoutDialog

    for dialog in (
        LayoutDialog(main_window.ctx, main_window),
        DirectionDialog(main_window.ctx, 2026, 3, main_window),
    ):
        qtbot.addWidget(dialog)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        assert sorted(b.text().replace("&", "") for b in box.buttons()) == ["Hủy", "Lưu"]


def test_the_page_shows_only_the_fields_of_the_kind_and_stays_narrow(main_window) -> None:
    """At 125 % a 1366×768 screen is 1093×614: the page never asks for more than what is left
    beside the navigation, however long the names of the kinds and dossiers; a field the kind
    never asks for is hidden, one a blank form leaves out greyed."""
    page = main_window.show_page("documents")
    for row in range(page.kind.count()):
        page.kind.setCurrentIndex(row)
        assert page.minimumSizeHint().width() <= 1093 - main_window.navigation.width() - 40
    _choose(page.kind, "yearly")
    assert page.form.isRowVisible(page.year) and not page.form.isRowVisible(page.quarter)
    _choose(page.kind, "report")
    assert page.form.isRowVisible(page.quarter) and not page.form.isRowVisible(page.dossier)
    page.blank.setChecked(True)
    assert page.form.isRowVisible(page.quarter) and not page.quarter.isEnabled()
    assert page.kind.toolTip() == page.kind.currentText()
