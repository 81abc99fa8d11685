"""Quarterly entry (nhập số liệu quý): the grid of units × indicators, checked and saved at once.

Every change goes through :func:`check_batch` then :func:`write_values` (together:
:func:`save_values`) in the caller's single transaction, so a batch (a paste, an undo, copied
denominators, an imported workbook) is checked once and saved whole or not at all. A locked quarter
(chốt số liệu) refuses every change; changes after an unlock carry the unlock reason into the audit
log, from which :mod:`desktop.indicators.lock` prints the correction note. The window and the
command line reach these through :mod:`desktop.indicators.ops`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from desktop.indicators.lock import LockState, QuarterLocked, correction_reason, lock_state
from desktop.indicators.results import QUARTERS, active_indicators
from desktop.indicators.rules import (
    EMPTY,
    Pair,
    ValueRefused,
    change_warning,
    pair_error,
    previous_period,
)
from desktop.models import Indicator, QuarterValue, Unit, UnitKind
from desktop.models._base import stored_id
from desktop.models.ids import IndicatorId, UnitId, saved_id
from desktop.settings import load_settings
from desktop.storage.hooks import set_audit_reason
from desktop.text import sort_key

Key = tuple[UnitId, IndicatorId]  # one cell of the grid: (đơn vị, chỉ tiêu)


@dataclass(frozen=True)
class GridUnit:
    id: UnitId
    code: str
    name: str
    kind: UnitKind


@dataclass(frozen=True)
class GridIndicator:
    id: IndicatorId
    code: str
    name: str
    numerator_label: str
    denominator_label: str
    kinds: frozenset[UnitKind]


@dataclass
class QuarterGrid:
    """Bảng nhập số liệu một quý: the units expected to report, the indicators and their values."""

    year: int
    quarter: int
    units: list[GridUnit]
    indicators: list[GridIndicator]
    values: dict[Key, Pair]
    notes: dict[Key, str]
    locked: bool

    def reports(self, unit: GridUnit, indicator: GridIndicator) -> bool:
        return unit.kind in indicator.kinds

    def value(self, unit_id: UnitId, indicator_id: IndicatorId) -> Pair:
        return self.values.get((unit_id, indicator_id), EMPTY)


@dataclass(frozen=True)
class ValueChange:
    """One cell to set; ``note`` None keeps the stored note."""

    unit_id: UnitId
    indicator_id: IndicatorId
    pair: Pair
    note: str | None = None

    @property
    def key(self) -> Key:
        return (self.unit_id, self.indicator_id)


@dataclass(frozen=True)
class CellProblem:
    unit_id: UnitId
    indicator_id: IndicatorId
    message: str

    @property
    def key(self) -> Key:
        return (self.unit_id, self.indicator_id)


class CellsRefused(ValueRefused):
    """Some cells of a batch are wrong; nothing was saved. ``cells`` names each cell and its rule;
    the message lists them for the clerk."""

    def __init__(self, cells: list[CellProblem], describe: str) -> None:
        super().__init__(describe)
        self.cells = cells


@dataclass
class ValueCheck:
    problems: list[CellProblem] = field(default_factory=list)
    warnings: list[CellProblem] = field(default_factory=list)


def check_period(year: int, quarter: int) -> None:
    if quarter not in QUARTERS:
        raise ValueRefused(f"Quý phải từ 1 đến 4 (đã nhập {quarter}).")
    if not 2000 <= year <= 2100:
        raise ValueRefused(f"Năm {year} không hợp lệ.")


def grid_indicators(session: Session) -> list[GridIndicator]:
    return [_grid_indicator(i) for i in active_indicators(session)]


def _grid_indicator(indicator: Indicator) -> GridIndicator:
    kinds = frozenset(
        UnitKind(k) for k in indicator.unit_kind_list if k in UnitKind._value2member_map_
    )
    return GridIndicator(
        IndicatorId(saved_id(indicator.id)),
        indicator.code,
        indicator.name,
        indicator.numerator_label,
        indicator.denominator_label,
        kinds,
    )


def grid_units(session: Session, indicators: Sequence[GridIndicator]) -> list[GridUnit]:
    """Active units whose kind reports at least one indicator, in Vietnamese name order."""
    kinds = set().union(*(i.kinds for i in indicators)) if indicators else set()
    rows = session.exec(
        select(stored_id(Unit.id), Unit.code, Unit.name, Unit.kind).where(
            col(Unit.active).is_(True)
        )
    ).all()
    units = [
        GridUnit(UnitId(uid), code, name, UnitKind(kind)) for uid, code, name, kind in rows
    ]
    units = [u for u in units if u.kind in kinds]
    units.sort(key=lambda u: (sort_key(u.name), u.code))
    return units


def load_grid(
    session: Session, year: int, quarter: int, *, with_values: bool = True
) -> QuarterGrid:
    """The quarter's grid; ``with_values=False`` leaves ``values`` empty for a caller that reads
    them a screenful at a time with :func:`grid_values` (a 5,000-unit ward opens at once)."""
    check_period(year, quarter)
    indicators = grid_indicators(session)
    units = grid_units(session, indicators)
    values: dict[Key, Pair] = {}
    notes: dict[Key, str] = {}
    if with_values:
        values, notes = grid_values(session, year, quarter, None)
    locked = lock_state(session, year, quarter).locked
    return QuarterGrid(year, quarter, units, indicators, values, notes, locked)


def grid_values(
    session: Session, year: int, quarter: int, unit_ids: Sequence[UnitId] | None
) -> tuple[dict[Key, Pair], dict[Key, str]]:
    """Pairs and notes of the quarter, of every unit or only of ``unit_ids``."""
    values: dict[Key, Pair] = {}
    notes: dict[Key, str] = {}
    # sqlmodel's select() is typed for at most four columns; Select() is what it builds for more.
    columns: Select[UnitId, IndicatorId, int | None, int | None, str] = Select(
        col(QuarterValue.unit_id),
        col(QuarterValue.indicator_id),
        col(QuarterValue.numerator),
        col(QuarterValue.denominator),
        col(QuarterValue.note),
    )
    statement = columns.where(QuarterValue.year == year, QuarterValue.quarter == quarter)
    batches = (
        [None]
        if unit_ids is None
        else [list(unit_ids[i : i + 500]) for i in range(0, len(unit_ids), 500)]
    )
    for batch in batches:
        chosen = (
            statement if batch is None else statement.where(col(QuarterValue.unit_id).in_(batch))
        )
        for uid, iid, numerator, denominator, note in session.exec(chosen):
            values[(uid, iid)] = Pair(numerator, denominator)
            if note:
                notes[(uid, iid)] = note
    return values, notes


def stored_pairs(session: Session, year: int, quarter: int, keys: Iterable[Key]) -> dict[Key, Pair]:
    """The stored pairs of ``keys`` (missing keys are absent), in a few queries whatever the count."""
    return {
        key: Pair(row.numerator, row.denominator)
        for key, row in _rows(session, year, quarter, keys).items()
    }


def _rows(
    session: Session, year: int, quarter: int, keys: Iterable[Key]
) -> dict[Key, QuarterValue]:
    wanted = set(keys)
    if not wanted:
        return {}
    unit_ids = sorted({u for u, _ in wanted})
    indicator_ids = sorted({i for _, i in wanted})
    found: dict[Key, QuarterValue] = {}
    # SQLite limits bound parameters; 500 units a query stays well under it.
    for start in range(0, len(unit_ids), 500):
        statement = select(QuarterValue).where(
            QuarterValue.year == year,
            QuarterValue.quarter == quarter,
            col(QuarterValue.unit_id).in_(unit_ids[start : start + 500]),
            col(QuarterValue.indicator_id).in_(indicator_ids),
        )
        for row in session.exec(statement):
            key = (UnitId(row.unit_id), IndicatorId(row.indicator_id))
            if key in wanted:
                found[key] = row
    return found


def check_values(
    session: Session, year: int, quarter: int, changes: Sequence[ValueChange]
) -> ValueCheck:
    """Errors (refuse) and warnings (ask for a note) of a batch, without saving anything."""
    check_period(year, quarter)
    result = ValueCheck()
    indicators = {i.id: i for i in grid_indicators(session)}
    unit_ids = sorted({c.unit_id for c in changes})
    units: dict[int, tuple[UnitKind, bool]] = {}
    for start in range(0, len(unit_ids), 500):
        rows = session.exec(
            select(stored_id(Unit.id), Unit.kind, Unit.active).where(
                col(Unit.id).in_(unit_ids[start : start + 500])
            )
        )
        units.update({uid: (UnitKind(kind), active) for uid, kind, active in rows})
    threshold = load_settings(session).change_warning_points
    previous = stored_pairs(session, *previous_period(year, quarter), (c.key for c in changes))
    for change in changes:
        message = _cell_error(change, units, indicators)
        if message:
            result.problems.append(CellProblem(change.unit_id, change.indicator_id, message))
            continue
        warning = change_warning(previous.get(change.key), change.pair, threshold)
        if warning:
            result.warnings.append(CellProblem(change.unit_id, change.indicator_id, warning))
    return result


def _cell_error(
    change: ValueChange,
    units: dict[int, tuple[UnitKind, bool]],
    indicators: dict[IndicatorId, GridIndicator],
) -> str | None:
    unit = units.get(change.unit_id)
    indicator = indicators.get(change.indicator_id)
    if unit is None or not unit[1]:
        return "Đơn vị không còn trong danh sách đơn vị đang hoạt động."
    if indicator is None:
        return "Chỉ tiêu không còn được theo dõi."
    if unit[0] not in indicator.kinds:
        return f"{unit[0].label} không báo cáo chỉ tiêu {indicator.code}."
    return pair_error(change.pair)


def open_for_changes(session: Session, year: int, quarter: int) -> LockState:
    """The quarter's lock state, or :class:`QuarterLocked` when it is locked (chốt)."""
    check_period(year, quarter)
    state = lock_state(session, year, quarter)
    if state.locked:
        raise QuarterLocked(year, quarter)
    return state


