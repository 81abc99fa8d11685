"""Excel export of a quarter: the grid of every unit's numerators and denominators, and the ward results
(toàn phường, theo loại đơn vị, đơn vị chưa đạt, đơn vị chưa báo cáo) of that quarter or year.

Every figure stays a number, so that the clerk and the city's board can sort, filter, chart and
compute with it: a percent is Excel's own (the fraction, 0.853), a gap is in percentage points, and
each carries the number format of :mod:`desktop.text.wording`, so Excel shows "85,3%", "4,5 điểm %"
and "1.234" as the screen and the PDF do. A verdict is the text of ``wording.verdict`` — "Chưa đủ số
liệu (k/n đơn vị)" until every expected unit has reported —; a figure that is missing is an empty
cell (the verdict beside it says why). Each result carries its coverage (units reported / expected),
the comparison of the plan's sentence, the "duy trì" mark of a carried-over target, and, for a
year, as of which quarters its parts are; the units that have not reported are listed by name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet
from sqlmodel import Session, col, select

from desktop.excel.common import new_workbook, save_atomically, write_table
from desktop.indicators.lock import corrections
from desktop.indicators.results import (
    IndicatorResult,
    indicator_series,
    lagging_units,
    results_by_kind,
    ward_results,
)
from desktop.indicators.rules import Pair
from desktop.indicators.values import load_grid
from desktop.models import Indicator, Unit, UnitKind
from desktop.settings import load_settings
from desktop.text import wording

Report = Callable[[int, int, str], None]
PERCENT, POINTS, COUNT = wording.EXCEL_PERCENT, wording.EXCEL_POINTS, wording.EXCEL_COUNT
CARRIED_OVER = "Duy trì"
# A quarter whose figure stands on fewer units than expected: shown, but greyed as not final.
INCOMPLETE_FONT = Font(italic=True, color="808080")
SHEET_MISSING = "Đơn vị chưa báo cáo"


def format_columns(
    sheet: Worksheet, formats: Mapping[int, str], last_row: int, first_row: int = 2
) -> None:
    """Give each figure column (1-based) its number format; write_table leaves cells General."""
    columns = list(formats.items())
    for row in range(first_row, last_row + 1):  # sheet.cell is cheaper than one iter_rows per column
        for column, number_format in columns:
            sheet.cell(row=row, column=column).number_format = number_format


def printable(sheet: Worksheet) -> None:
    """Printed (or saved as PDF) a table reads on landscape pages one table wide, its header
    repeated on each page; on screen nothing changes."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.row_dimensions[1].height = 30  # the wrapped headers ("Đơn vị phải báo cáo") on two lines


def export_quarter(
    session: Session, year: int, quarter: int, path: Path, report: Report | None = None
) -> Path:
    """Write the quarter's grid and results to ``path`` (.xlsx, replaced atomically)."""
    grid = load_grid(session, year, quarter)
    workbook, sheet = new_workbook(f"Số liệu quý {quarter}-{year}")
    headers = ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị"]
    for indicator in grid.indicators:
        headers += [
            f"{indicator.code} tử số",
            f"{indicator.code} mẫu số",
            f"{indicator.code} tỷ lệ",
        ]
    rows = []
    for n, unit in enumerate(grid.units):
        row: list[object] = [unit.code, unit.name, unit.kind.label]
        for indicator in grid.indicators:
            if not grid.reports(unit, indicator):
                row += [None, None, None]
                continue
            pair = grid.value(unit.id, indicator.id)
            # A blank cell for a unit still to report: the sheet is data to filter and sum.
            row += [pair.numerator, pair.denominator, wording.excel_percent(pair.percent)]
        rows.append(row)
        if report and n % 500 == 0:
            report(n, len(grid.units), "")
    widths = [12, 40, 24] + [11] * (3 * len(grid.indicators))
    last = write_table(sheet, headers, rows, widths=widths)
    figures = (COUNT, COUNT, PERCENT)
    format_columns(sheet, {4 + n: figures[n % 3] for n in range(3 * len(grid.indicators))}, last)
    sheet.freeze_panes = "D2"
    results = ward_results(session, year, quarter)
    write_results(workbook.create_sheet("Kết quả toàn phường"), session, year, quarter, results)
    write_kinds(workbook.create_sheet("Theo loại đơn vị"), session, year, quarter)
    write_lagging(workbook.create_sheet("Đơn vị chưa đạt"), session, year, quarter, results)
    write_missing(workbook.create_sheet(SHEET_MISSING), session, results)
    for table in workbook.worksheets[1:]:  # the grid is data, too wide to print
        printable(table)
    save_atomically(workbook, path)
    return path


