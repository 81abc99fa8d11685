"""Việc cần làm: the main window's first page — what is late or coming, each line opening the page
that resolves it.

The list is :func:`desktop.movement.deadlines.due_items` read through the door on today's date.
Every change the door announces may settle an item (a value saved, a quarter locked, a report
issued, a backup made), so the page reads the list again after each one — at once when it is on
screen, else when it is shown next. Opening a line shows the item's page and, when that page can
take it (``open_target(target)``), the quarter, the dossier or the document the item is about.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import Change
from desktop.context import AppContext
from desktop.models.periods import today
from desktop.movement.deadlines import (
    NAMES_SHOWN,
    Coming,
    DueItem,
    Severity,
    due_items,
    next_deadline,
)
from desktop.text import wording
from desktop.ui.texts import movement as t

COLOURS = {Severity.LATE: "#b00020", Severity.SOON: "#8a5300", Severity.INFO: "#3c4043"}
ITEM_ROLE = Qt.ItemDataRole.UserRole


class DuePage(QWidget):
    """The page of the main window; see the module's docstring."""

    title = t.DUE_PAGE_TITLE

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[DueItem] = []
        self._stale = False
        self.heading = QLabel()
        self.heading.setObjectName("due_heading")
        self.counts = QLabel()
        self.counts.setObjectName("due_counts")
        self.empty = QLabel()
        self.empty.setObjectName("due_empty")
        self.empty.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("due_list")
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setStyleSheet("QListWidget#due_list { font-size: 11pt; }")
        self.list.itemActivated.connect(lambda _item: self.open_selected())  # Enter, double-click
        self.open_button = QPushButton(t.DUE_OPEN)
        self.open_button.setObjectName("due_open")
        self.open_button.setToolTip(t.DUE_OPEN_TIP)
        self.open_button.clicked.connect(self.open_selected)
        hint = QLabel(t.DUE_HINT)
        hint.setStyleSheet("color: #5f6368;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(hint, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.counts)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.refresh()

    # -- reading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        day = today()
        items, coming = self.ctx.door.read(lambda s: (due_items(s, day), next_deadline(s, day)))
        self._stale = False
        self.items = items
        self.heading.setText(f"<h2>{t.DUE_HEADING.format(day=wording.short_date(day))}</h2>")
        self.list.clear()
        for item in items:
            self.list.addItem(_line(item))
        if self.list.count():
            self.list.setCurrentRow(0)
        self._show_counts(items, coming)

    def _show_counts(self, items: list[DueItem], coming: Coming | None) -> None:
        by = {s: sum(1 for i in items if i.severity is s) for s in Severity}
        parts = [
            f"{wording.count(n)} {t.DUE_MARKS[s.value].lower()}" for s, n in by.items() if n
        ]
        self.counts.setText(
            t.DUE_COUNTS.format(total=wording.count(len(items)), parts=", ".join(parts))
        )
        self.counts.setVisible(bool(items))
        self.list.setVisible(bool(items))
        self.open_button.setVisible(bool(items))
        next_text = (
            t.DUE_NEXT.format(day=wording.short_date(coming.day), text=coming.text)
            if coming is not None
            else t.DUE_NO_NEXT
        )
        self.empty.setText(f"<p style='font-size: 12pt'>{t.DUE_NOTHING}</p><p>{next_text}</p>")
        self.empty.setVisible(not items)

    def on_change(self, change: Change) -> None:
        """Any change may settle an item: read again now if shown, else when shown next."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    # -- opening ---------------------------------------------------------------------------------
    def selected(self) -> DueItem | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def open_selected(self) -> None:
        item = self.selected()
        if item is None:
            QMessageBox.information(self, self.title, t.DUE_SELECT_FIRST)
            return
        self.open_item(item)

    def open_item(self, item: DueItem) -> QWidget | None:
        """Show the page that resolves ``item``, on what the item is about where it can."""
        from desktop.ui.main_window import MainWindow

        window = self.window()
        if not isinstance(window, MainWindow):
            return None
        page = window.show_page(item.target.page)
        opener = getattr(page, "open_target", None)
        if callable(opener):
            opener(item.target)
        return page


def _line(item: DueItem) -> QListWidgetItem:
    line = QListWidgetItem(f"{t.DUE_MARKS[item.severity.value]} — {item.text}")
    line.setData(ITEM_ROLE, item.kind)
    line.setForeground(QBrush(QColor(COLOURS[item.severity])))
    if item.severity is Severity.LATE:
        font = QFont()
        font.setBold(True)
        line.setFont(font)
    # The whole line (it wraps on a narrow window) and, when it names only the first few, all.
    tip = item.text
    if len(item.names) > NAMES_SHOWN:
        tip += "\n" + t.DUE_NAMES_TIP.format(names=", ".join(item.names))
    line.setToolTip(tip)
    return line

