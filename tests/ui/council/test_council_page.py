"""The council page as the clerk uses it: the year's members, a meeting, a ballot that moves a
dossier (or is refused by the workflow), the decisions and their Giấy khen printed to a file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from desktop.awards.dossier_ops import take_step
from desktop.awards.dossiers import get_dossier
from desktop.models import CouncilRole, DossierStatus
from desktop.models.ids import DossierId

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard"),
]


@pytest.fixture
def page(main_window):  # type: ignore[no-untyped-def]
    return main_window.show_page("council")


@pytest.fixture
def said(monkeypatch) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """What the page told the clerk: warnings (refusals) and information."""
    shown: dict[str, list[str]] = {"warning": [], "information": []}
    for kind, texts in shown.items():
        monkeypatch.setattr(
            QMessageBox, kind, lambda parent, title, text, texts=texts: texts.append(text)
        )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return shown


def ok(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def names(tab) -> list[str]:  # type: ignore[no-untyped-def]
    return [tab.members.record(r).full_name for r in range(tab.members.rowCount())]


def status_of(ctx, dossier_id: int) -> DossierStatus:  # type: ignore[no-untyped-def]
    return ctx.door.read(lambda s: get_dossier(s, dossier_id).status)


def test_the_year_members_show_and_a_new_one_is_added(page, said) -> None:
    tab = page.council
    tab.year.setValue(2025)
    assert len(names(tab)) == 7 and names(tab)[0] == "Nguyễn Văn Hùng"
    assert "7 người" in tab.members_heading.text()
    tab.add_member()
    dialog = tab.last_dialog
    dialog.name.setText("Hoàng Văn Nam")
    dialog.position.setText("Bí thư Đoàn phường")
    dialog.role.setCurrentIndex(dialog.role.findData(CouncilRole.MEMBER.value))
    ok(dialog)
    assert said["warning"] == [] and "Hoàng Văn Nam" in names(tab)
    # A member who attended the 2025 meeting is only made inactive, and the clerk is told so.
    tab.members_view.selectRow(0)
    tab.remove_member()
    assert "vẫn được giữ trong biên bản" in said["information"][-1]
    assert "Nguyễn Văn Hùng" not in names(tab)


def test_an_empty_name_is_refused_and_the_dialog_stays(page, said) -> None:
    tab = page.council
    tab.add_member()
    ok(tab.last_dialog)
    assert said["warning"] and "họ và tên" in said["warning"][-1]
    assert tab.last_dialog.isVisible()


def test_members_are_copied_from_the_year_before(page, said) -> None:
    tab = page.council
    tab.year.setValue(2026)
    assert names(tab) == []
    tab.copy_members()
    assert len(names(tab)) == 7 and "Đã chép 7 thành viên" in said["information"][-1]


def test_a_meeting_recorded_appears(page, said) -> None:
    tab = page.council
    tab.campaign.setCurrentIndex(tab.campaign.findText("Khen thưởng năm 2025"))
    assert tab.meetings.rowCount() == 1
    tab.new_meeting()
    dialog = tab.last_dialog
    dialog.held_on.setDate(QDate(2026, 1, 15))
    dialog.place.setText("Phòng họp số 2")
    dialog.starts.setText("8 giờ")
    dialog.ends.setText("7:30")
    ok(dialog)
    assert "Giờ kết thúc (7:30) phải sau giờ bắt đầu (8:00)" in said["warning"][-1]
    said["warning"].clear()
    dialog.ends.setText("9:45")
    ok(dialog)
    assert said["warning"] == []
    places = [tab.meetings.record(r).place for r in range(tab.meetings.rowCount())]
    assert places == ["Phòng họp số 2", "Hội trường UBND phường Kiến An"]
    assert tab.meetings.data(tab.meetings.index(0, 2)) == "7"


def test_a_ballot_is_refused_by_the_workflow_then_a_declined_one_moves_the_dossier(
    page, ctx, said
) -> None:
    ctx.door.run(take_step(DossierId(5), DossierStatus.SUBMITTED_TO_COUNCIL, reason="Bổ sung sau"))
    tab = page.council
    tab.campaign.setCurrentIndex(tab.campaign.findText("Khen thưởng năm 2025"))
    tab.meetings_view.selectRow(0)
    tab.record_vote()
    dialog = tab.last_dialog
    assert dialog.dossier.count() == 1 and "Lê Thị Chi" in dialog.dossier.currentText()
    ok(dialog)  # every ballot for: a proposal, refused because papers are missing
    assert said["warning"] and "thiếu" in said["warning"][-1].lower()
    assert status_of(ctx, 5) is DossierStatus.SUBMITTED_TO_COUNCIL
    assert tab.meetings.record(0).votes == 3 and dialog.isVisible()
    dialog.ballots_for.setValue(1)
    ok(dialog)
    assert len(said["warning"]) == 1
    assert status_of(ctx, 5) is DossierStatus.COUNCIL_DECLINED
    assert "Hội đồng không đề nghị" in said["information"][-1]
    assert tab.meetings.record(0).votes == 4


def test_the_decisions_list_and_the_certificates_print_to_a_file(
    page, said, tmp_path: Path, monkeypatch
) -> None:
    tab = page.decisions
    numbers = [tab.model.record(r).number for r in range(tab.model.rowCount())]
    assert numbers == ["125/QĐ-UBND"]
    assert tab.model.data(tab.model.index(0, 5)) == "710.000 đồng"
    target = tmp_path / "giay-khen"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    tab.select_number("125/QĐ-UBND")
    tab.choose_certificates_file()
    assert said["warning"] == [], said["warning"]
    written = target.with_suffix(".pdf")
    assert written.read_bytes().startswith(b"%PDF")
    assert "Đã in 1 Giấy khen" in said["information"][-1]
    tab.choose_calibration_file()  # the same name: the test page replaces the certificates
    assert written.read_bytes().startswith(b"%PDF") and said["warning"] == []


def test_a_revocation_needs_its_reason_and_then_takes_the_award_back(
    page, ctx, said, monkeypatch
) -> None:
    tab = page.decisions
    tab.select_number("125/QĐ-UBND")
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: ("", True))
    tab.revoke()
    assert said["warning"], "a revocation without its reason is refused"
    monkeypatch.setattr(
        "PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: ("Ghi nhầm đối tượng", True)
    )
    tab.revoke()
    assert tab.model.record(0).state.startswith("Đã hủy ngày")
    assert status_of(ctx, 1) is DossierStatus.COUNCIL_PROPOSED


def test_a_received_decision_dialog_lists_the_dossiers_sent_up(page, said) -> None:
    tab = page.decisions
    tab.record_received()
    dialog = tab.last_dialog
    dialog.campaign.setCurrentIndex(dialog.campaign.findText("Khen thưởng năm 2025"))
    # The demo's Bằng khen is proposed, not yet sent up: nothing to tick, and OK is refused.
    assert dialog.dossiers.count() == 0 and not dialog.empty.isHidden()
    dialog.number.setText("2345/QĐ-UBND")
    dialog.signed_on.setDate(QDate(2026, 2, 1))
    ok(dialog)
    assert said["warning"] and "Hãy chọn các hồ sơ" in said["warning"][-1]
    assert date(2026, 2, 1) == dialog.signed_on.date().toPython()


def test_the_award_register_lists_the_years_awards_and_exports_them(  # type: ignore[no-untyped-def]
    main_window, qtbot, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    page = main_window.show_page("council")
    register = page.register
    page.tabs.setCurrentWidget(register)
    register.year.setValue(2025)
    rows = [register.model.record(r) for r in range(register.model.rowCount())]
    assert [(r.nominee, r.certificate) for r in rows] == [("Trường THCS Trần Thành Ngọ", "1/2025")]
    assert "125/QĐ-UBND" in rows[0].decision_text
    assert "1 tập thể; tiền thưởng 710.000 đồng" in register.summary.text()
    target = tmp_path / "so.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    assert register.export_excel() == target and target.stat().st_size > 0
    register.year.setValue(2026)
    assert register.model.rowCount() == 0


def test_the_council_dialogs_and_the_issue_dialog_say_đồng_ý_and_hủy(page, qtbot) -> None:
    """Qt's own "OK" / "Cancel" are English without a translator: the clerk reads Vietnamese."""
    from desktop.ui.documents.page import IssueDialog

    tab = page.council
    tab.campaign.setCurrentIndex(tab.campaign.findText("Khen thưởng năm 2025"))
    tab.new_meeting()
    issue = IssueDialog()
    qtbot.addWidget(issue)
    for dialog in (tab.last_dialog, issue):
        box = dialog.findChild(QDialogButtonBox)
        assert sorted(b.text().replace("&", "") for b in box.buttons()) == ["Hủy", "Đồng ý"]
