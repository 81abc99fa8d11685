"""Biểu mẫu thu thập số liệu: one workbook per unit and quarter, sent out and read back.

The sheet names the unit and the quarter and lists the indicators the unit reports, with the last
denominators pre-filled. Only the input cells (tử số, mẫu số, ghi chú) are unlocked and they carry
Excel data validation. A very hidden sheet keeps what the protected cells must hold, so that a
returned workbook whose protected cells were changed, or whose rows were removed or reordered, is
recognised and refused (:mod:`desktop.excel.values_import`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlmodel import Session

from desktop.excel.common import new_workbook, save_atomically, set_safe_value
from desktop.indicators.rules import Pair, ValueRefused, previous_period
from desktop.indicators.values import (
    GridIndicator,
    GridUnit,
    Key,
    QuarterGrid,
    load_grid,
    stored_pairs,
)
from desktop.models.ids import UnitId
from desktop.text import strip_diacritics, wording

SHEET = "Số liệu"
CHECK_SHEET = "_kiemtra"
FORM_KIND = "thidua-bieu-mau-so-lieu-quy"
FORM_VERSION = 1
# Sheet protection only stops slips of the hand at the unit; the hidden record is what is checked.
PROTECTION_PASSWORD = "thidua"
FIRST_ROW = 8  # the first indicator row
COLUMNS = (
    "STT",
    "Mã chỉ tiêu",
    "Chỉ tiêu",
    "Tử số là",
    "Mẫu số là",
    "Mẫu số quý trước",
    "Tử số",
    "Mẫu số",
    "Ghi chú",
)
PREVIOUS_COL, NUMERATOR_COL, DENOMINATOR_COL, NOTE_COL = 6, 7, 8, 9
META_ROWS = {"unit_code": 3, "unit_name": 4, "year": 5, "quarter": 6}
INPUT_FILL = PatternFill("solid", fgColor="FFF9E0")
Report = Callable[[int, int, str], None]


@dataclass(frozen=True)
class FormRow:
    code: str
    name: str
    numerator_label: str
    denominator_label: str
    previous_denominator: int | None

    def protected(self) -> list[object]:
        return [
            self.code,
            self.name,
            self.numerator_label,
            self.denominator_label,
            self.previous_denominator,
        ]


def form_file_name(unit: GridUnit, year: int, quarter: int) -> str:
    safe = re.sub(r"[^A-Za-z0-9_-]+", "_", strip_diacritics(unit.code)).strip("_") or str(unit.id)
    return f"bieu-mau-{year}-Q{quarter}-{safe}.xlsx"


def _rows(
    grid: QuarterGrid, unit: GridUnit, previous: dict[Key, Pair]
) -> list[tuple[GridIndicator, FormRow]]:
    return [
        (
            indicator,
            FormRow(
                indicator.code,
                indicator.name,
                indicator.numerator_label,
                indicator.denominator_label,
                previous.get((unit.id, indicator.id), Pair(None, None)).denominator,
            ),
        )
        for indicator in grid.indicators
        if grid.reports(unit, indicator)
    ]


def write_forms(
    session: Session,
    year: int,
    quarter: int,
    folder: Path,
    unit_ids: list[UnitId] | None = None,
    report: Report | None = None,
) -> list[Path]:
    """One collection workbook per unit (all units when ``unit_ids`` is None) into ``folder``."""
    grid = load_grid(session, year, quarter)
    units = grid.units if unit_ids is None else [u for u in grid.units if u.id in set(unit_ids)]
    if unit_ids is not None and len(units) != len(set(unit_ids)):
        raise ValueRefused("Có đơn vị không còn hoạt động hoặc không báo cáo chỉ tiêu nào.")
    keys = [(u.id, i.id) for u in units for i in grid.indicators]
    previous = stored_pairs(session, *previous_period(year, quarter), keys)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, unit in enumerate(units):
        if report:
            report(n, len(units), unit.name)
        path = folder / form_file_name(unit, year, quarter)
        write_form(grid, unit, _rows(grid, unit, previous), path)
        paths.append(path)
    return paths


def write_form(
    grid: QuarterGrid, unit: GridUnit, rows: list[tuple[GridIndicator, FormRow]], path: Path
) -> None:
    workbook, sheet = new_workbook(SHEET)
    sheet["A1"] = f"BIỂU MẪU BÁO CÁO SỐ LIỆU QUÝ {grid.quarter}/{grid.year}"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = (
        "Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” và “Bình dân học vụ số”. "
        "Chỉ điền các ô màu vàng (số nguyên, tử số không lớn hơn mẫu số); không thêm, xóa hay đổi thứ tự dòng."
    )
    sheet["A2"].alignment = Alignment(wrap_text=True)
    sheet.merge_cells("A2:I2")
    sheet.row_dimensions[2].height = 32
    meta = {
        "unit_code": unit.code,
        "unit_name": unit.name,
        "year": grid.year,
        "quarter": grid.quarter,
    }
    labels = {"unit_code": "Mã đơn vị", "unit_name": "Tên đơn vị", "year": "Năm", "quarter": "Quý"}
    for key, meta_row in META_ROWS.items():
        sheet.cell(row=meta_row, column=2, value=labels[key]).font = Font(bold=True)
        set_safe_value(sheet.cell(row=meta_row, column=3), meta[key])
    for column, header in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=FIRST_ROW - 1, column=column, value=header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for n, (indicator, row) in enumerate(rows):
        r = FIRST_ROW + n
        sheet.cell(row=r, column=1, value=n + 1)
        for column, value in enumerate(row.protected(), start=2):
            set_safe_value(sheet.cell(row=r, column=column), value)
        # The counts read "1.234" in the unit's Vietnamese Excel, as on the clerk's screen.
        for column in (PREVIOUS_COL, NUMERATOR_COL, DENOMINATOR_COL):
            sheet.cell(row=r, column=column).number_format = wording.EXCEL_COUNT
        current = grid.value(unit.id, indicator.id)
        denominator = (
            current.denominator if current.denominator is not None else row.previous_denominator
        )
        values = (current.numerator, denominator, grid.notes.get((unit.id, indicator.id), ""))
        for column, value in zip((NUMERATOR_COL, DENOMINATOR_COL, NOTE_COL), values, strict=True):
            cell = sheet.cell(row=r, column=column)
            set_safe_value(cell, value if value != "" else None)
            cell.protection = Protection(locked=False)
            cell.fill = INPUT_FILL
    _validate_inputs(sheet, len(rows))
    for letter, width in zip("ABCDEFGHI", (5, 12, 50, 30, 30, 12, 12, 12, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.protection.set_password(PROTECTION_PASSWORD)
    sheet.protection.sheet = True
    _write_record(workbook.create_sheet(CHECK_SHEET), meta, [row for _i, row in rows])
    workbook.security = WorkbookProtection(workbookPassword=PROTECTION_PASSWORD, lockStructure=True)
    save_atomically(workbook, path)


def _validate_inputs(sheet: Worksheet, count: int) -> None:
    if count == 0:
        return
    last = FIRST_ROW + count - 1
    numerator = DataValidation(
        type="whole",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Tử số không hợp lệ",
        error="Tử số phải là số nguyên không âm.",
    )
    denominator = DataValidation(
        type="whole",
        operator="greaterThan",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Mẫu số không hợp lệ",
        error="Mẫu số phải là số nguyên lớn hơn 0.",
    )
    numerator.add(f"G{FIRST_ROW}:G{last}")
    denominator.add(f"H{FIRST_ROW}:H{last}")
    sheet.add_data_validation(numerator)
    sheet.add_data_validation(denominator)


def _write_record(sheet: Worksheet, meta: dict[str, object], rows: list[FormRow]) -> None:
    record = {
        "kind": FORM_KIND,
        "version": FORM_VERSION,
        **meta,
        "rows": [r.protected() for r in rows],
    }
    text = json.dumps(record, ensure_ascii=False)
    # A cell holds at most 32,767 characters; long records continue down column A.
    for n in range(0, max(len(text), 1), 30_000):
        sheet.cell(row=n // 30_000 + 1, column=1, value=text[n : n + 30_000])
    sheet.sheet_state = "veryHidden"
    sheet.protection.set_password(PROTECTION_PASSWORD)
    sheet.protection.sheet = True
