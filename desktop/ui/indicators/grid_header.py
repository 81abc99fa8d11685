"""The grid's column header: each indicator's short label drawn once across its pair of columns.

The model heads every column "short label\\npart" ("Người dân có kỹ năng số\\nTử số"); two narrow
columns could not hold the label twice, so the label is drawn across both (wrapped on up to two
lines), the part ("Tử số", "Mẫu số", "Có / chưa") below it in each column. Each section paints
only its own rectangle — its share of the label, drawn whole on a pixmap of the pair (a style
may reset the painter's clip to the rectangle it is given) — so a partial repaint (scrolling, a
resized column) stays whole.
The tooltip (the model's) names the code, the full name and what the column takes.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

LABEL_LINES = 2  # the short label wraps on at most two lines; the part takes a third
PADDING = 6


class PairedHeader(QHeaderView):
    """A horizontal header whose sections come in pairs under one label (chỉ tiêu: tử số, mẫu số)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)

    def _texts(self, section: int) -> tuple[str, str]:
        text = self.model().headerData(section, Qt.Orientation.Horizontal) if self.model() else ""
        label, _, part = str(text or "").partition("\n")
        return label, part

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        size = super().sectionSizeFromContents(logicalIndex)
        line = self.fontMetrics().height()
        return QSize(size.width(), line * (LABEL_LINES + 1) + 3 * PADDING)

    def _pair_rect(self, section: int, rect: QRect) -> QRect:
        """The rectangle of both columns of ``section``'s pair, at ``rect``'s height."""
        first = section - section % 2
        left = self.sectionViewportPosition(first)
        width = self.sectionSize(first) + self.sectionSize(first + 1)
        return QRect(left, rect.top(), width, rect.height())

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:
        if not rect.isValid():
            return
        label, part = self._texts(logicalIndex)
        line = self.fontMetrics().height()
        split = rect.bottom() - line - PADDING
        # The part: an ordinary header section of its own column, below the label.
        below = QRect(rect.left(), split, rect.width(), rect.bottom() - split + 1)
        self._draw(painter, below, part, logicalIndex)
        # The label: one section across the pair, of which this column shows its share.
        pair = self._pair_rect(logicalIndex, rect)
        pair.setBottom(split)
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(pair.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        canvas = QPainter(pixmap)
        canvas.setFont(painter.font())
        canvas.setPen(painter.pen())
        whole = QRect(QPoint(0, 0), pair.size())
        self._draw(canvas, whole, "", logicalIndex)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        canvas.drawText(whole.adjusted(PADDING, PADDING // 2, -PADDING, 0), int(flags), label)
        canvas.end()
        share = QRect(rect.left(), pair.top(), rect.width(), pair.height())
        offset = share.left() - pair.left()
        source = QRect(
            round(offset * ratio), 0, round(share.width() * ratio), round(pair.height() * ratio)
        )
        painter.drawPixmap(share, pixmap, source)

    def _draw(self, painter: QPainter, rect: QRect, text: str, section: int) -> None:
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = section
        option.text = text
        option.textAlignment = Qt.AlignmentFlag.AlignCenter
        option.position = QStyleOptionHeader.SectionPosition.Middle
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
