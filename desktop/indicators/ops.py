"""The operations of the indicators capability, run through the one door (:mod:`desktop.changes`).

Each function takes plain inputs and returns an :data:`~desktop.changes.Operation`: one
transaction that checks once, writes (the audit rows go with it) and says what changed:

* ``Area.VALUES`` — số liệu quý and chốt số liệu, with the ids of the units whose values changed
  (no ids: the whole quarter, as a lock or an unlock);
* ``Area.INDICATORS`` — the catalogue (chỉ tiêu, chỉ tiêu năm), with the indicator's id.

What the clerk types, pastes or imports into the grid can be taken back: those operations carry an
:class:`~desktop.changes.Undo` of the scope :data:`SCOPE` ("values") that writes the old pairs back
(checked like any save, so a quarter locked meanwhile refuses it).

A change that the plan only warns about (cảnh báo thay đổi lớn: a jump of more than the threshold
against last quarter) needs the clerk's note: :func:`save_cells` then refuses with
:class:`NoteNeeded` before writing anything, and the window asks for the note and runs the
operation again with it — an ordinary edit stays one transaction and one check.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from desktop.changes import Area, Change, Done, Operation, Undo
from desktop.errors import Refusal
from desktop.indicators import lock, targets
from desktop.indicators.rules import Pair
from desktop.indicators.values import (
    CellProblem,
    Key,
    ValueChange,
    check_batch,
    proposed_denominators,
    write_values,
)
from desktop.models import Comparison, UnitKind, periods
from desktop.models.ids import IndicatorId, UnitId, saved_id
from desktop.text import wording

if TYPE_CHECKING:
    from sqlmodel import Session


SCOPE = "values"
NOTE_NEEDED = (
    "Có ô cần ghi chú lý do (thay đổi lớn so với quý trước, hoặc mẫu số khác sổ đơn vị); "
    "hãy ghi chú rồi lưu lại."
)
IMPORT_LABEL = "nhập {values} ô số liệu từ {files} tệp"


class NoteNeeded(Refusal):
    """The batch is right but some cells moved more than the warning threshold since last quarter;
    nothing was saved. ``warnings`` names the cells; run :func:`save_cells` again with a note."""

    def __init__(self, warnings: list[CellProblem]) -> None:
        super().__init__(NOTE_NEEDED, [w.message for w in warnings])
        self.warnings = warnings


@dataclass(frozen=True)
class SavedCells:
    """What a save wrote: the pairs before and after, and the notes it set, per cell."""

    year: int
    quarter: int
    before: dict[Key, Pair] = field(default_factory=dict)
    after: dict[Key, Pair] = field(default_factory=dict)
    notes: dict[Key, str] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.after)


def values_changed(unit_ids: Iterable[UnitId]) -> Change:
    return Change.of(Area.VALUES, *sorted(set(unit_ids)))


def save_cells(
    year: int,
    quarter: int,
    changes: Sequence[ValueChange],
    label: str,
    *,
    note: str | None = None,
    ask_note: bool = True,
) -> Operation[SavedCells]:
    """Save cells of the grid as one undoable step named ``label``.

    Refuses with :class:`~desktop.indicators.lock.QuarterLocked` or
    :class:`~desktop.indicators.values.CellsRefused`; with ``ask_note`` and no ``note``, a batch
    that raises change warnings is refused with :class:`NoteNeeded`. ``note`` (even "") is written
    on the warned cells. ``ask_note=False`` saves despite warnings (Delete, copied denominators).
    """

    def operation(session: Session) -> Done[SavedCells]:
        state, check = check_batch(session, year, quarter, changes)
        if check.warnings and ask_note and note is None:
            raise NoteNeeded(check.warnings)
        noted = _with_note(changes, {w.key for w in check.warnings}, note)
        before = write_values(session, year, quarter, noted, state)
        return _saved(year, quarter, noted, before, label)

    return operation


def _with_note(
    changes: Sequence[ValueChange], warned: set[Key], note: str | None
) -> list[ValueChange]:
    if note is None:
        return list(changes)
    return [
        ValueChange(c.unit_id, c.indicator_id, c.pair, note) if c.key in warned else c
        for c in changes
    ]


def _saved(
    year: int,
    quarter: int,
    changes: Sequence[ValueChange],
    before: dict[Key, Pair],
    label: str,
) -> Done[SavedCells]:
    after = {c.key: c.pair for c in changes}
    notes = {c.key: c.note for c in changes if c.note}
    saved = SavedCells(year, quarter, before, after, notes)
    undo = Undo(
        SCOPE,
        label,
        _write_back(year, quarter, [ValueChange(k[0], k[1], p) for k, p in before.items()]),
        _write_back(year, quarter, list(changes)),
    )
    return Done(saved, values_changed(k[0] for k in after), undo)


def _write_back(year: int, quarter: int, changes: Sequence[ValueChange]) -> Operation[SavedCells]:
    """Undo or redo of a save: the same checks, no question about warnings, no undo of its own."""

    def operation(session: Session) -> Done[SavedCells]:
        state, _check = check_batch(session, year, quarter, changes)
        before = write_values(session, year, quarter, changes, state)
        after = {c.key: c.pair for c in changes}
        saved = SavedCells(year, quarter, before, after, {c.key: c.note for c in changes if c.note})
        return Done(saved, values_changed(k[0] for k in after))

    return operation


def fill_denominators(
    year: int,
    quarter: int,
    label: str,
    unit_ids: Sequence[UnitId] | None = None,
    *,
    replace: bool = False,
) -> Operation[SavedCells]:
    """Điền mẫu số: the proposed Mẫu số (the register's head-count, else last quarter's) into every
    empty Mẫu số of the quarter — of ``unit_ids``, or all — or, with ``replace``, into every one
    that differs (after a head-count changed in the register). One undoable step; nothing to fill
    gives an empty :class:`SavedCells` and no change.
    """

    def operation(session: Session) -> Done[SavedCells]:
        changes = proposed_denominators(session, year, quarter, unit_ids, replace=replace)
        if not changes:
            return Done(SavedCells(year, quarter))
        return save_cells(year, quarter, changes, label, ask_note=False)(session)

    return operation


def copy_previous_denominators(year: int, quarter: int, label: str) -> Operation[SavedCells]:
    """Chép mẫu số into every empty Mẫu số of the quarter: :func:`fill_denominators`."""
    return fill_denominators(year, quarter, label)


class LockIncomplete(Refusal):
    """Some units have not reported the quarter: locking it would fix results without them.
    Nothing was locked; lock again with ``allow_incomplete`` once the clerk has agreed."""


def lock_quarter(
    year: int, quarter: int, *, today: date | None = None, allow_incomplete: bool = False
) -> Operation[None]:
    """Chốt số liệu quý. A quarter that has not started cannot be locked; one whose indicators
    are not all reported by every unit expected is refused with :class:`LockIncomplete` unless
    ``allow_incomplete``."""

    def operation(session: Session) -> Done[None]:
        from desktop.indicators.results import ward_results

        lock.check_can_lock(session, year, quarter, today or periods.today())
        if not allow_incomplete:
            short = [
                r
                for r in ward_results(session, year, quarter, name_missing=False)
                if r.target is not None and r.reported_units < r.expected_units
            ]
            if short:
                raise LockIncomplete(
                    f"Quý {quarter}/{year} còn đơn vị chưa báo cáo; chốt bây giờ thì kết quả của "
                    "quý sẽ thiếu số liệu của các đơn vị đó.",
                    [
                        f"{r.code}: {wording.count(r.reported_units)}/"
                        f"{wording.count(r.expected_units)} đơn vị đã báo cáo"
                        for r in short
                    ],
                )
        lock.lock_quarter(session, year, quarter)
        return Done(None, Change.of(Area.VALUES))

    return operation


def unlock_quarter(year: int, quarter: int, reason: str) -> Operation[None]:
    """Mở chốt with the clerk's reason (written to the audit log)."""

    def operation(session: Session) -> Done[None]:
        lock.unlock_quarter(session, year, quarter, reason)
        return Done(None, Change.of(Area.VALUES))

    return operation


