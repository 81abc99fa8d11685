"""A table view that behaves like a spreadsheet over :class:`QuarterGridModel`.

Arrow keys, Tab and Enter move (Tab and Shift+Tab pass the grey cells that take no value); typing
replaces the cell (a closed cell says why it takes nothing);
space or a click on its box ticks a yes/no cell (through the model's one save);
Delete clears the selection; Ctrl+C copies and Ctrl+V pastes a tab-separated block (as Excel puts
on the clipboard); Ctrl+Z / Ctrl+Y undo and redo through the door's history of the grid (scope
"values") with the shared :class:`~desktop.ui.widgets.undo_actions.UndoActions`, whose tooltips
name the step.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from desktop.indicators.ops import SCOPE
from desktop.ui.indicators.grid_header import PairedHeader
from desktop.ui.indicators.values_model import QuarterGridModel, parse_block
from desktop.ui.widgets.undo_actions import OnDone, UndoActions

UNIT_HEADER_WIDTH = 300
CursorAction = QAbstractItemView.CursorAction
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class GridDelegate(QStyledItemDelegate):
    """Enter in a cell's editor saves it and moves down at once.

    Qt's delegate commits Enter through a queued call. A Tab (or a click) that reaches the editor
    before that call runs commits and closes it first; the queued call then commits an editor the
    view no longer holds ("commitData called with an editor that does not belong to this view"),
    and its close moves the cell a second time. Our editors have no validator to fix up first.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QWidget)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
        ):
            self.commitData.emit(watched)
            self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
            return True
        return super().eventFilter(watched, event)


class SpreadsheetView(QTableView):
    def __init__(
        self,
        model: QuarterGridModel,
        parent: QWidget | None = None,
        *,
        on_undone: OnDone | None = None,
    ) -> None:
        super().__init__(parent)
        self.grid_model = model
        # Set before the model: the header then follows the model's resets from the start.
        self.setHorizontalHeader(PairedHeader(self))
        self.setModel(model)
        self.setItemDelegate(GridDelegate(self))
        self.setObjectName("grid")
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.horizontalHeader().setDefaultSectionSize(92)
        self.verticalHeader().setDefaultSectionSize(24)
        # Long unit names would take half the width at 1366 px: cut (the tooltip has them whole).
        self.verticalHeader().setMaximumWidth(UNIT_HEADER_WIDTH)
        self.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.undo_actions = UndoActions(
            model.ctx,
            SCOPE,
            self,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
            on_done=on_undone,
        )
        # The names the page and its tests know the two actions by.
        self.undo_action = self.undo_actions.undo
        self.redo_action = self.undo_actions.redo

    # Enter in an editor commits it with SubmitModelCache (Tab gives EditNextItem, Esc Revert…):
    # then move down, as in Excel.
    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self.move_by(1, 0)

    def moveCursor(
        self, cursorAction: CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Tab and Shift+Tab (also from an open editor) go to the next cell that takes a value,
        row after row; the arrows still visit every cell."""
        if cursorAction not in (CursorAction.MoveNext, CursorAction.MovePrevious):
            return super().moveCursor(cursorAction, modifiers)
        found = self._next_open(self.currentIndex(), cursorAction == CursorAction.MoveNext)
        return found if found is not None else super().moveCursor(cursorAction, modifiers)

    def _next_open(self, start: QModelIndex, forward: bool) -> QModelIndex | None:
        """The first cell after ``start`` (before, backwards), wrapping round the grid, that is
        shown and open (:meth:`QuarterGridModel.why_closed`); None when there is none."""
        rows, columns = self.model().rowCount(), self.model().columnCount()
        if not start.isValid() or not rows or not columns:
            return None
        here, total = start.row() * columns + start.column(), rows * columns
        step = 1 if forward else -1
        for n in range(1, total):
            row, column = divmod((here + step * n) % total, columns)
            if self.isRowHidden(row) or self.isColumnHidden(column):
                continue
            if self.grid_model.why_closed(row, column) is None:
                return self.model().index(row, column)
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_clipboard()
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if (
            key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.clear_selection_cells()
            return
        if (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.move_by(1, 0)
            return
        typed = bool(event.text().strip()) and event.text().isprintable()
        if self.grid_model.locked and (typed or key == Qt.Key.Key_Space):
            self.grid_model.refused.emit(self.grid_model.locked_message())
            return
        current = self.currentIndex()
        ticking = (
            key == Qt.Key.Key_Space
            and current.isValid()
            and self.grid_model.is_yes_no(current.column())
        )
        editing = self.state() == QAbstractItemView.State.EditingState
        if (typed or ticking) and current.isValid() and not editing:
            closed = self.grid_model.why_closed(current.row(), current.column())
            if closed:  # a closed cell says why instead of ignoring the key
                self.grid_model.refused.emit(closed)
                return
        super().keyPressEvent(event)

    def move_by(self, rows: int, columns: int) -> None:
        current = self.currentIndex()
        if not current.isValid():
            return
        row = min(max(current.row() + rows, 0), self.model().rowCount() - 1)
        column = min(max(current.column() + columns, 0), self.model().columnCount() - 1)
        self.setCurrentIndex(self.model().index(row, column))

    def selected_cells(self) -> list[tuple[int, int]]:
        return sorted({(i.row(), i.column()) for i in self.selectionModel().selectedIndexes()})

    def clear_selection_cells(self) -> None:
        cells = self.selected_cells()
        current = self._current_cell()
        if current and current[0] not in cells:
            cells = current
        if cells and not self.grid_model.locked:
            self.grid_model.clear_cells(cells)

    def _current_cell(self) -> list[tuple[int, int]]:
        current = self.currentIndex()
        return [(current.row(), current.column())] if current.isValid() else []

    def copy_selection(self) -> None:
        cells = self.selected_cells() or self._current_cell()
        if not cells:
            return
        rows = range(min(r for r, _ in cells), max(r for r, _ in cells) + 1)
        columns = range(min(c for _, c in cells), max(c for _, c in cells) + 1)
        edit = Qt.ItemDataRole.EditRole
        lines = [
            "\t".join(str(self.model().index(r, c).data(edit) or "") for c in columns) for r in rows
        ]
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n")

    def paste_clipboard(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> bool:
        if self.grid_model.locked:
            self.grid_model.refused.emit(self.grid_model.locked_message())
            return False
        current = self._current_cell()
        if not current:
            return False
        # Excel pastes at the top-left of the selected block that holds the active cell.
        top, left = current[0]
        selection = self.selectionModel().selection()
        for n in range(selection.count()):
            block = selection.at(n)
            if block.contains(self.currentIndex()):
                top, left = block.top(), block.left()
        return self.grid_model.paste(top, left, parse_block(text))

    def goto_row(self, row: int) -> None:
        index = self.model().index(row, max(self.currentIndex().column(), 0))
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
