"""Biểu mẫu thu thập số liệu: one workbook per unit and quarter, sent out and read back.

The sheet names the unit and the quarter and lists the indicators the unit reports that year (the
year's scope: HOCSINH goes to secondary schools in 2025, to every school from primary in 2026). Each
Mẫu số is pre-filled with the value the grid proposes — the register's head-count the indicator is
measured on, else the previous quarter's Mẫu số — and last quarter's Mẫu số is shown beside it. A
yes/no indicator (TRUONGKNS) is one cell to choose "Có" or "Chưa", its Mẫu số locked at 1.

Only the input cells (tử số, mẫu số, ghi chú) are unlocked and they carry Excel data validation. A
very hidden sheet keeps the form's record: which database sent it (its random id, the ward's
name), the unit (id, code, name), the year and quarter, and what the protected cells must hold,
with a MAC — HMAC-SHA256 keyed by the database's secret (:mod:`desktop.storage.identity`) over the
canonical JSON of the record and the protected cells' values. A returned workbook of another
database, or whose record or protected cells were changed, or whose rows were removed or
reordered, is recognised and refused (:mod:`desktop.excel.values_import`). Sheet protection only
stops slips of the hand; the MAC is what cannot be forged without the database.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlmodel import Session

from desktop.excel.common import new_workbook, save_atomically, set_safe_value
from desktop.indicators.rules import NO, YES, Pair, ValueRefused
from desktop.indicators.values import GridIndicator, GridUnit, QuarterGrid, load_grid
from desktop.models import Unit
from desktop.models.ids import UnitId
from desktop.models.periods import period_code, quarter_text
from desktop.settings import load_settings
from desktop.storage.identity import DatabaseIdentity, database_identity
from desktop.text import strip_diacritics, wording

SHEET = "Số liệu"
CHECK_SHEET = "_kiemtra"
FORM_KIND = "thidua-bieu-mau-so-lieu-quy"
# 2: the record carries the database's id, the ward, the unit's id and a MAC (issue 15). A form of
# version 1 has no MAC and cannot be told from one edited by hand: it is refused.
FORM_VERSION = 2
MAC_KEY = "mac"
# Sheet protection only stops slips of the hand at the unit; the signed record is what is checked.
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
META_LABELS = {"unit_code": "Mã đơn vị", "unit_name": "Tên đơn vị", "year": "Năm", "quarter": "Quý"}
META_COL = 3  # column C: the values beside the labels
ROW_COLUMNS = ("B", "C", "D", "E", "F")  # the protected columns of an indicator row (FormRow)
ROW_HEADINGS = COLUMNS[1:6]
INPUT_FILL = PatternFill("solid", fgColor="FFF9E0")
FIXED_FILL = PatternFill("solid", fgColor="EEEEEE")  # a locked value the unit need not touch
YES_WORD, NO_WORD = "Có", "Chưa"
WIDTHS = (5, 12, 50, 30, 30, 12, 12, 12, 30)  # columns A–I
WRAPPED = (3, 4, 5)  # Chỉ tiêu, Tử số là, Mẫu số là: long sentences on several lines
LINE_HEIGHT = 15  # points per line of 11-point text
_THIN = Side(style="thin", color="999999")
GRID_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
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


@dataclass(frozen=True)
class Origin:
    """Who sends the forms: the database's identity and the ward's name (thông tin phường)."""

    identity: DatabaseIdentity
    ward_name: str


def origin_of(session: Session) -> Origin:
    return Origin(database_identity(session), load_settings(session).ward_name)


def protected_cells(record: dict[str, object]) -> dict[str, object]:
    """Address → value of every protected cell a record's form was written with (C3 … F<last>)."""
    cells = {f"C{row}": record[key] for key, row in META_ROWS.items()}
    rows = record["rows"]
    assert isinstance(rows, list)
    for offset, values in enumerate(rows):
        for letter, value in zip(ROW_COLUMNS, values, strict=True):
            cells[f"{letter}{FIRST_ROW + offset}"] = value
    return cells


