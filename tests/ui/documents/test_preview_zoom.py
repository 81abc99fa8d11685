"""The PDF preview: fit to width by default (never cut at the right), zoom by buttons and keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut

from desktop.ui.documents.preview import PdfPreview


def _pdf() -> bytes:
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for number in (1, 2):
        canvas.drawString(72, 760, f"Trang {number}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def press(preview: PdfPreview, keys: str) -> None:
    """The preview's shortcut for ``keys``, as the window's shortcut map runs it."""
    shortcut = next(s for s in preview.findChildren(QShortcut) if s.key() == QKeySequence(keys))
    shortcut.activated.emit()


def test_the_preview_fits_its_width_then_zooms(qtbot) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(500, 600)
    preview.show()
    qtbot.waitExposed(preview)
    assert preview.show_pdf(_pdf()) == 2
    viewport = preview.area.viewport().width()
    assert preview.sheet.width() <= viewport  # the page is not cut at the right
    assert preview.page_rects[0].width() > viewport * 0.8  # and fills the width
    fitted = preview.zoom

    qtbot.mouseClick(preview.zoom_in_button, Qt.MouseButton.LeftButton)
    assert preview.zoom > fitted and not preview.fit_button.isChecked()
    assert preview.sheet.width() > viewport  # now it scrolls sideways

    press(preview, "Ctrl+-")
    press(preview, "Ctrl+-")
    assert preview.zoom < fitted

    qtbot.mouseClick(preview.actual_button, Qt.MouseButton.LeftButton)
    assert preview.zoom == 1.0
    a4_width = 595.3 / 72 * preview.screen_dpi()  # the paper's real size on this screen
    assert abs(preview.page_rects[0].width() - a4_width) <= 2
    assert preview.zoom_label.text() == "Cỡ: 100 %"

    press(preview, "Ctrl+=")
    assert preview.zoom > 1.0

    qtbot.mouseClick(preview.fit_button, Qt.MouseButton.LeftButton)
    assert preview.zoom == fitted and preview.fit_button.isChecked()
