"""The dossier pages as the clerk uses them: find, create, fill in, attach, and take a dossier to a decision."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox
from sqlmodel import select

from desktop.awards.attachments import stored_path
from desktop.models import (
    Attachment,
    AuditEntry,
    AwardForm,
    Dossier,
    DossierEvent,
    DossierStatus,
    Unit,
)
from desktop.ui.awards.dossier_models import LATE
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
    return shown


def ok(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def create(page, qtbot, award: str, nominee: str, campaign: str = "Khen thưởng năm 2025"):  # type: ignore[no-untyped-def]
    """The clerk's steps in Tạo hồ sơ: the demo's dossiers are those of the 2025 round (the
    dialog itself opens on the round under way)."""
    panel = page.dossiers
    panel.new_dossier()
    dialog = panel.new_dialog
    assert dialog.campaign.findText(campaign) >= 0, campaign
    dialog.campaign.setCurrentIndex(dialog.campaign.findText(campaign))
    dialog.award.setCurrentIndex(
        next(i for i in range(dialog.award.count()) if award in dialog.award.itemText(i))
    )
    dialog.nominee.lineEdit().clear()
    type_text(dialog.nominee.lineEdit(), nominee)
    ok(dialog)
    return dialog


def test_list_shows_counts_filters_and_marks_late_dossiers(page, qtbot, qtmodeltester) -> None:
    panel = page.dossiers
    qtmodeltester.check(panel.model)
    assert "Nháp: 2 · Đã trình Hội đồng phường: 0" in panel.counts.text()
    assert "Hội đồng đề nghị: 1 · Hội đồng không đề nghị: 1" in panel.counts.text()
    late = [
        panel.model.record(r).nominee
        for r in range(panel.model.rowCount())
        if panel.model.data(panel.model.index(r, 0), Qt.ItemDataRole.BackgroundRole) is not None
    ]
    assert late == ["Công ty Cổ phần May Hải Phòng Star", "Lê Thị Chi"]
    brush = panel.model.data(panel.model.index(3, 0), Qt.ItemDataRole.BackgroundRole)
    assert brush.color() == LATE
    panel.status.setCurrentIndex(panel.status.findData(DossierStatus.DRAFT.value))
    assert panel.model.rowCount() == 2
    assert "Nháp: 2" in panel.counts.text()  # counts keep every status of the campaign
    panel.status.setCurrentIndex(0)
    panel.kind.setCurrentIndex(panel.kind.findText("Cá nhân"))
    assert [panel.model.record(r).nominee for r in range(panel.model.rowCount())] == ["Lê Thị Chi"]
    panel.kind.setCurrentIndex(0)
    qtbot.keyClicks(panel.search, "hai phong star")
    assert panel.proxy.rowCount() == 1
    assert "Hiển thị 1/5" in panel.count_label.text()


def test_a_dossier_is_created_filled_in_and_taken_to_a_decision(
    page, qtbot, tmp_path, warnings
) -> None:
    ctx = page.ctx
    create(page, qtbot, "Bằng khen của Chủ tịch UBND thành phố", "Trường THCS Lê Lợi")
    editor = page.dossiers.editor
    assert editor is not None and warnings == []
    assert page.model.rowCount() == 6
    dossier_id = editor.dossier_id
    assert "Còn thiếu" in editor.state.text()

    # Tick every standard with its evidence, and every paper.
    for row in range(editor.criteria.rowCount()):
        editor.criteria.setData(editor.criteria.index(row, 3), "Báo cáo số 12/BC-THCS")
        editor.criteria.setData(
            editor.criteria.index(row, 0),
            Qt.CheckState.Checked.value,
            Qt.ItemDataRole.CheckStateRole,
        )
    for row in range(1, editor.components.rowCount()):
        editor.components.setData(
            editor.components.index(row, 0),
            Qt.CheckState.Checked.value,
            Qt.ItemDataRole.CheckStateRole,
        )
    # The first paper arrives as a scan.
    scan = tmp_path / "Tờ trình 12-TTr.pdf"
    scan.write_bytes(b"%PDF-1.4 to trinh")
    editor.files.attach_for.setCurrentIndex(1)
    original = QFileDialog.getOpenFileNames
    try:
        QFileDialog.getOpenFileNames = staticmethod(lambda *a, **k: ([str(scan)], ""))  # type: ignore[method-assign]
        qtbot.mouseClick(
            editor.findChild(type(editor.save_button), "add_files"), Qt.MouseButton.LeftButton
        )
    finally:
        QFileDialog.getOpenFileNames = original  # type: ignore[method-assign]
    qtbot.waitUntil(lambda: editor.files.rows.rowCount() == 1, timeout=10_000)
    assert editor.files.rows.record(0).original_name == "Tờ trình 12-TTr.pdf"
    assert editor.components.data(editor.components.index(0, 3)) == "Tờ trình 12-TTr.pdf"
    assert "đã đủ" in editor.state.text()

    type_text(editor.sections["thanh_tich"], "100% giáo viên sử dụng nền tảng số")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    # Nháp → Đã trình Hội đồng phường (the clerk's button) → the council's ballot (its own
    # record, not a button) → Hội đồng đề nghị, then the city sends it back: Trả lại bổ sung.
    editor.step_button(DossierStatus.SUBMITTED_TO_COUNCIL).click()
    ok(editor.step_dialog)
    qtbot.waitUntil(lambda: editor.step_button(DossierStatus.RETURNED) is not None)
    assert not editor.save_button.isEnabled()  # submitted: the record stays as judged
    assert editor.step_button(DossierStatus.COUNCIL_PROPOSED) is None
    assert editor.step_button(DossierStatus.AWARDED) is None
    ctx.door.run(_ballot(dossier_id))
    qtbot.waitUntil(lambda: editor.step_button(DossierStatus.NOT_AWARDED) is not None)
    assert editor.step_button(DossierStatus.SENT_UP) is None  # the city Tờ trình sends it
    editor.step_button(DossierStatus.NOT_AWARDED).click()
    dialog = editor.step_dialog
    ok(dialog)  # no reason yet
    assert warnings and "lý do không được khen thưởng" in warnings[-1]
    type_text(dialog.note, "Thành phố không xét trong đợt này")
    ok(dialog)
    # Closed: the clerk may reopen it as a new round, its history kept.
    qtbot.waitUntil(lambda: editor.step_button(DossierStatus.DRAFT) is not None)
    editor.step_button(DossierStatus.DRAFT).click()
    dialog = editor.step_dialog
    type_text(dialog.note, "Bổ sung minh chứng năm 2026")
    ok(dialog)
    qtbot.waitUntil(lambda: editor.save_button.isEnabled())

    with ctx.db.session() as s:
        dossier = s.get(Dossier, dossier_id)
        events = s.exec(select(DossierEvent).where(DossierEvent.dossier_id == dossier_id)).all()
        assert (dossier.status, dossier.round) == (DossierStatus.DRAFT, 2)
        assert "100% giáo viên" in dossier.achievement
        assert [e.to_status for e in events] == [
            DossierStatus.DRAFT,
            DossierStatus.SUBMITTED_TO_COUNCIL,
            DossierStatus.COUNCIL_PROPOSED,
            DossierStatus.NOT_AWARDED,
            DossierStatus.DRAFT,
        ]
    assert editor.events.rowCount() == 5
    assert "Được khen thưởng: 1" in page.dossiers.counts.text()


def _ballot(dossier_id: int):  # type: ignore[no-untyped-def]
    """The council's secret ballot on the dossier, as its record takes the step."""
    from desktop.awards.workflow import Act, move_dossier
    from desktop.changes import Area, Change, Done

    def operation(session):  # type: ignore[no-untyped-def]
        move_dossier(
            session, dossier_id, DossierStatus.COUNCIL_PROPOSED, note="7/7 đồng ý", act=Act.VOTE
        )
        return Done(None, Change.of(Area.DOSSIERS, dossier_id))

    return operation


