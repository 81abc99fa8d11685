"""Quarterly entry (nhập số liệu quý): the grid of units × indicators, checked and saved at once.

Every change goes through :func:`check_batch` then :func:`write_values` (together:
:func:`save_values`) in the caller's single transaction, so a batch (a paste, an undo, copied
denominators, an imported workbook) is checked once and saved whole or not at all. A locked quarter
(chốt số liệu) refuses every change; changes after an unlock carry the unlock reason into the audit
log, from which :mod:`desktop.indicators.lock` prints the correction note. The window and the
command line reach these through :mod:`desktop.indicators.ops`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, Self, TypeVar

from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from desktop.indicators.catalogue import entry_label
from desktop.indicators.denominators import (
    HeadCounts,
    proposed_denominator,
    register_warning,
    shared_warning,
)
from desktop.indicators.lock import LockState, QuarterLocked, correction_reason, lock_state
from desktop.indicators.rules import (
    EMPTY,
    Pair,
    ValueRefused,
    change_warning,
    pair_error,
    previous_period,
    yes_no_error,
)
from desktop.indicators.scope import YearScope, check_plan_period, expected_in, year_scopes
from desktop.models import Indicator, QuarterValue, Unit, UnitKind
from desktop.models._base import stored_id
from desktop.models.ids import IndicatorId, UnitId
from desktop.models.periods import period_code, quarter_text
from desktop.settings import WardSettings, load_settings
from desktop.storage.hooks import set_audit_reason
from desktop.text import sort_key

Key = tuple[UnitId, IndicatorId]  # one cell of the grid: (đơn vị, chỉ tiêu)


@dataclass(frozen=True)
class GridUnit:
    id: UnitId
    code: str
    name: str
    kind: UnitKind
    counts: HeadCounts = HeadCounts()  # the register's head-counts: the proposed Mẫu số


@dataclass(frozen=True)
class GridIndicator:
    id: IndicatorId
    code: str
    name: str
    numerator_label: str
    denominator_label: str
    kinds: frozenset[UnitKind]  # the unit kinds the year's target covers
    population: str = ""
    yes_no: bool = False  # có / chưa per unit, stored as 1/1 or 0/1
    short_name: str = ""  # tên ngắn: the column's title
    entry_label: str = ""  # what is entered, in the plan's words: "1 = có, 0 = chưa"

    @property
    def label(self) -> str:
        """What the grid heads the indicator's columns with: the short name, else the name."""
        return self.short_name or self.name


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
    # Mẫu số of the previous quarter, read with the values: proposed where the register has none.
    previous: dict[Key, int] = field(default_factory=dict)

    def reports(self, unit: GridUnit, indicator: GridIndicator) -> bool:
        return unit.kind in indicator.kinds

    def value(self, unit_id: UnitId, indicator_id: IndicatorId) -> Pair:
        return self.values.get((unit_id, indicator_id), EMPTY)

    def proposed_denominator(self, unit: GridUnit, indicator: GridIndicator) -> int | None:
        """Mẫu số đề xuất of an empty cell: 1 for a yes/no, the register's count, else last
        quarter's (see :mod:`desktop.indicators.denominators`)."""
        if indicator.yes_no:
            return 1
        return proposed_denominator(
            unit.counts, indicator.population, self.previous.get((unit.id, indicator.id))
        )


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


def check_period(
    session: Session, year: int, quarter: int, settings: WardSettings | None = None
) -> None:
    """Refuse a quarter outside the plan's years (Cài đặt) or not 1–4."""
    check_plan_period(session, year, quarter, settings)


def grid_indicators(session: Session, year: int) -> list[GridIndicator]:
    """The active indicators as ``year`` measures them (its target's unit kinds)."""
    return [grid_indicator(s) for s in year_scopes(session, year)]


def grid_indicator(scope: YearScope) -> GridIndicator:
    return GridIndicator(
        scope.indicator_id,
        scope.code,
        scope.name,
        scope.numerator_label,
        scope.denominator_label,
        scope.kinds,
        scope.population,
        scope.yes_no,
        scope.short_name,
        entry_label(scope.value_kind),
    )


def grid_units(
    session: Session, indicators: Sequence[GridIndicator], period: int
) -> list[GridUnit]:
    """Units expected in ``period`` whose kind reports at least one indicator, in Vietnamese name
    order, with their head-counts."""
    kinds = set().union(*(i.kinds for i in indicators)) if indicators else set()
    columns: Select[int, str, str, UnitKind, int | None, int | None, int | None, int | None] = (
        Select(
            stored_id(Unit.id),
            col(Unit.code),
            col(Unit.name),
            col(Unit.kind),
            col(Unit.staff_count),
            col(Unit.student_count),
            col(Unit.adult_count),
            col(Unit.worker_count),
        )
    )
    rows = session.exec(columns.where(expected_in(period))).all()
    units = [
        GridUnit(UnitId(uid), code, name, UnitKind(kind), HeadCounts(staff, students, adults, workers))
        for uid, code, name, kind, staff, students, adults, workers in rows
        if kind in kinds
    ]
    units.sort(key=lambda u: (sort_key(u.name), u.code))
    return units