def check_batch(
    session: Session, year: int, quarter: int, changes: Sequence[ValueChange]
) -> tuple[LockState, ValueCheck]:
    """Every check of a batch about to be saved, run once: the quarter must be open and every
    cell right (else :class:`QuarterLocked` / :class:`CellsRefused`); returns the lock state and
    the check, whose ``warnings`` the caller may want a note for."""
    state = open_for_changes(session, year, quarter)
    check = check_values(session, year, quarter, changes)
    if check.problems:
        raise CellsRefused(check.problems, _describe(session, check.problems))
    return state, check


def write_values(
    session: Session,
    year: int,
    quarter: int,
    changes: Sequence[ValueChange],
    state: LockState,
) -> dict[Key, Pair]:
    """Write a batch that :func:`check_batch` passed; returns the pairs it replaces (for Ctrl+Z)."""
    if state.reopened:
        set_audit_reason(session, correction_reason(year, quarter, state.unlock_reason))
    rows = _rows(session, year, quarter, (c.key for c in changes))
    before: dict[Key, Pair] = {}
    for change in changes:
        key = change.key
        row = rows.get(key)
        before.setdefault(key, EMPTY if row is None else Pair(row.numerator, row.denominator))
        if row is None:
            if change.pair.empty and not change.note:
                continue
            row = QuarterValue(unit_id=key[0], indicator_id=key[1], year=year, quarter=quarter)
            rows[key] = row
        row.numerator = change.pair.numerator
        row.denominator = change.pair.denominator
        if change.note is not None:
            row.note = change.note
        session.add(row)
    session.flush()
    return before


