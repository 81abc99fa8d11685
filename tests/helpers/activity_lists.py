"""A unit's list of activities as it comes back to the ward in Excel: the template's headers on
the sheet "Hoạt động", then its rows."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from desktop.excel.activities import COLUMNS, SHEET

HEADERS = [c.header for c in COLUMNS]


def a_list(path: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path
