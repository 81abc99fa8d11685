"""The yearly report on the movement on the Văn bản page: chosen by year, its two texts written in
the Phương hướng dialog, previewed, then issued."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

pytestmark = pytest.mark.gui


def _choose(combo, key) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(key))


def test_the_clerk_writes_both_texts_previews_and_issues_the_yearly_report(
    main_window, qtbot, monkeypatch, tmp_path: Path
) -> None:
    from desktop.documents import ops
    from desktop.ui.documents.direction_dialog import DirectionDialog

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    page = main_window.show_page("documents")
    _choose(page.kind, "yearly")
    assert page.kind.currentText().startswith("Báo cáo kết quả thực hiện Phong trào thi đua năm")
    assert page.year.isEnabled() and not page.quarter.isEnabled()
    page.year.setValue(2025)
    page.preview_button.click()
    qtbot.waitUntil(lambda: page.shown is not None, timeout=30_000)
    assert "năm 2025" in page.status.text()
    assert len(page.preview.page_rects) >= 3  # the report and its page of charts
    page.grab().save(str(tmp_path / "yearly-page.png"))

    page.issue_on(date(2026, 1, 10))
    assert "Hãy viết phần Khó khăn, vướng mắc của báo cáo năm 2025" in shown[-1]
    assert page.register_model.rowCount() == 0

    def write(dialog: DirectionDialog) -> int:
        assert dialog.difficulties is not None  # the yearly report has its section III
        dialog.difficulties.setPlainText("Một số tổ dân phố báo cáo chậm.")
        dialog.editor.setPlainText("Mở thêm lớp “Bình dân học vụ số” cho người cao tuổi.")
        dialog.grab().save(str(tmp_path / "yearly-direction.png"))
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(DirectionDialog, "exec", write)
    assert page.direction_button.isVisibleTo(page) and page.direction_button.isEnabled()
    page.direction_button.click()
    saved = main_window.ctx.door.read(ops.report_direction(2025, None))
    assert saved.saved and saved.difficulties == "Một số tổ dân phố báo cáo chậm."
    # Both parts were one step: one Ctrl+Z takes both back, Ctrl+Y puts both again.
    main_window.ctx.door.undo("documents")
    assert not main_window.ctx.door.read(ops.report_direction(2025, None)).saved
    assert main_window.ctx.door.read(ops.difficulties_of(2025)) == ""
    main_window.ctx.door.redo("documents")
    assert main_window.ctx.door.read(ops.difficulties_of(2025)) == "Một số tổ dân phố báo cáo chậm."
    page.issue_on(date(2026, 1, 10))
    assert page.status.text() == "Đã cấp số 01/BC-UBND ngày 10/01/2026."


def test_the_quarterly_reports_dialog_has_no_difficulties(main_window, qtbot) -> None:
    from desktop.ui.documents.direction_dialog import DirectionDialog

    dialog = DirectionDialog(main_window.ctx, 2026, 3, None, difficulties=True)
    qtbot.addWidget(dialog)
    assert dialog.difficulties is None
    yearly = DirectionDialog(main_window.ctx, 2026, None, None, difficulties=True)
    qtbot.addWidget(yearly)
    assert yearly.difficulties is not None
