"""Nhật ký thay đổi ra Excel: every entry the clerk filtered, one row each, written atomically.

The moment is a real date cell (Excel sorts and filters it as a date) shown to the second. Each
entry is worded as the page words it — the record by its name, the field by its Vietnamese name,
old and new values as the pages show them, in full where the page cuts them — and, for an
inspection that must see exactly what was stored, the last columns keep the stored form: the
record's number, the field's name in the database, the values as written.
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
    "Bản ghi",
    "Thao tác",
    "Trường",
    "Giá trị cũ",
    "Giá trị mới",
    "Lý do",
    "Mã bản ghi",
    "Trường (tên lưu trữ)",
    "Giá trị cũ (dạng lưu trữ)",
    "Giá trị mới (dạng lưu trữ)",
)
WIDTHS = (20, 22, 40, 10, 24, 50, 50, 30, 10, 20, 30, 30)
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
                entry.record,
                entry.action_label,
                entry.field_label,
                entry.old_text,
                entry.new_text,
                entry.reason,
                entry.record_id,
                entry.field,
                entry.old_value,
                entry.new_value,
            ]

    write_table(sheet, HEADERS, rows(), widths=WIDTHS)
    for (cell,) in sheet.iter_rows(min_row=2, max_row=count + 1, min_col=1, max_col=1):
        cell.number_format = MOMENT_FORMAT
    save_atomically(workbook, path)
    return count
