"""The sơ kết and tổng kết reports on the Văn bản page: chosen by their period, previewed, and not
issued before the clerk's Khó khăn and Phương hướng are written."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

pytestmark = pytest.mark.gui


def _choose(combo, key) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(key))


def test_the_clerk_picks_the_sơ_kết_previews_it_and_is_told_what_to_write(
    main_window, qtbot, monkeypatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    page = main_window.show_page("documents")
    assert not page.period.isEnabled()
    _choose(page.kind, "review")
    assert page.period.isEnabled() and not page.quarter.isEnabled()
    assert [page.period.itemText(i) for i in range(page.period.count())] == [
        "Sơ kết 2025 - 2027",
        "Tổng kết 2025 - 2030",
    ]
    _choose(page.period, "2025-2027")
    assert page.request().period == "2025-2027"
    page.preview_button.click()
    qtbot.waitUntil(lambda: page.shown is not None, timeout=30_000)
    assert "sơ kết 03 năm" in page.status.text().lower()
    page.issue_on(date(2027, 11, 20))
    assert "Khó khăn, vướng mắc và Phương hướng, nhiệm vụ" in shown[-1]
    assert page.register_model.rowCount() == 0
