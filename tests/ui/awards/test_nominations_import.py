"""The units' lists of nominations from the Hồ sơ page: the blank workbook, the preview, the import."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard"),
]


def test_template_then_import_with_preview_from_the_page(
    main_window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    page = main_window.show_page("dossiers")
    qtbot.waitUntil(lambda: page.model.rowCount() == 5)
    panel = page.dossiers
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: told.append(text))
    panel.campaign.setCurrentIndex(panel.campaign.findData(1))
    path = tmp_path / "de-nghi.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), "Tệp Excel (*.xlsx)")
    )

    panel.findChild(QPushButton, "nomination_template").click()
    assert path.exists() and "Khen thưởng năm 2025" in told[-1]

    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    for row, values in (
        (7, [1, "Tập thể", "THCSBS", None, None, "GKCTP", "Dẫn đầu khối trường"]),
        (8, [2, "Cá nhân", "THCSBS", "Người Mới", "Giáo viên", "GKCTP", "Tích cực"]),
    ):
        for column, value in enumerate(values, start=1):
            sheet.cell(row=row, column=column, value=value)
    workbook.save(path)

    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), "Tệp Excel (*.xlsx)")
    )
    panel.findChild(QPushButton, "nomination_import").click()
    dialog = panel.nominations_dialog
    assert dialog is not None and dialog.preview.ok
    assert "2 hồ sơ Nháp sẽ được tạo (1 tập thể, 1 cá nhân); 1 cá nhân chưa có trong sổ" in (
        dialog.text
    )
    assert dialog.import_button is not None
    dialog.import_button.click()
    assert "Đã tạo 2 hồ sơ Nháp (số 6, 7)." in told[-1]
    panel.campaign.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.model.rowCount() == 7)

    panel.campaign.setCurrentIndex(panel.campaign.findData(1))
    panel.findChild(QPushButton, "nomination_import").click()
    again = panel.nominations_dialog
    assert again is not None and again is not dialog
    assert not again.preview.ok and again.import_button is None
    assert "Dòng 7: “Trường THCS Bắc Sơn” đã được đề nghị" in again.text
    assert "Không hồ sơ nào được tạo" in again.text
    again.reject()
    panel.campaign.setCurrentIndex(0)
    assert page.model.rowCount() == 7