def test_a_duplicate_nomination_is_refused_in_the_dialog(page, qtbot, warnings) -> None:
    dialog = create(
        page, qtbot, "Giấy khen của Chủ tịch UBND phường", "Công ty Cổ phần May Hải Phòng Star"
    )
    assert warnings and "đã được đề nghị" in warnings[0]
    assert dialog.isVisible() and page.model.rowCount() == 5


def test_a_higher_form_replaces_a_lower_draft_when_the_clerk_agrees(
    page, qtbot, warnings, monkeypatch
) -> None:
    asked: list[str] = []

    def answer(parent, title, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    create(
        page, qtbot, "Bằng khen của Chủ tịch UBND thành phố", "Công ty Cổ phần May Hải Phòng Star"
    )
    assert asked and "hãy chọn thay hồ sơ số 4" in asked[0] and warnings == []
    qtbot.waitUntil(lambda: page.model.rowCount() == 5)  # the draft gave way to the new one
    awards = {
        page.model.record(r).award
        for r in range(page.model.rowCount())
        if page.model.record(r).nominee == "Công ty Cổ phần May Hải Phòng Star"
    }
    assert awards == {"Bằng khen của Chủ tịch UBND thành phố"}


def test_a_name_not_in_the_list_is_refused(page, qtbot, warnings) -> None:
    create(page, qtbot, "Giấy khen", "Trường không có thật")
    assert warnings and "Hãy chọn đối tượng" in warnings[0]


def test_an_incomplete_dossier_needs_a_reason_to_go_to_the_council(page, qtbot, warnings) -> None:
    page.dossiers.open_dossier(4)  # the demo business, nothing ticked
    editor = page.dossiers.editor
    editor.step_button(DossierStatus.SUBMITTED_TO_COUNCIL).click()
    dialog = editor.step_dialog
    assert "Thiếu thành phần hồ sơ" in dialog.findChild(type(editor.header), "step_blocking").text()
    ok(dialog)
    assert warnings and "ghi lý do" in warnings[-1]
    type_text(dialog.reason, "Doanh nghiệp nộp bản chính khi họp Hội đồng")
    ok(dialog)
    with page.ctx.db.session() as s:
        dossier = s.get(Dossier, 4)
        assert dossier.status is DossierStatus.SUBMITTED_TO_COUNCIL
        assert dossier.incomplete_reason == "Doanh nghiệp nộp bản chính khi họp Hội đồng"
    assert "lý do: Doanh nghiệp nộp" in editor.header.text()


def test_an_attachment_opens_under_its_name_and_a_removed_file_is_reported(
    page, qtbot, tmp_path, monkeypatch, warnings
) -> None:
    from desktop.awards.attachments import attach_file

    source = tmp_path / "Biên bản họp.docx"
    source.write_bytes(b"bien ban")
    with page.ctx.db.session() as s:
        attachment = attach_file(s, page.ctx.folder.attachments, 5, source)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    page.dossiers.open_dossier(5)
    editor = page.dossiers.editor
    editor.files.view.selectRow(0)
    editor.files.open_selected()
    assert Path(opened[0].toLocalFile()).name == "Biên bản họp.docx"
    stored_path(page.ctx.folder.attachments, attachment.sha256).unlink()
    editor.reload()
    assert editor.files.rows.data(editor.files.rows.index(0, 4)) == "THIẾU TỆP"
    editor.files.view.selectRow(0)
    editor.files.open_selected()
    assert len(opened) == 1 and "không còn trong thư mục dữ liệu" in warnings[-1]


def test_a_bad_file_is_refused_with_its_reason(page, qtbot, tmp_path, warnings) -> None:
    page.dossiers.open_dossier(5)
    editor = page.dossiers.editor
    empty = tmp_path / "rong.pdf"
    empty.write_bytes(b"")
    editor.files.attach([empty])
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert "rỗng" in warnings[0]
    with page.ctx.db.session() as s:
        assert s.exec(select(Attachment)).all() == []


def test_checklists_are_locked_once_submitted(page, qtmodeltester) -> None:
    page.dossiers.open_dossier(3)  # sent up
    editor = page.dossiers.editor
    qtmodeltester.check(editor.criteria)
    index = editor.criteria.index(0, 0)
    assert not editor.criteria.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert not editor.criteria.setData(
        index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )


def test_indicator_results_of_the_nominee_are_shown(page) -> None:
    page.dossiers.open_dossier(1)
    editor = page.dossiers.editor
    assert editor.results.rowCount() > 0
    assert "Trường THCS Trần Thành Ngọ" in editor.results_note.text()
    verdicts = {
        editor.results.data(editor.results.index(r, 8)) for r in range(editor.results.rowCount())
    }
    assert verdicts <= {"Đạt", "Chưa đạt", "Chưa đủ số liệu", "Không có chỉ tiêu"}


def test_nominee_history_lists_awards_and_takes_a_prior_one(page, qtbot, warnings) -> None:
    panel = page.dossiers
    assert panel.select_dossier(1)
    panel.show_history()
    dialog = panel.history_dialog
    assert dialog.model.rowCount() == 1
    assert not dialog.record_prior(2024, "", "")
    assert "tên" in warnings[-1]
    assert dialog.record_prior(2024, "Giấy khen của Chủ tịch UBND quận Kiến An", "88/QĐ-UBND")
    assert [dialog.model.record(r).year for r in range(dialog.model.rowCount())] == [2025, 2024]


def test_the_catalogue_takes_a_new_title_and_refuses_a_bad_one(page, qtbot, warnings) -> None:
    catalogue = page.catalogue
    page.tabs.setCurrentWidget(catalogue)
    assert catalogue.forms.rowCount() == 6
    catalogue.start_new()
    type_text(catalogue.name, "Tập thể lao động xuất sắc")
    catalogue.category.setCurrentIndex(0)
    catalogue.level.setValue(2)
    type_text(catalogue.issuer, "Chủ tịch UBND thành phố")
    assert catalogue.save_form()
    assert catalogue.forms.rowCount() == 7
    assert catalogue.criteria.rowCount() == 0
    catalogue.start_new()
    catalogue.for_collective.setChecked(False)
    type_text(catalogue.name, "Không ai được nhận")
    assert not catalogue.save_form()
    assert "ít nhất một đối tượng" in warnings[-1]
    assert catalogue.forms.rowCount() == 7


def test_the_catalogue_shows_and_saves_the_rules_of_a_form(page, qtbot, warnings) -> None:
    from PySide6.QtWidgets import QCheckBox

    catalogue = page.catalogue
    page.tabs.setCurrentWidget(catalogue)
    row = next(
        r
        for r in range(catalogue.forms.rowCount())
        if catalogue.forms.record(r).code == "HCLD3"
    )
    catalogue.forms_view.selectRow(row)
    sơ_kết = catalogue.findChild(QCheckBox, "form_round_so_ket")
    yearly = catalogue.findChild(QCheckBox, "form_round_yearly")
    assert sơ_kết.isChecked() and not yearly.isChecked()  # the plan's III.3.2
    checked = [
        catalogue.unit_kinds.item(r).text()
        for r in range(catalogue.unit_kinds.count())
        if catalogue.unit_kinds.item(r).checkState() == Qt.CheckState.Checked
    ]
    assert "Đảng ủy" in checked and "Tổ dân phố" not in checked
    gk = next(
        r for r in range(catalogue.forms.rowCount()) if catalogue.forms.record(r).code == "GKCTP"
    )
    catalogue.forms_view.selectRow(gk)
    assert catalogue.bonus_individual.text() == "0,150"
    catalogue.bonus_individual.setValue(0.3)
    catalogue.vote_percent.setValue(70)
    assert catalogue.save_form() and warnings == []
    form = page.ctx.door.read(
        lambda s: s.exec(select(AwardForm).where(AwardForm.code == "GKCTP")).one()
    )
    assert (form.bonus_individual_permille, form.vote_percent) == (300, 70)


def test_a_campaign_deadline_before_its_year_is_refused(page, qtbot, warnings) -> None:
    campaigns = page.campaigns
    count = campaigns.model.rowCount()
    campaigns.add()
    dialog = campaigns.dialog
    type_text(dialog.name, "Khen thưởng năm 2031")
    dialog.year.setValue(2031)
    dialog.deadline.setDate(QDate(2030, 12, 1))
    ok(dialog)
    assert "trước năm 2031" in warnings[-1] and campaigns.model.rowCount() == count
    dialog.deadline.setDate(QDate(2031, 11, 30))
    ok(dialog)
    assert campaigns.model.rowCount() == count + 1
    assert page.dossiers.campaign.findText("Khen thưởng năm 2031") > 0


def test_a_deactivated_unit_is_not_offered_as_a_nominee(page, qtbot) -> None:
    with page.ctx.db.session() as s:
        s.exec(select(Unit).where(Unit.code == "TDP03")).one().active = False
    page.dossiers.new_dossier()
    dialog = page.dossiers.new_dialog
    names = [dialog.nominee.itemText(i) for i in range(dialog.nominee.count())]
    assert "Tổ dân phố số 3" not in names and "Tổ dân phố số 1" in names


def test_discipline_is_recorded_on_the_nominee_and_flags_the_dossier(page, qtbot) -> None:
    page.dossiers.open_dossier(4)
    editor = page.dossiers.editor
    type_text(editor.sections["thanh_tich"], "Chưa lưu")
    type_text(editor.discipline, "Đang bị khiếu nại về hợp đồng lao động")
    editor.findChild(type(editor.save_button), "save_discipline").click()
    assert "kỷ luật hoặc khiếu nại" in editor.state.text()
    assert editor.sections["thanh_tich"].toPlainText().startswith("Chưa lưu")  # typing is kept
    row = next(r for r in range(page.model.rowCount()) if page.model.record(r).dossier.id == 4)
    assert page.model.record(row).flagged
    assert "Kỷ luật/khiếu nại" in page.model.data(page.model.index(row, 7))


def test_a_discipline_note_is_cleared_only_with_a_reason(page, qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    page.dossiers.open_dossier(4)
    editor = page.dossiers.editor
    save = editor.findChild(type(editor.save_button), "save_discipline")
    type_text(editor.discipline, "Đang thanh tra")
    save.click()
    editor.discipline.clear()
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    save.click()  # the clerk cancels: the note stays
    assert "kỷ luật hoặc khiếu nại" in editor.state.text()
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("Kết luận thanh tra số 3", True))
    )
    save.click()
    assert "kỷ luật hoặc khiếu nại" not in editor.state.text()
    reasons = page.ctx.door.read(
        lambda s: [e.reason for e in s.exec(select(AuditEntry)) if "Gỡ ghi chú" in e.reason]
    )
    assert any("Kết luận thanh tra số 3" in r for r in reasons)