def save_values(
    session: Session, year: int, quarter: int, changes: Sequence[ValueChange]
) -> dict[Key, Pair]:
    """Check and save a batch in the caller's transaction; returns the pairs they replace.

    Raises :class:`QuarterLocked` for a locked quarter and :class:`CellsRefused` when any cell is
    wrong — in both cases nothing is written. Warnings do not stop it (see
    :func:`desktop.indicators.ops.save_cells` for the note they ask for).
    """
    state, _check = check_batch(session, year, quarter, changes)
    return write_values(session, year, quarter, changes, state)


def _describe(session: Session, problems: list[CellProblem], limit: int = 8) -> str:
    names = dict(
        session.exec(
            select(Unit.id, Unit.name).where(
                col(Unit.id).in_({p.unit_id for p in problems[:limit]})
            )
        ).all()
    )
    codes = dict(session.exec(select(Indicator.id, Indicator.code)).all())
    lines = [
        f"• {names.get(p.unit_id, p.unit_id)} — {codes.get(p.indicator_id, p.indicator_id)}: {p.message}"
        for p in problems[:limit]
    ]
    if len(problems) > limit:
        lines.append(f"… và {len(problems) - limit} ô khác.")
    return "Không lưu được; số liệu giữ nguyên:\n" + "\n".join(lines)


def save_value(
    session: Session,
    year: int,
    quarter: int,
    unit_id: UnitId,
    indicator_id: IndicatorId,
    pair: Pair,
    note: str | None = None,
) -> Pair:
    """Save one cell; returns the pair it replaced."""
    before = save_values(session, year, quarter, [ValueChange(unit_id, indicator_id, pair, note)])
    return before[(unit_id, indicator_id)]


def previous_denominators(session: Session, year: int, quarter: int) -> list[ValueChange]:
    """Mẫu số quý trước: for each expected cell of this quarter without a denominator, the previous
    quarter's denominator (the numerator stays as it is). Nothing is saved here."""
    check_period(year, quarter)
    grid = load_grid(session, year, quarter)
    py, pq = previous_period(year, quarter)
    previous = session.exec(
        select(QuarterValue.unit_id, QuarterValue.indicator_id, QuarterValue.denominator).where(
            QuarterValue.year == py,
            QuarterValue.quarter == pq,
            col(QuarterValue.denominator) > 0,
        )
    )
    previous_by_key = {(u, i): d for u, i, d in previous}
    changes = []
    for unit in grid.units:
        for indicator in grid.indicators:
            if not grid.reports(unit, indicator):
                continue
            current = grid.value(unit.id, indicator.id)
            denominator = previous_by_key.get((unit.id, indicator.id))
            if current.denominator is None and denominator:
                numerator = current.numerator
                if numerator is not None and numerator > denominator:
                    continue  # would be refused; leave the cell for the clerk
                changes.append(ValueChange(unit.id, indicator.id, Pair(numerator, denominator)))
    return changes
