"""The quarter grid as a table model: rows are units, two columns (tử số, mẫu số) per indicator.

Values are read a block of rows at a time as the view shows them, so a 5,000-unit ward opens at once.
Every change — a typed cell, a paste, Delete, copied denominators — goes through the domain in one
small transaction and, once saved, onto a :class:`QUndoStack` so Ctrl+Z writes the old values back.
Refused cells keep their message (red, with a tooltip) until they are changed again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QUndoCommand, QUndoStack

from desktop.context import AppContext
from desktop.indicators.lock import QuarterLocked
from desktop.indicators.rules import (
    MISSING_DENOMINATOR,
    Pair,
    ValueRefused,
    format_percent,
    parse_count,
)
from desktop.indicators.values import (
    CellsRefused,
    GridIndicator,
    GridUnit,
    Key,
    QuarterGrid,
    ValueChange,
    check_values,
    grid_values,
    load_grid,
    save_values,
)
from desktop.ui.texts import indicators as t

Index = QModelIndex | QPersistentModelIndex
BLOCK = 200  # rows read from the database at a time
NOT_REPORTED = QBrush(QColor("#e6e6e6"))
REFUSED = QBrush(QColor("#f8c8c8"))
WARNED = QBrush(QColor("#fff2b3"))
# Asked when a change crosses the warning threshold: gets the warnings, returns the note or None.
NoteAsker = Callable[[list[str]], "str | None"]


class QuarterGridModel(QAbstractTableModel):
    saved = Signal(str)  # a short status message
    refused = Signal(str)  # the clerk's message of a refused change

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.grid: QuarterGrid | None = None
        self.undo_stack = QUndoStack(self)
        self.ask_note: NoteAsker = lambda warnings: ""
        self._loaded_blocks: set[int] = set()
        self._errors: dict[tuple[int, int], str] = {}

    # --- loading ---------------------------------------------------------------------------
    def open_quarter(self, year: int, quarter: int) -> None:
        with self.ctx.db.session() as session:
            grid = load_grid(session, year, quarter, with_values=False)
        self.beginResetModel()
        self.grid = grid
        self._loaded_blocks.clear()
        self._errors.clear()
        self.undo_stack.clear()
        self.endResetModel()

    def reload_values(self) -> bool:
        """Read the quarter again after changes made elsewhere (an import, another page).

        Keeps the undo history when the rows and columns are the same; returns False (and the
        caller reopens the quarter) when units or indicators changed.
        """
        if self.grid is None:
            return False
        with self.ctx.db.session() as session:
            fresh = load_grid(session, self.grid.year, self.grid.quarter, with_values=False)
        if fresh.units != self.grid.units or fresh.indicators != self.grid.indicators:
            return False
        self.grid.values.clear()
        self.grid.notes.clear()
        self.grid.locked = fresh.locked
        self._loaded_blocks.clear()
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )
        return True

    @property
    def locked(self) -> bool:
        return self.grid is not None and self.grid.locked

    def locked_message(self) -> str:
        assert self.grid is not None
        return str(QuarterLocked(self.grid.year, self.grid.quarter))

    def _ensure_block(self, row: int) -> None:
        block = row // BLOCK
        if block in self._loaded_blocks or self.grid is None:
            return
        self._loaded_blocks.add(block)
        ids = [u.id for u in self.grid.units[block * BLOCK : (block + 1) * BLOCK]]
        with self.ctx.db.session() as session:
            values, notes = grid_values(session, self.grid.year, self.grid.quarter, ids)
        self.grid.values.update(values)
        self.grid.notes.update(notes)

    # --- geometry --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.units)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else 2 * len(self.grid.indicators)

    def unit_at(self, row: int) -> GridUnit:
        assert self.grid is not None
        return self.grid.units[row]

    def indicator_at(self, column: int) -> GridIndicator:
        assert self.grid is not None
        return self.grid.indicators[column // 2]

    def is_denominator(self, column: int) -> bool:
        return column % 2 == 1

    def reports(self, row: int, column: int) -> bool:
        assert self.grid is not None
        return self.grid.reports(self.unit_at(row), self.indicator_at(column))

    def pair_at(self, row: int, column: int) -> Pair:
        assert self.grid is not None
        self._ensure_block(row)
        return self.grid.value(self.unit_at(row).id, self.indicator_at(column).id)

    def key_at(self, row: int, column: int) -> Key:
        return (self.unit_at(row).id, self.indicator_at(column).id)

    # --- reading ---------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.grid is None:
            return None
        row, column = index.row(), index.column()
        reports = self.reports(row, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if not reports:
                return ""
            pair = self.pair_at(row, column)
            number = pair.denominator if self.is_denominator(column) else pair.numerator
            text = "" if number is None else str(number)
            if (
                role == Qt.ItemDataRole.DisplayRole
                and self.is_denominator(column)
                and pair.percent is not None
            ):
                return f"{text}  ({format_percent(pair.percent)})"
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if not reports:
                return NOT_REPORTED
            if (row, column) in self._errors:
                return REFUSED
            pair = self.pair_at(row, column)
            if self.key_at(row, column) in self.grid.notes or (
                pair.numerator is not None and pair.denominator is None
            ):
                return WARNED
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column, reports)
        return None

    def _tooltip(self, row: int, column: int, reports: bool) -> str | None:
        unit, indicator = self.unit_at(row), self.indicator_at(column)
        if not reports:
            return t.NOT_REPORTED_TIP.format(kind=unit.kind.label)
        lines = [
            indicator.denominator_label
            if self.is_denominator(column)
            else indicator.numerator_label
        ]
        if (row, column) in self._errors:
            lines.append(self._errors[(row, column)])
        pair = self.pair_at(row, column)
        if pair.numerator is not None and pair.denominator is None:
            lines.append(MISSING_DENOMINATOR)
        note = self.grid.notes.get(self.key_at(row, column)) if self.grid else None
        if note:
            lines.append(t.NOTE_TIP.format(note=note))
        return "\n".join(lines)

    def error_at(self, row: int, column: int) -> str | None:
        return self._errors.get((row, column))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.grid is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            indicator = self.indicator_at(section)
            if role == Qt.ItemDataRole.DisplayRole:
                part = t.DENOMINATOR if self.is_denominator(section) else t.NUMERATOR
                return t.COLUMN_HEADER.format(code=indicator.code, part=part)
            if role == Qt.ItemDataRole.ToolTipRole:
                return indicator.name
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            unit = self.unit_at(section)
            return t.UNIT_HEADER.format(code=unit.code, name=unit.name)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or self.grid is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.reports(index.row(), index.column()) and not self.grid.locked:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # --- changing --------------------------------------------------------------------------
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, column = index.row(), index.column()
        what = t.DENOMINATOR if self.is_denominator(column) else t.NUMERATOR
        try:
            number = parse_count(value, what)
        except ValueRefused as error:
            self._refuse({(row, column): str(error)}, str(error))
            return False
        pair = self._with(self.pair_at(row, column), column, number)
        if pair == self.pair_at(row, column):
            self._clear_errors([(row, column)])
            return True
        unit, indicator = self.unit_at(row), self.indicator_at(column)
        label = t.UNDO_EDIT.format(code=indicator.code, unit=unit.name)
        return self.commit({(row, column): pair}, label)

    @staticmethod
    def _with(pair: Pair, column: int, number: int | None) -> Pair:
        if column % 2 == 1:
            return Pair(pair.numerator, number)
        return Pair(number, pair.denominator)

    def commit(self, cells: dict[tuple[int, int], Pair], label: str, *, ask: bool = True) -> bool:
        """Save new pairs of cells (row, column) as one undoable step; False when refused."""
        assert self.grid is not None
        changes: dict[Key, ValueChange] = {}
        where: dict[Key, tuple[int, int]] = {}
        for (row, column), pair in cells.items():
            key = self.key_at(row, column)
            changes[key] = ValueChange(key[0], key[1], pair)
            where.setdefault(key, (row, column))
        year, quarter = self.grid.year, self.grid.quarter
        try:
            with self.ctx.db.session() as session:
                check = check_values(session, year, quarter, list(changes.values()))
            if check.problems:
                raise CellsRefused(check.problems, "")
            if check.warnings and ask:
                note = self.ask_note([w.message for w in check.warnings])
                if note is None:
                    return False
                for warning in check.warnings:
                    key = (warning.unit_id, warning.indicator_id)
                    changes[key] = ValueChange(key[0], key[1], changes[key].pair, note)
            with self.ctx.db.session() as session:
                before = save_values(session, year, quarter, list(changes.values()))
        except CellsRefused as error:
            # A rule of the pair (mẫu số > 0, tử số ≤ mẫu số) concerns both of its cells.
            messages = {}
            for problem in error.problems:
                row, column = where[(problem.unit_id, problem.indicator_id)]
                for part in (0, 1):
                    messages[(row, 2 * (column // 2) + part)] = problem.message
            first = {where[(p.unit_id, p.indicator_id)]: p.message for p in error.problems}
            self._refuse(messages, self._describe(first))
            return False
        except ValueRefused as error:
            self._refuse({}, str(error))
            return False
        after = {key: change.pair for key, change in changes.items()}
        notes = {key: change.note for key, change in changes.items() if change.note}
        self._apply(after, notes)
        # A saved pair clears the marks of both its cells (a paste names the pair by its numerator).
        self._clear_errors([(r, 2 * (c // 2) + part) for r, c in cells for part in (0, 1)])
        self.undo_stack.push(_SetCells(self, before, after, label))
        self.saved.emit(t.STATUS_SAVED)
        return True

    def write(self, pairs: dict[Key, Pair]) -> None:
        """Write pairs back without asking (undo/redo); raises ValueRefused when refused."""
        assert self.grid is not None
        changes = [ValueChange(k[0], k[1], p) for k, p in pairs.items()]
        with self.ctx.db.session() as session:
            save_values(session, self.grid.year, self.grid.quarter, changes)
        self._apply(pairs, {})

    def _apply(self, pairs: dict[Key, Pair], notes: dict[Key, str]) -> None:
        assert self.grid is not None
        self.grid.values.update(pairs)
        self.grid.notes.update(notes)
        rows = {u.id: r for r, u in enumerate(self.grid.units)}
        columns = {i.id: 2 * c for c, i in enumerate(self.grid.indicators)}
        for unit_id, indicator_id in pairs:
            row, column = rows[unit_id], columns[indicator_id]
            self.dataChanged.emit(self.index(row, column), self.index(row, column + 1))

    def _refuse(self, messages: dict[tuple[int, int], str], text: str) -> None:
        self._errors.update(messages)
        for row, column in messages:
            index = self.index(row, column)
            self.dataChanged.emit(index, index)
        self.refused.emit(text)

    def _clear_errors(self, cells: list[tuple[int, int]]) -> None:
        for cell in cells:
            if self._errors.pop(cell, None) is not None:
                index = self.index(*cell)
                self.dataChanged.emit(index, index)

    def _describe(self, messages: dict[tuple[int, int], str], limit: int = 6) -> str:
        lines = []
        for (row, column), message in list(messages.items())[:limit]:
            unit = self.unit_at(row)
            header = self.headerData(column, Qt.Orientation.Horizontal).replace("\n", " ")
            lines.append(f"{unit.name} — {header}: {message}")
        if len(messages) > limit:
            lines.append(f"… và {len(messages) - limit} ô khác.")
        return "\n".join(lines)

    def clear_cells(self, cells: list[tuple[int, int]]) -> bool:
        """Delete: empty the chosen cells that can be edited (one undoable step)."""
        pairs: dict[tuple[int, int], Pair] = {}
        by_key: dict[Key, Pair] = {}
        for row, column in cells:
            if not self.reports(row, column):
                continue
            key = self.key_at(row, column)
            current = by_key.get(key, self.pair_at(row, column))
            by_key[key] = self._with(current, column, None)
            pairs[(row, 2 * (column // 2))] = by_key[key]
        if not pairs:
            return False
        return self.commit(pairs, t.UNDO_CLEAR.format(count=len(pairs)), ask=False)

    def paste(self, top: int, left: int, block: list[list[str]]) -> bool:
        """A block copied from Excel lands with its top-left cell at (top, left), all or nothing."""
        if not block or not any(cell.strip() for line in block for cell in line):
            self.refused.emit(t.PASTE_EMPTY)
            return False
        rows, columns = len(block), max(len(line) for line in block)
        room_rows, room_columns = self.rowCount() - top, self.columnCount() - left
        if rows > room_rows or columns > room_columns:
            self.refused.emit(
                t.PASTE_TOO_BIG.format(
                    rows=rows, columns=columns, room_rows=room_rows, room_columns=room_columns
                )
            )
            return False
        header = _header_text(block[0])
        if header is not None:
            self.refused.emit(t.PASTE_HEADER.format(text=header))
            return False
        pairs: dict[tuple[int, int], Pair] = {}
        errors: dict[tuple[int, int], str] = {}
        for r, line in enumerate(block):
            for c, text in enumerate(line):
                row, column = top + r, left + c
                message = self._paste_cell(row, column, text, pairs)
                if message:
                    errors[(row, column)] = message
        if errors:
            self._refuse(errors, self._describe(errors))
            return False
        if not pairs:
            return False
        return self.commit(pairs, t.UNDO_PASTE.format(count=rows * columns))

    def _paste_cell(
        self, row: int, column: int, text: str, pairs: dict[tuple[int, int], Pair]
    ) -> str | None:
        if not self.reports(row, column):
            if not text.strip():
                return None
            unit = self.unit_at(row)
            return t.PASTE_NOT_REPORTED.format(
                unit=unit.kind.label, code=self.indicator_at(column).code
            )
        what = t.DENOMINATOR if self.is_denominator(column) else t.NUMERATOR
        try:
            number = parse_count(text, what)
        except ValueRefused as error:
            return str(error)
        cell = (row, 2 * (column // 2))
        pairs[cell] = self._with(pairs.get(cell, self.pair_at(row, column)), column, number)
        return None


def parse_block(text: str) -> list[list[str]]:
    """Excel's clipboard text (tab-separated lines) → rows of cells; the trailing newline dropped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.split("\t") for line in lines]


def _header_text(line: list[str]) -> str | None:
    """The first row is a header when every filled cell of it is text, not a number."""
    filled = [cell.strip() for cell in line if cell.strip()]
    if not filled:
        return None
    for cell in filled:
        try:
            parse_count(cell)
            return None
        except ValueRefused:
            if any(ch.isdigit() for ch in cell) and not any(ch.isalpha() for ch in cell):
                return None  # "-3" or "2,5": a wrong number, reported on its cell
    return filled[0]


class _SetCells(QUndoCommand):
    """Already saved when pushed; undo writes ``before`` back, redo writes ``after`` again."""

    def __init__(
        self, model: QuarterGridModel, before: dict[Key, Pair], after: dict[Key, Pair], label: str
    ):
        super().__init__(label)
        self.model = model
        self.before = before
        self.after = after
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._write(self.after)

    def undo(self) -> None:
        self._write(self.before)

    def _write(self, pairs: dict[Key, Pair]) -> None:
        try:
            self.model.write(pairs)
        except ValueRefused as error:
            self.setObsolete(True)
            self.model.refused.emit(t.UNDO_FAILED.format(message=error))
