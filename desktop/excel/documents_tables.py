"""The tables of a document as a formatted Excel workbook, for the city's board to re-use.

Every table the template lays out (the indicators, the annex per unit, the list of nominees) becomes
one sheet with the same columns, a bold frozen header and an auto-filter.

The document's cells arrive worded by :mod:`desktop.text.wording` ("85,3%", "4,5 điểm %",
"1.234"); each such figure goes into the workbook as the number it says, under the one voice's
number format, so that the board can sort, chart and compute with it while it reads as in the
PDF. Any other text ("Đạt", "12/15", "—") stays text.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font

from desktop.excel.common import ExcelInputError, new_workbook, save_atomically, write_table
from desktop.text import wording

if TYPE_CHECKING:
    from desktop.documents.service import Prepared

# A number and its Excel number format, or None for a cell that stays text.
Figure = tuple[float | int, str] | None


def write_document_tables(prepared: Prepared, path: Path) -> int:
    """Write the tables of ``prepared`` to ``path``; returns how many sheets were written."""
    tables = [line.table for line in prepared.lines if line.table is not None]
    if not tables:
        raise ExcelInputError("Văn bản này không có bảng số liệu để xuất ra Excel.")
    workbook, sheet = new_workbook("Bảng 1")
    read: dict[str, Figure] = {}
    for index, table in enumerate(tables, start=1):
        if index > 1:
            sheet = workbook.create_sheet(f"Bảng {index}")
        sheet.cell(row=1, column=1, value=prepared.title).font = Font(bold=True, size=13)
        total = sum(c.weight for c in table.columns)
        widths = [max(8, round(c.weight / total * 160)) for c in table.columns]
        figures = [[_figure(text, read) for text in row] for row in table.rows]
        values = [
            [text if figure is None else figure[0] for text, figure in zip(row, found, strict=True)]
            for row, found in zip(table.rows, figures, strict=True)
        ]
        last = write_table(
            sheet, [c.header for c in table.columns], values, widths=widths, start_row=3
        )
        for row, found in zip(sheet.iter_rows(min_row=4, max_row=last), figures, strict=True):
            for cell, column, figure in zip(row, table.columns, found, strict=False):
                _style(cell, column.align, figure)
    save_atomically(workbook, Path(path))
    return len(tables)


def _figure(text: str, read: dict[str, Figure]) -> Figure:
    """The figure a cell's text says, read once per distinct text (percents repeat a lot)."""
    if text not in read:
        read[text] = wording.excel_figure(text)
    return read[text]


def _style(cell: Cell, align: str, figure: Figure) -> None:
    cell.alignment = Alignment(horizontal=align, vertical="top", wrap_text=True)
    if figure is not None:
        cell.number_format = figure[1]
