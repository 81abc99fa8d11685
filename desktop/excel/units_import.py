"""Importing a roster: what each row would do (the preview), then doing it all or nothing.

One mechanism for both rosters of the register, units (sổ đơn vị) and persons (cá nhân, in
:mod:`desktop.excel.units_persons`): a planner marks every row new / update / unchanged / error,
with the reason, in an :class:`ImportPlan`; :func:`write_plan` then writes the new and changed rows
through the register's own :func:`~desktop.register.records.create` and
:func:`~desktop.register.records.update` — the same checks as the dialogs — in the caller's one
transaction. :class:`RosterImport` is the configuration of one roster, and its :meth:`operation`
is what the window and the command line hand to the door.

For units, duplicates — the same code twice in the file, the same name and kind twice, or a row
that repeats another unit of the register under a different code — are errors the clerk must
settle, never merged silently. Writing plans again inside the writing transaction (the register
may have changed since the preview).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields, replace
from enum import Enum, StrEnum
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from sqlmodel import Session

from desktop.changes import Area, Change, Done, Operation
from desktop.excel.units_columns import BY_FIELD, kind_from_text, period_text
from desktop.excel.units_read import ParsedRoster, ProgressSink, RosterRow, read_roster
from desktop.models import Unit, UnitKind
from desktop.models.ids import saved_id
from desktop.register import records
from desktop.register.index import UnitIndex
from desktop.register.ops import SCOPE as REGISTER_SCOPE
from desktop.register.periods import place_unit
from desktop.register.records import D, I, M, RegisterKind, Rules
from desktop.register.rules import RegisterError, name_key
from desktop.register.units import COUNT_FIELDS, UNITS, UnitData
from desktop.text.wording import count

R = TypeVar("R")  # what the reader gives: a ParsedRoster, a PersonRoster


class RowStatus(StrEnum):
    NEW = "new"
    UPDATE = "update"
    SAME = "same"
    ERROR = "error"

    @property
    def label(self) -> str:
        return {"new": "Thêm mới", "update": "Cập nhật", "same": "Không đổi", "error": "Lỗi"}[self]


class SheetLine(Protocol):
    """A row as read from the sheet: where it is, and its identity as written there."""

    @property
    def line(self) -> int: ...

    @property
    def shown(self) -> dict[str, str]: ...


@dataclass
class PlannedRow(Generic[D]):
    """What one row of the file will do, and why."""

    row: SheetLine
    status: RowStatus
    reasons: list[str] = field(default_factory=list)
    record_id: int | None = None
    data: D | None = None  # what the record will hold after the import
    # The identity the preview shows: "code", "name" and "kind" (a unit's kind, a person's year).
    shown: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.shown:
            self.shown = dict(self.row.shown)

    @property
    def reason(self) -> str:
        return " ".join(self.reasons)


@dataclass
class ImportPlan(Generic[D]):
    file_name: str
    rows: list[PlannedRow[D]]
    ignored_headers: list[str]
    noun: str = "dòng"  # what the summary counts: "3 dòng: …", "1 cá nhân: …"
    written: list[int] = field(default_factory=list)  # the ids written, once written

    def count(self, status: RowStatus) -> int:
        return sum(1 for row in self.rows if row.status is status)

    @property
    def errors(self) -> list[PlannedRow[D]]:
        return [row for row in self.rows if row.status is RowStatus.ERROR]

    @property
    def changes(self) -> list[PlannedRow[D]]:
        return [row for row in self.rows if row.status in (RowStatus.NEW, RowStatus.UPDATE)]

    def summary(self) -> str:
        return (
            f"{count(len(self.rows))} {self.noun}: {count(self.count(RowStatus.NEW))} thêm mới, "
            f"{count(self.count(RowStatus.UPDATE))} cập nhật, "
            f"{count(self.count(RowStatus.SAME))} không đổi, "
            f"{count(self.count(RowStatus.ERROR))} lỗi."
        )


def shown_value(value: object, field_name: str = "") -> str:
    """A value as the preview shows it: “text”, a number, a kind's label, Có/Không, (trống)."""
    if value is None or value == "":
        return "(trống)"
    if isinstance(value, UnitKind):
        return f"“{value.label}”"
    if isinstance(value, Enum):
        return f"“{value.value}”"
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, str):
        return f"“{value if len(value) <= 40 else value[:39] + '…'}”"
    if isinstance(value, int) and field_name in COUNT_FIELDS:
        return count(value)
    if isinstance(value, int) and field_name == "reports_from":
        return period_text(value) or "(từ đầu)"
    return str(value)


# -- writing (both rosters) --------------------------------------------------------------------


def refuse_errors(plan: ImportPlan[D]) -> None:
    """All or nothing: a plan with error rows writes no row, and says which rows and why."""
    if plan.errors:
        raise RegisterError(
            [f"Dòng {p.row.line}: {p.reason}" for p in plan.errors],
            f"Tệp có {count(len(plan.errors))} dòng lỗi; chưa nhập dòng nào.",
        )