def export_results(session: Session, year: int, quarter: int | None, path: Path) -> Path:
    """The ward results of a quarter (or of the year: each unit's latest report) to ``path``."""
    title = f"Kết quả năm {year}" if quarter is None else f"Kết quả quý {quarter}-{year}"
    workbook, sheet = new_workbook(title)
    results = ward_results(session, year, quarter)
    write_results(sheet, session, year, quarter, results)
    write_quarters(workbook.create_sheet("Các quý trong năm"), session, year, results)
    write_kinds(workbook.create_sheet("Theo loại đơn vị"), session, year, quarter)
    write_lagging(workbook.create_sheet("Đơn vị chưa đạt"), session, year, quarter, results)
    write_missing(workbook.create_sheet(SHEET_MISSING), session, results)
    for table in workbook.worksheets:
        printable(table)
    save_atomically(workbook, path)
    return path


def _coverage(reported: int, expected: int) -> str:
    """"20/23": units reported out of units expected, as text (Excel would read 20/23 as a date)."""
    return f"{wording.count(reported)}/{wording.count(expected)}"


def write_quarters(
    sheet: Worksheet,
    session: Session,
    year: int,
    results: Sequence[IndicatorResult] | None = None,
) -> None:
    """Tỷ lệ toàn phường of every indicator in each quarter of the year, beside the year's target,
    then how many units reported each quarter; a quarter short of units is greyed."""
    quarters = ("Quý 1", "Quý 2", "Quý 3", "Quý 4")
    headers = [
        "Mã",
        "Chỉ tiêu",
        *quarters,
        "Chỉ tiêu năm",
        *(f"Báo cáo {q.lower()}" for q in quarters),
    ]
    rows = []
    incomplete: list[tuple[int, int]] = []  # (sheet row, column) of the greyed figures
    for n, result in enumerate(results if results is not None else ward_results(session, year)):
        series = indicator_series(session, result.indicator_id, year, year)
        rows.append(
            [
                result.code,
                result.name,
                *(wording.excel_percent(p.percent) for p in series),
                wording.excel_percent(series[0].target if series else result.target),
                *(_coverage(p.reported_units, p.expected_units) for p in series),
            ]
        )
        incomplete += [
            (n + 2, 3 + q) for q, p in enumerate(series) if p.percent is not None and not p.complete
        ]
    last = write_table(
        sheet, headers, rows, widths=[12, 60, 10, 10, 10, 10, 14, 13, 13, 13, 13]
    )
    format_columns(sheet, dict.fromkeys(range(3, 8), PERCENT), last)
    for row in range(2, last + 1):  # "20/23" is text; it lines up with the figures
        for column in range(8, 12):
            sheet.cell(row=row, column=column).alignment = Alignment(horizontal="right")
    for row, column in incomplete:
        sheet.cell(row=row, column=column).font = INCOMPLETE_FONT
    if incomplete:
        sheet.cell(
            row=last + 2,
            column=1,
            value="Chữ nghiêng màu xám: quý chưa đủ đơn vị báo cáo, tỷ lệ chưa dùng để kết luận.",
        ).font = INCOMPLETE_FONT


def write_results(
    sheet: Worksheet,
    session: Session,
    year: int,
    quarter: int | None,
    results: Sequence[IndicatorResult] | None = None,
) -> None:
    headers = [
        "Mã",
        "Chỉ tiêu",
        "Quý số liệu",
        "Tử số",
        "Mẫu số",
        "Tỷ lệ",
        "So sánh",
        "Chỉ tiêu năm",
        "Chỉ tiêu duy trì",
        "Còn thiếu",
        "Kết luận",
        "Đơn vị đã báo cáo",
        "Đơn vị phải báo cáo",
        "Tỷ lệ đơn vị báo cáo",
        "Số liệu tính đến",
    ]
    rows = [
        [
            r.code,
            r.name,
            r.quarter,
            r.numerator,
            r.denominator,
            wording.excel_percent(r.percent),
            None if r.target is None else r.comparison.label,
            wording.excel_percent(r.target),
            CARRIED_OVER if r.carried_over else None,
            r.gap,
            wording.verdict(r),
            r.reported_units,
            r.expected_units,
            wording.excel_percent(r.completeness),
            "; ".join(f"quý {q}: {wording.count(n)} đơn vị" for q, n in r.as_of) or None,
        ]
        for r in (results if results is not None else ward_results(session, year, quarter))
    ]
    widths = [12, 60, 10, 12, 12, 10, 14, 12, 11, 12, 32, 12, 12, 12, 28]
    last = write_table(sheet, headers, rows, widths=widths)
    formats = {
        4: COUNT, 5: COUNT, 6: PERCENT, 8: PERCENT, 10: POINTS, 12: COUNT, 13: COUNT, 14: PERCENT
    }
    format_columns(sheet, formats, last)


def _labels(session: Session) -> dict[int, str]:
    """The catalogue's short name of each indicator (its name when it has none): a sheet names an
    indicator as the grid does, its code beside it."""
    return {saved: i.label for i in session.exec(select(Indicator)) if (saved := i.id) is not None}