def load_grid(
    session: Session, year: int, quarter: int, *, with_values: bool = True
) -> QuarterGrid:
    """The quarter's grid; ``with_values=False`` leaves ``values`` empty for a caller that reads
    them a screenful at a time with :func:`grid_values` (a 5,000-unit ward opens at once)."""
    check_period(session, year, quarter)
    indicators = grid_indicators(session, year)
    units = grid_units(session, indicators, period_code(year, quarter))
    grid = QuarterGrid(year, quarter, units, indicators, {}, {}, False)
    if with_values:
        grid.values, grid.notes = grid_values(session, year, quarter, None)
        grid.previous = previous_denominators_of(session, year, quarter, None)
    grid.locked = lock_state(session, year, quarter).locked
    return grid


class _Filtered(Protocol):
    def where(self, *clauses: Any) -> Self: ...


S = TypeVar("S", bound=_Filtered)


def _of_units(statement: S, unit_ids: Sequence[UnitId] | None) -> Iterator[S]:
    """The statement over every unit, or over ``unit_ids`` in batches of 500 (SQLite limits the
    bound parameters of one statement)."""
    if unit_ids is None:
        yield statement
        return
    for start in range(0, len(unit_ids), 500):
        yield statement.where(col(QuarterValue.unit_id).in_(unit_ids[start : start + 500]))


def previous_denominators_of(
    session: Session, year: int, quarter: int, unit_ids: Sequence[UnitId] | None
) -> dict[Key, int]:
    """Mẫu số quý trước of every unit, or of ``unit_ids``."""
    py, pq = previous_period(year, quarter)
    statement = select(
        QuarterValue.unit_id, QuarterValue.indicator_id, QuarterValue.denominator
    ).where(QuarterValue.year == py, QuarterValue.quarter == pq, col(QuarterValue.denominator) > 0)
    found: dict[Key, int] = {}
    for chosen in _of_units(statement, unit_ids):
        for uid, iid, denominator in session.exec(chosen):
            found[(UnitId(uid), IndicatorId(iid))] = int(denominator or 0)
    return found


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
    for chosen in _of_units(statement, unit_ids):
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


@dataclass(frozen=True)
class _UnitFacts:
    kind: UnitKind
    reports_from: int
    stopped_from: int | None
    counts: HeadCounts


def check_values(
    session: Session,
    year: int,
    quarter: int,
    changes: Sequence[ValueChange],
    settings: WardSettings | None = None,
) -> ValueCheck:
    """Errors (refuse) and warnings (ask for a note) of a batch, without saving anything.

    Warnings: a big change against last quarter; a Mẫu số far from the register's head-count; a
    Mẫu số that differs from another indicator's measured on the same people of the unit. The last
    two are not raised again for a cell that already carries a note.
    """
    settings = settings or load_settings(session)
    check_period(session, year, quarter, settings)
    result = ValueCheck()
    indicators = {i.id: i for i in grid_indicators(session, year)}
    units = _unit_facts(session, sorted({c.unit_id for c in changes}))
    keys = [c.key for c in changes]
    previous = stored_pairs(session, *previous_period(year, quarter), keys)
    stored = _rows(session, year, quarter, _with_siblings(keys, indicators))
    batch = {c.key: c for c in changes}
    period = period_code(year, quarter)
    for change in changes:
        message = _cell_error(change, units.get(change.unit_id), indicators, period)
        if message:
            result.problems.append(CellProblem(change.unit_id, change.indicator_id, message))
            continue
        warning = change_warning(
            previous.get(change.key), change.pair, settings.change_warning_points
        )
        row = stored.get(change.key)
        noted = bool(change.note) or (change.note is None and row is not None and bool(row.note))
        if warning is None and not noted:
            warning = _denominator_warning(
                change, units[change.unit_id], indicators, batch, stored,
                settings.denominator_tolerance_percent,
            )
        if warning:
            result.warnings.append(CellProblem(change.unit_id, change.indicator_id, warning))
    return result


