"""Pages of a PDF shown inside the app, and printed through Qt's print dialog.

The PDF is rasterised with PDFium (pypdfium2); the same bitmaps feed the preview (at screen
resolution) and the printer (at the printer's resolution), so what the clerk sees is what prints.
"""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from desktop.errors import Refusal
from desktop.ui.texts import documents as t

PREVIEW_PAGES = 20  # more would cost seconds for a 100-page annex; the PDF holds them all


def page_image(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    page = document[index]
    bitmap = page.render(scale=dpi / 72, rev_byteorder=True)  # RGB(A) byte order, as QImage reads
    pixels = bytes(bitmap.buffer)
    formats = {3: QImage.Format.Format_RGB888, 4: QImage.Format.Format_RGBA8888}
    image = QImage(pixels, bitmap.width, bitmap.height, bitmap.stride, formats[bitmap.n_channels])
    return image.copy()  # own the pixels before the bytes go away


class PdfPreview(QScrollArea):
    """The first pages one under another on a grey sheet, drawn into one picture that scrolls."""

    GAP = 12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.sheet = QLabel(t.PREVIEW_EMPTY)
        self.sheet.setObjectName("preview_sheet")
        self.setWidget(self.sheet)
        self.page_rects: list[QRect] = []
        self.more = ""

    def clear(self) -> None:
        self.page_rects = []
        self.sheet.setPixmap(QPixmap())
        self.sheet.setText(t.PREVIEW_EMPTY)
        self.sheet.adjustSize()

    def show_pdf(self, pdf: bytes, dpi: float = 60) -> int:
        """Show the first pages; returns the number of pages of the document."""
        document = pdfium.PdfDocument(pdf)
        try:
            count = len(document)
            images = [page_image(document, i, dpi) for i in range(min(count, PREVIEW_PAGES))]
        finally:
            document.close()
        width = max(image.width() for image in images) + 2 * self.GAP
        height = sum(image.height() + self.GAP for image in images) + self.GAP
        sheet = QPixmap(width, height)
        sheet.fill(Qt.GlobalColor.gray)
        painter = QPainter(sheet)
        y = self.GAP
        self.page_rects = []
        for image in images:
            rect = QRect((width - image.width()) // 2, y, image.width(), image.height())
            painter.drawImage(rect, image)
            self.page_rects.append(rect)
            y += image.height() + self.GAP
        painter.end()
        self.more = (
            t.MORE_PAGES.format(count=count - PREVIEW_PAGES) if count > PREVIEW_PAGES else ""
        )
        self.sheet.setPixmap(sheet)
        self.sheet.adjustSize()
        return count


def print_pdf(parent: QWidget, pdf: bytes) -> bool:
    """Ask for a printer and print; False when the clerk cancelled, a refusal when the printer
    cannot be opened."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_pages(printer, pdf)
    return True


def paint_pages(printer: QPrinter, pdf: bytes) -> int:
    """Draw the pages the printer asks for (all, or its from–to range); returns how many."""
    document = pdfium.PdfDocument(pdf)
    try:
        count = len(document)
        first = max(printer.fromPage(), 1) - 1
        last = min(printer.toPage() or count, count) - 1
        painter = QPainter()
        if not painter.begin(printer):
            raise Refusal(t.PRINT_FAILED)
        try:
            dpi = min(printer.resolution(), 300)
            for index in range(first, last + 1):
                if index > first:
                    printer.newPage()
                image = page_image(document, index, dpi)
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(0, 0, scaled.width(), scaled.height()), image)
        finally:
            painter.end()
    finally:
        document.close()
    return last - first + 1
