"""Text that does not fit its place: shown cut, never lost — the whole text is its tooltip.

The rule of the window (checked by ``tests/ui/test_screenshots.py`` on every page and dialog at
1366×768): a label, a button, a column header or a table cell whose text is wider than its room
either grows (word wrap, a column sized to its content, a stretching long column) or, where it
must be cut ("Đã trình Hội đồng ph…"), carries its whole text as a tooltip.

- :class:`ElidedLabel` — one line, cut with "…" at the right, its tooltip the whole text;
- :func:`full_text_tips` — a table's cut cells and headers tell their whole text when hovered;
- :func:`fit_columns` — columns as wide as their content, the long one taking what is left;
- :func:`cut_texts` — what the check finds: every text cut without a tooltip under a widget.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent, QResizeEvent, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListView,
    QTableView,
    QToolTip,
    QWidget,
)

TIPS_PROPERTY = "full_text_tips"  # set on a view whose cut cells show their whole text
CELL_MARGIN = 4  # pixels a cell keeps on each side of its text (the style's focus frame)


class ElidedLabel(QLabel):
    """One line of text cut at the right to the label's width; the whole text is the tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(40)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def minimumSizeHint(self):  # type: ignore[no-untyped-def]
        hint = super().minimumSizeHint()
        hint.setWidth(self.minimumWidth())
        return hint

    def sizeHint(self):  # type: ignore[no-untyped-def]
        hint = super().sizeHint()
        hint.setWidth(self.fontMetrics().horizontalAdvance(self._full) + 8)
        return hint

    def _elide(self) -> None:
        width = max(self.contentsRect().width(), 10)
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")