def _unit_facts(session: Session, unit_ids: list[UnitId]) -> dict[int, _UnitFacts]:
    facts: dict[int, _UnitFacts] = {}
    for start in range(0, len(unit_ids), 500):
        rows = session.exec(
            select(Unit).where(col(Unit.id).in_(unit_ids[start : start + 500]))
        )
        for unit in rows:
            facts[unit.id or 0] = _UnitFacts(
                UnitKind(unit.kind),
                unit.reports_from,
                unit.stopped_from,
                HeadCounts(
                    unit.staff_count, unit.student_count, unit.adult_count, unit.worker_count
                ),
            )
    return facts


def _with_siblings(keys: list[Key], indicators: dict[IndicatorId, GridIndicator]) -> list[Key]:
    """The cells of a batch and, for each, the same unit's cells measured on the same people."""
    by_population: dict[str, list[IndicatorId]] = {}
    for indicator in indicators.values():
        if indicator.population and not indicator.yes_no:
            by_population.setdefault(indicator.population, []).append(indicator.id)
    wanted = set(keys)
    for unit_id, indicator_id in keys:
        found = indicators.get(indicator_id)
        if found is not None:
            wanted.update((unit_id, i) for i in by_population.get(found.population, []))
    return list(wanted)


def _denominator_warning(
    change: ValueChange,
    unit: _UnitFacts,
    indicators: dict[IndicatorId, GridIndicator],
    batch: dict[Key, ValueChange],
    stored: dict[Key, QuarterValue],
    tolerance: int,
) -> str | None:
    indicator = indicators[change.indicator_id]
    if indicator.yes_no:
        return None
    denominator = change.pair.denominator
    warning = register_warning(denominator, unit.counts, indicator.population, tolerance)
    if warning:
        return warning
    others: list[tuple[str, int | None]] = []
    for other in indicators.values():
        if (
            other.id == indicator.id
            or other.population != indicator.population
            or other.yes_no
            or unit.kind not in other.kinds
        ):
            continue
        key = (change.unit_id, other.id)
        if key in batch:
            others.append((other.code, batch[key].pair.denominator))
        elif key in stored:
            others.append((other.code, stored[key].denominator))
    return shared_warning(denominator, indicator.population, others)


def _cell_error(
    change: ValueChange,
    unit: _UnitFacts | None,
    indicators: dict[IndicatorId, GridIndicator],
    period: int,
) -> str | None:
    indicator = indicators.get(change.indicator_id)
    if unit is None:
        return "Không tìm thấy đơn vị."
    if unit.stopped_from is not None and period >= unit.stopped_from:
        return f"Đơn vị đã ngừng báo cáo từ {quarter_text(unit.stopped_from)}."
    if period < unit.reports_from:
        return (
            f"Đơn vị báo cáo từ {quarter_text(unit.reports_from)} "
            "(sửa “Báo cáo từ quý” trong sổ đơn vị nếu đơn vị đã báo cáo sớm hơn)."
        )
    if indicator is None:
        return "Chỉ tiêu không còn được theo dõi."
    if unit.kind not in indicator.kinds:
        return f"{unit.kind.label} không báo cáo chỉ tiêu {indicator.code} trong năm này."
    if indicator.yes_no:
        return yes_no_error(indicator.code, change.pair)
    return pair_error(change.pair)


def open_for_changes(
    session: Session, year: int, quarter: int, settings: WardSettings | None = None
) -> LockState:
    """The quarter's lock state, or :class:`QuarterLocked` when it is locked (chốt)."""
    check_period(session, year, quarter, settings)
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
    settings = load_settings(session)
    state = open_for_changes(session, year, quarter, settings)
    check = check_values(session, year, quarter, changes, settings)
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


def proposed_denominators(
    session: Session,
    year: int,
    quarter: int,
    unit_ids: Sequence[UnitId] | None = None,
    *,
    replace: bool = False,
) -> list[ValueChange]:
    """Điền mẫu số: for each expected cell of the quarter (of ``unit_ids``, or all), the proposed
    Mẫu số — the register's head-count, else the previous quarter's — where the cell has none, or
    with ``replace`` where it differs. The numerator stays; a cell whose numerator would exceed it
    is left for the clerk. Nothing is saved here."""
    grid = load_grid(session, year, quarter)
    wanted = None if unit_ids is None else set(unit_ids)
    changes = []
    for unit in grid.units:
        if wanted is not None and unit.id not in wanted:
            continue
        for indicator in grid.indicators:
            if not grid.reports(unit, indicator):
                continue
            current = grid.value(unit.id, indicator.id)
            proposed = grid.proposed_denominator(unit, indicator)
            if indicator.yes_no or not proposed or current.denominator == proposed:
                continue
            if current.denominator is not None and not replace:
                continue
            numerator = current.numerator
            if numerator is not None and numerator > proposed:
                continue  # would be refused; leave the cell for the clerk
            changes.append(ValueChange(unit.id, indicator.id, Pair(numerator, proposed)))
    return changes