def write_plan(
    kind: RegisterKind[M, D, I],
    session: Session,
    plan: ImportPlan[D],
    *,
    rules: Rules[D, M],
    reason: str,
    progress: ProgressSink | None = None,
    complete: Callable[[D], D] | None = None,
) -> None:
    """Write the new and changed rows through the register's create and update, flushed once.

    ``complete`` fills in what a new row may leave out (a unit's code). The ids written end up in
    ``plan.written``. A row the register refuses after all raises, and the caller's transaction
    then writes nothing.
    """
    changes = plan.changes
    written: list[M] = []
    for done, planned in enumerate(changes, start=1):
        if progress is not None and done % 500 == 0:
            progress.check()
            progress.report(
                done, len(changes), f"Đang ghi {count(done)}/{count(len(changes))} {kind.noun}"
            )
        assert planned.data is not None  # a new or changed row always has its values
        try:
            if planned.status is RowStatus.NEW:
                planned.data = complete(planned.data) if complete is not None else planned.data
                record = records.create(
                    kind, session, planned.data, reason=reason, rules=rules, flush=False
                )
            else:
                record = records.update(
                    kind,
                    session,
                    saved_id(planned.record_id),
                    planned.data,
                    reason=reason,
                    rules=rules,
                    flush=False,
                )
        except RegisterError as error:
            # The register changed since the preview (a quarter locked meanwhile): say which row.
            raise RegisterError(
                [f"Dòng {planned.row.line}: {problem}" for problem in error.problems],
                f"Dòng {planned.row.line} không ghi được; chưa nhập dòng nào.",
            ) from None
        written.append(record)
    session.flush()
    plan.written = [saved_id(record.id) for record in written]


@dataclass(frozen=True)
class RosterImport(Generic[R, D]):
    """One roster of the register in Excel: how it is read, planned and written."""

    noun: str  # "đơn vị", "cá nhân"
    area: Area  # what the ids written are told as
    read: Callable[[Path, ProgressSink | None], R]
    plan: Callable[[Session, R], ImportPlan[D]]
    apply: Callable[[Session, R, bool, ProgressSink | None], ImportPlan[D]]

    def preview(self, roster: R) -> Callable[[Session], ImportPlan[D]]:
        """The plan the preview shows, as a read (nothing is written)."""
        return lambda session: self.plan(session, roster)

    def operation(
        self, roster: R, *, skip_errors: bool = False, progress: ProgressSink | None = None
    ) -> Operation[ImportPlan[D]]:
        """The import for the door: one transaction, all rows or none, the ids written told.

        An import is not an undo step, and it empties the register's undo history: the steps
        taken before may not fit the register it produced.
        """

        def operation(session: Session) -> Done[ImportPlan[D]]:
            plan = self.apply(session, roster, skip_errors, progress)
            return Done(plan, Change.of(self.area, *plan.written), forget=(REGISTER_SCOPE,))

        return operation


# -- the unit roster ---------------------------------------------------------------------------


def plan_import(
    session: Session, roster: ParsedRoster, index: UnitIndex | None = None
) -> ImportPlan[UnitData]:
    index = index if index is not None else UnitIndex.of(session)
    repeats = _repeats_in_file(roster.rows)
    planned = [
        _checked_period(session, _plan_row(row, index, repeats.get(row.line, [])), index)
        for row in roster.rows
    ]
    return ImportPlan(roster.file_name, planned, roster.ignored_headers)


def _checked_period(
    session: Session, planned: PlannedRow[UnitData], index: UnitIndex
) -> PlannedRow[UnitData]:
    """A "Báo cáo từ quý" that would move a locked quarter's results is an error of its row in
    the preview, by the register's own rule (:func:`desktop.register.periods.place_unit`, tried on
    a copy of the unit)."""
    data = planned.data
    if data is None or data.reports_from is None or data.kind is None:
        return planned
    if planned.status is RowStatus.NEW:
        before, created = 0, True
    elif planned.status is RowStatus.UPDATE:
        target = index.with_code(data.code)
        before, created = (target.reports_from if target is not None else 0), False
    else:
        return planned
    # Never added to the session: only place_unit's verdict is wanted.
    probe = Unit(code=data.code, name=data.name, kind=data.kind, reports_from=before)
    try:
        place_unit(session, probe, data.reports_from, created)
    except RegisterError as error:
        return PlannedRow(planned.row, RowStatus.ERROR, list(error.problems), shown=planned.shown)
    return planned


def _repeats_in_file(rows: list[RosterRow]) -> dict[int, list[str]]:
    """Rows that repeat another row of the same file, by code or by name and kind."""
    by_code: dict[str, list[int]] = defaultdict(list)
    by_name: dict[tuple[object, str], list[int]] = defaultdict(list)
    for row in rows:
        # Rows with errors count too: once the clerk fixes them they would clash just the same.
        code, name, kind = _identity(row)
        if code:
            by_code[code].append(row.line)
        if name and kind is not None:
            by_name[(kind, name_key(name))].append(row.line)
    reasons: dict[int, list[str]] = defaultdict(list)
    for code, lines in by_code.items():
        if len(lines) > 1:
            for line in lines:
                reasons[line].append(f"Mã “{code}” lặp lại ở các dòng {_lines(lines)} của tệp.")
    for (_, _), lines in by_name.items():
        if len(lines) > 1:
            for line in lines:
                reasons[line].append(
                    f"Tên và loại đơn vị lặp lại ở các dòng {_lines(lines)} của tệp."
                )
    return reasons