class _FullTextTips(QObject):
    """On a tooltip event over a cut cell or header that has no tooltip of its own, show its
    whole text."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        view = self.view
        model: QAbstractItemModel | None = view.model()  # None before a model is set
        if model is None:
            return False
        if isinstance(view, QTableView) and watched is view.horizontalHeader().viewport():
            header = view.horizontalHeader()
            section = header.logicalIndexAt(event.pos())
            if section < 0 or model.headerData(
                section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
            ):
                return False
            if header.sectionSizeFromContents(section).width() <= header.sectionSize(section):
                return False
            text = model.headerData(section, Qt.Orientation.Horizontal)
        else:
            index = view.indexAt(event.pos())
            if (
                not index.isValid()
                or index.data(Qt.ItemDataRole.ToolTipRole)
                or not cell_is_cut(view, index)
            ):
                return False
            text = index.data()
        QToolTip.showText(event.globalPos(), str(text), view)
        return True


def full_text_tips(view: QAbstractItemView) -> None:
    """Hovering a cut cell or column header of ``view`` shows its whole text (unless the model
    gives a tooltip of its own)."""
    tips = _FullTextTips(view)
    view.viewport().installEventFilter(tips)
    if isinstance(view, QTableView):
        view.horizontalHeader().viewport().installEventFilter(tips)
    view.setProperty(TIPS_PROPERTY, True)


def fit_columns(table: QTableView, stretch: int | None = None) -> None:
    """Columns as wide as their contents (and their headers); the long-text column ``stretch``
    (a name) takes what is left, so the table fits the window without a horizontal scroll bar at
    1366 pixels. Call it again when the rows change. Cut cells keep their whole text as tooltip."""
    header = table.horizontalHeader()
    header.setStretchLastSection(stretch is None)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Interactive)
    table.resizeColumnsToContents()
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    if not table.property(TIPS_PROPERTY):
        full_text_tips(table)


def cell_is_cut(view: QAbstractItemView, index: QModelIndex) -> bool:
    """Whether the cell's text is wider than its column — and, in a table that wraps its words,
    whether the wrapped lines are taller than its row."""
    rect = view.visualRect(index)
    if view.sizeHintForIndex(index).width() <= rect.width() + 1:
        return False
    if isinstance(view, QTableView) and view.wordWrap():
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font) if isinstance(font, QFont) else view.fontMetrics()
        room = QRect(0, 0, max(rect.width() - 2 * CELL_MARGIN, 1), 1_000_000)
        flags = int(Qt.TextFlag.TextWordWrap)
        return metrics.boundingRect(room, flags, str(index.data())).height() > rect.height()
    return True


# -- the check ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class CutText:
    """A text shown cut with no tooltip to read it whole: where (widget's name) and which."""

    where: str
    text: str
    needed: int
    room: int

    def __str__(self) -> str:
        return f"{self.where}: “{self.text}” ({self.needed} > {self.room} px)"


def cut_texts(root: QWidget, rows: int = 40) -> list[CutText]:
    """Every label, button, column header and table cell (the first ``rows`` rows shown) under
    ``root`` that is visible, shows text cut by its width and has no tooltip."""
    found: list[CutText] = []
    for label in root.findChildren(QLabel):
        if _shown(label) and not label.toolTip() and not isinstance(label, ElidedLabel):
            found.extend(_label_cut(label))
    for button in root.findChildren(QAbstractButton):
        if _shown(button) and button.text() and not button.toolTip():
            need = button.sizeHint().width()
            if need > button.width():
                found.append(
                    CutText(_name(button), button.text().replace("&", ""), need, button.width())
                )
    for view in root.findChildren(QTableView):
        if _shown(view):
            found.extend(_table_cut(view, rows))
    for listed in root.findChildren(QListView):
        if _shown(listed) and not listed.property(TIPS_PROPERTY) and listed.model() is not None:
            model = listed.model()
            for row in range(min(model.rowCount(), rows)):
                index = model.index(row, 0)
                if index.data() and not index.data(Qt.ItemDataRole.ToolTipRole):
                    need = listed.sizeHintForIndex(index).width()
                    room = listed.viewport().width()
                    if need > room + 1:
                        found.append(
                            CutText(
                                f"{_name(listed)} dòng {row + 1}", str(index.data()), need, room
                            )
                        )
    return found


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0


def _name(widget: QWidget) -> str:
    names: list[str] = []
    current: QWidget | None = widget
    while current is not None and len(names) < 3:
        if current.objectName() and not current.objectName().startswith("qt_"):
            names.append(current.objectName())
        current = current.parentWidget()
    return f"{type(widget).__name__}" + (f"({'/'.join(reversed(names))})" if names else "")


def _label_cut(label: QLabel) -> list[CutText]:
    text = label.text()
    if not text:
        return []
    if label.wordWrap():  # its lines wrap: cut when they are taller than the label was given
        need = label.heightForWidth(label.width())
        if need > label.height() + 1:
            return [CutText(f"{_name(label)} (chiều cao)", text, need, label.height())]
        return []
    if label.textFormat() == Qt.TextFormat.RichText or ("<" in text and ">" in text):
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    metrics = label.fontMetrics()
    need = max(metrics.horizontalAdvance(line) for line in text.splitlines() or [""])
    room = label.contentsRect().width() - 2 * max(label.margin(), 0) - max(label.indent(), 0)
    if need > room + 1:
        return [CutText(_name(label), text, need, room)]
    return []


def _table_cut(view: QTableView, rows: int) -> list[CutText]:
    model: QAbstractItemModel | None = view.model()  # None before a model is set
    if model is None:
        return []
    found: list[CutText] = []
    header = view.horizontalHeader()
    tips = bool(view.property(TIPS_PROPERTY))
    columns = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    if header.isVisible():
        for column in columns:
            if tips or model.headerData(
                column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
            ):
                continue
            need = header.sectionSizeFromContents(column).width()
            if need > header.sectionSize(column) + 1:
                text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                found.append(
                    CutText(f"{_name(view)} tiêu đề cột", text, need, header.sectionSize(column))
                )
    if tips:
        return found
    for row in range(min(model.rowCount(), rows)):
        if view.isRowHidden(row):
            continue
        for column in columns:
            index = model.index(row, column)
            if index.data(Qt.ItemDataRole.ToolTipRole) or not index.data():
                continue
            if cell_is_cut(view, index):
                found.append(
                    CutText(
                        f"{_name(view)} ô ({row + 1}, {column + 1})",
                        str(index.data()),
                        view.sizeHintForIndex(index).width(),
                        view.visualRect(index).width(),
                    )
                )
    return found


def grow_to_fit(dialog: QWidget) -> None:
    """Make ``dialog`` tall enough for its word-wrapped texts at its width (a message that
    appears after it opened), so that nothing is squashed; never taller than its screen."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    need = layout.totalHeightForWidth(dialog.width())
    screen = dialog.screen().availableGeometry().height() - 40
    if need > dialog.height():
        dialog.resize(dialog.width(), min(need, screen))
