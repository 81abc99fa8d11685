"""Importing a unit roster: what each row would do (the preview), then doing it all or nothing.

:func:`plan_import` compares the checked rows with the register and marks each one new / update /
unchanged / error, with the reason. Duplicates — the same code twice in the file, the same name and
kind twice, or a row that repeats another unit of the register under a different code — are errors
the clerk must settle, never merged silently. :func:`apply_import` plans again inside the writing
transaction (the register may have changed since the preview) and writes every row or none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from enum import Enum, StrEnum

from sqlmodel import Session, select

from desktop.excel.units_columns import BY_FIELD, kind_from_text
from desktop.excel.units_read import ParsedRoster, ProgressSink, RosterRow
from desktop.models import Unit, UnitKind
from desktop.register.rules import RegisterError, name_key
from desktop.register.units import UnitData
from desktop.storage.hooks import set_audit_reason


class RowStatus(StrEnum):
    NEW = "new"
    UPDATE = "update"
    SAME = "same"
    ERROR = "error"

    @property
    def label(self) -> str:
        return {"new": "Thêm mới", "update": "Cập nhật", "same": "Không đổi", "error": "Lỗi"}[self]


@dataclass
class PlannedRow:
    row: RosterRow
    status: RowStatus
    reasons: list[str] = field(default_factory=list)
    unit_id: int | None = None
    data: UnitData | None = None  # what the unit will hold after the import

    @property
    def reason(self) -> str:
        return " ".join(self.reasons)


@dataclass
class ImportPlan:
    file_name: str
    rows: list[PlannedRow]
    ignored_headers: list[str]

    def count(self, status: RowStatus) -> int:
        return sum(1 for row in self.rows if row.status is status)

    @property
    def errors(self) -> list[PlannedRow]:
        return [row for row in self.rows if row.status is RowStatus.ERROR]

    @property
    def changes(self) -> list[PlannedRow]:
        return [row for row in self.rows if row.status in (RowStatus.NEW, RowStatus.UPDATE)]

    def summary(self) -> str:
        return (
            f"{len(self.rows)} dòng: {self.count(RowStatus.NEW)} thêm mới, "
            f"{self.count(RowStatus.UPDATE)} cập nhật, {self.count(RowStatus.SAME)} không đổi, "
            f"{self.count(RowStatus.ERROR)} lỗi."
        )


def plan_import(session: Session, roster: ParsedRoster) -> ImportPlan:
    existing = list(session.exec(select(Unit)).all())
    by_code = {unit.code.upper(): unit for unit in existing}
    by_name: dict[tuple[UnitKind | None, str], Unit] = {
        (unit.kind, name_key(unit.name)): unit for unit in existing
    }
    repeats = _repeats_in_file(roster.rows)
    planned = [_plan_row(row, by_code, by_name, repeats.get(row.line, [])) for row in roster.rows]
    return ImportPlan(roster.file_name, planned, roster.ignored_headers)


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


def _plan_row(
    row: RosterRow,
    by_code: dict[str, Unit],
    by_name: dict[tuple[UnitKind | None, str], Unit],
    repeats: list[str],
) -> PlannedRow:
    if row.data is None or repeats:
        return PlannedRow(row, RowStatus.ERROR, row.problems + repeats)
    data = row.data
    same_name = by_name.get((data.kind, name_key(data.name)))
    target = by_code.get(data.code.upper()) if data.code else None
    if target is None:
        if same_name is not None:
            return PlannedRow(row, RowStatus.ERROR, [_same_name_reason(same_name, data)])
        return PlannedRow(row, RowStatus.NEW, data=data)
    if same_name is not None and same_name.id != target.id:
        return PlannedRow(row, RowStatus.ERROR, [_same_name_reason(same_name, data)])
    merged = _merge(UnitData.of(target), data, row)
    if merged == UnitData.of(target):
        return PlannedRow(row, RowStatus.SAME, unit_id=target.id, data=merged)
    changed = [
        f"{BY_FIELD[f.name].header}: {shown_value(getattr(target, f.name))} → "
        f"{shown_value(getattr(merged, f.name))}"
        for f in fields(UnitData)
        if f.name in BY_FIELD and getattr(merged, f.name) != getattr(target, f.name)
    ]
    return PlannedRow(
        row, RowStatus.UPDATE, [f"Thay đổi: {'; '.join(changed)}."], target.id, merged
    )


def shown_value(value: object) -> str:
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
    return str(value)


def _same_name_reason(unit: Unit, data: UnitData) -> str:
    return (
        f"Trùng tên và loại với đơn vị đã có “{unit.name}” (mã {unit.code}). Nếu là cùng một đơn vị, "
        f"hãy ghi mã {unit.code} vào cột Mã đơn vị; nếu khác, hãy sửa tên cho phân biệt."
    )


def _merge(current: UnitData, incoming: UnitData, row: RosterRow) -> UnitData:
    """The register's values, replaced by the file's where the file has the column.

    A column the file lacks leaves the register as it is; an empty active cell keeps the status.
    """
    changes = {
        f.name: getattr(incoming, f.name)
        for f in fields(UnitData)
        if f.name in row.given and f.name not in ("code", "active")
    }
    if row.active_given:
        changes["active"] = incoming.active
    return replace(current, **changes)


def apply_import(
    session: Session,
    roster: ParsedRoster,
    *,
    skip_errors: bool = False,
    progress: ProgressSink | None = None,
) -> ImportPlan:
    """Write the roster in the caller's transaction; raise RegisterError (nothing written) on errors."""
    plan = plan_import(session, roster)
    if plan.errors and not skip_errors:
        shown = [f"Dòng {p.row.line}: {p.reason}" for p in plan.errors[:20]]
        more = len(plan.errors) - len(shown)
        raise RegisterError(
            [f"Tệp có {len(plan.errors)} dòng lỗi; chưa nhập dòng nào.", *shown]
            + ([f"… và {more} dòng lỗi khác."] if more > 0 else [])
        )
    set_audit_reason(session, f"Nhập danh sách đơn vị từ tệp {roster.file_name}")
    free_codes = _free_codes(session, plan)
    changes = plan.changes
    for done, planned in enumerate(changes, start=1):
        if progress is not None and done % 500 == 0:
            progress.check()
            progress.report(done, len(changes), f"Đang ghi {done}/{len(changes)} đơn vị")
        assert planned.data is not None
        if planned.status is RowStatus.NEW:
            data = (
                planned.data if planned.data.code else replace(planned.data, code=next(free_codes))
            )
            planned.data = data
            unit = Unit(code=data.code, name=data.name, kind=data.kind)  # type: ignore[arg-type]
            data.apply_to(unit)
            session.add(unit)
        else:
            unit = session.get_one(Unit, planned.unit_id)
            planned.data.apply_to(unit)
    session.flush()
    return plan


def _free_codes(session: Session, plan: ImportPlan, prefix: str = "DV") -> Iterator[str]:
    """Codes DV0001, DV0002, … not used by the register nor by the file, for rows without a code."""
    taken = {code.upper() for code in session.exec(select(Unit.code)).all()}
    taken |= {p.data.code.upper() for p in plan.rows if p.data is not None and p.data.code}
    number = 0
    while True:
        number += 1
        code = f"{prefix}{number:04d}"
        if code not in taken:
            yield code
