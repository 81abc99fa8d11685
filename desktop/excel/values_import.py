"""Reading back the collection workbooks (biểu mẫu đã điền): preview first, then save each file whole.

A file is refused, with the reason, when it is not one of our forms, belongs to another quarter or
unit, had its protected cells changed, or had rows removed, added or reordered; and when any of its
values breaks a rule of the year (its scope, a unit's reporting period, a yes/no indicator holding
only "Có" or "Chưa"). :func:`desktop.indicators.ops.import_returned` then saves each accepted file
whole or not at all, so one bad file does not hold back the others.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet
from sqlmodel import Session

from desktop.excel.common import ExcelInputError, open_workbook
from desktop.excel.values_forms import (
    CHECK_SHEET,
    DENOMINATOR_COL,
    FIRST_ROW,
    FORM_KIND,
    META_ROWS,
    NOTE_COL,
    NUMERATOR_COL,
    SHEET,
)
from desktop.indicators.rules import (
    Pair,
    ValueRefused,
    parse_count,
    parse_yes_no,
    yes_no_error,
)
from desktop.indicators.values import (
    GridIndicator,
    ValueChange,
    check_values,
    grid_indicators,
)
from desktop.models import Unit
from desktop.models.ids import IndicatorId, UnitId
from desktop.register.lookup import find_unit_ids
from desktop.text import clean_line

Report = Callable[[int, int, str], None]


@dataclass
class FileResult:
    """What one returned workbook would change, or why it is refused."""

    path: Path
    unit_code: str = ""
    unit_name: str = ""
    unit_id: UnitId | None = None
    changes: list[ValueChange] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    saved: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


class FormRefused(ValueRefused):
    pass


def read_returned(
    session: Session,
    paths: Sequence[Path],
    year: int,
    quarter: int,
    *,
    unit_id: UnitId | None = None,
    report: Report | None = None,
) -> list[FileResult]:
    """Preview: read and check every file without saving anything."""
    results: list[FileResult] = []
    seen: dict[UnitId, Path] = {}
    for n, path in enumerate(paths):
        if report:
            report(n, len(paths), Path(path).name)
        result = FileResult(Path(path))
        try:
            _read(session, result, year, quarter, unit_id)
        except (ExcelInputError, FormRefused) as error:
            result.errors.insert(0, str(error))
        if result.unit_id is not None and result.ok:
            if result.unit_id in seen:
                result.errors.append(
                    f"Trùng đơn vị với tệp “{seen[result.unit_id].name}”; chỉ nhập một tệp cho mỗi đơn vị."
                )
            else:
                seen[result.unit_id] = result.path
        results.append(result)
    return results


def _read(
    session: Session, result: FileResult, year: int, quarter: int, unit_id: UnitId | None
) -> None:
    workbook = open_workbook(result.path, data_only=True)
    name = result.path.name
    if CHECK_SHEET not in workbook.sheetnames or SHEET not in workbook.sheetnames:
        raise FormRefused(f"Tệp “{name}” không phải là biểu mẫu số liệu quý do ThiĐua tạo ra.")
    record = _record(workbook[CHECK_SHEET], name)
    if (record["year"], record["quarter"]) != (year, quarter):
        raise FormRefused(
            f"Tệp “{name}” là biểu mẫu quý {record['quarter']}/{record['year']}, không phải quý {quarter}/{year}."
        )
    code = str(record["unit_code"])
    found = find_unit_ids(session, [code]).get(code)
    unit = None if found is None else session.get(Unit, found)
    if found is None or unit is None or not unit.active:
        raise FormRefused(f"Tệp “{name}”: đơn vị mã {code} không có hoặc đã ngừng hoạt động.")
    result.unit_code, result.unit_name, result.unit_id = unit.code, unit.name, found
    if unit_id is not None and found != unit_id:
        raise FormRefused(
            f"Tệp “{name}” là biểu mẫu của {unit.name}, không phải của đơn vị đang nhập."
        )
    sheet = workbook[SHEET]
    _check_meta(sheet, record, name)
    rows = _check_rows(sheet, record, name)
    indicators = {i.code: i for i in grid_indicators(session, year)}
    row_of: dict[IndicatorId, int] = {}
    for offset, indicator_code in enumerate(rows):
        excel_row = FIRST_ROW + offset
        indicator = indicators.get(indicator_code)
        if indicator is None:
            result.errors.append(
                f"Dòng {excel_row}: chỉ tiêu {indicator_code} không còn được theo dõi."
            )
            continue
        row_of[indicator.id] = excel_row
        read = _yes_no_change if indicator.yes_no else _row_change
        change = read(sheet, excel_row, found, indicator, result)
        if change is not None:
            result.changes.append(change)
    if result.errors:
        return
    check = check_values(session, year, quarter, result.changes)
    codes = {i.id: code for code, i in indicators.items()}
    result.errors += [
        f"Dòng {row_of[p.indicator_id]} ({codes[p.indicator_id]}): {p.message}"
        for p in check.problems
    ]
    result.warnings += [
        f"Dòng {row_of[p.indicator_id]} ({codes[p.indicator_id]}): {p.message}"
        for p in check.warnings
    ]


def _record(sheet: Worksheet, name: str) -> dict[str, Any]:
    text = "".join(
        str(row[0] or "") for row in sheet.iter_rows(min_col=1, max_col=1, values_only=True)
    )
    try:
        record = json.loads(text)
    except ValueError:
        raise FormRefused(
            f"Tệp “{name}”: phần kiểm tra của biểu mẫu bị hỏng; hãy dùng biểu mẫu mới."
        ) from None
    if not isinstance(record, dict) or record.get("kind") != FORM_KIND:
        raise FormRefused(f"Tệp “{name}” không phải là biểu mẫu số liệu quý do ThiĐua tạo ra.")
    return record


def _same(cell_value: object, expected: object) -> bool:
    if cell_value is None or expected is None:
        return (cell_value in (None, "")) and (expected in (None, ""))
    if isinstance(expected, int) and not isinstance(expected, bool):
        return isinstance(cell_value, int | float) and cell_value == expected
    return clean_line(str(cell_value)) == clean_line(str(expected))


def _check_meta(sheet: Worksheet, record: dict[str, Any], name: str) -> None:
    for key, row in META_ROWS.items():
        if not _same(sheet.cell(row=row, column=3).value, record[key]):
            raise FormRefused(
                f"Tệp “{name}”: ô được khóa ở dòng {row} (tên đơn vị, năm hoặc quý) đã bị sửa. "
                "Hãy dùng lại biểu mẫu gốc."
            )


def _check_rows(sheet: Worksheet, record: dict[str, Any], name: str) -> list[str]:
    expected: list[list[object]] = record["rows"]
    found = []
    row = FIRST_ROW
    while sheet.cell(row=row, column=2).value not in (None, "") or sheet.cell(
        row=row, column=3
    ).value not in (None, ""):
        found.append(
            [
                sheet.cell(row=row, column=c).value
                for c in range(2, 2 + len(expected[0]) if expected else 2)
            ]
        )
        row += 1
    codes = [str(r[0]) for r in found]
    wanted = [str(r[0]) for r in expected]
    if len(found) != len(expected) or sorted(codes) != sorted(wanted):
        raise FormRefused(
            f"Tệp “{name}” có {len(found)} dòng chỉ tiêu thay vì {len(expected)}: có dòng bị xóa hoặc thêm. "
            "Hãy dùng lại biểu mẫu gốc."
        )
    if codes != wanted:
        raise FormRefused(
            f"Tệp “{name}”: thứ tự các dòng chỉ tiêu đã bị đổi. Hãy dùng lại biểu mẫu gốc."
        )
    for offset, (got, want) in enumerate(zip(found, expected, strict=True)):
        if not all(_same(g, w) for g, w in zip(got, want, strict=True)):
            raise FormRefused(
                f"Tệp “{name}”: ô được khóa ở dòng {FIRST_ROW + offset} đã bị sửa. Hãy dùng lại biểu mẫu gốc."
            )
    return wanted


def _note(sheet: Worksheet, row: int) -> str:
    return clean_line(str(sheet.cell(row=row, column=NOTE_COL).value or ""))


def _row_change(
    sheet: Worksheet, row: int, unit_id: UnitId, indicator: GridIndicator, result: FileResult
) -> ValueChange | None:
    try:
        numerator = parse_count(sheet.cell(row=row, column=NUMERATOR_COL).value, "Tử số")
        denominator = parse_count(sheet.cell(row=row, column=DENOMINATOR_COL).value, "Mẫu số")
    except ValueRefused as error:
        result.errors.append(f"Dòng {row}: {error}")
        return None
    if numerator is None and denominator is None:
        return None
    if numerator is not None and denominator is None:
        # A returned form is the unit's whole report: a lone numerator is an omission.
        result.errors.append(f"Dòng {row}: có tử số nhưng thiếu mẫu số.")
        return None
    return ValueChange(unit_id, indicator.id, Pair(numerator, denominator), _note(sheet, row))


def _yes_no_change(
    sheet: Worksheet, row: int, unit_id: UnitId, indicator: GridIndicator, result: FileResult
) -> ValueChange | None:
    """A yes/no row: "Có"/"Chưa" (or 1/0, x) in the Tử số cell, the Mẫu số cell 1 or blank.

    A pair of counts (30 in Tử số, 40 in Mẫu số — typed into a form whose protection was lifted, or
    an old form) is refused with the rule, not read as a share.
    """
    answer = sheet.cell(row=row, column=NUMERATOR_COL).value
    fixed = sheet.cell(row=row, column=DENOMINATOR_COL).value
    if fixed not in (None, "", 1):
        try:
            typed = Pair(parse_count(answer, "Tử số"), parse_count(fixed, "Mẫu số"))
            message = yes_no_error(indicator.code, typed)
        except ValueRefused:
            message = None
        result.errors.append(
            f"Dòng {row}: "
            + (
                message
                or f"chỉ tiêu {indicator.code} ghi “Có” hoặc “Chưa” ở cột Tử số; mẫu số luôn là 1 "
                f"(đã ghi “{clean_line(str(fixed))}”)."
            )
        )
        return None
    try:
        pair = parse_yes_no(answer, indicator.code)
    except ValueRefused as error:
        result.errors.append(f"Dòng {row}: {error}")
        return None
    if pair.empty:
        return None
    return ValueChange(unit_id, indicator.id, pair, _note(sheet, row))


def describe(results: Sequence[FileResult]) -> str:
    """The per-unit report: one paragraph per file, accepted or refused."""
    lines = []
    for r in results:
        who = f"{r.unit_code} — {r.unit_name}" if r.unit_code else r.path.name
        if r.ok:
            lines.append(f"✓ {who}: {len(r.changes)} ô số liệu" + (" (đã lưu)" if r.saved else ""))
            lines += [f"    ⚠ {w}" for w in r.warnings]
        else:
            lines.append(f"✗ {who}: không nhập")
            lines += [f"    • {e}" for e in r.errors]
    return "\n".join(lines)
