"""The tables of a document as a formatted Excel workbook, for the city's board to re-use.

Every table the template lays out (the indicators, the annex per unit, the list of nominees) becomes
one sheet with the same columns, a bold frozen header and an auto-filter.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl.styles import Alignment, Font

from desktop.excel.common import ExcelInputError, new_workbook, save_atomically, write_table

if TYPE_CHECKING:
    from desktop.documents.service import Prepared


def write_document_tables(prepared: Prepared, path: Path) -> int:
    """Write the tables of ``prepared`` to ``path``; returns how many sheets were written."""
    tables = [line.table for line in prepared.lines if line.table is not None]
    if not tables:
        raise ExcelInputError("Văn bản này không có bảng số liệu để xuất ra Excel.")
    workbook, sheet = new_workbook("Bảng 1")
    for index, table in enumerate(tables, start=1):
        if index > 1:
            sheet = workbook.create_sheet(f"Bảng {index}")
        sheet.cell(row=1, column=1, value=prepared.title).font = Font(bold=True, size=13)
        total = sum(c.weight for c in table.columns)
        widths = [max(8, round(c.weight / total * 160)) for c in table.columns]
        last = write_table(
            sheet, [c.header for c in table.columns], table.rows, widths=widths, start_row=3
        )
        for row in sheet.iter_rows(min_row=4, max_row=last):
            for cell, column in zip(row, table.columns, strict=False):
                cell.alignment = Alignment(horizontal=column.align, vertical="top", wrap_text=True)
    save_atomically(workbook, Path(path))
    return len(tables)