def test_history_of_any_unit_is_reachable_without_a_dossier(page, qtbot, monkeypatch) -> None:
    from desktop.ui.awards.history_dialog import NomineeChooser

    chooser = NomineeChooser(page.ctx, page)
    qtbot.addWidget(chooser)
    chooser.choice.lineEdit().clear()
    type_text(chooser.choice.lineEdit(), "Đơn vị: Trường THCS Trần Thành Ngọ")
    chosen = chooser.chosen()
    monkeypatch.setattr(page.dossiers, "choose_nominee", lambda: chosen)
    page.dossiers.table.clearSelection()
    page.dossiers.show_history()
    assert (
        page.dossiers.history_dialog.model.record(0).award == "Giấy khen của Chủ tịch UBND phường"
    )


def test_checking_files_reports_a_removed_one(page, qtbot, tmp_path, warnings, monkeypatch) -> None:
    from desktop.awards.attachments import attach_file

    informed: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, text: informed.append(text)
    )
    source = tmp_path / "anh.jpg"
    source.write_bytes(b"\xff\xd8 anh")
    with page.ctx.db.session() as s:
        attachment = attach_file(s, page.ctx.folder.attachments, 2, source)
    assert page.dossiers.check_files() == [] and "còn đủ" in informed[0]
    stored_path(page.ctx.folder.attachments, attachment.sha256).unlink()
    assert page.dossiers.check_files() == [
        "Hồ sơ số 2: Tệp “anh.jpg” không còn trong thư mục dữ liệu (đã bị xóa hoặc di chuyển)."
    ]
    assert "1 tệp đính kèm không còn dùng được" in warnings[-1]


