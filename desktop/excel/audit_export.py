"""Nhật ký thay đổi ra Excel: every entry the clerk filtered, one row each, written atomically.

The moment is a real date cell (Excel sorts and filters it as a date) shown to the second; the
old and new values are written in full, where the page cuts long snapshots.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sqlmodel import Session

from desktop.excel.common import new_workbook, save_atomically, write_table
from desktop.storage.audit import AuditFilter, iter_audit

SHEET_TITLE = "Nhật ký thay đổi"
HEADERS = (
    "Thời điểm",
    "Bảng",
    "Mã bản ghi",
    "Thao tác",
    "Trường",
    "Giá trị cũ",
    "Giá trị mới",
    "Lý do",
)
WIDTHS = (20, 22, 10, 10, 20, 50, 50, 30)
MOMENT_FORMAT = "DD/MM/YYYY HH:MM:SS"


def export_audit(session: Session, flt: AuditFilter, path: Path) -> int:
    """Write every matching entry to an Excel workbook (atomically); returns the number of rows."""
    workbook, sheet = new_workbook(SHEET_TITLE)
    count = 0

    def rows() -> Iterator[list[object]]:
        nonlocal count
        for entry in iter_audit(session, flt):
            count += 1
            yield [
                entry.at,
                entry.table,
                entry.record_id,
                entry.action_label,
                entry.field,
                entry.old_text,
                entry.new_text,
                entry.reason,
            ]

    write_table(sheet, HEADERS, rows(), widths=WIDTHS)
    for (cell,) in sheet.iter_rows(min_row=2, max_row=count + 1, min_col=1, max_col=1):
        cell.number_format = MOMENT_FORMAT
    save_atomically(workbook, path)
    return count
