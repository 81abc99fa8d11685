"""Issue 17, 4: on 2/12/2026 the pages open on the work of the day — Tạo hồ sơ on the 2026 round and
the ward's Giấy khen, the grid on quý 3/2026 (being collected), Văn bản on the 2026 yearly report."""

from __future__ import annotations

import pytest


@pytest.fixture
def on_2_december(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_TODAY", "2026-12-02")


def test_a_new_dossier_opens_on_the_campaign_under_way(on_2_december, main_window, qtbot) -> None:
    page = main_window.show_page("dossiers")
    page.dossiers.new_dossier()
    dialog = page.dossiers.new_dialog
    assert (
        dialog.campaign.currentText() == "Khen thưởng năm 2026"
    )  # not the catalogue's first, 2025
    assert dialog.award.currentText().startswith("Giấy khen của Chủ tịch UBND phường")
    dialog.reject()
    # A campaign chosen in the list's filter is the clerk's say.
    panel = page.dossiers
    panel.campaign.setCurrentIndex(panel.campaign.findText("Khen thưởng năm 2025"))
    panel.new_dossier()
    assert panel.new_dialog.campaign.currentText() == "Khen thưởng năm 2025"
    panel.new_dialog.reject()


def test_the_grid_and_văn_bản_open_on_what_is_due(on_2_december, main_window, qtbot) -> None:
    assert main_window.show_page("indicators").entry.period == (2026, 3)
    documents = main_window.show_page("documents")
    assert documents.kind.currentData() == "yearly"  # its season: November to January
    assert documents.year.value() == 2026
    assert documents.quarter.currentData() == 3
    assert documents.period.currentData() == "2025-2027"  # the sơ kết is the review ahead


def test_outside_its_season_văn_bản_opens_on_the_quarters_report(
    monkeypatch, main_window, qtbot
) -> None:
    monkeypatch.setenv("THIDUA_TODAY", "2027-04-20")
    documents = main_window.show_page("documents")
    assert documents.kind.currentData() == "report"
    assert (documents.year.value(), documents.quarter.currentData()) == (2027, 1)
    request = documents.request()
    assert (request.kind, request.year, request.quarter) == ("report", 2027, 1)