def test_deleting_a_draft_frees_its_files(page, qtbot, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    from desktop.awards.attachments import attach_file

    source = tmp_path / "nhap.pdf"
    source.write_bytes(b"%PDF nhap")
    with page.ctx.db.session() as s:
        attachment = attach_file(s, page.ctx.folder.attachments, 4, source)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Tạo nhầm", True))
    assert page.dossiers.select_dossier(4)
    page.dossiers.delete_selected()
    assert page.model.rowCount() == 4
    assert not stored_path(page.ctx.folder.attachments, attachment.sha256).exists()


def test_the_list_as_shown_goes_to_excel(page, qtbot, tmp_path, monkeypatch) -> None:
    from openpyxl import load_workbook

    informed: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, text: informed.append(text)
    )
    qtbot.keyClicks(page.dossiers.search, "giay khen")
    page.dossiers.export(tmp_path / "ds")
    qtbot.waitUntil(lambda: bool(informed), timeout=10_000)
    assert "Đã ghi 4 hồ sơ" in informed[0]
    sheet = load_workbook(tmp_path / "ds.xlsx")["Hồ sơ khen thưởng"]
    assert sheet.max_row == 5


def test_an_earlier_award_is_added_from_the_dossier(page, warnings) -> None:
    page.dossiers.open_dossier(2)
    editor = page.dossiers.editor
    assert editor.prior.rowCount() == 0
    assert not editor.record_prior(2024, "  ", "")
    assert "tên" in warnings[-1]
    assert editor.record_prior(2023, "Giấy khen của Chủ tịch UBND quận Kiến An", "45/QĐ-UBND")
    assert editor.prior.record(0).award == "Giấy khen của Chủ tịch UBND quận Kiến An"