def mac_payload(record: dict[str, object]) -> bytes:
    """What the MAC signs: the canonical JSON (sorted keys, no spaces) of the record without its
    MAC, together with the protected cells' values it was written with."""
    unsigned = {k: v for k, v in record.items() if k != MAC_KEY}
    text = json.dumps(
        {"record": unsigned, "cells": protected_cells(unsigned)},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return text.encode("utf-8")


def form_file_name(unit: GridUnit, year: int, quarter: int) -> str:
    safe = re.sub(r"[^A-Za-z0-9_-]+", "_", strip_diacritics(unit.code)).strip("_") or str(unit.id)
    return f"bieu-mau-{year}-Q{quarter}-{safe}.xlsx"


def _rows(grid: QuarterGrid, unit: GridUnit) -> list[tuple[GridIndicator, FormRow]]:
    return [
        (
            indicator,
            FormRow(
                indicator.code,
                indicator.name,
                indicator.numerator_label,
                indicator.denominator_label,
                grid.previous.get((unit.id, indicator.id)),
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
    """One collection workbook per unit (all units expected in the quarter when ``unit_ids`` is
    None) into ``folder``."""
    grid = load_grid(session, year, quarter)
    wanted = None if unit_ids is None else set(unit_ids)
    units = grid.units if wanted is None else [u for u in grid.units if u.id in wanted]
    if wanted is not None and len(units) != len(wanted):
        absent = sorted(wanted - {u.id for u in units})
        codes = [unit.code for unit in (session.get(Unit, i) for i in absent) if unit is not None]
        raise ValueRefused(
            f"Không tạo biểu mẫu {quarter_text(period_code(year, quarter))} cho "
            f"{', '.join(codes)}: đơn vị chưa bắt đầu báo cáo, đã ngừng hoạt động, hoặc không báo "
            "cáo chỉ tiêu nào trong năm này."
        )
    origin = origin_of(session)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, unit in enumerate(units):
        if report:
            report(n, len(units), unit.name)
        path = folder / form_file_name(unit, year, quarter)
        write_form(grid, unit, _rows(grid, unit), path, origin)
        paths.append(path)
    return paths


def form_pair(grid: QuarterGrid, unit: GridUnit, indicator: GridIndicator) -> Pair:
    """What the form shows in the input cells: the stored pair, its empty Mẫu số filled with the
    grid's proposal (register, else last quarter)."""
    current = grid.value(unit.id, indicator.id)
    if current.denominator is not None:
        return current
    return Pair(current.numerator, grid.proposed_denominator(unit, indicator))


def yes_no_word(pair: Pair) -> str | None:
    """1/1 → "Có", 0/1 → "Chưa", nothing (or a pair a yes/no never holds) → an empty cell."""
    if pair == YES:
        return YES_WORD
    if pair == NO:
        return NO_WORD
    return None


def write_form(
    grid: QuarterGrid,
    unit: GridUnit,
    rows: list[tuple[GridIndicator, FormRow]],
    path: Path,
    origin: Origin,
) -> None:
    workbook, sheet = new_workbook(SHEET)
    sheet["A1"] = f"BIỂU MẪU BÁO CÁO SỐ LIỆU QUÝ {grid.quarter}/{grid.year}"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = (
        "Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” và “Bình dân học vụ số”. "
        "Chỉ điền các ô màu vàng (số nguyên, tử số không lớn hơn mẫu số); không thêm, xóa hay đổi thứ tự dòng. "
        "Mẫu số đã điền sẵn theo sổ đơn vị (chưa có thì theo quý trước): sửa nếu số thực tế khác và ghi "
        "chú lý do. Chỉ tiêu có/chưa: chọn “Có” hoặc “Chưa” ở cột Tử số."
    )
    sheet["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells("A2:I2")
    sheet.row_dimensions[2].height = 48
    meta = {
        "unit_code": unit.code,
        "unit_name": unit.name,
        "year": grid.year,
        "quarter": grid.quarter,
    }
    for key, meta_row in META_ROWS.items():
        sheet.cell(row=meta_row, column=2, value=META_LABELS[key]).font = Font(bold=True)
        value = sheet.cell(row=meta_row, column=META_COL)
        set_safe_value(value, meta[key])
        value.alignment = Alignment(horizontal="left")  # the year beside the unit's name, not afar
    for column, header in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=FIRST_ROW - 1, column=column, value=header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = GRID_BORDER
    sheet.row_dimensions[FIRST_ROW - 1].height = 2 * LINE_HEIGHT
    written: list[list[object]] = []  # the input cells as sent: Tử số, Mẫu số, Ghi chú
    for n, (indicator, row) in enumerate(rows):
        r = FIRST_ROW + n
        sheet.cell(row=r, column=1, value=n + 1)
        for column, value in enumerate(row.protected(), start=2):
            set_safe_value(sheet.cell(row=r, column=column), value)
        # The counts read "1.234" in the unit's Vietnamese Excel, as on the clerk's screen.
        for column in (PREVIOUS_COL, NUMERATOR_COL, DENOMINATOR_COL):
            sheet.cell(row=r, column=column).number_format = wording.EXCEL_COUNT
        pair = form_pair(grid, unit, indicator)
        note = grid.notes.get((unit.id, indicator.id), "")
        if indicator.yes_no:
            inputs: tuple[object, ...] = (yes_no_word(pair), note)
            input_columns: tuple[int, ...] = (NUMERATOR_COL, NOTE_COL)
            # One school, one tick: the Mẫu số is 1 and not the unit's to change.
            fixed = sheet.cell(row=r, column=DENOMINATOR_COL, value=1)
            fixed.fill = FIXED_FILL
            sheet.cell(row=r, column=NUMERATOR_COL).alignment = Alignment(
                horizontal="center", vertical="top"
            )
        else:
            inputs = (pair.numerator, pair.denominator, note)
            input_columns = (NUMERATOR_COL, DENOMINATOR_COL, NOTE_COL)
        written.append([inputs[0], None if indicator.yes_no else inputs[1], inputs[-1] or None])
        for column, value in zip(input_columns, inputs, strict=True):
            cell = sheet.cell(row=r, column=column)
            set_safe_value(cell, value if value != "" else None)
            cell.protection = Protection(locked=False)
            cell.fill = INPUT_FILL
        _lay_out_row(sheet, r, row)
    _validate_inputs(sheet, [indicator.yes_no for indicator, _row in rows])
    for letter, width in zip("ABCDEFGHI", WIDTHS, strict=True):
        sheet.column_dimensions[letter].width = width
    # Printed for the unit's head to sign off: one landscape page wide, the header on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{FIRST_ROW - 1}:{FIRST_ROW - 1}"
    sheet.protection.set_password(PROTECTION_PASSWORD)
    sheet.protection.sheet = True
    record = form_record(origin, unit, meta, [row for _i, row in rows], written)
    _write_record(workbook.create_sheet(CHECK_SHEET), record)
    workbook.security = WorkbookProtection(workbookPassword=PROTECTION_PASSWORD, lockStructure=True)
    save_atomically(workbook, path)


def _lay_out_row(sheet: Worksheet, r: int, row: FormRow) -> None:
    """Borders, top alignment and a height that shows the long sentences whole: Excel and
    LibreOffice do not grow a row for wrapped text they did not wrap themselves."""
    lines = 1
    for column in range(1, len(COLUMNS) + 1):
        cell = sheet.cell(row=r, column=column)
        cell.border = GRID_BORDER
        if column in WRAPPED:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            text = str(cell.value or "")
            # About one character per unit of width; a little less for safety.
            lines = max(lines, -(-len(text) // int(WIDTHS[column - 1] * 0.95)))
        elif cell.alignment.horizontal is None:
            cell.alignment = Alignment(vertical="top")
    sheet.row_dimensions[r].height = lines * LINE_HEIGHT + 3


def _ranges(column: str, rows: Iterable[int]) -> list[str]:
    """Sheet rows → the fewest ranges of ``column`` covering them: G, [8, 9, 11] → G8:G9, G11."""
    runs: list[list[int]] = []
    for row in sorted(rows):
        if runs and runs[-1][1] == row - 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    return [
        f"{column}{first}" if first == last else f"{column}{first}:{column}{last}"
        for first, last in runs
    ]


def _validate_inputs(sheet: Worksheet, yes_no: list[bool]) -> None:
    ratio_rows = [FIRST_ROW + n for n, flag in enumerate(yes_no) if not flag]
    tick_rows = [FIRST_ROW + n for n, flag in enumerate(yes_no) if flag]
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
    tick = DataValidation(
        type="list",
        formula1=f'"{YES_WORD},{NO_WORD}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Chỉ chọn Có hoặc Chưa",
        error="Chỉ tiêu này ghi “Có” hoặc “Chưa” cho đơn vị, không ghi số.",
        showInputMessage=True,
        promptTitle="Có / Chưa",
        prompt="Chọn “Có” nếu đơn vị đã thực hiện, “Chưa” nếu chưa.",
    )
    for rule, column, rows in (
        (numerator, "G", ratio_rows),
        (denominator, "H", ratio_rows),
        (tick, "G", tick_rows),
    ):
        if not rows:
            continue
        for cells in _ranges(column, rows):
            rule.add(cells)
        sheet.add_data_validation(rule)


def form_record(
    origin: Origin,
    unit: GridUnit,
    meta: dict[str, object],
    rows: list[FormRow],
    inputs: list[list[object]],
) -> dict[str, object]:
    """The signed record of one form (see the module's docstring). ``inputs`` are the input cells
    as sent (Tử số, Mẫu số — None on a yes/no row —, Ghi chú): a cell returned as it was sent is
    one the unit did not touch, and never overwrites a value the clerk saved since."""
    record: dict[str, object] = {
        "kind": FORM_KIND,
        "version": FORM_VERSION,
        "database_id": origin.identity.database_id,
        "ward_name": origin.ward_name,
        "unit_id": int(unit.id),
        **meta,
        "rows": [r.protected() for r in rows],
        "inputs": inputs,
    }
    record[MAC_KEY] = origin.identity.sign(mac_payload(record))
    return record


def _write_record(sheet: Worksheet, record: dict[str, object]) -> None:
    text = json.dumps(record, ensure_ascii=False)
    # A cell holds at most 32,767 characters; long records continue down column A.
    for n in range(0, max(len(text), 1), 30_000):
        sheet.cell(row=n // 30_000 + 1, column=1, value=text[n : n + 30_000])
    sheet.sheet_state = "veryHidden"
    sheet.protection.set_password(PROTECTION_PASSWORD)
    sheet.protection.sheet = True