def write_kinds(sheet: Worksheet, session: Session, year: int, quarter: int | None) -> None:
    labels = _labels(session)
    headers = [
        "Mã chỉ tiêu",
        "Chỉ tiêu",
        "Loại đơn vị",
        "Tử số",
        "Mẫu số",
        "Tỷ lệ",
        "Đã báo cáo",
        "Phải báo cáo",
        "Kết luận",
    ]
    rows = [
        [
            r.code,
            labels.get(r.indicator_id, r.code),
            r.unit_kind.label,
            r.numerator,
            r.denominator,
            wording.excel_percent(r.percent),
            r.reported_units,
            r.expected_units,
            wording.verdict(r),
        ]
        for r in results_by_kind(session, year, quarter)
        if r.expected_units
    ]
    last = write_table(sheet, headers, rows, widths=[12, 36, 32, 12, 12, 10, 12, 12, 32])
    format_columns(sheet, {4: COUNT, 5: COUNT, 6: PERCENT, 7: COUNT, 8: COUNT}, last)


def write_lagging(
    sheet: Worksheet,
    session: Session,
    year: int,
    quarter: int | None,
    results: Sequence[IndicatorResult] | None = None,
) -> None:
    labels = _labels(session)
    headers = [
        "Mã chỉ tiêu",
        "Chỉ tiêu",
        "Mã đơn vị",
        "Tên đơn vị",
        "Tử số",
        "Mẫu số",
        "Tỷ lệ",
        "Chỉ tiêu",
        "Còn thiếu",
        "Quý số liệu",
    ]
    rows = []
    for result in results if results is not None else ward_results(session, year, quarter):
        for r in lagging_units(session, year, quarter, result.indicator_id):
            rows.append(
                [
                    r.indicator_code,
                    labels.get(r.indicator_id, r.indicator_code),
                    r.unit_code,
                    r.unit_name,
                    r.numerator,
                    r.denominator,
                    wording.excel_percent(r.percent),
                    wording.excel_percent(r.target),
                    r.gap,
                    r.quarter,
                ]
            )
    last = write_table(sheet, headers, rows, widths=[12, 36, 12, 40, 12, 12, 10, 10, 12, 10])
    format_columns(sheet, {5: COUNT, 6: COUNT, 7: PERCENT, 8: PERCENT, 9: POINTS}, last)


def write_missing(
    sheet: Worksheet, session: Session, results: Sequence[IndicatorResult]
) -> None:
    """Đơn vị chưa báo cáo: per indicator, every unit expected that has not reported."""
    ids = sorted({u.id for r in results for u in r.missing_units})
    kinds: dict[int, UnitKind] = {}
    for start in range(0, len(ids), 500):  # SQLite's limit of bound parameters
        rows_of_kind = session.exec(
            select(Unit.id, Unit.kind).where(col(Unit.id).in_(ids[start : start + 500]))
        )
        kinds.update({uid: UnitKind(kind) for uid, kind in rows_of_kind if uid is not None})
    headers = ["Mã chỉ tiêu", "Chỉ tiêu", "Mã đơn vị", "Tên đơn vị", "Loại đơn vị"]
    rows = [
        [r.code, r.name, u.code, u.name, kinds[u.id].label if u.id in kinds else None]
        for r in results
        for u in r.missing_units
    ]
    write_table(sheet, headers, rows, widths=[12, 40, 12, 42, 30])


def export_corrections(session: Session, year: int, quarter: int, path: Path) -> int:
    """Phiếu đính chính số liệu: every change after the quarter was unlocked, ready to print.

    Returns the number of corrections written (0 writes nothing).
    """
    entries = corrections(session, year, quarter)
    if not entries:
        return 0
    ward = load_settings(session)
    workbook, sheet = new_workbook(f"Đính chính quý {quarter}-{year}")
    sheet["A1"] = f"{ward.agency_name} {ward.ward_name}".strip()
    sheet["A2"] = f"PHIẾU ĐÍNH CHÍNH SỐ LIỆU QUÝ {quarter}/{year}"
    sheet["A2"].font = Font(bold=True, size=13)
    headers = [
        "Ngày giờ sửa",
        "Mã đơn vị",
        "Tên đơn vị",
        "Chỉ tiêu",
        "Số cũ (tử/mẫu)",
        "Số mới (tử/mẫu)",
        "Lý do",
    ]
    rows = [
        [
            wording.date_time(c.at),
            c.unit_code,
            c.unit_name,
            c.indicator_code,
            _pair_text(c.old),
            _pair_text(c.new),
            c.reason,
        ]
        for c in entries
    ]
    write_table(sheet, headers, rows, widths=[17, 12, 36, 12, 16, 16, 40], start_row=4)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    save_atomically(workbook, path)
    return len(entries)


def _pair_text(pair: Pair) -> str:
    if pair.empty:
        return "(trống)"
    return f"{wording.count(pair.numerator, '')}/{wording.count(pair.denominator, '')}"
