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


def test_the_clerk_writes_both_parts_in_the_window_and_one_ctrl_z_takes_them_back(
    main_window, qtbot, monkeypatch
) -> None:
    from desktop.documents import ops
    from desktop.ui.documents.review_texts_dialog import ReviewTextsDialog

    page = main_window.show_page("documents")
    _choose(page.kind, "review")
    _choose(page.period, "2025-2030")
    assert page.direction_button.isVisibleTo(page) and page.direction_button.isEnabled()

    def write(dialog: ReviewTextsDialog) -> int:
        assert "tổng kết giai đoạn 2025 - 2030" in dialog.windowTitle()
        dialog.difficulties.setPlainText("Hạ tầng số ở một số tổ dân phố còn yếu.")
        dialog.direction.setPlainText("Duy trì lớp “Bình dân học vụ số” sau năm 2030.")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(ReviewTextsDialog, "exec", write)
    page.direction_button.click()
    saved = main_window.ctx.door.read(ops.review_texts_of(2030))
    assert saved.difficulties == "Hạ tầng số ở một số tổ dân phố còn yếu."
    assert saved.direction == "Duy trì lớp “Bình dân học vụ số” sau năm 2030."
    assert page.status.text() == (
        "Đã lưu phần Khó khăn, Phương hướng của báo cáo tổng kết giai đoạn 2025 - 2030."
    )
    main_window.ctx.door.undo("documents")
    assert main_window.ctx.door.read(ops.review_texts_of(2030)).missing == [
        "Khó khăn, vướng mắc",
        "Phương hướng, nhiệm vụ",
    ]
