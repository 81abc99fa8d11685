"""Biểu mẫu thu thập số liệu: one workbook per unit and quarter, sent out and read back.

The sheet names the unit and the quarter and lists the indicators the unit reports that year (the
year's scope: HOCSINH goes to secondary schools in 2025, to every school from primary in 2026). Each
Mẫu số is pre-filled with the value the grid proposes — the register's head-count the indicator is
measured on, else the previous quarter's Mẫu số — and last quarter's Mẫu số is shown beside it. A
yes/no indicator (TRUONGKNS) is one cell to choose "Có" or "Chưa", its Mẫu số locked at 1.

Only the input cells (tử số, mẫu số, ghi chú) are unlocked and they carry Excel data validation. A
very hidden sheet keeps what the protected cells must hold, so that a returned workbook whose
protected cells were changed, or whose rows were removed or reordered, is recognised and refused
(:mod:`desktop.excel.values_import`).
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
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, unit in enumerate(units):
        if report:
            report(n, len(units), unit.name)
        path = folder / form_file_name(unit, year, quarter)
        write_form(grid, unit, _rows(grid, unit), path)
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
    grid: QuarterGrid, unit: GridUnit, rows: list[tuple[GridIndicator, FormRow]], path: Path
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
    labels = {"unit_code": "Mã đơn vị", "unit_name": "Tên đơn vị", "year": "Năm", "quarter": "Quý"}
    for key, meta_row in META_ROWS.items():
        sheet.cell(row=meta_row, column=2, value=labels[key]).font = Font(bold=True)
        value = sheet.cell(row=meta_row, column=3)
        set_safe_value(value, meta[key])
        value.alignment = Alignment(horizontal="left")  # the year beside the unit's name, not afar
    for column, header in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=FIRST_ROW - 1, column=column, value=header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = GRID_BORDER
    sheet.row_dimensions[FIRST_ROW - 1].height = 2 * LINE_HEIGHT
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
            sheet.cell(row=r, column=NUMERATOR_COL).alignment = Alignment(horizontal="center", vertical="top")
        else:
            inputs = (pair.numerator, pair.denominator, note)
            input_columns = (NUMERATOR_COL, DENOMINATOR_COL, NOTE_COL)
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
    _write_record(workbook.create_sheet(CHECK_SHEET), meta, [row for _i, row in rows])
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