def test_enter_on_a_row_opens_the_dossier(page, qtbot) -> None:
    panel = page.dossiers
    assert panel.select_dossier(3)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert panel.editor is not None and panel.editor.dossier_id == 3


# -- undo of what the clerk fills in ------------------------------------------------------------------
def audit_reasons(ctx) -> list[str]:  # type: ignore[no-untyped-def]
    from desktop.models import AuditEntry

    return ctx.door.read(lambda s: [e.reason for e in s.exec(select(AuditEntry))])


def tick(model, row: int, on: bool = True) -> bool:  # type: ignore[no-untyped-def]
    state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
    return model.setData(model.index(row, 0), state.value, Qt.ItemDataRole.CheckStateRole)


def ticked(model, row: int) -> bool:  # type: ignore[no-untyped-def]
    state = model.data(model.index(row, 0), Qt.ItemDataRole.CheckStateRole)
    return state == Qt.CheckState.Checked


def test_ctrl_z_unticks_a_standard_and_the_audit_says_so(page, qtbot) -> None:
    page.dossiers.open_dossier(4)
    editor = page.dossiers.editor
    qtbot.waitExposed(editor)
    assert not editor.undo_actions.undo.isEnabled()
    assert tick(editor.criteria, 0)
    assert ticked(editor.criteria, 0)
    tip = editor.undo_actions.undo.toolTip()
    assert tip.startswith("Hoàn tác: đánh dấu đạt tiêu chuẩn “") and "(hồ sơ số 4)" in tip

    editor.activateWindow()  # the clerk works in the dossier's window
    qtbot.waitUntil(editor.isActiveWindow)
    editor.criteria_view.setFocus()
    qtbot.keyClick(editor.criteria_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not ticked(editor.criteria, 0))
    label = tip.removeprefix("Hoàn tác: ").removesuffix(" (Ctrl+Z)")
    assert f"Hoàn tác: {label}" in audit_reasons(page.ctx)
    assert editor.undo_actions.redo.isEnabled()

    qtbot.keyClick(editor.criteria_view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ticked(editor.criteria, 0))
    assert f"Làm lại: {label}" in audit_reasons(page.ctx)


