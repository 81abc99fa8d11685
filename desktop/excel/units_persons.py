"""Persons of the register in Excel (sheet "Cá nhân"): read, preview plan, all-or-nothing write.

A person is found by the code of their unit (looked up as everywhere else,
:func:`desktop.register.lookup.find_unit_ids`); within a unit, a row is the same person as one in
the register when the names agree (case, spacing, Unicode form aside) and so does the birth year
(or the row gives none and the unit has exactly one person of that name). Everything else is the
unit roster's mechanism (:mod:`desktop.excel.units_import`): the same plan, the same preview, the
same all-or-nothing write through the register's create and update.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from desktop.excel.units_columns import RosterColumn, header_key
from desktop.excel.units_import import (
    ImportPlan,
    PlannedRow,
    RosterImport,
    RowStatus,
    refuse_errors,
    shown_value,
    write_plan,
)
from desktop.excel.units_read import (
    CellProblem,
    ProgressSink,
    TableSpec,
    data_rows,
    locate_table,
    open_roster,
    read_cell,
)
from desktop.models import Person
from desktop.models.ids import UnitId
from desktop.register.lookup import find_unit_ids
from desktop.register.persons import PERSONS, PersonData, check_person
from desktop.register.rules import name_key
from desktop.text import clean_line

SHEET_PERSONS = "Cá nhân"
PERSON_COLUMNS: tuple[RosterColumn, ...] = (
    RosterColumn("unit_code", "Mã đơn vị", ("Mã ĐV",), width=12),
    # Shown for the reader; on import the unit is found by its code alone.
    RosterColumn("unit_name", "Tên đơn vị", ("Đơn vị",), width=36),
    RosterColumn("full_name", "Họ và tên", ("Họ tên", "Họ và tên cá nhân"), width=26),
    RosterColumn("gender", "Giới tính", (), kind="gender", width=10),
    RosterColumn("birth_year", "Năm sinh", (), kind="count", width=10),
    RosterColumn("position", "Chức vụ", ("Chức danh",), width=24),
    RosterColumn("phone", "Điện thoại", ("Số điện thoại", "SĐT"), width=16),
    RosterColumn("active", "Đang hoạt động", ("Hoạt động",), kind="active", width=12),
    RosterColumn("note", "Ghi chú", (), width=30),
)
PERSON_TABLE = TableSpec(
    index={header_key(n): c for c in PERSON_COLUMNS for n in (c.header, *c.aliases)},
    required=(PERSON_COLUMNS[0], PERSON_COLUMNS[2]),
)
_PERSON_FIELDS = {f.name for f in fields(PersonData)} - {"unit_id"}
_HEADERS = {c.field: c.header for c in PERSON_COLUMNS if c.field in _PERSON_FIELDS}


@dataclass
class PersonRosterRow:
    line: int
    unit_code: str
    values: dict[str, Any]  # PersonData fields read from the row
    problems: list[str] = field(default_factory=list)

    @property
    def shown(self) -> dict[str, str]:
        year = self.values.get("birth_year")
        return {
            "code": self.unit_code,
            "name": self.values.get("full_name", ""),
            "kind": "" if year is None else str(year),
        }


@dataclass
class PersonRoster:
    file_name: str
    given: frozenset[str]
    ignored_headers: list[str]
    rows: list[PersonRosterRow]


# -- reading -----------------------------------------------------------------------------------


def read_person_roster(path: Path, progress: ProgressSink | None = None) -> PersonRoster:
    path = Path(path)
    workbook = open_roster(path)
    try:
        table = locate_table(workbook, path.name, PERSON_TABLE)
        rows = []
        for cells in data_rows(table, progress):
            values: dict[str, Any] = {}
            problems: list[str] = []
            for index, column in table.columns.items():
                if index > len(cells):
                    continue
                cell = cells[index - 1]
                try:
                    values[column.field] = read_cell(cell, column)
                except CellProblem as problem:
                    problems.append(f"Ô {cell.coordinate} ({column.header}): {problem}")
            unit_code = clean_line(str(values.pop("unit_code", "") or "")).upper()
            values.pop("unit_name", None)
            if values.get("active") is None:
                values.pop("active", None)
            if not unit_code and not problems:
                problems.append("Chưa ghi mã đơn vị.")
            line = int(cells[0].row or 0)
            rows.append(PersonRosterRow(line, unit_code, values, problems))
    finally:
        workbook.close()
    given = frozenset(c.field for c in table.columns.values()) & _PERSON_FIELDS
    return PersonRoster(path.name, given, table.ignored, rows)


# -- planning ---------------------------------------------------------------------------------


def plan_persons(session: Session, roster: PersonRoster) -> ImportPlan[PersonData]:
    units = find_unit_ids(session, {row.unit_code for row in roster.rows if row.unit_code})
    by_unit: dict[int, list[Person]] = defaultdict(list)
    for person in session.exec(select(Person)):
        by_unit[person.unit_id].append(person)
    repeats = _repeats(roster.rows)
    planned = []
    for row in roster.rows:
        reasons = row.problems + repeats.get(row.line, [])
        unit_id = units.get(row.unit_code)
        if unit_id is None and row.unit_code:
            reasons.append(f"Không có đơn vị mã “{row.unit_code}” trong sổ đơn vị.")
        if reasons or unit_id is None:
            planned.append(PlannedRow[PersonData](row, RowStatus.ERROR, reasons))
            continue
        planned.append(_plan_row(session, row, unit_id, by_unit[unit_id], roster.given))
    return ImportPlan(roster.file_name, planned, roster.ignored_headers, noun="cá nhân")


def _repeats(rows: list[PersonRosterRow]) -> dict[int, list[str]]:
    seen: dict[tuple[str, str, object], list[int]] = defaultdict(list)
    for row in rows:
        name = row.values.get("full_name") or ""
        if name:
            seen[(row.unit_code, name_key(name), row.values.get("birth_year"))].append(row.line)
    reasons: dict[int, list[str]] = defaultdict(list)
    for lines in seen.values():
        if len(lines) > 1:
            for line in lines:
                text = ", ".join(str(n) for n in lines[:8])
                reasons[line].append(f"Cá nhân lặp lại ở các dòng {text} của tệp.")
    return reasons


def _match(row: PersonRosterRow, persons: list[Person]) -> Person | None:
    wanted = name_key(row.values.get("full_name") or "")
    same_name = [p for p in persons if name_key(p.full_name) == wanted]
    year = row.values.get("birth_year")
    if year is not None:
        return next((p for p in same_name if p.birth_year == year), None)
    return same_name[0] if len(same_name) == 1 else None


def _plan_row(
    session: Session,
    row: PersonRosterRow,
    unit_id: UnitId,
    persons: list[Person],
    given: frozenset[str],
) -> PlannedRow[PersonData]:
    known = _match(row, persons)
    changes = {k: v for k, v in row.values.items() if k in given}
    if known is None:
        data = replace(PersonData(unit_id=unit_id, full_name=""), **changes).cleaned()
        problems = check_person(session, data)
        if problems:
            return PlannedRow(row, RowStatus.ERROR, problems)
        return PlannedRow(row, RowStatus.NEW, data=data)
    current = PersonData.of(known)
    data = replace(current, **changes)
    data = replace(data, full_name=clean_line(data.full_name))
    if data == current:
        return PlannedRow(row, RowStatus.SAME, [], known.id, data)
    problems = check_person(session, data, known.id)
    if problems:
        return PlannedRow(row, RowStatus.ERROR, problems)
    changed = [
        f"{_HEADERS[name]}: {shown_value(getattr(current, name))} → "
        f"{shown_value(getattr(data, name))}"
        for name in _HEADERS
        if getattr(current, name) != getattr(data, name)
    ]
    return PlannedRow(row, RowStatus.UPDATE, [f"Thay đổi: {'; '.join(changed)}."], known.id, data)


# -- writing -----------------------------------------------------------------------------------


def apply_persons(
    session: Session,
    roster: PersonRoster,
    *,
    skip_errors: bool = False,
    progress: ProgressSink | None = None,
) -> ImportPlan[PersonData]:
    """Write the persons in the caller's transaction; RegisterError (nothing written) on errors."""
    plan = plan_persons(session, roster)
    if not skip_errors:
        refuse_errors(plan)
    write_plan(
        PERSONS,
        session,
        plan,
        rules=PERSONS.rules(session),
        reason=f"Nhập danh sách cá nhân từ tệp {roster.file_name}",
        progress=progress,
    )
    return plan


PERSON_IMPORT: RosterImport[PersonRoster, PersonData] = RosterImport(
    noun=PERSONS.noun,
    area=PERSONS.area,
    read=read_person_roster,
    plan=plan_persons,
    apply=lambda session, roster, skip, progress: apply_persons(
        session, roster, skip_errors=skip, progress=progress
    ),
)
