"""The quarter grid as a table model: rows are units, two columns (tử số, mẫu số) per indicator.

Values are read a block of rows at a time as the view shows them, so a 5,000-unit ward opens at once.
Every change — a typed cell, a paste, Delete, copied denominators — is one operation of
:mod:`desktop.indicators.ops` through the door: one transaction, one check, its undo kept by the
door (Ctrl+Z is ``ctx.door.undo("values")``, behind the view's actions). The model shows what its own save wrote without
reading it back; changes made elsewhere (an undo, an import, a restore) reach it as
:meth:`reload_units`. Refused cells keep their message (red, with a tooltip) until they are changed
again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from desktop.changes import Operation
from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.indicators import ops
from desktop.indicators.lock import QuarterLocked
from desktop.indicators.ops import NoteNeeded, SavedCells
from desktop.indicators.rules import MISSING_DENOMINATOR, Pair, ValueRefused, parse_count
from desktop.indicators.values import (
    CellsRefused,
    GridIndicator,
    GridUnit,
    Key,
    QuarterGrid,
    ValueChange,
    grid_values,
    load_grid,
)
from desktop.text import wording
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
        self.ask_note: NoteAsker = lambda warnings: ""
        # True while the model's own save runs: the door's announcement of it needs no re-read.
        self.saving = False
        self._loaded_blocks: set[int] = set()
        self._errors: dict[tuple[int, int], str] = {}

    # --- loading ---------------------------------------------------------------------------
    def open_quarter(self, year: int, quarter: int) -> None:
        grid = self.ctx.door.read(lambda s: load_grid(s, year, quarter, with_values=False))
        self.beginResetModel()
        self.grid = grid
        self._loaded_blocks.clear()
        self._errors.clear()
        self.endResetModel()

    def reload_structure(self) -> bool:
        """Read the quarter's units, indicators and lock again (a unit or an indicator changed).

        Keeps the values read and the marks when the rows and columns are the same; returns False
        (and the caller reopens the quarter) when they changed.
        """
        if self.grid is None:
            return False
        year, quarter = self.grid.year, self.grid.quarter
        fresh = self.ctx.door.read(lambda s: load_grid(s, year, quarter, with_values=False))
        if fresh.units != self.grid.units or fresh.indicators != self.grid.indicators:
            return False
        self.grid.locked = fresh.locked
        return True

    def reload_units(self, unit_ids: Iterable[int] = ()) -> None:
        """Forget the values of ``unit_ids`` (all units when empty) so they are read again as the
        view shows them: they were changed elsewhere (an undo, an import, a restore)."""
        if self.grid is None:
            return
        wanted = set(unit_ids)
        rows = [r for r, u in enumerate(self.grid.units) if not wanted or u.id in wanted]
        if not rows:
            return
        if wanted:
            for cache in (self.grid.values, self.grid.notes):
                for key in [k for k in cache if k[0] in wanted]:
                    del cache[key]
        else:
            self.grid.values.clear()
            self.grid.notes.clear()
        self._loaded_blocks -= {r // BLOCK for r in rows}
        last = self.columnCount() - 1
        if last >= 0:
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], last))

    def set_locked(self, locked: bool) -> None:
        if self.grid is not None:
            self.grid.locked = locked

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
        year, quarter = self.grid.year, self.grid.quarter
        values, notes = self.ctx.door.read(lambda s: grid_values(s, year, quarter, ids))
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
            if role == Qt.ItemDataRole.EditRole:
                return "" if number is None else str(number)  # digits only: pasted back as is
            text = wording.count(number, "")
            if self.is_denominator(column) and pair.percent is not None:
                return f"{text}  ({wording.percent(pair.percent)})"
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
        """Save new pairs of cells (row, column) as one undoable step; False when refused.

        One operation, one transaction, one check. When the plan wants a note for a big change
        (and ``ask``), the operation refuses before writing; the clerk's note then goes with a
        second run, and Hủy leaves everything as it was.
        """
        assert self.grid is not None
        changes: dict[Key, ValueChange] = {}
        where: dict[Key, tuple[int, int]] = {}
        for (row, column), pair in cells.items():
            key = self.key_at(row, column)
            changes[key] = ValueChange(key[0], key[1], pair)
            where.setdefault(key, (row, column))
        year, quarter = self.grid.year, self.grid.quarter
        batch = list(changes.values())
        try:
            try:
                saved = self._save(ops.save_cells(year, quarter, batch, label, ask_note=ask))
            except NoteNeeded as needed:
                note = self.ask_note([w.message for w in needed.warnings])
                if note is None:
                    return False
                saved = self._save(ops.save_cells(year, quarter, batch, label, note=note))
        except CellsRefused as error:
            # A rule of the pair (mẫu số > 0, tử số ≤ mẫu số) concerns both of its cells.
            messages = {}
            for problem in error.cells:
                row, column = where[problem.key]
                for part in (0, 1):
                    messages[(row, 2 * (column // 2) + part)] = problem.message
            first = {where[p.key]: p.message for p in error.cells}
            self._refuse(messages, self._describe(first))
            return False
        except Refusal as error:
            self._refuse({}, error.text())
            return False
        self.show_saved(saved)
        # A saved pair clears the marks of both its cells (a paste names the pair by its numerator).
        self._clear_errors([(r, 2 * (c // 2) + part) for r, c in cells for part in (0, 1)])
        self.saved.emit(t.STATUS_SAVED)
        return True

    def _save(self, operation: Operation[SavedCells]) -> SavedCells:
        self.saving = True
        try:
            return self.ctx.door.run(operation)
        finally:
            self.saving = False

    def show_saved(self, saved: SavedCells) -> None:
        """Show what a save of this quarter wrote, without reading it back."""
        if self.grid is not None and (saved.year, saved.quarter) == self.period:
            self._apply(saved.after, saved.notes)

    @property
    def period(self) -> tuple[int, int] | None:
        return None if self.grid is None else (self.grid.year, self.grid.quarter)

    def copy_previous_denominators(self) -> int | None:
        """Chép mẫu số quý trước in one undoable step; the number copied, None when refused."""
        assert self.grid is not None
        operation = ops.copy_previous_denominators(self.grid.year, self.grid.quarter, t.UNDO_COPY)
        try:
            saved = self._save(operation)
        except Refusal as error:
            self._refuse({}, error.text())
            return None
        self.show_saved(saved)
        return saved.count

    def _apply(self, pairs: dict[Key, Pair], notes: dict[Key, str]) -> None:
        assert self.grid is not None
        self.grid.values.update(pairs)
        self.grid.notes.update(notes)
        rows = {u.id: r for r, u in enumerate(self.grid.units)}
        columns = {i.id: 2 * c for c, i in enumerate(self.grid.indicators)}
        for unit_id, indicator_id in pairs:
            row, column = rows.get(unit_id), columns.get(indicator_id)
            if row is not None and column is not None:
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