def test_the_list_takes_back_a_tick_after_the_dossier_is_closed(page, qtbot) -> None:
    page.dossiers.open_dossier(4)
    editor = page.dossiers.editor
    tick(editor.components, 1)
    editor.accept()
    assert page.dossiers.undo_actions.undo.isEnabled()
    page.dossiers.undo_actions.undo.trigger()
    page.dossiers.open_dossier(4)
    assert not ticked(page.dossiers.editor.components, 1)


def test_saved_texts_come_back_with_ctrl_z_and_typing_is_never_lost(page, qtbot) -> None:
    page.dossiers.open_dossier(5)
    editor = page.dossiers.editor
    box = editor.sections["thanh_tich"]
    before = box.toPlainText()
    box.clear()
    type_text(box, "Hướng dẫn 120 hộ dân cài VNeID")
    assert editor.save()
    assert editor.undo_actions.undo.toolTip() == "Hoàn tác: sửa nội dung hồ sơ số 5 (Ctrl+Z)"
    type_text(editor.note, "đang gõ")
    editor.undo_actions.undo.trigger()
    assert box.toPlainText() == before  # the saved text is taken back
    assert editor.note.toPlainText() == "đang gõ"  # what is being typed stays
    editor.undo_actions.redo.trigger()
    assert box.toPlainText() == "Hướng dẫn 120 hộ dân cài VNeID"


def test_a_removed_file_comes_back_with_ctrl_z(page, qtbot, tmp_path, monkeypatch) -> None:
    from desktop.awards.attachments import attach_file

    source = tmp_path / "Bản đăng ký thi đua.pdf"
    source.write_bytes(b"%PDF dang ky")
    with page.ctx.db.session() as s:
        attachment = attach_file(s, page.ctx.folder.attachments, 5, source)
    page.dossiers.open_dossier(5)
    editor = page.dossiers.editor
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    editor.files.view.selectRow(0)
    editor.files.remove_selected()
    assert editor.files.rows.rowCount() == 0
    editor.undo_actions.undo.trigger()
    assert editor.files.rows.rowCount() == 1
    assert editor.files.rows.data(editor.files.rows.index(0, 4)) == "Có trong thư mục dữ liệu"
    # Taken off again and the dossier closed: the stored copy leaves the data folder.
    editor.undo_actions.redo.trigger()
    editor.accept()
    assert not stored_path(page.ctx.folder.attachments, attachment.sha256).exists()