def save_indicator(data: targets.IndicatorInput) -> Operation[IndicatorId]:
    """Thêm hoặc sửa một chỉ tiêu; the grid gains or loses its columns."""

    def operation(session: Session) -> Done[IndicatorId]:
        indicator_id = IndicatorId(saved_id(targets.save_indicator(session, data).id))
        return Done(indicator_id, Change.of(Area.INDICATORS, indicator_id))

    return operation


def set_target(
    indicator_id: IndicatorId,
    year: int,
    percent: float | None,
    text: str = "",
    *,
    comparison: Comparison | None = None,
    unit_kinds: Sequence[UnitKind] | None = None,
) -> Operation[None]:
    """Đặt chỉ tiêu năm (``percent`` None removes it); see :func:`targets.set_target`."""

    def operation(session: Session) -> Done[None]:
        targets.set_target(
            session,
            indicator_id,
            year,
            percent,
            text,
            comparison=comparison,
            unit_kinds=unit_kinds,
        )
        return Done(None, Change.of(Area.INDICATORS, indicator_id))

    return operation


def import_file(
    changes: Sequence[ValueChange], year: int, quarter: int
) -> Operation[dict[Key, Pair]]:
    """Save one returned workbook's cells, whole or not at all; returns the pairs they replace.

    No undo and no announcement of its own: :func:`record_import` gives the files saved together
    one undoable step and one change (see :mod:`desktop.indicators.returned`).
    """

    def operation(session: Session) -> Done[dict[Key, Pair]]:
        state, _check = check_batch(session, year, quarter, changes)
        return Done(write_values(session, year, quarter, changes, state))

    return operation


def record_import(
    year: int,
    quarter: int,
    saved: Sequence[ValueChange],
    before: dict[Key, Pair],
    files: int,
) -> Operation[int]:
    """The files of one import, saved each in its own transaction, as one undoable step: writes
    nothing, hands the door the undo of them all and the change to announce."""

    def operation(session: Session) -> Done[int]:
        label = IMPORT_LABEL.format(values=wording.count(len(saved)), files=wording.count(files))
        done = _saved(year, quarter, saved, before, label)
        return Done(len(saved), done.change, done.undo)

    return operation
