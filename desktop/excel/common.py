"""What every Excel file of the app shares: safe opening, safe cells, a tidy table layout.

Opening refuses, with a Vietnamese message and without touching anything, the files a clerk really
meets: a .xls or a Word file renamed, a password-protected workbook (an encrypted OLE container), a
file another program holds open, an empty workbook.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook as WorkbookType
from openpyxl.worksheet.worksheet import Worksheet

from desktop.errors import Refusal

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEADER_FONT = Font(bold=True)


class ExcelInputError(Refusal, ValueError):
    """A workbook that cannot be read as asked; ``str(error)`` is the clerk's message."""


def open_workbook(path: Path, *, data_only: bool = False, read_only: bool = False) -> WorkbookType:
    """Open an .xlsx for reading, or raise :class:`ExcelInputError` saying what is wrong."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise ExcelInputError(f"Không tìm thấy tệp “{name}”.")
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except PermissionError:
        raise ExcelInputError(
            f"Tệp “{name}” đang được một chương trình khác mở hoặc khóa. Hãy đóng tệp trong Excel "
            "rồi thử lại."
        ) from None
    except OSError as error:
        raise ExcelInputError(f"Không đọc được tệp “{name}”: {error.strerror or error}.") from None
    if head == OLE_SIGNATURE:
        raise ExcelInputError(
            f"Tệp “{name}” có mật khẩu bảo vệ hoặc là tệp Excel đời cũ (.xls). Hãy bỏ mật khẩu "
            "hoặc lưu lại dưới dạng “Excel Workbook (*.xlsx)” rồi thử lại."
        )
    if not zipfile.is_zipfile(path):
        raise ExcelInputError(
            f"Tệp “{name}” không phải là tệp Excel .xlsx. Hãy mở bằng Excel và lưu lại dưới dạng "
            "“Excel Workbook (*.xlsx)”."
        )
    try:
        workbook = load_workbook(path, data_only=data_only, read_only=read_only)
    except PermissionError:
        raise ExcelInputError(
            f"Tệp “{name}” đang được một chương trình khác mở hoặc khóa. Hãy đóng tệp rồi thử lại."
        ) from None
    except Exception as error:  # openpyxl raises many kinds for a broken package
        raise ExcelInputError(f"Tệp “{name}” bị hỏng hoặc không đúng định dạng .xlsx ({error}).") from None
    if not workbook.worksheets:
        raise ExcelInputError(f"Tệp “{name}” không có trang tính nào.")
    return workbook


def set_safe_value(cell: Cell, value: Any) -> None:
    """Put a value in a cell so that text is always text.

    openpyxl writes a string starting with "=" as a formula; text from the clerk or from an imported
    file that starts with =, +, -, @ is stored as a string cell with Excel's quote prefix instead,
    so opening the file never runs it.
    """
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True


def write_table(
    sheet: Worksheet,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    widths: Sequence[int] | None = None,
    start_row: int = 1,
) -> int:
    """Write a header row in bold, frozen, with an auto-filter, then the rows; returns the last row."""
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(row=start_row, column=column, value=header)
        cell.font = HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    last = start_row
    for last, row in enumerate(rows, start=start_row + 1):
        for column, value in enumerate(row, start=1):
            set_safe_value(sheet.cell(row=last, column=column), value)
    sheet.freeze_panes = sheet.cell(row=start_row + 1, column=1)
    sheet.auto_filter.ref = f"A{start_row}:{get_column_letter(len(headers))}{max(last, start_row)}"
    for column, header in enumerate(headers, start=1):
        width = widths[column - 1] if widths else max(10, min(50, len(header) + 4))
        sheet.column_dimensions[get_column_letter(column)].width = width
    return last


def new_workbook(title: str) -> tuple[Workbook, Worksheet]:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title[:31]
    return workbook, sheet


def save_atomically(workbook: Workbook, path: Path) -> None:
    """Write beside the target and rename, so a crash never leaves half a workbook under its name."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.part")
    try:
        workbook.save(temporary)
        temporary.replace(path)
    except PermissionError:
        temporary.unlink(missing_ok=True)
        raise ExcelInputError(
            f"Không ghi được “{path.name}”: tệp đang mở trong chương trình khác hoặc thư mục chỉ đọc."
        ) from None
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ExcelInputError(f"Không ghi được “{path.name}”: {error.strerror or error}.") from None
