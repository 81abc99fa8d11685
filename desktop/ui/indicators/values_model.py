"""The quarter grid as a table model: rows are units, two columns (tử số, mẫu số) per indicator.

The columns and the open cells follow the year's scope (a unit kind the year's target does not
cover has its cells closed, and the tooltip says so). Values are read a block of rows at a time as
the view shows them, with the previous quarter's Mẫu số of the same rows, so a 5,000-unit ward
opens at once. An empty Mẫu số shows, in grey italics, the one proposed (the register's
head-count, else last quarter's); typing a Tử số there saves the pair with it. A yes/no indicator
(TRUONGKNS) is one tick per unit ("Có" / "Chưa" beside it; a dimmed box: not reported), stored as
1/1 or 0/1; its Mẫu số cell is closed. Columns are headed by the indicator's short label over
"Tử số" / "Mẫu số" (:mod:`desktop.ui.indicators.grid_header` draws the label across the pair); the
code, the full name and what to enter are in the header's tooltip.

Every change — a typed cell, a paste, Delete, filled Mẫu số — is one operation of
:mod:`desktop.indicators.ops` through the door: one transaction, one check, its undo kept by the
door (Ctrl+Z is ``ctx.door.undo("values")``, behind the view's actions). The model shows what its
own save wrote without reading it back; changes made elsewhere (an undo, an import, a restore)
reach it as :meth:`reload_units`. Refused cells keep their message (red, with a tooltip) until
they are changed again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.changes import Operation
from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.indicators import ops
from desktop.indicators.lock import QuarterLocked
from desktop.indicators.ops import NoteNeeded, SavedCells
from desktop.indicators.rules import (
    EMPTY,
    MISSING_DENOMINATOR,
    NO,
    YES,
    Pair,
    ValueRefused,
    parse_count,
    parse_yes_no,
)
from desktop.indicators.values import (
    CellsRefused,
    GridIndicator,
    GridUnit,
    Key,
    QuarterGrid,
    ValueChange,
    grid_values,
    load_grid,
    previous_denominators_of,
)
from desktop.models import UnitKind
from desktop.text import wording
from desktop.ui.texts import indicators as t

Index = QModelIndex | QPersistentModelIndex
BLOCK = 200  # rows read from the database at a time
NOT_REPORTED = QBrush(QColor("#e6e6e6"))
REFUSED = QBrush(QColor("#f8c8c8"))
WARNED = QBrush(QColor("#fff2b3"))
NO_DENOMINATOR = QBrush(QColor("#f3f3f3"))  # the Mẫu số cell of a yes/no indicator: nothing to type
PROPOSED = QBrush(QColor("#808080"))  # a proposed Mẫu số, not saved yet
# A yes/no cell's tick; an empty one (not reported) shows a dimmed, partly checked box.
_TICKS = {YES: Qt.CheckState.Checked, NO: Qt.CheckState.Unchecked}
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
        self._proposed_font = QFont()
        self._proposed_font.setItalic(True)

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
        caches: tuple[dict[Key, Any], ...] = (self.grid.values, self.grid.notes, self.grid.previous)
        for cache in caches:
            if wanted:
                for key in [k for k in cache if k[0] in wanted]:
                    del cache[key]
            else:
                cache.clear()
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
        (values, notes), previous = self.ctx.door.read(
            lambda s: (
                grid_values(s, year, quarter, ids),
                previous_denominators_of(s, year, quarter, ids),
            )
        )
        self.grid.values.update(values)
        self.grid.notes.update(notes)
        self.grid.previous.update(previous)

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
    def is_yes_no(self, column: int) -> bool:
        return self.indicator_at(column).yes_no

    def editable(self, row: int, column: int) -> bool:
        """Open for typing: the unit reports the indicator this year, the quarter is not locked,
        and the cell is not the Mẫu số of a yes/no indicator (always 1)."""
        assert self.grid is not None
        return (
            not self.grid.locked
            and self.reports(row, column)
            and not (self.is_yes_no(column) and self.is_denominator(column))
        )

    def proposed_at(self, row: int, column: int) -> tuple[int, bool] | None:
        """The proposed Mẫu số of an empty Mẫu số (of a ratio indicator the unit reports) and
        whether it comes from the register (else from last quarter); None when there is none."""
        assert self.grid is not None
        unit, indicator = self.unit_at(row), self.indicator_at(column)
        if indicator.yes_no or not self.grid.reports(unit, indicator):
            return None
        if self.pair_at(row, column).denominator is not None:
            return None
        proposed = self.grid.proposed_denominator(unit, indicator)
        if proposed is None:
            return None
        return proposed, unit.counts.of(indicator.population) is not None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.grid is None:
            return None
        row, column = index.row(), index.column()
        reports = self.reports(row, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if not reports:
                return ""
            if self.is_yes_no(column):
                return self._yes_no_text(row, column)
            pair = self.pair_at(row, column)
            number = pair.denominator if self.is_denominator(column) else pair.numerator
            if role == Qt.ItemDataRole.EditRole:
                return "" if number is None else str(number)  # digits only: pasted back as is
            if number is None and self.is_denominator(column):
                proposed = self.proposed_at(row, column)
                return "" if proposed is None else wording.count(proposed[0])
            text = wording.count(number, "")
            if self.is_denominator(column) and pair.percent is not None:
                return f"{text}  ({wording.percent(pair.percent)})"
            return text
        if role == Qt.ItemDataRole.CheckStateRole:
            if not reports or not self.is_yes_no(column) or self.is_denominator(column):
                return None
            return _TICKS.get(self.pair_at(row, column), Qt.CheckState.PartiallyChecked)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self.is_yes_no(column):
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, column, reports)
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole):
            if not (reports and self.is_denominator(column) and self.proposed_at(row, column)):
                return None
            return PROPOSED if role == Qt.ItemDataRole.ForegroundRole else self._proposed_font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column, reports)
        return None

    def _yes_no_text(self, row: int, column: int) -> str:
        if self.is_denominator(column):
            return ""
        pair = self.pair_at(row, column)
        if pair == YES:
            return t.YES
        if pair == NO:
            return t.NO
        return ""

    def _background(self, row: int, column: int, reports: bool) -> QBrush | None:
        assert self.grid is not None
        if not reports:
            return NOT_REPORTED
        if (row, column) in self._errors:
            return REFUSED
        if self.is_yes_no(column) and self.is_denominator(column):
            return NO_DENOMINATOR
        pair = self.pair_at(row, column)
        if self.key_at(row, column) in self.grid.notes or (
            pair.numerator is not None and pair.denominator is None
        ):
            return WARNED
        return None

    def _tooltip(self, row: int, column: int, reports: bool) -> str | None:
        assert self.grid is not None
        indicator = self.indicator_at(column)
        if not reports:
            return self.closed_reason(row, column)
        if indicator.yes_no:
            lines = [indicator.numerator_label]
            if self.is_denominator(column):
                lines.append(t.YES_NO_DENOMINATOR_TIP.format(indicator=indicator.label))
            else:
                lines.append(t.YES_NO_TIP.format(entry=indicator.entry_label))
                if self.pair_at(row, column) == EMPTY:
                    lines.append(t.YES_NO_EMPTY_TIP)
        else:
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
        proposed = self.proposed_at(row, column) if self.is_denominator(column) else None
        if proposed is not None:
            tip = t.PROPOSED_FROM_REGISTER if proposed[1] else t.PROPOSED_FROM_PREVIOUS
            lines.append(tip.format(count=wording.count(proposed[0])))
        note = self.grid.notes.get(self.key_at(row, column))
        if note:
            lines.append(t.NOTE_TIP.format(note=note))
        return "\n".join(lines)

    def closed_reason(self, row: int, column: int) -> str:
        """Why a unit has no cell of an indicator: its kind is outside the year's scope."""
        assert self.grid is not None
        unit, indicator = self.unit_at(row), self.indicator_at(column)
        year = self.grid.year
        lines = [
            t.NOT_REPORTED_TIP.format(kind=unit.kind.label, indicator=indicator.label, year=year)
        ]
        kinds = [k.label for k in UnitKind if k in indicator.kinds]
        lines.append(
            t.NOT_REPORTED_SCOPE.format(year=year, kinds=", ".join(kinds))
            if kinds
            else t.NOT_REPORTED_NOBODY.format(year=year)
        )
        return "\n".join(lines)

    def why_closed(self, row: int, column: int) -> str | None:
        """What the clerk reads on typing into a cell that takes nothing; None when it is open.
        (A locked quarter has its own message: :meth:`locked_message`.)"""
        if not self.reports(row, column):
            return self.closed_reason(row, column)
        if self.is_yes_no(column) and self.is_denominator(column):
            return t.YES_NO_DENOMINATOR_TIP.format(indicator=self.indicator_at(column).label)
        return None

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
                return t.COLUMN_HEADER.format(label=indicator.label, part=self._part(section))
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._header_tip(section)
            return None
        unit = self.unit_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return t.UNIT_HEADER.format(code=unit.code, name=unit.name)
        if role == Qt.ItemDataRole.ToolTipRole:
            return t.UNIT_HEADER_TIP.format(code=unit.code, name=unit.name, kind=unit.kind.label)
        return None

    def _part(self, section: int) -> str:
        """The second line of a column's header: which half of the pair it holds."""
        if self.is_yes_no(section):
            return t.YES_NO_NO_DENOMINATOR if self.is_denominator(section) else t.YES_NO_HEADER
        return t.DENOMINATOR if self.is_denominator(section) else t.NUMERATOR

    def _header_tip(self, section: int) -> str:
        """The code, the full name and what the column takes, in the plan's words."""
        indicator = self.indicator_at(section)
        if indicator.yes_no:
            if self.is_denominator(section):
                return t.YES_NO_DENOMINATOR_TIP.format(indicator=indicator.label)
            return t.YES_NO_HEADER_TIP.format(
                code=indicator.code,
                name=indicator.name,
                what=indicator.numerator_label,
                entry=indicator.entry_label,
            )
        what = (
            indicator.denominator_label if self.is_denominator(section) else indicator.numerator_label
        )
        return t.HEADER_TIP.format(
            code=indicator.code, name=indicator.name, part=self._part(section), what=what
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or self.grid is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable(index.row(), index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
            if self.is_yes_no(index.column()):
                flags |= Qt.ItemFlag.ItemIsUserCheckable  # space or a click on the box ticks it
        return flags

    # --- changing --------------------------------------------------------------------------
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        ticked = role == Qt.ItemDataRole.CheckStateRole
        if not (ticked or role == Qt.ItemDataRole.EditRole) or not index.isValid():
            return False
        row, column = index.row(), index.column()
        if self.grid is None or not self.editable(row, column):
            return False
        if ticked and not self.is_yes_no(column):
            return False
        unit, indicator = self.unit_at(row), self.indicator_at(column)
        try:
            if ticked:  # the delegate's next state: a tick is "có", no tick "chưa"
                pair = YES if Qt.CheckState(value) == Qt.CheckState.Checked else NO
            else:
                pair = self._typed(row, column, value, self.pair_at(row, column))
        except ValueRefused as error:
            self._refuse({(row, column): str(error)}, str(error))
            return False
        if pair == self.pair_at(row, column):
            self._clear_errors([(row, column)])
            return True
        label = t.UNDO_EDIT.format(indicator=indicator.label, unit=unit.name)
        return self.commit({(row, column): pair}, label)

    def _typed(self, row: int, column: int, value: object, current: Pair) -> Pair:
        """The cell's pair once ``value`` is typed or pasted into (row, column); ValueRefused
        when it is not a value of the cell. A Tử số typed where no Mẫu số is stored takes the
        proposed one (the register's head-count, else last quarter's)."""
        indicator = self.indicator_at(column)
        if indicator.yes_no:
            return parse_yes_no(value, indicator.code)
        what = t.DENOMINATOR if self.is_denominator(column) else t.NUMERATOR
        number = parse_count(value, what)
        pair = self._with(current, column, number)
        if not self.is_denominator(column) and number is not None and pair.denominator is None:
            proposed = self.proposed_at(row, column + 1)
            if proposed is not None:
                pair = Pair(number, proposed[0])
        return pair

    @staticmethod
    def _with(pair: Pair, column: int, number: int | None) -> Pair:
        if column % 2 == 1:
            return Pair(pair.numerator, number)
        return Pair(number, pair.denominator)

    def commit(self, cells: dict[tuple[int, int], Pair], label: str, *, ask: bool = True) -> bool:
        """Save new pairs of cells (row, column) as one undoable step; False when refused.

        One operation, one transaction, one check. When the plan wants a note (a big change
        against last quarter, a Mẫu số far from the register's head-count or unlike another
        indicator's on the same people) and ``ask``, the operation refuses before writing; the
        clerk's note then goes with a second run, and Hủy leaves everything as it was.
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
                note = self.ask_note([self._named(w.key, w.message) for w in needed.warnings])
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

    def _named(self, key: Key, message: str) -> str:
        """A cell's message as the clerk can find the cell: "Tổ dân phố số 5 — DANSO: …"."""
        assert self.grid is not None
        unit = next((u.name for u in self.grid.units if u.id == key[0]), "")
        label = next((i.label for i in self.grid.indicators if i.id == key[1]), "")
        return t.CELL_MESSAGE.format(unit=unit, indicator=label, message=message)

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

    def fill_denominators(self) -> int | None:
        """Điền mẫu số into every empty Mẫu số of the quarter — the register's head-count, else
        last quarter's — in one undoable step; the number filled, None when refused."""
        assert self.grid is not None
        operation = ops.fill_denominators(self.grid.year, self.grid.quarter, t.UNDO_FILL)
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
            if not self.editable(row, column):
                continue
            key = self.key_at(row, column)
            current = by_key.get(key, self.pair_at(row, column))
            # A yes/no cell is the whole pair: cleared, it is no report at all.
            by_key[key] = EMPTY if self.is_yes_no(column) else self._with(current, column, None)
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
        self._propose_pasted(pairs)
        if errors:
            self._refuse(errors, self._describe(errors))
            return False
        if not pairs:
            return False
        return self.commit(pairs, t.UNDO_PASTE.format(count=rows * columns))

    def _paste_cell(
        self, row: int, column: int, text: str, pairs: dict[tuple[int, int], Pair]
    ) -> str | None:
        assert self.grid is not None
        indicator = self.indicator_at(column)
        if not self.reports(row, column):
            if not text.strip():
                return None
            unit = self.unit_at(row)
            return t.PASTE_NOT_REPORTED.format(
                unit=unit.kind.label, indicator=indicator.label, year=self.grid.year
            )
        cell = (row, 2 * (column // 2))
        if indicator.yes_no:
            if self.is_denominator(column):
                # A block copied from the grid or from a form carries "" or 1 here: both mean
                # what the cell always holds.
                if text.strip() in ("", "1"):
                    return None
                return t.YES_NO_PASTE_DENOMINATOR.format(
                    indicator=indicator.label, text=text.strip()
                )
            try:
                pairs[cell] = parse_yes_no(text, indicator.code)
            except ValueRefused as error:
                return str(error)
            return None
        what = t.DENOMINATOR if self.is_denominator(column) else t.NUMERATOR
        try:
            number = parse_count(text, what)
        except ValueRefused as error:
            return str(error)
        pairs[cell] = self._with(pairs.get(cell, self.pair_at(row, column)), column, number)
        return None

    def _propose_pasted(self, pairs: dict[tuple[int, int], Pair]) -> None:
        """A pasted Tử số whose pair has no Mẫu số (none stored, none pasted) takes the proposed
        one, as a typed Tử số does."""
        for (row, column), pair in pairs.items():
            if self.is_yes_no(column) or pair.numerator is None or pair.denominator is not None:
                continue
            proposed = self.proposed_at(row, column + 1)
            if proposed is not None:
                pairs[(row, column)] = Pair(pair.numerator, proposed[0])


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
