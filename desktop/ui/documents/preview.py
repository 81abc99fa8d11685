"""Pages of a PDF shown inside the app, and printed through Qt's print dialog.

The PDF is rasterised with PDFium (pypdfium2); the same bitmaps feed the preview (at screen
resolution) and the printer (at the printer's resolution), so what the clerk sees is what prints.
"""

from __future__ import annotations

from collections.abc import Callable

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QResizeEvent, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from desktop.errors import Refusal
from desktop.ui.texts import common as tc
from desktop.ui.texts import documents as t

PREVIEW_PAGES = 20  # more would cost seconds for a 100-page annex; the PDF holds them all


def page_image(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    page = document[index]
    bitmap = page.render(scale=dpi / 72, rev_byteorder=True)  # RGB(A) byte order, as QImage reads
    pixels = bytes(bitmap.buffer)
    formats = {3: QImage.Format.Format_RGB888, 4: QImage.Format.Format_RGBA8888}
    image = QImage(pixels, bitmap.width, bitmap.height, bitmap.stride, formats[bitmap.n_channels])
    return image.copy()  # own the pixels before the bytes go away


# Zoom steps of the preview, as a share of the paper's real size on the screen (1.0 = 100 %).
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
REFIT_MS = 120  # a resize in "fit to width" draws the pages again once the clerk stops dragging


class PdfPreview(QWidget):
    """The first pages one under another on a grey sheet, drawn into one picture that scrolls,
    with zoom: smaller, larger, 100 % (the paper's real size) and fit to width (the default, so a
    page is never cut at the right). Ctrl+= / Ctrl+- / Ctrl+0 zoom as the buttons do."""

    GAP = 12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.area = QScrollArea()
        self.area.setObjectName("preview_area")
        self.area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.sheet = QLabel(t.PREVIEW_EMPTY)
        self.sheet.setObjectName("preview_sheet")
        self.area.setWidget(self.sheet)
        self.page_rects: list[QRect] = []
        self.more = ""
        self.zoom = 1.0
        self.fit_width = True
        self._pdf: bytes | None = None
        self._sizes: list[tuple[float, float]] = []  # each page's size in points
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(REFIT_MS)
        self._refit.timeout.connect(self._redraw)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.zoom_out_button = self._button(tc.ZOOM_OUT, tc.ZOOM_OUT_TIP, self.zoom_out, "zoom_out")
        self.zoom_in_button = self._button(tc.ZOOM_IN, tc.ZOOM_IN_TIP, self.zoom_in, "zoom_in")
        self.actual_button = self._button(
            tc.ZOOM_ACTUAL, tc.ZOOM_ACTUAL_TIP, self.actual_size, "zoom_actual"
        )
        self.fit_button = self._button(
            tc.ZOOM_FIT_WIDTH, tc.ZOOM_FIT_TIP, self.fit_to_width, "zoom_fit"
        )
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoom_label")
        for widget in (
            self.zoom_out_button,
            self.zoom_in_button,
            self.actual_button,
            self.fit_button,
        ):
            bar.addWidget(widget)
        bar.addWidget(self.zoom_label)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.area, 1)
        for keys, slot in (
            (("Ctrl+=", "Ctrl++"), self.zoom_in),  # = is + without Shift on most keyboards
            (("Ctrl+-",), self.zoom_out),
            (("Ctrl+0",), self.actual_size),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(slot)
        self._show_zoom()

    def _button(self, text: str, tip: str, slot: Callable[[], None], name: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.clicked.connect(slot)
        return button

    # -- zoom ----------------------------------------------------------------------------------
    def zoom_in(self) -> None:
        self._set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom + 0.005), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self._set_zoom(
            next((z for z in reversed(ZOOM_STEPS) if z < self.zoom - 0.005), ZOOM_STEPS[0])
        )

    def actual_size(self) -> None:
        self._set_zoom(1.0)

    def fit_to_width(self) -> None:
        self.fit_width = True
        self.fit_button.setChecked(True)
        self._redraw()

    def _set_zoom(self, zoom: float) -> None:
        self.fit_width = False
        self.fit_button.setChecked(False)
        self.zoom = zoom
        self._redraw()

    def screen_dpi(self) -> float:
        """Pixels of the picture per inch of paper at 100 %: the screen's own logical dpi."""
        return float(self.logicalDpiX() or 96)

    def width_zoom(self) -> float:
        """The zoom at which the widest page fills the area's width (its margins kept)."""
        if not self._sizes:
            return self.zoom
        widest = max(width for width, _height in self._sizes) / 72 * self.screen_dpi()
        bar = self.area.verticalScrollBar().sizeHint().width()
        room = (
            self.area.viewport().width()
            if self.area.verticalScrollBar().isVisible()
            else (self.area.viewport().width() - bar)
        )
        return max(min((room - 2 * self.GAP) / widest, ZOOM_STEPS[-1]), ZOOM_STEPS[0])

    def _show_zoom(self) -> None:
        self.zoom_label.setText(tc.ZOOM_SHOWN.format(percent=f"{round(self.zoom * 100)} %"))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit_width and self._pdf is not None:
            self._refit.start()

    # -- pages ---------------------------------------------------------------------------------
    def clear(self) -> None:
        self._pdf = None
        self._sizes = []
        self.page_rects = []
        self.sheet.setPixmap(QPixmap())
        self.sheet.setText(t.PREVIEW_EMPTY)
        self.sheet.adjustSize()

    def show_pdf(self, pdf: bytes) -> int:
        """Show the first pages at the chosen zoom; returns the number of pages of the document."""
        self._pdf = pdf
        return self._redraw()

    def _redraw(self) -> int:
        if self._pdf is None:
            return 0
        document = pdfium.PdfDocument(self._pdf)
        try:
            count = len(document)
            shown = range(min(count, PREVIEW_PAGES))
            self._sizes = [tuple(document[i].get_size()) for i in shown]
            if self.fit_width:
                self.zoom = self.width_zoom()
            dpi = self.screen_dpi() * self.zoom * self.devicePixelRatioF()
            images = [page_image(document, i, dpi) for i in shown]
        finally:
            document.close()
        self._show_zoom()
        ratio = self.devicePixelRatioF()
        for image in images:
            image.setDevicePixelRatio(ratio)  # sharp at 125 % / 150 %
        sizes = [(round(i.width() / ratio), round(i.height() / ratio)) for i in images]
        width = max(w for w, _h in sizes) + 2 * self.GAP
        height = sum(h + self.GAP for _w, h in sizes) + self.GAP
        sheet = QPixmap(round(width * ratio), round(height * ratio))
        sheet.setDevicePixelRatio(ratio)
        sheet.fill(Qt.GlobalColor.gray)
        painter = QPainter(sheet)
        y = self.GAP
        self.page_rects = []
        for image, (w, h) in zip(images, sizes, strict=True):
            rect = QRect((width - w) // 2, y, w, h)
            painter.drawImage(rect, image)
            self.page_rects.append(rect)
            y += h + self.GAP
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
