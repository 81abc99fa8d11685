"""The one line an empty table shows over itself: what the clerk does first to fill it.

``EmptyHint(view, text)`` lies over the view's visible area and follows its model by itself (rows
inserted or removed, a reset, a new layout), so a page only creates it once beside its table:
shown while the view shows no row, hidden as soon as one comes. ``text`` may be a function, read
again each time the hint shows, when the next step depends on what else exists (no campaign yet:
"create one first"). With ``records`` (the model under a filter proxy) and ``filtered``, a view
emptied by the clerk's own filter says so instead of "nothing yet".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel

Text = str | Callable[[], str]
MARGIN = 24


class EmptyHint(QLabel):
    """See the module's docstring."""

    def __init__(
        self,
        view: QAbstractItemView,
        text: Text,
        records: QAbstractItemModel | None = None,
        filtered: Text = "",
    ) -> None:
        super().__init__(view.viewport())
        self.setObjectName("empty_hint")
        self.view = view
        self._text, self._filtered = text, filtered
        self.records = records
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setStyleSheet("color: #5f6368; font-size: 11pt; background: transparent;")
        # Clicks and the context menu reach the table under the words.
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        for model in {id(m): m for m in (view.model(), records) if m is not None}.values():
            for signal in (
                model.rowsInserted,
                model.rowsRemoved,
                model.modelReset,
                model.layoutChanged,
            ):
                signal.connect(self.refresh)
        view.viewport().installEventFilter(self)
        self.refresh()

    def refresh(self) -> None:
        """Show or hide the hint for what the view shows now (its text read again)."""
        model = self.view.model()
        empty = model is None or model.rowCount() == 0
        text = ""
        if empty:
            nothing = self.records is None or self.records.rowCount() == 0
            text = _read(self._text if nothing else self._filtered)
        self.setText(text)
        self.setVisible(bool(text))
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        # Its style sheet's font comes with the first show: the lines are measured again.
        if event.type() in (QEvent.Type.Show, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._place()
        return super().event(event)

    def _place(self) -> None:
        room = self.view.viewport().rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        if room.width() > 0:
            height = max(self.heightForWidth(room.width()), 0)
            self.setGeometry(room.x(), room.y(), room.width(), height)

    def shown(self) -> bool:
        """Whether the hint is showing (whether or not the window is on screen)."""
        return not self.isHidden()


def _read(text: Text) -> str:
    return text() if callable(text) else text