def test_an_earlier_award_removed_by_mistake_comes_back(page, qtbot, monkeypatch) -> None:
    page.dossiers.open_dossier(2)
    editor = page.dossiers.editor
    assert editor.record_prior(2022, "Bằng khen của UBND quận", "12/QĐ-UBND")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    editor.prior_view.selectRow(0)
    assert editor.remove_selected_prior()
    assert editor.prior.rowCount() == 0
    editor.undo_actions.undo.trigger()
    assert [editor.prior.record(r).award for r in range(editor.prior.rowCount())] == [
        "Bằng khen của UBND quận"
    ]


def test_a_refused_step_shows_the_reason_and_is_not_undoable(page, qtbot, warnings) -> None:
    from desktop.awards.dossier_ops import take_step
    from desktop.models.ids import DossierId

    page.ctx.door.run(
        take_step(DossierId(5), DossierStatus.SUBMITTED_TO_COUNCIL, reason="Nộp bổ sung khi họp")
    )
    page.dossiers.open_dossier(5)  # with the council
    editor = page.dossiers.editor
    button = editor.step_button(DossierStatus.RETURNED)
    assert "không hoàn tác bằng Ctrl+Z" in button.toolTip()
    button.click()
    dialog = editor.step_dialog
    ok(dialog)  # nothing written about what to supplement
    assert warnings == ["Hãy ghi nội dung cần bổ sung."]
    assert dialog.isVisible()
    type_text(dialog.note, "Bổ sung biên bản họp tổ dân phố")
    ok(dialog)
    assert editor.step_button(DossierStatus.SUBMITTED_TO_COUNCIL) is not None
    assert not editor.undo_actions.undo.isEnabled()  # a recorded act, not a step to take back


def test_an_undo_the_dossier_no_longer_allows_is_refused_in_a_dialog(page, qtbot, warnings) -> None:
    page.dossiers.open_dossier(4)
    editor = page.dossiers.editor
    tick(editor.criteria, 0)
    editor.step_button(DossierStatus.SUBMITTED_TO_COUNCIL).click()
    type_text(editor.step_dialog.reason, "Doanh nghiệp nộp bổ sung khi họp")
    ok(editor.step_dialog)
    editor.undo_actions.undo.trigger()
    assert len(warnings) == 1 and "chỉ sửa được nội dung" in warnings[0]
    assert ticked(editor.criteria, 0)
    assert not editor.undo_actions.undo.isEnabled()


def test_a_deleted_dossier_closes_its_window(page, qtbot, monkeypatch) -> None:
    from desktop.awards.dossier_ops import delete_draft

    informed: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, text: informed.append(text)
    )
    page.dossiers.open_dossier(4)
    editor = page.dossiers.editor
    page.ctx.door.run(delete_draft(4, "Tạo nhầm"))
    assert not editor.isVisible()
    assert informed == ["Hồ sơ số 4 không còn trong dữ liệu; cửa sổ hồ sơ đã được đóng."]
    assert page.model.rowCount() == 4


def test_a_restore_empties_the_undo_and_reloads_every_tab(page, qtbot, monkeypatch) -> None:
    from desktop.changes import EVERYTHING

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    page.dossiers.open_dossier(4)
    editor = page.dossiers.editor
    tick(editor.criteria, 0)
    from desktop.awards.dossiers import delete_dossier

    with page.ctx.db.session() as s:  # what a restore brings back: another state of the file
        delete_dossier(s, 5, "bản sao lưu cũ")
    page.ctx.door.announce(EVERYTHING)
    assert not editor.isVisible()
    assert not page.dossiers.undo_actions.undo.isEnabled()
    assert page.model.rowCount() == 4


# -- the list follows each change by its rows ---------------------------------------------------------
def whole_list_reads(monkeypatch) -> list[object]:  # type: ignore[no-untyped-def]
    """Each read of the whole list the page makes from now on (one entry per read)."""
    import desktop.ui.awards.page as page_module

    reads: list[object] = []
    whole = page_module.list_dossiers

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        reads.append(args[1:])
        return whole(*args, **kwargs)

    monkeypatch.setattr(page_module, "list_dossiers", counted)
    return reads


def rows_by_id(panel) -> dict[int, object]:  # type: ignore[no-untyped-def]
    records = [panel.model.record(r) for r in range(panel.model.rowCount())]
    return {record.dossier.id: record for record in records}


