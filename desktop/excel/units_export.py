"""The register out to Excel: the full list of units, and the blank template to fill in.

Both use the roster's columns (:mod:`desktop.excel.units_columns`), so an exported file imports
back unchanged. The kind and active columns carry drop-down lists; their choices live on a second
sheet because Excel's inline lists cannot hold the commas of "Cơ quan, đơn vị thuộc phường".
The head counts are numbers under the one voice's count format ("1.234"); a person's year of birth
is a year, not a count, and keeps no thousands dot.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlmodel import Session, select

from desktop.excel.common import new_workbook, save_atomically, write_table
from desktop.excel.units_columns import ACTIVE_NO, ACTIVE_YES, COLUMNS, period_text
from desktop.excel.units_persons import PERSON_COLUMNS, SHEET_PERSONS
from desktop.excel.units_read import ProgressSink
from desktop.models import Gender, Person, Unit, UnitKind
from desktop.models.ids import saved_id
from desktop.register.keys import fast_sort_key, person_sort_key
from desktop.text import wording

SHEET_UNITS = "Đơn vị"
SHEET_CHOICES = "Danh mục"
# Data validation is laid over this many rows below the header of the template.
TEMPLATE_ROWS = 2000
GUIDE = (
    "Hướng dẫn: mỗi dòng một đơn vị. Bắt buộc: Tên đơn vị, Loại đơn vị (chọn trong danh sách). "
    "Bỏ trống Mã đơn vị thì chương trình tự cấp mã. Các cột số ghi số nguyên. "
    "Báo cáo từ quý: ghi q/yyyy, ví dụ 3/2025; bỏ trống thì đơn vị mới báo cáo từ quý hiện tại. "
    "Trang “Cá nhân”: mỗi dòng một người, ghi Mã đơn vị của người đó và Họ và tên."
)
# The text format: "3/2025" typed into a General cell would become a date (1 March 2025).
TEXT_FORMAT = "@"


def export_units(session: Session, path: Path, progress: ProgressSink | None = None) -> int:
    """Write every unit, in Vietnamese order of names, to ``path``; returns the number written."""
    units = sorted(session.exec(select(Unit)).all(), key=lambda u: fast_sort_key(u.name))
    workbook, sheet = new_workbook(SHEET_UNITS)
    rows = [_row(unit) for unit in units]
    if progress is not None:
        progress.report(len(rows), len(rows) * 2, "Đang ghi tệp Excel…")
    last = write_table(sheet, [c.header for c in COLUMNS], rows, widths=[c.width for c in COLUMNS])
    _format_counts(sheet, last)
    _format_periods(sheet, max(last, TEMPLATE_ROWS + 1))
    persons = workbook.create_sheet(SHEET_PERSONS)
    persons_last = write_table(
        persons,
        [c.header for c in PERSON_COLUMNS],
        _person_rows(session, units),
        widths=[c.width for c in PERSON_COLUMNS],
    )
    _add_choices(workbook, sheet, last)
    _add_person_choices(persons, persons_last)
    save_atomically(workbook, path)
    return len(rows)


def write_template(path: Path) -> None:
    """A blank roster: the headers, drop-down lists, whole-number checks, one line of guidance."""
    workbook, sheet = new_workbook(SHEET_UNITS)
    write_table(sheet, [c.header for c in COLUMNS], [], widths=[c.width for c in COLUMNS])
    _format_periods(sheet, TEMPLATE_ROWS + 1)
    persons = workbook.create_sheet(SHEET_PERSONS)
    write_table(
        persons, [c.header for c in PERSON_COLUMNS], [], widths=[c.width for c in PERSON_COLUMNS]
    )
    _add_choices(workbook, sheet, TEMPLATE_ROWS + 1)
    _add_person_choices(persons, TEMPLATE_ROWS + 1)
    guide = workbook[SHEET_CHOICES]
    guide["C1"] = GUIDE
    save_atomically(workbook, path)


def _format_counts(sheet: Worksheet, last_row: int) -> None:
    for column_number, column in enumerate(COLUMNS, start=1):
        if column.kind != "count":
            continue
        for (cell,) in sheet.iter_rows(
            min_row=2, max_row=last_row, min_col=column_number, max_col=column_number
        ):
            cell.number_format = wording.EXCEL_COUNT


def _format_periods(sheet: Worksheet, last_row: int) -> None:
    """Text cells for "Báo cáo từ quý", down to ``last_row`` (rows the clerk may add too)."""
    for column_number, column in enumerate(COLUMNS, start=1):
        if column.kind != "period":
            continue
        for row in range(2, last_row + 1):
            sheet.cell(row=row, column=column_number).number_format = TEXT_FORMAT


def _row(unit: Unit) -> list[Any]:
    values: list[Any] = []
    for column in COLUMNS:
        value = getattr(unit, column.field)
        if column.kind == "kind":
            value = UnitKind(value).label
        elif column.kind == "active":
            value = ACTIVE_YES if value else ACTIVE_NO
        elif column.kind == "period":
            value = period_text(value)
        values.append(value)
    return values


def _person_rows(session: Session, units: list[Unit]) -> list[list[Any]]:
    """Persons unit by unit (in the order of the units), by given name within a unit."""
    by_unit: dict[int, list[Person]] = {}
    for person in session.exec(select(Person)):
        by_unit.setdefault(person.unit_id, []).append(person)
    rows: list[list[Any]] = []
    for unit in units:
        members = sorted(
            by_unit.get(saved_id(unit.id), []), key=lambda p: person_sort_key(p.full_name)
        )
        for person in members:
            rows.append(
                [
                    unit.code,
                    unit.name,
                    person.full_name,
                    person.gender.value if person.gender else "",
                    person.birth_year,
                    person.position,
                    person.phone,
                    ACTIVE_YES if person.active else ACTIVE_NO,
                    person.note,
                ]
            )
    return rows


def _add_person_choices(sheet: Worksheet, last_row: int) -> None:
    for column_number, column in enumerate(PERSON_COLUMNS, start=1):
        letter = get_column_letter(column_number)
        if column.kind == "gender":
            rule = DataValidation(
                type="list", formula1=f'"{Gender.MALE.value},{Gender.FEMALE.value}"'
            )
        elif column.kind == "active":
            rule = DataValidation(type="list", formula1=f"'{SHEET_CHOICES}'!$B$2:$B$3")
        elif column.field == "birth_year":
            rule = DataValidation(
                type="whole", operator="between", formula1="1900", formula2="2100"
            )
        else:
            continue
        rule.errorTitle = "Giá trị không hợp lệ"
        rule.error = f"Giá trị không hợp lệ cho cột {column.header}."
        rule.showErrorMessage = True
        rule.allow_blank = True
        sheet.add_data_validation(rule)
        rule.add(f"{letter}2:{letter}{max(last_row, 2)}")


def _add_choices(workbook: Workbook, sheet: Worksheet, last_row: int) -> None:
    choices = workbook.create_sheet(SHEET_CHOICES)
    choices["A1"] = "Loại đơn vị"
    choices["B1"] = "Đang hoạt động"
    for row, kind in enumerate(UnitKind, start=2):
        choices.cell(row=row, column=1, value=kind.label)
    choices["B2"], choices["B3"] = ACTIVE_YES, ACTIVE_NO
    choices.column_dimensions["A"].width = 32
    choices.column_dimensions["B"].width = 16
    last_row = max(last_row, 2)
    for column_number, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(column_number)
        cells = f"{letter}2:{letter}{last_row}"
        if column.kind == "kind":
            end = len(UnitKind) + 1
            rule = DataValidation(type="list", formula1=f"'{SHEET_CHOICES}'!$A$2:$A${end}")
            rule.error = "Hãy chọn một loại đơn vị trong danh sách."
        elif column.kind == "active":
            rule = DataValidation(type="list", formula1=f"'{SHEET_CHOICES}'!$B$2:$B$3")
            rule.error = "Hãy chọn Có hoặc Không."
        elif column.kind == "count":
            rule = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
            rule.error = "Hãy ghi một số nguyên không âm."
        else:
            continue
        rule.errorTitle = "Giá trị không hợp lệ"
        rule.showErrorMessage = True
        rule.allow_blank = True
        sheet.add_data_validation(rule)
        rule.add(cells)