def _identity(row: RosterRow) -> tuple[str, str, UnitKind | None]:
    """Code (in capitals), name and kind of a row, as far as they could be read."""
    if row.data is not None:
        return row.data.code.upper(), row.data.name, row.data.kind
    shown = row.shown
    return (
        shown.get("code", "").upper(),
        shown.get("name", ""),
        kind_from_text(shown.get("kind", "")),
    )


def _lines(lines: list[int]) -> str:
    return ", ".join(str(n) for n in lines[:8]) + (" …" if len(lines) > 8 else "")


def _shown(data: UnitData) -> dict[str, str]:
    return {"code": data.code, "name": data.name, "kind": data.kind.label if data.kind else ""}


def _plan_row(row: RosterRow, index: UnitIndex, repeats: list[str]) -> PlannedRow[UnitData]:
    if row.data is None or repeats:
        return PlannedRow(row, RowStatus.ERROR, row.problems + repeats)
    data = row.data
    same_name = index.with_name(data.name, data.kind)
    target = index.with_code(data.code)
    if target is None:
        if same_name is not None:
            return PlannedRow(row, RowStatus.ERROR, [_same_name_reason(same_name)])
        return PlannedRow(row, RowStatus.NEW, data=data, shown=_shown(data))
    if same_name is not None and same_name is not target:
        return PlannedRow(row, RowStatus.ERROR, [_same_name_reason(same_name)])
    current = UnitData.of(target)
    merged = _merge(current, data, row)
    if merged == current:
        return PlannedRow(row, RowStatus.SAME, [], target.id, merged, _shown(merged))
    changed = [
        f"{BY_FIELD[f.name].header}: {shown_value(getattr(current, f.name), f.name)} → "
        f"{shown_value(getattr(merged, f.name), f.name)}"
        for f in fields(UnitData)
        if f.name in BY_FIELD and getattr(merged, f.name) != getattr(current, f.name)
    ]
    return PlannedRow(
        row,
        RowStatus.UPDATE,
        [f"Thay đổi: {'; '.join(changed)}."],
        target.id,
        merged,
        _shown(merged),
    )


def _same_name_reason(unit: Unit) -> str:
    return (
        f"Trùng tên và loại với đơn vị đã có “{unit.name}” (mã {unit.code}). Nếu là cùng một đơn vị, "
        f"hãy ghi mã {unit.code} vào cột Mã đơn vị; nếu khác, hãy sửa tên cho phân biệt."
    )


def _merge(current: UnitData, incoming: UnitData, row: RosterRow) -> UnitData:
    """The register's values, replaced by the file's where the file has the column.

    A column the file lacks leaves the register as it is; an empty active or "Báo cáo từ quý" cell
    keeps what the register holds.
    """
    changes = {
        f.name: getattr(incoming, f.name)
        for f in fields(UnitData)
        if f.name in row.given and f.name not in ("code", "active")
    }
    if changes.get("reports_from", 0) is None:
        del changes["reports_from"]  # a blank "Báo cáo từ quý" keeps the register's
    if row.active_given:
        changes["active"] = incoming.active
    return replace(current, **changes)


def apply_import(
    session: Session,
    roster: ParsedRoster,
    *,
    skip_errors: bool = False,
    progress: ProgressSink | None = None,
) -> ImportPlan[UnitData]:
    """Write the roster in the caller's transaction; raise RegisterError (nothing written) on errors."""
    index = UnitIndex.of(session)
    plan = plan_import(session, roster, index)
    if not skip_errors:
        refuse_errors(plan)
    codes = _free_codes(index, plan)
    write_plan(
        UNITS,
        session,
        plan,
        rules=index,
        reason=f"Nhập danh sách đơn vị từ tệp {roster.file_name}",
        progress=progress,
        complete=lambda data: data if data.code else replace(data, code=next(codes)),
    )
    return plan


def _free_codes(index: UnitIndex, plan: ImportPlan[UnitData], prefix: str = "DV") -> Iterator[str]:
    """Codes DV0001, DV0002, … not used by the register nor by the file, for rows without a code."""
    taken = set(index.codes)
    taken |= {p.data.code.upper() for p in plan.rows if p.data is not None and p.data.code}
    number = 0
    while True:
        number += 1
        code = f"{prefix}{number:04d}"
        if code not in taken:
            yield code


UNIT_IMPORT: RosterImport[ParsedRoster, UnitData] = RosterImport(
    noun=UNITS.noun,
    area=UNITS.area,
    read=read_roster,
    plan=plan_import,
    apply=lambda session, roster, skip, progress: apply_import(
        session, roster, skip_errors=skip, progress=progress
    ),
)