def test_a_tick_rereads_only_its_row_and_keeps_the_clerks_place(
    page, qtbot, monkeypatch, qtmodeltester
) -> None:
    panel = page.dossiers
    qtmodeltester.check(panel.proxy)  # it keeps watching while the rows change under the proxy
    qtbot.keyClicks(panel.search, "hai phong")
    assert panel.select_dossier(4)
    counts = panel.counts.text()
    before = rows_by_id(panel)
    reads = whole_list_reads(monkeypatch)
    panel.open_dossier(4)
    assert tick(panel.editor.criteria, 0)
    assert reads == []  # the list of every dossier is not read again for one tick
    after = rows_by_id(panel)
    assert after.keys() == before.keys()
    assert after[4] is not before[4]  # its row is read again...
    assert all(after[i] is before[i] for i in after if i != 4)  # ...and only its row
    assert panel.search.text() == "hai phong" and panel.proxy.rowCount() == 1
    assert panel.selected() is not None and panel.selected().dossier.id == 4
    assert panel.counts.text() == counts


def test_a_step_moves_its_row_and_the_counts_under_the_clerks_filter(page, monkeypatch) -> None:
    from desktop.awards.dossier_ops import take_step
    from desktop.models.ids import DossierId

    panel = page.dossiers
    panel.status.setCurrentIndex(panel.status.findData(DossierStatus.DRAFT.value))
    assert sorted(rows_by_id(panel)) == [4, 5]
    reads = whole_list_reads(monkeypatch)
    page.ctx.door.run(
        take_step(DossierId(5), DossierStatus.SUBMITTED_TO_COUNCIL, reason="Nộp bổ sung khi họp")
    )
    assert reads == []
    assert sorted(rows_by_id(panel)) == [4]  # no longer a draft: off the drafts shown
    assert "Nháp: 1 · Đã trình Hội đồng phường: 1" in panel.counts.text()
    assert "Hiển thị 1/1" in panel.count_label.text()
    panel.status.setCurrentIndex(0)  # every status again: the clerk's choice reads the list
    assert len(reads) == 1
    assert panel.model.record(panel.model.row_of(5)).status is DossierStatus.SUBMITTED_TO_COUNCIL


def test_a_change_of_many_dossiers_or_of_the_register_reads_the_whole_list(
    page, monkeypatch
) -> None:
    from desktop.changes import Area, Change

    panel = page.dossiers
    assert panel.select_dossier(3)
    reads = whole_list_reads(monkeypatch)
    for change in (
        Change.areas_of(Area.DOSSIERS),  # some dossiers, not named
        Change.of(Area.DOSSIERS, *range(1, 52)),  # more than a few
        Change.of(Area.UNITS, 1),  # a nominee's name may have changed
    ):
        page.ctx.door.announce(change)
    assert len(reads) == 3
    assert panel.model.rowCount() == 5
    assert panel.selected() is not None and panel.selected().dossier.id == 3  # the place is kept


def test_the_new_dossier_dialog_follows_the_register_while_open(page, qtbot) -> None:
    from desktop.changes import Area, Change

    page.dossiers.new_dossier()
    dialog = page.dossiers.new_dialog
    assert dialog.nominee.findText("Tổ dân phố số 3") >= 0
    with page.ctx.db.session() as s:
        unit = s.exec(select(Unit).where(Unit.code == "TDP03")).one()
        unit.active = False
        unit_id = unit.id
    page.ctx.door.announce(Change.of(Area.UNITS, unit_id))  # as the register's page does
    assert dialog.nominee.findText("Tổ dân phố số 3") < 0
    assert dialog.proposer.findText("Tổ dân phố số 3") < 0


def test_the_results_tab_words_figures_as_the_documents_do(page) -> None:
    from desktop.text import wording

    page.dossiers.open_dossier(1)
    results = page.dossiers.editor.results
    for row in range(results.rowCount()):
        line = results.record(row)
        assert results.data(results.index(row, 6)) == wording.percent(line.percent)
        assert results.data(results.index(row, 7)) == wording.percent(line.target)
        assert results.data(results.index(row, 8)) == wording.verdict(line)
    shown = {results.data(results.index(r, 6)) for r in range(results.rowCount())}
    assert shown - {"—"}  # some figures are reported
    assert all(p == "—" or (p.endswith("%") and "." not in p) for p in shown)  # "85,3%"
